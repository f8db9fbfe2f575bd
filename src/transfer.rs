//! Moving one object's bytes: uploads from a file or stdin, downloads to a file or stdout.
//!
//! Uploads send `Content-MD5` (so the server rejects damaged bodies) and stream from disk.
//! Downloads are written to a hidden temp file beside the target and renamed only when
//! complete and verified; hashing runs on a second thread beside the network reads, since
//! MD5 inline would halve the download speed (docs/benchmarks.md). A body cut short is
//! resumed with a ranged GET pinned to the same ETag.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use indicatif::ProgressBar;
use md5::{Digest, Md5};

use crate::client::{
    self, Body, ByteRange, Client, FileSlice, ObjectMeta, PutObjectOutput, PutOptions,
    TransportKind, etag_is_md5,
};
use crate::exit::{IntegrityError, usage};

/// The largest object a single PUT may carry (S3's limit; OSS and KS3 allow the same).
pub const MAX_SINGLE_PUT: u64 = 5 << 30;

/// The size of the buffers that move data between the network and the disk.
const CHUNK: usize = 1 << 20;

/// Stdin up to this size stays in memory; beyond it, it is spooled to a temp file.
const STDIN_IN_MEMORY: usize = 8 << 20;

/// An upload body with its MD5, ready to send (and to send again on retry).
pub struct Prepared {
    /// The body.
    pub body: Body,
    /// MD5 of the body.
    pub md5: [u8; 16],
    /// Keeps a spooled stdin alive (it is deleted when dropped).
    _spool: Option<File>,
}

impl Prepared {
    /// The body's length.
    pub fn len(&self) -> u64 {
        self.body.len()
    }

    /// True for an empty body.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }
}

fn interrupted() -> anyhow::Error {
    anyhow::Error::new(client::Error::Interrupted)
}

/// Opens a local file for upload and hashes it. Refuses directories and files above the
/// single-PUT limit before any request is made.
pub fn prepare_file(path: &Path, client: &Client, bar: &ProgressBar) -> anyhow::Result<Prepared> {
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(usage(format!(
            "{} is a directory; give a file (recursive uploads are not supported yet)",
            path.display()
        )));
    }
    let len = meta.len();
    if len > MAX_SINGLE_PUT {
        return Err(usage(format!(
            "{} is {} bytes; objects over 5 GiB need a multipart upload, which this version of objcmd does not do yet",
            path.display(),
            len
        )));
    }
    let file = Arc::new(file);
    let md5 = md5_of_file(&file, len, client, bar)?;
    Ok(Prepared {
        body: Body::File(FileSlice {
            file,
            path: path.display().to_string(),
            offset: 0,
            len,
        }),
        md5,
        _spool: None,
    })
}

/// MD5 of the first `len` bytes of a file, read in large chunks.
fn md5_of_file(
    file: &File,
    len: u64,
    client: &Client,
    bar: &ProgressBar,
) -> anyhow::Result<[u8; 16]> {
    let mut hasher = Md5::new();
    let mut buf = vec![0u8; CHUNK];
    let mut reader = file;
    let mut done = 0u64;
    bar.set_message("hashing");
    while done < len {
        if client.transport().cancelled() {
            return Err(interrupted());
        }
        let want = buf.len().min((len - done) as usize);
        let n = reader.read(&mut buf[..want])?;
        if n == 0 {
            anyhow::bail!("the file became shorter while it was being read");
        }
        hasher.update(&buf[..n]);
        done += n as u64;
        bar.set_position(done);
    }
    bar.set_position(0);
    bar.set_message("");
    Ok(hasher.finalize().into())
}

