//! `objcmd get`: download an object to a file, into a directory, or to stdout; or (with
//! `-r`) everything under a prefix into a directory.

use std::path::Path;

use super::ctx::Ctx;
use super::downloads::{get_object, get_tree};
use super::options::{Recursive, filter, overwrite, parse_range, resume};
use super::tree::DryRun;
use crate::address::{Location, RemoteUrl};
use crate::cli::GetArgs;
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::filter::Selection;

/// Runs `get`.
pub fn run(args: &GetArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let ctx = Ctx {
        raw: args.raw,
        ..ctx
    };
    let (overwrite, dry_run) = (overwrite(args.no_clobber), DryRun::from(args.dry_run));
    let src = RemoteUrl::parse_required(&args.src)?;
    let filter = filter(
        &args.filter,
        Recursive::from(args.recursive),
        Selection::Transfers,
        ctx.printer,
    )?;
    if args.recursive {
        if args.resume {
            return Err(usage(
                "--continue resumes one object's download; it does not go with -r",
            ));
        }
        let dir = match args.dst.as_deref() {
            None => Path::new(".").to_path_buf(),
            Some("-") => return Err(usage("a recursive download needs a directory, not stdout")),
            Some(d) => match Location::parse(d)? {
                Location::Local(d) => Path::new(&d).to_path_buf(),
                _ => return Err(usage(format!("the destination {d} must be a directory"))),
            },
        };
        return get_tree(ctx, &src, &dir, &filter, overwrite, dry_run);
    }
    let range = args.range.as_deref().map(parse_range).transpose()?;
    let dst = args.dst.as_deref();
    let client = super::versions::pin(ctx.client, args.version_id.as_deref())?;
    let ctx = Ctx {
        client: &client,
        ..ctx
    };
    get_object(
        ctx,
        &src,
        dst,
        range,
        overwrite,
        resume(args.resume),
        dry_run,
    )
}
