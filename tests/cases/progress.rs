//! Progress and summaries of the tree commands through pipes (how scripts and CI run
//! them): `--progress lines` status lines, the summary line on stderr, the `--json`
//! summary record, `-q`, and the first failure named in a partial run's summary. The bar
//! on a terminal is tested in terminal.rs.

use predicates::prelude::*;

use crate::support::{TestEnv, json_lines, random_bytes, without_summary};

/// Writes `n` files of `size` bytes under `dir`.
fn files(t: &TestEnv, dir: &str, n: u64, size: usize) {
    for i in 0..n {
        t.write(&format!("{dir}/f{i:02}.bin"), &random_bytes(size, i));
    }
}

/// The stderr lines of a finished command.
fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn progress_lines_print_status_lines_into_a_pipe_during_a_slow_tree() {
    let t = TestEnv::new();
    let b = t.bucket("lines");
    // Above 64 KiB, so that the rate cap paces each body (smaller ones go in one piece).
    files(&t, "tree", 6, 256 << 10);
    // 1.5 MiB at 512 KiB/s: about three seconds, a status line each second.
    let out = t
        .cmd()
        .args(["--progress", "lines", "--progress-interval", "1"])
        .args(["--limit-rate", "512KiB/s", "-j", "2", "put", "-r", "tree"])
        .arg(b.url("tree/"))
        .assert()
        .success();
    let out = out.get_output();
    let lines = stderr_lines(out);
    let status: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("objcmd: progress: "))
        .collect();
    assert!(status.len() >= 2, "{lines:#?}");
    // `objcmd: progress: 2/6 objects, 512 KiB/1.5 MiB, 512 KiB/s, ETA 2s, 1s elapsed`
    assert!(
        status
            .iter()
            .all(|l| l.contains(" objects, ") && l.ends_with(" elapsed")),
        "{status:#?}"
    );
    assert!(
        status
            .iter()
            .any(|l| l.contains("/6 objects") && l.contains("ETA")),
        "the totals once the walk is complete: {status:#?}"
    );
    // Plain lines: no bar, no carriage return, no escape sequence.
    assert!(!out.stderr.contains(&b'\r') && !out.stderr.contains(&0x1b));
    // The summary is the last line.
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("objcmd: 6 uploaded, 0 skipped, 0 failed, 1.5 MiB in "),
        "{lines:#?}"
    );

    // auto, bar and the default draw nothing into a pipe: only the summary is there.
    for mode in [
        &["--progress", "bar"][..],
        &["--progress", "auto"][..],
        &[][..],
    ] {
        let out = t
            .cmd()
            .args(mode)
            .args(["get", "-r", &b.url("tree/"), "back"])
            .assert()
            .success();
        let lines = stderr_lines(out.get_output());
        assert_eq!(lines.len(), 1, "{mode:?}: {lines:#?}");
        assert!(
            lines[0].starts_with("objcmd: 6 downloaded, 0 skipped, 0 failed, 1.5 MiB in "),
            "{lines:#?}"
        );
    }
    // An interval of 0 is refused.
    t.cmd()
        .args(["--progress-interval", "0", "ls", &b.url("")])
        .assert()
        .code(2);
}

#[test]
fn progress_lines_follow_a_single_transfer_too() {
    let t = TestEnv::new();
    let b = t.bucket("lines-one");
    t.write("one.bin", &random_bytes(3 << 20, 7));
    let slow = [
        "--progress",
        "lines",
        "--progress-interval",
        "1",
        "--limit-rate",
        "1MiB/s",
    ];
    // About three seconds each way: a status line each second, counted as sent.
    let put = t
        .cmd()
        .args(slow)
        .args(["put", "one.bin", &b.url("one.bin")])
        .assert()
        .success();
    let get = t
        .cmd()
        .args(slow)
        .args(["get", &b.url("one.bin"), "back.bin"])
        .assert()
        .success();
    for (out, name) in [
        (put.get_output(), "one.bin: "),
        (get.get_output(), "one.bin: "),
    ] {
        let lines = stderr_lines(out);
        let status: Vec<&String> = lines
            .iter()
            .filter(|l| l.starts_with("objcmd: progress: ") && l.contains(name))
            .collect();
        assert!(status.len() >= 2, "{lines:#?}");
        // `objcmd: progress: one.bin: 1 MiB/3 MiB, 1 MiB/s, ETA 2s, 1s elapsed`, moving.
        assert!(status.iter().all(|l| l.contains("/3 MiB, ")), "{status:#?}");
        assert!(status.iter().any(|l| !l.contains(": 0 B/")), "{status:#?}");
        assert!(!out.stderr.contains(&b'\r') && !out.stderr.contains(&0x1b));
    }
    assert_eq!(
        std::fs::read(t.path("back.bin")).unwrap(),
        std::fs::read(t.path("one.bin")).unwrap()
    );
}

