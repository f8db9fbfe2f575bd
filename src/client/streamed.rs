//! Request bodies streamed from a range of a file (upload parts and single PUTs from files),
//! so that an upload holds a block or two per request in flight instead of a whole part.
//!
//! reqwest's blocking client hands a reader body to its I/O thread 8 KiB at a time, which
//! measured 215,000 context switches and twice the CPU per GiB (docs/benchmarks.md). So a
//! file body goes through reqwest's async client instead, on a runtime thread of its own
//! started on the first such request: the body reads its range itself, in blocks of
//! [`STREAM_BLOCK`], as hyper asks for them (from the page cache: the engine has just read
//! the range to hash it). Every attempt builds a new body from `(file, offset, length)`,
//! so a retry sends the same bytes again from the start. The reply of such a request is a
//! few headers or an error document; it is read whole before the caller gets it.
//!
//! Nothing here is async beyond that glue: the caller's thread waits for the reply.

use std::fs::File;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use http_body::{Frame, SizeHint};
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{CONTENT_LENGTH, HeaderMap, HeaderName, HeaderValue};

use super::rate::RateLimiter;
use super::request::SendProgress;

/// The size of the reads that feed a streamed body: large enough that a GiB is 4,096
/// reads and hand-overs to hyper, small enough that the bodies in flight stay a few MiB.
pub const STREAM_BLOCK: usize = 256 << 10;

/// The longest reply body kept from a streamed request (error documents are a few KiB).
const REPLY_MAX: usize = 1 << 20;

/// A range of a file that a request body sends: read again from the file at every
/// attempt, never held in memory whole.
#[derive(Clone, Debug)]
pub struct FileRange {
    file: Arc<File>,
    offset: u64,
    len: u64,
}

impl FileRange {
    /// `len` bytes of `file` from `offset`.
    pub fn new(file: Arc<File>, offset: u64, len: u64) -> FileRange {
        FileRange { file, offset, len }
    }

    /// The range's length in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// True for an empty range.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Reads `buf.len()` bytes from `at` bytes into the range.
    fn read_at(&self, buf: &mut [u8], at: u64) -> io::Result<()> {
        read_exact_at(&self.file, buf, self.offset + at).map_err(|e| {
            if e.kind() == io::ErrorKind::UnexpectedEof {
                io::Error::new(e.kind(), "the file became shorter while it was being sent")
            } else {
                e
            }
        })
    }
}

/// Reads exactly `buf.len()` bytes at `offset` (the engine's positional reads too).
pub(crate) fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n = std::os::windows::fs::FileExt::seek_read(
                file,
                &mut buf[done..],
                offset + done as u64,
            )?;
            if n == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

/// A block handed to hyper; its buffer goes back to the body's spares once written, so
/// that blocks are neither allocated nor zeroed again and again.
struct Block {
    buf: Vec<u8>,
    spares: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl AsRef<[u8]> for Block {
    fn as_ref(&self) -> &[u8] {
        &self.buf
    }
}

impl Drop for Block {
    fn drop(&mut self) {
        let mut spares = self.spares.lock().unwrap_or_else(|e| e.into_inner());
        // hyper queues up to ~400 KiB of a body (two blocks) before it writes: two spares
        // are all a body ever needs.
        if spares.len() < 2 {
            spares.push(std::mem::take(&mut self.buf));
        }
    }
}

/// One attempt's body: the range read block by block as hyper asks for it, paced by the
/// rate cap, reporting how far it got, ending with an error when the user interrupts.
pub(super) struct RangeBody {
    range: FileRange,
    /// Bytes handed to hyper so far.
    sent: u64,
    /// Buffers of blocks hyper has written, to read the next ones into.
    spares: Arc<Mutex<Vec<Vec<u8>>>>,
    limiter: Option<Arc<RateLimiter>>,
    progress: Option<SendProgress>,
    cancel: Arc<AtomicBool>,
    /// A block read and waiting for the rate cap to let it go.
    paced: Option<(Bytes, Pin<Box<tokio::time::Sleep>>)>,
}

impl RangeBody {
    /// A fresh body of `range`, from its first byte.
    pub(super) fn new(
        range: FileRange,
        limiter: Option<Arc<RateLimiter>>,
        progress: Option<SendProgress>,
        cancel: Arc<AtomicBool>,
    ) -> RangeBody {
        RangeBody {
            range,
            sent: 0,
            spares: Arc::default(),
            limiter,
            progress,
            cancel,
            paced: None,
        }
    }

