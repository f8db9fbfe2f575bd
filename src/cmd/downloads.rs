//! Downloads of one object (to a file, a directory, stdout, a device or FIFO) and of
//! prefixes, reported object by object: what `get` does, and `cp` to a local destination.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::ctx::Ctx;
use super::listing::{self, Markers};
use super::object;
use super::record::{Op, Status, TransferRecord, report};
use super::tree::{Decision, Done, DryRun, Planned, Tree};
use crate::address::{Location, RemoteUrl, key_basename};
use crate::client::ByteRange;
use crate::error::Hinted;
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::filter::Filter;
use crate::output::shell_word;
use crate::transfer::download::Partial;
use crate::transfer::{self, Overwrite, Progress, Resume, Sink};
use crate::walk;

/// Where the object goes.
enum Target {
    File(PathBuf),
    Stdout,
}

fn target(src: &RemoteUrl, dst: Option<&str>) -> anyhow::Result<Target> {
    let name = key_basename(&src.key);
    let path = match dst.map(Location::parse).transpose()? {
        Some(Location::Stdio) => return Ok(Target::Stdout),
        Some(Location::Remote(url)) => {
            return Err(usage(format!(
                "the destination {url} is remote; use cp for copies"
            )));
        }
        Some(Location::Local(p)) if p.ends_with('/') || Path::new(&p).is_dir() => {
            std::fs::create_dir_all(&p).with_context(|| format!("creating directory {p}"))?;
            Path::new(&p).join(name)
        }
        Some(Location::Local(p)) => PathBuf::from(p),
        None => PathBuf::from(name),
    };
    Ok(Target::File(path))
}

/// The context of a `get` of one object that stopped with its partial download kept for
/// `get --continue`: what was downloaded where, and a hint saying how to resume or discard it.
fn downloading_kept(src: &str, dst: &str, kept: &Path) -> Hinted {
    Hinted {
        message: format!("downloading {src} to {dst}"),
        hint: format!(
            "the partial download is kept in {}: resume it with objcmd get --continue {} {}, or delete that file to discard it",
            kept.display(),
            shell_word(src),
            shell_word(dst)
        ),
    }
}

