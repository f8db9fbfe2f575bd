//! `objcmd put`: upload files, stdin, or (with `-r`) directory trees.

use super::ctx::Ctx;
use super::options::{Recursive, Writing, filter, overwrite, resume, upload_options};
use super::tree::DryRun;
use super::uploads::{destination, put_files, put_tree};
use crate::cli::PutArgs;
use crate::exit::ExitStatus;
use crate::filter::Selection;

/// Runs `put`.
pub fn run(args: &PutArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let client = ctx.client;
    let ctx = Ctx {
        encrypt: args.encrypt,
        ..ctx
    };
    let writing = Writing {
        object: upload_options(&args.upload, client.dialect())?,
        overwrite: overwrite(args.no_clobber),
        resume: resume(args.resume),
    };
    let dry_run = DryRun::from(args.dry_run);
    let filter = filter(
        &args.filter,
        Recursive::from(args.recursive),
        Selection::Transfers,
        ctx.printer,
    )?;
    let (dst_arg, srcs) = (&args.dst, &args.srcs);
    let dst = destination(dst_arg)?;
    if args.recursive {
        return put_tree(ctx, srcs, &dst, &filter, &writing, dry_run);
    }
    put_files(ctx, srcs, &dst, &writing, dry_run)
}
