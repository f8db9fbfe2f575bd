//! Objects against the real server: put, get, ls, stat, rm, mb, rb.

use predicates::prelude::*;

use crate::support::fake::{FakeServer, Reply};
use crate::support::{
    TestEnv, dir_entries, json_lines, md5_file, md5_hex, multipart_etag, random_bytes, server,
};

/// Keys that break naive encoders: spaces, `+`, `%`, `?`, `#`, `//`, unicode, a leading
/// slash, and every other reserved character.
const AWKWARD_KEYS: &[&str] = &[
    "with space.txt",
    "plus+sign.txt",
    "percent%20literal.txt",
    "question?mark.txt",
    "hash#tag.txt",
    "double//slash.txt",
    "中文目录/文件 名-é.txt",
    "/leading-slash.txt",
    "dir one/a b+c%d~e=f?g&h;i,j:k@l$m!n'o(p)q*r.txt",
    "emoji-🦀.bin",
];

#[test]
fn awkward_keys_round_trip_through_put_ls_and_get() {
    let t = TestEnv::new();
    let b = t.bucket("awkward");
    for (i, key) in AWKWARD_KEYS.iter().enumerate() {
        let data = format!("content {i} of {key}");
        let src = t.write(&format!("src-{i}"), data.as_bytes());
        t.cmd()
            .args(["put", src.to_str().unwrap(), &b.url(key)])
            .assert()
            .success()
            .stdout(format!(
                "upload: {} -> {} ({} bytes)\n",
                src.display(),
                b.url(key),
                data.len()
            ));
    }
    let out = t
        .cmd()
        .args(["--json", "ls", "-r", &b.url("")])
        .assert()
        .success();
    let mut listed: Vec<String> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect();
    listed.sort();
    let mut expected: Vec<String> = AWKWARD_KEYS.iter().map(|k| k.to_string()).collect();
    expected.sort();
    assert_eq!(listed, expected);
    for (i, key) in AWKWARD_KEYS.iter().enumerate() {
        let dst = t.path(&format!("dst-{i}"));
        t.cmd()
            .args(["get", &b.url(key), dst.to_str().unwrap()])
            .assert()
            .success();
        assert_eq!(
            std::fs::read_to_string(&dst).unwrap(),
            format!("content {i} of {key}")
        );
        t.cmd()
            .args(["stat", &b.url(key)])
            .assert()
            .success()
            .stdout(predicate::str::contains(format!(
                "Size: {}",
                format!("content {i} of {key}").len()
            )));
    }
}

#[test]
fn a_20_mib_random_file_round_trips_with_an_identical_md5() {
    let t = TestEnv::new();
    let b = t.bucket("big");
    let data = random_bytes(20 << 20, 20);
    let src = t.write("random.bin", &data);
    t.cmd()
        .args(["put", "random.bin", &b.url("random.bin")])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["--json", "stat", &b.url("random.bin")])
        .assert()
        .success();
    let stat = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(stat["size"], 20 << 20);
    // Above the default part size of 16 MiB: a two-part upload, with S3's multipart ETag.
    assert_eq!(stat["etag"], multipart_etag(&data, 16 << 20));
    t.cmd()
        .args(["-v", "get", &b.url("random.bin"), "copy.bin"])
        .assert()
        .success();
    assert_eq!(md5_file(&t.path("copy.bin")), md5_file(&src));
}

