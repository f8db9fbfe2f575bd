//! Listing-driven commands keep a flat memory line: `rm -r`, `sync --dry-run` and `check` over
//! 10^5 keys of the synthetic listing server (tests/support/listing.rs), every record
//! counted, and objcmd's peak RSS compared with the same command over a tenth of the keys.
//! A memory test, not a timing test: the curve up to 10^7 keys is scripts/bench-listing.sh's.

use std::collections::BTreeMap;

use crate::support::TestEnv;
use crate::support::listing::{ListingServer, Prefix, run_measured};

/// The keys of the big runs.
const KEYS: u64 = 100_000;

/// The most a run may peak at: objcmd idles at about 10 MiB.
const PEAK_MAX_KIB: u64 = 64 << 10;

/// The most a run over `KEYS` may peak above the same run over a tenth of them. Holding
/// 90,000 more keys, even as bare strings (about 60 bytes each), would take more.
const GROWTH_MAX_KIB: u64 = 4 << 10;

/// What a `--json` run reported and how much memory it took.
struct Run {
    /// Records counted by (op, status).
    records: BTreeMap<(String, String), u64>,
    stderr: String,
    peak_kib: u64,
}

impl Run {
    fn count(&self, op: &str, status: &str) -> u64 {
        self.records
            .get(&(op.to_string(), status.to_string()))
            .copied()
            .unwrap_or(0)
    }
}

/// Runs objcmd with `--json` against `server` (anonymous keys: the stand-in checks no
/// signature), counting its records as they stream, and asserts it exits 0.
fn run(t: &TestEnv, server: &ListingServer, args: &[&str]) -> Run {
    let mut cmd = t.bare_std();
    cmd.args(["--endpoint", &server.endpoint()])
        .args(["--access-key", "AK", "--secret-key", "SK", "--json"])
        .args(args);
    let mut records = BTreeMap::new();
    let mut summary = None;
    let measured = run_measured(cmd, |line| {
        let record: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line:?}: {e}"));
        // The summary comes last: no record after it.
        assert_eq!(summary, None, "a record after the summary: {line}");
        if record["summary"].is_object() {
            summary = Some(record["summary"].clone());
            return;
        }
        let field = |name: &str| record[name].as_str().unwrap_or("?").to_string();
        *records.entry((field("op"), field("status"))).or_insert(0) += 1;
    });
    let summary = summary.unwrap_or_else(|| panic!("no summary record: {}", measured.stderr));
    let total: u64 = records.values().sum();
    assert_eq!(
        summary["ok"].as_u64().unwrap() + summary["skipped"].as_u64().unwrap(),
        total,
        "{summary}"
    );
    assert_eq!(
        measured.code,
        Some(0),
        "objcmd {args:?} failed: {}",
        measured.stderr
    );
    assert_eq!(server.unexpected(), Vec::<String>::new());
    Run {
        records,
        stderr: measured.stderr,
        peak_kib: measured.peak_kib,
    }
}

/// Asserts that the run over `KEYS` (`big`) peaks under the bound, and no more than
/// `GROWTH_MAX_KIB` above the run over a tenth of them (`small`).
fn assert_flat(what: &str, small: &Run, big: &Run) {
    eprintln!(
        "{what}: peak RSS {} KiB at {} keys, {} KiB at {KEYS}",
        small.peak_kib,
        KEYS / 10,
        big.peak_kib
    );
    assert!(
        big.peak_kib < PEAK_MAX_KIB,
        "{what} peaked at {} KiB over {KEYS} keys",
        big.peak_kib
    );
    assert!(
        big.peak_kib < small.peak_kib + GROWTH_MAX_KIB,
        "{what}'s memory grows with the key count: {} KiB at {} keys, {} KiB at {KEYS}",
        small.peak_kib,
        KEYS / 10,
        big.peak_kib
    );
}

#[test]
fn rm_r_of_a_hundred_thousand_keys_keeps_a_flat_memory_line() {
    let t = TestEnv::new();
    let mut runs = Vec::new();
    for keys in [KEYS / 10, KEYS] {
        let server = ListingServer::start(vec![Prefix::new("p/", keys, 1)]);
        let run = run(&t, &server, &["rm", "-r", "s3://bkt/p/"]);
        assert_eq!(run.count("delete", "ok"), keys, "{:?}", run.records);
        assert_eq!(run.records.len(), 1, "{:?}", run.records);
        // Every key was sent, 1,000 to a DeleteObjects request.
        assert_eq!(server.count(|c| &c.deleted), keys);
        assert_eq!(server.count(|c| &c.delete_requests), keys / 1000);
        assert_eq!(server.count(|c| &c.listed), keys);
        runs.push(run);
    }
    assert_flat("rm -r", &runs[0], &runs[1]);
}

