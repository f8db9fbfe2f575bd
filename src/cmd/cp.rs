//! `objcmd cp`: remote to remote on the server (CopyObject, or UploadPartCopy above the
//! copy threshold), local to remote (as `put`), remote to local (as `get`); `-r` for trees.

use std::path::Path;

use super::ctx::Ctx;
use super::downloads;
use super::listing::{self, Markers};
use super::object;
use super::options::{Recursive, Writing, filter, overwrite, upload_options};
use super::record::{Op, Status, TransferRecord, report};
use super::tree::{Decision, Done, DryRun, Planned, Tree};
use super::uploads;
use crate::address::{Location, RemoteUrl, check_key, key_basename};
use crate::cli::CpArgs;
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::filter::{Filter, Selection};
use crate::transfer::Resume;
use crate::walk;

/// Copies one object and reports it.
fn copy_one(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    dst: &RemoteUrl,
    writing: &Writing,
) -> anyhow::Result<()> {
    let (src_text, dst_text) = (src.to_string(), dst.to_string());
    let copied = object::copy_as_written(ctx, src, None, dst, writing)?;
    let rec = TransferRecord {
        op: if copied.is_some() { Op::Copy } else { Op::Skip },
        src: &src_text,
        dst: Some(&dst_text),
        size: copied,
        status: Status::Ok,
        note: copied.is_none().then_some("exists"),
    };
    report(ctx.printer, &rec, None)?;
    Ok(())
}

/// Copies every object under `src`'s prefix to `dst`'s prefix, on the server.
fn copy_tree(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    dst: &RemoteUrl,
    filter: &Filter,
    writing: &Writing,
    dry_run: DryRun,
) -> anyhow::Result<ExitStatus> {
    if walk::contains(src, dst) {
        // The listing would find the copies and copy them again, without end.
        return Err(usage(format!(
            "{dst} is inside {src}: copy to a prefix outside the source"
        )));
    }
    let src_prefix = walk::as_prefix(&src.key);
    let dst_prefix = walk::as_prefix(&dst.key);
    let tree = Tree::new(ctx, dry_run).of(Op::Copy);
    let items = listing::listing(ctx.client, src, &src_prefix, filter);
    let src_prefix_url = src.with_key(src_prefix.clone()).to_string();
    let weight = |item: &_| listing::weight(item, Markers::Objects);
    tree.run_weighed(ctx.tree_jobs(), items, weight, |item| {
        let listed = match item {
            Ok(listed) => listed,
            Err(e) => return tree.source_failed(Op::Copy, &src_prefix_url, e),
        };
        let from = src.with_key(listed.object.key.clone());
        let to = dst.with_key(format!("{dst_prefix}{}", listed.rel));
        let size = listed.object.size;
        let planned = Planned {
            op: Op::Copy,
            src: from.to_string(),
            dst: Some(to.to_string()),
            size: Some(size),
        };
        let decide = || match check_key(&to.key, ctx.client.dialect()) {
            Ok(()) => Ok(Decision::Go(())),
            Err(why) => Err(anyhow::anyhow!("cannot copy to {to}: {why}")),
        };
        tree.object(planned, decide, |()| {
            Ok(
                match object::copy_as_written(ctx, &from, Some(size), &to, writing)? {
                    Some(_) => Done::Done,
                    None => Done::Skipped("exists"),
                },
            )
        });
    });
    tree.finish()
}

