//! Output on a real terminal (a pseudo-terminal): colour only there and never with
//! `NO_COLOR`, control characters in keys and messages shown escaped, aligned listings.
//! Everywhere else the suite runs objcmd with pipes, where none of this may happen.

use crate::support::*;

const ESC: char = '\x1b';

/// A key that would clear the screen and turn the text red if printed raw.
const HOSTILE: &str = "evil\x1b[2J\x1b[31mkey";

/// `cmd` and its arguments on a terminal, with colours allowed unless `no_color`.
fn on_terminal(t: &TestEnv, args: &[&str], no_color: bool) -> (i32, String) {
    let mut cmd = t.std_cmd();
    cmd.args(args).env_remove("NO_COLOR").env("TERM", "xterm");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    t.on_terminal(&cmd, &[])
}

#[test]
fn errors_are_coloured_on_a_terminal_only() {
    let t = TestEnv::new();
    let b = t.bucket("colour");
    let missing = b.url("missing");

    let (status, shown) = on_terminal(&t, &["stat", &missing], false);
    assert_eq!(status, 4, "{shown}");
    assert!(
        shown.starts_with("objcmd: \x1b[1;31merror:\x1b[0m "),
        "{shown:?}"
    );

    let (status, shown) = on_terminal(&t, &["stat", &missing], true);
    assert_eq!(status, 4, "{shown}");
    assert!(!shown.contains(ESC), "NO_COLOR: {shown:?}");
    assert!(shown.starts_with("objcmd: error: "), "{shown:?}");

    // TERM=dumb cannot show colours either.
    let mut cmd = t.std_cmd();
    cmd.args(["stat", &missing])
        .env_remove("NO_COLOR")
        .env("TERM", "dumb");
    let (_, shown) = t.on_terminal(&cmd, &[]);
    assert!(!shown.contains(ESC), "TERM=dumb: {shown:?}");

    // Through a pipe (how every other test runs it, without NO_COLOR here): no colour.
    let out = t
        .cmd()
        .args(["stat", &missing])
        .env_remove("NO_COLOR")
        .env("TERM", "xterm")
        .assert()
        .code(4);
    assert!(!out.get_output().stderr.contains(&0x1b));
}

#[test]
fn hostile_keys_are_escaped_on_a_terminal_and_kept_in_pipes() {
    let t = TestEnv::new();
    let b = t.bucket("escape");
    let file = t.write("f", b"twelve bytes");
    t.cmd()
        .args(["put", file.to_str().unwrap(), &b.url(HOSTILE)])
        .assert()
        .success();
    t.cmd()
        .args(["put", file.to_str().unwrap(), &b.url("dir/inner")])
        .assert()
        .success();

    for no_color in [true, false] {
        let (status, shown) = on_terminal(&t, &["ls", &b.url("")], no_color);
        assert_eq!(status, 0, "{shown}");
        assert!(
            shown.contains(r"evil\u{1b}[2J\u{1b}[31mkey"),
            "the key is not shown escaped: {shown:?}"
        );
        let raw_escapes = shown.matches(ESC).count();
        // With colour, only the prefix's own colour and reset remain.
        assert_eq!(raw_escapes, if no_color { 0 } else { 2 }, "{shown:?}");
        if !no_color {
            assert!(
                shown.contains(&format!("\x1b[1;34m{}\x1b[0m", b.url("dir/"))),
                "{shown:?}"
            );
        }
    }

    // An error message naming the key is escaped on the terminal too.
    let (status, shown) = on_terminal(&t, &["stat", &b.url("gone\x1b[2J")], true);
    assert_eq!(status, 4, "{shown}");
    assert!(!shown.contains(ESC), "{shown:?}");
    assert!(shown.contains(r"gone\u{1b}[2J"), "{shown:?}");

    // A pipe gets the key as it is: scripts must be able to use it.
    let out = t.cmd().args(["ls", &b.url("")]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains(&b.url(HOSTILE)), "{text:?}");
}

