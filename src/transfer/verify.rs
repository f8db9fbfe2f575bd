//! What a download is checked against, computed from the stored bytes as they arrive, in
//! one pass: the MD5 of a plain ETag, the composite ETag of a multipart upload whose part
//! size objcmd recorded, the CRC-64 that OSS and KS3 send, and the flexible checksum S3
//! stores (`flexible`: over the whole object, or composite over its parts).

mod flexible;

use md5::{Digest, Md5, Md5Many, Md5State};

pub use self::flexible::Flexible;
use super::{PART_SIZE_META, hex, multipart_etag};
use crate::checksum::{Algorithm, Checksum, Hasher};
use crate::client::{Client, ObjectMeta, etag_is_md5};
use crate::crc64::Crc64;
use crate::error::IntegrityError;

/// A multipart ETag (`md5-of-part-md5s-N`) recomputed from parts of a known size.
struct Composite {
    part_size: u64,
    current: Md5,
    filled: u64,
    digests: Vec<[u8; 16]>,
}

/// The running sums of several parts at once: their MD5s share the SIMD lanes of one
/// engine (8 or 16 streams hash 3-6x faster than one: docs/benchmarks.md), their CRC-64s
/// are kept one by one.
pub struct PartLanes {
    engine: Md5Many,
    md5: Vec<Md5State>,
    crc: Vec<Option<Crc64>>,
    flexible: Vec<Option<Hasher>>,
    len: Vec<u64>,
    with_crc: bool,
    with_flexible: Option<Algorithm>,
}

impl PartLanes {
    /// Empties lane `lane` for a new part.
    pub fn begin(&mut self, lane: usize) {
        self.md5[lane] = Md5State::new();
        self.crc[lane] = self.with_crc.then(Crc64::new);
        self.flexible[lane] = self.with_flexible.map(Algorithm::hasher);
        self.len[lane] = 0;
    }

    /// Feeds each lane its part's next bytes (`inputs[lane]`, empty for a lane that has
    /// none now).
    pub fn update(&mut self, inputs: &[&[u8]]) {
        // The engine runs whole SIMD widths only for inputs of one length with no lane
        // idle (16 lanes: 5.4 GB/s; 16 with 4 empty: 2.8; 1 to 7 lanes take a general path
        // slower than scalar MD5): lanes are fed in groups of one length.
        let mut lengths: Vec<usize> = inputs.iter().map(|i| i.len()).filter(|n| *n > 0).collect();
        lengths.sort_unstable();
        lengths.dedup();
        for len in lengths {
            let group: Vec<usize> = (0..inputs.len())
                .filter(|lane| inputs[*lane].len() == len)
                .collect();
            let mut rest = &group[..];
            while !rest.is_empty() {
                let take = match rest.len() {
                    16.. => 16,
                    n => n.min(8),
                };
                let (batch, more) = rest.split_at(take);
                self.update_batch(batch, inputs);
                rest = more;
            }
        }
        for (lane, data) in inputs.iter().enumerate() {
            if let Some(c) = self.crc[lane].as_mut() {
                c.update(data);
            }
            if let Some(h) = self.flexible[lane].as_mut() {
                h.update(data);
            }
            self.len[lane] += data.len() as u64;
        }
    }

    /// Feeds `batch` lanes inputs of one length through the engine: 16 or 8 lanes at once;
    /// 3 to 7 padded to 8 with throw-away lanes (8 lanes cost less than 3 scalar MD5s; the
    /// engine's own path for them is slower than scalar), 1 or 2 one by one.
    fn update_batch(&mut self, batch: &[usize], inputs: &[&[u8]]) {
        if batch.len() < 3 {
            for lane in batch {
                self.md5[*lane].update(inputs[*lane]);
            }
            return;
        }
        let width = if batch.len() > 8 { 16 } else { 8 };
        let mut states: Vec<Md5State> = batch.iter().map(|l| self.md5[*l]).collect();
        let mut data: Vec<&[u8]> = batch.iter().map(|l| inputs[*l]).collect();
        states.resize(width, Md5State::new());
        data.resize(width, data[0]);
        self.engine.update_many(&mut states, &data);
        for (lane, state) in batch.iter().zip(states) {
            self.md5[*lane] = state;
        }
    }

