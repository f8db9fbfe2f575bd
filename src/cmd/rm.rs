//! `objcmd rm`: delete objects; with `-r`, everything under a prefix, 1,000 keys per
//! DeleteObjects request as the listing pages arrive.

use anyhow::Context as _;

use super::ctx::Ctx;
use super::empty::{TreeDelete, rm_tree};
use super::options::{Recursive, filter};
use super::record::{Op, Status, TransferRecord, report};
use super::tree::{Batch, DryRun, Summary};
use crate::address::RemoteUrl;
use crate::cli::RmArgs;
use crate::client::Feature;
use crate::client::object_config::Governance;
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
    if args.version_id.is_some() && args.urls.len() != 1 {
        return Err(usage(
            "--version-id names the version of one object: give one URL",
        ));
    }
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
    if args.recursive {
        return rm_trees(ctx, &urls, &filter, dry_run);
    }
    if let Some(version) = &args.version_id {
        let governance = match args.bypass_governance {
            true => Governance::Bypass,
            false => Governance::Respect,
        };
        return rm_version(ctx, &urls[0], version, governance, dry_run);
    }
    rm_objects(ctx, &urls, dry_run)
}

/// Deletes one version of an object (`--version-id`); a refusal of the object lock comes
/// with a hint.
fn rm_version(
    ctx: Ctx<'_>,
    url: &RemoteUrl,
    version: &str,
    governance: Governance,
    dry_run: DryRun,
) -> anyhow::Result<ExitStatus> {
    let (src, note) = (url.to_string(), format!("version {version}"));
    let text = format!("{src} ({note})");
    let mut rec = TransferRecord {
        op: Op::Delete,
        src: &src,
        dst: None,
        size: None,
        status: Status::Planned,
        note: Some(&note),
    };
    if dry_run == DryRun::No {
        ctx.client
            .delete_object_version((&url.bucket, &url.key), Some(version), governance)
            .map_err(|e| {
                let locked = e.service().is_some_and(|s| s.code == "AccessDenied");
                let e = anyhow::Error::new(e);
                match locked {
                    true => e.context(Hinted {
                        message: format!("deleting {text}"),
                        hint: LOCKED_HINT.to_string(),
                    }),
                    false => e.context(format!("deleting {text}")),
                }
            })?;
        rec.status = Status::Ok;
    }
    report(ctx.printer, &rec, None)?;
    Ok(ExitStatus::Success)
}

/// Deletes everything under each prefix; the worst outcome decides the exit status, and an
/// interruption stops at once.
fn rm_trees(
    ctx: Ctx<'_>,
    urls: &[RemoteUrl],
    filter: &Filter,
    dry_run: DryRun,
) -> anyhow::Result<ExitStatus> {
    let mode = match dry_run {
        DryRun::Yes => TreeDelete::Plan,
        DryRun::No => TreeDelete::Report,
    };
    let mut worst = ExitStatus::Success;
    let mut last_error = None;
    let mut summary: Option<Summary> = None;
    for url in urls {
        let (result, done, part) = rm_tree(ctx, url, filter, mode);
        match &mut summary {
            Some(summary) => summary.add(part),
            None => summary = Some(part),
        }
        if done == 0 && result.is_ok() {
            let prefix = url.with_key(walk::as_prefix(&url.key));
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
