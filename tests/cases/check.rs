//! `check`: two trees compared as sync pairs them, every way (local, remote, across), exit 0
//! when identical and 7 with each difference listed; `--checksum`, `--one-way`, filters,
//! `--json`; a missing side is one error line; and nothing is ever changed.

use std::time::{Duration, SystemTime};

use crate::support::{TestBucket, TestEnv, json_lines, random_bytes};

fn stdout_lines(out: &assert_cmd::assert::Assert) -> Vec<String> {
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(str::to_string)
        .collect();
    // Comparisons run on workers: the order of the lines is not fixed.
    lines.sort();
    lines
}

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

/// Everything a check could change: each object's listing record, each local file's bytes
/// and mtime.
fn snapshot(t: &TestEnv, b: &TestBucket, dirs: &[&str]) -> Vec<String> {
    let out = t
        .cmd()
        .args(["--json", "ls", "-r", &b.url("")])
        .assert()
        .success();
    let mut all: Vec<String> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r.to_string())
        .collect();
    for dir in dirs {
        let mut stack = vec![t.path(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let mtime = path.metadata().unwrap().modified().unwrap();
                let bytes = std::fs::read(&path).unwrap();
                all.push(format!("{} {mtime:?} {bytes:?}", path.display()));
            }
        }
    }
    all.sort();
    all
}

/// Sets a file's mtime an hour back: older than any object uploaded from it, so that only
/// content can tell it changed.
fn age(t: &TestEnv, name: &str) {
    let file = std::fs::File::options()
        .write(true)
        .open(t.path(name))
        .unwrap();
    let past = SystemTime::now() - Duration::from_secs(3600);
    file.set_modified(past).unwrap();
}

fn make_tree(t: &TestEnv, dir: &str) {
    t.write(&format!("{dir}/a.txt"), b"alpha");
    t.write(&format!("{dir}/sub/b.txt"), b"bravo!");
    t.write(&format!("{dir}/sub/deep/c.bin"), &random_bytes(3000, 7));
}

#[test]
fn check_finds_identical_trees_every_way() {
    let t = TestEnv::new();
    let b = t.bucket("check-same");
    make_tree(&t, "src");
    t.cmd()
        .args(["-q", "sync", "src", &b.url("up/")])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "sync", &b.url("up/"), "down"])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "sync", &b.url("up/"), &b.url("across/")])
        .assert()
        .success();
    for (src, dst) in [
        ("src".to_string(), b.url("up")),
        (b.url("up/"), "down".to_string()),
        (b.url("up/"), b.url("across/")),
    ] {
        for checksum in [None, Some("--checksum")] {
            let out = t
                .cmd()
                .args(["check", &src, &dst])
                .args(checksum)
                .assert()
                .code(0)
                .stdout("");
            assert!(
                stderr_of(&out)
                    .contains("3 identical, 0 differ, 0 missing in DST, 0 missing in SRC"),
                "{src} {dst} {checksum:?}: {}",
                stderr_of(&out)
            );
        }
    }
    // -q: no summary.
    t.cmd()
        .args(["-q", "check", "src", &b.url("up/")])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn check_lists_each_difference_and_changes_nothing() {
    let t = TestEnv::new();
    let b = t.bucket("check-diff");
    make_tree(&t, "src");
    t.cmd()
        .args(["-q", "sync", "src", &b.url("up/")])
        .assert()
        .success();
    // Another size, a file only SRC has, an object only DST has.
    t.write("src/sub/b.txt", b"bravo, longer");
    t.write("src/new.txt", b"new");
    t.write("extra.txt", b"extra");
    t.cmd()
        .args(["-q", "put", "extra.txt", &b.url("up/zz/extra.txt")])
        .assert()
        .success();
    let before = snapshot(&t, &b, &["src"]);
    let out = t
        .cmd()
        .args(["check", "src", &b.url("up/")])
        .assert()
        .code(7);
    assert_eq!(
        stdout_lines(&out),
        [
            "differs: sub/b.txt",
            "missing in DST: new.txt",
            "missing in SRC: zz/extra.txt"
        ]
    );
    assert!(
        stderr_of(&out).contains("2 identical, 1 differ, 1 missing in DST, 1 missing in SRC"),
        "{}",
        stderr_of(&out)
    );
    // The other way round, the sides swap.
    let out = t
        .cmd()
        .args(["check", &b.url("up/"), "src"])
        .assert()
        .code(7);
    assert_eq!(
        stdout_lines(&out),
        [
            "differs: sub/b.txt",
            "missing in DST: zz/extra.txt",
            "missing in SRC: new.txt"
        ]
    );
    // --one-way: what only DST has does not count.
    let out = t
        .cmd()
        .args(["check", "--one-way", "src", &b.url("up/")])
        .assert()
        .code(7);
    assert_eq!(
        stdout_lines(&out),
        ["differs: sub/b.txt", "missing in DST: new.txt"]
    );
    // --json: one record per difference.
    let out = t
        .cmd()
        .args(["--json", "check", "src", &b.url("up/")])
        .assert()
        .code(7);
    let mut records = json_lines(&out.get_output().stdout);
    records.sort_by_key(|r| r["path"].as_str().unwrap().to_string());
    let states: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["path"].as_str().unwrap(), r["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [
            ("new.txt", "missing_dst"),
            ("sub/b.txt", "differs"),
            ("zz/extra.txt", "missing_src")
        ]
    );
    assert_eq!(records[0]["src"], "src/new.txt");
    assert_eq!(records[0]["dst"], b.url("up/new.txt"));
    // Filters narrow both sides.
    let out = t
        .cmd()
        .args(["check", "--exclude", "sub/", "--exclude", "zz/*"])
        .args(["src", &b.url("up/")])
        .assert()
        .code(7);
    assert_eq!(stdout_lines(&out), ["missing in DST: new.txt"]);
    t.cmd()
        .args(["check", "--exclude", "*", "--include", "a.txt"])
        .args(["src", &b.url("up/")])
        .assert()
        .code(0);
    assert_eq!(
        snapshot(&t, &b, &["src"]),
        before,
        "check changed something"
    );
}