#[test]
fn listings_on_a_terminal_are_aligned_columns() {
    let t = TestEnv::new();
    let b = t.bucket("columns");
    for (name, len) in [("a", 1), ("bb", 1500), ("ccc", 2_500_000)] {
        let file = t.write(name, &random_bytes(len, len as u64));
        t.cmd()
            .args(["put", file.to_str().unwrap(), &b.url(name)])
            .assert()
            .success();
    }
    t.cmd()
        .args(["put", t.path("a").to_str().unwrap(), &b.url("sub/x")])
        .assert()
        .success();
    for args in [
        vec!["ls", "-H"],
        vec!["ls", "-l"],
        vec!["ls", "-l", "-H"],
        vec!["ls"],
    ] {
        let mut args = args.clone();
        let url = b.url("");
        args.push(&url);
        let (status, shown) = on_terminal(&t, &args, true);
        assert_eq!(status, 0, "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines.len(), 4, "{shown}");
        // Every URL starts in the same column, the prefix's line included.
        let columns: Vec<usize> = lines.iter().map(|l| l.find("s3://").unwrap()).collect();
        assert!(
            columns.iter().all(|c| *c == columns[0]),
            "{args:?}:\n{shown}"
        );
        if args.contains(&"-H") {
            assert!(
                shown.contains(" 2.4 MiB  ") && shown.contains(" 1.5 KiB  "),
                "{shown}"
            );
        } else {
            assert!(shown.contains(" 2500000  "), "{shown}");
        }
    }
}

/// The frames progress bars drew: each line between carriage returns and line breaks,
/// without the escape sequences that clear it and the blanks that pad it.
fn frames(shown: &str) -> Vec<String> {
    shown
        .split(['\r', '\n'])
        .map(|line| {
            let mut text = String::new();
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                if c == ESC {
                    // A CSI sequence: ESC [ parameters, ended by a letter.
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                } else {
                    text.push(c);
                }
            }
            text.trim_end().to_string()
        })
        .filter(|f| !f.is_empty())
        .collect()
}

/// A size as the bar prints it (`12.50`, `MiB`), in bytes.
fn size(number: &str, unit: &str) -> Option<u64> {
    let scale = match unit {
        "B" => 1,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        _ => return None,
    };
    Some((number.parse::<f64>().ok()? * scale as f64) as u64)
}

/// The byte count a frame shows just before `marker` (`12.50 MiB` before `/20.00 MiB`).
fn bytes_before(frame: &str, marker: &str) -> Option<u64> {
    let head = &frame[..frame.find(marker)?];
    let mut words = head.split_whitespace().rev();
    let unit = words.next()?;
    size(words.next()?, unit)
}

#[test]
fn the_upload_bar_counts_bytes_as_they_are_sent() {
    let t = TestEnv::new();
    let b = t.bucket("bar-sent");
    t.write("twenty.bin", &random_bytes(20 << 20, 51));
    // Two parts (16 MiB and 4 MiB) at 10 MiB/s: about two seconds on the terminal.
    let mut cmd = t.std_cmd();
    cmd.args(["--limit-rate", "10MiB/s", "put", "twenty.bin"])
        .arg(b.url("twenty.bin"))
        .args(["--part-size", "16MiB"])
        .env("TERM", "xterm");
    let (status, shown) = t.on_terminal(&cmd, &[]);
    assert_eq!(status, 0, "{shown}");
    let frames = frames(&shown);
    // No frame before the length is known: none shows an empty total.
    assert!(
        frames.iter().all(|f| !f.contains(" 0 B/0 B")),
        "{frames:#?}"
    );
    let counts: Vec<u64> = frames
        .iter()
        .filter_map(|f| bytes_before(f, "/20.00 MiB"))
        .collect();
    assert!(
        counts.iter().any(|c| *c > 0),
        "no progress shown: {frames:#?}"
    );
    // Counted as sent, the bar moves in steps far below a part: several distinct counts
    // below 16 MiB, where counting each part at its reply shows only 0 and 4 MiB.
    let mut below: Vec<u64> = counts
        .into_iter()
        .filter(|c| *c > 0 && *c < 16 << 20)
        .collect();
    below.dedup();
    assert!(
        below.len() >= 5,
        "the bar moved in part-size steps: {below:?}\n{frames:#?}"
    );
}

#[test]
fn a_stdin_upload_bar_shows_bytes_and_rate_but_no_length() {
    let t = TestEnv::new();
    let b = t.bucket("bar-stdin");
    let input = t.write("input.bin", &random_bytes(12 << 20, 52));
    let mut cmd = t.std_cmd();
    cmd.args(["--limit-rate", "8MiB/s", "put", "-"])
        .arg(b.url("piped.bin"))
        .args(["--part-size", "5MiB"])
        .env("TERM", "xterm")
        .env("PTY_DRIVE_STDIN", &input);
    let (status, shown) = t.on_terminal(&cmd, &[]);
    assert_eq!(status, 0, "{shown}");
    let frames: Vec<String> = frames(&shown)
        .into_iter()
        .filter(|f| !f.starts_with("upload: "))
        .collect();
    assert!(frames.len() >= 3, "no bar for stdin: {shown:?}");
    // The size is known only at the end: no fill, no total, no ETA.
    for frame in &frames {
        assert!(frame.starts_with("stdin "), "{frame:?}");
        assert!(
            !frame.contains("ETA") && !frame.contains('░') && !frame.contains('█'),
            "{frame:?}"
        );
        assert!(!frame.contains("B/") || frame.ends_with("B/s"), "{frame:?}");
    }
    // "stdin 3.50 MiB 7.90 MiB/s": what was sent so far, growing.
    let mut counts: Vec<u64> = frames
        .iter()
        .filter_map(|f| {
            let words: Vec<&str> = f.split_whitespace().collect();
            size(words.get(1)?, words.get(2)?)
        })
        .filter(|c| *c > 0)
        .collect();
    counts.dedup();
    assert!(counts.len() >= 3, "{counts:?}\n{frames:#?}");
}

