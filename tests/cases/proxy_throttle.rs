//! Adaptive throttling: a tree command lowers its concurrency when the server answers
//! SlowDown and raises it again on clean replies (src/throttle.rs). The proxy plays a
//! server with a capacity: above K requests in flight it answers 503 SlowDown.
//!
//! What must hold: a `put -r` of many small files at `-j 64` against such a server
//! finishes with every object stored, draws fewer SlowDown replies than the same command at
//! a fixed `-j 64` (the old behaviour, `OBJCMD_TEST_FIXED_JOBS=1`), and `-v` says when the
//! concurrency changes. Each run prints its figures (`--nocapture`), which
//! scripts/bench-throttle.sh collects for docs/benchmarks.md; no time is asserted.

use std::time::Instant;

use super::proxy_faults::{stderr, via};
use crate::support::proxy::Proxy;
use crate::support::{TestEnv, json_lines};

/// The files of the tree, as the issue measured it: 2,000 files of 100 bytes.
const FILES: usize = 2000;

/// The requests the proxy's server takes at once.
const CAPACITY: usize = 8;

/// Whether a run adapts its concurrency or keeps the old fixed `-j`.
#[derive(Clone, Copy, Debug)]
enum Jobs {
    Adaptive,
    Fixed,
}

/// What one `put -r` came to.
struct Run {
    code: Option<i32>,
    stderr: String,
    slow_downs: usize,
    requests: usize,
    seconds: f64,
}

fn write_small_files(t: &TestEnv, root: &str) {
    for i in 0..FILES {
        let byte = b'a' + (i % 26) as u8;
        t.write(&format!("{root}/d{:02}/f{i:04}.txt", i % 20), &[byte; 100]);
    }
}

/// `put -r src URL` at `-j 64` through the proxy, with `-v`.
fn put_tree(t: &TestEnv, proxy: &Proxy, url: &str, jobs: Jobs) -> Run {
    proxy.set_rules(vec![]);
    let mut cmd = via(t, proxy);
    cmd.args(["-v", "-j", "64", "put", "-r", "src", url]);
    if let Jobs::Fixed = jobs {
        cmd.env("OBJCMD_TEST_FIXED_JOBS", "1");
    }
    let start = Instant::now();
    let out = cmd.output().unwrap();
    let seconds = start.elapsed().as_secs_f64();
    let run = Run {
        code: out.status.code(),
        stderr: stderr(&out),
        slow_downs: proxy.over_capacity(),
        requests: proxy.hits().len(),
        seconds,
    };
    eprintln!(
        "throttle: {jobs:?}: exit {:?}, {} SlowDown replies of {} requests, {:.2} s, {} -v lines of concurrency",
        run.code,
        run.slow_downs,
        run.requests,
        run.seconds,
        concurrency_lines(&run.stderr).len()
    );
    run
}

/// The `-v` lines that say the concurrency changed.
fn concurrency_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("objcmd: info: ") && l.ends_with(" objects at once"))
        .collect()
}

/// How many objects are stored under `url`.
fn stored(t: &TestEnv, url: &str) -> usize {
    let out = t.cmd().args(["--json", "ls", "-r", url]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    json_lines(&out.stdout).len()
}

#[test]
fn a_throttled_tree_lowers_its_concurrency_and_finishes() {
    let t = TestEnv::new();
    let b = t.bucket("px-throttle");
    write_small_files(&t, "src");
    let proxy = Proxy::to_server(vec![]);
    proxy.limit_in_flight(CAPACITY);

    let fixed = put_tree(&t, &proxy, &b.url("fixed/"), Jobs::Fixed);
    let adaptive = put_tree(&t, &proxy, &b.url("adaptive/"), Jobs::Adaptive);

    assert_eq!(adaptive.code, Some(0), "stderr:\n{}", adaptive.stderr);
    assert_eq!(stored(&t, &b.url("adaptive/")), FILES);
    assert!(
        adaptive.slow_downs > 0,
        "the server never throttled: the test shows nothing"
    );
    assert!(
        adaptive.slow_downs < fixed.slow_downs,
        "adaptive: {} SlowDown replies, fixed -j: {}",
        adaptive.slow_downs,
        fixed.slow_downs
    );
    let changes = concurrency_lines(&adaptive.stderr);
    assert!(
        changes
            .iter()
            .any(|l| l.starts_with("objcmd: info: SlowDown: 64 -> 32 ")),
        "no first halving in:\n{}",
        changes.join("\n")
    );
    assert!(
        concurrency_lines(&fixed.stderr).is_empty(),
        "the fixed run changed its concurrency"
    );
    // The fixed run is only the yardstick: some of its objects may have run out of retries.
    assert!(matches!(fixed.code, Some(0 | 3)), "{}", fixed.stderr);
}
