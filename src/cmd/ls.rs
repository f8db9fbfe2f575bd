//! `objcmd ls`: list buckets, or the objects under a prefix (one level, or all with `-r`),
//! following every page of the listing as it arrives.

use anyhow::Context as _;
use serde_json::json;

use super::listing::{date_time, rfc3339, size_text};
use crate::address::RemoteUrl;
use crate::cli::LsArgs;
use crate::client::{Client, ObjectInfo};
use crate::exit::ExitStatus;
use crate::output::{Printer, Style};

fn object_line(url: &RemoteUrl, o: &ObjectInfo, args: &LsArgs, printer: &Printer) -> String {
    let target = printer.escape(&url.to_string()).into_owned();
    let size = size_text(o.size, args.human);
    if args.long {
        format!(
            "{}  {size:>12}  {:<12}  {:<34}  {target}",
            date_time(o.last_modified),
            o.storage_class,
            o.etag
        )
    } else {
        format!("{}  {size:>12}  {target}", date_time(o.last_modified))
    }
}

/// Runs `ls`.
pub fn run(args: &LsArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let Some(url) = &args.url else {
        if args.all_versions {
            return Err(crate::error::usage(
                "--all-versions lists the versions of a bucket's objects: give s3://BUCKET[/PREFIX]",
            ));
        }
        let buckets = client.list_buckets().context("listing buckets")?;
        let scheme = client.dialect().url_scheme();
        for b in buckets {
            if printer.json {
                printer.record(&json!({"bucket": b.name, "created": rfc3339(b.created)}))?;
            } else {
                let url = format!("{scheme}://{}", b.name);
                printer.line(&format!(
                    "{}  {}",
                    date_time(b.created),
                    printer.escape(&url)
                ))?;
            }
        }
        return Ok(ExitStatus::Success);
    };
    let url = RemoteUrl::parse_required(url)?;
    if args.all_versions {
        return super::versions::ls(args, &url, client, printer);
    }
    let delimiter = if args.recursive { None } else { Some("/") };
    for page in client.list_objects_pages(&url.bucket, &url.key, delimiter) {
        let page = page.with_context(|| format!("listing {url}"))?;
        for prefix in &page.prefixes {
            let p = url.with_key(prefix.clone());
            if printer.json {
                printer.page_record(&json!({"prefix": prefix, "url": p.to_string()}))?;
            } else {
                let pad = if args.long {
                    16 + 2 + 12 + 2 + 12 + 2 + 34
                } else {
                    16 + 2 + 12
                };
                let dir = format!("{:>pad$}", "DIR");
                let shown = printer.escape(&p.to_string()).into_owned();
                let shown = Style::Dir.paint(printer.colour, &shown);
                printer.line(&format!("{dir}  {shown}"))?;
            }
        }
        for o in &page.objects {
            let u = url.with_key(o.key.clone());
            if printer.json {
                printer.page_record(&json!({
                    "key": o.key,
                    "url": u.to_string(),
                    "size": o.size,
                    "last_modified": rfc3339(o.last_modified),
                    "etag": o.etag,
                    "storage_class": o.storage_class,
                }))?;
            } else {
                printer.line(&object_line(&u, o, args, printer))?;
            }
        }
        // A reader of --json gets each page as it arrives.
        if printer.json {
            printer.flush()?;
        }
    }
    Ok(ExitStatus::Success)
}
