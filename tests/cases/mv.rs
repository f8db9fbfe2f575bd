//! `mv`: every direction, trees, and that no object is ever lost: a source is deleted only
//! after its copy is complete, a failed or skipped copy keeps it, and an interrupted move
//! leaves each object whole at the source, the destination or both.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{TestEnv, json_lines, md5_hex, random_bytes};

/// The keys under `prefix` of a bucket, with their MD5-or-multipart ETags.
fn keys(t: &TestEnv, url: &str) -> Vec<String> {
    let out = t.cmd().args(["--json", "ls", "-r", url]).assert().success();
    json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect()
}

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn mv_moves_one_file_or_object_every_way() {
    let t = TestEnv::new();
    let b = t.bucket("mv-one");
    t.write("a.txt", b"alpha");
    // Local to remote: the file goes once the object is there.
    t.cmd()
        .args(["mv", "a.txt", &b.url("a.txt")])
        .assert()
        .success()
        .stdout(format!("move: a.txt -> {} (5 bytes)\n", b.url("a.txt")));
    assert!(!t.path("a.txt").exists());
    // Remote to remote, into a prefix under its own name.
    t.cmd()
        .args(["mv", &b.url("a.txt"), &b.url("moved/")])
        .assert()
        .success();
    assert_eq!(keys(&t, &b.url("")), ["moved/a.txt"]);
    // Remote to local, into a directory.
    std::fs::create_dir(t.path("down")).unwrap();
    let out = t
        .cmd()
        .args(["--json", "mv", &b.url("moved/a.txt"), "down"])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records[0]["op"], "move");
    assert_eq!(records[0]["status"], "ok");
    assert_eq!(std::fs::read(t.path("down/a.txt")).unwrap(), b"alpha");
    assert!(keys(&t, &b.url("")).is_empty());
}

#[test]
fn mv_r_moves_trees_and_removes_the_emptied_directories() {
    let t = TestEnv::new();
    let b = t.bucket("mv-tree");
    for (name, seed) in [
        ("src/a.bin", 1),
        ("src/sub/b.bin", 2),
        ("src/sub/deep/c.bin", 3),
    ] {
        t.write(name, &random_bytes(1000 + seed as usize, seed));
    }
    let md5_c = md5_hex(&random_bytes(1003, 3));
    t.cmd()
        .args(["-q", "mv", "-r", "src", &b.url("up/")])
        .assert()
        .success();
    assert!(!t.path("src").exists(), "the emptied tree is removed");
    assert_eq!(
        keys(&t, &b.url("up/")),
        ["up/a.bin", "up/sub/b.bin", "up/sub/deep/c.bin"]
    );
    t.cmd()
        .args(["-q", "mv", "-r", &b.url("up/"), &b.url("across/")])
        .assert()
        .success();
    assert!(keys(&t, &b.url("up/")).is_empty());
    t.cmd()
        .args(["-q", "mv", "-r", &b.url("across/"), "back"])
        .assert()
        .success();
    assert!(keys(&t, &b.url("")).is_empty());
    assert_eq!(
        md5_hex(&std::fs::read(t.path("back/sub/deep/c.bin")).unwrap()),
        md5_c
    );
    // With filters: only what they take moves, the rest stays.
    t.cmd()
        .args([
            "-q",
            "mv",
            "-r",
            "back",
            &b.url("logs/"),
            "--exclude",
            "*",
            "--include",
            "a.bin",
        ])
        .assert()
        .success();
    assert_eq!(keys(&t, &b.url("")), ["logs/a.bin"]);
    assert!(t.path("back/sub/b.bin").exists() && !t.path("back/a.bin").exists());
}

#[test]
fn mv_keeps_every_source_whose_copy_did_not_happen() {
    let t = TestEnv::new();
    let b = t.bucket("mv-keep");
    t.write("a.txt", b"alpha");
    t.write("b.txt", b"beta");
    t.cmd()
        .args(["-q", "put", "b.txt", &b.url("b.txt")])
        .assert()
        .success();
    // Onto itself: refused before anything (exit 2), the object stays.
    let out = t
        .cmd()
        .args(["mv", &b.url("b.txt"), &b.url("b.txt")])
        .assert()
        .code(2);
    assert!(
        stderr_of(&out).contains("would delete the only copy"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(keys(&t, &b.url("")), ["b.txt"]);
    // --no-clobber: the destination exists, so the source is skipped and kept.
    t.cmd()
        .args(["mv", "--no-clobber", "b.txt", &b.url("b.txt")])
        .assert()
        .success()
        .stdout(format!("skip: b.txt -> {} (exists)\n", b.url("b.txt")));
    assert!(t.path("b.txt").exists());
    // A missing bucket: the copy fails, the file stays (exit 4).
    let none = format!("s3://{}-none/a.txt", b.name);
    t.cmd().args(["mv", "a.txt", &none]).assert().code(4);
    assert_eq!(std::fs::read(t.path("a.txt")).unwrap(), b"alpha");
    // Several sources, one failing: the others move, exit 3, the failed one stays.
    let out = t
        .cmd()
        .args(["mv", "a.txt", "missing.txt", &b.url("p/")])
        .assert()
        .code(4);
    assert!(stderr_of(&out).contains("missing.txt: no such file"));
    assert!(t.path("a.txt").exists(), "checked before anything moved");
    t.cmd()
        .args(["mv", &b.url("gone.txt"), "x.txt"])
        .assert()
        .code(4);
    // A directory without -r, stdin, two local sides: usage errors.
    std::fs::create_dir(t.path("dir")).unwrap();
    t.cmd().args(["mv", "dir", &b.url("d/")]).assert().code(2);
    t.cmd().args(["mv", "-", &b.url("k")]).assert().code(2);
    t.cmd().args(["mv", "a.txt", "c.txt"]).assert().code(2);
    // --dry-run moves nothing.
    let out = t
        .cmd()
        .args(["--json", "mv", "--dry-run", "a.txt", &b.url("a.txt")])
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout)[0]["status"], "planned");
    assert!(t.path("a.txt").exists());
    assert_eq!(keys(&t, &b.url("")), ["b.txt"]);
}

#[test]
fn an_interrupted_mv_r_loses_nothing() {
    let t = TestEnv::new();
    let b = t.bucket("mv-int");
    let count = 40;
    for i in 0..count {
        t.write(
            &format!("src/f{i:02}.bin"),
            &random_bytes(256 << 10, 100 + i),
        );
    }
    let child = t
        .std_cmd()
        .args([
            "-j",
            "4",
            "--limit-rate",
            "256KiB/s",
            "mv",
            "-r",
            "src",
            &b.url("p/"),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupted once some objects have moved (the rate cap keeps the rest going).
    crate::support::wait_until("a first object to move", || {
        !keys(&t, &b.url("p/")).is_empty()
    });
    std::thread::sleep(Duration::from_millis(300));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let moved = keys(&t, &b.url("p/"));
    assert!(
        !moved.is_empty() && moved.len() < count as usize,
        "{moved:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for i in 0..count {
        let name = format!("f{i:02}.bin");
        let local = t.path(&format!("src/{name}"));
        let key = format!("p/{name}");
        let data = random_bytes(256 << 10, 100 + i);
        if local.exists() {
            assert_eq!(
                std::fs::read(&local).unwrap(),
                data,
                "{name} whole at the source"
            );
        } else {
            assert!(moved.contains(&key), "{name} is nowhere");
            let got = t.cmd().args(["cat", &b.url(&key)]).assert().success();
            assert_eq!(
                got.get_output().stdout,
                data,
                "{name} whole at the destination"
            );
        }
    }
}
