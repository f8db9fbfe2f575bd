//! The test server's settings that later features rely on (scripts/radosgw.sh): server-side
//! encryption over plain HTTP, SSE-S3 and SSE-KMS with the test key ids. These talk S3 to
//! radosgw directly (`cmd_signing`), whatever the suite's dialect: it is the server under
//! test here, in every pass.

use crate::support::TestEnv;

#[test]
fn the_test_server_takes_server_side_encryption_requests() {
    let t = TestEnv::new();
    let bucket = format!("s3://t{}-sse", std::process::id());
    t.cmd_signing("v4").args(["mb", &bucket]).assert().success();
    t.write("h.txt", b"hello, encrypted at rest");
    let cases: [(&str, &[&str]); 2] = [
        ("aes", &["x-amz-server-side-encryption: AES256"]),
        (
            "kms",
            &[
                "x-amz-server-side-encryption: aws:kms",
                "x-amz-server-side-encryption-aws-kms-key-id: testkey-1",
            ],
        ),
    ];
    for (key, headers) in cases {
        let url = format!("{bucket}/{key}");
        let mut put = t.cmd_signing("v4");
        put.arg("put");
        for header in headers {
            put.args(["--header", header]);
        }
        // Without the settings radosgw answers InvalidRequest (test-server.md).
        put.args(["h.txt", &url]).assert().success();
        t.cmd_signing("v4")
            .args(["get", &url, &format!("{key}.out")])
            .assert()
            .success();
        assert_eq!(
            std::fs::read(t.path(&format!("{key}.out"))).unwrap(),
            b"hello, encrypted at rest"
        );
    }
    t.cmd_signing("v4")
        .args(["rb", "--force", &bucket])
        .assert()
        .success();
}
