//! Uploads that store flexible checksums and downloads checked against them, on moto: each
//! algorithm single and multipart, the SDK's own multipart uploads (full-object CRC64NVME,
//! composite SHA256 in parts objcmd did not choose), and a stored checksum that is wrong.

use assert_cmd::prelude::*;

use super::{Env, bytes};

const ALGORITHMS: [&str; 5] = ["crc32", "crc32c", "crc64nvme", "sha1", "sha256"];

/// Runs a Python snippet with boto3 and botocore's checksum classes (`checksum(alg, data)`,
/// `b64(raw)`) against moto: `sys.argv[1]` is the endpoint, the rest `args`.
fn python(t: &Env, script: &str, args: &[&str]) -> String {
    let prelude = r#"
import sys, base64, boto3
from boto3.s3.transfer import TransferConfig
from botocore.httpchecksum import _CHECKSUM_CLS
s3 = boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="testing",
                  aws_secret_access_key="testing", region_name="us-east-1")
def checksum(alg, data):
    h = _CHECKSUM_CLS[alg]()
    h.update(data)
    return h.digest()
def b64(raw):
    return base64.b64encode(raw).decode()
"#;
    super::python(t, &format!("{prelude}\n{script}"), args)
}

/// What moto stores for `key` (`ChecksumMode=ENABLED`), and what botocore computes for
/// `file` uploaded in parts of `part_size` (0: one PUT) with `algorithm`: a checksum of the
/// whole file for a single PUT and the CRCs, else the composite of the parts' checksums.
fn stored_and_expected(
    t: &Env,
    (bucket, key): (&str, &str),
    file: &str,
    algorithm: &str,
    part_size: usize,
) -> (String, String) {
    let script = r#"
bucket, key, path, alg, part = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
data = open(path, "rb").read()
head = s3.head_object(Bucket=bucket, Key=key, ChecksumMode="ENABLED")
stored = head["Checksum" + alg.upper()]
if part == 0 or alg.startswith("crc"):
    expected = b64(checksum(alg, data))
else:
    parts = [data[i:i + part] for i in range(0, len(data), part)]
    joined = b"".join(checksum(alg, p) for p in parts)
    expected = b64(checksum(alg, joined))
print(stored.split("-")[0], expected)
"#;
    let part = part_size.to_string();
    let out = python(t, script, &[bucket, key, file, algorithm, &part]);
    let (stored, expected) = out.trim().split_once(' ').unwrap();
    (stored.to_string(), expected.to_string())
}

#[test]
fn every_algorithm_is_stored_as_botocore_computes_it_and_verified_on_get() {
    let t = Env::new("algorithms");
    std::fs::write(t.path("small.bin"), bytes(100_003, 11)).unwrap();
    std::fs::write(t.path("big.bin"), bytes((11 << 20) + 17, 12)).unwrap();
    t.cmd().args(["mb", "s3://algorithms"]).assert().success();
    for algorithm in ALGORITHMS {
        for (file, part_size) in [("small.bin", 0), ("big.bin", 5 << 20)] {
            let key = format!("{algorithm}/{file}");
            let url = format!("s3://algorithms/{key}");
            t.cmd()
                .args(["--checksum-algorithm", algorithm, "--part-size", "5MiB"])
                .args(["put", file, &url])
                .assert()
                .success();
            let (stored, expected) =
                stored_and_expected(&t, ("algorithms", &key), file, algorithm, part_size);
            assert_eq!(stored, expected, "{key}");
            let out = format!("{algorithm}-{file}.out");
            let log = t.stderr_of(&["-v", "get", &url, &out]);
            let name = algorithm.to_uppercase();
            assert!(
                log.contains(&format!("verified against its stored {name}")),
                "{log}"
            );
            assert_eq!(
                std::fs::read(t.path(&out)).unwrap(),
                std::fs::read(t.path(file)).unwrap()
            );
            // A stream (cat) is checked as well.
            let cat = t.cmd().args(["-v", "cat", &url]).assert().success();
            let cat = cat.get_output();
            assert_eq!(cat.stdout, std::fs::read(t.path(file)).unwrap());
            let log = String::from_utf8_lossy(&cat.stderr);
            assert!(
                log.contains(&format!("verified against its stored {name}")),
                "{log}"
            );
        }
    }
}

