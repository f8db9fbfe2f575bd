//! What every transfer of a command needs: the client, the printer, the tuning, the
//! encryption keys and the per-command switches (`--encrypt`, `--raw`).

use crate::client::Client;
use crate::output::Printer;
use crate::pool;
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
