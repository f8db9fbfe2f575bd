//! The tally of a batch command: its workers count what was done and what failed, and
//! the batch turns that into the command's result (success, the error of a one-object
//! batch, a partial failure, or the interruption that ended it).

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::record::{Op, Status, TransferRecord, report, report_failure};
use crate::exit::{self, ExitStatus, PartialFailure};
use crate::output::Printer;
use crate::transfer::upload::KeptUpload;

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
                        for line in kept.hints() {
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
