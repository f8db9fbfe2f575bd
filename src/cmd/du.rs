//! `objcmd du`: the bytes and objects under each prefix, summed over the listing pages as
//! they come, so that memory stays flat at any object count.

use anyhow::Context as _;
use serde_json::json;

use super::options::{Recursive, filter};
use super::versions::Scope;
use crate::address::RemoteUrl;
use crate::cli::DuArgs;
use crate::client::Client;
use crate::exit::ExitStatus;
use crate::filter::{Filter, Selection};
use crate::output::Printer;
use crate::units::{count, human_size};
use crate::walk;

/// What lies under one prefix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Usage {
    objects: u64,
    bytes: u64,
}

/// Sums the objects under `url`'s prefix that the filter takes, page by page; with
/// [`Versions::All`], every version (delete markers hold nothing and are not counted).
fn usage(
    client: &Client,
    url: &RemoteUrl,
    filter: &Filter,
    versions: Versions,
) -> anyhow::Result<Usage> {
    let prefix = walk::as_prefix(&url.key);
    if versions == Versions::All {
        let mut total = Usage::default();
        let listed = super::versions::listing(client, url, &prefix, filter, Scope::Prefix);
        for item in listed {
            let v = item?.version;
            if !v.delete_marker {
                total.objects += 1;
                total.bytes += v.size;
            }
        }
        return Ok(total);
    }
    let mut total = Usage::default();
    for page in client.list_objects_pages(&url.bucket, &prefix, None) {
        let page = page.with_context(|| format!("listing {}", url.with_key(prefix.clone())))?;
        for object in &page.objects {
            let rel = object
                .key
                .strip_prefix(prefix.as_str())
                .unwrap_or(&object.key);
            if filter.accepts(rel) {
                total.objects += 1;
                total.bytes += object.size;
            }
        }
    }
    Ok(total)
}

/// Which versions `du` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Versions {
    /// The current ones (ListObjects).
    Current,
    /// All of them (`--all-versions`).
    All,
}

/// One line: `BYTES  N objects  URL`, the size exact unless `-H`.
fn line(usage: Usage, what: &str, human: bool) -> String {
    let size = if human {
        human_size(usage.bytes)
    } else {
        usage.bytes.to_string()
    };
    format!("{size:>12}  {:>16}  {what}", count(usage.objects, "object"))
}

/// Runs `du`: a line per URL, and a total line when there are several. A URL that cannot
/// be listed is reported and the others still are (exit 3, or its own code when alone).
pub fn run(args: &DuArgs, client: &Client, printer: &Printer) -> anyhow::Result<ExitStatus> {
    let filter = filter(&args.filter, Recursive::Yes, Selection::Transfers, printer)?;
    let urls = args
        .urls
        .iter()
        .map(|u| RemoteUrl::parse_required(u))
        .collect::<Result<Vec<_>, _>>()?;
    let versions = match args.all_versions {
        true => {
            super::versions::require(client)?;
            Versions::All
        }
        false => Versions::Current,
    };
    let mut total = Usage::default();
    let mut failures = Vec::new();
    for url in &urls {
        let shown = url.with_key(walk::as_prefix(&url.key)).to_string();
        match usage(client, url, &filter, versions) {
            Ok(u) => {
                total.objects += u.objects;
                total.bytes += u.bytes;
                if printer.json {
                    printer
                        .record(&json!({"url": shown, "objects": u.objects, "bytes": u.bytes}))?;
                } else {
                    printer.line(&line(u, &printer.escape(&shown), args.human))?;
                }
            }
            Err(e) if urls.len() == 1 || crate::transfer::is_interrupted(&e) => return Err(e),
            Err(e) => {
                printer.error(&format!("{e:#}"));
                if printer.json {
                    let error = super::record::error_value(&e);
                    printer.record(&json!({"url": shown, "status": "error", "error": error}))?;
                }
                failures.push(e);
            }
        }
    }
    if urls.len() > 1 && !printer.json {
        printer.line(&line(total, "total", args.human))?;
    }
    finish(&urls, failures)
}

/// Exit 0, or 3 when some URLs were summed and others failed, or the worst code of all
/// failures.
fn finish(urls: &[RemoteUrl], failures: Vec<anyhow::Error>) -> anyhow::Result<ExitStatus> {
    let failed = failures.len();
    if failed == 0 {
        return Ok(ExitStatus::Success);
    }
    let status = if failed < urls.len() {
        ExitStatus::Partial
    } else {
        failures
            .iter()
            .map(crate::exit::status_of)
            .max()
            .unwrap_or(ExitStatus::Failure)
    };
    Err(anyhow::Error::new(crate::exit::PartialFailure {
        done: urls.len() - failed,
        failed,
        status,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_align_and_count_in_the_singular_for_one() {
        let one = Usage {
            objects: 1,
            bytes: 2048,
        };
        assert_eq!(
            line(one, "s3://b/p/", false),
            "        2048          1 object  s3://b/p/"
        );
        assert_eq!(
            line(one, "total", true),
            format!("{:>12}          1 object  total", human_size(2048))
        );
        let none = Usage::default();
        assert!(line(none, "s3://b/", false).contains("0 objects"));
    }
}
