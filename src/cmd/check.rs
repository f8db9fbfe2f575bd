//! `objcmd check`: compare two trees as `sync` pairs them, and change nothing. Each path
//! missing on one side or differing is printed; exit 0 when the trees are identical, 7
//! when they differ (and nothing failed).
//!
//! Both sides are streamed and merged in key order by the same code as sync's
//! (`cmd/pairs`), so memory holds the comparisons in flight, not the trees; a comparison
//! that needs a HEAD or a file's checksum runs on the worker pool.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde_json::json;

use super::ctx::Ctx;
use super::options::{Recursive, filter};
use super::pairs::compare::{Checksum, Comparer, Verdict};
use super::pairs::{Action, Entry, Existing, Extra, Side, Sizes, entries, merge, side};
use super::record::error_value;
use super::tree::{Batch, DryRun, Tree};
use crate::cli::CheckArgs;
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::filter::Selection;

/// How a path differs between the sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    MissingDst,
    MissingSrc,
    Differs,
}

impl State {
    /// The `state` of its `--json` record.
    fn name(self) -> &'static str {
        match self {
            State::MissingDst => "missing_dst",
            State::MissingSrc => "missing_src",
            State::Differs => "differs",
        }
    }

    /// The start of its human line.
    fn label(self) -> &'static str {
        match self {
            State::MissingDst => "missing in DST",
            State::MissingSrc => "missing in SRC",
            State::Differs => "differs",
        }
    }
}

/// The check of two sides: the comparison, and the tally of what it found.
struct Checker<'a> {
    ctx: Ctx<'a>,
    comparer: Comparer<'a>,
    batch: Batch,
    same: AtomicUsize,
    /// Paths missing in DST, missing in SRC, differing (in `State`'s order).
    found: [AtomicUsize; 3],
}

impl Checker<'_> {
    /// Takes one action of the merge: a difference, a comparison, or a side that failed.
    fn action(&self, action: Action) {
        match action {
            Action::Failed(e) => self.failed(None, e),
            _ if self.ctx.client.transport().cancelled() => {}
            Action::Transfer(entry) => self.found(State::MissingDst, &entry.rel),
            Action::Delete(entry) => self.found(State::MissingSrc, &entry.rel),
            Action::Compare(a, b) => self.compare(&a, &b),
        }
    }

    fn compare(&self, a: &Entry, b: &Entry) {
        match self.comparer.differs(a, b) {
            Ok(Verdict::Same) => {
                self.same.fetch_add(1, Ordering::Relaxed);
                self.batch.ok();
            }
            Ok(Verdict::Transfer(_)) => self.found(State::Differs, &a.rel),
            Err(e) => {
                let (src, dst) = (self.comparer.src, self.comparer.dst);
                let e = e.context(format!(
                    "comparing {} with {}",
                    src.display(&a.rel),
                    dst.display(&b.rel)
                ));
                self.failed(Some(&a.rel), e);
            }
        }
    }

    /// Prints and counts one difference. A line that cannot be written (stdout closed) is
    /// still counted: as in the tree commands, a closed pipe ends quietly.
    fn found(&self, state: State, rel: &str) {
        let printer = self.ctx.printer;
        let _ = if printer.json {
            printer.record(&json!({
                "path": rel,
                "state": state.name(),
                "src": self.comparer.src.display(rel),
                "dst": self.comparer.dst.display(rel),
            }))
        } else {
            printer.line(&format!("{}: {}", state.label(), printer.escape(rel)))
        };
        self.found[state as usize].fetch_add(1, Ordering::Relaxed);
        self.batch.ok();
    }

    /// Reports and counts a failure (of one path's comparison, or of a side's listing or
    /// walk); an interruption is counted silently, the final error says it.
    fn failed(&self, rel: Option<&str>, e: anyhow::Error) {
        let printer = self.ctx.printer;
        if !crate::transfer::is_interrupted(&e) {
            printer.error(&format!("{e:#}"));
            if printer.json {
                let rec = json!({"path": rel, "status": "error", "error": error_value(&e)});
                let _ = printer.record(&rec);
            }
        }
        self.batch.failed(e);
    }

    /// The summary line on stderr (unless `-q`), then the result: a failure's code, else 7
    /// when something differs, else 0.
    fn finish(self, extra: Extra) -> anyhow::Result<ExitStatus> {
        let load = |n: &AtomicUsize| n.load(Ordering::Relaxed);
        let [missing_dst, missing_src, differs] = self.found.each_ref().map(load);
        let failed = self.batch.counts().1;
        let mut summary = format!(
            "{} identical, {differs} differ, {missing_dst} missing in DST",
            load(&self.same)
        );
        if extra == Extra::Delete {
            summary.push_str(&format!(", {missing_src} missing in SRC"));
        }
        if failed > 0 {
            summary.push_str(&format!(", {failed} failed"));
        }
        self.ctx.printer.info(&summary);
        let status = self.batch.finish()?;
        Ok(match missing_dst + missing_src + differs {
            0 => status,
            _ => ExitStatus::Differences,
        })
    }
}

/// Returns the first entry's error when a side fails at once (a missing bucket, a denied
/// listing): one error line, instead of every path of the other side reported missing.
fn fails_at_once<I: Iterator<Item = anyhow::Result<Entry>>>(
    side: &mut std::iter::Peekable<I>,
) -> anyhow::Result<()> {
    match side.next_if(Result::is_err) {
        Some(Err(e)) => Err(e),
        _ => Ok(()),
    }
}

/// Runs `check`.
pub fn run(args: &CheckArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let src = side(&args.src, Existing::Required, "check")?;
    let dst = side(&args.dst, Existing::Required, "check")?;
    if let (Side::Local(_), Side::Local(_)) = (&src, &dst) {
        return Err(usage(
            "check needs a remote side: one of SRC and DST must be an s3://, oss:// or ks3:// URL",
        ));
    }
    let filter = filter(
        &args.filter,
        Recursive::Yes,
        Selection::Transfers,
        ctx.printer,
    )?;
    let mut src_entries = entries(&src, ctx.client, &filter).peekable();
    let mut dst_entries = entries(&dst, ctx.client, &filter).peekable();
    fails_at_once(&mut src_entries)?;
    fails_at_once(&mut dst_entries)?;
    let extra = match args.one_way {
        true => Extra::Keep,
        false => Extra::Delete,
    };
    let checker = Checker {
        ctx,
        comparer: Comparer {
            ctx,
            src: &src,
            dst: &dst,
            checksum: Checksum::from(args.checksum),
        },
        batch: Batch::default(),
        same: AtomicUsize::new(0),
        found: Default::default(),
    };
    // Set when the source failed or either side came out of order: from there on, what
    // only DST has is not reported missing in SRC (the rest of SRC is not known).
    let stopped = AtomicBool::new(false);
    let actions = merge(src_entries, dst_entries, extra, Sizes::Paired, &stopped);
    Tree::new(ctx, DryRun::No).run(ctx.tree_jobs(), actions, |action| checker.action(action));
    checker.finish(extra)
}
