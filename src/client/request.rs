//! The transport: one shared HTTP connection pool, requests signed at send time, retries
//! with exponential backoff and full jitter, timeouts, and the bandwidth cap.
//!
//! Every request is re-signed on every attempt (a fresh `Date`), and a file body is re-read
//! from its offset, so a retry is a clean new request. Nothing here prints: retries are
//! reported through `log` (shown with `-v`), request and response heads with `-vv`, with
//! signatures and tokens redacted.

use std::io::{self, Read};
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant, SystemTime};

use base64::Engine as _;
use reqwest::blocking::{self, Client as HttpClient};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode, redirect};

use super::SignatureVersion;
use super::dialect::Dialect;
use super::endpoint::Target;
use super::error::{Error, ServiceError, TransportKind};
pub use super::rate::RateLimiter;
use super::sign::{self, Credentials};
use super::signer::{SIGNED_PAYLOAD_MAX, Signer};
use super::streamed::{FileRange, RangeBody, ReadReply, Streamer};
use super::wire_log;
use super::xml;

/// A source of the current time; tests pin it.
pub type Clock = fn() -> SystemTime;

/// Everything the transport needs, resolved from settings.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// Endpoint, dialect and addressing.
    pub target: Target,
    /// `None` sends unsigned (anonymous) requests.
    pub credentials: Option<Credentials>,
    /// V2 family or SigV4 (S3 only).
    pub signature: SignatureVersion,
    /// The region, for SigV4's credential scope.
    pub region: String,
    /// The flexible checksum that uploads send and store (S3 only); downloads verify any
    /// stored checksum whatever this says.
    pub checksum_algorithm: Option<crate::checksum::Algorithm>,
    /// Server-side encryption of the objects written, and the customer keys of SSE-C.
    pub encryption: super::sse::Encryption,
    /// Retries of a retryable failure (attempts = retries + 1).
    pub retries: u32,
    /// Connect timeout, and the longest wait for any read.
    pub timeout: Duration,
    /// Bandwidth cap in bytes per second, across all transfers of the process.
    pub rate_limit: Option<u64>,
    /// The User-Agent header.
    pub user_agent: String,
    /// The clock that dates requests.
    pub clock: Clock,
    /// Set when the user interrupts: requests stop at the next chance.
    pub cancel: Arc<AtomicBool>,
    /// Host names resolved to fixed addresses (`*.example` matches every subdomain), like
    /// curl's `--resolve`: virtual-host buckets on test servers without DNS.
    pub resolve: Vec<(String, IpAddr)>,
    /// Trust roots added to the built-in ones (`--ca-bundle`).
    pub ca_certificates: Vec<reqwest::Certificate>,
    /// Accept any TLS certificate (`--insecure`).
    pub insecure: bool,
    /// Told whether each reply throttles, so that the tree commands can adapt their
    /// concurrency; `None` tells nobody.
    pub pace: Option<PaceWatch>,
}

/// What a reply says about the pace of requests.
#[derive(Clone, Copy, Debug)]
pub enum Pace<'a> {
    /// The server answered without asking us to slow down (a 2xx, or a 4xx other than
    /// 429): the pace is fine.
    Clean,
    /// The server throttles (503 SlowDown, 429, 503): `error` answered the request sent
    /// at `sent`.
    Throttled {
        /// The reply.
        error: &'a ServiceError,
        /// When the attempt it answers was sent.
        sent: Instant,
    },
}

/// Told of every reply's [`Pace`] (replies of 5xx other than throttling, and failures
/// below HTTP, say nothing of the pace and are not told).
#[derive(Clone)]
pub struct PaceWatch(Arc<dyn Fn(Pace<'_>) + Send + Sync>);

impl PaceWatch {
    /// A watcher that calls `tell` with each reply's pace.
    pub fn new(tell: impl Fn(Pace<'_>) + Send + Sync + 'static) -> PaceWatch {
        PaceWatch(Arc::new(tell))
    }

    fn tell(&self, pace: Pace<'_>) {
        (self.0)(pace)
    }
}

impl std::fmt::Debug for PaceWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PaceWatch")
    }
}

/// Told how far the transport has read a body, after each read: the offset reached in
/// this attempt. A retry reads the body again from 0, so a watcher that adds up what was
/// sent keeps the furthest offset of each body, not the sum.
#[derive(Clone)]
pub struct SendProgress(Arc<dyn Fn(u64) + Send + Sync>);

impl SendProgress {
    /// A watcher that calls `report` with each offset reached.
    pub fn new(report: impl Fn(u64) + Send + Sync + 'static) -> SendProgress {
        SendProgress(Arc::new(report))
    }

    pub(super) fn reached(&self, offset: u64) {
        (self.0)(offset)
    }
}

impl std::fmt::Debug for SendProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SendProgress")
    }
}

