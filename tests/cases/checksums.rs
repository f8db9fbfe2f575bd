//! Flexible checksums (issue 19) against radosgw, which ignores them, in every pass: the
//! default sends none to a non-AWS endpoint; in S3 each algorithm is sent (as `-vv`
//! shows) and round-trips, single and multipart, and `put --continue` keeps the algorithm
//! of the upload it resumes; OSS and KS3 refuse any algorithm but `none` before a request,
//! and no dialect but S3 asks for stored checksums on a download.

use objcmd::checksum::Algorithm;
use objcmd::client::Dialect;

use super::multipart::{kill_after_a_part, spawn_slow_put, uploads};
use crate::support::{TestBucket, TestEnv, dialect, random_bytes, suite_gateway};

const MIB: usize = 1 << 20;

/// One request head of a `-vv` log (`objcmd: debug: > METHOD URL`, then `>   name: value`).
#[derive(Debug)]
struct Logged {
    method: String,
    url: String,
    /// Names in lower case.
    headers: Vec<(String, String)>,
}

impl Logged {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The names of its headers that start with `prefix`.
    fn headers_starting(&self, prefix: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.starts_with(prefix))
            .map(|(n, _)| n.as_str())
            .collect()
    }

    /// The value of a query parameter of its URL.
    fn query(&self, name: &str) -> Option<&str> {
        let (_, query) = self.url.split_once('?')?;
        query
            .split('&')
            .find_map(|pair| match pair.split_once('=') {
                Some((n, v)) if n == name => Some(v),
                None if pair == name => Some(""),
                _ => None,
            })
    }

    fn is_upload_part(&self) -> bool {
        self.method == "PUT" && self.query("partNumber").is_some()
    }

    fn is_single_put(&self) -> bool {
        self.method == "PUT" && self.query("partNumber").is_none()
    }

    fn is_create(&self) -> bool {
        self.method == "POST" && self.query("uploads").is_some()
    }

    fn is_complete(&self) -> bool {
        self.method == "POST" && self.query("uploadId").is_some()
    }
}

/// The request heads `-vv` logged on `stderr`, in order.
fn logged_requests(stderr: &str) -> Vec<Logged> {
    let mut out: Vec<Logged> = Vec::new();
    let mut in_head = false;
    for line in stderr.lines() {
        if let Some(head) = line.strip_prefix("objcmd: debug: > ") {
            let (method, url) = head.split_once(' ').unwrap_or((head, ""));
            out.push(Logged {
                method: method.to_string(),
                url: url.to_string(),
                headers: Vec::new(),
            });
            in_head = true;
        } else if let (true, Some(header)) = (in_head, line.strip_prefix(">   ")) {
            let (name, value) = header.split_once(": ").unwrap_or((header, ""));
            let last = out.last_mut().expect("a head before its headers");
            last.headers
                .push((name.to_ascii_lowercase(), value.to_string()));
        } else {
            in_head = false;
        }
    }
    out
}

/// Runs `t.cmd()` with `-vv` and `args`, asserts success, and returns the requests it logged.
fn put_logged(t: &TestEnv, args: &[&str]) -> Vec<Logged> {
    let out = t.cmd().arg("-vv").args(args).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let requests = logged_requests(&stderr);
    assert!(
        requests.iter().any(|r| r.method == "PUT"),
        "no PUT logged: {stderr}"
    );
    requests
}

/// Downloads `url` and asserts that it holds `data`, byte for byte.
fn assert_round_trips(t: &TestEnv, url: &str, data: &[u8]) {
    assert_round_trips_with(t, url, data, &[]);
}

/// [`assert_round_trips`] with `extra` arguments to the get.
fn assert_round_trips_with(t: &TestEnv, url: &str, data: &[u8], extra: &[&str]) {
    t.cmd()
        .args(extra)
        .args(["-q", "get", url, "back.bin"])
        .assert()
        .success();
    let back = std::fs::read(t.path("back.bin")).unwrap();
    assert!(
        back == data,
        "{url}: {} bytes back, not the same",
        back.len()
    );
    std::fs::remove_file(t.path("back.bin")).unwrap();
}

