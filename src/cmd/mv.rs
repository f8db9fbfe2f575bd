//! `objcmd mv`: move files and objects: put, get or a copy on the server, then each source
//! is deleted, and only once its copy is complete and verified (the same checks as put, get
//! and cp). At every instant each object exists whole at the source, the destination or
//! both: an interruption or a failed copy keeps the source.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::ctx::Ctx;
use super::listing::{self, Markers};
use super::object;
use super::options::{Recursive, Writing, filter, overwrite, upload_options};
use super::record::{Op, Status, TransferRecord, report};
use super::tree::{Decision, Done, DryRun, Planned, Tree};
use crate::address::{Location, RemoteUrl, check_key, key_basename};
use crate::cli::MvArgs;
use crate::error::{LocalNotFound, usage};
use crate::exit::ExitStatus;
use crate::filter::{Filter, Selection};
use crate::transfer::download::Partial;
use crate::transfer::{Progress, Resume};
use crate::walk::{self, Walked};

/// One move: where from and where to.
enum Move {
    /// A local file to an object.
    Upload { path: String, url: RemoteUrl },
    /// An object to a local file.
    Download { url: RemoteUrl, path: PathBuf },
    /// An object to another, on the server.
    Copy { from: RemoteUrl, to: RemoteUrl },
}

impl Move {
    fn planned(&self, size: Option<u64>) -> Planned {
        let (src, dst) = match self {
            Move::Upload { path, url } => (path.clone(), url.to_string()),
            Move::Download { url, path } => (url.to_string(), path.display().to_string()),
            Move::Copy { from, to } => (from.to_string(), to.to_string()),
        };
        Planned {
            op: Op::Move,
            src,
            dst: Some(dst),
            size,
        }
    }
}

/// Moves one file or object: the copy, then the source deleted. A copy skipped by
/// `--no-clobber` keeps its source.
fn move_one(ctx: Ctx<'_>, m: &Move, writing: &Writing, bar: &dyn Progress) -> anyhow::Result<Done> {
    match m {
        Move::Upload { path, url } => {
            let uploaded = object::upload(ctx, path, url, writing, bar)
                .with_context(|| format!("uploading {path} to {url}"))?;
            if uploaded.is_none() {
                return Ok(Done::Skipped("exists"));
            }
            std::fs::remove_file(path).with_context(|| {
                format!(
                    "{path} was uploaded to {url}, but deleting it failed; it is in both places"
                )
            })?;
        }
        Move::Download { url, path } => {
            let partial = Partial::Remove;
            let downloaded = object::download(ctx, url, path, writing.overwrite, partial, bar)
                .with_context(|| format!("downloading {url} to {}", path.display()))?;
            if downloaded.is_none() {
                return Ok(Done::Skipped("exists"));
            }
            delete_object(ctx, url, &path.display().to_string())?;
        }
        Move::Copy { from, to } => {
            if object::copy_as_written(ctx, from, None, to, writing)?.is_none() {
                return Ok(Done::Skipped("exists"));
            }
            delete_object(ctx, from, &to.to_string())?;
        }
    }
    bar.finish();
    Ok(Done::Done)
}

/// Deletes the source object of a move whose copy at `copy` is complete.
fn delete_object(ctx: Ctx<'_>, url: &RemoteUrl, copy: &str) -> anyhow::Result<()> {
    ctx.client
        .delete_object(&url.bucket, &url.key)
        .with_context(|| {
            format!("{url} was copied to {copy}, but deleting it failed; it is in both places")
        })
}

/// Runs `mv`.
pub fn run(args: &MvArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let ctx = Ctx {
        encrypt: args.encrypt,
        raw: args.raw,
        ..ctx
    };
    let recursive = Recursive::from(args.recursive);
    let filter = filter(&args.filter, recursive, Selection::Transfers, ctx.printer)?;
    let writing = Writing {
        object: upload_options(&args.upload, ctx.client.dialect())?,
        overwrite: overwrite(args.no_clobber),
        resume: Resume::No,
    };
    let srcs = args
        .srcs
        .iter()
        .map(|s| Location::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    let dst = Location::parse(&args.dst)?;
    let how = How {
        writing: &writing,
        filter: &filter,
        dry_run: DryRun::from(args.dry_run),
    };
    let several = srcs.len() > 1;
    let moves = match recursive {
        Recursive::No => plan_objects(ctx, &srcs, &dst)?,
        Recursive::Yes => return move_trees(ctx, &srcs, &dst, &how),
    };
    match moves.as_slice() {
        [one] if !several => move_alone(ctx, one, &how),
        _ => move_each(ctx, moves, &how),
    }
}

/// What every move takes from the flags.
struct How<'a> {
    writing: &'a Writing,
    filter: &'a Filter,
    dry_run: DryRun,
}