/// A request body that can be sent again on retry.
#[derive(Clone, Debug, Default)]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// Bytes in memory (XML documents, objects and parts); cheap to clone for a retry.
    ///
    /// Parts are sent from memory rather than streamed from their files: reqwest's
    /// blocking client passes a streamed body to its I/O thread 8 KiB at a time, which
    /// measured 215,000 context switches per GiB (docs/benchmarks.md).
    Bytes(bytes::Bytes),
    /// Bytes in memory whose sending is reported as it goes, for a progress bar. They go
    /// to reqwest as a reader, so 8 KiB at a time (see [`Body::Bytes`]): only for a bar
    /// someone watches.
    Counted(bytes::Bytes, SendProgress),
    /// A range of a file, read again at every attempt and streamed in blocks of
    /// [`STREAM_BLOCK`](super::streamed::STREAM_BLOCK) through the async client
    /// (`streamed.rs`), its sending reported to the watcher if there is one. Longer than
    /// [`SIGNED_PAYLOAD_MAX`]: SigV4 sends it as UNSIGNED-PAYLOAD.
    File(FileRange, Option<SendProgress>),
}

impl Body {
    /// The body's bytes when they are in memory: none for an empty or a file body.
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            Body::Empty | Body::File(..) => None,
            Body::Bytes(b) | Body::Counted(b, _) => Some(&b[..]),
        }
    }

    /// The body's length in bytes.
    pub fn len(&self) -> u64 {
        match self {
            Body::File(range, _) => range.len(),
            body => body.bytes().map_or(0, |b| b.len() as u64),
        }
    }

    /// True for a zero-length body.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One S3 operation, before signing.
#[derive(Clone)]
pub struct Request<'a> {
    /// The S3 operation name, for messages (`PutObject`).
    pub operation: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Bucket, or `None` for service-level requests.
    pub bucket: Option<&'a str>,
    /// Key, empty for bucket-level requests.
    pub key: &'a str,
    /// Decoded query parameters, in wire order.
    pub query: Vec<(String, String)>,
    /// Headers to send (besides Date, Authorization and the security token).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Body,
    /// Whether sending it twice is harmless (retries after a response may have been lost).
    pub idempotent: bool,
    /// Cleanup after an interruption (aborting an upload): sent even once the user has
    /// interrupted, under a short timeout, since skipping it would leave storage behind.
    pub cleanup: bool,
}

impl<'a> Request<'a> {
    /// A request with no query, headers or body.
    pub fn new(
        operation: &'static str,
        method: Method,
        bucket: Option<&'a str>,
        key: &'a str,
    ) -> Self {
        let idempotent = method != Method::POST;
        Request {
            operation,
            method,
            bucket,
            key,
            query: Vec::new(),
            headers: Vec::new(),
            body: Body::Empty,
            idempotent,
            cleanup: false,
        }
    }

    /// Marks the request as cleanup: it goes out even after Ctrl-C.
    pub fn cleanup(mut self) -> Self {
        self.cleanup = true;
        self
    }

    /// Adds a query parameter (decoded; encoded on the wire).
    pub fn query(mut self, name: &str, value: impl Into<String>) -> Self {
        self.query.push((name.to_string(), value.into()));
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the body.
    pub fn body(mut self, body: Body) -> Self {
        self.body = body;
        self
    }

    /// `/bucket/key`, for messages.
    pub fn resource(&self) -> String {
        match self.bucket {
            Some(b) => format!("/{b}/{}", self.key),
            None => "/".to_string(),
        }
    }
}

/// A reply as the transport got it.
enum Reply {
    /// From the blocking client: the body is read as it comes.
    Live(blocking::Response),
    /// From a streamed upload (`streamed.rs`): read whole already.
    Read(ReadReply),
}

impl Reply {
    fn status(&self) -> StatusCode {
        match self {
            Reply::Live(r) => r.status(),
            Reply::Read(r) => r.status,
        }
    }