/// Uploads `small.bin` in one PUT and `big.bin` (over 5 MiB) in parts of 5 MiB, with
/// `extra` arguments, and returns what each logged.
fn put_both(t: &TestEnv, b: &TestBucket, prefix: &str, extra: &[&str]) -> [Vec<Logged>; 2] {
    let single = b.url(&format!("{prefix}/small.bin"));
    let multi = b.url(&format!("{prefix}/big.bin"));
    let one = [&["put", "small.bin", &single][..], extra].concat();
    let parts = [
        &["put", "big.bin", &multi, "--part-size", "5MiB"][..],
        extra,
    ]
    .concat();
    [put_logged(t, &one), put_logged(t, &parts)]
}

#[test]
fn the_default_sends_no_flexible_checksum_to_this_endpoint() {
    let t = TestEnv::new();
    let b = t.bucket("ck-default");
    let small = t.write("small.bin", &random_bytes(10_000, 1));
    let big = t.write("big.bin", &random_bytes(6 * MIB + 1, 2));
    let [single, multi] = put_both(&t, &b, "d", &[]);
    // The uploads took the paths the test means: one PUT; Create, 2 parts, Complete.
    let count = |requests: &[Logged], which: fn(&Logged) -> bool| {
        requests.iter().filter(|r| which(r)).count()
    };
    assert_eq!(count(&single, Logged::is_single_put), 1, "{single:#?}");
    assert_eq!(count(&multi, Logged::is_create), 1, "{multi:#?}");
    assert_eq!(count(&multi, Logged::is_upload_part), 2, "{multi:#?}");
    // The OSS and KS3 gateway answers some Completes 502 (no ETag in radosgw's reply), and
    // objcmd sends it again.
    assert!(count(&multi, Logged::is_complete) >= 1, "{multi:#?}");
    for r in single.iter().chain(&multi) {
        let sent = [
            r.headers_starting("x-amz-checksum"),
            r.headers_starting("x-amz-sdk-checksum"),
        ]
        .concat();
        assert!(sent.is_empty(), "{} {}: {sent:?}", r.method, r.url);
    }
    assert_round_trips(&t, &b.url("d/small.bin"), &std::fs::read(small).unwrap());
    assert_round_trips(&t, &b.url("d/big.bin"), &std::fs::read(big).unwrap());
}

/// The checksums a multipart upload of `data` in parts of 5 MiB sent: each part's, and
/// the whole object's at Complete for a CRC (`FULL_OBJECT`).
fn assert_multipart_sent(algorithm: Algorithm, multi: &[Logged], data: &[u8]) {
    let name = algorithm.name();
    let header = algorithm.header();
    let create: Vec<&Logged> = multi.iter().filter(|r| r.is_create()).collect();
    assert_eq!(create.len(), 1, "{name}: {multi:#?}");
    assert_eq!(
        create[0].header("x-amz-checksum-algorithm"),
        Some(algorithm.wire_name()),
        "{name}"
    );
    let kind = if name.starts_with("crc") {
        "FULL_OBJECT"
    } else {
        "COMPOSITE"
    };
    assert_eq!(
        create[0].header("x-amz-checksum-type"),
        Some(kind),
        "{name}"
    );
    let parts: Vec<&Logged> = multi.iter().filter(|r| r.is_upload_part()).collect();
    assert_eq!(parts.len(), data.len().div_ceil(5 * MIB), "{name}");
    for part in parts {
        let n: usize = part.query("partNumber").unwrap().parse().unwrap();
        let chunk = data.chunks(5 * MIB).nth(n - 1).unwrap();
        assert_eq!(
            part.header(&header),
            Some(algorithm.of(chunk).as_str()),
            "{name}: part {n}"
        );
    }
    let complete: Vec<&Logged> = multi.iter().filter(|r| r.is_complete()).collect();
    assert!(!complete.is_empty(), "{name}");
    for sent in complete.iter().filter(|_| kind == "FULL_OBJECT") {
        assert_eq!(
            sent.header(&header),
            Some(algorithm.of(data).as_str()),
            "{name}: the whole object's"
        );
        assert_eq!(sent.header("x-amz-checksum-type"), Some(kind));
    }
}

