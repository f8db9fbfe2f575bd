//! `objcmd rm`: delete objects; with `-r`, everything under a prefix, 1,000 keys per
//! DeleteObjects request as the listing pages arrive.

use anyhow::Context as _;

use super::batch::Batch;
use super::ctx::Ctx;
use super::empty::{TreeDelete, rm_tree};
use super::options::filter;
use super::record::{Op, Status, TransferRecord, report};
use crate::address::RemoteUrl;
use crate::cli::RmArgs;
use crate::error::usage;
use crate::exit::{self, ExitStatus};
use crate::filter::Selection;
use crate::walk;

/// Runs `rm`. Deleting a key that does not exist succeeds, as it does in S3 itself.
pub fn run(args: &RmArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let Ctx {
        client,
        printer,
        tuning: _,
        ..
    } = ctx;
    let filter = filter(&args.filter, args.recursive, Selection::RmDeletes, printer)?;
    // Every URL is checked before anything is deleted.
    let mut urls = Vec::new();
    for arg in &args.urls {
        let url = RemoteUrl::parse_required(arg)?;
        if args.recursive {
            urls.push(url);
            continue;
        }
        url.object_key(client.dialect())?;
        if url.is_prefix() {
            return Err(usage(format!(
                "{url} names a prefix, not an object: add -r to delete everything under it"
            )));
        }
        urls.push(url);
    }
    if args.recursive {
        let mut worst = ExitStatus::Success;
        let mut last_error = None;
        for url in &urls {
            let mode = if args.dry_run {
                TreeDelete::Plan
            } else {
                TreeDelete::Report
            };
            let (result, done) = rm_tree(ctx, url, &filter, mode);
            if done == 0 && result.is_ok() {
                let prefix = url.with_key(walk::as_prefix(&url.key));
                printer.info(&format!("nothing to delete under {prefix}"));
            }
            match result {
                Ok(_) => {}
                Err(e) if exit::status_of(&e) == ExitStatus::Interrupted => return Err(e),
                Err(e) => {
                    worst = worst.max(exit::status_of(&e));
                    last_error = Some(e);
                }
            }
        }
        return match last_error {
            Some(e) => Err(e),
            None => Ok(worst),
        };
    }
    let batch = Batch::default();
    for url in &urls {
        let text = url.to_string();
        let mut rec = TransferRecord {
            op: Op::Delete,
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
            Err(e) => batch.report_failure(printer, &rec, e),
        }
    }
    batch.finish()
}
