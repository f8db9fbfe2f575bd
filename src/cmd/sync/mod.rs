//! `objcmd sync`: make the destination match the source, local to remote, remote to local
//! or remote to remote.
//!
//! Both sides are read in key order (a listing, or a tree walked in the same order) and
//! merged side by side, so memory holds the work in flight, not the trees. What differs is
//! transferred by the worker pool; with `--delete`, what only the destination has is
//! deleted, unless reading the source failed (a half-read source must not empty the
//! destination); an empty source is refused before anything is done, unless
//! `--allow-empty-source` (a mistyped prefix must not empty it either). After Ctrl-C the
//! run ends with what was transferred and what was not done instead of the summary. The
//! comparison rules are in docs/behaviour.md.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::Context as _;

use super::ctx::Ctx;
use super::object;
use super::options::{Recursive, Writing, directive, filter, overwrite, upload_options};
use super::pairs::compare::{Checksum, Comparer, Stored, Verdict};
use super::pairs::{Action, Entry, Existing, Extra, Side, Sizes, entries, merge, side};
use super::record::Op;
use super::tree::{Counts, Decision, Done, DryRun, Planned, Tree, Weight, is_interrupted};
use crate::address::check_key;
use crate::cli::SyncArgs;
use crate::error::usage;
use crate::exit::{self, ExitStatus, Stated};
use crate::filter::Selection;
use crate::transfer::download::Partial;
use crate::transfer::{Overwrite, Progress, Resume};
use crate::walk;

/// Whether the deletes went as planned, or stopped when the source could not be read whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Deletes {
    AsPlanned,
    Stopped,
}

/// The sync of one pair of sides.
struct Syncer<'a> {
    ctx: Ctx<'a>,
    src: &'a Side,
    dst: &'a Side,
    checksum: Checksum,
    dry_run: DryRun,
    /// How objects are written: replaced (never, with `--no-clobber`: what the destination
    /// has is skipped), and (uploads) with `--continue`'s checkpoints, so
    /// that an upload kept when a sync was interrupted is resumed by the next sync of the
    /// same, unchanged file (the checkpoint checks size and mtime).
    writing: Writing,
    /// The loop, its output and tally: what ended one way or another, and the rest of
    /// what was planned, not done.
    tree: Tree<'a>,
}

