//! How the engine reports how far a transfer got, without knowing whether or how it is
//! shown: the face implements [`Progress`] (output.rs draws it as a bar on a terminal; a
//! tree's members report to their share of the tree's aggregate progress, cmd/tree.rs),
//! and [`NoProgress`] stands for a transfer nobody watches (tests).
//!
//! Also here: the share of the progress that each part of a parallel transfer reports,
//! counting the bytes of an upload as the transport sends them.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::client::{Body, FileRange, SendProgress};

/// The progress of one object's transfer, as the engine reports it. Object-safe: the
/// engine takes a `&dyn Progress`.
pub trait Progress: Send + Sync {
    /// The transfer's length in bytes, once it is known.
    fn set_length(&self, len: u64);
    /// How many bytes of it are done.
    fn set_position(&self, pos: u64);
    /// True when nobody sees this progress: an upload then sends its parts as plain
    /// bodies, which is faster than counting their bytes as they go.
    fn is_hidden(&self) -> bool;
    /// The transfer is done: the progress goes away.
    fn finish(&self);
    /// A handle to this same progress that a sent body can own: the transport keeps its
    /// watcher beyond the borrow the engine was given.
    fn shared(&self) -> Arc<dyn Progress>;
}

/// The progress of a transfer nobody watches: every report is dropped.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn set_length(&self, _len: u64) {}

    fn set_position(&self, _pos: u64) {}

    fn is_hidden(&self) -> bool {
        true
    }

    fn finish(&self) {}

    fn shared(&self) -> Arc<dyn Progress> {
        Arc::new(NoProgress)
    }
}

/// Progress of one object moved by parallel workers: the bytes done by all of them,
/// reported as one position.
#[derive(Clone)]
pub(crate) struct PartsProgress {
    bar: Arc<dyn Progress>,
    total: Arc<AtomicU64>,
}

