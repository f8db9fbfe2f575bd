//! `objcmd multipart`: list, inspect, abort, start and finish multipart uploads, and
//! presign their parts for uploaders without keys.

use std::time::Duration;

use anyhow::Context as _;
use jiff::Timestamp;
use reqwest::Method;
use serde_json::json;

use super::ctx::Ctx;
use super::empty::{AbortAll, Outcome, abort_all, report_abort};
use super::options::upload_options;
use crate::address::RemoteUrl;
use crate::cli::{MultipartArgs, MultipartCommand, UploadArgs};
use crate::client::{Client, PutOptions, unquote_etag};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::transfer::{Layout, MAX_OBJECT_SIZE, MAX_PARTS, PART_SIZE_META, Tuning};
use crate::units;
use crate::units::count;

/// Runs `multipart`.
pub fn run(args: &MultipartArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let Ctx {
        client,
        printer,
        tuning,
        ..
    } = ctx;
    match &args.command {
        MultipartCommand::Ls { url } => ls(url, client, printer),
        MultipartCommand::Parts { url, upload_id } => {
            parts(url, given_id(upload_id)?, client, printer)
        }
        MultipartCommand::Abort {
            url,
            upload_id,
            all,
            older_than,
        } => abort(
            url,
            upload_id.as_deref().map(given_id).transpose()?,
            *all,
            older_than.as_deref(),
            client,
            printer,
        ),
        MultipartCommand::Init { url, upload } => init(url, upload, client, printer),
        MultipartCommand::Complete { url, upload_id } => {
            complete(url, given_id(upload_id)?, client, printer)
        }
        MultipartCommand::SignParts {
            url,
            size,
            expires,
            md5_file,
            upload,
        } => sign_parts(
            url,
            size,
            *expires,
            md5_file.as_deref(),
            upload,
            client,
            tuning,
            printer,
        ),
    }
}

/// An `--upload-id` as given, refused when blank: the server would answer NoSuchUpload
/// (exit 4), which hides that the id was never filled in (`--upload-id "$ID"` with ID unset).
fn given_id(id: &str) -> anyhow::Result<&str> {
    if id.trim().is_empty() {
        return Err(usage(
            "--upload-id is empty; objcmd multipart ls URL shows the ids of unfinished uploads",
        ));
    }
    Ok(id)
}

fn object_url(url: &str, client: &Client) -> anyhow::Result<RemoteUrl> {
    let url = RemoteUrl::parse_required(url)?;
    url.object_key(client.dialect())?;
    if url.is_prefix() {
        return Err(usage(format!(
            "{url} names a prefix; give the object's key"
        )));
    }
    Ok(url)
}

fn rfc3339(text: &str) -> Option<String> {
    text.trim().parse::<Timestamp>().ok().map(|t| t.to_string())
}

