//! A fault-injecting HTTP proxy on loopback, between objcmd and the real radosgw.
//!
//! objcmd is pointed at the proxy with `--endpoint http://127.0.0.1:PORT`. Each request is
//! read whole (head, then a body of Content-Length bytes) and either forwarded byte for
//! byte, unchanged (the signature covers the Host header, and radosgw accepts any Host for
//! path-style requests), or answered with a fault: a reset, a stall, an error reply, a
//! body cut short or with a byte flipped. Which requests get which fault is a script of
//! [`Rule`]s; each rule applies its fault a bounded number of times, then lets requests
//! pass. Every request is recorded with what was done to it, for assertions. Apart from
//! the script, a proxy can play a server with a capacity ([`Proxy::limit_in_flight`]):
//! while K requests are in flight, any other is answered 503 SlowDown.
//!
//! It avoids everything it does not need: no TLS, no async, no pipelining (objcmd's pool
//! sends one request at a time per connection), a fresh upstream connection per request.
//! A request with a chunked body, a PUT or POST without Content-Length, or `Expect:
//! 100-continue` is a protocol problem (objcmd sends none of them), as is a server reply
//! the proxy cannot read; problems fail the test when the proxy is dropped.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

/// Which requests a [`Rule`] applies to. Every condition set must hold.
#[derive(Clone, Debug, Default)]
pub struct Match {
    method: Option<String>,
    path: Option<String>,
    query: Option<String>,
    header: Option<(String, String)>,
    no_header: Option<String>,
}

impl Match {
    /// Every request.
    pub fn any() -> Match {
        Match::default()
    }

    /// Requests with this method (`GET`, `PUT`...).
    pub fn method(method: &str) -> Match {
        Match::any().and_method(method)
    }

    /// Also requires this method.
    pub fn and_method(mut self, method: &str) -> Match {
        self.method = Some(method.to_ascii_uppercase());
        self
    }

    /// Also requires the path (before `?`, percent-encoded as sent) to contain `part`.
    pub fn path(mut self, part: &str) -> Match {
        self.path = Some(part.to_string());
        self
    }

    /// Also requires the query string (after `?`) to contain `part`, e.g. `partNumber=2`.
    pub fn query(mut self, part: &str) -> Match {
        self.query = Some(part.to_string());
        self
    }

    /// Also requires header `name` (any case) with a value containing `part`.
    pub fn header(mut self, name: &str, part: &str) -> Match {
        self.header = Some((name.to_ascii_lowercase(), part.to_string()));
        self
    }

    /// Also requires header `name` to be absent.
    pub fn without_header(mut self, name: &str) -> Match {
        self.no_header = Some(name.to_ascii_lowercase());
        self
    }

    fn matches(&self, req: &Request) -> bool {
        let (path, query) = req.target.split_once('?').unwrap_or((&req.target, ""));
        self.method.as_deref().is_none_or(|m| m == req.method)
            && self.path.as_deref().is_none_or(|p| path.contains(p))
            && self.query.as_deref().is_none_or(|q| query.contains(q))
            && self
                .header
                .as_ref()
                .is_none_or(|(n, v)| req.header(n).is_some_and(|h| h.contains(v.as_str())))
            && self
                .no_header
                .as_ref()
                .is_none_or(|n| req.header(n).is_none())
    }
}

