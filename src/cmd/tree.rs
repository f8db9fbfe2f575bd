//! The loop of every tree command (`put -r`, `get -r`, `cp -r`, `rm -r`, `sync`) and its
//! tally: [`Tree`] runs the workers over the items of a walk or a listing, and for each
//! object decides, acts (or with `--dry-run` only plans), reports and counts, in one place;
//! it feeds the aggregate progress (one bar, or status lines) and ends with the
//! [`Summary`]; [`Batch`] turns the counts into the command's result (success, the error
//! of a one-object batch, a partial failure, or the interruption that ended it).

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::json;

use super::ctx::Ctx;
use super::record::{Op, Status, TransferRecord, report, report_failure};
use crate::exit::{self, ExitStatus, PartialFailure};
use crate::output::{Printer, Ticker, TreeStatus, TreeTally};
use crate::pool;
use crate::transfer::Progress;
use crate::transfer::upload::KeptUpload;

/// Whether a tree command acts, or only prints what it would do (`--dry-run`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DryRun {
    /// Act.
    No,
    /// Plan only: change nothing.
    Yes,
}

impl From<bool> for DryRun {
    fn from(dry_run: bool) -> DryRun {
        if dry_run { DryRun::Yes } else { DryRun::No }
    }
}

/// One object of a tree as planned: what its record says before anything is done.
#[derive(Clone, Debug)]
pub struct Planned {
    /// What is to be done.
    pub op: Op,
    /// The source (a path or a URL; for a delete, what is deleted).
    pub src: String,
    /// The destination, if the operation has one.
    pub dst: Option<String>,
    /// Its size, where the walk or listing told it.
    pub size: Option<u64>,
}

impl Planned {
    fn record(&self, status: Status) -> TransferRecord<'_> {
        TransferRecord {
            op: self.op,
            src: &self.src,
            dst: self.dst.as_deref(),
            size: self.size,
            status,
            note: None,
        }
    }
}

/// What became of one object that did not fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Done {
    /// Done as planned.
    Done,
    /// Left alone, for the reason given (`exists`): a `skip` line.
    Skipped(&'static str),
    /// The destination holds it already: a `skip` record with `--json`, no human line.
    UpToDate,
}

/// What deciding about one object found: act on it (with what the action needs), or
/// nothing to do.
pub enum Decision<P> {
    /// Act (or in a dry run, report as planned).
    Go(P),
    /// Nothing to do.
    Settled(Done),
}

/// What the objects of a tree came to, so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Transferred or copied (or in a dry run, planned to be).
    pub moved: usize,
    /// Deleted (or planned to be).
    pub deleted: usize,
    /// Skipped, or up to date.
    pub skipped: usize,
    /// Up to date (also counted in `skipped`).
    pub up_to_date: usize,
    /// Failed (an interruption is not a failure).
    pub failed: usize,
    /// Ended one way or the other: not cut short by an interruption.
    pub ended: usize,
    /// Bytes of what was moved, as far as the walk or listing told the sizes.
    pub bytes: u64,
}

/// Which objects of a tree get a line or record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Echo {
    /// Every object.
    Every,
    /// Only failures (`rb --force` empties the bucket quietly).
    Failures,
}

/// What one item of a walk or listing weighs in the progress's totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weight {
    /// Objects it stands for.
    pub objects: u64,
    /// Their bytes, when the walk or listing tells them.
    pub bytes: Option<u64>,
}

impl Weight {
    /// One object of `bytes`.
    pub fn object(bytes: Option<u64>) -> Weight {
        Weight { objects: 1, bytes }
    }
}

/// The counts of a tree run, shared by its workers and its progress.
#[derive(Default)]
struct Tally {
    batch: Batch,
    moved: AtomicUsize,
    deleted: AtomicUsize,
    skipped: AtomicUsize,
    up_to_date: AtomicUsize,
    ended: AtomicUsize,
    /// Failures of the source itself (a listing page, an unreadable path).
    source_failures: AtomicUsize,
    /// Bytes moved.
    bytes: AtomicU64,
    /// Bytes of every object ended, moved or not: the progress's position.
    settled_bytes: AtomicU64,
    /// Bytes moved so far of the objects in flight.
    in_flight: AtomicU64,
    listed: AtomicU64,
    listed_bytes: AtomicU64,
    /// Some item's size was not known: no byte total.
    size_unknown: AtomicBool,
    /// The walk or listing has given its last item: the totals are known.
    listing_done: AtomicBool,
    /// What the objects moved were (uploads, copies...), for the summary's verb.
    op: OnceLock<Op>,
    /// Whether deletes were planned.
    deletes: AtomicBool,
    /// The first failure, named with its error.
    first_failure: Mutex<Option<String>>,
}

