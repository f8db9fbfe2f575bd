//! `objcmd rm`: delete objects; with `-r`, everything under a prefix, 1,000 keys per
//! DeleteObjects request as the listing pages arrive. `--version-id` deletes one version
//! for good; `--all-versions` every version and delete marker (of a key, or with `-r` of
//! a prefix), the batches naming version ids.

use super::ctx::Ctx;
use super::empty::{TreeDelete, rm_tree, rm_versions};
use super::options::{Recursive, filter};
use super::record::{Op, Status, TransferRecord, report};
use super::tree::{Batch, DryRun, Summary};
use super::versions::{self, Scope};
use crate::address::RemoteUrl;
use crate::cli::RmArgs;
use crate::client::Feature;
use crate::error::{Hinted, usage};
use crate::exit::{self, ExitStatus};
use crate::filter::{Filter, Selection};
use crate::walk;

/// What a delete that the object lock refuses comes with.
const LOCKED_HINT: &str = "an object lock keeps this version: objcmd retention URL --version-id ID and objcmd legal-hold URL --version-id ID show it; rm --bypass-governance deletes through a GOVERNANCE retention (not COMPLIANCE, nor a legal hold: objcmd legal-hold URL off --version-id ID)";

/// Runs `rm`. Deleting a key that does not exist succeeds, as it does in S3 itself.
pub fn run(args: &RmArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let bypassing;
    let ctx = match args.bypass_governance {
        true => {
            ctx.client
                .dialect()
                .require(Feature::ObjectLock)
                .map_err(usage)?;
            bypassing = ctx.client.bypassing_governance();
            Ctx {
                client: &bypassing,
                ..ctx
            }
        }
        false => ctx,
    };
    let filter = filter(
        &args.filter,
        Recursive::from(args.recursive),
        Selection::RmDeletes,
        ctx.printer,
    )?;
    // Every URL is checked before anything is deleted.
    let mut urls = Vec::new();
    for arg in &args.urls {
        let url = RemoteUrl::parse_required(arg)?;
        if !args.recursive {
            url.object_key(ctx.client.dialect())?;
            if url.is_prefix() {
                return Err(usage(format!(
                    "{url} names a prefix, not an object: add -r to delete everything under it"
                )));
            }
        }
        urls.push(url);
    }
    let dry_run = DryRun::from(args.dry_run);
    let which = match (args.all_versions, args.recursive) {
        (false, _) => Which::Current,
        (true, true) => Which::Versions(Scope::Prefix),
        (true, false) => Which::Versions(Scope::Key),
    };
    if args.all_versions {
        versions::require(ctx.client)?;
    }
    if args.recursive || args.all_versions {
        return rm_trees(ctx, &urls, &filter, dry_run, which);
    }
    if args.version_id.is_some() && urls.len() > 1 {
        return Err(usage(
            "--version-id names a version of one object: give one URL",
        ));
    }
    let client = versions::pin(ctx.client, args.version_id.as_deref())?;
    rm_objects(
        Ctx {
            client: &client,
            ..ctx
        },
        &urls,
        dry_run,
    )
}

/// What a delete of a tree (or of a key's versions) removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Which {
    /// The current version of each key (a delete marker in a versioned bucket).
    Current,
    /// Every version and delete marker.
    Versions(Scope),
}

/// Deletes everything under each prefix; the worst outcome decides the exit status, and an
/// interruption stops at once.
fn rm_trees(
    ctx: Ctx<'_>,
    urls: &[RemoteUrl],
    filter: &Filter,
    dry_run: DryRun,
    which: Which,
) -> anyhow::Result<ExitStatus> {
    let mode = match dry_run {
        DryRun::Yes => TreeDelete::Plan,
        DryRun::No => TreeDelete::Report,
    };
    let mut worst = ExitStatus::Success;
    let mut last_error = None;
    let mut summary: Option<Summary> = None;
    for url in urls {
        let (result, done, part) = match which {
            Which::Current => rm_tree(ctx, url, filter, mode),
            Which::Versions(scope) => rm_versions(ctx, url, filter, mode, scope),
        };
        match &mut summary {
            Some(summary) => summary.add(part),
            None => summary = Some(part),
        }
        if done == 0 && result.is_ok() {
            let prefix = match which {
                Which::Versions(Scope::Key) => url.clone(),
                _ => url.with_key(walk::as_prefix(&url.key)),
            };
            ctx.printer
                .info(&format!("nothing to delete under {prefix}"));
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
    // One summary for all the prefixes.
    if let Some(summary) = summary {
        summary.print(ctx.printer, &summary.words());
    }
    match last_error {
        Some(e) => Err(e),
        None => Ok(worst),
    }
}

/// Deletes the objects named, one request each; one object's failure is the command's.
fn rm_objects(ctx: Ctx<'_>, urls: &[RemoteUrl], dry_run: DryRun) -> anyhow::Result<ExitStatus> {
    let printer = ctx.printer;
    let batch = Batch::default();
    for url in urls {
        let text = url.to_string();
        let mut rec = TransferRecord {
            op: Op::Delete,
            src: &text,
            dst: None,
            size: None,
            status: Status::Planned,
            note: None,
        };
        if dry_run == DryRun::Yes {
            report(printer, &rec, None)?;
            continue;
        }
        let result = ctx
            .client
            .delete_object(&url.bucket, &url.key)
            .map_err(|e| refused(e, &text, ctx.client.version()));
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

/// The error of a delete: one of a version (`--version-id`) that the object lock refuses
/// comes with a hint.
fn refused(e: crate::client::Error, url: &str, version: Option<&str>) -> anyhow::Error {
    let locked = e.service().is_some_and(|s| s.code == "AccessDenied");
    let what = match version {
        Some(v) => format!("deleting {url} (version {v})"),
        None => format!("deleting {url}"),
    };
    match (locked, version) {
        (true, Some(_)) => anyhow::Error::new(e).context(Hinted {
            message: what,
            hint: LOCKED_HINT.to_string(),
        }),
        _ => anyhow::Error::new(e).context(what),
    }
}
