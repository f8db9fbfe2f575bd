//! `config` and the resolution of settings, through the binary.

use predicates::prelude::*;

use crate::support::{TestEnv, server};

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

#[test]
fn init_without_a_terminal_writes_a_private_file_from_flags() {
    let t = TestEnv::new();
    t.bare()
        .args(["-p", "local", "config", "init", "--provider", "s3"])
        .args([
            "--endpoint",
            "http://127.0.0.1:7480",
            "--access-key",
            "AKID",
        ])
        .args(["--secret-key", SECRET])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(SECRET).not());
    let path = t.config_path();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "config file mode");
    }
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("default_profile = \"local\""), "{text}");
    assert!(text.contains("[profiles.local]"), "{text}");
    // No temp file is left beside it.
    let dir = path.parent().unwrap();
    assert_eq!(crate::support::dir_entries(dir), ["config.toml"]);

    // list masks the secret and says where each value comes from.
    t.bare()
        .args(["config", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("wJal****"))
        .stdout(predicate::str::contains(SECRET).not())
        .stdout(predicate::str::contains("profile: local"))
        .stdout(
            predicate::str::is_match(r"endpoint\s+= http://127.0.0.1:7480\s+\(profile\)").unwrap(),
        );
    t.bare()
        .args(["config", "get", "secret_key"])
        .assert()
        .success()
        .stdout("wJal****\n");
    t.bare()
        .args(["config", "get", "secret_key", "--reveal"])
        .assert()
        .success()
        .stdout(format!("{SECRET}\n"));
    t.bare()
        .args(["config", "path"])
        .assert()
        .success()
        .stdout(format!("{}\n", path.display()));
}

#[test]
fn init_without_a_terminal_names_what_is_missing() {
    let t = TestEnv::new();
    t.bare()
        .args(["config", "init", "--endpoint", "http://127.0.0.1:1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing --access-key, --secret-key",
        ));
    assert!(!t.config_path().exists());
    // KS3 (and OSS without a region) have no endpoint to fall back on.
    for provider in [vec!["--provider", "ks3"], vec!["--provider", "oss"]] {
        t.bare()
            .args(["config", "init", "--access-key", "a", "--secret-key", "s"])
            .args(&provider)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("missing --endpoint"));
    }
    assert!(!t.config_path().exists());
}

#[test]
fn init_needs_no_endpoint_where_the_region_names_one() {
    let t = TestEnv::new();
    for (profile, provider, region, endpoint) in [
        (
            "aws",
            "s3",
            "eu-west-1",
            "https://s3.eu-west-1.amazonaws.com",
        ),
        (
            "ali",
            "oss",
            "cn-hangzhou",
            "https://oss-cn-hangzhou.aliyuncs.com",
        ),
    ] {
        t.bare()
            .args(["-p", profile, "config", "init", "--provider", provider])
            .args([
                "--region",
                region,
                "--access-key",
                "AKID",
                "--secret-key",
                "s",
            ])
            .assert()
            .success();
        // Left unset in the file, so that it follows the region.
        let out = t
            .bare()
            .args(["-p", profile, "--json", "config", "list"])
            .assert()
            .success();
        let list = &crate::support::json_lines(&out.get_output().stdout)[0];
        assert_eq!(list["settings"]["endpoint"]["value"], endpoint);
        assert_eq!(list["settings"]["endpoint"]["source"], "default");
    }
}

