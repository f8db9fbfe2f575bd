//! `objcmd retention` and `objcmd legal-hold`: the object lock of one object (S3 only:
//! OSS and KS3 have no S3 object lock, and are refused before any request).

use anyhow::Context as _;
use serde_json::json;

use crate::address::RemoteUrl;
use crate::cli::{HoldState, LegalHoldArgs, RetentionArgs};
use crate::client::object_config::{Governance, Retention};
use crate::client::{Client, Feature};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// The object the URL names, where the dialect has object lock.
fn target(arg: &str, client: &Client) -> anyhow::Result<RemoteUrl> {
    client
        .dialect()
        .require(Feature::ObjectLock)
        .map_err(usage)?;
    let url = RemoteUrl::parse_required(arg)?;
    url.object_key(client.dialect())?;
    if url.is_prefix() {
        return Err(usage(format!("{url} names a prefix, not an object")));
    }
    Ok(url)
}

/// The `--until` time as S3 takes it (RFC 3339, UTC); a time that does not parse is
/// refused before any request.
fn until_time(text: &str) -> anyhow::Result<String> {
    let at: jiff::Timestamp = text.parse().map_err(|e| {
        usage(format!(
            "invalid --until {text:?}: expected an RFC 3339 time such as 2030-01-01T00:00:00Z ({e})"
        ))
    })?;
    Ok(at.to_string())
}

/// Runs `retention`: shows the retention, or sets it with `--mode` and `--until`.
pub fn run_retention(
    args: &RetentionArgs,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = target(&args.url, client)?;
    let object = (url.bucket.as_str(), url.key.as_str());
    let version = args.version_id.as_deref();
    let (Some(mode), Some(until)) = (args.mode, &args.until) else {
        let retention = client
            .get_object_retention(object, version)
            .with_context(|| format!("getting the retention of {url}"))?;
        if printer.json {
            printer.record(&json!({
                "url": url.to_string(),
                "mode": retention.mode,
                "until": retention.until,
            }))?;
        } else {
            printer.line(&format!("Mode: {}", printer.escape(&retention.mode)))?;
            printer.line(&format!("Until: {}", printer.escape(&retention.until)))?;
        }
        return Ok(ExitStatus::Success);
    };
    let retention = Retention {
        mode: mode.wire_name().to_string(),
        until: until_time(until)?,
    };
    let governance = match args.bypass_governance {
        true => Governance::Bypass,
        false => Governance::Respect,
    };
    client
        .put_object_retention(object, version, &retention, governance)
        .with_context(|| format!("setting the retention of {url}"))?;
    if printer.json {
        printer.record(&json!({
            "op": "retention",
            "dst": url.to_string(),
            "mode": retention.mode,
            "until": retention.until,
            "status": "ok",
        }))?;
    } else if !printer.quiet {
        printer.line(&format!(
            "set retention: {} {} until {}",
            printer.escape(&url.to_string()),
            retention.mode,
            retention.until
        ))?;
    }
    Ok(ExitStatus::Success)
}

/// Runs `legal-hold`: shows the hold, or sets it on or off.
pub fn run_legal_hold(
    args: &LegalHoldArgs,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = target(&args.url, client)?;
    let object = (url.bucket.as_str(), url.key.as_str());
    let version = args.version_id.as_deref();
    let Some(state) = args.state else {
        let status = client
            .get_object_legal_hold(object, version)
            .with_context(|| format!("getting the legal hold of {url}"))?;
        if printer.json {
            printer.record(&json!({"url": url.to_string(), "legal_hold": status}))?;
        } else {
            printer.line(&format!("Legal-Hold: {}", printer.escape(&status)))?;
        }
        return Ok(ExitStatus::Success);
    };
    let status = match state {
        HoldState::On => "ON",
        HoldState::Off => "OFF",
    };
    client
        .put_object_legal_hold(object, version, status)
        .with_context(|| format!("setting the legal hold of {url}"))?;
    if printer.json {
        printer.record(&json!({
            "op": "legal-hold",
            "dst": url.to_string(),
            "legal_hold": status,
            "status": "ok",
        }))?;
    } else if !printer.quiet {
        printer.line(&format!(
            "set legal hold: {} {status}",
            printer.escape(&url.to_string())
        ))?;
    }
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn until_takes_rfc3339_and_sends_utc() {
        assert_eq!(
            until_time("2030-01-01T02:00:00+02:00").unwrap(),
            "2030-01-01T00:00:00Z"
        );
        assert!(until_time("tomorrow").is_err());
        assert!(until_time("2030-01-01").is_err());
    }

    #[test]
    fn version_ids_may_start_with_a_hyphen() {
        use clap::Parser as _;
        // radosgw makes such ids.
        for cmd in ["rm", "tag", "retention", "legal-hold", "restore"] {
            let cli = crate::cli::Cli::try_parse_from([
                "objcmd",
                cmd,
                "s3://b/k",
                "--version-id",
                "-OxYz",
            ]);
            assert!(cli.is_ok(), "{cmd}: {:?}", cli.err());
        }
    }
}
