//! What a user coming from a peer tool types: peers' flags, a forgotten destination, an
//! unknown shell, a URL scheme in capitals, and the profile names the completion scripts
//! offer.

use predicates::prelude::*;

use crate::support::{TestEnv, json_lines};

/// Runs objcmd with `args` (no server is needed: all are refused before any request) and
/// returns its stderr, checking the exit code 2.
fn refused(t: &TestEnv, args: &[&str]) -> String {
    let out = t.bare().args(args).assert().code(2);
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn peers_flags_say_what_objcmd_does_instead() {
    let t = TestEnv::new();
    let cases: &[(&[&str], &str)] = &[
        (&["put", "--force", "f", "s3://b/"], "--no-clobber keeps"),
        (&["rm", "--force", "s3://b/k"], "deletes without asking"),
        (&["rm", "-n", "s3://b/k"], "-n is --dry-run in s3cmd"),
        (&["cp", "--dryrun", "f", "s3://b/k"], "write --dry-run"),
        (
            &["put", "--acl-public", "f", "s3://b/"],
            "--acl public-read",
        ),
        (
            &["sync", "--delete-removed", "d", "s3://b/"],
            "write --delete",
        ),
        (&["sync", "--recursive", "d", "s3://b/"], "always recursive"),
        (&["put", "--skip-existing", "f", "s3://b/"], "--no-clobber"),
        (
            &["--endpoint-url", "http://x", "ls"],
            "write --endpoint URL",
        ),
        (&["ls", "--human-readable", "s3://b"], "write -H"),
    ];
    for (args, hint) in cases {
        let stderr = refused(&t, args);
        let lines: Vec<&str> = stderr.lines().collect();
        assert!(
            lines[0].starts_with("objcmd: error: unexpected argument"),
            "{args:?}: {stderr}"
        );
        assert!(
            lines[1].starts_with("hint: ") && lines[1].contains(hint),
            "{args:?}: expected {hint:?} in {stderr}"
        );
        assert!(
            !stderr.contains("to pass '"),
            "{args:?}: clap's tip is gone: {stderr}"
        );
        assert_eq!(lines.len(), 3, "{args:?}: {stderr}");
    }
    // An unknown flag that is no peer's gets no tip about '--', but the command's help.
    let stderr = refused(&t, &["ls", "--no-such-flag"]);
    assert_eq!(
        stderr,
        "objcmd: error: unexpected argument '--no-such-flag' found\nhint: run 'objcmd ls --help' for usage\n"
    );
}

#[test]
fn put_names_its_arguments_src_and_dst() {
    let t = TestEnv::new();
    let stderr = refused(&t, &["put", "one-file"]);
    assert!(
        stderr.starts_with(
            "objcmd: error: put needs a source and a destination (objcmd put SRC... DST)"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("<PATH>"), "{stderr}");
    t.bare()
        .args(["put", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Usage: objcmd put [OPTIONS] <SRC>... <DST>",
        ))
        .stdout(predicate::str::contains("<SRC>..."))
        .stdout(predicate::str::contains("<DST>"))
        .stdout(predicate::str::contains("<PATH> <PATH>").not());
}

#[test]
fn an_unknown_shell_lists_the_valid_ones() {
    let t = TestEnv::new();
    let stderr = refused(&t, &["completions", "tcsh"]);
    assert!(
        stderr.contains("(valid: bash, elvish, fish, powershell, zsh)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("run 'objcmd completions --help'"),
        "{stderr}"
    );
}

#[test]
fn urls_keep_the_scheme_as_typed() {
    let t = TestEnv::new();
    let b = t.bucket("scheme");
    t.write("f.txt", b"x");
    t.cmd()
        .args(["put", "f.txt", &b.url("p/f.txt")])
        .assert()
        .success();
    let typed = format!("S3://{}/p/", b.name);
    t.cmd()
        .args(["ls", &typed])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("S3://{}/p/f.txt", b.name)));
    let out = t.cmd().args(["--json", "ls", &typed]).assert().success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records[0]["url"], format!("S3://{}/p/f.txt", b.name));
    let typed_key = format!("Oss://{}/p/f.txt", b.name);
    t.cmd()
        .args(["get", &typed_key, "out.txt"])
        .assert()
        .success()
        // One byte, in the singular.
        .stdout(format!("download: {typed_key} -> out.txt (1 byte)\n"));
}

