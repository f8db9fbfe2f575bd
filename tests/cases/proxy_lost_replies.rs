//! Replies lost or cut short after the server acted, through the fault-injecting proxy:
//! objcmd retries what may be sent again, recognises what was already done, and leaves no
//! upload behind. Each of these failed before the fix named in its comment.
//!
//! The helpers are proxy_faults.rs's.

use crate::support::proxy::{Fault, Match, Proxy, Rule};
use crate::support::{TestEnv, md5_hex, multipart_etag, random_bytes};

use super::proxy_faults::{
    MIB, assert_retried, etag_of, path, put_direct, remote_md5, run, stderr, uploads, via,
    write_tree,
};

fn complete() -> Match {
    Match::method("POST").query("uploadId=")
}

// A reply whose head arrived but whose body broke off is retried (it was not: the body
// was read after the retry loop; now `Transport::send_then` reads it inside). A cut
// CompleteMultipartUpload reply used to fail the put although the object was written.
#[test]
fn a_reply_to_complete_cut_mid_body_is_retried() {
    let t = TestEnv::new();
    let b = t.bucket("pxf-complete-cut");
    let data = random_bytes(12 * MIB + 1, 70);
    t.write("big.bin", &data);
    let proxy = Proxy::to_server(vec![Rule::new(
        complete(),
        Fault::ResetResponse { after: 40 },
    )]);
    let out = run(
        via(&t, &proxy).args(["-v", "put", "big.bin", &b.url("big.bin")]),
        0,
        &proxy,
    );
    assert!(stderr(&out).contains("retrying CompleteMultipartUpload"));
    assert_eq!(
        etag_of(&t, &b.url("big.bin")),
        multipart_etag(&data, 5 * MIB)
    );
    assert!(uploads(&t, &b).is_empty());
}

// The same for listings: a ListObjects reply cut mid-body is retried, so `rm -r`, `get -r`
// and `sync` survive one broken connection.
#[test]
fn a_listing_cut_mid_body_is_retried() {
    let t = TestEnv::new();
    let b = t.bucket("pxf-list-cut");
    let files = write_tree(&t, "src", 80);
    t.cmd()
        .args(["put", "-r", "src", &b.url("tree/")])
        .assert()
        .success();
    let list = || Match::method("GET").query("prefix=");
    let proxy = Proxy::to_server(vec![Rule::new(list(), Fault::ResetResponse { after: 100 })]);
    run(
        via(&t, &proxy).args(["get", "-r", &b.url("tree/"), "back"]),
        0,
        &proxy,
    );
    for (name, data) in &files {
        assert_eq!(
            crate::support::md5_file(&t.path(&format!("back/{name}"))),
            md5_hex(data)
        );
    }
    proxy.set_rules(vec![Rule::new(list(), Fault::Truncate { after: 100 })]);
    run(
        via(&t, &proxy).args(["rm", "-r", &b.url("tree/")]),
        0,
        &proxy,
    );
}

// And for CopyObject / UploadPartCopy replies cut mid-body.
#[test]
fn a_copy_reply_cut_mid_body_is_retried() {
    let t = TestEnv::new();
    let b = t.bucket("pxf-copy-cut");
    let data = random_bytes(12 * MIB + 1, 71);
    put_direct(&t, "src.bin", &data, &b.url("src.bin"));
    let copy = || Match::method("PUT").header("x-amz-copy-source", "/src.bin");
    let proxy = Proxy::to_server(vec![Rule::new(copy(), Fault::ResetResponse { after: 30 })]);
    run(
        via(&t, &proxy).args(["cp", &b.url("src.bin"), &b.url("copy.bin")]),
        0,
        &proxy,
    );
    assert_eq!(remote_md5(&t, &b.url("copy.bin")), md5_hex(&data));
    proxy.set_rules(vec![Rule::new(
        copy().query("partNumber=2&"),
        Fault::Truncate { after: 30 },
    )]);
    run(
        via(&t, &proxy)
            .args(["cp", &b.url("src.bin"), &b.url("copy2.bin")])
            .args(["--copy-threshold", "5MiB"]),
        0,
        &proxy,
    );
    assert_eq!(remote_md5(&t, &b.url("copy2.bin")), md5_hex(&data));
    assert!(uploads(&t, &b).is_empty());
}

