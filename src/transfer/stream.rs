//! Downloads as one stream: to stdout, into a device or FIFO, to a file through a temp
//! file beside it (`--range`), and any range of an object, plain or encrypted.
//!
//! The network reads and the writes run on two threads: the reader fills buffers and hands
//! them over a bounded channel to a writer thread that hashes (a whole object whose ETag is
//! its MD5) and writes them, so that hashing runs beside the network instead of after it.
//! A body cut short is resumed with a ranged GET pinned to the ETag.

use std::fs::OpenOptions;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use anyhow::Context as _;

use super::crypt::{self, DecryptingWriter, KeySource, RangeWriter};
use super::download::Downloaded;
use super::local::{TempFile, WriteError};
use super::progress::Progress;
use super::verify::Checks;
use super::{Overwrite, fill, interrupted, wait_to_resume};
use crate::client::{ByteRange, Client};

/// The buffers a stream (stdout, `--range`) hands to its one writer thread: 256 KiB
/// measured 0.8-0.9 s for 1 GiB to a file, 1 MiB 1.3 s, 64 KiB 1.0 s.
const STREAM_BLOCK: usize = 256 << 10;

/// Where a single-stream download goes.
pub enum Sink<'a> {
    /// A file, written through a random temp file beside it (`--range`).
    File {
        /// The target path.
        path: &'a Path,
        /// Whether an existing file is replaced.
        overwrite: Overwrite,
    },
    /// A device, FIFO or socket that exists (see [`super::local::special_file`]): opened
    /// (following symlinks) and written in place, as stdout is; a FIFO's open waits for a
    /// reader, as a shell's `> FIFO` does.
    Special(&'a Path),
    /// Standard output.
    Stdout(&'a (dyn Fn(&[u8]) -> io::Result<()> + Sync)),
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
        Sink::File { path, overwrite } => {
            let tmp = TempFile::beside(path)?;
            let done = stream.run(&mut PathWriter {
                file: tmp.file(),
                path: tmp.path(),
            })?;
            tmp.place(path, overwrite)?;
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

/// A local file a stream is written to, whose write errors carry a [`WriteError`] that
/// names it.
struct PathWriter<'a> {
    file: &'a std::fs::File,
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
            return self.receive(None, self.keys, out);
        };
        // Without a key nothing can be decrypted: the GET itself refuses an encrypted
        // object, and a plain one costs no HEAD first.
        let Some(keys) = self.keys.filter(|k| k.configured()) else {
            return self.receive(Some(range), self.keys, out);
        };
        // A range of an encrypted object is a range of its plaintext: ask what it is first.
        let meta = client.head_object(bucket, key)?;
        let Some(secret) = crypt::decryption_key(key, &meta, Some(keys))? else {
            return self.receive(Some(range), None, out);
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
        let mut done = self.receive(Some(stored), None, &mut window)?;
        window.finish()?;
        done.bytes = last - first + 1;
        Ok(done)
    }

    /// GETs the object (or `range`) as one stream into `out`, decrypting a whole object
    /// with `keys`, resuming a body cut short, and verifying a whole object against what
    /// its metadata allows (the MD5 of its ETag, a CRC-64).
    fn receive(
        &self,
        range: Option<ByteRange>,
        keys: Option<&KeySource>,
        out: &mut (dyn Write + Send),
    ) -> anyhow::Result<Downloaded> {
        let key = self.key;
        let first = self.client.get_object(self.bucket, key, range, None)?;
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
        let pump = Pump {
            stream: self,
            etag: &meta.etag,
            start: first.offset,
            expected: first.content_length,
        };
        // A range has nothing to be checked against.
        let checks = range
            .is_none()
            .then(|| {
                let mut checks = Checks::for_object(key, &meta);
                checks.fetch_part_sizes(self.client, (self.bucket, key), meta.size);
                checks
            })
            .filter(Checks::any);
        self.bar.set_length(pump.expected);
        let (received, network, written) =
            pump.run(Box::new(first.body.into_reader()), out, checks);
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
        self.bar.finish();
        Ok(Downloaded {
            meta,
            bytes,
            verified,
        })
    }
}

/// The network side of one stream's GETs.
struct Pump<'a> {
    stream: &'a Stream<'a>,
    /// The ETag a resumed GET is pinned to.
    etag: &'a str,
    /// The offset of the first reply's first byte in the object.
    start: u64,
    /// The bytes the first reply announced.
    expected: u64,
}

