//! Who may do what: ACLs, anonymous requests, another account, presigned URLs fetched
//! with curl, and security tokens (on the scripted server: radosgw has no STS here).

use std::process::Command;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use md5::Digest as _;
use predicates::prelude::*;

use crate::support::fake::{FakeServer, Reply};
use crate::support::{TestBucket, TestEnv, against, json_lines, md5_hex, server, signature};

/// The HTTP status curl gets for `url`, with extra curl arguments.
fn curl_status(url: &str, extra: &[&str]) -> u16 {
    let out = Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}"])
        .args(extra)
        .arg(url)
        .output()
        .expect("running curl");
    String::from_utf8_lossy(&out.stdout).parse().unwrap_or(0)
}

/// curl's body for `url`.
fn curl_body(url: &str) -> Vec<u8> {
    let out = Command::new("curl")
        .args(["-s", "-f"])
        .arg(url)
        .output()
        .expect("running curl");
    assert!(out.status.success(), "curl {url} failed: {:?}", out.status);
    out.stdout
}

/// The plain URL of an object on the test server, as an anonymous HTTP client uses it.
fn http_url(bucket: &str, key: &str) -> String {
    format!("{}/{bucket}/{key}", server().endpoint)
}

/// objcmd without any keys, sending unsigned requests to the test server.
fn anonymous(t: &TestEnv) -> assert_cmd::Command {
    let mut cmd = t.bare();
    cmd.args(["--endpoint", &server().endpoint, "--anonymous"]);
    cmd
}

/// objcmd as the second account of the test server (S3 to radosgw in every run: the
/// gateway knows one account).
fn other_account(t: &TestEnv) -> assert_cmd::Command {
    let s = server();
    let mut cmd = t.cmd_signing(&signature());
    cmd.env("OBJCMD_ACCESS_KEY", &s.access_key2)
        .env("OBJCMD_SECRET_KEY", &s.secret_key2);
    cmd
}

/// Stores `data` twice: under `public` readable by all, under `private` as it comes.
fn put_public_and_private(t: &TestEnv, b: &TestBucket, data: &[u8], public: &str, private: &str) {
    t.write("data.txt", data);
    t.cmd()
        .args([
            "-q",
            "put",
            "data.txt",
            &b.url(public),
            "--acl",
            "public-read",
        ])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "put", "data.txt", &b.url(private)])
        .assert()
        .success();
}

fn acl_json(t: &TestEnv, url: &str) -> serde_json::Value {
    let out = t
        .cmd()
        .args(["--json", "acl", "get", url])
        .assert()
        .success();
    json_lines(&out.get_output().stdout).remove(0)
}

