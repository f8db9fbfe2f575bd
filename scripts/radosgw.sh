#!/usr/bin/env bash
# scripts/radosgw.sh -- owns the throw-away Ceph RADOS Gateway (radosgw) that objcmd's
# tests, benchmarks and quick start run against: installing the Debian packages, and
# building / starting / watching / stopping a one-node cluster whose whole state lives in
# one directory, following the measured recipe in the shared spec test-server.md.
#
# Usage:
#   scripts/radosgw.sh install
#       apt-get installs radosgw ceph-mon ceph-osd ceph-common ceph-base curl python3 openssl
#       zsh fish (the last two for the completion tests) when
#       any needed binary is missing (sudo when not root). Quiet no-op when all are there.
#
#   scripts/radosgw.sh start DIR PORT [--watch PID]
#       Creates DIR (refuses a non-empty one) and starts in it a fresh cluster: ceph-mon
#       (v1 on 127.0.0.1, port PORT+1000 or any free port), one memstore ceph-osd, and
#       radosgw (beast) on http://127.0.0.1:PORT with `rgw dns name = localhost` (so
#       virtual-host requests with `Host: BUCKET.localhost:PORT` work), server-side
#       encryption allowed over HTTP (KMS keys testkey-1, testkey-2) and static websites on.
#       Creates two S3 users:
#         tester   keys $RGW_ACCESS_KEY  / $RGW_SECRET_KEY
#                  (default OBJCMDTESTACCESSKEY1 / objcmdTestSecretKey1/abcdefghijklmnopqrstuv)
#         tester2  keys $RGW_ACCESS_KEY2 / $RGW_SECRET_KEY2
#                  (default OBJCMDTESTACCESSKEY2 / objcmdTestSecretKey2/abcdefghijklmnopqrstuv)
#       Returns once a Signature-V2-signed ListBuckets answers 200. Then prints on stdout
#       exactly (and writes the same to DIR/env):
#         OBJCMD_TEST_ENDPOINT=http://127.0.0.1:PORT
#         OBJCMD_TEST_ACCESS_KEY=...   OBJCMD_TEST_SECRET_KEY=...
#         OBJCMD_TEST_ACCESS_KEY2=...  OBJCMD_TEST_SECRET_KEY2=...   (one per line)
#       Everything else goes to stderr; stdout is closed when `start` exits (no daemon or
#       watchdog keeps it open), so a caller may read it to EOF.
#       The whole start is bounded by $RGW_START_TIMEOUT seconds (default 180). On any
#       failure or timeout it prints the reason and the last 40 lines of every log in DIR to
#       stderr, stops what it started, removes DIR and exits non-zero.
#       --watch PID: also starts a detached watchdog that, once process PID is gone, stops
#       the cluster and removes DIR (e.g. pass the test harness's own PID).
#       Memory: data is kept in RAM by memstore (device capped at $RGW_MEMSTORE_BYTES,
#       default 4 GiB); garbage collection is quick (10 s) so overwritten data is freed.
#
#   scripts/radosgw.sh stop DIR
#       SIGTERM the daemons named by DIR/pids/*.pid one by one (rgw, osd, mon), SIGKILL any
#       still there after 6 / 3 / 2 s (so ~11 s at worst, usually < 1 s), kill the
#       watchdog, remove DIR. Safe to call twice; refuses to delete a DIR that this script
#       did not create (no DIR/.objcmd-radosgw marker).
#
#   scripts/radosgw.sh status DIR
#       Exit 0 if the radosgw of DIR answers HTTP on its port, else 1.
#
# Several clusters can run at once (different DIRs and PORTs): each has its own ceph.conf
# (passed with -c everywhere), run dir, admin sockets, logs, mon port and data; nothing uses
# /etc/ceph, /var/lib/ceph, /var/run/ceph, /var/log/ceph or systemd.
# A long DIR works, but admin sockets (DIR/run/*.asok) are then skipped (107-byte limit).
#
# Example:
#   eval "$(scripts/radosgw.sh start /tmp/objcmd-rgw-17480 17480 --watch $$)"
#   export OBJCMD_TEST_ENDPOINT OBJCMD_TEST_ACCESS_KEY OBJCMD_TEST_SECRET_KEY ...
#   scripts/radosgw.sh stop /tmp/objcmd-rgw-17480
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/$(basename "${BASH_SOURCE[0]}")"
MARKER=.objcmd-radosgw