/// What the proxy does to a request instead of passing it through.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Reset the client connection (RST) before forwarding: no response, nothing reaches
    /// the server.
    ResetRequest,
    /// Read the head and only the first `after` bytes of the request body, then reset the
    /// client connection: it breaks while the client is still sending the body.
    ResetInBody { after: usize },
    /// Forward, relay the response head and the first `after` body bytes, then reset.
    ResetResponse { after: usize },
    /// Forward (the server acts on the request), then reset without relaying anything:
    /// the reply is lost.
    LoseResponse,
    /// Answer with an S3 error document and this status and code, without forwarding.
    Status { status: u16, code: &'static str },
    /// Hold the request without answering for this long, then close the connection;
    /// nothing is forwarded.
    Stall(Duration),
    /// Forward, relay the head (with the original Content-Length) and only the first
    /// `after` body bytes, then close the connection (FIN).
    Truncate { after: usize },
    /// Answer 200 with an `<Error>` document of this code, without forwarding (the late
    /// failure S3 documents for CompleteMultipartUpload and CopyObject).
    ErrorIn200 { code: &'static str },
    /// Forward, and flip one byte of the response body at offset `at` (the last byte of a
    /// shorter body).
    Corrupt { at: usize },
    /// Flip one byte of the request body at offset `at` before forwarding it (the server
    /// should notice by the Content-MD5).
    CorruptRequest { at: usize },
}

impl Fault {
    /// 500 InternalError.
    pub fn internal_error() -> Fault {
        Fault::Status {
            status: 500,
            code: "InternalError",
        }
    }

    /// 503 SlowDown.
    pub fn slow_down() -> Fault {
        Fault::Status {
            status: 503,
            code: "SlowDown",
        }
    }

    /// A stall longer than the `--timeout 2` the tests give objcmd.
    pub fn stall() -> Fault {
        Fault::Stall(Duration::from_millis(3500))
    }

    /// A short name for the record.
    fn label(&self) -> String {
        match self {
            Fault::ResetRequest => "reset-request".into(),
            Fault::ResetInBody { after } => format!("reset-in-body@{after}"),
            Fault::ResetResponse { after } => format!("reset-response@{after}"),
            Fault::LoseResponse => "lose-response".into(),
            Fault::Status { status, code } => format!("{status} {code}"),
            Fault::Stall(d) => format!("stall {} ms", d.as_millis()),
            Fault::Truncate { after } => format!("truncate@{after}"),
            Fault::ErrorIn200 { code } => format!("200 {code}"),
            Fault::Corrupt { at } => format!("corrupt@{at}"),
            Fault::CorruptRequest { at } => format!("corrupt-request@{at}"),
        }
    }
}

/// One line of a proxy's script: `fault` for requests that `matcher` accepts, after the
/// first `skip` of them, `times` times; then they pass.
#[derive(Clone, Debug)]
pub struct Rule {
    matcher: Match,
    fault: Fault,
    skip: usize,
    times: usize,
    seen: usize,
    applied: usize,
}

impl Rule {
    /// `fault` once, for the first request `matcher` accepts.
    pub fn new(matcher: Match, fault: Fault) -> Rule {
        Rule {
            matcher,
            fault,
            skip: 0,
            times: 1,
            seen: 0,
            applied: 0,
        }
    }

    /// Applies the fault `n` times.
    pub fn times(mut self, n: usize) -> Rule {
        self.times = n;
        self
    }

    /// Applies the fault to every matching request: a persistent fault.
    pub fn always(self) -> Rule {
        self.times(usize::MAX)
    }

    /// Lets the first `n` matching requests pass (the fault starts at occurrence `n + 1`).
    pub fn skip(mut self, n: usize) -> Rule {
        self.skip = n;
        self
    }
}

/// A request the proxy saw, and what it did with it.
#[derive(Clone, Debug)]
pub struct Hit {
    /// The client connection it came on (numbered from 0 in order of accept).
    pub conn: usize,
    /// `GET`, `PUT`...
    pub method: String,
    /// Path and query as sent: `/bucket/key?partNumber=2&uploadId=...`.
    pub target: String,
    /// Request headers as sent.
    pub headers: Vec<(String, String)>,
    /// Bytes of request body.
    pub body_len: usize,
    /// The index of the rule that applied, if any.
    pub rule: Option<usize>,
    /// `pass`, or the fault's label (`503 SlowDown`, `truncate@1000`...).
    pub action: String,
    /// The status the client was sent (or would have been: a truncated or corrupted
    /// reply); `None` when it got no response head.
    pub status: Option<u16>,
    /// The request id of the reply: radosgw's, or the proxy's own for injected errors.
    pub request_id: Option<String>,
}

impl Hit {
    /// A request header (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        header_of(&self.headers, name)
    }

    /// True when the request's query string contains `part`.
    pub fn query_has(&self, part: &str) -> bool {
        self.target
            .split_once('?')
            .is_some_and(|(_, q)| q.contains(part))
    }

    /// True when a fault was applied.
    pub fn faulted(&self) -> bool {
        self.rule.is_some()
    }
}

