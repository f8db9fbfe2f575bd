//! Many objects against the real server: recursive put/get/cp/rm, filters, shards, sync,
//! batch deletes and rb --force.

use std::path::Path;
use std::process::Command;

use predicates::prelude::*;

use crate::support::{TestBucket, TestEnv, json_lines, md5_hex, random_bytes, without_summary};

/// Builds a tree with nested directories, an empty file and unicode names; returns its
/// relative paths.
fn make_tree(t: &TestEnv, root: &str) -> Vec<String> {
    let files = [
        ("top.txt", b"top".to_vec()),
        ("empty.bin", Vec::new()),
        ("a/b/c/deep.txt", b"deep".to_vec()),
        ("a/sibling.log", b"log".to_vec()),
        ("中文目录/文件 名-é.txt", "unicode".as_bytes().to_vec()),
        ("with space/and+plus%.dat", random_bytes(3000, 3)),
        ("big/large.bin", random_bytes(6 << 20, 6)),
    ];
    for (rel, data) in &files {
        t.write(&format!("{root}/{rel}"), data);
    }
    files.iter().map(|(rel, _)| rel.to_string()).collect()
}

fn keys(t: &TestEnv, url: &str) -> Vec<String> {
    let out = t.cmd().args(["--json", "ls", "-r", url]).assert().success();
    let mut keys: Vec<String> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect();
    keys.sort();
    keys
}

