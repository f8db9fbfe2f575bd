//! Client-side encryption in transfers (KS3 SDK format, wire-formats.md §9): the profile's
//! key, loaded once when first needed; the reader that encrypts an upload as it is read;
//! and decryption of a downloaded temp file, of a stream, and of a range.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::OnceLock;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use md5::{Digest, Md5};

use super::{read_exact_at, write_all_at};
use crate::client::{ByteRange, Client, ObjectMeta};
use crate::encryption::{self, BLOCK, Decryptor, Encryptor, Key};
use crate::error::{IntegrityError, KeyFileError};

/// User metadata of an encrypted object (after the dialect's prefix), as the SDK writes it.
pub const META_KEY: &str = "key";
/// base64 of the IV.
pub const META_IV: &str = "iv";
/// Decimal plaintext length.
pub const META_PLAIN_LEN: &str = "unencrypted-content-length";
/// base64 MD5 of the plaintext.
pub const META_PLAIN_MD5: &str = "unencrypted-content-md5";

/// The reads of the encrypting reader and the decrypting passes.
const CHUNK: usize = 256 << 10;

/// The encryption key a profile names, read on first use: commands that never meet an
/// encrypted object never touch the file.
pub struct KeySource {
    path: Option<PathBuf>,
    loaded: OnceLock<Result<Key, String>>,
}

impl KeySource {
    /// A source reading `path` (the profile's `encryption_key_file`), if any.
    pub fn new(path: Option<PathBuf>) -> KeySource {
        KeySource {
            path,
            loaded: OnceLock::new(),
        }
    }

    /// The key, or `None` when the profile names no key file.
    pub fn get(&self) -> anyhow::Result<Option<&Key>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let loaded = self
            .loaded
            .get_or_init(|| Key::from_file(path).map_err(|e| e.to_string()));
        match loaded {
            Ok(key) => Ok(Some(key)),
            Err(e) => Err(anyhow::Error::new(KeyFileError(e.clone()))),
        }
    }

    /// True when the profile names a key file (read or not).
    pub fn configured(&self) -> bool {
        self.path.is_some()
    }
}

/// The integrity failure of a wrong key or a damaged object.
fn corrupt(key: &str, why: &str) -> anyhow::Error {
    anyhow::Error::new(IntegrityError(format!(
        "{key}: wrong key or corrupt object ({why})"
    )))
}

/// True when an object carries the encryption metadata (its IV).
pub fn is_encrypted(meta: &ObjectMeta) -> bool {
    meta.metadata.contains_key(META_IV)
}

/// The key to decrypt an object with: `None` for a plain object or `--raw` (`keys` is
/// `None`). An encrypted object without a key is refused; one encrypted with another key
/// (its fingerprint says so) is an integrity failure before any byte is written.
pub fn decryption_key<'k>(
    object: &str,
    meta: &ObjectMeta,
    keys: Option<&'k KeySource>,
) -> anyhow::Result<Option<&'k Key>> {
    let Some(keys) = keys else { return Ok(None) };
    if !is_encrypted(meta) {
        return Ok(None);
    }
    let key = keys.get()?.ok_or_else(|| {
        anyhow::anyhow!(
            "{object} is encrypted on the client (KS3 SDK format) and the profile has no encryption_key_file; set it to decrypt, or pass --raw to download the stored bytes"
        )
    })?;
    if let Some(fingerprint) = meta.metadata.get(META_KEY)
        && !key.matches_fingerprint(fingerprint)
    {
        return Err(corrupt(
            object,
            "the object was encrypted with another key than the profile's",
        ));
    }
    Ok(Some(key))
}

/// The metadata of an encrypted single PUT (§9.3).
pub fn put_metadata(
    key: &Key,
    iv: &[u8; 16],
    plain_len: u64,
    plain_md5: &[u8; 16],
) -> Vec<(String, String)> {
    let mut meta = initiate_metadata(key, iv);
    meta.push((META_PLAIN_LEN.to_string(), plain_len.to_string()));
    meta.push((META_PLAIN_MD5.to_string(), BASE64.encode(plain_md5)));
    meta
}