impl Tally {
    fn note_op(&self, op: Op) {
        match op {
            Op::Delete => self.deletes.store(true, Ordering::Relaxed),
            op => {
                let _ = self.op.set(op);
            }
        }
    }

    fn note_failure(&self, src: &str, err: &anyhow::Error) {
        if crate::transfer::is_interrupted(err) {
            return;
        }
        let mut first = self.first_failure.lock().unwrap_or_else(|e| e.into_inner());
        if first.is_none() {
            let message = format!("{err:#}");
            *first = Some(match message.contains(src) {
                true => message,
                false => format!("{src}: {message}"),
            });
        }
    }
}

impl TreeTally for Tally {
    fn status(&self) -> TreeStatus {
        let load = |n: &AtomicUsize| n.load(Ordering::Relaxed) as u64;
        let done = self.listing_done.load(Ordering::Relaxed);
        let sized = !self.size_unknown.load(Ordering::Relaxed);
        TreeStatus {
            ended: load(&self.ended) + load(&self.source_failures),
            failed: self.batch.counts().1 as u64,
            bytes: self.settled_bytes.load(Ordering::Relaxed)
                + self.in_flight.load(Ordering::Relaxed),
            total_objects: done.then(|| self.listed.load(Ordering::Relaxed)),
            total_bytes: (done && sized).then(|| self.listed_bytes.load(Ordering::Relaxed)),
        }
    }
}

/// One object's share of a tree's progress: what its transfer moved so far, counted while
/// it is in flight (its whole size counts once it ends). The engine reports to it as to a
/// bar of its own.
#[derive(Clone)]
pub struct Share(Arc<ShareInner>);

struct ShareInner {
    tally: Arc<Tally>,
    pos: AtomicU64,
}

impl Drop for ShareInner {
    fn drop(&mut self) {
        let pos = self.pos.load(Ordering::Relaxed);
        self.tally.in_flight.fetch_sub(pos, Ordering::Relaxed);
    }
}

impl Progress for Share {
    fn set_length(&self, _len: u64) {}

    fn set_position(&self, pos: u64) {
        let before = self.0.pos.swap(pos, Ordering::Relaxed);
        let in_flight = &self.0.tally.in_flight;
        match pos >= before {
            true => in_flight.fetch_add(pos - before, Ordering::Relaxed),
            false => in_flight.fetch_sub(before - pos, Ordering::Relaxed),
        };
    }

    /// Hidden to the engine: a tree's bytes count as each part (or small object) is
    /// done, which is fine enough for a whole tree, and keeps the faster plain bodies that
    /// counting as sent would cost every small object on a terminal.
    fn is_hidden(&self) -> bool {
        true
    }

    fn finish(&self) {}

    fn shared(&self) -> Arc<dyn Progress> {
        Arc::new(self.clone())
    }
}

/// The run of a tree command: its workers, its output and its tally.
pub struct Tree<'a> {
    ctx: Ctx<'a>,
    dry_run: DryRun,
    echo: Echo,
    tally: Arc<Tally>,
    /// The aggregate progress, started by the first object.
    ticker: OnceLock<Option<Ticker>>,
    start: Instant,
}

impl<'a> Tree<'a> {
    /// A tree run that acts, or only plans.
    pub fn new(ctx: Ctx<'a>, dry_run: DryRun) -> Tree<'a> {
        Tree {
            ctx,
            dry_run,
            echo: Echo::Every,
            tally: Arc::new(Tally::default()),
            ticker: OnceLock::new(),
            start: Instant::now(),
        }
    }

    /// The same run, its summary in the words of `op` even when no object was found.
    pub fn of(self, op: Op) -> Tree<'a> {
        self.tally.note_op(op);
        self
    }