fn ls(url: &str, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let url = RemoteUrl::parse_required(url)?;
    for u in client.multipart_uploads(&url.bucket, &url.key) {
        let u = u.with_context(|| format!("listing the multipart uploads of {url}"))?;
        let initiated = rfc3339(&u.initiated);
        if printer.json {
            printer
                .record(&json!({"key": u.key, "upload_id": u.upload_id, "initiated": initiated}))?;
        } else {
            let when = u
                .initiated
                .parse::<Timestamp>()
                .map(|t| t.strftime("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default();
            let target = url.with_key(u.key.clone()).to_string();
            printer.line(&format!(
                "{when:16}  {}  {}",
                u.upload_id,
                printer.escape(&target)
            ))?;
        }
    }
    Ok(ExitStatus::Success)
}

/// Every part of an upload, with the upload named in the error.
fn list_parts(
    client: &Client,
    url: &RemoteUrl,
    upload_id: &str,
) -> anyhow::Result<Vec<crate::client::xml::PartEntry>> {
    client
        .list_all_parts(&url.bucket, &url.key, upload_id)
        .with_context(|| format!("listing the parts of upload {upload_id} of {url}"))
}

fn parts(
    url: &str,
    upload_id: &str,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = object_url(url, client)?;
    let parts = list_parts(client, &url, upload_id)?;
    for p in parts {
        let etag = unquote_etag(&p.etag);
        if printer.json {
            printer.record(&json!({
                "part_number": p.part_number,
                "size": p.size,
                "etag": etag,
                "last_modified": rfc3339(&p.last_modified),
            }))?;
        } else {
            printer.line(&format!("{:>5}  {:>12}  {etag}", p.part_number, p.size))?;
        }
    }
    Ok(ExitStatus::Success)
}

fn abort(
    url: &str,
    upload_id: Option<&str>,
    all: bool,
    older_than: Option<&str>,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    if let Some(id) = upload_id {
        let url = object_url(url, client)?;
        client
            .abort_multipart_upload(&url.bucket, &url.key, id)
            .with_context(|| format!("aborting upload {id} of {url}"))?;
        report_abort(printer, &url, id, Outcome::Done)?;
        return Ok(ExitStatus::Success);
    }
    debug_assert!(all, "clap requires --upload-id or --all");
    let url = RemoteUrl::parse_required(url)?;
    let min_age = older_than
        .map(units::parse_duration)
        .transpose()
        .map_err(usage)?
        .unwrap_or(Duration::ZERO);
    let batch = abort_all(client, printer, &url, min_age, AbortAll::Report);
    // Silence would look like a command that did not run (a cron job's log, say).
    if batch.counts() == (0, 0) && !client.transport().cancelled() {
        let shown = url.to_string();
        printer.info(&match older_than {
            Some(age) if !min_age.is_zero() => format!("no uploads older than {age} under {shown}"),
            _ => format!("no unfinished uploads under {shown}"),
        });
    }
    batch.finish()
}

fn init_options(upload: &UploadArgs, key: &str, client: &Client) -> anyhow::Result<PutOptions> {
    let mut options = upload_options(upload, client.dialect())?;
    options.content_type = Some(super::object::content_type(&options.content_type, &[key]));
    Ok(options)
}

fn init(
    url: &str,
    upload: &UploadArgs,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = object_url(url, client)?;
    let options = init_options(upload, &url.key, client)?;
    let id = client
        .initiate_multipart_upload(&url.bucket, &url.key, &options)
        .with_context(|| format!("starting a multipart upload of {url}"))?;
    if printer.json {
        printer.record(&json!({"key": url.key, "upload_id": id}))?;
    } else {
        printer.line(&id)?;
    }
    Ok(ExitStatus::Success)
}

fn complete(
    url: &str,
    upload_id: &str,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = object_url(url, client)?;
    let parts = list_parts(client, &url, upload_id)?;
    if parts.is_empty() {
        anyhow::bail!("upload {upload_id} of {url} has no parts to complete");
    }
    let mut list: Vec<(u32, String)> = parts
        .iter()
        .map(|p| (p.part_number, unquote_etag(&p.etag)))
        .collect();
    list.sort();
    let size: u64 = parts.iter().map(|p| p.size).sum();
    let expected = crate::transfer::expected_multipart_etag(&list);
    let etag = client
        .complete_multipart_upload(&url.bucket, &url.key, upload_id, &list, expected.as_deref())
        .with_context(|| format!("completing upload {upload_id} of {url}"))?
        .etag;
    // An empty ETag (radosgw's, for parts whose ETags are not MD5s) is null in the record,
    // not a string that looks like a value.
    let etag = (!etag.is_empty()).then_some(etag);
    if printer.json {
        printer.record(&json!({
            "key": url.key,
            "etag": etag,
            "parts": list.len(),
            "size": size,
            "status": "ok",
        }))?;
    } else if !printer.quiet {
        printer.line(&format!(
            "complete: {} ({}, {})",
            printer.escape(&url.to_string()),
            count(list.len() as u64, "part"),
            count(size, "byte")
        ))?;
    }
    Ok(ExitStatus::Success)
}

/// Reads the per-part MD5s of `--md5-file`: one per line, base64 or hex.
fn read_md5s(path: &std::path::Path, count: u32) -> anyhow::Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut md5s = Vec::new();
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        match super::presign::md5_base64(line) {
            Some(md5) => md5s.push(md5),
            None => {
                return Err(usage(format!(
                    "{} line {}: {line:?} is not an MD5 (32 hex digits or 24 base64 characters)",
                    path.display(),
                    i + 1
                )));
            }
        }
    }
    if md5s.len() != count as usize {
        return Err(usage(format!(
            "{} has {} MD5s; the object has {count} parts",
            path.display(),
            md5s.len()
        )));
    }
    Ok(md5s)
}

#[allow(clippy::too_many_arguments)]
fn sign_parts(
    url: &str,
    size: &str,
    expires: u64,
    md5_file: Option<&std::path::Path>,
    upload: &UploadArgs,
    client: &Client,
    tuning: Tuning,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = object_url(url, client)?;
    let size = units::parse_size(size).map_err(usage)?;
    if size > MAX_OBJECT_SIZE {
        return Err(usage("the largest object is 5 TiB"));
    }
    let layout = Layout::new(size, tuning.part_size);
    if layout.count() as u64 > MAX_PARTS {
        return Err(usage("the object would need more than 10,000 parts"));
    }
    let md5s = md5_file.map(|f| read_md5s(f, layout.count())).transpose()?;
    // Checked before starting the upload, so that a SigV4 limit error leaves nothing behind.
    let expires_at = super::presign::presign_expiry(client, Some(expires), None)?;
    let mut options = init_options(upload, &url.key, client)?;
    // The parts are cut as planned here, so a later get and sync --checksum can recompute
    // the object's multipart ETag, as for objcmd's own uploads.
    options.metadata.retain(|(k, _)| k != PART_SIZE_META);
    options
        .metadata
        .push((PART_SIZE_META.to_string(), layout.part_size.to_string()));
    let upload_id = client
        .initiate_multipart_upload(&url.bucket, &url.key, &options)
        .with_context(|| format!("starting a multipart upload of {url}"))?;
    let mut parts = Vec::new();
    for index in 0..layout.count() {
        let (offset, len) = layout.part(index);
        let number = index + 1;
        let query = vec![
            ("partNumber".to_string(), number.to_string()),
            ("uploadId".to_string(), upload_id.clone()),
        ];
        let mut headers = Vec::new();
        if let Some(md5s) = &md5s {
            headers.push(("Content-MD5".to_string(), md5s[index as usize].clone()));
        }
        let signed = client.presign_url(
            Method::PUT,
            &url.bucket,
            &url.key,
            &query,
            &headers,
            expires_at,
        );
        let signed = match signed {
            Ok(u) => u,
            Err(e) => {
                let _ = client.abort_multipart_upload(&url.bucket, &url.key, &upload_id);
                return Err(anyhow::Error::new(e).context("presigning the parts"));
            }
        };
        let mut part = json!({"part_number": number, "offset": offset, "size": len, "url": signed});
        if let Some(md5s) = &md5s {
            part["content_md5"] = json!(md5s[index as usize]);
        }
        parts.push(part);
    }
    printer.record(&json!({
        "upload_id": upload_id,
        "key": url.key,
        "expires": expires_at,
        "parts": parts,
    }))?;
    Ok(ExitStatus::Success)
}
