#!/usr/bin/env bash
# scripts/bench-listing.sh -- owns the memory curve of objcmd's listing-driven commands:
# peak RSS and wall time of `ls -r`, `rm -r`, `sync --dry-run`, `check` and `du` against the key count,
# 10^5 to 10^7 keys, served by the test suite's synthetic listing server
# (tests/support/listing.rs, built as examples/listing_server.rs), which stores no key and
# answers DeleteObjects with success. No radosgw, no peers. Results: docs/benchmarks.md,
# "Listing-driven commands: memory against the key count".
#
# Usage:
#   scripts/bench-listing.sh                                  # 10^5, 10^6 (3 runs), 10^7 (1 run)
#   BENCH_LISTING_KEYS="100000:3 1000000:3" scripts/bench-listing.sh   # without 10^7
#
# For every N of BENCH_LISTING_KEYS, a fresh server serves p/ (N keys), q/ (every second key
# of p/: N/2 keys) and s/ (the first 10 keys), and each command runs RUNS times (rounds
# interleave the commands), stdout piped to `wc -l`, stderr to a file:
#   ls -r           objcmd ls -r s3://bench/p/                     N lines
#   rm -r           objcmd rm -r s3://bench/p/                     N lines, N keys deleted
#   sync p/ q/      objcmd sync --dry-run s3://bench/p/ s3://bench/q/
#                   N/2 would be transferred, N/2 up to date
#   sync --delete   objcmd sync --delete --dry-run s3://bench/s/ s3://bench/p/
#                   N-10 would be deleted, 10 up to date
#   sync to dir     objcmd sync --dry-run s3://bench/p/ DIR        N would be transferred
#   check           objcmd check s3://bench/p/ s3://bench/q/       exit 7, N/2 missing in DST
#   du              objcmd du s3://bench/p/                        one line: N objects
# Each run is wrapped in /usr/bin/time (wall s, peak RSS, user+sys CPU) and `timeout`;
# every count is checked (lines, the summary, the server's counters). Before each run it
# waits (at most BENCH_QUIET_MAX s) for the machine to be at most BENCH_QUIET_PCT % busy.
# Prints a markdown table on stdout (also written to $BENCH_OUT if set), progress on
# stderr; exits 1 if any run failed or any check failed.
#
# Environment:
#   BENCH_LISTING_KEYS="100000:3 1000000:3 10000000:1"   N[:RUNS] ...
#   BENCH_LISTING_COMMANDS="ls rm sync sync-delete sync-local check du"   which commands
#   BENCH_TIMEOUT=1800      seconds after which one run is killed and counted as failed
#   BENCH_QUIET_PCT=15, BENCH_QUIET_MAX=60
#   BENCH_NO_BUILD=1        use the existing target/release/{objcmd,examples/listing_server}
#   BENCH_OBJCMD=PATH       benchmark this objcmd binary (the server is still built)
#   BENCH_OUT=              also write the report to this file
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
log() { printf 'bench-listing.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

KEYS=${BENCH_LISTING_KEYS:-100000:3 1000000:3 10000000:1}
COMMANDS=${BENCH_LISTING_COMMANDS:-ls rm sync sync-delete sync-local check du}
TIMEOUT=${BENCH_TIMEOUT:-1800}
QUIET_PCT=${BENCH_QUIET_PCT:-15}
QUIET_MAX=${BENCH_QUIET_MAX:-60}
[ -x /usr/bin/time ] || die "GNU time is missing (apt-get install time)"
command -v curl >/dev/null || die "curl is missing"

if [ -z "${BENCH_NO_BUILD:-}" ]; then
    log "cargo build --release (objcmd and the listing server)"
    (cd "$ROOT" && cargo build --release --quiet --bin objcmd --example listing_server) >&2
fi
OBJCMD=${BENCH_OBJCMD:-$ROOT/target/release/objcmd}
SERVER=$ROOT/target/release/examples/listing_server
[ -x "$OBJCMD" ] || die "$OBJCMD is not built"
[ -x "$SERVER" ] || die "$SERVER is not built"

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    [ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# cpu_busy: percent of all CPUs busy over the next 0.5 s (from /proc/stat)
cpu_busy() {
    local a b
    a=$(awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6 }' /proc/stat)
    sleep 0.5
    b=$(awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6 }' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ")
        t = y[1] - x[1]; i = y[2] - x[2]; printf "%d", (t > 0 ? 100 * (t - i) / t : 0) }'
}
NOISY=0
settle() {
    local t0=$SECONDS busy
    while busy=$(cpu_busy) && [ "$busy" -gt "$QUIET_PCT" ]; do
        if [ $((SECONDS - t0)) -ge "$QUIET_MAX" ]; then
            log "machine still ${busy}% busy after ${QUIET_MAX} s: measuring anyway"
            NOISY=$((NOISY + 1))
            break
        fi
        sleep 1
    done
}

start_server() { # N: serves p/ (N), q/ (N/2, step 2), s/ (10); sets ENDPOINT
    local n=$1
    "$SERVER" "p/:$n" "q/:$((n / 2)):2" "s/:10" >"$WORK/server.out" 2>"$WORK/server.err" &
    SERVER_PID=$!
    for _ in $(seq 100); do
        ENDPOINT=$(head -n 1 "$WORK/server.out")
        [ -n "$ENDPOINT" ] && return 0
        sleep 0.05
    done
    die "the listing server did not start: $(cat "$WORK/server.err")"
}
stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
counter() { curl -sf "$ENDPOINT/_counters" | awk -v n="$1" '$1 == n { print $2 }'; }

# the command line of a case, and what its run must show
args_of() {
    case $1 in
        ls) echo "ls -r s3://bench/p/" ;;
        rm) echo "rm -r s3://bench/p/" ;;
        sync) echo "sync --dry-run s3://bench/p/ s3://bench/q/" ;;
        sync-delete) echo "sync --delete --dry-run s3://bench/s/ s3://bench/p/" ;;
        sync-local) echo "sync --dry-run s3://bench/p/ $WORK/absent-dir" ;;
        check) echo "check s3://bench/p/ s3://bench/q/" ;;
        du) echo "du s3://bench/p/" ;;
        *) die "unknown command $1 (ls rm sync sync-delete sync-local check du)" ;;
    esac
}
expected_lines() { # CASE N: stdout lines (human output: up-to-date keys print nothing)
    case $1 in
        ls | rm | sync-local) echo "$2" ;;
        sync | check) echo $(($2 / 2)) ;;
        sync-delete) echo $(($2 - 10)) ;;
        du) echo 1 ;;
    esac
}
expected_code() { # CASE: the exit code (check: 7, the trees differ)
    case $1 in
        check) echo 7 ;;
        *) echo 0 ;;
    esac
}
expected_summary() { # CASE N: the sync (or check) summary on stderr
    case $1 in
        sync) echo "$(($2 / 2)) would be transferred, 0 would be deleted, $(($2 / 2)) up to date" ;;
        sync-delete) echo "0 would be transferred, $(($2 - 10)) would be deleted, 10 up to date" ;;
        sync-local) echo "$2 would be transferred, 0 would be deleted, 0 up to date" ;;
        check) echo "$(($2 / 2)) identical, 0 differ, $(($2 / 2)) missing in DST, 0 missing in SRC" ;;
        *) echo "" ;;
    esac
}

