//! `objcmd signurl`: a presigned URL that lets a holder without keys GET, PUT, HEAD or
//! DELETE one object until it expires.

use jiff::Timestamp;
use reqwest::Method;
use serde_json::json;

use crate::address::RemoteUrl;
use crate::cli::SignurlArgs;
use crate::client::{Client, SignatureVersion, sigv4};
use crate::exit::{ExitStatus, usage};
use crate::output::Printer;

/// How long a URL stays valid when neither `--expires` nor `--expires-at` says.
const DEFAULT_EXPIRES_SECS: u64 = 3600;

/// Runs `signurl`.
pub fn run(args: &SignurlArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let url = RemoteUrl::parse_required(&args.url)?;
    let key = url.object_key(client.dialect())?;
    let config = client.transport().config();
    if config.credentials.is_none() {
        return Err(usage(
            "signurl signs with your keys: it cannot work with --anonymous or without credentials",
        ));
    }
    let method = args.method.to_ascii_uppercase();
    let mut headers = Vec::new();
    if let Some(t) = &args.content_type {
        headers.push(("Content-Type".to_string(), t.clone()));
    }
    if let Some(md5) = &args.content_md5 {
        let md5 = super::md5_base64(md5.trim()).ok_or_else(|| {
            usage(format!(
                "--content-md5 {md5:?} is not an MD5 (24 base64 characters or 32 hex digits)"
            ))
        })?;
        headers.push(("Content-MD5".to_string(), md5));
    }
    if !headers.is_empty() && method != "PUT" {
        return Err(usage(
            "--content-type and --content-md5 bind what an upload sends: use them with --method PUT",
        ));
    }
    let now = Timestamp::now().as_second();
    let expires_at = match (args.expires, args.expires_at) {
        (Some(0), _) => return Err(usage("--expires must be at least 1 second")),
        (Some(secs), _) => now.saturating_add(i64::try_from(secs).unwrap_or(i64::MAX)),
        (None, Some(at)) if at <= now => {
            return Err(usage(format!(
                "--expires-at {at} is in the past (now is {now})"
            )));
        }
        (None, Some(at)) => at,
        (None, None) => now + DEFAULT_EXPIRES_SECS as i64,
    };
    if config.signature == SignatureVersion::V4
        && expires_at - now > sigv4::MAX_PRESIGN_SECONDS as i64
    {
        return Err(usage(format!(
            "a SigV4 presigned URL is valid for at most 604800 seconds (7 days), not {} s; \
             use a shorter --expires, or --signature v2 where the server accepts it",
            expires_at - now
        )));
    }
    let method = Method::from_bytes(method.as_bytes()).map_err(|e| usage(e.to_string()))?;
    let signed = client.presign_url(method, &url.bucket, key, &[], &headers, expires_at)?;
    if printer.json {
        printer.record(&json!({"url": signed, "expires": expires_at}))?;
    } else {
        printer.line(&signed)?;
    }
    Ok(ExitStatus::Success)
}
