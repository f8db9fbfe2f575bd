//! The bookkeeping of a multipart upload's parts: those found in place (`--continue`),
//! the results the workers record (the first error stops them all), and the list that
//! Complete is sent, with the ETag and CRC-64 it must answer with.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::transfer::progress::{PartsProgress, Progress};
use crate::transfer::{hex, is_interrupted, multipart_etag};

/// Parts already uploaded, by number: size and ETag.
pub(super) type ExistingParts = HashMap<u32, (u64, String)>;

/// A part that is in place.
#[derive(Clone, Debug)]
pub(super) struct PartDone {
    pub etag: String,
    pub md5: [u8; 16],
    /// CRC-64 and length of the part, for dialects that return the object's CRC-64.
    pub crc: Option<(u64, u64)>,
    /// Found in place by `--continue`, not sent.
    pub reused: bool,
}

/// The ETag of part `number` when it is in place already with this very content (`len`
/// bytes whose MD5 is `md5`): then it is not sent again.
pub(super) fn in_place<'e>(
    existing: &'e ExistingParts,
    number: u32,
    len: u64,
    md5: &[u8; 16],
) -> Option<&'e str> {
    match existing.get(&number) {
        Some((size, etag)) if *size == len && etag.eq_ignore_ascii_case(&hex(md5)) => Some(etag),
        _ => None,
    }
}

/// The parts of a multipart upload being sent by the workers.
pub(super) struct Parts<'a> {
    /// The upload.
    pub upload_id: &'a str,
    /// What `--continue` found in place.
    pub existing: &'a ExistingParts,
    /// The bytes done, of all the workers.
    pub progress: PartsProgress,
    results: Mutex<Vec<Option<PartDone>>>,
    stop: AtomicBool,
    error: Mutex<Option<anyhow::Error>>,
}

impl<'a> Parts<'a> {
    /// Room for `count` parts of the upload `upload_id`.
    pub(super) fn new(
        upload_id: &'a str,
        existing: &'a ExistingParts,
        count: u32,
        bar: &dyn Progress,
    ) -> Parts<'a> {
        Parts {
            upload_id,
            existing,
            progress: PartsProgress::new(bar),
            results: Mutex::new(vec![None; count as usize]),
            stop: AtomicBool::new(false),
            error: Mutex::new(None),
        }
    }

    /// True once a part failed: the workers take no more.
    pub(super) fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// Records what became of part `index` (0-based). The first error stops the upload and
    /// is the one reported, named by its part unless it is an interruption.
    pub(super) fn record(&self, index: u32, result: anyhow::Result<PartDone>) {
        match result {
            Ok(done) => {
                self.results.lock().unwrap_or_else(|e| e.into_inner())[index as usize] = Some(done);
            }
            Err(e) => {
                self.stop.store(true, Ordering::SeqCst);
                let mut slot = self.error.lock().unwrap_or_else(|e| e.into_inner());
                // The first error is the cause; later ones are usually its echo (interrupts).
                // An interruption stops every part alike: naming one adds nothing.
                if slot.is_none() {
                    *slot = Some(match is_interrupted(&e) {
                        true => e,
                        false => e.context(format!("part {}", index + 1)),
                    });
                }
            }
        }
    }

    /// The parts' results, or the first error.
    pub(super) fn into_result(self) -> anyhow::Result<Vec<Option<PartDone>>> {
        match self.error.into_inner().unwrap_or_else(|e| e.into_inner()) {
            Some(e) => Err(e),
            None => Ok(self.results.into_inner().unwrap_or_else(|e| e.into_inner())),
        }
    }
}

/// What Complete is sent, and what it must answer.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Completion {
    /// `(part number, ETag)`, in order.
    pub list: Vec<(u32, String)>,
    /// The multipart ETag of the parts' MD5s.
    pub expected: String,
    /// The whole object's CRC-64, combined from the parts' (§8) without reading anything
    /// again, when every part has one.
    pub crc: Option<u64>,
    /// How many parts `--continue` found in place.
    pub reused: u32,
}