FAILED=0
RESULTS=$WORK/results # CASE N RUN wall_s rss_kib cpu_s
: >"$RESULTS"

timed() { # CASE TIMEF ERRF: runs the case under time and timeout, stdout to stdout
    # shellcheck disable=SC2046 # the case's words are split on purpose
    timeout -k 10 "$TIMEOUT" /usr/bin/time -f '%e %M %U %S' -o "$2" \
        env -i PATH="$PATH" HOME="$WORK" NO_COLOR=1 "$OBJCMD" --endpoint "$ENDPOINT" \
        --access-key AK --secret-key SK $(args_of "$1") 2>"$3"
}
one_run() { # CASE N RUN
    local case=$1 n=$2 run=$3 lines code deleted0 deleted summary
    local timef=$WORK/time.$case.$n.$run errf=$WORK/err.$case.$n.$run
    deleted0=$(counter deleted)
    settle
    log "N=$n $case run $run: objcmd $(args_of "$case")"
    set +e
    if [ "$case" = du ]; then
        # One line, kept to check the count it gives.
        timed "$case" "$timef" "$errf" >"$WORK/out.du"
        code=$?
        lines=$(wc -l <"$WORK/out.du")
    else
        lines=$(timed "$case" "$timef" "$errf" | wc -l)
        code=${PIPESTATUS[0]}
    fi
    set -e
    if [ "$code" -ne "$(expected_code "$case")" ]; then
        log "FAILED: exit $code: $(tail -n 3 "$errf")"
        FAILED=1
        return
    fi
    if [ "$lines" -ne "$(expected_lines "$case" "$n")" ]; then
        log "FAILED check: $lines lines, expected $(expected_lines "$case" "$n")"
        FAILED=1
    fi
    if [ "$case" = du ] && ! grep -qE " $n objects  s3://bench/p/\$" "$WORK/out.du"; then
        log "FAILED check: du did not count $n objects: $(cat "$WORK/out.du")"
        FAILED=1
    fi
    summary=$(expected_summary "$case" "$n")
    if [ -n "$summary" ] && ! grep -qF "$summary" "$errf"; then
        log "FAILED check: no \"$summary\" in: $(tail -n 2 "$errf")"
        FAILED=1
    fi
    deleted=$(counter deleted)
    if [ "$case" = rm ] && [ $((deleted - deleted0)) -ne "$n" ]; then
        log "FAILED check: the server got $((deleted - deleted0)) keys to delete, expected $n"
        FAILED=1
    fi
    # The last line: GNU time puts "Command exited with non-zero status 7" (check) before.
    tail -n 1 "$timef" |
        awk -v c="$case" -v n="$n" -v r="$run" '{ printf "%s %s %s %s %s %.2f\n", c, n, r, $1, $2, $3 + $4 }' \
            >>"$RESULTS"
    log "  $(tail -n 1 "$RESULTS" | awk '{ printf "%s s, %.1f MiB, CPU %s s", $4, $5 / 1024, $6 }')"
}

