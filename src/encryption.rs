//! KS3 client-side encryption, byte-compatible with ks3sdk's `local_encrypt=True`: the key
//! file, the stored format (IV || AES-128-CBC with the SDK's digit/letter padding), streaming
//! encryption chained across multipart parts, and range reads of encrypted objects.
//!
//! Pure apart from reading and creating key files and asking the OS for random bytes: no
//! network, no terminal, no printing. Wire format: spec `wire-formats.md` §9.

use std::fmt;
use std::fs;
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

use aes::Aes128;
use aes::cipher::consts::U16;
use aes::cipher::inout::InOutBuf;
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, IvState, KeyIvInit};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use md5::{Digest as _, Md5};

/// The AES block size, which is also the IV and key size (AES-128).
pub const BLOCK: usize = 16;

/// The padding character for n padding bytes is `PAD_CHARS[n - 1]`.
const PAD_CHARS: &[u8; BLOCK] = b"123456789abcdefg";

/// A key file is 16 bytes plus whitespace; anything this large is the wrong file, and reading
/// it whole (say `/dev/zero`) must not hang or exhaust memory.
const MAX_KEY_FILE: u64 = 4096;

/// Python's `bytes.strip()` set, which ks3sdk applies to the key file. Unlike
/// `u8::is_ascii_whitespace` it includes vertical tab.
fn is_sdk_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn strip_sdk_whitespace(mut raw: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = raw
        && is_sdk_whitespace(*first)
    {
        raw = rest;
    }
    while let [rest @ .., last] = raw
        && is_sdk_whitespace(*last)
    {
        raw = rest;
    }
    raw
}

fn lower_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Fills `buf` from the operating system's CSPRNG.
fn os_random(buf: &mut [u8]) {
    // Keys and IVs must not come from a non-cryptographic generator, and there is no safe
    // fallback: an OS without a working random source cannot encrypt at all.
    getrandom::fill(buf).expect("the operating system's random number generator failed");
}

/// A 16-byte AES-128 key, as ks3sdk loads it from its key file.
///
/// `Debug` never shows the key bytes; the only ways to them are encrypting and decrypting.
#[derive(Clone)]
pub struct Key([u8; BLOCK]);

/// Why a key (file) was refused. Messages describe the file, never the key bytes.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The key file could not be opened or read.
    #[error("cannot read key file {path}: {source}")]
    Read {
        /// The key file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Key bytes given directly (not from a file) have the wrong length.
    #[error(
        "the key is {len} bytes after stripping whitespace; a key is exactly 16 bytes{}",
        hex_hint(*.looks_hex)
    )]
    Length {
        /// The length after stripping.
        len: usize,
        /// The stripped bytes are 32 hex digits: probably a hex-encoded key.
        looks_hex: bool,
    },
    /// The key file has the wrong length.
    #[error(
        "key file {path} is {len} bytes after stripping whitespace; a key is exactly 16 \
         bytes{}",
        hex_hint(*.looks_hex)
    )]
    FileLength {
        /// The key file.
        path: PathBuf,
        /// The length after stripping.
        len: usize,
        /// The stripped bytes are 32 hex digits: probably a hex-encoded key.
        looks_hex: bool,
    },
    /// The key file is far too large to be a key file.
    #[error("key file {path} is larger than {MAX_KEY_FILE} bytes; a key is exactly 16 bytes")]
    TooLarge {
        /// The key file.
        path: PathBuf,
    },
}

/// People write keys as hex; ks3sdk uses the file's bytes as they are, so say so.
fn hex_hint(looks_hex: bool) -> &'static str {
    if looks_hex {
        " (it holds 32 hex digits, but the key is the file's raw bytes, not their hex decoding)"
    } else {
        ""
    }
}

impl Key {
    /// Strips ASCII whitespace (space, `\t`, `\n`, `\r`, `\x0b`, `\x0c`) at both ends, as
    /// ks3sdk does, then requires exactly 16 bytes. Whitespace inside the key is kept.
    pub fn from_bytes(raw: &[u8]) -> Result<Key, KeyError> {
        let stripped = strip_sdk_whitespace(raw);
        <[u8; BLOCK]>::try_from(stripped)
            .map(Key)
            .map_err(|_| KeyError::Length {
                len: stripped.len(),
                looks_hex: stripped.len() == 2 * BLOCK
                    && stripped.iter().all(u8::is_ascii_hexdigit),
            })
    }

