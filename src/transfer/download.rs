//! Downloads of whole objects to files: parallel ranged GETs into a temp file beside the
//! target, moved into place only when complete and verified.
//!
//! Chunk workers write at their offsets (`pwrite`) and record how far each chunk is
//! written; when the ETag is an MD5, a hasher thread follows behind in file order, reading
//! back from the page cache, so verification overlaps the transfer instead of following
//! it. A recomputable multipart ETag is hashed part by part, up to 16 parts side by side
//! in the lanes of one MD5 engine; an object of one chunk is hashed as it is written, on
//! the calling thread. The temp file `.NAME.objcmd-part` and its sidecar (chunks done,
//! ETag) let `get --continue` pick up where an interrupted download stopped (see `local`
//! for the temp file, `stream` for single streams).
//!
//! A target that is a device, a FIFO or a socket is never replaced by a file: the caller
//! writes into it as one stream. A local write that fails (a full disk) removes the temp
//! file and its sidecar and names the file in one line.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, SystemTime};

use anyhow::Context as _;

use super::checkpoint::{self, DownloadState};
use super::crypt::{self, KeySource};
use super::local::{Start, TempFile, WriteError, refuse_special, temp_path};
use super::progress::{PartsProgress, Progress};
use super::verify::{Checks, PartDigest, PartLanes};
use super::{
    Layout, Overwrite, Tuning, fill, interrupted, read_exact_at, wait_to_resume, write_all_at,
};
use crate::client::{ByteRange, Client, Dialect, GetObjectOutput, ObjectMeta};

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
    /// Whether a file that appears meanwhile is replaced.
    pub overwrite: Overwrite,
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

/// The size of each write (and hash read) of the chunk workers, who share one temp file.
/// Buffered writes to one file take its inode lock, so several workers writing 1 MiB at a
/// time spin on each other and copy out of cache: a 1 GiB get spent twice the system time
/// of 64 KiB writes and ran 1.3-1.7 s instead of 0.9-1.0 s (docs/benchmarks.md).
const SHARED_FILE_BLOCK: usize = 64 << 10;

/// The size of each read of the part hasher, per lane.
const LANE_READ: usize = 256 << 10;

/// The most parts hashed side by side: the AVX-512 width of the MD5 engine.
const MAX_LANES: usize = 16;

/// How many lanes must have data before the part hasher runs them: the AVX2 width, below
/// which MD5 lanes run little faster than one stream at a time.
const MIN_BATCH: usize = 8;

/// How far the part hasher may lag behind the workers, in bytes of parts that are open in
/// its lanes: what it reads back stays in the page cache.
const LANES_LAG: u64 = 256 << 20;

/// How long the part hasher sleeps when too few lanes have data: it is never the last
/// to finish by more than this, and it is not woken by each of the workers' writes.
const LANES_POLL: Duration = Duration::from_millis(1);

/// How far each chunk is written, for the hasher that follows the workers.
struct Written {
    chunks: Vec<AtomicU64>,
    /// Hashers waiting on `changed`: a worker takes the lock to wake them only then, not
    /// at each of its writes.
    waiters: AtomicUsize,
    lock: Mutex<()>,
    changed: Condvar,
}

impl Written {
    fn new(count: u32) -> Written {
        Written {
            chunks: (0..count).map(|_| AtomicU64::new(0)).collect(),
            waiters: AtomicUsize::new(0),
            lock: Mutex::new(()),
            changed: Condvar::new(),
        }
    }

    fn set(&self, index: u32, bytes: u64) {
        self.chunks[index as usize].store(bytes, Ordering::SeqCst);
        if self.waiters.load(Ordering::SeqCst) > 0 {
            let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
            self.changed.notify_all();
        }
    }