#[test]
fn stdin_to_put_and_get_to_stdout() {
    let t = TestEnv::new();
    let b = t.bucket("stdio");
    let small = b"line one\nline two\n".to_vec();
    t.cmd()
        .args(["put", "-", &b.url("from-stdin.txt")])
        .write_stdin(small.clone())
        .assert()
        .success();
    t.cmd()
        .args(["get", &b.url("from-stdin.txt"), "-"])
        .assert()
        .success()
        .stdout(small);
    // Bigger than the in-memory limit: spooled to a temp file, same bytes come back.
    let large = random_bytes(9 << 20, 9);
    t.cmd()
        .args(["put", "-", &b.url("large-stdin.bin")])
        .write_stdin(large.clone())
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["get", &b.url("large-stdin.bin"), "-"])
        .assert()
        .success();
    assert_eq!(md5_hex(&out.get_output().stdout), md5_hex(&large));
    // Empty stdin makes an empty object.
    t.cmd()
        .args(["put", "-", &b.url("empty")])
        .write_stdin(Vec::new())
        .assert()
        .success();
    t.cmd()
        .args(["get", &b.url("empty"), "-"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn ls_one_level_recursive_long_human_and_json() {
    let t = TestEnv::new();
    let b = t.bucket("ls");
    t.write("f", &vec![b'x'; 1536]);
    for key in ["top.txt", "dir/a.txt", "dir/sub/b.txt", "other/c.txt"] {
        t.cmd().args(["put", "f", &b.url(key)]).assert().success();
    }
    let out = t.cmd().args(["ls", &b.url("")]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].ends_with(&format!("DIR  {}", b.url("dir/"))),
        "{text}"
    );
    assert!(
        lines[1].ends_with(&format!("DIR  {}", b.url("other/"))),
        "{text}"
    );
    let object_line = regex_line(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+1536  s3://\S+/top\.txt$");
    assert!(object_line.eval(lines[2]), "{text}");

    let out = t
        .cmd()
        .args(["ls", "-r", "-H", &b.url("dir/")])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("1.5 KiB"), "{text}");

    let out = t
        .cmd()
        .args(["ls", "-l", &b.url("dir/")])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("STANDARD"), "{text}");
    assert!(text.contains(&md5_hex(&vec![b'x'; 1536])), "{text}");

    let out = t
        .cmd()
        .args(["ls", &b.url(""), "--json"])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records.len(), 3);
    assert_eq!(
        records[0],
        serde_json::json!({"prefix": "dir/", "url": b.url("dir/")})
    );
    let obj = &records[2];
    assert_eq!(obj["key"], "top.txt");
    assert_eq!(obj["url"], b.url("top.txt"));
    assert_eq!(obj["size"], 1536);
    assert_eq!(obj["storage_class"], "STANDARD");
    assert_eq!(obj["etag"], md5_hex(&vec![b'x'; 1536]));
    assert!(obj["last_modified"].as_str().unwrap().ends_with('Z'));

    // Buckets: the test bucket is listed, with its creation date.
    let out = t.cmd().args(["--json", "ls"]).assert().success();
    let buckets = json_lines(&out.get_output().stdout);
    let mine = buckets
        .iter()
        .find(|r| r["bucket"] == b.name.as_str())
        .expect("bucket listed");
    assert!(mine["created"].as_str().is_some());
}

fn regex_line(re: &str) -> predicates::str::RegexPredicate {
    predicate::str::is_match(re).unwrap()
}

#[test]
fn ls_follows_every_page() {
    let t = TestEnv::new();
    let b = t.bucket("pages");
    // 1,005 objects: more than one page of 1,000 keys. One put with many sources keeps it
    // to one process and one connection pool.
    let mut args = vec!["-q".to_string(), "put".to_string()];
    for i in 0..1005 {
        let name = format!("f{i:04}");
        t.write(&format!("many/{name}"), name.as_bytes());
        args.push(format!("many/{name}"));
    }
    args.push(b.url("p/"));
    t.cmd().args(&args).assert().success();
    let out = t
        .cmd()
        .args(["--json", "ls", &b.url("p/")])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records.len(), 1005);
    assert_eq!(records[1004]["key"], "p/f1004");
    let out = t.cmd().args(["ls", "-r", &b.url("")]).assert().success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        1005
    );
    // One level above them: a single common prefix, however many pages hold it.
    let out = t.cmd().args(["ls", &b.url("")]).assert().success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout).trim(),
        format!("DIR  {}", b.url("p/"))
    );
}

/// What radosgw cannot show: a server that stores flexible checksums (here a composite
/// one, `-N` and its type, as AWS returns them on HEAD).
#[test]
fn stat_shows_the_stored_checksums_as_the_server_sent_them() {
    let t = TestEnv::new();
    let value = "trl4ZvU3IlmjXr9GuQg3EfCmqsAn2DVIT6t8MEYazT0=-3";
    let head = Reply::new(200, b"")
        .header("ETag", "\"8fb356cf42a1aa2106525210ec3e9c3e-3\"")
        .header("Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT")
        .header("x-amz-checksum-sha256", value)
        .header("x-amz-checksum-type", "COMPOSITE");
    let server = FakeServer::start(vec![head.clone(), head]);
    let stat = |json: &[&str]| {
        let out = t
            .bare()
            .args(["--provider", "s3", "--endpoint", &server.endpoint()])
            .args([
                "--addressing",
                "path",
                "--access-key",
                "AK",
                "--secret-key",
                "SK",
            ])
            .args(json)
            .args(["stat", "s3://bucket/key"])
            .assert()
            .success();
        out.get_output().stdout.clone()
    };
    let record = &json_lines(&stat(&["--json"]))[0];
    assert_eq!(record["checksums"], serde_json::json!({ "sha256": value }));
    assert_eq!(record["checksum_type"], "COMPOSITE");
    let human = String::from_utf8(stat(&[])).unwrap();
    assert!(
        human.contains(&format!(
            "\nChecksum: sha256={value}\nChecksum-Type: COMPOSITE\n"
        )),
        "{human}"
    );
    for seen in server.requests() {
        assert_eq!(seen.method, "HEAD");
        assert_eq!(
            seen.header("x-amz-checksum-mode"),
            Some("ENABLED"),
            "{seen:?}"
        );
    }
}

