//! Bad input gets one clear line and the right exit code, and no output of any command
//! carries a secret (issue 7).

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use predicates::prelude::*;

use crate::support::fake::{FakeServer, Reply};
use crate::support::{TestEnv, against, json_lines, server};

#[test]
fn more_bad_input_is_refused_with_one_line_and_the_right_code() {
    let t = TestEnv::new();
    let b = t.bucket("badin");
    t.write("f.txt", b"x");
    let k = b.url("k");
    let (bucket, dir) = (b.url(""), b.url("dir/"));
    // (arguments, exit code, what the message says)
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["get", &bucket], 2, "names a bucket"),
        (vec!["get", &dir], 2, "names a prefix"),
        (
            vec!["put", "f.txt", &k, "--part-size", "12XB"],
            2,
            "part_size",
        ),
        (
            vec!["put", "f.txt", &k, "--part-size", "1KiB"],
            2,
            "outside",
        ),
        (vec!["get", &k, "--range", "5-"], 4, "NoSuchKey"),
        (vec!["get", &k, "--range", "-0"], 2, "invalid --range"),
        (
            vec![
                "multipart",
                "abort",
                &bucket,
                "--all",
                "--older-than",
                "3fortnights",
            ],
            2,
            "duration",
        ),
        (vec!["put", "missing.txt", &k], 4, "missing.txt"),
        (vec!["--ca-bundle", "f.txt", "ls"], 2, "invalid --ca-bundle"),
        (vec!["--jobs", "0", "ls", &bucket], 2, "jobs"),
        (
            vec!["signurl", &k, "--expires", "-5"],
            2,
            "unexpected argument '-5'",
        ),
        (vec!["acl", "set", &k, ""], 2, "invalid ACL"),
    ];
    for (args, code, message) in cases {
        let out = t.cmd().args(&args).assert().code(code);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.starts_with("objcmd: error: "), "{args:?}: {stderr}");
        assert!(
            stderr
                .lines()
                .filter(|l| l.starts_with("objcmd: error"))
                .count()
                == 1,
            "{args:?}: one error line: {stderr}"
        );
        assert!(
            stderr.contains(message),
            "{args:?}: expected {message:?} in {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }

    // Names that are not UTF-8 (keys are UTF-8): an argument is a usage error; a file
    // met in a tree is a failure of that file alone.
    let name = OsStr::from_bytes(b"bad\xff.txt");
    t.write("tree/good.txt", b"good");
    std::fs::write(t.path("tree").join(name), b"bad").unwrap();
    t.cmd()
        .arg("put")
        .arg(t.path("tree").join(name))
        .arg(&k)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid UTF-8"));
    t.cmd()
        .args(["--json", "put", "-r", "tree", &b.url("tree/")])
        .arg(name)
        .assert()
        .code(2);
    t.cmd()
        .args(["put", "-r", "tree", &b.url("tree/")])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "the name is not UTF-8, so it cannot be a key",
        ));
    let out = t
        .cmd()
        .args(["--json", "ls", "-r", &b.url("tree/")])
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout).len(), 1);

    // A clock far off: the server's refusal comes with the reason.
    t.cmd()
        .env("OBJCMD_TEST_NOW", "1000000000")
        .args(["ls", &b.url("")])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("RequestTimeTooSkewed"))
        .stderr(predicate::str::contains(
            "hint: this machine's clock differs",
        ));
}

