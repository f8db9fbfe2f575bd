//! How `--checksum` compares a file with the flexible checksum (CRC32, CRC32C, CRC64NVME,
//! SHA-1, SHA-256) its object is stored with, from the HEAD [`super::compare`] makes for a
//! multipart ETag anyway: a single PUT's or a full-object checksum over the whole file; a
//! composite one part by part, where objcmd recorded the part size and the part count
//! agrees. No download, and no request of its own.

use std::fs::File;
use std::path::Path;

use crate::checksum::{Algorithm, Checksum, ChecksumType};
use crate::client::{Client, ObjectMeta};
use crate::transfer::{self, Layout};

/// What a mismatch with a stored checksum means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// The file differs.
    Differs,
    /// Perhaps nothing: the value may be of another kind than assumed. A multipart object
    /// whose server says neither `-N` nor `x-amz-checksum-type` (moto's HEAD) may be
    /// stored with a composite checksum rather than one over the whole object.
    Unsure,
}

/// One comparison that a stored checksum allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    /// The value stored, without the `-N` of a composite one.
    pub stored: Checksum,
    /// `None`: the checksum of the whole file; else the composite checksum of its parts of
    /// this size.
    pub part_size: Option<u64>,
    /// What a mismatch means.
    pub mismatch: Mismatch,
}

impl Check {
    /// How the check is made, for `-vv`.
    pub fn describe(&self) -> String {
        let name = self.stored.algorithm().wire_name();
        match self.part_size {
            None => format!("its stored {name} checksum of the whole object"),
            Some(part) => format!("its stored composite {name} checksum (parts of {part} bytes)"),
        }
    }
}

/// The part count of a multipart ETag (`MD5-N`), if it is one.
fn etag_parts(etag: &str) -> Option<u32> {
    etag.rsplit_once('-')?.1.parse().ok()
}

/// The comparisons the stored checksums of an object allow, those over the whole file
/// first (they need no part boundaries): a value without `-N` is over the whole object
/// unless the server calls it composite; a composite one needs `part_size`, the part
/// size objcmd recorded at upload, and a part count (the value's `-N`, else the ETag's)
/// that this size gives for the object's size. A value the object's type leaves in doubt
/// ([`Mismatch::Unsure`]) is tried both ways.
pub fn checks(meta: &ObjectMeta, part_size: Option<u64>) -> Vec<Check> {
    let etag_count = etag_parts(&meta.etag);
    let (mut whole, mut parts) = (Vec::new(), Vec::new());
    for stored in &meta.checksums {
        let Some((value, count)) = stored.parts() else {
            log::debug!(
                "ignoring a stored {} checksum that is not one: {:?}",
                stored.algorithm.wire_name(),
                stored.value
            );
            continue;
        };
        let composite = count.is_some() || meta.checksum_type == Some(ChecksumType::Composite);
        let mut maybe_composite = composite;
        if !composite {
            // Only a multipart object can have a composite checksum.
            let mismatch = match (meta.checksum_type, etag_count) {
                (None, Some(_)) => Mismatch::Unsure,
                _ => Mismatch::Differs,
            };
            maybe_composite = mismatch == Mismatch::Unsure;
            whole.push(Check {
                stored: value,
                part_size: None,
                mismatch,
            });
        }
        let layout = part_size.map(|p| Layout::new(meta.size, p));
        if let Some(layout) = layout.filter(|_| maybe_composite)
            && count.or(etag_count) == Some(layout.count())
        {
            parts.push(Check {
                stored: value,
                part_size: Some(layout.part_size),
                mismatch: Mismatch::Differs,
            });
        }
    }
    whole.extend(parts);
    whole
}

/// The checksum of the file at `path` that `check` compares with: of the whole file, or
/// the composite of its parts' checksums. Read once, a block at a time; stops on Ctrl-C.
pub fn of_file(path: &Path, check: &Check, client: &Client) -> anyhow::Result<Checksum> {
    sum_file(path, check, &|| client.transport().cancelled())
}

/// [`of_file`], told by `cancelled` when to stop.
fn sum_file(path: &Path, check: &Check, cancelled: &dyn Fn() -> bool) -> anyhow::Result<Checksum> {
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    let algorithm = check.stored.algorithm();
    match check.part_size {
        None => sum_range(&file, (0, size), algorithm, cancelled),
        Some(part_size) => {
            let layout = Layout::new(size, part_size);
            let parts = (0..layout.count())
                .map(|i| sum_range(&file, layout.part(i), algorithm, cancelled))
                .collect::<anyhow::Result<Vec<_>>>()?;
            Checksum::composite(&parts)
                .ok_or_else(|| anyhow::anyhow!("no parts to make a composite checksum of"))
        }
    }
}

