//! objcmd's OSS and KS3 dialects end to end, through the verifying gateway
//! (`support::gateway`) in front of the suite's radosgw: every request objcmd sends must
//! pass the gateway's own signature check, and every reply comes back in the dialect's
//! shape (headers, request ids, ACL XML, CRC-64).

use std::process::Command as StdCommand;
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::Command;

use crate::support::gateway::{Dialect, Gateway, SECRET_KEY};
use crate::support::{TestEnv, json_lines, md5_file, random_bytes};

static BUCKETS: AtomicUsize = AtomicUsize::new(0);

/// objcmd pointed at the gateway.
fn objcmd(t: &TestEnv, g: &Gateway) -> Command {
    let mut cmd = t.bare();
    cmd.args(g.args());
    cmd
}

/// A bucket made through the gateway with `mb`; [`remove`] takes it away.
fn make_bucket(t: &TestEnv, g: &Gateway, tag: &str) -> String {
    let n = BUCKETS.fetch_add(1, Ordering::SeqCst);
    let name = format!("gw{}-{n}-{}-{tag}", std::process::id(), g.dialect().name());
    objcmd(t, g)
        .args(["mb", &format!("s3://{name}")])
        .assert()
        .success();
    name
}

fn remove(t: &TestEnv, g: &Gateway, bucket: &str) {
    objcmd(t, g)
        .args(["-q", "rb", "--force", &format!("s3://{bucket}")])
        .assert()
        .success();
}

/// curl through the gateway's virtual host: (HTTP status, body).
fn curl(g: &Gateway, bucket: &str, url: &str) -> (String, Vec<u8>) {
    let out = StdCommand::new("curl")
        .args(["-sS", "--resolve", &g.curl_resolve(bucket), "-o", "-"])
        .args(["-w", "\n%{http_code}", url])
        .output()
        .expect("running curl");
    assert!(out.status.success(), "curl failed: {out:?}");
    let mut body = out.stdout;
    let split = body.iter().rposition(|b| *b == b'\n').unwrap();
    let status = String::from_utf8_lossy(&body[split + 1..]).to_string();
    body.truncate(split);
    (status, body)
}

/// Every request objcmd sent was header-signed and verified by the gateway.
fn assert_all_verified(g: &Gateway) {
    let seen = g.requests();
    assert!(!seen.is_empty());
    for r in &seen {
        assert_eq!(r.verified, "header", "{} {} {}", r.method, r.host, r.target);
    }
}

