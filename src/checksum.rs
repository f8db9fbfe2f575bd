//! AWS flexible checksums (CRC32, CRC32C, CRC64NVME, SHA-1, SHA-256): computing them, in the
//! encoding the `x-amz-checksum-*` headers carry (base64 of the big-endian bytes), and
//! joining parts' checksums into the whole object's (full-object CRCs, composite SHAs).
//!
//! The CRCs come from `crc-fast` (SIMD: carry-less multiply on x86-64 and ARM), the crate
//! AWS's own Rust SDK computes them with; it also combines two CRCs without the data.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use crc_fast::CrcAlgorithm;
use sha1::Digest as _;

/// A checksum algorithm of S3's flexible checksums.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// CRC-32/ISO-HDLC (zlib's).
    Crc32,
    /// CRC-32C (Castagnoli, iSCSI).
    Crc32c,
    /// CRC-64/NVME, AWS's default since 2025.
    Crc64Nvme,
    /// SHA-1.
    Sha1,
    /// SHA-256.
    Sha256,
}

impl Algorithm {
    /// Every algorithm, in the order cli.md lists them.
    pub const ALL: [Algorithm; 5] = [
        Algorithm::Crc32,
        Algorithm::Crc32c,
        Algorithm::Crc64Nvme,
        Algorithm::Sha1,
        Algorithm::Sha256,
    ];

    /// The name in headers (`x-amz-checksum-NAME`) and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Crc32 => "crc32",
            Algorithm::Crc32c => "crc32c",
            Algorithm::Crc64Nvme => "crc64nvme",
            Algorithm::Sha1 => "sha1",
            Algorithm::Sha256 => "sha256",
        }
    }

    /// The CRC it is, if it is one.
    fn crc(self) -> Option<CrcAlgorithm> {
        match self {
            Algorithm::Crc32 => Some(CrcAlgorithm::Crc32IsoHdlc),
            Algorithm::Crc32c => Some(CrcAlgorithm::Crc32Iscsi),
            Algorithm::Crc64Nvme => Some(CrcAlgorithm::Crc64Nvme),
            Algorithm::Sha1 | Algorithm::Sha256 => None,
        }
    }

    /// The width of a CRC's value in bytes.
    fn crc_bytes(self) -> usize {
        match self {
            Algorithm::Crc64Nvme => 8,
            _ => 4,
        }
    }

    /// A running checksum of this algorithm.
    pub fn hasher(self) -> Hasher {
        match self.crc() {
            Some(crc) => Hasher::Crc(self, crc_fast::Digest::new(crc)),
            None if self == Algorithm::Sha1 => Hasher::Sha1(sha1::Sha1::new()),
            None => Hasher::Sha256(sha2::Sha256::new()),
        }
    }

    /// The checksum of `data`, as the headers carry it.
    pub fn of(self, data: &[u8]) -> String {
        let mut h = self.hasher();
        h.update(data);
        h.finish()
    }

    /// The CRC of two pieces joined, from the CRC of each and the second's length: how a
    /// full-object CRC is built from its parts'. `None` for the SHAs, and for a value that
    /// is not a checksum of this algorithm in base64.
    pub fn combine(self, first: &str, second: &str, second_len: u64) -> Option<String> {
        let crc = self.crc()?;
        let (a, b) = (self.crc_value(first)?, self.crc_value(second)?);
        let joined = crc_fast::checksum_combine(crc, a, b, second_len);
        Some(self.encode_crc(joined))
    }

    /// The composite checksum of parts (S3's `COMPOSITE` type): the checksum of the parts'
    /// raw checksums one after another, then `-N`. `None` if a part's value is not base64.
    pub fn composite(self, parts: &[String]) -> Option<String> {
        let mut joined = Vec::new();
        for part in parts {
            joined.extend(BASE64.decode(part).ok()?);
        }
        Some(format!("{}-{}", self.of(&joined), parts.len()))
    }

    fn crc_value(self, encoded: &str) -> Option<u64> {
        let bytes = BASE64.decode(encoded).ok()?;
        (bytes.len() == self.crc_bytes())
            .then(|| bytes.iter().fold(0u64, |acc, b| acc << 8 | u64::from(*b)))
    }

    fn encode_crc(self, value: u64) -> String {
        let bytes = value.to_be_bytes();
        BASE64.encode(&bytes[8 - self.crc_bytes()..])
    }
}