    /// Waits until chunk `index` holds more than `pos` bytes or `stop` is set. The waiter
    /// counts itself and checks again under the lock before it sleeps, so a worker's
    /// `set` either is seen by that check or wakes it: no wakeup is lost (a lost one used
    /// to cost a 20 ms timeout per small file).
    fn wait(&self, index: u32, pos: u64, stop: &AtomicBool) {
        let guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.waiters.fetch_add(1, Ordering::SeqCst);
        if self.chunks[index as usize].load(Ordering::SeqCst) <= pos && !stop.load(Ordering::SeqCst)
        {
            // The timeout only guards against a worker that panicked without setting `stop`.
            let _ = self.changed.wait_timeout(guard, Duration::from_millis(500));
        }
        self.waiters.fetch_sub(1, Ordering::SeqCst);
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
}

/// One chunk being fetched: where it lies in the object and how much of it is written.
struct Chunk {
    index: u32,
    offset: u64,
    len: u64,
    received: u64,
    buf: Vec<u8>,
    /// The checks, when this chunk is the whole object and its worker computes them.
    inline: Option<Inline>,
}

/// The checks of an object of one chunk, computed by the thread that fetches it as it
/// writes: a tree of small files would otherwise start a worker and a hasher per file
/// (2,066 threads for `get -r` of 1,000 files, most of its system time) and read each file
/// back.
enum Inline {
    Whole(Checks),
    Part(Checks, PartLanes),
}

impl Inline {
    fn new(behind: Behind) -> Inline {
        match behind {
            Behind::InOrder(checks) => Inline::Whole(checks),
            Behind::Parts(checks) => {
                let lanes = checks.part_lanes(1);
                Inline::Part(checks, lanes)
            }
        }
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Inline::Whole(checks) => checks.update(data),
            Inline::Part(_, lanes) => lanes.update(&[data]),
        }
    }

    fn finish(self) -> Hashed {
        match self {
            Inline::Whole(checks) => Hashed::Whole(checks),
            Inline::Part(checks, mut lanes) => Hashed::Parts(checks, vec![lanes.finish(0)]),
        }
    }
}

/// How the hasher behind the workers checks a download.
enum Behind {
    /// In file order: the MD5 of a plain ETag, or a CRC-64 of the whole object.
    InOrder(Checks),
    /// Part by part, several side by side: a recomputable multipart ETag.
    Parts(Checks),
}

/// What the hasher computed, to compare with what the object's metadata says.
enum Hashed {
    Whole(Checks),
    Parts(Checks, Vec<PartDigest>),
}

/// A part open in a lane of the part hasher: which, and how much of it is hashed.
#[derive(Clone, Copy)]
struct Slot {
    index: u32,
    hashed: u64,
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
    fn fetch_chunk(
        &self,
        index: u32,
        mut resp: Option<GetObjectOutput>,
        inline: Option<Inline>,
    ) -> anyhow::Result<Option<Inline>> {
        let (offset, len) = self.layout.part(index);
        let mut chunk = Chunk {
            index,
            offset,
            len,
            received: 0,
            buf: vec![0u8; SHARED_FILE_BLOCK],
            inline,
        };
        let mut resumes = 0u32;
        while chunk.received < len {
            let first = offset + chunk.received;
            let out = match resp.take() {
                Some(out) => out,
                None => {
                    let range = ByteRange::From {
                        first,
                        last: Some(offset + len - 1),
                    };
                    self.d
                        .client
                        .get_object(self.d.bucket, self.d.key, Some(range), Some(self.etag))
                        .context("the object may have changed during the download")?
                }
            };
            if out.offset != first || out.content_length != len - chunk.received {
                anyhow::bail!(
                    "asked for bytes {first}-{}, the server sent {} bytes from {}",
                    offset + len - 1,
                    out.content_length,
                    out.offset
                );
            }
            self.write_body(&mut chunk, &mut out.body.into_reader())?;
            if chunk.received < len {
                resumes += 1;
                let reason = format!(
                    "the body of {} ended after {} of {} bytes",
                    self.d.key,
                    offset + chunk.received,
                    self.layout.size
                );
                wait_to_resume(self.d.client, self.d.bucket, self.d.key, reason, resumes)?;
            }
        }
        let inline = chunk.inline.take();
        self.chunk_done(chunk);
        Ok(inline)
    }

