//! Interruptions (issue 7): SIGKILL at random moments during `get` and `sync` never leaves
//! a partial file under a target's name and a rerun converges; Ctrl-C during recursive
//! transfers exits 130 and removes temp files; a second Ctrl-C exits at once; an
//! interrupted sync says what it transferred and what it did not do (issue 15).

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

/// Runs `args` (slowed down), interrupts it with SIGINT after `after`, and returns its
/// exit code, stdout and stderr.
fn interrupt_after(t: &TestEnv, args: &[&str], after: Duration) -> (Option<i32>, String, String) {
    let child = t
        .std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    signal(&child, "-INT");
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The counts of the line `objcmd: error: interrupted: N transferred, M not done`.
fn interrupted_counts(text: &str) -> Option<(usize, usize)> {
    let rest = text.split("interrupted: ").nth(1)?;
    let rest = rest.lines().next()?;
    let transferred = rest.split(" transferred").next()?.trim().parse().ok()?;
    let not_done = rest
        .split(", ")
        .find_map(|p| p.strip_suffix(" not done"))?
        .trim()
        .parse()
        .ok()?;
    Some((transferred, not_done))
}

#[test]
fn an_interrupted_sync_says_what_was_transferred_and_what_was_not_done() {
    let t = TestEnv::new();
    let b = t.bucket("int-sync");
    for i in 0..6 {
        t.write(&format!("src/f{i}.bin"), &random_bytes(1 << 20, 300 + i));
    }
    let slow = ["--limit-rate", "1MiB/s"];
    let keys_under = |prefix: &str| -> usize {
        let out = t
            .cmd()
            .args(["--json", "ls", "-r", &b.url(prefix)])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).lines().count()
    };
    // Upload, 2 at a time and 1 at a time: stopped with files done and files left.
    for (jobs, prefix) in [("2", "up2/"), ("1", "up1/")] {
        let dst = b.url(prefix);
        let args = [&slow[..], &["-j", jobs, "sync", "src", &dst]].concat();
        let (code, _, stderr) = interrupt_after(&t, &args, Duration::from_millis(3000));
        assert_eq!(code, Some(130), "-j {jobs}: {stderr}");
        let (transferred, not_done) = interrupted_counts(&stderr)
            .unwrap_or_else(|| panic!("-j {jobs}: no interrupted line in {stderr:?}"));
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("objcmd: error: interrupted: ")),
            "{stderr}"
        );
        assert!(
            !stderr.contains("up to date"),
            "no normal summary: {stderr}"
        );
        // An upload whose reply the interruption beat may be stored all the same: at most
        // one per job.
        let stored = keys_under(prefix);
        let jobs_n: usize = jobs.parse().unwrap();
        assert!(
            transferred <= stored && stored <= transferred + jobs_n,
            "-j {jobs}: {stored} stored: {stderr}"
        );
        assert!(transferred >= 1, "-j {jobs}: caught too late: {stderr}");
        assert!(not_done >= 1, "-j {jobs}: {stderr}");
        assert!(transferred + not_done <= 6, "-j {jobs}: {stderr}");
    }
    // Download with --json: the error record carries the same text, and nothing says
    // "nothing to do".
    t.cmd()
        .args(["-q", "put", "-r", "src", &b.url("all/")])
        .assert()
        .success();
    let src = b.url("all/");
    let args = [&slow[..], &["--json", "-j", "2", "sync", &src, "dst"]].concat();
    let (code, stdout, stderr) = interrupt_after(&t, &args, Duration::from_millis(3000));
    assert_eq!(code, Some(130), "{stderr}");
    assert!(!stderr.contains("nothing to do"), "{stderr}");
    let records = crate::support::json_lines(stdout.as_bytes());
    let last = records.last().expect("an error record");
    assert_eq!(last["status"], "error", "{stdout}");
    assert_eq!(last["error"]["code"], "Interrupted", "{stdout}");
    let message = last["error"]["message"].as_str().unwrap();
    let (transferred, not_done) =
        interrupted_counts(message).unwrap_or_else(|| panic!("{message:?}"));
    assert!(stderr.contains(message), "{stderr}");
    let done = records
        .iter()
        .filter(|r| r["op"] == "get" && r["status"] == "ok")
        .count();
    assert_eq!(transferred, done, "{stdout}");
    assert_eq!(transferred, visible_files(&t.path("dst")).len());
    assert!(transferred >= 1 && not_done >= 1, "{message}");
}

#[test]
fn a_sync_interrupted_in_a_large_upload_is_resumed_by_the_next_sync() {
    let t = TestEnv::new();
    let b = t.bucket("int-sync-resume");
    let data = random_bytes(12 << 20, 77);
    t.write("src/big.bin", &data);
    let dst = b.url("mirror/");
    let args = [
        "--limit-rate",
        "2MiB/s",
        "--part-size",
        "5MiB",
        "--part-jobs",
        "1",
        "sync",
        "src",
        &dst,
    ];
    let (code, _, stderr) = interrupt_after(&t, &args, Duration::from_millis(3500));
    assert_eq!(code, Some(130), "{stderr}");
    assert!(stderr.contains("kept for --continue"), "{stderr}");
    assert!(
        stderr.contains("hint: resume it: objcmd put --continue"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: run the same sync again"), "{stderr}");
    // The same sync again sends only the parts that are missing.
    let out = t
        .cmd()
        .args(["-v", "--part-size", "5MiB", "sync", "src", &dst])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("resuming upload"), "{stderr}");
    // Named with a scheme (the profile's: the engine does not see what was typed).
    let named = format!("://{}/mirror/big.bin: ", b.name);
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("resuming upload") && l.contains(&named)),
        "{stderr}"
    );
    t.cmd()
        .args(["get", &b.url("mirror/big.bin"), "back.bin"])
        .assert()
        .success();
    assert_eq!(std::fs::read(t.path("back.bin")).unwrap(), data);
}
