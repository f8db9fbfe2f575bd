//! Downloads: parallel ranged GETs into a temp file beside the target, renamed into place
//! only when complete and verified; a single stream to stdout and for `--range`.
//!
//! Chunk workers write at their offsets (`pwrite`) and record how far each chunk is
//! written; when the ETag is an MD5, a hasher thread follows behind in file order, reading
//! back from the page cache, so verification overlaps the transfer instead of following
//! it. The temp file `.NAME.objcmd-part` and its sidecar (chunks done, ETag) let
//! `get --continue` pick up where an interrupted download stopped.
//!
//! A target that is a device, a FIFO or a socket is never replaced by a file: it is
//! written into as one stream. A local write that fails (a full disk) removes the temp
//! file and its sidecar and names the file in one line.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, SystemTime};

use anyhow::Context as _;

use super::checkpoint::{self, DownloadState};
use super::crypt::{self, DecryptingWriter, KeySource, RangeWriter};
use super::progress::{PartsProgress, Progress};
use super::verify::{Checks, PartDigest, PartSum};
use super::{Layout, Tuning, interrupted, read_exact_at, write_all_at};
use crate::client::{self, ByteRange, Client, GetObjectOutput, ObjectMeta, TransportKind};

/// What a download did.
#[derive(Debug)]
pub struct Downloaded {
    /// The object's metadata (size is the whole object's).
    pub meta: ObjectMeta,
    /// Bytes written.
    pub bytes: u64,
    /// True when the content was checked against the ETag's MD5.
    pub verified: bool,
}

/// A whole object downloaded to a file.
pub struct FileDownload<'a> {
    /// The client.
    pub client: &'a Client,
    /// Source bucket.
    pub bucket: &'a str,
    /// Source key.
    pub key: &'a str,
    /// The file to create or replace.
    pub target: &'a Path,
    /// Fail rather than replace a file that appears meanwhile.
    pub no_clobber: bool,
    /// What becomes of the temp file if the download stops early.
    pub partial: Partial,
    /// Chunk size and chunks in flight.
    pub tuning: Tuning,
    /// Where the key to decrypt encrypted objects comes from; `None` (`--raw`) writes them
    /// as stored.
    pub keys: Option<&'a KeySource>,
    /// Where the download reports how far it got.
    pub bar: &'a dyn Progress,
}

/// What becomes of the temp file (and sidecar) of a download to a file that stops before
/// it is complete. Whatever this says, a local write error (a full disk) and data that
/// fails verification or decryption remove it, and so does a download of one chunk
/// (there is nothing to resume from: it has no sidecar).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Partial {
    /// Removed, whatever stopped it (trees and sync: `--continue` does not go with them).
    Remove,
    /// Kept for `get --continue` when the user interrupts it (Ctrl-C, SIGTERM); removed
    /// after a failure, so that a later run never resumes from a failed one.
    KeepIfInterrupted,
    /// `get --continue`: a partial download left by an earlier run is reused, and this
    /// one is kept when interrupted or when the network fails.
    Resume,
}

/// A local write that failed (a full disk, a quota, an I/O error), with what was being
/// written. Displayed as one line that names the file (`no space left on device writing
/// PATH`), not as the OS error's text.
#[derive(Debug)]
pub struct WriteError {
    what: String,
    error: io::Error,
}

impl WriteError {
    /// `what` says what failed: `writing PATH`, `creating PATH`.
    pub fn new(what: String, error: io::Error) -> WriteError {
        WriteError { what, error }
    }

    fn writing(path: &Path, error: io::Error) -> WriteError {
        WriteError::new(format!("writing {}", path.display()), error)
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.error.kind() {
            io::ErrorKind::StorageFull => write!(f, "no space left on device {}", self.what),
            io::ErrorKind::QuotaExceeded => write!(f, "disk quota exceeded {}", self.what),
            _ => write!(f, "{}: {}", self.what, self.error),
        }
    }
}

impl std::error::Error for WriteError {}

/// What `path` is when it exists and is neither a regular file nor a directory (a device,
/// a FIFO, a socket), following symlinks (`/dev/stdout` is one): a download writes into
/// such a target as a stream, and never replaces it with a file.
pub fn special_file(path: &Path) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = std::fs::metadata(path).ok()?.file_type();
        if kind.is_fifo() {
            return Some("a FIFO");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    let _ = path;
    None
}

/// Refuses to move a file over a device, FIFO or socket: only a single download streams
/// into one (see [`Sink::Special`]); in a tree, that member fails instead.
fn refuse_special(target: &Path) -> anyhow::Result<()> {
    match special_file(target) {
        Some(kind) => Err(anyhow::anyhow!(
            "{} is {kind}, not a regular file: not replaced",
            target.display()
        )),
        None => Ok(()),
    }
}

/// The size of each write (and hash read) of the chunk workers, who share one temp file.
/// Buffered writes to one file take its inode lock, so several workers writing 1 MiB at a
/// time spin on each other and copy out of cache: a 1 GiB get spent twice the system time
/// of 64 KiB writes and ran 1.3-1.7 s instead of 0.9-1.0 s (docs/benchmarks.md).
const SHARED_FILE_BLOCK: usize = 64 << 10;

/// The buffers a stream (stdout, `--range`) hands to its one writer thread: 256 KiB
/// measured 0.8-0.9 s for 1 GiB to a file, 1 MiB 1.3 s, 64 KiB 1.0 s.
const STREAM_BLOCK: usize = 256 << 10;