#[test]
fn a_wrong_region_for_sigv4_comes_with_a_hint() {
    // radosgw accepts any region; AWS answers like this.
    let t = TestEnv::new();
    let server = FakeServer::start(vec![Reply::error(400, "AuthorizationHeaderMalformed")]);
    against(&t, &server)
        .args(["--signature", "v4"])
        .args(["--region", "eu-west-9"])
        .args(["ls", "s3://bucket"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("AuthorizationHeaderMalformed"))
        .stderr(predicate::str::contains(
            "hint: the bucket lives in another region",
        ));
}

#[test]
fn no_output_of_any_command_carries_a_secret() {
    let s = server();
    let t = TestEnv::new();
    let b = t.bucket("secrets");
    let token = "TOKEN-9d1f-SHOULD-NOT-SHOW";
    let key_bytes = "k3y-BYTES-SECRET";
    t.write("keys/k.key", key_bytes.as_bytes());
    std::fs::create_dir_all(t.config_path().parent().unwrap()).unwrap();
    std::fs::write(
        t.config_path(),
        format!(
            "[profiles.p]\nendpoint = \"{}\"\naccess_key = \"{}\"\nsecret_key = \"{}\"\nencryption_key_file = \"{}\"\n",
            s.endpoint,
            s.access_key,
            s.secret_key,
            t.path("keys/k.key").display()
        ),
    )
    .unwrap();
    t.write("f.txt", b"some data");
    t.write("big.bin", &crate::support::random_bytes(6 << 20, 9));
    let url = b.url("f.txt");
    let big = b.url("big.bin");
    let [root, copy, synced, missing] = ["", "copy.txt", "synced/", "missing"].map(|k| b.url(k));
    let runs: Vec<Vec<&str>> = vec![
        vec!["-vv", "put", "f.txt", &url],
        vec![
            "-vv",
            "put",
            "--encrypt",
            "big.bin",
            &big,
            "--part-size",
            "5MiB",
        ],
        vec!["-vv", "get", &big, "out.bin"],
        vec!["-vv", "--json", "ls", "-r", &root],
        vec!["-vv", "stat", &url],
        vec!["-vv", "acl", "get", &url],
        vec!["-vv", "signurl", &url],
        vec!["-vv", "cp", &url, &copy],
        vec!["-vv", "sync", ".", &synced, "--dry-run"],
        vec!["-vv", "multipart", "ls", &root],
        vec!["-vv", "rm", &copy],
        vec!["-vv", "get", &missing, "-"],
        vec!["-vv", "--json", "get", &missing, "-"],
        vec!["config", "list"],
        vec!["--json", "config", "list"],
        vec!["config", "get", "secret_key"],
        vec!["--json", "config", "get", "secret_key"],
        vec![
            "-vv",
            "--secret-key",
            "wrong-secret-that-is-not-the-real-one",
            "ls",
        ],
    ];
    for args in runs {
        let out = t
            .bare()
            .args(["-p", "p", "--security-token", token])
            .args(&args)
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // A presigned URL carries the token by design: its holder needs it.
        let secrets: &[&str] = if args.contains(&"signurl") {
            &[&s.secret_key, key_bytes]
        } else {
            &[&s.secret_key, token, key_bytes]
        };
        for secret in secrets {
            assert!(!all.contains(secret), "{args:?} printed a secret: {all}");
        }
        assert!(!all.contains("panicked"), "{args:?}: {all}");
    }
    // Every command's output is also recorded for the check every TestEnv makes when it
    // ends (tests/support/mod.rs): the recording works.
    let log = std::fs::read_to_string(t.output_log()).unwrap();
    assert!(
        log.contains(&format!("make bucket: s3://{}", b.name)),
        "{log}"
    );
    assert!(log.contains("> PUT"), "{log}");
}

#[test]
fn an_unreadable_file_is_a_clear_failure_and_the_rest_of_a_tree_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let s = server();
    let t = TestEnv::new();
    let b = t.bucket("unreadable");
    // A directory anyone can enter: as root (CI) objcmd runs as nobody, since root reads
    // every file whatever its mode.
    let dir = tempfile::Builder::new()
        .prefix("objcmd-unreadable")
        .tempdir()
        .unwrap();
    let root = dir.path();
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    for (name, mode) in [
        ("locked.txt", 0o000),
        ("tree/a.txt", 0o644),
        ("tree/locked.txt", 0o000),
    ] {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::set_permissions(
            path.parent().unwrap(),
            std::fs::Permissions::from_mode(0o755),
        )
        .unwrap();
        std::fs::write(&path, b"data").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    // SAFETY: geteuid has no preconditions and cannot fail.
    let is_root = unsafe { libc::geteuid() } == 0;
    let run = |args: &[&str]| {
        let bin = env!("CARGO_BIN_EXE_objcmd");
        let mut cmd = if is_root {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]);
            c
        } else {
            std::process::Command::new(bin)
        };
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", root)
            .env("OBJCMD_CONFIG", root.join("none.toml"))
            .env("OBJCMD_ENDPOINT", &s.endpoint)
            .env("OBJCMD_ACCESS_KEY", &s.access_key)
            .env("OBJCMD_SECRET_KEY", &s.secret_key)
            .current_dir(root)
            .args(["--signature", &crate::support::signature()])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["put", "locked.txt", &b.url("locked.txt")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("objcmd: error: "), "{stderr}");
    assert!(
        stderr.contains("locked.txt") && stderr.contains("ermission denied"),
        "{stderr}"
    );
    let out = run(&["put", "-r", "tree", &b.url("tree/")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("tree/locked.txt"), "{stderr}");
    let out = t
        .cmd()
        .args(["--json", "ls", "-r", &b.url("")])
        .assert()
        .success();
    let keys: Vec<_> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(keys, ["tree/a.txt"]);
}

#[test]
fn the_suite_notices_a_secret_in_any_output() {
    // `config get --reveal` prints a secret on purpose: the check every TestEnv makes when
    // it ends must catch it, or it would catch nothing.
    let s = server();
    let caught = std::panic::catch_unwind(|| {
        let t = TestEnv::new();
        std::fs::create_dir_all(t.config_path().parent().unwrap()).unwrap();
        std::fs::write(
            t.config_path(),
            format!("[profiles.default]\nsecret_key = \"{}\"\n", s.secret_key),
        )
        .unwrap();
        t.bare()
            .args(["config", "get", "secret_key", "--reveal"])
            .assert()
            .success();
    });
    let message = caught.expect_err("the revealed secret went unnoticed");
    let text = message
        .downcast_ref::<String>()
        .map(String::as_str)
        .unwrap_or_default();
    assert!(
        text.contains("a secret key appeared in objcmd's output"),
        "{text}"
    );
}