/// The metadata an encrypted multipart upload is initiated with (§9.3).
pub fn initiate_metadata(key: &Key, iv: &[u8; 16]) -> Vec<(String, String)> {
    vec![
        (META_KEY.to_string(), key.fingerprint()),
        (META_IV.to_string(), encryption::iv_header(iv)),
    ]
}

/// A reader of `IV || AES-128-CBC(plaintext || padding)` over a plaintext reader, so that an
/// upload of any size encrypts as it goes, in one pass. An empty plaintext gives nothing (the
/// SDK stores empty objects unencrypted). It keeps the plaintext's MD5 while the plaintext
/// is at most `hash_limit` bytes: the single-PUT metadata needs it, a multipart upload not.
pub struct Encrypting<R> {
    inner: R,
    encryptor: Encryptor,
    iv: [u8; 16],
    started: bool,
    pending: Vec<u8>,
    pos: usize,
    rest: Vec<u8>,
    done: bool,
    plain_len: u64,
    hasher: Option<Md5>,
    hash_limit: u64,
}

impl<R: Read> Encrypting<R> {
    /// Encrypts `inner` with `key` from `iv`.
    pub fn new(inner: R, key: &Key, iv: [u8; 16], hash_limit: u64) -> Encrypting<R> {
        Encrypting {
            inner,
            encryptor: Encryptor::new(key, iv),
            iv,
            started: false,
            pending: Vec::with_capacity(CHUNK + BLOCK),
            pos: 0,
            rest: Vec::with_capacity(CHUNK + BLOCK),
            done: false,
            plain_len: 0,
            hasher: Some(Md5::new()),
            hash_limit,
        }
    }

    /// Plaintext bytes read so far.
    pub fn plain_len(&self) -> u64 {
        self.plain_len
    }

    /// The plaintext's MD5, once the end was read, if it stayed within the hash limit.
    pub fn plain_md5(&self) -> Option<[u8; 16]> {
        self.done
            .then(|| self.hasher.clone().map(|h| h.finalize().into()))
            .flatten()
    }

    fn refill(&mut self) -> io::Result<()> {
        self.pending.clear();
        self.pos = 0;
        let have = self.rest.len();
        self.rest.resize(have + CHUNK, 0);
        let n = loop {
            match self.inner.read(&mut self.rest[have..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.rest.truncate(have);
                    return Err(e);
                }
            }
        };
        self.rest.truncate(have + n);
        self.plain_len += n as u64;
        if let Some(h) = self.hasher.as_mut() {
            if self.plain_len > self.hash_limit {
                self.hasher = None;
            } else {
                h.update(&self.rest[have..]);
            }
        }
        if n == 0 && self.plain_len == 0 {
            self.done = true;
            return Ok(());
        }
        if !self.started {
            self.started = true;
            self.pending.extend_from_slice(&self.iv);
        }
        if n == 0 {
            // The end: what is left (under a block) plus the padding is the last block.
            let mut last = std::mem::take(&mut self.rest);
            self.encryptor.encrypt_last(&mut last);
            self.pending.extend_from_slice(&last);
            self.done = true;
            return Ok(());
        }
        let whole = self.rest.len() / BLOCK * BLOCK;
        let start = self.pending.len();
        self.pending.extend_from_slice(&self.rest[..whole]);
        self.encryptor.encrypt_blocks(&mut self.pending[start..]);
        self.rest.drain(..whole);
        Ok(())
    }
}

impl<R: Read> Read for Encrypting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.pos < self.pending.len() {
                let n = buf.len().min(self.pending.len() - self.pos);
                buf[..n].copy_from_slice(&self.pending[self.pos..self.pos + n]);
                self.pos += n;
                return Ok(n);
            }
            if self.done {
                return Ok(0);
            }
            self.refill()?;
        }
    }
}