/// `dir/.NAME.objcmd-part`: the temp file of a download to `target`.
pub fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.objcmd-part"))
}

/// Opens the temp file, without following a symlink planted under its name, and locks
/// it so two downloads to one target cannot interleave.
///
/// A fresh download replaces any leftover with a new file rather than truncating it: on
/// ext4, a file truncated to zero and rewritten is flushed to disk when it is closed
/// (`auto_da_alloc`), which measured 0.36 s for 1 GiB (docs/benchmarks.md).
fn open_temp(path: &Path, fresh: bool) -> anyhow::Result<File> {
    let open = |create_new: bool| {
        let mut options = OpenOptions::new();
        options.read(true).write(true);
        if create_new {
            options.create_new(true);
        } else {
            options.create(true).truncate(false);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW).mode(0o666);
        }
        options.open(path).map_err(|e| {
            anyhow::Error::new(WriteError::new(
                format!("creating the temp file {}", path.display()),
                e,
            ))
        })
    };
    let lock = |file: File| match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(anyhow::anyhow!(
            "another objcmd is downloading to {} (its temp file is locked)",
            path.display()
        )),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(anyhow::Error::new(e).context(format!("locking {}", path.display())))
        }
    };
    if !fresh {
        return lock(open(false)?);
    }
    if path.symlink_metadata().is_ok() {
        // A leftover: make sure no other download owns it, then replace it.
        drop(lock(open(false)?)?);
        std::fs::remove_file(path).with_context(|| format!("removing {}", path.display()))?;
    }
    lock(open(true)?)
}

fn remove_temp(temp: &Path) {
    let _ = std::fs::remove_file(temp);
    let _ = std::fs::remove_file(checkpoint::sidecar(temp));
}

/// Moves the finished temp file to the target; with no-clobber, only if the target does
/// not exist (a hard link fails rather than replace; where links are not supported, the
/// check and the rename are two steps).
fn move_into_place(temp: &Path, target: &Path, no_clobber: bool) -> io::Result<()> {
    if !no_clobber {
        return std::fs::rename(temp, target);
    }
    match std::fs::hard_link(temp, target) {
        Ok(()) => std::fs::remove_file(temp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if target.symlink_metadata().is_ok() => Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => std::fs::rename(temp, target),
    }
}

/// Moves a finished temp file into place (see [`move_into_place`]), with the error a user
/// reads; refuses a target that became a device, FIFO or socket meanwhile.
fn place(temp: &Path, target: &Path, no_clobber: bool) -> anyhow::Result<()> {
    refuse_special(target)?;
    move_into_place(temp, target, no_clobber).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            anyhow::anyhow!(
                "{} appeared meanwhile; not replaced (--no-clobber)",
                target.display()
            )
        } else {
            anyhow::Error::new(e).context(format!(
                "moving the download into place at {}",
                target.display()
            ))
        }
    })
}

/// How far each chunk is written, for the hasher that follows the workers.
struct Written {
    chunks: Vec<AtomicU64>,
    lock: Mutex<()>,
    changed: Condvar,
}

impl Written {
    fn set(&self, index: u32, bytes: u64) {
        self.chunks[index as usize].store(bytes, Ordering::Release);
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.changed.notify_all();
    }

    /// Waits until chunk `index` holds more than `pos` bytes or `stop` is set. Checked under
    /// the lock that `set` and `wake` notify under, so no wakeup is lost between the check
    /// and the wait (a lost one used to cost a 20 ms timeout per small file).
    fn wait(&self, index: u32, pos: u64, stop: &AtomicBool) {
        let guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if self.chunks[index as usize].load(Ordering::Acquire) > pos || stop.load(Ordering::SeqCst)
        {
            return;
        }
        // The timeout only guards against a worker that panicked without setting `stop`.
        let _ = self.changed.wait_timeout(guard, Duration::from_millis(500));
    }

    /// Wakes the hasher after `stop` was set.
    fn wake(&self) {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.changed.notify_all();
    }
}

/// Everything the chunk workers share.
struct Job<'a> {
    d: &'a FileDownload<'a>,
    file: &'a File,
    temp: &'a Path,
    etag: &'a str,
    layout: Layout,
    written: Written,
    progress: PartsProgress,
    stop: AtomicBool,
    error: Mutex<Option<anyhow::Error>>,
    state: Mutex<DownloadState>,
    /// When each chunk is one part of a recomputable multipart ETag: a fresh hasher for a
    /// part, and the digests of the parts hashed so far.
    part_sum: Option<PartSum>,
    part_digests: Mutex<Vec<Option<PartDigest>>>,
}

