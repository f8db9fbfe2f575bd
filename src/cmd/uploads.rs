//! Uploads of files, stdin and trees, reported object by object: what `put` does, and
//! `cp` from a local source.

use std::path::Path;

use anyhow::Context as _;

use super::ctx::Ctx;
use super::object;
use super::options::Writing;
use super::record::{Op, Status, TransferRecord, report};
use super::tree::{Batch, Decision, Done, DryRun, Planned, Tree};
use crate::address::{Location, RemoteUrl, check_key};
use crate::client::Dialect;
use crate::error::{LocalNotFound, usage};
use crate::exit::ExitStatus;
use crate::filter::Filter;
use crate::transfer::Progress;
use crate::walk::{self, Walked};

/// One planned upload.
struct Job {
    /// What the user typed (`-` for stdin).
    src: String,
    /// The destination.
    dst: RemoteUrl,
}

/// The destination, which must be remote.
pub fn destination(arg: &str) -> anyhow::Result<RemoteUrl> {
    match Location::parse(arg)? {
        Location::Remote(url) => Ok(url),
        _ => Err(usage(format!(
            "the destination {arg:?} must be a URL like s3://BUCKET/KEY"
        ))),
    }
}

/// A local source that must exist.
fn local_source(path: &str) -> anyhow::Result<std::fs::Metadata> {
    std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            anyhow::Error::new(LocalNotFound(format!("{path}: no such file")))
        } else {
            anyhow::Error::new(e).context(format!("reading {path}"))
        }
    })
}

/// Plans the uploads: every source checked (exists, is a file) before anything is sent.
fn plan(srcs: &[String], dst: &RemoteUrl, dialect: Dialect) -> anyhow::Result<Vec<Job>> {
    if srcs.len() > 1 && !dst.is_prefix() {
        return Err(usage(format!(
            "several sources need a prefix destination ending in '/', not {dst}"
        )));
    }
    let mut jobs = Vec::new();
    for src in srcs {
        let key = match Location::parse(src)? {
            Location::Remote(_) => {
                return Err(usage(format!(
                    "{src} is remote; put uploads local files (use cp for copies)"
                )));
            }
            Location::Stdio if dst.is_prefix() => {
                return Err(usage(format!(
                    "stdin has no name: give the full key, e.g. {dst}data.bin"
                )));
            }
            Location::Stdio => dst.key.clone(),
            Location::Local(path) => {
                if local_source(&path)?.is_dir() {
                    return Err(usage(format!("{path} is a directory; add -r to upload it")));
                }
                if dst.is_prefix() {
                    let name = Path::new(&path)
                        .file_name()
                        .and_then(|n| n.to_str())
                        .ok_or_else(|| {
                            usage(format!(
                                "the file name of {path:?} is not UTF-8; give the key explicitly"
                            ))
                        })?;
                    format!("{}{name}", dst.key)
                } else {
                    dst.key.clone()
                }
            }
        };
        check_key(&key, dialect).map_err(|why| {
            usage(format!(
                "cannot upload {src} to {}: {why}",
                dst.with_key(key.clone())
            ))
        })?;
        jobs.push(Job {
            src: src.clone(),
            dst: dst.with_key(key),
        });
    }
    Ok(jobs)
}

/// The progress bar of one upload: stdin's length is known only at its end.
fn job_bar(ctx: Ctx<'_>, job: &Job) -> crate::output::Bar {
    match job.src.as_str() {
        "-" => ctx.printer.stream_bar("stdin"),
        src => ctx.printer.progress_bar(0, src),
    }
}

/// Uploads one source and reports it.
fn put_one(ctx: Ctx<'_>, job: &Job, writing: &Writing, bar: &dyn Progress) -> anyhow::Result<()> {
    let dst = job.dst.to_string();
    let outcome = object::upload(ctx, &job.src, &job.dst, writing, bar)?;
    bar.finish();
    // (A resumed upload said at its start how many parts were already there.)
    let rec = match &outcome {
        Some(out) => TransferRecord {
            op: Op::Put,
            src: &job.src,
            dst: Some(&dst),
            size: Some(out.size),
            status: Status::Ok,
            note: None,
        },
        None => TransferRecord {
            op: Op::Skip,
            src: &job.src,
            dst: Some(&dst),
            size: None,
            status: Status::Ok,
            note: Some("exists"),
        },
    };
    report(ctx.printer, &rec, None)?;
    Ok(())
}