/// The plaintext length of an encrypted object: recorded in its metadata by a single PUT,
/// else read from the padding of its last block (§9.5), with one small ranged GET.
pub fn plain_len(
    client: &Client,
    bucket: &str,
    object: &str,
    key: &Key,
    meta: &ObjectMeta,
) -> anyhow::Result<u64> {
    if let Some(n) = PlainChecks::of(&meta.metadata).len {
        return Ok(n);
    }
    let stored = meta.size;
    if stored < 2 * BLOCK as u64 || !stored.is_multiple_of(BLOCK as u64) {
        return Err(corrupt(
            object,
            &format!("{stored} stored bytes cannot be IV and cipher blocks"),
        ));
    }
    let last = ByteRange::From {
        first: stored - 2 * BLOCK as u64,
        last: Some(stored - 1),
    };
    let out = client.get_object(bucket, object, Some(last), Some(&meta.etag))?;
    let mut tail = Vec::with_capacity(2 * BLOCK);
    out.body
        .into_reader()
        .take(2 * BLOCK as u64)
        .read_to_end(&mut tail)?;
    encryption::plain_len_from_tail(key, stored, &tail)
        .map_err(|_| corrupt(object, "its padding is not the SDK's"))
}

/// The plaintext checks an object's metadata allows: its length and MD5, where recorded.
struct PlainChecks {
    len: Option<u64>,
    md5: Option<String>,
}

impl PlainChecks {
    fn of(metadata: &BTreeMap<String, String>) -> PlainChecks {
        PlainChecks {
            len: metadata
                .get(META_PLAIN_LEN)
                .and_then(|v| v.trim().parse().ok()),
            md5: metadata.get(META_PLAIN_MD5).map(|v| v.trim().to_string()),
        }
    }

    fn verify(&self, object: &str, len: u64, md5: Option<[u8; 16]>) -> anyhow::Result<()> {
        if let Some(expected) = self.len
            && expected != len
        {
            return Err(corrupt(
                object,
                &format!("{len} bytes decrypted, the object says {expected}"),
            ));
        }
        if let (Some(expected), Some(got)) = (&self.md5, md5)
            && *expected != BASE64.encode(got)
        {
            return Err(corrupt(
                object,
                "the MD5 of the decrypted data is not the one recorded at upload",
            ));
        }
        Ok(())
    }
}

fn expected_iv(object: &str, meta: &ObjectMeta) -> anyhow::Result<[u8; 16]> {
    meta.metadata
        .get(META_IV)
        .and_then(|v| encryption::parse_iv_header(v))
        .ok_or_else(|| corrupt(object, "its iv metadata is not 16 bytes of base64"))
}

/// Decrypts a downloaded object in its temp file, in place (the plaintext of a block is
/// written 16 bytes before its ciphertext, behind the reads), checks the padding and what
/// the metadata records, and cuts the file to the plaintext. Returns the plaintext length.
pub fn decrypt_file(
    file: &File,
    object: &str,
    key: &Key,
    meta: &ObjectMeta,
) -> anyhow::Result<u64> {
    let stored = meta.size;
    if stored < 2 * BLOCK as u64 || !stored.is_multiple_of(BLOCK as u64) {
        return Err(corrupt(
            object,
            &format!("{stored} stored bytes cannot be IV and cipher blocks"),
        ));
    }
    let mut iv = [0u8; 16];
    read_exact_at(file, &mut iv, 0)?;
    if iv != expected_iv(object, meta)? {
        return Err(corrupt(object, "its first block is not its recorded IV"));
    }
    let checks = PlainChecks::of(&meta.metadata);
    let mut hasher = checks.md5.is_some().then(Md5::new);
    let mut decryptor = Decryptor::new(key, iv);
    let mut buf = vec![0u8; CHUNK];
    let mut read_pos = BLOCK as u64;
    let mut plain_len = 0u64;
    while read_pos < stored {
        let n = CHUNK.min((stored - read_pos) as usize);
        read_exact_at(file, &mut buf[..n], read_pos)?;
        decryptor.decrypt_blocks(&mut buf[..n]);
        read_pos += n as u64;
        let mut keep = n;
        if read_pos == stored {
            let pad = encryption::padding_len(&buf[n - BLOCK..n])
                .map_err(|_| corrupt(object, "its padding is not the SDK's"))?;
            keep = n - pad;
        }
        write_all_at(file, &buf[..keep], plain_len)?;
        if let Some(h) = hasher.as_mut() {
            h.update(&buf[..keep]);
        }
        plain_len += keep as u64;
    }
    file.set_len(plain_len)?;
    checks.verify(object, plain_len, hasher.map(|h| h.finalize().into()))?;
    Ok(plain_len)
}

