//! Server-side copies of objects above the CopyObject limit: a multipart upload whose parts
//! are UploadPartCopy ranges of the source, sent by parallel workers. No byte passes
//! through this machine.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use crate::client::{Client, MetadataDirective, PutOptions};
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
    let mut options = options.clone();
    if directive == MetadataDirective::Copy {
        let meta = client.head_object(source.0, source.1)?;
        options.content_type = meta.content_type;
        options.metadata = meta.metadata.into_iter().collect();
    }
    let layout = Layout::new(size, tuning.part_size);
    // The copy's ETag follows its own parts, not the source's: record their size, so that
    // `sync --checksum` can recompute it from a local file.
    options.metadata.retain(|(k, _)| k != super::PART_SIZE_META);
    options.metadata.push((
        super::PART_SIZE_META.to_string(),
        layout.part_size.to_string(),
    ));
    let upload_id = client.initiate_multipart_upload(target.0, target.1, &options)?;
    let count = layout.count();
    let next = AtomicU32::new(0);
    let stop = AtomicBool::new(false);
    let etags = Mutex::new(vec![None; count as usize]);
    let error = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..tuning.part_jobs.clamp(1, count as usize) {
            scope.spawn(|| {
                while !stop.load(Ordering::SeqCst) {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    if index >= count {
                        break;
                    }
                    if client.transport().cancelled() {
                        stop.store(true, Ordering::SeqCst);
                        error
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .get_or_insert(interrupted());
                        break;
                    }
                    let (offset, len) = layout.part(index);
                    let range = (offset, offset + len - 1);
                    match client.upload_part_copy(source, target, &upload_id, index + 1, range) {
                        Ok(etag) => {
                            etags.lock().unwrap_or_else(|e| e.into_inner())[index as usize] =
                                Some(etag);
                        }
                        Err(e) => {
                            stop.store(true, Ordering::SeqCst);
                            error
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .get_or_insert(
                                    anyhow::Error::new(e).context(format!("part {}", index + 1)),
                                );
                        }
                    }
                }
            });
        }
    });
    let result = match error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        Some(e) => Err(e),
        None => {
            let parts: Option<Vec<(u32, String)>> = etags
                .into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .into_iter()
                .enumerate()
                .map(|(i, e)| e.map(|e| (i as u32 + 1, e)))
                .collect();
            match parts {
                Some(parts) => {
                    // With it, a retried Complete that finds the upload gone can prove by a
                    // HEAD that an earlier attempt completed it.
                    let expected = expected_multipart_etag(&parts);
                    client
                        .complete_multipart_upload(
                            target.0,
                            target.1,
                            &upload_id,
                            &parts,
                            expected.as_deref(),
                        )
                        .map(|done| done.etag)
                        .map_err(Into::into)
                }
                None => Err(anyhow::anyhow!(
                    "a part is missing; the copy is not completed"
                )),
            }
        }
    };
    if result.is_err()
        && let Err(e) = client.abort_multipart_upload(target.0, target.1, &upload_id)
    {
        log::warn!("could not abort the copy's upload {upload_id}: {e}");
    }
    result
}