    /// Reads a key file (see [`Key::from_bytes`]); errors name the file.
    pub fn from_file(path: &Path) -> Result<Key, KeyError> {
        let read_error = |source| KeyError::Read {
            path: path.to_path_buf(),
            source,
        };
        let mut raw = Vec::new();
        fs::File::open(path)
            .and_then(|f| f.take(MAX_KEY_FILE + 1).read_to_end(&mut raw))
            .map_err(read_error)?;
        if raw.len() as u64 > MAX_KEY_FILE {
            return Err(KeyError::TooLarge {
                path: path.to_path_buf(),
            });
        }
        Key::from_bytes(&raw).map_err(|e| match e {
            KeyError::Length { len, looks_hex } => KeyError::FileLength {
                path: path.to_path_buf(),
                len,
                looks_hex,
            },
            other => other,
        })
    }

    /// A random key whose first and last bytes are not ASCII whitespace (the SDK would strip
    /// them, leaving a short key).
    pub fn generate() -> Key {
        let mut bytes = [0u8; BLOCK];
        loop {
            os_random(&mut bytes);
            // Redrawing (about 1 key in 22) keeps the key uniform over the acceptable keys.
            if !is_sdk_whitespace(bytes[0]) && !is_sdk_whitespace(bytes[BLOCK - 1]) {
                return Key(bytes);
            }
        }
    }

    /// Generates a key and writes it to a NEW file, readable by the owner only.
    ///
    /// Refuses to overwrite an existing file (`ErrorKind::AlreadyExists`): replacing a key
    /// file makes every object encrypted with the old key unreadable. On unix the file is
    /// created with mode 0600, so the key is never readable by others, not even briefly.
    pub fn write_new(path: &Path) -> io::Result<Key> {
        let key = Key::generate();
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(path)?;
        if let Err(e) = file.write_all(&key.0).and_then(|()| file.sync_all()) {
            // A truncated key file would later load as "wrong length" or, worse, not at all.
            drop(file);
            let _ = fs::remove_file(path);
            return Err(e);
        }
        Ok(key)
    }

    /// `base64(lowercase hex(md5(key)))`: the `x-kss-meta-key` value (44 characters). It
    /// identifies the key and is not secret.
    pub fn fingerprint(&self) -> String {
        BASE64.encode(lower_hex(&Md5::digest(self.0)))
    }

    /// True when an object's `x-kss-meta-key` says it was encrypted with this key.
    ///
    /// ks3sdk never checks this, but comparing first turns "wrong key" from a probable
    /// padding failure (or, rarely, garbage) into a certain, early diagnosis.
    pub fn matches_fingerprint(&self, meta_key: &str) -> bool {
        meta_key.trim() == self.fingerprint()
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(<redacted>)")
    }
}

/// A fresh random IV from the OS CSPRNG. Each object (and each multipart upload) gets its
/// own: CBC with a repeated IV and key leaks which objects share a prefix.
pub fn random_iv() -> [u8; BLOCK] {
    let mut iv = [0u8; BLOCK];
    os_random(&mut iv);
    iv
}

/// The `x-kss-meta-iv` value for `iv`: its base64.
pub fn iv_header(iv: &[u8; BLOCK]) -> String {
    BASE64.encode(iv)
}

/// Parses an `x-kss-meta-iv` value; `None` unless it is base64 of exactly 16 bytes.
pub fn parse_iv_header(value: &str) -> Option<[u8; BLOCK]> {
    let bytes = BASE64.decode(value.trim()).ok()?;
    bytes.try_into().ok()
}

