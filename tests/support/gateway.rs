//! An OSS or KS3 gateway on loopback in front of the suite's radosgw, so that objcmd's
//! OSS and KS3 dialects run end to end although no such server can run here.
//!
//! It accepts requests exactly as the real services receive them (virtual host
//! `BUCKET.oss.localhost:PORT`, path style, or service level), verifies every signature,
//! expiry and security token with its own verifier ([`verify`], never objcmd's signer),
//! translates the request to S3 (path style, `x-amz-*` headers, S3 Signature V2 with
//! radosgw's keys) and the reply back (dialect headers and request ids, OSS's canned-only
//! ACL XML, CRC-64 headers). Plain std threads and blocking sockets, like `fake.rs`.

pub mod verify;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

pub use verify::{Credentials, Dialect, Target, Verified};

use objcmd::client::Dialect as ClientDialect;
use objcmd::client::{dialect, sign};
use objcmd::secret::Secret;

use super::server::{Server, server};

/// The gateway's access key (objcmd signs with it; radosgw never sees it).
pub const ACCESS_KEY: &str = "GATEWAYAK";
/// The gateway's secret key, with the characters that break careless encoders.
pub const SECRET_KEY: &str = "gateway/secret+key=";

/// A request the gateway received, and how it was authenticated.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub host: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    /// `header`, `presigned`, `anonymous` or `denied: CODE`.
    pub verified: String,
    /// The status the gateway answered with.
    pub status: String,
    /// The headers the gateway answered with (after translation).
    pub reply_headers: Vec<(String, String)>,
}

impl Seen {
    /// The last value of a request header.
    pub fn header(&self, name: &str) -> Option<&str> {
        verify::header(&self.headers, name)
    }

    /// The last value of a reply header.
    pub fn reply_header(&self, name: &str) -> Option<&str> {
        verify::header(&self.reply_headers, name)
    }
}

struct State {
    dialect: Dialect,
    base_host: String,
    creds: Mutex<Credentials>,
    upstream: Server,
    corrupt_crc: AtomicBool,
    corrupt_body: AtomicBool,
    seen: Mutex<Vec<Seen>>,
    /// Whole-object CRC-64 by ETag.
    crcs: Mutex<HashMap<String, u64>>,
    next_id: AtomicU64,
}

/// The gateway; its listener thread lives as long as the test process.
pub struct Gateway {
    port: u16,
    state: Arc<State>,
}