/// Reads all of stdin, in memory when small and spooled to an unnamed temp file when not,
/// hashing as it goes.
pub fn prepare_stdin(client: &Client) -> anyhow::Result<Prepared> {
    let mut stdin = io::stdin().lock();
    let mut hasher = Md5::new();
    let mut memory = Vec::new();
    let mut spool: Option<File> = None;
    let mut total = 0u64;
    let mut buf = vec![0u8; CHUNK];
    loop {
        if client.transport().cancelled() {
            return Err(interrupted());
        }
        let n = match stdin.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(anyhow::Error::new(e).context("reading stdin")),
        };
        total += n as u64;
        if total > MAX_SINGLE_PUT {
            return Err(usage(
                "stdin is over 5 GiB; objects that large need a multipart upload, which this version of objcmd does not do yet",
            ));
        }
        hasher.update(&buf[..n]);
        match &mut spool {
            Some(file) => file.write_all(&buf[..n])?,
            None if memory.len() + n <= STDIN_IN_MEMORY => memory.extend_from_slice(&buf[..n]),
            None => {
                let mut file = tempfile::tempfile().map_err(|e| {
                    anyhow::Error::new(e).context("creating a temp file to hold stdin")
                })?;
                file.write_all(&memory)?;
                file.write_all(&buf[..n])?;
                memory = Vec::new();
                spool = Some(file);
            }
        }
    }
    let md5 = hasher.finalize().into();
    let body = match &spool {
        Some(file) => Body::File(FileSlice {
            file: Arc::new(file.try_clone()?),
            path: "stdin".to_string(),
            offset: 0,
            len: total,
        }),
        None => Body::Bytes(memory),
    };
    Ok(Prepared {
        body,
        md5,
        _spool: spool,
    })
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Uploads a prepared body with PutObject, sending its `Content-MD5` and checking the ETag
/// that comes back when it is an MD5.
pub fn upload(
    client: &Client,
    bucket: &str,
    key: &str,
    prepared: &Prepared,
    mut options: PutOptions,
    bar: &ProgressBar,
) -> anyhow::Result<PutObjectOutput> {
    options.content_md5 = Some(BASE64.encode(prepared.md5));
    let progress_bar = bar.clone();
    let progress: client::Progress = Arc::new(move |n| progress_bar.set_position(n));
    let out = client.put_object(bucket, key, prepared.body.clone(), &options, Some(progress))?;
    bar.finish_and_clear();
    let expected = hex(&prepared.md5);
    if etag_is_md5(&out.etag) && !out.etag.eq_ignore_ascii_case(&expected) {
        return Err(anyhow::Error::new(IntegrityError(format!(
            "the server stored something else: its ETag {} is not the MD5 {expected} of what was sent",
            out.etag
        ))));
    }
    Ok(out)
}

/// Where a download goes.
pub enum Sink<'a> {
    /// A file, written through a temp file beside it.
    File {
        /// The target path.
        path: &'a Path,
        /// Fail rather than replace an existing file.
        no_clobber: bool,
    },
    /// Standard output.
    Stdout(&'a (dyn Fn(&[u8]) -> io::Result<()> + Sync)),
}

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