/// Stored bytes arriving in pieces: the first block is the chaining block (the IV of a
/// whole object), and the whole blocks after it are decrypted as they complete.
struct CipherStream {
    key: Key,
    decryptor: Option<Decryptor>,
    held: Vec<u8>,
}

impl CipherStream {
    fn new(key: &Key) -> CipherStream {
        CipherStream {
            key: key.clone(),
            decryptor: None,
            held: Vec::with_capacity(CHUNK + 2 * BLOCK),
        }
    }

    /// Takes more stored bytes; returns the chaining block when it has just arrived.
    fn push(&mut self, buf: &[u8]) -> Option<[u8; 16]> {
        self.held.extend_from_slice(buf);
        if self.decryptor.is_some() || self.held.len() < BLOCK {
            return None;
        }
        let mut chain = [0u8; 16];
        chain.copy_from_slice(&self.held[..BLOCK]);
        self.held.drain(..BLOCK);
        self.decryptor = Some(Decryptor::new(&self.key, chain));
        Some(chain)
    }

    /// Decrypts the whole blocks held, but the last `keep_back`, and returns them.
    fn plain(&mut self, keep_back: usize) -> Vec<u8> {
        let Some(decryptor) = self.decryptor.as_mut() else {
            return Vec::new();
        };
        let ready = (self.held.len() / BLOCK).saturating_sub(keep_back) * BLOCK;
        let mut plain: Vec<u8> = self.held.drain(..ready).collect();
        decryptor.decrypt_blocks(&mut plain);
        plain
    }
}

/// A writer that decrypts a whole stored object as it streams through (to stdout): the
/// first block is the IV; the last block is held back until [`DecryptingWriter::finish`]
/// strips its padding.
pub struct DecryptingWriter<'a> {
    out: &'a mut (dyn Write + Send),
    object: String,
    iv: [u8; 16],
    blocks: CipherStream,
    plain_len: u64,
    checks: PlainChecks,
    hasher: Option<Md5>,
    bad_iv: bool,
}

impl<'a> DecryptingWriter<'a> {
    /// The integrity failure that stopped the writer, if it was one (an I/O error cannot
    /// carry it out of the writer thread).
    pub fn failure(&self) -> Option<anyhow::Error> {
        self.bad_iv
            .then(|| corrupt(&self.object, "its first block is not its recorded IV"))
    }

    /// Decrypts into `out` an object with this metadata.
    pub fn new(
        out: &'a mut (dyn Write + Send),
        object: &str,
        key: &Key,
        meta: &ObjectMeta,
    ) -> anyhow::Result<DecryptingWriter<'a>> {
        let checks = PlainChecks::of(&meta.metadata);
        Ok(DecryptingWriter {
            out,
            object: object.to_string(),
            iv: expected_iv(object, meta)?,
            blocks: CipherStream::new(key),
            plain_len: 0,
            hasher: checks.md5.is_some().then(Md5::new),
            checks,
            bad_iv: false,
        })
    }

    /// Writes the held last block without its padding and checks what the metadata
    /// records. Returns the plaintext length.
    pub fn finish(mut self) -> anyhow::Result<u64> {
        let last = self.blocks.plain(0);
        if last.len() != BLOCK || !self.blocks.held.is_empty() {
            return Err(corrupt(
                &self.object,
                "the stored bytes are not IV and whole cipher blocks",
            ));
        }
        let pad = encryption::padding_len(&last)
            .map_err(|_| corrupt(&self.object, "its padding is not the SDK's"))?;
        self.emit(&last[..BLOCK - pad])?;
        self.out.flush()?;
        let md5 = self.hasher.take().map(|h| h.finalize().into());
        self.checks.verify(&self.object, self.plain_len, md5)?;
        Ok(self.plain_len)
    }

    fn emit(&mut self, plain: &[u8]) -> io::Result<()> {
        if let Some(h) = self.hasher.as_mut() {
            h.update(plain);
        }
        self.plain_len += plain.len() as u64;
        self.out.write_all(plain)
    }
}