    /// Writes a reply's body into the chunk's place in the temp file, until the body
    /// ends (early, if the connection broke) or the chunk is complete.
    fn write_body(&self, chunk: &mut Chunk, body: &mut dyn Read) -> anyhow::Result<()> {
        let transport = self.d.client.transport();
        loop {
            if transport.cancelled() {
                return Err(interrupted());
            }
            let want = SHARED_FILE_BLOCK.min((chunk.len - chunk.received) as usize);
            let n = if want == 0 {
                0
            } else {
                fill(body, &mut chunk.buf[..want]).unwrap_or(0)
            };
            if n == 0 {
                return Ok(());
            }
            if let Some(limiter) = transport.limiter() {
                limiter.acquire(n);
            }
            let data = &chunk.buf[..n];
            write_all_at(self.file, data, chunk.offset + chunk.received)
                .map_err(|e| WriteError::writing(self.temp, e))?;
            if let Some(inline) = chunk.inline.as_mut() {
                inline.update(data);
            }
            chunk.received += n as u64;
            self.written.set(chunk.index, chunk.received);
            self.progress.add(n as u64);
        }
    }

    /// Records a complete chunk in the sidecar for `--continue`.
    fn chunk_done(&self, chunk: Chunk) {
        if self.layout.count() == 1 {
            // One chunk is all or nothing: no sidecar to keep (see download_to_file).
            return;
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.done.push(chunk.index);
        if let Err(e) = checkpoint::save_download(self.temp, &state) {
            log::debug!(
                "cannot update {}: {e}",
                checkpoint::sidecar(self.temp).display()
            );
        }
    }

    /// Runs the chunk workers (and the hasher behind them, if given) until every chunk is
    /// in or one failed; chunks in `done` are already in the temp file, for the hasher to
    /// read. Returns what the hasher found: `None` without one.
    fn run(
        &self,
        done: &[u32],
        first: Option<GetObjectOutput>,
        behind: Option<Behind>,
    ) -> Option<anyhow::Result<Option<Hashed>>> {
        let count = self.layout.count();
        if count == 1 && done.is_empty() {
            return self.run_inline(first, behind);
        }
        let next = AtomicU32::new(0);
        let first = Mutex::new(first);
        let workers = self.d.tuning.part_jobs.clamp(1, count as usize);
        std::thread::scope(|scope| {
            let hasher = behind.map(|behind| {
                scope.spawn(move || match behind {
                    Behind::InOrder(checks) => self.hash_in_order(checks),
                    Behind::Parts(checks) => self.hash_parts(checks),
                })
            });
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
                            self.written.set(index, len);
                            self.progress.add(len);
                            continue;
                        }
                        if let Err(e) = self.fetch_chunk(index, initial, None) {
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

    /// Runs the checks over the whole file, chunk after chunk as the workers finish them;
    /// `None` if the download stopped.
    fn hash_in_order(&self, mut checks: Checks) -> anyhow::Result<Option<Hashed>> {
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
        Ok(Some(Hashed::Whole(checks)))
    }

    /// Fetches an object of one chunk on this thread, checked as it is written ([`Inline`]).
    fn run_inline(
        &self,
        first: Option<GetObjectOutput>,
        behind: Option<Behind>,
    ) -> Option<anyhow::Result<Option<Hashed>>> {
        let checked = behind.is_some();
        match self.fetch_chunk(0, first, behind.map(Inline::new)) {
            Ok(inline) => inline.map(|i| Ok(Some(i.finish()))),
            Err(e) => {
                self.fail(e);
                checked.then_some(Ok(None))
            }
        }
    }

    /// Hashes the parts of a recomputable multipart ETag as the workers write them, read
    /// back from the temp file into the lanes of one MD5 engine: several parts at a time,
    /// at a fraction of the CPU of one thread per part. `None` if the download stopped.
    fn hash_parts(&self, checks: Checks) -> anyhow::Result<Option<Hashed>> {
        let count = self.layout.count();
        let width = lane_count(self.d.tuning.part_jobs, self.layout);
        let mut lanes = checks.part_lanes(width);
        let mut slots: Vec<Option<Slot>> = vec![None; width];
        let mut bufs = vec![vec![0u8; LANE_READ]; width];
        let mut digests: Vec<Option<PartDigest>> = vec![None; count as usize];
        let mut next = 0u32;
        loop {
            for (lane, slot) in slots.iter_mut().enumerate() {
                if let Some(open) = slot.filter(|s| s.hashed == self.layout.part(s.index).1) {
                    digests[open.index as usize] = Some(lanes.finish(lane));
                    *slot = None;
                }
                if slot.is_none() && next < count {
                    *slot = Some(Slot {
                        index: next,
                        hashed: 0,
                    });
                    lanes.begin(lane);
                    next += 1;
                }
            }
            let active = slots.iter().flatten().count();
            if active == 0 {
                break;
            }
            let amounts = batch(self.lane_amounts(&slots), active);
            if amounts.iter().all(|n| *n == 0) {
                if self.stop.load(Ordering::SeqCst) {
                    return Ok(None);
                }
                std::thread::sleep(LANES_POLL);
                continue;
            }
            self.feed_lanes(&mut lanes, &mut slots, &mut bufs, &amounts)?;
        }
        let digests = digests
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| anyhow::anyhow!("a part of the download was not hashed"))?;
        Ok(Some(Hashed::Parts(checks, digests)))
    }

    /// How many bytes each lane's part has ready to hash: a whole read, or the rest of a
    /// part that is complete; 0 while a worker has not written that much.
    fn lane_amounts(&self, slots: &[Option<Slot>]) -> Vec<usize> {
        slots
            .iter()
            .map(|slot| {
                let Some(s) = slot else { return 0 };
                let written = self.written.chunks[s.index as usize].load(Ordering::Acquire);
                let pending = written.saturating_sub(s.hashed);
                let complete = written == self.layout.part(s.index).1;
                if pending >= LANE_READ as u64 || complete {
                    pending.min(LANE_READ as u64) as usize
                } else {
                    0
                }
            })
            .collect()
    }

    /// Reads each lane's `amounts` from the temp file and hashes them side by side.
    fn feed_lanes(
        &self,
        lanes: &mut PartLanes,
        slots: &mut [Option<Slot>],
        bufs: &mut [Vec<u8>],
        amounts: &[usize],
    ) -> anyhow::Result<()> {
        for ((slot, buf), n) in slots.iter().zip(bufs.iter_mut()).zip(amounts) {
            if let (Some(s), true) = (slot, *n > 0) {
                let offset = self.layout.part(s.index).0 + s.hashed;
                read_exact_at(self.file, &mut buf[..*n], offset)?;
            }
        }
        let inputs: Vec<&[u8]> = bufs.iter().zip(amounts).map(|(b, n)| &b[..*n]).collect();
        lanes.update(&inputs);
        for (slot, n) in slots.iter_mut().zip(amounts) {
            if let Some(s) = slot.as_mut() {
                s.hashed += *n as u64;
            }
        }
        Ok(())
    }

    /// What the download's checks found, once every chunk is in; true when verified.
    fn verdict(digest: Option<anyhow::Result<Option<Hashed>>>) -> anyhow::Result<bool> {
        match digest {
            Some(Ok(Some(Hashed::Whole(checks)))) => checks.finish(),
            Some(Ok(Some(Hashed::Parts(checks, digests)))) => checks.finish_parts(digests),
            Some(Ok(None)) => Err(anyhow::anyhow!(
                "the hasher stopped although every chunk was downloaded"
            )),
            Some(Err(e)) => Err(e.context("verifying the download")),
            None => Ok(false),
        }
    }
}

/// Which of the lanes' `amounts` the part hasher hashes now (the others are set to 0):
/// whole reads 16 at a time while 16 parts are open (twice the speed of 8), 8 once fewer
/// are, all of them once fewer than 8 are; and the last bytes of complete parts. All 0:
/// wait for the workers.
fn batch(mut amounts: Vec<usize>, active: usize) -> Vec<usize> {
    let full = amounts.iter().filter(|n| **n == LANE_READ).count();
    let take = if full >= MAX_LANES {
        MAX_LANES
    } else if full >= MIN_BATCH && active < MAX_LANES {
        MIN_BATCH
    } else if active < MIN_BATCH {
        full
    } else {
        0
    };
    let mut taken = 0;
    for n in amounts.iter_mut().filter(|n| **n == LANE_READ) {
        if taken == take {
            *n = 0;
        } else {
            taken += 1;
        }
    }
    amounts
}

/// How many parts the part hasher keeps open: enough to fill the MD5 engine's lanes while
/// `part_jobs` workers fetch, as long as that many parts stay in the page cache.
fn lane_count(part_jobs: usize, layout: Layout) -> usize {
    let by_lag = (LANES_LAG / layout.part_size.max(1)) as usize;
    by_lag
        .max(part_jobs)
        .clamp(1, MAX_LANES)
        .min(layout.count() as usize)
}

/// How an object is fetched into the temp file, as the first reply (or, for
/// `--continue`, a HEAD) describes it.
struct Plan {
    /// The reply to the first chunk's GET, when it can be used as that chunk.
    first: Option<GetObjectOutput>,
    layout: Layout,
    checks: Checks,
    /// Each chunk is one part of a recomputable multipart ETag, hashed part by part.
    per_part: bool,
}

/// The object's metadata and the plan to fetch it.
fn plan(d: &FileDownload<'_>) -> anyhow::Result<(ObjectMeta, Plan)> {
    let client = d.client;
    let part_size = d.tuning.part_size.max(1);
    // The first chunk's GET also tells the size and ETag; --continue asks with HEAD first,
    // since the first chunk may be there already.
    let (mut meta, mut first) = if d.partial == Partial::Resume {
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
    if let Some(out) = &first
        && out.content_length < meta.size
    {
        stored_checksums(d, &mut meta);
    }
    let mut checks = Checks::for_object(d.key, &meta);
    checks.fetch_part_sizes(client, (d.bucket, d.key), meta.size);
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

/// Asks for the flexible checksums stored with an object (S3) that a ranged reply leaves
/// out: a HEAD, for objects of more than one chunk only (a reply that covers the whole
/// object carries them). Best effort: without them the download is checked as before.
fn stored_checksums(d: &FileDownload<'_>, meta: &mut ObjectMeta) {
    if d.client.dialect() != Dialect::S3 || !meta.checksums.is_empty() {
        return;
    }
    match d.client.head_object(d.bucket, d.key) {
        // The same object: the chunks are fetched only if its ETag still matches.
        Ok(head) if head.etag == meta.etag => {
            meta.checksums = head.checksums;
            meta.checksum_type = head.checksum_type;
            meta.parts_count = head.parts_count;
        }
        Ok(_) => {}
        Err(e) => log::info!("{}: HEAD for its stored checksums failed: {e}", d.key),
    }
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
fn settle(d: &FileDownload<'_>, part: TempFile, layout: Layout, stop: Stop) -> anyhow::Error {
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
            part.path().display()
        );
        part.keep();
    }
    // Not kept, it goes as it is dropped.
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
/// A target that is a device, FIFO or socket is refused: see [`super::Sink::Special`].
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
    // Only now that the object is known to exist is a temp file made. From here on, every
    // way out that neither keeps it nor moves it into place removes it.
    let start = match previous {
        Some(_) => Start::Continue,
        None => Start::Fresh,
    };
    let part = TempFile::part(&temp, start)?;
    let filled = fill_temp(d, part.file(), &temp, &meta, plan, previous).and_then(|verified| {
        finish_temp(d, part.file(), &temp, &meta, decrypt)
            .map(|bytes| (bytes, verified))
            .map_err(Stop::Finishing)
    });
    let (bytes, verified) = match filled {
        Ok(done) => done,
        Err(stop) => return Err(settle(d, part, layout, stop)),
    };
    part.place(d.target, d.overwrite)?;
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
        written: Written::new(count),
        progress: PartsProgress::new(d.bar),
        stop: AtomicBool::new(false),
        error: Mutex::new(None),
        state: Mutex::new(state),
    };
    let checks = plan.checks;
    let behind = match (plan.per_part, checks.any()) {
        (true, _) => Some(Behind::Parts(checks)),
        (false, true) => Some(Behind::InOrder(checks)),
        (false, false) => None,
    };
    let digest = job.run(&done, plan.first, behind);
    if let Some(err) = job.error.lock().unwrap_or_else(|e| e.into_inner()).take() {
        return Err(Stop::Fetching(err));
    }
    Job::verdict(digest).map_err(Stop::Finishing)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_interrupted_download_of_several_chunks_is_kept() {
        let chunks = Layout::new(20, 8);
        let one = Layout::new(5, 8);
        let interrupted = || interrupted();
        let network = || anyhow::anyhow!("the network is down");
        let full = || {
            let e = std::io::Error::from_raw_os_error(libc::ENOSPC);
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
}
