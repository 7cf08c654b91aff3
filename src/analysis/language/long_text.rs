//! A long text linted on every core: cut into pieces at blank lines (see
//! [`super::text::pieces`]), each piece linted on a worker thread and turned there into
//! what the caller writes, and every piece handed back in the text's order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, mpsc};

use super::engine::each_in;
use super::text::{Piece, pieces, quoted_regions};
use super::{Finding, Lexicon, LintContext};

/// About how much text one worker lints at a time.
pub(super) const PIECE: usize = 256 * 1024;
/// How many pieces may be made ahead of the one being written: what is held at most.
const AHEAD: usize = 8;

/// Lints `text` with `lexicon`, cut into pieces of about `size` bytes (`PIECE` but in
/// tests): each piece's findings are added, in order, by `add` to a `T` made on a worker
/// thread, and `take` is given each `T` on this thread in the text's order. Stops at the
/// first error `take` returns. The findings are exactly those of one pass over the whole
/// text.
pub(super) fn lint_in_pieces<T, E>(
    size: usize,
    lexicon: &Lexicon,
    text: &str,
    ctx: &LintContext,
    add: &(dyn Fn(&mut T, Finding) + Sync),
    take: &mut dyn FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    T: Default + Send,
{
    // Quotations end at a blank line, so each piece finds its own (on its worker); a
    // Markdown code block need not, so Markdown's are found first, over the whole text.
    let whole_regions = ctx.markdown.then(|| quoted_regions(text, true));
    let pieces = pieces(text, size);
    let lint = |piece: &Piece| {
        let mut made = T::default();
        let regions = whole_regions.as_deref();
        each_in(lexicon, text, ctx, piece, regions, &mut |f| add(&mut made, f));
        made
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let workers = cores.min(pieces.len());
    if workers <= 1 {
        return pieces.iter().try_for_each(|piece| take(lint(piece)));
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let written = Mutex::new(0usize);
    let moved = Condvar::new();
    std::thread::scope(|scope| {
        let (sender, made) = mpsc::channel();
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, stop, written, moved, pieces, lint) =
                (&next, &stop, &written, &moved, &pieces, &lint);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(piece) = pieces.get(index) else { break };
                    // Never more than AHEAD pieces beyond the writer: the one it waits
                    // for is always already being made, so this wait always ends.
                    let mut done = written.lock().unwrap_or_else(PoisonError::into_inner);
                    while index >= *done + AHEAD && !stop.load(Ordering::Relaxed) {
                        done = moved.wait(done).unwrap_or_else(PoisonError::into_inner);
                    }
                    drop(done);
                    if stop.load(Ordering::Relaxed) || sender.send((index, lint(piece))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        let mut outcome = Ok(());
        for (index, piece) in made {
            if outcome.is_err() {
                continue;
            }
            waiting.insert(index, piece);
            while let Some(piece) = waiting.remove(&due) {
                due += 1;
                if let Err(e) = take(piece) {
                    outcome = Err(e);
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
            }
            *written.lock().unwrap_or_else(PoisonError::into_inner) = due;
            moved.notify_all();
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Sentences with findings, quotes, code, Markdown and odd space, for texts cut anywhere.
    const PARTS: &[&str] = &[
        "The engineer should have checked the config. ",
        "He was careless and rushed the deploy",
        "\n\n",
        "\n \t\n",
        "\n",
        "\u{a0}\n\u{2003}\n",
        "\"she didn't know\" ",
        "`human error` ",
        "```\nshould have\n\n```\n",
        "> he forgot the flag\n",
        "Root cause: human error. ",
        "“didn’t follow the runbook” ",
        "We failed to page them; ",
        "- the on-call engineer ignored the alert\n",
        "müde ",
        "  ",
        "\"he forgot ",
        "the check\" ",
        "'she ignored ",
        "it' ",
    ];

    fn all(text: &str, ctx: &LintContext, size: usize) -> (Vec<Finding>, usize) {
        let lexicon = Lexicon::builtin();
        let mut found = Vec::new();
        let mut pieces = 0;
        let add = |piece: &mut Vec<Finding>, f: Finding| piece.push(f);
        let _ = lint_in_pieces(size, lexicon, text, ctx, &add, &mut |piece: Vec<Finding>| {
            pieces += 1;
            found.extend(piece);
            Ok::<(), ()>(())
        });
        (found, pieces)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        #[test]
        fn a_text_linted_in_pieces_gives_exactly_the_whole_texts_findings(
            parts in prop::collection::vec(0..PARTS.len(), 0..60),
            size in 1usize..400,
            markdown in any::<bool>(),
        ) {
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let ctx = LintContext { markdown, ..LintContext::default() };
            let whole = super::super::engine::run(Lexicon::builtin(), &text, &ctx);
            let (pieced, _) = all(&text, &ctx, size);
            prop_assert_eq!(pieced, whole);
        }
    }

    #[test]
    fn a_long_text_is_cut_at_blank_lines_and_a_stopped_writer_stops_the_rest() {
        let text = "The engineer should have checked.\n\n".repeat(2_000);
        let ctx = LintContext::default();
        let (found, pieces) = all(&text, &ctx, 1_000);
        assert_eq!(found.len(), 2_000);
        assert!(pieces > 50, "{pieces} pieces");
        assert_eq!(found[1_999].line, 3_999);
        // The third piece fails to be written: the rest are neither written nor linted
        // (no worker runs more than AHEAD pieces past the writer).
        let mut taken = 0;
        let linted = AtomicUsize::new(0);
        let add = |_: &mut (), _: Finding| {
            linted.fetch_add(1, Ordering::Relaxed);
        };
        let stopped = lint_in_pieces(1_000, Lexicon::builtin(), &text, &ctx, &add, &mut |_| {
            taken += 1;
            if taken == 3 { Err("disk full") } else { Ok(()) }
        });
        assert_eq!(stopped, Err("disk full"));
        assert_eq!(taken, 3);
        let linted = linted.into_inner();
        assert!(linted < found.len() / 2, "{linted} of {} findings linted", found.len());
    }
}
