//! A scripted loopback server for the client's unit tests: a std `TcpListener` on
//! `127.0.0.1:0` that answers each connection with the next scripted reply and records
//! what it received (STYLE.md §6, the pattern of `tests/support/fake.rs`). It shows what a
//! real server cannot on demand: a lost reply, a 200 with an `<Error>` body, and the exact
//! bytes of a signed request.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, SystemTime};

use super::{
    Addressing, Client, ClientConfig, Credentials, Dialect, Endpoint, SignatureVersion, Target,
};
use crate::secret::Secret;

/// What the server does with one connection, after reading its request.
pub enum Reply {
    /// Writes this response (status line, headers and body) and closes the connection.
    Http(String),
    /// Closes the connection without a word: the reply is lost.
    Lost,
}

impl Reply {
    /// A response with `Connection: close` and the right Content-Length.
    pub fn status(code: u16, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut head = format!("HTTP/1.1 {code} X\r\n");
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ));
        Reply::Http(head)
    }
}

/// A request as it arrived.
#[derive(Debug)]
pub struct Seen {
    /// The request line and header lines, exactly as received (CRLF line ends).
    pub head: String,
    /// The body (Content-Length bytes).
    pub body: Vec<u8>,
}

impl Seen {
    /// The request line: `PUT /b/k?x HTTP/1.1`.
    pub fn request_line(&self) -> &str {
        self.head.lines().next().unwrap_or("")
    }
}

/// Serves `replies` in order, one per connection; returns the port and the requests seen,
/// each sent before its reply is written.
pub fn serve(replies: Vec<Reply>) -> (u16, Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for reply in replies {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            let mut reader = BufReader::new(stream);
            let mut head = String::new();
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                if let Some((name, value)) = line.split_once(':')
                    && name.eq_ignore_ascii_case("content-length")
                {
                    length = value.trim().parse().unwrap_or(0);
                }
                if line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            let mut body = vec![0u8; length];
            let _ = reader.read_exact(&mut body);
            let _ = tx.send(Seen { head, body });
            let mut stream = reader.into_inner();
            if let Reply::Http(text) = reply {
                let _ = stream.write_all(text.as_bytes());
            }
            let _ = stream.shutdown(Shutdown::Both);
        }
    });
    (port, rx)
}

/// The documentation keys of the signing vectors, with or without an STS token.
pub fn credentials(token: Option<&str>) -> Credentials {
    Credentials {
        access_key: "AKIAIOSFODNN7EXAMPLE".into(),
        secret_key: Secret::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        security_token: token.map(Secret::new),
    }
}

/// The vectors' "now": Tue, 14 Nov 2023 22:13:20 GMT.
pub fn fixed_now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)
}

/// A client configuration aimed at the loopback server on `port`, path-style, signed
/// at the fixed time with `credentials`, with one retry.
pub fn config(
    port: u16,
    dialect: Dialect,
    signature: SignatureVersion,
    credentials: Option<Credentials>,
) -> ClientConfig {
    ClientConfig {
        target: Target {
            endpoint: Endpoint::parse(&format!("http://127.0.0.1:{port}")).unwrap(),
            dialect,
            addressing: Addressing::Path,
            cname: false,
        },
        credentials,
        signature,
        region: "us-east-1".into(),
        checksum_algorithm: None,
        encryption: Default::default(),
        retries: 1,
        timeout: Duration::from_secs(10),
        rate_limit: None,
        user_agent: "objcmd-test".into(),
        clock: fixed_now,
        cancel: Arc::new(AtomicBool::new(false)),
        resolve: Vec::new(),
        ca_certificates: Vec::new(),
        insecure: false,
        pace: None,
    }
}

/// An S3 V2 client of the loopback server on `port`.
pub fn s3_client(port: u16) -> Client {
    let creds = Some(credentials(None));
    Client::new(config(port, Dialect::S3, SignatureVersion::V2, creds)).unwrap()
}
