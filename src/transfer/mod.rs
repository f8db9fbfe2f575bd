//! The transfer engine: moving one object's bytes as fast as the link allows, with
//! memory bounded by the work in flight and every byte checked.
//!
//! * `upload`: single PUT for small sources; parallel multipart upload above the part size,
//!   from files (streamed from the file: memory does not grow with the part size or jobs)
//!   or stdin (one part buffer per worker: memory bounded by the parts in flight, not the
//!   object).
//! * `download`: ranged GETs in parallel into a temp file beside the target, renamed into
//!   place when complete and verified (`local` owns the temp file); `stream`: a single
//!   stream to stdout, into a device or FIFO, or for `--range`.
//! * `copy`: server-side copies in parallel parts.
//! * `crypt` and `verify`: client-side encryption, and what a download is checked against.
//! * `checkpoint`: what `--continue` needs to resume an interrupted upload or download.
//! * `budget`: how much file data the uploads in flight may hold at once, across objects.
//!
//! Workers are plain scoped threads pulling part numbers from a shared counter or a bounded
//! channel; they share the client's one connection pool. Nothing here prints: progress goes
//! to the caller's [`Progress`] (`progress`), notes to `log`.
//!
//! The engine knows the client, the marker errors of `crate::error`, encryption and
//! checksums; never the face (`exit`, `output`, `cli`, `settings`): what a failure means
//! for the exit code, and how progress is drawn, are the caller's.

pub mod budget;
pub mod checkpoint;
pub mod copy;
pub mod crypt;
pub mod download;
pub mod local;
pub mod progress;
pub mod stream;
pub mod upload;
pub mod verify;

use std::fs::File;
use std::io::{self, Read};
use std::time::{Duration, SystemTime};

use md5::{Digest, Md5};

use crate::checksum::{Algorithm, Checksum};
use crate::client::{self, Client, TransportKind};

pub use download::{Downloaded, download_to_file};
pub use progress::{NoProgress, Progress};
pub use stream::{Sink, download};
pub use upload::{UploadOutcome, Uploader};

/// The largest object a single PUT may carry (S3's limit; OSS and KS3 allow the same).
pub const MAX_SINGLE_PUT: u64 = 5 << 30;

/// S3's limits on multipart uploads (OSS and KS3 share them).
pub const MAX_PARTS: u64 = 10_000;
/// The smallest part but the last.
pub const MIN_PART_SIZE: u64 = 5 << 20;
/// The largest part.
pub const MAX_PART_SIZE: u64 = 5 << 30;
/// The largest object.
pub const MAX_OBJECT_SIZE: u64 = 5 << 40;

/// Default part size, picked by measurement (docs/benchmarks.md).
pub const DEFAULT_PART_SIZE: u64 = 16 << 20;
/// Default number of parts in flight per object, picked by measurement.
pub const DEFAULT_PART_JOBS: usize = 4;
/// Default number of objects in flight in recursive commands, picked by measurement.
pub const DEFAULT_JOBS: usize = 64;

/// The size of the reads that fill and hash parts held in memory (downloads write smaller
/// blocks, see download.rs; file parts are hashed in [`HASH_BLOCK`]s).
pub(crate) const BLOCK: usize = 1 << 20;

/// How large transfers are cut up: resolved from `--part-size`/`--part-jobs` and the
/// profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tuning {
    /// Requested part size (grown where an object would need more than 10,000 parts).
    pub part_size: u64,
    /// Parts in flight per object.
    pub part_jobs: usize,
    /// Objects in flight in recursive commands.
    pub jobs: usize,
    /// Remote copies above this size are made in parts (UploadPartCopy).
    pub copy_threshold: u64,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            part_size: DEFAULT_PART_SIZE,
            part_jobs: DEFAULT_PART_JOBS,
            jobs: DEFAULT_JOBS,
            copy_threshold: MAX_PART_SIZE,
        }
    }
}

/// Whether a download may replace a local file that is there, or that appears while it
/// runs, and an upload or copy an object (`--no-clobber` says never): the client's, since
/// its writes carry it to the server.
pub use crate::client::Overwrite;

/// Whether an upload of a file continues an interrupted upload of that very file
/// (`put --continue`), or starts over and discards any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// Continue an interrupted upload of the same file, if there is one.
    Yes,
    /// Start a new upload; an interrupted one of the same key is aborted.
    No,
}