    fn headers(&self) -> &HeaderMap {
        match self {
            Reply::Live(r) => r.headers(),
            Reply::Read(r) => &r.headers,
        }
    }
}

impl Read for Reply {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Reply::Live(r) => r.read(buf),
            Reply::Read(r) => r.body.read(buf),
        }
    }
}

/// A successful (2xx) reply whose body has not been read yet.
pub struct Response {
    inner: Reply,
    dialect: Dialect,
    operation: &'static str,
}

impl Response {
    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.inner.status().as_u16()
    }

    /// A response header as text, if present and ASCII.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.inner.headers().get(name).and_then(|v| v.to_str().ok())
    }

    /// Every response header, lower-case names, for metadata extraction.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.inner
            .headers()
            .iter()
            .filter_map(|(n, v)| Some((n.as_str(), v.to_str().ok()?)))
    }

    /// The request id the dialect reports in its header.
    pub fn request_id(&self) -> Option<String> {
        self.header(self.dialect.request_id_header())
            .map(str::to_string)
    }

    /// Content-Length of the body, when the server sent one.
    pub fn content_length(&self) -> Option<u64> {
        self.header("content-length")?.parse().ok()
    }

    /// Reads the whole body as text (XML replies).
    pub fn text(mut self) -> Result<String, Error> {
        let mut body = String::new();
        let operation = self.operation;
        self.inner
            .read_to_string(&mut body)
            .map_err(|e| Error::Transport {
                what: format!("reading the reply to {operation}"),
                cause: e.to_string(),
                kind: TransportKind::Broken,
                attempts: 1,
            })?;
        Ok(body)
    }

    /// The body as a reader (object data). Each read waits at most the timeout.
    pub fn into_reader(self) -> impl Read + Send {
        self.inner
    }
}

/// Reads an in-memory body for reqwest: under the rate cap, telling a watcher how far it
/// got, stopping when the user interrupts.
struct BodyReader {
    bytes: bytes::Bytes,
    pos: usize,
    limiter: Option<Arc<RateLimiter>>,
    progress: Option<SendProgress>,
    cancel: Arc<AtomicBool>,
}

impl Read for BodyReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
        }
        let n = buf.len().min(self.bytes.len() - self.pos).min(256 * 1024);
        buf[..n].copy_from_slice(&self.bytes[self.pos..self.pos + n]);
        if let Some(limiter) = &self.limiter {
            limiter.acquire(n);
        }
        self.pos += n;
        if let Some(progress) = &self.progress {
            progress.reached(self.pos as u64);
        }
        Ok(n)
    }
}

/// DNS with overrides: names matching a rule resolve to its address, others through the
/// system resolver.
struct OverrideResolver {
    rules: Vec<(String, IpAddr)>,
}

/// True when `host` matches `pattern` (`*.example` matches any subdomain of `example`).
fn host_matches(pattern: &str, host: &str) -> bool {
    match pattern.strip_prefix("*.") {
        Some(domain) => {
            host.len() > domain.len()
                && host.ends_with(domain)
                && host[..host.len() - domain.len()].ends_with('.')
        }
        None => pattern.eq_ignore_ascii_case(host),
    }
}