#[test]
fn each_algorithm_is_sent_single_and_multipart_and_round_trips() {
    if dialect() != Dialect::S3 {
        return; // OSS and KS3 refuse them: see below.
    }
    let t = TestEnv::new();
    let b = t.bucket("ck-each");
    let small = random_bytes(100_001, 3);
    let big = random_bytes(11 * MIB + 7, 4);
    t.write("small.bin", &small);
    t.write("big.bin", &big);
    for algorithm in Algorithm::ALL {
        let name = algorithm.name();
        let [single, multi] = put_both(&t, &b, name, &["--checksum-algorithm", name]);
        let put: Vec<&Logged> = single.iter().filter(|r| r.is_single_put()).collect();
        assert_eq!(put.len(), 1, "{name}");
        assert_eq!(
            put[0].header(&algorithm.header()),
            Some(algorithm.of(&small).as_str()),
            "{name}: {put:#?}"
        );
        assert_eq!(
            put[0].header("x-amz-sdk-checksum-algorithm"),
            Some(algorithm.wire_name())
        );
        assert_multipart_sent(algorithm, &multi, &big);
        assert_round_trips(&t, &b.url(&format!("{name}/small.bin")), &small);
        assert_round_trips(&t, &b.url(&format!("{name}/big.bin")), &big);
    }
}

#[test]
fn put_continue_keeps_the_algorithm_of_the_upload_it_resumes() {
    if dialect() != Dialect::S3 {
        return;
    }
    let t = TestEnv::new();
    let b = t.bucket("ck-resume");
    let data = random_bytes(20 * MIB, 5);
    t.write("big.bin", &data);
    let mut child = spawn_slow_put(&t, &b.url("big.bin"), &["--checksum-algorithm", "crc32c"]);
    let id = kill_after_a_part(&t, &b, &mut child);
    assert_eq!(uploads(&t, &b), [("big.bin".to_string(), id.clone())]);
    // Resumed with another algorithm: its parts still carry the one it began with.
    let out = t
        .cmd()
        .args(["-vv", "put", "--continue", "big.bin", &b.url("big.bin")])
        .args(["--part-size", "5MiB", "--checksum-algorithm", "sha256"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains(&format!("resuming upload {id}")),
        "{stderr}"
    );
    let requests = logged_requests(&stderr);
    assert!(!requests.iter().any(Logged::is_create), "{requests:#?}");
    let parts: Vec<&Logged> = requests.iter().filter(|r| r.is_upload_part()).collect();
    assert!(!parts.is_empty() && parts.len() < 4, "{requests:#?}");
    let crc32c = Algorithm::from_name("crc32c").unwrap();
    for part in &parts {
        let n: usize = part.query("partNumber").unwrap().parse().unwrap();
        let chunk = data.chunks(5 * MIB).nth(n - 1).unwrap();
        assert_eq!(
            part.header("x-amz-checksum-crc32c"),
            Some(crc32c.of(chunk).as_str())
        );
        assert_eq!(
            part.headers_starting("x-amz-checksum-sha256"),
            [] as [&str; 0]
        );
    }
    let complete: Vec<&Logged> = requests.iter().filter(|r| r.is_complete()).collect();
    assert!(!complete.is_empty(), "{requests:#?}");
    for sent in complete {
        assert_eq!(
            sent.header("x-amz-checksum-crc32c"),
            Some(crc32c.of(&data).as_str()),
            "the whole object's, over the parts sent before and after the kill"
        );
    }
    assert!(uploads(&t, &b).is_empty());
    assert_round_trips(&t, &b.url("big.bin"), &data);
}

/// The stderr of a refused command: exit 2, one line.
fn refused(t: &TestEnv, args: &[&str]) -> String {
    let out = t.cmd().arg("-vv").args(args).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "one line, no request: {stderr}");
    stderr
}

