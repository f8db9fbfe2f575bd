//! The flexible checksum (S3's `x-amz-checksum-*`) a download is checked against: one over
//! the whole object (a single PUT's, or a multipart upload's `FULL_OBJECT` CRC), or a
//! composite one (`COMPOSITE`: the checksum of the parts' checksums), which needs the
//! part boundaries of the upload before it can be recomputed.

use crate::checksum::{Algorithm, Checksum, ChecksumType, Hasher, StoredChecksum};
use crate::client::{Client, ObjectMeta};

/// A stored flexible checksum, and the running computation that is compared with it.
pub struct Flexible {
    expected: Checksum,
    kind: Kind,
}

enum Kind {
    /// Over the whole object's bytes.
    Whole(Hasher),
    /// Over the checksums of `count` parts, whose sizes are known once
    /// [`Flexible::fetch_part_sizes`] found them.
    Composite(Parts),
}

/// The parts of a composite checksum, and how far the bytes fed have got through them.
struct Parts {
    count: u32,
    sizes: Vec<u64>,
    current: Option<Hasher>,
    filled: u64,
    done: Vec<Checksum>,
}

/// What a stored checksum says about the object, before anything is computed.
enum Reading {
    Whole(Checksum),
    Composite(Checksum, u32),
    /// It cannot be used; why, for `-v`.
    Unusable(String),
}

/// How a stored value is to be read: S3 appends `-N` to a composite checksum, except in a
/// reply to a ranged GET that covers the whole object (and moto's HEAD); `x-amz-checksum-type`
/// says which it is. Where no type is said (moto for an SDK's upload), the algorithm may:
/// a SHA of a multipart object can only be composite, a CRC-64/NVME only full-object. A
/// CRC-32(C) of a multipart object whose type nobody says could be either: it is not used
/// (never a false mismatch).
fn read(stored: &StoredChecksum, meta: &ObjectMeta) -> Reading {
    let Some((value, count)) = stored.parts() else {
        return Reading::Unusable(format!("its value {:?} cannot be read", stored.value));
    };
    let multipart_etag = meta
        .etag
        .rsplit_once('-')
        .and_then(|(_, n)| n.parse::<u32>().ok());
    let count = count.or(match meta.checksum_type {
        Some(ChecksumType::Composite) => multipart_etag.or(meta.parts_count),
        _ => None,
    });
    match (count, meta.checksum_type, multipart_etag) {
        (Some(n), _, _) => Reading::Composite(value, n),
        (None, Some(ChecksumType::Composite), _) => {
            Reading::Unusable("it is composite, and the part count is unknown".to_string())
        }
        (None, Some(ChecksumType::FullObject), _) | (None, None, None) => Reading::Whole(value),
        (None, None, Some(n)) if stored.algorithm.multipart_type() == ChecksumType::Composite => {
            Reading::Composite(value, n)
        }
        (None, None, Some(_)) if stored.algorithm == Algorithm::Crc64Nvme => Reading::Whole(value),
        (None, None, Some(_)) => Reading::Unusable(
            "the server did not say whether it covers the whole object or its parts".to_string(),
        ),
    }
}

impl Flexible {
    /// The flexible checksum an object's metadata allows to verify, if any; `-v` says why
    /// one that is there cannot be used.
    pub fn of(object: &str, meta: &ObjectMeta) -> Option<Flexible> {
        let stored = meta.checksums.first()?;
        let algorithm = stored.algorithm;
        match read(stored, meta) {
            Reading::Whole(expected) => Some(Flexible {
                expected,
                kind: Kind::Whole(algorithm.hasher()),
            }),
            Reading::Composite(expected, count) => Some(Flexible {
                expected,
                kind: Kind::Composite(Parts {
                    count,
                    sizes: Vec::new(),
                    current: None,
                    filled: 0,
                    done: Vec::new(),
                }),
            }),
            Reading::Unusable(why) => {
                log::info!(
                    "{object}: its stored {} checksum is not used: {why}",
                    algorithm.wire_name()
                );
                None
            }
        }
    }

