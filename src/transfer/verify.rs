//! What a download is checked against, computed from the stored bytes as they arrive, in
//! one pass: the MD5 of a plain ETag, the composite ETag of a multipart upload whose part
//! size objcmd recorded, and the CRC-64 that OSS and KS3 send.

use md5::{Digest, Md5};

use super::{PART_SIZE_META, hex, multipart_etag};
use crate::client::{ObjectMeta, etag_is_md5};
use crate::crc64::Crc64;
use crate::error::IntegrityError;

/// A multipart ETag (`md5-of-part-md5s-N`) recomputed from parts of a known size.
struct Composite {
    part_size: u64,
    current: Md5,
    filled: u64,
    digests: Vec<[u8; 16]>,
}

/// The running sums of one part, computed by the worker that downloads it.
#[derive(Clone)]
pub struct PartSum {
    md5: Md5,
    crc: Option<Crc64>,
    len: u64,
}

impl PartSum {
    /// Feeds the part's next bytes.
    pub fn update(&mut self, data: &[u8]) {
        self.md5.update(data);
        if let Some(c) = self.crc.as_mut() {
            c.update(data);
        }
        self.len += data.len() as u64;
    }

    /// The part's digests.
    pub fn finish(self) -> PartDigest {
        PartDigest {
            md5: self.md5.finalize().into(),
            crc: self.crc.map(|c| c.value()),
            len: self.len,
        }
    }
}

/// The MD5, CRC-64 (when asked for) and length of one part.
#[derive(Clone, Copy, Debug)]
pub struct PartDigest {
    md5: [u8; 16],
    crc: Option<u64>,
    len: u64,
}

/// The running checks of one download.
pub struct Checks {
    object: String,
    etag: String,
    md5: Option<Md5>,
    composite: Option<Composite>,
    crc: Option<(Crc64, u64)>,
}

/// The part count of a multipart ETag, if it is one.
fn multipart_count(etag: &str) -> Option<u64> {
    let (md5, count) = etag.rsplit_once('-')?;
    (etag_is_md5(md5)).then_some(())?;
    count.parse().ok()
}