#[test]
fn stat_shows_type_storage_class_and_metadata() {
    let t = TestEnv::new();
    let b = t.bucket("stat");
    t.write("page.html", b"<html></html>");
    t.cmd()
        .args([
            "put",
            "page.html",
            &b.url("site/index.html"),
            "--meta",
            "color=blue",
        ])
        .args(["--meta", "Owner=Team-A", "--storage-class", "STANDARD"])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["--json", "stat", &b.url("site/index.html")])
        .assert()
        .success();
    let stat = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(stat["key"], "site/index.html");
    assert_eq!(stat["size"], 13);
    assert_eq!(stat["content_type"], "text/html");
    assert_eq!(stat["storage_class"], "STANDARD");
    let mut metadata = stat["metadata"].as_object().unwrap().clone();
    // Uploads of files also keep the file's modification time.
    let mtime = metadata.remove("mtime").expect("mtime metadata");
    let modified = std::fs::metadata(t.path("page.html"))
        .unwrap()
        .modified()
        .unwrap();
    let secs = modified
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        mtime.as_str().unwrap().starts_with(&format!("{secs}.")),
        "{mtime}"
    );
    assert_eq!(
        serde_json::Value::Object(metadata),
        serde_json::json!({"color": "blue", "owner": "Team-A"})
    );
    t.cmd()
        .args(["stat", &b.url("site/index.html")])
        .assert()
        .success()
        .stdout(predicate::str::contains("Size: 13\n"))
        .stdout(predicate::str::contains("Content-Type: text/html\n"))
        .stdout(predicate::str::contains("Metadata: color=blue\n"));
    // An explicit type wins over the guess.
    t.cmd()
        .args([
            "put",
            "page.html",
            &b.url("raw"),
            "--content-type",
            "application/x-test",
        ])
        .assert()
        .success();
    t.cmd()
        .args(["stat", &b.url("raw")])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Content-Type: application/x-test\n",
        ));
}

#[test]
fn ranges_directories_and_no_clobber() {
    let t = TestEnv::new();
    let b = t.bucket("range");
    let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
    t.write("data.bin", &data);
    t.cmd()
        .args(["put", "data.bin", &b.url("d/data.bin")])
        .assert()
        .success();
    t.cmd()
        .args(["get", &b.url("d/data.bin"), "-", "--range", "10-19"])
        .assert()
        .success()
        .stdout(data[10..20].to_vec());
    t.cmd()
        .args(["get", &b.url("d/data.bin"), "-", "--range", "990-"])
        .assert()
        .success()
        .stdout(data[990..].to_vec());
    t.cmd()
        .args(["get", &b.url("d/data.bin"), "-", "--range", "-5"])
        .assert()
        .success()
        .stdout(data[995..].to_vec());
    t.cmd()
        .args(["get", &b.url("d/data.bin"), "part.bin", "--range", "0-99"])
        .assert()
        .success();
    assert_eq!(std::fs::read(t.path("part.bin")).unwrap(), &data[..100]);

    // Into a directory (existing, or named with a trailing slash), and to the default name.
    std::fs::create_dir_all(t.path("existing")).unwrap();
    t.cmd()
        .args(["get", &b.url("d/data.bin"), "existing"])
        .assert()
        .success();
    t.cmd()
        .args(["get", &b.url("d/data.bin"), "newdir/"])
        .assert()
        .success();
    t.cmd()
        .args(["get", &b.url("d/data.bin")])
        .current_dir(t.path("existing"))
        .assert()
        .code(0);
    assert_eq!(std::fs::read(t.path("existing/data.bin")).unwrap(), data);
    assert_eq!(std::fs::read(t.path("newdir/data.bin")).unwrap(), data);
    assert_eq!(
        dir_entries(&t.path("existing")),
        ["data.bin"],
        "no temp file left behind"
    );

    // --no-clobber keeps what is there, locally and remotely.
    t.write("local.bin", b"mine");
    t.cmd()
        .args(["get", &b.url("d/data.bin"), "local.bin", "--no-clobber"])
        .assert()
        .success()
        .stdout(predicate::str::contains("skip"));
    assert_eq!(std::fs::read(t.path("local.bin")).unwrap(), b"mine");
    t.cmd()
        .args([
            "put",
            "local.bin",
            &b.url("d/data.bin"),
            "--no-clobber",
            "--json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"op\":\"skip\""));
    t.cmd()
        .args(["get", &b.url("d/data.bin"), "-"])
        .assert()
        .success()
        .stdout(data.clone());
    // Without it, get replaces the file (through a temp file and a rename).
    t.cmd()
        .args(["get", &b.url("d/data.bin"), "local.bin"])
        .assert()
        .success();
    assert_eq!(std::fs::read(t.path("local.bin")).unwrap(), data);
}

