//! Uploads: one PUT for sources up to the part size, a parallel multipart upload above it.
//!
//! A file is never held in memory whole, nor a part of it: each worker reads its part once
//! to hash it (a block at a time), then sends it as a body that reads the same range again
//! from the file as it goes (`client::FileRange`; the second read comes from the page
//! cache), so memory stays flat whatever the part size or jobs. A file small enough to be
//! one block is read into memory and sent from there. Stdin parts, and the ciphertext of
//! `--encrypt`, are buffered: at most one part per worker plus the one being read. Every
//! part carries its `Content-MD5`. On an error the upload is aborted; on Ctrl-C a file
//! upload is kept for `put --continue` (its checkpoint says where it stands) and a stdin
//! one is aborted.
//!
//! `parts` keeps the parts' books, `resume` decides what `--continue` finds; this file
//! sends.

mod parts;
mod resume;

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use md5::{Digest, Md5};

use self::parts::{Completion, ExistingParts, PartDone, Parts, in_place};
pub use self::resume::KeptUpload;
use self::resume::{Discard, Found, continues, found, plan_file_upload};
use super::budget;
use super::checkpoint::{self, UploadCheckpoint};
use super::crypt::{self, Encrypting};
use super::progress::{PartSent, PartsProgress, Progress};
use super::{
    Layout, MAX_OBJECT_SIZE, MAX_PARTS, PART_SIZE_META, Resume, Sums, Tuning, hash_range, hex,
    interrupted, is_interrupted, read_range,
};
use crate::checksum::Algorithm;
use crate::client::streamed::STREAM_BLOCK;
use crate::client::{self, Body, Client, FileRange, PutOptions, etag_is_md5};
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
    pub resume: Resume,
    /// Encrypt with this key before upload (`--encrypt`).
    pub encrypt: Option<&'a Key>,
    /// Where the upload reports how far it got.
    pub bar: &'a dyn Progress,
}

/// The largest file sent from memory in one PUT: one read, one buffer. Larger ones are
/// streamed from the file (the hashing read, then the sending one).
const IN_MEMORY_MAX: u64 = STREAM_BLOCK as u64;

/// The local file being uploaded, as its checkpoint knows it.
#[derive(Clone, Copy)]
struct Source<'a> {
    /// Shared with the bodies that send its ranges.
    file: &'a Arc<File>,
    /// The file as it was named, for messages and the hint to resume.
    name: &'a str,
    size: u64,
    mtime_ns: u128,
}

/// A multipart upload begun or found to continue.
struct Started {
    upload_id: String,
    /// The flexible checksum its parts carry: the one it was initiated with.
    checksum: Option<Algorithm>,
    layout: Layout,
    existing: ExistingParts,
    /// The IV of an encrypted upload.
    iv: Option<[u8; 16]>,
}

/// Fails when the server's CRC-64 of what it stored is not ours of what was sent.
fn check_crc(what: &str, ours: Option<u64>, theirs: Option<u64>) -> anyhow::Result<()> {
    match (ours, theirs) {
        (Some(ours), Some(theirs)) if ours != theirs => {
            Err(anyhow::Error::new(IntegrityError(format!(
                "the server stored something else: the CRC-64 of {what} is {theirs} there, {ours} here"
            ))))
        }
        _ => Ok(()),
    }
}

/// Fails when the server's ETag is an MD5 and not the one of what was sent.
fn check_etag(etag: &str, md5: &[u8; 16]) -> anyhow::Result<()> {
    let expected = hex(md5);
    if etag_is_md5(etag) && !etag.eq_ignore_ascii_case(&expected) {
        return Err(anyhow::Error::new(IntegrityError(format!(
            "the server stored something else: its ETag {etag} is not the MD5 {expected} of what was sent"
        ))));
    }
    Ok(())
}

