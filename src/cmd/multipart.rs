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
use crate::client::{Client, Overwrite, PartChecksums, PutOptions, unquote_etag};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::transfer::{Layout, MAX_OBJECT_SIZE, MAX_PARTS, PART_SIZE_META};
use crate::units;
use crate::units::count;

/// Runs `multipart`.
pub fn run(args: &MultipartArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let Ctx {
        client, printer, ..
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
        } => {
            let request = SignParts {
                url,
                size,
                expires: *expires,
                md5_file: md5_file.as_deref(),
                upload,
            };
            sign_parts(&request, ctx)
        }
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
        .complete_multipart_upload(
            (&url.bucket, &url.key),
            upload_id,
            &list,
            &PartChecksums::default(),
            (expected.as_deref(), Overwrite::Replace),
        )
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
    parse_md5s(&text, &path.display().to_string(), count).map_err(usage)
}

/// The MD5s of a `--md5-file` (named `name` in messages), one per non-blank line, as the
/// base64 that Content-MD5 carries; exactly one per part.
fn parse_md5s(text: &str, name: &str, count: u32) -> Result<Vec<String>, String> {
    let mut md5s = Vec::new();
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let md5 = super::presign::md5_base64(line).ok_or_else(|| {
            format!(
                "{name} line {}: {line:?} is not an MD5 (32 hex digits or 24 base64 characters)",
                i + 1
            )
        })?;
        md5s.push(md5);
    }
    if md5s.len() != count as usize {
        return Err(format!(
            "{name} has {} MD5s; the object has {count} parts",
            md5s.len()
        ));
    }
    Ok(md5s)
}

/// What `multipart sign-parts` was asked for.
struct SignParts<'a> {
    url: &'a str,
    size: &'a str,
    expires: u64,
    md5_file: Option<&'a std::path::Path>,
    upload: &'a UploadArgs,
}

/// How an object of `--size` is cut into parts of `part_size`: refused (exit 2) above
/// 5 TiB or 10,000 parts.
fn plan_parts(size: &str, part_size: u64) -> Result<Layout, String> {
    let size = units::parse_size(size)?;
    if size > MAX_OBJECT_SIZE {
        return Err("the largest object is 5 TiB".to_string());
    }
    let layout = Layout::new(size, part_size);
    if layout.count() as u64 > MAX_PARTS {
        return Err("the object would need more than 10,000 parts".to_string());
    }
    Ok(layout)
}

/// Starts an upload and prints a presigned UploadPart URL per part, so that a machine
/// without keys can upload the parts; `multipart complete` finishes it.
fn sign_parts(request: &SignParts<'_>, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let client = ctx.client;
    let url = object_url(request.url, client)?;
    let layout = plan_parts(request.size, ctx.tuning.part_size).map_err(usage)?;
    let md5s = request
        .md5_file
        .map(|f| read_md5s(f, layout.count()))
        .transpose()?;
    // Checked before starting the upload, so that a SigV4 limit error leaves nothing behind.
    let expires_at = super::presign::presign_expiry(client, Some(request.expires), None)?;
    let mut options = init_options(request.upload, &url.key, client)?;
    // The parts are cut as planned here, so a later get and sync --checksum can recompute
    // the object's multipart ETag, as for objcmd's own uploads.
    options.metadata.retain(|(k, _)| k != PART_SIZE_META);
    options
        .metadata
        .push((PART_SIZE_META.to_string(), layout.part_size.to_string()));
    let upload_id = client
        .initiate_multipart_upload(&url.bucket, &url.key, &options)
        .with_context(|| format!("starting a multipart upload of {url}"))?;
    let parts = match presign_parts(
        client,
        &url,
        &upload_id,
        layout,
        md5s.as_deref(),
        expires_at,
    ) {
        Ok(parts) => parts,
        Err(e) => {
            let _ = client.abort_multipart_upload(&url.bucket, &url.key, &upload_id);
            return Err(e.context("presigning the parts"));
        }
    };
    ctx.printer.record(&json!({
        "upload_id": upload_id,
        "key": url.key,
        "expires": expires_at,
        "parts": parts,
    }))?;
    Ok(ExitStatus::Success)
}

/// One record per part of an upload: its number, offset, size, presigned URL, and the
/// Content-MD5 bound into it.
fn presign_parts(
    client: &Client,
    url: &RemoteUrl,
    upload_id: &str,
    layout: Layout,
    md5s: Option<&[String]>,
    expires_at: i64,
) -> anyhow::Result<Vec<serde_json::Value>> {
    let mut parts = Vec::new();
    for index in 0..layout.count() {
        let (offset, len) = layout.part(index);
        let number = index + 1;
        let query = vec![
            ("partNumber".to_string(), number.to_string()),
            ("uploadId".to_string(), upload_id.to_string()),
        ];
        let md5 = md5s.map(|m| m[index as usize].clone());
        let headers: Vec<(String, String)> = md5
            .iter()
            .map(|m| ("Content-MD5".to_string(), m.clone()))
            .collect();
        let signed = client.presign_url(
            Method::PUT,
            &url.bucket,
            &url.key,
            &query,
            &headers,
            expires_at,
        )?;
        let mut part = json!({"part_number": number, "offset": offset, "size": len, "url": signed});
        if let Some(md5) = md5 {
            part["content_md5"] = json!(md5);
        }
        parts.push(part);
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_upload_id_is_refused() {
        assert_eq!(given_id("2~abc").unwrap(), "2~abc");
        for blank in ["", " ", "\t\n"] {
            let err = given_id(blank).unwrap_err();
            assert!(err.is::<crate::error::UsageError>(), "{blank:?}");
            assert!(err.to_string().contains("multipart ls"), "{err}");
        }
    }

    #[test]
    fn md5_files_take_hex_or_base64_one_per_part() {
        let hex = "5eb63bbbe01eeed093cb22bb8f5acdc3";
        let b64 = "XrY7u+Ae7tCTyyK7j1rNww==";
        let md5s = parse_md5s(&format!("{hex}\n\n  {b64}  \n"), "m.txt", 2).unwrap();
        assert_eq!(md5s, [b64, b64]);
        let err = parse_md5s(&format!("{hex}\nnot-an-md5\n"), "m.txt", 2).unwrap_err();
        assert!(
            err.starts_with("m.txt line 2: \"not-an-md5\" is not an MD5"),
            "{err}"
        );
        let err = parse_md5s(hex, "m.txt", 3).unwrap_err();
        assert_eq!(err, "m.txt has 1 MD5s; the object has 3 parts");
    }

    #[test]
    fn parts_are_planned_within_s3s_limits() {
        let layout = plan_parts("12MiB", 5 << 20).unwrap();
        assert_eq!((layout.count(), layout.part(2)), (3, (10 << 20, 2 << 20)));
        // More than 10,000 parts of the asked size: the part size grows, as for uploads.
        let layout = plan_parts("100GiB", 5 << 20).unwrap();
        assert!(layout.count() <= 10_000 && layout.part_size > 5 << 20);
        assert_eq!(plan_parts("0", 5 << 20).unwrap().count(), 1);
        assert!(plan_parts("6TiB", 5 << 20).unwrap_err().contains("5 TiB"));
        assert!(
            plan_parts("lots", 5 << 20)
                .unwrap_err()
                .contains("invalid size")
        );
    }

    #[test]
    fn initiated_times_are_shown_in_rfc3339() {
        assert_eq!(
            rfc3339(" 2026-11-20T12:00:00.000Z").as_deref(),
            Some("2026-11-20T12:00:00Z")
        );
        assert_eq!(rfc3339("yesterday"), None);
    }
}
