//! `objcmd rm`: delete one or more objects.

use anyhow::Context as _;

use super::{Batch, Status, TransferRecord, report, report_failure};
use crate::address::RemoteUrl;
use crate::cli::RmArgs;
use crate::client::Client;
use crate::exit::{self, ExitStatus, usage};
use crate::output::Printer;

/// Runs `rm`. Deleting a key that does not exist succeeds, as it does in S3 itself.
pub fn run(args: &RmArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    // Every URL is checked before anything is deleted.
    let mut urls = Vec::new();
    for arg in &args.urls {
        let url = RemoteUrl::parse_required(arg)?;
        url.object_key(client.dialect())?;
        if url.is_prefix() {
            return Err(usage(format!(
                "{url} names a prefix, not an object (recursive deletes are not supported yet)"
            )));
        }
        urls.push(url);
    }
    let mut batch = Batch::default();
    for url in &urls {
        let text = url.to_string();
        let mut rec = TransferRecord {
            op: "delete",
            src: &text,
            dst: None,
            size: None,
            status: Status::Planned,
            note: None,
        };
        if args.dry_run {
            report(printer, &rec, None)?;
            continue;
        }
        let result = client
            .delete_object(&url.bucket, &url.key)
            .with_context(|| format!("deleting {url}"));
        match result {
            Ok(()) => {
                rec.status = Status::Ok;
                report(printer, &rec, None)?;
                batch.ok();
            }
            Err(e) if urls.len() == 1 || exit::status_of(&e) == ExitStatus::Interrupted => {
                return Err(e);
            }
            Err(e) => {
                report_failure(printer, &rec, &e)?;
                batch.failed(&e);
            }
        }
    }
    batch.finish()
}
