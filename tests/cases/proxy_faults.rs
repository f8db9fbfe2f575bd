//! Faults between objcmd and the real server, from the fault-injecting proxy
//! (`support::proxy`): connections reset before the request or in the middle of the
//! response, stalls longer than `--timeout`, 500 and 503 replies, bodies cut short or with
//! a byte flipped, and 200 replies carrying an `<Error>` for Complete and Copy.
//!
//! What must hold: a fault applied fewer times than the retry budget costs nothing (the
//! command succeeds and the data is byte-identical); one applied more times fails with the
//! right exit code and one error line naming the request id; corrupt data is never written
//! under the target name; and a multipart upload is never completed with a missing or bad
//! part, nor left behind.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

use crate::support::proxy::{Fault, Hit, Match, Proxy, Rule};
use crate::support::{
    TestBucket, TestEnv, dir_entries, json_lines, md5_file, md5_hex, multipart_etag, random_bytes,
};

pub(super) const MIB: usize = 1 << 20;

/// objcmd through the proxy, with a short timeout and 5 MiB parts, so that stalls are
/// noticed soon and objects of a few MiB go up and down in parts.
/// objcmd talking S3 to radosgw through the proxy, in every dialect's run: the faults are
/// the transport's, the same for all three dialects.
pub(super) fn via(t: &TestEnv, proxy: &Proxy) -> Command {
    let mut cmd = t.cmd_signing(&crate::support::signature());
    cmd.args(["--endpoint", &proxy.endpoint()])
        .args(["--timeout", "2", "--part-size", "5MiB"]);
    cmd
}

pub(super) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs a command, checks its exit code, and returns its output.
pub(super) fn run(cmd: &mut Command, code: i32, proxy: &Proxy) -> Output {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "stderr:\n{}\nrequests:\n{}",
        stderr(&out),
        proxy.dump()
    );
    out
}

/// The stderr of a failed command is one `objcmd: error:` line (and maybe a `hint:`);
/// returns the error line.
pub(super) fn one_error_line(out: &Output) -> String {
    let text = stderr(out);
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("hint: ")).collect();
    assert_eq!(lines.len(), 1, "one error line expected:\n{text}");
    assert!(lines[0].starts_with("objcmd: error: "), "{text}");
    lines[0].to_string()
}

