//! Test support: an isolated environment per test (its own HOME and config file), the
//! built binary as a command, buckets that delete themselves, and file helpers.

#![allow(dead_code)]

pub mod fake;
pub mod gateway;
pub mod listing;
pub mod proxy;
pub mod server;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::Command;
use md5::{Digest, Md5};
use objcmd::client::Dialect;

pub use server::server;

/// One test's world: a temp dir holding HOME, the config file and local files.
pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

static BUCKETS: AtomicUsize = AtomicUsize::new(0);

/// The bash program that runs objcmd for the tests (see [`TestEnv::output_log`]).
const RECORD_OUTPUT: &str = r#"mkdir -p "${OBJCMD_TEST_OUTPUT_LOG%/*}"
exec "$OBJCMD_TEST_BIN" "$@" > >(tee -a "$OBJCMD_TEST_OUTPUT_LOG") 2> >(tee -a "$OBJCMD_TEST_OUTPUT_LOG" >&2)"#;

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// Where every output of objcmd is copied (inside HOME, so that it stays out of the
    /// files tests look at); [`Drop`] greps it for the server's secret keys, so every
    /// output of every command of the suite is checked, not only those a test looks at.
    pub fn output_log(&self) -> PathBuf {
        self.path("home/.objcmd-test/output.log")
    }

    /// A path inside the test's temp dir.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The config file every command of this test uses.
    pub fn config_path(&self) -> PathBuf {
        self.path("home/.config/objcmd/config.toml")
    }

    /// objcmd with a clean environment: no credentials, no profile, no colours or bars.
    pub fn bare(&self) -> Command {
        Command::from_std(self.bare_std())
    }

    /// [`TestEnv::bare`] as a std Command.
    pub fn bare_std(&self) -> std::process::Command {
        // bash execs objcmd (the same process: signals reach it) with its stdout and
        // stderr also copied to the output log.
        let mut cmd = std::process::Command::new("bash");
        cmd.args(["-c", RECORD_OUTPUT, "objcmd"])
            .env_clear()
            .env("OBJCMD_TEST_BIN", env!("CARGO_BIN_EXE_objcmd"))
            .env("OBJCMD_TEST_OUTPUT_LOG", self.output_log())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("OBJCMD_CONFIG", self.config_path())
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path());
        cmd
    }

    /// objcmd pointed at the test server in the dialect `OBJCMD_TEST_DIALECT` names: `s3`
    /// (the default) talks to radosgw directly, signing with the version
    /// `OBJCMD_TEST_SIGNATURE` names (v2 by default); `oss` and `ks3` go through the
    /// signature-checking gateway in front of it. scripts/test.sh runs the suite in each.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// [`TestEnv::cmd`] as a std Command, for tests that spawn and signal it.
    pub fn std_cmd(&self) -> std::process::Command {
        match dialect() {
            Dialect::S3 => self.std_cmd_signing(&signature()),
            other => {
                // Through the environment, so that a test's own flags (a wrong secret,
                // another endpoint) still win, as they do over the S3 run's variables.
                let g = suite_gateway(other);
                let mut cmd = self.bare_std();
                cmd.args(["--resolve", "*.localhost:127.0.0.1"])
                    .env("OBJCMD_PROVIDER", other.name())
                    .env("OBJCMD_ENDPOINT", g.endpoint())
                    .env("OBJCMD_ACCESS_KEY", gateway::ACCESS_KEY)
                    .env("OBJCMD_SECRET_KEY", gateway::SECRET_KEY);
                cmd
            }
        }
    }

    /// objcmd talking S3 to radosgw directly with this signature version, whatever the
    /// suite's dialect: for what only S3 has (SigV4, a second account's keys).
    pub fn cmd_signing(&self, version: &str) -> Command {
        Command::from_std(self.std_cmd_signing(version))
    }

    fn std_cmd_signing(&self, version: &str) -> std::process::Command {
        let s = server();
        let mut cmd = self.bare_std();
        cmd.args(["--signature", version])
            .env("OBJCMD_ENDPOINT", &s.endpoint)
            .env("OBJCMD_ACCESS_KEY", &s.access_key)
            .env("OBJCMD_SECRET_KEY", &s.secret_key);
        cmd
    }

    /// A new, empty bucket on the test server, removed (with its objects) when dropped.
    pub fn bucket(&self, tag: &str) -> TestBucket {
        self.bucket_with(tag, &[])
    }

    /// [`TestEnv::bucket`] made with more `mb` flags (`--object-lock`).
    pub fn bucket_with(&self, tag: &str, flags: &[&str]) -> TestBucket {
        let n = BUCKETS.fetch_add(1, Ordering::SeqCst);
        let name = format!("t{}-{n}-{tag}", std::process::id()).to_ascii_lowercase();
        assert!(name.len() <= 63, "bucket name too long: {name}");
        self.cmd()
            .arg("mb")
            .args(flags)
            .arg(format!("s3://{name}"))
            .assert()
            .success();
        TestBucket {
            name,
            dir: self.dir.path().to_path_buf(),
            config: self.config_path(),
        }
    }

    /// Runs `cmd` (from [`TestEnv::std_cmd`] or [`TestEnv::bare_std`], with its arguments)
    /// on a pseudo-terminal, typing each `Prompt=answer` of `answers` when the prompt shows.
    /// Returns the exit status and what the terminal showed (stdout and stderr together),
    /// which is also appended to the output log, so its secrets check covers it.
    pub fn on_terminal(&self, cmd: &std::process::Command, answers: &[&str]) -> (i32, String) {
        // Skip the `bash -c RECORD_OUTPUT objcmd` wrapper: its tee would make stdout a pipe.
        let args: Vec<_> = cmd.get_args().skip(3).collect();
        let mut pty = std::process::Command::new("python3");
        pty.arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/support/pty_drive.py"
        ))
        .args(answers)
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_objcmd"))
        .args(args)
        .env_clear()
        .current_dir(self.dir.path());
        for (name, value) in cmd.get_envs() {
            if let Some(value) = value {
                pty.env(name, value);
            }
        }
        let out = pty
            .output()
            .expect("python3 runs the pseudo-terminal driver");
        let result: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
        let shown = result["output"].as_str().unwrap().to_string();
        let log = self.output_log();
        std::fs::create_dir_all(log.parent().unwrap()).unwrap();
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .unwrap();
        std::io::Write::write_all(&mut file, shown.as_bytes()).unwrap();
        (result["status"].as_i64().unwrap() as i32, shown)
    }

    /// Uploads `len` pseudo-random bytes (from `seed`) to `url` in parts of `part_size`
    /// (through the local file `src.bin`), and returns them.
    pub fn put_random(&self, url: &str, len: usize, seed: u64, part_size: &str) -> Vec<u8> {
        let data = random_bytes(len, seed);
        self.write("src.bin", &data);
        self.cmd()
            .args(["-q", "put", "src.bin", url, "--part-size", part_size])
            .assert()
            .success();
        data
    }

    /// Writes a local file.
    pub fn write(&self, name: &str, data: &[u8]) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, data).unwrap();
        path
    }
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        let Some(s) = server::started_server() else {
            return;
        };
        let Ok(log) = std::fs::read(self.output_log()) else {
            return;
        };
        let log = String::from_utf8_lossy(&log);
        for secret in [&s.secret_key, &s.secret_key2, gateway::SECRET_KEY] {
            if log.contains(secret) && !std::thread::panicking() {
                panic!("a secret key appeared in objcmd's output:\n{log}");
            }
        }
        // The SSE-C keys of the suite, raw, in base64 and their MD5 (as the headers carry
        // them): secrets too.
        for secret in SSE_C_KEYS.iter().flat_map(|k| [k.raw, k.base64, k.md5]) {
            if log.contains(secret) && !std::thread::panicking() {
                panic!("an SSE-C key or its MD5 appeared in objcmd's output:\n{log}");
            }
        }
    }
}

