#!/usr/bin/env bash
# scripts/bench-upload-memory.sh -- peak RSS, wall time and client CPU (user+sys) of
# `objcmd put FILE s3://b/k` for two objcmd binaries side by side (BEFORE and AFTER), at
# several --part-size / --part-jobs settings, against one fresh local radosgw (started and
# stopped through scripts/radosgw.sh). Results: docs/benchmarks.md, "A flat memory line for
# uploads".
#
# Usage (root, or sudo, to drop the page cache before every run):
#   scripts/bench-upload-memory.sh BEFORE_BINARY AFTER_BINARY
#
# Reported per setting and binary: median wall time, median user+sys, the largest peak RSS,
# the median of voluntary + involuntary context switches, and every run's figures.
# Every setting gets RUNS rounds; each round runs BEFORE then AFTER, or AFTER then BEFORE
# (alternating), each on a dropped page cache (the file is read from disk, as a first
# upload of it would) and a quiet machine (at most QUIET_PCT % busy, waiting up to
# QUIET_MAX s), under /usr/bin/time -v. After each run the object is read back and its MD5
# compared with the file's (untimed), then deleted, and radosgw's GC forced.
#
# Environment:
#   RUNS=5                 rounds per setting
#   SIZE_MIB=1024          the file's size
#   SETTINGS="default ps64 ps256 pj8 pj16"   default: no flags; psN: --part-size NMiB;
#                          pjN: --part-jobs N
#   DROP=1                 0: keep the page cache (runs start with the file cached)
#   QUIET_PCT=15 QUIET_MAX=120
#   OUT=                   also write the report there
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 BEFORE_BINARY AFTER_BINARY" >&2; exit 2; }
BEFORE=$(readlink -f "$1")
AFTER=$(readlink -f "$2")
for b in "$BEFORE" "$AFTER"; do [ -x "$b" ] || { echo "not an executable: $b" >&2; exit 2; }; done
RUNS=${RUNS:-5}
SIZE_MIB=${SIZE_MIB:-1024}
SETTINGS=${SETTINGS:-"default ps64 ps256 pj8 pj16"}
DROP=${DROP:-1}
QUIET_PCT=${QUIET_PCT:-15}
QUIET_MAX=${QUIET_MAX:-120}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
RGWSH=$ROOT/scripts/radosgw.sh

log() { printf 'bench-upload-memory: %s\n' "$*" >&2; }

WORK=$(mktemp -d /tmp/objcmd-upmem.XXXXXX)
RGWDIR=$WORK/rgw
cleanup() {
    local rc=$?
    [ ! -d "$RGWDIR" ] || "$RGWSH" stop "$RGWDIR" || true
    rm -rf -- "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RGWENV=$(RGW_MEMSTORE_BYTES=$(((SIZE_MIB + 1024) << 20)) "$RGWSH" start "$RGWDIR" "$PORT" --watch $$)
while IFS='=' read -r k v; do
    case $k in
    OBJCMD_TEST_ENDPOINT) export OBJCMD_ENDPOINT=$v ;;
    OBJCMD_TEST_ACCESS_KEY) export OBJCMD_ACCESS_KEY=$v ;;
    OBJCMD_TEST_SECRET_KEY) export OBJCMD_SECRET_KEY=$v ;;
    esac
done <<<"$RGWENV"
export OBJCMD_CONFIG=$WORK/objcmd-config.toml # not created: no user profile leaks in
export OBJCMD_STATE_DIR=$WORK/objcmd-state

FILE=$WORK/src.bin
head -c "$((SIZE_MIB << 20))" /dev/urandom >"$FILE"
MD5=$(md5sum <"$FILE" | cut -d' ' -f1)
"$AFTER" mb s3://upmem >/dev/null

drop_caches() {
    sync
    [ "$DROP" = 1 ] || return 0
    echo 1 >/proc/sys/vm/drop_caches
}

cpu_busy() { # percent of all CPUs busy over the next 0.5 s
    local a b
    a=$(awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6 }' /proc/stat)
    sleep 0.5
    b=$(awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6 }' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ")
        t = y[1] - x[1]; i = y[2] - x[2]; printf "%d", (t > 0 ? 100 * (t - i) / t : 0) }'
}

settle() {
    local t0=$SECONDS busy
    while busy=$(cpu_busy) && [ "$busy" -gt "$QUIET_PCT" ]; do
        if [ $((SECONDS - t0)) -ge "$QUIET_MAX" ]; then
            log "machine still ${busy}% busy after ${QUIET_MAX} s: measuring anyway"
            break
        fi
        sleep 1
    done
}

flags() { # the objcmd flags of a setting
    case $1 in
    default) ;;
    ps*) echo "--part-size ${1#ps}MiB" ;;
    pj*) echo "--part-jobs ${1#pj}" ;;
    *) log "unknown setting $1"; exit 2 ;;
    esac
}

declare -A WALL=() RSS=() CPU=() CTX=()
run() { # run SETTING WHICH BINARY ROUND
    local s=$1 w=$2 bin=$3 r=$4 tf=$WORK/time t0 t1
    drop_caches
    settle
    t0=$EPOCHREALTIME
    # shellcheck disable=SC2046
    /usr/bin/time -v -o "$tf" "$bin" -q put $(flags "$s") "$FILE" s3://upmem/k </dev/null
    t1=$EPOCHREALTIME
    "$AFTER" get s3://upmem/k - | md5sum | grep -q "^$MD5 " || { log "MD5 differs: $s $w run $r"; exit 1; }
    "$AFTER" rm s3://upmem/k >/dev/null
    radosgw-admin -c "$RGWDIR/ceph.conf" gc process --include-all >/dev/null 2>&1 || true
    WALL[$s|$w]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') "
    RSS[$s|$w]+="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tf") "
    CPU[$s|$w]+="$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$tf") "
    CTX[$s|$w]+="$(awk -F': ' '/Voluntary context/ { v = $2 } /Involuntary context/ { i = $2 } END { printf "%.0f", v + i }' "$tf") "
    log "$s $w run $r: wall, user+sys, RSS so far: ${WALL[$s|$w]}/ ${CPU[$s|$w]}/ ${RSS[$s|$w]}"
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
maximum() { tr ' ' '\n' | grep . | sort -g | tail -n 1; }

for s in $SETTINGS; do
    for ((r = 1; r <= RUNS; r++)); do
        if ((r % 2)); then
            run "$s" before "$BEFORE" "$r"
            run "$s" after "$AFTER" "$r"
        else
            run "$s" after "$AFTER" "$r"
            run "$s" before "$BEFORE" "$r"
        fi
    done
done

{
    echo "put of ${SIZE_MIB} MiB, $RUNS alternating rounds per setting; medians (peak RSS: max;"
    echo "context switches: voluntary + involuntary)"
    echo
    echo "| setting | binary | wall s | user+sys s | peak RSS MiB | context switches | wall runs | user+sys runs | RSS runs |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for s in $SETTINGS; do
        for w in before after; do
            k="$s|$w"
            echo "| $s | $w | $(median <<<"${WALL[$k]}") | $(median <<<"${CPU[$k]}") | $(maximum <<<"${RSS[$k]}") | $(median <<<"${CTX[$k]}") | ${WALL[$k]% } | ${CPU[$k]% } | ${RSS[$k]% } |"
        done
    done
    echo
    echo "- before: $BEFORE"
    echo "- after: $AFTER"
    echo "- machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load at end $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "${OUT:-/dev/null}"