// When the reply to a multipart copy's Complete is lost and the retry is told NoSuchUpload
// (what AWS answers once an upload is complete), the expected ETag computed from the
// parts' lets a HEAD prove the copy complete (it used to exit 1 with the copy in place).
#[test]
fn a_lost_reply_to_a_multipart_copy_complete_is_recognised() {
    let t = TestEnv::new();
    let b = t.bucket("pxf-copy-lost");
    let data = random_bytes(12 * MIB + 1, 72);
    put_direct(&t, "src.bin", &data, &b.url("src.bin"));
    let proxy = Proxy::to_server(vec![
        Rule::new(complete(), Fault::LoseResponse),
        Rule::new(
            complete(),
            Fault::Status {
                status: 404,
                code: "NoSuchUpload",
            },
        ),
    ]);
    run(
        via(&t, &proxy)
            .args(["cp", &b.url("src.bin"), &b.url("copy.bin")])
            .args(["--copy-threshold", "5MiB"]),
        0,
        &proxy,
    );
    assert_eq!(remote_md5(&t, &b.url("copy.bin")), md5_hex(&data));
}

// A 503 SlowDown to InitiateMultipartUpload is retried: SlowDown (like 429 and 503) says
// the server did not act, so a POST may be sent again (it used to fail the put at once).
#[test]
fn a_slowdown_to_initiate_is_retried() {
    let t = TestEnv::new();
    let b = t.bucket("pxf-initiate");
    let data = random_bytes(12 * MIB + 1, 74);
    t.write("big.bin", &data);
    let proxy = Proxy::to_server(vec![Rule::new(
        Match::method("POST").query("uploads"),
        Fault::slow_down(),
    )]);
    run(
        via(&t, &proxy).args(["put", "big.bin", &b.url("big.bin")]),
        0,
        &proxy,
    );
    assert_eq!(remote_md5(&t, &b.url("big.bin")), md5_hex(&data));
}

// A lost reply to InitiateMultipartUpload leaves no upload behind: the POST is not retried
// (a retry would start a second upload), and the upload it may have started, whose id
// objcmd never learnt, is found by key and time and aborted.
#[test]
fn a_lost_reply_to_initiate_leaves_no_upload_behind() {
    let t = TestEnv::new();
    let b = t.bucket("pxf-init-lost");
    t.write("big.bin", &random_bytes(12 * MIB + 1, 77));
    let proxy = Proxy::to_server(vec![Rule::new(
        Match::method("POST").query("uploads"),
        Fault::LoseResponse,
    )]);
    // Whether it fails or retries, nothing may be left.
    let out = via(&t, &proxy)
        .args(["put", "big.bin", &b.url("big.bin")])
        .output()
        .unwrap();
    assert_eq!(
        uploads(&t, &b),
        [],
        "exit {:?}: {}",
        out.status.code(),
        stderr(&out)
    );
}

#[test]
fn a_lost_reply_to_complete_is_recognised() {
    let t = TestEnv::new();
    let b = t.bucket("px-complete-lost");
    let data = random_bytes(12 * MIB + 1, 73);
    t.write("big.bin", &data);
    let complete = || Match::method("POST").query("uploadId=");
    // The upload is completed, the reply lost: radosgw completes it again on the retry.
    let proxy = Proxy::to_server(vec![Rule::new(complete(), Fault::LoseResponse)]);
    let out = run(
        via(&t, &proxy).args(["-v", "put", "big.bin", &b.url("big.bin")]),
        0,
        &proxy,
    );
    assert_retried(
        &stderr(&out),
        "CompleteMultipartUpload",
        &path(&b, "big.bin"),
        "Connection reset by peer",
    );
    assert_eq!(remote_md5(&t, &b.url("big.bin")), md5_hex(&data));

    // AWS answers NoSuchUpload instead: the object, with the ETag the parts give, proves
    // the first attempt complete.
    proxy.set_rules(vec![
        Rule::new(complete(), Fault::LoseResponse),
        Rule::new(
            complete(),
            Fault::Status {
                status: 404,
                code: "NoSuchUpload",
            },
        ),
    ]);
    let out = run(
        via(&t, &proxy).args(["-v", "put", "big.bin", &b.url("again.bin")]),
        0,
        &proxy,
    );
    assert!(
        stderr(&out).contains("again.bin: the upload was already complete"),
        "{}",
        stderr(&out)
    );
    assert_eq!(proxy.faults().len(), 2, "{}", proxy.dump());
    assert_eq!(remote_md5(&t, &b.url("again.bin")), md5_hex(&data));
    assert!(uploads(&t, &b).is_empty());

    // The Complete of a multipart copy.
    proxy.set_rules(vec![Rule::new(complete(), Fault::LoseResponse)]);
    run(
        via(&t, &proxy)
            .args(["cp", &b.url("big.bin"), &b.url("copy.bin")])
            .args(["--copy-threshold", "5MiB"]),
        0,
        &proxy,
    );
    assert_eq!(proxy.faults().len(), 1, "{}", proxy.dump());
    assert_eq!(remote_md5(&t, &b.url("copy.bin")), md5_hex(&data));
    assert!(uploads(&t, &b).is_empty());
}