/// An SSE-C key of the suite, as a file holds it and as the headers carry it.
pub struct SseCKey {
    /// The 32 bytes (printable, so that a leak is easy to grep).
    pub raw: &'static str,
    /// Its base64 (`x-amz-server-side-encryption-customer-key`).
    pub base64: &'static str,
    /// The base64 of its MD5 (`...-customer-key-MD5`).
    pub md5: &'static str,
}

/// The suite's SSE-C keys: the one objects are written with, and another (a copy's
/// source, a wrong key). `openssl md5 -binary | base64` made the MD5s.
pub const SSE_C_KEYS: [SseCKey; 2] = [
    SseCKey {
        raw: "objcmd-test-sse-c-key-32-bytes!!",
        base64: "b2JqY21kLXRlc3Qtc3NlLWMta2V5LTMyLWJ5dGVzISE=",
        md5: "PZU99n6qcgXIOHXD64nVKQ==",
    },
    SseCKey {
        raw: "objcmd-test-sse-c-source-key-32b",
        base64: "b2JqY21kLXRlc3Qtc3NlLWMtc291cmNlLWtleS0zMmI=",
        md5: "8ieJ6pXAqGu35hlLLYP87g==",
    },
];

/// objcmd pointed at a scripted server, signing with the keys `AK` / `SK`.
pub fn against(t: &TestEnv, server: &fake::FakeServer) -> Command {
    let mut cmd = t.bare();
    cmd.args(["--endpoint", &server.endpoint()])
        .args(["--access-key", "AK", "--secret-key", "SK"]);
    cmd
}

