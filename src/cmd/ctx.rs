//! What every transfer of a command needs: the client, the printer, the tuning, the
//! window of a tree's concurrency, the encryption keys and the per-command switches
//! (`--encrypt`, `--raw`).

use std::sync::Arc;

use crate::client::{Client, Pace, PaceWatch};
use crate::output::Printer;
use crate::pool;
use crate::throttle::Window;
use crate::transfer::Tuning;
use crate::transfer::crypt::KeySource;

/// Everything one transfer needs.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The client.
    pub client: &'a Client,
    /// Output.
    pub printer: &'a Printer,
    /// Part sizes and jobs.
    pub tuning: Tuning,
    /// How many objects of a tree may move at once, as the server's replies allow.
    pub window: &'a Window,
    /// The client-side encryption key, loaded when first needed.
    pub keys: &'a KeySource,
    /// Encrypt uploads (`--encrypt`).
    pub encrypt: bool,
    /// Download encrypted objects as stored (`--raw`).
    pub raw: bool,
}

impl<'a> Ctx<'a> {
    /// The keys to decrypt downloads with: none with `--raw`.
    pub fn decryption(&self) -> Option<&'a KeySource> {
        (!self.raw).then_some(self.keys)
    }

    /// Workers for a tree: `-j`, lowered to what the open-files limit allows.
    pub fn tree_jobs(&self) -> usize {
        pool::jobs_within(
            pool::raise_open_files_limit(),
            self.tuning.jobs,
            self.tuning.part_jobs,
        )
    }
}

/// The transport's hook that tells `window` what each reply says about the pace.
pub fn pace_watch(window: Arc<Window>) -> PaceWatch {
    PaceWatch::new(move |pace| match pace {
        Pace::Clean => window.clean(),
        Pace::Throttled { error, sent } => window.throttled(sent, &error.code),
    })
}