impl Syncer<'_> {
    /// The record `op` of this sync's transfers.
    fn op(&self) -> Op {
        match (self.src, self.dst) {
            (Side::Local(_), _) => Op::Put,
            (_, Side::Local(_)) => Op::Get,
            _ => Op::Copy,
        }
    }

    /// How this sync compares what both sides have.
    fn comparer(&self) -> Comparer<'_> {
        Comparer {
            ctx: self.ctx,
            src: self.src,
            dst: self.dst,
            checksum: self.checksum,
        }
    }

    /// Transfers one entry; an object it replaces that is stored encrypted is replaced
    /// encrypted (the upload fails without a key rather than store plaintext). Skipped
    /// when `--no-clobber` finds the destination taken meanwhile.
    fn transfer(
        &self,
        entry: &Entry,
        stored: Stored,
        hidden: &dyn Progress,
    ) -> anyhow::Result<Done> {
        let ctx = self.ctx;
        let rel = &entry.rel;
        match (self.src, self.dst) {
            (Side::Local(dir), Side::Remote { .. }) => {
                let url = self.dst.remote(rel).expect("remote");
                check_key(&url.key, ctx.client.dialect()).map_err(|why| anyhow::anyhow!(why))?;
                let path = dir.join(rel).display().to_string();
                // As `get` of an encrypted object without a key: a failure (exit 1), found
                // only now, after the listing and a HEAD.
                let encrypted = stored == Stored::Encrypted;
                if encrypted && !ctx.keys.configured() {
                    anyhow::bail!(
                        "{url} is stored encrypted and the profile has no encryption_key_file: sync replaces it only encrypted, never with plaintext"
                    );
                }
                let uploaded = object::upload(
                    Ctx {
                        encrypt: encrypted,
                        ..ctx
                    },
                    &path,
                    &url,
                    &self.writing,
                    hidden,
                )?;
                Ok(written(uploaded))
            }
            (Side::Remote { .. }, Side::Local(_)) => {
                let url = self.src.remote(rel).expect("remote");
                let path = self
                    .dst
                    .local(rel)
                    .expect("local")
                    .map_err(|why| anyhow::anyhow!(why))?;
                let overwrite = self.writing.overwrite;
                let downloaded =
                    object::download(ctx, &url, &path, overwrite, Partial::Remove, hidden)?;
                Ok(written(downloaded))
            }
            (Side::Remote { .. }, Side::Remote { .. }) => {
                let from = self.src.remote(rel).expect("remote");
                let to = self.dst.remote(rel).expect("remote");
                let copied = object::copy(
                    ctx,
                    &from,
                    Some(entry.size),
                    &to,
                    &self.writing.object,
                    directive(&self.writing.object),
                    self.writing.overwrite,
                )?;
                Ok(written(copied))
            }
            (Side::Local(_), Side::Local(_)) => unreachable!("refused before"),
        }
    }

    fn delete(&self, entry: &Entry) -> anyhow::Result<()> {
        match self.dst {
            Side::Remote { .. } => {
                let url = self.dst.remote(&entry.rel).expect("remote");
                self.ctx.client.delete_object(&url.bucket, &url.key)?;
            }
            Side::Local(_) => {
                let path = self
                    .dst
                    .local(&entry.rel)
                    .expect("local")
                    .map_err(|why| anyhow::anyhow!(why))?;
                std::fs::remove_file(&path)
                    .with_context(|| format!("removing {}", path.display()))?;
            }
        }
        Ok(())
    }

    /// Runs one action of the plan. After Ctrl-C, what is still queued is not started:
    /// like what is cut short, it counts as not done.
    fn run_action(&self, action: Action, hidden: &dyn Progress) {
        let cancelled = self.ctx.client.transport().cancelled();
        match action {
            Action::Failed(e) => {
                let root = self.src.display("");
                self.tree.source_failed(self.op(), &root, e);
            }
            _ if cancelled => {}
            Action::Delete(entry) => self.delete_action(&entry),
            Action::Transfer(entry) => self.transfer_action(entry, None, hidden),
            Action::Compare(a, b) => self.transfer_action(a, Some(b), hidden),
        }
    }

    fn delete_action(&self, entry: &Entry) {
        let target = self.dst.display(&entry.rel);
        let planned = Planned {
            op: Op::Delete,
            src: target.clone(),
            dst: None,
            size: Some(entry.size),
        };
        self.tree.object(
            planned,
            || Ok(Decision::Go(())),
            |()| {
                self.delete(entry)
                    .map_err(|e| e.context(format!("deleting {target}")))?;
                Ok(Done::Done)
            },
        );
    }

    /// Transfers an entry only the source has, or compares it with the destination's
    /// (`other`) first.
    fn transfer_action(&self, entry: Entry, other: Option<Entry>, hidden: &dyn Progress) {
        let (src_text, dst_text) = (self.src.display(&entry.rel), self.dst.display(&entry.rel));
        let planned = Planned {
            op: self.op(),
            src: src_text.clone(),
            dst: Some(dst_text.clone()),
            size: Some(entry.size),
        };
        let decide = || match &other {
            None => Ok(Decision::Go(Stored::Plain)),
            // --no-clobber keeps whatever the destination has, changed or not.
            Some(_) if self.writing.overwrite == Overwrite::Never => {
                Ok(Decision::Settled(Done::Skipped("exists")))
            }
            Some(other) => match self.comparer().differs(&entry, other) {
                Ok(Verdict::Same) => Ok(Decision::Settled(Done::UpToDate)),
                Ok(Verdict::Transfer(stored)) => Ok(Decision::Go(stored)),
                Err(e) => Err(e.context(format!("comparing {src_text} with {dst_text}"))),
            },
        };
        self.tree.object(planned, decide, |stored| {
            self.transfer(&entry, stored, hidden)
                .map_err(|e| e.context(format!("syncing {src_text} to {dst_text}")))
        });
    }
}

/// What a transfer came to: done, or (`None`) skipped as `--no-clobber` skips what it
/// finds taken.
fn written<T>(outcome: Option<T>) -> Done {
    match outcome {
        Some(_) => Done::Done,
        None => Done::Skipped("exists"),
    }
}