/// Which way the sources go, checked before anything moves: all local to a remote
/// destination, or all remote to a local or remote one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Way {
    Up,
    Down,
    Across,
}

fn way(srcs: &[Location], dst: &Location) -> anyhow::Result<Way> {
    let all_local = srcs.iter().all(|s| matches!(s, Location::Local(_)));
    let all_remote = srcs.iter().all(|s| matches!(s, Location::Remote(_)));
    match dst {
        _ if srcs.iter().any(|s| matches!(s, Location::Stdio)) => Err(usage(
            "mv moves files and objects; stdin cannot be deleted (use put - or cp - instead)",
        )),
        Location::Stdio => Err(usage(
            "mv needs a destination to keep what it moves, not stdout (use cat or get URL -)",
        )),
        Location::Remote(_) if all_local => Ok(Way::Up),
        Location::Remote(_) if all_remote => Ok(Way::Across),
        Location::Local(_) if all_remote => Ok(Way::Down),
        Location::Local(_) if all_local => Err(usage(
            "mv moves to, from or within object storage: one side must be an s3://, oss:// or ks3:// URL (use mv(1) for local files)",
        )),
        _ => Err(usage(
            "the sources of one mv are all local or all remote, not both",
        )),
    }
}

/// The moves of sources that are single files or objects, every one checked first.
fn plan_objects(ctx: Ctx<'_>, srcs: &[Location], dst: &Location) -> anyhow::Result<Vec<Move>> {
    let way = way(srcs, dst)?;
    let into_dir = srcs.len() > 1 || is_container(dst);
    if srcs.len() > 1 && !is_container(dst) {
        return Err(usage(format!(
            "several sources need a destination prefix ending in '/' or a directory, not {}",
            display(dst)
        )));
    }
    let dialect = ctx.client.dialect();
    srcs.iter()
        .map(|src| {
            let m = match (src, dst, way) {
                (Location::Local(path), Location::Remote(dst), Way::Up) => {
                    let meta = std::fs::metadata(path).map_err(|e| missing_local(path, e))?;
                    if meta.is_dir() {
                        return Err(usage(format!("{path} is a directory; add -r to move it")));
                    }
                    let url = match into_dir {
                        true => {
                            dst.with_key(format!("{}{}", walk::as_prefix(&dst.key), name_of(path)?))
                        }
                        false => dst.clone(),
                    };
                    Move::Upload {
                        path: path.clone(),
                        url,
                    }
                }
                (Location::Remote(url), Location::Local(dir), Way::Down) => {
                    one_object(url, dialect)?;
                    let path = match into_dir {
                        true => Path::new(dir).join(key_basename(&url.key)),
                        false => PathBuf::from(dir),
                    };
                    Move::Download {
                        url: url.clone(),
                        path,
                    }
                }
                (Location::Remote(from), Location::Remote(dst), Way::Across) => {
                    one_object(from, dialect)?;
                    let to = match into_dir {
                        true => dst.with_key(format!("{}{}", dst.key, key_basename(&from.key))),
                        false => dst.clone(),
                    };
                    Move::Copy {
                        from: from.clone(),
                        to,
                    }
                }
                _ => unreachable!("way() checked the sides"),
            };
            check_move(&m, dialect)?;
            Ok(m)
        })
        .collect()
}

/// A URL that names one object, not a prefix.
fn one_object(url: &RemoteUrl, dialect: crate::client::Dialect) -> anyhow::Result<()> {
    url.object_key(dialect)?;
    if url.is_prefix() {
        return Err(usage(format!(
            "{url} names a prefix, not an object: add -r to move everything under it"
        )));
    }
    Ok(())
}

/// Refuses a move that would lose its object or cannot be stored (exit 2).
fn check_move(m: &Move, dialect: crate::client::Dialect) -> anyhow::Result<()> {
    match m {
        Move::Copy { from, to } if from.bucket == to.bucket && from.key == to.key => Err(usage(
            format!("{from} is its own destination: moving it would delete the only copy"),
        )),
        Move::Upload { url, .. } | Move::Copy { to: url, .. } => {
            check_key(&url.key, dialect)
                .map_err(|why| usage(format!("cannot move to {url}: {why}")))?;
            Ok(())
        }
        Move::Download { path, .. } if path.is_dir() => Err(usage(format!(
            "{} is a directory: give a file name, or end the destination with '/'",
            path.display()
        ))),
        Move::Download { .. } => Ok(()),
    }
}