/// Runs `args` with `--json`; returns its records and the summary, which must come last.
fn json_run(t: &TestEnv, args: &[&str]) -> (Vec<serde_json::Value>, serde_json::Value) {
    let out = t.cmd().arg("--json").args(args).assert().success();
    without_summary(json_lines(&out.get_output().stdout))
}

#[test]
fn json_tree_commands_end_with_the_summary_record() {
    let t = TestEnv::new();
    let b = t.bucket("json-summary");
    files(&t, "tree", 5, 1000);
    let (records, summary) = json_run(&t, &["put", "-r", "tree", &b.url("p/")]);
    assert_eq!(records.len(), 5, "{records:#?}");
    assert_eq!(summary["ok"], 5, "{summary}");
    assert_eq!(summary["skipped"], 0);
    assert_eq!(summary["failed"], 0);
    assert_eq!(summary["bytes"], 5000);
    assert!(summary["seconds"].as_f64().is_some(), "{summary}");

    let (records, summary) = json_run(&t, &["get", "-r", &b.url("p/"), "back"]);
    assert_eq!((records.len(), summary["ok"].clone()), (5, 5.into()));
    assert_eq!(summary["bytes"], 5000);

    // A sync with nothing to do: every object skipped as up to date.
    let (records, summary) = json_run(&t, &["sync", "tree", &b.url("p/")]);
    assert_eq!(records.len(), 5, "{records:#?}");
    assert_eq!(
        (summary["ok"].clone(), summary["skipped"].clone()),
        (0.into(), 5.into())
    );
    t.write("tree/new.bin", b"new");
    let (_, summary) = json_run(&t, &["sync", "tree", &b.url("p/")]);
    assert_eq!(
        (summary["ok"].clone(), summary["bytes"].clone()),
        (1.into(), 3.into())
    );

    // cp -r, set-meta -r and mv -r: the same record, in their own counts.
    let (records, summary) = json_run(&t, &["cp", "-r", &b.url("p/"), &b.url("c/")]);
    assert_eq!((records.len(), summary["ok"].clone()), (6, 6.into()));
    assert_eq!(summary["bytes"], 5003);
    let c = b.url("c/");
    let (_, summary) = json_run(&t, &["set-meta", "-r", "--meta", "k=v", &c]);
    assert_eq!(
        (summary["ok"].clone(), summary["failed"].clone()),
        (6.into(), 0.into())
    );
    let (_, summary) = json_run(&t, &["mv", "-r", &b.url("c/"), &b.url("m/")]);
    assert_eq!(
        (summary["ok"].clone(), summary["bytes"].clone()),
        (6.into(), 5003.into())
    );
    // The human summary of a delete gives no size: nothing moved.
    t.cmd()
        .args(["rm", "-r", &b.url("m/")])
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "objcmd: 6 deleted, 0 skipped, 0 failed in ",
        ));

    let (records, summary) = json_run(&t, &["rm", "-r", &b.url("p/")]);
    assert_eq!(records.len(), 6, "{records:#?}");
    assert_eq!(
        (summary["ok"].clone(), summary["failed"].clone()),
        (6.into(), 0.into())
    );
}

#[test]
fn quiet_prints_no_summary() {
    let t = TestEnv::new();
    let b = t.bucket("quiet-summary");
    files(&t, "tree", 3, 100);
    t.cmd()
        .args(["-q", "put", "-r", "tree", &b.url("p/")])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    // Even --progress lines is silent under -q; the --json summary is a result, kept.
    let out = t
        .cmd()
        .args([
            "-q",
            "--progress",
            "lines",
            "--json",
            "rm",
            "-r",
            &b.url("p/"),
        ])
        .assert()
        .success()
        .stderr("");
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records.last().unwrap()["summary"]["ok"], 3, "{records:#?}");
}

#[test]
fn a_partial_run_names_its_first_failure_in_the_summary() {
    let t = TestEnv::new();
    let b = t.bucket("first-failure");
    files(&t, "tree", 3, 100);
    std::os::unix::fs::symlink(t.path("nowhere"), t.path("tree/dangling")).unwrap();
    let out = t
        .cmd()
        .args(["put", "-r", "tree", &b.url("p/")])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("objcmd: error: 3 done, 1 failed"));
    let lines = stderr_lines(out.get_output());
    let summary = lines
        .iter()
        .find(|l| l.starts_with("objcmd: 3 uploaded, "))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert!(
        summary.contains(", 1 failed, 300 B in ")
            && summary.contains("; first failure: ")
            && summary.contains("dangling")
            && summary.contains("symlink"),
        "{summary}"
    );
}