/// How an object of known size is cut into parts: all `part_size` long but the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Layout {
    /// The object's size.
    pub size: u64,
    /// The size of every part but the last.
    pub part_size: u64,
}

impl Layout {
    /// The layout for `size` bytes: the requested part size, grown (in whole MiB) so that
    /// no object needs more than 10,000 parts.
    pub fn new(size: u64, requested: u64) -> Layout {
        let needed = size.div_ceil(MAX_PARTS);
        let part_size = if requested >= needed {
            requested.max(1)
        } else {
            needed.next_multiple_of(1 << 20)
        };
        Layout { size, part_size }
    }

    /// The number of parts (at least one, even for an empty object).
    pub fn count(&self) -> u32 {
        self.size.div_ceil(self.part_size).max(1) as u32
    }

    /// `(offset, length)` of part `index` (0-based).
    pub fn part(&self, index: u32) -> (u64, u64) {
        let offset = index as u64 * self.part_size;
        (
            offset,
            self.part_size.min(self.size - offset.min(self.size)),
        )
    }
}

/// The user-metadata key that keeps a file's modification time (Unix seconds with a
/// nine-digit fraction, as rclone writes its `mtime`), so that downloads and `sync` see the
/// file's own time rather than the upload's.
pub const MTIME_META: &str = "mtime";

/// The user-metadata key that records the part size of an object objcmd uploaded in parts,
/// so that `sync --checksum` can recompute its multipart ETag from a local file.
pub const PART_SIZE_META: &str = "objcmd-part-size";

/// Formats a time for [`MTIME_META`].
pub fn mtime_meta(time: SystemTime) -> String {
    let d = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    format!("{}.{:09}", d.as_secs(), d.subsec_nanos())
}

/// Reads [`MTIME_META`] (also plain integer seconds).
pub fn parse_mtime_meta(text: &str) -> Option<SystemTime> {
    let (secs, frac) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
    let secs: u64 = secs.parse().ok()?;
    let nanos: u32 = if frac.is_empty() {
        0
    } else {
        let digits: String = frac.chars().chain("000000000".chars()).take(9).collect();
        digits.parse().ok()?
    };
    Some(SystemTime::UNIX_EPOCH + Duration::new(secs, nanos))
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The ETag S3 gives a multipart object: the MD5 of the parts' binary MD5s, `-N`.
pub fn multipart_etag(part_md5s: &[[u8; 16]]) -> String {
    let mut hasher = Md5::new();
    for md5 in part_md5s {
        hasher.update(md5);
    }
    format!("{}-{}", hex(&hasher.finalize()), part_md5s.len())
}

/// The multipart ETag that `(part number, ETag)` pairs make when every part's ETag is its
/// MD5: what Complete should answer (and, if its reply is lost or empty, what a HEAD shows).
pub fn expected_multipart_etag(parts: &[(u32, String)]) -> Option<String> {
    let md5s = parts
        .iter()
        .map(|(_, etag)| {
            let etag = client::unquote_etag(etag);
            if !client::etag_is_md5(&etag) {
                return None;
            }
            let mut md5 = [0u8; 16];
            for (i, byte) in md5.iter_mut().enumerate() {
                *byte = u8::from_str_radix(&etag[2 * i..2 * i + 2], 16).ok()?;
            }
            Some(md5)
        })
        .collect::<Option<Vec<_>>>()?;
    Some(multipart_etag(&md5s))
}

/// The error that means "the user interrupted".
pub(crate) fn interrupted() -> anyhow::Error {
    anyhow::Error::new(client::Error::Interrupted)
}

/// Whether an error is the user's interruption: the first cause in its chain that says
/// what went wrong (a client error, a service error, a marker of `crate::error`) is
/// `client::Error::Interrupted`. This is the answer `exit::status_of` gives for the errors
/// the engine makes, found without the exit codes the engine must not know.
pub fn is_interrupted(err: &anyhow::Error) -> bool {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<client::Error>() {
            return matches!(e, client::Error::Interrupted);
        }
        if cause.is::<client::ServiceError>() || crate::error::is_marker(cause) {
            return false;
        }
    }
    false
}

/// Fills `buf` from `reader` until it is full or the body ends; returns the bytes read.
fn fill(reader: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                if filled > 0 {
                    // Hand over what arrived; the error will show again on the next read.
                    break;
                }
                return Err(e);
            }
        }
    }
    Ok(filled)
}