fn diff_r(a: &Path, b: &Path) {
    let out = Command::new("diff")
        .arg("-r")
        .arg(a)
        .arg(b)
        .output()
        .expect("diff");
    assert!(
        out.status.success(),
        "diff -r: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_tree_round_trips_through_put_r_and_get_r() {
    let t = TestEnv::new();
    let b = t.bucket("tree");
    let rels = make_tree(&t, "src");
    // A part size below the large file's size: a multipart upload inside the tree.
    t.cmd()
        .args([
            "put",
            "-r",
            "src",
            &b.url("backup"),
            "--part-size",
            "5MiB",
            "-j",
            "4",
        ])
        .assert()
        .success();
    let mut expected: Vec<String> = rels.iter().map(|r| format!("backup/{r}")).collect();
    expected.sort();
    assert_eq!(keys(&t, &b.url("")), expected);
    t.cmd()
        .args(["get", "-r", &b.url("backup/"), "restored", "-j", "8"])
        .assert()
        .success();
    diff_r(&t.path("src"), &t.path("restored"));
    // The files get their original modification times back.
    let original = std::fs::metadata(t.path("src/top.txt"))
        .unwrap()
        .modified()
        .unwrap();
    let restored = std::fs::metadata(t.path("restored/top.txt"))
        .unwrap()
        .modified()
        .unwrap();
    let delta = original
        .duration_since(restored)
        .unwrap_or_else(|e| e.duration());
    assert!(delta.as_millis() < 1, "mtime {original:?} vs {restored:?}");
}

#[test]
fn include_exclude_and_dry_run() {
    let t = TestEnv::new();
    let b = t.bucket("filters");
    make_tree(&t, "src");
    // Dry run: records planned, nothing uploaded.
    let out = t
        .cmd()
        .args(["--json", "put", "-r", "src", &b.url(""), "--dry-run"])
        .assert()
        .success();
    let (records, summary) = without_summary(json_lines(&out.get_output().stdout));
    assert_eq!(records.len(), 7);
    assert_eq!(summary["ok"], 7, "{summary}");
    assert!(records.iter().all(|r| r["status"] == "planned"));
    assert!(keys(&t, &b.url("")).is_empty());
    // Only .txt files, but not those under a/.
    t.cmd()
        .args([
            "put",
            "-r",
            "src",
            &b.url("p/"),
            "--exclude",
            "*",
            "--include",
            "*.txt",
        ])
        .args(["--exclude", "a/*"])
        .assert()
        .success();
    assert_eq!(
        keys(&t, &b.url("")),
        ["p/top.txt", "p/中文目录/文件 名-é.txt"]
    );
    // get -r takes filters too.
    t.cmd()
        .args([
            "get",
            "-r",
            &b.url("p"),
            "out",
            "--exclude",
            "*.txt",
            "--include",
            "top.txt",
        ])
        .assert()
        .success();
    assert!(t.path("out/top.txt").exists());
    assert!(!t.path("out/中文目录").exists());
    // Filters without -r are a usage error.
    t.cmd()
        .args(["put", "src/top.txt", &b.url("x"), "--exclude", "*"])
        .assert()
        .code(2);
}

#[test]
fn shards_split_a_tree_disjointly_and_completely() {
    let t = TestEnv::new();
    let b = t.bucket("shards");
    for i in 0..60 {
        t.write(
            &format!("src/d{}/f{i}.txt", i % 4),
            format!("{i}").as_bytes(),
        );
    }
    let n = 3;
    let mut all = Vec::new();
    for k in 0..n {
        t.cmd()
            .args([
                "put",
                "-r",
                "src",
                &b.url(&format!("s{k}/")),
                "--shard",
                &format!("{k}/{n}"),
            ])
            .assert()
            .success();
        let mine: Vec<String> = keys(&t, &b.url(&format!("s{k}/")))
            .into_iter()
            .map(|key| key.split_once('/').unwrap().1.to_string())
            .collect();
        assert!(!mine.is_empty(), "shard {k} is empty");
        all.extend(mine);
    }
    all.sort();
    let mut expected: Vec<String> = (0..60).map(|i| format!("d{}/f{i}.txt", i % 4)).collect();
    expected.sort();
    assert_eq!(
        all, expected,
        "shards must be disjoint and cover the tree exactly once"
    );
    t.cmd()
        .args(["put", "-r", "src", &b.url("x/"), "--shard", "3/3"])
        .assert()
        .code(2);

    // The same split for downloads, syncs and deletes of the remote tree.
    t.cmd()
        .args(["put", "-r", "src", &b.url("all/")])
        .assert()
        .success();
    let mut got = Vec::new();
    for k in 0..n {
        let shard = format!("{k}/{n}");
        let dir = format!("down{k}");
        t.cmd()
            .args(["get", "-r", &b.url("all/"), &dir, "--shard", &shard])
            .assert()
            .success();
        let synced = format!("synced{k}");
        t.cmd()
            .args(["sync", &b.url("all/"), &synced, "--shard", &shard])
            .assert()
            .success();
        let mine = files_under(&t.path(&dir));
        assert_eq!(mine, files_under(&t.path(&synced)), "get -r and sync agree");
        got.extend(mine);
        t.cmd()
            .args(["rm", "-r", &b.url("all/"), "--shard", &shard])
            .assert()
            .success();
    }
    got.sort();
    assert_eq!(got, expected);
    assert!(
        keys(&t, &b.url("all/")).is_empty(),
        "every shard deleted its share"
    );
}

/// The files under `dir`, as sorted relative paths.
fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_dangling_symlink_fails_alone_and_exits_3() {
    let t = TestEnv::new();
    let b = t.bucket("partial");
    make_tree(&t, "src");
    #[cfg(unix)]
    std::os::unix::fs::symlink(t.path("nowhere"), t.path("src/dangling")).unwrap();
    let out = t
        .cmd()
        .args(["--json", "put", "-r", "src", &b.url("")])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("dangling symlink"))
        .stderr(predicate::str::contains("objcmd: error: 7 done, 1 failed"));
    // The summary is the last record, as cli.md promises; before it, the command's error
    // record (every error has one with --json).
    let (records, summary) = without_summary(json_lines(&out.get_output().stdout));
    assert_eq!(summary["ok"], 7);
    assert_eq!(summary["failed"], 1);
    assert_eq!(records.iter().filter(|r| r["status"] == "ok").count(), 7);
    let failed: Vec<_> = records
        .iter()
        .filter(|r| r["op"] == "put" && r["status"] == "error")
        .collect();
    assert_eq!(failed.len(), 1, "{records:?}");
    assert!(failed[0]["src"].as_str().unwrap().ends_with("dangling"));
    assert_eq!(records.last().unwrap()["error"]["code"], "PartialFailure");
    assert_eq!(
        keys(&t, &b.url("")).len(),
        7,
        "every other file is uploaded"
    );
}