impl Gateway {
    /// Starts a gateway for `dialect` with [`ACCESS_KEY`] and [`SECRET_KEY`], in front of the
    /// suite's radosgw (started on first use).
    pub fn start(dialect: Dialect) -> Gateway {
        let upstream = server().clone();
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding the gateway");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(State {
            dialect,
            base_host: format!("{}.localhost", dialect.name()),
            creds: Mutex::new(Credentials {
                access_key: ACCESS_KEY.to_string(),
                secret_key: SECRET_KEY.to_string(),
                security_token: None,
            }),
            upstream,
            corrupt_crc: AtomicBool::new(false),
            corrupt_body: AtomicBool::new(false),
            seen: Mutex::new(Vec::new()),
            crcs: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
        });
        let s = state.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { break };
                let s = s.clone();
                thread::spawn(move || serve(stream, &s));
            }
        });
        Gateway { port, state }
    }

    /// The dialect.
    pub fn dialect(&self) -> Dialect {
        self.state.dialect
    }

    /// `http://oss.localhost:PORT` (or `ks3.`).
    pub fn endpoint(&self) -> String {
        format!("http://{}:{}", self.state.base_host, self.port)
    }

    /// The port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The URL of an object, virtual-host style, for curl (with `--resolve`, see
    /// [`Gateway::curl_resolve`]).
    pub fn object_url(&self, bucket: &str, key: &str) -> String {
        let key = match self.state.dialect {
            Dialect::Oss => verify::encode(key, ""),
            Dialect::Ks3 => verify::encode(key, "/"),
        };
        format!(
            "http://{bucket}.{}:{}/{key}",
            self.state.base_host, self.port
        )
    }

    /// curl's `--resolve` argument for a bucket's virtual host.
    pub fn curl_resolve(&self, bucket: &str) -> String {
        format!("{bucket}.{}:{}:127.0.0.1", self.state.base_host, self.port)
    }

    /// objcmd's global arguments for this gateway: provider, endpoint, virtual-host
    /// addressing with `--resolve`, and the gateway's keys.
    pub fn args(&self) -> Vec<String> {
        let creds = self.state.creds.lock().unwrap().clone();
        [
            "--provider",
            self.state.dialect.name(),
            "--endpoint",
            &self.endpoint(),
            "--addressing",
            "virtual",
            "--resolve",
            "*.localhost:127.0.0.1",
            "--access-key",
            &creds.access_key,
            "--secret-key",
            &creds.secret_key,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// Requires (Some) or stops requiring (None) this security token on signed requests.
    pub fn require_security_token(&self, token: Option<&str>) {
        self.state.creds.lock().unwrap().security_token = token.map(str::to_string);
    }

    /// Sends wrong CRC-64 headers (and KS3 `<ChecksumCRC64ECMA>`) from now on.
    pub fn corrupt_crc(&self, on: bool) {
        self.state.corrupt_crc.store(on, Ordering::SeqCst);
    }

    /// Flips a byte of every GET body from now on.
    pub fn corrupt_body(&self, on: bool) {
        self.state.corrupt_body.store(on, Ordering::SeqCst);
    }

    /// The requests received so far.
    pub fn requests(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }
}

/// An HTTP message head and body.
struct Message {
    start: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn read_head(reader: &mut impl BufRead) -> Option<(String, Vec<(String, String)>)> {
    let mut start = String::new();
    if reader.read_line(&mut start).ok()? == 0 {
        return None;
    }
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).ok()? == 0 {
            return None;
        }
        let h = h.trim_end_matches(['\r', '\n']);
        if h.is_empty() {
            break;
        }
        if let Some((n, v)) = h.split_once(':') {
            headers.push((n.trim().to_string(), v.trim().to_string()));
        }
    }
    Some((start.trim_end().to_string(), headers))
}

/// Reads a body by Content-Length, chunked encoding, or (replies only) to the end.
fn read_body(
    reader: &mut impl BufRead,
    headers: &[(String, String)],
    to_end: bool,
) -> Option<Vec<u8>> {
    let chunked = verify::header(headers, "transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"));
    if chunked {
        let mut body = Vec::new();
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).ok()?;
            let size = usize::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
            if size == 0 {
                let mut trailer = String::new();
                while reader.read_line(&mut trailer).ok()? > 2 {
                    trailer.clear();
                }
                return Some(body);
            }
            let start = body.len();
            body.resize(start + size, 0);
            reader.read_exact(&mut body[start..]).ok()?;
            let mut crlf = [0u8; 2];
            reader.read_exact(&mut crlf).ok()?;
        }
    }
    match verify::header(headers, "content-length").and_then(|v| v.parse::<usize>().ok()) {
        Some(len) => {
            let mut body = vec![0u8; len];
            reader.read_exact(&mut body).ok()?;
            Some(body)
        }
        None if to_end => {
            let mut body = Vec::new();
            reader.read_to_end(&mut body).ok()?;
            Some(body)
        }
        None => Some(Vec::new()),
    }
}