/// Runs `cp`.
pub fn run(args: &CpArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let ctx = Ctx {
        encrypt: args.encrypt,
        raw: args.raw,
        ..ctx
    };
    let writing = Writing {
        object: upload_options(&args.upload, ctx.client.dialect())?,
        overwrite: overwrite(args.no_clobber),
        // --continue is put's and get's: a copy starts over.
        resume: Resume::No,
    };
    let recursive = Recursive::from(args.recursive);
    let filter = filter(&args.filter, recursive, Selection::Transfers, ctx.printer)?;
    let how = How {
        writing: &writing,
        filter: &filter,
        recursive,
        dry_run: DryRun::from(args.dry_run),
    };
    let (src, dst) = (Location::parse(&args.src)?, Location::parse(&args.dst)?);
    // --version-id names the source's version: the client reads that version.
    let client = super::versions::pin(ctx.client, args.version_id.as_deref())?;
    if args.version_id.is_some() && !matches!(src, Location::Remote(_)) {
        return Err(usage(
            "--version-id names a version of a remote source object",
        ));
    }
    let ctx = Ctx {
        client: &client,
        ..ctx
    };
    match (src, dst) {
        (Location::Remote(_), Location::Remote(_)) if args.encrypt || args.raw => Err(usage(
            "a copy on the server neither encrypts nor decrypts: --encrypt goes with local to remote, --raw with remote to local",
        )),
        (Location::Remote(src), Location::Remote(dst)) => remote_to_remote(ctx, &src, dst, &how),
        (Location::Local(path), Location::Remote(dst)) => local_to_remote(ctx, path, &dst, &how),
        (Location::Stdio, Location::Remote(_)) if args.recursive => {
            Err(usage("stdin cannot be copied with -r"))
        }
        (Location::Stdio, Location::Remote(dst)) => {
            local_to_remote(ctx, "-".to_string(), &dst, &how)
        }
        (Location::Remote(src), Location::Local(path)) => {
            remote_to_local(ctx, &src, Some(path), &how)
        }
        (Location::Remote(src), Location::Stdio) => remote_to_local(ctx, &src, None, &how),
        (_, _) => Err(usage(
            "cp copies to, from or within object storage: one side must be an s3://, oss:// or ks3:// URL",
        )),
    }
}

/// What every direction of `cp` takes from its flags.
struct How<'a> {
    writing: &'a Writing,
    filter: &'a Filter,
    recursive: Recursive,
    dry_run: DryRun,
}

/// A copy on the server: one object (into a prefix, under its base name), or a tree.
fn remote_to_remote(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    dst: RemoteUrl,
    how: &How<'_>,
) -> anyhow::Result<ExitStatus> {
    let client = ctx.client;
    if how.recursive == Recursive::Yes {
        return copy_tree(ctx, src, &dst, how.filter, how.writing, how.dry_run);
    }
    src.object_key(client.dialect())?;
    if src.is_prefix() {
        return Err(usage(format!(
            "{src} names a prefix: add -r to copy everything under it"
        )));
    }
    let dst = if dst.is_prefix() {
        dst.with_key(format!("{}{}", dst.key, key_basename(&src.key)))
    } else {
        dst
    };
    dst.object_key(client.dialect())?;
    if how.dry_run == DryRun::Yes {
        let (s, d) = (src.to_string(), dst.to_string());
        let rec = TransferRecord {
            op: Op::Copy,
            src: &s,
            dst: Some(&d),
            size: None,
            status: Status::Planned,
            note: None,
        };
        report(ctx.printer, &rec, None)?;
        return Ok(ExitStatus::Success);
    }
    copy_one(ctx, src, &dst, how.writing)
        .map_err(|e| super::missing::explain(client, src, super::missing::Verb::Copy, e))?;
    Ok(ExitStatus::Success)
}

/// An upload, as `put` makes it (without `--continue`).
fn local_to_remote(
    ctx: Ctx<'_>,
    src: String,
    dst: &RemoteUrl,
    how: &How<'_>,
) -> anyhow::Result<ExitStatus> {
    let srcs = [src];
    match how.recursive {
        Recursive::Yes => uploads::put_tree(ctx, &srcs, dst, how.filter, how.writing, how.dry_run),
        Recursive::No => uploads::put_files(ctx, &srcs, dst, how.writing, how.dry_run),
    }
}

/// A download, as `get` makes it (without `--continue`); `None` is stdout.
fn remote_to_local(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    dst: Option<String>,
    how: &How<'_>,
) -> anyhow::Result<ExitStatus> {
    let overwrite = how.writing.overwrite;
    if how.recursive == Recursive::Yes {
        let dir = dst.ok_or_else(|| usage("a recursive copy needs a directory, not stdout"))?;
        let dir = Path::new(&dir);
        return downloads::get_tree(ctx, src, dir, how.filter, overwrite, how.dry_run);
    }
    let dst = dst.unwrap_or_else(|| "-".to_string());
    downloads::get_object(
        ctx,
        src,
        Some(&dst),
        None,
        overwrite,
        Resume::No,
        how.dry_run,
    )
}
