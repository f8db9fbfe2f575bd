//! What is set on an object beside its bytes: tags (on put, single and multipart, on a
//! server-side copy, and after with `tag`, one object or a tree), object lock (retention,
//! legal hold, a refused delete of a locked version, `--bypass-governance`; S3 only, the
//! other dialects refuse it before any request) and restore (radosgw 16 has no
//! RestoreObject: the scripted server plays it).

use objcmd::client::Dialect;

use crate::support::fake::{FakeServer, Reply};
use crate::support::{TestEnv, against, dialect, json_lines, random_bytes};

const MIB: usize = 1024 * 1024;

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `tag --json URL`: the object's tags.
fn tags_of(t: &TestEnv, url: &str) -> serde_json::Value {
    let out = t.cmd().args(["--json", "tag", url]).assert().success();
    let rec = json_lines(&out.get_output().stdout).remove(0);
    assert_eq!(rec["url"], url, "{rec}");
    rec["tags"].clone()
}

fn stat(t: &TestEnv, url: &str) -> serde_json::Value {
    let out = t.cmd().args(["--json", "stat", url]).assert().success();
    json_lines(&out.get_output().stdout).remove(0)
}

#[test]
fn tags_on_put_and_kept_by_a_copy() {
    let t = TestEnv::new();
    let b = t.bucket("tags-put");
    t.write("small.txt", b"tagged");
    let small = b.url("small.txt");
    t.cmd()
        .args(["-q", "put", "small.txt", &small])
        .args(["--tag", "team=data ops", "--tag", "tier=a&b=c"])
        .assert()
        .success();
    let tags = tags_of(&t, &small);
    assert_eq!(tags["team"], "data ops", "{tags}");
    assert_eq!(tags["tier"], "a&b=c", "{tags}");
    assert_eq!(stat(&t, &small)["tag_count"], 2);
    let out = t.cmd().args(["tag", &small]).output().unwrap();
    assert_eq!(stdout_of(&out), "team=data ops\ntier=a&b=c\n", "{out:?}");

    // A server-side copy without --tag keeps the source's tags (with --tag: the scripted
    // server below, as radosgw 16 ignores the tagging directive).
    let plain = b.url("plain.txt");
    t.cmd()
        .args(["-q", "cp", &small, &plain])
        .assert()
        .success();
    assert_eq!(tags_of(&t, &plain)["team"], "data ops");

    // A malformed tag is refused before any request.
    let out = t
        .cmd()
        .args(["put", "small.txt", &b.url("x"), "--tag", "novalue"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(stderr_of(&out).contains("KEY=VALUE"), "{out:?}");
}

/// radosgw 16 takes the tagging header of CreateMultipartUpload and ignores it (the object
/// ends up untagged), so the request is checked on the scripted server.
#[test]
fn a_multipart_upload_sends_its_tags_with_create() {
    let t = TestEnv::new();
    t.write("big.bin", &random_bytes(6 * MIB, 3));
    let initiated = "<InitiateMultipartUploadResult><Bucket>bkt</Bucket><Key>big</Key><UploadId>UP1</UploadId></InitiateMultipartUploadResult>";
    let part = || Reply::new(200, b"").header("ETag", "\"part\"");
    let completed = "<CompleteMultipartUploadResult><Bucket>bkt</Bucket><Key>big</Key><ETag>\"e-2\"</ETag></CompleteMultipartUploadResult>";
    let server = FakeServer::start(vec![
        Reply::new(200, initiated.as_bytes()),
        part(),
        part(),
        Reply::new(200, completed.as_bytes()),
    ]);
    let out = against(&t, &server)
        .args(["put", "big.bin", "s3://bkt/big", "--part-size", "5MiB"])
        .args(["--tag", "size=big", "--tag", "team=a b"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let seen = server.requests();
    let lines: Vec<String> = seen
        .iter()
        .map(|s| format!("{} {}", s.method, s.target))
        .collect();
    assert_eq!(seen[0].target, "/bkt/big?uploads", "{lines:#?}");
    assert_eq!(seen[0].header("x-amz-tagging"), Some("size=big&team=a%20b"));
    assert!(
        seen[1..]
            .iter()
            .all(|s| s.header("x-amz-tagging").is_none()),
        "{lines:#?}"
    );
}

/// A copy on the server with --tag: the tags given and the directive REPLACE (radosgw 16
/// keeps the source's tags whatever the directive says, so the request is checked here).
#[test]
fn a_copy_with_tags_replaces_the_source_tags() {
    let t = TestEnv::new();
    let head = Reply::new(200, b"")
        .header("Content-Length", "6")
        .header("ETag", "\"44ec3770dad9ca5669c4e32439c4c9a1\"");
    let copied =
        "<CopyObjectResult><ETag>\"44ec3770dad9ca5669c4e32439c4c9a1\"</ETag></CopyObjectResult>";
    let server = FakeServer::start(vec![head, Reply::new(200, copied.as_bytes())]);
    let out = against(&t, &server)
        .args(["cp", "s3://bkt/a", "s3://bkt/b", "--tag", "copied=yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let seen = server.requests();
    let copy = seen
        .iter()
        .find(|s| s.method == "PUT")
        .expect("a CopyObject");
    assert_eq!(copy.header("x-amz-copy-source"), Some("/bkt/a"));
    assert_eq!(copy.header("x-amz-tagging"), Some("copied=yes"));
    assert_eq!(copy.header("x-amz-tagging-directive"), Some("REPLACE"));
    // Without --tag, no directive: the server's default (COPY) keeps the source's.
    let server = FakeServer::start(vec![
        Reply::new(200, b"").header("Content-Length", "6"),
        Reply::new(200, copied.as_bytes()),
    ]);
    let out = against(&t, &server)
        .args(["cp", "s3://bkt/a", "s3://bkt/b"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let copy = server
        .requests()
        .into_iter()
        .find(|s| s.method == "PUT")
        .unwrap();
    assert_eq!(copy.header("x-amz-tagging-directive"), None);
}

#[test]
fn tag_sets_shows_and_deletes_one_object_or_a_tree() {
    let t = TestEnv::new();
    let b = t.bucket("tags-after");
    t.write("f.txt", b"x");
    for key in ["d/a.txt", "d/b.txt", "other.txt"] {
        t.cmd()
            .args(["-q", "put", "f.txt", &b.url(key)])
            .assert()
            .success();
    }
    let a = b.url("d/a.txt");
    assert_eq!(stat(&t, &a)["tag_count"], serde_json::Value::Null);
    let out = t
        .cmd()
        .args(["--json", "tag", &a, "k=v", "k2=v2"])
        .assert()
        .success();
    let rec = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(
        (rec["op"].as_str(), rec["status"].as_str()),
        (Some("tag"), Some("ok"))
    );
    assert_eq!(tags_of(&t, &a), serde_json::json!({"k": "v", "k2": "v2"}));
    // Replacing, not merging.
    t.cmd().args(["-q", "tag", &a, "only=1"]).assert().success();
    assert_eq!(tags_of(&t, &a), serde_json::json!({"only": "1"}));
    t.cmd()
        .args(["-q", "tag", &a, "--delete"])
        .assert()
        .success();
    assert_eq!(tags_of(&t, &a), serde_json::json!({}));

    // A tree: every object under the prefix, nothing else.
    let prefix = b.url("d/");
    let out = t
        .cmd()
        .args(["tag", "-r", &prefix, "batch=7"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stderr_of(&out).contains("2 tagged"), "{out:?}");
    for key in ["d/a.txt", "d/b.txt"] {
        assert_eq!(tags_of(&t, &b.url(key)), serde_json::json!({"batch": "7"}));
    }
    assert_eq!(tags_of(&t, &b.url("other.txt")), serde_json::json!({}));
    let out = t
        .cmd()
        .args(["--json", "tag", "-r", &prefix])
        .assert()
        .success();
    let shown = json_lines(&out.get_output().stdout);
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert_eq!(shown[1]["url"], b.url("d/b.txt").as_str());
    assert_eq!(shown[1]["tags"]["batch"], "7");
    t.cmd()
        .args(["-q", "tag", "-r", &prefix, "--delete"])
        .assert()
        .success();
    assert_eq!(tags_of(&t, &b.url("d/b.txt")), serde_json::json!({}));

    // A prefix without -r is refused.
    let out = t.cmd().args(["tag", &prefix, "a=b"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// `mb --object-lock` a bucket; its versions are removed with `--bypass-governance` at
/// the end of the test that uses it.
fn locked_bucket(t: &TestEnv, tag: &str) -> String {
    let name = format!("t{}-lock-{tag}", std::process::id());
    t.cmd()
        .args(["mb", "--object-lock", &format!("s3://{name}")])
        .assert()
        .success();
    name
}

#[test]
fn object_lock_keeps_a_version_until_bypassed() {
    let t = TestEnv::new();
    if dialect() != Dialect::S3 {
        return object_lock_is_refused_before_any_request(&t);
    }
    let bucket = locked_bucket(&t, "keep");
    let url = format!("s3://{bucket}/kept.txt");
    t.write("f.txt", b"keep me");
    t.cmd()
        .args(["-q", "put", "f.txt", &url])
        .assert()
        .success();
    let version = stat(&t, &url)["version_id"].as_str().unwrap().to_string();

    let until = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24);
    let until = until.round(jiff::Unit::Second).unwrap().to_string();
    let out = t
        .cmd()
        .args(["retention", &url, "--mode", "GOVERNANCE", "--until", &until])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout_of(&out).contains("GOVERNANCE until"), "{out:?}");
    let out = t
        .cmd()
        .args(["--json", "retention", &url])
        .assert()
        .success();
    let rec = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(rec["mode"], "GOVERNANCE", "{rec}");
    let shown: jiff::Timestamp = rec["until"].as_str().unwrap().parse().unwrap();
    assert_eq!(shown.to_string(), until);
    let st = stat(&t, &url);
    assert_eq!(st["lock_mode"], "GOVERNANCE", "{st}");

    // The lock refuses a delete of the version: exit 5, the server's code, a hint.
    let out = t
        .cmd()
        .args(["rm", &url, "--version-id", &version])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{out:?}");
    let err = stderr_of(&out);
    assert!(err.contains("AccessDenied"), "{err}");
    assert!(
        err.contains("hint:") && err.contains("--bypass-governance"),
        "{err}"
    );
    assert!(err.contains("retention"), "{err}");

    // A legal hold holds even through --bypass-governance.
    t.cmd()
        .args(["-q", "legal-hold", &url, "on"])
        .assert()
        .success();
    let out = t.cmd().args(["legal-hold", &url]).output().unwrap();
    assert_eq!(stdout_of(&out), "Legal-Hold: ON\n", "{out:?}");
    assert_eq!(stat(&t, &url)["legal_hold"], "ON");
    let out = t
        .cmd()
        .args(["rm", &url, "--version-id", &version, "--bypass-governance"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{out:?}");
    let out = t
        .cmd()
        .args(["--json", "legal-hold", &url, "off"])
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout)[0]["legal_hold"], "OFF");

    // With the hold off, --bypass-governance deletes through a GOVERNANCE retention.
    let out = t
        .cmd()
        .args(["--json", "rm", &url, "--version-id", &version])
        .arg("--bypass-governance")
        .assert()
        .success();
    let rec = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(rec["op"], "delete", "{rec}");
    assert_eq!(rec["src"], url.as_str(), "{rec}");
    let out = t.cmd().args(["stat", &url]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(4),
        "the only version is gone: {out:?}"
    );
    t.cmd()
        .args(["-q", "rb", &format!("s3://{bucket}")])
        .assert()
        .success();
}

/// OSS and KS3 have no S3 object lock: each command is refused before any request.
fn object_lock_is_refused_before_any_request(t: &TestEnv) {
    let url = "s3://never-asked/k";
    let until = "2030-01-01T00:00:00Z";
    let runs: [&[&str]; 5] = [
        &["retention", url],
        &["retention", url, "--mode", "COMPLIANCE", "--until", until],
        &["legal-hold", url, "on"],
        &["rm", url, "--bypass-governance"],
        &["mb", "--object-lock", "s3://never-made"],
    ];
    for args in runs {
        let out = t.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(
            stderr_of(&out).contains("object lock is not supported by"),
            "{args:?}: {out:?}"
        );
    }
}

fn restored(status: u16) -> Reply {
    Reply::new(status, b"").header("x-amz-request-id", "r1")
}

#[test]
fn restore_asks_and_says_what_the_server_answered() {
    let t = TestEnv::new();
    let server = FakeServer::start(vec![
        restored(202),
        restored(200),
        Reply::error(409, "RestoreAlreadyInProgress"),
        Reply::error(403, "InvalidObjectState"),
    ]);
    let url = "s3://bkt/archived.bin";
    let out = against(&t, &server)
        .args(["restore", url, "--days", "3", "--tier", "Bulk"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        stdout_of(&out),
        "restore: s3://bkt/archived.bin (started)\n"
    );
    let out = against(&t, &server)
        .args(["restore", url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        stdout_of(&out),
        "skip: s3://bkt/archived.bin (already restored)\n"
    );
    let out = against(&t, &server)
        .args(["--json", "restore", url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "409 is not a failure: {out:?}");
    let rec = &json_lines(&out.stdout)[0];
    assert_eq!(
        (rec["op"].as_str(), rec["status"].as_str()),
        (Some("skip"), Some("ok"))
    );
    let out = against(&t, &server)
        .args(["restore", url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{out:?}");
    assert!(stderr_of(&out).contains("InvalidObjectState"), "{out:?}");

    let seen = server.requests();
    assert_eq!(seen.len(), 4);
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].target, "/bkt/archived.bin?restore");
    assert!(seen[0].header("Content-MD5").is_some());
    let body = String::from_utf8_lossy(&seen[0].body);
    assert!(body.starts_with("<RestoreRequest"), "{body}");
    assert!(body.contains("<Days>3</Days>"), "{body}");
    assert!(
        body.contains("<GlacierJobParameters><Tier>Bulk</Tier></GlacierJobParameters>"),
        "{body}"
    );
    let body = String::from_utf8_lossy(&seen[1].body);
    assert!(
        body.contains("<Days>1</Days>") && !body.contains("Tier"),
        "{body}"
    );
}

#[test]
fn restore_state_shows_in_stat() {
    let t = TestEnv::new();
    let head = |restore: &str| {
        Reply::new(200, b"")
            .header("Content-Length", "0")
            .header("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"")
            .header("x-amz-storage-class", "GLACIER")
            .header("x-amz-restore", restore)
    };
    let server = FakeServer::start(vec![
        head(r#"ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT""#),
        head(r#"ongoing-request="true""#),
    ]);
    let out = against(&t, &server)
        .args(["--json", "stat", "s3://bkt/a"])
        .output()
        .unwrap();
    let rec = &json_lines(&out.stdout)[0];
    assert_eq!(
        rec["restore"],
        serde_json::json!({"ongoing": false, "expiry_date": "2012-12-21T00:00:00Z"}),
        "{out:?}"
    );
    let out = against(&t, &server)
        .args(["stat", "s3://bkt/a"])
        .output()
        .unwrap();
    assert!(
        stdout_of(&out).contains("Restore: in progress\n"),
        "{out:?}"
    );
}

#[test]
fn restore_of_a_tree_asks_for_each_object() {
    let t = TestEnv::new();
    let listing = "<ListBucketResult><Name>bkt</Name><Prefix>cold/</Prefix><IsTruncated>false</IsTruncated>\
        <Contents><Key>cold/a</Key><Size>1</Size><ETag>\"e\"</ETag><StorageClass>GLACIER</StorageClass></Contents>\
        <Contents><Key>cold/b</Key><Size>1</Size><ETag>\"e\"</ETag><StorageClass>GLACIER</StorageClass></Contents>\
        </ListBucketResult>";
    let server = FakeServer::start(vec![
        Reply::new(200, listing.as_bytes()).header("Content-Type", "application/xml"),
        restored(202),
        restored(202),
    ]);
    let out = against(&t, &server)
        .args(["-j", "1", "restore", "-r", "s3://bkt/cold/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stderr_of(&out).contains("2 restore started"), "{out:?}");
    let targets: Vec<String> = server.requests().iter().map(|s| s.target.clone()).collect();
    assert_eq!(
        targets[1..],
        ["/bkt/cold/a?restore", "/bkt/cold/b?restore"],
        "{targets:?}"
    );
}

/// OSS and KS3 write the restore speed in `<JobParameters>`, as oss2 and ks3sdk do, and tag
/// with their own header.
#[test]
fn oss_and_ks3_restore_and_tag_in_their_own_words() {
    let t = TestEnv::new();
    for provider in ["oss", "ks3"] {
        let server = FakeServer::start(vec![restored(202), Reply::new(200, b"")]);
        let out = against(&t, &server)
            .args(["--provider", provider, "restore", "s3://bkt/cold"])
            .args(["--days", "2", "--tier", "Expedited"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{provider}: {out:?}");
        t.write("f.txt", b"x");
        let out = against(&t, &server)
            .args(["--provider", provider, "put", "f.txt", "s3://bkt/f"])
            .args(["--tag", "a=1"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{provider}: {out:?}");
        let seen = server.requests();
        let body = String::from_utf8_lossy(&seen[0].body);
        assert!(seen[0].target.ends_with("cold?restore"), "{:?}", seen[0]);
        assert!(
            body.contains("<Days>2</Days><JobParameters><Tier>Expedited</Tier></JobParameters>"),
            "{provider}: {body}"
        );
        let tag_header = format!(
            "x-{}-tagging",
            if provider == "oss" { "oss" } else { "kss" }
        );
        assert_eq!(seen[1].header(&tag_header), Some("a=1"), "{provider}");
    }
}

/// `rm -r --bypass-governance`: every DeleteObjects of the tree carries the bypass.
#[test]
fn a_tree_delete_bypasses_governance_in_every_batch() {
    let t = TestEnv::new();
    let listing = "<ListBucketResult><Name>bkt</Name><Prefix>p/</Prefix><IsTruncated>false</IsTruncated>\
        <Contents><Key>p/a</Key><Size>1</Size><ETag>\"e\"</ETag></Contents>\
        <Contents><Key>p/b</Key><Size>1</Size><ETag>\"e\"</ETag></Contents>\
        </ListBucketResult>";
    let deleted = "<DeleteResult></DeleteResult>";
    let server = FakeServer::start(vec![
        Reply::new(200, listing.as_bytes()),
        Reply::new(200, deleted.as_bytes()),
        Reply::new(200, b"<ListMultipartUploadsResult><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>"),
    ]);
    let out = against(&t, &server)
        .args(["rm", "-r", "--bypass-governance", "s3://bkt/p/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let seen = server.requests();
    let batch = seen
        .iter()
        .find(|s| s.method == "POST")
        .expect("a DeleteObjects");
    assert_eq!(
        batch.header("x-amz-bypass-governance-retention"),
        Some("true"),
        "{batch:?}"
    );
    // The batches that name versions (`--all-versions`) carry it too.
    let versions = "<ListVersionsResult><Name>bkt</Name><Prefix>p/</Prefix><IsTruncated>false</IsTruncated>\
        <Version><Key>p/a</Key><VersionId>v1</VersionId><IsLatest>true</IsLatest><Size>1</Size><ETag>\"e\"</ETag></Version>\
        <DeleteMarker><Key>p/b</Key><VersionId>v2</VersionId><IsLatest>true</IsLatest></DeleteMarker>\
        </ListVersionsResult>";
    let server = FakeServer::start(vec![
        Reply::new(200, versions.as_bytes()),
        Reply::new(200, deleted.as_bytes()),
    ]);
    let out = against(&t, &server)
        .args([
            "rm",
            "-r",
            "--all-versions",
            "--bypass-governance",
            "s3://bkt/p/",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let seen = server.requests();
    let batch = seen
        .iter()
        .find(|s| s.method == "POST")
        .expect("a DeleteObjects");
    assert_eq!(
        batch.header("x-amz-bypass-governance-retention"),
        Some("true"),
        "{batch:?}"
    );
    // Without the flag, no bypass.
    let server = FakeServer::start(vec![
        Reply::new(200, listing.as_bytes()),
        Reply::new(200, deleted.as_bytes()),
    ]);
    let out = against(&t, &server)
        .args(["rm", "-r", "s3://bkt/p/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let seen = server.requests();
    let batch = seen.iter().find(|s| s.method == "POST").unwrap();
    assert_eq!(batch.header("x-amz-bypass-governance-retention"), None);
}
