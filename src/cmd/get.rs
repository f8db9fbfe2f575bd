//! `objcmd get`: download one object to a file, into a directory, or to stdout.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::{Status, TransferRecord, report};
use crate::address::{Location, RemoteUrl, key_basename};
use crate::cli::GetArgs;
use crate::client::{ByteRange, Client};
use crate::exit::{ExitStatus, UsageError, usage};
use crate::output::Printer;
use crate::transfer::download::FileDownload;
use crate::transfer::{self, Sink, Tuning, download_to_file};

/// Parses `--range`: `A-B` (inclusive), `A-` (to the end) or `-N` (the last N bytes).
pub fn parse_range(text: &str) -> Result<ByteRange, UsageError> {
    let bad = |why: &str| {
        UsageError(format!(
            "invalid --range {text:?}: {why} (use A-B, A- or -N)"
        ))
    };
    let t = text.trim().strip_prefix("bytes=").unwrap_or(text.trim());
    let (a, b) = t.split_once('-').ok_or_else(|| bad("no '-'"))?;
    let num = |s: &str| s.trim().parse::<u64>().map_err(|_| bad("not a number"));
    match (a.trim().is_empty(), b.trim().is_empty()) {
        (true, true) => Err(bad("empty")),
        (true, false) => {
            let n = num(b)?;
            if n == 0 {
                return Err(bad("a suffix of zero bytes is empty"));
            }
            Ok(ByteRange::Suffix(n))
        }
        (false, true) => Ok(ByteRange::From {
            first: num(a)?,
            last: None,
        }),
        (false, false) => {
            let (first, last) = (num(a)?, num(b)?);
            if first > last {
                return Err(bad("the start is after the end"));
            }
            Ok(ByteRange::From {
                first,
                last: Some(last),
            })
        }
    }
}

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

/// Runs `get`.
pub fn run(
    args: &GetArgs,
    client: &Client,
    tuning: Tuning,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let src = RemoteUrl::parse_required(&args.src)?;
    let key = src.object_key(client.dialect())?;
    if src.is_prefix() {
        return Err(usage(format!(
            "{src} names a prefix, not an object (recursive downloads are not supported yet)"
        )));
    }
    let range = args.range.as_deref().map(parse_range).transpose()?;
    let target = target(&src, args.dst.as_deref())?;
    let src_text = src.to_string();
    let dst_text = match &target {
        Target::File(p) => p.display().to_string(),
        Target::Stdout => "-".to_string(),
    };
    if matches!(target, Target::Stdout) && args.resume {
        return Err(usage(
            "--continue needs a file to continue; stdout cannot be resumed",
        ));
    }
    if let Target::File(path) = &target {
        if path.is_dir() {
            return Err(usage(format!("{} is a directory", path.display())));
        }
        if args.no_clobber && path.exists() {
            let rec = TransferRecord {
                op: "skip",
                src: &src_text,
                dst: Some(&dst_text),
                size: None,
                status: Status::Ok,
                note: Some("exists"),
            };
            report(printer, &rec, None)?;
            return Ok(ExitStatus::Success);
        }
    }
    if args.dry_run {
        let rec = TransferRecord {
            op: "get",
            src: &src_text,
            dst: Some(&dst_text),
            size: None,
            status: Status::Planned,
            note: None,
        };
        report(printer, &rec, None)?;
        return Ok(ExitStatus::Success);
    }
    let bar = printer.progress_bar(0, key_basename(key));
    let done = match &target {
        Target::File(path) if range.is_none() => download_to_file(&FileDownload {
            client,
            bucket: &src.bucket,
            key,
            target: path,
            no_clobber: args.no_clobber,
            resume: args.resume,
            tuning,
            bar: &bar,
        }),
        Target::File(path) => {
            let sink = Sink::File {
                path,
                no_clobber: args.no_clobber,
            };
            transfer::download(client, &src.bucket, key, range, sink, &bar)
        }
        Target::Stdout => {
            let write = |data: &[u8]| printer.write_data(data);
            transfer::download(client, &src.bucket, key, range, Sink::Stdout(&write), &bar)
        }
    }
    .with_context(|| format!("downloading {src} to {dst_text}"))?;
    if matches!(target, Target::Stdout) {
        printer.flush()?;
        return Ok(ExitStatus::Success);
    }
    let rec = TransferRecord {
        op: "get",
        src: &src_text,
        dst: Some(&dst_text),
        size: Some(done.bytes),
        status: Status::Ok,
        note: None,
    };
    report(printer, &rec, None)?;
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert_eq!(
            parse_range("0-99").unwrap(),
            ByteRange::From {
                first: 0,
                last: Some(99)
            }
        );
        assert_eq!(
            parse_range("bytes=5-").unwrap(),
            ByteRange::From {
                first: 5,
                last: None
            }
        );
        assert_eq!(parse_range("-10").unwrap(), ByteRange::Suffix(10));
        for bad in ["", "-", "5", "a-b", "10-5", "-0", "1-2-3", "x-"] {
            assert!(parse_range(bad).is_err(), "{bad:?}");
        }
    }
}