impl Write for DecryptingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(iv) = self.blocks.push(buf)
            && iv != self.iv
        {
            self.bad_iv = true;
            return Err(io::Error::other(format!(
                "{}: wrong key or corrupt object (its first block is not its recorded IV)",
                self.object
            )));
        }
        // The last whole block may be the padded one: it waits for finish.
        let plain = self.blocks.plain(1);
        if !plain.is_empty() {
            self.emit(&plain)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A writer for a plaintext range: given the stored bytes of [`encryption::range_plan`],
/// it takes the first block as the chaining block, decrypts the rest and passes on the
/// planned window only.
pub struct RangeWriter<'a> {
    out: &'a mut (dyn Write + Send),
    blocks: CipherStream,
    skip: u64,
    keep: u64,
}

impl<'a> RangeWriter<'a> {
    /// Writes to `out` the window of `plan`.
    pub fn new(
        out: &'a mut (dyn Write + Send),
        key: &Key,
        plan: &encryption::RangePlan,
    ) -> RangeWriter<'a> {
        RangeWriter {
            out,
            blocks: CipherStream::new(key),
            skip: plan.skip as u64,
            keep: plan.keep,
        }
    }

    /// Checks that the whole window was written.
    pub fn finish(self) -> anyhow::Result<()> {
        self.out.flush()?;
        if self.keep != 0 {
            anyhow::bail!("the range ended {} bytes early", self.keep);
        }
        Ok(())
    }
}

