//! Emptying a prefix or a bucket: deleting every object under it, 1,000 keys per
//! DeleteObjects request as the listing pages arrive, and aborting its unfinished
//! multipart uploads. Shared by `rm -r`, `multipart abort --all` and `rb --force`; with
//! versions, the deletes name each version and delete marker (`rm --all-versions`, `rb
//! --force` of a versioned bucket).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use jiff::Timestamp;
use serde_json::json;

use super::ctx::Ctx;
use super::listing;
use super::record::Op;
use super::tree::{Batch, Done, DryRun, Echo, Planned, Summary, Tree, Weight};
use super::versions::{self, Scope};
use crate::address::RemoteUrl;
use crate::client::batch::{MAX_DELETE_KEYS, lacks_batch_delete};
use crate::client::{self, Client, ServiceError};
use crate::exit::{self, ExitStatus};
use crate::filter::Filter;
use crate::output::Printer;
use crate::walk;

/// What one delete removes: a key's current version, or one version of it.
pub struct Deletion {
    /// The key.
    pub key: String,
    /// The version (or delete marker) removed for good; `None` is the current one.
    pub version: Option<String>,
}

/// Deletes batches of keys of one bucket, reporting every key.
struct Deleter<'a> {
    ctx: Ctx<'a>,
    url: &'a RemoteUrl,
    dry_run: DryRun,
    /// Set once the server has shown it has no DeleteObjects: single deletes from then on.
    single: AtomicBool,
    tree: Tree<'a>,
}

impl Deleter<'_> {
    fn planned(&self, d: &Deletion) -> Planned {
        let url = self.url.with_key(d.key.clone()).to_string();
        Planned {
            op: Op::Delete,
            src: match &d.version {
                Some(v) => format!("{url}?versionId={v}"),
                None => url,
            },
            dst: None,
            size: None,
        }
    }

    fn ok(&self, d: &Deletion) {
        self.tree.done(&self.planned(d), Done::Done);
    }

    fn fail(&self, d: &Deletion, err: anyhow::Error) {
        let planned = self.planned(d);
        let err = err.context(format!("deleting {}", planned.src));
        self.tree.failed(&planned, err);
    }

    fn delete_one(&self, d: &Deletion) {
        let client = self.ctx.client.at_version(d.version.as_deref());
        match client.delete_object(&self.url.bucket, &d.key) {
            Ok(()) => self.ok(d),
            Err(e) => self.fail(d, e.into()),
        }
    }

    /// Deletes up to 1,000 keys (or versions): one DeleteObjects request, or single
    /// deletes where the server lacks it or a key cannot be written in XML.
    fn delete(&self, items: Vec<Deletion>) {
        if self.dry_run == DryRun::Yes {
            items.iter().for_each(|d| self.ok(d));
            return;
        }
        let (batchable, odd): (Vec<&Deletion>, Vec<&Deletion>) =
            items.iter().partition(|d| client::xml::is_xml_safe(&d.key));
        odd.iter().for_each(|d| self.delete_one(d));
        if batchable.is_empty() {
            return;
        }
        if self.single.load(Ordering::Relaxed) {
            batchable.iter().for_each(|d| self.delete_one(d));
            return;
        }
        let objects: Vec<(&str, Option<&str>)> = batchable
            .iter()
            .map(|d| (d.key.as_str(), d.version.as_deref()))
            .collect();
        match self
            .ctx
            .client
            .delete_object_versions(&self.url.bucket, &objects)
        {
            Ok(errors) => self.report_batch(&batchable, &errors),
            Err(e) if lacks_batch_delete(&e) => {
                log::info!("the server has no DeleteObjects ({e}); deleting one key at a time");
                self.single.store(true, Ordering::Relaxed);
                batchable.iter().for_each(|d| self.delete_one(d));
            }
            Err(e) => {
                let e = anyhow::Error::new(e);
                let interrupted = exit::status_of(&e) == ExitStatus::Interrupted;
                for d in &batchable {
                    if interrupted {
                        self.tree
                            .failed(&self.planned(d), crate::transfer::interrupted());
                    } else {
                        self.fail(
                            d,
                            anyhow::anyhow!("{e:#}").context(format!(
                                "DeleteObjects of {}",
                                crate::units::count(batchable.len() as u64, "key")
                            )),
                        );
                    }
                }
            }
        }
    }

    /// Reports each item of a DeleteObjects request: done, or the failure the reply
    /// names for its key (and version, where the reply says one).
    fn report_batch(&self, batch: &[&Deletion], errors: &[client::xml::VersionDeleteError]) {
        for d in batch {
            let error = errors
                .iter()
                .find(|e| e.key == d.key && (e.version_id.is_none() || e.version_id == d.version));
            match error {
                None => self.ok(d),
                Some(e) => {
                    let mut fields = std::collections::BTreeMap::new();
                    fields.insert("Code".to_string(), e.code.clone());
                    fields.insert("Message".to_string(), e.message.clone());
                    let err = ServiceError::from_error_body(
                        fields,
                        None,
                        "POST",
                        format!("/{}/{}", self.url.bucket, d.key),
                    );
                    self.fail(d, client::Error::from(err).into());
                }
            }
        }
    }
}