/// Uploads trees: every file under each source becomes PREFIX/<path relative to it>.
pub fn put_tree(
    ctx: Ctx<'_>,
    srcs: &[String],
    dst: &RemoteUrl,
    filter: &Filter,
    writing: &Writing,
    dry_run: DryRun,
) -> anyhow::Result<ExitStatus> {
    for src in srcs {
        if src == "-" {
            return Err(usage("stdin cannot be uploaded with -r"));
        }
        local_source(src)?;
    }
    let prefix = walk::as_prefix(&dst.key);
    let dialect = ctx.client.dialect();
    let tree = Tree::new(ctx, dry_run).of(Op::Put);
    let items = srcs
        .iter()
        .flat_map(|src| walk::walk(Path::new(src), filter));
    let weight = super::listing::walked_weight;
    tree.run_weighed(ctx.tree_jobs(), items, weight, |walked| match walked {
        Walked::File(file) => {
            let url = dst.with_key(format!("{prefix}{}", file.rel));
            let src = file.path.display().to_string();
            let planned = Planned {
                op: Op::Put,
                src: src.clone(),
                dst: Some(url.to_string()),
                size: Some(file.size),
            };
            let decide = || match check_key(&url.key, dialect) {
                Ok(()) => Ok(Decision::Go(())),
                Err(why) => Err(anyhow::anyhow!("cannot upload {src} to {url}: {why}")),
            };
            tree.object(planned, decide, |()| {
                let uploaded = object::upload(ctx, &src, &url, writing, &tree.share())
                    .with_context(|| format!("uploading {src} to {url}"))?;
                Ok(match uploaded {
                    Some(_) => Done::Done,
                    None => Done::Skipped("exists"),
                })
            });
        }
        Walked::Failed { path, error } => {
            tree.source_failed(Op::Put, &path, anyhow::anyhow!("{path}: {error}"));
        }
    });
    tree.finish()
}

/// Uploads the given sources one after another (a multi-source put is a short list; trees
/// go through the worker pool).
pub fn put_files(
    ctx: Ctx<'_>,
    srcs: &[String],
    dst: &RemoteUrl,
    writing: &Writing,
    dry_run: DryRun,
) -> anyhow::Result<ExitStatus> {
    let jobs = plan(srcs, dst, ctx.client.dialect())?;
    if dry_run == DryRun::Yes {
        for job in &jobs {
            let size = if job.src == "-" {
                None
            } else {
                std::fs::metadata(&job.src).ok().map(|m| m.len())
            };
            let dst = job.dst.to_string();
            let rec = TransferRecord {
                op: Op::Put,
                src: &job.src,
                dst: Some(&dst),
                size,
                status: Status::Planned,
                note: None,
            };
            report(ctx.printer, &rec, None)?;
        }
        return Ok(ExitStatus::Success);
    }
    if let [job] = jobs.as_slice() {
        let bar = job_bar(ctx, job);
        put_one(ctx, job, writing, &bar)
            .with_context(|| format!("uploading {} to {}", job.src, job.dst))?;
        return Ok(ExitStatus::Success);
    }
    let batch = Batch::default();
    for job in &jobs {
        let bar = job_bar(ctx, job);
        let dst = job.dst.to_string();
        let rec = TransferRecord {
            op: Op::Put,
            src: &job.src,
            dst: Some(&dst),
            size: None,
            status: Status::Error,
            note: None,
        };
        match put_one(ctx, job, writing, &bar)
            .with_context(|| format!("uploading {} to {}", job.src, job.dst))
        {
            Ok(()) => batch.ok(),
            Err(e) if crate::exit::status_of(&e) == ExitStatus::Interrupted => return Err(e),
            Err(e) => batch.report_failure(ctx.printer, &rec, e),
        }
    }
    batch.finish()
}
