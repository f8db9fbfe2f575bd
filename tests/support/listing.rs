//! A loopback stand-in for an S3 bucket of any number of keys (10^5 .. 10^7) that stores
//! none of them: each listing page is generated from its position, so the server's memory
//! stays flat and only objcmd's is measured. It answers ListObjects (v1, with markers, what
//! objcmd sends) and ListObjectsV2 (continuation tokens), 1,000 keys a page, and
//! DeleteObjects with success for every key (it counts the `<Key>` elements and keeps
//! nothing). Signatures are not checked. The tests (tests/cases/listing_memory.rs) and the
//! benchmark (scripts/bench-listing.sh, through examples/listing_server.rs) serve the same
//! pages from this one file.
//!
//! A prefix `p/` of `count` keys with `step` s holds the keys `p/` + the number `i * s` in
//! 11 digits, for `i` in `0..count`: sorted, and two prefixes with different steps share
//! every key whose number both produce (what `sync` compares).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// Keys per page, as S3's own limit.
pub const PAGE: u64 = 1000;

/// The Last-Modified of every key: one instant, so that sync finds keys of the same number
/// under two prefixes up to date.
pub const LAST_MODIFIED: &str = "2026-01-01T00:00:00.000Z";

/// One synthetic prefix.
#[derive(Clone, Debug)]
pub struct Prefix {
    /// The prefix, as objcmd lists it (`p/`).
    pub name: String,
    /// How many keys it holds.
    pub count: u64,
    /// The distance between the numbers of two neighbouring keys.
    pub step: u64,
}

impl Prefix {
    /// `count` keys numbered 0, `step`, 2 `step`...
    pub fn new(name: &str, count: u64, step: u64) -> Prefix {
        assert!(step > 0, "a step of 0 would repeat one key");
        Prefix {
            name: name.to_string(),
            count,
            step,
        }
    }

    /// Its `i`th key.
    pub fn key(&self, i: u64) -> String {
        format!("{}{:011}", self.name, i * self.step)
    }

    /// The index of the first key after `marker` (S3's `marker` and `start-after`).
    fn after(&self, marker: &str) -> u64 {
        match marker.strip_prefix(&self.name).map(str::parse::<u64>) {
            Some(Ok(n)) => (n / self.step + 1).min(self.count),
            // Not one of our keys: before them all, or after.
            _ if marker < self.name.as_str() => 0,
            _ => self.count,
        }
    }
}

/// The size of the key numbered `n`: 1 to 4096 bytes.
pub fn size_of(n: u64) -> u64 {
    n % 4096 + 1
}

/// The ETag of the key numbered `n`: 32 hex digits, as an MD5 ETag looks.
pub fn etag_of(n: u64) -> String {
    format!("{:016x}{:016x}", n, n.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// What the server was asked, counted.
#[derive(Debug, Default)]
pub struct Counters {
    /// Listing pages served.
    pub pages: AtomicU64,
    /// Keys listed in them.
    pub listed: AtomicU64,
    /// DeleteObjects requests.
    pub delete_requests: AtomicU64,
    /// Keys they named.
    pub deleted: AtomicU64,
    /// Requests of any other kind (answered 501), the first few kept in `unexpected`.
    pub other: AtomicU64,
    /// The first 20 requests of another kind: `METHOD TARGET`.
    pub unexpected: Mutex<Vec<String>>,
}

impl std::fmt::Display for Counters {
    /// `name value` lines, what [`COUNTERS_PATH`] answers.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let load = |n: &AtomicU64| n.load(Ordering::Relaxed);
        writeln!(f, "pages {}", load(&self.pages))?;
        writeln!(f, "listed {}", load(&self.listed))?;
        writeln!(f, "delete_requests {}", load(&self.delete_requests))?;
        writeln!(f, "deleted {}", load(&self.deleted))?;
        writeln!(f, "other {}", load(&self.other))?;
        for request in self
            .unexpected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            writeln!(f, "unexpected {request}")?;
        }
        Ok(())
    }
}

