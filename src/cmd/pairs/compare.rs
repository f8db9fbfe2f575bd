//! How `sync` and `check` decide whether a path both sides have differs: by size and time,
//! by content with `--checksum` (MD5, a stored flexible checksum: [`super::flexible`], a
//! recomputed multipart ETag, the CRC-64 that OSS and KS3 store), and for an object stored
//! encrypted, against the plaintext its metadata describes.

use std::cmp::Ordering as CmpOrdering;
use std::path::Path;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::{Entry, Side, flexible};
use crate::address::RemoteUrl;
use crate::client::{Client, ObjectMeta, etag_is_md5};
use crate::cmd::ctx::Ctx;
use crate::cmd::object::{MTIME_META, PART_SIZE_META, parse_mtime_meta};
use crate::transfer::{self, Layout, crypt, hex};

/// How paths both sides have are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checksum {
    /// By size and time (the default).
    No,
    /// By content (`--checksum`), where the checksums can tell.
    Yes,
}

impl From<bool> for Checksum {
    fn from(checksum: bool) -> Checksum {
        if checksum {
            Checksum::Yes
        } else {
            Checksum::No
        }
    }
}

/// What a closer comparison decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The destination holds the source's content: skip.
    Same,
    /// Transfer, replacing the destination as it is stored.
    Transfer(Stored),
}

/// How the destination of a transfer is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    /// As it is (or there is none yet).
    Plain,
    /// Encrypted on the client: it is replaced encrypted, never with plaintext.
    Encrypted,
}

/// What an object of another size than its file turned out to be.
enum Twin {
    /// Decided without looking further.
    Decided(Verdict),
    /// Stored encrypted, with the file's size once decrypted: compare further (by time),
    /// with its metadata.
    SameSize(Box<ObjectMeta>),
}

/// Whole seconds: Last-Modified has no finer precision on every server.
pub fn secs(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
}

/// Compares the entries of one path on two sides (of which at least one is remote).
pub struct Comparer<'a> {
    /// The client and keys.
    pub ctx: Ctx<'a>,
    /// The source side.
    pub src: &'a Side,
    /// The destination side.
    pub dst: &'a Side,
    /// By size and time, or by content.
    pub checksum: Checksum,
}

