//! `bucket policy|lifecycle|cors|website|tagging|object-lock`: each document set, shown
//! and deleted against radosgw in every dialect that has it; a document the server rejects,
//! one that does not parse here (refused before any request), and the dialects' refusals.

use objcmd::client::Dialect;

use crate::support::{TestEnv, dialect, json_lines};

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

fn stdout_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

/// `bucket SUB URL` (show) as one `--json` record.
fn shown(t: &TestEnv, sub: &str, url: &str) -> serde_json::Value {
    let out = t
        .cmd()
        .args(["--json", "bucket", sub, url])
        .assert()
        .success();
    json_lines(&out.get_output().stdout).remove(0)
}

/// Shows `sub` of a bucket that has none: exit 4, nothing on stdout, "has no WHAT".
fn assert_none_set(t: &TestEnv, sub: &str, url: &str, what: &str) {
    let out = t.cmd().args(["bucket", sub, url]).assert().code(4);
    assert_eq!(stdout_of(&out), "");
    let err = stderr_of(&out);
    assert!(err.contains(&format!("has no {what}")), "{err}");
}

const LIFECYCLE: &str = "<LifecycleConfiguration><Rule><ID>expire-tmp</ID><Filter><Prefix>tmp/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>3</Days></Expiration></Rule></LifecycleConfiguration>";

const CORS: &str = "<CORSConfiguration><CORSRule><AllowedOrigin>https://example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>300</MaxAgeSeconds></CORSRule></CORSConfiguration>";

fn policy(bucket: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"read","Effect":"Allow","Principal":{{"AWS":["*"]}},"Action":["s3:GetObject"],"Resource":["arn:aws:s3:::{bucket}/*"]}}]}}"#
    )
}

#[test]
fn policy_set_show_delete_round_trip() {
    let t = TestEnv::new();
    let b = t.bucket("policy");
    let url = format!("s3://{}", b.name);
    assert_none_set(&t, "policy", &url, "bucket policy");
    t.write("policy.json", policy(&b.name).as_bytes());
    let out = t
        .cmd()
        .args(["bucket", "policy", &url, "--set", "policy.json"])
        .assert()
        .success();
    assert_eq!(stdout_of(&out), format!("policy: {url} set\n"));
    // Human: the JSON document itself, as the server returns it.
    let out = t.cmd().args(["bucket", "policy", &url]).assert().success();
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&out)).expect("JSON on stdout");
    assert_eq!(doc["Statement"][0]["Sid"], "read", "{doc}");
    let rec = shown(&t, "policy", &url);
    assert_eq!(rec["bucket"], url.as_str());
    assert_eq!(rec["policy"]["Statement"][0]["Effect"], "Allow", "{rec}");
    // From stdin, replacing it.
    let second = policy(&b.name).replace("\"read\"", "\"second\"");
    t.cmd()
        .args(["-q", "bucket", "policy", &url, "--set", "-"])
        .write_stdin(second)
        .assert()
        .success();
    assert_eq!(
        shown(&t, "policy", &url)["policy"]["Statement"][0]["Sid"],
        "second"
    );
    let out = t
        .cmd()
        .args(["--json", "bucket", "policy", &url, "--delete"])
        .assert()
        .success();
    let rec = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(rec["op"], "delete-policy", "{rec}");
    assert_eq!(rec["dst"], url.as_str());
    assert_eq!(rec["status"], "ok");
    assert_none_set(&t, "policy", &url, "bucket policy");
}

#[test]
fn lifecycle_and_cors_round_trip() {
    let t = TestEnv::new();
    let b = t.bucket("lifecycle");
    let url = format!("s3://{}", b.name);
    for (sub, doc, marker, what) in [
        (
            "lifecycle",
            LIFECYCLE,
            "expire-tmp",
            "lifecycle configuration",
        ),
        ("cors", CORS, "https://example.com", "CORS configuration"),
    ] {
        assert_none_set(&t, sub, &url, what);
        t.write("doc.xml", doc.as_bytes());
        let out = t
            .cmd()
            .args(["--json", "bucket", sub, &url, "--set", "doc.xml"])
            .assert()
            .success();
        let rec = &json_lines(&out.get_output().stdout)[0];
        assert_eq!(rec["op"], format!("set-{sub}"), "{rec}");
        assert_eq!(rec["status"], "ok");
        let out = t.cmd().args(["bucket", sub, &url]).assert().success();
        let shown_xml = stdout_of(&out);
        assert!(shown_xml.contains(marker), "{shown_xml}");
        assert!(
            roxmltree::Document::parse(shown_xml.trim()).is_ok(),
            "{shown_xml}"
        );
        let rec = shown(&t, sub, &url);
        assert!(rec["document"].as_str().unwrap().contains(marker), "{rec}");
        let out = t
            .cmd()
            .args(["bucket", sub, &url, "--delete"])
            .assert()
            .success();
        assert_eq!(stdout_of(&out), format!("{sub}: {url} deleted\n"));
        assert_none_set(&t, sub, &url, what);
    }
}

