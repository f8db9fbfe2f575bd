//! Bad input and failures: the exit code, the one-line message, and nothing lost.

use predicates::prelude::*;

use crate::support::{TestEnv, dir_entries, json_lines, server};

#[test]
fn wrong_secret_exits_5_with_the_code_and_request_id() {
    let t = TestEnv::new();
    let b = t.bucket("sig");
    t.cmd()
        .env("OBJCMD_SECRET_KEY", "not-the-secret")
        .args(["ls", &b.url("")])
        .assert()
        .code(5)
        .stderr(predicate::str::is_match(
            r"^objcmd: error: listing s3://t[^ ]+: SignatureDoesNotMatch(: [^\n]*)? \(HTTP 403, request id [^ )]+\)\nhint: ",
        ).unwrap());
    // The same as a JSON record on stdout.
    let out = t
        .cmd()
        .env("OBJCMD_SECRET_KEY", "not-the-secret")
        .args(["--json", "ls", &b.url("")])
        .assert()
        .code(5);
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["status"], "error");
    assert_eq!(records[0]["error"]["code"], "SignatureDoesNotMatch");
    assert!(
        records[0]["error"]["request_id"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
}

#[test]
fn unknown_access_key_exits_5() {
    let t = TestEnv::new();
    t.cmd()
        .env("OBJCMD_ACCESS_KEY", "NOSUCHACCESSKEY")
        .args(["ls"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("InvalidAccessKeyId"));
}

#[test]
fn missing_key_exits_4_and_leaves_no_file() {
    let t = TestEnv::new();
    let b = t.bucket("nokey");
    t.cmd()
        .args(["get", &b.url("missing.txt"), "out.txt"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("NoSuchKey"));
    assert!(!t.path("out.txt").exists());
    // An existing file under the target name is left as it was.
    t.write("keep.txt", b"precious");
    t.cmd()
        .args(["get", &b.url("missing.txt"), "keep.txt"])
        .assert()
        .code(4);
    assert_eq!(std::fs::read(t.path("keep.txt")).unwrap(), b"precious");
    // No temp file either.
    assert!(
        dir_entries(t.dir.path())
            .iter()
            .all(|n| !n.contains(".objcmd-"))
    );
    t.cmd()
        .args(["stat", &b.url("missing.txt")])
        .assert()
        .code(4);
}

#[test]
fn a_missing_bucket_and_a_missing_key_are_told_apart_after_a_head() {
    let t = TestEnv::new();
    let b = t.bucket("headnf");
    let gone = format!("s3://{}-none/k.txt", b.name);
    // A HEAD reply has no body: objcmd asks the bucket what is missing.
    t.cmd()
        .args(["stat", &gone])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(": NoSuchBucket"))
        .stderr(predicate::str::contains("hint: check the bucket name"));
    let out = t.cmd().args(["--json", "stat", &gone]).assert().code(4);
    assert_eq!(
        json_lines(&out.get_output().stdout)[0]["error"]["code"],
        "NoSuchBucket"
    );
    t.cmd()
        .args(["stat", &b.url("k.txt")])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(": NoSuchKey (HTTP 404"))
        .stderr(predicate::str::contains("hint:").not());
    for args in [
        vec!["get", gone.as_str(), "out.txt"],
        vec!["cp", gone.as_str(), &b.url("copy.txt")],
    ] {
        t.cmd()
            .args(&args)
            .assert()
            .code(4)
            .stderr(predicate::str::contains(": NoSuchBucket"));
    }
}

#[test]
fn a_missing_key_with_objects_under_it_says_so_and_suggests_ls_or_r() {
    let t = TestEnv::new();
    let b = t.bucket("prefixnf");
    t.write("f.txt", b"x");
    t.cmd()
        .args(["put", "f.txt", &b.url("dir/sub/f.txt")])
        .assert()
        .success();
    let under = format!("no such object, but objects exist under {}", b.url("dir/"));
    for url in [b.url("dir"), b.url("dir/")] {
        t.cmd()
            .args(["stat", &url])
            .assert()
            .code(4)
            .stderr(predicate::str::contains(under.as_str()))
            .stderr(predicate::str::contains(": NoSuchKey (HTTP 404"))
            .stderr(predicate::str::contains(format!(
                "hint: stat shows one object; list those under it with: objcmd ls {}",
                b.url("dir/")
            )));
    }
    // The prefix one level up: `dir/sub` holds `dir/sub/f.txt`.
    t.cmd()
        .args(["stat", &b.url("dir/sub")])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(b.url("dir/sub/")));
    t.cmd()
        .args(["get", &b.url("dir"), "out"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(under.as_str()))
        .stderr(predicate::str::contains(format!(
            "hint: add -r to download everything under {}",
            b.url("dir/")
        )));
    assert!(!t.path("out").exists());
    t.cmd()
        .args(["cp", &b.url("dir"), &b.url("copy")])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(under.as_str()))
        .stderr(predicate::str::contains(
            "hint: add -r to copy everything under",
        ));
    let out = t
        .cmd()
        .args(["--json", "get", &b.url("dir"), "out"])
        .assert()
        .code(4);
    assert_eq!(
        json_lines(&out.get_output().stdout)[0]["error"]["code"],
        "NoSuchKey"
    );
    // A key next to the prefix, not under it, gets no such hint.
    t.cmd()
        .args(["get", &b.url("di"), "out"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("hint:").not());
}

#[test]
fn missing_bucket_exits_4() {
    let t = TestEnv::new();
    let name = format!("t{}-never-made", std::process::id());
    t.cmd()
        .args(["ls", &format!("s3://{name}")])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("NoSuchBucket"));
    t.write("f.txt", b"x");
    t.cmd()
        .args(["put", "f.txt", &format!("s3://{name}/f.txt")])
        .assert()
        .code(4);
}