impl std::fmt::Display for Hit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "#{} {} {} -> {}",
            self.conn, self.method, self.target, self.action
        )?;
        if let Some(status) = self.status {
            write!(f, " ({status})")?;
        }
        Ok(())
    }
}

struct State {
    rules: Mutex<Vec<Rule>>,
    hits: Mutex<Vec<Hit>>,
    problems: Mutex<Vec<String>>,
    injected: AtomicUsize,
    stop: AtomicBool,
    /// The most requests in flight at once before SlowDown; 0 for no limit.
    capacity: AtomicUsize,
    /// Requests read and not yet answered.
    in_flight: AtomicUsize,
}

/// The action recorded for a request turned away by the capacity.
const OVER_CAPACITY: &str = "over capacity: 503 SlowDown";

/// One request counted in flight until dropped.
struct InFlight<'a>(&'a State);

impl<'a> InFlight<'a> {
    /// Counts a request in; `None` (not counted) when the capacity is already taken.
    fn enter(state: &'a State) -> Option<InFlight<'a>> {
        let capacity = state.capacity.load(Ordering::SeqCst);
        let before = state.in_flight.fetch_add(1, Ordering::SeqCst);
        let entered = InFlight(state);
        (capacity == 0 || before < capacity).then_some(entered)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl State {
    /// The fault for a request, if a rule applies; counts the rules' matches.
    fn decide(&self, req: &Request) -> Option<(usize, Fault)> {
        let mut rules = lock(&self.rules);
        for (i, rule) in rules.iter_mut().enumerate() {
            if !rule.matcher.matches(req) {
                continue;
            }
            rule.seen += 1;
            if rule.seen <= rule.skip || rule.applied >= rule.times {
                continue;
            }
            rule.applied += 1;
            return Some((i, rule.fault.clone()));
        }
        None
    }

    fn problem(&self, what: String) {
        lock(&self.problems).push(what);
    }
}

/// The proxy. It listens until dropped; dropping it also fails the test if a request broke
/// the protocol the proxy expects (see the module's documentation).
pub struct Proxy {
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    state: Arc<State>,
}

impl Proxy {
    /// A proxy in front of the test server, with a script.
    pub fn to_server(rules: Vec<Rule>) -> Proxy {
        Proxy::start(
            SocketAddr::from(([127, 0, 0, 1], super::server().port)),
            rules,
        )
    }

    /// A proxy in front of `upstream`, with a script.
    pub fn start(upstream: SocketAddr, rules: Vec<Rule>) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding the proxy");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(State {
            rules: Mutex::new(rules),
            hits: Mutex::new(Vec::new()),
            problems: Mutex::new(Vec::new()),
            injected: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
            capacity: AtomicUsize::new(0),
            in_flight: AtomicUsize::new(0),
        });
        let shared = state.clone();
        thread::spawn(move || {
            for (conn, stream) in listener.incoming().enumerate() {
                if shared.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let state = shared.clone();
                thread::spawn(move || {
                    if let Err(e) = serve(stream, conn, upstream, &state) {
                        state.problem(format!("connection #{conn}: {e}"));
                    }
                });
            }
        });
        Proxy { port, state }
    }

    /// `http://127.0.0.1:PORT`, for `--endpoint`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Replaces the script (and its counters) and starts a new record: the next command
    /// runs under new faults.
    pub fn set_rules(&self, rules: Vec<Rule>) {
        let mut current = lock(&self.state.rules);
        *current = rules;
        lock(&self.state.hits).clear();
    }