impl Pump<'_> {
    /// Reads the body into buffers that a writer thread hashes and writes into `out`;
    /// returns the bytes received, what stopped the reads early (if anything), and what the
    /// writer made of it.
    fn run(
        &self,
        body: Box<dyn Read>,
        out: &mut (dyn Write + Send),
        checks: Option<Checks>,
    ) -> (u64, anyhow::Result<()>, io::Result<Option<Checks>>) {
        let (chunk_tx, chunk_rx) = sync_channel::<Vec<u8>>(4);
        let (free_tx, free_rx) = sync_channel::<Vec<u8>>(6);
        std::thread::scope(|scope| {
            let writer = scope.spawn(move || write_chunks(chunk_rx, free_tx, out, checks));
            // The sender goes with the reads: the writer ends when they do.
            let (received, network) = self.read(body, chunk_tx, free_rx);
            let written = writer
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")));
            (received, network, written)
        })
    }

    /// Reads the body (and the rest of it after a break) block by block into `chunks`,
    /// reusing the buffers the writer hands back; returns the bytes received and what
    /// stopped the reads early. A writer that failed stops them with its own error.
    fn read(
        &self,
        mut body: Box<dyn Read>,
        chunks: SyncSender<Vec<u8>>,
        free: Receiver<Vec<u8>>,
    ) -> (u64, anyhow::Result<()>) {
        let transport = self.stream.client.transport();
        let mut received = 0u64;
        let mut resumes = 0u32;
        loop {
            if transport.cancelled() {
                return (received, Err(interrupted()));
            }
            let mut buf = free.try_recv().unwrap_or_else(|_| vec![0u8; STREAM_BLOCK]);
            buf.resize(STREAM_BLOCK, 0);
            let want = STREAM_BLOCK
                .min((self.expected - received).min(STREAM_BLOCK as u64) as usize)
                .max(1);
            match fill(&mut body, &mut buf[..want]) {
                Ok(0) if received >= self.expected => return (received, Ok(())),
                Ok(0) | Err(_) => {
                    resumes += 1;
                    match self.resume(received, resumes) {
                        Ok(rest) => body = rest,
                        Err(e) => return (received, Err(e)),
                    }
                }
                Ok(n) => {
                    if let Some(limiter) = transport.limiter() {
                        limiter.acquire(n);
                    }
                    buf.truncate(n);
                    received += n as u64;
                    self.stream.bar.set_position(received);
                    if chunks.send(buf).is_err() {
                        // The writer failed; its error is the one reported.
                        return (received, Ok(()));
                    }
                    if received > self.expected {
                        let expected = self.expected;
                        let err = anyhow::anyhow!(
                            "the server sent more than the {expected} bytes it announced"
                        );
                        return (received, Err(err));
                    }
                }
            }
        }
    }

    /// The rest of a body that ended after `received` bytes, asked again pinned to the
    /// ETag after a backoff; an error once the retries are spent.
    fn resume(&self, received: u64, resumes: u32) -> anyhow::Result<Box<dyn Read>> {
        let (client, bucket, key) = (self.stream.client, self.stream.bucket, self.stream.key);
        let reason = format!(
            "the body of {key} ended after {received} of {} bytes",
            self.expected
        );
        wait_to_resume(client, bucket, key, reason, resumes)?;
        let rest = ByteRange::From {
            first: self.start + received,
            last: Some(self.start + self.expected - 1),
        };
        match client.get_object(bucket, key, Some(rest), Some(self.etag)) {
            Ok(resp) if resp.offset == self.start + received => {
                Ok(Box::new(resp.body.into_reader()))
            }
            Ok(_) => Err(anyhow::anyhow!(
                "the server did not honour the range of a resumed download of {key}"
            )),
            Err(e) => Err(anyhow::Error::new(e)
                .context("resuming the download (the object may have changed)")),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::ObjectMeta;

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
    fn a_write_error_of_a_stream_names_the_file_and_a_broken_pipe_stays_one() {
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
}