impl reqwest::dns::Resolve for OverrideResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_ascii_lowercase();
        let hit = self
            .rules
            .iter()
            .find(|(p, _)| host_matches(p, &host))
            .map(|(_, ip)| *ip);
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = match hit {
                Some(ip) => vec![SocketAddr::new(ip, 0)],
                // Only with --resolve: a blocking lookup on the I/O thread is acceptable
                // for the few connections a command opens.
                None => (host.as_str(), 0).to_socket_addrs()?.collect(),
            };
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// The settings both HTTP clients share, written once so that they cannot differ: the
/// blocking client of every request, and the async one of streamed uploads
/// (`streamed.rs`). Their builders are two types with the same methods.
macro_rules! shared_settings {
    ($builder:expr, $config:expr) => {{
        let config: &ClientConfig = $config;
        let builder = $builder
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.timeout)
            .redirect(redirect::Policy::none())
            .pool_max_idle_per_host(64)
            .tcp_nodelay(true);
        #[cfg(any(target_os = "android", target_os = "fuchsia", target_os = "linux"))]
        let builder = builder.tcp_user_timeout(config.timeout);
        let builder = builder
            .tls_certs_merge(config.ca_certificates.clone())
            .danger_accept_invalid_certs(config.insecure);
        if config.resolve.is_empty() {
            builder
        } else {
            builder.dns_resolver(Arc::new(OverrideResolver {
                rules: config.resolve.clone(),
            }))
        }
    }};
}

/// The HTTP transport shared by every thread of the process (cheap to clone).
#[derive(Clone)]
pub struct Transport {
    http: HttpClient,
    config: Arc<ClientConfig>,
    /// Chosen once from the configuration; signs every attempt of every request.
    signer: Arc<Signer>,
    limiter: Option<Arc<RateLimiter>>,
    /// The async client of file bodies, started by the first one (most commands send
    /// none); the error is why it could not start.
    streamer: Arc<OnceLock<Result<Streamer, String>>>,
}

/// The fixed first step of the backoff; it doubles per attempt.
const BACKOFF_BASE: Duration = Duration::from_millis(200);
/// The longest single backoff.
const BACKOFF_CAP: Duration = Duration::from_secs(10);
/// The longest wait a `Retry-After` gets: a server asking for an hour would otherwise hold
/// a command that long per retry.
const RETRY_AFTER_CAP: Duration = Duration::from_secs(20);

/// Uploads get the timeout plus this much time per byte: a stalled upload still fails, a
/// slow but moving one does not.
const UPLOAD_FLOOR_BYTES_PER_SEC: u64 = 256 * 1024;

/// The longest a cleanup request may take after Ctrl-C.
const CLEANUP_TIMEOUT: Duration = Duration::from_secs(10);

/// The delay before retry number `attempt` (1-based): full jitter over an exponential cap.
pub fn backoff(attempt: u32) -> Duration {
    let cap = BACKOFF_BASE
        .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
        .min(BACKOFF_CAP);
    cap.mul_f64(fastrand::f64())
}

/// The delay before retry number `attempt` after `err`: the backoff, or the server's
/// `Retry-After` (capped) when it asks for longer, plus up to one first backoff step of
/// jitter so that the workers it throttled together do not come back together.
pub fn retry_delay(attempt: u32, err: &Error) -> Duration {
    let backoff = backoff(attempt);
    match err {
        Error::Service(e) => match e.retry_after {
            Some(wait) => {
                let jitter = BACKOFF_BASE.mul_f64(fastrand::f64());
                backoff.max(wait.min(RETRY_AFTER_CAP) + jitter)
            }
            None => backoff,
        },
        _ => backoff,
    }
}

/// Formats a time as an RFC 9110 HTTP date (`Tue, 14 Nov 2023 22:13:20 GMT`).
pub fn http_date(time: SystemTime) -> String {
    let ts = jiff::Timestamp::try_from(time).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&ts)
        .unwrap_or_default()
}