    /// The next block of the range.
    fn read_block(&mut self) -> io::Result<Bytes> {
        let n = (self.range.len - self.sent).min(STREAM_BLOCK as u64) as usize;
        let spare = self.spares.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut buf = spare.unwrap_or_default();
        buf.resize(n, 0);
        self.range.read_at(&mut buf, self.sent)?;
        Ok(Bytes::from_owner(Block {
            buf,
            spares: self.spares.clone(),
        }))
    }

    /// Hands `block` over, counting it sent.
    fn hand_over(&mut self, block: Bytes) -> Frame<Bytes> {
        self.sent += block.len() as u64;
        if let Some(progress) = &self.progress {
            progress.reached(self.sent);
        }
        Frame::data(block)
    }
}

impl http_body::Body for RangeBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = self.get_mut();
        if let Some((_, sleep)) = &mut this.paced {
            if sleep.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            if let Some((block, _)) = this.paced.take() {
                return Poll::Ready(Some(Ok(this.hand_over(block))));
            }
        }
        if this.sent >= this.range.len {
            return Poll::Ready(None);
        }
        if this.cancel.load(Ordering::Relaxed) {
            return Poll::Ready(Some(Err(io::Error::new(
                io::ErrorKind::Interrupted,
                "interrupted",
            ))));
        }
        let block = match this.read_block() {
            Ok(block) => block,
            Err(e) => return Poll::Ready(Some(Err(e))),
        };
        let wait = this
            .limiter
            .as_ref()
            .map_or(Duration::ZERO, |l| l.reserve(block.len()));
        if !wait.is_zero() {
            let mut sleep = Box::pin(tokio::time::sleep(wait));
            if sleep.as_mut().poll(cx).is_pending() {
                this.paced = Some((block, sleep));
                return Poll::Pending;
            }
        }
        Poll::Ready(Some(Ok(this.hand_over(block))))
    }

    fn is_end_stream(&self) -> bool {
        self.sent >= self.range.len && self.paced.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.range.len - self.sent)
    }
}

/// A reply read whole: status, headers and (the first MiB of) the body.
pub(super) struct ReadReply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: io::Cursor<Bytes>,
}

/// reqwest's async client on a runtime thread of its own, for requests with file bodies.
pub(super) struct Streamer {
    http: reqwest::Client,
    runtime: tokio::runtime::Handle,
    /// Dropped with the streamer: the runtime's thread then ends.
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Streamer {
    /// Starts the runtime thread and builds the client there (its connector and resolver
    /// belong to that runtime).
    pub(super) fn start(builder: reqwest::ClientBuilder) -> Result<Streamer, String> {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        std::thread::Builder::new()
            .name("objcmd-uploads".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e.to_string()));
                        return;
                    }
                };
                let handle = runtime.handle().clone();
                runtime.block_on(async move {
                    let built = builder.build().map_err(|e| e.to_string());
                    let _ = ready_tx.send(built.map(|http| (http, handle)));
                    // Runs the requests spawned onto it until the streamer goes.
                    let _ = stop_rx.await;
                });
            })
            .map_err(|e| e.to_string())?;
        let (http, runtime) = ready_rx
            .recv()
            .map_err(|_| "the upload thread ended at start".to_string())??;
        Ok(Streamer {
            http,
            runtime,
            _stop: stop_tx,
        })
    }

    /// One attempt of a request whose body is `body`: sent on the runtime thread while
    /// this one waits for the reply, read whole. The error is reqwest's, or `None` when
    /// the runtime is gone.
    pub(super) fn send(
        &self,
        method: reqwest::Method,
        url: &str,
        headers: Vec<(HeaderName, HeaderValue)>,
        body: RangeBody,
        timeout: Duration,
    ) -> Result<ReadReply, Option<reqwest::Error>> {
        let mut builder = self.http.request(method, url);
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        let request = builder
            .header(CONTENT_LENGTH, body.range.len())
            .body(reqwest::Body::wrap(body))
            .timeout(timeout)
            .build()
            .map_err(Some)?;
        let (tx, rx) = tokio::sync::oneshot::channel();
        let http = self.http.clone();
        self.runtime.spawn(async move {
            let _ = tx.send(exchange(http, request).await);
        });
        rx.blocking_recv().map_err(|_| None)?.map_err(Some)
    }
}