    /// Plays a server that takes at most `k` requests at once: while `k` are in flight
    /// (read, not yet answered), any other is answered 503 SlowDown without being forwarded
    /// (before the script is consulted). 0 lifts the limit.
    pub fn limit_in_flight(&self, k: usize) {
        self.state.capacity.store(k, Ordering::SeqCst);
    }

    /// How many requests the capacity turned away with SlowDown since the record began.
    pub fn over_capacity(&self) -> usize {
        self.hits()
            .iter()
            .filter(|h| h.action == OVER_CAPACITY)
            .count()
    }

    /// Every request seen so far, in order of arrival.
    pub fn hits(&self) -> Vec<Hit> {
        lock(&self.state.hits).clone()
    }

    /// The requests a fault was applied to.
    pub fn faults(&self) -> Vec<Hit> {
        self.hits().into_iter().filter(Hit::faulted).collect()
    }

    /// How many times rule `index` applied its fault.
    pub fn fired(&self, index: usize) -> usize {
        lock(&self.state.rules)[index].applied
    }

    /// The record, one request per line, for assertion messages.
    pub fn dump(&self) -> String {
        self.hits()
            .iter()
            .map(|h| format!("{h}\n"))
            .collect::<String>()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees `stop`.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        let problems = lock(&self.state.problems).clone();
        if !problems.is_empty() && !thread::panicking() {
            panic!("the proxy saw protocol problems:\n{}", problems.join("\n"));
        }
    }
}

/// A request as read from the client.
struct Request {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    /// Request line and headers, exactly as received.
    head: Vec<u8>,
    /// The body's Content-Length.
    length: usize,
    /// The body, once read (`read_body`).
    body: Vec<u8>,
    close: bool,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        header_of(&self.headers, name)
    }
}

/// A response as read from the server.
struct Response {
    status: u16,
    request_id: Option<String>,
    /// Status line and headers, exactly as received.
    head: Vec<u8>,
    /// The body, decoded if it came chunked.
    body: Vec<u8>,
    /// The body as it came on the wire.
    raw_body: Vec<u8>,
    chunked: bool,
    close: bool,
}

fn header_of<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The head of a request or response.
struct Head {
    /// The request or status line.
    start: String,
    headers: Vec<(String, String)>,
    /// All of it, exactly as received.
    raw: Vec<u8>,
}

/// Reads a head (start line and headers up to the blank line); `None` at a clean EOF.
fn read_head(reader: &mut impl BufRead) -> io::Result<Option<Head>> {
    let mut raw = Vec::new();
    let mut start = String::new();
    let mut headers = Vec::new();
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 {
            if raw.is_empty() {
                return Ok(None);
            }
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the connection closed inside a head",
            ));
        }
        raw.extend_from_slice(&line);
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if start.is_empty() {
            start = text.to_string();
            continue;
        }
        if text.is_empty() {
            return Ok(Some(Head {
                start,
                headers,
                raw,
            }));
        }
        if let Some((n, v)) = text.split_once(':') {
            headers.push((n.trim().to_string(), v.trim().to_string()));
        }
    }
}

fn content_length(headers: &[(String, String)]) -> io::Result<Option<usize>> {
    header_of(headers, "content-length")
        .map(|v| {
            v.parse()
                .map_err(|_| io::Error::other(format!("bad Content-Length {v:?}")))
        })
        .transpose()
}

fn wants_close(headers: &[(String, String)]) -> bool {
    header_of(headers, "connection").is_some_and(|v| v.eq_ignore_ascii_case("close"))
}

