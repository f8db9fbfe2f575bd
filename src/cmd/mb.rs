//! `objcmd mb`: make a bucket.

use anyhow::Context as _;
use serde_json::json;

use super::options::check_acl;
use crate::address::{RemoteUrl, check_new_bucket_name};
use crate::cli::MbArgs;
use crate::client::{Client, Dialect, Feature, ObjectLock};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::settings::Connection;

/// Runs `mb`.
pub fn run(
    args: &MbArgs,
    client: &Client,
    conn: &Connection,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    let url = RemoteUrl::parse_required(&args.url)?;
    if !url.key.is_empty() {
        return Err(usage(format!(
            "{url} has a key; mb takes a bucket, e.g. {}",
            url.bucket_url()
        )));
    }
    check_new_bucket_name(&url.bucket)
        .map_err(|why| usage(format!("invalid bucket name {:?}: {why}", url.bucket)))?;
    let dialect = client.dialect();
    let object_lock = match args.object_lock {
        true => {
            dialect.require(Feature::ObjectLock).map_err(usage)?;
            ObjectLock::Enabled
        }
        false => ObjectLock::Disabled,
    };
    if let Some(acl) = &args.acl {
        check_acl(acl, dialect.bucket_canned_acls(), dialect, "bucket")?;
    }
    // AWS needs the region of a new bucket outside us-east-1; other servers take the
    // location only when asked, since theirs are named differently (radosgw: zonegroups).
    let location = args.location.clone().or_else(|| {
        let aws = dialect == Dialect::S3 && conn.target.endpoint.is_aws();
        (aws && !conn.region.is_empty() && conn.region != "us-east-1").then(|| conn.region.clone())
    });
    client
        .create_bucket(
            &url.bucket,
            (args.acl.as_deref(), location.as_deref()),
            object_lock,
        )
        .with_context(|| format!("creating bucket {}", url.bucket_url()))?;
    if printer.json {
        printer.record(&json!({"op": "mb", "dst": url.bucket_url(), "status": "ok"}))?;
    } else if !printer.quiet {
        printer.line(&format!("make bucket: {}", url.bucket_url()))?;
    }
    Ok(ExitStatus::Success)
}