#[test]
fn rm_several_keys_and_dry_run() {
    let t = TestEnv::new();
    let b = t.bucket("rm");
    t.write("f", b"x");
    for key in ["a", "b", "c"] {
        t.cmd().args(["put", "f", &b.url(key)]).assert().success();
    }
    t.cmd()
        .args(["rm", "--dry-run", &b.url("a")])
        .assert()
        .success()
        .stdout(format!("(dry run) delete: {}\n", b.url("a")));
    let out = t
        .cmd()
        .args(["--json", "rm", &b.url("a"), &b.url("b")])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["op"], "delete");
    assert_eq!(records[0]["status"], "ok");
    let out = t
        .cmd()
        .args(["--json", "ls", &b.url("")])
        .assert()
        .success();
    let keys: Vec<_> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|r| r["key"].clone())
        .collect();
    assert_eq!(keys, [serde_json::json!("c")]);
}

#[test]
fn put_dry_run_and_json_records() {
    let t = TestEnv::new();
    let b = t.bucket("json");
    t.write("one.txt", b"1");
    t.write("two.txt", b"22");
    let out = t
        .cmd()
        .args([
            "--json",
            "put",
            "one.txt",
            "two.txt",
            &b.url("p/"),
            "--dry-run",
        ])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records[0]["status"], "planned");
    assert_eq!(records[1]["dst"], b.url("p/two.txt"));
    let out = t
        .cmd()
        .args(["--json", "ls", "-r", &b.url("")])
        .assert()
        .success();
    assert!(
        json_lines(&out.get_output().stdout).is_empty(),
        "dry run uploaded something"
    );
    let out = t
        .cmd()
        .args(["--json", "put", "one.txt", "two.txt", &b.url("p/")])
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(
        records[1],
        serde_json::json!({"op": "put", "src": "two.txt", "dst": b.url("p/two.txt"), "size": 2, "status": "ok"})
    );
}

#[test]
fn canned_acl_and_extra_headers_reach_the_server() {
    let s = server();
    let t = TestEnv::new();
    let b = t.bucket("acl");
    t.write("pub.txt", b"public data");
    t.cmd()
        .args(["put", "pub.txt", &b.url("pub.txt"), "--acl", "public-read"])
        .args(["--header", "Cache-Control: max-age=60"])
        .assert()
        .success();
    t.cmd()
        .args(["put", "pub.txt", &b.url("private.txt")])
        .assert()
        .success();
    // Anonymous HTTP clients can read the public object, not the private one.
    let get = |key: &str| {
        let out = std::process::Command::new("curl")
            .args(["-s", "-D", "-", "-o", "/dev/null"])
            .arg(format!("{}/{}/{key}", s.endpoint, b.name))
            .output()
            .expect("curl");
        String::from_utf8_lossy(&out.stdout).to_ascii_lowercase()
    };
    let public = get("pub.txt");
    assert!(public.starts_with("http/1.1 200"), "{public}");
    assert!(public.contains("cache-control: max-age=60"), "{public}");
    assert!(get("private.txt").starts_with("http/1.1 403"));
}