/// Reads a request's head; its body is left to `read_body`, so that a fault can cut it.
fn read_request(reader: &mut impl BufRead) -> io::Result<Option<Request>> {
    let Some(Head {
        start,
        headers,
        raw: head,
    }) = read_head(reader)?
    else {
        return Ok(None);
    };
    let mut parts = start.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    if let Some(te) = header_of(&headers, "transfer-encoding") {
        return Err(io::Error::other(format!(
            "{method} {target}: a request body with Transfer-Encoding: {te}"
        )));
    }
    if header_of(&headers, "expect").is_some() {
        return Err(io::Error::other(format!(
            "{method} {target}: a request with Expect:"
        )));
    }
    let length = content_length(&headers)?;
    if length.is_none() && matches!(method.as_str(), "PUT" | "POST") {
        return Err(io::Error::other(format!(
            "{method} {target}: a request without Content-Length"
        )));
    }
    let close = wants_close(&headers);
    Ok(Some(Request {
        method,
        target,
        headers,
        head,
        length: length.unwrap_or(0),
        body: Vec::new(),
        close,
    }))
}

/// Reads the first `len` bytes of a request's body (all of it unless a fault cuts it).
fn read_body(reader: &mut impl BufRead, req: &mut Request, len: usize) -> io::Result<()> {
    req.body = vec![0u8; len.min(req.length)];
    reader.read_exact(&mut req.body)
}

/// Reads a chunked body: returns it decoded and as received.
fn read_chunked(reader: &mut impl BufRead) -> io::Result<(Vec<u8>, Vec<u8>)> {
    let mut body = Vec::new();
    let mut raw = Vec::new();
    loop {
        let mut line = Vec::new();
        reader.read_until(b'\n', &mut line)?;
        raw.extend_from_slice(&line);
        let text = String::from_utf8_lossy(&line);
        let size = text.trim().split(';').next().unwrap_or("");
        let size = usize::from_str_radix(size, 16)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
        if size == 0 {
            // Trailers, up to the blank line.
            loop {
                let mut line = Vec::new();
                if reader.read_until(b'\n', &mut line)? == 0 {
                    return Ok((body, raw));
                }
                raw.extend_from_slice(&line);
                if line == b"\r\n" || line == b"\n" {
                    return Ok((body, raw));
                }
            }
        }
        let mut chunk = vec![0u8; size + 2];
        reader.read_exact(&mut chunk)?;
        raw.extend_from_slice(&chunk);
        body.extend_from_slice(&chunk[..size]);
    }
}

fn read_response(reader: &mut impl BufRead, method: &str) -> io::Result<Response> {
    let Head {
        start,
        headers,
        raw: head,
    } = read_head(reader)?.ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the server closed without answering",
        )
    })?;
    let status: u16 = start
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "bad status line"))?;
    let request_id = header_of(&headers, "x-amz-request-id").map(str::to_string);
    let mut close = wants_close(&headers);
    let chunked = header_of(&headers, "transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let (body, raw_body) = if method == "HEAD" || matches!(status, 100..=199 | 204 | 304) {
        (Vec::new(), Vec::new())
    } else if chunked {
        read_chunked(reader)?
    } else if let Some(len) = content_length(&headers)? {
        let mut body = vec![0u8; len];
        reader.read_exact(&mut body)?;
        (body.clone(), body)
    } else {
        // Delimited by the end of the connection.
        close = true;
        let mut body = Vec::new();
        reader.read_to_end(&mut body)?;
        (body.clone(), body)
    };
    Ok(Response {
        status,
        request_id,
        head,
        body,
        raw_body,
        chunked,
        close,
    })
}

/// Sends the request to the server on a fresh connection and reads the whole reply.
fn forward(upstream: SocketAddr, req: &Request, body: &[u8]) -> io::Result<Response> {
    let mut conn = TcpStream::connect_timeout(&upstream, Duration::from_secs(10))?;
    conn.set_nodelay(true)?;
    conn.set_read_timeout(Some(Duration::from_secs(60)))?;
    conn.write_all(&req.head)?;
    conn.write_all(body)?;
    conn.flush()?;
    read_response(&mut BufReader::new(conn), &req.method)
}