/// The access key [`TestEnv::cmd`] signs with in this run.
pub fn access_key() -> &'static str {
    match dialect() {
        Dialect::S3 => &server().access_key,
        _ => gateway::ACCESS_KEY,
    }
}

/// The dialect the suite runs in (`OBJCMD_TEST_DIALECT`: s3, oss or ks3).
pub fn dialect() -> Dialect {
    match std::env::var("OBJCMD_TEST_DIALECT").as_deref() {
        Ok("oss") => Dialect::Oss,
        Ok("ks3") => Dialect::Ks3,
        Ok("s3") | Err(_) => Dialect::S3,
        Ok(other) => panic!("OBJCMD_TEST_DIALECT={other}: expected s3, oss or ks3"),
    }
}

/// The gateway of an OSS or KS3 run, started once per test process.
pub fn suite_gateway(dialect: Dialect) -> &'static gateway::Gateway {
    static GATEWAY: std::sync::OnceLock<gateway::Gateway> = std::sync::OnceLock::new();
    GATEWAY.get_or_init(|| {
        gateway::Gateway::start(match dialect {
            Dialect::Oss => gateway::Dialect::Oss,
            Dialect::Ks3 => gateway::Dialect::Ks3,
            Dialect::S3 => panic!("the S3 runs talk to radosgw directly"),
        })
    })
}

/// The signature version the suite runs with.
pub fn signature() -> String {
    std::env::var("OBJCMD_TEST_SIGNATURE").unwrap_or_else(|_| "v2".to_string())
}

/// A bucket that deletes itself and everything in it when dropped.
pub struct TestBucket {
    pub name: String,
    dir: PathBuf,
    config: PathBuf,
}

impl TestBucket {
    /// `s3://NAME/KEY`.
    pub fn url(&self, key: &str) -> String {
        format!("s3://{}/{key}", self.name)
    }
}

impl Drop for TestBucket {
    fn drop(&mut self) {
        let s = server();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_objcmd"))
            .env_clear()
            .env("OBJCMD_CONFIG", &self.config)
            .env("OBJCMD_ENDPOINT", &s.endpoint)
            .env("OBJCMD_ACCESS_KEY", &s.access_key)
            .env("OBJCMD_SECRET_KEY", &s.secret_key)
            .current_dir(&self.dir)
            .args(["-q", "rb", "--force", &format!("s3://{}", self.name)])
            .output();
        // Exit 4: the test removed the bucket itself.
        if let Ok(out) = out
            && !matches!(out.status.code(), Some(0 | 4))
            && !std::thread::panicking()
        {
            panic!(
                "cleaning up bucket {} failed: {}",
                self.name,
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
pub fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// Hex MD5 of bytes.
pub fn md5_hex(data: &[u8]) -> String {
    Md5::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The ETag S3 gives an object uploaded in parts of `part_size`: the MD5 of the parts'
/// MD5s, then `-N`.
pub fn multipart_etag(data: &[u8], part_size: usize) -> String {
    let mut all = Vec::new();
    for part in data.chunks(part_size) {
        all.extend_from_slice(&Md5::digest(part));
    }
    format!("{}-{}", md5_hex(&all), data.len().div_ceil(part_size))
}

/// Hex MD5 of a file.
pub fn md5_file(path: &Path) -> String {
    md5_hex(&std::fs::read(path).unwrap())
}

/// The stdout of a command as JSON records, one per line.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}")))
        .collect()
}

/// The records of a tree command's `--json` output, and its summary: the last record, and
/// the only one with a `summary` (asserted).
pub fn without_summary(
    mut records: Vec<serde_json::Value>,
) -> (Vec<serde_json::Value>, serde_json::Value) {
    let last = records.pop().expect("a summary record");
    assert!(last["summary"].is_object(), "not the summary: {last}");
    assert!(
        records.iter().all(|r| r.get("summary").is_none()),
        "a summary before the last record: {records:#?}"
    );
    (records, last["summary"].clone())
}

/// Names of the entries of a directory, sorted.
pub fn dir_entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Waits (up to a minute) until `done` says so; `what` names it in the failure.
pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

/// Waits until the sidecar of a download's temp file lists a finished chunk.
pub fn wait_for_a_downloaded_chunk(sidecar: &Path) {
    wait_until("a chunk to be downloaded", || {
        std::fs::read_to_string(sidecar)
            .ok()
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .is_some_and(|v| v["done"].as_array().is_some_and(|d| !d.is_empty()))
    });
}
