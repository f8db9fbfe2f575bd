//! Snapshot tests of what objcmd prints, human and `--json`: they pin the record schemas
//! that docs/json.md promises and the human formats of spec/cli.md, in each of the suite's
//! four modes (S3 V2, S3 V4, OSS, KS3).
//!
//! Each test runs a short session against the test server and snapshots its transcript
//! (the command, its exit code, stdout lines as `1| `, stderr lines as `2| `) after filters
//! have replaced what changes from run to run: bucket names, temp paths, dates, request
//! ids, upload ids, ports, recorded mtimes, key fingerprints, signatures and expiry times.
//! ETags are kept: the contents are fixed, so are they. Every stdout line of a `--json`
//! command must also parse as a JSON object, whatever the snapshot says.
//!
//! One snapshot serves all four modes, so a dialect that prints something else fails.
//! Only where the difference is the point is there one snapshot per mode (`NAME@s3-v2`,
//! `NAME@oss`...): the shape of a presigned URL; and per dialect (`NAME@s3`, `NAME@oss`,
//! `NAME@ks3`) the ACLs, which OSS has as canned names only and KS3 names differently.
//!
//! A missing or changed snapshot fails the test (insta's default; with `CI=true` it
//! does not even write a `.snap.new`). To change output on purpose, run the tests in every
//! mode that the change touches, e.g. `OBJCMD_TEST_DIALECT=oss cargo test --test cli
//! snapshots`, which leaves `.snap.new` files beside the snapshots; accept them with
//! `cargo insta review` (cargo-insta), or run with `INSTA_UPDATE=always` to write the
//! snapshots directly. Then read `git diff tests/cases/snapshots/`: a changed JSON record
//! is a change of the compatibility promise of docs/json.md.

use std::process::Output;

use assert_cmd::Command;
use objcmd::client::Dialect;

use crate::support::{TestEnv, access_key, dialect, random_bytes, signature};

/// The suite's mode, as the suffix of the snapshots that differ by mode on purpose.
fn mode() -> String {
    match dialect() {
        Dialect::S3 => format!("s3-{}", signature()),
        other => other.name().to_string(),
    }
}

