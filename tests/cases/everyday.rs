//! The everyday commands beyond the seeds that read: `cat`, `du`, `hash`.

use std::io::Read;
use std::process::Stdio;

use crate::support::{TestEnv, dialect, json_lines, md5_hex, random_bytes};

#[test]
fn cat_writes_objects_one_after_another_and_stops_quietly_on_a_closed_pipe() {
    let t = TestEnv::new();
    let b = t.bucket("cat");
    t.write("a.txt", b"first\n");
    t.write("b.txt", b"second\n");
    t.cmd()
        .args(["-q", "put", "a.txt", "b.txt", &b.url("")])
        .assert()
        .success();
    t.cmd()
        .args(["cat", &b.url("a.txt"), &b.url("b.txt")])
        .assert()
        .success()
        .stdout("first\nsecond\n")
        .stderr("");
    t.cmd()
        .args(["cat", &b.url("b.txt"), "--range", "1-3"])
        .assert()
        .success()
        .stdout("eco");
    // A missing key among others: the others are written, the failure is named (exit 3).
    let out = t
        .cmd()
        .args(["cat", &b.url("a.txt"), &b.url("nope.txt"), &b.url("b.txt")])
        .assert()
        .code(3);
    assert_eq!(out.get_output().stdout, b"first\nsecond\n");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("nope.txt") && stderr.contains("NoSuchKey"),
        "{stderr}"
    );
    t.cmd().args(["cat", &b.url("nope.txt")]).assert().code(4);
    t.cmd().args(["cat", &b.url("dir/")]).assert().code(2);
    // | head: the pipe closes after the first bytes; cat exits 0 without a word.
    let big = random_bytes(8 << 20, 5);
    t.write("big.bin", &big);
    t.cmd()
        .args(["-q", "put", "big.bin", &b.url("big.bin")])
        .assert()
        .success();
    let mut child = t
        .std_cmd()
        .args(["cat", &b.url("big.bin")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped: objcmd's next write meets a broken pipe.
    let out = child.wait_with_output().unwrap();
    assert_eq!(&first, &big[..10]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn cat_decrypts_as_get_does() {
    let t = TestEnv::new();
    let b = t.bucket("cat-enc");
    t.write("keys/k", b"0123456789abcdef");
    t.write("secret.txt", b"not for the server's eyes");
    let key = ("OBJCMD_ENCRYPTION_KEY_FILE", t.path("keys/k"));
    t.cmd()
        .env(key.0, &key.1)
        .args(["-q", "put", "--encrypt", "secret.txt", &b.url("s.txt")])
        .assert()
        .success();
    t.cmd()
        .env(key.0, &key.1)
        .args(["cat", &b.url("s.txt")])
        .assert()
        .success()
        .stdout("not for the server's eyes");
    // --raw: as stored (ciphertext, whole AES blocks).
    let out = t
        .cmd()
        .args(["cat", "--raw", &b.url("s.txt")])
        .assert()
        .success();
    let stored = &out.get_output().stdout;
    assert!(
        stored.len() >= 32 && stored.len().is_multiple_of(16),
        "{}",
        stored.len()
    );
    assert!(!String::from_utf8_lossy(stored).contains("eyes"));
}

#[test]
fn du_sums_each_prefix_with_filters_and_a_total() {
    let t = TestEnv::new();
    let b = t.bucket("du");
    for (name, len) in [
        ("p/a.log", 100),
        ("p/b.txt", 20),
        ("p/sub/c.log", 3),
        ("q/d.txt", 7),
    ] {
        t.write(name, &vec![b'x'; len]);
    }
    t.cmd()
        .args(["-q", "put", "-r", "p", &b.url("p/")])
        .assert()
        .success();
    t.cmd()
        .args(["-q", "put", "-r", "q", &b.url("q/")])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["du", &b.url("p/"), &b.url("q")])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].trim_start().starts_with("123  ") && lines[0].contains("3 objects"),
        "{stdout}"
    );
    assert!(lines[0].ends_with(&b.url("p/")), "{stdout}");
    assert!(
        lines[1].contains("1 object ") && lines[1].ends_with(&b.url("q/")),
        "{stdout}"
    );
    assert!(
        lines[2].trim_start().starts_with("130  ") && lines[2].ends_with("total"),
        "{stdout}"
    );
    let out = t
        .cmd()
        .args([
            "--json",
            "du",
            &b.url("p/"),
            "--exclude",
            "*",
            "--include",
            "*.log",
        ])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(
        records,
        [serde_json::json!({"url": b.url("p/"), "objects": 2, "bytes": 103})]
    );
    let missing = format!("s3://{}-none/", b.name);
    let out = t.cmd().args(["du", &missing]).assert().code(4);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with(&format!("objcmd: error: listing {missing}")),
        "{stderr}"
    );
    t.cmd()
        .args(["du", &b.url("p/"), &missing])
        .assert()
        .code(3);
}