/// Whether `path` is the file this process's standard output goes to (`/dev/stdout`, the
/// terminal, the file of a shell's `>`).
fn is_stdout(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else {
            return false;
        };
        let (Ok(out), Ok(target)) = (std::fs::File::from(fd).metadata(), path.metadata()) else {
            return false;
        };
        out.dev() == target.dev() && out.ino() == target.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Downloads one object to `dst` (a file, a directory, `-`, a device or FIFO, or the key's
/// base name).
pub fn get_object(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    dst: Option<&str>,
    range: Option<ByteRange>,
    overwrite: Overwrite,
    resume: Resume,
    dry_run: DryRun,
) -> anyhow::Result<ExitStatus> {
    let (client, printer) = (ctx.client, ctx.printer);
    let key = src.object_key(client.dialect())?;
    if src.is_prefix() {
        return Err(usage(format!(
            "{src} names a prefix, not an object: add -r to download everything under it"
        )));
    }
    let target = target(src, dst)?;
    let src_text = src.to_string();
    let dst_text = match &target {
        Target::File(p) => p.display().to_string(),
        Target::Stdout => "-".to_string(),
    };
    // `/dev/stdout`, or a path to the file stdout goes to, is stdout: written as `-` is
    // (a rename would replace the symlink in /dev, or the file under the shell's `>`).
    let target = match target {
        Target::File(path) if is_stdout(&path) => Target::Stdout,
        other => other,
    };
    let one = One {
        src,
        key,
        // A device, FIFO or socket is written into as a stream, never replaced by a file.
        special: match &target {
            Target::File(path) => transfer::local::special_file(path),
            Target::Stdout => None,
        },
        target,
        range,
        overwrite,
        resume,
    };
    if let Some(status) = one.refused_or_skipped(printer, &src_text, &dst_text)? {
        return Ok(status);
    }
    let mut rec = TransferRecord {
        op: Op::Get,
        src: &src_text,
        dst: Some(&dst_text),
        size: None,
        status: Status::Planned,
        note: None,
    };
    if dry_run == DryRun::Yes {
        report(printer, &rec, None)?;
        return Ok(ExitStatus::Success);
    }
    let bar = printer.progress_bar(0, key_basename(key));
    let done = one
        .fetch(ctx, &bar)
        .map_err(|e| super::missing::explain(client, src, super::missing::Verb::Get, e))
        .map_err(|e| match one.kept(&e) {
            Some(kept) => e.context(downloading_kept(&src_text, &dst_text, &kept)),
            None => e.context(format!("downloading {src_text} to {dst_text}")),
        })?;
    if matches!(one.target, Target::Stdout) {
        printer.flush()?;
        return Ok(ExitStatus::Success);
    }
    rec.size = Some(done.bytes);
    rec.status = Status::Ok;
    report(printer, &rec, None)?;
    Ok(ExitStatus::Success)
}

/// One object's download, as [`get_object`] resolved it.
struct One<'a> {
    src: &'a RemoteUrl,
    key: &'a str,
    target: Target,
    /// What the target is, when it is a device, FIFO or socket.
    special: Option<&'static str>,
    range: Option<ByteRange>,
    overwrite: Overwrite,
    resume: Resume,
}

impl One<'_> {
    /// The usage errors found before any request, and the skip of `--no-clobber` (the
    /// exit status, once reported).
    fn refused_or_skipped(
        &self,
        printer: &crate::output::Printer,
        src_text: &str,
        dst_text: &str,
    ) -> anyhow::Result<Option<ExitStatus>> {
        let path = match &self.target {
            Target::Stdout if self.resume == Resume::Yes => {
                return Err(usage(
                    "--continue needs a file to continue; stdout cannot be resumed",
                ));
            }
            Target::Stdout => return Ok(None),
            Target::File(path) => path,
        };
        if let (Some(kind), Resume::Yes) = (self.special, self.resume) {
            return Err(usage(format!(
                "--continue needs a regular file to continue; {dst_text} is {kind}"
            )));
        }
        if path.is_dir() {
            return Err(usage(format!("{} is a directory", path.display())));
        }
        if !(self.overwrite == Overwrite::Never && path.exists()) {
            return Ok(None);
        }
        let rec = TransferRecord {
            op: Op::Skip,
            src: src_text,
            dst: Some(dst_text),
            size: None,
            status: Status::Ok,
            note: Some("exists"),
        };
        report(printer, &rec, None)?;
        Ok(Some(ExitStatus::Success))
    }

    /// Downloads the object: a whole object to a file in parallel chunks through its temp
    /// file, anything else as one stream.
    fn fetch(&self, ctx: Ctx<'_>, bar: &dyn Progress) -> anyhow::Result<transfer::Downloaded> {
        let (client, bucket, key, range) = (ctx.client, &self.src.bucket, self.key, self.range);
        let keys = ctx.decryption();
        match &self.target {
            Target::File(path) if self.special.is_some() => {
                let sink = Sink::Special(path);
                transfer::download(client, bucket, key, range, keys, sink, bar)
            }
            Target::File(path) if range.is_none() => {
                let partial = match self.resume {
                    Resume::Yes => Partial::Resume,
                    Resume::No => Partial::KeepIfInterrupted,
                };
                object::download(ctx, self.src, path, self.overwrite, partial, bar).and_then(
                    |done| {
                        done.ok_or_else(|| {
                            anyhow::anyhow!("{} appeared meanwhile; not replaced", path.display())
                        })
                    },
                )
            }
            Target::File(path) => {
                let sink = Sink::File {
                    path,
                    overwrite: self.overwrite,
                };
                transfer::download(client, bucket, key, range, keys, sink, bar)
            }
            Target::Stdout => {
                let write = |data: &[u8]| ctx.printer.write_data(data);
                let sink = Sink::Stdout(&write);
                transfer::download(client, bucket, key, range, keys, sink, bar)
            }
        }
    }

    /// The temp file this download kept for `--continue`, if it failed with `err` and
    /// kept one (see [`kept_download`]).
    fn kept(&self, err: &anyhow::Error) -> Option<PathBuf> {
        match &self.target {
            Target::File(path) if self.special.is_none() && self.range.is_none() => {
                kept_download(path, err)
            }
            _ => None,
        }
    }
}