impl Job<'_> {
    fn fail(&self, err: anyhow::Error) {
        self.stop.store(true, Ordering::SeqCst);
        {
            let mut slot = self.error.lock().unwrap_or_else(|e| e.into_inner());
            if slot.is_none() {
                *slot = Some(err);
            }
        }
        self.written.wake();
    }

    /// Downloads chunk `index` into the temp file, resuming a body cut short.
    fn fetch_chunk(&self, index: u32, mut resp: Option<GetObjectOutput>) -> anyhow::Result<()> {
        let (offset, len) = self.layout.part(index);
        let client = self.d.client;
        let transport = client.transport();
        let mut received = 0u64;
        let mut resumes = 0u32;
        let mut buf = vec![0u8; SHARED_FILE_BLOCK];
        let mut sum = self.part_sum.clone();
        while received < len {
            let out = match resp.take() {
                Some(out) => out,
                None => {
                    let range = ByteRange::From {
                        first: offset + received,
                        last: Some(offset + len - 1),
                    };
                    client
                        .get_object(self.d.bucket, self.d.key, Some(range), Some(self.etag))
                        .context("the object may have changed during the download")?
                }
            };
            if out.offset != offset + received || out.content_length != len - received {
                anyhow::bail!(
                    "asked for bytes {}-{}, the server sent {} bytes from {}",
                    offset + received,
                    offset + len - 1,
                    out.content_length,
                    out.offset
                );
            }
            let mut body = out.body.into_reader();
            loop {
                if transport.cancelled() {
                    return Err(interrupted());
                }
                let want = SHARED_FILE_BLOCK.min((len - received) as usize);
                let n = if want == 0 {
                    0
                } else {
                    fill(&mut body, &mut buf[..want]).unwrap_or(0)
                };
                if n == 0 {
                    break;
                }
                if let Some(limiter) = transport.limiter() {
                    limiter.acquire(n);
                }
                write_all_at(self.file, &buf[..n], offset + received)
                    .map_err(|e| WriteError::writing(self.temp, e))?;
                if let Some(sum) = sum.as_mut() {
                    sum.update(&buf[..n]);
                }
                received += n as u64;
                self.written.set(index, received);
                self.progress.add(n as u64);
            }
            if received < len {
                resumes += 1;
                let reason = format!(
                    "the body of {} ended after {} of {} bytes",
                    self.d.key,
                    offset + received,
                    self.layout.size
                );
                if resumes > transport.config().retries {
                    return Err(client::Error::Transport {
                        what: format!("GET {}/{}", self.d.bucket, self.d.key),
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
            }
        }
        if let Some(sum) = sum {
            self.part_digests.lock().unwrap_or_else(|e| e.into_inner())[index as usize] =
                Some(sum.finish());
        }
        if self.layout.count() == 1 {
            // One chunk is all or nothing: no sidecar to keep (see download_to_file).
            return Ok(());
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.done.push(index);
        if let Err(e) = checkpoint::save_download(self.temp, &state) {
            log::debug!(
                "cannot update {}: {e}",
                checkpoint::sidecar(self.temp).display()
            );
        }
        Ok(())
    }

    /// Runs the chunk workers (and the hasher behind them, if `checks` are given) until
    /// every chunk is in or one failed; chunks in `done` are only hashed. Returns what
    /// the hasher found: `None` without one.
    fn run(
        &self,
        done: &[u32],
        first: Option<GetObjectOutput>,
        checks: Option<Checks>,
    ) -> Option<anyhow::Result<Option<Checks>>> {
        let count = self.layout.count();
        let next = AtomicU32::new(0);
        let first = Mutex::new(first);
        let workers = self.d.tuning.part_jobs.clamp(1, count as usize);
        std::thread::scope(|scope| {
            let hasher = checks.map(|checks| scope.spawn(move || self.hash_in_order(checks)));
            for _ in 0..workers {
                scope.spawn(|| {
                    while !self.stop.load(Ordering::SeqCst) {
                        let index = next.fetch_add(1, Ordering::SeqCst);
                        if index >= count {
                            break;
                        }
                        let initial = if index == 0 {
                            first.lock().unwrap_or_else(|e| e.into_inner()).take()
                        } else {
                            None
                        };
                        if done.contains(&index) {
                            let len = self.layout.part(index).1;
                            if let Err(e) = self.hash_done_chunk(index) {
                                self.fail(e);
                            }
                            self.written.set(index, len);
                            self.progress.add(len);
                            continue;
                        }
                        if let Err(e) = self.fetch_chunk(index, initial) {
                            self.fail(e);
                        }
                    }
                });
            }
            hasher.map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("the hasher panicked")))
            })
        })
    }

    /// Hashes a chunk that an earlier run finished (`--continue`) from the temp file.
    fn hash_done_chunk(&self, index: u32) -> anyhow::Result<()> {
        let Some(mut sum) = self.part_sum.clone() else {
            return Ok(());
        };
        let (offset, len) = self.layout.part(index);
        let mut buf = vec![0u8; SHARED_FILE_BLOCK];
        let mut pos = 0u64;
        while pos < len {
            let n = (len - pos).min(SHARED_FILE_BLOCK as u64) as usize;
            read_exact_at(self.file, &mut buf[..n], offset + pos)?;
            sum.update(&buf[..n]);
            pos += n as u64;
        }
        self.part_digests.lock().unwrap_or_else(|e| e.into_inner())[index as usize] =
            Some(sum.finish());
        Ok(())
    }

    /// Runs the checks over the whole file, chunk after chunk as the workers finish them;
    /// `None` if the download stopped.
    fn hash_in_order(&self, mut checks: Checks) -> anyhow::Result<Option<Checks>> {
        let mut buf = vec![0u8; SHARED_FILE_BLOCK];
        for index in 0..self.layout.count() {
            let (offset, len) = self.layout.part(index);
            let mut pos = 0u64;
            while pos < len {
                let available = self.written.chunks[index as usize].load(Ordering::Acquire);
                if available <= pos {
                    if self.stop.load(Ordering::SeqCst) {
                        return Ok(None);
                    }
                    self.written.wait(index, pos, &self.stop);
                    continue;
                }
                let n = (available - pos).min(SHARED_FILE_BLOCK as u64) as usize;
                read_exact_at(self.file, &mut buf[..n], offset + pos)?;
                checks.update(&buf[..n]);
                pos += n as u64;
            }
        }
        Ok(Some(checks))
    }
}