fn serve(stream: TcpStream, state: &State) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let Some((start, headers)) = read_head(&mut reader) else {
            return;
        };
        if verify::header(&headers, "expect")
            .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
            && writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").is_err()
        {
            return;
        }
        let Some(body) = read_body(&mut reader, &headers, false) else {
            return;
        };
        let request = Message {
            start,
            headers,
            body,
        };
        let method = request.start.split(' ').next().unwrap_or("").to_string();
        let reply = handle(state, &request);
        let mut head = format!("HTTP/1.1 {} Gateway\r\n", reply.start);
        for (n, v) in &reply.headers {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        if verify::header(&reply.headers, "content-length").is_none() {
            head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
        }
        head.push_str("\r\n");
        if writer.write_all(head.as_bytes()).is_err() {
            return;
        }
        if method != "HEAD" && writer.write_all(&reply.body).is_err() {
            return;
        }
        let _ = writer.flush();
    }
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn http_date() -> String {
    jiff::Timestamp::now()
        .strftime("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The dialect's error reply, with `<RequestId>` and the request-id header.
fn error_reply(state: &State, status: u16, code: &str, message: &str, extra: &str) -> Message {
    let id = format!("GW{:016X}", state.next_id.fetch_add(1, Ordering::SeqCst));
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{}</Message>{extra}<RequestId>{id}</RequestId><HostId>{}</HostId></Error>",
        xml_escape(message),
        state.base_host
    );
    Message {
        start: format!("{status}"),
        headers: vec![
            ("Content-Type".to_string(), "application/xml".to_string()),
            (state.dialect.request_id_header().to_string(), id),
        ],
        body: body.into_bytes(),
    }
}

fn handle(state: &State, request: &Message) -> Message {
    let mut words = request.start.split(' ');
    let method = words.next().unwrap_or("").to_string();
    let request_target = words.next().unwrap_or("/").to_string();
    let host = verify::header(&request.headers, "host")
        .unwrap_or("")
        .to_string();
    let target = verify::parse_target(&state.base_host, &host, &request_target);
    let creds = state.creds.lock().unwrap().clone();
    let verified = verify::verify(
        state.dialect,
        &creds,
        &method,
        &target,
        &request.headers,
        now(),
    );
    let verified_as = match &verified {
        Ok(Verified::Header) => "header".to_string(),
        Ok(Verified::Presigned) => "presigned".to_string(),
        Ok(Verified::Anonymous) => "anonymous".to_string(),
        Err(d) => format!("denied: {}", d.code),
    };
    let reply = answer(state, &method, &target, request, &creds, verified);
    state.seen.lock().unwrap().push(Seen {
        method,
        host,
        target: request_target,
        headers: request.headers.clone(),
        verified: verified_as,
        status: reply.start.clone(),
        reply_headers: reply.headers.clone(),
    });
    reply
}

fn answer(
    state: &State,
    method: &str,
    target: &Target,
    request: &Message,
    creds: &Credentials,
    verified: Result<Verified, verify::Denied>,
) -> Message {
    let verified = match verified {
        Ok(v) => v,
        Err(d) => {
            let extra = match &d.string_to_sign {
                Some(sts) => format!(
                    "<{}>{}</{0}><StringToSign>{}</StringToSign>",
                    state.dialect.access_key_param(),
                    xml_escape(&creds.access_key),
                    xml_escape(sts)
                ),
                None => String::new(),
            };
            return error_reply(state, 403, d.code, &d.message, &extra);
        }
    };
    match forward(
        state,
        method,
        target,
        request,
        verified != Verified::Anonymous,
    ) {
        Ok(reply) => reply,
        Err(e) => error_reply(state, 502, "GatewayError", &e, ""),
    }
}

/// Query parameters that only authenticate the dialect's request.
fn is_auth_param(dialect: Dialect, name: &str) -> bool {
    name == dialect.access_key_param()
        || name == "Expires"
        || name == "Signature"
        || name == dialect.token_param()
}

/// One request to radosgw, signed with its keys (S3 V2) unless anonymous.
struct Upstream<'a> {
    method: &'a str,
    bucket: Option<&'a str>,
    key: &'a str,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: &'a [u8],
    signed: bool,
}