#[test]
fn missing_local_file_exits_4_and_uploads_nothing() {
    let t = TestEnv::new();
    let b = t.bucket("nolocal");
    t.write("present.txt", b"here");
    t.cmd()
        .args(["put", "present.txt", "absent.txt", &b.url("")])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("absent.txt: no such file"));
    let out = t
        .cmd()
        .args(["--json", "ls", "-r", &b.url("")])
        .assert()
        .success();
    assert!(
        json_lines(&out.get_output().stdout).is_empty(),
        "nothing may be uploaded"
    );
}

#[test]
fn bad_urls_flags_and_values_exit_2() {
    let t = TestEnv::new();
    let b = t.bucket("usage");
    t.write("f.txt", b"x");
    std::fs::create_dir_all(t.path("adir")).unwrap();
    let long_key = "k".repeat(1025);
    let long_url = b.url(&long_key);
    let k = b.url("k");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (args(&["ls", "gs://bucket"]), "unsupported scheme"),
        (args(&["ls", "s3://"]), "no bucket"),
        (args(&["ls", "s3://a"]), "3 to 255"),
        (args(&["ls", "s3://bad bucket"]), "only letters"),
        (args(&["get", "s3://bucket"]), "names a bucket"),
        (args(&["put", "f.txt", &long_url]), "limit is 1024"),
        (args(&["get", &k, "--range", "9-2"]), "invalid --range"),
        (args(&["get", &k, "--range", "abc"]), "invalid --range"),
        (args(&["put", "adir", &k]), "is a directory"),
        (args(&["put", "f.txt", "local-dest"]), "must be a URL"),
        (args(&["put", "-", &b.url("dir/")]), "stdin has no name"),
        (
            args(&["put", "f.txt", "f.txt", &b.url("key")]),
            "ending in '/'",
        ),
        (
            args(&["put", "f.txt", &k, "--acl", "everyone"]),
            "valid ACLs: ",
        ),
        (
            args(&["put", "f.txt", &k, "--meta", "novalue"]),
            "KEY=VALUE",
        ),
        (args(&["rm", &b.url("dir/")]), "names a prefix"),
        (args(&["mb", "s3://Bad_Name"]), "invalid bucket name"),
        (
            args(&["--bogus-flag", "ls"]),
            "unexpected argument '--bogus-flag'",
        ),
        (args(&["ls", "--timeout", "soon"]), "invalid value 'soon'"),
        (args(&["--limit-rate", "fast", "ls"]), "invalid rate"),
        (args(&["--endpoint", "ftp://x", "ls"]), "invalid endpoint"),
        (args(&["--resolve", "nonsense", "ls"]), "invalid --resolve"),
        (
            args(&["multipart", "parts", &k]),
            "the following required arguments were not provided: --upload-id <ID>",
        ),
        (
            args(&["mb"]),
            "the following required arguments were not provided: <URL>",
        ),
    ];
    for (args, message) in cases {
        let out = t.cmd().args(&args).assert().code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.starts_with("objcmd: error: "), "{args:?}: {stderr}");
        assert!(
            stderr.contains(message),
            "{args:?}: expected {message:?} in {stderr}"
        );
    }
    // OSS encodes '/' in the path, so `a/../b` is a key like any other there.
    let dotted = t.cmd().args(["get", &b.url("a/../b"), "-"]).assert();
    if crate::support::dialect() == objcmd::client::Dialect::Oss {
        dotted.code(4);
    } else {
        dotted
            .code(2)
            .stderr(predicates::str::contains("'..' path segments"));
    }
    let out = t.cmd().args(["--json", "ls", "gs://x"]).assert().code(2);
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records[0]["error"]["code"], "UsageError");
    // Nothing was uploaded by any of them.
    let out = t
        .cmd()
        .args(["--json", "ls", "-r", &b.url("")])
        .assert()
        .success();
    assert!(json_lines(&out.get_output().stdout).is_empty());
}