/// Stored length of a plaintext of `plain_len` bytes: 16 (IV) + `plain_len` + padding, i.e.
/// `16 * (plain_len / 16 + 2)`; 0 for 0, because ks3sdk stores empty objects unencrypted.
pub fn stored_len(plain_len: u64) -> u64 {
    if plain_len == 0 {
        0
    } else {
        BLOCK as u64 * (plain_len / BLOCK as u64 + 2)
    }
}

/// Body length of one multipart part (§9.4): the first part carries the IV, the last the
/// padding. These are the lengths Content-Length and the CRC-64 combine need.
pub fn part_stored_len(plain_len: u64, is_first: bool, is_last: bool) -> u64 {
    let iv = if is_first { BLOCK as u64 } else { 0 };
    let pad = if is_last {
        BLOCK as u64 - plain_len % BLOCK as u64
    } else {
        0
    };
    iv + plain_len + pad
}

/// The padding ks3sdk appends (NOT PKCS#7): `n = 16 - plain_len % 16` copies of `c(n)`, where
/// `c(1..9)` is `'1'..'9'` and `c(10..16)` is `'a'..'g'`. Always 1 to 16 bytes.
pub fn padding(plain_len: u64) -> Vec<u8> {
    let n = BLOCK - (plain_len % BLOCK as u64) as usize;
    vec![PAD_CHARS[n - 1]; n]
}

/// Reinterprets whole blocks without copying; the caller has checked the length.
fn blocks(data: &mut [u8]) -> InOutBuf<'_, '_, aes::Block> {
    let (blocks, tail) = InOutBuf::from(data).into_chunks::<U16>();
    debug_assert!(tail.is_empty());
    blocks
}

/// Streaming AES-128-CBC encryptor whose whole state is the chaining block: the IV at the
/// start, then the last ciphertext block produced.
///
/// That state is what lets a multipart upload continue in a later part (or a later process):
/// part k is encrypted by `Encryptor::new(key, last 16 bytes of part k-1's body)`.
pub struct Encryptor {
    cbc: cbc::Encryptor<Aes128>,
}

impl Encryptor {
    /// Starts from `chain`: the object's IV, or the last ciphertext block so far.
    pub fn new(key: &Key, chain: [u8; BLOCK]) -> Encryptor {
        Encryptor {
            cbc: cbc::Encryptor::new(&key.0.into(), &chain.into()),
        }
    }

    /// Encrypts whole blocks in place, advancing the chain.
    ///
    /// # Panics
    ///
    /// If `data.len()` is not a multiple of 16: only the last piece of an object may have
    /// a partial block, and it goes through [`Encryptor::encrypt_last`]. Carrying on would
    /// upload a plaintext tail.
    pub fn encrypt_blocks(&mut self, data: &mut [u8]) {
        assert!(
            data.len().is_multiple_of(BLOCK),
            "encrypt_blocks needs whole 16-byte blocks, got {} bytes",
            data.len()
        );
        self.cbc.encrypt_blocks_inout_mut(blocks(data));
    }

    /// Appends the padding to `data` (the final plaintext piece, any length) and encrypts it
    /// all in place: the last piece of an object or of a multipart upload.
    ///
    /// The padding depends on `data.len() % 16` only, which equals the whole plaintext's
    /// length mod 16 because every earlier piece was whole blocks.
    pub fn encrypt_last(&mut self, data: &mut Vec<u8>) {
        data.extend_from_slice(&padding(data.len() as u64));
        self.encrypt_blocks(data);
    }

    /// The current chaining block (the last ciphertext block, or the IV if nothing was
    /// encrypted yet). Persist it to resume a multipart upload elsewhere.
    pub fn chain(&self) -> [u8; BLOCK] {
        self.cbc.iv_state().into()
    }
}

/// Streaming AES-128-CBC decryptor with the same chaining model as [`Encryptor`]: start it
/// from the IV, or from the ciphertext block just before the first block to decrypt.
pub struct Decryptor {
    cbc: cbc::Decryptor<Aes128>,
}

impl Decryptor {
    /// Starts from `chain`: the IV, or the ciphertext block preceding the data.
    pub fn new(key: &Key, chain: [u8; BLOCK]) -> Decryptor {
        Decryptor {
            cbc: cbc::Decryptor::new(&key.0.into(), &chain.into()),
        }
    }

