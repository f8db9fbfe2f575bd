//! Large objects against the real server: multipart uploads, parallel ranged downloads,
//! resuming both, the `multipart` command, and presigned parts uploaded with curl.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::support::{
    TestBucket, TestEnv, dir_entries, json_lines, md5_file, md5_hex, multipart_etag, random_bytes,
    wait_for_a_downloaded_chunk, wait_until,
};

const MIB: usize = 1 << 20;

fn etag_of(t: &TestEnv, url: &str) -> String {
    let out = t.cmd().args(["--json", "stat", url]).assert().success();
    json_lines(&out.get_output().stdout)[0]["etag"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Unfinished uploads in the bucket, as (key, upload id).
pub(super) fn uploads(t: &TestEnv, b: &TestBucket) -> Vec<(String, String)> {
    let out = t
        .cmd()
        .args(["--json", "multipart", "ls", &b.url("")])
        .assert()
        .success();
    json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap().to_string(),
                r["upload_id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn kill(child: &mut Child, signal: &str) {
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn multipart_round_trips_for_several_part_sizes() {
    let t = TestEnv::new();
    let b = t.bucket("mp-sizes");
    // (size, part size): a 1-byte last part, an exact multiple, an uneven last part.
    let cases = [
        (15 * MIB + 1, 5 * MIB),
        (12 * MIB, 6 * MIB),
        (13 * MIB + 12345, 7 * MIB),
    ];
    for (i, (size, part)) in cases.into_iter().enumerate() {
        let data = random_bytes(size, 100 + i as u64);
        let name = format!("f{i}.bin");
        t.write(&name, &data);
        let part_size = format!("{}MiB", part / MIB);
        t.cmd()
            .args([
                "put",
                &name,
                &b.url(&name),
                "--part-size",
                &part_size,
                "--part-jobs",
                "3",
            ])
            .assert()
            .success()
            .stderr("");
        assert_eq!(
            etag_of(&t, &b.url(&name)),
            multipart_etag(&data, part),
            "{name}"
        );
        // Downloaded in other chunks than it was uploaded in.
        let copy = format!("copy{i}.bin");
        t.cmd()
            .args([
                "get",
                &b.url(&name),
                &copy,
                "--part-size",
                "5MiB",
                "--part-jobs",
                "4",
            ])
            .assert()
            .success();
        assert_eq!(md5_file(&t.path(&copy)), md5_hex(&data), "{name}");
    }
    assert!(
        uploads(&t, &b).is_empty(),
        "no upload may be left unfinished"
    );
    assert!(
        dir_entries(t.dir.path())
            .iter()
            .all(|n| !n.contains(".objcmd-"))
    );
}

#[test]
fn stdin_streams_through_multipart() {
    let t = TestEnv::new();
    let b = t.bucket("mp-stdin");
    let data = random_bytes(17 * MIB + 3, 7);
    t.cmd()
        .args([
            "put",
            "-",
            &b.url("stream.bin"),
            "--part-size",
            "5MiB",
            "--part-jobs",
            "2",
        ])
        .write_stdin(data.clone())
        .assert()
        .success();
    assert_eq!(
        etag_of(&t, &b.url("stream.bin")),
        multipart_etag(&data, 5 * MIB)
    );
    let out = t
        .cmd()
        .args(["get", &b.url("stream.bin"), "-"])
        .assert()
        .success();
    assert_eq!(md5_hex(&out.get_output().stdout), md5_hex(&data));
    // Exactly one part's worth still makes a valid (one-part) object.
    let exact = random_bytes(5 * MIB, 8);
    t.cmd()
        .args(["put", "-", &b.url("exact.bin"), "--part-size", "5MiB"])
        .write_stdin(exact.clone())
        .assert()
        .success();
    t.cmd()
        .args(["get", &b.url("exact.bin"), "exact.bin"])
        .assert()
        .success();
    assert_eq!(md5_file(&t.path("exact.bin")), md5_hex(&exact));
    assert!(uploads(&t, &b).is_empty());
}

#[test]
fn a_stdin_upload_records_its_part_size_so_get_and_sync_check_it() {
    let t = TestEnv::new();
    let b = t.bucket("mp-stdin-size");
    let data = random_bytes(12 * MIB + 5, 41);
    let url = b.url("dir/piped.bin");
    t.cmd()
        .args(["put", "-", &url, "--part-size", "5MiB"])
        .write_stdin(data.clone())
        .assert()
        .success();
    let out = t.cmd().args(["--json", "stat", &url]).assert().success();
    let stat = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(stat["metadata"]["objcmd-part-size"], "5242880", "{stat}");
    assert_eq!(stat["etag"], multipart_etag(&data, 5 * MIB));
    // The download is checked against the multipart ETag, not only by size.
    t.cmd()
        .args(["-v", "get", &url, "back.bin"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "verified against its multipart ETag (recomputed from parts of 5242880 bytes)",
        ))
        .stderr(predicate::str::contains("cannot be recomputed").not());
    assert_eq!(md5_file(&t.path("back.bin")), md5_hex(&data));
    // A local copy of the same bytes is up to date for sync --checksum: nothing comes down.
    t.write("copy/piped.bin", &data);
    let out = t
        .cmd()
        .args(["--json", "sync", "--checksum", &b.url("dir/"), "copy"])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    let ops: Vec<&str> = records.iter().filter_map(|r| r["op"].as_str()).collect();
    assert_eq!(ops, ["skip"], "{records:?}");
}

/// A slow upload of big.bin, one part at a time (the key file k.key is there for
/// `--encrypt` among `extra`).
pub(super) fn spawn_slow_put(t: &TestEnv, url: &str, extra: &[&str]) -> std::process::Child {
    t.std_cmd()
        .env("OBJCMD_ENCRYPTION_KEY_FILE", t.path("k.key"))
        .args([
            "put",
            "big.bin",
            url,
            "--part-size",
            "5MiB",
            "--part-jobs",
            "1",
        ])
        .args(["--limit-rate", "8MiB/s"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// SIGKILLs the upload of big.bin once at least one part is on the server; returns its id.
pub(super) fn kill_after_a_part(t: &TestEnv, b: &TestBucket, child: &mut Child) -> String {
    let mut upload = None;
    wait_until("a part to be uploaded", || {
        if let Some((_, id)) = uploads(t, b).first() {
            let out = t
                .cmd()
                .args(["--json", "multipart", "parts", &b.url("big.bin")])
                .args(["--upload-id", id])
                .assert()
                .success();
            if !json_lines(&out.get_output().stdout).is_empty() {
                upload = Some(id.clone());
                return true;
            }
        }
        false
    });
    kill(child, "-KILL");
    child.wait().unwrap();
    upload.unwrap()
}

#[test]
fn a_killed_upload_is_resumed_with_continue_sending_only_the_missing_parts() {
    let t = TestEnv::new();
    let b = t.bucket("mp-resume");
    let data = random_bytes(30 * MIB, 30);
    t.write("big.bin", &data);
    let mut child = spawn_slow_put(&t, &b.url("big.bin"), &[]);
    let id = kill_after_a_part(&t, &b, &mut child);
    assert_eq!(
        uploads(&t, &b),
        [("big.bin".to_string(), id.clone())],
        "the upload survives SIGKILL"
    );

    let out = t
        .cmd()
        .args([
            "-v",
            "put",
            "--continue",
            "big.bin",
            &b.url("big.bin"),
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let resumed = predicate::str::is_match(format!(
        r"resuming upload {} of \S+: [1-5] of 6 parts already uploaded",
        regex_escape(&id)
    ))
    .unwrap();
    assert!(resumed.eval(&stderr), "{stderr}");
    // Said once, when the upload resumes (not again when it ends).
    assert_eq!(stderr.matches("already uploaded").count(), 1, "{stderr}");
    assert_eq!(
        etag_of(&t, &b.url("big.bin")),
        multipart_etag(&data, 5 * MIB)
    );
    t.cmd()
        .args(["get", &b.url("big.bin"), "back.bin"])
        .assert()
        .success();
    assert_eq!(md5_file(&t.path("back.bin")), md5_hex(&data));
    assert!(uploads(&t, &b).is_empty());

    // A checkpoint for a file that changed is discarded with a message.
    let mut child = spawn_slow_put(&t, &b.url("again.bin"), &[]);
    wait_until("the second upload to start", || !uploads(&t, &b).is_empty());
    kill(&mut child, "-KILL");
    child.wait().unwrap();
    let changed = random_bytes(11 * MIB, 31);
    t.write("big.bin", &changed);
    t.cmd()
        .args([
            "put",
            "--continue",
            "big.bin",
            &b.url("again.bin"),
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("changed since upload"));
    assert_eq!(
        etag_of(&t, &b.url("again.bin")),
        multipart_etag(&changed, 5 * MIB)
    );
    assert!(uploads(&t, &b).is_empty(), "the stale upload was aborted");
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_ascii_alphanumeric() {
                vec![c]
            } else {
                vec!['\\', c]
            }
        })
        .collect()
}

#[test]
fn a_failure_mid_upload_leaves_no_unfinished_upload() {
    let t = TestEnv::new();
    let b = t.bucket("mp-fail");
    t.write("shrinks.bin", &random_bytes(30 * MIB, 40));
    let child = t
        .std_cmd()
        .args([
            "put",
            "shrinks.bin",
            &b.url("shrinks.bin"),
            "--part-size",
            "5MiB",
        ])
        .args(["--part-jobs", "1", "--limit-rate", "8MiB/s"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_until("the upload to start", || !uploads(&t, &b).is_empty());
    // The file loses its second half while it is being sent.
    std::fs::OpenOptions::new()
        .write(true)
        .open(t.path("shrinks.bin"))
        .unwrap()
        .set_len(12 * MIB as u64)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("became shorter"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(uploads(&t, &b).is_empty(), "the failed upload was aborted");
    t.cmd()
        .args(["stat", &b.url("shrinks.bin")])
        .assert()
        .code(4);
}

#[test]
fn a_killed_download_is_resumed_with_continue() {
    let t = TestEnv::new();
    let b = t.bucket("dl-resume");
    let data = random_bytes(24 * MIB, 24);
    t.write("src.bin", &data);
    // In 5 MiB parts: a download is made in the upload's parts, to check each one.
    t.cmd()
        .args(["put", "src.bin", &b.url("obj.bin"), "--part-size", "5MiB"])
        .assert()
        .success();
    t.write("target.bin", b"old");
    let mut child = t
        .std_cmd()
        .args([
            "get",
            &b.url("obj.bin"),
            "target.bin",
            "--part-size",
            "5MiB",
        ])
        .args(["--part-jobs", "1", "--limit-rate", "8MiB/s"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let sidecar = t.path(".target.bin.objcmd-part.json");
    // Kill it once the sidecar says at least one chunk is complete.
    wait_for_a_downloaded_chunk(&sidecar);
    kill(&mut child, "-KILL");
    child.wait().unwrap();
    assert_eq!(
        std::fs::read(t.path("target.bin")).unwrap(),
        b"old",
        "the target is untouched"
    );
    assert!(t.path(".target.bin.objcmd-part").exists());

    let out = t
        .cmd()
        .args([
            "-v",
            "get",
            "--continue",
            &b.url("obj.bin"),
            "target.bin",
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        predicate::str::is_match(
            r"continuing the download of obj\.bin: [1-4] of 5 chunks already there"
        )
        .unwrap()
        .eval(&stderr),
        "{stderr}"
    );
    assert_eq!(md5_file(&t.path("target.bin")), md5_hex(&data));
    assert_eq!(dir_entries(t.dir.path()), ["home", "src.bin", "target.bin"]);
}

#[test]
fn an_interrupted_parallel_download_leaves_nothing_under_the_target_name() {
    let t = TestEnv::new();
    let b = t.bucket("dl-int");
    t.write("src.bin", &random_bytes(20 * MIB, 20));
    t.cmd()
        .args(["put", "src.bin", &b.url("obj.bin")])
        .assert()
        .success();
    let mut child = t
        .std_cmd()
        .args(["get", &b.url("obj.bin"), "fresh.bin", "--part-size", "5MiB"])
        .args(["--limit-rate", "4MiB/s"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_until("the download to start", || {
        t.path(".fresh.bin.objcmd-part").exists()
    });
    std::thread::sleep(Duration::from_millis(200));
    kill(&mut child, "-INT");
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!t.path("fresh.bin").exists());
    // The partial download stays hidden beside the target for `get --continue`
    // (download_safety.rs resumes one).
    let temps: Vec<String> = dir_entries(t.dir.path())
        .into_iter()
        .filter(|n| n.contains(".objcmd-"))
        .collect();
    assert_eq!(
        temps,
        [".fresh.bin.objcmd-part", ".fresh.bin.objcmd-part.json"],
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn presigned_parts_uploaded_with_curl_then_completed() {
    let t = TestEnv::new();
    let b = t.bucket("sign-parts");
    let data = random_bytes(12 * MIB + 100, 12);
    for with_md5 in [false, true] {
        let key = if with_md5 {
            "with-md5.bin"
        } else {
            "plain.bin"
        };
        let url = b.url(key);
        let mut args = vec![
            "multipart",
            "sign-parts",
            url.as_str(),
            "--size",
            "12583012",
        ];
        args.extend(["--part-size", "5MiB"]);
        let md5_path = t.path("md5s.txt");
        let md5_arg = md5_path.to_str().unwrap().to_string();
        if with_md5 {
            let lines: Vec<String> = data.chunks(5 * MIB).map(md5_hex).collect();
            std::fs::write(&md5_path, lines.join("\n")).unwrap();
            args.extend(["--md5-file", &md5_arg]);
        }
        let out = t.cmd().args(&args).assert().success();
        let signed: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let upload_id = signed["upload_id"].as_str().unwrap().to_string();
        let parts = signed["parts"].as_array().unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[2]["offset"], 10 * MIB);
        assert_eq!(parts[2]["size"], 2 * MIB + 100);
        for part in parts {
            let offset = part["offset"].as_u64().unwrap() as usize;
            let size = part["size"].as_u64().unwrap() as usize;
            let part_file = t.write("part.bin", &data[offset..offset + size]);
            let mut curl = Command::new("curl");
            curl.args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-T"])
                .arg(&part_file)
                .arg(part["url"].as_str().unwrap());
            if let Some(md5) = part["content_md5"].as_str() {
                curl.args(["-H", &format!("Content-MD5: {md5}")]);
            }
            let out = curl.output().expect("curl");
            assert_eq!(String::from_utf8_lossy(&out.stdout), "200", "{part}");
        }
        t.cmd()
            .args(["multipart", "parts", &b.url(key), "--upload-id", &upload_id])
            .assert()
            .success()
            .stdout(predicate::str::is_match(r"(?m)^\s+3\s+2097252\s+[0-9a-f]{32}$").unwrap());
        t.cmd()
            .args([
                "multipart",
                "complete",
                &b.url(key),
                "--upload-id",
                &upload_id,
            ])
            .assert()
            .success()
            .stdout(format!(
                "complete: {} (3 parts, 12583012 bytes)\n",
                b.url(key)
            ));
        assert_eq!(etag_of(&t, &b.url(key)), multipart_etag(&data, 5 * MIB));
        // sign-parts recorded the part size it cut the object in: a get recomputes the ETag.
        let out = t
            .cmd()
            .args(["--json", "stat", &b.url(key)])
            .assert()
            .success();
        let stat = &json_lines(&out.get_output().stdout)[0];
        assert_eq!(stat["metadata"]["objcmd-part-size"], "5242880", "{stat}");
        t.cmd()
            .args(["-v", "get", &b.url(key), "back.bin"])
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "verified against its multipart ETag",
            ));
        assert_eq!(md5_file(&t.path("back.bin")), md5_hex(&data));
    }
    // A URL whose Content-MD5 is bound rejects a different body.
    let out = t
        .cmd()
        .args([
            "multipart",
            "sign-parts",
            &b.url("bad.bin"),
            "--size",
            "10",
            "--md5-file",
        ])
        .arg(t.write("one.txt", md5_hex(b"0123456789").as_bytes()))
        .output()
        .unwrap();
    let signed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let part_file = t.write("part.bin", b"9876543210");
    let status = Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-T"])
        .arg(&part_file)
        .arg(signed["parts"][0]["url"].as_str().unwrap())
        .args([
            "-H",
            &format!(
                "Content-MD5: {}",
                signed["parts"][0]["content_md5"].as_str().unwrap()
            ),
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&status.stdout), "400", "BadDigest");
    t.cmd()
        .args(["multipart", "abort", &b.url(""), "--all"])
        .assert()
        .success()
        .stdout(predicate::str::contains("abort: "));
    assert!(uploads(&t, &b).is_empty());
}

#[test]
fn multipart_ls_init_abort_and_older_than() {
    let t = TestEnv::new();
    let b = t.bucket("mp-cmd");
    let out = t
        .cmd()
        .args(["multipart", "init", &b.url("dir/one.bin")])
        .assert()
        .success();
    let one = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    let out = t
        .cmd()
        .args([
            "--json",
            "multipart",
            "init",
            &b.url("dir/two.bin"),
            "--meta",
            "k=v",
        ])
        .assert()
        .success();
    let two = json_lines(&out.get_output().stdout)[0]["upload_id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = t
        .cmd()
        .args(["--json", "multipart", "ls", &b.url("dir/")])
        .assert()
        .success();
    let listed = json_lines(&out.get_output().stdout);
    assert_eq!(listed.len(), 2);
    assert!(listed[0]["initiated"].as_str().unwrap().ends_with('Z'));
    t.cmd()
        .args(["multipart", "ls", &b.url("")])
        .assert()
        .success()
        .stdout(predicate::str::contains(&one).and(predicate::str::contains(b.url("dir/two.bin"))));
    // Too recent for --older-than 1h: nothing is aborted.
    t.cmd()
        .args([
            "multipart",
            "abort",
            &b.url(""),
            "--all",
            "--older-than",
            "1h",
        ])
        .assert()
        .success()
        .stdout("");
    assert_eq!(uploads(&t, &b).len(), 2);
    t.cmd()
        .args([
            "multipart",
            "abort",
            &b.url("dir/one.bin"),
            "--upload-id",
            &one,
        ])
        .assert()
        .success();
    assert_eq!(uploads(&t, &b), [("dir/two.bin".to_string(), two.clone())]);
    t.cmd()
        .args([
            "multipart",
            "complete",
            &b.url("dir/two.bin"),
            "--upload-id",
            &two,
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("has no parts"));
    t.cmd()
        .args([
            "multipart",
            "parts",
            &b.url("dir/one.bin"),
            "--upload-id",
            &one,
        ])
        .assert()
        .code(4)
        // radosgw says NoSuchKey where AWS says NoSuchUpload.
        .stderr(predicate::str::is_match("NoSuch(Upload|Key)").unwrap());
    t.cmd()
        .args([
            "multipart",
            "abort",
            &b.url(""),
            "--all",
            "--older-than",
            "soon",
        ])
        .assert()
        .code(2);
    t.cmd()
        .args(["multipart", "abort", &b.url("")])
        .assert()
        .code(2);
}

#[test]
fn piped_stderr_carries_no_progress_and_the_rate_cap_holds_across_parts() {
    let t = TestEnv::new();
    let b = t.bucket("progress");
    let data = random_bytes(10 * MIB, 10);
    t.write("ten.bin", &data);
    let start = Instant::now();
    t.cmd()
        .args([
            "put",
            "ten.bin",
            &b.url("ten.bin"),
            "--part-size",
            "5MiB",
            "--part-jobs",
            "4",
        ])
        .args(["--limit-rate", "4MiB/s"])
        .assert()
        .success()
        .stderr("");
    // 10 MiB at 4 MiB/s across both parts: at least ~2 s however many run at once.
    assert!(
        start.elapsed() >= Duration::from_millis(2000),
        "{:?}",
        start.elapsed()
    );
    t.cmd()
        .args([
            "get",
            &b.url("ten.bin"),
            "ten-copy.bin",
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success()
        .stderr("");
    assert_eq!(md5_file(&t.path("ten-copy.bin")), md5_hex(&data));
}

#[test]
fn ctrl_c_during_a_stdin_upload_aborts_it() {
    let t = TestEnv::new();
    let b = t.bucket("mp-sigint");
    let mut child = t
        .std_cmd()
        .args(["--limit-rate", "4MiB/s", "put", "-", &b.url("piped.bin")])
        .args(["--part-size", "5MiB"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // Ends with a broken pipe once objcmd is gone.
        let _ = std::io::Write::write_all(&mut stdin, &random_bytes(40 * MIB, 7));
    });
    wait_until("the upload to start", || !uploads(&t, &b).is_empty());
    kill(&mut child, "-INT");
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The abort goes out even though the user interrupted: nothing is left behind.
    assert_eq!(uploads(&t, &b), []);
}

/// The words of a command line as a POSIX shell splits them (blanks, single quotes and
/// backslashes: how objcmd quotes the commands it suggests).
fn shell_split(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quoted, mut in_word) = (Vec::new(), String::new(), false, false);
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => (quoted, in_word) = (!quoted, true),
            '\\' if !quoted => {
                word.extend(chars.next());
                in_word = true;
            }
            ' ' if !quoted => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                }
                in_word = false;
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// The commands the `hint: LABEL: objcmd ...` lines of `stderr` suggest, as words.
fn all_suggested(stderr: &str, label: &str) -> Vec<Vec<String>> {
    let prefix = format!("hint: {label}: ");
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .map(|line| {
            let words = shell_split(line);
            assert_eq!(words[0], "objcmd", "{line}");
            words
        })
        .collect()
}

/// The one command a `hint: LABEL: objcmd ...` line of `stderr` suggests, as words.
fn suggested(stderr: &str, label: &str) -> Vec<String> {
    match &all_suggested(stderr, label)[..] {
        [words] => words.clone(),
        _ => panic!("not one {label:?} hint in {stderr}"),
    }
}

/// Uploads "big file.bin" slowly and interrupts it once it is under way: exit 130.
/// Returns its stdout and stderr.
fn interrupt_upload(t: &TestEnv, b: &TestBucket, url: &str, extra: &[&str]) -> (String, String) {
    let mut child = t
        .std_cmd()
        .args(["--limit-rate", "4MiB/s", "put", "big file.bin", url])
        .args(["--part-size", "5MiB"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_until("the upload to start", || !uploads(t, b).is_empty());
    kill(&mut child, "-INT");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    (String::from_utf8_lossy(&out.stdout).to_string(), stderr)
}

#[test]
fn ctrl_c_during_a_file_upload_keeps_it_with_commands_to_resume_or_discard_it() {
    let t = TestEnv::new();
    let b = t.bucket("mp-sigint-file");
    let data = random_bytes(40 * MIB, 8);
    t.write("big file.bin", &data);
    let url = b.url("kept/big file.bin");
    // Named in the profile's dialect (oss://, ks3:// in those runs).
    let shown_url = url.replacen(
        "s3://",
        &format!("{}://", crate::support::dialect().name()),
        1,
    );
    let (_, stderr) = interrupt_upload(&t, &b, &url, &[]);
    let [(_, id)] = &uploads(&t, &b)[..] else {
        panic!("one upload kept: {stderr}");
    };
    // What was kept on the error line; how to resume and how to discard on their own.
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].starts_with("objcmd: error: ")
            && lines[0].contains(&format!("upload {id} of {shown_url} kept for --continue")),
        "{stderr}"
    );
    let resume = suggested(&stderr, "resume it");
    assert_eq!(
        resume[1..],
        ["put", "--continue", "big file.bin", &shown_url]
    );
    let discard = suggested(&stderr, "discard it");
    assert_eq!(
        discard[1..],
        ["multipart", "abort", &shown_url, "--upload-id", id]
    );
    t.cmd().args(&discard[1..]).assert().success();
    assert_eq!(uploads(&t, &b), []);

    // Again, with --json: one error record names the upload; the resume command finishes it.
    let (stdout, stderr) = interrupt_upload(&t, &b, &url, &["--json"]);
    let [(_, id)] = &uploads(&t, &b)[..] else {
        panic!("one upload kept: {stderr}");
    };
    let records = json_lines(stdout.as_bytes());
    let error = &records.last().unwrap()["error"];
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("upload {id} of {shown_url} kept for --continue"))
            && !message.contains('\n'),
        "{records:?}"
    );
    let resume = suggested(&stderr, "resume it");
    let out = t.cmd().arg("-v").args(&resume[1..]).assert().success();
    let resumed = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        resumed.contains(&format!("resuming upload {id}")),
        "{resumed}"
    );
    assert_eq!(etag_of(&t, &url), multipart_etag(&data, 5 * MIB));
    assert_eq!(uploads(&t, &b), []);
}

#[test]
fn ctrl_c_during_a_tree_upload_names_each_kept_upload_with_its_commands() {
    let t = TestEnv::new();
    let b = t.bucket("mp-sigint-tree");
    let files = [
        ("a.bin", random_bytes(12 * MIB, 61)),
        ("b.bin", random_bytes(12 * MIB, 62)),
    ];
    for (name, data) in &files {
        t.write(&format!("tree/{name}"), data);
    }
    let mut child = t
        .std_cmd()
        .args(["--limit-rate", "4MiB/s", "-j", "2", "put", "-r", "tree"])
        .arg(b.url("up/"))
        .args(["--part-size", "5MiB"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_until("both uploads to start", || uploads(&t, &b).len() == 2);
    kill(&mut child, "-INT");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    // The final error names one; the other is named on its own line before it. Each has
    // its own commands, and each resume command finishes its upload.
    assert_eq!(stderr.matches("kept for --continue").count(), 2, "{stderr}");
    let resumes = all_suggested(&stderr, "resume it");
    assert_eq!(resumes.len(), 2, "{stderr}");
    assert_eq!(all_suggested(&stderr, "discard it").len(), 2, "{stderr}");
    for resume in resumes {
        t.cmd().args(&resume[1..]).assert().success();
    }
    assert_eq!(uploads(&t, &b), []);
    for (name, data) in &files {
        let url = b.url(&format!("up/{name}"));
        assert_eq!(etag_of(&t, &url), multipart_etag(data, 5 * MIB), "{name}");
    }
}

#[test]
fn a_killed_encrypted_upload_is_resumed_by_re_encrypting_from_its_iv() {
    let t = TestEnv::new();
    let b = t.bucket("mp-enc-resume");
    t.write("k.key", b"0123456789abcdef");
    let data = random_bytes(30 * MIB, 33);
    t.write("big.bin", &data);
    let mut child = spawn_slow_put(&t, &b.url("big.bin"), &["--encrypt"]);
    let id = kill_after_a_part(&t, &b, &mut child);
    // The stored object is 30 MiB + IV + padding: 7 parts of 5 MiB.
    let out = t
        .cmd()
        .env("OBJCMD_ENCRYPTION_KEY_FILE", t.path("k.key"))
        .args([
            "-v",
            "put",
            "--continue",
            "--encrypt",
            "big.bin",
            &b.url("big.bin"),
        ])
        .args(["--part-size", "5MiB"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let resumed = predicate::str::is_match(format!(
        r"resuming upload {} of \S+: [1-6] of 7 parts already uploaded",
        regex_escape(&id)
    ))
    .unwrap();
    assert!(resumed.eval(&stderr), "{stderr}");
    assert!(uploads(&t, &b).is_empty());
    t.cmd()
        .env("OBJCMD_ENCRYPTION_KEY_FILE", t.path("k.key"))
        .args(["get", &b.url("big.bin"), "back.bin"])
        .assert()
        .success();
    assert_eq!(md5_file(&t.path("back.bin")), md5_hex(&data));
    // Its multipart ETag is verified on the way (objcmd recorded the part size).
    t.cmd()
        .env("OBJCMD_ENCRYPTION_KEY_FILE", t.path("k.key"))
        .args(["-v", "get", &b.url("big.bin"), "again.bin"])
        .assert()
        .success()
        .stderr(predicate::str::contains("cannot be recomputed").not());
}