/// Sends a request and reads its reply whole: up to [`REPLY_MAX`] of body, where the rest
/// is left unread (the connection then closes).
async fn exchange(
    http: reqwest::Client,
    request: reqwest::Request,
) -> Result<ReadReply, reqwest::Error> {
    let mut resp = http.execute(request).await?;
    let status = resp.status();
    let headers = std::mem::take(resp.headers_mut());
    let mut body = BytesMut::new();
    while body.len() < REPLY_MAX {
        let Some(chunk) = resp.chunk().await? else {
            break;
        };
        body.extend_from_slice(&chunk[..chunk.len().min(REPLY_MAX - body.len())]);
    }
    Ok(ReadReply {
        status,
        headers,
        body: io::Cursor::new(body.freeze()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body::Body as _;
    use std::io::Write;

    /// A temp file of `len` bytes, each its offset mod 251.
    fn numbered_file(len: usize) -> (tempfile::NamedTempFile, Vec<u8>) {
        let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(&data).unwrap();
        (file, data)
    }

    /// Polls a body to its end (it never waits without a rate cap); returns what it gave.
    fn drain(mut body: RangeBody) -> io::Result<Vec<u8>> {
        let mut cx = Context::from_waker(std::task::Waker::noop());
        let mut out = Vec::new();
        loop {
            assert_eq!(
                body.size_hint().exact(),
                Some(body.range.len - out.len() as u64)
            );
            match Pin::new(&mut body).poll_frame(&mut cx) {
                Poll::Ready(Some(Ok(frame))) => {
                    let data = frame
                        .into_data()
                        .map_err(|_| io::Error::other("a trailer"))?;
                    assert!(data.len() <= STREAM_BLOCK);
                    out.extend_from_slice(&data);
                }
                Poll::Ready(Some(Err(e))) => return Err(e),
                Poll::Ready(None) => break,
                Poll::Pending => panic!("a body without a rate cap never waits"),
            }
        }
        assert!(body.is_end_stream());
        Ok(out)
    }

    fn body(range: &FileRange, progress: Option<SendProgress>) -> RangeBody {
        RangeBody::new(
            range.clone(),
            None,
            progress,
            Arc::new(AtomicBool::new(false)),
        )
    }

    #[test]
    fn a_range_body_reads_exactly_its_range_and_again_for_each_attempt() {
        let (file, data) = numbered_file(3 * STREAM_BLOCK + 1000);
        let file = Arc::new(File::open(file.path()).unwrap());
        let (offset, len) = (1000u64, 2 * STREAM_BLOCK as u64 + 77);
        let range = FileRange::new(file, offset, len);
        let offsets = Arc::new(Mutex::new(Vec::new()));
        let watch = {
            let offsets = offsets.clone();
            SendProgress::new(move |at| offsets.lock().unwrap().push(at))
        };
        let expected = &data[offset as usize..(offset + len) as usize];
        // Two attempts from the one range: the same bytes, each from the start.
        for _ in 0..2 {
            let sent = drain(body(&range, Some(watch.clone()))).unwrap();
            assert_eq!(sent, expected);
        }
        let one = [STREAM_BLOCK as u64, 2 * STREAM_BLOCK as u64, len];
        assert_eq!(*offsets.lock().unwrap(), [one, one].concat());
        let empty = drain(body(&FileRange::new(range.file.clone(), 5, 0), None)).unwrap();
        assert!(empty.is_empty());
    }

    #[test]
    fn the_transport_sends_a_file_range_again_from_the_file_on_retry() {
        use crate::client::test_server::{self, Reply};
        use crate::client::{Body, Dialect, Request, SignatureVersion, Transport};
        let (file, data) = numbered_file(300_000);
        let range = FileRange::new(Arc::new(File::open(file.path()).unwrap()), 1000, 270_000);
        let (port, seen) = test_server::serve(vec![
            Reply::status(503, &[], ""),
            Reply::status(200, &[("ETag", "\"e\"")], ""),
        ]);
        let creds = Some(test_server::credentials(None));
        let config = test_server::config(port, Dialect::S3, SignatureVersion::V2, creds);
        let req = Request::new("UploadPart", reqwest::Method::PUT, Some("b"), "k")
            .body(Body::File(range, None));
        let reply = Transport::new(config).unwrap().send(&req).unwrap();
        assert_eq!(reply.header("etag"), Some("\"e\""));
        for attempt in 0..2 {
            let got = seen.recv().unwrap();
            assert!(
                got.head.contains("content-length: 270000\r\n"),
                "{}",
                got.head
            );
            assert!(
                got.body == data[1000..271_000],
                "attempt {attempt}: other bytes"
            );
        }
    }

    #[test]
    fn a_range_body_fails_on_a_shrunken_file_and_on_interrupt() {
        let (file, _) = numbered_file(1000);
        let file = Arc::new(File::open(file.path()).unwrap());
        let err = drain(body(&FileRange::new(file.clone(), 500, 600), None)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the file became shorter while it was being sent"
        );
        let cancel = Arc::new(AtomicBool::new(true));
        let stopped = RangeBody::new(FileRange::new(file, 0, 100), None, None, cancel);
        assert_eq!(
            drain(stopped).unwrap_err().kind(),
            io::ErrorKind::Interrupted
        );
    }
}
