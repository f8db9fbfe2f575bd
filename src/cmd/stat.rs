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
            "restore": state.restore,
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
        ("Restore", state.restore.clone()),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name, value?)))
    .collect()
}