#[test]
fn set_and_get_validate_keys_and_values() {
    let t = TestEnv::new();
    t.bare()
        .args(["config", "set", "endpoint", "http://x:1"])
        .assert()
        .success();
    t.bare()
        .args(["config", "get", "endpoint"])
        .assert()
        .success()
        .stdout("http://x:1\n");
    t.bare()
        .args(["config", "set", "provider", "s4"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("one of s3, oss, ks3"));
    t.bare()
        .args(["config", "set", "retries", "many"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("retries"));
    t.bare()
        .args(["config", "set", "colour", "blue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown key \"colour\""));
    t.bare().args(["config", "get", "region"]).assert().code(4);
}

#[test]
fn malformed_config_file_names_the_file_and_line() {
    let t = TestEnv::new();
    let path = t.config_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "[profiles.default]\nendpoint = \"http://x:1\"\nretries = \"five\"\n",
    )
    .unwrap();
    t.bare()
        .args(["ls"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "objcmd: error: config file {}: line 3",
            path.display()
        )));
    std::fs::write(&path, "this is not toml\n").unwrap();
    t.bare()
        .args(["config", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1"));
    std::fs::write(&path, "[profiles.default]\nprovider = \"azure\"\n").unwrap();
    t.bare()
        .args(["ls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 2").and(predicate::str::contains("azure")));
}

#[test]
fn unknown_provider_and_missing_credentials_are_usage_errors() {
    let t = TestEnv::new();
    t.bare()
        .env("OBJCMD_PROVIDER", "gcs")
        .args(["--endpoint", "http://127.0.0.1:1", "ls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown provider \"gcs\" (from env OBJCMD_PROVIDER)",
        ));
    t.bare()
        .args(["--endpoint", "http://127.0.0.1:1", "ls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no access key for profile \"default\"",
        ))
        .stderr(predicate::str::contains(
            t.config_path().display().to_string(),
        ));
    t.bare()
        .args(["-p", "nosuch", "ls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("profile \"nosuch\""));
}

#[test]
fn default_profile_must_name_an_existing_profile_and_a_wrong_name_gets_the_nearest() {
    let t = TestEnv::new();
    for profile in ["ci", "local"] {
        t.bare()
            .args([
                "-p",
                profile,
                "config",
                "init",
                "--endpoint",
                "http://127.0.0.1:9",
            ])
            .args(["--access-key", "AKID", "--secret-key", SECRET])
            .assert()
            .success();
    }
    let before = std::fs::read_to_string(t.config_path()).unwrap();
    assert!(before.contains("default_profile = \"ci\""), "{before}");
    t.bare()
        .args(["-p", "ci", "config", "set", "default_profile", "nosuch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("profile \"nosuch\" is not in"))
        .stderr(predicate::str::contains("(its profiles: ci, local)"))
        .stderr(predicate::str::contains(
            "hint: create it first with: objcmd -p nosuch config init",
        ));
    assert_eq!(std::fs::read_to_string(t.config_path()).unwrap(), before);
    // A top-level key: not "set in profile ci".
    t.bare()
        .args(["-p", "ci", "config", "set", "default_profile", "local"])
        .assert()
        .success()
        .stderr(format!(
            "objcmd: default_profile set to \"local\" in {}\n",
            t.config_path().display()
        ));
    t.bare()
        .args(["config", "list"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("profile: local\n"));
    // A wrong -p gets the nearest name (case first) and the list.
    t.bare()
        .args(["-p", "Local", "ls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("profile \"Local\" is not in"))
        .stderr(predicate::str::contains("(its profiles: ci, local)"))
        .stderr(predicate::str::contains("hint: did you mean -p local?"));
    t.bare()
        .env("OBJCMD_PROFILE", "lcoal")
        .args(["ls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean -p local?"));
    // A default_profile written by hand is checked too, before any missing-key message.
    std::fs::write(
        t.config_path(),
        before.replace("default_profile = \"ci\"", "default_profile = \"nosuch\""),
    )
    .unwrap();
    t.bare()
        .args(["ls"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("default_profile \"nosuch\" of"))
        .stderr(predicate::str::contains("no access key").not());
}

#[test]
fn precedence_flag_over_env_over_profile() {
    let s = server();
    let t = TestEnv::new();
    // The profile points at a dead port with a wrong secret.
    t.bare()
        .args([
            "config",
            "init",
            "--endpoint",
            "http://127.0.0.1:9",
            "--access-key",
        ])
        .args([&s.access_key, "--secret-key", "wrong-secret-from-profile"])
        .assert()
        .success();
    // Env fixes the endpoint but not the secret: the server rejects the signature.
    t.bare()
        .env("OBJCMD_ENDPOINT", &s.endpoint)
        .args(["ls"])
        .assert()
        .code(5);
    // The provider's own variable beats the profile...
    t.bare()
        .env("OBJCMD_ENDPOINT", &s.endpoint)
        .env("AWS_SECRET_ACCESS_KEY", &s.secret_key)
        .args(["ls"])
        .assert()
        .success();
    // ...OBJCMD_* beats the provider's variable...
    t.bare()
        .env("OBJCMD_ENDPOINT", &s.endpoint)
        .env("AWS_SECRET_ACCESS_KEY", &s.secret_key)
        .env("OBJCMD_SECRET_KEY", "wrong-from-objcmd-env")
        .args(["ls"])
        .assert()
        .code(5);
    // ...and a flag beats everything.
    t.bare()
        .env("OBJCMD_ENDPOINT", &s.endpoint)
        .env("OBJCMD_SECRET_KEY", "wrong-from-objcmd-env")
        .args(["--secret-key", &s.secret_key, "ls"])
        .assert()
        .success();
    t.bare()
        .env("OBJCMD_ENDPOINT", &s.endpoint)
        .args([
            "--secret-key",
            &s.secret_key,
            "--endpoint",
            "http://127.0.0.1:9",
        ])
        .args(["--retries", "0", "ls"])
        .assert()
        .code(1);
}

#[test]
fn a_config_file_readable_by_others_still_works_with_a_warning() {
    let t = TestEnv::new();
    t.bare()
        .args(["config", "set", "region", "x"])
        .assert()
        .success();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = t.config_path();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let p = path.display();
        t.bare()
            .args(["config", "get", "region"])
            .assert()
            .success()
            .stdout("x\n")
            .stderr(format!(
                "objcmd: warning: {p} is readable by others (mode 0644); run: chmod 600 {p}\n"
            ));
    }
}

#[test]
fn global_options_before_or_after_the_subcommand() {
    let t = TestEnv::new();
    t.bare()
        .args(["config", "set", "region", "r1"])
        .assert()
        .success();
    let a = t
        .bare()
        .args(["--json", "config", "get", "region"])
        .assert()
        .success();
    let b = t
        .bare()
        .args(["config", "get", "region", "--json"])
        .assert()
        .success();
    assert_eq!(a.get_output().stdout, b.get_output().stdout);
    assert_eq!(
        String::from_utf8_lossy(&a.get_output().stdout),
        "{\"key\":\"region\",\"value\":\"r1\"}\n"
    );
}

#[test]
fn init_on_a_terminal_prompts_for_what_is_missing_and_never_echoes_the_secret() {
    let t = TestEnv::new();
    let mut cmd = t.bare_std();
    cmd.args(["-p", "tty", "config", "init"]);
    let (status, shown) = t.on_terminal(
        &cmd,
        &[
            "Provider=",
            "Endpoint URL=http://127.0.0.1:7480",
            "Access key=AKIDTYPED",
            "Secret key=SECRET-TYPED-ON-THE-TTY",
        ],
    );
    assert_eq!(status, 0, "{shown}");
    assert!(
        shown.contains("Provider (s3, oss or ks3) [s3]: "),
        "{shown}"
    );
    assert!(
        shown.contains("Endpoint URL [https://s3.amazonaws.com]: http://127.0.0.1:7480"),
        "typed text echoes: {shown}"
    );
    assert!(shown.contains("Secret key: "), "{shown}");
    assert!(
        !shown.contains("SECRET-TYPED-ON-THE-TTY"),
        "the secret was echoed: {shown}"
    );
    let text = std::fs::read_to_string(t.config_path()).unwrap();
    assert!(text.contains("provider = \"s3\""), "{text}");
    assert!(text.contains("access_key = \"AKIDTYPED\""), "{text}");
    assert!(
        text.contains("secret_key = \"SECRET-TYPED-ON-THE-TTY\""),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(t.config_path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