/// Runs `sync`.
pub fn run(args: &SyncArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let Ctx {
        client, printer, ..
    } = ctx;
    let src = side(&args.src, Existing::Required, "sync")?;
    let dst = side(&args.dst, Existing::Optional, "sync")?;
    if let (Side::Local(_), Side::Local(_)) = (&src, &dst) {
        return Err(usage(
            "sync needs a remote side: one of SRC and DST must be an s3://, oss:// or ks3:// URL",
        ));
    }
    if let (Side::Remote { url: a, .. }, Side::Remote { url: b, .. }) = (&src, &dst)
        && (walk::contains(a, b) || walk::contains(b, a))
    {
        // Each side would list the other: copies copied again, and --delete would delete
        // the source.
        return Err(usage(format!(
            "{} and {} overlap: sync between prefixes where neither contains the other",
            args.src, args.dst
        )));
    }
    let selection = if args.delete {
        Selection::SyncDeletes
    } else {
        Selection::Transfers
    };
    let filter = filter(&args.filter, Recursive::Yes, selection, printer)?;
    let syncer = Syncer {
        ctx,
        src: &src,
        dst: &dst,
        checksum: Checksum::from(args.checksum),
        dry_run: DryRun::from(args.dry_run),
        writing: Writing {
            object: upload_options(&args.upload, client.dialect())?,
            overwrite: overwrite(args.no_clobber),
            resume: Resume::Yes,
        },
        tree: Tree::new(ctx, DryRun::from(args.dry_run)),
    };
    let mut src_entries = entries(&src, client, &filter).peekable();
    let mut dst_entries = entries(&dst, client, &filter).peekable();
    if args.delete && !args.allow_empty_source {
        refuse_empty_source(args, &dst, &mut src_entries, &mut dst_entries)?;
    }
    let jobs = ctx.tree_jobs();
    let deletes_stopped = AtomicBool::new(false);
    let sizes = match (&src, &dst) {
        (Side::Remote { .. }, Side::Remote { .. }) => Sizes::Exact,
        _ => Sizes::MaybeCiphertext,
    };
    let extra = if args.delete {
        Extra::Delete
    } else {
        Extra::Keep
    };
    let planned = AtomicUsize::new(0);
    let held = HeldDeletes::new(args.max_delete);
    let actions = merge(src_entries, dst_entries, extra, sizes, &deletes_stopped)
        .inspect(|action| {
            if !matches!(action, Action::Failed(_)) {
                planned.fetch_add(1, Ordering::Relaxed);
            }
        })
        .filter_map(|action| held.hold(action));
    syncer.tree.run_weighed(jobs, actions, weight, |action| {
        syncer.run_action(action, &syncer.tree.share())
    });
    // With --max-delete, the deletes wait for the whole plan: all of them, or none.
    let over = match held.release() {
        Ok(entries) => {
            let deletes = entries.into_iter().map(Action::Delete);
            syncer.tree.run_weighed(jobs, deletes, weight, |action| {
                syncer.run_action(action, &syncer.tree.share())
            });
            None
        }
        Err(count) => Some(count),
    };
    let deletes = match deletes_stopped.into_inner() {
        true => Deletes::Stopped,
        false => Deletes::AsPlanned,
    };
    let result = syncer.finish(planned.into_inner(), extra, deletes);
    let interrupted = result
        .as_ref()
        .is_err_and(|e| exit::status_of(e) == ExitStatus::Interrupted);
    match (over, args.max_delete) {
        (Some(count), Some(max)) if !interrupted => Err(too_many_deletes(&dst, count, max, result)),
        _ => result,
    }
}

/// What an action weighs in the progress's totals: the source's size for a transfer (or
/// a comparison), the size of what is deleted.
fn weight(action: &Action) -> Weight {
    match action {
        Action::Transfer(entry) | Action::Compare(entry, _) | Action::Delete(entry) => {
            Weight::object(Some(entry.size))
        }
        Action::Failed(_) => Weight::object(Some(0)),
    }
}

/// The deletes of a `sync --max-delete N`, held back until the plan is complete: no more
/// than N+1 entries are kept (beyond that the count is enough to refuse).
struct HeldDeletes {
    max: Option<usize>,
    entries: RefCell<Vec<Entry>>,
    count: Cell<usize>,
}