impl Comparer<'_> {
    /// MD5 of a whole local file, or its multipart ETag for parts of `part_size`.
    fn local_etag(path: &Path, part_size: Option<u64>, client: &Client) -> anyhow::Result<String> {
        let file = std::fs::File::open(path)?;
        let size = file.metadata()?.len();
        let mut buf = Vec::new();
        match part_size {
            None => {
                let mut hasher = <md5::Md5 as md5::Digest>::new();
                let layout = Layout::new(size, 16 << 20);
                for i in 0..layout.count() {
                    let (offset, len) = layout.part(i);
                    transfer::read_range(&file, offset, len, &mut buf, client)?;
                    md5::Digest::update(&mut hasher, &buf);
                }
                Ok(hex(&md5::Digest::finalize(hasher)))
            }
            Some(part) => {
                let layout = Layout::new(size, part);
                let mut md5s = Vec::new();
                for i in 0..layout.count() {
                    let (offset, len) = layout.part(i);
                    md5s.push(transfer::read_range(&file, offset, len, &mut buf, client)?);
                }
                Ok(transfer::multipart_etag(&md5s))
            }
        }
    }

    /// True when an object and a file of the same size hold the same bytes, as far as
    /// `--checksum` can tell: by an MD5 ETag, else (one HEAD) by a stored flexible
    /// checksum, a multipart ETag with a recorded part size, or OSS's and KS3's CRC-64;
    /// `None` when none of them can tell.
    fn same_content(
        &self,
        object: &RemoteUrl,
        etag: &str,
        path: &Path,
    ) -> anyhow::Result<Option<bool>> {
        let client = self.ctx.client;
        if etag_is_md5(etag) {
            return Ok(Some(
                Self::local_etag(path, None, client)?.eq_ignore_ascii_case(etag),
            ));
        }
        // A multipart ETag: only the HEAD can tell more (a recorded part size, stored
        // checksums), and listings carry neither.
        let meta = client.head_object(&object.bucket, &object.key)?;
        let part = meta
            .metadata
            .get(PART_SIZE_META)
            .and_then(|p| p.parse().ok());
        // A stored flexible checksum first: a CRC is quicker to compute than the MD5s of
        // a multipart ETag, and it covers objects other tools uploaded.
        for check in flexible::checks(&meta, part) {
            let same = flexible::of_file(path, &check, client)? == check.stored;
            log::debug!(
                "{object}: {} {}",
                if same { "same as" } else { "differs from" },
                check.describe()
            );
            if same || check.mismatch == flexible::Mismatch::Differs {
                return Ok(Some(same));
            }
        }
        match (part, meta.crc64) {
            (Some(part), _) => Ok(Some(
                Self::local_etag(path, Some(part), client)?.eq_ignore_ascii_case(etag),
            )),
            // OSS and KS3 store a CRC-64 of every object, however it was uploaded.
            (None, Some(stored)) => Ok(Some(Self::local_crc64(path, client)? == stored)),
            (None, None) => Ok(None),
        }
    }

    /// CRC-64/ECMA of a whole local file, as OSS and KS3 compute it.
    fn local_crc64(path: &Path, client: &Client) -> anyhow::Result<u64> {
        let file = std::fs::File::open(path)?;
        let layout = Layout::new(file.metadata()?.len(), 16 << 20);
        let (mut crc, mut buf) = (crate::crc64::Crc64::new(), Vec::new());
        for i in 0..layout.count() {
            let (offset, len) = layout.part(i);
            transfer::read_range(&file, offset, len, &mut buf, client)?;
            crc.update(&buf);
        }
        Ok(crc.value())
    }

    /// Decides whether an entry both sides have needs a transfer.
    pub fn differs(&self, a: &Entry, b: &Entry) -> anyhow::Result<Verdict> {
        match (self.src, self.dst) {
            (Side::Local(_), Side::Remote { .. }) => self.file_and_object(a, b),
            (Side::Remote { .. }, Side::Local(_)) => self.file_and_object(b, a),
            (Side::Remote { .. }, Side::Remote { .. }) => self.objects_differ(a, b),
            (Side::Local(_), Side::Local(_)) => unreachable!("refused before"),
        }
    }

    /// Compares a file with the object of the same path: by content with `--checksum`, else
    /// by time; an object of another size may be the file's ciphertext.
    fn file_and_object(&self, file: &Entry, object: &Entry) -> anyhow::Result<Verdict> {
        let (side_local, side_remote) = match self.src {
            Side::Local(_) => (self.src, self.dst),
            Side::Remote { .. } => (self.dst, self.src),
        };
        let url = side_remote.remote(&object.rel).expect("remote side");
        let path = side_local
            .local(&file.rel)
            .expect("local side")
            .map_err(|why| anyhow::anyhow!(why))?;
        if file.size != object.size {
            return match self.encrypted_twin(file, object, &url, &path)? {
                Twin::Decided(verdict) => Ok(verdict),
                Twin::SameSize(meta) => {
                    let changed = Verdict::Transfer(Stored::Encrypted);
                    self.by_time(file, object, &url, Some(*meta), changed)
                }
            };
        }
        let changed = Verdict::Transfer(Stored::Plain);
        if self.checksum == Checksum::No {
            return self.by_time(file, object, &url, None, changed);
        }
        Ok(match self.same_content(&url, &object.etag, &path)? {
            Some(true) => Verdict::Same,
            Some(false) => changed,
            None => {
                log::info!(
                    "{url}: no MD5 to compare (multipart ETag, no recorded part size, no stored checksum): transferring"
                );
                changed
            }
        })
    }

    /// A file and an object of different sizes: the object may be stored encrypted, its
    /// ciphertext of another size than the plaintext its metadata describes. Then the file
    /// is compared with that plaintext, and replaces the object encrypted, never as
    /// plaintext.
    fn encrypted_twin(
        &self,
        file: &Entry,
        object: &Entry,
        url: &RemoteUrl,
        path: &Path,
    ) -> anyhow::Result<Twin> {
        let changed = Verdict::Transfer(Stored::Plain);
        // Ciphertext fills whole AES blocks: other sizes need no HEAD.
        if !object.size.is_multiple_of(crate::encryption::BLOCK as u64) {
            return Ok(Twin::Decided(changed));
        }
        let client = self.ctx.client;
        let meta = client.head_object(&url.bucket, &url.key)?;
        if !crypt::is_encrypted(&meta) {
            return Ok(Twin::Decided(changed));
        }
        let changed = Verdict::Transfer(Stored::Encrypted);
        let plain_len = meta.metadata.get(crypt::META_PLAIN_LEN);
        if plain_len.and_then(|l| l.trim().parse().ok()) != Some(file.size) {
            return Ok(Twin::Decided(changed));
        }
        if self.checksum == Checksum::No {
            return Ok(Twin::SameSize(Box::new(meta)));
        }
        let recorded = meta.metadata.get(crypt::META_PLAIN_MD5);
        let local = Self::local_etag(path, None, client)?;
        let same =
            recorded.is_some_and(|r| BASE64.decode(r.trim()).is_ok_and(|r| hex(&r) == local));
        Ok(Twin::Decided(if same { Verdict::Same } else { changed }))
    }

    /// A file and an object of the same (plaintext) size, by time: an upload is the same
    /// when made after the file last changed, a download when the file is no older; within
    /// the same second, the mtime recorded at upload tells. `head` is the object's
    /// metadata, if already fetched.
    fn by_time(
        &self,
        file: &Entry,
        object: &Entry,
        url: &RemoteUrl,
        head: Option<ObjectMeta>,
        changed: Verdict,
    ) -> anyhow::Result<Verdict> {
        let (Some(file_time), Some(object_time)) = (file.time, object.time) else {
            return Ok(changed);
        };
        if matches!(self.src, Side::Local(_)) {
            match secs(file_time).cmp(&secs(object_time)) {
                // Uploaded after the file last changed: the object holds it.
                CmpOrdering::Less => return Ok(Verdict::Same),
                CmpOrdering::Greater => return Ok(changed),
                // Changed in the second of the upload (Last-Modified has whole seconds):
                // only the mtime recorded at upload can tell.
                CmpOrdering::Equal => {}
            }
        } else if secs(file_time) >= secs(object_time) {
            return Ok(Verdict::Same);
        }
        // The file may carry the object's recorded mtime (uploaded from it, or restored on
        // download).
        let meta = match head {
            Some(meta) => meta,
            None => self.ctx.client.head_object(&url.bucket, &url.key)?,
        };
        let recorded = meta
            .metadata
            .get(MTIME_META)
            .and_then(|m| parse_mtime_meta(m));
        let same = recorded.is_some_and(|t| {
            t.duration_since(file_time).unwrap_or_else(|e| e.duration()) <= Duration::from_millis(1)
        });
        Ok(if same { Verdict::Same } else { changed })
    }

    /// Two objects: by ETag with `--checksum` where the ETags can tell (or the CRC-64s
    /// OSS and KS3 store), else by time.
    fn objects_differ(&self, a: &Entry, b: &Entry) -> anyhow::Result<Verdict> {
        let changed = Verdict::Transfer(Stored::Plain);
        // `sync` pairs only objects of one size; `check` pairs all.
        if a.size != b.size {
            return Ok(changed);
        }
        if self.checksum == Checksum::Yes {
            if a.etag.eq_ignore_ascii_case(&b.etag) {
                return Ok(Verdict::Same);
            }
            if etag_is_md5(&a.etag) && etag_is_md5(&b.etag) {
                return Ok(changed);
            }
            if let Some(same) = self.same_crc64(a, b)? {
                return Ok(if same { Verdict::Same } else { changed });
            }
            // A multipart ETag depends on the part sizes: different ETags do not mean
            // different content. Fall back to the times.
            log::info!(
                "{}: ETags {} and {} cannot be compared (multipart): comparing times",
                a.rel,
                a.etag,
                b.etag
            );
        }
        Ok(match (a.time, b.time) {
            (Some(src), Some(dst)) if secs(dst) >= secs(src) => Verdict::Same,
            _ => changed,
        })
    }

    /// Whether two objects have the same stored CRC-64 (OSS, KS3); `None` where the
    /// dialect or either object has none.
    fn same_crc64(&self, a: &Entry, b: &Entry) -> anyhow::Result<Option<bool>> {
        let client = self.ctx.client;
        if client.dialect().crc64_header().is_none() {
            return Ok(None);
        }
        let (Some(from), Some(to)) = (self.src.remote(&a.rel), self.dst.remote(&b.rel)) else {
            return Ok(None);
        };
        let from = client.head_object(&from.bucket, &from.key)?.crc64;
        let to = client.head_object(&to.bucket, &to.key)?.crc64;
        Ok(from.zip(to).map(|(x, y)| x == y))
    }
}