#[test]
fn hash_computes_files_and_reads_what_objects_are_stored_with() {
    let t = TestEnv::new();
    let b = t.bucket("hash");
    let data = random_bytes(12 << 20, 9);
    t.write("one.bin", b"hello world");
    t.write("big.bin", &data);
    t.cmd()
        .args(["hash", "one.bin"])
        .assert()
        .success()
        .stdout("5eb63bbbe01eeed093cb22bb8f5acdc3  one.bin\n");
    t.cmd()
        .args(["hash", "--algorithm", "sha256", "one.bin"])
        .assert()
        .success()
        .stdout("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=  one.bin\n");
    // The CRCs of S3's flexible checksums, as botocore computes them (checksums.json).
    t.write("check.txt", b"123456789");
    for (algorithm, value) in [
        ("crc32", "y/Q5Jg=="),
        ("crc32c", "4waSgw=="),
        ("crc64nvme", "rosUhgp5mIg="),
    ] {
        t.cmd()
            .args(["hash", "--algorithm", algorithm, "check.txt"])
            .assert()
            .success()
            .stdout(format!("{value}  check.txt\n"));
    }
    // Local files need no profile and no keys, as md5sum needs none; an object does.
    t.bare()
        .env("OBJCMD_CONFIG", t.path("no-such-config.toml"))
        .args(["hash", "--algorithm", "crc32", "check.txt"])
        .assert()
        .success()
        .stdout("y/Q5Jg==  check.txt\n");
    t.bare()
        .env("OBJCMD_CONFIG", t.path("no-such-config.toml"))
        .args(["hash", &b.url("check.txt")])
        .assert()
        .failure();
    t.cmd()
        .args(["-q", "put", "one.bin", &b.url("one.bin")])
        .assert()
        .success();
    t.cmd()
        .args([
            "-q",
            "put",
            "big.bin",
            &b.url("big.bin"),
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["--json", "hash", "one.bin", &b.url("one.bin")])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records[0]["path"], "one.bin");
    assert_eq!(records[1]["url"], b.url("one.bin"));
    assert_eq!(records[0]["value"], records[1]["value"]);
    // A multipart ETag is no MD5: said in one line, exit 1.
    let out = t.cmd().args(["hash", &b.url("big.bin")]).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("has no stored MD5"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // CRC-64: what OSS and KS3 store equals the file's; an S3 server stores none.
    let local = t
        .cmd()
        .args(["hash", "--algorithm", "crc64ecma", "big.bin"])
        .assert()
        .success();
    let local = String::from_utf8_lossy(&local.get_output().stdout).into_owned();
    let remote = t
        .cmd()
        .args(["hash", "--algorithm", "crc64ecma", &b.url("big.bin")])
        .assert();
    match dialect() {
        objcmd::client::Dialect::S3 => {
            remote
                .code(1)
                .stderr(predicates::str::contains("no stored CRC-64"));
        }
        _ => {
            let remote = remote.success();
            let remote = String::from_utf8_lossy(&remote.get_output().stdout).into_owned();
            assert_eq!(
                remote.split_whitespace().next(),
                local.split_whitespace().next()
            );
        }
    }
    // radosgw stores no flexible checksum, whatever was sent.
    t.cmd()
        .args(["hash", "--algorithm", "crc32c", &b.url("one.bin")])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("has no stored crc32c checksum"));
    t.cmd().args(["hash", "no-such-file"]).assert().code(4);
    assert_eq!(md5_hex(b"hello world"), "5eb63bbbe01eeed093cb22bb8f5acdc3");
}
