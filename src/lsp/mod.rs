//! `waterline lsp`: a language server on standard input and output. Blame and hindsight
//! wording in Markdown and plain text, and every `check` finding in review files, as
//! diagnostics an editor shows as you type; hovering one says why. Synchronous: one loop,
//! documents kept in step by incremental changes, findings recomputed on each change.

mod diagnose;
mod document;

use std::collections::HashMap;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{HoverRequest, Request as _};
use lsp_types::{
    Hover, HoverContents, HoverParams, HoverProviderCapability, MarkupContent, MarkupKind,
    PublishDiagnosticsParams, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    Uri,
};

pub use diagnose::{Found, diagnose};
pub use document::{Document, Kind};

use crate::analysis::policy::DuePolicy;

/// Serves one editor over standard input and output until it says `exit`.
pub fn run(policy: DuePolicy) -> anyhow::Result<()> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    connection.initialize(serde_json::to_value(capabilities)?)?;
    let mut server = Server { policy, open: HashMap::new() };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    break;
                }
                connection.sender.send(Message::Response(server.answer(request)))?;
            }
            Message::Notification(n) => {
                if let Some(publish) = server.notice(n) {
                    connection.sender.send(Message::Notification(publish))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    drop(connection);
    io_threads.join()?;
    Ok(())
}

struct Open {
    document: Document,
    found: Vec<Found>,
}

struct Server {
    policy: DuePolicy,
    open: HashMap<String, Open>,
}

impl Server {
    fn answer(&self, request: Request) -> Response {
        if request.method != HoverRequest::METHOD {
            return Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("{} is not supported", request.method),
            );
        }
        match serde_json::from_value::<HoverParams>(request.params) {
            Ok(params) => Response::new_ok(request.id, self.hover(&params)),
            Err(e) => Response::new_err(request.id, ErrorCode::InvalidParams as i32, e.to_string()),
        }
    }

    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let open = self.open.get(at.text_document.uri.as_str())?;
        let p = at.position;
        let here: Vec<&Found> = (open.found.iter())
            .filter(|f| f.diagnostic.range.start <= p && p <= f.diagnostic.range.end)
            .collect();
        let first = here.first()?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: here
                    .iter()
                    .map(|f| f.hover.as_str())
                    .collect::<Vec<_>>()
                    .join("\n\n---\n\n"),
            }),
            range: Some(first.diagnostic.range),
        })
    }

    /// Follows an open, change or close; returns the diagnostics to publish.
    fn notice(&mut self, n: Notification) -> Option<Notification> {
        let uri: Uri = match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams =
                    serde_json::from_value(n.params).ok()?;
                let doc = p.text_document;
                let kind = Kind::of(doc.uri.as_str(), &doc.language_id);
                let document = Document::new(kind, doc.text);
                self.open
                    .insert(doc.uri.as_str().to_string(), Open { document, found: Vec::new() });
                doc.uri
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams =
                    serde_json::from_value(n.params).ok()?;
                let open = self.open.get_mut(p.text_document.uri.as_str())?;
                for change in p.content_changes {
                    open.document.apply(change.range, &change.text);
                }
                p.text_document.uri
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams =
                    serde_json::from_value(n.params).ok()?;
                self.open.remove(p.text_document.uri.as_str());
                return Some(publish(p.text_document.uri, Vec::new()));
            }
            _ => return None,
        };
        let open = self.open.get_mut(uri.as_str())?;
        open.found = diagnose(&open.document, &self.policy);
        let diagnostics = open.found.iter().map(|f| f.diagnostic.clone()).collect();
        Some(publish(uri, diagnostics))
    }
}

fn publish(uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>) -> Notification {
    let params = PublishDiagnosticsParams { uri, diagnostics, version: None };
    Notification::new(PublishDiagnostics::METHOD.to_string(), params)
}
