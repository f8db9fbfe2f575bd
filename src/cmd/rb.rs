//! `objcmd rb`: remove a bucket; with `--force`, first empty it of objects and of
//! unfinished multipart uploads.
//!
//! `--force` first aborts the unfinished multipart uploads, then deletes with
//! DeleteObjects, 1,000 keys at a time as the listing pages arrive (as `rm -r` does).

use std::time::Duration;

use anyhow::Context as _;
use serde_json::json;

use super::multipart::abort_all;
use super::rm::rm_tree;
use super::tree::Ctx;
use crate::address::RemoteUrl;
use crate::cli::RbArgs;
use crate::exit::{self, ExitStatus, usage};
use crate::filter::Filter;

/// Aborts every unfinished multipart upload, then deletes every object (in batches).
/// Uploads go first: their parts are invisible to the listing but keep the bucket from
/// being removed, and an upload finished during the deletes would leave an object behind.
fn empty_bucket(ctx: Ctx<'_>, url: &RemoteUrl) -> anyhow::Result<()> {
    let root = url.with_key(String::new());
    let aborts = abort_all(ctx.client, ctx.printer, &root, Duration::ZERO, true);
    let (aborted, abort_failures) = aborts.counts();
    let aborts = aborts.finish();
    if let Err(e) = &aborts
        && exit::status_of(e) == ExitStatus::Interrupted
    {
        return aborts.map(|_| ());
    }
    let (deletes, deleted) = rm_tree(ctx, &root, &Filter::default(), false, true);
    if deleted + aborted > 0 {
        ctx.printer.info(&format!(
            "deleted {deleted} objects and aborted {aborted} uploads"
        ));
    }
    deletes?;
    if abort_failures > 0 {
        aborts?;
    }
    Ok(())
}

/// Runs `rb`.
pub fn run(args: &RbArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let Ctx {
        client,
        printer,
        tuning: _,
        ..
    } = ctx;
    let url = RemoteUrl::parse_required(&args.url)?;
    if !url.key.is_empty() {
        return Err(usage(format!(
            "{url} has a key; rb takes a bucket, e.g. {}",
            url.bucket_url()
        )));
    }
    let bucket_url = url.bucket_url();
    if args.force {
        empty_bucket(ctx, &url).with_context(|| format!("emptying {bucket_url}"))?;
    }
    client
        .delete_bucket(&url.bucket)
        .with_context(|| format!("removing bucket {bucket_url}"))?;
    if printer.json {
        printer.record(&json!({"op": "rb", "src": bucket_url, "status": "ok"}))?;
    } else if !printer.quiet {
        printer.line(&format!("remove bucket: {bucket_url}"))?;
    }
    Ok(ExitStatus::Success)
}
