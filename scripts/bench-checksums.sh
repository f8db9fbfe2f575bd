#!/usr/bin/env bash
# scripts/bench-checksums.sh -- the cost of flexible checksums (issue 19), objcmd alone against
# one fresh local radosgw per step, through scripts/bench.sh (which times, drops the page
# cache, interleaves the two contenders, checks every transfer and reports medians with the
# min-max). Results: docs/benchmarks.md, "The cost of flexible checksums".
#
# Usage (root, or sudo, to drop the page cache):
#   scripts/bench-checksums.sh NEW_BINARY BASE_BINARY [STEP...]
#
# Steps (default: all, in this order), each one scripts/bench.sh run:
#   crc64nvme, crc32c, sha256   NEW with --checksum-algorithm ALG (as objcmd) against NEW with
#                               --checksum-algorithm none (as objcmd-base): put and get of
#                               256 MiB and 1 GiB; crc64nvme also the 1000 x 4 KiB tree
#                               (put -r, and get -r, rm -r, mv -r, which no algorithm changes)
#   get                         NEW against BASE (a build without flexible checksums), both
#                               with their defaults: the download's extra HEAD for stored
#                               checksums (and put with the default none against BASE's put)
#
# Environment: RUNS=5 (runs per case), OUT_DIR=/tmp/objcmd-bench-checksums (one report per
# step, STEP.md); any BENCH_* variable of scripts/bench.sh (BENCH_QUIET_MAX, BENCH_SIZES...)
# is passed through.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 NEW_BINARY BASE_BINARY [crc64nvme|crc32c|sha256|get ...]" >&2; exit 2; }
NEW=$(readlink -f "$1")
BASE=$(readlink -f "$2")
shift 2
for b in "$NEW" "$BASE"; do [ -x "$b" ] || { echo "not an executable: $b" >&2; exit 2; }; done
STEPS=("$@")
[ ${#STEPS[@]} -gt 0 ] || STEPS=(crc64nvme crc32c sha256 get)
RUNS=${RUNS:-5}
OUT_DIR=${OUT_DIR:-/tmp/objcmd-bench-checksums}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
mkdir -p "$OUT_DIR"

# the settings every step shares: objcmd alone, no stdin upload, no small-file case
export BENCH_TOOLS=objcmd BENCH_TREE_TOOLS=objcmd BENCH_STDIN=0 BENCH_SMALL_COUNT=0
export BENCH_SIZES=${BENCH_SIZES:-"256:$RUNS 1024:$RUNS"} BENCH_TREES=${BENCH_TREES:-"1000x4:$RUNS"}

for step in "${STEPS[@]}"; do
    case $step in
    crc64nvme | crc32c | sha256)
        cases=big
        [ "$step" != crc64nvme ] || cases="big tree"
        BENCH_CASES=$cases BENCH_OBJCMD=$NEW BENCH_OBJCMD_BASE=$NEW \
            BENCH_OBJCMD_ARGS="--checksum-algorithm $step" \
            BENCH_OBJCMD_BASE_ARGS="--checksum-algorithm none" \
            BENCH_OUT=$OUT_DIR/$step.md "$ROOT/scripts/bench.sh" >/dev/null
        ;;
    get)
        BENCH_CASES=big BENCH_OBJCMD=$NEW BENCH_OBJCMD_BASE=$BASE \
            BENCH_OUT=$OUT_DIR/$step.md "$ROOT/scripts/bench.sh" >/dev/null
        ;;
    *) echo "unknown step '$step' (want crc64nvme, crc32c, sha256, get)" >&2; exit 2 ;;
    esac
    echo "bench-checksums: $step done: $OUT_DIR/$step.md" >&2
done