/// How an object is fetched into the temp file, as the first reply (or, for
/// `--continue`, a HEAD) describes it.
struct Plan {
    /// The reply to the first chunk's GET, when it can be used as that chunk.
    first: Option<GetObjectOutput>,
    layout: Layout,
    checks: Checks,
    /// Each chunk is one part of a recomputable multipart ETag, hashed by its worker.
    per_part: bool,
}

/// The object's metadata and the plan to fetch it.
fn plan(d: &FileDownload<'_>) -> anyhow::Result<(ObjectMeta, Plan)> {
    let client = d.client;
    let part_size = d.tuning.part_size.max(1);
    // The first chunk's GET also tells the size and ETag; --continue asks with HEAD first,
    // since the first chunk may be there already.
    let (meta, mut first) = if d.partial == Partial::Resume {
        (client.head_object(d.bucket, d.key)?, None)
    } else {
        let range = ByteRange::From {
            first: 0,
            last: Some(part_size - 1),
        };
        match client.get_object(d.bucket, d.key, Some(range), None) {
            Ok(out) => (out.meta.clone(), Some(out)),
            // An empty object has no byte 0 to ask for.
            Err(e) if e.service().is_some_and(|s| s.status == 416) => {
                let out = client.get_object(d.bucket, d.key, None, None)?;
                (out.meta.clone(), Some(out))
            }
            Err(e) => return Err(e.into()),
        }
    };
    let checks = Checks::for_object(d.key, &meta);
    // An object whose multipart ETag can be recomputed is fetched in its upload's parts, so
    // that each worker hashes the part it fetches: one thread could not keep up.
    let asked = Layout::new(meta.size, part_size);
    let mut layout = checks
        .part_size()
        .map_or(asked, |p| Layout::new(meta.size, p));
    if let Some(out) = &first {
        if out.content_length != asked.part(0).1 {
            // The server ignored the range: this reply is the whole object, one chunk.
            layout = Layout::new(meta.size, meta.size.max(1));
            if out.content_length != meta.size {
                anyhow::bail!("the server's reply does not match the object's size");
            }
        } else if asked.count() == 1 {
            // The whole object came in the first reply.
            layout = asked;
        } else if layout != asked {
            // Fetched in the tuning's part size, not the upload's: the chunk is asked again.
            first = None;
        }
    }
    let per_part = checks.part_size() == Some(layout.part_size);
    let plan = Plan {
        first,
        layout,
        checks,
        per_part,
    };
    Ok((meta, plan))
}

/// The partial download `--continue` can pick up, if the sidecar and temp file are there
/// and still describe this object.
fn previous_download(
    d: &FileDownload<'_>,
    temp: &Path,
    meta: &ObjectMeta,
    layout: Layout,
) -> Option<DownloadState> {
    match checkpoint::load_download(temp) {
        // The temp file must still be there, at the object's size (set when it began).
        Some(s)
            if s.etag == meta.etag
                && s.layout == layout
                && temp
                    .symlink_metadata()
                    .is_ok_and(|m| m.is_file() && m.len() == meta.size) =>
        {
            log::info!(
                "continuing the download of {}: {} of {} chunks already there",
                d.key,
                s.done.len(),
                layout.count()
            );
            Some(s)
        }
        Some(_) => {
            log::warn!(
                "{} changed since the interrupted download, or its temp file is gone: starting over",
                d.key
            );
            None
        }
        None => {
            log::info!("no partial download of {} to continue: starting one", d.key);
            None
        }
    }
}

/// Why a download to a file stopped early, which decides whether its temp file is kept.
enum Stop {
    /// While the temp file was being prepared or filled: kept as [`Partial`] says.
    Fetching(anyhow::Error),
    /// With every byte there: the data failed verification or decryption, or could not
    /// be moved into place. Never kept: `--continue` must not resume from bad data.
    Finishing(anyhow::Error),
}

/// Removes the temp file of a download that stopped, or keeps it for `--continue`;
/// returns the error to report.
fn settle(d: &FileDownload<'_>, temp: &Path, layout: Layout, stop: Stop) -> anyhow::Error {
    let (err, keep) = match stop {
        Stop::Finishing(err) => (err, false),
        Stop::Fetching(err) => {
            let keep = worth_keeping(d.partial, layout, &err);
            (err, keep)
        }
    };
    if keep {
        log::info!(
            "the partial download is kept in {} for --continue",
            temp.display()
        );
    } else {
        remove_temp(temp);
    }
    err
}

/// Whether a download that stopped while fetching (with `err`) is kept for `--continue`.
fn worth_keeping(partial: Partial, layout: Layout, err: &anyhow::Error) -> bool {
    // One chunk has no sidecar to resume from; a disk that refused a write would be
    // left fuller by a kept temp file, and rerunning it gains nothing.
    if layout.count() < 2 || err.chain().any(|c| c.is::<WriteError>()) {
        return false;
    }
    match partial {
        Partial::Remove => false,
        Partial::KeepIfInterrupted => super::is_interrupted(err),
        Partial::Resume => true,
    }
}