#[test]
fn an_empty_upload_id_is_a_usage_error_before_any_request() {
    let t = TestEnv::new();
    let b = t.bucket("emptyid");
    for id in ["", " "] {
        for sub in ["parts", "abort", "complete"] {
            t.cmd()
                .args(["multipart", sub, &b.url("k"), "--upload-id", id])
                .assert()
                .code(2)
                .stderr(predicate::str::starts_with(
                    "objcmd: error: --upload-id is empty; objcmd multipart ls URL shows",
                ));
        }
    }
    // Before any request: a dead endpoint would make any request exit 1.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    t.cmd()
        .args(["--endpoint", &format!("http://127.0.0.1:{port}")])
        .args(["multipart", "parts", &b.url("k"), "--upload-id", ""])
        .assert()
        .code(2);
}

fn args(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn refused_connection_exits_1_with_a_hint() {
    let t = TestEnv::new();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    t.cmd()
        .args([
            "--endpoint",
            &format!("http://127.0.0.1:{port}"),
            "--retries",
            "1",
            "ls",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("(after 2 attempts)"))
        .stderr(predicate::str::contains("hint: nothing answered"));
}

#[test]
fn an_endpoint_without_a_scheme_on_a_plain_http_server_fails_at_once_with_a_hint() {
    // Without a scheme the endpoint means https://: the TLS handshake meets radosgw's plain
    // HTTP. That answer will not change, so one attempt, and a hint to write http://.
    let port = server().port;
    let t = TestEnv::new();
    let out = t
        .cmd()
        .args(["-v", "--endpoint", &format!("127.0.0.1:{port}"), "ls"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "the server at 127.0.0.1:{port} answered in plain HTTP, not TLS"
        )))
        .stderr(predicate::str::contains(format!(
            "hint: 127.0.0.1:{port} speaks plain HTTP, not HTTPS: write the endpoint with http://, as in --endpoint http://127.0.0.1:{port}"
        )));
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(!stderr.contains("retrying"), "retried:\n{stderr}");
    assert!(!stderr.contains("attempts"), "retried:\n{stderr}");
    assert!(!stderr.contains("nothing answered"), "{stderr}");
}

#[test]
fn a_bucket_host_name_that_does_not_resolve_hints_at_path_addressing() {
    // .invalid never resolves (RFC 6761), so the answer is the resolver's at once.
    let t = TestEnv::new();
    t.cmd()
        .args(["--endpoint", "http://objcmd-test.invalid:7480"])
        .args([
            "--addressing",
            "virtual",
            "--retries",
            "0",
            "--timeout",
            "20",
        ])
        .args(["ls", "s3://bucket/"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "GET http://bucket.objcmd-test.invalid:7480/",
        ))
        .stderr(predicate::str::contains("did not resolve"))
        .stderr(predicate::str::contains("try --addressing path"));
}

#[test]
fn removing_a_bucket_that_is_not_empty_fails_and_force_empties_it() {
    let t = TestEnv::new();
    let b = t.bucket("rb");
    t.write("f.txt", b"x");
    t.cmd()
        .args(["put", "f.txt", &b.url("a/f.txt")])
        .assert()
        .success();
    t.cmd()
        .args(["rb", &b.url("")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("BucketNotEmpty"))
        .stderr(predicate::str::contains(
            "hint: rb --force deletes every object and aborts every unfinished upload first",
        ));
    t.cmd()
        .args(["rb", "--force", &b.url("")])
        .assert()
        .success()
        .stdout(format!("remove bucket: s3://{}\n", b.name));
    t.cmd().args(["ls", &b.url("")]).assert().code(4);
}

#[test]
fn rb_dry_run_lists_what_would_go_and_changes_nothing() {
    let t = TestEnv::new();
    let b = t.bucket("rbdry");
    let bucket = format!("s3://{}", b.name);
    t.write("f.txt", b"x");
    for key in ["a/f.txt", "b.txt"] {
        t.cmd()
            .args(["put", "f.txt", &b.url(key)])
            .assert()
            .success();
    }
    let out = t
        .cmd()
        .args(["multipart", "init", &b.url("up.bin")])
        .assert()
        .success();
    let id = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    // Without --force, the real rb would fail: so does its dry run.
    t.cmd()
        .args(["rb", "--dry-run", &bucket])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{bucket} is not empty: rb without --force would fail"
        )))
        .stderr(predicate::str::contains(
            "hint: rb --force deletes every object",
        ));
    t.cmd()
        .args(["rb", "--force", "--dry-run", &bucket])
        .assert()
        .success()
        .stdout(format!(
            "(dry run) abort: {} ({id})\n(dry run) delete: {}\n(dry run) delete: {}\n(dry run) remove bucket: {bucket}\n",
            b.url("up.bin"),
            b.url("a/f.txt"),
            b.url("b.txt")
        ))
        .stderr("objcmd: (dry run) would delete 2 objects and abort 1 upload\n");
    let out = t
        .cmd()
        .args(["--json", "rb", "--force", "--dry-run", &bucket])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    let ops: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["op"].as_str().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        ops,
        [
            ("abort", "planned"),
            ("delete", "planned"),
            ("delete", "planned"),
            ("rb", "planned")
        ]
    );
    assert_eq!(records[0]["upload_id"], id.as_str());
    assert_eq!(records[1]["src"], b.url("a/f.txt"));
    // Nothing went.
    let out = t
        .cmd()
        .args(["--json", "ls", "-r", &b.url("")])
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout).len(), 2);
    t.cmd()
        .args(["multipart", "ls", &bucket])
        .assert()
        .success()
        .stdout(predicate::str::contains(id.as_str()));
    // One of each: singular words.
    t.cmd().args(["rm", &b.url("b.txt")]).assert().success();
    t.cmd()
        .args(["rb", "--force", &bucket])
        .assert()
        .success()
        .stdout(format!("remove bucket: {bucket}\n"))
        .stderr("objcmd: deleted 1 object and aborted 1 upload\n");
    t.cmd().args(["ls", &bucket]).assert().code(4);
    // An empty bucket's dry run names only the bucket, and keeps it.
    let e = t.bucket("rbdry-empty");
    let empty = format!("s3://{}", e.name);
    t.cmd()
        .args(["rb", "--dry-run", &empty])
        .assert()
        .success()
        .stdout(format!("(dry run) remove bucket: {empty}\n"))
        .stderr("");
    t.cmd().args(["ls", &empty]).assert().success();
}