T0=$SECONDS
for spec in $KEYS; do
    n=${spec%%:*}
    runs=${spec#*:}
    [ "$runs" = "$spec" ] && runs=1
    start_server "$n"
    for run in $(seq "$runs"); do
        for case in $COMMANDS; do
            one_run "$case" "$n" "$run"
        done
    done
    if [ "$(counter other)" != 0 ]; then
        log "FAILED check: the server got requests it does not serve: $(curl -sf "$ENDPOINT/_counters" | grep unexpected | head -n 3)"
        FAILED=1
    fi
    stop_server
done

median() { # COLUMN FILE: the median of a column (the lower middle of an even count)
    sort -k"$1,$1"n "$2" | awk -v c="$1" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}
report() {
    echo "| command | keys | runs | wall s (median) | peak RSS MiB (max) | CPU s (median) |"
    echo "|---|---|---|---|---|---|"
    for case in $COMMANDS; do
        for spec in $KEYS; do
            n=${spec%%:*}
            local rows=$WORK/rows
            awk -v c="$case" -v n="$n" '$1 == c && $2 == n' "$RESULTS" >"$rows"
            if [ ! -s "$rows" ]; then
                echo "| $case | $n | 0 | - | - | - |"
                continue
            fi
            printf '| %s | %s | %s | %s | %s | %s |\n' "$case" "$n" "$(wc -l <"$rows")" \
                "$(median 4 "$rows")" "$(sort -k5,5n "$rows" | tail -n 1 | awk '{ printf "%.1f", $5 / 1024 }')" \
                "$(median 6 "$rows")"
        done
    done
    echo
    echo "Raw runs (command, keys, run, wall s, peak RSS KiB, CPU s):"
    echo
    sort -k1,1 -k2,2n -k3,3n "$RESULTS" | sed 's/^/    /'
    echo
    echo "$("$OBJCMD" --version 2>/dev/null | head -n 1) ($(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')), $(nproc) CPUs, $((SECONDS - T0)) s in all; runs started on a busy machine: $NOISY"
}
if [ -n "${BENCH_OUT:-}" ]; then report | tee "$BENCH_OUT"; else report; fi
[ "$FAILED" -eq 0 ] || { log "some runs or checks FAILED"; exit 1; }