    /// The same run, reporting only the objects given `echo`.
    pub fn echo(self, echo: Echo) -> Tree<'a> {
        Tree { echo, ..self }
    }

    /// Runs `each` on every item on `jobs` workers, the items produced lazily on this
    /// thread (a walk, a listing); after Ctrl-C no more are taken. Fewer than `jobs` work
    /// at once while the server throttles (the command's window). Each item counts as one
    /// object of unknown size in the progress's totals.
    pub fn run<T: Send>(
        &self,
        jobs: usize,
        items: impl IntoIterator<Item = T>,
        each: impl Fn(T) + Sync,
    ) {
        self.run_weighed(jobs, items, |_| Weight::object(None), each);
    }

    /// [`Tree::run`], each item weighed by `weigh` for the progress's totals (known once
    /// the items run out).
    pub fn run_weighed<T: Send>(
        &self,
        jobs: usize,
        items: impl IntoIterator<Item = T>,
        weigh: impl Fn(&T) -> Weight,
        each: impl Fn(T) + Sync,
    ) {
        let cancel = &self.ctx.client.transport().config().cancel;
        self.ctx.window.start(jobs);
        let tally = &self.tally;
        let mut items = items.into_iter();
        let listed = std::iter::from_fn(move || {
            let item = items.next();
            match &item {
                Some(item) => {
                    let weight = weigh(item);
                    tally.listed.fetch_add(weight.objects, Ordering::Relaxed);
                    match weight.bytes {
                        Some(n) => {
                            tally.listed_bytes.fetch_add(n, Ordering::Relaxed);
                        }
                        None => tally.size_unknown.store(true, Ordering::Relaxed),
                    }
                }
                None => tally.listing_done.store(true, Ordering::Relaxed),
            }
            item
        });
        pool::run(jobs, listed, cancel, self.ctx.window, each);
    }

    /// Starts the aggregate progress, if it is not yet running.
    fn watch(&self) {
        self.ticker
            .get_or_init(|| self.ctx.printer.ticker(self.tally.clone()));
    }

    /// A share of the aggregate progress for one object's transfer.
    pub fn share(&self) -> Share {
        self.watch();
        Share(Arc::new(ShareInner {
            tally: self.tally.clone(),
            pos: AtomicU64::new(0),
        }))
    }

    /// One object: `decide` runs in a dry run too (a key the dialect refuses, a comparison
    /// with the destination); then `act` does the work, or a dry run reports the plan.
    /// Every outcome is reported and counted here.
    pub fn object<P>(
        &self,
        planned: Planned,
        decide: impl FnOnce() -> anyhow::Result<Decision<P>>,
        act: impl FnOnce(P) -> anyhow::Result<Done>,
    ) {
        let go = match decide() {
            Ok(Decision::Go(go)) => go,
            Ok(Decision::Settled(done)) => return self.done(&planned, done),
            Err(e) => return self.failed(&planned, e),
        };
        if self.dry_run == DryRun::Yes {
            return self.done(&planned, Done::Done);
        }
        match act(go) {
            Ok(done) => self.done(&planned, done),
            Err(e) => self.failed(&planned, e),
        }
    }

    /// Reports and counts an object that did not fail.
    pub fn done(&self, planned: &Planned, done: Done) {
        let status = match self.dry_run {
            DryRun::Yes => Status::Planned,
            DryRun::No => Status::Ok,
        };
        let mut rec = planned.record(status);
        let tally = &*self.tally;
        self.watch();
        tally.note_op(planned.op);
        let size = planned.size.unwrap_or(0);
        tally.settled_bytes.fetch_add(size, Ordering::Relaxed);
        match done {
            Done::Done if planned.op == Op::Delete => {
                tally.deleted.fetch_add(1, Ordering::Relaxed);
            }
            Done::Done => {
                tally.moved.fetch_add(1, Ordering::Relaxed);
                tally.bytes.fetch_add(size, Ordering::Relaxed);
            }
            Done::Skipped(note) => {
                tally.skipped.fetch_add(1, Ordering::Relaxed);
                (rec.op, rec.status, rec.note) = (Op::Skip, Status::Ok, Some(note));
            }
            Done::UpToDate => {
                tally.skipped.fetch_add(1, Ordering::Relaxed);
                tally.up_to_date.fetch_add(1, Ordering::Relaxed);
                tally.ended.fetch_add(1, Ordering::Relaxed);
                tally.batch.ok();
                if self.ctx.printer.json {
                    (rec.op, rec.status, rec.note) = (Op::Skip, Status::Ok, Some("up to date"));
                    let _ = report(self.ctx.printer, &rec, None);
                }
                return;
            }
        }
        tally.ended.fetch_add(1, Ordering::Relaxed);
        match self.echo {
            Echo::Every => tally.batch.reported(self.ctx.printer, &rec),
            Echo::Failures => tally.batch.ok(),
        }
    }

    /// Reports and counts an object that failed; one cut short by an interruption is
    /// counted silently (the command's final error says it).
    pub fn failed(&self, planned: &Planned, err: anyhow::Error) {
        let tally = &*self.tally;
        self.watch();
        tally.note_op(planned.op);
        if !crate::transfer::is_interrupted(&err) {
            tally.ended.fetch_add(1, Ordering::Relaxed);
            let size = planned.size.unwrap_or(0);
            tally.settled_bytes.fetch_add(size, Ordering::Relaxed);
        }
        tally.note_failure(&planned.src, &err);
        tally
            .batch
            .report_failure(self.ctx.printer, &planned.record(Status::Error), err);
    }

    /// Reports a failure of the source itself (a listing page, an unreadable path).
    pub fn source_failed(&self, op: Op, src: &str, err: anyhow::Error) {
        let tally = &*self.tally;
        self.watch();
        if !crate::transfer::is_interrupted(&err) {
            tally.source_failures.fetch_add(1, Ordering::Relaxed);
        }
        tally.note_failure(src, &err);
        tally.batch.source_failed(self.ctx.printer, op, src, err);
    }

    /// What the objects came to so far.
    pub fn counts(&self) -> Counts {
        let tally = &*self.tally;
        let load = |n: &AtomicUsize| n.load(Ordering::Relaxed);
        Counts {
            moved: load(&tally.moved),
            deleted: load(&tally.deleted),
            skipped: load(&tally.skipped),
            up_to_date: load(&tally.up_to_date),
            failed: tally.batch.counts().1,
            ended: load(&tally.ended),
            bytes: tally.bytes.load(Ordering::Relaxed),
        }
    }

    /// The command's result, after its summary (unless it was interrupted: the final
    /// error says what was done; nor for a run that reports only failures, `rb --force`).
    pub fn finish(self) -> anyhow::Result<ExitStatus> {
        let (printer, echo) = (self.ctx.printer, self.echo);
        let (result, summary) = self.end();
        if echo == Echo::Every && !is_interrupted(&result) {
            summary.print(printer, &summary.words());
        }
        result
    }

    /// Ends the run without a summary: the progress stops; the command's result, and the
    /// summary for the command to print in its own words.
    pub fn end(self) -> (anyhow::Result<ExitStatus>, Summary) {
        let counts = self.counts();
        if let Some(Some(ticker)) = self.ticker.into_inner() {
            ticker.stop();
        }
        let tally = &*self.tally;
        let summary = Summary {
            counts,
            elapsed: self.start.elapsed(),
            dry_run: self.dry_run,
            op: tally.op.get().copied(),
            deletes: tally.deletes.load(Ordering::Relaxed),
            first_failure: tally
                .first_failure
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take(),
        };
        (tally.batch.finish(), summary)
    }
}

