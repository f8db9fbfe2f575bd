//! TLS: certificates are verified by default (a refusal is not retried and comes with a
//! hint), `--ca-bundle` adds a trust root, `--insecure` works and says so. The server is
//! `openssl s_server -www` with a certificate for 127.0.0.1 from a test CA: it answers
//! every request with an HTML page, so getting past the handshake shows as a failure to
//! read the reply instead of a certificate error.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::support::TestEnv;

fn openssl(t: &TestEnv, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(t.dir.path())
        .output()
        .expect("running openssl (Debian package openssl)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A TLS server on loopback, killed when dropped.
struct TlsServer(Child, u16);

impl Drop for TlsServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_server(t: &TestEnv) -> TlsServer {
    openssl(
        t,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=objcmd test CA",
        ],
    );
    openssl(
        t,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "srv.key",
            "-out",
            "srv.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
    );
    t.write(
        "ext.cnf",
        b"subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n",
    );
    openssl(
        t,
        &[
            "x509",
            "-req",
            "-in",
            "srv.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "srv.pem",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
        ],
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("openssl")
        .args([
            "s_server", "-quiet", "-www", "-cert", "srv.pem", "-key", "srv.key",
        ])
        .args(["-accept", &format!("127.0.0.1:{port}")])
        .current_dir(t.dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting openssl s_server");
    let server = TlsServer(child, port);
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "openssl s_server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

#[test]
fn tls_is_verified_a_ca_bundle_adds_a_root_and_insecure_says_so() {
    let t = TestEnv::new();
    let server = start_server(&t);
    let endpoint = format!("https://127.0.0.1:{}", server.1);
    let objcmd = || {
        let mut cmd = t.bare();
        cmd.args([
            "--endpoint",
            &endpoint,
            "--access-key",
            "AK",
            "--secret-key",
            "SK",
        ]);
        cmd
    };
    // An unknown CA: refused at once (no retry), with the way out.
    let started = Instant::now();
    objcmd()
        .args(["-v", "ls", "s3://bucket"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("certificate"))
        .stderr(predicate::str::contains(
            "hint: the server's TLS certificate is not trusted",
        ))
        .stderr(predicate::str::contains("retrying").not());
    assert!(started.elapsed() < Duration::from_secs(5));
    // Trusting its CA: the handshake passes, and the HTML reply is what fails.
    objcmd()
        .args(["--ca-bundle", "ca.pem", "ls", "s3://bucket"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unexpected reply to ListObjects"))
        .stderr(predicate::str::contains("certificate").not());
    // --insecure gets through too, and says what it costs.
    objcmd()
        .args(["--insecure", "ls", "s3://bucket"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "warning: --insecure: TLS certificates are not verified",
        ))
        .stderr(predicate::str::contains("unexpected reply to ListObjects"))
        .stderr(predicate::str::contains("certificate is not trusted").not());
    // A bundle without a certificate is a usage error.
    t.write("not-a-cert.pem", b"hello");
    objcmd()
        .args(["--ca-bundle", "not-a-cert.pem", "ls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid --ca-bundle"));
}
