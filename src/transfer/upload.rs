//! Uploads: one PUT for sources up to the part size, a parallel multipart upload above it.
//!
//! Each worker reads its file part into a buffer it reuses, hashing on the way, and sends it
//! from memory (reqwest's blocking client would pass a streamed body 8 KiB at a time); stdin
//! parts are buffered too, at most one per worker plus the one being read. Every part carries
//! its `Content-MD5`. On an error the upload is aborted; on Ctrl-C a file upload is kept
//! for `put --continue` (its checkpoint says where it stands) and a stdin one is aborted.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::sync_channel;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use md5::{Digest, Md5};

use super::budget;
use super::checkpoint::{self, UploadCheckpoint};
use super::crypt::{self, Encrypting};
use super::progress::{PartsProgress, Progress};
use super::{
    Layout, MAX_OBJECT_SIZE, MAX_PARTS, PART_SIZE_META, Tuning, hex, interrupted, is_interrupted,
    multipart_etag, read_range, reclaim,
};
use crate::client::{self, Client, PutOptions, etag_is_md5};
use crate::encryption::{self, Key};
use crate::error::{IntegrityError, usage};

/// What an upload did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UploadOutcome {
    /// Bytes in the object.
    pub size: u64,
    /// The object's ETag.
    pub etag: String,
    /// Parts of a multipart upload (0 for a single PUT).
    pub parts: u32,
    /// Parts found already uploaded by `--continue`.
    pub reused_parts: u32,
}

/// One object to upload, and how.
pub struct Uploader<'a> {
    /// The client.
    pub client: &'a Client,
    /// Destination bucket.
    pub bucket: &'a str,
    /// Destination key.
    pub key: &'a str,
    /// Type, ACL, storage class, metadata, extra headers (Content-MD5 is ours to set).
    pub options: PutOptions,
    /// Part size and parts in flight.
    pub tuning: Tuning,
    /// `--continue`: resume an interrupted multipart upload of the same file.
    pub resume: bool,
    /// Encrypt with this key before upload (`--encrypt`).
    pub encrypt: Option<&'a Key>,
    /// Where the upload reports how far it got.
    pub bar: &'a dyn Progress,
}

/// The context of an interruption that left a resumable multipart upload in place. It
/// displays as what was kept, one line in the error; [`KeptUpload::hints`] say how to resume
/// or discard it. A batch prints every one, not just the first.
#[derive(Debug)]
pub struct KeptUpload {
    /// The upload id.
    pub upload_id: String,
    /// The object's URL, in the profile's scheme.
    pub url: String,
    /// The file being uploaded, as it was named.
    pub source: String,
    /// Whether it was encrypted (`--encrypt`): resuming it needs the flag and the same key.
    pub encrypted: bool,
}

impl std::fmt::Display for KeptUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "upload {} of {} kept for --continue",
            self.upload_id, self.url
        )
    }
}

impl KeptUpload {
    /// The commands that resume and discard the upload, one a line, ready to paste.
    pub fn hints(&self) -> [String; 2] {
        let encrypt = if self.encrypted { " --encrypt" } else { "" };
        // A file named like a flag must not be read as one.
        let source = match self.source.starts_with('-') {
            true => format!("./{}", self.source),
            false => self.source.clone(),
        };
        [
            format!(
                "resume it: objcmd put --continue{encrypt} {} {}",
                shell_word(&source),
                shell_word(&self.url)
            ),
            format!(
                "discard it: objcmd multipart abort {} --upload-id {}",
                shell_word(&self.url),
                shell_word(&self.upload_id)
            ),
        ]
    }
}

/// Whether a checkpoint is of this very file (same size and modification time), encrypted
/// alike: an encrypted upload continues only with the same key, re-encrypting from its IV.
fn continues(cp: &UploadCheckpoint, size: u64, mtime_ns: u128, key: Option<&Key>) -> bool {
    let same_encryption = match (&cp.encryption, key) {
        (None, None) => true,
        (Some(state), Some(key)) => key.matches_fingerprint(&state.key),
        _ => false,
    };
    cp.size == size && cp.mtime_ns == mtime_ns && same_encryption
}

