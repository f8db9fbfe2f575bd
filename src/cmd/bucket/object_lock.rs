//! `objcmd bucket object-lock URL [--mode GOVERNANCE|COMPLIANCE (--days N|--years N)]`:
//! whether a bucket has object lock, and the default retention of its new objects. S3
//! only: OSS's and KS3's WORM is another API, refused before any request.

use serde_json::json;

use super::{Change, bucket_url, change_document, show_error};
use crate::cli::{DefaultLockMode, ObjectLockArgs};
use crate::client::bucket_documents::{self, DefaultRetention, RetentionPeriod};
use crate::client::{Client, Feature};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;

const NAME: &str = "object lock configuration";

/// Shows object lock, or sets the default retention.
pub fn run(
    args: &ObjectLockArgs,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = bucket_url(&args.url)?;
    client
        .dialect()
        .require(Feature::ObjectLock)
        .map_err(usage)?;
    if let Some(mode) = args.mode {
        let period = match (args.days, args.years) {
            (Some(days), _) => RetentionPeriod::Days(days),
            (None, Some(years)) => RetentionPeriod::Years(years),
            // clap requires one of them with --mode.
            (None, None) => return Err(usage("--mode needs --days N or --years N")),
        };
        if matches!(period, RetentionPeriod::Days(0) | RetentionPeriod::Years(0)) {
            return Err(usage(
                "the default retention must be at least 1 day or 1 year",
            ));
        }
        let mode = match mode {
            DefaultLockMode::Governance => "GOVERNANCE",
            DefaultLockMode::Compliance => "COMPLIANCE",
        };
        let retention = DefaultRetention {
            mode: mode.to_string(),
            period,
        };
        let body = bucket_documents::object_lock_configuration(&retention);
        let target = (bucket_documents::OBJECT_LOCK, NAME);
        return change_document(
            client,
            printer,
            &url,
            target,
            Change::Set,
            body.into_bytes(),
        );
    }
    let bucket = url.bucket_url();
    let body = client
        .get_bucket_document(&url.bucket, bucket_documents::OBJECT_LOCK)
        .map_err(|e| show_error(e, NAME, &bucket))?;
    let config = bucket_documents::parse_object_lock(&body)
        .map_err(|e| anyhow::anyhow!("the object lock configuration of {bucket}: {e}"))?;
    let (days, years) = match config.retention.as_ref().map(|r| r.period) {
        Some(RetentionPeriod::Days(n)) => (Some(n), None),
        Some(RetentionPeriod::Years(n)) => (None, Some(n)),
        None => (None, None),
    };
    let mode = config.retention.as_ref().map(|r| r.mode.clone());
    if printer.json {
        printer.record(&json!({
            "bucket": bucket,
            "object_lock": config.enabled,
            "mode": mode,
            "days": days,
            "years": years,
        }))?;
        return Ok(ExitStatus::Success);
    }
    let enabled = config.enabled.as_deref().unwrap_or("Disabled");
    printer.line(&format!("Object lock: {}", printer.escape(enabled)))?;
    let retention = match (&mode, days, years) {
        (Some(mode), Some(n), _) => format!("{mode} {n} days"),
        (Some(mode), _, Some(n)) => format!("{mode} {n} years"),
        _ => "none".to_string(),
    };
    printer.line(&format!(
        "Default retention: {}",
        printer.escape(&retention)
    ))?;
    Ok(ExitStatus::Success)
}