/// Seconds since the Unix epoch (negative before it).
pub fn unix_seconds(time: SystemTime) -> i64 {
    match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// The innermost cause of an error chain: the part a user can act on.
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

/// True when a connection failed because the host name did not resolve: hyper names
/// that step "dns error" in the chain, above the resolver's own message.
fn is_resolve_failure(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur = Some(e);
    while let Some(err) = cur {
        if err.to_string().to_ascii_lowercase().contains("dns error") {
            return true;
        }
        cur = err.source();
    }
    false
}

/// True when a connection failed on the server's certificate or the TLS handshake (rustls
/// names them so), which no retry can fix.
fn is_tls_failure(cause: &str) -> bool {
    let lower = cause.to_ascii_lowercase();
    lower.contains("certificate")
        || lower.contains("tls handshake")
        || lower.contains("unknownissuer")
}

/// True when a TLS handshake met a server that answered in plain HTTP: rustls reads the
/// `HTTP/1.1 400` reply as a TLS record of an unknown content type.
fn is_plain_http_reply(cause: &str) -> bool {
    let lower = cause.to_ascii_lowercase();
    lower.contains("invalidcontenttype") || lower.contains("corrupt message")
}

impl Transport {
    /// Builds the shared connection pool.
    pub fn new(config: ClientConfig) -> Result<Transport, Error> {
        // Each attempt gets its own timeout (`Transport::timeout`).
        let builder = shared_settings!(HttpClient::builder(), &config).timeout(None);
        let http = builder.build().map_err(|e| Error::InvalidRequest {
            operation: "connect",
            detail: root_cause(&e),
        })?;
        let limiter = config.rate_limit.map(|r| Arc::new(RateLimiter::new(r)));
        Ok(Transport {
            http,
            signer: Arc::new(Signer::new(&config)),
            config: Arc::new(config),
            limiter,
            streamer: Arc::new(OnceLock::new()),
        })
    }

    /// The async client of file bodies, started on first use.
    fn streamer(&self) -> Result<&Streamer, Error> {
        self.streamer
            .get_or_init(|| {
                Streamer::start(shared_settings!(reqwest::Client::builder(), &self.config))
            })
            .as_ref()
            .map_err(|detail| Error::InvalidRequest {
                operation: "connect",
                detail: detail.clone(),
            })
    }

    /// The configuration this transport was built from.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The signer of every request, and of presigned URLs.
    pub fn signer(&self) -> &Signer {
        &self.signer
    }

    /// The process-wide bandwidth cap, for download loops.
    pub fn limiter(&self) -> Option<&Arc<RateLimiter>> {
        self.limiter.as_ref()
    }

    /// True once the user has interrupted.
    pub fn cancelled(&self) -> bool {
        self.config.cancel.load(Ordering::Relaxed)
    }

    /// Sends a request, retrying what is retryable, and returns the 2xx reply.
    pub fn send(&self, req: &Request<'_>) -> Result<Response, Error> {
        self.send_then(req, Ok)
    }

    /// Sends a request and reads its reply with `read`, both inside the retry loop: a reply
    /// whose body breaks off after a 2xx head (an XML document half read) is retried like a
    /// failed request, when the request may be sent again.
    pub fn send_then<T>(
        &self,
        req: &Request<'_>,
        read: impl Fn(Response) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let attempts = self.config.retries + 1;
        let mut attempt = 0;
        loop {
            attempt += 1;
            if self.cancelled() && !(req.cleanup && attempt == 1) {
                return Err(Error::Interrupted);
            }
            let sent = Instant::now();
            let reply = self.send_once(req);
            self.tell_pace(&reply, sent);
            let err = match reply.and_then(&read) {
                Ok(reply) => return Ok(reply),
                Err(err) => err,
            };
            if attempt >= attempts || !self.is_retryable(&err, req.idempotent) {
                return Err(match err {
                    Error::Transport {
                        what, cause, kind, ..
                    } => Error::Transport {
                        what,
                        cause,
                        kind,
                        attempts: attempt,
                    },
                    other => other,
                });
            }
            let delay = retry_delay(attempt, &err);
            log::info!(
                "retrying {} {} in {} ms (attempt {} of {}): {err}",
                req.operation,
                req.resource(),
                delay.as_millis(),
                attempt + 1,
                attempts
            );
            self.sleep(delay)?;
        }
    }

    /// Tells the watcher, if any, what a reply says about the pace of requests.
    fn tell_pace(&self, reply: &Result<Response, Error>, sent: Instant) {
        let Some(watch) = &self.config.pace else {
            return;
        };
        match reply {
            Ok(_) => watch.tell(Pace::Clean),
            Err(Error::Service(error)) if error.is_throttling() => {
                watch.tell(Pace::Throttled { error, sent })
            }
            Err(Error::Service(error)) if error.status < 500 => watch.tell(Pace::Clean),
            Err(_) => {}
        }
    }

    /// Sleeps, waking early (with an error) if the user interrupts.
    pub fn sleep(&self, delay: Duration) -> Result<(), Error> {
        let until = Instant::now() + delay;
        while Instant::now() < until {
            if self.cancelled() {
                return Err(Error::Interrupted);
            }
            std::thread::sleep((until - Instant::now()).min(Duration::from_millis(50)));
        }
        Ok(())
    }

    /// Whether a failure is worth another attempt.
    pub fn is_retryable(&self, err: &Error, idempotent: bool) -> bool {
        match err {
            // Nothing reached the server: safe for any request.
            Error::Transport {
                kind: TransportKind::Connect | TransportKind::Resolve,
                ..
            } => true,
            // The same certificate would be refused again.
            Error::Transport {
                kind: TransportKind::Tls,
                ..
            } => false,
            Error::Transport { .. } => idempotent,
            Error::Service(e) => e.is_retryable() && (idempotent || e.was_refused_unacted()),
            _ => false,
        }
    }

    /// One attempt: build the URL, sign, build the HTTP request, send it, classify the reply.
    fn send_once(&self, req: &Request<'_>) -> Result<Response, Error> {
        let url = self.url(req);
        let signed = self.signer.authorize(req, (self.config.clock)());
        let headers = Self::header_values(req, &signed.headers)?;
        wire_log::request_head(req, &url, &signed.headers);
        let resp = match &req.body {
            Body::File(range, progress) => {
                let body = RangeBody::new(
                    range.clone(),
                    self.limiter.clone(),
                    progress.clone(),
                    self.config.cancel.clone(),
                );
                let method = req.method.clone();
                let sent = self
                    .streamer()?
                    .send(method, &url, headers, body, self.timeout(req));
                Reply::Read(sent.map_err(|e| match e {
                    Some(e) => self.send_error(req, &url, &e),
                    None => Error::Transport {
                        what: format!("{} {url}", req.method),
                        cause: "the upload thread ended".to_string(),
                        kind: TransportKind::Broken,
                        attempts: 1,
                    },
                })?)
            }
            _ => {
                let builder = self.build(req, &url, headers);
                Reply::Live(builder.send().map_err(|e| self.send_error(req, &url, &e))?)
            }
        };
        wire_log::response_head(req, &url, resp.status(), resp.headers());
        self.reply(req, resp, signed.string_to_sign.as_deref())
    }

    /// The URL of a request, its query encoded.
    fn url(&self, req: &Request<'_>) -> String {
        let mut url = self.config.target.url(req.bucket, req.key);
        if !req.query.is_empty() {
            url.push('?');
            url.push_str(&sign::encode_query(&req.query));
        }
        url
    }

    /// The signed headers, checked for what HTTP allows.
    fn header_values(
        req: &Request<'_>,
        headers: &[(String, String)],
    ) -> Result<Vec<(HeaderName, HeaderValue)>, Error> {
        let invalid = |detail: String| Error::InvalidRequest {
            operation: req.operation,
            detail,
        };
        headers
            .iter()
            .map(|(name, value)| {
                let name = HeaderName::from_bytes(name.as_bytes())
                    .map_err(|_| invalid(format!("invalid header name {name:?}")))?;
                let value = HeaderValue::from_str(value).map_err(|_| {
                    invalid(format!(
                        "the value of header {name} must be printable ASCII"
                    ))
                })?;
                Ok((name, value))
            })
            .collect()
    }

    /// The HTTP request of the blocking client: the headers, the body and the timeout.
    fn build(
        &self,
        req: &Request<'_>,
        url: &str,
        headers: Vec<(HeaderName, HeaderValue)>,
    ) -> blocking::RequestBuilder {
        let mut builder = self.http.request(req.method.clone(), url);
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        let builder = self.with_body(builder, req);
        builder.timeout(self.timeout(req))
    }

    /// Attaches the body: in one piece when small or uncapped, else through a reader that
    /// paces it under the rate cap and reports its progress.
    fn with_body(
        &self,
        builder: blocking::RequestBuilder,
        req: &Request<'_>,
    ) -> blocking::RequestBuilder {
        match &req.body {
            Body::Empty if matches!(req.method, Method::PUT | Method::POST) => {
                builder.body(Vec::new())
            }
            Body::Empty => builder,
            // Sent by the async client (`streamed.rs`), never by the blocking one.
            Body::File(..) => builder,
            Body::Bytes(bytes) if self.limiter.is_none() || bytes.len() <= SIGNED_PAYLOAD_MAX => {
                builder.body(bytes.clone())
            }
            Body::Bytes(bytes) | Body::Counted(bytes, _) => {
                let reader = BodyReader {
                    bytes: bytes.clone(),
                    pos: 0,
                    limiter: self.limiter.clone(),
                    progress: match &req.body {
                        Body::Counted(_, progress) => Some(progress.clone()),
                        _ => None,
                    },
                    cancel: self.config.cancel.clone(),
                };
                builder.body(blocking::Body::sized(reader, bytes.len() as u64))
            }
        }
    }

    /// The timeout of one attempt: the configured one plus time for the body, or a short
    /// one for cleanup after Ctrl-C.
    fn timeout(&self, req: &Request<'_>) -> Duration {
        let allowance = Duration::from_secs(req.body.len() / UPLOAD_FLOOR_BYTES_PER_SEC);
        if req.cleanup && self.cancelled() {
            // The user is waiting to get the prompt back.
            self.config.timeout.min(CLEANUP_TIMEOUT)
        } else {
            self.config.timeout + allowance
        }
    }

    /// What a failed send means: an interruption, a plain-HTTP server behind https, or a
    /// transport failure of a kind the retry policy tells apart.
    fn send_error(&self, req: &Request<'_>, url: &str, e: &reqwest::Error) -> Error {
        if self.cancelled() && !req.cleanup {
            return Error::Interrupted;
        }
        let cause = root_cause(e);
        if url.starts_with("https:") && !e.is_timeout() && is_plain_http_reply(&cause) {
            return Error::PlainHttp {
                what: format!("{} {}", req.method, url),
                endpoint: self.config.target.endpoint.authority(None),
                cause,
            };
        }
        let kind = if e.is_timeout() {
            TransportKind::Timeout
        } else if is_tls_failure(&cause) {
            TransportKind::Tls
        } else if e.is_connect() && is_resolve_failure(e) {
            TransportKind::Resolve
        } else if e.is_connect() {
            TransportKind::Connect
        } else {
            TransportKind::Broken
        };
        Error::Transport {
            what: format!("{} {}", req.method, url),
            cause,
            kind,
            attempts: 1,
        }
    }

    /// A 2xx reply, or the service's error; on a signature mismatch, logs our string to
    /// sign beside the server's.
    fn reply(
        &self,
        req: &Request<'_>,
        resp: Reply,
        string_to_sign: Option<&str>,
    ) -> Result<Response, Error> {
        let status = resp.status().as_u16();
        if (200..300).contains(&status) {
            return Ok(Response {
                inner: resp,
                dialect: self.config.target.dialect,
                operation: req.operation,
            });
        }
        let err = self.service_error(req, resp);
        if err.code == "SignatureDoesNotMatch"
            && let Some(ours) = string_to_sign
        {
            wire_log::signature_mismatch(ours, &err);
        }
        Err(Error::Service(Box::new(err)))
    }

    /// Builds the [`ServiceError`] of a non-2xx reply from its headers and body.
    fn service_error(&self, req: &Request<'_>, resp: Reply) -> ServiceError {
        let dialect = self.config.target.dialect;
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let request_id = header(dialect.request_id_header());
        let host_id = dialect.host_id_header().and_then(header);
        let retry_after = header("retry-after")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        // OSS puts the error document of a bodiless reply (HEAD) in x-oss-err, base64.
        let oss_err = header("x-oss-err").and_then(|b64| {
            base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
        });
        let mut body = String::new();
        if req.method != Method::HEAD {
            let _ = resp.take(1 << 20).read_to_string(&mut body);
        }
        let doc = xml::parse_error(&body).or_else(|| oss_err.as_deref().and_then(xml::parse_error));
        let mut err = ServiceError::from_status(status);
        if let Some(mut fields) = doc {
            if let Some(code) = fields.remove("Code").filter(|c| !c.is_empty()) {
                err.code = code;
            }
            err.message = fields.remove("Message").unwrap_or_default();
            let body_id = fields.remove("RequestId");
            let body_host = fields.remove("HostId");
            fields.remove("Resource");
            err.request_id = request_id.or(body_id).filter(|s| !s.is_empty());
            err.host_id = host_id.or(body_host).filter(|s| !s.is_empty());
            err.details = fields;
        } else {
            err.request_id = request_id;
            err.host_id = host_id;
        }
        err.method = req.method.to_string();
        err.resource = req.resource();
        err.retry_after = retry_after;
        err
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn backoff_is_jittered_below_an_exponential_cap() {
        for attempt in 1..12 {
            let cap = BACKOFF_BASE
                .saturating_mul(1 << (attempt - 1))
                .min(BACKOFF_CAP);
            for _ in 0..50 {
                assert!(backoff(attempt) <= cap);
            }
        }
        assert!(backoff(30) <= BACKOFF_CAP);
    }

    #[test]
    fn retry_after_is_honoured_capped_and_jittered() {
        let throttled = |wait: Option<u64>| {
            let mut e = ServiceError::from_status(503);
            e.code = "SlowDown".into();
            e.retry_after = wait.map(Duration::from_secs);
            Error::Service(Box::new(e))
        };
        for _ in 0..50 {
            let delay = retry_delay(1, &throttled(Some(3)));
            assert!(delay >= Duration::from_secs(3), "{delay:?}");
            assert!(delay <= Duration::from_secs(3) + BACKOFF_BASE, "{delay:?}");
            let delay = retry_delay(1, &throttled(Some(3600)));
            assert!(delay >= RETRY_AFTER_CAP && delay <= RETRY_AFTER_CAP + BACKOFF_BASE);
            assert!(retry_delay(1, &throttled(None)) <= BACKOFF_BASE);
            // A backoff already longer than the wait asked for is kept.
            assert!(retry_delay(12, &throttled(Some(0))) <= BACKOFF_CAP);
        }
    }

    #[test]
    fn the_pace_of_each_reply_is_told_to_the_watcher() {
        use super::super::test_server::{self, Reply};
        let error = |status: u16, code: &str| {
            let body = format!("<Error><Code>{code}</Code></Error>");
            Reply::status(status, &[("Content-Type", "application/xml")], &body)
        };
        let (port, _seen) = test_server::serve(vec![
            error(503, "SlowDown"),
            error(500, "InternalError"),
            error(429, "TooManyRequests"),
            Reply::status(200, &[], "ok"),
            error(404, "NoSuchKey"),
        ]);
        let told = Arc::new(Mutex::new(Vec::new()));
        let record = told.clone();
        let creds = Some(test_server::credentials(None));
        let mut config = test_server::config(port, Dialect::S3, SignatureVersion::V2, creds);
        config.retries = 3;
        config.pace = Some(PaceWatch::new(move |pace| {
            let what = match pace {
                Pace::Clean => "clean".to_string(),
                Pace::Throttled { error, sent } => {
                    assert!(sent <= Instant::now());
                    format!("throttled {}", error.code)
                }
            };
            record.lock().unwrap().push(what);
        }));
        let transport = Transport::new(config).unwrap();
        let get = Request::new("GetObject", Method::GET, Some("b"), "k");
        transport.send(&get).unwrap();
        let err = transport.send(&get).err().unwrap();
        assert!(
            matches!(&err, Error::Service(e) if e.code == "NoSuchKey"),
            "{err}"
        );
        // The 500 says nothing of the pace; a 404 is a clean answer.
        assert_eq!(
            *told.lock().unwrap(),
            [
                "throttled SlowDown",
                "throttled TooManyRequests",
                "clean",
                "clean"
            ]
        );
    }

    #[test]
    fn resolve_patterns() {
        assert!(host_matches("*.localhost", "bucket.localhost"));
        assert!(host_matches("*.localhost", "a.b.localhost"));
        assert!(!host_matches("*.localhost", "localhost"));
        assert!(!host_matches("*.localhost", "evillocalhost"));
        assert!(host_matches(
            "s3.example",
            "S3.EXAMPLE".to_ascii_lowercase().as_str()
        ));
        assert!(!host_matches("s3.example", "x.s3.example"));
    }

    #[test]
    fn http_dates_are_rfc9110() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(http_date(t), "Tue, 14 Nov 2023 22:13:20 GMT");
    }
}