fn upload_count(t: &TestEnv, b: &TestBucket) -> usize {
    let out = t
        .cmd()
        .args(["--json", "multipart", "ls", &b.url("")])
        .assert()
        .success();
    json_lines(&out.get_output().stdout).len()
}

#[test]
fn rm_r_deletes_in_batches_and_rb_force_empties_everything() {
    let t = TestEnv::new();
    let b = t.bucket("rmr");
    for i in 0..1200 {
        t.write(&format!("src/f{i:04}"), b"x");
    }
    t.cmd()
        .args(["-q", "put", "-r", "src", &b.url("many/")])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "put", "-r", "src", &b.url("keep/")])
        .assert()
        .success();
    assert_eq!(keys(&t, &b.url("")).len(), 2400);
    t.cmd()
        .args(["rm", "-r", &b.url("many"), "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(dry run) delete: "));
    assert_eq!(keys(&t, &b.url("")).len(), 2400, "dry run deletes nothing");
    let out = t
        .cmd()
        .args(["-v", "--json", "rm", "-r", &b.url("many/")])
        .assert()
        .success();
    let (records, summary) = without_summary(json_lines(&out.get_output().stdout));
    assert_eq!(records.len(), 1200);
    assert_eq!(summary["ok"], 1200, "{summary}");
    assert_eq!(keys(&t, &b.url("")).len(), 1200);
    assert!(keys(&t, &b.url("")).iter().all(|k| k.starts_with("keep/")));

    // An unfinished multipart upload does not stop rb --force.
    t.cmd()
        .args(["multipart", "init", &b.url("unfinished.bin")])
        .assert()
        .success();
    assert_eq!(upload_count(&t, &b), 1);
    t.cmd()
        .args(["rb", "--force", &b.url("")])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "deleted 1200 objects and aborted 1 upload\n",
        ));
    t.cmd().args(["ls", &b.url("")]).assert().code(4);
}

#[test]
fn cp_copies_on_the_server_singly_recursively_and_in_parts() {
    let t = TestEnv::new();
    let a = t.bucket("cp-src");
    let b = t.bucket("cp-dst");
    make_tree(&t, "src");
    t.cmd()
        .args(["-q", "put", "-r", "src", &a.url("tree/")])
        .assert()
        .success();
    t.cmd()
        .args([
            "put",
            "src/top.txt",
            &a.url("one.txt"),
            "--meta",
            "color=blue",
        ])
        .assert()
        .success();
    // One object across buckets: metadata kept (COPY).
    t.cmd()
        .args(["cp", &a.url("one.txt"), &b.url("copied.txt")])
        .assert()
        .success()
        .stdout(format!(
            "copy: {} -> {} (3 bytes)\n",
            a.url("one.txt"),
            b.url("copied.txt")
        ));
    let out = t
        .cmd()
        .args(["--json", "stat", &b.url("copied.txt")])
        .assert()
        .success();
    let stat = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(stat["metadata"]["color"], "blue");
    // New type and metadata: REPLACE.
    t.cmd()
        .args([
            "cp",
            &a.url("one.txt"),
            &b.url("retyped"),
            "--content-type",
            "text/x-test",
        ])
        .args(["--meta", "shape=round"])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["--json", "stat", &b.url("retyped")])
        .assert()
        .success();
    let stat = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(stat["content_type"], "text/x-test");
    assert_eq!(stat["metadata"]["shape"], "round");
    assert!(stat["metadata"].get("color").is_none());
    // A whole prefix, then the copy restored locally matches the source tree.
    t.cmd()
        .args(["cp", "-r", &a.url("tree"), &b.url("mirror/")])
        .assert()
        .success();
    t.cmd()
        .args(["cp", "-r", &b.url("mirror/"), "back"])
        .assert()
        .success();
    diff_r(&t.path("src"), &t.path("back"));
    // Above the copy threshold: UploadPartCopy in parts; the content is the same.
    t.cmd()
        .args([
            "cp",
            &a.url("tree/big/large.bin"),
            &b.url("parts.bin"),
            "--copy-threshold",
            "5MiB",
        ])
        .args(["--part-size", "5MiB"])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["get", &b.url("parts.bin"), "-"])
        .assert()
        .success();
    assert_eq!(
        md5_hex(&out.get_output().stdout),
        md5_hex(&random_bytes(6 << 20, 6))
    );
    let out = t
        .cmd()
        .args(["--json", "stat", &b.url("parts.bin")])
        .assert()
        .success();
    let copy = &json_lines(&out.get_output().stdout)[0];
    assert!(copy["etag"].as_str().unwrap().ends_with("-2"));
    // A new multipart upload inherits nothing: the source's type and metadata were copied.
    let out = t
        .cmd()
        .args(["--json", "stat", &a.url("tree/big/large.bin")])
        .assert()
        .success();
    let source = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(copy["content_type"], source["content_type"]);
    assert!(source["metadata"]["mtime"].is_string(), "{source}");
    assert_eq!(copy["metadata"]["mtime"], source["metadata"]["mtime"]);
    // cp between local paths is not cp's job.
    t.cmd()
        .args(["cp", "src/top.txt", "elsewhere.txt"])
        .assert()
        .code(2);
}

