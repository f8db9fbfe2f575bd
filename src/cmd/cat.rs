//! `objcmd cat`: objects to stdout, one after another, decrypted and verified as `get URL -`
//! does. A reader that closes the pipe early (`| head`) ends it quietly (exit 0, in lib.rs).

use super::ctx::Ctx;
use super::downloads::get_object;
use super::options::parse_range;
use super::record::{Op, Status, TransferRecord};
use super::tree::{Batch, DryRun};
use crate::address::RemoteUrl;
use crate::cli::CatArgs;
use crate::exit::ExitStatus;
use crate::transfer::{Overwrite, Resume};

/// Runs `cat`. Every URL is checked before anything is written; as cat(1) does, an object
/// that fails is reported and the next one follows (exit 3 when others were written).
pub fn run(args: &CatArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let ctx = Ctx {
        raw: args.raw,
        ..ctx
    };
    let range = args.range.as_deref().map(parse_range).transpose()?;
    let urls = args
        .urls
        .iter()
        .map(|u| RemoteUrl::parse_required(u))
        .collect::<Result<Vec<_>, _>>()?;
    for url in &urls {
        url.object_key(ctx.client.dialect())?;
    }
    if args.version_id.is_some() && urls.len() > 1 {
        return Err(crate::error::usage(
            "--version-id names a version of one object: give one URL",
        ));
    }
    let client = super::versions::pin(ctx.client, args.version_id.as_deref())?;
    let ctx = Ctx {
        client: &client,
        ..ctx
    };
    let fetch = |url: &RemoteUrl| {
        get_object(
            ctx,
            url,
            Some("-"),
            range,
            Overwrite::Replace,
            Resume::No,
            DryRun::No,
        )
    };
    if let [url] = urls.as_slice() {
        return fetch(url);
    }
    let batch = Batch::default();
    for url in &urls {
        match fetch(url) {
            Ok(_) => batch.ok(),
            Err(e) if crate::transfer::is_interrupted(&e) || crate::exit::is_broken_pipe(&e) => {
                return Err(e);
            }
            Err(e) => {
                let text = url.to_string();
                let rec = TransferRecord {
                    op: Op::Get,
                    src: &text,
                    dst: Some("-"),
                    size: None,
                    status: Status::Error,
                    note: None,
                };
                batch.report_failure(ctx.printer, &rec, e);
            }
        }
    }
    batch.finish()
}
