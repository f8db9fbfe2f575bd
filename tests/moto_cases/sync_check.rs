//! `stat`, `sync --checksum` and `check --checksum` with the flexible checksums moto stores:
//! `stat` shows them, and sync and check compare a stored checksum with the local file's
//! without downloading the object (objects boto3 uploaded, whose multipart ETag objcmd
//! cannot recompute).

use std::path::Path;

use assert_cmd::prelude::*;

use super::{Env, bytes, moto};

/// [`super::python`], its output trimmed.
fn python(t: &Env, script: &str, args: &[&str]) -> String {
    super::python(t, script, args).trim().to_string()
}

/// The CRC64NVME of a file as awscrt (AWS's SDKs) computes it, in base64.
fn crc64nvme_by_awscrt(t: &Env, file: &Path) -> String {
    let script = r#"
import sys, base64
from awscrt import checksums
data = open(sys.argv[2], "rb").read()
print(base64.b64encode(checksums.crc64nvme(data).to_bytes(8, "big")).decode())
"#;
    python(t, script, &[&file.display().to_string()])
}

/// `objcmd --json stat URL`'s record.
fn stat(t: &Env, url: &str) -> serde_json::Value {
    let out = t.cmd().args(["--json", "stat", url]).assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn stat_shows_the_checksum_objcmd_uploaded_with() {
    let t = Env::new("stat-checksums");
    std::fs::write(t.path("single.bin"), bytes(6 << 20, 11)).unwrap();
    std::fs::write(t.path("multi.bin"), bytes(12 << 20, 12)).unwrap();
    t.cmd().args(["mb", "s3://statsum"]).assert().success();
    let crc = ["--checksum-algorithm", "crc64nvme"];
    t.cmd()
        .args(crc)
        .args(["put", "single.bin", "s3://statsum/single.bin"])
        .assert()
        .success();
    t.cmd()
        .args(crc)
        .args([
            "put",
            "--part-size",
            "5MiB",
            "multi.bin",
            "s3://statsum/multi.bin",
        ])
        .assert()
        .success();
    for (name, parts) in [("single.bin", None), ("multi.bin", Some("-3"))] {
        let url = format!("s3://statsum/{name}");
        let want = crc64nvme_by_awscrt(&t, &t.path(name));
        let record = stat(&t, &url);
        assert_eq!(
            record["etag"].as_str().unwrap().ends_with("-3"),
            parts.is_some(),
            "{record}"
        );
        // Full-object CRCs, also for the multipart object: no `-N`.
        assert_eq!(
            record["checksums"],
            serde_json::json!({ "crc64nvme": want }),
            "{name}"
        );
        // The type objcmd declared at Create, which moto's HEAD returns; for a single PUT
        // it returns none (AWS says FULL_OBJECT).
        let kind = parts.map(|_| "FULL_OBJECT");
        assert_eq!(record["checksum_type"], serde_json::json!(kind), "{name}");
        let out = t.cmd().args(["stat", &url]).assert().success();
        let human = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(
            human.contains(&format!("\nChecksum: crc64nvme={want}\n")),
            "{human}"
        );
    }
}

/// Uploads `file` as `key` with boto3 in parts of 5 MiB with a CRC64NVME (full-object, as
/// AWS's SDKs make it since 2025); the object's ETag.
fn upload_by_boto3(t: &Env, bucket: &str, key: &str, file: &Path) -> String {
    let script = r#"
import sys, boto3
from boto3.s3.transfer import TransferConfig
s3 = boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="testing",
                  aws_secret_access_key="testing", region_name="us-east-1")
s3.create_bucket(Bucket=sys.argv[2])
config = TransferConfig(multipart_threshold=5 << 20, multipart_chunksize=5 << 20)
s3.upload_file(sys.argv[4], sys.argv[2], sys.argv[3], Config=config,
               ExtraArgs={"ChecksumAlgorithm": "CRC64NVME"})
print(s3.head_object(Bucket=sys.argv[2], Key=sys.argv[3])["ETag"].strip('"'))
"#;
    python(t, script, &[bucket, key, &file.display().to_string()])
}