/// Groups a listing into batches of up to 1,000 keys, one page at a time: memory holds a
/// page, not the listing.
fn batches<'a>(
    items: impl Iterator<Item = anyhow::Result<Deletion>> + 'a,
) -> impl Iterator<Item = anyhow::Result<Vec<Deletion>>> + 'a {
    let mut items = items.peekable();
    std::iter::from_fn(move || {
        let mut keys = Vec::new();
        while keys.len() < MAX_DELETE_KEYS {
            match items.peek() {
                None => break,
                Some(Err(_)) if !keys.is_empty() => break,
                Some(_) => match items.next()? {
                    Ok(deletion) => keys.push(deletion),
                    Err(e) => return Some(Err(e)),
                },
            }
        }
        (!keys.is_empty()).then_some(Ok(keys))
    })
}

/// What [`rm_tree`] does with each key it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeDelete {
    /// Delete it and report it (`rm -r`).
    Report,
    /// Report it as planned and delete nothing (`--dry-run`).
    Plan,
    /// Delete it and report only failures (`rb --force`).
    Quiet,
}

/// Deletes everything under `url`'s prefix that the filter accepts, or with
/// [`TreeDelete::Plan`] only lists it. Returns the batch's result, the number of keys
/// deleted (or planned) and the summary, for the caller to print (once for all its
/// prefixes) or not.
pub fn rm_tree(
    ctx: Ctx<'_>,
    url: &RemoteUrl,
    filter: &Filter,
    mode: TreeDelete,
) -> (anyhow::Result<ExitStatus>, usize, Summary) {
    let prefix = walk::as_prefix(&url.key);
    let items = listing::listing(ctx.client, url, &prefix, filter).map(|item| {
        item.map(|listed| Deletion {
            key: listed.object.key,
            version: None,
        })
    });
    delete_all(ctx, url, &prefix, items, mode)
}

/// As [`rm_tree`], of every version and delete marker: under the prefix of `url`
/// ([`Scope::Prefix`]), or of its key ([`Scope::Key`]).
pub fn rm_versions(
    ctx: Ctx<'_>,
    url: &RemoteUrl,
    filter: &Filter,
    mode: TreeDelete,
    scope: Scope,
) -> (anyhow::Result<ExitStatus>, usize, Summary) {
    let prefix = match scope {
        Scope::Prefix => walk::as_prefix(&url.key),
        Scope::Key => url.key.clone(),
    };
    let items = versions::listing(ctx.client, url, &prefix, filter, scope).map(|item| {
        item.map(|listed| Deletion {
            key: listed.version.key,
            version: Some(listed.version.version_id),
        })
    });
    delete_all(ctx, url, &prefix, items, mode)
}

/// Deletes what a listing yields, in batches of up to 1,000, as its pages arrive.
fn delete_all(
    ctx: Ctx<'_>,
    url: &RemoteUrl,
    prefix: &str,
    items: impl Iterator<Item = anyhow::Result<Deletion>>,
    mode: TreeDelete,
) -> (anyhow::Result<ExitStatus>, usize, Summary) {
    let dry_run = DryRun::from(mode == TreeDelete::Plan);
    let echo = match mode {
        TreeDelete::Quiet => Echo::Failures,
        TreeDelete::Report | TreeDelete::Plan => Echo::Every,
    };
    let deleter = Deleter {
        ctx,
        url,
        dry_run,
        single: AtomicBool::new(false),
        tree: Tree::new(ctx, dry_run).of(Op::Delete).echo(echo),
    };
    let items = batches(items);
    let prefix_url = url.with_key(prefix.to_string()).to_string();
    let weight = |item: &anyhow::Result<Vec<Deletion>>| Weight {
        objects: item.as_ref().map_or(1, |keys| keys.len() as u64),
        bytes: None,
    };
    deleter
        .tree
        .run_weighed(ctx.tuning.jobs.min(8), items, weight, |item| match item {
            Ok(keys) => deleter.delete(keys),
            Err(e) => deleter.tree.source_failed(Op::Delete, &prefix_url, e),
        });
    let done = deleter.tree.counts().deleted;
    let (result, summary) = deleter.tree.end();
    (result, done, summary)
}

