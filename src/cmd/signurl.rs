//! `objcmd signurl`: a presigned URL that lets a holder without keys GET, PUT, HEAD or
//! DELETE one object until it expires.

use reqwest::Method;
use serde_json::json;

use crate::address::RemoteUrl;
use crate::cli::SignurlArgs;
use crate::client::Client;
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Runs `signurl`.
pub fn run(args: &SignurlArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let url = RemoteUrl::parse_required(&args.url)?;
    let key = url.object_key(client.dialect())?;
    let client = &super::versions::pin(client, args.version_id.as_deref())?;
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
        let md5 = super::presign::md5_base64(md5.trim()).ok_or_else(|| {
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
    let expires_at = super::presign::presign_expiry(client, args.expires, args.expires_at)?;
    let method = Method::from_bytes(method.as_bytes()).map_err(|e| usage(e.to_string()))?;
    let signed = client.presign_url(method, &url.bucket, key, &[], &headers, expires_at)?;
    if printer.json {
        printer.record(&json!({"url": signed, "expires": expires_at}))?;
    } else {
        printer.line(&signed)?;
    }
    Ok(ExitStatus::Success)
}