#[test]
fn other_dialects_refuse_an_algorithm_before_any_request_and_take_none() {
    let t = TestEnv::new();
    let b = t.bucket("ck-dialect");
    let data = random_bytes(70_000, 6);
    t.write("small.bin", &data);
    t.bare()
        .args(["config", "set", "checksum_algorithm", "sha1"])
        .assert()
        .success();
    let d = dialect();
    if d == Dialect::S3 {
        // The profile's key is the one uploads send.
        let put = put_logged(&t, &["put", "small.bin", &b.url("profile.bin")]);
        let sha1 = Algorithm::from_name("sha1").unwrap();
        let single: Vec<&Logged> = put.iter().filter(|r| r.is_single_put()).collect();
        assert_eq!(
            single[0].header("x-amz-checksum-sha1"),
            Some(sha1.of(&data).as_str())
        );
    } else {
        let named = format!(
            "flexible checksums are for the s3 provider only; {} checks its CRC-64 always",
            d.name()
        );
        let put = ["put", "small.bin", &b.url("refused.bin")];
        let stderr = refused(&t, &put);
        let config = t.config_path();
        assert_eq!(
            stderr,
            format!(
                "objcmd: error: invalid checksum_algorithm in profile \"default\" of {}: {named}\n",
                config.display()
            )
        );
        let flagged = [&["--checksum-algorithm", "crc32"][..], &put].concat();
        assert_eq!(
            refused(&t, &flagged),
            format!("objcmd: error: invalid checksum_algorithm (from flag): {named}\n")
        );
        let seen = suite_gateway(d)
            .requests()
            .into_iter()
            .filter(|s| s.target.contains("refused.bin"))
            .count();
        assert_eq!(seen, 0, "the gateway saw a request of the refused put");
    }
    // `none` as a flag wins over the profile's key, in every dialect.
    let put = put_logged(
        &t,
        &[
            "--checksum-algorithm",
            "none",
            "put",
            "small.bin",
            &b.url("none.bin"),
        ],
    );
    for r in &put {
        assert_eq!(
            r.headers_starting("x-amz-checksum"),
            [] as [&str; 0],
            "{r:?}"
        );
    }
    let none = ["--checksum-algorithm", "none"];
    assert_round_trips_with(&t, &b.url("none.bin"), &data, &none);
    t.cmd()
        .args(none)
        .args(["stat", &b.url("refused.bin")])
        .assert()
        .code(4);
}

#[test]
fn only_s3_downloads_ask_for_stored_checksums() {
    let t = TestEnv::new();
    let b = t.bucket("ck-mode");
    let data = random_bytes(50_000, 7);
    t.write("small.bin", &data);
    t.cmd()
        .args(["-q", "put", "small.bin", &b.url("mode.bin")])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["-vv", "get", &b.url("mode.bin"), "back.bin"])
        .assert()
        .success();
    assert_eq!(std::fs::read(t.path("back.bin")).unwrap(), data);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let gets: Vec<Logged> = logged_requests(&stderr)
        .into_iter()
        .filter(|r| r.method == "GET" || r.method == "HEAD")
        .collect();
    assert!(!gets.is_empty(), "{stderr}");
    let d = dialect();
    let expected = (d == Dialect::S3).then_some("ENABLED");
    for r in &gets {
        assert_eq!(r.header("x-amz-checksum-mode"), expected, "{r:?}");
    }
    if d != Dialect::S3 {
        let seen: Vec<_> = suite_gateway(d)
            .requests()
            .into_iter()
            .filter(|s| s.target.contains("mode.bin") && s.method != "PUT")
            .collect();
        assert!(!seen.is_empty());
        for s in seen {
            assert_eq!(
                s.header("x-amz-checksum-mode"),
                None,
                "{} {}",
                s.method,
                s.target
            );
        }
    }
}
