//! Server-side encryption in every dialect as far as it has it: SSE-S3 and SSE-KMS shown by
//! `stat`, SSE-C round trips of multipart objects (every part, every ranged GET carries
//! the key), the refusal of a read without the key (with a hint), copies with the
//! source's key, the key kept out of every output (the suite's secrets check greps for
//! it too: support's SSE_C_KEYS), and the refusals of what a dialect lacks (OSS: SSE-C;
//! KS3: KMS).

use predicates::prelude::*;

use crate::support::fake::{FakeServer, Reply, Seen};
use crate::support::{SSE_C_KEYS, TestEnv, against, dialect, random_bytes};
use objcmd::client::Dialect;

/// Six MiB and a bit: two parts of 5 MiB.
const LEN: usize = 6 * 1024 * 1024 + 123;

/// A test world with the suite's two SSE-C keys in `k1` and `k2`.
fn world() -> TestEnv {
    let t = TestEnv::new();
    t.write("k1", SSE_C_KEYS[0].raw.as_bytes());
    t.write("k2", SSE_C_KEYS[1].raw.as_bytes());
    t
}

/// The SSE header line of a `-vv` trace in the suite's dialect.
fn sse_header(value: &str) -> String {
    let prefix = match dialect() {
        Dialect::S3 => "x-amz",
        Dialect::Oss => "x-oss",
        Dialect::Ks3 => "x-kss",
    };
    format!("{prefix}-server-side-encryption: {value}")
}