impl Write for RangeWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.blocks.push(buf);
        let plain = self.blocks.plain(0);
        if !plain.is_empty() {
            let skip = self.skip.min(plain.len() as u64) as usize;
            self.skip -= skip as u64;
            let take = ((plain.len() - skip) as u64).min(self.keep) as usize;
            self.keep -= take as u64;
            self.out.write_all(&plain[skip..skip + take])?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Key {
        Key::from_bytes(&[7u8; 16]).unwrap()
    }

    fn meta_for(stored: &[u8], iv: [u8; 16], plain: &[u8]) -> ObjectMeta {
        let k = key();
        let mut meta = ObjectMeta {
            size: stored.len() as u64,
            ..ObjectMeta::default()
        };
        let md5: [u8; 16] = Md5::digest(plain).into();
        meta.metadata = put_metadata(&k, &iv, plain.len() as u64, &md5)
            .into_iter()
            .collect();
        meta
    }

    fn encrypt_by_reader(plain: &[u8], iv: [u8; 16], read_size: usize) -> Vec<u8> {
        let mut reader = Encrypting::new(plain, &key(), iv, u64::MAX);
        let mut out = Vec::new();
        let mut buf = vec![0u8; read_size];
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        let md5: [u8; 16] = Md5::digest(plain).into();
        assert_eq!(reader.plain_md5(), Some(md5));
        assert_eq!(reader.plain_len(), plain.len() as u64);
        out
    }

    #[test]
    fn the_reader_writes_the_single_put_format_for_any_read_size() {
        let iv = [3u8; 16];
        for len in [
            1usize,
            15,
            16,
            17,
            1000,
            CHUNK - 1,
            CHUNK,
            CHUNK + 17,
            3 * CHUNK + 5,
        ] {
            let plain: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let expected = encryption::encrypt_object(&key(), iv, &plain);
            for read_size in [7, 4096, 1 << 20] {
                assert_eq!(
                    encrypt_by_reader(&plain, iv, read_size),
                    expected,
                    "{len}/{read_size}"
                );
            }
        }
        // Nothing in, nothing out: empty objects are stored as they are.
        assert!(encrypt_by_reader(b"", iv, 16).is_empty());
    }

    #[test]
    fn temp_files_decrypt_in_place_and_damage_is_caught() {
        let iv = [9u8; 16];
        for len in [1usize, 16, 1000, CHUNK + 33] {
            let plain: Vec<u8> = (0..len).map(|i| (i * 7 % 256) as u8).collect();
            let stored = encryption::encrypt_object(&key(), iv, &plain);
            let meta = meta_for(&stored, iv, &plain);
            let tmp = tempfile::tempfile().unwrap();
            write_all_at(&tmp, &stored, 0).unwrap();
            assert_eq!(decrypt_file(&tmp, "k", &key(), &meta).unwrap(), len as u64);
            let mut back = Vec::new();
            let mut f = &tmp;
            f.read_to_end(&mut back).unwrap();
            assert_eq!(back, plain);

            // A flipped byte in the middle: the recorded MD5 no longer matches.
            let mut damaged = stored.clone();
            damaged[16 + len / 2] ^= 1;
            let tmp = tempfile::tempfile().unwrap();
            write_all_at(&tmp, &damaged, 0).unwrap();
            let err = decrypt_file(&tmp, "k", &key(), &meta).unwrap_err();
            assert!(
                err.to_string().contains("wrong key or corrupt object"),
                "{err}"
            );
        }
    }

    #[test]
    fn streams_decrypt_and_check_the_padding() {
        let iv = [1u8; 16];
        let plain: Vec<u8> = (0..5000).map(|i| (i % 13) as u8).collect();
        let stored = encryption::encrypt_object(&key(), iv, &plain);
        let meta = meta_for(&stored, iv, &plain);
        for piece in [1usize, 16, 17, 4096] {
            let mut out = Vec::new();
            let mut w = DecryptingWriter::new(&mut out, "k", &key(), &meta).unwrap();
            for chunk in stored.chunks(piece) {
                w.write_all(chunk).unwrap();
            }
            assert_eq!(w.finish().unwrap(), plain.len() as u64);
            assert_eq!(out, plain);
        }
        // Cut short: the last block is not there.
        let mut out = Vec::new();
        let mut w = DecryptingWriter::new(&mut out, "k", &key(), &meta).unwrap();
        w.write_all(&stored[..stored.len() - 8]).unwrap();
        assert!(w.finish().is_err());
    }

    #[test]
    fn ranges_decrypt_to_exactly_the_window() {
        let iv = [5u8; 16];
        let plain: Vec<u8> = (0..1000).map(|i| (i % 251) as u8).collect();
        let stored = encryption::encrypt_object(&key(), iv, &plain);
        for (a, b) in [
            (0u64, 0u64),
            (0, 15),
            (15, 16),
            (17, 999),
            (990, 999),
            (999, 999),
            (32, 47),
        ] {
            let plan = encryption::range_plan(a, b);
            let fetched = &stored[plan.fetch_first as usize..=plan.fetch_last as usize];
            let mut out = Vec::new();
            let mut w = RangeWriter::new(&mut out, &key(), &plan);
            for chunk in fetched.chunks(7) {
                w.write_all(chunk).unwrap();
            }
            w.finish().unwrap();
            assert_eq!(out, &plain[a as usize..=b as usize], "{a}-{b}");
        }
    }

    #[test]
    fn another_key_is_refused_by_its_fingerprint() {
        let iv = [2u8; 16];
        let stored = encryption::encrypt_object(&key(), iv, b"x");
        let meta = meta_for(&stored, iv, b"x");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.key");
        std::fs::write(&path, [8u8; 16]).unwrap();
        let other = KeySource::new(Some(path));
        let err = decryption_key("k", &meta, Some(&other)).unwrap_err();
        assert!(err.to_string().contains("wrong key"), "{err}");
        let none = KeySource::new(None);
        let err = decryption_key("k", &meta, Some(&none)).unwrap_err();
        assert!(err.to_string().contains("--raw"), "{err}");
        // --raw: no key asked for.
        assert!(decryption_key("k", &meta, None).unwrap().is_none());
    }
}
