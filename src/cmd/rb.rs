//! `objcmd rb`: remove a bucket; with `--force`, first empty it of objects and of
//! unfinished multipart uploads; with `--dry-run`, only say what would go.
//!
//! `--force` first aborts the unfinished multipart uploads, then deletes with
//! DeleteObjects, 1,000 keys at a time as the listing pages arrive (as `rm -r` does). A
//! bucket whose versioning is (or was) on is emptied of every version and delete marker
//! (as `rm -r --all-versions` does), without being asked: GetBucketVersioning tells.

use std::time::Duration;

use anyhow::Context as _;
use serde_json::json;

use super::ctx::Ctx;
use super::empty::{AbortAll, TreeDelete, abort_all, rm_tree, rm_versions};
use super::versions::Scope;
use crate::address::RemoteUrl;
use crate::cli::RbArgs;
use crate::client::{Feature, Versioning};
use crate::error::Hinted;
use crate::error::usage;
use crate::exit::{self, ExitStatus};
use crate::filter::Filter;
use crate::units::count;

/// Aborts every unfinished multipart upload, then deletes every object (in batches); with
/// [`Emptying::Plan`], reports them as planned instead. Uploads go first: their parts are
/// invisible to the listing but keep the bucket from being removed, and an upload finished
/// during the deletes would leave an object behind.
fn empty_bucket(ctx: Ctx<'_>, url: &RemoteUrl, how: Emptying) -> anyhow::Result<()> {
    let root = url.with_key(String::new());
    let (abort_mode, delete_mode) = match how {
        Emptying::Do => (AbortAll::Quiet, TreeDelete::Quiet),
        Emptying::Plan => (AbortAll::Plan, TreeDelete::Plan),
    };
    let aborts = abort_all(ctx.client, ctx.printer, &root, Duration::ZERO, abort_mode);
    let (aborted, abort_failures) = aborts.counts();
    let aborts = aborts.finish();
    if let Err(e) = &aborts
        && exit::status_of(e) == ExitStatus::Interrupted
    {
        return aborts.map(|_| ());
    }
    let versioned = has_versions(ctx, url)?;
    let (deletes, deleted, _) = match versioned {
        true => rm_versions(ctx, &root, &Filter::default(), delete_mode, Scope::Prefix),
        false => rm_tree(ctx, &root, &Filter::default(), delete_mode),
    };
    if deleted + aborted > 0 {
        let what = if versioned { "version" } else { "object" };
        let (objects, uploads) = (count(deleted as u64, what), count(aborted as u64, "upload"));
        ctx.printer.info(&match how {
            Emptying::Do => format!("deleted {objects} and aborted {uploads}"),
            Emptying::Plan => format!("(dry run) would delete {objects} and abort {uploads}"),
        });
    }
    deletes?;
    if abort_failures > 0 {
        aborts?;
    }
    Ok(())
}

/// Whether the bucket may hold old versions and delete markers: its versioning is
/// Enabled or Suspended. A server that cannot say (no such sub-resource) has none.
fn has_versions(ctx: Ctx<'_>, url: &RemoteUrl) -> anyhow::Result<bool> {
    if !ctx.client.dialect().supports(Feature::Versioning) {
        return Ok(false);
    }
    match ctx.client.get_bucket_versioning(&url.bucket) {
        Ok(state) => Ok(state != Versioning::Off),
        Err(e) if e.is_not_found() || e.service().is_none() => Err(anyhow::Error::new(e)
            .context(format!("getting the versioning of {}", url.bucket_url()))),
        Err(e) => {
            log::info!("taking {} as unversioned: {e}", url.bucket_url());
            Ok(false)
        }
    }
}

/// Whether [`empty_bucket`] acts or only lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Emptying {
    Do,
    Plan,
}

/// `rb --dry-run` without `--force`: the bucket must exist and hold nothing, as the real
/// `rb` needs (one key and one upload are enough to know).
fn check_empty(ctx: Ctx<'_>, url: &RemoteUrl) -> anyhow::Result<()> {
    let bucket_url = url.bucket_url();
    let page = ctx
        .client
        .list_objects(&url.bucket, "", None, None, Some(1))
        .with_context(|| format!("listing {bucket_url}"))?;
    let upload = ctx.client.multipart_uploads(&url.bucket, "").next();
    if let Some(Err(e)) = upload {
        return Err(
            anyhow::Error::new(e).context(format!("listing the multipart uploads of {bucket_url}"))
        );
    }
    if !page.contents.is_empty() || !page.common_prefixes.is_empty() || upload.is_some() {
        // The real rb would fail with BucketNotEmpty.
        return Err(anyhow::Error::new(Hinted {
            message: format!(
                "{bucket_url} is not empty: rb without --force would fail (BucketNotEmpty)"
            ),
            hint: exit::RB_FORCE_HINT.to_string(),
        }));
    }
    Ok(())
}

/// Runs `rb`.
pub fn run(args: &RbArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let (client, printer) = (ctx.client, ctx.printer);
    let url = RemoteUrl::parse_required(&args.url)?;
    if !url.key.is_empty() {
        return Err(usage(format!(
            "{url} has a key; rb takes a bucket, e.g. {}",
            url.bucket_url()
        )));
    }
    let bucket_url = url.bucket_url();
    let how = if args.dry_run {
        Emptying::Plan
    } else {
        Emptying::Do
    };
    if args.force {
        empty_bucket(ctx, &url, how).with_context(|| format!("emptying {bucket_url}"))?;
    } else if how == Emptying::Plan {
        check_empty(ctx, &url)?;
    }
    if how == Emptying::Do {
        client
            .delete_bucket(&url.bucket)
            .with_context(|| format!("removing bucket {bucket_url}"))?;
    }
    let status = match how {
        Emptying::Do => "ok",
        Emptying::Plan => "planned",
    };
    if printer.json {
        printer.record(&json!({"op": "rb", "src": bucket_url, "status": status}))?;
    } else if !printer.quiet {
        let dry = if how == Emptying::Plan {
            "(dry run) "
        } else {
            ""
        };
        printer.line(&format!("{dry}remove bucket: {bucket_url}"))?;
    }
    Ok(ExitStatus::Success)
}
