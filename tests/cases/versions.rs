//! Object versions: `ls --all-versions`, `--version-id` on the commands that read, copy,
//! sign and delete one object, delete markers, `rm --all-versions`, `rb --force` and `du
//! --all-versions` of a versioned bucket, `bucket versioning`, `mb --object-lock`; in
//! every dialect (each pass of the suite), as far as the dialect has them.

use predicates::prelude::*;

use crate::support::{TestEnv, dialect, json_lines};
use objcmd::client::Dialect;

fn versions(t: &TestEnv, url: &str) -> Vec<serde_json::Value> {
    let out = t
        .cmd()
        .args(["--json", "ls", "-r", url, "--all-versions"])
        .assert()
        .success();
    json_lines(&out.get_output().stdout)
}

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn enable(t: &TestEnv, bucket_url: &str) {
    t.cmd()
        .args(["-q", "bucket", "versioning", bucket_url, "enable"])
        .assert()
        .success();
}

#[test]
fn versions_are_listed_read_by_id_and_hidden_by_delete_markers() {
    let t = TestEnv::new();
    let b = t.bucket("versions");
    enable(&t, &b.url(""));
    let url = b.url("d/k.txt");
    t.write("one.txt", b"one");
    t.write("two.txt", b"two!");
    t.cmd()
        .args(["-q", "put", "one.txt", &url])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "put", "two.txt", &url])
        .assert()
        .success();

    let listed = versions(&t, &b.url(""));
    assert_eq!(listed.len(), 2, "{listed:?}");
    let (new, old) = (&listed[0], &listed[1]);
    assert_eq!(new["key"], "d/k.txt");
    assert_eq!(
        (new["size"].as_u64(), old["size"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(
        (new["is_latest"].as_bool(), old["is_latest"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(new["delete_marker"], false);
    assert_eq!(new["url"], url.as_str());
    let old_id = old["version_id"]
        .as_str()
        .expect("a version id")
        .to_string();
    assert_ne!(new["version_id"].as_str(), Some(old_id.as_str()));

    // Human lines: one per version, the latest marked, each with its id; one level
    // without -r shows the prefix.
    let out = t
        .cmd()
        .args(["ls", "-r", &b.url(""), "--all-versions"])
        .assert()
        .success();
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains(&old_id) && !l.contains(" * ")),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.contains(" * ") && l.ends_with(&url)),
        "{text}"
    );
    let out = t
        .cmd()
        .args(["ls", "-l", &b.url(""), "--all-versions"])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(text.contains("DIR") && text.contains("/d/"), "{text}");

    // The old bytes, by id, from get, cat, stat and cp.
    t.cmd()
        .args(["-q", "get", "--version-id", &old_id, &url, "back.txt"])
        .assert()
        .success();
    assert_eq!(std::fs::read(t.path("back.txt")).unwrap(), b"one");
    t.cmd()
        .args(["cat", "--version-id", &old_id, &url])
        .assert()
        .success()
        .stdout("one");
    let out = t
        .cmd()
        .args(["--json", "stat", "--version-id", &old_id, &url])
        .assert()
        .success();
    let stat = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(
        (stat["size"].as_u64(), stat["version_id"].as_str()),
        (Some(3), Some(old_id.as_str()))
    );
    t.cmd()
        .args([
            "-q",
            "cp",
            "--version-id",
            &old_id,
            &url,
            &b.url("copy.txt"),
        ])
        .assert()
        .success();
    t.cmd()
        .args(["cat", &b.url("copy.txt")])
        .assert()
        .success()
        .stdout("one");
    t.cmd()
        .args(["--json", "acl", "get", "--version-id", &old_id, &url])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["signurl", "--version-id", &old_id, &url])
        .assert()
        .success();
    let signed = stdout(&out);
    assert!(signed.contains("versionId="), "{signed}");
    let fetched = std::process::Command::new("curl")
        .args(["-s", "-f", signed.trim()])
        .output()
        .expect("running curl");
    assert_eq!(
        fetched.stdout,
        b"one",
        "{}",
        String::from_utf8_lossy(&fetched.stderr)
    );

    // rm makes a delete marker: the key is gone, its versions are not.
    t.cmd().args(["-q", "rm", &url]).assert().success();
    t.cmd().args(["stat", &url]).assert().code(4);
    let listed = versions(&t, &b.url("d/"));
    assert_eq!(listed.len(), 3, "{listed:?}");
    let marker = listed
        .iter()
        .find(|v| v["delete_marker"] == true)
        .expect("a delete marker");
    assert_eq!(
        (marker["is_latest"].as_bool(), marker["size"].as_u64()),
        (Some(true), Some(0))
    );
    t.cmd()
        .args(["cat", "--version-id", &old_id, &url])
        .assert()
        .success()
        .stdout("one");

    // rm --version-id removes that version for good.
    t.cmd()
        .args(["-q", "rm", "--version-id", &old_id, &url])
        .assert()
        .success();
    assert_eq!(versions(&t, &b.url("d/")).len(), 2);
    t.cmd()
        .args(["cat", "--version-id", &old_id, &url])
        .assert()
        .code(4);

    // rm -r --all-versions leaves nothing, markers included.
    let out = t
        .cmd()
        .args(["--json", "rm", "-r", &b.url(""), "--all-versions"])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert!(
        records
            .iter()
            .filter(|r| r["op"] == "delete")
            .all(|r| r["src"].as_str().unwrap().contains("?versionId=")),
        "{records:?}"
    );
    assert!(versions(&t, &b.url("")).is_empty());
}

#[test]
fn rm_all_versions_of_one_key_leaves_the_others() {
    let t = TestEnv::new();
    let b = t.bucket("versions-key");
    enable(&t, &b.url(""));
    t.write("f.txt", b"x");
    for key in ["a", "a", "ab", "a/c"] {
        t.cmd()
            .args(["-q", "put", "f.txt", &b.url(key)])
            .assert()
            .success();
    }
    t.cmd()
        .args(["-q", "rm", &b.url("a"), "--all-versions"])
        .assert()
        .success();
    let keys: Vec<String> = versions(&t, &b.url(""))
        .iter()
        .map(|v| v["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(keys, ["a/c", "ab"]);
    // --version-id goes with one object, and needs an id.
    t.cmd()
        .args(["rm", "--version-id", "x", &b.url("ab"), &b.url("a/c")])
        .assert()
        .code(2);
    t.cmd()
        .args(["rm", "-r", "--version-id", "x", &b.url("")])
        .assert()
        .code(2);
    t.cmd()
        .args(["stat", "--version-id", "", &b.url("ab")])
        .assert()
        .code(2);
    t.cmd().args(["ls", "--all-versions"]).assert().code(2);
    t.cmd()
        .args(["put", "--version-id", "x", "f.txt", &b.url("ab")])
        .assert()
        .code(2);
    t.cmd()
        .args(["cp", "--version-id", "x", "f.txt", &b.url("ab")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("remote source"));
}

#[test]
fn rb_force_removes_a_versioned_bucket_with_thousands_of_versions_and_markers() {
    let t = TestEnv::new();
    let b = t.bucket("versions-rb");
    enable(&t, &b.url(""));
    std::fs::create_dir(t.path("many")).unwrap();
    for i in 0..550 {
        t.write(&format!("many/{i:04}"), format!("{i}").as_bytes());
    }
    for _ in 0..2 {
        t.cmd()
            .args(["-q", "put", "-r", "many", &b.url("p/")])
            .assert()
            .success();
    }
    // Some delete markers too.
    t.cmd()
        .args([
            "-q",
            "rm",
            "-r",
            &b.url("p/"),
            "--exclude",
            "*",
            "--include",
            "00*",
        ])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["--json", "du", &b.url(""), "--all-versions"])
        .assert()
        .success();
    let du = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(du["objects"], 1100, "{du}");
    let bytes: u64 = (0..550).map(|i: u32| i.to_string().len() as u64).sum();
    assert_eq!(du["bytes"].as_u64(), Some(2 * bytes));
    let out = t
        .cmd()
        .args(["--json", "du", &b.url("")])
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout)[0]["objects"], 450);
    assert!(versions(&t, &b.url("")).len() > 1100);

    // The dry run lists every version and marker it would delete.
    let out = t
        .cmd()
        .args([
            "--json",
            "rb",
            "--force",
            "--dry-run",
            &format!("s3://{}", b.name),
        ])
        .assert()
        .success();
    let planned = json_lines(&out.get_output().stdout)
        .into_iter()
        .filter(|r| r["op"] == "delete" && r["status"] == "planned")
        .filter(|r| r["src"].as_str().is_some_and(|s| s.contains("?versionId=")))
        .count();
    assert_eq!(planned, 1200);
    t.cmd()
        .args(["rb", "--force", &format!("s3://{}", b.name)])
        .assert()
        .success()
        .stderr(predicate::str::contains("versions"));
    t.cmd().args(["ls", &b.url("")]).assert().code(4);
}

#[test]
fn bucket_versioning_shows_enables_and_suspends() {
    let t = TestEnv::new();
    let b = t.bucket("versioning");
    let bucket = b.url("");
    let state = |t: &TestEnv| {
        let out = t
            .cmd()
            .args(["--json", "bucket", "versioning", &bucket])
            .assert()
            .success();
        json_lines(&out.get_output().stdout)[0]["versioning"].clone()
    };
    assert_eq!(state(&t), "Off");
    t.cmd()
        .args(["bucket", "versioning", &bucket])
        .assert()
        .success()
        .stdout("Versioning: Off\n");
    enable(&t, &bucket);
    assert_eq!(state(&t), "Enabled");
    t.cmd()
        .args(["bucket", "versioning", &bucket, "suspend"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Suspended"));
    assert_eq!(state(&t), "Suspended");
    // A suspended bucket keeps its versions: rb --force still removes them.
    t.write("f.txt", b"x");
    t.cmd()
        .args(["-q", "put", "f.txt", &b.url("k")])
        .assert()
        .success();
    t.cmd().args(["-q", "rm", &b.url("k")]).assert().success();
    assert_eq!(versions(&t, &bucket).len(), 1, "a null delete marker");
}

#[test]
fn mb_object_lock_turns_versioning_on_or_is_refused() {
    let t = TestEnv::new();
    let name = format!("t{}-objlock", std::process::id());
    let bucket = format!("s3://{name}");
    let mb = t.cmd().args(["mb", "--object-lock", &bucket]).assert();
    if dialect() != Dialect::S3 {
        mb.code(2)
            .stderr(predicate::str::contains("not supported by"));
        return;
    }
    mb.success();
    let out = t
        .cmd()
        .args(["--json", "bucket", "versioning", &bucket])
        .assert()
        .success();
    assert_eq!(
        json_lines(&out.get_output().stdout)[0]["versioning"],
        "Enabled"
    );
    t.write("f.txt", b"x");
    t.cmd()
        .args(["-q", "put", "f.txt", &format!("{bucket}/k")])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "rb", "--force", &bucket])
        .assert()
        .success();
}

#[test]
fn an_old_version_downloads_in_ranged_parts_and_copies_in_parts() {
    const MIB: usize = 1024 * 1024;
    let t = TestEnv::new();
    let b = t.bucket("versions-big");
    enable(&t, &b.url(""));
    let url = b.url("big.bin");
    let old = t.put_random(&url, 12 * MIB, 161, "5MiB");
    let new = t.put_random(&url, 12 * MIB, 162, "5MiB");
    assert_ne!(old, new);
    let listed = versions(&t, &url);
    let old_id = listed
        .iter()
        .find(|v| v["is_latest"] == false)
        .and_then(|v| v["version_id"].as_str())
        .expect("the old version")
        .to_string();
    // Each 5 MiB range GET names the version: the bytes are the old object's, verified.
    t.cmd()
        .args([
            "-q",
            "--part-size",
            "5MiB",
            "get",
            "--version-id",
            &old_id,
            &url,
            "old.bin",
        ])
        .assert()
        .success();
    assert!(
        std::fs::read(t.path("old.bin")).unwrap() == old,
        "old bytes"
    );
    // A multipart copy (UploadPartCopy) names it in every part's source.
    t.cmd()
        .args(["-q", "--part-size", "5MiB", "--copy-threshold", "5MiB"])
        .args(["cp", "--version-id", &old_id, &url, &b.url("restored.bin")])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "get", &b.url("restored.bin"), "restored.bin"])
        .assert()
        .success();
    assert!(
        std::fs::read(t.path("restored.bin")).unwrap() == old,
        "restored bytes"
    );
    // A copy of an old version onto its own key makes it the latest again.
    t.cmd()
        .args(["-q", "cp", "--version-id", &old_id, &url, &url])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "get", &url, "now.bin"])
        .assert()
        .success();
    assert!(
        std::fs::read(t.path("now.bin")).unwrap() == old,
        "the old bytes are the latest"
    );
    assert_eq!(versions(&t, &url).len(), 3);
}