/// The wire bytes of `body` as (part of) a response body: as it is for a Content-Length
/// body; for a chunked one, one chunk announcing `announced` bytes, and the last chunk
/// when `finish`.
fn wire_body(resp: &Response, body: &[u8], announced: usize, finish: bool) -> Vec<u8> {
    if !resp.chunked {
        return body.to_vec();
    }
    let mut out = Vec::new();
    if announced > 0 {
        out.extend_from_slice(format!("{announced:x}\r\n").as_bytes());
        out.extend_from_slice(body);
        if finish {
            out.extend_from_slice(b"\r\n");
        }
    }
    if finish {
        out.extend_from_slice(b"0\r\n\r\n");
    }
    out
}

/// Closes a connection with a reset (RST) rather than an orderly FIN: SO_LINGER with a
/// zero timeout, then close. The caller must drop every handle of the socket.
fn set_reset_on_close(stream: &TcpStream) {
    use std::os::fd::AsRawFd;
    let linger = libc::linger {
        l_onoff: 1,
        l_linger: 0,
    };
    // SAFETY: the fd is an open socket owned by `stream`; the option value is a valid
    // `linger` of the size given.
    unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            (&linger as *const libc::linger).cast(),
            std::mem::size_of::<libc::linger>() as libc::socklen_t,
        );
    }
}

/// An S3 error document with a request id of the proxy's own.
fn error_reply(state: &State, req: &Request, status: u16, code: &str) -> (Vec<u8>, String) {
    let n = state.injected.fetch_add(1, Ordering::SeqCst);
    let id = format!("proxy-{status}-{n}");
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{code} injected by the test proxy</Message><RequestId>{id}</RequestId></Error>"
    );
    let reason = match status {
        200 => "OK",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Injected",
    };
    let mut out = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nx-amz-request-id: {id}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    if req.method != "HEAD" {
        out.extend_from_slice(body.as_bytes());
    }
    (out, id)
}

/// Writes to the client; false when it has gone (it gave up on the request: no problem).
fn send(out: &mut TcpStream, parts: &[&[u8]]) -> bool {
    parts.iter().all(|p| out.write_all(p).is_ok()) && out.flush().is_ok()
}

/// Answers a request the capacity turns away with 503 SlowDown, and records it; false when
/// the client has gone.
fn turn_away(state: &State, req: &Request, conn: usize, out: &mut TcpStream) -> bool {
    let (reply, id) = error_reply(state, req, 503, "SlowDown");
    lock(&state.hits).push(Hit {
        conn,
        method: req.method.clone(),
        target: req.target.clone(),
        headers: req.headers.clone(),
        body_len: req.body.len(),
        rule: None,
        action: OVER_CAPACITY.to_string(),
        status: Some(503),
        request_id: Some(id),
    });
    send(out, &[&reply])
}

