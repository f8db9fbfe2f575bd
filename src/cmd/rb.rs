//! `objcmd rb`: remove a bucket; with `--force`, first empty it of objects and of
//! unfinished multipart uploads.
//!
//! `--force` deletes one object at a time, page by page as the listing arrives; batch
//! deletes come with recursive operations.

use anyhow::Context as _;
use serde_json::json;

use crate::address::RemoteUrl;
use crate::cli::RbArgs;
use crate::client::Client;
use crate::exit::{ExitStatus, usage};
use crate::output::Printer;

/// Deletes every object and aborts every unfinished multipart upload of a bucket.
fn empty_bucket(client: &Client, bucket: &str, printer: &Printer) -> anyhow::Result<()> {
    let mut deleted = 0u64;
    for page in client.list_objects_pages(bucket, "", None) {
        for object in page?.objects {
            if client.transport().cancelled() {
                return Err(crate::client::Error::Interrupted.into());
            }
            client
                .delete_object(bucket, &object.key)
                .with_context(|| format!("deleting {}", object.key))?;
            deleted += 1;
        }
    }
    let mut aborted = 0u64;
    for upload in client.list_all_multipart_uploads(bucket, "")? {
        client
            .abort_multipart_upload(bucket, &upload.key, &upload.upload_id)
            .with_context(|| {
                format!("aborting the upload {} of {}", upload.upload_id, upload.key)
            })?;
        aborted += 1;
    }
    if deleted + aborted > 0 {
        printer.info(&format!(
            "deleted {deleted} objects and aborted {aborted} uploads"
        ));
    }
    Ok(())
}

/// Runs `rb`.
pub fn run(args: &RbArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let url = RemoteUrl::parse_required(&args.url)?;
    if !url.key.is_empty() {
        return Err(usage(format!(
            "{url} has a key; rb takes a bucket, e.g. {}",
            url.bucket_url()
        )));
    }
    let bucket_url = url.bucket_url();
    if args.force {
        empty_bucket(client, &url.bucket, printer)
            .with_context(|| format!("emptying {bucket_url}"))?;
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