/// Runs objcmd with `args`; its exit code, stdout and stderr.
fn run(t: &Env, args: &[&str]) -> (i32, String, String) {
    let out = t.cmd().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Changes one byte of a file, keeping its size and modification time.
fn change_one_byte(path: &Path, at: usize) {
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    let mut data = std::fs::read(path).unwrap();
    data[at] ^= 0x5a;
    std::fs::write(path, data).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(mtime).unwrap();
}

#[test]
fn sync_and_check_compare_a_stored_full_object_checksum_without_a_download() {
    let t = Env::new("sync-stored");
    std::fs::create_dir_all(t.path("tree")).unwrap();
    let file = t.path("tree/big.bin");
    std::fs::write(&file, bytes(12 << 20, 21)).unwrap();
    let etag = upload_by_boto3(&t, "storedsum", "tree/big.bin", &file);
    // A multipart ETag that objcmd cannot recompute (no part size recorded), and no CRC-64
    // of OSS's kind: only the stored CRC64NVME can tell.
    assert!(etag.ends_with("-3"), "{etag}");
    let record = stat(&t, "s3://storedsum/tree/big.bin");
    assert!(
        record["metadata"].get("objcmd-part-size").is_none(),
        "{record}"
    );
    let object = format!("{}/storedsum/tree/big.bin", moto().endpoint);

    let (code, _, log) = run(
        &t,
        &["-vv", "sync", "--checksum", "tree", "s3://storedsum/tree/"],
    );
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("nothing to do: 1 up to date"), "{log}");
    assert!(log.contains(&format!("> HEAD {object}")), "{log}");
    assert!(!log.contains(&format!("> GET {object}")), "{log}");
    assert!(
        log.contains("same as its stored CRC64NVME checksum of the whole object"),
        "{log}"
    );
    let (code, out, log) = run(&t, &["check", "--checksum", "tree", "s3://storedsum/tree/"]);
    assert_eq!(code, 0, "{out}{log}");

    // One byte changed, in the second part: same size, same time.
    change_one_byte(&file, (7 << 20) + 3);
    let (code, out, log) = run(&t, &["check", "--checksum", "tree", "s3://storedsum/tree/"]);
    assert_eq!(code, 7, "{out}{log}");
    assert!(out.contains("big.bin"), "{out}");
    let (code, _, log) = run(
        &t,
        &["-vv", "sync", "--checksum", "tree", "s3://storedsum/tree/"],
    );
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("1 transferred"), "{log}");
    assert!(!log.contains(&format!("> GET {object}")), "{log}");
    // The object now holds the changed file.
    let (code, out, log) = run(&t, &["check", "--checksum", "tree", "s3://storedsum/tree/"]);
    assert_eq!(code, 0, "{out}{log}");
}

#[test]
fn sync_compares_a_composite_checksum_part_by_part_with_the_recorded_part_size() {
    let t = Env::new("sync-composite");
    std::fs::create_dir_all(t.path("tree")).unwrap();
    let file = t.path("tree/big.bin");
    std::fs::write(&file, bytes(11 << 20, 31)).unwrap();
    t.cmd().args(["mb", "s3://compositesum"]).assert().success();
    t.cmd()
        .args([
            "--checksum-algorithm",
            "sha256",
            "put",
            "--part-size",
            "5MiB",
        ])
        .arg(&file)
        .arg("s3://compositesum/tree/big.bin")
        .assert()
        .success();
    // moto's HEAD sends a composite value without its `-N` and no type: objcmd tries it
    // over the whole file (no match), then part by part.
    let record = stat(&t, "s3://compositesum/tree/big.bin");
    let value = record["checksums"]["sha256"].as_str().unwrap().to_string();
    let sync = [
        "-vv",
        "sync",
        "--checksum",
        "tree",
        "s3://compositesum/tree/",
    ];
    let (code, _, log) = run(&t, &sync);
    assert_eq!(code, 0, "{value}: {log}");
    assert!(log.contains("nothing to do: 1 up to date"), "{log}");
    assert!(
        log.contains("same as its stored composite SHA256 checksum (parts of 5242880 bytes)"),
        "{log}"
    );
    change_one_byte(&file, 100);
    let (code, _, log) = run(&t, &sync);
    assert_eq!(code, 0, "{log}");
    assert!(
        log.contains("differs from its stored composite SHA256 checksum"),
        "{log}"
    );
    assert!(log.contains("1 transferred"), "{log}");
}