fn grants_all_users_read(acl: &serde_json::Value) -> bool {
    acl["grants"].as_array().unwrap().iter().any(|g| {
        g["permission"] == "READ"
            && g["grantee"]["type"] == "Group"
            && g["grantee"]["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with("/global/AllUsers"))
    })
}

#[test]
fn acl_set_and_get_on_objects_decide_what_anonymous_clients_see() {
    let t = TestEnv::new();
    let b = t.bucket("acl-obj");
    t.write("f.txt", b"for everyone");
    t.cmd()
        .args(["-q", "put", "f.txt", &b.url("f.txt")])
        .assert()
        .success();
    let acl = acl_json(&t, &b.url("f.txt"));
    assert_eq!(acl["canned"], "private");
    assert_eq!(acl["owner"]["id"], "tester");
    assert!(!grants_all_users_read(&acl));
    assert_eq!(curl_status(&http_url(&b.name, "f.txt"), &[]), 403);

    t.cmd()
        .args(["acl", "set", &b.url("f.txt"), "public-read"])
        .assert()
        .success()
        .stdout(format!("set ACL: {} public-read\n", b.url("f.txt")));
    assert_eq!(curl_body(&http_url(&b.name, "f.txt")), b"for everyone");
    let acl = acl_json(&t, &b.url("f.txt"));
    assert_eq!(acl["canned"], "public-read");
    assert!(grants_all_users_read(&acl), "{acl}");
    // The human table names the group and the permission.
    t.cmd()
        .args(["acl", "get", &b.url("f.txt")])
        .assert()
        .success()
        .stdout(predicate::str::contains("Canned: public-read"))
        .stdout(
            predicate::str::is_match(
                r"(?m)^http://acs\.[a-z]+\.com/groups/global/AllUsers +Group +READ$",
            )
            .unwrap(),
        )
        .stdout(
            predicate::str::is_match(r"(?m)^tester \(Tester\) +CanonicalUser +FULL_CONTROL$")
                .unwrap(),
        );

    t.cmd()
        .args(["acl", "set", &b.url("f.txt"), "private"])
        .assert()
        .success();
    assert_eq!(curl_status(&http_url(&b.name, "f.txt"), &[]), 403);
    assert_eq!(acl_json(&t, &b.url("f.txt"))["canned"], "private");

    // A copy takes the ACL it is given.
    t.cmd()
        .args([
            "cp",
            &b.url("f.txt"),
            &b.url("copy.txt"),
            "--acl",
            "public-read",
        ])
        .assert()
        .success();
    assert_eq!(curl_body(&http_url(&b.name, "copy.txt")), b"for everyone");

    // Names the dialect does not know are usage errors that list the valid ones.
    t.cmd()
        .args(["acl", "set", &b.url("f.txt"), "world-writable"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "invalid ACL \"world-writable\" for {} objects; valid ACLs: ",
            crate::support::dialect().name()
        )));
    t.cmd()
        .args(["acl", "get", &b.url("missing.txt")])
        .assert()
        .code(4);
}

#[test]
fn a_public_read_bucket_is_listed_and_read_without_keys() {
    let t = TestEnv::new();
    let b = t.bucket("acl-bkt");
    put_public_and_private(&t, &b, b"open data", "open.txt", "closed.txt");
    // Private bucket: no anonymous listing.
    anonymous(&t)
        .args(["ls", &b.url("")])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("AccessDenied"))
        .stderr(predicate::str::contains(
            "hint: the request was unsigned (--anonymous)",
        ));

    t.cmd()
        .args(["acl", "set", &b.url(""), "public-read"])
        .assert()
        .success()
        .stdout(format!("set ACL: s3://{} public-read\n", b.name));
    let acl = acl_json(&t, &format!("s3://{}", b.name));
    assert_eq!(acl["canned"], "public-read");
    assert!(grants_all_users_read(&acl));

    let out = anonymous(&t)
        .args(["--json", "ls", &b.url("")])
        .assert()
        .success();
    let keys: Vec<_> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(keys, ["closed.txt", "open.txt"]);
    anonymous(&t)
        .args(["get", &b.url("open.txt"), "got.txt"])
        .assert()
        .success();
    assert_eq!(std::fs::read(t.path("got.txt")).unwrap(), b"open data");
    // A public listing does not make the objects public.
    anonymous(&t)
        .args(["get", &b.url("closed.txt"), "closed.txt"])
        .assert()
        .code(5);
    assert!(!t.path("closed.txt").exists());
    // Unsigned requests carry no Authorization at all.
    anonymous(&t)
        .args(["-vv", "stat", &b.url("open.txt")])
        .assert()
        .success()
        .stderr(predicate::str::contains("Authorization:").not());
}

