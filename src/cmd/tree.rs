//! The loop of every tree command (`put -r`, `get -r`, `cp -r`, `rm -r`, `sync`) and its
//! tally: [`Tree`] runs the workers over the items of a walk or a listing, and for each
//! object decides, acts (or with `--dry-run` only plans), reports and counts, in one place;
//! [`Batch`] turns the counts into the command's result (success, the error of a
//! one-object batch, a partial failure, or the interruption that ended it).

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::ctx::Ctx;
use super::record::{Op, Status, TransferRecord, report, report_failure};
use crate::exit::{self, ExitStatus, PartialFailure};
use crate::output::Printer;
use crate::pool;
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

/// The run of a tree command: its workers, its output and its tally.
pub struct Tree<'a> {
    ctx: Ctx<'a>,
    dry_run: DryRun,
    echo: Echo,
    batch: Batch,
    moved: AtomicUsize,
    deleted: AtomicUsize,
    skipped: AtomicUsize,
    up_to_date: AtomicUsize,
    ended: AtomicUsize,
    bytes: AtomicU64,
}

impl<'a> Tree<'a> {
    /// A tree run that acts, or only plans.
    pub fn new(ctx: Ctx<'a>, dry_run: DryRun) -> Tree<'a> {
        Tree {
            ctx,
            dry_run,
            echo: Echo::Every,
            batch: Batch::default(),
            moved: AtomicUsize::new(0),
            deleted: AtomicUsize::new(0),
            skipped: AtomicUsize::new(0),
            up_to_date: AtomicUsize::new(0),
            ended: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    /// The same run, reporting only the objects given `echo`.
    pub fn echo(self, echo: Echo) -> Tree<'a> {
        Tree { echo, ..self }
    }

    /// Runs `each` on every item on `jobs` workers, the items produced lazily on this
    /// thread (a walk, a listing); after Ctrl-C no more are taken. Fewer than `jobs` work
    /// at once while the server throttles (the command's window).
    pub fn run<T: Send>(
        &self,
        jobs: usize,
        items: impl IntoIterator<Item = T>,
        each: impl Fn(T) + Sync,
    ) {
        let cancel = &self.ctx.client.transport().config().cancel;
        self.ctx.window.start(jobs);
        pool::run(jobs, items, cancel, self.ctx.window, each);
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
        match done {
            Done::Done if planned.op == Op::Delete => {
                self.deleted.fetch_add(1, Ordering::Relaxed);
            }
            Done::Done => {
                self.moved.fetch_add(1, Ordering::Relaxed);
                let size = planned.size.unwrap_or(0);
                self.bytes.fetch_add(size, Ordering::Relaxed);
            }
            Done::Skipped(note) => {
                self.skipped.fetch_add(1, Ordering::Relaxed);
                (rec.op, rec.status, rec.note) = (Op::Skip, Status::Ok, Some(note));
            }
            Done::UpToDate => {
                self.skipped.fetch_add(1, Ordering::Relaxed);
                self.up_to_date.fetch_add(1, Ordering::Relaxed);
                self.ended.fetch_add(1, Ordering::Relaxed);
                self.batch.ok();
                if self.ctx.printer.json {
                    (rec.op, rec.status, rec.note) = (Op::Skip, Status::Ok, Some("up to date"));
                    let _ = report(self.ctx.printer, &rec, None);
                }
                return;
            }
        }
        self.ended.fetch_add(1, Ordering::Relaxed);
        match self.echo {
            Echo::Every => self.batch.reported(self.ctx.printer, &rec),
            Echo::Failures => self.batch.ok(),
        }
    }

    /// Reports and counts an object that failed; one cut short by an interruption is
    /// counted silently (the command's final error says it).
    pub fn failed(&self, planned: &Planned, err: anyhow::Error) {
        if !crate::transfer::is_interrupted(&err) {
            self.ended.fetch_add(1, Ordering::Relaxed);
        }
        self.batch
            .report_failure(self.ctx.printer, &planned.record(Status::Error), err);
    }

    /// Reports a failure of the source itself (a listing page, an unreadable path).
    pub fn source_failed(&self, op: Op, src: &str, err: anyhow::Error) {
        self.batch.source_failed(self.ctx.printer, op, src, err);
    }

    /// What the objects came to so far.
    pub fn counts(&self) -> Counts {
        let load = |n: &AtomicUsize| n.load(Ordering::Relaxed);
        Counts {
            moved: load(&self.moved),
            deleted: load(&self.deleted),
            skipped: load(&self.skipped),
            up_to_date: load(&self.up_to_date),
            failed: self.batch.counts().1,
            ended: load(&self.ended),
            bytes: self.bytes.load(Ordering::Relaxed),
        }
    }

    /// The command's result.
    pub fn finish(self) -> anyhow::Result<ExitStatus> {
        self.batch.finish()
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

    /// The batch's result.
    pub fn finish(self) -> anyhow::Result<ExitStatus> {
        if let Some(err) = self
            .interrupted
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
        {
            return Err(err);
        }
        let (done, failed) = (self.done.into_inner(), self.failed.into_inner());
        if failed == 0 {
            return Ok(ExitStatus::Success);
        }
        let status = if done > 0 {
            ExitStatus::Partial
        } else {
            self.worst
                .into_inner()
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
