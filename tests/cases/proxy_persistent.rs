//! Persistent faults from the fault-injecting proxy (`support::proxy`): a fault applied
//! more times than the retry budget fails with the right exit code and one error line
//! naming the request id; corrupt data is never written under the target name; a multipart
//! upload is never completed with a missing or bad part, nor left behind; a 200 carrying an
//! `<Error>` is a failure; the backoff between retries is bounded.
//!
//! The helpers are proxy_faults.rs's.

use std::time::{Duration, Instant};

use crate::support::proxy::{Fault, Match, Proxy, Rule};
use crate::support::{TestEnv, dir_entries, md5_file, md5_hex, random_bytes};

use super::proxy_faults::{
    MIB, assert_absent, assert_no_temp_files, etag_of, is_complete, one_error_line, put_direct,
    remote_md5, run, stderr, uploads, via,
};

#[test]
fn persistent_5xx_fails_with_exit_1_naming_the_request_id() {
    let t = TestEnv::new();
    let b = t.bucket("px-5xx");
    let data = random_bytes(MIB, 30);
    put_direct(&t, "there.bin", &data, &b.url("there.bin"));
    t.write("new.bin", &data);
    let proxy = Proxy::to_server(vec![
        Rule::new(Match::method("PUT"), Fault::internal_error()).always(),
        Rule::new(Match::method("GET"), Fault::slow_down()).always(),
        Rule::new(Match::method("DELETE"), Fault::internal_error()).always(),
    ]);
    let last_id = |proxy: &Proxy| {
        proxy
            .faults()
            .last()
            .and_then(|h| h.request_id.clone())
            .unwrap()
    };

    let out = run(
        via(&t, &proxy).args(["--retries", "2", "put", "new.bin", &b.url("new.bin")]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(line.contains("InternalError"), "{line}");
    assert!(
        line.contains(&format!("(HTTP 500, request id {})", last_id(&proxy))),
        "{line}"
    );
    assert_eq!(proxy.fired(0), 3, "{}", proxy.dump());
    assert_absent(&t, &b.url("new.bin"));

    let out = run(
        via(&t, &proxy).args(["--retries", "2", "get", &b.url("there.bin"), "got.bin"]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(
        line.contains(&format!(
            "SlowDown: SlowDown injected by the test proxy (HTTP 503, request id {})",
            last_id(&proxy)
        )),
        "{line}"
    );
    assert_eq!(proxy.fired(1), 3, "{}", proxy.dump());
    assert!(!t.path("got.bin").exists());
    assert_no_temp_files(t.dir.path());

    let out = run(
        via(&t, &proxy).args(["--retries", "2", "rm", &b.url("there.bin")]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(
        line.contains(&format!("(HTTP 500, request id {})", last_id(&proxy))),
        "{line}"
    );
    assert_eq!(proxy.fired(2), 3, "{}", proxy.dump());
    assert_eq!(remote_md5(&t, &b.url("there.bin")), md5_hex(&data));

    // A server-side copy.
    let out = run(
        via(&t, &proxy).args([
            "--retries",
            "2",
            "cp",
            &b.url("there.bin"),
            &b.url("copy.bin"),
        ]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(
        line.contains(&format!("(HTTP 500, request id {})", last_id(&proxy))),
        "{line}"
    );
    assert_absent(&t, &b.url("copy.bin"));
}

#[test]
fn persistent_network_faults_fail_with_exit_1() {
    let t = TestEnv::new();
    let b = t.bucket("px-net");
    let data = random_bytes(2 * MIB, 31);
    put_direct(&t, "there.bin", &data, &b.url("there.bin"));
    t.write("keep.bin", b"old content");
    let proxy = Proxy::to_server(vec![
        Rule::new(Match::method("GET"), Fault::ResetRequest).always(),
        Rule::new(Match::method("PUT"), Fault::ResetRequest).always(),
    ]);
    let out = run(
        via(&t, &proxy).args(["--retries", "2", "get", &b.url("there.bin"), "keep.bin"]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(line.contains("(after 3 attempts)"), "{line}");
    assert_eq!(proxy.fired(0), 3);
    let out = run(
        via(&t, &proxy).args(["--retries", "2", "put", "keep.bin", &b.url("new.bin")]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(line.contains("(after 3 attempts)"), "{line}");
    assert_eq!(proxy.fired(1), 3);
    assert_absent(&t, &b.url("new.bin"));

    // A body cut short every time: resumed within the budget, then given up.
    proxy.set_rules(vec![
        Rule::new(Match::method("GET"), Fault::Truncate { after: 1000 }).always(),
    ]);
    let out = run(
        via(&t, &proxy).args(["--retries", "2", "get", &b.url("there.bin"), "keep.bin"]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(line.contains("ended after 3000 of"), "{line}");
    assert_eq!(proxy.fired(0), 3);

    // A server that never answers: each attempt gives up after --timeout.
    proxy.set_rules(vec![
        Rule::new(Match::method("GET"), Fault::stall()).always(),
    ]);
    let start = Instant::now();
    let out = run(
        via(&t, &proxy).args(["--retries", "1", "get", &b.url("there.bin"), "keep.bin"]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(line.contains("(after 2 attempts)"), "{line}");
    assert!(line.contains("timed out"), "{line}");
    assert!(
        start.elapsed() < Duration::from_secs(8),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(proxy.fired(0), 2);

    assert_eq!(std::fs::read(t.path("keep.bin")).unwrap(), b"old content");
    assert_no_temp_files(t.dir.path());
}

#[test]
fn a_part_failing_for_good_aborts_the_upload_and_keeps_the_old_object() {
    let t = TestEnv::new();
    let b = t.bucket("px-mp-fail");
    let old = random_bytes(MIB, 40);
    put_direct(&t, "old.bin", &old, &b.url("big.bin"));
    t.write("big.bin", &random_bytes(12 * MIB + 1, 41));
    let proxy = Proxy::to_server(vec![
        Rule::new(
            Match::method("PUT").query("partNumber=2&"),
            Fault::internal_error(),
        )
        .always(),
    ]);
    let out = run(
        via(&t, &proxy).args(["--retries", "2", "put", "big.bin", &b.url("big.bin")]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(line.contains("part 2"), "{line}");
    let last = proxy.faults().last().unwrap().request_id.clone().unwrap();
    assert!(line.contains(&format!("request id {last}")), "{line}");
    assert_eq!(proxy.fired(0), 3);
    let hits = proxy.hits();
    assert!(!hits.iter().any(is_complete), "{}", proxy.dump());
    assert!(
        hits.iter()
            .any(|h| h.method == "DELETE" && h.query_has("uploadId=") && h.status == Some(204)),
        "the upload was aborted:\n{}",
        proxy.dump()
    );
    assert!(uploads(&t, &b).is_empty());
    assert_eq!(etag_of(&t, &b.url("big.bin")), md5_hex(&old));

    // A new key: nothing appears.
    proxy.set_rules(vec![
        Rule::new(
            Match::method("PUT").query("partNumber=3&"),
            Fault::ResetRequest,
        )
        .always(),
    ]);
    let out = run(
        via(&t, &proxy).args(["--retries", "2", "put", "big.bin", &b.url("fresh.bin")]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(
        line.contains("part 3") && line.contains("(after 3 attempts)"),
        "{line}"
    );
    assert!(uploads(&t, &b).is_empty());
    assert_absent(&t, &b.url("fresh.bin"));
}

#[test]
fn a_part_damaged_in_transit_is_refused_and_the_upload_never_completed() {
    let t = TestEnv::new();
    let b = t.bucket("px-mp-bad");
    t.write("big.bin", &random_bytes(12 * MIB + 1, 42));
    let proxy = Proxy::to_server(vec![Rule::new(
        Match::method("PUT").query("partNumber=2&"),
        Fault::CorruptRequest { at: 4321 },
    )]);
    let out = run(
        via(&t, &proxy).args(["put", "big.bin", &b.url("big.bin")]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    // The server checks the part against its Content-MD5.
    assert!(
        line.contains("part 2") && line.contains("BadDigest"),
        "{line}"
    );
    let request_id = proxy.faults()[0].request_id.clone().unwrap();
    assert!(line.contains(&request_id), "{line}");
    assert!(!proxy.hits().iter().any(is_complete), "{}", proxy.dump());
    assert!(uploads(&t, &b).is_empty());
    assert_absent(&t, &b.url("big.bin"));
}

#[test]
fn a_corrupted_download_is_detected_and_never_written() {
    let t = TestEnv::new();
    let b = t.bucket("px-corrupt");
    let small = random_bytes(3 * MIB, 50);
    let big = random_bytes(12 * MIB + 1, 51);
    put_direct(&t, "small.src", &small, &b.url("small.bin"));
    put_direct(&t, "big.src", &big, &b.url("big.bin"));
    t.write("keep.bin", b"old content");
    let proxy = Proxy::to_server(vec![Rule::new(
        Match::method("GET"),
        Fault::Corrupt { at: 1000 },
    )]);
    // Over an existing file, to a new one, and in parts.
    let out = run(
        via(&t, &proxy).args(["get", &b.url("small.bin"), "keep.bin"]),
        6,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(line.contains("does not match the object's ETag"), "{line}");
    assert_eq!(std::fs::read(t.path("keep.bin")).unwrap(), b"old content");
    proxy.set_rules(vec![Rule::new(
        Match::method("GET"),
        Fault::Corrupt { at: 0 },
    )]);
    run(
        via(&t, &proxy).args(["get", &b.url("small.bin"), "new.bin"]),
        6,
        &proxy,
    );
    assert!(!t.path("new.bin").exists());
    proxy.set_rules(vec![Rule::new(
        Match::method("GET").header("range", &format!("bytes={}-", 5 * MIB)),
        Fault::Corrupt { at: 123_456 },
    )]);
    let out = run(
        via(&t, &proxy).args(["get", &b.url("big.bin"), "big.bin"]),
        6,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(
        line.contains("multipart ETag of the downloaded data"),
        "{line}"
    );
    assert_eq!(proxy.fired(0), 1, "{}", proxy.dump());
    assert!(!t.path("big.bin").exists());
    assert_no_temp_files(t.dir.path());

    // To stdout the data is gone already, but the exit code says it was bad.
    proxy.set_rules(vec![Rule::new(
        Match::method("GET"),
        Fault::Corrupt { at: 77 },
    )]);
    let out = run(
        via(&t, &proxy).args(["get", &b.url("small.bin"), "-"]),
        6,
        &proxy,
    );
    assert_eq!(out.stdout.len(), small.len());
    assert_ne!(md5_hex(&out.stdout), md5_hex(&small));

    // In a tree: the damaged object fails alone, the other is written.
    proxy.set_rules(vec![Rule::new(
        Match::method("GET").path("small.bin"),
        Fault::Corrupt { at: 5 },
    )]);
    let out = run(
        via(&t, &proxy).args(["get", "-r", &b.url(""), "tree"]),
        3,
        &proxy,
    );
    assert!(
        stderr(&out).contains("1 done, 1 failed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(dir_entries(&t.path("tree")), ["big.bin"]);
    assert_eq!(md5_file(&t.path("tree/big.bin")), md5_hex(&big));
}

#[test]
fn a_200_with_an_error_to_complete_fails_and_leaves_no_object() {
    let t = TestEnv::new();
    let b = t.bucket("px-200-complete");
    let data = random_bytes(12 * MIB + 1, 60);
    t.write("big.bin", &data);
    let complete = || Match::method("POST").query("uploadId=");
    let proxy = Proxy::to_server(vec![Rule::new(
        complete(),
        Fault::ErrorIn200 {
            code: "InternalError",
        },
    )]);
    let out = run(
        via(&t, &proxy).args(["put", "big.bin", &b.url("big.bin")]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    let id = proxy.faults()[0].request_id.clone().unwrap();
    assert!(
        line.contains(&format!(
            "InternalError: InternalError injected by the test proxy (HTTP 200, request id {id})"
        )),
        "{line}"
    );
    assert!(uploads(&t, &b).is_empty(), "the upload was aborted");
    assert_absent(&t, &b.url("big.bin"));

    // The Complete of a multipart copy.
    put_direct(&t, "src.bin", &data, &b.url("src.bin"));
    proxy.set_rules(vec![Rule::new(
        complete(),
        Fault::ErrorIn200 { code: "SlowDown" },
    )]);
    let out = run(
        via(&t, &proxy)
            .args(["cp", &b.url("src.bin"), &b.url("copy.bin")])
            .args(["--copy-threshold", "5MiB"]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(
        line.contains("SlowDown") && line.contains("HTTP 200"),
        "{line}"
    );
    assert!(uploads(&t, &b).is_empty(), "the copy's upload was aborted");
    assert_absent(&t, &b.url("copy.bin"));
}

#[test]
fn a_200_with_an_error_to_a_copy_fails_and_leaves_no_object() {
    let t = TestEnv::new();
    let b = t.bucket("px-200-copy");
    let data = random_bytes(12 * MIB + 1, 61);
    put_direct(&t, "src.bin", &data, &b.url("src.bin"));
    let copy = || Match::method("PUT").header("x-amz-copy-source", "/src.bin");
    let proxy = Proxy::to_server(vec![Rule::new(
        copy(),
        Fault::ErrorIn200 {
            code: "InternalError",
        },
    )]);
    let out = run(
        via(&t, &proxy).args(["cp", &b.url("src.bin"), &b.url("copy.bin")]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    let id = proxy.faults()[0].request_id.clone().unwrap();
    assert!(
        line.contains(&format!("(HTTP 200, request id {id})")),
        "{line}"
    );
    assert_absent(&t, &b.url("copy.bin"));

    // One part of a multipart copy.
    proxy.set_rules(vec![Rule::new(
        copy().query("partNumber=2&"),
        Fault::ErrorIn200 {
            code: "InternalError",
        },
    )]);
    let out = run(
        via(&t, &proxy)
            .args(["cp", &b.url("src.bin"), &b.url("copy.bin")])
            .args(["--copy-threshold", "5MiB"]),
        1,
        &proxy,
    );
    let line = one_error_line(&out);
    assert!(
        line.contains("part 2") && line.contains("HTTP 200"),
        "{line}"
    );
    assert!(!proxy.hits().iter().any(is_complete), "{}", proxy.dump());
    assert!(uploads(&t, &b).is_empty());
    assert_absent(&t, &b.url("copy.bin"));
}

#[test]
fn the_retry_backoff_is_bounded() {
    let t = TestEnv::new();
    let b = t.bucket("px-backoff");
    put_direct(&t, "x.txt", b"x", &b.url("x.txt"));
    let proxy = Proxy::to_server(vec![Rule::new(Match::any(), Fault::slow_down()).always()]);
    let start = Instant::now();
    let out = run(
        via(&t, &proxy).args(["-v", "--retries", "3", "get", &b.url("x.txt"), "-"]),
        1,
        &proxy,
    );
    let elapsed = start.elapsed();
    let err = stderr(&out);
    assert!(err.contains("(attempt 4 of 4)"), "{err}");
    assert_eq!(proxy.hits().len(), 4, "{}", proxy.dump());
    // Full jitter under 200 ms doubling: at most 200 + 400 + 800 ms of waiting.
    let waits: Vec<u64> = err
        .lines()
        .filter_map(|l| l.split(" in ").nth(1)?.split(" ms").next()?.parse().ok())
        .collect();
    assert_eq!(waits.len(), 3, "{err}");
    for (i, wait) in waits.iter().enumerate() {
        assert!(*wait <= 200 << i, "{err}");
    }
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
    assert!(err.lines().last().unwrap().contains("SlowDown"), "{err}");
}
