//! `run`: a file (or stdin) of objcmd command lines, each run as if alone; a bad line is
//! reported with its number while the others run; the exit status is the worst line's;
//! `--json` records carry `"line"`; `-j` runs lines at once without mixing their output.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{TestEnv, json_lines};

fn stdout_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn run_runs_each_line_of_a_file_as_if_alone() {
    let t = TestEnv::new();
    let b = t.bucket("run-file");
    t.write("a.txt", b"alpha");
    t.write("b c.txt", b"beta!");
    let lines = format!(
        "# upload two files, then look\n\
         put a.txt {a}\n\
         \n\
         put 'b c.txt' \"{bc}\"   # a name with a space\n\
         ls {top}\n\
         stat {a}\n",
        a = b.url("a.txt"),
        bc = b.url("b c.txt"),
        top = b.url(""),
    );
    t.write("cmds.txt", lines.as_bytes());
    let out = t.cmd().args(["run", "cmds.txt"]).assert().success();
    let stdout = stdout_of(&out);
    let first = format!("upload: a.txt -> {} (5 bytes)\n", b.url("a.txt"));
    assert!(stdout.starts_with(&first), "{stdout}");
    let second = stdout.find("upload: b c.txt").expect("the second put");
    let listing = stdout.find("b c.txt\n").expect("ls shows the second file");
    assert!(second < listing, "{stdout}");
    // The stat line printed what `stat` prints alone.
    let alone = t.cmd().args(["stat", &b.url("a.txt")]).assert().success();
    assert!(stdout.ends_with(&stdout_of(&alone)), "{stdout}");
}

#[test]
fn run_reads_stdin_and_passes_its_own_options_on() {
    let t = TestEnv::new();
    let b = t.bucket("run-stdin");
    t.write("a.txt", b"alpha");
    let lines = format!("put a.txt {}\nls {}\n", b.url("a.txt"), b.url(""));
    for source in [&["run", "-"][..], &["run"][..]] {
        t.cmd()
            .args(source)
            .write_stdin(lines.clone())
            .assert()
            .success()
            .stdout(predicates::str::contains("upload: a.txt"));
    }
    // -q of run quiets each line as it would alone: no transfer line, the listing stays.
    let out = t
        .cmd()
        .args(["-q", "run", "-"])
        .write_stdin(lines)
        .assert()
        .success();
    let stdout = stdout_of(&out);
    assert!(!stdout.contains("upload:"), "{stdout}");
    assert!(stdout.contains("a.txt"), "{stdout}");
}

#[test]
fn a_bad_line_is_reported_with_its_number_and_the_others_run() {
    let t = TestEnv::new();
    let b = t.bucket("run-bad");
    t.write("a.txt", b"alpha");
    let lines = format!(
        "put a.txt {a}\n\
         frobnicate {a}\n\
         put 'a.txt {a}\n\
         stat {missing}\n\
         ls {top}\n",
        a = b.url("a.txt"),
        missing = b.url("missing"),
        top = b.url(""),
    );
    t.write("cmds.txt", lines.as_bytes());
    // Exit codes 0, 2, 2, 4, 0: the worst is not-found.
    let out = t.cmd().args(["run", "cmds.txt"]).assert().code(4);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("objcmd: error: line 2: unrecognized subcommand 'frobnicate'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("objcmd: error: line 3: unbalanced quotes"),
        "{stderr}"
    );
    assert!(
        stderr.contains("3 line(s) failed: line 2 (exit 2), line 3 (exit 2), line 4 (exit 4)"),
        "{stderr}"
    );
    // The last line still ran.
    assert!(stdout_of(&out).ends_with("a.txt\n"), "{}", stdout_of(&out));

    // Usage errors alone: exit 2; a `run` line is refused, not run.
    t.write("inner.txt", format!("ls {}\n", b.url("")).as_bytes());
    t.write(
        "outer.txt",
        format!("run inner.txt\nls {}\n", b.url("")).as_bytes(),
    );
    let out = t.cmd().args(["run", "outer.txt"]).assert().code(2);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("line 1: run cannot be a line of a run file"),
        "{stderr}"
    );
    assert_eq!(stdout_of(&out).matches("a.txt").count(), 1, "ls ran once");
}