/// `text` as one word of a POSIX shell command line: as it is when nothing in it is
/// special to the shell, else in single quotes.
fn shell_word(text: &str) -> String {
    let plain = |(i, c): (usize, char)| {
        c.is_ascii_alphanumeric() || "_-./:@%+=,".contains(c) || (c == '~' && i > 0)
    };
    if !text.is_empty() && text.chars().enumerate().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Parts already uploaded, by number: size and ETag.
type ExistingParts = HashMap<u32, (u64, String)>;

/// A multipart upload begun or found to continue.
struct Started {
    upload_id: String,
    layout: Layout,
    existing: ExistingParts,
    /// The IV of an encrypted upload.
    iv: Option<[u8; 16]>,
}

/// A part that is in place.
#[derive(Clone, Debug)]
struct PartDone {
    etag: String,
    md5: [u8; 16],
    /// CRC-64 and length of the part, for dialects that return the object's CRC-64.
    crc: Option<(u64, u64)>,
    reused: bool,
}

/// The parts of a multipart upload being sent by the workers.
struct Parts {
    results: Mutex<Vec<Option<PartDone>>>,
    stop: AtomicBool,
    error: Mutex<Option<anyhow::Error>>,
    progress: PartsProgress,
}

impl Parts {
    fn new(count: u32, bar: &dyn Progress) -> Parts {
        Parts {
            results: Mutex::new(vec![None; count as usize]),
            stop: AtomicBool::new(false),
            error: Mutex::new(None),
            progress: PartsProgress::new(bar),
        }
    }

    fn record(&self, index: u32, result: anyhow::Result<PartDone>) {
        match result {
            Ok(done) => {
                self.results.lock().unwrap_or_else(|e| e.into_inner())[index as usize] = Some(done);
            }
            Err(e) => {
                self.stop.store(true, Ordering::SeqCst);
                let mut slot = self.error.lock().unwrap_or_else(|e| e.into_inner());
                // The first error is the cause; later ones are usually its echo (interrupts).
                // An interruption stops every part alike: naming one adds nothing.
                if slot.is_none() {
                    *slot = Some(match is_interrupted(&e) {
                        true => e,
                        false => e.context(format!("part {}", index + 1)),
                    });
                }
            }
        }
    }

    fn into_result(self) -> anyhow::Result<Vec<Option<PartDone>>> {
        match self.error.into_inner().unwrap_or_else(|e| e.into_inner()) {
            Some(e) => Err(e),
            None => Ok(self.results.into_inner().unwrap_or_else(|e| e.into_inner())),
        }
    }
}

impl Uploader<'_> {
    /// The object's URL for messages, in the profile's scheme (the engine does not know
    /// the scheme as typed).
    fn url(&self) -> String {
        format!(
            "{}://{}/{}",
            self.client.dialect().name(),
            self.bucket,
            self.key
        )
    }

    /// The CRC-64 of a body, for the dialects whose servers return one to compare with.
    fn crc_of(&self, data: &[u8]) -> Option<u64> {
        self.client
            .dialect()
            .crc64_header()
            .map(|_| crate::crc64::checksum(data))
    }

    /// Fails when the server's CRC-64 of what it stored is not ours of what was sent.
    fn check_crc(&self, what: &str, ours: Option<u64>, theirs: Option<u64>) -> anyhow::Result<()> {
        match (ours, theirs) {
            (Some(ours), Some(theirs)) if ours != theirs => {
                Err(anyhow::Error::new(IntegrityError(format!(
                    "the server stored something else: the CRC-64 of {what} is {theirs} there, {ours} here"
                ))))
            }
            _ => Ok(()),
        }
    }

    fn endpoint(&self) -> String {
        self.client.transport().config().target.endpoint.to_string()
    }

    /// Where checkpoints go; without one (no HOME), uploads work but cannot be resumed.
    fn state_dir(&self) -> Option<std::path::PathBuf> {
        let dir = checkpoint::state_dir();
        if dir.is_none() {
            log::info!("no state directory (is HOME set?): uploads cannot be resumed");
        }
        dir
    }

    /// Uploads a local file.
    pub fn upload_file(&self, path: &Path) -> anyhow::Result<UploadOutcome> {
        let file = File::open(path)?;
        let meta = file.metadata()?;
        // The command refuses both before it starts (exit 2); met here, the source
        // changed meanwhile.
        if meta.is_dir() {
            anyhow::bail!("{} is a directory", path.display());
        }
        let size = meta.len();
        if size > MAX_OBJECT_SIZE {
            anyhow::bail!(
                "{} is {size} bytes; the largest object is 5 TiB",
                path.display()
            );
        }
        let name = path.display().to_string();
        let mtime = checkpoint::mtime_ns(meta.modified().ok());
        if let Some(key) = self.encrypt
            && size > 0
        {
            self.bar.set_length(encryption::stored_len(size));
            let stored = encryption::stored_len(size);
            if stored <= self.tuning.part_size && !self.continuing(size, mtime, Some(key)) {
                self.discard_checkpoint(&name, false)?;
                let _share =
                    budget::UPLOADS.take(stored, &|| self.client.transport().cancelled())?;
                return self.upload_encrypted(&mut Read::take(&file, size), key, Some(size));
            }
            return self.multipart_encrypted_file(&file, &name, size, mtime, key);
        }
        self.bar.set_length(size);
        if size <= self.tuning.part_size && !self.continuing(size, mtime, None) {
            // Nothing to resume in one PUT; an old multipart upload of this key goes.
            self.discard_checkpoint(&name, false)?;
            let _share = budget::UPLOADS.take(size, &|| self.client.transport().cancelled())?;
            let mut data = Vec::new();
            let md5 = read_range(&file, 0, size, &mut data, self.client)?;
            return self.put_single(data.into(), md5, &self.options);
        }
        self.multipart_file(&file, &name, size, mtime)
    }

    /// Uploads stdin: one PUT if it ends within the part size, else a multipart upload
    /// that streams it part by part.
    pub fn upload_stdin(&self) -> anyhow::Result<UploadOutcome> {
        if self.resume {
            // The command refuses this before it starts (exit 2).
            anyhow::bail!("stdin cannot be read again to resume an upload");
        }
        let mut stdin = io::stdin().lock();
        if let Some(key) = self.encrypt {
            // Parts in flight plus the one being encrypted.
            let parts = self.tuning.part_jobs.max(1) as u64 + 1;
            let _share = budget::UPLOADS.take(parts * self.tuning.part_size, &|| {
                self.client.transport().cancelled()
            })?;
            return self.upload_encrypted(&mut stdin, key, None);
        }
        let first = read_part(&mut stdin, self.tuning.part_size, self.client)?;
        if (first.len() as u64) < self.tuning.part_size {
            let md5: [u8; 16] = Md5::digest(&first).into();
            self.bar.set_length(first.len() as u64);
            return self.put_single(first, md5, &self.options);
        }
        self.multipart_stream(first, &mut stdin, &self.options)
    }

    /// Encrypts a plaintext reader as it is read (one pass: CBC chains block to block) and
    /// uploads the ciphertext: one PUT if it fits in a part, else (stdin) the parts go to
    /// the workers as they are encrypted, in parallel. An empty plaintext is stored as it
    /// is. `plain_size` is given for a file, which comes here only when it fits one PUT
    /// (larger ones take [`Uploader::multipart_encrypted_file`], which can resume).
    fn upload_encrypted(
        &self,
        plain: &mut dyn Read,
        key: &Key,
        plain_size: Option<u64>,
    ) -> anyhow::Result<UploadOutcome> {
        let part_size = self.tuning.part_size;
        let iv = encryption::random_iv();
        let mut reader = Encrypting::new(plain, key, iv, part_size);
        let first = read_part(&mut reader, part_size, self.client)?;
        // All of it, when the size is known (a part may hold exactly the whole object).
        let whole = match plain_size {
            Some(n) if first.len() as u64 == encryption::stored_len(n) => true,
            Some(_) => anyhow::bail!("{}: the file changed size while it was read", self.key),
            None => (first.len() as u64) < part_size,
        };
        if whole {
            let mut options = self.options.clone();
            if reader.plain_len() > 0 {
                let plain_md5 = reader
                    .plain_md5()
                    .ok_or_else(|| anyhow::anyhow!("the plaintext's MD5 is missing"))?;
                options.metadata.extend(crypt::put_metadata(
                    key,
                    &iv,
                    reader.plain_len(),
                    &plain_md5,
                ));
            }
            let md5: [u8; 16] = Md5::digest(&first).into();
            self.bar.set_length(first.len() as u64);
            return self.put_single(first, md5, &options);
        }
        let mut options = self.options.clone();
        options.metadata.extend(crypt::initiate_metadata(key, &iv));
        let mut outcome = self.multipart_stream(first, &mut reader, &options)?;
        outcome.size = reader.plain_len();
        Ok(outcome)
    }

    fn put_single(
        &self,
        data: Bytes,
        md5: [u8; 16],
        options: &PutOptions,
    ) -> anyhow::Result<UploadOutcome> {
        let mut options = options.clone();
        options.content_md5 = Some(BASE64.encode(md5));
        let size = data.len() as u64;
        let crc = self.crc_of(&data);
        let (body, sent) = PartsProgress::new(self.bar).body(data);
        let out = self
            .client
            .put_object(self.bucket, self.key, body, &options)?;
        sent.done(size);
        self.check_crc("the object", crc, out.crc64)?;
        let expected = hex(&md5);
        if etag_is_md5(&out.etag) && !out.etag.eq_ignore_ascii_case(&expected) {
            return Err(anyhow::Error::new(IntegrityError(format!(
                "the server stored something else: its ETag {} is not the MD5 {expected} of what was sent",
                out.etag
            ))));
        }
        Ok(UploadOutcome {
            size,
            etag: out.etag,
            parts: 0,
            reused_parts: 0,
        })
    }

    /// Finds the upload to continue, or starts one; returns its id, layout and the parts
    /// already in place. An old upload of this key that is not continued is aborted, so
    /// that nothing is left behind.
    fn start_file_upload(
        &self,
        name: &str,
        size: u64,
        mtime_ns: u128,
        key: Option<&Key>,
    ) -> anyhow::Result<Started> {
        let dir = self.state_dir();
        let endpoint = self.endpoint();
        let url = self.url();
        let recorded = dir
            .as_deref()
            .and_then(|d| checkpoint::load_upload(d, &endpoint, self.bucket, self.key));
        match recorded {
            Some(cp) if self.resume && continues(&cp, size, mtime_ns, key) => {
                match self
                    .client
                    .list_all_parts(self.bucket, self.key, &cp.upload_id)
                {
                    Ok(parts) => {
                        let existing: ExistingParts = parts
                            .into_iter()
                            .map(|p| (p.part_number, (p.size, client::unquote_etag(&p.etag))))
                            .collect();
                        log::info!(
                            "resuming upload {} of {url}: {} of {} parts already uploaded",
                            cp.upload_id,
                            existing.len(),
                            cp.layout.count()
                        );
                        let iv = cp
                            .encryption
                            .as_ref()
                            .and_then(|state| encryption::parse_iv_header(&state.iv));
                        if key.is_none() || iv.is_some() {
                            return Ok(Started {
                                upload_id: cp.upload_id,
                                layout: cp.layout,
                                existing,
                                iv,
                            });
                        }
                        log::warn!("the checkpoint of {url} has no valid IV; starting over");
                        self.discard_checkpoint(name, false)?;
                    }
                    Err(e) if e.is_not_found() => {
                        log::warn!(
                            "the interrupted upload {} of {url} no longer exists; starting over",
                            cp.upload_id
                        );
                        if let Some(dir) = &dir {
                            checkpoint::remove_upload(dir, &endpoint, self.bucket, self.key);
                        }
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            Some(_) => self.discard_checkpoint(name, self.resume)?,
            None if self.resume => {
                log::info!("no interrupted upload of {name} to {url} to continue; starting one");
            }
            None => {}
        }
        let mut options = self.options.clone();
        let (layout, iv, encryption) = match key {
            None => (Layout::new(size, self.tuning.part_size), None, None),
            Some(key) => {
                let iv = encryption::random_iv();
                options.metadata.extend(crypt::initiate_metadata(key, &iv));
                // The SDK leaves it out of multipart uploads; it spares a reader of an
                // open-ended range the request for the last block.
                options
                    .metadata
                    .push((crypt::META_PLAIN_LEN.to_string(), size.to_string()));
                let state = checkpoint::EncryptionState {
                    key: key.fingerprint(),
                    iv: encryption::iv_header(&iv),
                };
                let stored = encryption::stored_len(size);
                (
                    Layout::new(stored, self.tuning.part_size),
                    Some(iv),
                    Some(state),
                )
            }
        };
        let upload_id = self
            .client
            .initiate_multipart_upload(self.bucket, self.key, &options)?;
        let cp = UploadCheckpoint {
            endpoint,
            bucket: self.bucket.to_string(),
            key: self.key.to_string(),
            size,
            mtime_ns,
            upload_id: upload_id.clone(),
            layout,
            encryption,
        };
        if let Some(dir) = &dir
            && let Err(e) = checkpoint::save_upload(dir, &cp)
        {
            log::warn!("cannot record the upload for --continue: {e}");
        }
        Ok(Started {
            upload_id,
            layout,
            existing: HashMap::new(),
            iv,
        })
    }

    /// Whether `--continue` finds an interrupted upload of this very file to continue: it
    /// goes on in the parts it was cut in, even where the part size now asked for would
    /// make the file one PUT.
    fn continuing(&self, size: u64, mtime_ns: u128, key: Option<&Key>) -> bool {
        self.resume
            && checkpoint::state_dir()
                .and_then(|d| checkpoint::load_upload(&d, &self.endpoint(), self.bucket, self.key))
                .is_some_and(|cp| continues(&cp, size, mtime_ns, key))
    }

    /// Aborts the recorded upload of this key, if any, and forgets it: its file changed
    /// (`changed`), or the key is being uploaded again without `--continue`.
    fn discard_checkpoint(&self, name: &str, changed: bool) -> anyhow::Result<()> {
        let Some(dir) = self.state_dir() else {
            return Ok(());
        };
        let endpoint = self.endpoint();
        let Some(cp) = checkpoint::load_upload(&dir, &endpoint, self.bucket, self.key) else {
            return Ok(());
        };
        let url = self.url();
        if changed {
            log::warn!(
                "{name} changed since upload {} of {url} was interrupted; discarding it and starting over",
                cp.upload_id
            );
        } else {
            log::warn!(
                "discarding the interrupted upload {} of {url} (put --continue resumes it)",
                cp.upload_id
            );
        }
        if let Err(e) = self
            .client
            .abort_multipart_upload(self.bucket, self.key, &cp.upload_id)
            && !e.is_not_found()
        {
            log::warn!("could not abort the old upload {}: {e}", cp.upload_id);
        }
        checkpoint::remove_upload(&dir, &endpoint, self.bucket, self.key);
        Ok(())
    }

    fn multipart_file(
        &self,
        file: &File,
        name: &str,
        size: u64,
        mtime_ns: u128,
    ) -> anyhow::Result<UploadOutcome> {
        // Each worker holds one part buffer for the whole upload. Taken before the upload
        // starts, so that waiting leaves nothing on the server. (A resumed upload keeps
        // the part size of its checkpoint, normally the same.)
        let planned = Layout::new(size, self.tuning.part_size);
        let workers = self.tuning.part_jobs.clamp(1, planned.count() as usize) as u64;
        let _share = budget::UPLOADS.take(workers * planned.part_size, &|| {
            self.client.transport().cancelled()
        })?;
        let Started {
            upload_id,
            layout,
            existing,
            ..
        } = self.start_file_upload(name, size, mtime_ns, None)?;
        let count = layout.count();
        let parts = Parts::new(count, self.bar);
        let next = AtomicU32::new(0);
        let workers = self.tuning.part_jobs.clamp(1, count as usize);
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    let mut buf = Vec::new();
                    while !parts.stop.load(Ordering::SeqCst) {
                        let index = next.fetch_add(1, Ordering::SeqCst);
                        if index >= count {
                            break;
                        }
                        let result = self.file_part(
                            file, &upload_id, index, layout, &existing, &parts, &mut buf,
                        );
                        parts.record(index, result);
                    }
                });
            }
        });
        let outcome = parts
            .into_result()
            .and_then(|results| self.complete(&upload_id, size, results));
        self.settle_file_upload(name, &upload_id, outcome)
    }

    /// Encrypts a file as it is read (CBC chains block to block, so one reader) and hands
    /// the ciphertext parts to the workers. The upload is resumable like any file upload:
    /// `--continue` re-encrypts the file from the recorded IV with the same key, which gives
    /// the same parts, and sends only those not in place.
    fn multipart_encrypted_file(
        &self,
        file: &File,
        name: &str,
        size: u64,
        mtime_ns: u128,
        key: &Key,
    ) -> anyhow::Result<UploadOutcome> {
        let workers = self.tuning.part_jobs.max(1) as u64;
        let _share = budget::UPLOADS.take((workers + 1) * self.tuning.part_size, &|| {
            self.client.transport().cancelled()
        })?;
        let started = self.start_file_upload(name, size, mtime_ns, Some(key))?;
        let iv = started
            .iv
            .ok_or_else(|| anyhow::anyhow!("an encrypted upload without an IV"))?;
        let mut reader = Encrypting::new(Read::take(file, size), key, iv, 0);
        let part_size = started.layout.part_size;
        let sent = read_part(&mut reader, part_size, self.client).and_then(|first| {
            let (id, existing) = (&started.upload_id, &started.existing);
            self.send_stream(id, existing, part_size, first, &mut reader)
        });
        let outcome = sent.and_then(|(total, results)| {
            // Checked before Complete: a shrunken file must not make a short object.
            if reader.plain_len() != size {
                anyhow::bail!(
                    "{name} changed size during the upload ({size} -> {} bytes)",
                    reader.plain_len()
                );
            }
            let mut done = self.complete(&started.upload_id, total, results)?;
            done.size = size;
            Ok(done)
        });
        self.settle_file_upload(name, &started.upload_id, outcome)
    }

    /// Ends a multipart upload of a file: done, it forgets the checkpoint; interrupted, it
    /// keeps the upload for `--continue` (when there is a checkpoint to continue from);
    /// failed, it aborts the upload.
    fn settle_file_upload(
        &self,
        name: &str,
        upload_id: &str,
        outcome: anyhow::Result<UploadOutcome>,
    ) -> anyhow::Result<UploadOutcome> {
        // Resumable only with a checkpoint to resume from.
        let dir = checkpoint::state_dir();
        let forget = || {
            if let Some(dir) = &dir {
                checkpoint::remove_upload(dir, &self.endpoint(), self.bucket, self.key);
            }
        };
        match outcome {
            Ok(done) => {
                forget();
                Ok(done)
            }
            Err(e) if is_interrupted(&e) && dir.is_some() => Err(e.context(KeptUpload {
                upload_id: upload_id.to_string(),
                url: self.url(),
                source: name.to_string(),
                encrypted: self.encrypt.is_some(),
            })),
            Err(e) => {
                self.abort(upload_id);
                forget();
                Err(e)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn file_part(
        &self,
        file: &File,
        upload_id: &str,
        index: u32,
        layout: Layout,
        existing: &ExistingParts,
        parts: &Parts,
        buf: &mut Vec<u8>,
    ) -> anyhow::Result<PartDone> {
        let (offset, len) = layout.part(index);
        let md5 = read_range(file, offset, len, buf, self.client)?;
        let number = index + 1;
        if let Some((size, etag)) = existing.get(&number)
            && *size == len
            && etag.eq_ignore_ascii_case(&hex(&md5))
        {
            log::debug!("part {number} is already uploaded");
            parts.progress.add(len);
            return Ok(PartDone {
                etag: etag.clone(),
                md5,
                crc: self.crc_of(buf).map(|c| (c, len)),
                reused: true,
            });
        }
        let data = bytes::Bytes::from(std::mem::take(buf));
        let done = self.send_part(upload_id, number, data.clone(), md5, parts);
        *buf = reclaim(data);
        done
    }

    fn send_part(
        &self,
        upload_id: &str,
        number: u32,
        data: Bytes,
        md5: [u8; 16],
        parts: &Parts,
    ) -> anyhow::Result<PartDone> {
        let len = data.len() as u64;
        let crc = self.crc_of(&data);
        let (body, sent) = parts.progress.body(data);
        let uploaded = self.client.upload_part(
            self.bucket,
            self.key,
            upload_id,
            number,
            body,
            &BASE64.encode(md5),
        )?;
        sent.done(len);
        if etag_is_md5(&uploaded.etag) && !uploaded.etag.eq_ignore_ascii_case(&hex(&md5)) {
            return Err(anyhow::Error::new(IntegrityError(format!(
                "the server stored something else: its ETag {} is not the MD5 {} of what was sent",
                uploaded.etag,
                hex(&md5)
            ))));
        }
        self.check_crc(&format!("part {number}"), crc, uploaded.crc64)?;
        Ok(PartDone {
            etag: uploaded.etag,
            md5,
            crc: crc.map(|c| (c, len)),
            reused: false,
        })
    }

    /// Streams a reader (stdin) through a multipart upload. The reader fills one part while
    /// the workers send theirs; a rendezvous channel keeps at most one part per worker in
    /// memory besides the one being read.
    fn multipart_stream(
        &self,
        first: Bytes,
        reader: &mut dyn Read,
        options: &PutOptions,
    ) -> anyhow::Result<UploadOutcome> {
        // Every part but the last is read full (`read_part`), so the part size is known:
        // recorded, it lets `get` and `sync --checksum` recompute the multipart ETag.
        let mut options = options.clone();
        options.metadata.retain(|(k, _)| k != PART_SIZE_META);
        options.metadata.push((
            PART_SIZE_META.to_string(),
            self.tuning.part_size.to_string(),
        ));
        let upload_id = self
            .client
            .initiate_multipart_upload(self.bucket, self.key, &options)?;
        let outcome = self
            .send_stream(
                &upload_id,
                &HashMap::new(),
                self.tuning.part_size,
                first,
                reader,
            )
            .and_then(|(total, results)| self.complete(&upload_id, total, results));
        if outcome.is_err() {
            self.abort(&upload_id);
        }
        outcome
    }

    /// Sends a stream's parts (of the layout's part size, the first already read) through
    /// the workers, skipping those already in place; returns the bytes read and the parts.
    fn send_stream(
        &self,
        upload_id: &str,
        existing: &ExistingParts,
        part_size: u64,
        first: Bytes,
        reader: &mut dyn Read,
    ) -> anyhow::Result<(u64, Vec<Option<PartDone>>)> {
        let parts = Parts::new(MAX_PARTS as u32, self.bar);
        let (tx, rx) = sync_channel::<(u32, Bytes)>(0);
        let rx = Mutex::new(rx);
        let mut total = 0u64;
        let mut read_error = None;
        std::thread::scope(|scope| {
            for _ in 0..self.tuning.part_jobs.max(1) {
                scope.spawn(|| {
                    loop {
                        let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                        let Ok((index, data)) = next else { break };
                        // After a failure, keep taking parts so the reader is never stuck.
                        if parts.stop.load(Ordering::SeqCst) {
                            continue;
                        }
                        let md5: [u8; 16] = Md5::digest(&data).into();
                        let number = index + 1;
                        let len = data.len() as u64;
                        let result = match existing.get(&number) {
                            Some((size, etag))
                                if *size == len && etag.eq_ignore_ascii_case(&hex(&md5)) =>
                            {
                                log::debug!("part {number} is already uploaded");
                                parts.progress.add(len);
                                Ok(PartDone {
                                    etag: etag.clone(),
                                    md5,
                                    crc: self.crc_of(&data).map(|c| (c, len)),
                                    reused: true,
                                })
                            }
                            _ => self.send_part(upload_id, number, data, md5, &parts),
                        };
                        parts.record(index, result);
                    }
                });
            }
            let mut part = Some(first);
            let mut index = 0u32;
            while let Some(data) = part.take() {
                total += data.len() as u64;
                if tx.send((index, data)).is_err() || parts.stop.load(Ordering::SeqCst) {
                    break;
                }
                index += 1;
                match read_part(reader, part_size, self.client) {
                    Ok(next) if next.is_empty() => {}
                    Ok(_) if index as u64 >= MAX_PARTS => {
                        read_error = Some(usage(format!(
                            "stdin needs more than {MAX_PARTS} parts of {part_size} bytes; raise --part-size"
                        )));
                    }
                    Ok(next) => part = Some(next),
                    Err(e) => read_error = Some(e),
                }
            }
            drop(tx);
        });
        let results = parts.into_result().and_then(|r| match read_error {
            Some(e) => Err(e),
            None => Ok(r),
        })?;
        let count = results.iter().take_while(|r| r.is_some()).count();
        Ok((total, results.into_iter().take(count).collect()))
    }

    /// Sorts and counts the parts, then completes the upload and checks its ETag.
    fn complete(
        &self,
        upload_id: &str,
        size: u64,
        results: Vec<Option<PartDone>>,
    ) -> anyhow::Result<UploadOutcome> {
        let mut done = Vec::with_capacity(results.len());
        for (index, part) in results.into_iter().enumerate() {
            let part = part.ok_or_else(|| {
                anyhow::anyhow!("part {} is missing; the upload is not completed", index + 1)
            })?;
            done.push((index as u32 + 1, part));
        }
        if done.is_empty() {
            anyhow::bail!("no parts were uploaded; the upload is not completed");
        }
        let reused = done.iter().filter(|(_, p)| p.reused).count() as u32;
        let md5s: Vec<[u8; 16]> = done.iter().map(|(_, p)| p.md5).collect();
        let expected = multipart_etag(&md5s);
        // The whole object's CRC-64 from the parts' (§8), without reading anything again.
        let crc = done.iter().try_fold(0u64, |acc, (_, p)| {
            p.crc.map(|(crc, len)| crate::crc64::combine(acc, crc, len))
        });
        let list: Vec<(u32, String)> = done.into_iter().map(|(n, p)| (n, p.etag)).collect();
        let completed = self.client.complete_multipart_upload(
            self.bucket,
            self.key,
            upload_id,
            &list,
            Some(&expected),
        )?;
        self.check_crc("the completed object", crc, completed.crc64)?;
        let etag = completed.etag;
        if !etag.eq_ignore_ascii_case(&expected) {
            log::info!(
                "{}: the server's multipart ETag {etag} is not the usual {expected}; the parts were each verified",
                self.key
            );
        }
        self.bar.finish();
        Ok(UploadOutcome {
            size,
            etag,
            parts: list.len() as u32,
            reused_parts: reused,
        })
    }

    /// Aborts an upload, best effort: the error that led here is the one to report.
    fn abort(&self, upload_id: &str) {
        if let Err(e) = self
            .client
            .abort_multipart_upload(self.bucket, self.key, upload_id)
        {
            log::warn!("could not abort upload {upload_id} of {}: {e}", self.key);
        }
    }
}

/// Reads up to `size` bytes (fewer only at the end of the input) into a buffer of exactly
/// that capacity: `read_to_end` would grow it to probe for the end, doubling the memory a
/// part takes.
fn read_part(reader: &mut dyn Read, size: u64, client: &Client) -> anyhow::Result<Bytes> {
    let mut buf = vec![0u8; size as usize];
    let mut filled = 0;
    while filled < buf.len() {
        if client.transport().cancelled() {
            return Err(interrupted());
        }
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(anyhow::Error::new(e).context("reading the source")),
        }
    }
    buf.truncate(filled);
    Ok(Bytes::from(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_reach_a_command_unchanged() {
        let words = [
            "s3://b/dir/plain.bin",
            "2~sHiprqx4_ow5FaRVzJzuVkllgUEqhLB",
            "big file.bin",
            "it's $HOME `x` \"q\" *?[a] ~ \\ ;|&<>()!#\n",
            "~start",
            "",
        ];
        for word in words {
            let quoted = shell_word(word);
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("printf %s {quoted}"))
                .output()
                .expect("sh runs");
            assert_eq!(String::from_utf8_lossy(&out.stdout), word, "{quoted}");
        }
        assert_eq!(shell_word("s3://b/k.bin"), "s3://b/k.bin");
        assert_eq!(shell_word("a b"), "'a b'");
    }

    #[test]
    fn a_kept_upload_says_what_was_kept_and_how_to_resume_or_discard_it() {
        let kept = KeptUpload {
            upload_id: "2~id".into(),
            url: "s3://b/dir/big file.bin".into(),
            source: "-rf big.bin".into(),
            encrypted: true,
        };
        assert_eq!(
            kept.to_string(),
            "upload 2~id of s3://b/dir/big file.bin kept for --continue"
        );
        assert_eq!(
            kept.hints(),
            [
                "resume it: objcmd put --continue --encrypt './-rf big.bin' 's3://b/dir/big file.bin'",
                "discard it: objcmd multipart abort 's3://b/dir/big file.bin' --upload-id 2~id",
            ]
        );
    }
}