/// The MD5 of an object, read straight from the server.
pub(super) fn remote_md5(t: &TestEnv, url: &str) -> String {
    let out = t.cmd().args(["get", url, "-"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    md5_hex(&out.stdout)
}

/// The ETag of an object, from the server.
pub(super) fn etag_of(t: &TestEnv, url: &str) -> String {
    let out = t.cmd().args(["--json", "stat", url]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    json_lines(&out.stdout)[0]["etag"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Asserts that the key does not exist on the server.
pub(super) fn assert_absent(t: &TestEnv, url: &str) {
    t.cmd().args(["stat", url]).assert().code(4);
}

/// Unfinished multipart uploads in the bucket, as (key, upload id).
pub(super) fn uploads(t: &TestEnv, b: &TestBucket) -> Vec<(String, String)> {
    let out = t
        .cmd()
        .args(["--json", "multipart", "ls", &b.url("")])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    json_lines(&out.stdout)
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap().to_string(),
                r["upload_id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Asserts that no download temp file (`.NAME.objcmd-*`) is left in `dir`.
pub(super) fn assert_no_temp_files(dir: &Path) {
    let entries = dir_entries(dir);
    assert!(
        entries.iter().all(|n| !n.contains(".objcmd-")),
        "temp files left: {entries:?}"
    );
}

/// Uploads straight to the server (no proxy).
pub(super) fn put_direct(t: &TestEnv, name: &str, data: &[u8], url: &str) {
    t.write(name, data);
    t.cmd()
        .args(["put", name, url, "--part-size", "5MiB"])
        .assert()
        .success();
}

/// Asserts that -v reported the body of `key` cut short at an offset in `first..=last`
/// and resumed. (After a reset, the client may not get every byte the proxy sent.)
pub(super) fn assert_cut(stderr: &str, key: &str, first: usize, last: usize) {
    let prefix = format!("the body of {key} ended after ");
    let found = stderr
        .lines()
        .filter_map(|l| l.split_once(&prefix))
        .filter(|(_, rest)| rest.contains("; resuming"))
        .filter_map(|(_, rest)| rest.split(' ').next()?.parse::<usize>().ok())
        .any(|n| (first..=last).contains(&n));
    assert!(
        found,
        "no line says the body of {key} was cut within {first}..={last}:\n{stderr}"
    );
}

/// True for a CompleteMultipartUpload request.
pub(super) fn is_complete(hit: &Hit) -> bool {
    hit.method == "POST" && hit.query_has("uploadId=")
}

/// `/BUCKET/KEY`: the path of a request for the key.
pub(super) fn path(b: &TestBucket, key: &str) -> String {
    format!("/{}/{key}", b.name)
}

/// Asserts that -v reported retrying `operation` on `resource` because of `why`.
pub(super) fn assert_retried(stderr: &str, operation: &str, resource: &str, why: &str) {
    let found = stderr.lines().any(|l| {
        l.contains(&format!("retrying {operation} {resource} in "))
            && l.contains("(attempt ")
            && l.contains(why)
    });
    assert!(
        found,
        "no line says {operation} {resource} was retried because of {why:?}:\n{stderr}"
    );
}

#[test]
fn a_single_put_and_get_survive_transient_faults() {
    let t = TestEnv::new();
    let b = t.bucket("px-single");
    let data = random_bytes(3 * MIB + 17, 1);
    t.write("small.bin", &data);
    let key = path(&b, "small.bin");
    let put = || Match::method("PUT").path(&key);
    let proxy = Proxy::to_server(vec![
        Rule::new(put(), Fault::ResetRequest),
        Rule::new(put(), Fault::internal_error()),
        Rule::new(put(), Fault::stall()),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "put", "small.bin", &b.url("small.bin")]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(&err, "PutObject", &key, "Connection reset by peer");
    assert_retried(&err, "PutObject", &key, "InternalError");
    // An upload waits 1 s per 256 KiB of body longer than --timeout: the proxy gives up
    // first.
    assert_retried(
        &err,
        "PutObject",
        &key,
        "connection closed before message completed",
    );
    assert!(err.contains("(attempt 4 of 6)"), "{err}");
    assert_eq!((proxy.fired(0), proxy.fired(1), proxy.fired(2)), (1, 1, 1));
    assert_eq!(etag_of(&t, &b.url("small.bin")), md5_hex(&data));

    let get = || Match::method("GET").path(&key);
    proxy.set_rules(vec![
        Rule::new(get(), Fault::ResetResponse { after: MIB }),
        Rule::new(get(), Fault::Truncate { after: 100_000 }),
        Rule::new(get(), Fault::slow_down()),
        Rule::new(get(), Fault::stall()),
        Rule::new(get(), Fault::ResetRequest),
    ]);
    t.write("target.bin", b"old content");
    let out = run(
        via(&t, &proxy).args(["-v", "get", &b.url("small.bin"), "target.bin"]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_cut(&err, "small.bin", 0, MIB);
    assert!(err.contains("resuming (attempt 3 of 6)"), "{err}");
    assert_retried(&err, "GetObject", &key, "SlowDown");
    assert_retried(&err, "GetObject", &key, "timed out");
    assert_retried(&err, "GetObject", &key, "Connection reset by peer");
    assert_eq!(proxy.faults().len(), 5, "{}", proxy.dump());
    assert_eq!(md5_file(&t.path("target.bin")), md5_hex(&data));
    assert_no_temp_files(t.dir.path());
}

#[test]
fn a_multipart_put_survives_transient_faults() {
    let t = TestEnv::new();
    let b = t.bucket("px-mp-put");
    let data = random_bytes(12 * MIB + 1, 2);
    t.write("big.bin", &data);
    let part = |n: u32| Match::method("PUT").query(&format!("partNumber={n}&"));
    let complete = || Match::method("POST").query("uploadId=");
    let proxy = Proxy::to_server(vec![
        Rule::new(part(1), Fault::ResetRequest),
        Rule::new(part(2), Fault::slow_down()).times(2),
        Rule::new(part(3), Fault::internal_error()),
        Rule::new(complete(), Fault::internal_error()),
        Rule::new(complete(), Fault::ResetRequest),
        Rule::new(complete(), Fault::stall()),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "put", "big.bin", &b.url("big.bin")]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    let key = path(&b, "big.bin");
    assert_retried(&err, "UploadPart", &key, "Connection reset by peer");
    assert_retried(&err, "UploadPart", &key, "SlowDown");
    assert_retried(&err, "UploadPart", &key, "InternalError");
    assert_retried(&err, "CompleteMultipartUpload", &key, "InternalError");
    assert_retried(
        &err,
        "CompleteMultipartUpload",
        &key,
        "Connection reset by peer",
    );
    assert_retried(&err, "CompleteMultipartUpload", &key, "timed out");
    assert_eq!(proxy.faults().len(), 7, "{}", proxy.dump());
    // Every body went with its length: no chunked uploads (the proxy refuses those).
    for hit in proxy.hits() {
        if hit.method == "PUT" || hit.method == "POST" {
            assert_eq!(
                hit.header("content-length"),
                Some(hit.body_len.to_string().as_str())
            );
        }
    }
    assert_eq!(
        etag_of(&t, &b.url("big.bin")),
        multipart_etag(&data, 5 * MIB)
    );
    assert_eq!(remote_md5(&t, &b.url("big.bin")), md5_hex(&data));
    assert!(uploads(&t, &b).is_empty());
}

#[test]
fn a_multipart_get_survives_transient_faults() {
    let t = TestEnv::new();
    let b = t.bucket("px-mp-get");
    let data = random_bytes(12 * MIB + 1, 3);
    put_direct(&t, "src.bin", &data, &b.url("big.bin"));
    let range = |first: usize| Match::method("GET").header("range", &format!("bytes={first}-"));
    let proxy = Proxy::to_server(vec![
        Rule::new(range(0), Fault::slow_down()),
        Rule::new(range(0), Fault::stall()),
        Rule::new(range(5 * MIB), Fault::ResetResponse { after: MIB }),
        Rule::new(range(10 * MIB), Fault::Truncate { after: 65_536 }),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "get", &b.url("big.bin"), "big.bin"]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    let key = path(&b, "big.bin");
    assert_retried(&err, "GetObject", &key, "SlowDown");
    assert_retried(&err, "GetObject", &key, "timed out");
    assert_cut(&err, "big.bin", 5 * MIB, 6 * MIB);
    assert!(
        err.contains(&format!("ended after {} of", 10 * MIB + 65_536)),
        "{err}"
    );
    assert_eq!(proxy.faults().len(), 4, "{}", proxy.dump());
    // The resumed ranges are pinned to the ETag.
    let etag = format!("\"{}\"", etag_of(&t, &b.url("big.bin")));
    let resumed: Vec<_> = proxy
        .hits()
        .into_iter()
        .filter(|h| h.header("if-match").is_some())
        .collect();
    assert!(resumed.len() >= 2, "{}", proxy.dump());
    assert!(resumed.iter().all(|h| h.header("if-match") == Some(&etag)));
    assert_eq!(md5_file(&t.path("big.bin")), md5_hex(&data));
    assert_no_temp_files(t.dir.path());
}

#[test]
fn server_side_copies_survive_transient_faults() {
    let t = TestEnv::new();
    let b = t.bucket("px-cp");
    let small = random_bytes(2 * MIB + 5, 4);
    let big = random_bytes(12 * MIB + 7, 5);
    put_direct(&t, "small.bin", &small, &b.url("src/small.bin"));
    put_direct(&t, "big.bin", &big, &b.url("src/big.bin"));

    let copy = || Match::method("PUT").header("x-amz-copy-source", "/src/");
    let proxy = Proxy::to_server(vec![
        Rule::new(Match::method("HEAD"), Fault::ResetRequest),
        Rule::new(copy(), Fault::internal_error()),
        Rule::new(copy(), Fault::ResetRequest),
        Rule::new(copy(), Fault::stall()),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "cp", &b.url("src/small.bin"), &b.url("dst/small.bin")]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    let dst = path(&b, "dst/small.bin");
    assert_retried(
        &err,
        "HeadObject",
        &path(&b, "src/small.bin"),
        "Connection reset by peer",
    );
    assert_retried(&err, "CopyObject", &dst, "InternalError");
    assert_retried(&err, "CopyObject", &dst, "Connection reset by peer");
    assert_retried(&err, "CopyObject", &dst, "timed out");
    assert_eq!(proxy.faults().len(), 4, "{}", proxy.dump());
    assert_eq!(remote_md5(&t, &b.url("dst/small.bin")), md5_hex(&small));

    // Above --copy-threshold: UploadPartCopy in 5 MiB parts, then Complete.
    let part_copy = |n: u32| copy().query(&format!("partNumber={n}&"));
    let complete = || Match::method("POST").query("uploadId=");
    proxy.set_rules(vec![
        Rule::new(Match::method("HEAD"), Fault::slow_down()).times(2),
        Rule::new(part_copy(1), Fault::ResetRequest),
        Rule::new(part_copy(2), Fault::slow_down()).times(2),
        Rule::new(part_copy(3), Fault::stall()),
        Rule::new(complete(), Fault::internal_error()),
        Rule::new(complete(), Fault::ResetRequest),
    ]);
    let out = run(
        via(&t, &proxy)
            .args(["-v", "cp", &b.url("src/big.bin"), &b.url("dst/big.bin")])
            .args(["--copy-threshold", "5MiB"]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    let dst = path(&b, "dst/big.bin");
    assert_retried(&err, "UploadPartCopy", &dst, "Connection reset by peer");
    assert_retried(&err, "UploadPartCopy", &dst, "SlowDown");
    assert_retried(&err, "UploadPartCopy", &dst, "timed out");
    assert_retried(&err, "CompleteMultipartUpload", &dst, "InternalError");
    assert_retried(
        &err,
        "CompleteMultipartUpload",
        &dst,
        "Connection reset by peer",
    );
    assert_eq!(proxy.faults().len(), 8, "{}", proxy.dump());
    assert_eq!(
        proxy
            .hits()
            .iter()
            .filter(|h| h.query_has("partNumber=") && h.status == Some(200))
            .count(),
        3,
        "{}",
        proxy.dump()
    );
    assert_eq!(remote_md5(&t, &b.url("dst/big.bin")), md5_hex(&big));
    assert!(uploads(&t, &b).is_empty());
}

#[test]
fn rm_survives_transient_faults() {
    let t = TestEnv::new();
    let b = t.bucket("px-rm");
    for key in ["one.txt", "dir/a.txt", "dir/b.txt", "dir/sub/c.txt"] {
        put_direct(&t, "f.txt", key.as_bytes(), &b.url(key));
    }
    let proxy = Proxy::to_server(vec![
        Rule::new(Match::method("DELETE"), Fault::internal_error()),
        Rule::new(Match::method("DELETE"), Fault::ResetRequest),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "rm", &b.url("one.txt")]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(&err, "DeleteObject", &path(&b, "one.txt"), "InternalError");
    assert_retried(
        &err,
        "DeleteObject",
        &path(&b, "one.txt"),
        "Connection reset by peer",
    );
    assert_absent(&t, &b.url("one.txt"));

    let batch = || Match::method("POST").query("delete");
    proxy.set_rules(vec![
        Rule::new(Match::method("GET"), Fault::slow_down()),
        Rule::new(Match::method("GET"), Fault::ResetRequest),
        Rule::new(batch(), Fault::slow_down()),
        Rule::new(batch(), Fault::ResetRequest),
        Rule::new(batch(), Fault::stall()),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "rm", "-r", &b.url("dir/")]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(&err, "DeleteObjects", &path(&b, ""), "SlowDown");
    assert_retried(&err, "ListObjects", &path(&b, ""), "SlowDown");
    assert_retried(
        &err,
        "DeleteObjects",
        &path(&b, ""),
        "Connection reset by peer",
    );
    assert_retried(&err, "DeleteObjects", &path(&b, ""), "timed out");
    assert_eq!(proxy.faults().len(), 5, "{}", proxy.dump());
    let listed = t
        .cmd()
        .args(["ls", "-r", &b.url("")])
        .output()
        .unwrap()
        .stdout;
    assert!(listed.is_empty(), "{}", String::from_utf8_lossy(&listed));
}

/// A small tree: a few small files and one that goes up in parts.
pub(super) fn write_tree(t: &TestEnv, root: &str, seed: u64) -> Vec<(String, Vec<u8>)> {
    let files = vec![
        ("a.txt".to_string(), b"alpha\n".to_vec()),
        ("sub/b.bin".to_string(), random_bytes(MIB, seed)),
        (
            "sub/deeper/c.bin".to_string(),
            random_bytes(100_000, seed + 1),
        ),
        (
            "sub/large.bin".to_string(),
            random_bytes(7 * MIB + 3, seed + 2),
        ),
    ];
    for (name, data) in &files {
        t.write(&format!("{root}/{name}"), data);
    }
    files
}

pub(super) fn assert_tree(t: &TestEnv, root: &str, files: &[(String, Vec<u8>)]) {
    for (name, data) in files {
        let path = t.path(&format!("{root}/{name}"));
        assert_eq!(md5_file(&path), md5_hex(data), "{}", path.display());
    }
    for dir in [root.to_string(), format!("{root}/sub")] {
        assert_no_temp_files(&t.path(&dir));
    }
}

#[test]
fn sync_up_and_down_survive_transient_faults() {
    let t = TestEnv::new();
    let b = t.bucket("px-sync");
    let files = write_tree(&t, "up", 10);
    let list = || {
        Match::method("GET")
            .path(&format!("/{}/", b.name))
            .query("prefix=")
    };
    let proxy = Proxy::to_server(vec![
        Rule::new(list(), Fault::slow_down()),
        Rule::new(list(), Fault::ResetRequest),
        Rule::new(Match::method("PUT").path("a.txt"), Fault::ResetRequest),
        Rule::new(Match::method("PUT").path("c.bin"), Fault::stall()),
        Rule::new(
            Match::method("PUT").query("partNumber=2&"),
            Fault::internal_error(),
        ),
        Rule::new(Match::method("POST").query("uploadId="), Fault::slow_down()),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "sync", "up", &b.url("tree/")]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(
        &err,
        "PutObject",
        &path(&b, "tree/a.txt"),
        "Connection reset by peer",
    );
    assert_retried(
        &err,
        "PutObject",
        &path(&b, "tree/sub/deeper/c.bin"),
        "timed out",
    );
    assert_retried(
        &err,
        "UploadPart",
        &path(&b, "tree/sub/large.bin"),
        "InternalError",
    );
    assert_retried(
        &err,
        "CompleteMultipartUpload",
        &path(&b, "tree/sub/large.bin"),
        "SlowDown",
    );
    assert_eq!(proxy.faults().len(), 6, "{}", proxy.dump());
    assert!(err.contains("4 transferred"), "{err}");
    for (name, data) in &files {
        assert_eq!(
            remote_md5(&t, &b.url(&format!("tree/{name}"))),
            md5_hex(data)
        );
    }
    assert!(uploads(&t, &b).is_empty());

    proxy.set_rules(vec![
        Rule::new(list(), Fault::stall()),
        Rule::new(Match::method("GET").path("a.txt"), Fault::internal_error()),
        Rule::new(
            Match::method("GET").path("b.bin"),
            Fault::ResetResponse { after: 1000 },
        ),
        Rule::new(
            Match::method("GET").header("range", &format!("bytes={}-", 5 * MIB)),
            Fault::Truncate { after: 10 },
        ),
        Rule::new(Match::method("GET").path("large.bin"), Fault::ResetRequest),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "sync", &b.url("tree/"), "down"]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(&err, "GetObject", &path(&b, "tree/a.txt"), "InternalError");
    assert_retried(
        &err,
        "GetObject",
        &path(&b, "tree/sub/large.bin"),
        "Connection reset by peer",
    );
    assert_cut(&err, "tree/sub/b.bin", 0, 1000);
    assert!(
        err.contains(&format!("ended after {} of", 5 * MIB + 10)),
        "{err}"
    );
    assert_eq!(proxy.faults().len(), 5, "{}", proxy.dump());
    assert_tree(&t, "down", &files);

    // Both sides now agree, through the proxy too.
    proxy.set_rules(vec![]);
    let out = run(
        via(&t, &proxy).args(["sync", "up", &b.url("tree/")]),
        0,
        &proxy,
    );
    assert!(stderr(&out).contains("nothing to do"), "{}", stderr(&out));
}

#[test]
fn recursive_put_and_get_survive_transient_faults() {
    let t = TestEnv::new();
    let b = t.bucket("px-tree");
    let files = write_tree(&t, "src", 20);
    let proxy = Proxy::to_server(vec![
        Rule::new(Match::method("PUT").path("b.bin"), Fault::slow_down()).times(2),
        Rule::new(Match::method("PUT").path("a.txt"), Fault::stall()),
        Rule::new(
            Match::method("PUT").query("partNumber=1&"),
            Fault::ResetRequest,
        ),
        Rule::new(
            Match::method("POST").query("uploadId="),
            Fault::ResetRequest,
        ),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "put", "-r", "src", &b.url("tree/")]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(&err, "PutObject", &path(&b, "tree/sub/b.bin"), "SlowDown");
    assert_retried(&err, "PutObject", &path(&b, "tree/a.txt"), "timed out");
    assert_retried(
        &err,
        "UploadPart",
        &path(&b, "tree/sub/large.bin"),
        "Connection reset by peer",
    );
    assert_retried(
        &err,
        "CompleteMultipartUpload",
        &path(&b, "tree/sub/large.bin"),
        "Connection reset by peer",
    );
    assert_eq!(proxy.faults().len(), 5, "{}", proxy.dump());
    for (name, data) in &files {
        assert_eq!(
            remote_md5(&t, &b.url(&format!("tree/{name}"))),
            md5_hex(data)
        );
    }
    assert!(uploads(&t, &b).is_empty());

    proxy.set_rules(vec![
        Rule::new(
            Match::method("GET").query("prefix="),
            Fault::internal_error(),
        ),
        Rule::new(Match::method("GET").path("c.bin"), Fault::stall()),
        Rule::new(
            Match::method("GET").path("c.bin"),
            Fault::Truncate { after: 50_000 },
        ),
        Rule::new(
            Match::method("GET")
                .path("large.bin")
                .header("range", "bytes=0-"),
            Fault::ResetResponse { after: 4 * MIB },
        ),
        Rule::new(Match::method("GET").path("a.txt"), Fault::slow_down()).times(2),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "get", "-r", &b.url("tree/"), "back"]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(
        &err,
        "GetObject",
        &path(&b, "tree/sub/deeper/c.bin"),
        "timed out",
    );
    assert_retried(&err, "GetObject", &path(&b, "tree/a.txt"), "SlowDown");
    assert!(
        err.contains("ended after 50000 of 100000 bytes; resuming"),
        "{err}"
    );
    assert_cut(&err, "tree/sub/large.bin", 0, 4 * MIB);
    assert_eq!(proxy.faults().len(), 6, "{}", proxy.dump());
    assert_tree(&t, "back", &files);
}

#[test]
fn streams_to_stdout_and_ranges_survive_transient_faults() {
    let t = TestEnv::new();
    let b = t.bucket("px-stream");
    let data = random_bytes(12 * MIB + 1, 75);
    put_direct(&t, "src.bin", &data, &b.url("src.bin"));
    let get = || Match::method("GET");
    let proxy = Proxy::to_server(vec![
        Rule::new(get(), Fault::slow_down()),
        Rule::new(get(), Fault::ResetResponse { after: 3 * MIB }),
        Rule::new(get(), Fault::Truncate { after: 1000 }),
        Rule::new(get(), Fault::ResetRequest),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "get", &b.url("src.bin"), "-"]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(&err, "GetObject", &path(&b, "src.bin"), "SlowDown");
    assert_retried(
        &err,
        "GetObject",
        &path(&b, "src.bin"),
        "Connection reset by peer",
    );
    assert_cut(&err, "src.bin", 0, 3 * MIB);
    assert_eq!(proxy.faults().len(), 4, "{}", proxy.dump());
    assert_eq!(md5_hex(&out.stdout), md5_hex(&data));

    proxy.set_rules(vec![
        Rule::new(get(), Fault::ResetResponse { after: 2 * MIB }),
        Rule::new(get(), Fault::Truncate { after: 1000 }),
        Rule::new(get(), Fault::stall()),
    ]);
    let out = run(
        via(&t, &proxy)
            .args(["-v", "get", &b.url("src.bin"), "range.bin"])
            .args(["--range", "100-9000000"]),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(&err, "GetObject", &path(&b, "src.bin"), "timed out");
    assert_eq!(proxy.faults().len(), 3, "{}", proxy.dump());
    assert_eq!(
        md5_file(&t.path("range.bin")),
        md5_hex(&data[100..=9_000_000])
    );
    assert_no_temp_files(t.dir.path());
}

#[test]
fn a_stdin_upload_survives_transient_faults_and_is_aborted_on_persistent_ones() {
    let t = TestEnv::new();
    let b = t.bucket("px-stdin");
    let data = random_bytes(12 * MIB + 1, 76);
    let part = |n: u32| Match::method("PUT").query(&format!("partNumber={n}&"));
    let complete = || Match::method("POST").query("uploadId=");
    let proxy = Proxy::to_server(vec![
        Rule::new(part(2), Fault::ResetRequest),
        Rule::new(part(3), Fault::internal_error()),
        Rule::new(complete(), Fault::slow_down()),
    ]);
    let out = run(
        via(&t, &proxy)
            .args(["-v", "put", "-", &b.url("s.bin")])
            .write_stdin(data.clone()),
        0,
        &proxy,
    );
    let err = stderr(&out);
    assert_retried(
        &err,
        "UploadPart",
        &path(&b, "s.bin"),
        "Connection reset by peer",
    );
    assert_retried(&err, "UploadPart", &path(&b, "s.bin"), "InternalError");
    assert_retried(
        &err,
        "CompleteMultipartUpload",
        &path(&b, "s.bin"),
        "SlowDown",
    );
    assert_eq!(proxy.faults().len(), 3, "{}", proxy.dump());
    assert_eq!(etag_of(&t, &b.url("s.bin")), multipart_etag(&data, 5 * MIB));
    assert_eq!(remote_md5(&t, &b.url("s.bin")), md5_hex(&data));

    proxy.set_rules(vec![Rule::new(part(2), Fault::internal_error()).always()]);
    let out = run(
        via(&t, &proxy)
            .args(["--retries", "1", "put", "-", &b.url("s2.bin")])
            .write_stdin(data.clone()),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    let id = proxy.faults().last().unwrap().request_id.clone().unwrap();
    assert!(line.contains("part 2") && line.contains(&id), "{line}");
    assert!(!proxy.hits().iter().any(is_complete), "{}", proxy.dump());
    assert!(uploads(&t, &b).is_empty(), "the upload was aborted");
    assert_absent(&t, &b.url("s2.bin"));
}