    /// Decrypts whole blocks in place, advancing the chain. Padding is left in place: only
    /// the caller knows which block is the last (see [`padding_len`]).
    ///
    /// # Panics
    ///
    /// If `data.len()` is not a multiple of 16 (a caller bug: stored objects and the
    /// fetches [`range_plan`] asks for are whole blocks).
    pub fn decrypt_blocks(&mut self, data: &mut [u8]) {
        assert!(
            data.len().is_multiple_of(BLOCK),
            "decrypt_blocks needs whole 16-byte blocks, got {} bytes",
            data.len()
        );
        self.cbc.decrypt_blocks_inout_mut(blocks(data));
    }

    /// The current chaining block: the last ciphertext block consumed, or the starting one.
    pub fn chain(&self) -> [u8; BLOCK] {
        self.cbc.iv_state().into()
    }
}

/// Decryption found something no correct key and intact object can produce.
///
/// With a wrong key, the final block decrypts to noise, and the padding check alone catches
/// that with probability about 1 - 1/255: noise passes only if its last byte is one of the
/// 16 padding characters and the bytes before it repeat it. So callers should also compare
/// [`Key::fingerprint`] with `x-kss-meta-key` and, when present, the plaintext's MD5 with
/// `x-kss-meta-unencrypted-content-md5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("wrong key or corrupt object")]
pub struct Corrupt;

/// The number of padding bytes `n` (1..=16) at the end of the decrypted final block (or of
/// any decrypted plaintext that ends the object).
///
/// ks3sdk trusts the final byte blindly; this also checks that it is a padding character,
/// that `n` fits, and that all `n` trailing bytes are equal.
pub fn padding_len(last_plain_block: &[u8]) -> Result<usize, Corrupt> {
    let &last = last_plain_block.last().ok_or(Corrupt)?;
    let n = PAD_CHARS.iter().position(|&c| c == last).ok_or(Corrupt)? + 1;
    let start = last_plain_block.len().checked_sub(n).ok_or(Corrupt)?;
    if last_plain_block[start..].iter().all(|&b| b == last) {
        Ok(n)
    } else {
        Err(Corrupt)
    }
}

/// The plaintext length of an encrypted object that has no
/// `x-kss-meta-unencrypted-content-length` (every completed multipart upload), from its
/// stored length `stored_len` and its last 32 stored bytes `tail32`.
///
/// The last block is decrypted with the block before it as IV, so one small ranged GET
/// suffices: `N = stored_len - 16 - n`.
pub fn plain_len_from_tail(key: &Key, stored_len: u64, tail32: &[u8]) -> Result<u64, Corrupt> {
    if stored_len < 2 * BLOCK as u64
        || !stored_len.is_multiple_of(BLOCK as u64)
        || tail32.len() != 32
    {
        return Err(Corrupt);
    }
    let (chain, last) = tail32.split_at(BLOCK);
    let chain: [u8; BLOCK] = chain.try_into().map_err(|_| Corrupt)?;
    let mut block: [u8; BLOCK] = last.try_into().map_err(|_| Corrupt)?;
    Decryptor::new(key, chain).decrypt_blocks(&mut block);
    let n = padding_len(&block)?;
    Ok(stored_len - BLOCK as u64 - n as u64)
}

/// How to read plaintext bytes `[a, b]` of an encrypted object (§9.5): fetch stored bytes
/// `[fetch_first, fetch_last]`, use the first 16 as the chaining block and decrypt the rest,
/// then skip `skip` decrypted bytes and keep `keep`.
///
/// This is the correct algorithm; ks3sdk's own range read returns too few bytes whenever the
/// range touches the final cipher block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RangePlan {
    /// First stored byte to fetch: `16 * (a / 16)`, the chaining block (the IV when a < 16).
    pub fetch_first: u64,
    /// Last stored byte to fetch (inclusive): `16 * (b / 16 + 1) + 15`.
    pub fetch_last: u64,
    /// Decrypted bytes to skip: `a % 16`.
    pub skip: usize,
    /// Bytes to keep after skipping: `b - a + 1`.
    pub keep: u64,
}