    /// The algorithm.
    pub fn algorithm(&self) -> Algorithm {
        self.expected.algorithm()
    }

    /// What it is, for `-v`.
    pub fn describe(&self) -> String {
        let name = self.algorithm().wire_name();
        match &self.kind {
            Kind::Whole(_) => format!("its stored {name} checksum of the whole object"),
            Kind::Composite(parts) => {
                format!(
                    "its stored {name} composite checksum of {} parts",
                    parts.count
                )
            }
        }
    }

    /// Finds the part sizes of a composite checksum's object: GetObjectAttributes where the
    /// server lists them, else a HEAD of each part. `false` (and `-v` says why) when they
    /// cannot be found or do not add up: then the checksum is not used.
    pub fn fetch_part_sizes(
        &mut self,
        client: &Client,
        (bucket, key): (&str, &str),
        size: u64,
    ) -> bool {
        let count = match &self.kind {
            Kind::Composite(parts) if parts.sizes.is_empty() => parts.count,
            _ => return true,
        };
        let sizes = match client.object_part_sizes(bucket, key) {
            Ok(sizes) if sizes.len() == count as usize => Ok(sizes),
            _ => (1..=count)
                .map(|n| client.head_object_part(bucket, key, n).map(|m| m.size))
                .collect(),
        };
        let why = match sizes {
            Ok(sizes) => match self.set_part_sizes(sizes, size) {
                true => return true,
                false => "its parts do not add up to the object".to_string(),
            },
            Err(e) => format!("its part sizes cannot be read ({e})"),
        };
        log::info!("{key}: {why}; its composite checksum is not used");
        false
    }

    /// Takes the sizes of a composite checksum's parts, if they are as many as it says and
    /// add up to the object's `size`.
    pub(super) fn set_part_sizes(&mut self, sizes: Vec<u64>, size: u64) -> bool {
        match &mut self.kind {
            Kind::Composite(parts)
                if sizes.len() == parts.count as usize && sizes.iter().sum::<u64>() == size =>
            {
                parts.sizes = sizes;
                true
            }
            Kind::Composite(_) => false,
            Kind::Whole(_) => true,
        }
    }

    /// True when the parts of a download in chunks of `part_size` (the last one shorter)
    /// can be checked one by one and joined ([`Flexible::finish_parts`]): a CRC over the
    /// whole object combines from any chunks; a composite checksum needs the chunks to be
    /// its parts.
    pub fn fits_parts(&self, part_size: u64) -> bool {
        match &self.kind {
            Kind::Whole(_) => self.algorithm().multipart_type() == ChecksumType::FullObject,
            Kind::Composite(parts) => match parts.sizes.split_last() {
                Some((last, rest)) => *last <= part_size && rest.iter().all(|s| *s == part_size),
                None => false,
            },
        }
    }

    /// Feeds the next bytes of the object, in order.
    pub fn update(&mut self, mut data: &[u8]) {
        let algorithm = self.algorithm();
        match &mut self.kind {
            Kind::Whole(h) => h.update(data),
            Kind::Composite(parts) => {
                while !data.is_empty() {
                    let Some(size) = parts.sizes.get(parts.done.len()).copied() else {
                        // More bytes than the parts hold: the sizes' sum is checked first, so
                        // this is an object that changed; the count will not match.
                        parts.filled += data.len() as u64;
                        return;
                    };
                    let n = ((size - parts.filled) as usize).min(data.len());
                    parts
                        .current
                        .get_or_insert_with(|| algorithm.hasher())
                        .update(&data[..n]);
                    parts.filled += n as u64;
                    data = &data[n..];
                    if parts.filled == size {
                        let h = parts.current.take().unwrap_or_else(|| algorithm.hasher());
                        parts.done.push(h.finish_value());
                        parts.filled = 0;
                    }
                }
            }
        }
    }