/// True when the destination takes sources under their own names: a prefix ending in `/`
/// (or a bucket), a directory, or a path ending in `/`.
fn is_container(dst: &Location) -> bool {
    match dst {
        Location::Remote(url) => url.is_prefix(),
        Location::Local(p) => p.ends_with('/') || Path::new(p).is_dir(),
        Location::Stdio => false,
    }
}

fn display(location: &Location) -> String {
    match location {
        Location::Remote(url) => url.to_string(),
        Location::Local(p) => p.clone(),
        Location::Stdio => "-".to_string(),
    }
}

fn missing_local(path: &str, e: std::io::Error) -> anyhow::Error {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            anyhow::Error::new(LocalNotFound(format!("{path}: no such file")))
        }
        _ => anyhow::Error::new(e).context(format!("reading {path}")),
    }
}

fn name_of(path: &str) -> anyhow::Result<&str> {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| {
            usage(format!(
                "the file name of {path:?} is not UTF-8; give the key explicitly"
            ))
        })
}

/// One move on its own: its bar, its record, and its error as the command's.
fn move_alone(ctx: Ctx<'_>, m: &Move, how: &How<'_>) -> anyhow::Result<ExitStatus> {
    let planned = m.planned(local_size(m));
    let mut rec = TransferRecord {
        op: Op::Move,
        src: &planned.src,
        dst: planned.dst.as_deref(),
        size: planned.size,
        status: Status::Planned,
        note: None,
    };
    if how.dry_run == DryRun::No {
        let bar = ctx.printer.progress_bar(0, &planned.src);
        let done = move_one(ctx, m, how.writing, &bar).map_err(|e| match m {
            Move::Copy { from, .. } | Move::Download { url: from, .. } => {
                super::missing::explain(ctx.client, from, super::missing::Verb::Copy, e)
            }
            Move::Upload { .. } => e,
        })?;
        rec.status = Status::Ok;
        if let Done::Skipped(note) = done {
            (rec.op, rec.note, rec.size) = (Op::Skip, Some(note), None);
        }
    }
    report(ctx.printer, &rec, None)?;
    Ok(ExitStatus::Success)
}

/// The size of a file to move up, known without a request.
fn local_size(m: &Move) -> Option<u64> {
    match m {
        Move::Upload { path, .. } => std::fs::metadata(path).ok().map(|meta| meta.len()),
        Move::Download { .. } | Move::Copy { .. } => None,
    }
}

/// Several single moves, one after another, each reported; a failure keeps its source and
/// the others go on (exit 3).
fn move_each(ctx: Ctx<'_>, moves: Vec<Move>, how: &How<'_>) -> anyhow::Result<ExitStatus> {
    let tree = Tree::new(ctx, how.dry_run).of(Op::Move);
    tree.run(1, moves, |m| {
        tree.object(
            m.planned(local_size(&m)),
            || Ok(Decision::Go(())),
            |()| move_one(ctx, &m, how.writing, &tree.share()),
        );
    });
    tree.finish()
}

/// `mv -r`: every file under each local source, or every object under each remote prefix,
/// moved on the tree loop's workers.
fn move_trees(
    ctx: Ctx<'_>,
    srcs: &[Location],
    dst: &Location,
    how: &How<'_>,
) -> anyhow::Result<ExitStatus> {
    let way = way(srcs, dst)?;
    for src in srcs {
        match src {
            Location::Local(path) => {
                std::fs::metadata(path).map_err(|e| missing_local(path, e))?;
            }
            Location::Remote(from) => {
                if let Location::Remote(to) = dst
                    && (walk::contains(from, to) || walk::contains(to, from))
                {
                    return Err(usage(format!(
                        "{from} and {to} overlap: move to a prefix outside the source"
                    )));
                }
            }
            Location::Stdio => unreachable!("way() refused it"),
        }
    }
    let tree = Tree::new(ctx, how.dry_run).of(Op::Move);
    for src in srcs {
        match (src, dst, way) {
            (Location::Local(dir), Location::Remote(to), Way::Up) => {
                move_local_tree(ctx, &tree, Path::new(dir), to, how)
            }
            (Location::Remote(from), _, _) => move_remote_tree(ctx, &tree, from, dst, how),
            _ => unreachable!("way() checked the sides"),
        }
    }
    let result = tree.finish();
    if how.dry_run == DryRun::No {
        for src in srcs {
            if let Location::Local(dir) = src {
                remove_empty_dirs(Path::new(dir));
            }
        }
    }
    result
}

