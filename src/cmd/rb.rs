//! `objcmd rb`: remove a bucket; with `--force`, first empty it of objects and of
//! unfinished multipart uploads.
//!
//! `--force` deletes with DeleteObjects, 1,000 keys at a time as the listing pages
//! arrive (as `rm -r` does), then aborts the unfinished multipart uploads.

use anyhow::Context as _;
use serde_json::json;

use super::rm::rm_tree;
use super::tree::Ctx;
use crate::address::RemoteUrl;
use crate::cli::RbArgs;
use crate::client::Client;
use crate::exit::{ExitStatus, usage};
use crate::filter::Filter;
use crate::output::Printer;
use crate::transfer::Tuning;

/// Deletes every object (in batches) and aborts every unfinished multipart upload.
fn empty_bucket(ctx: Ctx<'_>, url: &RemoteUrl) -> anyhow::Result<()> {
    let (result, deleted) = rm_tree(
        ctx,
        &url.with_key(String::new()),
        &Filter::default(),
        false,
        true,
    );
    result?;
    let mut aborted = 0u64;
    for upload in ctx.client.list_all_multipart_uploads(&url.bucket, "")? {
        ctx.client
            .abort_multipart_upload(&url.bucket, &upload.key, &upload.upload_id)
            .with_context(|| {
                format!("aborting the upload {} of {}", upload.upload_id, upload.key)
            })?;
        aborted += 1;
    }
    if deleted as u64 + aborted > 0 {
        ctx.printer.info(&format!(
            "deleted {deleted} objects and aborted {aborted} uploads"
        ));
    }
    Ok(())
}

/// Runs `rb`.
pub fn run(
    args: &RbArgs,
    client: &Client,
    tuning: Tuning,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let ctx = Ctx {
        client,
        printer,
        tuning,
    };
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