/// The temp file an interrupted download of `target` kept for `--continue`, if it did
/// (a download of several chunks: it has a sidecar).
fn kept_download(target: &Path, err: &anyhow::Error) -> Option<PathBuf> {
    if crate::exit::status_of(err) != ExitStatus::Interrupted {
        return None;
    }
    let temp = transfer::local::temp_path(target);
    let sidecar = transfer::checkpoint::sidecar(&temp);
    (temp.is_file() && sidecar.is_file()).then_some(temp)
}

/// Downloads every object under a prefix: each key becomes DIR/<key relative to the
/// prefix>. Keys that cannot be a path under DIR (`..`, empty segments) are failures.
pub fn get_tree(
    ctx: Ctx<'_>,
    src: &RemoteUrl,
    dir: &Path,
    filter: &Filter,
    overwrite: Overwrite,
    dry_run: DryRun,
) -> anyhow::Result<ExitStatus> {
    if dir.symlink_metadata().is_ok() && !dir.is_dir() {
        return Err(usage(format!("{} is not a directory", dir.display())));
    }
    let prefix = walk::as_prefix(&src.key);
    if dry_run == DryRun::No {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let tree = Tree::new(ctx, dry_run).of(Op::Get);
    let items = listing::listing(ctx.client, src, &prefix, filter);
    let prefix_url = src.with_key(prefix.clone()).to_string();
    let weight = |item: &_| listing::weight(item, Markers::Passed);
    tree.run_weighed(ctx.tree_jobs(), items, weight, |item| {
        let listed = match item {
            Ok(listed) => listed,
            Err(e) => return tree.source_failed(Op::Get, &prefix_url, e),
        };
        // A "directory" marker object: the directory is made by the files inside it.
        if listed.is_marker() {
            return;
        }
        let url = src.with_key(listed.object.key.clone());
        let path = walk::local_path(dir, &listed.rel);
        let planned = Planned {
            op: Op::Get,
            src: url.to_string(),
            dst: Some(
                path.as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ),
            size: Some(listed.object.size),
        };
        let decide = || match &path {
            Ok(path) => Ok(Decision::Go(path)),
            Err(why) => Err(anyhow::anyhow!("cannot download {url}: {why}")),
        };
        tree.object(planned, decide, |path| {
            let downloaded =
                object::download(ctx, &url, path, overwrite, Partial::Remove, &tree.share())
                    .with_context(|| format!("downloading {url} to {}", path.display()))?;
            Ok(match downloaded {
                Some(_) => Done::Done,
                None => Done::Skipped("exists"),
            })
        });
    });
    tree.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_of_a_kept_download_is_a_command_to_paste() {
        let kept = downloading_kept(
            "s3://b/my file.bin",
            "it's.bin",
            Path::new(".it's.bin.objcmd-part"),
        );
        assert_eq!(kept.message, "downloading s3://b/my file.bin to it's.bin");
        assert_eq!(
            kept.hint,
            "the partial download is kept in .it's.bin.objcmd-part: resume it with objcmd get --continue 's3://b/my file.bin' 'it'\\''s.bin', or delete that file to discard it"
        );
        assert_eq!(shell_word("s3://b/a-b_c.d"), "s3://b/a-b_c.d");
        assert_eq!(shell_word(""), "''");
    }
}