#[test]
fn secrets_never_appear_in_verbose_output() {
    let s = server();
    let t = TestEnv::new();
    let b = t.bucket("vv");
    t.write("f.txt", b"data");
    let out = t
        .cmd()
        .env("OBJCMD_SECURITY_TOKEN", "TOKEN-SHOULD-NOT-SHOW")
        .args(["-vv", "put", "f.txt", &b.url("f.txt")])
        .assert();
    // radosgw rejects an unknown STS token; what matters is what we printed.
    let output = out.get_output();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(all.contains("> PUT"), "-vv shows request heads: {all}");
    assert!(!all.contains(&s.secret_key), "secret leaked: {all}");
    assert!(
        !all.contains("TOKEN-SHOULD-NOT-SHOW"),
        "token leaked: {all}"
    );
    let out = t.cmd().args(["-vv", "ls", &b.url("")]).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let auth = stderr
        .lines()
        .find(|l| l.contains("Authorization:"))
        .expect("auth header logged");
    assert!(auth.contains(crate::support::access_key()), "{auth}");
    assert!(auth.ends_with("<redacted>"), "{auth}");
    assert!(!stderr.contains(&s.secret_key));
}

#[test]
fn ctrl_c_during_get_exits_130_removes_the_temp_file_and_keeps_the_old_one() {
    let t = TestEnv::new();
    let b = t.bucket("sigint");
    t.write("big.bin", &crate::support::random_bytes(8 << 20, 130));
    t.cmd()
        .args(["put", "big.bin", &b.url("big.bin")])
        .assert()
        .success();
    t.write("target.bin", b"the old file");
    // Slowed down so that it is surely still running when interrupted.
    let child = t
        .std_cmd()
        .args([
            "--limit-rate",
            "1MiB/s",
            "get",
            &b.url("big.bin"),
            "target.bin",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !dir_entries(t.dir.path())
        .iter()
        .any(|n| n.starts_with(".target.bin.objcmd-"))
    {
        assert!(
            started.elapsed().as_secs() < 20,
            "the download never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
    assert_eq!(
        std::fs::read(t.path("target.bin")).unwrap(),
        b"the old file"
    );
    assert!(
        dir_entries(t.dir.path())
            .iter()
            .all(|n| !n.contains(".objcmd-"))
    );
}

#[test]
fn a_source_over_5_tib_is_refused_before_any_request() {
    let t = TestEnv::new();
    let b = t.bucket("huge");
    let file = std::fs::File::create(t.path("huge.bin")).unwrap();
    file.set_len((5 << 40) + 1).unwrap(); // sparse: no disk space used
    t.cmd()
        .args(["put", "huge.bin", &b.url("huge.bin")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the largest object is 5 TiB"));
    t.cmd()
        .args(["multipart", "ls", &b.url("")])
        .assert()
        .success()
        .stdout("");
}
