//! Client-side encryption against the real server: key files, encrypted round trips of
//! small and multipart objects, ranges, wrong keys, tampering, and the KS3 SDK's format
//! both ways (objcmd's objects decrypt by the spec's rules; the SDK's vectors decrypt with
//! objcmd).

use std::os::unix::fs::PermissionsExt;

use aes::cipher::{BlockDecryptMut, KeyIvInit, block_padding::NoPadding};
use predicates::prelude::*;

use crate::support::{TestBucket, TestEnv, json_lines, random_bytes, without_summary};

const VECTORS: &str = include_str!("../fixtures/vectors/ks3_encryption.json");

/// Decrypts a stored object by wire-formats.md §9.2, written here from the spec (not with
/// objcmd's code): IV, AES-128-CBC, the SDK's digit/letter padding.
fn spec_decrypt(key: &[u8; 16], stored: &[u8]) -> Vec<u8> {
    let (iv, cipher) = stored.split_at(16);
    let mut buf = cipher.to_vec();
    let plain = cbc::Decryptor::<aes::Aes128>::new(key.into(), iv.into())
        .decrypt_padded_mut::<NoPadding>(&mut buf)
        .expect("whole blocks");
    let last = *plain.last().expect("a padding block");
    let n = match last {
        b'1'..=b'9' => last - b'0',
        b'a'..=b'g' => last - b'a' + 10,
        other => panic!("{other:#x} is not a padding character"),
    } as usize;
    assert!(plain[plain.len() - n..].iter().all(|&b| b == last));
    plain[..plain.len() - n].to_vec()
}

fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

/// A test world with a key file in the environment of every command.
struct Encrypted {
    t: TestEnv,
    key: [u8; 16],
}

impl Encrypted {
    fn new() -> Encrypted {
        let t = TestEnv::new();
        let key: [u8; 16] = *b"0123456789abcdef";
        t.write("keys/main.key", &key);
        Encrypted { t, key }
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.t.cmd();
        cmd.env("OBJCMD_ENCRYPTION_KEY_FILE", self.t.path("keys/main.key"));
        cmd
    }

    fn stat(&self, url: &str) -> serde_json::Value {
        let out = self.cmd().args(["--json", "stat", url]).assert().success();
        json_lines(&out.get_output().stdout).remove(0)
    }

    fn raw(&self, url: &str) -> Vec<u8> {
        let out = self
            .cmd()
            .args(["get", "--raw", url, "-"])
            .assert()
            .success();
        out.get_output().stdout.clone()
    }

    fn get(&self, url: &str) -> Vec<u8> {
        let out = self.cmd().args(["get", url, "-"]).assert().success();
        out.get_output().stdout.clone()
    }
}

