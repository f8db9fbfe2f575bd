//! `objcmd stat`: HEAD one object and show what the server knows about it.

use anyhow::Context as _;
use serde_json::json;

use super::missing::{self, Verb};
use crate::address::RemoteUrl;
use crate::cli::StatArgs;
use crate::client::{Client, ObjectState};
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Runs `stat`.
pub fn run(args: &StatArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let url = RemoteUrl::parse_required(&args.url)?;
    let key = url.object_key(client.dialect())?;
    let client = &super::versions::pin(client, args.version_id.as_deref())?;
    let meta = client
        .head_object(&url.bucket, key)
        .map_err(|e| missing::explain(client, &url, Verb::Stat, e.into()))
        .with_context(|| format!("getting the metadata of {url}"))?;
    let modified = meta.last_modified.map(|t| t.to_string());
    // As the server sent them: a composite checksum keeps its `-N`.
    let checksums: serde_json::Map<String, serde_json::Value> = meta
        .checksums
        .iter()
        .map(|c| (c.algorithm.name().to_string(), json!(c.value)))
        .collect();
    let checksum_type = meta.checksum_type.map(|t| t.wire_name());
    let state = &meta.state;
    if printer.json {
        printer.record(&json!({
            "key": key,
            "size": meta.size,
            "last_modified": modified,
            "etag": meta.etag,
            "content_type": meta.content_type,
            "storage_class": meta.storage_class,
            "metadata": meta.metadata,
            "checksums": checksums,
            "checksum_type": checksum_type,
            "version_id": state.version_id,
            "tag_count": state.tag_count,
            "sse": state.sse,
            "sse_kms_key_id": state.sse_kms_key_id,
            "sse_customer_algorithm": state.sse_customer_algorithm,
            "lock_mode": state.lock_mode,
            "lock_until": state.lock_until,
            "legal_hold": state.legal_hold,
            "restore": state.restore.as_deref().map(restore_value),
        }))?;
        return Ok(ExitStatus::Success);
    }
    let mut lines = vec![
        format!("URL: {}", printer.escape(&url.to_string())),
        format!("Size: {}", meta.size),
        format!("Last-Modified: {}", modified.unwrap_or_default()),
        format!("ETag: {}", meta.etag),
        format!("Content-Type: {}", meta.content_type.unwrap_or_default()),
        format!("Storage-Class: {}", meta.storage_class),
    ];
    for stored in &meta.checksums {
        lines.push(format!(
            "Checksum: {}={}",
            stored.algorithm.name(),
            printer.escape(&stored.value)
        ));
    }
    if let Some(kind) = checksum_type {
        lines.push(format!("Checksum-Type: {kind}"));
    }
    lines.extend(
        state_lines(state)
            .into_iter()
            .map(|(name, value)| format!("{name}: {}", printer.escape(&value))),
    );
    for (name, value) in &meta.metadata {
        lines.push(format!("Metadata: {name}={}", printer.escape(value)));
    }
    for line in lines {
        printer.line(&line)?;
    }
    Ok(ExitStatus::Success)
}

/// The lines of what applies to the object beyond its bytes: only what the server said.
fn state_lines(state: &ObjectState) -> Vec<(&'static str, String)> {
    [
        ("Version-Id", state.version_id.clone()),
        ("Tags", state.tag_count.map(|n| n.to_string())),
        ("Server-Side-Encryption", state.sse.clone()),
        ("SSE-KMS-Key-Id", state.sse_kms_key_id.clone()),
        (
            "SSE-Customer-Algorithm",
            state.sse_customer_algorithm.clone(),
        ),
        ("Object-Lock-Mode", state.lock_mode.clone()),
        ("Object-Lock-Until", state.lock_until.clone()),
        ("Legal-Hold", state.legal_hold.clone()),
        ("Restore", state.restore.as_deref().map(restore_line)),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name, value?)))
    .collect()
}

/// The restore state of an archived object, from the header's `ongoing-request="true"`
/// and `expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"` (S3 and OSS alike).
#[derive(Debug, PartialEq, Eq)]
struct RestoreState {
    /// A restore is running.
    ongoing: bool,
    /// When the restored copy goes away (RFC 3339 where the date parses, else as sent).
    expiry: Option<String>,
}

fn parse_restore(header: &str) -> RestoreState {
    let field = |name: &str| {
        let start = header.find(&format!("{name}="))? + name.len() + 1;
        let rest = header[start..].trim_start();
        let value = match rest.strip_prefix('"') {
            Some(quoted) => quoted.split('"').next().unwrap_or(quoted),
            None => rest.split(',').next().unwrap_or(rest),
        };
        Some(value.trim().to_string())
    };
    let expiry = field("expiry-date").map(|date| {
        jiff::fmt::rfc2822::parse(&date)
            .map(|z| z.timestamp().to_string())
            .unwrap_or(date)
    });
    RestoreState {
        ongoing: field("ongoing-request").is_some_and(|v| v.eq_ignore_ascii_case("true")),
        expiry,
    }
}

/// `--json`'s `restore`: `{"ongoing", "expiry_date"}`.
fn restore_value(header: &str) -> serde_json::Value {
    let state = parse_restore(header);
    json!({"ongoing": state.ongoing, "expiry_date": state.expiry})
}

/// The human `Restore:` line.
fn restore_line(header: &str) -> String {
    match parse_restore(header) {
        RestoreState { ongoing: true, .. } => "in progress".to_string(),
        RestoreState {
            expiry: Some(date), ..
        } => format!("restored until {date}"),
        RestoreState { expiry: None, .. } => header.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_restore_header_reads_as_state_and_date() {
        let done = parse_restore(
            r#"ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT""#,
        );
        assert_eq!(
            done,
            RestoreState {
                ongoing: false,
                expiry: Some("2012-12-21T00:00:00Z".into())
            }
        );
        assert_eq!(restore_line(r#"ongoing-request="true""#), "in progress");
        assert_eq!(
            restore_line(r#"ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT""#),
            "restored until 2012-12-21T00:00:00Z"
        );
        assert_eq!(restore_value(r#"ongoing-request="true""#)["ongoing"], true);
        assert_eq!(parse_restore("odd").expiry, None);
    }
}