log() { printf 'radosgw.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    sed -n '2,/^set -euo/p' "$SELF" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# ---------------------------------------------------------------- install

cmd_install() {
    local missing=() b
    # zsh and fish are not for the server: tests/generated.rs checks the completion scripts
    # in the shells they are for.
    for b in radosgw ceph-mon ceph-osd monmaptool radosgw-admin ceph curl python3 openssl zsh fish; do
        command -v "$b" >/dev/null 2>&1 || missing+=("$b")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "missing ${missing[*]}: installing Ceph packages with apt-get"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "not root and no sudo: cannot install"
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        radosgw ceph-mon ceph-osd ceph-common ceph-base curl python3 openssl zsh fish >&2
    for b in "${missing[@]}"; do
        command -v "$b" >/dev/null 2>&1 || die "$b still missing after apt-get install"
    done
}

# ---------------------------------------------------------------- helpers

# alive PID DIR: PID is a live (non-zombie) daemon or watchdog of DIR, judged by its command
# line (-c DIR/ceph.conf, or `_watchdog DIR PID`): guards against PID reuse, so that we
# only ever signal processes that belong to DIR.
alive() {
    local pid=$1 dir=$2 cmdline
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
    [[ "$cmdline" == *" $dir/ceph.conf "* || "$cmdline" == *" _watchdog $dir "* ]]
}

pidof_file() { if [ -f "$1" ]; then tr -dc '0-9' <"$1" || true; fi; }

port_free() { # port_free PORT: nothing listens on 127.0.0.1:PORT (bind test, like the daemons)
    python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
EOF
}

any_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# sign_v2 SECRET STRING_TO_SIGN -> base64(hmac-sha1)
sign_v2() {
    python3 -c 'import sys,hmac,hashlib,base64; print(base64.b64encode(hmac.new(sys.argv[1].encode(),sys.argv[2].encode(),hashlib.sha1).digest()).decode())' "$1" "$2"
}

# signed_list_buckets ENDPOINT AK SK -> prints HTTP status code
signed_list_buckets() {
    local date sig
    date=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')
    sig=$(sign_v2 "$3" "$(printf 'GET\n\n\n%s\n/' "$date")")
    curl -s -o /dev/null -w '%{http_code}' -m 5 \
        -H "Date: $date" -H "Authorization: AWS $2:$sig" "$1/" || true
}

dump_logs() {
    local dir=$1 f
    [ -d "$dir/log" ] || return 0
    for f in "$dir"/log/*; do
        [ -s "$f" ] || continue # skip empty ones
        printf '\n===== last 40 lines of %s =====\n' "$f" >&2
        tail -n 40 "$f" >&2 || true
    done
    printf '===== end of logs =====\n' >&2
}

# ---------------------------------------------------------------- stop

# term_wait DIR SECONDS NAME...: SIGTERM the named daemons of DIR, SIGKILL after SECONDS
term_wait() {
    local dir=$1 secs=$2 pids=() pid d i left
    shift 2
    for d in "$@"; do
        pid=$(pidof_file "$dir/pids/$d.pid")
        if [ -n "$pid" ] && alive "$pid" "$dir"; then
            kill -TERM "$pid" 2>/dev/null || true
            pids+=("$pid")
        fi
    done
    for ((i = 0; i < secs * 10; i++)); do
        left=()
        for pid in "${pids[@]}"; do alive "$pid" "$dir" && left+=("$pid"); done
        pids=("${left[@]}")
        [ ${#pids[@]} -eq 0 ] && return 0
        sleep 0.1
    done
    log "SIGKILL to $* (${pids[*]}): still running $secs s after SIGTERM"
    kill -KILL "${pids[@]}" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        left=()
        for pid in "${pids[@]}"; do alive "$pid" "$dir" && left+=("$pid"); done
        pids=("${left[@]}")
        [ ${#pids[@]} -eq 0 ] && return 0
        sleep 0.1
    done
    log "warning: ${pids[*]} survived SIGKILL"
}

# do_stop DIR [SKIP_PID]: stop everything of DIR (but not SKIP_PID, the calling watchdog)
do_stop() {
    local dir=$1 skip=${2:-} pid
    [ -d "$dir" ] || return 0
    # the watchdog first, so that it does not race with us
    pid=$(pidof_file "$dir/pids/watchdog.pid")
    if [ -n "$pid" ] && [ "$pid" != "$skip" ] && alive "$pid" "$dir"; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    # one at a time, radosgw first: each one's clean exit talks to the ones after it (with
    # the mon gone, the OSD waits 5 s for it; with both gone, radosgw can hang)
    term_wait "$dir" 6 rgw
    term_wait "$dir" 3 osd
    term_wait "$dir" 2 mon
    if [ -e "$dir/$MARKER" ]; then
        rm -rf -- "$dir"
    elif [ -z "$(ls -A "$dir" 2>/dev/null)" ]; then
        rmdir -- "$dir" 2>/dev/null || true
    else
        die "$dir was not created by radosgw.sh (no $MARKER): not removing it"
    fi
}

abs_dir() { # absolute path of an existing dir
    (cd "$1" && pwd -P)
}

cmd_stop() {
    [ $# -eq 1 ] || usage
    local dir=$1
    [ -d "$dir" ] || return 0
    do_stop "$(abs_dir "$dir")"
}

cmd_status() {
    [ $# -eq 1 ] || usage
    local dir=$1 port
    [ -f "$dir/port" ] || return 1
    port=$(tr -dc '0-9' <"$dir/port")
    [ -n "$port" ] || return 1
    curl -s -o /dev/null -m 5 "http://127.0.0.1:$port/" || return 1
}

# ---------------------------------------------------------------- watchdog

cmd_watchdog() { # internal: _watchdog DIR PID
    local dir=$1 watched=$2
    while [ -e "/proc/$watched" ]; do
        [ -d "$dir" ] || exit 0
        sleep 1
    done
    log "$(date '+%F %T') watched process $watched is gone: stopping cluster in $dir"
    do_stop "$dir" "$$"
}

# ---------------------------------------------------------------- start

DIR=
DEADLINE=0
READY=0

remaining() { echo $((DEADLINE - SECONDS)); }

check_deadline() {
    [ "$(remaining)" -gt 0 ] || die "timed out after ${RGW_START_TIMEOUT:-180} s ($1)"
}

# tmo CMD...: run CMD bounded by the overall deadline (and at most 60 s)
tmo() {
    local r
    r=$(remaining)
    [ "$r" -gt 0 ] || die "timed out after ${RGW_START_TIMEOUT:-180} s (before: $*)"
    [ "$r" -le 60 ] || r=60
    timeout -k 5 "$r" "$@"
}

retry() { # retry CMD...: up to 3 tries (idempotent commands), output to setup.log
    local i
    for i in 1 2 3; do
        tmo "$@" >>"$DIR/log/setup.log" 2>&1 && return 0
        log "attempt $i failed: $*"
        sleep 1
    done
    return 1
}

start_daemon() { # start_daemon NAME CMD... : detached, output to DIR/log/NAME.out
    local name=$1
    shift
    setsid "$@" </dev/null >>"$DIR/log/$name.out" 2>&1 &
    echo $! >"$DIR/pids/$name.pid"
}

need_alive() { # need_alive NAME: fail fast if a daemon died
    local pid
    pid=$(pidof_file "$DIR/pids/$1.pid")
    alive "$pid" "$DIR" || die "$1 exited during start-up"
}

on_start_exit() {
    local rc=$?
    [ "$READY" -eq 1 ] && return 0
    [ -n "$DIR" ] || exit "$rc"
    trap - EXIT INT TERM HUP
    log "start FAILED (exit $rc) for $DIR"
    dump_logs "$DIR"
    log "stopping what was started and removing $DIR"
    do_stop "$DIR" || true
    [ "$rc" -ne 0 ] || rc=1
    exit "$rc"
}

cmd_start() {
    [ $# -ge 2 ] || usage
    local dir=$1 port=$2 watch=
    shift 2
    while [ $# -gt 0 ]; do
        case $1 in
        --watch)
            [ $# -ge 2 ] || usage
            watch=$2
            shift 2
            ;;
        *) usage ;;
        esac
    done
    if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
        die "bad PORT: $port"
    fi
    if [ -n "$watch" ]; then
        [[ "$watch" =~ ^[0-9]+$ ]] || die "bad --watch PID: $watch"
        [ -e "/proc/$watch" ] || die "--watch: process $watch does not exist"
    fi
    local b
    for b in radosgw ceph-mon ceph-osd monmaptool radosgw-admin ceph curl python3 setsid timeout; do
        command -v "$b" >/dev/null 2>&1 || die "$b not found (run: $0 install)"
    done

    local timeout_s=${RGW_START_TIMEOUT:-180}
    DEADLINE=$((SECONDS + timeout_s))
    local t0=$SECONDS

    if [ -e "$dir" ]; then
        [ -d "$dir" ] || die "$dir exists and is not a directory"
        [ -z "$(ls -A "$dir")" ] || die "$dir exists and is not empty"
    fi
    port_free "$port" || die "port $port on 127.0.0.1 is already in use"
    mkdir -p "$dir"
    DIR=$(abs_dir "$dir")
    touch "$DIR/$MARKER"
    trap on_start_exit EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP
    mkdir -p "$DIR"/{log,pids,run,crash,mon.a,osd.0,rgw}
    echo "$port" >"$DIR/port"

    if [ -n "$watch" ]; then
        setsid nohup bash "$SELF" _watchdog "$DIR" "$watch" \
            </dev/null >>"$DIR/log/watchdog.log" 2>&1 &
        echo $! >"$DIR/pids/watchdog.pid"
    fi

    local monport=$((port + 1000))
    if [ "$monport" -gt 65535 ] || ! port_free "$monport"; then
        monport=$(any_free_port)
    fi

    local ak=${RGW_ACCESS_KEY:-OBJCMDTESTACCESSKEY1}
    local sk=${RGW_SECRET_KEY:-objcmdTestSecretKey1/abcdefghijklmnopqrstuv}
    local ak2=${RGW_ACCESS_KEY2:-OBJCMDTESTACCESSKEY2}
    local sk2=${RGW_SECRET_KEY2:-objcmdTestSecretKey2/abcdefghijklmnopqrstuv}
    local endpoint="http://127.0.0.1:$port"
    local fsid osd_uuid conf="$DIR/ceph.conf"
    fsid=$(cat /proc/sys/kernel/random/uuid)
    osd_uuid=$(cat /proc/sys/kernel/random/uuid)

    cat >"$conf" <<EOF
# generated by scripts/radosgw.sh -- throw-away one-node cluster, state only in $DIR
[global]
fsid = $fsid
# Clients find the mon through the monmap file rather than 'mon host': a 'mon host'
# client starts with a zero fsid until the mon sends it the map, and under load its first
# command could go out before that ('wrong fsid' / 'Error EPERM: problem getting command
# descriptions'). The monmap file carries the fsid from the start.
monmap = $DIR/monmap
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
ms bind msgr2 = false
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
keyring = $DIR/keyring
run dir = $DIR/run
admin socket = $DIR/run/\$cluster-\$name.asok
pid file = $DIR/run/\$cluster-\$name.pid
log file = $DIR/log/\$name.log
log to stderr = false
err to stderr = false
mon cluster log file = $DIR/log/cluster.log
crash dir = $DIR/crash
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0
# a map change is proposed after 1 s by default: that alone made start-up take ~10 s longer
paxos propose interval = 0.1
osd crush chooseleaf type = 0
osd crush update on start = false
# the OSD's own 'osd crush set-device-class' at boot is not needed (and it was the command
# that hit the zero-fsid race above, making the OSD exit, before 'monmap' was used)
osd class update on start = false
osd objectstore = memstore
memstore device bytes = ${RGW_MEMSTORE_BYTES:-4294967296}

[client]
admin socket = $DIR/run/\$cluster-\$name.\$pid.asok
log file = $DIR/log/\$name.log

[mon.a]
mon data = $DIR/mon.a

[osd.0]
osd data = $DIR/osd.0

[client.rgw.a]
log file = $DIR/log/rgw.log
# tcp_nodelay: without it beast sends a reply's headers and body as two writes, Nagle holds
# the second until the client's delayed ACK (40 ms), and every small GET on a reused
# connection takes 40 ms instead of 1 (measured with curl and strace; production gateways
# set it too, see the beast options in Ceph's frontends docs)
rgw frontends = beast endpoint=127.0.0.1:$port tcp_nodelay=1
rgw data = $DIR/rgw
rgw dns name = localhost
rgw thread pool size = 64
rgw gc obj min wait = 10
rgw gc processor period = 10
rgw gc processor max time = 10
# one lifecycle worker: with the default 3 they contend for the shard locks and the loser
# sleeps 5 s uninterruptibly, which is what made a radosgw SIGTERM take up to ~5 s
rgw lc max worker = 1
# Server-side encryption (SSE-C, SSE-S3, SSE-KMS with key ids testkey-1 and testkey-2) over
# plain HTTP, and static websites: radosgw 16 refuses them (InvalidRequest,
# MethodNotAllowed) without these (the shared spec's test-server.md). Test keys of a
# throw-away server, not secrets.
rgw crypt require ssl = false
rgw crypt s3 kms backend = testing
rgw crypt s3 kms encryption keys = testkey-1=AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA= testkey-2=ISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0A=
rgw enable static website = true
EOF

    log "building cluster in $DIR (rgw port $port, mon port $monport)"
    tmo monmaptool --create --addv a "[v1:127.0.0.1:$monport]" --fsid "$fsid" "$DIR/monmap" \
        >>"$DIR/log/setup.log" 2>&1 || die "monmaptool failed"
    tmo ceph-mon -c "$conf" --mkfs -i a --monmap "$DIR/monmap" \
        >>"$DIR/log/setup.log" 2>&1 || die "ceph-mon --mkfs failed"
    start_daemon mon ceph-mon -f -c "$conf" -i a

    local ceph=(ceph -c "$conf" --connect-timeout 10)
    until tmo "${ceph[@]}" mon stat >>"$DIR/log/setup.log" 2>&1; do
        need_alive mon
        check_deadline "waiting for ceph-mon"
        sleep 0.5
    done
    log "mon up after $((SECONDS - t0)) s"

    retry "${ceph[@]}" osd create "$osd_uuid" 0 || die "ceph osd create failed"
    tmo ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$DIR/log/setup.log" 2>&1 ||
        die "ceph-osd --mkfs failed"
    retry "${ceph[@]}" osd crush add osd.0 1.0 host=localhost root=default ||
        die "ceph osd crush add failed"
    start_daemon osd ceph-osd -f -c "$conf" -i 0
    start_daemon rgw radosgw -f -c "$conf" -n client.rgw.a

    until curl -s -o /dev/null -m 2 "$endpoint/"; do
        need_alive mon
        need_alive osd
        need_alive rgw
        check_deadline "waiting for radosgw to answer on $endpoint"
        sleep 0.5
    done
    log "rgw answers after $((SECONDS - t0)) s"

    tmo radosgw-admin -c "$conf" user create --uid=tester --display-name=Tester \
        --access-key="$ak" --secret-key="$sk" >>"$DIR/log/setup.log" 2>&1 ||
        die "radosgw-admin user create tester failed"
    tmo radosgw-admin -c "$conf" user create --uid=tester2 --display-name=Tester2 \
        --access-key="$ak2" --secret-key="$sk2" >>"$DIR/log/setup.log" 2>&1 ||
        die "radosgw-admin user create tester2 failed"

    local code code2
    while :; do
        code=$(signed_list_buckets "$endpoint" "$ak" "$sk")
        code2=$(signed_list_buckets "$endpoint" "$ak2" "$sk2")
        [ "$code" = 200 ] && [ "$code2" = 200 ] && break
        need_alive rgw
        check_deadline "signed ListBuckets answers $code / $code2, want 200"
        sleep 0.5
    done

    cat >"$DIR/env" <<EOF
OBJCMD_TEST_ENDPOINT=$endpoint
OBJCMD_TEST_ACCESS_KEY=$ak
OBJCMD_TEST_SECRET_KEY=$sk
OBJCMD_TEST_ACCESS_KEY2=$ak2
OBJCMD_TEST_SECRET_KEY2=$sk2
EOF
    READY=1
    trap - EXIT INT TERM HUP
    log "ready in $((SECONDS - t0)) s: $endpoint (stop with: $SELF stop $DIR)"
    cat "$DIR/env"
}

# ---------------------------------------------------------------- main

[ $# -ge 1 ] || usage
sub=$1
shift
case $sub in
install) [ $# -eq 0 ] || usage; cmd_install ;;
start) cmd_start "$@" ;;
stop) cmd_stop "$@" ;;
status) cmd_status "$@" ;;
_watchdog) [ $# -eq 2 ] || usage; cmd_watchdog "$@" ;;
-h | --help | help) usage ;;
*) usage ;;
esac