impl Uploader<'_> {
    /// [`check_etag`], unless the object is written with a customer or KMS key (ours, or
    /// the bucket's default encryption, as the reply says): its ETag is then not the MD5
    /// of the bytes (the CRC-64 and flexible checksums still apply).
    fn check_etag(
        &self,
        what: &str,
        (etag, reply_says_keyed): (&str, bool),
        md5: &[u8; 16],
    ) -> anyhow::Result<()> {
        if self.client.writes_etag_not_md5() || reply_says_keyed {
            log::info!(
                "{}: {what} is encrypted on the server with a customer or KMS key; its ETag is not compared with the MD5 of what was sent",
                self.url()
            );
            return Ok(());
        }
        check_etag(etag, md5)
    }

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

    fn endpoint(&self) -> String {
        self.client.transport().config().target.endpoint.to_string()
    }

    /// True once the user interrupted.
    fn cancelled(&self) -> bool {
        self.client.transport().cancelled()
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
        let file = Arc::new(File::open(path)?);
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
        let source = Source {
            file: &file,
            name: &name,
            size,
            mtime_ns: checkpoint::mtime_ns(meta.modified().ok()),
        };
        if let Some(key) = self.encrypt
            && size > 0
        {
            self.bar.set_length(encryption::stored_len(size));
            let stored = encryption::stored_len(size);
            if stored <= self.tuning.part_size && !self.continuing(&source, Some(key)) {
                self.discard_checkpoint(&name, Discard::NotContinued)?;
                let _share = budget::UPLOADS.take(stored, &|| self.cancelled())?;
                return self.upload_encrypted(&mut Read::take(&*file, size), key, Some(size));
            }
            return self.multipart_encrypted_file(source, key);
        }
        self.bar.set_length(size);
        if size <= self.tuning.part_size && !self.continuing(&source, None) {
            // Nothing to resume in one PUT; an old multipart upload of this key goes.
            self.discard_checkpoint(&name, Discard::NotContinued)?;
            return self.put_file(&file, size);
        }
        self.multipart_file(source)
    }

    /// One PUT of a whole file: a small one read into memory, a larger one hashed, then
    /// streamed from the file.
    fn put_file(&self, file: &Arc<File>, size: u64) -> anyhow::Result<UploadOutcome> {
        if size <= IN_MEMORY_MAX {
            let _share = budget::UPLOADS.take(size, &|| self.cancelled())?;
            let mut data = Vec::new();
            let md5 = read_range(file, 0, size, &mut data, self.client)?;
            return self.put_single(data.into(), md5, &self.options);
        }
        let checksum = self.client.checksum_algorithm();
        let sums = hash_range(file, (0, size), &mut Vec::new(), self.client, checksum)?;
        let range = FileRange::new(file.clone(), 0, size);
        let body = PartsProgress::new(self.bar).file_body(range);
        self.put_body(body, sums, &self.options)
    }

    /// Uploads stdin: one PUT if it ends within the part size, else a multipart upload
    /// that streams it part by part.
    pub fn upload_stdin(&self) -> anyhow::Result<UploadOutcome> {
        if self.resume == Resume::Yes {
            // The command refuses this before it starts (exit 2).
            anyhow::bail!("stdin cannot be read again to resume an upload");
        }
        let mut stdin = io::stdin().lock();
        if let Some(key) = self.encrypt {
            // Parts in flight plus the one being encrypted.
            let parts = self.tuning.part_jobs.max(1) as u64 + 1;
            let _share =
                budget::UPLOADS.take(parts * self.tuning.part_size, &|| self.cancelled())?;
            return self.upload_encrypted(&mut stdin, key, None);
        }
        let first = read_part(&mut stdin, self.tuning.part_size, &|| self.cancelled())?;
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
        let first = read_part(&mut reader, part_size, &|| self.cancelled())?;
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

    /// One PUT of `data`, whose MD5 is `md5`.
    fn put_single(
        &self,
        data: Bytes,
        md5: [u8; 16],
        options: &PutOptions,
    ) -> anyhow::Result<UploadOutcome> {
        let sums = Sums::with_md5(&data, md5, self.client, self.client.checksum_algorithm());
        let body = PartsProgress::new(self.bar).body(data);
        self.put_body(body, sums, options)
    }

    /// One PUT of a body whose sums are known, checked against what the server stored.
    fn put_body(
        &self,
        (body, sent): (Body, PartSent),
        sums: Sums,
        options: &PutOptions,
    ) -> anyhow::Result<UploadOutcome> {
        let mut options = options.clone();
        options.content_md5 = Some(BASE64.encode(sums.md5));
        options.checksum = sums.checksum;
        let out = self
            .client
            .put_object(self.bucket, self.key, body, &options)?;
        sent.done(sums.len);
        check_crc("the object", sums.crc, out.crc64)?;
        self.check_etag("the object", (&out.etag, out.etag_not_md5), &sums.md5)?;
        Ok(UploadOutcome {
            size: sums.len,
            etag: out.etag,
            parts: 0,
            reused_parts: 0,
        })
    }

    /// Finds the upload to continue, or starts one; returns its id, layout and the parts
    /// already in place. An old upload of this key that is not continued is aborted, so
    /// that nothing is left behind.
    fn start_file_upload(&self, source: &Source<'_>, key: Option<&Key>) -> anyhow::Result<Started> {
        let dir = self.state_dir();
        let recorded = dir
            .as_deref()
            .and_then(|d| checkpoint::load_upload(d, &self.endpoint(), self.bucket, self.key));
        match found(recorded, self.resume, source.size, source.mtime_ns, key) {
            Found::Continue(cp) => {
                if let Some(started) = self.pick_up(*cp, source.name, key, dir.as_deref())? {
                    return Ok(started);
                }
            }
            Found::Discard(why) => self.discard_checkpoint(source.name, why)?,
            Found::NothingToContinue => log::info!(
                "no interrupted upload of {} to {} to continue; starting one",
                source.name,
                self.url()
            ),
            Found::Nothing => {}
        }
        self.initiate_file_upload(source, key, dir.as_deref())
    }

    /// Picks up the upload of checkpoint `cp`: the parts in place, and the IV it was
    /// encrypted from. `None` when it cannot go on (gone from the server, or an encrypted
    /// one without a valid IV): a new upload starts.
    fn pick_up(
        &self,
        cp: UploadCheckpoint,
        name: &str,
        key: Option<&Key>,
        dir: Option<&Path>,
    ) -> anyhow::Result<Option<Started>> {
        let url = self.url();
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
                    // Its parts carry the checksum it was initiated with, whatever
                    // --checksum-algorithm says now.
                    let checksum = cp
                        .checksum_algorithm
                        .as_deref()
                        .and_then(Algorithm::from_name);
                    return Ok(Some(Started {
                        upload_id: cp.upload_id,
                        checksum,
                        layout: cp.layout,
                        existing,
                        iv,
                    }));
                }
                log::warn!("the checkpoint of {url} has no valid IV; starting over");
                self.discard_checkpoint(name, Discard::NotContinued)?;
            }
            Err(e) if e.is_not_found() => {
                log::warn!(
                    "the interrupted upload {} of {url} no longer exists; starting over",
                    cp.upload_id
                );
                if let Some(dir) = dir {
                    checkpoint::remove_upload(dir, &self.endpoint(), self.bucket, self.key);
                }
            }
            Err(e) => return Err(e.into()),
        }
        Ok(None)
    }

    /// Initiates a new multipart upload of the file and records it for `--continue`.
    fn initiate_file_upload(
        &self,
        source: &Source<'_>,
        key: Option<&Key>,
        dir: Option<&Path>,
    ) -> anyhow::Result<Started> {
        let iv = key.map(|_| encryption::random_iv());
        let encrypt = key.zip(iv.as_ref());
        let mut plan = plan_file_upload(&self.options, self.tuning.part_size, source.size, encrypt);
        let checksum = self.client.checksum_algorithm();
        plan.options.checksum_algorithm = checksum;
        let upload_id =
            self.client
                .initiate_multipart_upload(self.bucket, self.key, &plan.options)?;
        let cp = UploadCheckpoint {
            endpoint: self.endpoint(),
            bucket: self.bucket.to_string(),
            key: self.key.to_string(),
            size: source.size,
            mtime_ns: source.mtime_ns,
            upload_id: upload_id.clone(),
            layout: plan.layout,
            encryption: plan.encryption,
            checksum_algorithm: checksum.map(|a| a.name().to_string()),
        };
        if let Some(dir) = dir
            && let Err(e) = checkpoint::save_upload(dir, &cp)
        {
            log::warn!("cannot record the upload for --continue: {e}");
        }
        Ok(Started {
            upload_id,
            checksum,
            layout: plan.layout,
            existing: HashMap::new(),
            iv,
        })
    }

    /// Whether `--continue` finds an interrupted upload of this very file to continue: it
    /// goes on in the parts it was cut in, even where the part size now asked for would
    /// make the file one PUT.
    fn continuing(&self, source: &Source<'_>, key: Option<&Key>) -> bool {
        self.resume == Resume::Yes
            && checkpoint::state_dir()
                .and_then(|d| checkpoint::load_upload(&d, &self.endpoint(), self.bucket, self.key))
                .is_some_and(|cp| continues(&cp, source.size, source.mtime_ns, key))
    }

    /// Aborts the recorded upload of this key, if any, and forgets it, saying `why`.
    fn discard_checkpoint(&self, name: &str, why: Discard) -> anyhow::Result<()> {
        let Some(dir) = self.state_dir() else {
            return Ok(());
        };
        let endpoint = self.endpoint();
        let Some(cp) = checkpoint::load_upload(&dir, &endpoint, self.bucket, self.key) else {
            return Ok(());
        };
        let url = self.url();
        match why {
            Discard::Changed => log::warn!(
                "{name} changed since upload {} of {url} was interrupted; discarding it and starting over",
                cp.upload_id
            ),
            Discard::NotContinued => log::warn!(
                "discarding the interrupted upload {} of {url} (put --continue resumes it)",
                cp.upload_id
            ),
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

    /// A multipart upload of a file. It takes no share of the upload budget: its parts
    /// are streamed from the file, a block or two per worker in memory.
    fn multipart_file(&self, source: Source<'_>) -> anyhow::Result<UploadOutcome> {
        let started = self.start_file_upload(&source, None)?;
        let parts = Parts::new(
            (&started.upload_id, started.checksum),
            &started.existing,
            started.layout.count(),
            self.bar,
        );
        self.send_file(source.file, started.layout, &parts);
        let outcome = parts
            .into_result()
            .and_then(|results| self.complete(&started.upload_id, source.size, results));
        self.settle_file_upload(source.name, &started.upload_id, outcome)
    }

    /// Sends the file's parts that are not in place through the workers, each hashing its
    /// part through a block buffer it reuses, then streaming it from the file.
    fn send_file(&self, file: &Arc<File>, layout: Layout, parts: &Parts<'_>) {
        let count = layout.count();
        let next = AtomicU32::new(0);
        let workers = self.tuning.part_jobs.clamp(1, count as usize);
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    let mut buf = Vec::new();
                    while !parts.stopped() {
                        let index = next.fetch_add(1, Ordering::SeqCst);
                        if index >= count {
                            break;
                        }
                        let result = self.file_part(parts, file, layout, index, &mut buf);
                        parts.record(index, result);
                    }
                });
            }
        });
    }

    /// Encrypts a file as it is read (CBC chains block to block, so one reader) and hands
    /// the ciphertext parts to the workers. The upload is resumable like any file upload:
    /// `--continue` re-encrypts the file from the recorded IV with the same key, which gives
    /// the same parts, and sends only those not in place.
    fn multipart_encrypted_file(
        &self,
        source: Source<'_>,
        key: &Key,
    ) -> anyhow::Result<UploadOutcome> {
        let (name, size) = (source.name, source.size);
        let workers = self.tuning.part_jobs.max(1) as u64;
        let _share =
            budget::UPLOADS.take((workers + 1) * self.tuning.part_size, &|| self.cancelled())?;
        let started = self.start_file_upload(&source, Some(key))?;
        let iv = started
            .iv
            .ok_or_else(|| anyhow::anyhow!("an encrypted upload without an IV"))?;
        let mut reader = Encrypting::new(Read::take(&**source.file, size), key, iv, 0);
        let part_size = started.layout.part_size;
        let sent = read_part(&mut reader, part_size, &|| self.cancelled()).and_then(|first| {
            let upload = (started.upload_id.as_str(), started.checksum);
            self.send_stream(upload, &started.existing, part_size, first, &mut reader)
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

    /// Part `index` of a file: hashed (through `buf`, reused from part to part), then
    /// streamed from the file unless it is in place already.
    fn file_part(
        &self,
        parts: &Parts<'_>,
        file: &Arc<File>,
        layout: Layout,
        index: u32,
        buf: &mut Vec<u8>,
    ) -> anyhow::Result<PartDone> {
        let (offset, len) = layout.part(index);
        let sums = hash_range(file, (offset, len), buf, self.client, parts.checksum)?;
        let number = index + 1;
        if let Some(done) = self.reused_part(parts, number, sums) {
            return Ok(done);
        }
        let body = parts
            .progress
            .file_body(FileRange::new(file.clone(), offset, len));
        self.send_part(parts, number, body, sums)
    }

    /// Part `number` as it is in place already (`--continue`) with this very content,
    /// counted as done; `None` when it is to be sent.
    fn reused_part(&self, parts: &Parts<'_>, number: u32, sums: Sums) -> Option<PartDone> {
        let etag = in_place(parts.existing, number, sums.len, &sums.md5)?;
        log::debug!("part {number} is already uploaded");
        parts.progress.add(sums.len);
        Some(PartDone {
            etag: etag.to_string(),
            md5: sums.md5,
            crc: sums.crc.map(|c| (c, sums.len)),
            checksum: sums.checksum,
            len: sums.len,
            reused: true,
        })
    }

    /// Sends part `number`, whose bytes have these sums, and checks what the server stored.
    fn send_part(
        &self,
        parts: &Parts<'_>,
        number: u32,
        (body, sent): (Body, PartSent),
        sums: Sums,
    ) -> anyhow::Result<PartDone> {
        let uploaded = self.client.upload_part(
            (self.bucket, self.key),
            (parts.upload_id, number),
            body,
            &BASE64.encode(sums.md5),
            sums.checksum.as_ref(),
        )?;
        sent.done(sums.len);
        let etag = (uploaded.etag.as_str(), uploaded.etag_not_md5);
        self.check_etag(&format!("part {number}"), etag, &sums.md5)?;
        check_crc(&format!("part {number}"), sums.crc, uploaded.crc64)?;
        Ok(PartDone {
            etag: uploaded.etag,
            md5: sums.md5,
            crc: sums.crc.map(|c| (c, sums.len)),
            checksum: sums.checksum,
            len: sums.len,
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
        let checksum = self.client.checksum_algorithm();
        options.checksum_algorithm = checksum;
        let upload_id = self
            .client
            .initiate_multipart_upload(self.bucket, self.key, &options)?;
        let outcome = self
            .send_stream(
                (&upload_id, checksum),
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
        upload: (&str, Option<Algorithm>),
        existing: &ExistingParts,
        part_size: u64,
        first: Bytes,
        reader: &mut dyn Read,
    ) -> anyhow::Result<(u64, Vec<Option<PartDone>>)> {
        let parts = Parts::new(upload, existing, MAX_PARTS as u32, self.bar);
        let (tx, rx) = sync_channel::<(u32, Bytes)>(0);
        let rx = Mutex::new(rx);
        let (total, read_error) = std::thread::scope(|scope| {
            for _ in 0..self.tuning.part_jobs.max(1) {
                scope.spawn(|| self.stream_worker(&parts, &rx));
            }
            // The sender goes with the reads: the workers end when they do.
            self.feed(&parts, tx, first, reader, part_size)
        });
        let results = parts.into_result().and_then(|r| match read_error {
            Some(e) => Err(e),
            None => Ok(r),
        })?;
        let count = results.iter().take_while(|r| r.is_some()).count();
        Ok((total, results.into_iter().take(count).collect()))
    }

    /// A worker of a stream: sends the parts it is handed until the stream ends.
    fn stream_worker(&self, parts: &Parts<'_>, rx: &Mutex<Receiver<(u32, Bytes)>>) {
        loop {
            let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok((index, data)) = next else { break };
            // After a failure, keep taking parts so the reader is never stuck.
            if parts.stopped() {
                continue;
            }
            let sums = Sums::of(&data, self.client, parts.checksum);
            let number = index + 1;
            let result = match self.reused_part(parts, number, sums) {
                Some(done) => Ok(done),
                None => self.send_part(parts, number, parts.progress.body(data), sums),
            };
            parts.record(index, result);
        }
    }

    /// Reads a stream's parts and hands them to the workers, until the stream ends or a
    /// part failed; returns the bytes read and what stopped the reads, if anything.
    fn feed(
        &self,
        parts: &Parts<'_>,
        tx: SyncSender<(u32, Bytes)>,
        first: Bytes,
        reader: &mut dyn Read,
        part_size: u64,
    ) -> (u64, Option<anyhow::Error>) {
        let mut total = 0u64;
        let mut read_error = None;
        let mut part = Some(first);
        let mut index = 0u32;
        while let Some(data) = part.take() {
            total += data.len() as u64;
            if tx.send((index, data)).is_err() || parts.stopped() {
                break;
            }
            index += 1;
            match read_part(reader, part_size, &|| self.cancelled()) {
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
        (total, read_error)
    }

    /// Sorts and counts the parts, then completes the upload and checks its ETag.
    fn complete(
        &self,
        upload_id: &str,
        size: u64,
        results: Vec<Option<PartDone>>,
    ) -> anyhow::Result<UploadOutcome> {
        let done = Completion::of(results)?;
        let completed = self.client.complete_multipart_upload(
            (self.bucket, self.key),
            upload_id,
            &done.list,
            &done.checksums,
            (Some(&done.expected), self.options.overwrite),
        )?;
        check_crc("the completed object", done.crc, completed.crc64)?;
        let etag = completed.etag;
        if !etag.eq_ignore_ascii_case(&done.expected) {
            log::info!(
                "{}: the server's multipart ETag {etag} is not the usual {}; the parts were each verified",
                self.key,
                done.expected
            );
        }
        self.bar.finish();
        Ok(UploadOutcome {
            size,
            etag,
            parts: done.list.len() as u32,
            reused_parts: done.reused,
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
/// part takes. Stops when `cancelled` says so.
fn read_part(
    reader: &mut dyn Read,
    size: u64,
    cancelled: &dyn Fn() -> bool,
) -> anyhow::Result<Bytes> {
    let mut buf = vec![0u8; size as usize];
    let mut filled = 0;
    while filled < buf.len() {
        if cancelled() {
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

    /// A reader that hands out at most `step` bytes a read, then fails if `fail` is set.
    struct Trickle {
        data: io::Cursor<Vec<u8>>,
        step: usize,
        fail: bool,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let step = self.step.min(buf.len());
            match self.data.read(&mut buf[..step])? {
                0 if self.fail => Err(io::Error::other("the disk went away")),
                n => Ok(n),
            }
        }
    }

    /// `len` bytes, 7 at a time.
    fn trickle(len: usize) -> Trickle {
        let data = (0..len).map(|i| i as u8).collect();
        Trickle {
            data: io::Cursor::new(data),
            step: 7,
            fail: false,
        }
    }

    /// `len` bytes, 7 at a time, then a read error.
    fn failing(len: usize) -> Trickle {
        Trickle {
            fail: true,
            ..trickle(len)
        }
    }

    #[test]
    fn parts_are_read_full_but_the_last() {
        let mut reader = trickle(250);
        let never = || false;
        let sizes: Vec<usize> = (0..4)
            .map(|_| read_part(&mut reader, 100, &never).unwrap().len())
            .collect();
        assert_eq!(sizes, [100, 100, 50, 0]);
        let part = read_part(&mut trickle(30), 100, &never).unwrap();
        assert_eq!(part, (0..30).map(|i| i as u8).collect::<Vec<u8>>());
    }

    #[test]
    fn a_part_read_stops_on_ctrl_c_and_names_a_failed_source() {
        let err = read_part(&mut trickle(250), 100, &|| true).unwrap_err();
        assert!(is_interrupted(&err));
        let err = read_part(&mut failing(30), 100, &|| false).unwrap_err();
        assert_eq!(format!("{err:#}"), "reading the source: the disk went away");
    }

    #[test]
    fn what_the_server_stored_is_checked_against_what_was_sent() {
        let md5: [u8; 16] = Md5::digest(b"data").into();
        assert!(check_etag(&format!("\"{}\"", hex(&md5).to_uppercase()), &md5).is_ok());
        // An ETag that is no MD5 (encrypted storage, a multipart copy) proves nothing.
        assert!(check_etag("\"abc-2\"", &md5).is_ok());
        let err = check_etag(&hex(&[0u8; 16]), &md5).unwrap_err();
        assert!(err.is::<IntegrityError>());
        assert!(err.to_string().contains("is not the MD5"), "{err}");
        assert!(check_crc("part 1", Some(5), Some(5)).is_ok());
        assert!(check_crc("part 1", Some(5), None).is_ok(), "no CRC sent");
        assert!(check_crc("part 1", None, Some(5)).is_ok(), "none computed");
        let err = check_crc("part 1", Some(5), Some(6)).unwrap_err();
        assert!(err.is::<IntegrityError>());
        assert_eq!(
            err.to_string(),
            "the server stored something else: the CRC-64 of part 1 is 6 there, 5 here"
        );
    }
}