/// The checksum of `len` bytes of a file from `offset`.
fn sum_range(
    file: &File,
    (offset, len): (u64, u64),
    algorithm: Algorithm,
    cancelled: &dyn Fn() -> bool,
) -> anyhow::Result<Checksum> {
    let mut hasher = algorithm.hasher();
    let mut buf = vec![0u8; len.min(1 << 20) as usize];
    let mut done = 0u64;
    while done < len {
        if cancelled() {
            return Err(transfer::interrupted());
        }
        let n = (len - done).min(buf.len() as u64) as usize;
        transfer::read_exact_at(file, &mut buf[..n], offset + done)
            .map_err(transfer::read_error)?;
        hasher.update(&buf[..n]);
        done += n as u64;
    }
    Ok(hasher.finish_value())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checksum::StoredChecksum;

    const CRC: Algorithm = Algorithm::Crc64Nvme;

    fn meta(etag: &str, size: u64, kind: Option<ChecksumType>, values: &[&str]) -> ObjectMeta {
        ObjectMeta {
            size,
            etag: etag.to_string(),
            checksum_type: kind,
            checksums: values
                .iter()
                .map(|v| StoredChecksum {
                    algorithm: CRC,
                    value: v.to_string(),
                })
                .collect(),
            ..ObjectMeta::default()
        }
    }

    fn whole(value: &str, mismatch: Mismatch) -> Check {
        Check {
            stored: Checksum::parse(CRC, value).unwrap(),
            part_size: None,
            mismatch,
        }
    }

    fn parts(value: &str, part_size: u64) -> Check {
        Check {
            stored: Checksum::parse(CRC, value).unwrap(),
            part_size: Some(part_size),
            mismatch: Mismatch::Differs,
        }
    }

    const V: &str = "M3eFcAZSQlc=";
    const MD5: &str = "5d41402abc4b2a76b9719d911017c592";
    const MULTI: &str = "8fb356cf42a1aa2106525210ec3e9c3e-3";
    const MIB: u64 = 1 << 20;

    #[test]
    fn a_single_put_or_full_object_checksum_decides_over_the_whole_file() {
        // A single PUT, said so or not.
        for kind in [None, Some(ChecksumType::FullObject)] {
            assert_eq!(
                checks(&meta(MD5, 5, kind, &[V]), None),
                [whole(V, Mismatch::Differs)]
            );
        }
        // A multipart object the server says is full-object: no part size needed, and
        // none is used even when recorded.
        let full = meta(MULTI, 12 * MIB, Some(ChecksumType::FullObject), &[V]);
        assert_eq!(checks(&full, None), [whole(V, Mismatch::Differs)]);
        assert_eq!(checks(&full, Some(5 * MIB)), [whole(V, Mismatch::Differs)]);
    }

    #[test]
    fn a_composite_checksum_needs_the_recorded_part_size_and_a_matching_count() {
        let value = format!("{V}-3");
        for kind in [Some(ChecksumType::Composite), None] {
            let m = meta(MULTI, 12 * MIB, kind, &[&value]);
            // No recorded part size: nothing to compare (the caller cannot tell).
            assert_eq!(checks(&m, None), []);
            // 12 MiB in parts of 5 MiB: 3 parts, as the value says.
            assert_eq!(checks(&m, Some(5 * MIB)), [parts(V, 5 * MIB)]);
            // Parts of 4 MiB would be 3 too; of 8 MiB, 2: another count, no comparison.
            assert_eq!(checks(&m, Some(8 * MIB)), []);
        }
        // Composite said only by the type: the ETag's count stands in for `-N`.
        let m = meta(MULTI, 12 * MIB, Some(ChecksumType::Composite), &[V]);
        assert_eq!(checks(&m, Some(5 * MIB)), [parts(V, 5 * MIB)]);
        assert_eq!(checks(&m, Some(2 * MIB)), []);
    }

    #[test]
    fn a_multipart_value_of_unknown_type_is_tried_whole_then_as_composite() {
        // moto's HEAD: no `-N`, no type. A match over the whole file decides; a mismatch
        // does not, for the value may be composite.
        let m = meta(MULTI, 12 * MIB, None, &[V]);
        assert_eq!(checks(&m, None), [whole(V, Mismatch::Unsure)]);
        assert_eq!(
            checks(&m, Some(5 * MIB)),
            [whole(V, Mismatch::Unsure), parts(V, 5 * MIB)]
        );
    }

    #[test]
    fn values_that_are_not_checksums_are_ignored() {
        for bad in ["", "not base64!", "AAAA", "M3eFcAZSQlc=-x"] {
            assert_eq!(
                checks(&meta(MULTI, 12 * MIB, None, &[bad]), Some(5 * MIB)),
                []
            );
        }
        assert_eq!(checks(&meta(MD5, 5, None, &[]), None), []);
    }

    #[test]
    fn a_file_is_summed_whole_or_part_by_part() {
        let data: Vec<u8> = (0..(5 * MIB + 123)).map(|i| (i * 31 % 251) as u8).collect();
        let dir = std::env::temp_dir().join(format!("objcmd-flexible-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("f");
        std::fs::write(&path, &data).unwrap();
        for algorithm in Algorithm::ALL {
            let value = algorithm.value_of(&data);
            let check = Check {
                stored: value,
                part_size: None,
                mismatch: Mismatch::Differs,
            };
            assert_eq!(sum_file(&path, &check, &|| false).unwrap(), value);
            let part = 2 * MIB;
            let want = Checksum::composite(
                &data
                    .chunks(part as usize)
                    .map(|c| algorithm.value_of(c))
                    .collect::<Vec<_>>(),
            )
            .unwrap();
            let check = Check {
                part_size: Some(part),
                ..check
            };
            assert_eq!(sum_file(&path, &check, &|| false).unwrap(), want);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