    /// Compares what was computed from the bytes fed with the stored checksum: `Err` with
    /// the two values when they differ.
    pub fn finish(self) -> Result<(), (String, String)> {
        let got = match self.kind {
            Kind::Whole(h) => Some(h.finish_value()),
            Kind::Composite(mut parts) => {
                if let Some(h) = parts.current.take() {
                    parts.done.push(h.finish_value());
                }
                self::composite(&parts.done, parts.count)
            }
        };
        self::compare(self.expected, got)
    }

    /// Compares the checksums of the object's consecutive pieces (checksum, length), as the
    /// part hasher computed them, with the stored one.
    pub fn finish_parts(self, pieces: &[(Checksum, u64)]) -> Result<(), (String, String)> {
        let got = match &self.kind {
            Kind::Whole(_) => pieces.split_first().and_then(|(first, rest)| {
                rest.iter()
                    .try_fold(first.0, |acc, (c, len)| acc.combine(c, *len))
            }),
            Kind::Composite(parts) => {
                let each: Vec<Checksum> = pieces.iter().map(|(c, _)| *c).collect();
                self::composite(&each, parts.count)
            }
        };
        self::compare(self.expected, got)
    }
}

/// The composite checksum of `parts`, if there are `count` of them.
fn composite(parts: &[Checksum], count: u32) -> Option<Checksum> {
    (parts.len() == count as usize)
        .then(|| Checksum::composite(parts))
        .flatten()
}