impl Checks {
    /// The checks an object's metadata allows. A multipart ETag without a recorded part
    /// size (another tool uploaded it) cannot be recomputed: `-v` says so.
    pub fn for_object(object: &str, meta: &ObjectMeta) -> Checks {
        let md5 = etag_is_md5(&meta.etag).then(Md5::new);
        let mut composite = None;
        if let Some(count) = multipart_count(&meta.etag) {
            let part_size = meta
                .metadata
                .get(PART_SIZE_META)
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|p| *p > 0);
            match part_size {
                Some(p) if meta.size.div_ceil(p) == count => {
                    composite = Some(Composite {
                        part_size: p,
                        current: Md5::new(),
                        filled: 0,
                        digests: Vec::new(),
                    });
                }
                _ => log::info!(
                    "{object}: the multipart ETag {:?} cannot be recomputed (the part size was not recorded by objcmd); the download is checked by size{}",
                    meta.etag,
                    if meta.crc64.is_some() {
                        " and CRC-64"
                    } else {
                        ""
                    }
                ),
            }
        } else if md5.is_none() {
            log::info!(
                "{object}: the ETag {:?} is not an MD5; the download is checked by size{}",
                meta.etag,
                if meta.crc64.is_some() {
                    " and CRC-64"
                } else {
                    ""
                }
            );
        }
        Checks {
            object: object.to_string(),
            etag: meta.etag.clone(),
            md5,
            composite,
            crc: meta.crc64.map(|c| (Crc64::new(), c)),
        }
    }

    /// The part size to download in, when the multipart ETag can be recomputed: each
    /// chunk is then one part, which its worker hashes on the way ([`PartSum`]), so the
    /// MD5s of a large object are computed in parallel rather than by one thread.
    pub fn part_size(&self) -> Option<u64> {
        self.composite.as_ref().map(|c| c.part_size)
    }

    /// A hasher for one part of [`Checks::part_size`].
    pub fn part_sum(&self) -> PartSum {
        PartSum {
            md5: Md5::new(),
            crc: self.crc.as_ref().map(|_| Crc64::new()),
            len: 0,
        }
    }

    /// Checks the sums of every part, in order, made by [`PartSum`]s.
    pub fn finish_parts(mut self, sums: Vec<PartDigest>) -> anyhow::Result<bool> {
        // The parts' sums stand in for the running ones; `finish` compares as usual.
        if let Some((running, _)) = self.crc.as_mut() {
            let whole = sums
                .iter()
                .try_fold(0, |acc, s| Some(crate::crc64::combine(acc, s.crc?, s.len)));
            *running = Crc64::resume(
                whole.ok_or_else(|| anyhow::anyhow!("a part was hashed without its CRC-64"))?,
            );
        }
        if let Some(c) = self.composite.as_mut() {
            c.digests = sums.iter().map(|s| s.md5).collect();
        }
        self.finish()
    }

    /// True when there is anything to compute.
    pub fn any(&self) -> bool {
        self.md5.is_some() || self.composite.is_some() || self.crc.is_some()
    }

    /// Feeds the next bytes of the object, in order.
    pub fn update(&mut self, mut data: &[u8]) {
        if let Some(h) = self.md5.as_mut() {
            h.update(data);
        }
        if let Some((crc, _)) = self.crc.as_mut() {
            crc.update(data);
        }
        if let Some(c) = self.composite.as_mut() {
            while !data.is_empty() {
                let n = ((c.part_size - c.filled) as usize).min(data.len());
                c.current.update(&data[..n]);
                c.filled += n as u64;
                data = &data[n..];
                if c.filled == c.part_size {
                    let done = std::mem::replace(&mut c.current, Md5::new());
                    c.digests.push(done.finalize().into());
                    c.filled = 0;
                }
            }
        }
    }

    /// Compares what was computed with what the server said. `Ok(true)` when the content
    /// was verified (not only its size).
    pub fn finish(self) -> anyhow::Result<bool> {
        // `what` is computed here and compared with the object's `theirs`.
        let mismatch = |what: &str, got: String, theirs: &str, expected: &str| {
            anyhow::Error::new(IntegrityError(format!(
                "{}: the {what} of the downloaded data ({got}) does not match the object's {theirs} ({expected})",
                self.object
            )))
        };
        let mut verified = false;
        if let Some((crc, expected)) = self.crc {
            let got = crc.value();
            if got != expected {
                return Err(mismatch(
                    "CRC-64",
                    got.to_string(),
                    "CRC-64",
                    &expected.to_string(),
                ));
            }
            verified = true;
        }
        if let Some(h) = self.md5 {
            let got = hex(&h.finalize());
            if !got.eq_ignore_ascii_case(&self.etag) {
                return Err(mismatch("MD5", got, "ETag", &self.etag));
            }
            log::info!("{}: verified against its ETag (MD5)", self.object);
            verified = true;
        }
        if let Some(mut c) = self.composite {
            if c.filled > 0 {
                c.digests.push(c.current.finalize().into());
            }
            let got = multipart_etag(&c.digests);
            if !got.eq_ignore_ascii_case(&self.etag) {
                return Err(mismatch("multipart ETag", got, "ETag", &self.etag));
            }
            log::info!(
                "{}: verified against its multipart ETag (recomputed from parts of {} bytes)",
                self.object,
                c.part_size
            );
            verified = true;
        }
        Ok(verified)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(etag: String, size: u64, part_size: Option<u64>, crc: Option<u64>) -> ObjectMeta {
        let mut m = ObjectMeta {
            etag,
            size,
            crc64: crc,
            ..ObjectMeta::default()
        };
        if let Some(p) = part_size {
            m.metadata.insert(PART_SIZE_META.to_string(), p.to_string());
        }
        m
    }

    fn run(meta: &ObjectMeta, data: &[u8], piece: usize) -> anyhow::Result<bool> {
        let mut checks = Checks::for_object("k", meta);
        for chunk in data.chunks(piece) {
            checks.update(chunk);
        }
        checks.finish()
    }

    #[test]
    fn plain_and_composite_etags_and_crcs_are_recomputed() {
        let data: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        let md5 = hex(&Md5::digest(&data));
        let parts: Vec<[u8; 16]> = data.chunks(4096).map(|c| Md5::digest(c).into()).collect();
        let composite = multipart_etag(&parts);
        let crc = crate::crc64::checksum(&data);
        for piece in [1, 100, 4096, 5000, 10_000] {
            assert!(run(&meta(md5.clone(), 10_000, None, None), &data, piece).unwrap());
            assert!(
                run(
                    &meta(composite.clone(), 10_000, Some(4096), None),
                    &data,
                    piece
                )
                .unwrap()
            );
            assert!(run(&meta("x-3".into(), 10_000, None, Some(crc)), &data, piece).unwrap());
        }
        let mut damaged = data.clone();
        damaged[5000] ^= 1;
        for m in [
            meta(md5, 10_000, None, None),
            meta(composite.clone(), 10_000, Some(4096), None),
            meta("x-3".into(), 10_000, None, Some(crc)),
        ] {
            let err = run(&m, &damaged, 777).unwrap_err();
            assert!(err.chain().any(|c| c.is::<IntegrityError>()), "{err}");
        }
        // Part by part, as the download workers hash them.
        let by_parts = |data: &[u8], m: &ObjectMeta| {
            let checks = Checks::for_object("k", m);
            let digests = data
                .chunks(checks.part_size().unwrap() as usize)
                .map(|part| {
                    let mut sum = checks.part_sum();
                    sum.update(part);
                    sum.finish()
                })
                .collect();
            checks.finish_parts(digests)
        };
        let m = meta(composite.clone(), 10_000, Some(4096), Some(crc));
        assert!(by_parts(&data, &m).unwrap());
        assert!(by_parts(&damaged, &m).is_err());
        let m = meta(composite.clone(), 10_000, Some(4096), Some(crc ^ 1));
        assert!(by_parts(&data, &m).is_err());
        // A part size that does not give the ETag's part count: size only.
        assert!(
            !run(
                &meta(composite.clone(), 10_000, Some(5000), None),
                &damaged,
                10
            )
            .unwrap()
        );
        assert!(!run(&meta(composite, 10_000, None, None), &damaged, 10).unwrap());
    }
}