#[test]
fn check_checksum_catches_same_size_different_content() {
    let t = TestEnv::new();
    let b = t.bucket("check-sum");
    t.write("src/one.txt", b"first");
    // Multipart, with the part size recorded: its ETag is recomputed from the file.
    t.write("src/big.bin", &random_bytes(6 << 20, 1));
    t.cmd()
        .args([
            "-q",
            "put",
            "-r",
            "src",
            &b.url("up/"),
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "cp", "-r", &b.url("up/"), &b.url("across/")])
        .assert()
        .success();
    t.cmd()
        .args(["check", "--checksum", "src", &b.url("up/")])
        .assert()
        .code(0);
    // Same sizes, other bytes, and older than the objects: times say nothing changed.
    t.write("src/one.txt", b"FIRST");
    let mut big = random_bytes(6 << 20, 1);
    big[(6 << 20) - 1] ^= 1;
    t.write("src/big.bin", &big);
    age(&t, "src/one.txt");
    age(&t, "src/big.bin");
    t.cmd()
        .args(["check", "src", &b.url("up/")])
        .assert()
        .code(0);
    let out = t
        .cmd()
        .args(["check", "--checksum", "src", &b.url("up/")])
        .assert()
        .code(7);
    assert_eq!(stdout_lines(&out), ["differs: big.bin", "differs: one.txt"]);
    // Remote to remote: a newer copy of the same size counts as the same by time only.
    t.cmd()
        .args(["-q", "put", "src/one.txt", &b.url("across/one.txt")])
        .assert()
        .success();
    t.cmd()
        .args(["check", &b.url("up/"), &b.url("across/")])
        .assert()
        .code(0);
    let out = t
        .cmd()
        .args(["check", "--checksum", &b.url("up/"), &b.url("across/")])
        .assert()
        .code(7);
    assert_eq!(stdout_lines(&out), ["differs: one.txt"]);
}

#[test]
fn check_with_a_missing_side_says_so_in_one_line() {
    let t = TestEnv::new();
    let b = t.bucket("check-gone");
    t.write("src/a.txt", b"alpha");
    let missing = format!("s3://{}-nope/", b.name);
    for (src, dst) in [
        ("src".to_string(), missing.clone()),
        (missing.clone(), "src".to_string()),
        ("no-such-dir".to_string(), b.url("")),
        (b.url(""), "no-such-dir".to_string()),
    ] {
        let out = t
            .cmd()
            .args(["check", &src, &dst])
            .assert()
            .code(4)
            .stdout("");
        let stderr = stderr_of(&out);
        // One error line (and perhaps a hint), not a line per path of the other side.
        let (first, rest) = stderr.split_once('\n').unwrap();
        assert!(
            first.starts_with("objcmd: error: "),
            "{src} {dst}: {stderr}"
        );
        assert!(
            rest.lines().all(|l| l.starts_with("hint: ")),
            "{src} {dst}: {stderr}"
        );
    }
    // Two local sides: nothing remote to check.
    t.cmd().args(["check", "src", "src"]).assert().code(2);
    assert!(!t.path("no-such-dir").exists());
}

#[test]
fn check_checksum_compares_the_stored_crc64_where_multipart_etags_cannot() {
    let t = TestEnv::new();
    let b = t.bucket("check-crc");
    t.write("big.bin", &random_bytes(11 << 20, 3));
    // The same bytes in other parts (another multipart ETag), the destination older.
    t.cmd()
        .args(["-q", "put", "big.bin", &b.url("across/big.bin")])
        .args(["--part-size", "6MiB"])
        .assert()
        .success();
    std::thread::sleep(Duration::from_millis(1100));
    t.cmd()
        .args(["-q", "put", "big.bin", &b.url("up/big.bin")])
        .args(["--part-size", "5MiB"])
        .assert()
        .success();
    // By time, an older destination differs.
    t.cmd()
        .args(["check", &b.url("up/"), &b.url("across/")])
        .assert()
        .code(7);
    // OSS and KS3 store a CRC-64 of every object: the content is the same. S3 has none:
    // the ETags cannot tell, and the times decide.
    let code = match crate::support::dialect() {
        objcmd::client::Dialect::S3 => 7,
        _ => 0,
    };
    t.cmd()
        .args(["check", "--checksum", &b.url("up/"), &b.url("across/")])
        .assert()
        .code(code);
}