fn send_upstream(state: &State, up: &Upstream) -> Result<Message, String> {
    // The leg to radosgw is plain S3 V2, signed by objcmd's own signer (which radosgw and
    // the S3 vectors check); only the gateway's verifier of OSS/KS3 must be independent.
    let s = &state.upstream;
    let path = match up.bucket {
        None => "/".to_string(),
        Some(b) => format!("/{b}/{}", dialect::encode_keep_slash(up.key)),
    };
    let query = match sign::encode_query(&up.query) {
        q if q.is_empty() => q,
        q => format!("?{q}"),
    };
    let mut headers = up.headers.clone();
    headers.push(("Date".to_string(), http_date()));
    if up.signed {
        let credentials = sign::Credentials {
            access_key: s.access_key.clone(),
            secret_key: Secret::new(s.secret_key.clone()),
            security_token: None,
        };
        let parts = sign::SignParts {
            method: up.method,
            bucket: up.bucket,
            key: up.key,
            query: &up.query,
            headers: &headers,
        };
        let (auth, _) = sign::authorization(ClientDialect::S3, &credentials, &parts);
        headers.push(("Authorization".to_string(), auth));
    }
    let mut stream = TcpStream::connect(("127.0.0.1", s.port)).map_err(|e| e.to_string())?;
    let mut head = format!(
        "{} {path}{query} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Length: {}\r\n",
        up.method,
        s.port,
        up.body.len()
    );
    for (n, v) in &headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream
        .write_all(head.as_bytes())
        .and_then(|_| stream.write_all(up.body))
        .map_err(|e| format!("writing to radosgw: {e}"))?;
    let mut reader = BufReader::new(stream);
    let (start, headers) = read_head(&mut reader).ok_or("no reply from radosgw")?;
    let status = start.split(' ').nth(1).unwrap_or("502").to_string();
    let no_body = up.method == "HEAD" || status == "204" || status == "304";
    let body = if no_body {
        Vec::new()
    } else {
        read_body(&mut reader, &headers, true).ok_or("reading radosgw's body")?
    };
    Ok(Message {
        start: status,
        headers,
        body,
    })
}

/// A request header translated to S3, or None to drop it.
fn request_header(dialect: Dialect, name: &str, value: &str) -> Option<(String, String)> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "host" | "authorization" | "date" | "connection" | "content-length"
        | "transfer-encoding" | "expect" | "user-agent" | "accept-encoding" | "keep-alive" => {
            return None;
        }
        _ => {}
    }
    let Some(rest) = lower.strip_prefix(dialect.prefix()) else {
        return Some((name.to_string(), value.to_string()));
    };
    match rest {
        "security-token" | "date" => None,
        // OSS: `default` means "inherit the bucket's ACL", which is S3's behaviour without
        // the header.
        "object-acl" if value == "default" => None,
        "object-acl" | "acl" => Some(("x-amz-acl".to_string(), value.to_string())),
        // OSS names KMS encryption and its key its own way (oss2's headers.py).
        "server-side-encryption" if dialect == Dialect::Oss && value == "KMS" => Some((
            "x-amz-server-side-encryption".to_string(),
            "aws:kms".to_string(),
        )),
        "server-side-encryption-key-id" if dialect == Dialect::Oss => Some((
            "x-amz-server-side-encryption-aws-kms-key-id".to_string(),
            value.to_string(),
        )),
        _ => Some((format!("x-amz-{rest}"), value.to_string())),
    }
}

/// A reply header's name and value in the dialect, from radosgw's `x-amz-{rest}`.
fn reply_header(dialect: Dialect, rest: &str, value: &str) -> (String, String) {
    match (dialect, rest) {
        (Dialect::Oss, "server-side-encryption") if value == "aws:kms" => (
            "x-oss-server-side-encryption".to_string(),
            "KMS".to_string(),
        ),
        (Dialect::Oss, "server-side-encryption-aws-kms-key-id") => (
            "x-oss-server-side-encryption-key-id".to_string(),
            value.to_string(),
        ),
        _ => (format!("{}{rest}", dialect.prefix()), value.to_string()),
    }
}

fn crc64(data: &[u8]) -> u64 {
    let mut d = crc64fast::Digest::new();
    d.write(data);
    d.sum64()
}