/// A GET of this path answers the counters as `name value` lines, for the benchmark's
/// checks (no bucket has this name: S3 bucket names have no `_`).
pub const COUNTERS_PATH: &str = "/_counters";

/// The server; it stops accepting when the process ends.
pub struct ListingServer {
    /// Its port on 127.0.0.1.
    pub port: u16,
    /// What it was asked.
    pub counters: Arc<Counters>,
}

impl ListingServer {
    /// Starts a server on a free port of 127.0.0.1 serving `prefixes` (of any bucket).
    pub fn start(prefixes: Vec<Prefix>) -> ListingServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        ListingServer::serve(listener, prefixes)
    }

    /// Serves `prefixes` on `listener`, on a thread per connection.
    pub fn serve(listener: TcpListener, prefixes: Vec<Prefix>) -> ListingServer {
        let port = listener.local_addr().expect("a bound address").port();
        let counters = Arc::new(Counters::default());
        let (c, p) = (counters.clone(), Arc::new(prefixes));
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (c, p) = (c.clone(), p.clone());
                thread::spawn(move || serve_connection(stream, &p, &c));
            }
        });
        ListingServer { port, counters }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// One counter's value.
    pub fn count(&self, counter: impl Fn(&Counters) -> &AtomicU64) -> u64 {
        counter(&self.counters).load(Ordering::Relaxed)
    }

    /// The requests of another kind than listing and DeleteObjects.
    pub fn unexpected(&self) -> Vec<String> {
        self.counters
            .unexpected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// One request, as far as this server reads it.
struct Request {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn has(&self, name: &str) -> bool {
        self.param(name).is_some()
    }
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(&s.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

/// Reads one request; `None` at the end of the connection or on garbage.
fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut words = line.split_whitespace();
    let method = words.next()?.to_string();
    let target = words.next()?;
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let query = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(n), decode(v))
        })
        .collect();
    let mut len = 0usize;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).ok()? == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((n, v)) = h.split_once(':')
            && n.trim().eq_ignore_ascii_case("content-length")
        {
            len = v.trim().parse().ok()?;
        }
    }
    let mut body = vec![0u8; len];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        path: decode(path),
        query,
        body,
    })
}

fn serve_connection(stream: TcpStream, prefixes: &[Prefix], counters: &Counters) {
    let Ok(clone) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(clone);
    let mut writer = std::io::BufWriter::new(stream);
    while let Some(req) = read_request(&mut reader) {
        let (status, body) = answer(&req, prefixes, counters);
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nx-amz-request-id: listing-stand-in\r\n\r\n",
            body.len()
        );
        let sent = writer.write_all(head.as_bytes()).and_then(|()| {
            if req.method != "HEAD" {
                writer.write_all(body.as_bytes())?;
            }
            writer.flush()
        });
        if sent.is_err() {
            return;
        }
    }
}

/// The reply to one request: its status line's tail and body.
fn answer(req: &Request, prefixes: &[Prefix], counters: &Counters) -> (&'static str, String) {
    if req.path == COUNTERS_PATH {
        return ("200 OK", counters.to_string());
    }
    // Path-style: `/bucket` or `/bucket/`, no key, for both operations served.
    let bucket_only = !req
        .path
        .trim_start_matches('/')
        .trim_end_matches('/')
        .contains('/');
    if bucket_only && req.method == "GET" && !req.has("uploads") {
        return ("200 OK", list_page(req, prefixes, counters));
    }
    if bucket_only && req.method == "POST" && req.has("delete") {
        let keys = count_keys(&req.body);
        counters.delete_requests.fetch_add(1, Ordering::Relaxed);
        counters.deleted.fetch_add(keys, Ordering::Relaxed);
        let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
            <DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>";
        return ("200 OK", body.to_string());
    }
    counters.other.fetch_add(1, Ordering::Relaxed);
    let mut unexpected = counters
        .unexpected
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if unexpected.len() < 20 {
        let query: Vec<String> = req.query.iter().map(|(n, v)| format!("{n}={v}")).collect();
        unexpected.push(format!("{} {}?{}", req.method, req.path, query.join("&")));
    }
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NotImplemented</Code>\
        <Message>the listing stand-in serves listings and DeleteObjects only</Message>\
        <RequestId>listing-stand-in</RequestId></Error>";
    ("501 Not Implemented", body.to_string())
}

