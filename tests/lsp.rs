//! A whole editor session with `waterline lsp`, over the protocol against the real binary:
//! initialize, open, incremental changes, diagnostics, hover, shutdown, exit.

use std::io::BufReader;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{Value, json};

/// Long enough for a slow, shared machine; only guards against a hang.
const DEADLINE: Duration = Duration::from_secs(60);

struct Session {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Message>,
    next_id: i32,
}

impl Session {
    fn start() -> Session {
        let home = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_waterline"))
            .arg("lsp")
            .env("WATERLINE_HOME", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary runs");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            while let Ok(Some(message)) = Message::read(&mut stdout) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Session { child, stdin, incoming, next_id: 1 }
    }

    fn send(&mut self, message: Message) {
        message.write(&mut self.stdin).expect("the server reads");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(method.into(), params)));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        self.send(Message::Request(Request::new(id.clone(), method.into(), params)));
        loop {
            match self.incoming.recv_timeout(DEADLINE).expect("a response") {
                Message::Response(r) if r.id == id => {
                    return r.response_result.unwrap_or_else(|e| panic!("{method}: {e:?}"));
                }
                _ => {}
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            if let Message::Notification(n) =
                self.incoming.recv_timeout(DEADLINE).expect("diagnostics")
                && n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
            {
                return n.params["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
}

const NOTES: &str = "file:///tmp/postmortem.md";
const REVIEW: &str = "file:///tmp/review.toml";

#[test]
fn an_editor_session_gets_findings_as_it_types_and_hovers_for_the_reason() {
    let mut s = Session::start();
    let init =
        s.request("initialize", json!({ "processId": null, "rootUri": null, "capabilities": {} }));
    let caps = &init["capabilities"];
    assert_eq!(caps["textDocumentSync"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    s.notify("initialized", json!({}));

    let text = "# What happened\n\nThe engineer should have checked the dashboard.\n";
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
        "uri": NOTES, "languageId": "markdown", "version": 1, "text": text } }),
    );
    let d = s.diagnostics(NOTES);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "counterfactual-should-have");
    assert_eq!(d[0]["source"], "waterline");
    assert_eq!(d[0]["severity"], 2, "a warning");
    assert_eq!(d[0]["message"], "What did they see at the time that made this reasonable?");
    assert_eq!(d[0]["range"], range(2, 13, 2, 24));

    // Hovering the words says why they were flagged.
    let hover = s.request(
        "textDocument/hover",
        json!({
        "textDocument": { "uri": NOTES }, "position": { "line": 2, "character": 16 } }),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("Hindsight: judges what someone did against what is known only now"),
        "{shown}"
    );
    assert!(shown.contains("counterfactual-should-have"));

    // An incremental change rewords it: the finding goes.
    s.notify(
        "textDocument/didChange",
        json!({
        "textDocument": { "uri": NOTES, "version": 2 },
        "contentChanges": [{ "range": range(2, 0, 2, 32), "text": "Nothing on" }] }),
    );
    assert_eq!(s.diagnostics(NOTES), Vec::<Value>::new());

    // Another adds a line with new wording, found on its line.
    s.notify(
        "textDocument/didChange",
        json!({
        "textDocument": { "uri": NOTES, "version": 3 },
        "contentChanges": [{ "range": range(3, 0, 3, 0), "text": "It was human error.\n" }] }),
    );
    let d = s.diagnostics(NOTES);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["range"]["start"]["line"], 3);
    let nothing = s.request(
        "textDocument/hover",
        json!({
        "textDocument": { "uri": NOTES }, "position": { "line": 0, "character": 2 } }),
    );
    assert_eq!(nothing, Value::Null, "no hover away from a finding");

    // A review file gets the checks, on the line of the field.
    let review = "waterline = 1\n\n[incident]\ntitle = \"Checkout errors\"\n\n[[event]]\nid = \"e1\"\n\
                  at = 2026-03-02T09:12:00Z\ntext = \"The engineer should have known\"\n";
    s.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
        "uri": REVIEW, "languageId": "toml", "version": 1, "text": review } }),
    );
    let d = s.diagnostics(REVIEW);
    let wording = d
        .iter()
        .find(|x| x["code"].as_str().unwrap().starts_with("knowledge-"))
        .expect("the wording");
    assert_eq!(wording["range"]["start"]["line"], 8);
    // Breaking the file says where, like `waterline check` does.
    s.notify(
        "textDocument/didChange",
        json!({
        "textDocument": { "uri": REVIEW, "version": 2 },
        "contentChanges": [{ "range": range(3, 8, 3, 25), "text": "3" }] }),
    );
    let d = s.diagnostics(REVIEW);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "unreadable");
    assert_eq!(d[0]["range"]["start"]["line"], 3);

    s.notify("textDocument/didClose", json!({ "textDocument": { "uri": NOTES } }));
    assert_eq!(s.diagnostics(NOTES), Vec::<Value>::new(), "closing clears them");

    assert_eq!(s.request("shutdown", Value::Null), Value::Null);
    s.notify("exit", Value::Null);
    let status = s.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}
