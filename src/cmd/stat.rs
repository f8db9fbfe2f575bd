//! `objcmd stat`: HEAD one object and show what the server knows about it.

use anyhow::Context as _;
use serde_json::json;

use super::missing::{self, Verb};
use crate::address::RemoteUrl;
use crate::cli::StatArgs;
use crate::client::Client;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Runs `stat`.
pub fn run(args: &StatArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let url = RemoteUrl::parse_required(&args.url)?;
    let key = url.object_key(client.dialect())?;
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
    for (name, value) in &meta.metadata {
        lines.push(format!("Metadata: {name}={}", printer.escape(value)));
    }
    for line in lines {
        printer.line(&line)?;
    }
    Ok(ExitStatus::Success)
}