/// Before asking again for the rest of a GET's body that ended early (`reason` says
/// where): the error to report once `resumes` exceed the client's retries, else the
/// backoff of a retry.
fn wait_to_resume(
    client: &Client,
    bucket: &str,
    key: &str,
    reason: String,
    resumes: u32,
) -> anyhow::Result<()> {
    let transport = client.transport();
    if resumes > transport.config().retries {
        return Err(client::Error::Transport {
            what: format!("GET {bucket}/{key}"),
            cause: reason,
            kind: TransportKind::Broken,
            attempts: resumes,
        }
        .into());
    }
    log::info!(
        "{reason}; resuming (attempt {} of {})",
        resumes + 1,
        transport.config().retries + 1
    );
    transport.sleep(client::request::backoff(resumes))?;
    Ok(())
}

pub(crate) use crate::client::streamed::read_exact_at;

/// Writes all of `buf` at `offset`.
pub(crate) fn write_all_at(file: &File, buf: &[u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::write_all_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            done += std::os::windows::fs::FileExt::seek_write(
                file,
                &buf[done..],
                offset + done as u64,
            )?;
        }
        Ok(())
    }
}

/// Reads `len` bytes of a file from `offset` into `buf` (reusing its allocation), hashing
/// them on the way; stops on Ctrl-C.
pub(crate) fn read_range(
    file: &File,
    offset: u64,
    len: u64,
    buf: &mut Vec<u8>,
    client: &Client,
) -> anyhow::Result<[u8; 16]> {
    let mut hasher = Md5::new();
    buf.clear();
    buf.resize(len as usize, 0);
    let mut done = 0usize;
    while done < buf.len() {
        if client.transport().cancelled() {
            return Err(interrupted());
        }
        let n = BLOCK.min(buf.len() - done);
        let block = &mut buf[done..done + n];
        read_exact_at(file, block, offset + done as u64).map_err(read_error)?;
        hasher.update(block);
        done += n;
    }
    Ok(hasher.finalize().into())
}

/// A failed read of a source file; reading past its end means it shrank meanwhile.
pub(crate) fn read_error(e: io::Error) -> anyhow::Error {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        anyhow::anyhow!("the file became shorter while it was being read")
    } else {
        anyhow::Error::new(e)
    }
}

/// What a part's (or a single PUT's) bytes are, known before they are sent: their length,
/// MD5 (the `Content-MD5`, and the ETag to expect), for the dialects whose servers return
/// one, CRC-64, and the flexible checksum the upload sends, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sums {
    pub len: u64,
    pub md5: [u8; 16],
    pub crc: Option<u64>,
    pub checksum: Option<Checksum>,
}

impl Sums {
    /// The sums of bytes in memory.
    pub(crate) fn of(data: &[u8], client: &Client, checksum: Option<Algorithm>) -> Sums {
        Sums::with_md5(data, Md5::digest(data).into(), client, checksum)
    }

    /// The sums of bytes in memory whose MD5 was taken as they were read.
    pub(crate) fn with_md5(
        data: &[u8],
        md5: [u8; 16],
        client: &Client,
        checksum: Option<Algorithm>,
    ) -> Sums {
        Sums {
            len: data.len() as u64,
            md5,
            crc: client
                .dialect()
                .crc64_header()
                .map(|_| crate::crc64::checksum(data)),
            checksum: checksum.map(|a| a.value_of(data)),
        }
    }
}

/// The size of the reads that hash a range of a file before it is streamed: each part
/// worker holds one such block, whatever the part size.
pub(crate) const HASH_BLOCK: usize = 256 << 10;