fn objects_round_trip(dialect: Dialect) {
    let t = TestEnv::new();
    let g = Gateway::start(dialect);
    let prefix = dialect.prefix();
    let b = make_bucket(&t, &g, "obj");
    let url = |key: &str| format!("s3://{b}/{key}");
    t.write("small.txt", b"hello through the gateway\n");
    let big = random_bytes(12 << 20, 8);
    let big_src = t.write("big.bin", &big);

    objcmd(&t, &g)
        .args([
            "put",
            "small.txt",
            &url("dir/small.txt"),
            "--meta",
            "color=blue",
        ])
        .assert()
        .success();
    objcmd(&t, &g)
        .args(["--part-size", "5MiB", "put", "big.bin", &url("big.bin")])
        .assert()
        .success();
    // Virtual-host requests, with metadata sent under the dialect's prefix.
    let puts: Vec<_> = g
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .collect();
    let meta = format!("{prefix}meta-color");
    assert!(
        puts.iter().any(|r| r.header(&meta) == Some("blue")),
        "{puts:?}"
    );
    assert!(
        puts.iter().all(|r| r.host.starts_with(&format!("{b}."))),
        "{puts:?}"
    );
    // Three parts of 5, 5 and 2 MiB.
    let parts = puts
        .iter()
        .filter(|r| r.target.contains("partNumber="))
        .count();
    assert_eq!(parts, 3);

    let out = objcmd(&t, &g)
        .args(["ls", "-r", &url("")])
        .assert()
        .success();
    let listing = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        listing.contains("dir/small.txt") && listing.contains("big.bin"),
        "{listing}"
    );

    let out = objcmd(&t, &g)
        .args(["--json", "stat", &url("dir/small.txt")])
        .assert()
        .success();
    let stat = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(stat["size"], 26);
    assert_eq!(stat["metadata"]["color"], "blue", "{stat}");

    for (key, local, src) in [
        ("big.bin", "big.copy", big_src.clone()),
        ("dir/small.txt", "small.copy", t.path("small.txt")),
    ] {
        let out = objcmd(&t, &g)
            .args(["-v", "get", &url(key), local])
            .assert()
            .success();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(!stderr.contains("cannot be recomputed"), "{stderr}");
        assert!(!stderr.contains("CRC"), "{stderr}");
        assert_eq!(md5_file(&t.path(local)), md5_file(&src));
    }
    // The gateway sent the whole object's CRC-64 on every GET and HEAD of the object
    // (ranged GETs included), and objcmd checked it (a wrong one fails: see below).
    let expected_crc = {
        let mut d = crc64fast::Digest::new();
        d.write(&big);
        d.sum64().to_string()
    };
    let reads: Vec<_> = g
        .requests()
        .into_iter()
        .filter(|r| (r.method == "GET" || r.method == "HEAD") && r.target == "/big.bin")
        .collect();
    assert!(!reads.is_empty());
    for r in &reads {
        assert_eq!(
            r.reply_header(dialect.crc_header()),
            Some(expected_crc.as_str()),
            "{r:?}"
        );
    }

    objcmd(&t, &g)
        .args(["cp", &url("dir/small.txt"), &url("copied.txt")])
        .assert()
        .success();
    let copies: Vec<_> = g
        .requests()
        .into_iter()
        .filter(|r| r.header(&format!("{prefix}copy-source")).is_some())
        .collect();
    assert_eq!(copies.len(), 1, "a server-side copy");
    objcmd(&t, &g)
        .args(["get", &url("copied.txt"), "copied.txt"])
        .assert()
        .success();
    assert_eq!(
        md5_file(&t.path("copied.txt")),
        md5_file(&t.path("small.txt"))
    );

    objcmd(&t, &g)
        .args(["rm", &url("copied.txt")])
        .assert()
        .success();
    let out = objcmd(&t, &g)
        .args(["ls", "-r", &url("")])
        .assert()
        .success();
    let listing = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(!listing.contains("copied.txt"), "{listing}");

    remove(&t, &g, &b);
    assert_all_verified(&g);
}

#[test]
fn gateway_oss_objects_round_trip() {
    objects_round_trip(Dialect::Oss);
}

#[test]
fn gateway_ks3_objects_round_trip() {
    objects_round_trip(Dialect::Ks3);
}

fn failures_are_reported(dialect: Dialect) {
    let t = TestEnv::new();
    let g = Gateway::start(dialect);
    let b = make_bucket(&t, &g, "fail");
    let url = |key: &str| format!("s3://{b}/{key}");
    t.write("f.txt", b"some bytes to check");
    objcmd(&t, &g)
        .args(["put", "f.txt", &url("f.txt")])
        .assert()
        .success();

    // A wrong secret: the gateway's own verifier refuses the signature.
    let mut args = g.args();
    let i = args.iter().position(|a| a == SECRET_KEY).unwrap();
    args[i] = "not-the-secret".to_string();
    let out = t
        .bare()
        .args(&args)
        .args(["stat", &url("f.txt")])
        .assert()
        .code(5);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("SignatureDoesNotMatch") || stderr.contains("403"),
        "{stderr}"
    );
    let out = t.bare().args(&args).args(["ls", &url("")]).assert().code(5);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("SignatureDoesNotMatch"), "{stderr}");
    assert!(
        g.requests()
            .iter()
            .any(|r| r.verified == "denied: SignatureDoesNotMatch")
    );

    // A wrong CRC-64 from the server: integrity failure, no file left behind.
    g.corrupt_crc(true);
    objcmd(&t, &g)
        .args(["get", &url("f.txt"), "got.txt"])
        .assert()
        .code(6);
    assert!(!t.path("got.txt").exists());
    let leftovers: Vec<_> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("got.txt"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    g.corrupt_crc(false);

    // A body corrupted in transit (with the right CRC): also exit 6, no file.
    g.corrupt_body(true);
    objcmd(&t, &g)
        .args(["get", &url("f.txt"), "got.txt"])
        .assert()
        .code(6);
    assert!(!t.path("got.txt").exists());
    g.corrupt_body(false);

    objcmd(&t, &g)
        .args(["get", &url("f.txt"), "got.txt"])
        .assert()
        .success();
    assert_eq!(md5_file(&t.path("got.txt")), md5_file(&t.path("f.txt")));
    remove(&t, &g, &b);
}

