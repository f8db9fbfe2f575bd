//! Downloads that must not harm the files around them (issue 15): a device node or FIFO
//! target is written into and never replaced; a full disk leaves no temp file behind and
//! says so in one line; an interrupted `get` keeps its partial download for `--continue`;
//! dry runs show the sizes they know. The device, FIFO and tmpfs cases need root (the
//! suite runs as root in CI).

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::JoinHandle;
use std::time::Duration;

use predicates::prelude::*;

use crate::support::{
    TestEnv, dir_entries, json_lines, md5_file, md5_hex, random_bytes, wait_for_a_downloaded_chunk,
};

const MIB: usize = 1 << 20;

fn run_ok(program: &str, args: &[&str]) {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A character device node `major:minor` at `path` (1:3 is /dev/null, 1:7 /dev/full).
fn mknod(path: &Path, major: u32, minor: u32) {
    let (major, minor) = (major.to_string(), minor.to_string());
    run_ok(
        "mknod",
        &["-m", "666", path.to_str().unwrap(), "c", &major, &minor],
    );
}

fn mkfifo(path: &Path) {
    run_ok("mkfifo", &[path.to_str().unwrap()]);
}

fn is_char_device(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

fn is_fifo(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

/// Entries of `dir` that are objcmd's temp or state files.
fn temp_files(dir: &Path) -> Vec<String> {
    dir_entries(dir)
        .into_iter()
        .filter(|n| n.contains(".objcmd-"))
        .collect()
}

/// Reads a FIFO on a thread until every writer has closed it. The test holds a write end
/// open of its own until [`FifoReader::finish`], so the reader neither sees the end before
/// objcmd opens the FIFO nor waits for ever if objcmd never does (or replaced it).
struct FifoReader {
    reader: JoinHandle<Vec<u8>>,
    _writer: std::fs::File,
}

impl FifoReader {
    fn start(path: &Path) -> FifoReader {
        let p = path.to_path_buf();
        let reader = std::thread::spawn(move || {
            let mut data = Vec::new();
            std::fs::File::open(p)
                .and_then(|mut f| f.read_to_end(&mut data))
                .unwrap();
            data
        });
        // Blocks until the thread has opened the read end, then keeps the FIFO open.
        let writer = OpenOptions::new().write(true).open(path).unwrap();
        FifoReader {
            reader,
            _writer: writer,
        }
    }

    /// Everything the reader received, once the test's own write end is closed too.
    fn finish(self) -> Vec<u8> {
        let FifoReader { reader, _writer } = self;
        drop(_writer);
        reader.join().unwrap()
    }
}

#[test]
fn get_onto_a_device_node_writes_into_it_and_never_replaces_it() {
    let t = TestEnv::new();
    let b = t.bucket("dev-node");
    t.put_random(&b.url("big.bin"), 12 * MIB, 151, "5MiB");
    std::fs::remove_file(t.path("src.bin")).unwrap();
    let null = t.path("mynull");
    mknod(&null, 1, 3);
    let url = b.url("big.bin");
    // A whole object (in parts, were it a file), a range, and cp's remote-to-local path.
    for args in [
        vec!["get", url.as_str(), "mynull", "--part-size", "5MiB"],
        vec!["get", "--range", "0-99", url.as_str(), "mynull"],
        vec!["cp", url.as_str(), "mynull"],
    ] {
        t.cmd()
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains(" -> mynull ("));
        assert!(is_char_device(&null), "{args:?} replaced the device node");
    }
    // Through a symlink, as /dev/stdout is one.
    std::os::unix::fs::symlink("mynull", t.path("link")).unwrap();
    t.cmd().args(["get", &url, "link"]).assert().success();
    assert!(std::fs::symlink_metadata(t.path("link")).is_ok_and(|m| m.is_symlink()));
    assert!(is_char_device(&null));
    // --continue cannot resume into a device (exit 2, before any request); --no-clobber
    // skips it as it skips any existing target.
    let out = t.cmd().args(["get", "--continue", &url, "mynull"]).assert();
    let stderr = stderr_of(&out.code(2));
    assert!(
        stderr.contains("--continue") && stderr.contains("mynull"),
        "{stderr}"
    );
    t.cmd()
        .args(["get", "--no-clobber", &url, "mynull"])
        .assert()
        .success()
        .stdout(predicate::str::contains("skip: "));
    assert!(is_char_device(&null));
    // A device that refuses the bytes (/dev/full) is a write error, and stays a device.
    let full = t.path("myfull");
    mknod(&full, 1, 7);
    let out = t.cmd().args(["get", &url, "myfull"]).assert().code(1);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("no space left on device writing myfull"),
        "{stderr}"
    );
    assert!(is_char_device(&full));
    assert_eq!(
        dir_entries(t.dir.path()),
        ["home", "link", "myfull", "mynull"]
    );
}

#[test]
fn get_onto_a_fifo_streams_exactly_the_object_and_keeps_the_fifo() {
    let t = TestEnv::new();
    let b = t.bucket("fifo");
    let data = random_bytes(12 * MIB + 5, 152);
    t.write("src.bin", &data);
    t.write("keys/main.key", b"0123456789abcdef");
    let key_env = ("OBJCMD_ENCRYPTION_KEY_FILE", t.path("keys/main.key"));
    t.cmd()
        .args([
            "-q",
            "put",
            "src.bin",
            &b.url("big.bin"),
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    t.cmd()
        .env(key_env.0, &key_env.1)
        .args(["-q", "put", "--encrypt", "src.bin", &b.url("secret.bin")])
        .args(["--part-size", "5MiB"])
        .assert()
        .success();
    let fifo = t.path("pipe");
    mkfifo(&fifo);
    for args in [
        vec!["get".to_string(), b.url("big.bin"), "pipe".into()],
        vec!["cp".to_string(), b.url("big.bin"), "pipe".into()],
        // Decrypted on the way, like a download to a file.
        vec!["get".to_string(), b.url("secret.bin"), "pipe".into()],
    ] {
        let reader = FifoReader::start(&fifo);
        let out = t
            .cmd()
            .env(key_env.0, &key_env.1)
            .args(["--part-size", "5MiB"])
            .args(&args)
            .timeout(Duration::from_secs(60))
            .assert();
        let received = reader.finish();
        let stderr = stderr_of(&out);
        out.success();
        assert!(
            received.len() == data.len() && md5_hex(&received) == md5_hex(&data),
            "{args:?}: the reader got {} bytes, not the object's {}: {stderr}",
            received.len(),
            data.len()
        );
        assert!(is_fifo(&fifo), "{args:?} replaced the FIFO");
    }
    assert!(temp_files(t.dir.path()).is_empty());
}

#[test]
fn a_fifo_inside_a_downloaded_tree_is_never_replaced() {
    let t = TestEnv::new();
    let b = t.bucket("fifo-tree");
    t.write("src/a.txt", b"first");
    t.write("src/b.txt", b"second");
    t.cmd()
        .args(["-q", "put", "-r", "src", &b.url("tree/")])
        .assert()
        .success();
    std::fs::create_dir(t.path("dst")).unwrap();
    mkfifo(&t.path("dst/b.txt"));
    // The FIFO has no reader: writing into it would wait for ever, so it fails alone.
    let out = t
        .cmd()
        .args(["get", "-r", &b.url("tree/"), "dst"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(3);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("dst/b.txt is a FIFO, not a regular file: not replaced"),
        "{stderr}"
    );
    assert!(is_fifo(&t.path("dst/b.txt")));
    assert_eq!(std::fs::read(t.path("dst/a.txt")).unwrap(), b"first");
    assert_eq!(dir_entries(&t.path("dst")), ["a.txt", "b.txt"]);
    // sync downwards the same.
    std::fs::create_dir(t.path("synced")).unwrap();
    mkfifo(&t.path("synced/a.txt"));
    let out = t
        .cmd()
        .args(["sync", &b.url("tree/"), "synced"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(3);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("synced/a.txt is a FIFO, not a regular file: not replaced"),
        "{stderr}"
    );
    assert!(is_fifo(&t.path("synced/a.txt")));
    assert_eq!(std::fs::read(t.path("synced/b.txt")).unwrap(), b"second");
}

/// A small tmpfs mounted for one test, unmounted when dropped (also when the test fails).
struct Tmpfs {
    dir: PathBuf,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` at `dir`. Where mounting is impossible the test fails with
    /// the reason, unless OBJCMD_TEST_NO_MOUNT=1 asks to skip it (said on stderr): `None`.
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output();
        let why = match out {
            Ok(out) if out.status.success() => {
                return Some(Tmpfs {
                    dir: dir.to_path_buf(),
                });
            }
            Ok(out) => String::from_utf8_lossy(&out.stderr).trim().to_string(),
            Err(e) => format!("cannot run mount: {e}"),
        };
        let message = format!(
            "this test mounts a {size} tmpfs to fill a disk, and mounting failed ({why}); run it as root, or set OBJCMD_TEST_NO_MOUNT=1 to skip it"
        );
        if std::env::var_os("OBJCMD_TEST_NO_MOUNT").is_some_and(|v| v == "1") {
            eprintln!("SKIPPED (OBJCMD_TEST_NO_MOUNT=1): {message}");
            return None;
        }
        panic!("{message}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let unmounted = Command::new("umount").arg(&self.dir).status();
        if !unmounted.is_ok_and(|s| s.success()) {
            let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
        }
    }
}

/// Fills the file system of `dir` up with one file (`filler`), so that the next byte
/// written anywhere in it fails with ENOSPC.
fn fill_up(dir: &Path) {
    use std::io::Write;
    let mut f = std::fs::File::create(dir.join("filler")).unwrap();
    let block = vec![0x5au8; 4096];
    loop {
        match f.write(&block) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.raw_os_error() == Some(libc::ENOSPC) => break,
            Err(e) => panic!("filling {}: {e}", dir.display()),
        }
    }
}

/// The `objcmd: error:` lines of stderr, each checked to be one clean line.
fn error_lines(stderr: &str) -> Vec<&str> {
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("objcmd: error:"))
        .collect();
    for line in &lines {
        assert!(!line.contains("at path"), "{line}");
        assert!(!line.contains("os error"), "{line}");
    }
    lines
}

#[test]
fn a_full_disk_removes_the_temp_file_and_says_so_in_one_line() {
    let t = TestEnv::new();
    let b = t.bucket("enospc");
    t.write("src.bin", &random_bytes(12 * MIB, 153));
    t.cmd()
        .args([
            "-q",
            "put",
            "src.bin",
            &b.url("big.bin"),
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    let Some(disk) = Tmpfs::mount(&t.path("mnt"), "1m") else {
        return;
    };
    let target = disk.dir.join("big.bin");
    let target_text = target.to_str().unwrap();
    let temp = disk.dir.join(".big.bin.objcmd-part");
    // The chunks do not fit: the write fails part-way.
    let out = t
        .cmd()
        .args(["get", &b.url("big.bin"), target_text, "--part-size", "5MiB"])
        .assert()
        .code(1);
    let stderr = stderr_of(&out);
    assert_eq!(
        error_lines(&stderr),
        [format!(
            "objcmd: error: downloading {} to {target_text}: no space left on device writing {}",
            b.url("big.bin"),
            temp.display()
        )],
        "{stderr}"
    );
    assert!(
        dir_entries(&disk.dir).is_empty(),
        "{:?}",
        dir_entries(&disk.dir)
    );
    // A disk already full: the sidecar cannot be written before the first byte (the
    // reported case, which left the sparse temp file behind on every run).
    fill_up(&disk.dir);
    for run in 0..2 {
        let out = t
            .cmd()
            .args(["get", &b.url("big.bin"), target_text, "--part-size", "5MiB"])
            .assert()
            .code(1);
        let stderr = stderr_of(&out);
        assert_eq!(
            error_lines(&stderr),
            [format!(
                "objcmd: error: downloading {} to {target_text}: no space left on device writing {}.json",
                b.url("big.bin"),
                temp.display()
            )],
            "run {run}: {stderr}"
        );
        assert_eq!(dir_entries(&disk.dir), ["filler"], "run {run}");
    }
    // --continue too: a full disk is not a download to resume.
    let out = t
        .cmd()
        .args(["get", "--continue", &b.url("big.bin"), target_text])
        .args(["--part-size", "5MiB"])
        .assert()
        .code(1);
    assert_eq!(error_lines(&stderr_of(&out)).len(), 1);
    assert_eq!(dir_entries(&disk.dir), ["filler"]);
}

#[test]
fn get_r_and_range_onto_a_full_disk_leave_nothing_behind() {
    let t = TestEnv::new();
    let b = t.bucket("enospc-tree");
    t.write("src/a-small.txt", b"fits");
    t.write("src/b-big.bin", &random_bytes(3 * MIB, 154));
    t.write("src/c-big.bin", &random_bytes(12 * MIB, 155));
    t.cmd()
        .args([
            "-q",
            "put",
            "-r",
            "src",
            &b.url("tree/"),
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    let Some(disk) = Tmpfs::mount(&t.path("mnt"), "1m") else {
        return;
    };
    let dst = disk.dir.join("dst");
    // One object at a time, so that the small one always finds room.
    let out = t
        .cmd()
        .args([
            "-j",
            "1",
            "--part-size",
            "5MiB",
            "get",
            "-r",
            &b.url("tree/"),
        ])
        .arg(&dst)
        .assert()
        .code(3);
    let stderr = stderr_of(&out);
    let errors = error_lines(&stderr);
    assert_eq!(errors.len(), 3, "{stderr}");
    for name in ["b-big.bin", "c-big.bin"] {
        let temp = format!(
            "no space left on device writing {}/.{name}.objcmd-part",
            dst.display()
        );
        assert!(
            errors.iter().any(|l| l.ends_with(&temp)),
            "{name}: {stderr}"
        );
    }
    assert_eq!(dir_entries(&dst), ["a-small.txt"]);
    std::fs::remove_dir_all(&dst).unwrap();
    // A range is one stream through a temp file of its own.
    let target = disk.dir.join("part.bin");
    let out = t
        .cmd()
        .args(["get", "--range", "0-3145727", &b.url("tree/c-big.bin")])
        .arg(&target)
        .assert()
        .code(1);
    let stderr = stderr_of(&out);
    let errors = error_lines(&stderr);
    assert!(
        errors.len() == 1 && errors[0].contains("no space left on device writing"),
        "{stderr}"
    );
    assert!(
        dir_entries(&disk.dir).is_empty(),
        "{:?}",
        dir_entries(&disk.dir)
    );
}

#[test]
fn an_interrupted_get_keeps_its_partial_download_for_continue() {
    let t = TestEnv::new();
    let b = t.bucket("int-keep");
    let data = t.put_random(&b.url("big.bin"), 20 * MIB, 156, "5MiB");
    let child = t
        .std_cmd()
        .args(["get", &b.url("big.bin"), "big.bin", "--part-size", "5MiB"])
        .args(["--part-jobs", "1", "--limit-rate", "8MiB/s"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let sidecar = t.path(".big.bin.objcmd-part.json");
    wait_for_a_downloaded_chunk(&sidecar);
    run_ok("kill", &["-INT", &child.id().to_string()]);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(!t.path("big.bin").exists());
    assert_eq!(
        temp_files(t.dir.path()),
        [".big.bin.objcmd-part", ".big.bin.objcmd-part.json"],
        "{stderr}"
    );
    let url = b.url("big.bin");
    assert!(
        stderr.contains(&format!(
            "hint: the partial download is kept in .big.bin.objcmd-part: resume it with objcmd get --continue {url} big.bin, or delete that file to discard it"
        )),
        "{stderr}"
    );
    let out = t
        .cmd()
        .args([
            "-v",
            "get",
            "--continue",
            &url,
            "big.bin",
            "--part-size",
            "5MiB",
        ])
        .assert()
        .success();
    let stderr = stderr_of(&out);
    assert!(stderr.contains("chunks already there"), "{stderr}");
    assert_eq!(md5_file(&t.path("big.bin")), md5_hex(&data));
    assert!(temp_files(t.dir.path()).is_empty());
}

#[test]
fn dry_runs_show_the_sizes_they_know() {
    let t = TestEnv::new();
    let b = t.bucket("dry-sizes");
    t.write("src/a.txt", b"12345");
    t.write("src/sub/b.txt", b"1234567");
    let out = t
        .cmd()
        .args(["put", "-r", "--dry-run", "src", &b.url("p/")])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains(&format!(
            "(dry run) upload: src/a.txt -> {} (5 bytes)",
            b.url("p/a.txt")
        )) && stdout.contains("(7 bytes)"),
        "{stdout}"
    );
    t.cmd()
        .args(["-q", "put", "-r", "src", &b.url("p/")])
        .assert()
        .success();
    let out = t
        .cmd()
        .args(["get", "-r", "--dry-run", &b.url("p/"), "dst"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let want = [
        format!(
            "(dry run) download: {} -> dst/a.txt (5 bytes)",
            b.url("p/a.txt")
        ),
        format!(
            "(dry run) download: {} -> dst/sub/b.txt (7 bytes)",
            b.url("p/sub/b.txt")
        ),
    ];
    let mut lines: Vec<&str> = stdout.lines().collect();
    lines.sort();
    assert_eq!(lines, want, "{stdout}");
    let out = t
        .cmd()
        .args(["--json", "get", "-r", "--dry-run", &b.url("p/"), "dst"])
        .assert()
        .success();
    let mut sizes: Vec<(String, u64)> = json_lines(&out.get_output().stdout)
        .iter()
        .filter(|r| r["status"] == "planned")
        .map(|r| {
            (
                r["dst"].as_str().unwrap().to_string(),
                r["size"].as_u64().unwrap(),
            )
        })
        .collect();
    sizes.sort();
    assert_eq!(
        sizes,
        [
            ("dst/a.txt".to_string(), 5),
            ("dst/sub/b.txt".to_string(), 7)
        ]
    );
    assert!(!t.path("dst").exists());
}
