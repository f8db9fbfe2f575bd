//! Filters and sync safety (issue 15): an `--include` that narrows nothing is warned about,
//! a pattern naming a directory matches what is under it, and `sync --delete` refuses to
//! empty a destination from an empty source.

use predicates::prelude::*;

use crate::support::{TestBucket, TestEnv, json_lines};

fn keys(t: &TestEnv, url: &str) -> Vec<String> {
    let out = t.cmd().args(["--json", "ls", "-r", url]).assert().success();
    let mut keys: Vec<String> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect();
    keys.sort();
    keys
}

/// A small tree: files at the top, in `sub/`, deeper in `sub/deep/`, and beside `sub` with
/// names that start like it.
fn make_tree(t: &TestEnv, root: &str) {
    for rel in [
        "a.txt",
        "b.tmp",
        "sub/c.txt",
        "sub/d.tmp",
        "sub/deep/e.txt",
        "subway/f.txt",
        "other/sub/g.txt",
    ] {
        t.write(&format!("{root}/{rel}"), rel.as_bytes());
    }
}

fn upload(t: &TestEnv, b: &TestBucket, prefix: &str) {
    make_tree(t, "src");
    t.cmd()
        .args(["-q", "put", "-r", "src", &b.url(prefix)])
        .assert()
        .success();
}

const ALONE: &str = "objcmd: warning: --include alone selects everything";
const RULE: &str = "the last matching rule wins";

#[test]
fn an_include_alone_is_warned_about_by_every_tree_command() {
    let t = TestEnv::new();
    let b = t.bucket("inc-warn");
    upload(&t, &b, "tree/");
    let include = ["--include", "*.tmp"];
    let runs: Vec<Vec<String>> = vec![
        vec!["put", "-r", "src", &b.url("put/")],
        vec!["get", "-r", &b.url("tree/"), "got"],
        vec!["cp", "-r", &b.url("tree/"), &b.url("copy/")],
        vec!["sync", "src", &b.url("synced/")],
    ]
    .into_iter()
    .map(|a| a.into_iter().map(String::from).collect())
    .collect();
    for args in &runs {
        // --json keeps stdout pure records; the warning goes to stderr, even with -q.
        for extra in [&["--json"][..], &["-q"][..]] {
            let out = t
                .cmd()
                .args(extra)
                .args(args)
                .args(include)
                .args(["--dry-run"])
                .assert()
                .success()
                .stderr(predicate::str::contains(ALONE))
                .stderr(predicate::str::contains(RULE))
                .stderr(predicate::str::contains(
                    "add --exclude '*' before --include \"*.tmp\"",
                ));
            let stdout = &out.get_output().stdout;
            if extra == ["--json"] {
                assert!(!json_lines(stdout).is_empty(), "{args:?}");
            } else {
                assert!(stdout.is_empty(), "{args:?}: -q prints no lines");
            }
        }
    }
    // The commands that delete say so.
    t.cmd()
        .args(["rm", "-r", "--dry-run", &b.url("tree/")])
        .args(include)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "--include alone selects everything, so rm -r deletes every object under the prefix",
        ))
        .stderr(predicate::str::contains(RULE));
    t.cmd()
        .args(["sync", "--delete", "--dry-run", "src", &b.url("tree/")])
        .args(include)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "--include alone selects everything, so sync --delete deletes",
        ))
        .stderr(predicate::str::contains(RULE));
    // An --include before every --exclude changes nothing either.
    t.cmd()
        .args(["get", "-r", "--dry-run", &b.url("tree/"), "got"])
        .args(["--include", "*.tmp", "--exclude", "*"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "--include \"*.tmp\" comes before every --exclude, so it changes nothing",
        ));
    // Nothing was changed by the dry runs.
    assert_eq!(keys(&t, &b.url("")).len(), 7);
    assert!(!t.path("got").exists());
}