#[test]
fn sdk_multipart_uploads_are_verified_whatever_their_parts() {
    let t = Env::new("sdk-multipart");
    let data = bytes((17 << 20) + 5, 13);
    std::fs::write(t.path("data.bin"), &data).unwrap();
    // CRC64NVME full-object in 5 MiB parts (the CLI's default since 2025), SHA256
    // composite in 6 MiB parts: neither records a part size objcmd could read.
    let script = r#"
s3.create_bucket(Bucket="sdk")
for key, alg, part in [("crc", "CRC64NVME", 5 << 20), ("sha", "SHA256", 6 << 20)]:
    config = TransferConfig(multipart_threshold=part, multipart_chunksize=part)
    s3.upload_file(sys.argv[2], "sdk", key, Config=config, ExtraArgs={"ChecksumAlgorithm": alg})
"#;
    python(&t, script, &[t.path("data.bin").to_str().unwrap()]);
    for (key, what) in [
        ("crc", "its stored CRC64NVME checksum of the whole object"),
        ("sha", "its stored SHA256 composite checksum of 3 parts"),
    ] {
        let url = format!("s3://sdk/{key}");
        let log = t.stderr_of(&["-v", "get", &url, key]);
        assert!(
            log.contains(&format!("{key}: verified against {what}")),
            "{log}"
        );
        assert_eq!(std::fs::read(t.path(key)).unwrap(), data);
        // In chunks that are not its parts, and in parallel.
        let log = t.stderr_of(&["-v", "--part-size", "8MiB", "get", &url, "again"]);
        assert!(log.contains(&format!("verified against {what}")), "{log}");
        assert_eq!(std::fs::read(t.path("again")).unwrap(), data);
    }
}

#[test]
fn a_wrong_stored_checksum_fails_the_download_with_exit_6_and_leaves_no_file() {
    let t = Env::new("wrong");
    t.cmd().args(["mb", "s3://wrong"]).assert().success();
    // moto stores what it is sent without checking it (measured): a PUT that claims a
    // checksum its body does not have.
    let script = r#"
import urllib.request
body = b"the stored bytes" * 1000
for alg, value in [("CRC32", "AAAAAQ=="), ("SHA256", b64(checksum("sha256", b"other")))]:
    req = urllib.request.Request(sys.argv[1] + "/wrong/" + alg.lower(), data=body, method="PUT",
        headers={"Authorization": "AWS testing:x", "Content-Type": "application/octet-stream",
                 "x-amz-sdk-checksum-algorithm": alg, "x-amz-checksum-" + alg.lower(): value})
    assert urllib.request.urlopen(req).status == 200
"#;
    python(&t, script, &[]);
    std::fs::write(t.path("kept"), b"the file that was there").unwrap();
    for key in ["crc32", "sha256"] {
        let url = format!("s3://wrong/{key}");
        let out = t.cmd().args(["get", &url, key]).assert().code(6);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(err.contains("does not match its stored"), "{err}");
        assert!(!t.path(key).exists(), "{key} was left");
        // Over an existing file: it stays as it was, and no temp file is left.
        t.cmd().args(["get", &url, "kept"]).assert().code(6);
        assert_eq!(
            std::fs::read(t.path("kept")).unwrap(),
            b"the file that was there"
        );
        t.cmd().args(["cat", &url]).assert().code(6);
    }
    let left: Vec<_> = std::fs::read_dir(&t.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("objcmd"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn hash_shows_the_stored_checksum_of_an_object() {
    let t = Env::new("hash-stored");
    std::fs::write(t.path("big.bin"), bytes((11 << 20) + 3, 14)).unwrap();
    t.cmd().args(["mb", "s3://hashstored"]).assert().success();
    for algorithm in ["crc64nvme", "sha256"] {
        let url = format!("s3://hashstored/{algorithm}");
        t.cmd()
            .args(["--checksum-algorithm", algorithm, "--part-size", "5MiB"])
            .args(["put", "big.bin", &url])
            .assert()
            .success();
        let stored = t
            .cmd()
            .args(["hash", "--algorithm", algorithm, &url])
            .assert()
            .success();
        let stored = String::from_utf8_lossy(&stored.get_output().stdout).into_owned();
        let local = t
            .cmd()
            .args(["hash", "--algorithm", algorithm, "big.bin"])
            .assert()
            .success();
        let local = String::from_utf8_lossy(&local.get_output().stdout).into_owned();
        let (stored, local) = (
            stored.split_whitespace().next(),
            local.split_whitespace().next(),
        );
        match algorithm {
            // Full-object: the file's own.
            "crc64nvme" => assert_eq!(stored, local),
            // Composite: the checksum of the 3 parts' checksums, as the server sends it
            // (moto's HEAD leaves out the `-3` that AWS appends).
            _ => {
                let stored = stored.unwrap();
                assert_eq!(stored.trim_end_matches("-3").len(), 44, "{stored}");
                assert_ne!(Some(stored), local);
            }
        }
    }
    let out = t
        .cmd()
        .args(["hash", "--algorithm", "crc32", "s3://hashstored/sha256"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("has no stored crc32 checksum; it is stored with sha256"),
        "{err}"
    );
}