fn stat_json(t: &TestEnv, url: &str, extra: &[&str]) -> serde_json::Value {
    let out = t
        .cmd()
        .args(["stat", "--json", url])
        .args(extra)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn sse_s3_and_kms_are_stored_and_shown_by_stat() {
    let t = world();
    let b = t.bucket("sse-stat");
    t.write("h.txt", b"hello, encrypted at rest");
    // radosgw 16 takes SSE-S3 but does not say so in a HEAD (it has no SSE-S3 of its
    // own before 17): the request is what can be checked.
    let put = t
        .cmd()
        .args(["put", "h.txt", &b.url("aes"), "--sse", "AES256", "-vv"])
        .assert()
        .success();
    let trace = String::from_utf8_lossy(&put.get_output().stderr).to_string();
    assert!(trace.contains(&sse_header("AES256")), "{trace}");
    // SM4 is OSS's alone: sent as oss2 sends it (radosgw, behind the gateway, has no SM4
    // and refuses it), refused elsewhere before any request.
    let sm4 = t
        .cmd()
        .args(["put", "h.txt", &b.url("sm4"), "--sse", "SM4", "-vv"])
        .assert();
    let sm4 = match dialect() {
        Dialect::Oss => sm4.failure(),
        other => sm4.code(2).stderr(predicate::str::contains(format!(
            "not supported by {}",
            other.upper_name()
        ))),
    };
    let trace = String::from_utf8_lossy(&sm4.get_output().stderr).to_string();
    assert_eq!(
        trace.contains("x-oss-server-side-encryption: SM4"),
        dialect() == Dialect::Oss,
        "{trace}"
    );
    let kms = ["--sse", "aws:kms", "--sse-kms-key-id", "testkey-1"];
    if dialect() == Dialect::Ks3 {
        // ks3sdk has no KMS: refused before any request.
        t.cmd()
            .args(["put", "h.txt", &b.url("kms")])
            .args(kms)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not supported by KS3"));
        return;
    }
    t.cmd()
        .args(["put", "h.txt", &b.url("kms")])
        .args(kms)
        .assert()
        .success();
    let meta = stat_json(&t, &b.url("kms"), &[]);
    let shown = if dialect() == Dialect::Oss {
        "KMS"
    } else {
        "aws:kms"
    };
    assert_eq!(meta["sse"], shown);
    assert_eq!(meta["sse_kms_key_id"], "testkey-1");
    t.cmd()
        .args(["stat", &b.url("kms")])
        .assert()
        .success()
        .stdout(predicate::str::contains("testkey-1"));
}

#[test]
fn an_sse_kms_multipart_object_round_trips_without_a_false_integrity_error() {
    if dialect() == Dialect::Ks3 {
        return; // KMS is refused there (sse_s3_and_kms_are_stored_and_shown_by_stat).
    }
    let t = world();
    let b = t.bucket("sse-kms-mp");
    let data = random_bytes(LEN, 7);
    t.write("src.bin", &data);
    let url = b.url("big");
    let kms = ["--sse", "aws:kms", "--sse-kms-key-id", "testkey-2"];
    t.cmd()
        .args(["put", "src.bin", &url, "--part-size", "5MiB"])
        .args(kms)
        .assert()
        .success();
    t.cmd()
        .args(["get", &url, "out.bin", "-v"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "encrypted on the server with a KMS key",
        ));
    assert!(std::fs::read(t.path("out.bin")).unwrap() == data);
    // A single PUT too: its ETag is not the MD5 either.
    t.write("small.txt", b"small");
    t.cmd()
        .args(["put", "small.txt", &b.url("small")])
        .args(kms)
        .assert()
        .success();
    t.cmd()
        .args(["cat", &b.url("small")])
        .assert()
        .success()
        .stdout("small");
}

#[test]
fn an_sse_c_multipart_object_round_trips_and_the_key_never_shows() {
    let t = world();
    let b = t.bucket("sse-c");
    let url = b.url("big");
    let data = random_bytes(LEN, 3);
    t.write("src.bin", &data);
    let put = t
        .cmd()
        .args(["put", "src.bin", &url, "--part-size", "5MiB", "-vv"])
        .args(["--sse-c-key-file", "k1"])
        .assert();
    if dialect() == Dialect::Oss {
        put.code(2)
            .stderr(predicate::str::contains("not supported by OSS"));
        return;
    }
    let stderr = String::from_utf8_lossy(&put.success().get_output().stderr).to_string();
    let prefix = match dialect() {
        Dialect::Ks3 => "x-kss",
        _ => "x-amz",
    };
    // Initiate, both parts and Complete carried the key (redacted in the trace).
    let sent = format!("{prefix}-server-side-encryption-customer-key: <redacted>");
    assert!(stderr.matches(&sent).count() >= 4, "{stderr}");
    for secret in [SSE_C_KEYS[0].base64, SSE_C_KEYS[0].md5] {
        assert!(!stderr.contains(secret), "{stderr}");
    }
    let key = ["--sse-c-key-file", "k1"];
    let meta = stat_json(&t, &url, &key);
    assert_eq!(meta["sse_customer_algorithm"], "AES256");
    // Ranged GETs of 5 MiB parts: each carries the key.
    t.cmd()
        .args(["get", &url, "out.bin", "--part-size", "5MiB"])
        .args(key)
        .assert()
        .success();
    assert!(std::fs::read(t.path("out.bin")).unwrap() == data);
    let cat = t.cmd().args(["cat", &url]).args(key).assert().success();
    assert!(cat.get_output().stdout == data);
}

#[test]
fn a_read_of_an_sse_c_object_without_its_key_says_what_is_missing() {
    if dialect() == Dialect::Oss {
        return; // No SSE-C (an_sse_c_multipart_object_round_trips...).
    }
    let t = world();
    let b = t.bucket("sse-c-nokey");
    t.write("h.txt", b"secret words");
    let url = b.url("h.txt");
    t.cmd()
        .args(["put", "h.txt", &url, "--sse-c-key-file", "k1"])
        .assert()
        .success();
    for verb in ["get", "stat", "cat"] {
        let mut cmd = t.cmd();
        cmd.args([verb, &url]);
        if verb == "get" {
            cmd.arg("out.txt");
        }
        let out = cmd.assert().code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains("hint:"), "{verb}: {stderr}");
        assert!(stderr.contains("--sse-c-key-file"), "{verb}: {stderr}");
        assert_eq!(stderr.matches("error:").count(), 1, "{verb}: {stderr}");
    }
    // With the key, all is well.
    t.cmd()
        .args(["cat", &url, "--sse-c-key-file", "k1"])
        .assert()
        .success()
        .stdout("secret words");
}

/// The replies of a copy of a 6 MiB object: the HEAD of its source, then CopyObject
/// (`parts = 0`) or Initiate, `parts` UploadPartCopy and Complete.
fn copy_script(parts: usize) -> Vec<Reply> {
    let head = Reply::new(200, &vec![0u8; LEN])
        .header("ETag", "\"0123456789abcdef0123456789abcdef\"")
        .header("x-amz-server-side-encryption-customer-algorithm", "AES256");
    if parts == 0 {
        let done = "<CopyObjectResult><ETag>\"e1\"</ETag><LastModified>2026-01-01T00:00:00.000Z</LastModified></CopyObjectResult>";
        return vec![head, Reply::new(200, done.as_bytes())];
    }
    let init = "<InitiateMultipartUploadResult><Bucket>bkt</Bucket><Key>dst</Key><UploadId>up1</UploadId></InitiateMultipartUploadResult>";
    let part = "<CopyPartResult><ETag>\"p\"</ETag><LastModified>2026-01-01T00:00:00.000Z</LastModified></CopyPartResult>";
    let done = "<CompleteMultipartUploadResult><Bucket>bkt</Bucket><Key>dst</Key><ETag>\"e-2\"</ETag></CompleteMultipartUploadResult>";
    let mut script = vec![head.clone(), head, Reply::new(200, init.as_bytes())];
    script.extend((0..parts).map(|_| Reply::new(200, part.as_bytes())));
    script.push(Reply::new(200, done.as_bytes()));
    script
}

