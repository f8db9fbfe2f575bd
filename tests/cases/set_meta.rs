//! `set-meta`: what it names changes and everything else stays (other metadata, objcmd's
//! own, the type, the ACL, what decrypts an encrypted object), in one CopyObject and in a
//! multipart copy alike; trees, dry runs, and the careless user's mistakes.

use predicates::prelude::*;

use crate::support::{TestEnv, json_lines, random_bytes, server};

/// The headers and body an anonymous HTTP client gets for an object of the test server.
fn anonymous_get(bucket: &str, key: &str) -> String {
    let url = format!("{}/{bucket}/{key}", server().endpoint);
    let out = std::process::Command::new("curl")
        .args(["-s", "-D", "-"])
        .arg(&url)
        .output()
        .expect("running curl");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stat(t: &TestEnv, url: &str) -> serde_json::Value {
    let out = t.cmd().args(["--json", "stat", url]).assert().success();
    json_lines(&out.get_output().stdout).remove(0)
}

fn canned_acl(t: &TestEnv, url: &str) -> serde_json::Value {
    let out = t
        .cmd()
        .args(["--json", "acl", "get", url])
        .assert()
        .success();
    json_lines(&out.get_output().stdout).remove(0)["canned"].clone()
}

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

/// `get -v` of `url`: its bytes, and what the verification said.
fn verified_get(t: &TestEnv, url: &str) -> (Vec<u8>, String) {
    let out = t
        .cmd()
        .args(["-v", "get", url, "back.bin"])
        .assert()
        .success();
    (std::fs::read(t.path("back.bin")).unwrap(), stderr_of(&out))
}

#[test]
fn set_meta_changes_what_it_names_and_keeps_the_rest() {
    let t = TestEnv::new();
    let b = t.bucket("setmeta-one");
    t.write("f.txt", b"labelled");
    let url = b.url("f.txt");
    t.cmd()
        .args(["-q", "put", "f.txt", &url, "--meta", "color=red"])
        .args(["--meta", "size=L", "--content-type", "text/x-note"])
        .assert()
        .success();
    let before = stat(&t, &url);
    let out = t
        .cmd()
        .args(["--json", "set-meta", &url, "--meta", "color=blue"])
        .args(["--delete-meta", "size", "--meta", "new=1"])
        .assert()
        .success();
    let rec = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(rec["op"], "set-meta", "{rec}");
    assert_eq!(rec["src"], url.as_str());
    assert_eq!(rec["status"], "ok");
    assert_eq!(rec["size"], 8);
    let after = stat(&t, &url);
    let meta = &after["metadata"];
    assert_eq!(meta["color"], "blue", "{after}");
    assert_eq!(meta["new"], "1", "{after}");
    assert!(meta.get("size").is_none(), "{after}");
    assert_eq!(
        meta["mtime"], before["metadata"]["mtime"],
        "objcmd's own kept"
    );
    assert_eq!(after["content_type"], "text/x-note", "the type is kept");
    assert_eq!(after["size"], 8);
    // The type and storage class alone; the human line names the object.
    t.cmd()
        .args(["set-meta", &url, "--content-type", "application/json"])
        .args(["--storage-class", "STANDARD"])
        .assert()
        .success()
        .stdout(format!("set-meta: {url} (8 bytes)\n"));
    let after = stat(&t, &url);
    assert_eq!(after["content_type"], "application/json");
    assert!(
        after["storage_class"]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case("STANDARD")
    );
    assert_eq!(after["metadata"]["color"], "blue", "{after}");
    assert_eq!(
        t.cmd()
            .args(["get", &url, "-"])
            .assert()
            .success()
            .get_output()
            .stdout,
        b"labelled"
    );
}

#[test]
fn set_meta_sets_an_acl_and_keeps_it_through_later_changes() {
    let t = TestEnv::new();
    let b = t.bucket("setmeta-acl");
    t.write("f.txt", b"for everyone");
    let url = b.url("f.txt");
    t.cmd()
        .args(["-q", "put", "f.txt", &url])
        .args(["--header", "Cache-Control: max-age=60"])
        .assert()
        .success();
    assert_eq!(canned_acl(&t, &url), "private");
    assert!(anonymous_get(&b.name, "f.txt").starts_with("HTTP/1.1 403"));
    t.cmd()
        .args(["-q", "set-meta", &url, "--acl", "public-read"])
        .assert()
        .success();
    assert_eq!(canned_acl(&t, &url), "public-read");
    let reply = anonymous_get(&b.name, "f.txt").to_ascii_lowercase();
    assert!(reply.starts_with("http/1.1 200"), "{reply}");
    assert!(reply.ends_with("\r\n\r\nfor everyone"), "{reply}");
    // The stored header not named is kept too.
    assert!(reply.contains("cache-control: max-age=60\r\n"), "{reply}");
    // A change that does not name the ACL keeps it (a plain copy would make it private).
    t.cmd()
        .args(["-q", "set-meta", &url, "--meta", "seen=yes"])
        .assert()
        .success();
    assert_eq!(canned_acl(&t, &url), "public-read");
    assert_eq!(stat(&t, &url)["metadata"]["seen"], "yes");
    t.cmd()
        .args(["set-meta", &url, "--acl", "no-such-acl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid ACL"));
}

#[test]
fn an_encrypted_object_still_decrypts_after_set_meta() {
    let t = TestEnv::new();
    let b = t.bucket("setmeta-enc");
    t.write("keys/main.key", b"0123456789abcdef");
    let key_file = t.path("keys/main.key");
    let cmd = || {
        let mut cmd = t.cmd();
        cmd.env("OBJCMD_ENCRYPTION_KEY_FILE", &key_file);
        cmd
    };
    let small = random_bytes(1000, 7);
    let big = random_bytes(6 << 20, 8);
    t.write("small", &small);
    t.write("big", &big);
    for (name, plain) in [("small", &small), ("big", &big)] {
        let url = b.url(name);
        cmd()
            .args(["-q", "--part-size", "5MiB", "put", "--encrypt", name, &url])
            .assert()
            .success();
        // The big one above the threshold: a multipart copy.
        cmd()
            .args(["-q", "--copy-threshold", "5MiB", "--part-size", "5MiB"])
            .args(["set-meta", &url, "--meta", "color=red"])
            .args(["--content-type", "text/x-secret"])
            .assert()
            .success();
        let after = stat(&t, &url);
        assert_eq!(after["metadata"]["color"], "red", "{after}");
        assert!(after["metadata"]["iv"].is_string(), "{after}");
        let out = cmd().args(["get", &url, "-"]).assert().success();
        assert!(out.get_output().stdout == *plain, "{name} does not decrypt");
        // What decrypts it is refused by name: the object would be lost.
        cmd()
            .args(["set-meta", &url, "--delete-meta", "iv"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("undecryptable"));
        let out = cmd().args(["get", &url, "-"]).assert().success();
        assert!(
            out.get_output().stdout == *plain,
            "{name} after the refusal"
        );
    }
}

#[test]
fn a_large_object_is_changed_by_a_multipart_copy_and_still_verifies() {
    let t = TestEnv::new();
    let b = t.bucket("setmeta-big");
    let url = b.url("big.bin");
    let data = t.put_random(&url, 12 << 20, 9, "5MiB");
    let before = stat(&t, &url);
    assert_eq!(
        before["metadata"]["objcmd-part-size"],
        (5 << 20).to_string()
    );
    // Above the threshold, copied in parts of another size: the part size recorded is
    // the new one, so the new multipart ETag is recomputed on get.
    t.cmd()
        .args(["-q", "--copy-threshold", "5MiB", "--part-size", "6MiB"])
        .args(["set-meta", &url, "--meta", "stage=2"])
        .assert()
        .success();
    let after = stat(&t, &url);
    assert_eq!(after["metadata"]["stage"], "2");
    assert_eq!(after["metadata"]["objcmd-part-size"], (6 << 20).to_string());
    assert!(after["etag"].as_str().unwrap().ends_with("-2"), "{after}");
    assert_ne!(after["etag"], before["etag"]);
    let (back, log) = verified_get(&t, &url);
    assert!(back == data, "the bytes changed");
    assert!(log.contains("verified against its multipart ETag"), "{log}");
    // Below the threshold: one CopyObject. Whatever ETag the server gives the copy, the
    // download still checks it.
    let multipart = stat(&t, &url);
    t.cmd()
        .args(["-q", "set-meta", &url, "--meta", "stage=3"])
        .assert()
        .success();
    let after = stat(&t, &url);
    assert_eq!(after["metadata"]["stage"], "3");
    // radosgw keeps the multipart ETag (and so the parts the recorded size describes);
    // a server that makes it a plain MD5 has it checked as one.
    let etag = after["etag"].as_str().unwrap();
    if etag.contains('-') {
        assert_eq!(etag, multipart["etag"], "{after}");
        assert_eq!(after["metadata"]["objcmd-part-size"], (6 << 20).to_string());
    } else {
        assert_eq!(etag, crate::support::md5_hex(&data), "{after}");
    }
    let (back, log) = verified_get(&t, &url);
    assert!(back == data, "the bytes changed");
    assert!(log.contains("verified against its"), "{after} {log}");
}

#[test]
fn set_meta_r_changes_a_tree_as_filtered_and_dry_run_changes_nothing() {
    let t = TestEnv::new();
    let b = t.bucket("setmeta-tree");
    t.write("x", b"x");
    for key in ["p/a.txt", "p/sub/b.txt", "p/c.log", "other.txt"] {
        t.cmd()
            .args(["-q", "put", "x", &b.url(key)])
            .assert()
            .success();
    }
    let before = stat(&t, &b.url("p/a.txt"));
    // A dry run lists the plan and changes nothing.
    t.cmd()
        .args(["set-meta", "-r", &b.url("p/"), "--meta", "tag=t"])
        .args(["--exclude", "*.log", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "(dry run) set-meta: {} (1 byte)",
            b.url("p/a.txt")
        )))
        .stdout(predicate::str::contains("c.log").not());
    t.cmd()
        .args([
            "set-meta",
            &b.url("p/a.txt"),
            "--meta",
            "tag=t",
            "--dry-run",
        ])
        .assert()
        .success()
        .stdout(format!(
            "(dry run) set-meta: {} (1 byte)\n",
            b.url("p/a.txt")
        ));
    assert_eq!(stat(&t, &b.url("p/a.txt")), before, "a dry run changed it");
    let out = t
        .cmd()
        .args(["--json", "set-meta", "-r", &b.url("p/"), "--meta", "tag=t"])
        .args(["--exclude", "*.log"])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    let mut changed: Vec<&str> = records
        .iter()
        .filter(|r| r["op"] == "set-meta")
        .map(|r| r["src"].as_str().unwrap())
        .collect();
    changed.sort();
    assert_eq!(changed, [b.url("p/a.txt"), b.url("p/sub/b.txt")]);
    for (key, tagged) in [
        ("p/a.txt", true),
        ("p/sub/b.txt", true),
        ("p/c.log", false),
        ("other.txt", false),
    ] {
        let meta = &stat(&t, &b.url(key))["metadata"];
        assert_eq!(meta.get("tag").is_some(), tagged, "{key}: {meta}");
        assert!(meta["mtime"].is_string(), "{key}: {meta}");
    }
}

#[test]
fn set_meta_refuses_the_careless_users_mistakes_with_one_line() {
    let t = TestEnv::new();
    let b = t.bucket("setmeta-bad");
    t.write("x", b"x");
    let url = b.url("k");
    t.cmd().args(["-q", "put", "x", &url]).assert().success();
    // No change asked.
    let out = t.cmd().args(["set-meta", &url]).assert().code(2);
    let stderr = stderr_of(&out);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("set-meta changes nothing without --meta"),
        "{stderr}"
    );
    // A prefix without -r.
    t.cmd()
        .args(["set-meta", &b.url("dir/"), "--meta", "a=1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("add -r"));
    // A missing key: what stat says of it, with its exit code.
    let missing = b.url("nope");
    let stat_out = t.cmd().args(["stat", &missing]).assert().failure();
    let code = stat_out.get_output().status.code();
    let out = t
        .cmd()
        .args(["set-meta", &missing, "--meta", "a=1"])
        .assert()
        .code(code.unwrap());
    let without_id = |text: String| text.split(", request id").next().unwrap().to_string();
    assert_eq!(
        without_id(stderr_of(&out)),
        without_id(stderr_of(&stat_out))
    );
    assert_eq!(stderr_of(&out).lines().count(), 1, "{}", stderr_of(&out));
    // Among several, the missing one fails (exit 3) and the others are changed.
    let out = t
        .cmd()
        .args(["--json", "set-meta", &url, &missing, "--meta", "a=1"])
        .assert()
        .code(3);
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records[0]["status"], "ok", "{records:?}");
    assert_eq!(records[0]["size"], 1, "{records:?}");
    assert_eq!(records[1]["status"], "error", "{records:?}");
    assert_eq!(records[1]["error"]["code"], "NoSuchKey", "{records:?}");
    assert_eq!(stat(&t, &url)["metadata"]["a"], "1");
}