/// A file being written: the hidden temp file beside the target.
fn temp_beside(target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.objcmd-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Like any new file: 0666 less the umask, not tempfile's private 0600.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Downloads an object (or a range of it) to a sink.
///
/// The target is replaced only by a complete, verified file: on any failure or interrupt
/// the temp file is removed and an existing target is untouched.
pub fn download(
    client: &Client,
    bucket: &str,
    key: &str,
    range: Option<ByteRange>,
    sink: Sink<'_>,
    bar: &ProgressBar,
) -> anyhow::Result<Downloaded> {
    match sink {
        Sink::File { path, no_clobber } => {
            let mut tmp = temp_beside(path).map_err(|e| {
                anyhow::Error::new(e)
                    .context(format!("creating a temp file beside {}", path.display()))
            })?;
            let done = receive(client, bucket, key, range, tmp.as_file_mut(), bar)?;
            if let Some(modified) = done.meta.last_modified
                && range.is_none()
            {
                let _ = tmp.as_file().set_modified(modified.into());
            }
            let persisted = if no_clobber {
                tmp.persist_noclobber(path)
            } else {
                tmp.persist(path)
            };
            persisted.map_err(|e| {
                anyhow::Error::new(e.error).context(format!(
                    "moving the download into place at {}",
                    path.display()
                ))
            })?;
            Ok(done)
        }
        Sink::Stdout(write) => {
            let mut out = FnWriter(write);
            receive(client, bucket, key, range, &mut out, bar)
        }
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

/// The writer thread: hashes (when asked) and writes each chunk, handing buffers back.
fn write_chunks(
    chunks: Receiver<Vec<u8>>,
    free: SyncSender<Vec<u8>>,
    out: &mut (dyn Write + Send),
    hash: bool,
) -> io::Result<Option<[u8; 16]>> {
    let mut hasher = hash.then(Md5::new);
    for chunk in chunks {
        if let Some(h) = hasher.as_mut() {
            h.update(&chunk);
        }
        out.write_all(&chunk)?;
        let _ = free.try_send(chunk);
    }
    out.flush()?;
    Ok(hasher.map(|h| h.finalize().into()))
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

/// GETs the object and streams the body into `out`, resuming a body cut short with a
/// ranged GET pinned to the ETag, and verifying the MD5 when the ETag is one.
fn receive(
    client: &Client,
    bucket: &str,
    key: &str,
    range: Option<ByteRange>,
    out: &mut (dyn Write + Send),
    bar: &ProgressBar,
) -> anyhow::Result<Downloaded> {
    let transport = client.transport();
    let first = client.get_object(bucket, key, range, None)?;
    let meta = first.meta.clone();
    let start = first.offset;
    let expected = first.content_length;
    let whole = range.is_none();
    let hash = whole && etag_is_md5(&meta.etag);
    if whole && !hash {
        log::info!(
            "{key}: the ETag {:?} is not an MD5 (multipart or encrypted upload): checking the size only",
            meta.etag
        );
    }
    bar.set_length(expected);

    let (chunk_tx, chunk_rx) = sync_channel::<Vec<u8>>(4);
    let (free_tx, free_rx) = sync_channel::<Vec<u8>>(6);
    let mut received = 0u64;
    let mut network: Result<(), anyhow::Error> = Ok(());
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(move || write_chunks(chunk_rx, free_tx, out, hash));
        let mut body: Box<dyn Read> = Box::new(first.body.into_reader());
        let mut resumes = 0u32;
        loop {
            if transport.cancelled() {
                network = Err(interrupted());
                break;
            }
            let mut buf = free_rx.try_recv().unwrap_or_else(|_| vec![0u8; CHUNK]);
            buf.resize(CHUNK, 0);
            let want = CHUNK
                .min((expected - received).min(CHUNK as u64) as usize)
                .max(1);
            match fill(&mut body, &mut buf[..want]) {
                Ok(0) if received >= expected => break,
                Ok(0) | Err(_) => {
                    // Cut short: resume from where we are, if the budget allows.
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
    let digest = written.map_err(|e| anyhow::Error::new(e).context("writing the download"))?;
    network?;
    bar.finish_and_clear();
    let mut verified = false;
    if let Some(digest) = digest {
        let got = hex(&digest);
        if !got.eq_ignore_ascii_case(&meta.etag) {
            return Err(anyhow::Error::new(IntegrityError(format!(
                "{key}: the MD5 of the downloaded data ({got}) does not match the object's ETag ({})",
                meta.etag
            ))));
        }
        verified = true;
    }
    Ok(Downloaded {
        meta,
        bytes: received,
        verified,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lowercase() {
        assert_eq!(hex(&[0x00, 0xab, 0xFF]), "00abff");
    }

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
        std::thread::scope(|s| {
            let h = s.spawn(|| write_chunks(rx, free_tx, &mut out, true));
            tx.send(b"hello ".to_vec()).unwrap();
            tx.send(b"world".to_vec()).unwrap();
            drop(tx);
            let digest = h.join().unwrap().unwrap().unwrap();
            assert_eq!(hex(&digest), "5eb63bbbe01eeed093cb22bb8f5acdc3");
        });
        assert_eq!(out, b"hello world");
    }

    #[test]
    fn temp_files_are_hidden_beside_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = temp_beside(&dir.path().join("data.bin")).unwrap();
        let name = tmp
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(name.starts_with(".data.bin.objcmd-"), "{name}");
        assert_eq!(tmp.path().parent().unwrap(), dir.path());
    }
}