// radosgw 16 answers an SSE-C copy 501 NotImplemented: the requests are checked against
// the scripted server.
#[test]
fn a_copy_of_an_sse_c_object_takes_the_source_key_and_its_own() {
    let t = world();
    let (dest, source) = (&SSE_C_KEYS[0], &SSE_C_KEYS[1]);
    for (threshold, parts) in [("5GiB", 0), ("5MiB", 2)] {
        let server = FakeServer::start(copy_script(parts));
        against(&t, &server)
            .args(["--addressing", "path", "--part-size", "5MiB"])
            .args([
                "cp",
                "s3://bkt/src",
                "s3://bkt/dst",
                "--copy-threshold",
                threshold,
            ])
            .args(["--sse-c-source-key-file", "k2", "--sse-c-key-file", "k1"])
            .assert()
            .success();
        let seen = server.requests();
        assert_eq!(seen.len(), copy_script(parts).len(), "{seen:?}");
        let key_md5 = |r: &Seen, prefix: &str| {
            r.header(&format!(
                "x-amz-{prefix}server-side-encryption-customer-key-MD5"
            ))
            .map(str::to_string)
        };
        for r in &seen {
            let what = format!("{} {}", r.method, r.target);
            let copies = r.header("x-amz-copy-source").is_some();
            if r.method == "HEAD" {
                // The source, read with its own key.
                assert_eq!(key_md5(r, "").as_deref(), Some(source.md5), "{what}");
                continue;
            }
            // Every write of the copy carries the destination's key ...
            assert_eq!(key_md5(r, "").as_deref(), Some(dest.md5), "{what}");
            assert_eq!(
                r.header("x-amz-server-side-encryption-customer-key"),
                Some(dest.base64),
                "{what}"
            );
            // ... and each request that reads the source, the source's.
            let want = copies.then_some(source.md5);
            assert_eq!(key_md5(r, "copy-source-").as_deref(), want, "{what}");
        }
        let part_copies = seen
            .iter()
            .filter(|r| r.target.contains("partNumber"))
            .count();
        assert_eq!(part_copies, parts);
    }
}