/// Moves every file under `dir` to `to`'s prefix.
fn move_local_tree(ctx: Ctx<'_>, tree: &Tree<'_>, dir: &Path, to: &RemoteUrl, how: &How<'_>) {
    let prefix = walk::as_prefix(&to.key);
    let dialect = ctx.client.dialect();
    tree.run_weighed(
        ctx.tree_jobs(),
        walk::walk(dir, how.filter),
        listing::walked_weight,
        |walked| match walked {
            Walked::File(file) => {
                let m = Move::Upload {
                    path: file.path.display().to_string(),
                    url: to.with_key(format!("{prefix}{}", file.rel)),
                };
                let decide = || check_move(&m, dialect).map(|()| Decision::Go(()));
                tree.object(m.planned(Some(file.size)), decide, |()| {
                    move_one(ctx, &m, how.writing, &tree.share())
                });
            }
            Walked::Failed { path, error } => {
                tree.source_failed(Op::Move, &path, anyhow::anyhow!("{path}: {error}"));
            }
        },
    );
}

/// Moves every object under `from`'s prefix into the directory or prefix `dst`.
fn move_remote_tree(
    ctx: Ctx<'_>,
    tree: &Tree<'_>,
    from: &RemoteUrl,
    dst: &Location,
    how: &How<'_>,
) {
    let prefix = walk::as_prefix(&from.key);
    let dialect = ctx.client.dialect();
    let prefix_url = from.with_key(prefix.clone()).to_string();
    let items = listing::listing(ctx.client, from, &prefix, how.filter);
    let weight = |item: &_| listing::weight(item, Markers::Passed);
    tree.run_weighed(ctx.tree_jobs(), items, weight, |item| {
        let listed = match item {
            Ok(listed) => listed,
            Err(e) => return tree.source_failed(Op::Move, &prefix_url, e),
        };
        // A "directory" marker object: the directory is made by the files inside it.
        if listed.is_marker() {
            return;
        }
        let url = from.with_key(listed.object.key.clone());
        let m = match dst {
            Location::Local(dir) => match walk::local_path(Path::new(dir), &listed.rel) {
                Ok(path) => Move::Download { url, path },
                Err(why) => {
                    let planned = Planned {
                        op: Op::Move,
                        src: url.to_string(),
                        dst: None,
                        size: Some(listed.object.size),
                    };
                    return tree.failed(&planned, anyhow::anyhow!("cannot move {url}: {why}"));
                }
            },
            Location::Remote(to) => Move::Copy {
                to: to.with_key(format!("{}{}", walk::as_prefix(&to.key), listed.rel)),
                from: url,
            },
            Location::Stdio => unreachable!("way() refused it"),
        };
        let decide = || check_move(&m, dialect).map(|()| Decision::Go(()));
        tree.object(m.planned(Some(listed.object.size)), decide, |()| {
            move_one(ctx, &m, how.writing, &tree.share())
        });
    });
}

/// Removes the directories under (and including) `root` that the move left empty; any
/// that still hold something stay.
fn remove_empty_dirs(root: &Path) {
    let dirs = walkdir::WalkDir::new(root)
        .contents_first(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir());
    for dir in dirs {
        let _ = std::fs::remove_dir(dir.path());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(text: &str) -> Location {
        Location::parse(text).unwrap()
    }

    #[test]
    fn the_way_of_a_move_is_checked_before_anything_moves() {
        assert_eq!(way(&[loc("a.txt")], &loc("s3://bkt/k")).unwrap(), Way::Up);
        assert_eq!(way(&[loc("s3://bkt/k")], &loc("dir/")).unwrap(), Way::Down);
        assert_eq!(
            way(&[loc("s3://bkt/k")], &loc("s3://cat/k")).unwrap(),
            Way::Across
        );
        for (srcs, dst, why) in [
            (vec!["a.txt"], "b.txt", "one side must be"),
            (vec!["-"], "s3://bkt/k", "stdin cannot be deleted"),
            (vec!["s3://bkt/k"], "-", "not stdout"),
            (
                vec!["a.txt", "s3://bkt/k"],
                "s3://cat/",
                "all local or all remote",
            ),
        ] {
            let srcs: Vec<Location> = srcs.into_iter().map(loc).collect();
            let err = way(&srcs, &loc(dst)).unwrap_err();
            assert!(err.to_string().contains(why), "{err}");
        }
    }

    #[test]
    fn a_move_onto_itself_is_refused() {
        let m = Move::Copy {
            from: RemoteUrl::parse_required("s3://bkt/k").unwrap(),
            to: RemoteUrl::parse_required("S3://bkt/k").unwrap(),
        };
        let err = check_move(&m, crate::client::Dialect::S3).unwrap_err();
        assert!(
            err.to_string().contains("would delete the only copy"),
            "{err}"
        );
    }
}
