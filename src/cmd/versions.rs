//! Object versions in the commands: `--version-id` (a client pinned to one version),
//! `ls --all-versions`, and the version listing that `rm --all-versions`, `rb --force`
//! and `du --all-versions` work through.

use anyhow::Context as _;
use serde_json::json;

use super::listing::{date_time, rfc3339, size_text};
use crate::address::RemoteUrl;
use crate::cli::LsArgs;
use crate::client::{Client, Feature, ObjectVersion};
use crate::error::usage;
use crate::exit::ExitStatus;
use crate::filter::Filter;
use crate::output::{Printer, Style};

/// The client to act with: pinned to `--version-id` when given (after checking that the
/// dialect has versions and the id is not empty), else the client itself.
pub fn pin(client: &Client, version_id: Option<&str>) -> anyhow::Result<Client> {
    let Some(id) = version_id else {
        return Ok(client.clone());
    };
    client
        .dialect()
        .require(Feature::Versioning)
        .map_err(usage)?;
    if id.trim().is_empty() {
        return Err(usage("--version-id needs an id (see ls --all-versions)"));
    }
    Ok(client.at_version(Some(id)))
}

/// Refuses `--all-versions` where the dialect has no versions (before any request).
pub fn require(client: &Client) -> anyhow::Result<()> {
    client.dialect().require(Feature::Versioning).map_err(usage)
}

/// Which versions a listing takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every key under the prefix.
    Prefix,
    /// The key itself only (the listing's prefix also matches longer keys).
    Key,
}

/// A version found by a listing, with its key relative to the listed prefix.
pub struct ListedVersion {
    /// The version or delete marker.
    pub version: ObjectVersion,
    /// Its key after the prefix.
    pub rel: String,
}

/// Every version and delete marker under `prefix` (or of the key `prefix`, with
/// [`Scope::Key`]) that the filter accepts, page by page; a listing error ends it with
/// one `Err`.
pub fn listing<'a>(
    client: &'a Client,
    url: &'a RemoteUrl,
    prefix: &'a str,
    filter: &'a Filter,
    scope: Scope,
) -> impl Iterator<Item = anyhow::Result<ListedVersion>> + 'a {
    client
        .list_object_versions_pages(&url.bucket, prefix, None)
        .flat_map(move |page| -> Vec<anyhow::Result<ListedVersion>> {
            match page {
                Ok(page) => page
                    .versions
                    .into_iter()
                    .filter(|v| scope == Scope::Prefix || v.key == prefix)
                    .filter_map(|version| {
                        let rel = version.key.strip_prefix(prefix)?.to_string();
                        (scope == Scope::Key || filter.accepts(&rel))
                            .then_some(Ok(ListedVersion { version, rel }))
                    })
                    .collect(),
                Err(e) => vec![Err(anyhow::Error::new(e)
                    .context(format!("listing the versions of {}", url.with_key(prefix))))],
            }
        })
}

/// The width of the version id column (the ids of AWS and radosgw are 32 characters).
const ID_WIDTH: usize = 32;

/// One line of `ls --all-versions`: date, size (`DEL` for a delete marker), `*` for the
/// latest, the version id, and the URL; `-l` adds the storage class and ETag.
fn version_line(url: &RemoteUrl, v: &ObjectVersion, args: &LsArgs, printer: &Printer) -> String {
    let target = printer.escape(&url.to_string()).into_owned();
    let size = match v.delete_marker {
        true => "DEL".to_string(),
        false => size_text(v.size, args.human),
    };
    let latest = if v.is_latest { '*' } else { ' ' };
    let id = printer.escape(&v.version_id).into_owned();
    let date = date_time(v.last_modified);
    if args.long {
        format!(
            "{date}  {size:>12}  {:<12}  {:<34}  {latest} {id:<ID_WIDTH$}  {target}",
            v.storage_class, v.etag
        )
    } else {
        format!("{date}  {size:>12}  {latest} {id:<ID_WIDTH$}  {target}")
    }
}

/// `ls URL --all-versions`: every version and delete marker under the prefix (one level,
/// or all with `-r`), page by page as ListObjectVersions sends them.
pub fn ls(
    args: &LsArgs,
    url: &RemoteUrl,
    client: &Client,
    printer: &Printer,
) -> anyhow::Result<ExitStatus> {
    require(client)?;
    let delimiter = if args.recursive { None } else { Some("/") };
    for page in client.list_object_versions_pages(&url.bucket, &url.key, delimiter) {
        let page = page.with_context(|| format!("listing the versions of {url}"))?;
        for prefix in &page.prefixes {
            let p = url.with_key(prefix.clone());
            if printer.json {
                printer.page_record(&json!({"prefix": prefix, "url": p.to_string()}))?;
            } else {
                // DIR under the sizes, the URL under the URLs.
                let rest = match args.long {
                    true => 2 + 12 + 2 + 34 + 2 + 2 + ID_WIDTH,
                    false => 2 + 2 + ID_WIDTH,
                };
                let dir = format!("{:>30}{:rest$}", "DIR", "");
                let shown = printer.escape(&p.to_string()).into_owned();
                let shown = Style::Dir.paint(printer.colour, &shown);
                printer.line(&format!("{dir}  {shown}"))?;
            }
        }
        for v in &page.versions {
            let u = url.with_key(v.key.clone());
            if printer.json {
                printer.page_record(&json!({
                    "key": v.key,
                    "url": u.to_string(),
                    "size": v.size,
                    "last_modified": rfc3339(v.last_modified),
                    "etag": v.etag,
                    "storage_class": v.storage_class,
                    "version_id": v.version_id,
                    "is_latest": v.is_latest,
                    "delete_marker": v.delete_marker,
                }))?;
            } else {
                printer.line(&version_line(&u, v, args, printer))?;
            }
        }
        if printer.json {
            printer.flush()?;
        }
    }
    Ok(ExitStatus::Success)
}