#[test]
fn config_profiles_lists_the_profiles() {
    let t = TestEnv::new();
    // No file: nothing, and no error (the completion scripts run this on every -p TAB).
    t.bare()
        .args(["config", "profiles"])
        .assert()
        .success()
        .stdout("");
    std::fs::create_dir_all(t.config_path().parent().unwrap()).unwrap();
    std::fs::write(
        t.config_path(),
        "default_profile = \"prod\"\n[profiles.local]\nprovider = \"s3\"\n[profiles.prod]\nprovider = \"oss\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(t.config_path(), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    t.bare()
        .args(["config", "profiles"])
        .assert()
        .success()
        .stdout("local\nprod\n")
        .stderr("");
    let out = t
        .bare()
        .args(["--json", "config", "profiles"])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records.len(), 2);
    assert_eq!(
        records[0],
        serde_json::json!({"profile": "local", "default": false})
    );
    assert_eq!(
        records[1],
        serde_json::json!({"profile": "prod", "default": true})
    );
}

#[test]
fn a_failed_listing_names_the_prefix_with_its_scheme() {
    let t = TestEnv::new();
    let b = t.bucket("listing");
    let missing = format!("s3://{}-none/src/", b.name);
    for args in [
        vec!["get", "-r", missing.as_str(), "down"],
        vec!["rm", "-r", missing.as_str()],
        vec!["sync", missing.as_str(), "down"],
    ] {
        let out = t.cmd().args(&args).assert().code(4);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            stderr.contains(&format!("listing {missing}: NoSuchBucket")),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn peers_command_names_say_which_objcmd_command_to_type() {
    let t = TestEnv::new();
    let cases: &[(&[&str], &str)] = &[
        (&["la"], "objcmd ls -r"),
        (&["del", "s3://b/k"], "objcmd rm"),
        (&["info", "s3://b/k"], "objcmd stat"),
        (&["getallbucket"], "objcmd ls"),
        (&["createbucket", "s3://b"], "objcmd mb"),
        (&["deletebucket", "s3://b"], "objcmd rb"),
        (&["setacl", "s3://b/k", "public-read"], "objcmd acl"),
        (&["presign", "s3://b/k"], "objcmd signurl"),
        (&["mirror", "d", "s3://b/"], "objcmd sync"),
        (&["modify", "s3://b/k"], "objcmd set-meta"),
        (&["setmeta", "s3://b/k"], "objcmd set-meta"),
    ];
    for (args, hint) in cases {
        let stderr = refused(&t, args);
        let lines: Vec<&str> = stderr.lines().collect();
        assert!(
            lines[0].starts_with("objcmd: error: unrecognized subcommand"),
            "{args:?}: {stderr}"
        );
        assert!(
            lines[1].starts_with("hint: objcmd's command for that: ") && lines[1].contains(hint),
            "{args:?}: expected {hint:?} in {stderr}"
        );
    }
}

#[test]
fn a_copy_onto_itself_with_new_metadata_is_what_modify_hints_at() {
    let t = TestEnv::new();
    let b = t.bucket("modify");
    t.write("f.txt", b"same bytes");
    let url = b.url("f.txt");
    t.cmd().args(["put", "f.txt", &url]).assert().success();
    t.cmd()
        .args(["cp", &url, &url, "--meta", "color=blue"])
        .assert()
        .success();
    let out = t.cmd().args(["--json", "stat", &url]).assert().success();
    let stat = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(stat["metadata"]["color"], "blue", "{stat}");
    assert_eq!(stat["size"], 10);
}