impl HeldDeletes {
    fn new(max: Option<usize>) -> HeldDeletes {
        HeldDeletes {
            max,
            entries: RefCell::new(Vec::new()),
            count: Cell::new(0),
        }
    }

    /// Passes an action on, or holds it back if it is a delete to hold.
    fn hold(&self, action: Action) -> Option<Action> {
        let (Some(max), Action::Delete(entry)) = (self.max, &action) else {
            return Some(action);
        };
        self.count.set(self.count.get() + 1);
        let mut entries = self.entries.borrow_mut();
        if entries.len() <= max {
            entries.push(entry.clone());
        }
        None
    }

    /// The deletes to run, or how many there would have been when more than allowed.
    fn release(self) -> Result<Vec<Entry>, usize> {
        match self.max {
            Some(max) if self.count.get() > max => Err(self.count.get()),
            _ => Ok(self.entries.into_inner()),
        }
    }
}

/// The refusal of `sync --max-delete` (exit 1, or the copies' worse code): nothing was
/// deleted, the copies ran.
fn too_many_deletes(
    dst: &Side,
    count: usize,
    max: usize,
    result: anyhow::Result<ExitStatus>,
) -> anyhow::Error {
    let noun = match dst {
        Side::Local(_) => "file",
        Side::Remote { .. } => "object",
    };
    let status = match &result {
        Err(e) => exit::status_of(e).max(ExitStatus::Failure),
        Ok(_) => ExitStatus::Failure,
    };
    if let Err(e) = result {
        crate::output::eprint(crate::output::Message::Error, &format!("{e:#}"));
    }
    anyhow::Error::new(Stated {
        message: format!(
            "the sync would delete {} (more than --max-delete {max}); nothing was deleted, the copies ran",
            crate::units::count(count as u64, noun)
        ),
        status,
        hint: Some(
            "check SRC (a wrong prefix makes everything look deleted); raise --max-delete if these deletes are meant"
                .to_string(),
        ),
    })
}

/// How many destination entries an empty-source refusal counts at most: about one listing
/// page, so that refusing costs no more than the first page already read.
const EMPTY_SOURCE_COUNT: usize = 1000;

/// Refuses a `--delete` from an empty source (a mistyped prefix, an empty directory, filters
/// that take nothing) to a destination that has something: it would empty the destination.
/// Only the first entry of each side is read to know, so the listings stay streamed; a
/// source that fails to list is not empty, and its failure stops the deletes anyway.
fn refuse_empty_source<I: Iterator<Item = anyhow::Result<Entry>>>(
    args: &SyncArgs,
    dst: &Side,
    src_entries: &mut std::iter::Peekable<I>,
    dst_entries: &mut std::iter::Peekable<I>,
) -> anyhow::Result<()> {
    if src_entries.peek().is_some() || !matches!(dst_entries.peek(), Some(Ok(_))) {
        return Ok(());
    }
    let count = dst_entries
        .take(EMPTY_SOURCE_COUNT)
        .take_while(Result::is_ok)
        .count();
    Err(empty_source(args, dst, count))
}

/// The refusal of `sync --delete` from an empty source to a destination that has `count`
/// entries (or `EMPTY_SOURCE_COUNT` and more): found after listing, so exit 1.
fn empty_source(args: &SyncArgs, dst: &Side, count: usize) -> anyhow::Error {
    let noun = match dst {
        Side::Local(_) => "file",
        Side::Remote { .. } => "object",
    };
    let what = match count {
        1 => format!("the 1 {noun}"),
        n if n >= EMPTY_SOURCE_COUNT => format!("all {n} or more {noun}s"),
        n => format!("all {n} {noun}s"),
    };
    anyhow::Error::new(Stated {
        message: format!(
            "the source {} is empty (or nothing in it passes the filters): --delete would delete {what} of {}; refused, nothing was changed",
            args.src, args.dst
        ),
        status: ExitStatus::Failure,
        hint: Some(
            "check the source for a typo; to empty the destination on purpose, add --allow-empty-source"
                .to_string(),
        ),
    })
}

