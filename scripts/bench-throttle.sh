#!/usr/bin/env bash
# scripts/bench-throttle.sh -- owns the throttling measurement (docs/benchmarks.md,
# "Adaptive throttling"): `put -r` of 2,000 x 100-byte files at -j 64 through the test
# suite's proxy playing a server that answers 503 SlowDown above 8 requests in flight,
# once at the old fixed -j (OBJCMD_TEST_FIXED_JOBS=1) and once adapting, in each round.
#
# The run is the integration test tests/cases/proxy_throttle.rs (the proxy is test code),
# built in release mode; each round prints the test's `throttle:` lines (exit code,
# SlowDown replies, requests, wall time), and the end a median per mode. The test starts
# its own radosgw (scripts/radosgw.sh install must have run once).
#
# Usage: scripts/bench-throttle.sh
#   BENCH_RUNS=5     rounds
set -euo pipefail
export LC_ALL=C

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${BENCH_RUNS:-5}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT

cargo test --release --locked --test cli --no-run >&2
for round in $(seq "$RUNS"); do
    echo "round $round" >&2
    cargo test --release --locked --test cli proxy_throttle -- --nocapture 2>&1 |
        grep '^throttle: ' | tee -a "$OUT"
done

# throttle: Fixed: exit Some(3), 535 SlowDown replies of 2534 requests, 4.81 s, 0 -v lines of concurrency
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for mode in Fixed Adaptive; do
    slow=$(grep "^throttle: $mode:" "$OUT" | sed -E 's/.*, ([0-9]+) SlowDown.*/\1/' | median)
    secs=$(grep "^throttle: $mode:" "$OUT" | sed -E 's/.*, ([0-9.]+) s, .*/\1/' | median)
    fails=$(grep -c "^throttle: $mode: exit Some([^0])" "$OUT" || true)
    printf '%-8s median %s SlowDown replies, median %s s, %s of %s runs failed\n' \
        "$mode" "$slow" "$secs" "$fails" "$RUNS"
done
