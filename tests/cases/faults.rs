//! Faults a real server does not produce on demand, from the scripted loopback server:
//! SlowDown bursts, bodies cut short, data that does not match its ETag.

use predicates::prelude::*;

use crate::support::fake::{FakeServer, Reply};
use crate::support::{TestEnv, against, dir_entries, md5_hex};

fn object(body: &[u8]) -> Reply {
    Reply::new(200, body)
        .header("ETag", &format!("\"{}\"", md5_hex(body)))
        .header("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT")
        .header("x-amz-request-id", "fake-ok")
}

#[test]
fn slowdown_and_5xx_are_retried_with_backoff_then_succeed() {
    let t = TestEnv::new();
    let server = FakeServer::start(vec![
        Reply::error(503, "SlowDown"),
        Reply::error(500, "InternalError"),
        object(b"finally"),
    ]);
    against(&t, &server)
        .args(["-v", "get", "s3://bucket/key.txt", "-"])
        .assert()
        .success()
        .stdout("finally")
        .stderr(predicate::str::contains(
            "retrying GetObject /bucket/key.txt",
        ))
        .stderr(predicate::str::contains("SlowDown"))
        .stderr(predicate::str::contains("attempt 3 of 6"));
    let seen = server.requests();
    assert_eq!(seen.len(), 3);
    // Each attempt is signed afresh.
    assert!(seen.iter().all(|r| {
        r.header("authorization")
            .is_some_and(|a| a.starts_with("AWS AK:"))
    }));
}

/// The delay a `-v` retry line of `operation` announces, in milliseconds.
fn announced_delay(stderr: &str, operation: &str) -> u64 {
    let line = stderr
        .lines()
        .find(|l| l.contains(&format!("retrying {operation} ")))
        .unwrap_or_else(|| panic!("no retry of {operation}:\n{stderr}"));
    let (_, after) = line.split_once(" in ").unwrap();
    after.split_once(" ms").unwrap().0.parse().unwrap()
}

