//! `objcmd cp`: remote to remote on the server (CopyObject, or UploadPartCopy above the
//! copy threshold), local to remote (as `put`), remote to local (as `get`); `-r` for trees.

use std::path::Path;

use anyhow::Context as _;

use super::batch::{Decision, Done, DryRun, Planned, Tree};
use super::ctx::Ctx;
use super::listing;
use super::object;
use super::options::{directive, filter, upload_options};
use super::record::{Op, Status, TransferRecord, report};
use crate::address::{Location, RemoteUrl, check_key, key_basename};
use crate::cli::CpArgs;
use crate::client::{MetadataDirective, PutOptions};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::filter::{Filter, Selection};
use crate::walk;

/// Copies one object on the server; `None` when `no_clobber` found `dst` taken.
fn copy_object(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    size: Option<u64>,
    dst: &RemoteUrl,
    options: &PutOptions,
    no_clobber: bool,
) -> anyhow::Result<Option<u64>> {
    let mut options = options.clone();
    let directive = directive(&options);
    if directive == MetadataDirective::Replace && options.content_type.is_none() {
        options.content_type = Some(object::content_type(&None, &[&dst.key]));
    }
    object::copy(ctx, src, size, dst, &options, directive, no_clobber)
        .with_context(|| format!("copying {src} to {dst}"))
}

/// Copies one object and reports it.
fn copy_one(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    size: Option<u64>,
    dst: &RemoteUrl,
    options: &PutOptions,
    no_clobber: bool,
) -> anyhow::Result<()> {
    let (src_text, dst_text) = (src.to_string(), dst.to_string());
    let copied = copy_object(ctx, src, size, dst, options, no_clobber)?;
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
    options: &PutOptions,
    no_clobber: bool,
    dry_run: bool,
) -> anyhow::Result<ExitStatus> {
    if walk::contains(src, dst) {
        // The listing would find the copies and copy them again, without end.
        return Err(usage(format!(
            "{dst} is inside {src}: copy to a prefix outside the source"
        )));
    }
    let src_prefix = walk::as_prefix(&src.key);
    let dst_prefix = walk::as_prefix(&dst.key);
    let tree = Tree::new(ctx, DryRun::from(dry_run));
    let items = listing::listing(ctx.client, src, &src_prefix, filter);
    let src_prefix_url = src.with_key(src_prefix.clone()).to_string();
    tree.run(ctx.tree_jobs(), items, |item| {
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
                match copy_object(ctx, &from, Some(size), &to, options, no_clobber)? {
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
    let Ctx {
        client,
        printer,
        tuning: _,
        ..
    } = ctx;
    let ctx = Ctx {
        encrypt: args.encrypt,
        raw: args.raw,
        ..ctx
    };
    let options = upload_options(&args.upload, client.dialect())?;
    let filter = filter(&args.filter, args.recursive, Selection::Transfers, printer)?;
    let src = Location::parse(&args.src)?;
    let dst = Location::parse(&args.dst)?;
    match (src, dst) {
        (Location::Remote(_), Location::Remote(_)) if args.encrypt || args.raw => Err(usage(
            "a copy on the server neither encrypts nor decrypts: --encrypt goes with local to remote, --raw with remote to local",
        )),
        (Location::Remote(src), Location::Remote(dst)) => {
            if args.recursive {
                return copy_tree(
                    ctx,
                    &src,
                    &dst,
                    &filter,
                    &options,
                    args.no_clobber,
                    args.dry_run,
                );
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
            if args.dry_run {
                let (s, d) = (src.to_string(), dst.to_string());
                let rec = TransferRecord {
                    op: Op::Copy,
                    src: &s,
                    dst: Some(&d),
                    size: None,
                    status: Status::Planned,
                    note: None,
                };
                report(printer, &rec, None)?;
                return Ok(ExitStatus::Success);
            }
            copy_one(ctx, &src, None, &dst, &options, args.no_clobber).map_err(|e| {
                super::missing::explain(client, &src, super::missing::Verb::Copy, e)
            })?;
            Ok(ExitStatus::Success)
        }
        (Location::Local(path), Location::Remote(dst)) => {
            let srcs = [path];
            if args.recursive {
                super::put::put_tree(
                    ctx,
                    &srcs,
                    &dst,
                    &filter,
                    &options,
                    args.no_clobber,
                    false,
                    args.dry_run,
                )
            } else {
                super::put::put_files(
                    ctx,
                    &srcs,
                    &dst,
                    &options,
                    args.no_clobber,
                    false,
                    args.dry_run,
                )
            }
        }
        (Location::Stdio, Location::Remote(dst)) => {
            if args.recursive {
                return Err(usage("stdin cannot be copied with -r"));
            }
            super::put::put_files(
                ctx,
                &["-".to_string()],
                &dst,
                &options,
                args.no_clobber,
                false,
                args.dry_run,
            )
        }
        (Location::Remote(src), dst) => {
            let dst = match dst {
                Location::Local(p) => Some(p),
                Location::Stdio => None,
                Location::Remote(_) => unreachable!("matched above"),
            };
            if args.recursive {
                let dir =
                    dst.ok_or_else(|| usage("a recursive copy needs a directory, not stdout"))?;
                return super::get::get_tree(
                    ctx,
                    &src,
                    Path::new(&dir),
                    &filter,
                    args.no_clobber,
                    args.dry_run,
                );
            }
            let dst = dst.unwrap_or_else(|| "-".to_string());
            super::get::get_object(
                ctx,
                &src,
                Some(&dst),
                None,
                args.no_clobber,
                false,
                args.dry_run,
            )
        }
        (_, _) => Err(usage(
            "cp copies to, from or within object storage: one side must be an s3://, oss:// or ks3:// URL",
        )),
    }
}
