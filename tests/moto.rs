//! Integration tests against moto's S3 server, the second real server of the suite
//! (scripts/moto.sh): it stores and returns S3's flexible checksums, which radosgw 16
//! ignores. Started once per test process with `scripts/moto.sh start ... --watch PID`
//! (its watchdog stops it when this process exits); a server that cannot start fails the
//! tests with its log's tail: the suite never skips. S3 dialect, SigV4, in every pass of
//! scripts/test.sh that runs all test targets (the first).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use assert_cmd::prelude::*;

/// How to reach the server, and a Python with boto3 beside it.
struct Moto {
    endpoint: String,
    python: String,
}

static MOTO: OnceLock<Result<Moto, String>> = OnceLock::new();

fn moto() -> &'static Moto {
    match MOTO.get_or_init(start) {
        Ok(moto) => moto,
        Err(message) => panic!("{message}"),
    }
}

fn start() -> Result<Moto, String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/moto.sh");
    let pid = std::process::id().to_string();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let dir = std::env::temp_dir().join(format!("objcmd-test-moto-{pid}-{port}"));
    let out = Command::new("bash")
        .arg(script)
        .arg("start")
        .arg(&dir)
        .arg(port.to_string())
        .args(["--watch", &pid])
        .output()
        .map_err(|e| format!("cannot run {script}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "moto's server did not start: {script} start {} {port} exited with {}.\n\
             Install it with `scripts/moto.sh install` (scripts/test.sh does this).\n\
             --- its output ---\n{}",
            dir.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let var = |name: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")).map(str::to_string))
            .ok_or_else(|| format!("{script} printed no {name}: {stdout}"))
    };
    Ok(Moto {
        endpoint: var("OBJCMD_MOTO_ENDPOINT")?,
        python: var("OBJCMD_MOTO_PYTHON")?,
    })
}

/// A test's own directory, with a config whose `moto` profile reaches the server.
struct Env {
    dir: PathBuf,
}

impl Env {
    fn new(name: &str) -> Env {
        let moto = moto();
        let dir = std::env::temp_dir().join(format!("objcmd-moto-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let config = format!(
            "default_profile = \"moto\"\n[profiles.moto]\nendpoint = \"{}\"\n\
             access_key = \"testing\"\nsecret_key = \"testing\"\nregion = \"us-east-1\"\n\
             signature = \"v4\"\n",
            moto.endpoint
        );
        let path = dir.join("config.toml");
        std::fs::write(&path, config).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        Env { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("objcmd").unwrap();
        cmd.current_dir(&self.dir)
            .env("OBJCMD_CONFIG", self.dir.join("config.toml"))
            .env_remove("OBJCMD_PROFILE");
        cmd
    }

    fn stderr_of(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).assert().success();
        String::from_utf8_lossy(&out.get_output().stderr).into_owned()
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `len` bytes that differ from any other test's.
fn bytes(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| ((i as u64 * 2_654_435_761 + u64::from(seed)) >> 7) as u8)
        .collect()
}

#[test]
fn objcmd_round_trips_single_and_multipart_objects_through_moto() {
    let t = Env::new("round-trip");
    std::fs::write(t.path("small.bin"), bytes(3 << 20, 1)).unwrap();
    std::fs::write(t.path("big.bin"), bytes(12 << 20, 2)).unwrap();
    t.cmd().args(["mb", "s3://trip"]).assert().success();
    t.cmd()
        .args(["put", "small.bin", "s3://trip/small.bin"])
        .assert()
        .success();
    t.cmd()
        .args(["put", "--part-size", "5MiB", "big.bin", "s3://trip/big.bin"])
        .assert()
        .success();
    let small = t.stderr_of(&["-v", "get", "s3://trip/small.bin", "small.out"]);
    assert!(small.contains("verified against its ETag (MD5)"), "{small}");
    let big = t.stderr_of(&["-v", "get", "s3://trip/big.bin", "big.out"]);
    assert!(big.contains("verified against its multipart ETag"), "{big}");
    for name in ["small", "big"] {
        assert_eq!(
            std::fs::read(t.path(&format!("{name}.out"))).unwrap(),
            std::fs::read(t.path(&format!("{name}.bin"))).unwrap()
        );
    }
    let out = t.cmd().args(["ls", "s3://trip/"]).assert().success();
    let listing = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(listing.lines().count(), 2, "{listing}");
    t.cmd().args(["rm", "-r", "s3://trip/"]).assert().success();
    t.cmd().args(["rb", "s3://trip"]).assert().success();
}

/// Runs a Python script with boto3 and awscrt beside moto (`sys.argv[1]` is the endpoint,
/// `args` follow), in the test's directory; its stdout. A failing script fails the test
/// with its stderr.
fn python(t: &Env, script: &str, args: &[&str]) -> String {
    let out = Command::new(&moto().python)
        .args(["-c", script, &moto().endpoint])
        .args(args)
        .current_dir(&t.dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What moto stores for `file` uploaded by boto3 with each algorithm, read back with
/// `ChecksumMode=ENABLED`: `(name, value)` pairs.
fn stored_by_boto3(t: &Env, bucket: &str, file: &Path) -> Vec<(String, String)> {
    let script = r#"
import sys, boto3
s3 = boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="testing",
                  aws_secret_access_key="testing", region_name="us-east-1")
s3.create_bucket(Bucket=sys.argv[2])
data = open(sys.argv[3], "rb").read()
for alg in ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"]:
    s3.put_object(Bucket=sys.argv[2], Key=alg, Body=data, ChecksumAlgorithm=alg)
    head = s3.head_object(Bucket=sys.argv[2], Key=alg, ChecksumMode="ENABLED")
    print(alg.lower(), head["Checksum" + alg])
"#;
    python(t, script, &[bucket, &file.display().to_string()])
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(a, v)| (a.to_string(), v.to_string()))
        .collect()
}

#[test]
fn hash_gives_the_checksums_moto_stores_for_an_sdk_upload() {
    let t = Env::new("hash");
    for (name, data) in [
        ("check.txt", b"123456789".to_vec()),
        ("odd.bin", bytes(1_000_003, 3)),
    ] {
        let file = t.path(name);
        std::fs::write(&file, data).unwrap();
        let bucket = format!("hash-{}", name.replace('.', "-"));
        let stored = stored_by_boto3(&t, &bucket, &file);
        assert_eq!(stored.len(), 5, "{stored:?}");
        for (algorithm, value) in stored {
            let out = t
                .cmd()
                .args(["hash", "--algorithm", &algorithm, name])
                .assert()
                .success();
            let line = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
            assert_eq!(line, format!("{value}  {name}\n"), "{algorithm} of {name}");
        }
    }
}

#[path = "moto_cases/sync_check.rs"]
mod sync_check;
#[path = "moto_cases/transfers.rs"]
mod transfers;