/// What became of one upload.
pub enum Outcome<'a> {
    /// Aborted.
    Done,
    /// `--dry-run`: would be aborted.
    Planned,
    /// The abort (or the listing) failed.
    Failed(&'a anyhow::Error),
}

/// One aborted (or, with `--dry-run`, planned) upload's line or record, or its failure.
pub fn report_abort(
    printer: &Printer,
    url: &RemoteUrl,
    upload_id: &str,
    outcome: Outcome<'_>,
) -> std::io::Result<()> {
    if let Outcome::Failed(err) = outcome {
        printer.error(&format!("{err:#}"));
    }
    if printer.json {
        // No upload id when the listing that would have named the uploads failed.
        let mut record = json!({
            "op": "abort",
            "key": url.key,
            "upload_id": (!upload_id.is_empty()).then_some(upload_id),
            "status": match outcome {
                Outcome::Done => "ok",
                Outcome::Planned => "planned",
                Outcome::Failed(_) => "error",
            },
        });
        if let Outcome::Failed(err) = outcome {
            record["error"] = super::record::error_value(err);
        }
        return printer.record(&record);
    }
    let shown = printer.escape(&url.to_string()).into_owned();
    match outcome {
        _ if printer.quiet => Ok(()),
        Outcome::Done => printer.line(&format!("abort: {shown} ({upload_id})")),
        Outcome::Planned => printer.line(&format!("(dry run) abort: {shown} ({upload_id})")),
        Outcome::Failed(_) => Ok(()),
    }
}

/// What [`abort_all`] does with each upload it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbortAll {
    /// Abort it and report it (`multipart abort --all`).
    Report,
    /// Report it as planned and abort nothing (`rb --force --dry-run`).
    Plan,
    /// Abort it and report only failures (`rb --force`).
    Quiet,
}

/// Aborts every unfinished upload under `url`'s prefix started at least `min_age` ago, as
/// the listing pages arrive. One failure does not stop the others; an upload that is gone
/// meanwhile (NoSuchUpload) counts as aborted.
pub fn abort_all(
    client: &Client,
    printer: &Printer,
    url: &RemoteUrl,
    min_age: Duration,
    mode: AbortAll,
) -> Batch {
    let batch = Batch::default();
    let now = Timestamp::now();
    for u in client.multipart_uploads(&url.bucket, &url.key) {
        if client.transport().cancelled() {
            batch.failed(crate::transfer::interrupted());
            break;
        }
        let u = match u {
            Ok(u) => u,
            Err(e) => {
                let err = anyhow::Error::new(e)
                    .context(format!("listing the multipart uploads of {url}"));
                let _ = report_abort(printer, url, "", Outcome::Failed(&err));
                batch.failed(err);
                break;
            }
        };
        if !min_age.is_zero() {
            let started = u.initiated.parse::<Timestamp>().ok();
            let old_enough = started
                .is_some_and(|t| now.duration_since(t).unsigned_abs() >= min_age && t <= now);
            if !old_enough {
                continue;
            }
        }
        let target = url.with_key(u.key.clone());
        if mode == AbortAll::Plan {
            batch.ok();
            let _ = report_abort(printer, &target, &u.upload_id, Outcome::Planned);
            continue;
        }
        match client.abort_multipart_upload(&url.bucket, &u.key, &u.upload_id) {
            Err(e) if !e.is_not_found() => {
                let err = anyhow::Error::new(e)
                    .context(format!("aborting upload {} of {target}", u.upload_id));
                let _ = report_abort(printer, &target, &u.upload_id, Outcome::Failed(&err));
                batch.failed(err);
            }
            _ => {
                batch.ok();
                if mode == AbortAll::Report {
                    let _ = report_abort(printer, &target, &u.upload_id, Outcome::Done);
                }
            }
        }
    }
    batch
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(key: &str) -> anyhow::Result<Deletion> {
        Ok(Deletion {
            key: key.to_string(),
            version: None,
        })
    }

    #[test]
    fn listings_are_cut_into_batches_of_a_thousand() {
        let items = (0..2500).map(|i| listed(&format!("k{i}")));
        let sizes: Vec<usize> = batches(items).map(|b| b.unwrap().len()).collect();
        assert_eq!(sizes, [1000, 1000, 500]);
        let with_error = vec![
            listed("a"),
            listed("b"),
            Err(anyhow::anyhow!("page 2 failed")),
        ];
        let got: Vec<Result<usize, String>> = batches(with_error.into_iter())
            .map(|b| b.map(|k| k.len()).map_err(|e| e.to_string()))
            .collect();
        assert_eq!(got, [Ok(2), Err("page 2 failed".to_string())]);
    }
}