#[test]
fn a_key_file_of_another_length_is_refused_before_any_request() {
    let t = world();
    t.write("short", &[1u8; 16]);
    t.write("h.txt", b"x");
    if dialect() == Dialect::Oss {
        return; // Refused for OSS whatever the file (above).
    }
    t.cmd()
        .args([
            "put",
            "h.txt",
            "s3://no-such-bucket-sse/x",
            "--sse-c-key-file",
            "short",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("32 raw bytes"));
    t.cmd()
        .args([
            "put",
            "h.txt",
            "s3://bkt/x",
            "--sse",
            "AES256",
            "--sse-c-key-file",
            "k1",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exclude each other"));
}

#[test]
fn the_profile_keys_encrypt_every_upload() {
    let t = world();
    let b = t.bucket("sse-profile");
    t.cmd()
        .args(["config", "set", "sse", "AES256"])
        .assert()
        .success();
    t.cmd()
        .args(["config", "set", "sse_kms_key_id", "testkey-1"])
        .assert()
        .success();
    // A key id without aws:kms means nothing: refused.
    t.write("h.txt", b"profile");
    t.cmd()
        .args(["put", "h.txt", &b.url("h")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sse_kms_key_id"));
    t.cmd()
        .args(["config", "set", "sse_kms_key_id", ""])
        .assert()
        .success();
    let put = t
        .cmd()
        .args(["put", "h.txt", &b.url("h"), "-vv"])
        .assert()
        .success();
    let trace = String::from_utf8_lossy(&put.get_output().stderr).to_string();
    assert!(trace.contains(&sse_header("AES256")), "{trace}");
    if dialect() == Dialect::Oss {
        return;
    }
    t.cmd()
        .args([
            "config",
            "set",
            "sse_c_key_file",
            &t.path("k1").display().to_string(),
        ])
        .assert()
        .success();
    t.cmd()
        .args(["config", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sse_c_key_file"));
    // The profile's customer key overrides its `sse`.
    t.cmd()
        .args(["put", "h.txt", &b.url("c")])
        .assert()
        .success();
    let meta = stat_json(&t, &b.url("c"), &[]);
    assert_eq!(meta["sse_customer_algorithm"], "AES256");
    t.cmd()
        .args(["cat", &b.url("c")])
        .assert()
        .success()
        .stdout("profile");
}

#[test]
fn client_side_encryption_and_sse_compose() {
    let t = world();
    let b = t.bucket("sse-encrypt");
    t.write("keys/main.key", b"0123456789abcdef");
    let data = random_bytes(LEN, 5);
    t.write("src.bin", &data);
    let sse: &[&str] = match dialect() {
        // radosgw 16 does not report SSE-S3; OSS has KMS but no SSE-C.
        Dialect::Oss => &["--sse", "aws:kms", "--sse-kms-key-id", "testkey-1"],
        _ => &["--sse-c-key-file", "k1"],
    };
    let cmd = || {
        let mut c = t.cmd();
        c.env("OBJCMD_ENCRYPTION_KEY_FILE", t.path("keys/main.key"));
        c
    };
    cmd()
        .args([
            "put",
            "src.bin",
            &b.url("both"),
            "--encrypt",
            "--part-size",
            "5MiB",
        ])
        .args(sse)
        .assert()
        .success();
    let meta = stat_json(&t, &b.url("both"), sse);
    assert!(meta["sse"] == "KMS" || meta["sse_customer_algorithm"] == "AES256");
    cmd()
        .args(["get", &b.url("both"), "out.bin"])
        .args(sse)
        .assert()
        .success();
    assert!(std::fs::read(t.path("out.bin")).unwrap() == data);
}

/// A reply with an ETag that looks like an MD5 but is not that of the body, as AWS
/// gives for SSE-C and SSE-KMS objects (radosgw 16 still sends the MD5: it cannot show
/// this), with the SSE-C header or not.
fn not_md5_reply(ssec: bool) -> Reply {
    let reply = Reply::new(200, b"hello")
        .header("ETag", "\"0123456789abcdef0123456789abcdef\"")
        .header("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT");
    match ssec {
        true => reply.header("x-amz-server-side-encryption-customer-algorithm", "AES256"),
        false => reply,
    }
}

#[test]
fn the_etag_of_an_sse_c_object_is_not_taken_for_its_md5() {
    let t = world();
    t.write("h.txt", b"hello");
    // Uploads: with the key, the ETag is not compared; without, it is (exit 6).
    for (key, code) in [(true, 0), (false, 6)] {
        let server = FakeServer::start(vec![not_md5_reply(false); 3]);
        let mut cmd = against(&t, &server);
        cmd.args(["--addressing", "path", "-v", "put", "h.txt", "s3://bkt/k"]);
        if key {
            cmd.args(["--sse-c-key-file", "k1"]);
        }
        let out = cmd.assert().code(code);
        if key {
            let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
            assert!(stderr.contains("ETag is not compared"), "{stderr}");
        }
    }
    // A bucket whose default encryption is KMS: no flag, the reply says so.
    let kms = not_md5_reply(false).header("x-amz-server-side-encryption", "aws:kms");
    let server = FakeServer::start(vec![kms; 3]);
    let out = against(&t, &server)
        .args(["--addressing", "path", "-v", "put", "h.txt", "s3://bkt/k"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("ETag is not compared"), "{stderr}");
    // Downloads: an object whose reply says SSE-C is checked by size only.
    for (ssec, code) in [(true, 0), (false, 6)] {
        let server = FakeServer::start(vec![not_md5_reply(ssec); 3]);
        let out = against(&t, &server)
            .args(["--addressing", "path", "cat", "s3://bkt/k"])
            .args(["--sse-c-key-file", "k1"])
            .assert()
            .code(code);
        if ssec {
            assert_eq!(out.get_output().stdout, b"hello");
        }
    }
}

#[test]
fn set_meta_of_an_sse_c_object_reads_and_writes_it_with_its_key() {
    let t = world();
    let server = FakeServer::start(copy_script(0));
    against(&t, &server)
        .args(["--addressing", "path", "set-meta", "s3://bkt/k"])
        .args(["--meta", "color=blue", "--acl", "private"])
        .args(["--sse-c-key-file", "k1"])
        .assert()
        .success();
    let seen = server.requests();
    let copy = seen.last().expect("a CopyObject");
    assert!(copy.header("x-amz-copy-source").is_some(), "{seen:?}");
    let md5 = SSE_C_KEYS[0].md5;
    for prefix in ["", "copy-source-"] {
        let name = format!("x-amz-{prefix}server-side-encryption-customer-key-MD5");
        assert_eq!(copy.header(&name), Some(md5), "{name}");
    }
}