#[test]
fn a_retry_after_is_waited_before_the_retry() {
    let t = TestEnv::new();
    let server = FakeServer::start(vec![
        Reply::error(503, "SlowDown").header("Retry-After", "1"),
        object(b"later"),
    ]);
    let out = against(&t, &server)
        .args(["-v", "get", "s3://bucket/key.txt", "-"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(out.stdout, b"later");
    // One second, plus at most one first backoff step (200 ms) of jitter; the backoff alone
    // would be at most 200 ms.
    let delay = announced_delay(&err, "GetObject");
    assert!((1000..=1200).contains(&delay), "{err}");
}

#[test]
fn the_retry_budget_is_bounded() {
    let t = TestEnv::new();
    let server = FakeServer::start(vec![Reply::error(503, "SlowDown"); 3]);
    against(&t, &server)
        .args(["--retries", "2", "stat", "s3://bucket/key"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ServiceUnavailable (HTTP 503"));
    assert_eq!(server.requests().len(), 3);
    assert_eq!(server.unused(), 0);

    let server = FakeServer::start(vec![Reply::error(503, "SlowDown"), object(b"x")]);
    against(&t, &server)
        .args(["--retries", "0", "get", "s3://bucket/key", "-"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "SlowDown: scripted SlowDown (HTTP 503, request id fake-503)",
        ));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn client_errors_are_not_retried() {
    let t = TestEnv::new();
    let server = FakeServer::start(vec![Reply::error(403, "AccessDenied"), object(b"x")]);
    against(&t, &server)
        .args(["get", "s3://bucket/key", "-"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("AccessDenied"));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_body_cut_short_is_resumed_from_where_it_stopped() {
    let t = TestEnv::new();
    let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let etag = format!("\"{}\"", md5_hex(&data));
    let rest = Reply::new(206, &data[50_000..])
        .header("ETag", &etag)
        .header(
            "Content-Range",
            &format!("bytes 50000-199999/{}", data.len()),
        );
    let server = FakeServer::start(vec![object(&data).cut_after(50_000), rest]);
    against(&t, &server)
        .args(["-v", "get", "s3://bucket/data.bin", "out.bin"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "ended after 50000 of 200000 bytes; resuming",
        ));
    assert_eq!(std::fs::read(t.path("out.bin")).unwrap(), data);
    let seen = server.requests();
    assert_eq!(seen[1].header("range"), Some("bytes=50000-199999"));
    assert_eq!(seen[1].header("if-match"), Some(etag.as_str()));
}

#[test]
fn a_body_cut_short_for_good_fails_and_leaves_no_file() {
    let t = TestEnv::new();
    let data = vec![7u8; 100_000];
    let server = FakeServer::start(vec![
        object(&data).cut_after(10),
        Reply::error(412, "PreconditionFailed"),
    ]);
    t.write("target.bin", b"old content");
    against(&t, &server)
        .args(["get", "s3://bucket/data.bin", "target.bin"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the object may have changed"));
    assert_eq!(std::fs::read(t.path("target.bin")).unwrap(), b"old content");
    assert!(
        dir_entries(t.dir.path())
            .iter()
            .all(|n| !n.contains(".objcmd-"))
    );
}

#[test]
fn data_that_does_not_match_its_etag_is_an_integrity_failure() {
    let t = TestEnv::new();
    let reply = Reply::new(200, b"corrupted!")
        .header("ETag", &format!("\"{}\"", md5_hex(b"original!!")))
        .header("x-amz-request-id", "fake-ok");
    let server = FakeServer::start(vec![reply]);
    against(&t, &server)
        .args(["get", "s3://bucket/file.txt", "file.txt"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("does not match the object's ETag"));
    assert!(!t.path("file.txt").exists());
    assert!(
        dir_entries(t.dir.path())
            .iter()
            .all(|n| !n.contains(".objcmd-"))
    );
}

#[test]
fn uploads_carry_content_md5_and_a_200_with_a_wrong_etag_is_caught() {
    let t = TestEnv::new();
    t.write("up.txt", b"upload me");
    let server = FakeServer::start(vec![
        Reply::new(200, b"").header("ETag", &format!("\"{}\"", md5_hex(b"something else"))),
    ]);
    against(&t, &server)
        .args(["put", "up.txt", "s3://bucket/up.txt"])
        .assert()
        .code(6);
    let seen = server.requests();
    assert_eq!(seen[0].method, "PUT");
    // base64 of md5("upload me")
    let md5 = seen[0].header("content-md5").unwrap().to_string();
    assert_eq!(md5.len(), 24);
    assert_eq!(seen[0].header("content-type"), Some("text/plain"));
}

fn listing(keys: &[&str]) -> Reply {
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>bucket</Name><Prefix>dir/</Prefix><KeyCount>2</KeyCount><IsTruncated>false</IsTruncated>",
    );
    for key in keys {
        body.push_str(&format!(
            "<Contents><Key>{key}</Key><LastModified>2023-11-14T22:13:20.000Z</LastModified><ETag>\"d41d8cd98f00b204e9800998ecf8427e\"</ETag><Size>0</Size><StorageClass>STANDARD</StorageClass></Contents>"
        ));
    }
    body.push_str("</ListBucketResult>");
    Reply::new(200, body.as_bytes()).header("Content-Type", "application/xml")
}

#[test]
fn rm_r_falls_back_to_single_deletes_where_the_server_lacks_delete_objects() {
    let t = TestEnv::new();
    let server = FakeServer::start(vec![
        listing(&["dir/a", "dir/b"]),
        Reply::error(501, "NotImplemented"),
        Reply::new(204, b""),
        Reply::new(204, b""),
    ]);
    against(&t, &server)
        .args(["-j", "1", "rm", "-r", "s3://bucket/dir/"])
        .assert()
        .success()
        .stdout(predicate::str::contains("delete: s3://bucket/dir/a"))
        .stdout(predicate::str::contains("delete: s3://bucket/dir/b"));
    let seen: Vec<(String, String)> = server
        .requests()
        .into_iter()
        .map(|r| (r.method, r.target))
        .collect();
    assert_eq!(seen[1].0, "POST");
    assert!(seen[1].1.contains("delete"), "{seen:?}");
    assert_eq!(
        seen[2..],
        [
            ("DELETE".to_string(), "/bucket/dir/a".to_string()),
            ("DELETE".to_string(), "/bucket/dir/b".to_string())
        ]
    );
}

#[test]
fn per_key_errors_of_delete_objects_are_reported_and_exit_3() {
    let t = TestEnv::new();
    let reply = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult><Error><Key>dir/locked</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>";
    let server = FakeServer::start(vec![
        listing(&["dir/free", "dir/locked"]),
        Reply::new(200, reply.as_bytes()).header("Content-Type", "application/xml"),
    ]);
    let out = against(&t, &server)
        .args(["--json", "rm", "-r", "s3://bucket/dir/"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("s3://bucket/dir/locked"))
        .stderr(predicate::str::contains("AccessDenied"))
        .stderr(predicate::str::contains("1 done, 1 failed"));
    let records = crate::support::json_lines(&out.get_output().stdout);
    let status = |src: &str| {
        records
            .iter()
            .find(|r| r["src"] == src)
            .map(|r| r["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status("s3://bucket/dir/free").as_deref(), Some("ok"));
    assert_eq!(status("s3://bucket/dir/locked").as_deref(), Some("error"));
    // The request carried the keys and their Content-MD5.
    let post = &server.requests()[1];
    assert!(post.header("content-md5").is_some());
}

#[test]
fn copies_name_their_source_and_directive_and_a_200_with_an_error_body_fails() {
    let t = TestEnv::new();
    let head = Reply::new(200, b"")
        .header("ETag", "\"0123456789abcdef0123456789abcdef\"")
        .header("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT");
    let done = Reply::new(
        200,
        b"<CopyObjectResult><ETag>\"0123456789abcdef0123456789abcdef\"</ETag></CopyObjectResult>",
    );
    // S3 may fail a copy after sending 200: the body then holds the error.
    let failed = Reply::new(
        200,
        b"<?xml version=\"1.0\"?>\n\n<Error><Code>InternalError</Code><Message>copy failed late</Message><RequestId>late-1</RequestId></Error>",
    );
    let server = FakeServer::start(vec![head.clone(), done, head, failed]);
    against(&t, &server)
        .args(["cp", "s3://src/a b+c/ü.txt", "s3://dst/copy.txt"])
        .args(["--storage-class", "STANDARD_IA", "--acl", "public-read"])
        .assert()
        .success();
    against(&t, &server)
        .args(["cp", "s3://src/a b+c/ü.txt", "s3://dst/copy.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "InternalError: copy failed late (HTTP 200, request id late-1)",
        ));
    let seen = server.requests();
    let copies: Vec<_> = seen.iter().filter(|r| r.method == "PUT").collect();
    assert_eq!(copies.len(), 2, "{seen:?}");
    for copy in &copies {
        assert_eq!(copy.target, "/dst/copy.txt");
        assert_eq!(
            copy.header("x-amz-copy-source"),
            Some("/src/a%20b%2Bc/%C3%BC.txt")
        );
    }
    // A new storage class replaces the metadata; the ACL alone would not.
    assert_eq!(
        copies[0].header("x-amz-metadata-directive"),
        Some("REPLACE")
    );
    assert_eq!(copies[0].header("x-amz-storage-class"), Some("STANDARD_IA"));
    assert_eq!(copies[0].header("x-amz-acl"), Some("public-read"));
    assert_eq!(copies[1].header("x-amz-metadata-directive"), Some("COPY"));
    assert_eq!(copies[1].header("x-amz-acl"), None);
}

fn crc64(data: &[u8]) -> u64 {
    let mut d = crc64fast::Digest::new();
    d.write(data);
    d.sum64()
}

#[test]
fn crc64_from_oss_and_ks3_is_checked_on_get_and_put() {
    let t = TestEnv::new();
    let body = b"data with a crc";
    let crc = crc64(body);
    for (provider, header) in [
        ("oss", "x-oss-hash-crc64ecma"),
        ("ks3", "x-kss-checksum-crc64ecma"),
    ] {
        let server = FakeServer::start(vec![
            object(body).header(header, &crc.to_string()),
            object(body).header(header, &(crc ^ 1).to_string()),
            Reply::new(200, b"")
                .header("ETag", &format!("\"{}\"", md5_hex(body)))
                .header(header, &(crc ^ 1).to_string()),
            Reply::new(200, b"")
                .header("ETag", &format!("\"{}\"", md5_hex(body)))
                .header(header, &crc.to_string()),
        ]);
        let url = format!("{provider}://bucket/key.txt");
        against(&t, &server)
            .args(["--provider", provider, "--addressing", "path"])
            .args(["get", &url, "good.txt"])
            .assert()
            .success();
        assert_eq!(std::fs::read(t.path("good.txt")).unwrap(), body);
        against(&t, &server)
            .args(["--provider", provider, "--addressing", "path"])
            .args(["get", &url, "bad.txt"])
            .assert()
            .code(6)
            .stderr(predicate::str::contains("CRC-64"));
        assert!(!t.path("bad.txt").exists());
        assert!(
            dir_entries(t.dir.path())
                .iter()
                .all(|n| !n.contains("bad.txt"))
        );
        t.write("up.txt", body);
        against(&t, &server)
            .args(["--provider", provider, "--addressing", "path"])
            .args(["put", "up.txt", &url])
            .assert()
            .code(6)
            .stderr(predicate::str::contains("the CRC-64 of the object"));
        against(&t, &server)
            .args(["--provider", provider, "--addressing", "path"])
            .args(["put", "up.txt", &url])
            .assert()
            .success();
        assert_eq!(server.unused(), 0);
    }
}

#[test]
fn a_multipart_etag_with_a_recorded_part_size_is_recomputed_on_get() {
    let t = TestEnv::new();
    let data = crate::support::random_bytes(10_000, 3);
    let etag = crate::support::multipart_etag(&data, 4096);
    let mut damaged = data.clone();
    damaged[9000] ^= 0x20;
    let reply = |body: &[u8], part_size: &str| {
        Reply::new(200, body)
            .header("ETag", &format!("\"{etag}\""))
            .header("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT")
            .header("x-amz-meta-objcmd-part-size", part_size)
    };
    let server = FakeServer::start(vec![
        reply(&data, "4096"),
        reply(&damaged, "4096"),
        reply(&damaged, "4096"),
        // Another tool's upload: no part size, so only the size can be checked.
        reply(&damaged, "").header("x-amz-meta-objcmd-part-size", "x"),
    ]);
    against(&t, &server)
        .args(["-v", "get", "s3://bucket/k", "good.bin"])
        .assert()
        .success()
        .stderr(predicate::str::contains("cannot be recomputed").not());
    for dst in ["bad.bin", "-"] {
        against(&t, &server)
            .args(["get", "s3://bucket/k", dst])
            .assert()
            .code(6)
            .stderr(predicate::str::contains(
                "multipart ETag of the downloaded data",
            ));
    }
    assert!(!t.path("bad.bin").exists());
    against(&t, &server)
        .args(["-v", "get", "s3://bucket/k", "unverified.bin"])
        .assert()
        .success()
        .stderr(predicate::str::contains("cannot be recomputed"));
}