impl Completion {
    /// The completion of `results` (part 1 first), which must all be in place.
    pub(super) fn of(results: Vec<Option<PartDone>>) -> anyhow::Result<Completion> {
        let mut done = Vec::with_capacity(results.len());
        for (index, part) in results.into_iter().enumerate() {
            let part = part.ok_or_else(|| {
                anyhow::anyhow!("part {} is missing; the upload is not completed", index + 1)
            })?;
            done.push((index as u32 + 1, part));
        }
        if done.is_empty() {
            anyhow::bail!("no parts were uploaded; the upload is not completed");
        }
        let reused = done.iter().filter(|(_, p)| p.reused).count() as u32;
        let md5s: Vec<[u8; 16]> = done.iter().map(|(_, p)| p.md5).collect();
        let crc = done.iter().try_fold(0u64, |acc, (_, p)| {
            p.crc.map(|(crc, len)| crate::crc64::combine(acc, crc, len))
        });
        Ok(Completion {
            list: done.into_iter().map(|(n, p)| (n, p.etag)).collect(),
            expected: multipart_etag(&md5s),
            crc,
            reused,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::{NoProgress, interrupted};
    use md5::{Digest, Md5};

    /// A part of `data` that was sent.
    fn sent(data: &[u8]) -> PartDone {
        let md5: [u8; 16] = Md5::digest(data).into();
        PartDone {
            etag: format!("\"{}\"", hex(&md5)),
            md5,
            crc: Some((crate::crc64::checksum(data), data.len() as u64)),
            reused: false,
        }
    }

    /// A part of `data` that `--continue` found in place.
    fn reused(data: &[u8]) -> PartDone {
        PartDone {
            reused: true,
            ..sent(data)
        }
    }

    #[test]
    fn a_part_in_place_is_reused_only_with_the_same_content() {
        let md5 = [3u8; 16];
        let existing: ExistingParts = HashMap::from([
            (2, (100, hex(&md5).to_uppercase())),
            (3, (100, hex(&[4u8; 16]))),
        ]);
        assert_eq!(
            in_place(&existing, 2, 100, &md5),
            Some(hex(&md5).to_uppercase().as_str())
        );
        assert_eq!(in_place(&existing, 2, 99, &md5), None, "another length");
        assert_eq!(in_place(&existing, 3, 100, &md5), None, "another content");
        assert_eq!(in_place(&existing, 1, 100, &md5), None, "not uploaded");
    }

    #[test]
    fn the_first_error_stops_the_parts_and_names_its_part() {
        let existing = ExistingParts::new();
        let parts = Parts::new("id", &existing, 3, &NoProgress);
        parts.record(0, Ok(sent(b"a")));
        assert!(!parts.stopped());
        parts.record(2, Err(anyhow::anyhow!("the network is down")));
        assert!(parts.stopped());
        parts.record(1, Err(interrupted()));
        let err = parts.into_result().unwrap_err();
        assert_eq!(format!("{err:#}"), "part 3: the network is down");
        // An interruption is not any one part's.
        let parts = Parts::new("id", &existing, 3, &NoProgress);
        parts.record(1, Err(interrupted()));
        let err = parts.into_result().unwrap_err();
        assert!(is_interrupted(&err));
        assert_eq!(format!("{err:#}"), "interrupted");
    }

    #[test]
    fn complete_gets_every_part_in_order_with_the_etag_and_crc_it_must_answer() {
        let (a, b) = (vec![1u8; 300], vec![2u8; 100]);
        let done = Completion::of(vec![Some(reused(&a)), Some(sent(&b))]).unwrap();
        assert_eq!(done.list, [(1, reused(&a).etag), (2, sent(&b).etag)]);
        assert_eq!(
            done.expected,
            multipart_etag(&[reused(&a).md5, sent(&b).md5])
        );
        let whole = [a.as_slice(), b.as_slice()].concat();
        assert_eq!(done.crc, Some(crate::crc64::checksum(&whole)));
        assert_eq!(done.reused, 1);
        // A part without a CRC-64 (a dialect that sends none): no object CRC to check.
        let mut plain = sent(&b);
        plain.crc = None;
        let done = Completion::of(vec![Some(sent(&a)), Some(plain)]).unwrap();
        assert_eq!(done.crc, None);
        let err = Completion::of(vec![Some(sent(&a)), None]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "part 2 is missing; the upload is not completed"
        );
        assert!(Completion::of(Vec::new()).is_err(), "no parts");
    }
}