#[test]
fn gateway_oss_failures_are_reported() {
    failures_are_reported(Dialect::Oss);
}

#[test]
fn gateway_ks3_failures_are_reported() {
    failures_are_reported(Dialect::Ks3);
}

fn acl_signurl_and_token(dialect: Dialect) {
    let t = TestEnv::new();
    let g = Gateway::start(dialect);
    let b = make_bucket(&t, &g, "acl");
    let url = |key: &str| format!("s3://{b}/{key}");
    t.write("pub.txt", b"public bytes");
    objcmd(&t, &g)
        .args(["put", "pub.txt", &url("pub.txt")])
        .assert()
        .success();

    // Private: an anonymous request is forwarded unsigned and refused by radosgw.
    let (status, _) = curl(&g, &b, &g.object_url(&b, "pub.txt"));
    assert_eq!(status, "403");
    objcmd(&t, &g)
        .args(["acl", "set", &url("pub.txt"), "public-read"])
        .assert()
        .success();
    let acl_header = match dialect {
        Dialect::Oss => "x-oss-object-acl",
        Dialect::Ks3 => "x-kss-acl",
    };
    assert!(
        g.requests()
            .iter()
            .any(|r| r.target.contains("acl") && r.header(acl_header) == Some("public-read"))
    );
    let (status, body) = curl(&g, &b, &g.object_url(&b, "pub.txt"));
    assert_eq!(
        (status.as_str(), body.as_slice()),
        ("200", &b"public bytes"[..])
    );
    let out = objcmd(&t, &g)
        .args(["acl", "get", &url("pub.txt")])
        .assert()
        .success();
    let shown = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(shown.contains("Canned: public-read"), "{shown}");

    // A presigned GET of a private object, fetched by curl.
    t.write("secret.txt", b"presigned bytes");
    objcmd(&t, &g)
        .args(["put", "secret.txt", &url("secret.txt")])
        .assert()
        .success();
    let out = objcmd(&t, &g)
        .args(["signurl", &url("secret.txt")])
        .assert()
        .success();
    let signed = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    let (status, body) = curl(&g, &b, &signed);
    assert_eq!(
        (status.as_str(), body.as_slice()),
        ("200", &b"presigned bytes"[..])
    );
    assert_eq!(g.requests().last().unwrap().verified, "presigned");
    // Tampering with the URL breaks its signature.
    let tampered = signed.replace("secret.txt", "pub.txt");
    let (status, body) = curl(&g, &b, &tampered);
    assert_eq!(status, "403");
    assert!(String::from_utf8_lossy(&body).contains("SignatureDoesNotMatch"));
    // An expired URL is refused.
    let past = (jiff::Timestamp::now().as_second() + 2).to_string();
    let out = objcmd(&t, &g)
        .args(["signurl", &url("secret.txt"), "--expires-at", &past])
        .assert()
        .success();
    let short = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    std::thread::sleep(std::time::Duration::from_millis(3200));
    let (status, body) = curl(&g, &b, &short);
    assert_eq!(status, "403");
    assert!(String::from_utf8_lossy(&body).contains("AccessDenied"));

    // A security token is required: without it refused, with it verified.
    g.require_security_token(Some("TOKEN+with/odd=chars"));
    objcmd(&t, &g)
        .args(["stat", &url("secret.txt")])
        .assert()
        .code(5);
    objcmd(&t, &g)
        .args(["--security-token", "TOKEN+with/odd=chars"])
        .args(["stat", &url("secret.txt")])
        .assert()
        .success();
    let last = g.requests().last().unwrap().clone();
    assert_eq!(last.verified, "header");
    assert_eq!(
        last.header(dialect.token_header()),
        Some("TOKEN+with/odd=chars")
    );
    let out = objcmd(&t, &g)
        .args(["--security-token", "TOKEN+with/odd=chars"])
        .args(["signurl", &url("secret.txt")])
        .assert()
        .success();
    let signed = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    let (status, body) = curl(&g, &b, &signed);
    assert_eq!(
        (status.as_str(), body.as_slice()),
        ("200", &b"presigned bytes"[..])
    );
    g.require_security_token(None);

    remove(&t, &g, &b);
}