/// Serves one client connection, request after request, until it closes or a fault ends
/// it. Errors are protocol problems (the client's or the server's), not the client going
/// away.
fn serve(client: TcpStream, conn: usize, upstream: SocketAddr, state: &State) -> io::Result<()> {
    client.set_nodelay(true)?;
    let mut reader = BufReader::new(client.try_clone()?);
    let mut out = client;
    loop {
        let mut req = match read_request(&mut reader) {
            Ok(Some(req)) => req,
            Ok(None) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::Other => return Err(e),
            // objcmd closing or resetting a connection it gave up on.
            Err(_) => return Ok(()),
        };
        let Some(_in_flight) = InFlight::enter(state) else {
            // The body is read first: left in the stream, it would be taken for the next
            // request of this connection.
            if read_body(&mut reader, &mut req, usize::MAX).is_err()
                || !turn_away(state, &req, conn, &mut out)
            {
                return Ok(());
            }
            continue;
        };
        let decision = state.decide(&req);
        let cut = match &decision {
            Some((_, Fault::ResetInBody { after })) => *after,
            _ => usize::MAX,
        };
        if read_body(&mut reader, &mut req, cut).is_err() {
            // objcmd gave up on the request while sending it.
            return Ok(());
        }
        let mut hit = Hit {
            conn,
            method: req.method.clone(),
            target: req.target.clone(),
            headers: req.headers.clone(),
            body_len: req.body.len(),
            rule: decision.as_ref().map(|(i, _)| *i),
            action: decision
                .as_ref()
                .map_or_else(|| "pass".to_string(), |(_, f)| f.label()),
            status: None,
            request_id: None,
        };
        let fault = decision.map(|(_, f)| f);
        // Faults that answer without the server.
        match &fault {
            Some(Fault::ResetRequest | Fault::ResetInBody { .. }) => {
                lock(&state.hits).push(hit);
                set_reset_on_close(&out);
                return Ok(());
            }
            Some(Fault::Stall(how_long)) => {
                lock(&state.hits).push(hit);
                thread::sleep(*how_long);
                let _ = out.shutdown(Shutdown::Both);
                return Ok(());
            }
            Some(Fault::Status { status, code }) => {
                let (reply, id) = error_reply(state, &req, *status, code);
                hit.status = Some(*status);
                hit.request_id = Some(id);
                lock(&state.hits).push(hit);
                if !send(&mut out, &[&reply]) {
                    return Ok(());
                }
                continue;
            }
            Some(Fault::ErrorIn200 { code }) => {
                let (reply, id) = error_reply(state, &req, 200, code);
                hit.status = Some(200);
                hit.request_id = Some(id);
                lock(&state.hits).push(hit);
                if !send(&mut out, &[&reply]) {
                    return Ok(());
                }
                continue;
            }
            _ => {}
        }
        // The others go to the server.
        let mut body = req.body.clone();
        if let Some(Fault::CorruptRequest { at }) = fault
            && let Some(last) = body.len().checked_sub(1)
        {
            body[at.min(last)] ^= 0x01;
        }
        let resp = match forward(upstream, &req, &body) {
            Ok(resp) => resp,
            Err(e) => {
                hit.action = format!("{} (upstream error: {e})", hit.action);
                lock(&state.hits).push(hit);
                set_reset_on_close(&out);
                return Err(io::Error::other(format!(
                    "forwarding {} {}: {e}",
                    req.method, req.target
                )));
            }
        };
        hit.status = Some(resp.status);
        hit.request_id = resp.request_id.clone();
        lock(&state.hits).push(hit);
        match fault {
            None | Some(Fault::CorruptRequest { .. }) => {
                if !send(&mut out, &[&resp.head, &resp.raw_body]) {
                    return Ok(());
                }
            }
            Some(Fault::Corrupt { at }) => {
                let mut body = resp.body.clone();
                if let Some(last) = body.len().checked_sub(1) {
                    body[at.min(last)] ^= 0x01;
                }
                let wire = wire_body(&resp, &body, body.len(), true);
                if !send(&mut out, &[&resp.head, &wire]) {
                    return Ok(());
                }
            }
            Some(Fault::LoseResponse) => {
                set_reset_on_close(&out);
                return Ok(());
            }
            Some(Fault::ResetResponse { after } | Fault::Truncate { after }) => {
                let sent = &resp.body[..after.min(resp.body.len())];
                let wire = wire_body(&resp, sent, resp.body.len(), false);
                send(&mut out, &[&resp.head, &wire]);
                if matches!(fault, Some(Fault::ResetResponse { .. })) {
                    // A moment for the client to take what was sent: a reset discards
                    // what is still unread in its socket.
                    thread::sleep(Duration::from_millis(100));
                    set_reset_on_close(&out);
                } else {
                    let _ = out.shutdown(Shutdown::Both);
                }
                return Ok(());
            }
            Some(_) => unreachable!("answered above"),
        }
        if req.close || resp.close {
            let _ = out.shutdown(Shutdown::Both);
            return Ok(());
        }
    }
}
