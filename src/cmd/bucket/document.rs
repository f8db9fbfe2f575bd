//! `objcmd bucket policy|lifecycle|cors URL [--set FILE|-] [--delete]`: documents passed
//! through as the user wrote them and shown as the server returns them. A file that does
//! not parse here (a policy that is not JSON, XML that is not well-formed) is refused before
//! any request, naming the file and the parse error.

use std::io::Read as _;

use serde_json::json;

use super::{Change, bucket_url, change_document, show_error};
use crate::cli::DocumentArgs;
use crate::client::{Client, Document, bucket_documents};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Which pass-through document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The bucket policy (JSON).
    Policy,
    /// The lifecycle configuration (XML).
    Lifecycle,
    /// The CORS configuration (XML).
    Cors,
}

impl Kind {
    fn document(self) -> Document {
        match self {
            Kind::Policy => bucket_documents::POLICY,
            Kind::Lifecycle => bucket_documents::LIFECYCLE,
            Kind::Cors => bucket_documents::CORS,
        }
    }

    /// What it is called in messages.
    fn name(self) -> &'static str {
        match self {
            Kind::Policy => "bucket policy",
            Kind::Lifecycle => "lifecycle configuration",
            Kind::Cors => "CORS configuration",
        }
    }
}

/// Shows, sets or deletes the document.
pub fn run(
    args: &DocumentArgs,
    kind: Kind,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = bucket_url(&args.url)?;
    let target = (kind.document(), kind.name());
    if let Some(file) = &args.set {
        let body = read_checked(file, kind)?;
        return change_document(client, printer, &url, target, Change::Set, body);
    }
    if args.delete {
        return change_document(client, printer, &url, target, Change::Delete, Vec::new());
    }
    let bucket = url.bucket_url();
    let body = client
        .get_bucket_document(&url.bucket, kind.document())
        .map_err(|e| show_error(e, kind.name(), &bucket))?;
    if printer.json {
        let record = match kind {
            // Parsed, so that `jq .policy.Statement` works; a server's non-JSON (never
            // seen) is kept as a string rather than lost.
            Kind::Policy => json!({
                "bucket": bucket,
                "policy": serde_json::from_str::<serde_json::Value>(&body)
                    .unwrap_or(serde_json::Value::String(body)),
            }),
            Kind::Lifecycle | Kind::Cors => json!({"bucket": bucket, "document": body}),
        };
        printer.record(&record)?;
    } else {
        printer.line(body.trim_end())?;
    }
    Ok(ExitStatus::Success)
}

/// The bytes of `file` (`-`: stdin), refused (exit 2) unless they parse as the document.
fn read_checked(file: &str, kind: Kind) -> anyhow::Result<Vec<u8>> {
    let (name, bytes) = read_file(file)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| usage(format!("{name}: the {} is not UTF-8: {e}", kind.name())))?;
    let parsed = match kind {
        Kind::Policy => serde_json::from_str::<serde_json::Value>(text)
            .map(drop)
            .map_err(|e| format!("not JSON: {e}")),
        Kind::Lifecycle | Kind::Cors => {
            bucket_documents::check_xml(text).map_err(|e| format!("not well-formed XML: {e}"))
        }
    };
    parsed.map_err(|e| usage(format!("{name}: the {} is {e}", kind.name())))?;
    Ok(bytes)
}

/// A document file's name as shown in errors, and its bytes; `-` is stdin.
fn read_file(file: &str) -> anyhow::Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| usage(format!("reading the document from stdin: {e}")))?;
        return Ok(("stdin".to_string(), bytes));
    }
    let bytes = std::fs::read(file).map_err(|e| usage(format!("reading {file}: {e}")))?;
    Ok((file.to_string(), bytes))
}