fn compare(expected: Checksum, got: Option<Checksum>) -> Result<(), (String, String)> {
    match got {
        Some(got) if got == expected => Ok(()),
        Some(got) => Err((got.to_base64(), expected.to_base64())),
        None => Err(("nothing comparable".to_string(), expected.to_base64())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::test_server::{self, Reply};

    const VECTORS: &str = include_str!("../../../tests/fixtures/vectors/checksums.json");

    /// The bytes of a vector's `pattern:N` input: byte i is (i * 31 + 7) % 251.
    fn pattern(input: &str) -> Vec<u8> {
        let n: usize = input.strip_prefix("pattern:").unwrap().parse().unwrap();
        (0..n).map(|i| ((i * 31 + 7) % 251) as u8).collect()
    }

    fn meta(
        algorithm: Algorithm,
        value: &str,
        etag: &str,
        kind: Option<ChecksumType>,
    ) -> ObjectMeta {
        ObjectMeta {
            etag: etag.to_string(),
            checksums: vec![StoredChecksum {
                algorithm,
                value: value.to_string(),
            }],
            checksum_type: kind,
            ..ObjectMeta::default()
        }
    }

    fn kind(f: &Option<Flexible>) -> Option<(&'static str, u32)> {
        f.as_ref().map(|f| match &f.kind {
            Kind::Whole(_) => ("whole", 0),
            Kind::Composite(p) => ("composite", p.count),
        })
    }

    #[test]
    fn the_stored_value_and_its_type_say_what_it_covers() {
        let md5 = "0123456789abcdef0123456789abcdef";
        let multipart = "0123456789abcdef0123456789abcdef-3";
        let (crc32, crc64, sha) = (Algorithm::Crc32, Algorithm::Crc64Nvme, Algorithm::Sha256);
        let sha_value = sha.of(b"x");
        let of = |m: ObjectMeta| kind(&Flexible::of("k", &m));
        // A single PUT's, and a full-object one said so.
        assert_eq!(of(meta(crc32, "AAAAAA==", md5, None)), Some(("whole", 0)));
        let full = Some(ChecksumType::FullObject);
        assert_eq!(
            of(meta(crc32, "AAAAAA==", multipart, full)),
            Some(("whole", 0))
        );
        // Composite: by its -N, or by its type and the ETag's part count.
        assert_eq!(
            of(meta(crc32, "AAAAAA==-3", multipart, None)),
            Some(("composite", 3))
        );
        let composite = Some(ChecksumType::Composite);
        assert_eq!(
            of(meta(crc32, "AAAAAA==", multipart, composite)),
            Some(("composite", 3))
        );
        assert_eq!(
            of(meta(crc32, "AAAAAA==", md5, composite)),
            None,
            "no part count"
        );
        // No type said: the algorithm tells where it can.
        assert_eq!(
            of(meta(sha, &sha_value, multipart, None)),
            Some(("composite", 3))
        );
        assert_eq!(
            of(meta(crc64, "AAAAAAAAAAA=", multipart, None)),
            Some(("whole", 0))
        );
        assert_eq!(of(meta(crc32, "AAAAAA==", multipart, None)), None, "either");
        // Values that are not checksums of the algorithm.
        assert_eq!(of(meta(crc32, "AAAAAAAAAAA=", md5, None)), None);
        assert_eq!(of(meta(crc32, "AAAAAA==-x", md5, None)), None);
        assert_eq!(of(ObjectMeta::default()), None);
    }

    #[test]
    fn whole_and_composite_checksums_are_recomputed_however_the_bytes_come() {
        let v: serde_json::Value = serde_json::from_str(VECTORS).unwrap();
        for case in v["multipart"].as_array().unwrap() {
            let data = pattern(case["input"].as_str().unwrap());
            let sizes: Vec<u64> = case["part_sizes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_u64().unwrap())
                .collect();
            let etag = format!("0123456789abcdef0123456789abcdef-{}", sizes.len());
            for algorithm in Algorithm::ALL {
                let want = &case[algorithm.name()];
                let full = want["full_object"].as_str().unwrap();
                let composite = want["composite"].as_str().unwrap();
                let full_type = Some(ChecksumType::FullObject);
                for (value, kind) in [(full, full_type), (composite, None)] {
                    let m = meta(algorithm, value, &etag, kind);
                    for piece in [1, 3, 1000] {
                        let mut f = Flexible::of("k", &m).unwrap();
                        assert!(f.set_part_sizes(sizes.clone(), data.len() as u64));
                        for chunk in data.chunks(piece) {
                            f.update(chunk);
                        }
                        assert_eq!(f.finish(), Ok(()), "{} {value}", algorithm.name());
                    }
                    // One byte changed.
                    let mut f = Flexible::of("k", &m).unwrap();
                    assert!(f.set_part_sizes(sizes.clone(), data.len() as u64));
                    let mut damaged = data.clone();
                    damaged[data.len() / 2] ^= 1;
                    f.update(&damaged);
                    assert!(f.finish().is_err(), "{} {value}", algorithm.name());
                }
            }
        }
    }

    #[test]
    fn part_by_part_checksums_join_when_the_chunks_fit() {
        let data = pattern("pattern:100");
        let pieces = |algorithm: Algorithm, size: usize| -> Vec<(Checksum, u64)> {
            data.chunks(size)
                .map(|c| (algorithm.value_of(c), c.len() as u64))
                .collect()
        };
        let etag = "0123456789abcdef0123456789abcdef-4";
        for algorithm in Algorithm::ALL {
            let whole = algorithm.of(&data);
            let m = meta(algorithm, &whole, etag, Some(ChecksumType::FullObject));
            let f = Flexible::of("k", &m).unwrap();
            let crc = algorithm.multipart_type() == ChecksumType::FullObject;
            assert_eq!(f.fits_parts(30), crc, "{}", algorithm.name());
            if crc {
                assert_eq!(f.finish_parts(&pieces(algorithm, 30)), Ok(()));
                let f = Flexible::of("k", &m).unwrap();
                let mut wrong = pieces(algorithm, 30);
                wrong.swap(0, 1);
                assert!(f.finish_parts(&wrong).is_err());
            }
            // Composite: the chunks must be its parts.
            let parts: Vec<Checksum> = pieces(algorithm, 30).iter().map(|p| p.0).collect();
            let value = format!("{}-4", Checksum::composite(&parts).unwrap().to_base64());
            let mut f = Flexible::of("k", &meta(algorithm, &value, etag, None)).unwrap();
            assert!(!f.fits_parts(30), "sizes unknown");
            assert!(!f.set_part_sizes(vec![30, 30, 40], 100), "3 parts, not 4");
            assert!(!f.set_part_sizes(vec![30, 30, 30, 11], 100), "101 bytes");
            assert!(f.set_part_sizes(vec![30, 30, 30, 10], 100));
            assert!(f.fits_parts(30));
            assert!(!f.fits_parts(40));
            assert_eq!(f.finish_parts(&pieces(algorithm, 30)), Ok(()));
        }
    }

    /// A HEAD reply of a part of `len` bytes, as S3 sends it: the length, no body.
    fn part_head(len: u64) -> Reply {
        Reply::Http(format!(
            "HTTP/1.1 206 X\r\nContent-Length: {len}\r\nx-amz-mp-parts-count: 3\r\nConnection: close\r\n\r\n"
        ))
    }

    fn composite_of_three() -> Flexible {
        let m = meta(
            Algorithm::Sha256,
            &format!("{}-3", Algorithm::Sha256.of(b"x")),
            "e-3",
            None,
        );
        Flexible::of("k", &m).unwrap()
    }

    #[test]
    fn part_sizes_come_from_object_attributes_page_by_page() {
        let page = |parts: &str, more: &str| {
            let body = format!(
                "<GetObjectAttributesResponse><ObjectParts><TotalPartsCount>3</TotalPartsCount>{more}{parts}</ObjectParts></GetObjectAttributesResponse>"
            );
            Reply::status(200, &[], &body)
        };
        let part = |n: u32, size: u64| {
            format!("<Part><PartNumber>{n}</PartNumber><Size>{size}</Size></Part>")
        };
        let replies = vec![
            page(
                &(part(1, 40) + &part(2, 40)),
                "<IsTruncated>true</IsTruncated><NextPartNumberMarker>2</NextPartNumberMarker>",
            ),
            page(&part(3, 20), "<IsTruncated>false</IsTruncated>"),
        ];
        let (port, seen) = test_server::serve(replies);
        let client = test_server::s3_client(port);
        let mut f = composite_of_three();
        assert!(f.fetch_part_sizes(&client, ("bkt", "key"), 100));
        assert!(f.fits_parts(40));
        let first = seen.recv().unwrap();
        assert_eq!(first.request_line(), "GET /bkt/key?attributes HTTP/1.1");
        assert!(
            first.head.contains("x-amz-object-attributes: ObjectParts"),
            "{}",
            first.head
        );
        let second = seen.recv().unwrap();
        assert!(
            second.head.contains("x-amz-part-number-marker: 2"),
            "{}",
            second.head
        );
    }

    #[test]
    fn without_object_attributes_each_part_is_asked_with_a_head() {
        let refused = Reply::status(501, &[], "<Error><Code>NotImplemented</Code></Error>");
        let replies = vec![refused, part_head(40), part_head(40), part_head(20)];
        let (port, seen) = test_server::serve(replies);
        let client = test_server::s3_client(port);
        let mut f = composite_of_three();
        assert!(f.fetch_part_sizes(&client, ("bkt", "key"), 100));
        assert!(f.fits_parts(40));
        let lines: Vec<String> = seen
            .try_iter()
            .map(|s| s.request_line().to_string())
            .collect();
        assert_eq!(
            lines[1..],
            [1, 2, 3].map(|n| format!("HEAD /bkt/key?partNumber={n} HTTP/1.1"))
        );
        // Parts that do not add up to the object: the checksum is not used.
        let replies = vec![
            Reply::status(501, &[], ""),
            part_head(40),
            part_head(40),
            part_head(21),
        ];
        let (port, _seen) = test_server::serve(replies);
        let client = test_server::s3_client(port);
        assert!(!composite_of_three().fetch_part_sizes(&client, ("bkt", "key"), 100));
    }
}