/// A regex that matches `text` literally.
fn literal(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Filters for what differs between runs whatever the command; they run after a
/// session's own (literal names first, then the shapes).
const COMMON_FILTERS: &[(&str, &str)] = &[
    (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", "[RFC3339]"),
    // Same width as the date it replaces, so that misaligned columns still show.
    (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "YYYY-MM-DD hh:mm"),
    (r"request id [^ )]+", "request id [REQUEST_ID]"),
    (r#""request_id":"[^"]*""#, r#""request_id":"[REQUEST_ID]""#),
    (r"mtime=\d+\.\d+", "mtime=[MTIME]"),
    (r#""mtime":"\d+\.\d+""#, r#""mtime":"[MTIME]""#),
    (r"(127\.0\.0\.1|localhost):\d+", "$1:[PORT]"),
    // The time a tree command's summary gives.
    (r" in \d+\.\ds\b", " in [SECS]"),
    (r#""seconds":[0-9.]+"#, r#""seconds":"[SECS]""#),
];

/// A transcript of objcmd commands, snapshotted at the end.
struct Session<'a> {
    t: &'a TestEnv,
    text: String,
    filters: Vec<(String, String)>,
}

impl<'a> Session<'a> {
    fn new(t: &'a TestEnv) -> Session<'a> {
        let mut s = Session {
            t,
            text: String::new(),
            filters: Vec::new(),
        };
        s.hide(&t.dir.path().display().to_string(), "[TMP]");
        s
    }

    /// Shows `text` as `placeholder` in the snapshot.
    fn hide(&mut self, text: &str, placeholder: &str) {
        self.filter(&literal(text), placeholder);
    }

    fn filter(&mut self, regex: &str, replacement: &str) {
        self.filters
            .push((regex.to_string(), replacement.to_string()));
    }

    /// Runs objcmd against the suite's server ([`TestEnv::cmd`]) and records it.
    fn run(&mut self, args: &[&str]) -> Output {
        let cmd = self.t.cmd();
        self.run_cmd(cmd, args, |_| true)
    }

    /// As [`Session::run`], with `stdin` as the standard input.
    fn run_stdin(&mut self, args: &[&str], stdin: &[u8]) -> Output {
        let mut cmd = self.t.cmd();
        cmd.write_stdin(stdin.to_vec());
        self.run_cmd(cmd, args, |_| true)
    }

    /// Runs objcmd without the server's settings ([`TestEnv::bare`]), for `config`.
    fn run_bare(&mut self, args: &[&str]) -> Output {
        let cmd = self.t.bare();
        self.run_cmd(cmd, args, |_| true)
    }

    /// Runs `cmd` with `args` and records it, keeping only the stdout lines that `keep`
    /// accepts (the bucket list holds other tests' buckets too).
    fn run_cmd(&mut self, mut cmd: Command, args: &[&str], keep: impl Fn(&str) -> bool) -> Output {
        let out = cmd.args(args).output().expect("running objcmd");
        let shown: Vec<String> = args
            .iter()
            .map(|a| {
                if a.is_empty() || a.contains([' ', '\'', '"', '*']) {
                    format!("'{a}'")
                } else {
                    a.to_string()
                }
            })
            .collect();
        self.text
            .push_str(&format!("$ objcmd {}\n", shown.join(" ")));
        self.text
            .push_str(&format!("exit: {}\n", out.status.code().unwrap_or(-1)));
        let stdout = String::from_utf8_lossy(&out.stdout);
        let records =
            args.contains(&"--json") && !(args.contains(&"get") && args.last() == Some(&"-"));
        for line in stdout.lines().filter(|l| keep(l)) {
            if records {
                let v: serde_json::Value = serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("not a JSON record: {line:?}: {e}"));
                assert!(v.is_object(), "not a JSON object: {line}");
            }
            self.text.push_str(&format!("1| {line}\n"));
        }
        if !stdout.is_empty() && !stdout.ends_with('\n') {
            self.text.push_str("1| (no newline at the end)\n");
        }
        for line in String::from_utf8_lossy(&out.stderr).lines() {
            self.text.push_str(&format!("2| {line}\n"));
        }
        out
    }

    /// Snapshots the transcript as `name`, one snapshot for every mode.
    fn snapshot(self, name: &str) {
        self.snapshot_as(name, None);
    }

    /// Snapshots the transcript as `name@MODE`: output that differs by mode on purpose.
    fn snapshot_per_mode(self, name: &str) {
        self.snapshot_as(name, Some(mode()));
    }

    /// Snapshots the transcript as `name@DIALECT`: output that differs by dialect on
    /// purpose, whatever the signature version.
    fn snapshot_per_dialect(self, name: &str) {
        self.snapshot_as(name, Some(dialect().name().to_string()));
    }

    fn snapshot_as(self, name: &str, suffix: Option<String>) {
        let mut settings = insta::Settings::clone_current();
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        if let Some(suffix) = suffix {
            settings.set_snapshot_suffix(suffix);
        }
        for (regex, replacement) in &self.filters {
            settings.add_filter(regex, replacement.as_str());
        }
        for (regex, replacement) in COMMON_FILTERS {
            settings.add_filter(regex, *replacement);
        }
        let text = self.text;
        settings.bind(|| insta::assert_snapshot!(name, text));
    }
}

/// Runs a setup command that is not part of the transcript.
fn setup(t: &TestEnv, args: &[&str]) {
    t.cmd().args(args).assert().success();
}

#[test]
fn snapshots_of_ls() {
    let t = TestEnv::new();
    let b = t.bucket("snap-ls");
    t.write("a.txt", b"hello\n");
    t.write("tree/1.txt", b"one");
    t.write("tree/sub/2.json", b"{\"n\": 2}\n");
    // Two parts: a multipart ETag is the widest ETag column of `ls -l`.
    t.write("big.bin", &random_bytes(6 << 20, 7));
    setup(&t, &["put", "a.txt", &b.url("a.txt")]);
    setup(&t, &["put", "-r", "tree", &b.url("dir/")]);
    setup(
        &t,
        &["put", "--part-size", "5MiB", "big.bin", &b.url("big.bin")],
    );
    let mut s = Session::new(&t);
    s.hide(&b.name, "[BUCKET]");
    // The bucket list has other tests' buckets: only this one's line is kept. Its scheme is
    // the dialect's (oss://, ks3://), shown as s3://.
    s.filter(r"\b(oss|ks3)://", "s3://");
    for json in [false, true] {
        let mut args = vec!["ls"];
        if json {
            args.insert(0, "--json");
        }
        let cmd = t.cmd();
        s.run_cmd(cmd, &args, |l| l.contains(&b.name));
    }
    let root = b.url("");
    for flags in [
        &[][..],
        &["-l"],
        &["-H"],
        &["-l", "-H"],
        &["-r"],
        &["-r", "-l"],
    ] {
        let mut args = vec!["ls"];
        args.extend_from_slice(flags);
        args.push(&root);
        s.run(&args);
    }
    s.run(&["ls", &b.url("dir/")]);
    s.run(&["--json", "ls", &root]);
    s.run(&["--json", "ls", "-r", &root]);
    s.snapshot("ls");
}

#[test]
fn snapshots_of_stat() {
    let t = TestEnv::new();
    let b = t.bucket("snap-stat");
    t.write("a.txt", b"hello\n");
    setup(
        &t,
        &["put", "a.txt", &b.url("a.txt"), "--meta", "color=blue"],
    );
    let mut s = Session::new(&t);
    s.hide(&b.name, "[BUCKET]");
    setup(&t, &["put", "a.txt", &b.url("dir/b.txt")]);
    s.run(&["stat", &b.url("a.txt")]);
    s.run(&["--json", "stat", &b.url("a.txt")]);
    // Keys that are prefixes: exit 4 with a hint to list them.
    s.run(&["stat", &b.url("dir")]);
    s.run(&["--json", "stat", &b.url("dir/")]);
    s.snapshot("stat");
}

#[test]
fn snapshots_of_transfers() {
    let t = TestEnv::new();
    let b = t.bucket("snap-xfer");
    t.write("a.txt", b"hello\n");
    t.write("tree/1.txt", b"one");
    t.write("tree/sub/2.json", b"{\"n\": 2}\n");
    let mut s = Session::new(&t);
    s.hide(&b.name, "[BUCKET]");
    // put: a file, stdin, a tree; a skip; dry runs.
    s.run(&["put", "a.txt", &b.url("a.txt")]);
    s.run(&["--json", "put", "a.txt", &b.url("j/a.txt")]);
    s.run_stdin(&["put", "-", &b.url("stdin.txt")], b"from stdin\n");
    s.run_stdin(
        &["--json", "put", "-", &b.url("j/stdin.txt")],
        b"from stdin\n",
    );
    s.run(&["put", "-r", "-j", "1", "tree", &b.url("dir/")]);
    s.run(&["--json", "put", "-r", "-j", "1", "tree", &b.url("j/dir/")]);
    s.run(&["put", "--no-clobber", "a.txt", &b.url("a.txt")]);
    s.run(&["--json", "put", "--no-clobber", "a.txt", &b.url("a.txt")]);
    s.run(&["put", "--dry-run", "a.txt", &b.url("planned.txt")]);
    s.run(&["--json", "put", "--dry-run", "a.txt", &b.url("planned.txt")]);
    s.run(&[
        "--json",
        "put",
        "--dry-run",
        "-r",
        "-j",
        "1",
        "tree",
        &b.url("p/"),
    ]);
    // get: a file, stdout, a tree; a skip; dry runs.
    s.run(&["get", &b.url("a.txt"), "got.txt"]);
    s.run(&["--json", "get", &b.url("a.txt"), "got-j.txt"]);
    s.run(&["get", &b.url("a.txt"), "-"]);
    s.run(&["--json", "get", &b.url("a.txt"), "-"]);
    s.run(&["get", "-r", "-j", "1", &b.url("dir/"), "down"]);
    s.run(&["--json", "get", "-r", "-j", "1", &b.url("dir/"), "down-j"]);
    s.run(&["get", "--no-clobber", &b.url("a.txt"), "got.txt"]);
    s.run(&["--json", "get", "--no-clobber", &b.url("a.txt"), "got.txt"]);
    s.run(&["get", "--dry-run", &b.url("a.txt"), "never.txt"]);
    s.run(&["--json", "get", "--dry-run", &b.url("a.txt"), "never.txt"]);
    // cp on the server.
    s.run(&["cp", &b.url("a.txt"), &b.url("copy.txt")]);
    s.run(&["--json", "cp", &b.url("a.txt"), &b.url("j/copy.txt")]);
    s.run(&[
        "--json",
        "cp",
        "--dry-run",
        &b.url("a.txt"),
        &b.url("c2.txt"),
    ]);
    s.run(&[
        "--json",
        "cp",
        "-r",
        "-j",
        "1",
        &b.url("dir/"),
        &b.url("j/cp/"),
    ]);
    // sync down, again (up to date), and a planned sync up with --delete.
    s.run(&["sync", "-j", "1", &b.url("dir/"), "synced"]);
    s.run(&["--json", "sync", "-j", "1", &b.url("dir/"), "synced-j"]);
    s.run(&["sync", "-j", "1", &b.url("dir/"), "synced"]);
    s.run(&["--json", "sync", "-j", "1", &b.url("dir/"), "synced-j"]);
    t.write("synced/new.txt", b"new");
    s.run(&[
        "--json",
        "sync",
        "--dry-run",
        "--delete",
        "-j",
        "1",
        "synced",
        &b.url("j/dir/"),
    ]);
    s.run(&[
        "sync",
        "--dry-run",
        "--delete",
        "-j",
        "1",
        "synced",
        &b.url("j/dir/"),
    ]);
    // rm: one, planned, a tree.
    s.run(&["rm", &b.url("copy.txt")]);
    s.run(&["--json", "rm", &b.url("j/copy.txt")]);
    s.run(&["rm", "--dry-run", &b.url("a.txt")]);
    s.run(&["--json", "rm", "--dry-run", &b.url("a.txt")]);
    s.run(&["rm", "-r", &b.url("dir/")]);
    s.run(&["--json", "rm", "-r", &b.url("j/")]);
    s.run(&["rm", "-r", &b.url("dir/")]);
    s.snapshot("transfers");
    assert_eq!(std::fs::read(t.path("got.txt")).unwrap(), b"hello\n");
}

#[test]
fn snapshots_of_check() {
    let t = TestEnv::new();
    let b = t.bucket("snap-check");
    t.write("tree/1.txt", b"one");
    t.write("tree/sub/2.json", b"{\"n\": 2}\n");
    setup(&t, &["put", "-r", "tree", &b.url("dir/")]);
    let mut s = Session::new(&t);
    s.hide(&b.name, "[BUCKET]");
    s.run(&["check", "tree", &b.url("dir/")]);
    s.run(&["--json", "check", "tree", &b.url("dir/")]);
    // One difference of each kind; one worker, so that the lines come in key order.
    t.write("tree/0-new.txt", b"new");
    t.write("tree/sub/2.json", b"{\"n\": 22}\n");
    setup(&t, &["put", "tree/1.txt", &b.url("dir/9-extra.txt")]);
    s.run(&["check", "-j", "1", "tree", &b.url("dir/")]);
    s.run(&["--json", "check", "-j", "1", "tree", &b.url("dir/")]);
    s.run(&["check", "-j", "1", "--one-way", &b.url("dir/"), "tree"]);
    s.run(&["check", "tree", &b.url("dir/").replace("s3://", "s3://no-")]);
    s.snapshot("check");
}

#[test]
fn snapshots_of_mb_and_rb() {
    let t = TestEnv::new();
    let b = t.bucket("snap-mb");
    let (one, two) = (format!("s3://{}-1", b.name), format!("s3://{}-2", b.name));
    let mut s = Session::new(&t);
    s.hide(&b.name, "[BUCKET]");
    s.run(&["mb", &one]);
    s.run(&["--json", "mb", &two]);
    s.run(&["--json", "mb", &two]);
    s.run(&["rb", &one]);
    s.run(&["--json", "rb", &two]);
    s.run(&["rb", &two]);
    s.run(&["--json", "mb", "s3://Bad_Name"]);
    s.snapshot("mb_rb");
}

#[test]
fn snapshots_of_acl() {
    let t = TestEnv::new();
    let b = t.bucket("snap-acl");
    t.write("a.txt", b"hello\n");
    setup(&t, &["put", "a.txt", &b.url("a.txt")]);
    let mut s = Session::new(&t);
    s.hide(&b.name, "[BUCKET]");
    s.run(&["acl", "get", &b.url("")]);
    s.run(&["--json", "acl", "get", &b.url("a.txt")]);
    s.run(&["acl", "set", &b.url("a.txt"), "public-read"]);
    s.run(&["--json", "acl", "set", &b.url(""), "public-read"]);
    s.run(&["acl", "get", &b.url("a.txt")]);
    s.run(&["--json", "acl", "get", &b.url("a.txt")]);
    s.run(&["--json", "acl", "set", &b.url("a.txt"), "no-such-acl"]);
    // Per dialect on purpose: OSS has canned ACLs only (its grants are derived from the
    // name), and KS3 names its groups with its own URIs.
    s.snapshot_per_dialect("acl");
}

#[test]
fn snapshots_of_signurl() {
    let t = TestEnv::new();
    let b = t.bucket("snap-sign");
    let mut s = Session::new(&t);
    s.hide(&b.name, "[BUCKET]");
    s.hide(access_key(), "[ACCESS_KEY]");
    // The signature, and the times it was made at and expires at.
    s.filter(r#"([Ss]ignature=)[^&\s"]+"#, "$1[SIGNATURE]");
    s.filter(r"(Expires=)\d+", "$1[UNIX]");
    s.filter(r#"("expires":)\d+"#, "$1[UNIX]");
    s.filter(r"\d{8}T\d{6}Z", "[YYYYMMDDThhmmssZ]");
    s.filter(r"%2F\d{8}%2F", "%2F[YYYYMMDD]%2F");
    s.run(&["signurl", &b.url("dir/a b.txt")]);
    s.run(&["--json", "signurl", "--expires", "60", &b.url("a.txt")]);
    s.run(&["--json", "signurl", "--method", "put", &b.url("a.txt")]);
    s.run(&["--json", "signurl", &b.url("")]);
    // The query parameters are the dialect's and signature version's: the point here.
    s.snapshot_per_mode("signurl");
}

#[test]
fn snapshots_of_multipart() {
    let t = TestEnv::new();
    let b = t.bucket("snap-mp");
    let part = b"one small part: the last part may be small\n";
    t.write("part.bin", part);
    let mut s = Session::new(&t);
    s.hide(&b.name, "[BUCKET]");
    // A presigned URL's shape is the dialect's, pinned per mode by the signurl snapshots;
    // here it is one placeholder, so that this snapshot holds for every mode.
    s.filter(r#""url":"http[^"]+""#, r#""url":"[PRESIGNED_URL]""#);
    s.filter(r#"("expires":)\d+"#, "$1[UNIX]");
    let out = s.run(&["multipart", "init", &b.url("one.bin")]);
    let one = String::from_utf8(out.stdout).unwrap().trim().to_string();
    s.hide(&one, "[UPLOAD_ID_1]");
    let size = part.len().to_string();
    let out = s.run(&[
        "--json",
        "multipart",
        "sign-parts",
        &b.url("two.bin"),
        "--size",
        &size,
    ]);
    let signed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let two = signed["upload_id"].as_str().unwrap().to_string();
    s.hide(&two, "[UPLOAD_ID_2]");
    let url = signed["parts"][0]["url"].as_str().unwrap();
    let curl = std::process::Command::new("curl")
        .args(["-sS", "-f", "-X", "PUT", "-T", "part.bin", url])
        .current_dir(t.dir.path())
        .output()
        .expect("running curl");
    assert!(curl.status.success(), "curl PUT of the part: {curl:?}");
    s.run(&["multipart", "ls", &b.url("")]);
    s.run(&["--json", "multipart", "ls", &b.url("")]);
    s.run(&["multipart", "parts", &b.url("two.bin"), "--upload-id", &two]);
    s.run(&[
        "--json",
        "multipart",
        "parts",
        &b.url("two.bin"),
        "--upload-id",
        &two,
    ]);
    s.run(&[
        "--json",
        "multipart",
        "complete",
        &b.url("two.bin"),
        "--upload-id",
        &two,
    ]);
    s.run(&["multipart", "abort", &b.url("one.bin"), "--upload-id", &one]);
    let out = s.run(&["--json", "multipart", "init", &b.url("three.bin")]);
    let three: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    s.hide(three["upload_id"].as_str().unwrap(), "[UPLOAD_ID_3]");
    s.run(&["--json", "multipart", "abort", "--all", &b.url("")]);
    s.run(&[
        "--json",
        "multipart",
        "parts",
        &b.url("two.bin"),
        "--upload-id",
        &two,
    ]);
    s.snapshot("multipart");
    assert_eq!(
        md5_of_object(&t, &b.url("two.bin")),
        crate::support::md5_hex(part)
    );
}

/// The MD5 of an object's content, downloaded.
fn md5_of_object(t: &TestEnv, url: &str) -> String {
    let out = t.cmd().args(["get", url, "-"]).output().unwrap();
    assert!(out.status.success());
    crate::support::md5_hex(&out.stdout)
}

#[test]
fn snapshots_of_config() {
    let t = TestEnv::new();
    let mut s = Session::new(&t);
    // A new random key each time.
    s.filter(
        r#""fingerprint":"[^"]+""#,
        r#""fingerprint":"[FINGERPRINT]""#,
    );
    s.run_bare(&["config", "path"]);
    s.run_bare(&["--json", "config", "path"]);
    s.run_bare(&[
        "config",
        "init",
        "--provider",
        "oss",
        "--endpoint",
        "https://oss-cn-hangzhou.aliyuncs.com",
        "--access-key",
        "LTAIEXAMPLEKEY",
        "--secret-key",
        "exampleSecretKeyOfThirtyChars",
    ]);
    s.run_bare(&[
        "--json",
        "-p",
        "ks3",
        "config",
        "init",
        "--provider",
        "ks3",
        "--endpoint",
        "ks3-cn-beijing.ksyuncs.com",
        "--access-key",
        "AKLTEXAMPLE",
        "--secret-key",
        "short",
    ]);
    s.run_bare(&["config", "set", "region", "cn-hangzhou"]);
    s.run_bare(&["--json", "config", "set", "jobs", "8"]);
    s.run_bare(&[
        "--json",
        "config",
        "set",
        "encryption_key_file",
        "keys/main.key",
    ]);
    s.run_bare(&[
        "--json",
        "-p",
        "ks3",
        "config",
        "set",
        "secret_key",
        "newSecretKeyOfTwentyChars",
    ]);
    s.run_bare(&["--json", "config", "set", "default_profile", "default"]);
    s.run_bare(&["config", "get", "region"]);
    s.run_bare(&["--json", "config", "get", "secret_key"]);
    s.run_bare(&["config", "get", "secret_key", "--reveal"]);
    s.run_bare(&["config", "get", "part_size"]);
    s.run_bare(&["--json", "config", "get", "part_size"]);
    s.run_bare(&["--json", "config", "get", "no_such_key"]);
    s.run_bare(&["config", "list"]);
    s.run_bare(&["--json", "config", "list"]);
    s.run_bare(&["-p", "ks3", "config", "list"]);
    s.run_bare(&["config", "gen-key", "keys/main.key"]);
    s.run_bare(&["--json", "config", "gen-key", "keys/other.key"]);
    s.run_bare(&["--json", "config", "gen-key", "keys/other.key"]);
    s.snapshot("config");
}

#[test]
fn snapshots_of_errors() {
    let t = TestEnv::new();
    let b = t.bucket("snap-err");
    let missing_bucket = format!("s3://{}-none/", b.name);
    let mut s = Session::new(&t);
    s.hide(&b.name, "[BUCKET]");
    for json in [false, true] {
        let j: &[&str] = if json { &["--json"] } else { &[] };
        let with = |args: &[&str]| -> Vec<String> {
            j.iter().chain(args).map(|a| a.to_string()).collect()
        };
        for args in [
            with(&["stat", &b.url("missing.txt")]),
            with(&["stat", &format!("{missing_bucket}missing.txt")]),
            with(&["get", &b.url("missing.txt"), "out.txt"]),
            with(&["ls", &missing_bucket]),
            with(&["put", "no-such-file.txt", &b.url("k")]),
            with(&["stat", &b.url("")]),
            with(&["ls", "--no-such-flag"]),
            with(&["put"]),
            with(&["multipart", "parts", &b.url("k")]),
            with(&["multipart", "abort", "--all", &missing_bucket]),
            with(&["get", "--range", "9-1", &b.url("k"), "x"]),
            with(&["rm", &b.url("gone.txt"), &format!("{missing_bucket}k")]),
        ] {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            s.run(&args);
        }
    }
    assert!(!t.path("out.txt").exists());
    s.snapshot("errors");
}