/// Downloads a whole object to a file through `.NAME.objcmd-part`, in parallel chunks.
/// A target that is a device, FIFO or socket is refused: see [`Sink::Special`].
pub fn download_to_file(d: &FileDownload<'_>) -> anyhow::Result<Downloaded> {
    refuse_special(d.target)?;
    let temp = temp_path(d.target);
    let (meta, plan) = plan(d)?;
    let layout = plan.layout;
    let previous = match d.partial {
        Partial::Resume => previous_download(d, &temp, &meta, layout),
        Partial::Remove | Partial::KeepIfInterrupted => None,
    };
    // A wrong or missing key is found before anything is written.
    let decrypt = crypt::decryption_key(d.key, &meta, d.keys)?;
    // Only now that the object is known to exist is a temp file made.
    let file = open_temp(&temp, previous.is_none())?;
    let filled = fill_temp(d, &file, &temp, &meta, plan, previous).and_then(|verified| {
        finish_temp(d, &file, &temp, &meta, decrypt)
            .map(|bytes| (bytes, verified))
            .map_err(Stop::Finishing)
    });
    // Closed (and unlocked) before it is moved or removed.
    drop(file);
    let done = filled.and_then(|done| {
        place(&temp, d.target, d.no_clobber)
            .map(|()| done)
            .map_err(Stop::Finishing)
    });
    let (bytes, verified) = done.map_err(|stop| settle(d, &temp, layout, stop))?;
    let _ = std::fs::remove_file(checkpoint::sidecar(&temp));
    d.bar.finish();
    Ok(Downloaded {
        bytes,
        meta,
        verified,
    })
}

/// Fetches every chunk into the temp file (those of `previous` are hashed from it
/// instead) and verifies what the object can be checked against; true when verified.
fn fill_temp(
    d: &FileDownload<'_>,
    file: &File,
    temp: &Path,
    meta: &ObjectMeta,
    plan: Plan,
    previous: Option<DownloadState>,
) -> Result<bool, Stop> {
    let layout = plan.layout;
    file.set_len(meta.size)
        .map_err(|e| Stop::Fetching(WriteError::writing(temp, e).into()))?;
    let state = previous.unwrap_or(DownloadState {
        etag: meta.etag.clone(),
        layout,
        done: Vec::new(),
    });
    let done: Vec<u32> = state.done.clone();
    // The sidecar lists finished chunks for --continue; an object of one chunk has none to
    // list until it is complete, and writing (then removing) one per small file of a tree
    // costs more than the download.
    if layout.count() > 1 {
        checkpoint::save_download(temp, &state).map_err(|e| {
            Stop::Fetching(WriteError::writing(&checkpoint::sidecar(temp), e).into())
        })?;
    }
    let count = layout.count();
    d.bar.set_length(meta.size);
    let job = Job {
        d,
        file,
        temp,
        etag: &meta.etag,
        layout,
        written: Written {
            chunks: (0..count).map(|_| AtomicU64::new(0)).collect(),
            lock: Mutex::new(()),
            changed: Condvar::new(),
        },
        progress: PartsProgress::new(d.bar),
        stop: AtomicBool::new(false),
        error: Mutex::new(None),
        state: Mutex::new(state),
        part_sum: plan.per_part.then(|| plan.checks.part_sum()),
        part_digests: Mutex::new(vec![None; count as usize]),
    };
    let checks = plan.checks;
    // Checked by a hasher thread behind the workers, or part by part by the workers.
    let (for_hasher, for_parts) = if checks.any() && !plan.per_part {
        (Some(checks), None)
    } else {
        (None, plan.per_part.then_some(checks))
    };
    let digest = job.run(&done, plan.first, for_hasher);
    if let Some(err) = job.error.lock().unwrap_or_else(|e| e.into_inner()).take() {
        return Err(Stop::Fetching(err));
    }
    let verified = match digest {
        Some(Ok(Some(checks))) => checks.finish(),
        Some(Ok(None)) => Err(anyhow::anyhow!(
            "the hasher stopped although every chunk was downloaded"
        )),
        Some(Err(e)) => Err(e.context("verifying the download")),
        None => match for_parts {
            Some(checks) => job
                .part_digests
                .into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .into_iter()
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| anyhow::anyhow!("a part of the download was not hashed"))
                .and_then(|digests| checks.finish_parts(digests)),
            None => Ok(false),
        },
    };
    verified.map_err(Stop::Finishing)
}

/// Decrypts the complete temp file in place when the object is encrypted, and gives it
/// the object's time; returns the bytes the file holds.
fn finish_temp(
    d: &FileDownload<'_>,
    file: &File,
    temp: &Path,
    meta: &ObjectMeta,
    decrypt: Option<&crate::encryption::Key>,
) -> anyhow::Result<u64> {
    let mut bytes = meta.size;
    if let Some(key) = decrypt {
        // Decrypting rewrites the temp file: from here --continue must start over.
        let _ = std::fs::remove_file(checkpoint::sidecar(temp));
        bytes = crypt::decrypt_file(file, d.key, key, meta)?;
    }
    // The file's own time when the uploader recorded it, else the upload's.
    let recorded = meta
        .metadata
        .get(super::MTIME_META)
        .and_then(|m| super::parse_mtime_meta(m));
    if let Some(modified) = recorded.or(meta.last_modified.map(SystemTime::from)) {
        let _ = file.set_modified(modified);
    }
    Ok(bytes)
}