/// The number of `<Key>` elements of a DeleteObjects body.
fn count_keys(body: &[u8]) -> u64 {
    body.windows(5).filter(|w| w == b"<Key>").count() as u64
}

/// One page of ListObjects (v1) or, with `list-type=2`, ListObjectsV2.
fn list_page(req: &Request, prefixes: &[Prefix], counters: &Counters) -> String {
    let v2 = req.param("list-type") == Some("2");
    let asked = req.param("prefix").unwrap_or("");
    let max = req
        .param("max-keys")
        .and_then(|m| m.parse::<u64>().ok())
        .unwrap_or(PAGE)
        .min(PAGE);
    let prefix = prefixes.iter().find(|p| p.name == asked);
    let start = match (prefix, v2) {
        (None, _) => 0,
        (Some(p), false) => req.param("marker").map_or(0, |m| p.after(m)),
        (Some(p), true) => match req.param("continuation-token") {
            Some(token) => token.parse().unwrap_or(p.count).min(p.count),
            None => req.param("start-after").map_or(0, |m| p.after(m)),
        },
    };
    let end = prefix.map_or(0, |p| (start + max).min(p.count));
    let truncated = prefix.is_some_and(|p| end < p.count);
    let mut xml = String::with_capacity(200 * (end - start) as usize + 512);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    xml.push_str("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
    xml.push_str(&format!(
        "<Name>{}</Name><Prefix>{}</Prefix><MaxKeys>{max}</MaxKeys><IsTruncated>{truncated}</IsTruncated>",
        escape(req.path.trim_matches('/')),
        escape(asked)
    ));
    if v2 {
        xml.push_str(&format!("<KeyCount>{}</KeyCount>", end - start));
        if truncated {
            xml.push_str(&format!(
                "<NextContinuationToken>{end}</NextContinuationToken>"
            ));
        }
    }
    if let Some(p) = prefix {
        for i in start..end {
            let n = i * p.step;
            xml.push_str(&format!(
                "<Contents><Key>{}</Key><LastModified>{LAST_MODIFIED}</LastModified><ETag>&quot;{}&quot;</ETag><Size>{}</Size><StorageClass>STANDARD</StorageClass></Contents>",
                p.key(i),
                etag_of(n),
                size_of(n)
            ));
        }
    }
    xml.push_str("</ListBucketResult>");
    counters.pages.fetch_add(1, Ordering::Relaxed);
    counters.listed.fetch_add(end - start, Ordering::Relaxed);
    xml
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// What one objcmd run left: its exit code, its stderr, and its peak resident memory.
pub struct Measured {
    /// The exit code (`None` when a signal ended it).
    pub code: Option<i32>,
    /// Its stderr.
    pub stderr: String,
    /// Its peak RSS in KiB, the last `VmHWM` read before it exited.
    pub peak_kib: u64,
}

/// The high-water mark of a process's resident memory (`VmHWM`, KiB), while it runs.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `cmd` (objcmd, or a shell that execs it) to its end, handing each stdout line to
/// `line` as it arrives (a 10^5-key run need not be held), and measures its peak RSS.
///
/// Not with `wait4`'s `ru_maxrss`: the kernel charges a process the peak of the memory it
/// was exec'd from, so a child of the test process would report the test process's own
/// peak (other tests' data: 128 MiB held here made `true` report 135 MiB). `VmHWM` belongs
/// to the memory of the program now running, which starts afresh at exec; it only grows,
/// so polling it every few milliseconds misses nothing but the last few milliseconds.
pub fn run_measured(mut cmd: std::process::Command, mut line: impl FnMut(&str)) -> Measured {
    use std::process::Stdio;
    use std::sync::atomic::AtomicBool;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("objcmd starts");
    let pid = child.id();
    let exited = Arc::new(AtomicBool::new(false));
    let poll_exited = exited.clone();
    // The pid cannot be reused before the child is waited for, which ends the polling.
    let poller = thread::spawn(move || {
        let mut peak = 0;
        while !poll_exited.load(Ordering::Relaxed) {
            peak = vm_hwm(pid).map_or(peak, |kib| kib.max(peak));
            thread::sleep(std::time::Duration::from_millis(2));
        }
        peak
    });
    let stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let errors = thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    for l in BufReader::new(stdout).lines() {
        line(&l.expect("objcmd's stdout is UTF-8"));
    }
    let status = child.wait().expect("waiting for the command");
    exited.store(true, Ordering::Relaxed);
    let peak_kib = poller.join().expect("the memory poller");
    let stderr = errors.join().unwrap_or_default();
    assert!(
        peak_kib > 0,
        "no VmHWM read from /proc/{pid}/status: {stderr}"
    );
    Measured {
        code: status.code(),
        stderr,
        peak_kib,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_resume_after_the_key_they_name() {
        let p = Prefix::new("q/", 10, 2);
        assert_eq!(p.key(3), "q/00000000006");
        assert_eq!(p.after("q/00000000006"), 4);
        assert_eq!(p.after("q/00000000007"), 4);
        assert_eq!(p.after("a"), 0);
        assert_eq!(p.after("z"), 10);
    }

    fn page(query: &[(&str, &str)], prefixes: &[Prefix]) -> String {
        let req = Request {
            method: "GET".into(),
            path: "/bkt/".into(),
            query: query
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: Vec::new(),
        };
        list_page(&req, prefixes, &Counters::default())
    }

    #[test]
    fn pages_follow_markers_and_continuation_tokens() {
        let prefixes = [Prefix::new("p/", 2500, 1)];
        let v1 = page(&[("prefix", "p/"), ("marker", "p/00000000999")], &prefixes);
        assert_eq!(v1.matches("<Contents>").count(), 1000);
        assert!(v1.contains("<Key>p/00000001000</Key>"), "{v1}");
        assert!(v1.contains("<IsTruncated>true</IsTruncated>"));
        let v2 = page(
            &[
                ("list-type", "2"),
                ("prefix", "p/"),
                ("continuation-token", "2000"),
            ],
            &prefixes,
        );
        assert_eq!(v2.matches("<Contents>").count(), 500);
        assert!(
            v2.contains("<Key>p/00000002499</Key><LastModified>"),
            "{v2}"
        );
        assert!(v2.contains("<IsTruncated>false</IsTruncated>"));
        assert!(!v2.contains("NextContinuationToken"));
        let first = page(&[("list-type", "2"), ("prefix", "p/")], &prefixes);
        assert!(first.contains("<NextContinuationToken>1000</NextContinuationToken>"));
        assert!(!page(&[("prefix", "other/")], &prefixes).contains("<Contents>"));
        assert_eq!(
            count_keys(b"<Object><Key>a</Key></Object><Object><Key>b</Key></Object>"),
            2
        );
    }

    #[test]
    fn the_peak_measured_is_the_child_s_not_the_test_process_s() {
        // 128 MiB touched here, held while the child runs.
        let ballast = vec![1u8; 128 << 20];
        let mut sleep = std::process::Command::new("sleep");
        sleep.arg("0.1");
        let measured = run_measured(sleep, |_| {});
        assert_eq!(measured.code, Some(0));
        assert!(
            measured.peak_kib < 32 << 10,
            "`sleep` peaked at {} KiB",
            measured.peak_kib
        );
        assert_eq!(
            ballast.iter().map(|&b| b as usize).sum::<usize>(),
            128 << 20
        );
    }
}
