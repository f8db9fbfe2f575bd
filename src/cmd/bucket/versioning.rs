//! `objcmd bucket versioning URL [enable|suspend]`: show or set a bucket's versioning.

use anyhow::Context as _;
use serde_json::json;

use crate::address::RemoteUrl;
use crate::cli::VersioningChange;
use crate::client::{Client, Feature, Versioning};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Shows the versioning state, or sets it.
pub fn run(
    url: &RemoteUrl,
    change: Option<VersioningChange>,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    client
        .dialect()
        .require(Feature::Versioning)
        .map_err(usage)?;
    let bucket = url.bucket_url();
    let Some(change) = change else {
        let state = client
            .get_bucket_versioning(&url.bucket)
            .with_context(|| format!("getting the versioning of {bucket}"))?;
        if printer.json {
            printer.record(&json!({"bucket": bucket, "versioning": state.wire_name()}))?;
        } else {
            printer.line(&format!("Versioning: {}", state.wire_name()))?;
        }
        return Ok(ExitStatus::Success);
    };
    let state = match change {
        VersioningChange::Enable => Versioning::Enabled,
        VersioningChange::Suspend => Versioning::Suspended,
    };
    client
        .put_bucket_versioning(&url.bucket, state)
        .with_context(|| format!("setting the versioning of {bucket}"))?;
    if printer.json {
        printer.record(&json!({
            "op": "versioning", "dst": bucket, "versioning": state.wire_name(), "status": "ok"
        }))?;
    } else if !printer.quiet {
        printer.line(&format!("versioning: {bucket} {}", state.wire_name()))?;
    }
    Ok(ExitStatus::Success)
}