/// Where a single-stream download goes.
pub enum Sink<'a> {
    /// A file, written through a random temp file beside it (`--range`).
    File {
        /// The target path.
        path: &'a Path,
        /// Fail rather than replace an existing file.
        no_clobber: bool,
    },
    /// A device, FIFO or socket that exists (see [`special_file`]): opened (following
    /// symlinks) and written in place, as stdout is; a FIFO's open waits for a reader,
    /// as a shell's `> FIFO` does.
    Special(&'a Path),
    /// Standard output.
    Stdout(&'a (dyn Fn(&[u8]) -> io::Result<()> + Sync)),
}

/// The random temp file of a stream to a file (`.NAME.objcmd-XXXXXXXX` beside it),
/// removed when dropped unless it was moved into place.
struct StreamTemp {
    path: PathBuf,
    file: File,
    placed: bool,
}

impl StreamTemp {
    /// Not tempfile's `NamedTempFile`, whose errors end in ` at path "..."`: a full disk
    /// reads as one line naming the file.
    fn beside(target: &Path) -> anyhow::Result<StreamTemp> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut options = OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // Like any new file: 0666 less the umask.
            options.custom_flags(libc::O_NOFOLLOW).mode(0o666);
        }
        let mut tries = 0;
        loop {
            let path = dir.join(format!(".{name}.objcmd-{:08x}", fastrand::u32(..)));
            match options.open(&path) {
                Ok(file) => {
                    return Ok(StreamTemp {
                        path,
                        file,
                        placed: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 16 => tries += 1,
                Err(e) => {
                    let what = format!("creating a temp file in {}", dir.display());
                    return Err(WriteError::new(what, e).into());
                }
            }
        }
    }

    fn place(mut self, target: &Path, no_clobber: bool) -> anyhow::Result<()> {
        place(&self.path, target, no_clobber)?;
        self.placed = true;
        Ok(())
    }
}

impl Drop for StreamTemp {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// A local file a stream is written to, whose write errors carry a [`WriteError`] that
/// names it.
struct PathWriter<'a> {
    file: &'a File,
    path: &'a Path,
}

impl PathWriter<'_> {
    fn failed(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), WriteError::writing(self.path, e))
    }
}

impl Write for PathWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf).map_err(|e| self.failed(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush().map_err(|e| self.failed(e))
    }
}

/// The error of a stream's writer: a [`WriteError`] as itself (it names the file), any
/// other (stdout closing: a broken pipe) as the I/O error it is.
fn write_failure(e: io::Error) -> anyhow::Error {
    if !e.get_ref().is_some_and(|inner| inner.is::<WriteError>()) {
        return anyhow::Error::new(e).context("writing the download");
    }
    match e.into_inner().map(|inner| inner.downcast::<WriteError>()) {
        Some(Ok(write)) => anyhow::Error::new(*write),
        _ => anyhow::anyhow!("writing the download failed"),
    }
}

/// Downloads an object, or a range of it, as one stream: to stdout, into a device or
/// FIFO, or to a file through a temp file (for `--range`).
pub fn download(
    client: &Client,
    bucket: &str,
    key: &str,
    range: Option<ByteRange>,
    keys: Option<&KeySource>,
    sink: Sink<'_>,
    bar: &dyn Progress,
) -> anyhow::Result<Downloaded> {
    let stream = Stream {
        client,
        bucket,
        key,
        range,
        keys,
        bar,
    };
    match sink {
        Sink::File { path, no_clobber } => {
            let tmp = StreamTemp::beside(path)?;
            let done = stream.run(&mut PathWriter {
                file: &tmp.file,
                path: &tmp.path,
            })?;
            tmp.place(path, no_clobber)?;
            Ok(done)
        }
        Sink::Special(path) => {
            let file = OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("opening {}", path.display()))?;
            stream.run(&mut PathWriter { file: &file, path })
        }
        Sink::Stdout(write) => {
            let mut out = FnWriter(write);
            stream.run(&mut out)
        }
    }
}

/// One object, or a range of it, as a single stream.
struct Stream<'a> {
    client: &'a Client,
    bucket: &'a str,
    key: &'a str,
    range: Option<ByteRange>,
    keys: Option<&'a KeySource>,
    bar: &'a dyn Progress,
}

impl Stream<'_> {
    fn run(&self, out: &mut (dyn Write + Send)) -> anyhow::Result<Downloaded> {
        let (client, bucket, key) = (self.client, self.bucket, self.key);
        let Some(range) = self.range else {
            return receive(client, bucket, key, None, self.keys, out, self.bar);
        };
        // Without a key nothing can be decrypted: the GET itself refuses an encrypted
        // object, and a plain one costs no HEAD first.
        let Some(keys) = self.keys.filter(|k| k.configured()) else {
            return receive(client, bucket, key, Some(range), self.keys, out, self.bar);
        };
        // A range of an encrypted object is a range of its plaintext: ask what it is first.
        let meta = client.head_object(bucket, key)?;
        let Some(secret) = crypt::decryption_key(key, &meta, Some(keys))? else {
            return receive(client, bucket, key, Some(range), None, out, self.bar);
        };
        let plain_len = crypt::plain_len(client, bucket, key, secret, &meta)?;
        let (first, last) = match range {
            ByteRange::From { first, last } => (first, last.unwrap_or(u64::MAX)),
            ByteRange::Suffix(n) => (plain_len.saturating_sub(n), u64::MAX),
        };
        let last = last.min(plain_len.saturating_sub(1));
        if first >= plain_len || first > last {
            anyhow::bail!(
                "the range starts beyond the end of {key} ({plain_len} bytes once decrypted)"
            );
        }
        let plan = crate::encryption::range_plan(first, last);
        let stored = ByteRange::From {
            first: plan.fetch_first,
            last: Some(plan.fetch_last),
        };
        let mut window = RangeWriter::new(out, secret, &plan);
        let mut done = receive(
            client,
            bucket,
            key,
            Some(stored),
            None,
            &mut window,
            self.bar,
        )?;
        window.finish()?;
        done.bytes = last - first + 1;
        Ok(done)
    }
}