#[test]
fn the_download_bar_starts_with_the_object_length() {
    let t = TestEnv::new();
    let b = t.bucket("bar-get");
    let file = t.write("three.bin", &random_bytes(3 << 20, 53));
    t.cmd()
        .args(["put", file.to_str().unwrap(), &b.url("three.bin")])
        .assert()
        .success();
    let mut cmd = t.std_cmd();
    cmd.args(["--limit-rate", "4MiB/s", "get"])
        .arg(b.url("three.bin"))
        .arg("back.bin")
        .env("TERM", "xterm");
    let (status, shown) = t.on_terminal(&cmd, &[]);
    assert_eq!(status, 0, "{shown}");
    let frames = frames(&shown);
    assert!(
        frames.iter().all(|f| !f.contains(" 0 B/0 B")),
        "{frames:#?}"
    );
    assert!(
        frames.iter().any(|f| f.contains("/3.00 MiB")),
        "{frames:#?}"
    );
}

/// The frames of a tree's aggregate bar among what the terminal showed: the lines that are
/// neither an object's line (stdout) nor a message (stderr).
fn aggregate_frames(shown: &str) -> Vec<String> {
    frames(shown)
        .into_iter()
        .filter(|f| !f.starts_with("upload: ") && !f.starts_with("objcmd: "))
        .collect()
}

#[test]
fn a_tree_shows_one_aggregate_bar_and_ends_with_its_summary() {
    let t = TestEnv::new();
    let b = t.bucket("bar-tree");
    // Above 64 KiB, so that the rate cap paces each body (smaller ones go in one piece).
    for i in 0..24 {
        t.write(&format!("tree/f{i:02}.bin"), &random_bytes(128 << 10, i));
    }
    // 3 MiB at 1 MiB/s: about three seconds on the terminal.
    let mut cmd = t.std_cmd();
    cmd.args(["--limit-rate", "1MiB/s", "-j", "2", "put", "-r", "tree"])
        .arg(b.url("tree/"))
        .env("TERM", "xterm");
    let (status, shown) = t.on_terminal(&cmd, &[]);
    assert_eq!(status, 0, "{shown}");
    let frames = aggregate_frames(&shown);
    assert!(frames.len() >= 3, "no aggregate bar: {shown:?}");
    // Every frame is the one bar of the tree (`5/24 objects, 640 KiB/3 MiB, ...`), none a
    // bar of its own file.
    for frame in &frames {
        assert!(
            frame.split_whitespace().nth(1) == Some("objects,"),
            "{frame:?}\n{frames:#?}"
        );
        assert!(!frame.contains("f0") && !frame.contains("f1"), "{frame:?}");
    }
    // Once the walk is complete the bar shows the totals, and a fill.
    assert!(
        frames
            .iter()
            .any(|f| f.contains("/24 objects") && f.contains("/3 MiB")),
        "{frames:#?}"
    );
    // The per-object lines are still there, above the bar, and the summary ends the run.
    assert_eq!(shown.matches("upload: ").count(), 24, "{shown:?}");
    let last = frames_of_stderr(&shown);
    assert!(
        last.starts_with("objcmd: 24 uploaded, 0 skipped, 0 failed, 3 MiB in "),
        "{last:?}"
    );

    // --no-progress and --progress none: no bar, the summary still.
    for off in [&["--no-progress"][..], &["--progress", "none"][..]] {
        let mut cmd = t.std_cmd();
        cmd.args(off)
            .args(["--limit-rate", "4MiB/s", "put", "-r", "tree"])
            .arg(b.url("again/"))
            .env("TERM", "xterm");
        let (status, shown) = t.on_terminal(&cmd, &[]);
        assert_eq!(status, 0, "{shown}");
        assert_eq!(aggregate_frames(&shown), Vec::<String>::new(), "{off:?}");
        assert!(
            frames_of_stderr(&shown).contains(" uploaded, "),
            "{shown:?}"
        );
    }
}

/// The last message line the terminal showed.
fn frames_of_stderr(shown: &str) -> String {
    frames(shown)
        .into_iter()
        .rfind(|f| f.starts_with("objcmd: "))
        .unwrap_or_default()
}