#[test]
fn rm_r_with_exclude_all_then_include_deletes_only_what_matches() {
    let t = TestEnv::new();
    let b = t.bucket("rm-include");
    upload(&t, &b, "cache/");
    // The guide's example.
    t.cmd()
        .args([
            "rm",
            "-r",
            &b.url("cache/"),
            "--exclude",
            "*",
            "--include",
            "*.tmp",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").not());
    assert_eq!(
        keys(&t, &b.url("")),
        [
            "cache/a.txt",
            "cache/other/sub/g.txt",
            "cache/sub/c.txt",
            "cache/sub/deep/e.txt",
            "cache/subway/f.txt",
        ]
    );
}

#[test]
fn a_pattern_naming_a_directory_matches_everything_under_it() {
    let t = TestEnv::new();
    let b = t.bucket("dir-pattern");
    make_tree(&t, "src");
    let kept_without_sub = ["a.txt", "b.tmp", "other/sub/g.txt", "subway/f.txt"];
    for (n, pattern) in ["sub", "sub/", "/sub/"].iter().enumerate() {
        let prefix = format!("p{n}/");
        t.cmd()
            .args([
                "-q",
                "put",
                "-r",
                "src",
                &b.url(&prefix),
                "--exclude",
                pattern,
            ])
            .assert()
            .success();
        let expected: Vec<String> = kept_without_sub
            .iter()
            .map(|k| format!("{prefix}{k}"))
            .collect();
        assert_eq!(keys(&t, &b.url(&prefix)), expected, "--exclude {pattern:?}");
    }
    // At any depth with `**/`, and as an --include after --exclude '*'.
    t.cmd()
        .args([
            "-q",
            "get",
            "-r",
            &b.url("p0/"),
            "deep",
            "--exclude",
            "**/sub/",
        ])
        .assert()
        .success();
    assert!(t.path("deep/a.txt").exists() && t.path("deep/subway/f.txt").exists());
    assert!(!t.path("deep/other/sub").exists());
    t.cmd()
        .args(["-q", "put", "-r", "src", &b.url("only/")])
        .args(["--exclude", "*", "--include", "sub"])
        .assert()
        .success();
    assert_eq!(
        keys(&t, &b.url("only/")),
        ["only/sub/c.txt", "only/sub/d.tmp", "only/sub/deep/e.txt"]
    );
    // A pattern that can match no path is refused before any request.
    t.cmd()
        .args(["put", "-r", "src", &b.url("x/"), "--exclude", "/"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("matches no path"));
}

#[test]
fn sync_delete_refuses_an_empty_source_unless_allowed() {
    let t = TestEnv::new();
    let b = t.bucket("empty-src");
    upload(&t, &b, "mirror/");
    let refused = |args: &[&str]| {
        let out = t.cmd().args(args).assert().code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 2, "one error line and a hint: {stderr}");
        assert!(
            lines[0].starts_with("objcmd: error: the source "),
            "{stderr}"
        );
        assert!(lines[0].contains("is empty"), "{stderr}");
        assert!(lines[1].starts_with("hint: ") && lines[1].contains("--allow-empty-source"));
        stderr
    };
    // A mistyped remote prefix, with and without --dry-run.
    let typo = b.url("mirorr/");
    let mirror = b.url("mirror/");
    t.write("local/kept.txt", b"kept");
    let stderr = refused(&["sync", "--delete", &typo, "local"]);
    assert!(stderr.contains(&typo), "{stderr}");
    assert!(
        stderr.contains("would delete the 1 file of local"),
        "{stderr}"
    );
    let stderr = refused(&["sync", "--delete", &typo, &mirror]);
    assert!(
        stderr.contains(&format!("would delete all 7 objects of {mirror}")),
        "{stderr}"
    );
    refused(&["sync", "--delete", "--dry-run", &typo, &mirror]);
    // With --json the record carries the same error.
    let out = t
        .cmd()
        .args(["--json", "sync", "--delete", &typo, &mirror])
        .assert()
        .code(1);
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records.len(), 1, "{records:?}");
    assert!(
        records[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("is empty")
    );
    // An empty local directory, and filters that leave nothing of the source.
    std::fs::create_dir_all(t.path("empty")).unwrap();
    refused(&["sync", "--delete", "empty", &mirror]);
    t.write("one.log", b"log");
    t.cmd()
        .args(["-q", "put", "one.log", &b.url("mirror/one.log")])
        .assert()
        .success();
    let stderr = refused(&[
        "sync",
        "--delete",
        "src",
        &mirror,
        "--exclude",
        "*",
        "--include",
        "*.log",
    ]);
    assert!(stderr.contains("would delete the 1 object"), "{stderr}");
    // Nothing was deleted.
    assert_eq!(keys(&t, &mirror).len(), 8);
    assert!(t.path("local/kept.txt").exists());
    // Without --delete there is nothing to refuse.
    t.cmd()
        .args(["sync", &typo, &mirror])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do"));
    // Asked for, the destination is emptied.
    t.cmd()
        .args(["sync", "--delete", "--allow-empty-source", "empty", &mirror])
        .assert()
        .success()
        .stderr(predicate::str::contains("0 transferred, 8 deleted"));
    assert!(keys(&t, &mirror).is_empty());
    t.cmd()
        .args(["sync", "--delete", "--allow-empty-source", &typo, "local"])
        .assert()
        .success();
    assert!(!t.path("local/kept.txt").exists());
}

#[test]
fn sync_max_delete_deletes_nothing_beyond_its_limit_and_still_copies() {
    let t = TestEnv::new();
    let b = t.bucket("max-delete");
    for i in 0..5 {
        t.write(&format!("old/f{i}.txt"), format!("old {i}").as_bytes());
    }
    t.cmd()
        .args(["-q", "put", "-r", "old", &b.url("mirror/")])
        .assert()
        .success();
    // The source has one new file and none of the five: five deletes planned.
    t.write("new/g.txt", b"new");
    let listed = |t: &TestEnv| {
        let out = t
            .cmd()
            .args(["--json", "ls", "-r", &b.url("mirror/")])
            .assert()
            .success();
        json_lines(&out.get_output().stdout)
            .iter()
            .map(|r| r["key"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let out = t
        .cmd()
        .args([
            "sync",
            "--delete",
            "--max-delete",
            "4",
            "new",
            &b.url("mirror/"),
        ])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("objcmd: error: the sync would delete 5 objects (more than --max-delete 4); nothing was deleted, the copies ran"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: "), "{stderr}");
    let keys = listed(&t);
    assert_eq!(keys.len(), 6, "nothing deleted, the copy made: {keys:?}");
    assert!(keys.contains(&"mirror/g.txt".to_string()));
    // Within the limit, the deletes run.
    t.cmd()
        .args([
            "-q",
            "sync",
            "--delete",
            "--max-delete",
            "5",
            "new",
            &b.url("mirror/"),
        ])
        .assert()
        .success();
    assert_eq!(listed(&t), ["mirror/g.txt"]);
    // --max-delete goes with --delete only.
    t.cmd()
        .args(["sync", "--max-delete", "1", "new", &b.url("mirror/")])
        .assert()
        .code(2);
}