struct FnWriter<'a>(&'a (dyn Fn(&[u8]) -> io::Result<()> + Sync));

impl Write for FnWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        (self.0)(buf)?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The writer thread of a stream: hashes (when asked) and writes each chunk in order,
/// handing buffers back.
fn write_chunks(
    chunks: Receiver<Vec<u8>>,
    free: SyncSender<Vec<u8>>,
    out: &mut (dyn Write + Send),
    mut checks: Option<Checks>,
) -> io::Result<Option<Checks>> {
    for chunk in chunks {
        if let Some(c) = checks.as_mut() {
            c.update(&chunk);
        }
        out.write_all(&chunk)?;
        let _ = free.try_send(chunk);
    }
    out.flush()?;
    Ok(checks)
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

/// GETs the object (or range) as one stream into `out`, resuming a body cut short with a
/// ranged GET pinned to the ETag, and verifying the MD5 of a whole object when the ETag is
/// one. Hashing runs on a writer thread beside the network reads.
fn receive(
    client: &Client,
    bucket: &str,
    key: &str,
    range: Option<ByteRange>,
    keys: Option<&KeySource>,
    out: &mut (dyn Write + Send),
    bar: &dyn Progress,
) -> anyhow::Result<Downloaded> {
    let transport = client.transport();
    let first = client.get_object(bucket, key, range, None)?;
    let meta = first.meta.clone();
    let secret = match crypt::decryption_key(key, &meta, keys)? {
        Some(secret) if range.is_none() => Some(secret),
        _ => None,
    };
    let mut decrypting = None;
    let out: &mut (dyn Write + Send) = match secret {
        Some(secret) => decrypting.insert(DecryptingWriter::new(out, key, secret, &meta)?),
        None => out,
    };
    let start = first.offset;
    let expected = first.content_length;
    // A range has nothing to be checked against.
    let checks = range
        .is_none()
        .then(|| Checks::for_object(key, &meta))
        .filter(Checks::any);
    bar.set_length(expected);

    let (chunk_tx, chunk_rx) = sync_channel::<Vec<u8>>(4);
    let (free_tx, free_rx) = sync_channel::<Vec<u8>>(6);
    let mut received = 0u64;
    let mut network: Result<(), anyhow::Error> = Ok(());
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(move || write_chunks(chunk_rx, free_tx, out, checks));
        let mut body: Box<dyn Read> = Box::new(first.body.into_reader());
        let mut resumes = 0u32;
        loop {
            if transport.cancelled() {
                network = Err(interrupted());
                break;
            }
            let mut buf = free_rx
                .try_recv()
                .unwrap_or_else(|_| vec![0u8; STREAM_BLOCK]);
            buf.resize(STREAM_BLOCK, 0);
            let want = STREAM_BLOCK
                .min((expected - received).min(STREAM_BLOCK as u64) as usize)
                .max(1);
            match fill(&mut body, &mut buf[..want]) {
                Ok(0) if received >= expected => break,
                Ok(0) | Err(_) => {
                    resumes += 1;
                    let reason =
                        format!("the body of {key} ended after {received} of {expected} bytes");
                    if resumes > transport.config().retries {
                        network = Err(anyhow::Error::new(client::Error::Transport {
                            what: format!("GET {bucket}/{key}"),
                            cause: reason,
                            kind: TransportKind::Broken,
                            attempts: resumes,
                        }));
                        break;
                    }
                    log::info!(
                        "{reason}; resuming (attempt {} of {})",
                        resumes + 1,
                        transport.config().retries + 1
                    );
                    if let Err(e) = transport.sleep(client::request::backoff(resumes)) {
                        network = Err(e.into());
                        break;
                    }
                    let rest = ByteRange::From {
                        first: start + received,
                        last: Some(start + expected - 1),
                    };
                    match client.get_object(bucket, key, Some(rest), Some(&meta.etag)) {
                        Ok(resp) if resp.offset == start + received => {
                            body = Box::new(resp.body.into_reader())
                        }
                        Ok(_) => {
                            network = Err(anyhow::anyhow!(
                                "the server did not honour the range of a resumed download of {key}"
                            ));
                            break;
                        }
                        Err(e) => {
                            network = Err(anyhow::Error::new(e)
                                .context("resuming the download (the object may have changed)"));
                            break;
                        }
                    }
                }
                Ok(n) => {
                    if let Some(limiter) = transport.limiter() {
                        limiter.acquire(n);
                    }
                    buf.truncate(n);
                    received += n as u64;
                    bar.set_position(received);
                    if chunk_tx.send(buf).is_err() {
                        break; // the writer failed; its error is reported below
                    }
                    if received > expected {
                        network = Err(anyhow::anyhow!(
                            "the server sent more than the {expected} bytes it announced"
                        ));
                        break;
                    }
                }
            }
        }
        drop(chunk_tx);
        writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")))
    });
    if let Some(failure) = decrypting.as_ref().and_then(DecryptingWriter::failure) {
        return Err(failure);
    }
    let checks = written.map_err(write_failure)?;
    network?;
    // The stored bytes first: a damaged object is reported as such, not as a bad key.
    let verified = match checks {
        Some(c) => c.finish()?,
        None => false,
    };
    let mut bytes = received;
    if let Some(w) = decrypting {
        bytes = w.finish()?;
    }
    bar.finish();
    Ok(Downloaded {
        meta,
        bytes,
        verified,
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
    fn writer_hashes_and_writes_everything() {
        let (tx, rx) = sync_channel(4);
        let (free_tx, _free_rx) = sync_channel(6);
        let mut out = Vec::new();
        let meta = ObjectMeta {
            etag: "5eb63bbbe01eeed093cb22bb8f5acdc3".into(),
            size: 11,
            ..ObjectMeta::default()
        };
        let checks = Some(Checks::for_object("k", &meta));
        std::thread::scope(|s| {
            let h = s.spawn(|| write_chunks(rx, free_tx, &mut out, checks));
            tx.send(b"hello ".to_vec()).unwrap();
            tx.send(b"world".to_vec()).unwrap();
            drop(tx);
            let checks = h.join().unwrap().unwrap().unwrap();
            assert!(checks.finish().unwrap());
        });
        assert_eq!(out, b"hello world");
    }

    #[test]
    fn temp_files_are_hidden_beside_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = StreamTemp::beside(&dir.path().join("data.bin")).unwrap();
        let name = tmp.path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".data.bin.objcmd-"), "{name}");
        assert_eq!(tmp.path.parent().unwrap(), dir.path());
        let path = tmp.path.clone();
        drop(tmp);
        assert!(
            !path.exists(),
            "a temp file not moved into place is removed"
        );
        assert_eq!(
            temp_path(&dir.path().join("data.bin")),
            dir.path().join(".data.bin.objcmd-part")
        );
    }

    #[test]
    fn a_full_disk_reads_as_one_line_naming_the_file() {
        let full = io::Error::from_raw_os_error(libc::ENOSPC);
        let err = anyhow::Error::new(WriteError::writing(Path::new("/mnt/.b.objcmd-part"), full));
        assert_eq!(
            format!("{err:#}"),
            "no space left on device writing /mnt/.b.objcmd-part"
        );
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let err = WriteError::new("creating /x".into(), denied).to_string();
        assert!(err.starts_with("creating /x: "), "{err}");
        // Through a stream's writer, the error is the WriteError itself, not its io::Error.
        let file = tempfile::tempfile().unwrap();
        let writer = PathWriter {
            file: &file,
            path: Path::new("out.bin"),
        };
        let err = write_failure(writer.failed(io::Error::from_raw_os_error(libc::ENOSPC)));
        assert_eq!(err.to_string(), "no space left on device writing out.bin");
        assert!(err.chain().count() == 1);
        // stdout closing stays an I/O error, which the caller recognises.
        let err = write_failure(io::Error::from(io::ErrorKind::BrokenPipe));
        let broken_pipe = err.chain().any(|c| {
            c.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
        });
        assert!(broken_pipe, "{err:#}");
    }

    #[test]
    fn only_an_interrupted_download_of_several_chunks_is_kept() {
        let chunks = Layout::new(20, 8);
        let one = Layout::new(5, 8);
        let interrupted = || interrupted();
        let network = || anyhow::anyhow!("the network is down");
        let full = || {
            let e = io::Error::from_raw_os_error(libc::ENOSPC);
            anyhow::Error::new(WriteError::writing(Path::new("t"), e)).context("downloading")
        };
        let keep = Partial::KeepIfInterrupted;
        assert!(worth_keeping(keep, chunks, &interrupted()));
        assert!(!worth_keeping(keep, chunks, &network()));
        assert!(!worth_keeping(keep, chunks, &full()));
        assert!(!worth_keeping(keep, one, &interrupted()));
        assert!(worth_keeping(Partial::Resume, chunks, &network()));
        assert!(worth_keeping(Partial::Resume, chunks, &interrupted()));
        assert!(!worth_keeping(Partial::Resume, chunks, &full()));
        assert!(!worth_keeping(Partial::Remove, chunks, &interrupted()));
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_sockets_are_special_files_to_write_into() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            special_file(Path::new("/dev/null")),
            Some("a character device")
        );
        let socket = dir.path().join("sock");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        assert_eq!(special_file(&socket), Some("a socket"));
        // Through a symlink, as /dev/stdout is one.
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        assert_eq!(special_file(&link), Some("a character device"));
        let file = dir.path().join("file");
        std::fs::write(&file, b"x").unwrap();
        assert_eq!(special_file(&file), None);
        assert_eq!(special_file(dir.path()), None);
        assert_eq!(special_file(&dir.path().join("missing")), None);
        let err = refuse_special(&socket).unwrap_err().to_string();
        assert!(
            err.ends_with("sock is a socket, not a regular file: not replaced"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_as_the_temp_file_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let temp = temp_path(&dir.path().join("target"));
        std::os::unix::fs::symlink(&victim, &temp).unwrap();
        assert!(open_temp(&temp, false).is_err());
        assert!(open_temp(&temp, true).is_err());
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    }

    #[test]
    fn a_locked_temp_file_refuses_a_second_download() {
        let dir = tempfile::tempdir().unwrap();
        let temp = temp_path(&dir.path().join("target"));
        let _first = open_temp(&temp, true).unwrap();
        let err = open_temp(&temp, true).unwrap_err().to_string();
        assert!(err.contains("another objcmd is downloading"), "{err}");
        let err = open_temp(&temp, false).unwrap_err().to_string();
        assert!(err.contains("another objcmd is downloading"), "{err}");
    }
}
