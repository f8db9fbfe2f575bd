//! `--no-clobber` on put, cp, mv and sync: nothing that exists is replaced (the HEAD check,
//! against the real server in every dialect, radosgw ignoring the conditional headers), the
//! writes that create an object carry the dialect's conditional header and only with the
//! flag (the proxy's and the gateway's records), and the server's refusal of such a write
//! (the object appeared between the HEAD and the write, played by the proxy and the
//! scripted server) ends as the same skip, with no multipart upload left behind.

use objcmd::client::Dialect;

use super::proxy_faults::{MIB, run, via};
use crate::support::fake::{FakeServer, Reply};
use crate::support::proxy::{Fault, Hit, Match, Proxy, Rule};
use crate::support::{TestBucket, TestEnv, against, dialect, random_bytes, suite_gateway};

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The object's content, read back with the suite's command.
fn content(t: &TestEnv, url: &str) -> Vec<u8> {
    let out = t.cmd().args(["get", url, "-"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs a command that must succeed; returns its stdout.
fn ok(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout_of(&out)
}

#[test]
fn no_clobber_replaces_nothing_that_exists() {
    let t = TestEnv::new();
    let b = t.bucket("nc-keep");
    let old = b"old content".to_vec();
    for key in ["a.txt", "tree/x.txt", "big.bin"] {
        t.write("old.txt", &old);
        ok(t.cmd().args(["put", "old.txt", &b.url(key)]));
    }
    t.write("a.txt", b"new");
    t.write("src.txt", b"source");
    ok(t.cmd().args(["put", "src.txt", &b.url("src.txt")]));

    // put, one PUT and one that would be a multipart upload.
    let out = ok(t
        .cmd()
        .args(["put", "--no-clobber", "a.txt", &b.url("a.txt")]));
    assert_eq!(out, format!("skip: a.txt -> {} (exists)\n", b.url("a.txt")));
    t.write("big.bin", &random_bytes(6 * MIB, 7));
    let big = b.url("big.bin");
    let out = ok(t.cmd().args([
        "--part-size",
        "5MiB",
        "put",
        "--no-clobber",
        "big.bin",
        &big,
    ]));
    assert!(
        out.starts_with("skip: ") && out.ends_with("(exists)\n"),
        "{out}"
    );
    // cp on the server.
    let out = ok(t
        .cmd()
        .args(["cp", "--no-clobber", &b.url("src.txt"), &b.url("a.txt")]));
    assert!(
        out.starts_with("skip: ") && out.ends_with("(exists)\n"),
        "{out}"
    );
    // mv from a file and from an object: the sources stay.
    let out = ok(t
        .cmd()
        .args(["mv", "--no-clobber", "a.txt", &b.url("a.txt")]));
    assert_eq!(out, format!("skip: a.txt -> {} (exists)\n", b.url("a.txt")));
    assert_eq!(std::fs::read(t.path("a.txt")).unwrap(), b"new");
    let out = ok(t
        .cmd()
        .args(["mv", "--no-clobber", &b.url("src.txt"), &b.url("a.txt")]));
    assert!(
        out.starts_with("skip: ") && out.ends_with("(exists)\n"),
        "{out}"
    );
    assert_eq!(content(&t, &b.url("src.txt")), b"source");
    // sync: what the destination has is kept however it differs; what it lacks goes.
    t.write("tree/x.txt", b"changed, and longer than before");
    t.write("tree/y.txt", b"new file");
    let out = ok(t
        .cmd()
        .args(["sync", "--no-clobber", "tree", &b.url("tree/")]));
    assert!(
        out.lines()
            .any(|l| l.starts_with("skip: ") && l.contains("x.txt") && l.ends_with("(exists)")),
        "{out}"
    );
    assert_eq!(content(&t, &b.url("tree/y.txt")), b"new file");
    // ... and to a directory.
    t.write("down/x.txt", b"mine");
    let out = ok(t
        .cmd()
        .args(["sync", "--no-clobber", &b.url("tree/"), "down"]));
    assert!(out.contains("(exists)"), "{out}");
    assert_eq!(std::fs::read(t.path("down/x.txt")).unwrap(), b"mine");
    assert_eq!(std::fs::read(t.path("down/y.txt")).unwrap(), b"new file");

    for key in ["a.txt", "tree/x.txt", "big.bin"] {
        assert_eq!(content(&t, &b.url(key)), old, "{key} was replaced");
    }
    conditional_headers_at_the_gateway(&t, &b);
}

/// In the OSS and KS3 runs, the gateway saw every request: a write that creates an object
/// with `--no-clobber` carries `x-oss-forbid-overwrite: true` in OSS, nothing in KS3, and
/// one without the flag carries nothing.
fn conditional_headers_at_the_gateway(t: &TestEnv, b: &TestBucket) {
    let d = dialect();
    if d == Dialect::S3 {
        return; // The proxy tests below look at S3's requests.
    }
    t.write("fresh.txt", b"fresh");
    ok(t.cmd()
        .args(["put", "--no-clobber", "fresh.txt", &b.url("nc-fresh")]));
    ok(t.cmd().args(["put", "fresh.txt", &b.url("plain-fresh")]));
    let puts = |key: &str| {
        suite_gateway(d)
            .requests()
            .into_iter()
            .filter(|s| s.method == "PUT" && format!("{}{}", s.host, s.target).contains(&b.name))
            .filter(|s| s.target.contains(key))
            .collect::<Vec<_>>()
    };
    let (with, without) = (puts("nc-fresh"), puts("plain-fresh"));
    assert_eq!((with.len(), without.len()), (1, 1));
    let expected = (d == Dialect::Oss).then_some("true");
    assert_eq!(with[0].header("x-oss-forbid-overwrite"), expected);
    assert_eq!(without[0].header("x-oss-forbid-overwrite"), None);
    for s in with.iter().chain(&without) {
        assert_eq!(s.header("if-none-match"), None);
    }
}

/// Whether a request is one of the writes that create an object: PutObject, CopyObject or
/// CompleteMultipartUpload (not an UploadPart, not the Initiate).
fn creates(hit: &Hit) -> bool {
    let part = hit.query_has("partNumber");
    match hit.method.as_str() {
        "PUT" => !part,
        "POST" => hit.query_has("uploadId"),
        _ => false,
    }
}

#[test]
fn no_clobber_sends_if_none_match_on_s3_writes_and_only_with_the_flag() {
    let t = TestEnv::new();
    let b = t.bucket("nc-headers");
    t.write("small.txt", b"small");
    t.write("mid.bin", &random_bytes(MIB, 2));
    t.write("big.bin", &random_bytes(6 * MIB, 3));
    let proxy = Proxy::to_server(vec![]);
    let writes = |flag: &[&str], prefix: &str| {
        let url = |k: &str| b.url(&format!("{prefix}/{k}"));
        for args in [
            vec!["put", "small.txt", &url("small")],
            // Above one block: streamed from the file, still one PUT.
            vec!["put", "mid.bin", &url("mid")],
            vec!["put", "big.bin", &url("big")],
            vec!["cp", &url("small"), &url("small-copy")],
            vec![
                "--copy-threshold",
                "5MiB",
                "cp",
                &url("big"),
                &url("big-copy"),
            ],
            vec!["sync", "tree", &url("tree/")],
        ] {
            run(via(&t, &proxy).args(&args).args(flag), 0, &proxy);
        }
    };
    t.write("tree/one.txt", b"one");
    writes(&["--no-clobber"], "nc");
    let hits = proxy.hits();
    let created: Vec<&Hit> = hits.iter().filter(|h| creates(h)).collect();
    // put's two PUTs and Complete, cp's copy and Complete of the copy, sync's PUT.
    assert_eq!(created.len(), 6, "{}", proxy.dump());
    for hit in &created {
        assert_eq!(hit.header("If-None-Match"), Some("*"), "{}", proxy.dump());
    }
    for hit in hits.iter().filter(|h| !creates(h)) {
        assert_eq!(hit.header("If-None-Match"), None, "{}", proxy.dump());
    }
    proxy.set_rules(vec![]);
    writes(&[], "plain");
    assert!(
        proxy
            .hits()
            .iter()
            .all(|h| h.header("If-None-Match").is_none()),
        "{}",
        proxy.dump()
    );
}

/// Plays the race: the HEAD of `key` finds nothing, and the write that creates it is
/// refused as the server refuses it when the key appeared meanwhile.
fn race(key: &str, refused: Match) -> Vec<Rule> {
    vec![
        Rule::new(
            Match::method("HEAD").path(key),
            Fault::Status {
                status: 404,
                code: "NoSuchKey",
            },
        )
        .always(),
        Rule::new(
            refused.path(key).header("If-None-Match", "*"),
            Fault::Status {
                status: 412,
                code: "PreconditionFailed",
            },
        ),
    ]
}

#[test]
fn an_object_that_appears_after_the_head_check_is_skipped_on_s3() {
    let t = TestEnv::new();
    let b = t.bucket("nc-race");
    t.write("old.txt", b"theirs");
    t.write("src.txt", b"source");
    for key in ["small-dst", "big-dst", "copy-dst"] {
        ok(t.cmd().args(["put", "old.txt", &b.url(key)]));
    }
    ok(t.cmd().args(["put", "src.txt", &b.url("copy-src")]));
    let path = |key: &str| format!("/{}/{key}", b.name);

    // One PUT.
    t.write("small.txt", b"mine");
    let proxy = Proxy::to_server(race(&path("small-dst"), Match::method("PUT")));
    let out = run(
        via(&t, &proxy).args(["mv", "--no-clobber", "small.txt", &b.url("small-dst")]),
        0,
        &proxy,
    );
    assert_eq!(
        stdout_of(&out),
        format!("skip: small.txt -> {} (exists)\n", b.url("small-dst"))
    );
    assert_eq!(proxy.fired(1), 1, "{}", proxy.dump());
    assert!(t.path("small.txt").exists(), "mv keeps its source");

    // A multipart upload, refused at Complete: aborted.
    t.write("big.bin", &random_bytes(6 * MIB, 5));
    let complete = Match::method("POST").query("uploadId");
    proxy.set_rules(race(&path("big-dst"), complete));
    let out = run(
        via(&t, &proxy).args(["put", "--no-clobber", "big.bin", &b.url("big-dst")]),
        0,
        &proxy,
    );
    assert!(
        stdout_of(&out).ends_with("(exists)\n"),
        "{}",
        stdout_of(&out)
    );
    assert_eq!(proxy.fired(1), 1, "{}", proxy.dump());
    let aborted = proxy
        .hits()
        .iter()
        .any(|h| h.method == "DELETE" && h.query_has("uploadId") && h.status == Some(204));
    assert!(aborted, "the upload is aborted:\n{}", proxy.dump());
    let uploads = ok(t.cmd().args(["--json", "multipart", "ls", &b.url("")]));
    assert_eq!(uploads, "", "no upload left behind");

    // A copy on the server, by mv: the source stays.
    proxy.set_rules(race(&path("copy-dst"), Match::method("PUT")));
    let out = run(
        via(&t, &proxy).args(["mv", "--no-clobber", &b.url("copy-src"), &b.url("copy-dst")]),
        0,
        &proxy,
    );
    assert!(
        stdout_of(&out).ends_with("(exists)\n"),
        "{}",
        stdout_of(&out)
    );
    assert_eq!(proxy.fired(1), 1, "{}", proxy.dump());
    assert_eq!(content(&t, &b.url("copy-src")), b"source");

    for key in ["small-dst", "big-dst", "copy-dst"] {
        assert_eq!(content(&t, &b.url(key)), b"theirs", "{key} was replaced");
    }
}

/// objcmd in the OSS dialect against a scripted server.
fn oss_against(t: &TestEnv, server: &FakeServer) -> assert_cmd::Command {
    let mut cmd = against(t, server);
    cmd.args(["--provider", "oss", "--part-size", "5MiB"]);
    cmd
}

fn file_already_exists() -> Reply {
    Reply::error(409, "FileAlreadyExists")
}

#[test]
fn oss_refusals_of_forbid_overwrite_are_skips() {
    let t = TestEnv::new();
    t.write("small.txt", b"mine");
    // HEAD finds nothing; the PUT is refused.
    let server = FakeServer::start(vec![Reply::new(404, b""), file_already_exists()]);
    let out = oss_against(&t, &server)
        .args(["put", "--no-clobber", "small.txt", "oss://bkt/small"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        stdout_of(&out),
        "skip: small.txt -> oss://bkt/small (exists)\n"
    );
    let seen = server.requests();
    assert_eq!(seen[1].method, "PUT");
    assert_eq!(seen[1].header("x-oss-forbid-overwrite"), Some("true"));

    // A multipart upload refused at Complete: aborted.
    t.write("big.bin", &random_bytes(6 * MIB, 9));
    let initiated = "<InitiateMultipartUploadResult><Bucket>bkt</Bucket><Key>big</Key><UploadId>UP1</UploadId></InitiateMultipartUploadResult>";
    let part = || Reply::new(200, b"").header("ETag", "\"part\"");
    let server = FakeServer::start(vec![
        Reply::new(404, b""),
        Reply::new(200, initiated.as_bytes()),
        part(),
        part(),
        file_already_exists(),
        Reply::new(404, b""),
        Reply::new(204, b""),
    ]);
    let out = oss_against(&t, &server)
        .args(["put", "--no-clobber", "big.bin", "oss://bkt/big"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout_of(&out), "skip: big.bin -> oss://bkt/big (exists)\n");
    let seen = server.requests();
    let lines: Vec<String> = seen
        .iter()
        .map(|s| format!("{} {}", s.method, s.target))
        .collect();
    assert_eq!(seen.len(), 7, "{lines:#?}");
    for i in [1, 4] {
        // Initiate and Complete.
        assert_eq!(seen[i].method, "POST", "{lines:#?}");
        assert_eq!(seen[i].header("x-oss-forbid-overwrite"), Some("true"));
    }
    for s in &seen[2..4] {
        assert_eq!(s.header("x-oss-forbid-overwrite"), None, "UploadPart");
    }
    assert_eq!(seen[6].method, "DELETE");
    assert!(seen[6].target.contains("uploadId=UP1"), "{lines:#?}");
    assert_eq!(server.unused(), 0);
}