impl PartsProgress {
    pub(crate) fn new(bar: &dyn Progress) -> PartsProgress {
        PartsProgress {
            bar: bar.shared(),
            total: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Counts `n` more bytes done.
    pub(crate) fn add(&self, n: u64) {
        let now = self.total.fetch_add(n, Ordering::Relaxed) + n;
        self.bar.set_position(now);
    }

    /// The body that sends `data`, and its share of the progress. While a bar is shown its
    /// bytes count as the transport sends them (a part counted only when its reply comes
    /// moves the bar in part-size steps, and its rate and ETA with it); a hidden bar keeps
    /// the faster plain body (see [`Body::Counted`]) and counts the part when it is done.
    pub(crate) fn body(&self, data: bytes::Bytes) -> (Body, PartSent) {
        let sent = self.share();
        let body = if self.bar.is_hidden() {
            Body::Bytes(data)
        } else {
            sent.counted(data)
        };
        (body, sent)
    }

    /// The body that sends a range of a file, and its share of the progress: counted as
    /// the transport reads it while a bar is shown (a streamed body reports each block,
    /// cheaply), when it is done otherwise.
    pub(crate) fn file_body(&self, range: FileRange) -> (Body, PartSent) {
        let sent = self.share();
        let watch = (!self.bar.is_hidden()).then(|| sent.watcher());
        (Body::File(range, watch), sent)
    }

    /// A new body's share, nothing counted yet.
    fn share(&self) -> PartSent {
        PartSent {
            progress: self.clone(),
            furthest: Arc::new(AtomicU64::new(0)),
        }
    }
}

/// One body's share of a [`PartsProgress`]: the furthest the transport got in any attempt,
/// so that a part sent again after a failed attempt is not counted twice.
#[derive(Clone)]
pub(crate) struct PartSent {
    progress: PartsProgress,
    furthest: Arc<AtomicU64>,
}

impl PartSent {
    /// A body of `data` that reports to this share as the transport reads it.
    fn counted(&self, data: bytes::Bytes) -> Body {
        Body::Counted(data, self.watcher())
    }

    /// What the transport tells how far it read a body: this share.
    fn watcher(&self) -> SendProgress {
        let sent = self.clone();
        SendProgress::new(move |offset| sent.reached(offset))
    }

    /// Counts what lies beyond the furthest offset reached so far.
    fn reached(&self, offset: u64) {
        let before = self.furthest.fetch_max(offset, Ordering::Relaxed);
        if offset > before {
            self.progress.add(offset - before);
        }
    }

    /// The body of `len` bytes is in place (the server answered): all of it counts.
    pub(crate) fn done(&self, len: u64) {
        self.reached(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    /// A progress that is shown, and records the positions it is told.
    #[derive(Clone, Default)]
    struct Watched(Arc<std::sync::Mutex<Vec<u64>>>);

    impl Progress for Watched {
        fn set_length(&self, _len: u64) {}

        fn set_position(&self, pos: u64) {
            self.0.lock().unwrap().push(pos);
        }

        fn is_hidden(&self) -> bool {
            false
        }

        fn finish(&self) {}

        fn shared(&self) -> Arc<dyn Progress> {
            Arc::new(self.clone())
        }
    }

    #[test]
    fn a_shown_progress_counts_bodies_as_they_are_sent_and_a_hidden_one_does_not() {
        let watched = Watched::default();
        let p = PartsProgress::new(&watched);
        let (body, sent) = p.body(bytes::Bytes::from(vec![0u8; 100]));
        assert!(matches!(body, Body::Counted(..)));
        sent.reached(40);
        sent.done(100);
        assert_eq!(*watched.0.lock().unwrap(), [40, 100]);
        let (body, _) = PartsProgress::new(&NoProgress).body(bytes::Bytes::from(vec![0u8; 100]));
        assert!(matches!(body, Body::Bytes(_)));
    }

    #[test]
    fn a_part_sent_again_is_counted_once() {
        let p = PartsProgress::new(&NoProgress);
        let (_, first) = p.body(bytes::Bytes::from(vec![0u8; 100]));
        let (_, second) = p.body(bytes::Bytes::from(vec![0u8; 50]));
        // The first attempt got to 60 bytes; the retry reads again from the start.
        for offset in [8, 60, 8, 16, 60, 70, 100] {
            first.reached(offset);
        }
        first.done(100);
        second.reached(30);
        second.done(50);
        assert_eq!(p.total.load(Ordering::Relaxed), 150);
    }

    /// A loopback server that answers the first PUT with 503 after reading its whole body
    /// and the second with 200; returns its port.
    fn fail_once_server() -> u16 {
        use std::io::{BufRead, BufReader, Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for (n, stream) in listener.incoming().take(2).enumerate() {
                let mut stream = BufReader::new(stream.unwrap());
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    stream.read_line(&mut line).unwrap();
                    if let Some((name, value)) = line.split_once(':')
                        && name.eq_ignore_ascii_case("content-length")
                    {
                        length = value.trim().parse().unwrap();
                    }
                    if line == "\r\n" {
                        break;
                    }
                }
                let mut body = vec![0u8; length];
                stream.read_exact(&mut body).unwrap();
                let reply = if n == 0 {
                    "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                } else {
                    "HTTP/1.1 200 OK\r\nETag: \"e\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                };
                stream.get_mut().write_all(reply.as_bytes()).unwrap();
            }
        });
        port
    }

    /// A transport to the loopback server on `port`, with one retry.
    fn transport_to(port: u16) -> crate::client::Transport {
        use crate::client::{self, Addressing, ClientConfig, Endpoint, SignatureVersion, Target};
        crate::client::Transport::new(ClientConfig {
            target: Target {
                endpoint: Endpoint::parse(&format!("http://127.0.0.1:{port}")).unwrap(),
                dialect: client::Dialect::S3,
                addressing: Addressing::Path,
                cname: false,
            },
            credentials: None,
            signature: SignatureVersion::V2,
            region: "us-east-1".into(),
            checksum_algorithm: None,
            encryption: Default::default(),
            retries: 1,
            timeout: Duration::from_secs(10),
            rate_limit: None,
            user_agent: "objcmd-test".into(),
            clock: SystemTime::now,
            cancel: Arc::new(std::sync::atomic::AtomicBool::new(false)),
            resolve: Vec::new(),
            ca_certificates: Vec::new(),
            insecure: false,
            pace: None,
        })
        .unwrap()
    }

    /// Sends `body` (of `len` bytes, its share `sent`) to a server that fails the first
    /// attempt after reading it whole; returns the offsets the transport reported.
    fn send_twice(body: Body, sent: &PartSent, len: u64) -> Vec<u64> {
        use crate::client::Request;
        let transport = transport_to(fail_once_server());
        let offsets = Arc::new(std::sync::Mutex::new(Vec::new()));
        let watch = {
            let (sent, offsets) = (sent.clone(), offsets.clone());
            SendProgress::new(move |offset| {
                offsets.lock().unwrap().push(offset);
                sent.reached(offset);
            })
        };
        let body = match body {
            Body::Counted(data, _) => Body::Counted(data, watch),
            Body::File(range, _) => Body::File(range, Some(watch)),
            other => other,
        };
        let req = Request::new("PutObject", reqwest::Method::PUT, Some("b"), "k").body(body);
        transport.send(&req).unwrap();
        sent.done(len);
        offsets.lock().unwrap().clone()
    }

    /// Asserts that the transport read a body to its end twice, the second time from the
    /// start again.
    fn assert_read_twice(offsets: &[u64], len: u64) {
        let restarts = offsets.windows(2).filter(|w| w[1] < w[0]).count();
        assert_eq!(restarts, 1, "{offsets:?}");
        assert_eq!(offsets.last(), Some(&len));
    }

    #[test]
    fn a_counted_body_sent_twice_by_the_transport_counts_once() {
        let len = 3 << 20;
        let p = PartsProgress::new(&NoProgress);
        let (_, sent) = p.body(bytes::Bytes::new());
        let body = Body::Counted(bytes::Bytes::from(vec![7u8; len]), sent.watcher());
        assert_read_twice(&send_twice(body, &sent, len as u64), len as u64);
        assert_eq!(p.total.load(Ordering::Relaxed), len as u64);
    }

    #[test]
    fn a_file_body_sent_twice_by_the_transport_counts_once() {
        use std::io::Write;
        let len = 3u64 << 20;
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(&vec![7u8; len as usize + 100]).unwrap();
        let file = Arc::new(std::fs::File::open(file.path()).unwrap());
        let range = || FileRange::new(file.clone(), 100, len);
        // A shown bar watches the body; a hidden one counts the part when it is done.
        let watched = Watched::default();
        let (body, _) = PartsProgress::new(&watched).file_body(range());
        assert!(matches!(body, Body::File(_, Some(_))));
        let (body, _) = PartsProgress::new(&NoProgress).file_body(range());
        assert!(matches!(body, Body::File(_, None)));
        let p = PartsProgress::new(&watched);
        let (body, sent) = p.file_body(range());
        assert_read_twice(&send_twice(body, &sent, len), len);
        assert_eq!(p.total.load(Ordering::Relaxed), len);
        let positions = watched.0.lock().unwrap().clone();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
        assert_eq!(positions.last(), Some(&len));
    }

    #[test]
    fn parts_progress_adds_up() {
        let p = PartsProgress::new(&NoProgress);
        p.add(100);
        p.clone().add(5);
        assert_eq!(p.total.load(Ordering::Relaxed), 105);
    }
}