#[test]
fn gateway_oss_acl_signurl_and_security_token() {
    acl_signurl_and_token(Dialect::Oss);
}

#[test]
fn gateway_ks3_acl_signurl_and_security_token() {
    acl_signurl_and_token(Dialect::Ks3);
}

/// `args` with `--addressing` replaced.
fn with_addressing(g: &Gateway, style: &str) -> Vec<String> {
    let mut args = g.args();
    let i = args.iter().position(|a| a == "--addressing").unwrap();
    args[i + 1] = style.to_string();
    args
}

fn awkward_keys_and_path_style(dialect: Dialect) {
    let t = TestEnv::new();
    let g = Gateway::start(dialect);
    let b = make_bucket(&t, &g, "keys");
    let url = |key: &str| format!("s3://{b}/{key}");
    let keys = [
        "dir one/a b+c%d~e=f?g&h;i,j:k@l$m!n'o(p)q*r.txt",
        "中文目录/文件 名-é.txt",
        "a//b/c.txt",
        "/leading.txt",
        "plus+and%25.txt",
    ];
    for (i, key) in keys.iter().enumerate() {
        let local = format!("k{i}");
        t.write(&local, key.as_bytes());
        let style = if i % 2 == 0 { "virtual" } else { "path" };
        t.bare()
            .args(with_addressing(&g, style))
            .args(["put", &local, &url(key)])
            .assert()
            .success();
        let got = format!("k{i}.got");
        t.bare()
            .args(with_addressing(&g, style))
            .args(["get", &url(key), &got])
            .assert()
            .success();
        assert_eq!(
            std::fs::read(t.path(&got)).unwrap(),
            key.as_bytes(),
            "{key}"
        );
    }
    let out = objcmd(&t, &g)
        .args(["--json", "ls", "-r", &url("")])
        .assert()
        .success();
    let mut listed: Vec<String> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect();
    listed.sort();
    let mut expected: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
    expected.sort();
    assert_eq!(listed, expected);
    // Path-style requests name the bucket in the path, not the host.
    assert!(
        g.requests()
            .iter()
            .any(|r| r.target.starts_with(&format!("/{b}/")) && !r.host.starts_with(&b))
    );
    // Service level: ListBuckets has no bucket, and is verified too.
    let out = objcmd(&t, &g).args(["ls"]).assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains(&b));
    remove(&t, &g, &b);
    assert_all_verified(&g);
}

#[test]
fn gateway_oss_awkward_keys_and_path_style() {
    awkward_keys_and_path_style(Dialect::Oss);
}

#[test]
fn gateway_ks3_awkward_keys_and_path_style() {
    awkward_keys_and_path_style(Dialect::Ks3);
}

