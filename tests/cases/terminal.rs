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