/// Hashes `len` bytes of a file from `offset`, a block at a time through `buf` (reused),
/// keeping none of them: the range is read again, from the page cache, as it is sent
/// (`Content-MD5` goes in the headers, before the body, and the V2 family signs it). The
/// CRC-64 is taken for the dialects that return one, and the flexible checksum `checksum`
/// if one is asked for. Stops on Ctrl-C.
pub(crate) fn hash_range(
    file: &File,
    (offset, len): (u64, u64),
    buf: &mut Vec<u8>,
    client: &Client,
    checksum: Option<Algorithm>,
) -> anyhow::Result<Sums> {
    let mut md5 = Md5::new();
    let mut flexible = checksum.map(Algorithm::hasher);
    let mut crc = client
        .dialect()
        .crc64_header()
        .map(|_| crate::crc64::Crc64::new());
    let want = len.min(HASH_BLOCK as u64) as usize;
    if buf.len() < want {
        buf.resize(want, 0);
    }
    let mut done = 0u64;
    while done < len {
        if client.transport().cancelled() {
            return Err(interrupted());
        }
        let n = (len - done).min(HASH_BLOCK as u64) as usize;
        let block = &mut buf[..n];
        read_exact_at(file, block, offset + done).map_err(read_error)?;
        md5.update(&*block);
        if let Some(crc) = &mut crc {
            crc.update(block);
        }
        if let Some(h) = &mut flexible {
            h.update(block);
        }
        done += n as u64;
    }
    Ok(Sums {
        len,
        md5: md5.finalize().into(),
        crc: crc.map(|c| c.value()),
        checksum: flexible.map(|h| h.finish_value()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_reads_until_full_or_end() {
        let data = vec![7u8; 10];
        let mut reader = io::Cursor::new(data);
        let mut buf = [0u8; 4];
        assert_eq!(fill(&mut reader, &mut buf).unwrap(), 4);
        let mut big = [0u8; 100];
        assert_eq!(fill(&mut reader, &mut big).unwrap(), 6);
        assert_eq!(fill(&mut reader, &mut big).unwrap(), 0);
    }

    #[test]
    fn mtime_metadata_round_trips() {
        let t = SystemTime::UNIX_EPOCH + Duration::new(1_700_000_000, 123_456_789);
        assert_eq!(mtime_meta(t), "1700000000.123456789");
        assert_eq!(parse_mtime_meta("1700000000.123456789"), Some(t));
        assert_eq!(
            parse_mtime_meta("1700000000"),
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000))
        );
        assert_eq!(
            parse_mtime_meta("1700000000.5"),
            Some(SystemTime::UNIX_EPOCH + Duration::new(1_700_000_000, 500_000_000))
        );
        assert_eq!(parse_mtime_meta("soon"), None);
    }

    #[test]
    fn layouts() {
        let l = Layout::new(20 << 20, 8 << 20);
        assert_eq!(
            (l.count(), l.part(0), l.part(2)),
            (3, (0, 8 << 20), (16 << 20, 4 << 20))
        );
        let exact = Layout::new(16 << 20, 8 << 20);
        assert_eq!((exact.count(), exact.part(1)), (2, (8 << 20, 8 << 20)));
        let empty = Layout::new(0, 8 << 20);
        assert_eq!((empty.count(), empty.part(0)), (1, (0, 0)));
        // 1 TiB in 8 MiB parts would need 131,072 parts: the part size grows to fit 10,000.
        let huge = Layout::new(1 << 40, 8 << 20);
        assert!(huge.count() as u64 <= MAX_PARTS, "{}", huge.count());
        assert_eq!(huge.part_size % (1 << 20), 0);
        assert_eq!(huge.part_size, 105 << 20);
        let max = Layout::new(MAX_OBJECT_SIZE, DEFAULT_PART_SIZE);
        assert!(max.count() as u64 <= MAX_PARTS && max.part_size <= MAX_PART_SIZE);
        let (off, len) = max.part(max.count() - 1);
        assert_eq!(off + len, MAX_OBJECT_SIZE);
    }

    #[test]
    fn the_expected_etag_of_listed_parts() {
        let a = hex(&[1u8; 16]);
        let b = hex(&[2u8; 16]);
        let parts = vec![(1, format!("\"{a}\"")), (2, b)];
        assert_eq!(
            expected_multipart_etag(&parts),
            Some(multipart_etag(&[[1u8; 16], [2u8; 16]]))
        );
        assert_eq!(expected_multipart_etag(&[(1, "not-an-md5".into())]), None);
    }

    #[test]
    fn multipart_etags_match_s3s_formula() {
        // Two parts "a" and "b": md5(md5("a") || md5("b")) + "-2".
        let a: [u8; 16] = Md5::digest(b"a").into();
        let b: [u8; 16] = Md5::digest(b"b").into();
        let mut both = Vec::new();
        both.extend_from_slice(&a);
        both.extend_from_slice(&b);
        assert_eq!(
            multipart_etag(&[a, b]),
            format!("{}-2", hex(&Md5::digest(&both)))
        );
    }
}
