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

    /// The algorithm named in a header or on the command line, in any case.
    pub fn from_name(name: &str) -> Option<Algorithm> {
        Algorithm::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(name))
    }

    /// The header that carries a checksum of this algorithm.
    pub fn header(self) -> String {
        format!("x-amz-checksum-{}", self.name())
    }

    /// The name as S3 writes it in `x-amz-checksum-algorithm` and in XML
    /// (`<ChecksumCRC64NVME>`).
    pub fn wire_name(self) -> &'static str {
        match self {
            Algorithm::Crc32 => "CRC32",
            Algorithm::Crc32c => "CRC32C",
            Algorithm::Crc64Nvme => "CRC64NVME",
            Algorithm::Sha1 => "SHA1",
            Algorithm::Sha256 => "SHA256",
        }
    }

    /// How a multipart upload's checksum is made with this algorithm: the CRCs combine
    /// into one over the whole object (`FULL_OBJECT`, which AWS's SDKs use since 2025);
    /// the SHAs cannot, and hash the parts' checksums (`COMPOSITE`).
    pub fn multipart_type(self) -> ChecksumType {
        match self.crc() {
            Some(_) => ChecksumType::FullObject,
            None => ChecksumType::Composite,
        }
    }

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
        self.value_of(data).to_base64()
    }

    /// The checksum of `data`.
    pub fn value_of(self, data: &[u8]) -> Checksum {
        let mut h = self.hasher();
        h.update(data);
        h.finish_value()
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
        self.finish_value().to_base64()
    }

    /// The checksum.
    pub fn finish_value(self) -> Checksum {
        match self {
            Hasher::Crc(alg, d) => {
                let bytes = d.finalize().to_be_bytes();
                Checksum::new(alg, &bytes[8 - alg.crc_bytes()..])
            }
            Hasher::Sha1(h) => Checksum::new(Algorithm::Sha1, &h.finalize()),
            Hasher::Sha256(h) => Checksum::new(Algorithm::Sha256, &sha2::Digest::finalize(h)),
        }
    }
}

/// A checksum's value, of a known algorithm: small and `Copy`, so that a part's sums
/// travel with it like its MD5.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Checksum {
    algorithm: Algorithm,
    raw: [u8; 32],
    len: u8,
}

impl std::fmt::Debug for Checksum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.algorithm.name(), self.to_base64())
    }
}

impl Checksum {
    fn new(algorithm: Algorithm, bytes: &[u8]) -> Checksum {
        let mut raw = [0u8; 32];
        raw[..bytes.len()].copy_from_slice(bytes);
        Checksum {
            algorithm,
            raw,
            len: bytes.len() as u8,
        }
    }

    /// A value as a header carries it (base64), if it is one of this algorithm.
    pub fn parse(algorithm: Algorithm, base64: &str) -> Option<Checksum> {
        let bytes = BASE64.decode(base64.trim()).ok()?;
        let width = match algorithm {
            Algorithm::Crc32 | Algorithm::Crc32c => 4,
            Algorithm::Crc64Nvme => 8,
            Algorithm::Sha1 => 20,
            Algorithm::Sha256 => 32,
        };
        (bytes.len() == width).then(|| Checksum::new(algorithm, &bytes))
    }

    /// Its algorithm.
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// The raw bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.raw[..self.len as usize]
    }

    /// In base64, as the headers carry it.
    pub fn to_base64(&self) -> String {
        BASE64.encode(self.bytes())
    }

    /// The CRC of this piece followed by `next` of `next_len` bytes; `None` for the SHAs
    /// or two algorithms.
    pub fn combine(&self, next: &Checksum, next_len: u64) -> Option<Checksum> {
        if next.algorithm != self.algorithm {
            return None;
        }
        let joined = self
            .algorithm
            .combine(&self.to_base64(), &next.to_base64(), next_len)?;
        Checksum::parse(self.algorithm, &joined)
    }

    /// The composite checksum of parts (without the `-N` the server appends).
    pub fn composite(parts: &[Checksum]) -> Option<Checksum> {
        let algorithm = parts.first()?.algorithm;
        let mut h = algorithm.hasher();
        for part in parts {
            if part.algorithm != algorithm {
                return None;
            }
            h.update(part.bytes());
        }
        Some(h.finish_value())
    }
}

/// How the checksum of a multipart object is made (`x-amz-checksum-type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChecksumType {
    /// Over the whole object's bytes, as a single PUT's is (a CRC combined from the
    /// parts' CRCs).
    FullObject,
    /// The checksum of the parts' checksums, `-N` appended.
    Composite,
}

impl ChecksumType {
    /// As S3 writes it.
    pub fn wire_name(self) -> &'static str {
        match self {
            ChecksumType::FullObject => "FULL_OBJECT",
            ChecksumType::Composite => "COMPOSITE",
        }
    }

    /// From S3's name, in any case.
    pub fn from_wire(name: &str) -> Option<ChecksumType> {
        [ChecksumType::FullObject, ChecksumType::Composite]
            .into_iter()
            .find(|t| t.wire_name().eq_ignore_ascii_case(name.trim()))
    }
}

/// A checksum an object is stored with, as HEAD or GET returned it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredChecksum {
    /// The algorithm.
    pub algorithm: Algorithm,
    /// The value as the server sent it (base64, `-N` after a composite one).
    pub value: String,
}

impl StoredChecksum {
    /// What the value says: the checksum, and the part count of a composite one (`-N`).
    pub fn parts(&self) -> Option<(Checksum, Option<u32>)> {
        let (value, count) = match self.value.rsplit_once('-') {
            Some((v, n)) => (v, Some(n.trim().parse().ok()?)),
            None => (self.value.as_str(), None),
        };
        Some((Checksum::parse(self.algorithm, value)?, count))
    }
}

/// The `--checksum-algorithm` of uploads: one of [`Algorithm`], or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UploadChecksum {
    /// CRC-32.
    Crc32,
    /// CRC-32C.
    Crc32c,
    /// CRC-64/NVME.
    Crc64nvme,
    /// SHA-1.
    Sha1,
    /// SHA-256.
    Sha256,
    /// No flexible checksum (Content-MD5 only).
    None,
}

impl UploadChecksum {
    /// The algorithm, if any.
    pub fn algorithm(self) -> Option<Algorithm> {
        match self {
            UploadChecksum::Crc32 => Some(Algorithm::Crc32),
            UploadChecksum::Crc32c => Some(Algorithm::Crc32c),
            UploadChecksum::Crc64nvme => Some(Algorithm::Crc64Nvme),
            UploadChecksum::Sha1 => Some(Algorithm::Sha1),
            UploadChecksum::Sha256 => Some(Algorithm::Sha256),
            UploadChecksum::None => None,
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
