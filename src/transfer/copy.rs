//! Server-side copies of objects above the CopyObject limit: a multipart upload whose parts
//! are UploadPartCopy ranges of the source, sent by parallel workers. No byte passes
//! through this machine.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use crate::client::{Client, MetadataDirective, Overwrite, PartChecksums, PutOptions};
use crate::transfer::{Layout, Tuning, expected_multipart_etag, interrupted};

/// Copies `size` bytes of `source` to `target` in parts. With the COPY directive the
/// source's type and metadata are read first, since a new multipart upload does not
/// inherit them.
pub fn multipart_copy(
    client: &Client,
    source: (&str, &str),
    target: (&str, &str),
    size: u64,
    directive: MetadataDirective,
    options: &PutOptions,
    tuning: Tuning,
) -> anyhow::Result<String> {
    let layout = Layout::new(size, tuning.part_size);
    let options = copy_options(client, source, directive, options, layout)?;
    let upload_id = client.initiate_multipart_upload(target.0, target.1, &options)?;
    let copy = PartCopy {
        client,
        source,
        target,
        upload_id: &upload_id,
        layout,
        overwrite: options.overwrite,
    };
    let result = copy
        .run(tuning.part_jobs)
        .and_then(|parts| copy.complete(&parts));
    if result.is_err()
        && let Err(e) = client.abort_multipart_upload(target.0, target.1, &upload_id)
    {
        log::warn!("could not abort the copy's upload {upload_id}: {e}");
    }
    result
}

/// The options the copy's upload is initiated with: the source's type and metadata with
/// the COPY directive, and the part size it is copied in.
fn copy_options(
    client: &Client,
    source: (&str, &str),
    directive: MetadataDirective,
    options: &PutOptions,
    layout: Layout,
) -> anyhow::Result<PutOptions> {
    let mut options = options.clone();
    if directive == MetadataDirective::Copy {
        let meta = client.head_copy_source(source.0, source.1)?;
        options.content_type = meta.content_type;
        options.metadata = meta.metadata.into_iter().collect();
    }
    // The copy's ETag follows its own parts, not the source's: record their size, so that
    // `sync --checksum` can recompute it from a local file.
    options.metadata.retain(|(k, _)| k != super::PART_SIZE_META);
    options.metadata.push((
        super::PART_SIZE_META.to_string(),
        layout.part_size.to_string(),
    ));
    Ok(options)
}

/// A multipart upload whose parts are copied from the source.
struct PartCopy<'a> {
    client: &'a Client,
    source: (&'a str, &'a str),
    target: (&'a str, &'a str),
    upload_id: &'a str,
    layout: Layout,
    /// `--no-clobber`: Complete carries the conditional header (Initiate does too, where
    /// the dialect has one for it).
    overwrite: Overwrite,
}

impl PartCopy<'_> {
    /// Copies every part with `part_jobs` workers; returns `(part number, ETag)` in order,
    /// or the first error (which stops the workers).
    fn run(&self, part_jobs: usize) -> anyhow::Result<Vec<(u32, String)>> {
        let count = self.layout.count();
        let next = AtomicU32::new(0);
        let stop = AtomicBool::new(false);
        let etags = Mutex::new(vec![None; count as usize]);
        let error = Mutex::new(None);
        let fail = |e: anyhow::Error| {
            stop.store(true, Ordering::SeqCst);
            error
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert(e);
        };
        std::thread::scope(|scope| {
            for _ in 0..part_jobs.clamp(1, count as usize) {
                scope.spawn(|| {
                    while !stop.load(Ordering::SeqCst) {
                        let index = next.fetch_add(1, Ordering::SeqCst);
                        if index >= count {
                            break;
                        }
                        if self.client.transport().cancelled() {
                            fail(interrupted());
                            break;
                        }
                        match self.copy_part(index) {
                            Ok(etag) => {
                                etags.lock().unwrap_or_else(|e| e.into_inner())[index as usize] =
                                    Some(etag);
                            }
                            Err(e) => fail(e),
                        }
                    }
                });
            }
        });
        if let Some(e) = error.into_inner().unwrap_or_else(|e| e.into_inner()) {
            return Err(e);
        }
        etags
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .enumerate()
            .map(|(i, e)| e.map(|e| (i as u32 + 1, e)))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| anyhow::anyhow!("a part is missing; the copy is not completed"))
    }

    /// Copies part `index` (0-based); returns its ETag.
    fn copy_part(&self, index: u32) -> anyhow::Result<String> {
        let (offset, len) = self.layout.part(index);
        let range = (offset, offset + len - 1);
        self.client
            .upload_part_copy(self.source, self.target, self.upload_id, index + 1, range)
            .map_err(|e| anyhow::Error::new(e).context(format!("part {}", index + 1)))
    }

    /// Completes the copy's upload; returns the object's ETag.
    fn complete(&self, parts: &[(u32, String)]) -> anyhow::Result<String> {
        // With it, a retried Complete that finds the upload gone can prove by a HEAD that
        // an earlier attempt completed it.
        let expected = expected_multipart_etag(parts);
        let done = self.client.complete_multipart_upload(
            self.target,
            self.upload_id,
            parts,
            &PartChecksums::default(),
            (expected.as_deref(), self.overwrite),
        )?;
        Ok(done.etag)
    }
}