fn upload_crc_and_anonymous(dialect: Dialect) {
    let t = TestEnv::new();
    let g = Gateway::start(dialect);
    let b = make_bucket(&t, &g, "crc");
    let url = |key: &str| format!("s3://{b}/{key}");
    t.write("small.txt", b"small body");
    t.write("big.bin", &random_bytes(11 << 20, 3));
    t.write("mid.bin", &random_bytes(1 << 20, 4));
    // Ranged GETs carry the whole object's CRC-64: objcmd checks them by length.
    objcmd(&t, &g)
        .args(["put", "small.txt", &url("small.txt")])
        .assert()
        .success();
    let out = objcmd(&t, &g)
        .args(["-v", "get", &url("small.txt"), "-", "--range", "2-5"])
        .assert()
        .success();
    assert_eq!(out.get_output().stdout, b"all ");
    // A server that answers a PUT or Complete with another CRC-64 stored something else.
    g.corrupt_crc(true);
    objcmd(&t, &g)
        .args(["put", "small.txt", &url("small2.txt")])
        .assert()
        .code(6);
    objcmd(&t, &g)
        .args(["--part-size", "5MiB", "put", "big.bin", &url("big.bin")])
        .assert()
        .code(6);
    // One PUT streamed from its file: its CRC-64 comes from the read that hashes it.
    objcmd(&t, &g)
        .args(["put", "mid.bin", &url("mid.bin")])
        .assert()
        .code(6);
    g.corrupt_crc(false);
    // Public-read bucket: objcmd --anonymous lists and reads through the gateway unsigned.
    objcmd(&t, &g)
        .args(["acl", "set", &url(""), "public-read"])
        .assert()
        .success();
    let bucket_acl = match dialect {
        Dialect::Oss => "x-oss-acl",
        Dialect::Ks3 => "x-kss-acl",
    };
    assert!(
        g.requests()
            .iter()
            .any(|r| r.header(bucket_acl) == Some("public-read"))
    );
    let out = objcmd(&t, &g)
        .args(["acl", "get", &url("")])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("Canned: public-read"));
    objcmd(&t, &g)
        .args(["acl", "set", &url("small.txt"), "public-read"])
        .assert()
        .success();
    let out = objcmd(&t, &g)
        .args(["--anonymous", "ls", &url("")])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("small.txt"));
    let out = objcmd(&t, &g)
        .args(["--anonymous", "get", &url("small.txt"), "-"])
        .assert()
        .success();
    assert_eq!(out.get_output().stdout, b"small body");
    assert!(g.requests().iter().any(|r| r.verified == "anonymous"));
    remove(&t, &g, &b);
}

#[test]
fn gateway_oss_upload_crc_and_anonymous() {
    upload_crc_and_anonymous(Dialect::Oss);
}

#[test]
fn gateway_ks3_upload_crc_and_anonymous() {
    upload_crc_and_anonymous(Dialect::Ks3);
}

fn presigned_put(dialect: Dialect) {
    let t = TestEnv::new();
    let g = Gateway::start(dialect);
    let b = make_bucket(&t, &g, "psput");
    let url = |key: &str| format!("s3://{b}/{key}");
    let out = objcmd(&t, &g)
        .args(["signurl", "--method", "PUT", "--content-type", "text/plain"])
        .arg(url("up load+1.txt"))
        .assert()
        .success();
    let signed = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    t.write("body.txt", b"uploaded with a presigned URL");
    let put = |content_type: &str| {
        let out = StdCommand::new("curl")
            .args(["-sS", "--resolve", &g.curl_resolve(&b), "-o", "/dev/null"])
            .args(["-w", "%{http_code}", "-X", "PUT", "-H"])
            .arg(format!("Content-Type: {content_type}"))
            .args(["--data-binary", "@body.txt", &signed])
            .current_dir(t.dir.path())
            .output()
            .expect("running curl");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    // The signed Content-Type must be sent as it was signed.
    assert_eq!(put("application/octet-stream"), "403");
    assert_eq!(put("text/plain"), "200");
    assert_eq!(g.requests().last().unwrap().verified, "presigned");
    let out = objcmd(&t, &g)
        .args(["get", &url("up load+1.txt"), "-"])
        .assert()
        .success();
    assert_eq!(out.get_output().stdout, b"uploaded with a presigned URL");
    remove(&t, &g, &b);
}

#[test]
fn gateway_oss_presigned_put() {
    presigned_put(Dialect::Oss);
}

#[test]
fn gateway_ks3_presigned_put() {
    presigned_put(Dialect::Ks3);
}
