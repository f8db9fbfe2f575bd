//! `objcmd rm`: delete objects; with `-r`, everything under a prefix, 1,000 keys per
//! DeleteObjects request as the listing pages arrive.

use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context as _;

use super::tree::{self, Ctx};
use super::{Batch, Status, TransferRecord, report};
use crate::address::RemoteUrl;
use crate::cli::RmArgs;
use crate::client::batch::{MAX_DELETE_KEYS, lacks_batch_delete};
use crate::client::{self, ServiceError};
use crate::error::usage;
use crate::exit::{self, ExitStatus};
use crate::filter::{Filter, Selection};
use crate::pool;
use crate::walk;

/// Deletes batches of keys of one bucket, reporting every key.
struct Deleter<'a> {
    ctx: Ctx<'a>,
    url: &'a RemoteUrl,
    dry_run: bool,
    /// Report failures only (rb --force).
    quiet: bool,
    /// Set once the server has shown it has no DeleteObjects: single deletes from then on.
    single: AtomicBool,
    batch: Batch,
}

impl Deleter<'_> {
    fn record<'r>(&self, key_url: &'r str, status: Status) -> TransferRecord<'r> {
        TransferRecord {
            op: "delete",
            src: key_url,
            dst: None,
            size: None,
            status,
            note: None,
        }
    }

    fn ok(&self, key: &str) {
        self.batch.ok();
        if self.quiet {
            return;
        }
        let url = self.url.with_key(key.to_string()).to_string();
        let status = if self.dry_run {
            Status::Planned
        } else {
            Status::Ok
        };
        let _ = report(self.ctx.printer, &self.record(&url, status), None);
    }

    fn fail(&self, key: &str, err: anyhow::Error) {
        let url = self.url.with_key(key.to_string()).to_string();
        let err = err.context(format!("deleting {url}"));
        self.batch
            .report_failure(self.ctx.printer, &self.record(&url, Status::Error), err);
    }

    fn delete_one(&self, key: &str) {
        match self.ctx.client.delete_object(&self.url.bucket, key) {
            Ok(()) => self.ok(key),
            Err(e) => self.fail(key, e.into()),
        }
    }

    /// Deletes up to 1,000 keys: one DeleteObjects request, or single deletes where the
    /// server lacks it or a key cannot be written in XML.
    fn delete(&self, keys: Vec<String>) {
        if self.dry_run {
            keys.iter().for_each(|k| self.ok(k));
            return;
        }
        let (batchable, odd): (Vec<&str>, Vec<&str>) = keys
            .iter()
            .map(String::as_str)
            .partition(|k| client::xml::is_xml_safe(k));
        odd.iter().for_each(|k| self.delete_one(k));
        if batchable.is_empty() {
            return;
        }
        if self.single.load(Ordering::Relaxed) {
            batchable.iter().for_each(|k| self.delete_one(k));
            return;
        }
        match self.ctx.client.delete_objects(&self.url.bucket, &batchable) {
            Ok(errors) => {
                for key in &batchable {
                    match errors.iter().find(|e| e.key == *key) {
                        None => self.ok(key),
                        Some(e) => {
                            let mut fields = std::collections::BTreeMap::new();
                            fields.insert("Code".to_string(), e.code.clone());
                            fields.insert("Message".to_string(), e.message.clone());
                            let err = ServiceError::from_error_body(
                                fields,
                                None,
                                "POST",
                                format!("/{}/{key}", self.url.bucket),
                            );
                            self.fail(key, client::Error::from(err).into());
                        }
                    }
                }
            }
            Err(e) if lacks_batch_delete(&e) => {
                log::info!("the server has no DeleteObjects ({e}); deleting one key at a time");
                self.single.store(true, Ordering::Relaxed);
                batchable.iter().for_each(|k| self.delete_one(k));
            }
            Err(e) => {
                let e = anyhow::Error::new(e);
                let interrupted = exit::status_of(&e) == ExitStatus::Interrupted;
                for key in &batchable {
                    if interrupted {
                        self.batch.failed(crate::transfer::interrupted());
                    } else {
                        self.fail(
                            key,
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
}

/// Groups a listing into batches of up to 1,000 keys, one page at a time: memory holds a
/// page, not the listing.
fn batches<'a>(
    items: impl Iterator<Item = anyhow::Result<tree::Listed>> + 'a,
) -> impl Iterator<Item = anyhow::Result<Vec<String>>> + 'a {
    let mut items = items.peekable();
    std::iter::from_fn(move || {
        let mut keys = Vec::new();
        while keys.len() < MAX_DELETE_KEYS {
            match items.peek() {
                None => break,
                Some(Err(_)) if !keys.is_empty() => break,
                Some(_) => match items.next()? {
                    Ok(listed) => keys.push(listed.object.key),
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
/// [`TreeDelete::Plan`] only lists it. Returns the batch's result and the number of keys
/// deleted (or planned).
pub fn rm_tree(
    ctx: Ctx<'_>,
    url: &RemoteUrl,
    filter: &Filter,
    mode: TreeDelete,
) -> (anyhow::Result<ExitStatus>, usize) {
    let prefix = walk::as_prefix(&url.key);
    let deleter = Deleter {
        ctx,
        url,
        dry_run: mode == TreeDelete::Plan,
        quiet: mode == TreeDelete::Quiet,
        single: AtomicBool::new(false),
        batch: Batch::default(),
    };
    let items = batches(tree::listing(ctx.client, url, &prefix, filter));
    let cancel = &ctx.client.transport().config().cancel;
    let prefix_url = url.with_key(prefix.clone()).to_string();
    pool::run(ctx.tuning.jobs.min(8), items, cancel, |item| match item {
        Ok(keys) => deleter.delete(keys),
        Err(e) => {
            let rec = deleter.record(&prefix_url, Status::Error);
            deleter.batch.report_failure(ctx.printer, &rec, e);
        }
    });
    let (done, _) = deleter.batch.counts();
    (deleter.batch.finish(), done)
}

/// Runs `rm`. Deleting a key that does not exist succeeds, as it does in S3 itself.
pub fn run(args: &RmArgs, ctx: Ctx<'_>) -> anyhow::Result<ExitStatus> {
    let Ctx {
        client,
        printer,
        tuning: _,
        ..
    } = ctx;
    let filter = super::put::filter(&args.filter, args.recursive, Selection::RmDeletes, printer)?;
    // Every URL is checked before anything is deleted.
    let mut urls = Vec::new();
    for arg in &args.urls {
        let url = RemoteUrl::parse_required(arg)?;
        if args.recursive {
            urls.push(url);
            continue;
        }
        url.object_key(client.dialect())?;
        if url.is_prefix() {
            return Err(usage(format!(
                "{url} names a prefix, not an object: add -r to delete everything under it"
            )));
        }
        urls.push(url);
    }
    if args.recursive {
        let mut worst = ExitStatus::Success;
        let mut last_error = None;
        for url in &urls {
            let mode = if args.dry_run {
                TreeDelete::Plan
            } else {
                TreeDelete::Report
            };
            let (result, done) = rm_tree(ctx, url, &filter, mode);
            if done == 0 && result.is_ok() {
                let prefix = url.with_key(walk::as_prefix(&url.key));
                printer.info(&format!("nothing to delete under {prefix}"));
            }
            match result {
                Ok(_) => {}
                Err(e) if exit::status_of(&e) == ExitStatus::Interrupted => return Err(e),
                Err(e) => {
                    worst = worst.max(exit::status_of(&e));
                    last_error = Some(e);
                }
            }
        }
        return match last_error {
            Some(e) => Err(e),
            None => Ok(worst),
        };
    }
    let batch = Batch::default();
    for url in &urls {
        let text = url.to_string();
        let mut rec = TransferRecord {
            op: "delete",
            src: &text,
            dst: None,
            size: None,
            status: Status::Planned,
            note: None,
        };
        if args.dry_run {
            report(printer, &rec, None)?;
            continue;
        }
        let result = client
            .delete_object(&url.bucket, &url.key)
            .with_context(|| format!("deleting {url}"));
        match result {
            Ok(()) => {
                rec.status = Status::Ok;
                report(printer, &rec, None)?;
                batch.ok();
            }
            Err(e) if urls.len() == 1 || exit::status_of(&e) == ExitStatus::Interrupted => {
                return Err(e);
            }
            Err(e) => batch.report_failure(printer, &rec, e),
        }
    }
    batch.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::ObjectInfo;

    fn listed(key: &str) -> anyhow::Result<tree::Listed> {
        Ok(tree::Listed {
            object: ObjectInfo {
                key: key.to_string(),
                size: 0,
                last_modified: None,
                etag: String::new(),
                storage_class: String::new(),
            },
            rel: key.to_string(),
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
