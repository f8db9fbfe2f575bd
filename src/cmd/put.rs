//! `objcmd put`: upload files or stdin.

use std::path::Path;

use anyhow::Context as _;

use super::{Batch, Status, TransferRecord, check_acl, report, report_failure};
use crate::address::{Location, RemoteUrl, check_key};
use crate::cli::{PutArgs, UploadArgs};
use crate::client::{Client, Dialect, PutOptions};
use crate::exit::{ExitStatus, LocalNotFound, UsageError, usage};
use crate::output::Printer;
use crate::transfer::{Tuning, Uploader};

/// One planned upload.
struct Job {
    /// What the user typed (`-` for stdin).
    src: String,
    /// The destination.
    dst: RemoteUrl,
}

/// Parses `--meta K=V` and `--header 'Name: value'` into PutOptions, refusing what a
/// server would reject or mangle.
pub fn upload_options(args: &UploadArgs, dialect: Dialect) -> Result<PutOptions, UsageError> {
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    let printable = |s: &str| s.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\t');
    let mut options = PutOptions {
        content_type: args.content_type.clone(),
        acl: args.acl.clone(),
        storage_class: args.storage_class.clone(),
        ..PutOptions::default()
    };
    if let Some(acl) = &args.acl {
        check_acl(acl, dialect.object_canned_acls(), dialect, "object")?;
    }
    for meta in &args.meta {
        let (name, value) = meta
            .split_once('=')
            .ok_or_else(|| UsageError(format!("invalid --meta {meta:?}: expected KEY=VALUE")))?;
        if !token(name) {
            return Err(UsageError(format!(
                "invalid --meta {meta:?}: the key must be letters, digits and -_. (no spaces)"
            )));
        }
        if !printable(value) {
            return Err(UsageError(format!(
                "invalid --meta {meta:?}: the value must be printable ASCII (percent-encode other characters)"
            )));
        }
        options
            .metadata
            .push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    for header in &args.header {
        let (name, value) = header.split_once(':').ok_or_else(|| {
            UsageError(format!(
                "invalid --header {header:?}: expected 'Name: value'"
            ))
        })?;
        let (name, value) = (name.trim(), value.trim());
        if !token(name) || !printable(value) {
            return Err(UsageError(format!(
                "invalid --header {header:?}: the name must be a header token and the value printable ASCII"
            )));
        }
        options.headers.push((name.to_string(), value.to_string()));
    }
    if let Some(t) = &options.content_type
        && !printable(t)
    {
        return Err(UsageError(format!("invalid --content-type {t:?}")));
    }
    Ok(options)
}

/// The Content-Type to send: the flag's, or one guessed from the name.
fn content_type(explicit: &Option<String>, name: &str) -> String {
    explicit.clone().unwrap_or_else(|| {
        mime_guess::from_path(name)
            .first_raw()
            .unwrap_or("application/octet-stream")
            .to_string()
    })
}

/// Plans the uploads: every source checked (exists, is a file) before anything is sent.
fn plan(args: &PutArgs, dialect: Dialect) -> anyhow::Result<Vec<Job>> {
    let (dst_arg, srcs) = args.paths.split_last().expect("clap requires two paths");
    let dst = match Location::parse(dst_arg)? {
        Location::Remote(url) => url,
        _ => {
            return Err(usage(format!(
                "the destination {dst_arg:?} must be a URL like s3://BUCKET/KEY"
            )));
        }
    };
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
                    "stdin has no name: give the full key, e.g. {}data.bin",
                    dst
                )));
            }
            Location::Stdio => dst.key.clone(),
            Location::Local(path) => {
                let meta = std::fs::metadata(&path).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::NotFound {
                        anyhow::Error::new(LocalNotFound(format!("{path}: no such file")))
                    } else {
                        anyhow::Error::new(e).context(format!("reading {path}"))
                    }
                })?;
                if meta.is_dir() {
                    return Err(usage(format!(
                        "{path} is a directory; give files (recursive uploads are not supported yet)"
                    )));
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

/// Uploads one source; `Ok(false)` when `--no-clobber` skipped it.
fn put_one(
    job: &Job,
    args: &PutArgs,
    options: &PutOptions,
    client: &Client,
    tuning: Tuning,
    printer: &Printer,
) -> anyhow::Result<bool> {
    let dst = job.dst.to_string();
    let key = job.dst.key.as_str();
    if args.no_clobber {
        match client.head_object(&job.dst.bucket, key) {
            Ok(_) => {
                let rec = TransferRecord {
                    op: "skip",
                    src: &job.src,
                    dst: Some(&dst),
                    size: None,
                    status: Status::Ok,
                    note: Some("exists"),
                };
                report(printer, &rec, None)?;
                return Ok(false);
            }
            Err(e) if e.is_not_found() => {}
            Err(e) => {
                return Err(anyhow::Error::new(e).context(format!("checking whether {dst} exists")));
            }
        }
    }
    let bar = printer.progress_bar(0, &job.src);
    let mut options = options.clone();
    options.content_type = Some(content_type(&options.content_type, key));
    let uploader = Uploader {
        client,
        bucket: &job.dst.bucket,
        key,
        options,
        tuning,
        resume: args.resume,
        bar: &bar,
    };
    let outcome = if job.src == "-" {
        uploader.upload_stdin()?
    } else {
        uploader.upload_file(Path::new(&job.src))?
    };
    bar.finish_and_clear();
    if outcome.reused_parts > 0 {
        log::info!(
            "{dst}: {} of {} parts were already uploaded",
            outcome.reused_parts,
            outcome.parts
        );
    }
    let rec = TransferRecord {
        op: "put",
        src: &job.src,
        dst: Some(&dst),
        size: Some(outcome.size),
        status: Status::Ok,
        note: None,
    };
    report(printer, &rec, None)?;
    Ok(true)
}

/// Runs `put`.
pub fn run(
    args: &PutArgs,
    client: &Client,
    tuning: Tuning,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let options = upload_options(&args.upload, client.dialect())?;
    let jobs = plan(args, client.dialect())?;
    if args.dry_run {
        for job in &jobs {
            let size = if job.src == "-" {
                None
            } else {
                std::fs::metadata(&job.src).ok().map(|m| m.len())
            };
            let dst = job.dst.to_string();
            let rec = TransferRecord {
                op: "put",
                src: &job.src,
                dst: Some(&dst),
                size,
                status: Status::Planned,
                note: None,
            };
            report(printer, &rec, None)?;
        }
        return Ok(ExitStatus::Success);
    }
    if let [job] = jobs.as_slice() {
        put_one(job, args, &options, client, tuning, printer)
            .with_context(|| format!("uploading {} to {}", job.src, job.dst))?;
        return Ok(ExitStatus::Success);
    }
    let mut batch = Batch::default();
    for job in &jobs {
        match put_one(job, args, &options, client, tuning, printer)
            .with_context(|| format!("uploading {} to {}", job.src, job.dst))
        {
            Ok(_) => batch.ok(),
            Err(e) if crate::exit::status_of(&e) == ExitStatus::Interrupted => return Err(e),
            Err(e) => {
                let dst = job.dst.to_string();
                let rec = TransferRecord {
                    op: "put",
                    src: &job.src,
                    dst: Some(&dst),
                    size: None,
                    status: Status::Error,
                    note: None,
                };
                report_failure(printer, &rec, &e)?;
                batch.failed(&e);
            }
        }
    }
    batch.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(meta: &[&str], header: &[&str]) -> UploadArgs {
        UploadArgs {
            meta: meta.iter().map(|s| s.to_string()).collect(),
            header: header.iter().map(|s| s.to_string()).collect(),
            ..UploadArgs::default()
        }
    }

    #[test]
    fn metadata_and_headers_are_validated() {
        let o = upload_options(
            &args(&["Color=blue", "empty="], &["Cache-Control: no-cache"]),
            Dialect::S3,
        )
        .unwrap();
        assert_eq!(
            o.metadata,
            [
                ("color".to_string(), "blue".to_string()),
                ("empty".into(), "".into())
            ]
        );
        assert_eq!(
            o.headers,
            [("Cache-Control".to_string(), "no-cache".to_string())]
        );
        assert!(upload_options(&args(&["novalue"], &[]), Dialect::S3).is_err());
        assert!(upload_options(&args(&["bad key=x"], &[]), Dialect::S3).is_err());
        assert!(upload_options(&args(&["name=café"], &[]), Dialect::S3).is_err());
        assert!(upload_options(&args(&[], &["NoColon"]), Dialect::S3).is_err());
        assert!(upload_options(&args(&[], &["X-Bad\u{7}: v"]), Dialect::S3).is_err());
    }

    #[test]
    fn acls_are_checked_per_dialect() {
        let mut a = args(&[], &[]);
        a.acl = Some("authenticated-read".into());
        assert!(upload_options(&a, Dialect::S3).is_ok());
        let err = upload_options(&a, Dialect::Ks3).unwrap_err().0;
        assert!(err.contains("valid ACLs: private, public-read"), "{err}");
        a.acl = Some("default".into());
        assert!(upload_options(&a, Dialect::Oss).is_ok());
    }

    #[test]
    fn content_types_are_guessed_from_the_key() {
        assert_eq!(content_type(&None, "a/b.json"), "application/json");
        assert_eq!(content_type(&None, "noext"), "application/octet-stream");
        assert_eq!(content_type(&Some("x/y".into()), "a.json"), "x/y");
    }
}
