//! Interruptions (issue 7): SIGKILL at random moments during `get` and `sync` never leaves
//! a partial file under a target's name and a rerun converges; Ctrl-C during recursive
//! transfers exits 130 and removes temp files; a second Ctrl-C exits at once.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{TestEnv, dir_entries, md5_file, md5_hex, random_bytes};

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([name, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Pseudo-random delays (deterministic, so that a failure reproduces).
fn delays(n: usize, max_ms: u64, seed: u64) -> Vec<Duration> {
    random_bytes(n * 8, seed)
        .chunks(8)
        .map(|c| Duration::from_millis(u64::from_le_bytes(c.try_into().unwrap()) % max_ms))
        .collect()
}

/// Every file under `dir` (relative, sorted) except objcmd's hidden temp files.
fn visible_files(dir: &std::path::Path) -> Vec<String> {
    let mut out: Vec<String> = walk(dir)
        .into_iter()
        .filter(|p| !p.rsplit('/').next().unwrap_or("").contains(".objcmd-"))
        .collect();
    out.sort();
    out
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()).into_iter().map(|p| format!("{name}/{p}")));
        } else {
            out.push(name);
        }
    }
    out
}

#[test]
fn sigkill_during_get_leaves_the_old_file_or_the_new_one_never_a_partial_one() {
    let t = TestEnv::new();
    let b = t.bucket("kill-get");
    let data = random_bytes(6 << 20, 71);
    t.write("src.bin", &data);
    t.cmd()
        .args([
            "-q",
            "put",
            "src.bin",
            &b.url("obj.bin"),
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    let old = b"the old content".to_vec();
    t.write("target.bin", &old);
    let (old_md5, new_md5) = (md5_hex(&old), md5_hex(&data));
    let mut caught_mid_way = 0;
    for (i, delay) in delays(20, 500, 7).into_iter().enumerate() {
        // Leftovers of the previous kill would make this one look caught mid-way.
        for name in dir_entries(t.dir.path()) {
            if name.starts_with(".target.bin.objcmd-") {
                std::fs::remove_file(t.path(&name)).unwrap();
            }
        }
        let mut child = t
            .std_cmd()
            .args(["-q", "get", &b.url("obj.bin"), "target.bin"])
            .args(["--part-size", "5MiB", "--limit-rate", "24MiB/s"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        signal(&child, "-KILL");
        child.wait().unwrap();
        if dir_entries(t.dir.path())
            .iter()
            .any(|n| n.starts_with(".target.bin.objcmd-"))
        {
            caught_mid_way += 1;
        }
        let now = md5_file(&t.path("target.bin"));
        assert!(
            now == old_md5 || now == new_md5,
            "kill {i} after {delay:?}: a partial file"
        );
        if now == new_md5 {
            // Put the old one back, so that the next kill can catch a half-done download.
            t.write("target.bin", &old);
        }
    }
    // The kills did land during downloads (a temp file was there), not only around them.
    assert!(
        caught_mid_way >= 3,
        "only {caught_mid_way} kills caught a download"
    );
    // A rerun converges, and the temp files of the killed runs do not get in its way.
    t.cmd()
        .args(["-q", "get", &b.url("obj.bin"), "target.bin"])
        .assert()
        .success();
    assert_eq!(md5_file(&t.path("target.bin")), new_md5);
}

#[test]
fn sigkill_during_sync_never_leaves_partial_files_and_a_rerun_converges() {
    let t = TestEnv::new();
    let b = t.bucket("kill-sync");
    for i in 0..24 {
        t.write(
            &format!("src/d{}/f{i}.bin", i % 3),
            &random_bytes(200_000 + i * 1000, i as u64),
        );
    }
    t.cmd()
        .args(["-q", "put", "-r", "src", &b.url("tree/")])
        .assert()
        .success();
    let mut partial_trees = 0;
    for (i, delay) in delays(20, 600, 11).into_iter().enumerate() {
        let mut child = t
            .std_cmd()
            .args(["-q", "-j", "4", "sync", &b.url("tree/"), "dst"])
            .args(["--limit-rate", "8MiB/s"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        signal(&child, "-KILL");
        child.wait().unwrap();
        let visible = visible_files(&t.path("dst"));
        if visible.len() < 24 {
            partial_trees += 1;
        }
        // Whatever is visible under its own name is complete.
        for rel in visible {
            assert_eq!(
                md5_file(&t.path(&format!("dst/{rel}"))),
                md5_file(&t.path(&format!("src/{rel}"))),
                "kill {i} after {delay:?}: {rel} is partial"
            );
        }
    }
    assert!(partial_trees >= 1, "no kill landed during a sync");
    t.cmd()
        .args(["-q", "sync", &b.url("tree/"), "dst"])
        .assert()
        .success();
    assert_eq!(visible_files(&t.path("dst")), visible_files(&t.path("src")));
    for rel in visible_files(&t.path("src")) {
        assert_eq!(
            md5_file(&t.path(&format!("dst/{rel}"))),
            md5_file(&t.path(&format!("src/{rel}")))
        );
    }
}

#[test]
fn ctrl_c_during_recursive_transfers_exits_130_and_removes_temp_files() {
    let t = TestEnv::new();
    let b = t.bucket("int-tree");
    for i in 0..12 {
        t.write(&format!("src/f{i}.bin"), &random_bytes(1 << 20, 100 + i));
    }
    let slow = ["--limit-rate", "2MiB/s", "-j", "4"];
    let run_and_interrupt = |args: &[&str]| {
        let mut child = t
            .std_cmd()
            .args(slow)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(800));
        signal(&child, "-INT");
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "{args:?}");
    };
    run_and_interrupt(&["put", "-r", "src", &b.url("tree/")]);
    t.cmd()
        .args(["-q", "put", "-r", "src", &b.url("tree/")])
        .assert()
        .success();
    run_and_interrupt(&["get", "-r", &b.url("tree/"), "dst"]);
    let left: Vec<String> = walk(&t.path("dst"))
        .into_iter()
        .filter(|p| p.contains(".objcmd-"))
        .collect();
    assert!(left.is_empty(), "temp files left: {left:?}");
    for rel in visible_files(&t.path("dst")) {
        assert_eq!(
            md5_file(&t.path(&format!("dst/{rel}"))),
            md5_file(&t.path(&format!("src/{rel}"))),
            "{rel}"
        );
    }
}

#[test]
fn a_second_ctrl_c_exits_at_once() {
    let t = TestEnv::new();
    let b = t.bucket("int-twice");
    t.write("big.bin", &random_bytes(4 << 20, 5));
    t.cmd()
        .args(["-q", "put", "big.bin", &b.url("big.bin")])
        .assert()
        .success();
    let mut child = t
        .std_cmd()
        .args([
            "--limit-rate",
            "256KiB/s",
            "get",
            &b.url("big.bin"),
            "out.bin",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    signal(&child, "-INT");
    signal(&child, "-INT");
    let started = Instant::now();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(!t.path("out.bin").exists());
}
