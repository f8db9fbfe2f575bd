//! `objcmd restore`: ask for a temporary readable copy of archived objects (RestoreObject),
//! one object or every object under a prefix (`-r`). A restore the server already did
//! (200) or is still doing (409 RestoreAlreadyInProgress) is a skip, not a failure, as
//! s3cmd treats it: asking again changes nothing.

use anyhow::Context as _;

use super::ctx::Ctx;
use super::listing::{self, Markers};
use super::options::{Recursive, filter};
use super::record::{Op, Status, TransferRecord, report};
use super::tree::{Decision, Done, DryRun, Planned, Tree};
use crate::address::RemoteUrl;
use crate::cli::{RestoreArgs, RestoreTier};
use crate::client::object_config::Restore;
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::filter::Selection;
use crate::walk;

/// What each request asks for.
struct Ask<'a> {
    days: u32,
    tier: Option<&'static str>,
    version: Option<&'a str>,
}

fn tier_name(tier: RestoreTier) -> &'static str {
    match tier {
        RestoreTier::Standard => "Standard",
        RestoreTier::Bulk => "Bulk",
        RestoreTier::Expedited => "Expedited",
    }
}

/// Restores one object: what the server answered, as the tree counts it.
fn restore_one(ctx: Ctx<'_>, url: &RemoteUrl, ask: &Ask<'_>) -> anyhow::Result<Done> {
    let outcome = ctx
        .client
        .restore_object((&url.bucket, &url.key), ask.version, ask.days, ask.tier)
        .with_context(|| format!("restoring {url}"))?;
    Ok(match outcome {
        Restore::Started => Done::Done,
        Restore::AlreadyRestored => Done::Skipped("already restored"),
        Restore::InProgress => Done::Skipped("restore already in progress"),
    })
}

/// Runs `restore`.
pub fn run(args: &RestoreArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let recursive = Recursive::from(args.recursive);
    let filter = filter(&args.filter, recursive, Selection::Transfers, ctx.printer)?;
    let url = RemoteUrl::parse_required(&args.url)?;
    let dry_run = DryRun::from(args.dry_run);
    let ask = Ask {
        days: args.days,
        tier: args.tier.map(tier_name),
        version: args.version_id.as_deref(),
    };
    if recursive == Recursive::Yes {
        let prefix = walk::as_prefix(&url.key);
        let prefix_url = url.with_key(prefix.clone()).to_string();
        let items = listing::listing(ctx.client, &url, &prefix, &filter);
        let tree = Tree::new(ctx, dry_run).of(Op::Restore);
        let weight = |item: &_| listing::weight(item, Markers::Objects);
        tree.run_weighed(ctx.tree_jobs(), items, weight, |item| match item {
            Ok(listed) => {
                let object = url.with_key(listed.object.key.clone());
                let planned = Planned {
                    op: Op::Restore,
                    src: object.to_string(),
                    dst: None,
                    size: None,
                };
                tree.object(
                    planned,
                    || Ok(Decision::Go(())),
                    |()| restore_one(ctx, &object, &ask),
                );
            }
            Err(e) => tree.source_failed(Op::Restore, &prefix_url, e),
        });
        return tree.finish();
    }
    url.object_key(ctx.client.dialect())?;
    if url.is_prefix() {
        return Err(usage(format!(
            "{url} names a prefix, not an object: add -r to restore everything under it"
        )));
    }
    let src = url.to_string();
    let mut rec = TransferRecord {
        op: Op::Restore,
        src: &src,
        dst: None,
        size: None,
        status: Status::Planned,
        note: None,
    };
    if dry_run == DryRun::No {
        rec.status = Status::Ok;
        match restore_one(ctx, &url, &ask)? {
            Done::Skipped(note) => (rec.op, rec.note) = (Op::Skip, Some(note)),
            _ => rec.note = Some("started"),
        }
    }
    report(ctx.printer, &rec, None)?;
    Ok(ExitStatus::Success)
}