/// Whether a result is the interruption (Ctrl-C) that ended a run.
pub fn is_interrupted(result: &anyhow::Result<ExitStatus>) -> bool {
    result
        .as_ref()
        .is_err_and(|e| exit::status_of(e) == ExitStatus::Interrupted)
}

/// What a tree run came to, as its last line says: `3 uploaded, 1 skipped, 0 failed, 12
/// KiB in 0.4s`, naming the first failure of a partial run; with `--json` also the last
/// record, `{"summary": {...}}`.
#[derive(Debug)]
pub struct Summary {
    counts: Counts,
    elapsed: Duration,
    dry_run: DryRun,
    /// What the objects moved were, if any was planned.
    op: Option<Op>,
    /// Whether deletes were planned.
    deletes: bool,
    first_failure: Option<String>,
}

impl Summary {
    /// Adds the summary of a run that followed this one (the next prefix of `rm -r`).
    pub fn add(&mut self, next: Summary) {
        let (c, n) = (&mut self.counts, next.counts);
        c.moved += n.moved;
        c.deleted += n.deleted;
        c.skipped += n.skipped;
        c.up_to_date += n.up_to_date;
        c.failed += n.failed;
        c.ended += n.ended;
        c.bytes += n.bytes;
        self.elapsed += next.elapsed;
        self.op = self.op.or(next.op);
        self.deletes |= next.deletes;
        self.first_failure = self.first_failure.take().or(next.first_failure);
    }