#[test]
fn run_json_records_carry_the_line_number() {
    let t = TestEnv::new();
    let b = t.bucket("run-json");
    t.write("a.txt", b"alpha");
    let lines = format!(
        "put a.txt {a}\n# comment\nnope\nstat {missing}\nls {top}\n",
        a = b.url("a.txt"),
        missing = b.url("missing"),
        top = b.url(""),
    );
    t.write("cmds.txt", lines.as_bytes());
    let out = t.cmd().args(["--json", "run", "cmds.txt"]).assert().code(4);
    let records = json_lines(&out.get_output().stdout);
    let numbers: Vec<_> = records
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 3, 4, 5], "{records:?}");
    assert_eq!(records[0]["op"], "put");
    assert_eq!(records[0]["status"], "ok");
    assert_eq!(records[1]["status"], "error");
    assert_eq!(records[1]["error"]["code"], "UsageError");
    assert_eq!(records[2]["status"], "error");
    let code = records[2]["error"]["code"].as_str().unwrap();
    assert!(["NoSuchKey", "NotFound"].contains(&code), "{code}");
    assert_eq!(records[3]["key"], "a.txt");
}

#[test]
fn lines_run_at_once_keep_their_output_in_one_piece() {
    let t = TestEnv::new();
    let b = t.bucket("run-jobs");
    for dir in 0..6 {
        for file in 0..25 {
            t.write(&format!("tree/p{dir}/f{file:02}"), b"x");
        }
    }
    t.cmd()
        .args(["-q", "put", "-r", "tree", &b.url("")])
        .assert()
        .success();
    let lines: String = (0..6)
        .map(|dir| format!("ls {}\n", b.url(&format!("p{dir}/"))))
        .collect();
    t.write("cmds.txt", lines.as_bytes());
    let out = t
        .cmd()
        .args(["-j", "4", "run", "cmds.txt"])
        .assert()
        .success();
    let stdout = stdout_of(&out);
    // Each line's 25 keys come together, whichever line ended first.
    let prefixes: Vec<&str> = stdout
        .lines()
        .map(|l| l.rsplit('/').nth(1).unwrap())
        .collect();
    assert_eq!(prefixes.len(), 150, "{stdout}");
    for block in prefixes.chunks(25) {
        assert!(block.iter().all(|p| *p == block[0]), "{stdout}");
    }
    let out = t
        .cmd()
        .args(["--json", "-j", "4", "run", "cmds.txt"])
        .assert()
        .success();
    let numbers: Vec<u64> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers.len(), 150);
    for block in numbers.chunks(25) {
        assert!(block.iter().all(|n| *n == block[0]), "{numbers:?}");
    }
}

#[test]
fn a_missing_run_file_is_not_found() {
    let t = TestEnv::new();
    t.cmd()
        .args(["run", "nope.txt"])
        .assert()
        .code(4)
        .stderr(predicates::str::contains("nope.txt: no such file"));
}

#[test]
fn ctrl_c_starts_no_more_lines() {
    let t = TestEnv::new();
    // Line 1 waits on a server that never answers, so the Ctrl-C lands while it runs.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let lines = format!(
        "--endpoint http://127.0.0.1:{port} --addressing path --access-key k --secret-key s \
         --timeout 2 --retries 0 ls s3://bucket/\n\
         config path\n"
    );
    t.write("cmds.txt", lines.as_bytes());
    let mut child = t
        .bare_std()
        .args(["run", "cmds.txt"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    silent.set_nonblocking(true).unwrap();
    let started = Instant::now();
    let _held = loop {
        match silent.accept() {
            Ok(conn) => break conn,
            Err(_) if started.elapsed() < Duration::from_secs(30) => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => {
                let _ = child.kill();
                let out = child.wait_with_output().unwrap();
                panic!("line 1 never connected: {e}: {out:?}");
            }
        }
    };
    // To run alone: line 1 does not get it and ends by its timeout.
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("interrupted: line 2 and the lines after it were not run"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "line 2 did not run");
}