impl Syncer<'_> {
    /// Ends the run: the summary on stderr, or after Ctrl-C an error (exit 130) that says
    /// what was transferred and how many of the planned actions were not done.
    fn finish(self, planned: usize, extra: Extra, deletes: Deletes) -> anyhow::Result<ExitStatus> {
        let printer = self.ctx.printer;
        let counts = self.tree.counts();
        let verb = match self.dry_run {
            DryRun::Yes => " would be",
            DryRun::No => "",
        };
        let cancelled = self.ctx.client.transport().cancelled();
        let (result, summary) = self.tree.end();
        if cancelled || is_interrupted(&result) {
            return Err(interrupted(&result, counts, planned, extra, verb));
        }
        if deletes == Deletes::Stopped {
            printer.info(
                "deletes skipped: the source could not be read whole, so what it lacks is not known",
            );
        }
        let (transferred, deleted) = (counts.moved, counts.deleted);
        let (same, failed) = (counts.up_to_date, counts.failed);
        // Sync's own words: what it transferred, deleted and found up to date.
        let words = if transferred == 0 && deleted == 0 && failed == 0 {
            format!("nothing to do: {same} up to date")
        } else {
            let mut words = format!(
                "{transferred}{verb} transferred, {deleted}{verb} deleted, {same} up to date"
            );
            if failed > 0 {
                words.push_str(&format!(", {failed} failed"));
            }
            words
        };
        summary.print(printer, &words);
        result
    }
}

/// The error an interrupted sync ends with (exit 130): what was transferred (and deleted)
/// and how many of the actions planned were not done. The first upload kept for
/// `--continue` is named first: the batch's error that named it is replaced.
fn interrupted(
    result: &anyhow::Result<ExitStatus>,
    counts: Counts,
    planned: usize,
    extra: Extra,
    verb: &str,
) -> anyhow::Error {
    let mut kept_any = false;
    if let Err(e) = result
        && let Some(kept) = e.downcast_ref::<crate::transfer::upload::KeptUpload>()
    {
        crate::output::eprint(crate::output::Message::Note, &kept.to_string());
        for line in super::record::kept_upload_commands(kept) {
            crate::output::eprint(crate::output::Message::Hint, &line);
        }
        kept_any = true;
    }
    let not_done = planned.saturating_sub(counts.ended);
    let mut message = format!("interrupted: {}{verb} transferred", counts.moved);
    if extra == Extra::Delete {
        message.push_str(&format!(", {}{verb} deleted", counts.deleted));
    }
    if counts.failed > 0 {
        message.push_str(&format!(", {} failed", counts.failed));
    }
    message.push_str(&format!(", {not_done} not done"));
    // Uploads run with --continue's checkpoints: the same sync again resumes them.
    let hint = kept_any.then(|| {
        "run the same sync again to finish: it resumes the kept uploads of files that did not change".to_string()
    });
    anyhow::Error::new(Stated {
        message,
        status: ExitStatus::Interrupted,
        hint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::RemoteUrl;
    use clap::Parser as _;
    use std::path::PathBuf;

    #[test]
    fn the_empty_source_refusal_names_both_sides_and_the_count() {
        let cli = crate::cli::Cli::try_parse_from([
            "objcmd",
            "sync",
            "--delete",
            "s3://bkt/tpyo/",
            "s3://bkt/mirror/",
        ])
        .unwrap();
        let crate::cli::Command::Sync(args) = &cli.command else {
            panic!("not sync")
        };
        let remote = Side::Remote {
            url: RemoteUrl::parse_required("s3://bkt/mirror/").unwrap(),
            prefix: "mirror/".into(),
        };
        let local = Side::Local(PathBuf::from("dir"));
        let message = |dst: &Side, n: usize| format!("{:#}", empty_source(args, dst, n));
        assert_eq!(
            message(&remote, 7),
            "the source s3://bkt/tpyo/ is empty (or nothing in it passes the filters): --delete would delete all 7 objects of s3://bkt/mirror/; refused, nothing was changed"
        );
        assert!(message(&local, 1).contains("would delete the 1 file of"));
        assert!(message(&remote, 1000).contains("would delete all 1000 or more objects of"));
        let err = empty_source(args, &remote, 3);
        assert_eq!(exit::status_of(&err), ExitStatus::Failure);
        assert!(exit::hint(&err).unwrap().contains("--allow-empty-source"));
    }
}