#[test]
fn gen_key_writes_a_private_key_that_the_sdk_reads_the_same() {
    let t = TestEnv::new();
    t.bare()
        .args(["config", "gen-key", "keys/a.key"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "wrote a new 16-byte key to keys/a.key",
        ));
    let path = t.path("keys/a.key");
    let key = std::fs::read(&path).unwrap();
    assert_eq!(key.len(), 16);
    assert!(!key[0].is_ascii_whitespace() && !key[15].is_ascii_whitespace());
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        std::fs::metadata(t.path("keys"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o700,
        "a directory made for a key is private too"
    );
    // Never overwritten: the data encrypted with it would be lost.
    t.bare()
        .args(["config", "gen-key", "keys/a.key"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("never overwritten"));
    assert_eq!(std::fs::read(&path).unwrap(), key);
}

#[test]
fn small_encrypted_objects_round_trip_in_the_sdk_format() {
    let e = Encrypted::new();
    let b = e.t.bucket("enc-small");
    for len in [0usize, 1, 15, 16, 17, 1000] {
        let plain = random_bytes(len, len as u64 + 1);
        let name = format!("f{len}");
        e.t.write(&name, &plain);
        let url = b.url(&name);
        e.cmd()
            .args(["-q", "put", "--encrypt", &name, &url])
            .assert()
            .success();
        let stat = e.stat(&url);
        let stored = e.raw(&url);
        if len == 0 {
            // As the SDK does: nothing to encrypt, no IV, no metadata.
            assert!(stored.is_empty());
            assert!(stat["metadata"].get("iv").is_none(), "{stat}");
        } else {
            assert_eq!(stored.len(), 16 * (len / 16 + 2), "{len}");
            assert_eq!(spec_decrypt(&e.key, &stored), plain, "{len}");
            let meta = &stat["metadata"];
            assert_eq!(meta["unencrypted-content-length"], len.to_string());
            assert_eq!(meta["iv"].as_str().unwrap().len(), 24);
            assert_eq!(meta["key"].as_str().unwrap().len(), 44);
            assert!(meta["unencrypted-content-md5"].is_string());
        }
        assert_eq!(e.get(&url), plain, "{len}");
        // To a file, too (the parallel path, decrypted in its temp file).
        let back = format!("back{len}");
        e.cmd().args(["-q", "get", &url, &back]).assert().success();
        assert_eq!(std::fs::read(e.t.path(&back)).unwrap(), plain);
    }
    // cp is put and get: it encrypts and decrypts the same way.
    e.cmd()
        .args(["-q", "cp", "--encrypt", "f1000", &b.url("copied")])
        .assert()
        .success();
    assert_eq!(e.raw(&b.url("copied")).len(), 1024);
    e.cmd()
        .args(["-q", "cp", &b.url("copied"), "copied.bin"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read(e.t.path("copied.bin")).unwrap(),
        std::fs::read(e.t.path("f1000")).unwrap()
    );
    e.cmd()
        .args(["cp", "--encrypt", &b.url("copied"), &b.url("again")])
        .assert()
        .code(2);
    // A server-side copy with new metadata (REPLACE) keeps what decrypts it, in one
    // CopyObject and in a multipart copy alike.
    let big = random_bytes(6 << 20, 66);
    e.t.write("f6m", &big);
    e.cmd()
        .args(["-q", "put", "--encrypt", "f6m", &b.url("big")])
        .assert()
        .success();
    for (from, name, plain) in [
        (
            "copied",
            "relabelled",
            std::fs::read(e.t.path("f1000")).unwrap(),
        ),
        ("big", "relabelled-parts", big),
    ] {
        e.cmd()
            .args(["-q", "--copy-threshold", "5MiB", "--part-size", "5MiB"])
            .args(["cp", &b.url(from), &b.url(name)])
            .args(["--meta", "color=red", "--content-type", "text/x-label"])
            .assert()
            .success();
        let stat = e.stat(&b.url(name));
        assert_eq!(stat["metadata"]["color"], "red", "{name}");
        assert_eq!(stat["content_type"], "text/x-label", "{name}");
        assert!(e.get(&b.url(name)) == plain, "{name} does not decrypt");
    }
    // From stdin.
    e.cmd()
        .args(["-q", "put", "--encrypt", "-", &b.url("piped")])
        .write_stdin("piped secret")
        .assert()
        .success();
    assert_eq!(e.get(&b.url("piped")), b"piped secret");
}

#[test]
fn a_multipart_encrypted_object_round_trips_and_ranges_decrypt() {
    let e = Encrypted::new();
    let b = e.t.bucket("enc-multi");
    let len = 12 * 1024 * 1024 + 5;
    let plain = random_bytes(len, 77);
    e.t.write("big.bin", &plain);
    let url = b.url("big.bin");
    e.cmd()
        .args([
            "-q",
            "put",
            "--encrypt",
            "big.bin",
            &url,
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    let stat = e.stat(&url);
    assert!(stat["etag"].as_str().unwrap().ends_with("-3"), "{stat}");
    let stored = e.raw(&url);
    assert_eq!(stored.len(), 16 * (len / 16 + 2));
    assert_eq!(spec_decrypt(&e.key, &stored), plain);
    // Parallel ranged download, decrypted in place.
    e.cmd()
        .args(["-q", "get", &url, "back.bin", "--part-size", "5MiB"])
        .assert()
        .success();
    assert!(std::fs::read(e.t.path("back.bin")).unwrap() == plain);
    // Through stdin, with no size known ahead.
    e.cmd()
        .args([
            "-q",
            "put",
            "--encrypt",
            "-",
            &b.url("piped.bin"),
            "--part-size",
            "5MiB",
        ])
        .write_stdin(plain.clone())
        .assert()
        .success();
    assert!(e.get(&b.url("piped.bin")) == plain);

    // Ranges of the plaintext, at block boundaries, at the end, open and from the end.
    let n = len as u64;
    let ranges: Vec<(String, std::ops::Range<usize>)> = vec![
        ("0-0".into(), 0..1),
        ("15-16".into(), 15..17),
        ("16-31".into(), 16..32),
        ("5242870-5242900".into(), 5_242_870..5_242_901),
        (format!("{}-{}", n - 1, n - 1), len - 1..len),
        (format!("{}-", n - 20), len - 20..len),
        ("-7".into(), len - 7..len),
        (format!("{}-{}", n - 40, n + 100), len - 40..len),
    ];
    for (spec, want) in &ranges {
        for object in [&url, &b.url("piped.bin")] {
            let out = e
                .cmd()
                .args(["get", object, "-", "--range", spec])
                .assert()
                .success();
            assert!(
                out.get_output().stdout == plain[want.clone()],
                "{object} {spec}"
            );
        }
    }
}

fn tampered_copy(e: &Encrypted, b: &TestBucket, from: &str, to: &str, flip: Option<usize>) {
    let mut stored = e.raw(&b.url(from));
    if let Some(at) = flip {
        stored[at] ^= 0x01;
    }
    e.t.write("tampered.bin", &stored);
    let stat = e.stat(&b.url(from));
    let mut put = e.cmd();
    put.args(["-q", "put", "tampered.bin", &b.url(to)]);
    for (k, v) in stat["metadata"].as_object().unwrap() {
        if k != "mtime" {
            put.args(["--meta", &format!("{k}={}", v.as_str().unwrap())]);
        }
    }
    put.assert().success();
}

#[test]
fn wrong_keys_missing_keys_and_tampering_fail_without_output() {
    let e = Encrypted::new();
    let b = e.t.bucket("enc-bad");
    let plain = random_bytes(3000, 5);
    e.t.write("f.bin", &plain);
    e.cmd()
        .args(["-q", "put", "--encrypt", "f.bin", &b.url("f.bin")])
        .assert()
        .success();

    // Another key: exit 6, and nothing written.
    e.t.write("keys/other.key", b"fedcba9876543210");
    for dst in ["out.bin", "-"] {
        let out = e
            .cmd()
            .env("OBJCMD_ENCRYPTION_KEY_FILE", e.t.path("keys/other.key"))
            .args(["get", &b.url("f.bin"), dst])
            .assert()
            .code(6)
            .stderr(predicate::str::contains("wrong key or corrupt object"));
        assert!(out.get_output().stdout.is_empty());
    }
    assert!(!e.t.path("out.bin").exists());
    // No key at all: refused with a way out; --raw gives the stored bytes.
    e.t.cmd()
        .args(["get", &b.url("f.bin"), "out.bin"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no encryption_key_file"))
        .stderr(predicate::str::contains("--raw"));
    assert!(!e.t.path("out.bin").exists());
    e.t.cmd()
        .args(["-q", "get", "--raw", &b.url("f.bin"), "raw.bin"])
        .assert()
        .success();
    assert_eq!(std::fs::read(e.t.path("raw.bin")).unwrap().len(), 3024);
    // A key file that is not 16 bytes is a clear error.
    e.t.write("keys/short.key", b"too short\n");
    e.cmd()
        .env("OBJCMD_ENCRYPTION_KEY_FILE", e.t.path("keys/short.key"))
        .args(["get", &b.url("f.bin"), "out.bin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("16 bytes"))
        .stderr(predicate::str::contains(
            "\nhint: encryption_key_file must name",
        ));
    // So is a key file that is not there.
    e.cmd()
        .env("OBJCMD_ENCRYPTION_KEY_FILE", e.t.path("keys/missing.key"))
        .args(["get", &b.url("f.bin"), "out.bin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read key file"))
        .stderr(predicate::str::contains("objcmd config gen-key FILE"));
    assert!(!e.t.path("out.bin").exists());

    // Stored bytes changed behind objcmd's back (a byte flipped, then stored again with the
    // same metadata through the plain S3 API): caught, and no file is left.
    for (name, at) in [("mid", 1500), ("last-block", 3024 - 3), ("iv", 2)] {
        tampered_copy(&e, &b, "f.bin", name, Some(at));
        for dst in ["t.bin", "-"] {
            e.cmd()
                .args(["get", &b.url(name), dst])
                .assert()
                .code(6)
                .stderr(predicate::str::contains("wrong key or corrupt object"));
        }
        assert!(!e.t.path("t.bin").exists(), "{name}");
    }
    // The untouched copy still decrypts: the checks are not simply failing.
    tampered_copy(&e, &b, "f.bin", "intact", None);
    assert_eq!(e.get(&b.url("intact")), plain);
}

#[test]
fn objects_the_ks3_sdk_wrote_decrypt_with_objcmd() {
    let vectors: serde_json::Value = serde_json::from_str(VECTORS).unwrap();
    let enc = &vectors["encryption"];
    let t = TestEnv::new();
    t.write("sdk.key", &hex_bytes(enc["key_hex"].as_str().unwrap()));
    let b = t.bucket("enc-sdk");
    let mut tested = 0;
    for case in enc["single_put"].as_array().unwrap() {
        let len: usize = case["plaintext_len"].as_str().map_or_else(
            || case["plaintext_len"].as_u64().unwrap() as usize,
            |s| s.parse().unwrap(),
        );
        // The large cases carry only the SHA-256 of what the SDK stored (the unit tests
        // check those).
        let Some(stored) = case["stored_object_hex"].as_str().filter(|_| len > 0) else {
            continue;
        };
        let stored = hex_bytes(stored);
        let name = format!("sdk-{len}");
        t.write(&name, &stored);
        let mut put = t.cmd();
        put.args(["-q", "put", &name, &b.url(&name)]);
        let headers = case["put_request"]["headers_of_interest"]
            .as_object()
            .unwrap();
        for (k, v) in headers {
            if let Some(meta) = k.strip_prefix("x-kss-meta-") {
                put.args(["--meta", &format!("{meta}={}", v.as_str().unwrap())]);
            }
        }
        put.assert().success();
        let out = t
            .cmd()
            .env("OBJCMD_ENCRYPTION_KEY_FILE", t.path("sdk.key"))
            .args(["get", &b.url(&name), "-"])
            .assert()
            .success();
        let expected: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        assert!(out.get_output().stdout == expected, "{len}");
        tested += 1;
    }
    assert!(tested >= 7, "only {tested} vectors");
}

#[test]
fn sync_compares_files_with_the_plaintext_of_encrypted_objects_and_keeps_them_encrypted() {
    let e = Encrypted::new();
    let b = e.t.bucket("enc-sync");
    let first = random_bytes(1000, 71);
    e.t.write("data/f.bin", &first);
    let url = b.url("p/f.bin");
    e.cmd()
        .args(["-q", "put", "--encrypt", "data/f.bin", &url])
        .assert()
        .success();
    let iv = e.stat(&url)["metadata"]["iv"].clone();
    let sync = |extra: &[&str]| {
        let out = e
            .cmd()
            .args(["--json", "sync"])
            .args(extra)
            .args(["data", &b.url("p/")])
            .assert()
            .success();
        without_summary(json_lines(&out.get_output().stdout)).0
    };
    // The ciphertext is larger than the file, yet the object holds it: nothing to do.
    for extra in [&[][..], &["--checksum"][..]] {
        let records = sync(extra);
        assert_eq!(records.len(), 1, "{records:?}");
        assert_eq!(records[0]["op"], "skip", "{extra:?}: {records:?}");
    }
    assert_eq!(e.stat(&url)["metadata"]["iv"], iv);

    // A changed file (dated after the upload) replaces the object encrypted, never as
    // plaintext.
    let change_file = |data: &[u8], secs: u64| {
        e.t.write("data/f.bin", data);
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(secs);
        let file = std::fs::File::options()
            .write(true)
            .open(e.t.path("data/f.bin"));
        file.unwrap().set_modified(later).unwrap();
    };
    let second = random_bytes(1000, 72);
    change_file(&second, 5);
    let records = sync(&["--checksum"]);
    assert_eq!(records[0]["op"], "put", "{records:?}");
    let stat = e.stat(&url);
    assert_ne!(stat["metadata"]["iv"], iv, "re-encrypted with a new IV");
    assert_eq!(stat["size"], 1024, "stored as ciphertext");
    assert_eq!(e.get(&url), second);

    // Back to a directory: decrypted, and then up to date.
    e.cmd()
        .args(["-q", "sync", &b.url("p/"), "back"])
        .assert()
        .success();
    assert_eq!(std::fs::read(e.t.path("back/f.bin")).unwrap(), second);
    let out = e
        .cmd()
        .args(["--json", "sync", &b.url("p/"), "back"])
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout)[0]["op"], "skip");

    // Without the key, a changed file is refused rather than stored as plaintext.
    change_file(&first, 10);
    e.t.cmd()
        .args(["sync", "data", &b.url("p/")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("stored encrypted"))
        .stderr(predicate::str::contains("encryption_key_file"));
    assert_eq!(e.get(&url), second, "the encrypted object is untouched");
}