/// A running checksum.
pub enum Hasher {
    /// A CRC, and which.
    Crc(Algorithm, crc_fast::Digest),
    /// SHA-1.
    Sha1(sha1::Sha1),
    /// SHA-256.
    Sha256(sha2::Sha256),
}

impl Hasher {
    /// Feeds the next bytes.
    pub fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Crc(_, d) => d.update(data),
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha256(h) => sha2::Digest::update(h, data),
        }
    }

    /// The checksum, in base64 as the headers carry it.
    pub fn finish(self) -> String {
        match self {
            Hasher::Crc(alg, d) => alg.encode_crc(d.finalize()),
            Hasher::Sha1(h) => BASE64.encode(h.finalize()),
            Hasher::Sha256(h) => BASE64.encode(sha2::Digest::finalize(h)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VECTORS: &str = include_str!("../tests/fixtures/vectors/checksums.json");

    /// `pattern:N` of the vectors: byte i is (i * 31 + 7) % 251.
    fn input(name: &str) -> Vec<u8> {
        match name.strip_prefix("pattern:") {
            Some(n) => (0..n.parse::<usize>().unwrap())
                .map(|i| ((i * 31 + 7) % 251) as u8)
                .collect(),
            None => name.as_bytes().to_vec(),
        }
    }

    fn vectors() -> serde_json::Value {
        serde_json::from_str(VECTORS).unwrap()
    }

    #[test]
    fn every_algorithm_gives_botocores_values() {
        let v = vectors();
        let cases = v["single"].as_array().unwrap();
        assert_eq!(cases.len(), 5);
        for case in cases {
            let data = input(case["input"].as_str().unwrap());
            assert_eq!(data.len() as u64, case["len"].as_u64().unwrap());
            for alg in Algorithm::ALL {
                assert_eq!(
                    alg.of(&data),
                    case[alg.name()],
                    "{} of {}",
                    alg.name(),
                    case["input"]
                );
                // Fed in uneven pieces, the same.
                let mut h = alg.hasher();
                for piece in data.chunks(777) {
                    h.update(piece);
                }
                assert_eq!(h.finish(), case[alg.name()]);
            }
        }
    }

    #[test]
    fn parts_join_into_full_object_and_composite_checksums() {
        let v = vectors();
        for case in v["multipart"].as_array().unwrap() {
            let data = input(case["input"].as_str().unwrap());
            let sizes: Vec<usize> = case["part_sizes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_u64().unwrap() as usize)
                .collect();
            for alg in Algorithm::ALL {
                let want = &case[alg.name()];
                let mut at = 0;
                let mut parts = Vec::new();
                for size in &sizes {
                    parts.push(alg.of(&data[at..at + size]));
                    at += size;
                }
                assert_eq!(
                    parts,
                    want["parts"].as_array().unwrap().clone(),
                    "{}",
                    alg.name()
                );
                assert_eq!(alg.composite(&parts).unwrap(), want["composite"]);
                assert_eq!(alg.of(&data), want["full_object"]);
                if alg.crc().is_some() {
                    let whole = parts[1..]
                        .iter()
                        .zip(&sizes[1..])
                        .try_fold(parts[0].clone(), |acc, (p, n)| {
                            alg.combine(&acc, p, *n as u64)
                        })
                        .unwrap();
                    assert_eq!(whole, want["full_object"], "{} combined", alg.name());
                } else {
                    assert_eq!(alg.combine(&parts[0], &parts[1], 1), None);
                }
            }
        }
        // A value of the wrong width or not base64 combines to nothing.
        assert_eq!(
            Algorithm::Crc32.combine("AAAAAAAAAAA=", "AAAAAA==", 1),
            None
        );
        assert_eq!(Algorithm::Crc32.combine("!!", "AAAAAA==", 1), None);
    }
}