#[test]
fn website_round_trip_or_refusal() {
    let t = TestEnv::new();
    let b = t.bucket("website");
    let url = format!("s3://{}", b.name);
    if dialect() == Dialect::Ks3 {
        let out = t
            .cmd()
            .args(["-vv", "bucket", "website", &url, "--index", "index.html"])
            .assert()
            .code(2);
        let err = stderr_of(&out);
        assert!(
            err.contains("static-website hosting is not supported by KS3"),
            "{err}"
        );
        assert!(!err.contains("> PUT") && !err.contains("> GET"), "{err}");
        return;
    }
    assert_none_set(&t, "website", &url, "website configuration");
    t.cmd()
        .args(["-q", "bucket", "website", &url, "--index", "index.html"])
        .args(["--error-doc", "oops.html"])
        .assert()
        .success();
    let out = t.cmd().args(["bucket", "website", &url]).assert().success();
    assert_eq!(
        stdout_of(&out),
        "Index document: index.html\nError document: oops.html\n"
    );
    let rec = shown(&t, "website", &url);
    assert_eq!(rec["index_document"], "index.html", "{rec}");
    assert_eq!(rec["error_document"], "oops.html", "{rec}");
    t.cmd()
        .args(["-q", "bucket", "website", &url, "--delete"])
        .assert()
        .success();
    assert_none_set(&t, "website", &url, "website configuration");
}

#[test]
fn tagging_round_trip() {
    let t = TestEnv::new();
    let b = t.bucket("tagging");
    let url = format!("s3://{}", b.name);
    assert_none_set(&t, "tagging", &url, "tags");
    let out = t
        .cmd()
        .args(["bucket", "tagging", &url, "team=storage", "cost=a=b"])
        .assert()
        .success();
    assert_eq!(stdout_of(&out), format!("tagging: {url} set\n"));
    let out = t.cmd().args(["bucket", "tagging", &url]).assert().success();
    assert_eq!(stdout_of(&out), "cost=a=b\nteam=storage\n");
    let rec = shown(&t, "tagging", &url);
    assert_eq!(
        rec["tags"],
        serde_json::json!({"team": "storage", "cost": "a=b"})
    );
    // A new set replaces the old one whole.
    t.cmd()
        .args(["-q", "bucket", "tagging", &url, "only=one"])
        .assert()
        .success();
    assert_eq!(
        shown(&t, "tagging", &url)["tags"],
        serde_json::json!({"only": "one"})
    );
    let out = t
        .cmd()
        .args(["--json", "bucket", "tagging", &url, "--delete"])
        .assert()
        .success();
    assert_eq!(
        json_lines(&out.get_output().stdout)[0]["op"],
        "delete-tagging"
    );
    assert_none_set(&t, "tagging", &url, "tags");
    let out = t
        .cmd()
        .args(["bucket", "tagging", &url, "noequals"])
        .assert()
        .code(2);
    assert!(stderr_of(&out).contains("KEY=VALUE"), "{}", stderr_of(&out));
}

#[test]
fn object_lock_default_retention_or_refusal() {
    let t = TestEnv::new();
    if dialect() != Dialect::S3 {
        let b = t.bucket("lock-refused");
        let url = format!("s3://{}", b.name);
        for args in [
            &["bucket", "object-lock", &url][..],
            &[
                "bucket",
                "object-lock",
                &url,
                "--mode",
                "GOVERNANCE",
                "--days",
                "1",
            ],
        ] {
            let out = t.cmd().arg("-vv").args(args).assert().code(2);
            let err = stderr_of(&out);
            let name = dialect().upper_name();
            assert!(
                err.contains(&format!("object lock is not supported by {name}")),
                "{err}"
            );
            assert!(!err.contains("> PUT") && !err.contains("> GET"), "{err}");
        }
        return;
    }
    // radosgw 16 answers V2 requests to ?object-lock (signed as botocore signs them) with
    // SignatureDoesNotMatch, V4 ones not: these go in V4 (behaviour.md says so).
    let v4 = |t: &TestEnv| t.cmd_signing("v4");
    let plain = t.bucket("lock-plain");
    let out = v4(&t)
        .args(["bucket", "object-lock", &format!("s3://{}", plain.name)])
        .assert()
        .code(4);
    assert!(
        stderr_of(&out).contains("has no object lock configuration"),
        "{}",
        stderr_of(&out)
    );
    let b = t.bucket_with("lock", &["--object-lock"]);
    let url = format!("s3://{}", b.name);
    let out = v4(&t)
        .args(["bucket", "object-lock", &url])
        .assert()
        .success();
    assert_eq!(
        stdout_of(&out),
        "Object lock: Enabled\nDefault retention: none\n"
    );
    let out = v4(&t)
        .args(["--json", "bucket", "object-lock", &url])
        .args(["--mode", "GOVERNANCE", "--days", "2"])
        .assert()
        .success();
    let rec = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(rec["op"], "set-object-lock", "{rec}");
    let out = v4(&t)
        .args(["bucket", "object-lock", &url])
        .assert()
        .success();
    assert_eq!(
        stdout_of(&out),
        "Object lock: Enabled\nDefault retention: GOVERNANCE 2 days\n"
    );
    v4(&t)
        .args(["-q", "bucket", "object-lock", &url])
        .args(["--mode", "compliance", "--years", "1"])
        .assert()
        .success();
    let out = v4(&t)
        .args(["--json", "bucket", "object-lock", &url])
        .assert()
        .success();
    let rec = json_lines(&out.get_output().stdout).remove(0);
    assert_eq!(
        rec,
        serde_json::json!({"bucket": url, "object_lock": "Enabled", "mode": "COMPLIANCE", "days": null, "years": 1})
    );
    // --mode without a period, and a period without --mode: usage errors.
    v4(&t)
        .args(["bucket", "object-lock", &url, "--mode", "GOVERNANCE"])
        .assert()
        .code(2);
    v4(&t)
        .args(["bucket", "object-lock", &url, "--days", "1"])
        .assert()
        .code(2);
}

