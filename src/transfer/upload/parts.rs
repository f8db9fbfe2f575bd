//! The bookkeeping of a multipart upload's parts: those found in place (`--continue`),
//! the results the workers record (the first error stops them all), and the list that
//! Complete is sent, with the ETag and CRC-64 it must answer with.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::checksum::{Algorithm, Checksum, ChecksumType};
use crate::client::PartChecksums;
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
    /// The flexible checksum the part was sent with.
    pub checksum: Option<Checksum>,
    /// Its length in bytes.
    pub len: u64,
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
    /// The flexible checksum each part carries.
    pub checksum: Option<Algorithm>,
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
        (upload_id, checksum): (&'a str, Option<Algorithm>),
        existing: &'a ExistingParts,
        count: u32,
        bar: &dyn Progress,
    ) -> Parts<'a> {
        Parts {
            upload_id,
            checksum,
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
    /// The parts' flexible checksums, and the whole object's when they combine into one.
    pub checksums: PartChecksums,
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
        let checksums = part_checksums(&done);
        Ok(Completion {
            list: done.into_iter().map(|(n, p)| (n, p.etag)).collect(),
            expected: multipart_etag(&md5s),
            crc,
            reused,
            checksums,
        })
    }
}

/// The flexible checksums of the parts, when every part has one, and the whole object's
/// CRC combined from them without reading anything again.
fn part_checksums(done: &[(u32, PartDone)]) -> PartChecksums {
    let Some(parts) = done
        .iter()
        .map(|(_, p)| p.checksum)
        .collect::<Option<Vec<Checksum>>>()
    else {
        return PartChecksums::default();
    };
    let full_object = match parts[0].algorithm().multipart_type() {
        ChecksumType::FullObject => done
            .iter()
            .zip(&parts)
            .skip(1)
            .try_fold(parts[0], |acc, ((_, p), c)| acc.combine(c, p.len)),
        ChecksumType::Composite => None,
    };
    PartChecksums { parts, full_object }
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
            checksum: None,
            len: data.len() as u64,
            reused: false,
        }
    }

    /// A part of `data` sent with a flexible checksum.
    fn checked(data: &[u8], algorithm: Algorithm) -> PartDone {
        PartDone {
            checksum: Some(algorithm.value_of(data)),
            ..sent(data)
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
        let parts = Parts::new(("id", None), &existing, 3, &NoProgress);
        parts.record(0, Ok(sent(b"a")));
        assert!(!parts.stopped());
        parts.record(2, Err(anyhow::anyhow!("the network is down")));
        assert!(parts.stopped());
        parts.record(1, Err(interrupted()));
        let err = parts.into_result().unwrap_err();
        assert_eq!(format!("{err:#}"), "part 3: the network is down");
        // An interruption is not any one part's.
        let parts = Parts::new(("id", None), &existing, 3, &NoProgress);
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
        assert_eq!(done.checksums, PartChecksums::default());
        let err = Completion::of(vec![Some(sent(&a)), None]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "part 2 is missing; the upload is not completed"
        );
        assert!(Completion::of(Vec::new()).is_err(), "no parts");
    }

    #[test]
    fn complete_gets_each_parts_checksum_and_the_crcs_whole_object_one() {
        let (a, b, c) = (vec![1u8; 300], vec![2u8; 300], vec![3u8; 17]);
        let whole = [a.as_slice(), &b, &c].concat();
        for algorithm in Algorithm::ALL {
            let parts = [&a, &b, &c].map(|d| Some(checked(d, algorithm)));
            let done = Completion::of(parts.to_vec()).unwrap();
            let each: Vec<Checksum> = [&a, &b, &c].map(|d| algorithm.value_of(d)).to_vec();
            assert_eq!(done.checksums.parts, each, "{}", algorithm.name());
            let full = match algorithm.multipart_type() {
                ChecksumType::FullObject => Some(algorithm.value_of(&whole)),
                ChecksumType::Composite => None,
            };
            assert_eq!(done.checksums.full_object, full, "{}", algorithm.name());
        }
        // A part without one (it cannot happen within one upload): none at all.
        let mixed = vec![Some(checked(&a, Algorithm::Crc32)), Some(sent(&b))];
        let done = Completion::of(mixed).unwrap();
        assert_eq!(done.checksums, PartChecksums::default());
    }
}