#[test]
fn virtual_host_addressing_with_a_resolve_override() {
    // radosgw's own virtual hosting, in S3 whatever the run's dialect.
    let s = server();
    let t = TestEnv::new();
    let b = t.bucket("vhost");
    t.write("v.txt", b"virtual");
    let endpoint = format!("http://localhost:{}", s.port);
    let virtual_args = [
        "--endpoint",
        &endpoint,
        "--addressing",
        "virtual",
        "--resolve",
        "*.localhost:127.0.0.1",
    ];
    let out = t
        .cmd_signing(&crate::support::signature())
        .args(virtual_args)
        .args(["-vv", "put", "v.txt", &b.url("dir/v.txt")])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains(&format!(
            "> PUT http://{}.localhost:{}/dir/v.txt",
            b.name, s.port
        )),
        "{stderr}"
    );
    t.cmd_signing(&crate::support::signature())
        .args(virtual_args)
        .args(["get", &b.url("dir/v.txt"), "-"])
        .assert()
        .success()
        .stdout("virtual");
    // Path style reads what virtual style wrote.
    t.cmd_signing(&crate::support::signature())
        .args(["--addressing", "path", "get", &b.url("dir/v.txt"), "-"])
        .assert()
        .success()
        .stdout("virtual");
}

#[test]
fn mb_rejects_bad_names_and_buckets_are_cleaned_up() {
    let t = TestEnv::new();
    let name = {
        let b = t.bucket("gone");
        t.write("f", b"x");
        t.cmd().args(["put", "f", &b.url("k")]).assert().success();
        b.name.clone()
    };
    // The guard's drop removed the bucket and its object.
    let out = t.cmd().args(["--json", "ls"]).assert().success();
    assert!(
        json_lines(&out.get_output().stdout)
            .iter()
            .all(|r| r["bucket"] != name.as_str())
    );
    t.cmd().args(["mb", "s3://ab"]).assert().code(2);
    t.cmd()
        .args([
            "mb",
            &format!("s3://t{}-acl", std::process::id()),
            "--acl",
            "nobody",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("valid ACLs"));
}

#[test]
fn the_content_type_is_guessed_from_the_file_name_then_the_key() {
    let t = TestEnv::new();
    let b = t.bucket("ctype");
    t.write("photo.jpg", b"not really a jpeg");
    t.write("data", b"no extension");
    for (src, key, expected) in [
        ("photo.jpg", "k", "image/jpeg"),
        ("data", "page.html", "text/html"),
        ("data", "k2", "application/octet-stream"),
    ] {
        t.cmd().args(["put", src, &b.url(key)]).assert().success();
        let out = t
            .cmd()
            .args(["--json", "stat", &b.url(key)])
            .assert()
            .success();
        let stat = &json_lines(&out.get_output().stdout)[0];
        assert_eq!(stat["content_type"], expected, "put {src} {key}");
    }
}

#[test]
fn multipart_abort_all_with_nothing_to_abort_says_so() {
    let t = TestEnv::new();
    let b = t.bucket("abortnone");
    let prefix = b.url("p/");
    t.cmd()
        .args(["multipart", "abort", "--all", &prefix])
        .assert()
        .success()
        .stdout("")
        .stderr(format!("objcmd: no unfinished uploads under {prefix}\n"));
    // A fresh upload is not older than 7d: it stays, and the message says what was asked.
    let out = t
        .cmd()
        .args(["multipart", "init", &b.url("p/young.bin")])
        .assert()
        .success();
    let id = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    t.cmd()
        .args(["multipart", "abort", "--all", "--older-than", "7d", &prefix])
        .assert()
        .success()
        .stdout("")
        .stderr(format!("objcmd: no uploads older than 7d under {prefix}\n"));
    // --json: no record (nothing was aborted), the note stays on stderr; -q drops it.
    t.cmd()
        .args([
            "--json",
            "multipart",
            "abort",
            "--all",
            "--older-than",
            "7d",
            &prefix,
        ])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no uploads older than 7d"));
    t.cmd()
        .args([
            "-q",
            "multipart",
            "abort",
            "--all",
            "--older-than",
            "7d",
            &prefix,
        ])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    t.cmd()
        .args(["multipart", "ls", &prefix])
        .assert()
        .success()
        .stdout(predicate::str::contains(id.as_str()));
    t.cmd()
        .args(["multipart", "abort", "--all", &prefix])
        .assert()
        .success()
        .stdout(format!("abort: {} ({id})\n", b.url("p/young.bin")))
        .stderr("");
}