    /// The digests of the part in lane `lane`; its flexible checksum is taken, so this is
    /// called once per part.
    pub fn finish(&mut self, lane: usize) -> PartDigest {
        PartDigest {
            md5: self.md5[lane].finalize(),
            crc: self.crc[lane].as_ref().map(|c| c.value()),
            checksum: self.flexible[lane].take().map(Hasher::finish_value),
            len: self.len[lane],
        }
    }
}

/// The MD5, CRC-64 and flexible checksum (when asked for) and length of one part.
#[derive(Clone, Copy, Debug)]
pub struct PartDigest {
    md5: [u8; 16],
    crc: Option<u64>,
    checksum: Option<Checksum>,
    len: u64,
}

/// The running checks of one download.
pub struct Checks {
    object: String,
    etag: String,
    md5: Option<Md5>,
    composite: Option<Composite>,
    crc: Option<(Crc64, u64)>,
    flexible: Option<Flexible>,
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
        let encrypted = meta.state.keyed_encryption();
        let md5 = (etag_is_md5(&meta.etag) && encrypted.is_none()).then(Md5::new);
        let flexible = Flexible::of(object, meta);
        let also = match (meta.crc64.is_some(), &flexible) {
            (_, Some(f)) => format!(" and {}", f.describe()),
            (true, None) => " and CRC-64".to_string(),
            (false, None) => String::new(),
        };
        let mut composite = None;
        if let Some(how) = encrypted {
            log::info!(
                "{object}: encrypted on the server with {how}, its ETag is not an MD5 of its bytes; the download is checked by size{also}"
            );
        } else if let Some(count) = multipart_count(&meta.etag) {
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
                    "{object}: the multipart ETag {:?} cannot be recomputed (the part size was not recorded by objcmd); the download is checked by size{also}",
                    meta.etag,
                ),
            }
        } else if md5.is_none() {
            log::info!(
                "{object}: the ETag {:?} is not an MD5; the download is checked by size{also}",
                meta.etag,
            );
        }
        Checks {
            object: object.to_string(),
            etag: meta.etag.clone(),
            md5,
            composite,
            crc: meta.crc64.map(|c| (Crc64::new(), c)),
            flexible,
        }
    }

    /// Finds what a composite flexible checksum needs before the bytes arrive: the sizes
    /// of the object's parts (of `size` bytes in all). Without them it is not used.
    pub fn fetch_part_sizes(&mut self, client: &Client, object: (&str, &str), size: u64) {
        if let Some(f) = self.flexible.as_mut()
            && !f.fetch_part_sizes(client, object, size)
        {
            self.flexible = None;
        }
    }

    /// The part size to download in, when the multipart ETag can be recomputed (and the
    /// flexible checksum, if any, can be joined from such parts): each chunk is then one
    /// part, and the parts are hashed side by side ([`PartLanes`]), so the MD5s of a large
    /// object are computed in parallel rather than one after another.
    pub fn part_size(&self) -> Option<u64> {
        let size = self.composite.as_ref()?.part_size;
        self.flexible
            .as_ref()
            .is_none_or(|f| f.fits_parts(size))
            .then_some(size)
    }

    /// Hashers for `width` parts of [`Checks::part_size`] at once.
    pub fn part_lanes(&self, width: usize) -> PartLanes {
        let flexible = self.flexible.as_ref().map(Flexible::algorithm);
        PartLanes {
            engine: Md5Many::new(),
            md5: vec![Md5State::new(); width],
            crc: vec![self.crc.as_ref().map(|_| Crc64::new()); width],
            flexible: (0..width)
                .map(|_| flexible.map(Algorithm::hasher))
                .collect(),
            len: vec![0; width],
            with_crc: self.crc.is_some(),
            with_flexible: flexible,
        }
    }

    /// Checks the sums of every part, in order, made by [`PartLanes`].
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
        if let Some(f) = self.flexible.take() {
            let pieces = sums
                .iter()
                .map(|s| s.checksum.map(|c| (c, s.len)))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| anyhow::anyhow!("a part was hashed without its checksum"))?;
            let what = f.describe();
            f.finish_parts(&pieces)
                .map_err(|(got, expected)| self.flexible_mismatch(&what, got, expected))?;
            log::info!("{}: verified against {what}", self.object);
            return self.finish().map(|_| true);
        }
        self.finish()
    }

    fn flexible_mismatch(&self, what: &str, got: String, expected: String) -> anyhow::Error {
        anyhow::Error::new(IntegrityError(format!(
            "{}: the checksum of the downloaded data ({got}) does not match {what} ({expected})",
            self.object
        )))
    }

    /// True when there is anything to compute.
    pub fn any(&self) -> bool {
        self.md5.is_some()
            || self.composite.is_some()
            || self.crc.is_some()
            || self.flexible.is_some()
    }

    /// Feeds the next bytes of the object, in order.
    pub fn update(&mut self, mut data: &[u8]) {
        if let Some(h) = self.md5.as_mut() {
            h.update(data);
        }
        if let Some((crc, _)) = self.crc.as_mut() {
            crc.update(data);
        }
        if let Some(f) = self.flexible.as_mut() {
            f.update(data);
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
    pub fn finish(mut self) -> anyhow::Result<bool> {
        let mut verified = false;
        if let Some(f) = self.flexible.take() {
            let what = f.describe();
            f.finish()
                .map_err(|(got, expected)| self.flexible_mismatch(&what, got, expected))?;
            log::info!("{}: verified against {what}", self.object);
            verified = true;
        }
        // `what` is computed here and compared with the object's `theirs`.
        let mismatch = |what: &str, got: String, theirs: &str, expected: &str| {
            anyhow::Error::new(IntegrityError(format!(
                "{}: the {what} of the downloaded data ({got}) does not match the object's {theirs} ({expected})",
                self.object
            )))
        };
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
    use crate::checksum::{ChecksumType, StoredChecksum};

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
    fn lanes_give_each_part_its_own_md5_whatever_the_batches() {
        // 21 parts fed in rounds where 16, 8, 3-7 or 1-2 lanes share a length, and lanes
        // that have nothing in a round.
        let parts: Vec<Vec<u8>> = (0..21u32)
            .map(|p| (0..70_000u32).map(|i| (i * 31 + p * 7) as u8).collect())
            .collect();
        let checks = Checks::for_object("k", &meta("x".into(), 0, None, None));
        let mut lanes = checks.part_lanes(parts.len());
        let mut fed = vec![0usize; parts.len()];
        for round in 0..200usize {
            let inputs: Vec<&[u8]> = parts
                .iter()
                .enumerate()
                .map(|(lane, part)| {
                    let want = match (round + lane) % 5 {
                        // Every lane alike: 16 at once, then 5 padded to 8.
                        _ if round % 7 == 0 => 4096,
                        0 => 0,
                        1 | 2 => 4096,
                        3 => 64 * (lane % 3 + 1),
                        _ => 1000 + lane,
                    };
                    let n = want.min(part.len() - fed[lane]);
                    &part[fed[lane]..fed[lane] + n]
                })
                .collect();
            for (lane, input) in inputs.iter().enumerate() {
                fed[lane] += input.len();
            }
            lanes.update(&inputs);
        }
        let rest: Vec<&[u8]> = parts.iter().zip(&fed).map(|(p, f)| &p[*f..]).collect();
        lanes.update(&rest);
        for (lane, part) in parts.iter().enumerate() {
            let expected: [u8; 16] = Md5::digest(part).into();
            assert_eq!(lanes.finish(lane).md5, expected, "lane {lane}");
            assert_eq!(lanes.finish(lane).len, part.len() as u64);
        }
    }

    /// The checks of `m`, its composite checksum's parts being of 4,096 bytes, computed
    /// in lanes of 4,096-byte parts as the part hasher does.
    fn in_lanes(m: &ObjectMeta, data: &[u8]) -> anyhow::Result<bool> {
        let mut checks = Checks::for_object("k", m);
        if let Some(f) = checks.flexible.as_mut() {
            let sizes = data.chunks(4096).map(|c| c.len() as u64).collect();
            assert!(f.set_part_sizes(sizes, data.len() as u64));
        }
        assert_eq!(checks.part_size(), Some(4096));
        let parts: Vec<&[u8]> = data.chunks(4096).collect();
        let mut lanes = checks.part_lanes(parts.len());
        for lane in 0..parts.len() {
            lanes.begin(lane);
        }
        lanes.update(&parts);
        let digests = (0..parts.len()).map(|lane| lanes.finish(lane)).collect();
        checks.finish_parts(digests)
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
            let parts: Vec<&[u8]> = data.chunks(checks.part_size().unwrap() as usize).collect();
            let mut lanes = checks.part_lanes(parts.len());
            // Fed unevenly, a few bytes at a time, as the download's hasher may feed them.
            let mut fed = vec![0usize; parts.len()];
            for step in 1.. {
                let inputs: Vec<&[u8]> = parts
                    .iter()
                    .enumerate()
                    .map(|(lane, part)| {
                        let n = (step * (lane + 1) * 37).min(part.len() - fed[lane]);
                        &part[fed[lane]..fed[lane] + n]
                    })
                    .collect();
                if inputs.iter().all(|i| i.is_empty()) {
                    break;
                }
                for (lane, input) in inputs.iter().enumerate() {
                    fed[lane] += input.len();
                }
                lanes.update(&inputs);
            }
            let digests = (0..parts.len()).map(|lane| lanes.finish(lane)).collect();
            checks.finish_parts(digests)
        };
        let m = meta(composite.clone(), 10_000, Some(4096), Some(crc));
        assert!(by_parts(&data, &m).unwrap());
        assert!(by_parts(&damaged, &m).is_err());
        let m = meta(composite.clone(), 10_000, Some(4096), Some(crc ^ 1));
        assert!(by_parts(&data, &m).is_err());
        // A stored flexible checksum, checked part by part with the ETag's MD5s: a
        // full-object CRC joined from the lanes' CRCs, a composite SHA from the lanes' SHAs.
        for algorithm in Algorithm::ALL {
            let mut m = meta(composite.clone(), 10_000, Some(4096), None);
            let parts: Vec<Checksum> = data.chunks(4096).map(|c| algorithm.value_of(c)).collect();
            let value = match algorithm.multipart_type() {
                ChecksumType::FullObject => algorithm.of(&data),
                ChecksumType::Composite => {
                    format!("{}-3", Checksum::composite(&parts).unwrap().to_base64())
                }
            };
            m.checksums = vec![StoredChecksum { algorithm, value }];
            m.checksum_type = Some(algorithm.multipart_type());
            assert!(in_lanes(&m, &data).unwrap(), "{}", algorithm.name());
            // Damaged bytes: the ETag's MD5s would catch it too; the message tells that
            // the flexible checksum did.
            let err = in_lanes(&m, &damaged).unwrap_err().to_string();
            assert!(
                err.contains(&format!("stored {}", algorithm.wire_name())),
                "{err}"
            );
        }
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

    #[test]
    fn an_etag_of_an_sse_c_or_kms_object_is_not_taken_for_an_md5() {
        let data = vec![7u8; 1000];
        let not_md5 = "0123456789abcdef0123456789abcdef".to_string();
        assert!(run(&meta(not_md5.clone(), 1000, None, None), &data, 100).is_err());
        let mut ssec = meta(not_md5.clone(), 1000, None, None);
        ssec.state.sse_customer_algorithm = Some("AES256".into());
        assert_eq!(
            ssec.state.keyed_encryption(),
            Some("a customer key (SSE-C)")
        );
        assert!(!run(&ssec, &data, 100).unwrap(), "checked by size only");
        let mut kms = meta(format!("{not_md5}-2"), 1000, Some(500), None);
        kms.state.sse = Some("aws:kms".into());
        assert!(!run(&kms, &data, 100).unwrap());
        let mut aes = meta(not_md5, 1000, None, None);
        aes.state.sse = Some("AES256".into());
        assert!(run(&aes, &data, 100).is_err(), "SSE-S3 keeps the MD5 ETag");
    }
}