#[test]
fn sync_dry_run_between_two_big_prefixes_keeps_a_flat_memory_line() {
    let t = TestEnv::new();
    let mut runs = Vec::new();
    for keys in [KEYS / 10, KEYS] {
        // q/ holds every second key of p/, with the same size and time: half of p/ is up
        // to date, the other half is copied.
        let server = ListingServer::start(vec![
            Prefix::new("p/", keys, 1),
            Prefix::new("q/", keys / 2, 2),
        ]);
        let run = run(
            &t,
            &server,
            &["sync", "--dry-run", "s3://bkt/p/", "s3://bkt/q/"],
        );
        assert_eq!(run.count("copy", "planned"), keys / 2, "{:?}", run.records);
        assert_eq!(run.count("skip", "ok"), keys / 2, "{:?}", run.records);
        assert_eq!(run.records.len(), 2, "{:?}", run.records);
        let summary = format!(
            "{} would be transferred, 0 would be deleted, {} up to date",
            keys / 2,
            keys / 2
        );
        assert!(run.stderr.contains(&summary), "{}", run.stderr);
        assert_eq!(server.count(|c| &c.listed), keys + keys / 2);
        runs.push(run);
    }
    assert_flat("sync --dry-run", &runs[0], &runs[1]);
}

#[test]
fn sync_delete_dry_run_from_a_small_source_keeps_a_flat_memory_line() {
    let t = TestEnv::new();
    let mut runs = Vec::new();
    for keys in [KEYS / 10, KEYS] {
        // s/ holds the first 10 keys of q/: they are up to date, the rest would be deleted.
        let server =
            ListingServer::start(vec![Prefix::new("s/", 10, 1), Prefix::new("q/", keys, 1)]);
        let run = run(
            &t,
            &server,
            &[
                "sync",
                "--delete",
                "--dry-run",
                "s3://bkt/s/",
                "s3://bkt/q/",
            ],
        );
        assert_eq!(
            run.count("delete", "planned"),
            keys - 10,
            "{:?}",
            run.records
        );
        assert_eq!(run.count("skip", "ok"), 10, "{:?}", run.records);
        assert_eq!(run.records.len(), 2, "{:?}", run.records);
        assert_eq!(server.count(|c| &c.deleted), 0);
        runs.push(run);
    }
    assert_flat("sync --delete --dry-run", &runs[0], &runs[1]);
}

#[test]
fn sync_dry_run_to_a_local_directory_keeps_a_flat_memory_line() {
    let t = TestEnv::new();
    let mut runs = Vec::new();
    for keys in [KEYS / 10, KEYS] {
        let server = ListingServer::start(vec![Prefix::new("p/", keys, 1)]);
        let run = run(&t, &server, &["sync", "--dry-run", "s3://bkt/p/", "out"]);
        assert_eq!(run.count("get", "planned"), keys, "{:?}", run.records);
        assert_eq!(run.records.len(), 1, "{:?}", run.records);
        runs.push(run);
    }
    assert!(!t.path("out").exists(), "a dry run created the directory");
    assert_flat("sync --dry-run to a directory", &runs[0], &runs[1]);
}

#[test]
fn check_between_two_big_prefixes_keeps_a_flat_memory_line() {
    let t = TestEnv::new();
    let mut runs = Vec::new();
    for keys in [KEYS / 10, KEYS] {
        // q/ holds every second key of p/, with the same size and time.
        let server = ListingServer::start(vec![
            Prefix::new("p/", keys, 1),
            Prefix::new("q/", keys / 2, 2),
        ]);
        let mut cmd = t.bare_std();
        cmd.args(["--endpoint", &server.endpoint()])
            .args(["--access-key", "AK", "--secret-key", "SK", "--json"])
            .args(["check", "s3://bkt/p/", "s3://bkt/q/"]);
        let mut records = BTreeMap::new();
        let measured = run_measured(cmd, |line| {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            let state = record["state"].as_str().unwrap_or("?").to_string();
            *records.entry((state, String::new())).or_insert(0) += 1;
        });
        assert_eq!(measured.code, Some(7), "{}", measured.stderr);
        assert_eq!(server.unexpected(), Vec::<String>::new());
        let half = keys / 2;
        assert_eq!(records.len(), 1, "{records:?}");
        assert_eq!(records[&("missing_dst".to_string(), String::new())], half);
        let summary =
            format!("{half} identical, 0 differ, {half} missing in DST, 0 missing in SRC");
        assert!(measured.stderr.contains(&summary), "{}", measured.stderr);
        assert_eq!(server.count(|c| &c.listed), keys + half);
        runs.push(Run {
            records,
            stderr: measured.stderr,
            peak_kib: measured.peak_kib,
        });
    }
    assert_flat("check", &runs[0], &runs[1]);
}