#[test]
fn a_document_the_server_rejects_gives_its_code_in_one_line() {
    let t = TestEnv::new();
    let b = t.bucket("rejected");
    let url = format!("s3://{}", b.name);
    // Well-formed, so it is sent; not a lifecycle rule, so the server refuses it.
    t.write(
        "bad.xml",
        b"<LifecycleConfiguration><Rule><Status>Sometimes</Status></Rule></LifecycleConfiguration>",
    );
    let out = t
        .cmd()
        .args(["bucket", "lifecycle", &url, "--set", "bad.xml"])
        .assert()
        .code(1);
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("objcmd: error: setting the lifecycle configuration of"),
        "{err}"
    );
    assert!(
        err.contains("Malformed") || err.contains("InvalidArgument"),
        "{err}"
    );
    assert!(err.contains("HTTP 400"), "{err}");
    // JSON that is no policy.
    t.write(
        "bad.json",
        br#"{"Version":"2012-10-17","Statement":"everything"}"#,
    );
    let out = t
        .cmd()
        .args(["bucket", "policy", &url, "--set", "bad.json"])
        .assert()
        .code(1);
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("setting the bucket policy of"), "{err}");
    assert!(err.contains("HTTP 400"), "{err}");
}

#[test]
fn a_document_that_does_not_parse_is_refused_before_any_request() {
    let t = TestEnv::new();
    let b = t.bucket("unparsed");
    let url = format!("s3://{}", b.name);
    t.write("broken.xml", b"<CORSConfiguration><CORSRule>");
    t.write("broken.json", b"{\"Version\": ");
    for (sub, file, what) in [
        ("cors", "broken.xml", "not well-formed XML"),
        ("lifecycle", "broken.xml", "not well-formed XML"),
        ("policy", "broken.json", "not JSON"),
        ("policy", "missing.json", "missing.json"),
    ] {
        let out = t
            .cmd()
            .args(["-vv", "bucket", sub, &url, "--set", file])
            .assert()
            .code(2);
        let err = stderr_of(&out);
        assert!(err.contains(file) && err.contains(what), "{err}");
        assert!(
            !err.contains("> PUT") && !err.contains("> GET"),
            "no request: {err}"
        );
    }
    // Nothing was set.
    assert_none_set(&t, "cors", &url, "CORS configuration");
    // A bucket URL with a key, and --set with --delete, are usage errors too.
    t.cmd()
        .args(["bucket", "cors", &format!("{url}/key")])
        .assert()
        .code(2);
    t.cmd()
        .args(["bucket", "cors", &url, "--set", "broken.xml", "--delete"])
        .assert()
        .code(2);
}

#[test]
fn peers_configuration_commands_hint_at_bucket() {
    let t = TestEnv::new();
    for (args, hint) in [
        (
            &["setpolicy", "p.json", "s3://b"][..],
            "objcmd bucket policy",
        ),
        (&["dellifecycle", "s3://b"], "objcmd bucket lifecycle"),
        (&["setcors", "c.xml", "s3://b"], "objcmd bucket cors"),
        (&["ws-create", "s3://b"], "objcmd bucket website"),
        (&["bucket-tagging", "oss://b"], "objcmd bucket tagging"),
    ] {
        let out = t.bare().args(args).assert().code(2);
        let err = stderr_of(&out);
        assert!(
            err.lines()
                .any(|l| l.starts_with("hint: objcmd's command for that: ") && l.contains(hint)),
            "{args:?}: {err}"
        );
    }
}