#[test]
fn another_account_reads_a_public_read_object_and_is_refused_a_private_one() {
    let t = TestEnv::new();
    let b = t.bucket("acl-acct");
    put_public_and_private(&t, &b, b"shared", "public.txt", "private.txt");
    other_account(&t)
        .args(["get", &b.url("public.txt"), "-"])
        .assert()
        .success()
        .stdout("shared");
    other_account(&t)
        .args(["get", &b.url("private.txt"), "-"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("AccessDenied"));
    // Nor may it change the ACL of what it does not own.
    other_account(&t)
        .args(["acl", "set", &b.url("public.txt"), "public-read-write"])
        .assert()
        .code(5);
}

#[test]
fn presigned_urls_get_put_head_and_delete_with_curl_until_they_expire() {
    let t = TestEnv::new();
    let b = t.bucket("signurl");
    t.write("f.txt", b"presigned content\n");
    t.cmd()
        .args(["-q", "put", "f.txt", &b.url("dir/f +%.txt")])
        .assert()
        .success();
    let sign = |args: &[&str]| -> String {
        let out = t.cmd().arg("signurl").args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .trim()
            .to_string()
    };

    // GET: the exact content, for anyone holding the URL.
    let url = sign(&[&b.url("dir/f +%.txt")]);
    assert_eq!(curl_body(&url), b"presigned content\n");
    // The JSON form says when it expires.
    let out = t
        .cmd()
        .args([
            "--json",
            "signurl",
            &b.url("dir/f +%.txt"),
            "--expires",
            "120",
        ])
        .assert()
        .success();
    let rec = &json_lines(&out.get_output().stdout)[0];
    let now = jiff::Timestamp::now().as_second();
    let expires = rec["expires"].as_i64().unwrap();
    assert!((now + 115..=now + 125).contains(&expires), "{rec}");
    assert_eq!(
        curl_body(rec["url"].as_str().unwrap()),
        b"presigned content\n"
    );

    // Expired: 403.
    let url = sign(&[&b.url("dir/f +%.txt"), "--expires", "1"]);
    std::thread::sleep(std::time::Duration::from_millis(2200));
    assert_eq!(curl_status(&url, &[]), 403);
    let at = (jiff::Timestamp::now().as_second() + 60).to_string();
    let url = sign(&[&b.url("dir/f +%.txt"), "--expires-at", &at]);
    assert_eq!(curl_body(&url), b"presigned content\n");

    // PUT with a bound type and MD5: curl -T uploads; objcmd reads what was uploaded.
    let body = b"uploaded by curl\n";
    t.write("up.txt", body);
    let md5 = BASE64.encode(md5::Md5::digest(body));
    let url = sign(&[
        &b.url("up.txt"),
        "--method",
        "PUT",
        "--content-type",
        "text/x-curl",
        "--content-md5",
        &md5,
    ]);
    let up = t.path("up.txt");
    let up = up.to_str().unwrap();
    let content_md5 = format!("Content-MD5: {md5}");
    // Another type than the one signed is refused.
    assert_eq!(
        curl_status(
            &url,
            &[
                "-T",
                up,
                "-H",
                "Content-Type: text/plain",
                "-H",
                &content_md5
            ]
        ),
        403
    );
    assert_eq!(
        curl_status(
            &url,
            &[
                "-T",
                up,
                "-H",
                "Content-Type: text/x-curl",
                "-H",
                &content_md5
            ]
        ),
        200
    );
    t.cmd()
        .args(["get", &b.url("up.txt"), "-"])
        .assert()
        .success()
        .stdout("uploaded by curl\n");
    let out = t
        .cmd()
        .args(["--json", "stat", &b.url("up.txt")])
        .assert()
        .success();
    let stat = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(stat["content_type"], "text/x-curl");
    assert_eq!(stat["etag"], md5_hex(body));
    // A PUT URL without bindings takes any body.
    let url = sign(&[&b.url("free.bin"), "--method", "put"]);
    assert_eq!(curl_status(&url, &["-T", up]), 200);

    // HEAD and DELETE.
    let url = sign(&[&b.url("up.txt"), "--method", "HEAD"]);
    assert_eq!(curl_status(&url, &["-I"]), 200);
    let url = sign(&[&b.url("up.txt"), "--method", "DELETE"]);
    assert_eq!(curl_status(&url, &["-X", "DELETE"]), 204);
    t.cmd().args(["stat", &b.url("up.txt")]).assert().code(4);

    // Bad requests are usage errors, before anything is signed.
    for (args, message) in [
        (
            vec!["--expires", "0"],
            "--expires must be at least 1 second",
        ),
        (
            vec!["--expires-at", "1000"],
            "--expires-at 1000 is in the past",
        ),
        (vec!["--content-type", "a/b"], "use them with --method PUT"),
        (
            vec!["--method", "PUT", "--content-md5", "nope"],
            "is not an MD5",
        ),
        (vec!["--method", "POST"], "invalid value 'POST'"),
    ] {
        t.cmd()
            .args(["signurl", &b.url("f.txt")])
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    t.cmd()
        .args(["signurl", &b.url("")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("names a bucket, not an object"));
    anonymous(&t)
        .args(["signurl", &b.url("f.txt")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot work with --anonymous"));
    // SigV4 URLs live 7 days at most; V2 URLs may live longer.
    let week = (7 * 24 * 3600 + 1).to_string();
    let v4 = t
        .cmd_signing("v4")
        .args(["signurl", &b.url("f.txt"), "--expires", &week])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&v4.get_output().stderr).contains("at most 604800 seconds"));
    t.cmd_signing("v2")
        .args(["signurl", &b.url("f.txt"), "--expires", &week])
        .assert()
        .success();
}

/// The V2-family signature of a header-signed request, computed here from the spec
/// (wire-formats.md §1), not by objcmd's signer.
fn v2_signature(secret: &str, string_to_sign: &str) -> String {
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(string_to_sign.as_bytes());
    BASE64.encode(mac.finalize().into_bytes())
}

fn head_reply() -> Reply {
    Reply::new(200, b"")
        .header("ETag", "\"0123456789abcdef0123456789abcdef\"")
        .header("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT")
}

#[test]
fn a_security_token_from_flag_env_or_profile_is_sent_and_signed() {
    let t = TestEnv::new();
    std::fs::create_dir_all(t.config_path().parent().unwrap()).unwrap();
    std::fs::write(
        t.config_path(),
        "[profiles.sts]\nprovider = \"s3\"\naccess_key = \"AK\"\nsecret_key = \"SK\"\nsecurity_token = \"TOKEN-PROFILE\"\n",
    )
    .unwrap();
    // (provider, env, flags, the token, its header, the Authorization prefix)
    type Case<'a> = (
        &'a str,
        Vec<(&'a str, &'a str)>,
        Vec<&'a str>,
        &'a str,
        &'a str,
        &'a str,
    );
    let cases: Vec<Case> = vec![
        (
            "s3",
            vec![],
            vec!["--security-token", "TOKEN/FLAG+1="],
            "TOKEN/FLAG+1=",
            "x-amz-security-token",
            "AWS AK:",
        ),
        (
            "s3",
            vec![("OBJCMD_SECURITY_TOKEN", "TOKEN-ENV")],
            vec![],
            "TOKEN-ENV",
            "x-amz-security-token",
            "AWS AK:",
        ),
        (
            "s3",
            vec![("AWS_SESSION_TOKEN", "TOKEN-AWS")],
            vec![],
            "TOKEN-AWS",
            "x-amz-security-token",
            "AWS AK:",
        ),
        (
            "s3",
            vec![],
            vec!["-p", "sts"],
            "TOKEN-PROFILE",
            "x-amz-security-token",
            "AWS AK:",
        ),
        (
            "oss",
            vec![("OSS_SESSION_TOKEN", "TOKEN-OSS")],
            vec![],
            "TOKEN-OSS",
            "x-oss-security-token",
            "OSS AK:",
        ),
        (
            "ks3",
            vec![],
            vec!["--security-token", "TOKEN-KS3"],
            "TOKEN-KS3",
            "x-kss-security-token",
            "KSS AK:",
        ),
    ];
    for (provider, env, args, token, header, scheme) in cases {
        let server = FakeServer::start(vec![head_reply()]);
        let mut cmd = t.bare();
        cmd.args(["--provider", provider, "--endpoint", &server.endpoint()])
            .args(["--addressing", "path", "--signature", "v2"])
            .args(&args);
        if !args.contains(&"-p") {
            cmd.args(["--access-key", "AK", "--secret-key", "SK"]);
        }
        for (name, value) in env {
            cmd.env(name, value);
        }
        cmd.args(["stat", &format!("{provider}://bucket/key")])
            .assert()
            .success();
        let seen = &server.requests()[0];
        assert_eq!(seen.header(header), Some(token), "{provider}: {seen:?}");
        let date = seen.header("date").expect("a Date header");
        // S3's HEAD also asks for stored checksums, a provider header that V2 signs.
        let checksum_mode = match provider {
            "s3" => "x-amz-checksum-mode:ENABLED\n",
            _ => "",
        };
        let string_to_sign =
            format!("HEAD\n\n\n{date}\n{checksum_mode}{header}:{token}\n/bucket/key");
        let expected = format!("{scheme}{}", v2_signature("SK", &string_to_sign));
        assert_eq!(
            seen.header("authorization"),
            Some(expected.as_str()),
            "{provider}"
        );
    }

    // SigV4 signs the token header too.
    let server = FakeServer::start(vec![head_reply()]);
    against(&t, &server)
        .args(["--signature", "v4", "--security-token", "TOKEN-V4"])
        .args(["stat", "s3://bucket/key"])
        .assert()
        .success();
    let seen = &server.requests()[0];
    assert_eq!(seen.header("x-amz-security-token"), Some("TOKEN-V4"));
    let auth = seen.header("authorization").unwrap();
    assert!(
        auth.starts_with("AWS4-HMAC-SHA256 Credential=AK/")
            && auth.contains(
                "SignedHeaders=host;x-amz-checksum-mode;x-amz-content-sha256;x-amz-date;x-amz-security-token,"
            ),
        "{auth}"
    );
    // The token never shows in a trace.
    let server = FakeServer::start(vec![head_reply()]);
    against(&t, &server)
        .args([
            "--security-token",
            "TOKEN-SECRET",
            "-vv",
            "stat",
            "s3://bucket/key",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("TOKEN-SECRET").not());
}

#[test]
fn presigned_urls_carry_the_security_token_per_dialect() {
    let t = TestEnv::new();
    let sign = |provider: &str, sig: &str| -> String {
        let out = t
            .bare()
            .args([
                "--provider",
                provider,
                "--endpoint",
                "http://127.0.0.1:9",
                "--signature",
                sig,
            ])
            .args([
                "--access-key",
                "AK",
                "--secret-key",
                "SK",
                "--security-token",
                "TO/K+EN",
            ])
            .args(["signurl", &format!("{provider}://bucket/key")])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    assert!(sign("s3", "v2").contains("x-amz-security-token=TO%2FK%2BEN"));
    let v4 = sign("s3", "v4");
    assert!(v4.contains("X-Amz-Security-Token=TO%2FK%2BEN"), "{v4}");
    assert!(sign("oss", "v2").contains("security-token=TO%2FK%2BEN"));
    assert!(sign("ks3", "v2").contains("x-kss-security-token=TO%2FK%2BEN"));
}

#[test]
fn the_suite_signs_as_asked() {
    // Everything above runs once per signature version (scripts/test.sh): make sure the
    // requests really are signed that way.
    let t = TestEnv::new();
    let out = t.cmd().args(["-vv", "ls"]).assert().success();
    let trace = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let v4 = trace.contains("AWS4-HMAC-SHA256");
    assert_eq!(v4, signature() == "v4", "{trace}");
}