/// Plans the read of plaintext bytes `[a, b]`, which must satisfy `b < plain_len` (for an
/// open-ended `a-`, find the length first with [`plain_len_from_tail`]). Since `b` stays
/// clear of the padding, no unpadding is needed, and the fetch never runs past the object.
///
/// # Panics
///
/// If `a > b`: validate user ranges before planning.
pub fn range_plan(a: u64, b: u64) -> RangePlan {
    assert!(a <= b, "range_plan: empty range {a}-{b}");
    let block = BLOCK as u64;
    let (i, j) = (a / block, b / block);
    RangePlan {
        fetch_first: block * i,
        fetch_last: block * (j + 1) + (block - 1),
        skip: (a - block * i) as usize,
        keep: b - a + 1,
    }
}

impl RangePlan {
    /// The number of stored bytes to fetch.
    pub fn fetch_len(&self) -> u64 {
        self.fetch_last - self.fetch_first + 1
    }

    /// The HTTP `Range` header value for the fetch.
    pub fn range_header(&self) -> String {
        format!("bytes={}-{}", self.fetch_first, self.fetch_last)
    }

    /// Decrypts the fetched stored bytes and returns the requested plaintext. A fetch of the
    /// wrong length (a truncated reply, or a range past the end) is [`Corrupt`].
    pub fn decrypt(&self, key: &Key, fetched: &[u8]) -> Result<Vec<u8>, Corrupt> {
        if fetched.len() as u64 != self.fetch_len() {
            return Err(Corrupt);
        }
        let (chain, body) = fetched.split_at(BLOCK);
        let chain: [u8; BLOCK] = chain.try_into().map_err(|_| Corrupt)?;
        let mut body = body.to_vec();
        Decryptor::new(key, chain).decrypt_blocks(&mut body);
        let keep = usize::try_from(self.keep).map_err(|_| Corrupt)?;
        body.drain(..self.skip);
        body.truncate(keep);
        Ok(body)
    }
}

/// Encrypts a whole object as ks3sdk stores it: `IV || CBC(plain || padding)`. An empty
/// plaintext is stored empty, unencrypted, as ks3sdk does (and then carries no encryption
/// metadata). For tests and small objects; large ones stream through [`Encryptor`].
pub fn encrypt_object(key: &Key, iv: [u8; BLOCK], plain: &[u8]) -> Vec<u8> {
    if plain.is_empty() {
        return Vec::new();
    }
    let pad = padding(plain.len() as u64);
    let mut stored = Vec::with_capacity(BLOCK + plain.len() + pad.len());
    stored.extend_from_slice(&iv);
    stored.extend_from_slice(plain);
    stored.extend_from_slice(&pad);
    Encryptor::new(key, iv).encrypt_blocks(&mut stored[BLOCK..]);
    stored
}

/// Decrypts a whole stored object (`IV || CBC(plain || padding)`) and strips the padding.
///
/// `stored` must be at least 32 bytes and whole blocks, else [`Corrupt`]. A 0-byte object is
/// not encrypted at all: callers return it as empty when it has no `x-kss-meta-iv`, without
/// calling this. Checking the IV prefix against `x-kss-meta-iv` is the caller's (see
/// [`parse_iv_header`]). See [`Corrupt`] on how reliably a wrong key is detected.
pub fn decrypt_object(key: &Key, stored: &[u8]) -> Result<Vec<u8>, Corrupt> {
    if stored.len() < 2 * BLOCK || !stored.len().is_multiple_of(BLOCK) {
        return Err(Corrupt);
    }
    let (iv, body) = stored.split_at(BLOCK);
    let iv: [u8; BLOCK] = iv.try_into().map_err(|_| Corrupt)?;
    let mut plain = body.to_vec();
    Decryptor::new(key, iv).decrypt_blocks(&mut plain);
    let n = padding_len(&plain)?;
    plain.truncate(plain.len() - n);
    Ok(plain)
}

#[cfg(test)]
#[path = "encryption_tests.rs"]
mod tests;