#[test]
fn sync_up_is_idempotent_and_delete_makes_the_destination_match() {
    let t = TestEnv::new();
    let b = t.bucket("sync");
    make_tree(&t, "src");
    t.cmd()
        .args(["sync", "src", &b.url("mirror")])
        .assert()
        .success();
    // Nothing changed: nothing transferred, and it says so.
    let out = t
        .cmd()
        .args(["--json", "sync", "src", &b.url("mirror")])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do: 7 up to date"));
    let (records, summary) = without_summary(json_lines(&out.get_output().stdout));
    assert!(records.iter().all(|r| r["op"] == "skip"), "{records:?}");
    assert_eq!(
        (summary["ok"].clone(), summary["skipped"].clone()),
        (0.into(), 7.into())
    );
    // Change one, add one, delete one.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    t.write("src/top.txt", b"changed!");
    t.write("src/new/added.txt", b"added");
    std::fs::remove_file(t.path("src/a/sibling.log")).unwrap();
    // --dry-run plans without changing anything.
    let out = t
        .cmd()
        .args([
            "--json",
            "sync",
            "--delete",
            "--dry-run",
            "src",
            &b.url("mirror"),
        ])
        .assert()
        .success();
    let planned: Vec<(String, String)> = json_lines(&out.get_output().stdout)
        .iter()
        .filter(|r| r["status"] == "planned")
        .map(|r| {
            (
                r["op"].as_str().unwrap().to_string(),
                r["src"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(planned.len(), 3, "{planned:?}");
    assert!(
        planned
            .iter()
            .any(|(op, src)| op == "delete" && src.ends_with("a/sibling.log"))
    );
    t.cmd()
        .args(["sync", "--delete", "src", &b.url("mirror")])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "2 transferred, 1 deleted, 5 up to date",
        ));
    // The destination now matches exactly.
    t.cmd()
        .args(["get", "-r", &b.url("mirror"), "check"])
        .assert()
        .success();
    diff_r(&t.path("src"), &t.path("check"));
    t.cmd()
        .args(["sync", "--delete", "src", &b.url("mirror")])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do: 7 up to date"));
    // --checksum agrees.
    t.cmd()
        .args(["sync", "--checksum", "src", &b.url("mirror")])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do: 7 up to date"));
}

#[test]
fn sync_down_and_across_buckets() {
    let t = TestEnv::new();
    let a = t.bucket("sync-a");
    let b = t.bucket("sync-b");
    make_tree(&t, "src");
    t.cmd()
        .args(["-q", "put", "-r", "src", &a.url("data/")])
        .assert()
        .success();
    // Remote to local, twice: the second finds nothing to do (mtimes were restored).
    t.cmd()
        .args(["sync", &a.url("data"), "local"])
        .assert()
        .success();
    diff_r(&t.path("src"), &t.path("local"));
    t.cmd()
        .args(["sync", &a.url("data"), "local"])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do: 7 up to date"));
    // A local extra file goes with --delete.
    t.write("local/stray.txt", b"stray");
    t.cmd()
        .args(["sync", "--delete", &a.url("data"), "local"])
        .assert()
        .success();
    assert!(!t.path("local/stray.txt").exists());
    diff_r(&t.path("src"), &t.path("local"));
    // Remote to remote.
    t.cmd()
        .args(["sync", &a.url("data"), &b.url("copy")])
        .assert()
        .success();
    assert_eq!(keys(&t, &b.url("")).len(), 7);
    t.cmd()
        .args(["sync", &a.url("data"), &b.url("copy")])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do: 7 up to date"));
}

#[test]
fn sync_handles_symlinked_dirs_same_second_edits_and_refuses_overlaps() {
    let t = TestEnv::new();
    let b = t.bucket("sync-edge");
    // A symlinked directory `a` beside a file `a.txt`: the walk must list `a.txt` first,
    // as the server does, or --delete would take `a.txt` for a leftover.
    t.write("real/f", b"in the linked dir");
    t.write("src/a.txt", b"beside it");
    #[cfg(unix)]
    std::os::unix::fs::symlink(t.path("real"), t.path("src/a")).unwrap();
    t.cmd()
        .args(["sync", "--delete", "src", &b.url("m/")])
        .assert()
        .success()
        .stderr(predicate::str::contains("2 transferred, 0 deleted"));
    t.cmd()
        .args(["sync", "--delete", "src", &b.url("m/")])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do: 2 up to date"));
    assert_eq!(keys(&t, &b.url("m/")), ["m/a.txt", "m/a/f"]);
    // Same size, changed right after the upload (maybe within its second): still seen.
    t.write("src/a.txt", b"BESIDE IT");
    t.cmd()
        .args(["sync", "src", &b.url("m/")])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 transferred"));
    t.cmd()
        .args(["get", &b.url("m/a.txt"), "-"])
        .assert()
        .success()
        .stdout("BESIDE IT");
    // Prefixes where one holds the other: refused before any request.
    for (src, dst) in [("m/", "m/sub/"), ("m/a/", "m/"), ("m/", "m/")] {
        t.cmd()
            .args(["sync", &b.url(src), &b.url(dst)])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("overlap"));
    }
    t.cmd()
        .args(["cp", "-r", &b.url("m/"), &b.url("m/copy/")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("inside"));
    assert_eq!(keys(&t, &b.url("m/")), ["m/a.txt", "m/a/f"]);
}

#[test]
fn get_r_finishes_the_rest_when_one_object_fails() {
    let t = TestEnv::new();
    let b = t.bucket("get-partial");
    make_tree(&t, "src");
    t.cmd()
        .args(["put", "-r", "src", &b.url("t/")])
        .assert()
        .success();
    // A directory where a file must go: that one object fails, the others arrive.
    std::fs::create_dir_all(t.path("out/top.txt/in-the-way")).unwrap();
    let out = t
        .cmd()
        .args(["--json", "get", "-r", &b.url("t/"), "out"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("top.txt"))
        .stderr(predicate::str::contains("6 done, 1 failed"));
    let (records, summary) = without_summary(json_lines(&out.get_output().stdout));
    assert_eq!(summary["failed"], 1);
    assert_eq!(records.iter().filter(|r| r["status"] == "ok").count(), 6);
    let failed: Vec<_> = records.iter().filter(|r| r["status"] == "error").collect();
    // One record for the object, then the command's own error record (cli.md: errors
    // with --json are also printed as a record).
    assert_eq!(failed.len(), 2, "{records:?}");
    assert_eq!(failed[0]["op"], "get");
    assert!(failed[0]["src"].as_str().unwrap().ends_with("t/top.txt"));
    assert_eq!(failed[1]["error"]["code"], "PartialFailure");
    assert_eq!(
        std::fs::read(t.path("out/a/b/c/deep.txt")).unwrap(),
        b"deep"
    );
    // Nothing half-written is left beside the targets.
    assert!(
        files_under(&t.path("out"))
            .iter()
            .all(|f| !f.contains(".objcmd-")),
        "{:?}",
        files_under(&t.path("out"))
    );
}

/// Runs objcmd with at most `limit` open files (soft and hard), so it cannot raise it.
fn with_open_files_limit(t: &TestEnv, limit: u64, args: &[&str]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = t.std_cmd();
    cmd.args(args);
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let rl = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &rl) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

#[test]
fn a_huge_j_stays_within_a_small_open_files_limit() {
    let t = TestEnv::new();
    let b = t.bucket("fd-limit");
    let mut expected = Vec::new();
    for i in 0..150 {
        let rel = format!("d{}/f{i:03}.txt", i % 7);
        t.write(&format!("src/{rel}"), format!("file {i}").as_bytes());
        expected.push(rel);
    }
    t.write("src/big.bin", &random_bytes(11 << 20, 21));
    expected.push("big.bin".into());
    expected.sort();
    let tree_args = ["-j", "1000", "--part-size", "5MiB", "--part-jobs", "8"];
    let src = t.path("src");
    let url = b.url("t/");
    let put: Vec<&str> = tree_args
        .iter()
        .copied()
        .chain(["put", "-r", src.to_str().unwrap(), &url])
        .collect();
    let out = with_open_files_limit(&t, 64, &put);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dst = t.path("dst");
    let get: Vec<&str> = tree_args
        .iter()
        .copied()
        .chain(["get", "-r", &url, dst.to_str().unwrap()])
        .collect();
    let out = with_open_files_limit(&t, 64, &get);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(files_under(&dst), expected);
    for rel in &expected {
        assert_eq!(
            std::fs::read(dst.join(rel)).unwrap(),
            std::fs::read(src.join(rel)).unwrap(),
            "{rel}"
        );
    }
}

#[test]
fn ten_thousand_objects_at_j_64_under_a_256_file_limit() {
    // The load case of issue 7: every object arrives, none twice, within the fd limit.
    let t = TestEnv::new();
    let b = t.bucket("load");
    let mut expected = Vec::new();
    for i in 0..10_000 {
        let rel = format!("d{:02}/f{i:05}.txt", i % 100);
        t.write(&format!("src/{rel}"), format!("object {i}").as_bytes());
        expected.push(rel);
    }
    expected.sort();
    let (src, dst, url) = (t.path("src"), t.path("dst"), b.url("load/"));
    let run = |args: &[&str]| {
        let mut all = vec!["-q", "-j", "64"];
        all.extend_from_slice(args);
        let out = with_open_files_limit(&t, 256, &all);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    run(&["put", "-r", src.to_str().unwrap(), &url]);
    let listed = run(&["--json", "ls", "-r", &url]);
    assert_eq!(json_lines(&listed.stdout).len(), 10_000);
    run(&["get", "-r", &url, dst.to_str().unwrap()]);
    assert_eq!(files_under(&dst), expected);
    for (i, rel) in expected.iter().enumerate().step_by(997) {
        let n: usize = rel[rel.find('f').unwrap() + 1..rel.len() - 4]
            .parse()
            .unwrap();
        assert_eq!(
            std::fs::read(dst.join(rel)).unwrap(),
            format!("object {n}").as_bytes(),
            "{i}"
        );
    }
    run(&["rm", "-r", &url]);
    let listed = run(&["--json", "ls", "-r", &url]);
    assert!(json_lines(&listed.stdout).is_empty());
}

#[test]
fn json_records_arrive_while_a_tree_is_still_moving() {
    // A consumer of --json reads a long transfer's records as its progress: each record
    // must be on the pipe when its object is done, not when a buffer fills or at exit.
    let t = TestEnv::new();
    let b = t.bucket("flush");
    t.write("src/a.txt", b"first");
    // About 3 s at 1 MiB/s, after a.txt.
    t.write("src/b.bin", &random_bytes(3 << 20, 11));
    let mut child = t
        .std_cmd()
        .args([
            "--json",
            "--limit-rate",
            "1MiB/s",
            "-j",
            "1",
            "put",
            "-r",
            "src",
        ])
        .arg(b.url("p/"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    let first_at = std::time::Instant::now();
    assert!(child.wait().unwrap().success());
    let record: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(record["dst"], b.url("p/a.txt"));
    let before_the_end = first_at.elapsed();
    assert!(
        before_the_end > std::time::Duration::from_millis(1500),
        "the first record came only {before_the_end:?} before objcmd exited"
    );
}