fn forward(
    state: &State,
    method: &str,
    target: &Target,
    request: &Message,
    signed: bool,
) -> Result<Message, String> {
    let dialect = state.dialect;
    let query: Vec<(String, String)> = target
        .query
        .iter()
        .filter(|(n, _)| !is_auth_param(dialect, n))
        .cloned()
        .collect();
    let headers: Vec<(String, String)> = request
        .headers
        .iter()
        .filter_map(|(n, v)| request_header(dialect, n, v))
        .collect();
    let has = |name: &str| target.query.iter().any(|(n, _)| n == name);
    let is_object = target.bucket.is_some() && !target.key.is_empty();
    let sse_c: Vec<(String, String)> = headers
        .iter()
        .filter(|(n, _)| {
            n.to_ascii_lowercase()
                .starts_with("x-amz-server-side-encryption-customer-")
        })
        .cloned()
        .collect();
    let mut body = request.body.clone();
    if dialect == Dialect::Ks3 && has("acl") && !body.is_empty() {
        body = String::from_utf8_lossy(&body)
            .replace(KS3_ALL_USERS, S3_ALL_USERS)
            .into_bytes();
    }
    let up = Upstream {
        method,
        bucket: target.bucket.as_deref(),
        key: &target.key,
        query,
        headers,
        body: &body,
        signed,
    };
    let reply = send_upstream(state, &up)?;
    let ok = reply.start.starts_with('2');
    let mut out_headers = Vec::new();
    let mut crc: Option<u64> = None;
    for (n, v) in &reply.headers {
        let lower = n.to_ascii_lowercase();
        match lower.as_str() {
            // A HEAD reply announces the object's length without a body.
            "content-length" if method == "HEAD" => out_headers.push((n.clone(), v.clone())),
            "content-length" | "transfer-encoding" | "connection" | "x-amz-id-2" => {}
            "x-amz-request-id" => {
                out_headers.push((dialect.request_id_header().to_string(), v.clone()))
            }
            _ => match lower.strip_prefix("x-amz-") {
                Some(rest) => out_headers.push(reply_header(dialect, rest, v)),
                None => out_headers.push((n.clone(), v.clone())),
            },
        }
    }
    let mut body = reply.body;
    let etag = verify::header(&reply.headers, "etag").map(str::to_string);
    let copy = verify::header(
        &request.headers,
        &format!("{}copy-source", dialect.prefix()),
    )
    .is_some();
    if ok && is_object {
        match method {
            "PUT" if !copy && !has("acl") => {
                crc = Some(crc64(&request.body));
                if !has("partNumber")
                    && let Some(etag) = &etag
                {
                    state
                        .crcs
                        .lock()
                        .unwrap()
                        .insert(etag.clone(), crc.unwrap());
                }
            }
            "GET" | "HEAD" if !has("acl") && !has("uploadId") => {
                let whole = method == "GET" && reply.start == "200";
                crc = match (&etag, whole) {
                    (Some(etag), true) => {
                        let c = crc64(&body);
                        state.crcs.lock().unwrap().insert(etag.clone(), c);
                        Some(c)
                    }
                    (Some(etag), false) => Some(object_crc(state, target, etag, &sse_c)?),
                    (None, _) => None,
                };
                if method == "GET" && state.corrupt_body.load(Ordering::SeqCst) && !body.is_empty()
                {
                    let i = body.len() / 2;
                    body[i] ^= 0x01;
                }
            }
            "POST" if has("uploadId") && !body_is_error(&body) => {
                let etag = xml_text(&body, "ETag").ok_or("Complete's reply has no ETag")?;
                let c = object_crc(state, target, &etag, &sse_c)?;
                crc = Some(c);
                if dialect == Dialect::Ks3 {
                    let c = shown_crc(state, c);
                    let text = String::from_utf8_lossy(&body).replace(
                        "</CompleteMultipartUploadResult>",
                        &format!("<ChecksumCRC64ECMA>{c}</ChecksumCRC64ECMA></CompleteMultipartUploadResult>"),
                    );
                    body = text.into_bytes();
                }
            }
            _ => {}
        }
    }
    if let Some(c) = crc {
        out_headers.push((
            dialect.crc_header().to_string(),
            shown_crc(state, c).to_string(),
        ));
    }
    if ok && method == "GET" && has("acl") && target.bucket.is_some() {
        body = match dialect {
            Dialect::Oss => oss_acl(&body).into_bytes(),
            Dialect::Ks3 => String::from_utf8_lossy(&body)
                .replace(S3_ALL_USERS, KS3_ALL_USERS)
                .into_bytes(),
        };
    }
    Ok(Message {
        start: reply.start,
        headers: out_headers,
        body,
    })
}