    /// The counts in the words of the run's operation: `3 uploaded, 2 deleted, 1
    /// skipped, 0 failed` (the deletes only where there were any, or only deletes).
    pub fn words(&self) -> String {
        let would = match self.dry_run {
            DryRun::Yes => "would be ",
            DryRun::No => "",
        };
        let c = &self.counts;
        let mut parts = Vec::new();
        if self.op.is_some() || !self.deletes {
            let verb = match self.op {
                Some(Op::Put) => "uploaded",
                Some(Op::Get) => "downloaded",
                Some(Op::Copy) => "copied",
                Some(Op::Move) => "moved",
                Some(Op::SetMeta) => "changed",
                Some(Op::Tag) => "tagged",
                Some(Op::Restore) => "restore started",
                _ => "done",
            };
            parts.push(format!("{} {would}{verb}", c.moved));
        }
        if self.deletes {
            parts.push(format!("{} {would}deleted", c.deleted));
        }
        parts.push(format!("{} skipped", c.skipped));
        parts.push(format!("{} failed", c.failed));
        parts.join(", ")
    }

    /// Prints the summary: `words`, the bytes moved and the time, and the first failure,
    /// on stderr unless `-q`; with `--json` the summary record (even with `-q`: records are
    /// results).
    pub fn print(&self, printer: &Printer, words: &str) {
        let c = &self.counts;
        if printer.json {
            printer.closing_record(json!({"summary": {
                "ok": c.moved + c.deleted,
                "skipped": c.skipped,
                "failed": c.failed,
                "bytes": c.bytes,
                "seconds": (self.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            }}));
        }
        // A run that only deletes moves no bytes: it gives its time alone.
        let mut line = match self.op {
            None if self.deletes => format!("{words} in {}", seconds(self.elapsed)),
            _ => format!(
                "{words}, {} in {}",
                crate::units::human_size(c.bytes),
                seconds(self.elapsed)
            ),
        };
        if let Some(first) = &self.first_failure {
            line.push_str(&format!("; first failure: {first}"));
        }
        printer.info(&line);
    }
}

/// A run's time as the summary shows it: `0.4s`, `12.0s`, then `3m05s`.
fn seconds(elapsed: Duration) -> String {
    match elapsed.as_secs() {
        0..60 => format!("{:.1}s", elapsed.as_secs_f64()),
        _ => crate::output::clock(elapsed),
    }
}

/// Tallies a batch (shared by its workers) and turns its outcome into the command's
/// result: success, the single error of a one-object batch, a partial failure (exit 3), or
/// an interruption (exit 130).
#[derive(Default)]
pub struct Batch {
    done: AtomicUsize,
    failed: AtomicUsize,
    worst: Mutex<Option<ExitStatus>>,
    interrupted: Mutex<Option<anyhow::Error>>,
}

impl Batch {
    /// Counts a success.
    pub fn ok(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a failure that was already reported. An interruption is not a failure of
    /// the object: it ends the batch.
    pub fn failed(&self, err: anyhow::Error) {
        let status = exit::status_of(&err);
        if status == ExitStatus::Interrupted {
            let mut first = self.interrupted.lock().unwrap_or_else(|e| e.into_inner());
            match &*first {
                // The first is the command's final error; each other upload left for
                // --continue is named here, or its id would be lost.
                Some(_) => {
                    if let Some(kept) = err.downcast_ref::<KeptUpload>() {
                        crate::output::eprint(crate::output::Message::Note, &kept.to_string());
                        for line in super::record::kept_upload_commands(kept) {
                            crate::output::eprint(crate::output::Message::Hint, &line);
                        }
                    }
                }
                None => *first = Some(err),
            }
            return;
        }
        self.failed.fetch_add(1, Ordering::Relaxed);
        let mut worst = self.worst.lock().unwrap_or_else(|e| e.into_inner());
        *worst = Some(worst.map_or(status, |w| w.max(status)));
    }

    /// Reports a failed object (stderr, and a record with `--json`) and counts it; an
    /// interruption is counted silently, the final report says it.
    pub fn report_failure(&self, printer: &Printer, rec: &TransferRecord<'_>, err: anyhow::Error) {
        if exit::status_of(&err) != ExitStatus::Interrupted {
            let _ = report_failure(printer, rec, &err);
        }
        self.failed(err);
    }

    /// Prints the record of an object done (or planned, or skipped) and counts it.
    pub fn reported(&self, printer: &Printer, rec: &TransferRecord<'_>) {
        let _ = report(printer, rec, None);
        self.ok();
    }

    /// Reports a failure of the source itself (a listing page, an unreadable path): the
    /// record names the source, with no destination or size.
    pub fn source_failed(&self, printer: &Printer, op: Op, src: &str, err: anyhow::Error) {
        let rec = TransferRecord {
            op,
            src,
            dst: None,
            size: None,
            status: Status::Error,
            note: None,
        };
        self.report_failure(printer, &rec, err);
    }

    /// How many objects were done and how many failed.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.failed.load(Ordering::Relaxed),
        )
    }