fn shown_crc(state: &State, crc: u64) -> u64 {
    if state.corrupt_crc.load(Ordering::SeqCst) {
        crc ^ 0x5A5A
    } else {
        crc
    }
}

fn body_is_error(body: &[u8]) -> bool {
    String::from_utf8_lossy(body).contains("<Error>")
}

/// The text of the first element with this local name.
fn xml_text(body: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    // radosgw, like S3, pads the reply of a slow Complete with whitespace before the
    // document, which no XML parser takes.
    let doc = roxmltree::Document::parse(text.trim_start()).ok()?;
    doc.descendants()
        .find(|n| n.tag_name().name() == name)
        .and_then(|n| n.text())
        .map(|t| t.trim().to_string())
}

/// The whole object's CRC-64, cached by ETag; fetched from radosgw when not cached.
/// `sse_c`: the customer-key headers of the request, which a GET of an SSE-C object needs.
fn object_crc(
    state: &State,
    target: &Target,
    etag: &str,
    sse_c: &[(String, String)],
) -> Result<u64, String> {
    let etag = if etag.starts_with('"') {
        etag.to_string()
    } else {
        format!("\"{etag}\"")
    };
    if let Some(c) = state.crcs.lock().unwrap().get(&etag) {
        return Ok(*c);
    }
    let reply = send_upstream(
        state,
        &Upstream {
            method: "GET",
            bucket: target.bucket.as_deref(),
            key: &target.key,
            query: Vec::new(),
            headers: sse_c.to_vec(),
            body: &[],
            signed: true,
        },
    )?;
    if !reply.start.starts_with('2') {
        return Err(format!(
            "fetching the object for its CRC: HTTP {}",
            reply.start
        ));
    }
    let c = crc64(&reply.body);
    let got = verify::header(&reply.headers, "etag")
        .unwrap_or("")
        .to_string();
    state.crcs.lock().unwrap().insert(got, c);
    Ok(c)
}

const S3_ALL_USERS: &str = "http://acs.amazonaws.com/groups/global/AllUsers";
const KS3_ALL_USERS: &str = "http://acs.ksyun.com/groups/global/AllUsers";

/// OSS's canned-only ACL document (§6), derived from S3 grants: AllUsers READ is
/// public-read, READ and WRITE public-read-write, anything else private.
fn oss_acl(s3_body: &[u8]) -> String {
    let text = String::from_utf8_lossy(s3_body);
    let (mut read, mut write) = (false, false);
    let (mut owner_id, mut owner_name) = (String::new(), String::new());
    if let Ok(doc) = roxmltree::Document::parse(&text) {
        if let Some(owner) = doc.descendants().find(|n| n.tag_name().name() == "Owner") {
            for c in owner.children() {
                match c.tag_name().name() {
                    "ID" => owner_id = c.text().unwrap_or("").to_string(),
                    "DisplayName" => owner_name = c.text().unwrap_or("").to_string(),
                    _ => {}
                }
            }
        }
        for grant in doc.descendants().filter(|n| n.tag_name().name() == "Grant") {
            let all_users = grant
                .descendants()
                .any(|n| n.tag_name().name() == "URI" && n.text() == Some(S3_ALL_USERS));
            let permission = grant
                .descendants()
                .find(|n| n.tag_name().name() == "Permission")
                .and_then(|n| n.text())
                .unwrap_or("");
            if all_users {
                read |= permission == "READ" || permission == "FULL_CONTROL";
                write |= permission == "WRITE" || permission == "FULL_CONTROL";
            }
        }
    }
    let canned = match (read, write) {
        (true, true) => "public-read-write",
        (true, false) => "public-read",
        _ => "private",
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AccessControlPolicy><Owner><ID>{}</ID><DisplayName>{}</DisplayName></Owner><AccessControlList><Grant>{canned}</Grant></AccessControlList></AccessControlPolicy>",
        xml_escape(&owner_id),
        xml_escape(&owner_name)
    )
}