    /// The batch's result (the batch is spent: an interruption is taken out of it).
    pub fn finish(&self) -> anyhow::Result<ExitStatus> {
        if let Some(err) = self
            .interrupted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            return Err(err);
        }
        let (done, failed) = self.counts();
        if failed == 0 {
            return Ok(ExitStatus::Success);
        }
        let status = if done > 0 {
            ExitStatus::Partial
        } else {
            self.worst
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .unwrap_or(ExitStatus::Failure)
        };
        Err(anyhow::Error::new(PartialFailure {
            done,
            failed,
            status,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn not_found() -> anyhow::Error {
        let mut e = crate::client::ServiceError::from_status(404);
        e.code = "NoSuchKey".into();
        anyhow::Error::new(crate::client::Error::from(e))
    }

    fn partial(result: anyhow::Result<ExitStatus>) -> (usize, usize, ExitStatus) {
        let err = result.unwrap_err();
        let p = err.downcast_ref::<PartialFailure>().unwrap();
        (p.done, p.failed, p.status)
    }

    #[test]
    fn a_batch_with_no_failure_succeeds() {
        let batch = Batch::default();
        batch.ok();
        batch.ok();
        assert_eq!(batch.counts(), (2, 0));
        assert_eq!(batch.finish().unwrap(), ExitStatus::Success);
        assert_eq!(Batch::default().finish().unwrap(), ExitStatus::Success);
    }

    #[test]
    fn failures_alone_exit_with_the_worst_code_and_beside_successes_with_3() {
        let batch = Batch::default();
        batch.failed(not_found());
        batch.failed(anyhow::anyhow!("broken"));
        assert_eq!(batch.counts(), (0, 2));
        assert_eq!(partial(batch.finish()), (0, 2, ExitStatus::NotFound));
        let batch = Batch::default();
        batch.ok();
        batch.failed(not_found());
        assert_eq!(partial(batch.finish()), (1, 1, ExitStatus::Partial));
    }

    fn summary(op: Option<Op>, deletes: bool, dry_run: DryRun) -> Summary {
        Summary {
            counts: Counts {
                moved: 3,
                deleted: 2,
                skipped: 1,
                failed: 1,
                ..Counts::default()
            },
            elapsed: Duration::from_millis(400),
            dry_run,
            op,
            deletes,
            first_failure: None,
        }
    }

    #[test]
    fn summaries_speak_in_the_words_of_the_operation() {
        let words = |op, deletes, dry_run| summary(op, deletes, dry_run).words();
        assert_eq!(
            words(Some(Op::Put), false, DryRun::No),
            "3 uploaded, 1 skipped, 1 failed"
        );
        assert_eq!(
            words(Some(Op::Get), true, DryRun::Yes),
            "3 would be downloaded, 2 would be deleted, 1 skipped, 1 failed"
        );
        assert_eq!(
            words(None, true, DryRun::No),
            "2 deleted, 1 skipped, 1 failed"
        );
        assert_eq!(
            words(None, false, DryRun::No),
            "3 done, 1 skipped, 1 failed"
        );
        let mut first = summary(Some(Op::Copy), false, DryRun::No);
        first.add(Summary {
            first_failure: Some("s3://b/k: gone".into()),
            ..summary(Some(Op::Copy), false, DryRun::No)
        });
        assert_eq!(first.words(), "6 copied, 2 skipped, 2 failed");
        assert_eq!(first.elapsed, Duration::from_millis(800));
        assert_eq!(first.first_failure.as_deref(), Some("s3://b/k: gone"));
        assert_eq!(seconds(Duration::from_millis(400)), "0.4s");
        assert_eq!(seconds(Duration::from_secs(185)), "3m05s");
    }

    #[test]
    fn an_interruption_ends_the_batch_and_is_not_a_failure() {
        let batch = Batch::default();
        batch.ok();
        batch.failed(anyhow::Error::new(crate::client::Error::Interrupted));
        batch.failed(anyhow::Error::new(crate::client::Error::Interrupted));
        assert_eq!(batch.counts(), (1, 0));
        let err = batch.finish().unwrap_err();
        assert_eq!(exit::status_of(&err), ExitStatus::Interrupted);
    }
}
