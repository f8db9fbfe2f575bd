#!/usr/bin/env bash
# scripts/moto.sh -- owns the second real S3 server of the tests: moto's server (PyPI
# `moto[server]`), which, unlike radosgw 16, stores and returns S3's flexible checksums
# (with `awscrt` and `crc32c` installed it computes CRC64NVME and CRC32C too).
#
# Usage:
#   scripts/moto.sh install
#       Makes a venv at $OBJCMD_MOTO_VENV (default ${XDG_CACHE_HOME:-~/.cache}/objcmd-test/moto)
#       with the pinned packages below, unless it is there already with them: python3 and
#       its venv module come from Debian (apt-get install python3-venv when missing).
#       Idempotent and quiet when there is nothing to do.
#
#   scripts/moto.sh start DIR PORT [--watch PID]
#       Starts moto_server on http://127.0.0.1:PORT with its log in DIR/moto.log (DIR must
#       not exist or be empty), waits until it answers, then prints on stdout:
#         OBJCMD_MOTO_ENDPOINT=http://127.0.0.1:PORT
#         OBJCMD_MOTO_PYTHON=<the venv's python, with boto3, for tests that need the SDK>
#       On failure it prints the log's tail on stderr, stops what it started, removes DIR
#       and exits non-zero. --watch PID: a detached watchdog stops the server and removes
#       DIR once process PID is gone.
#
#   scripts/moto.sh stop DIR
#       Stops the server (and watchdog) of DIR and removes DIR.
set -euo pipefail

MOTO_VERSION=5.2.6
PACKAGES=("moto[server]==$MOTO_VERSION" "awscrt==0.38.1" "crc32c==2.9.post0" "boto3==1.44.18")
VENV=${OBJCMD_MOTO_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/objcmd-test/moto}

log() { printf 'moto.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

cmd_install() {
    if [ -x "$VENV/bin/moto_server" ] && [ -f "$VENV/.objcmd-moto-$MOTO_VERSION" ]; then
        return 0
    fi
    if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
        local sudo=
        [ "$(id -u)" -eq 0 ] || sudo=sudo
        log "installing python3-venv (apt-get)"
        $sudo apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3 python3-venv >&2
    fi
    log "making $VENV with ${PACKAGES[*]}"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "${PACKAGES[@]}" >&2
    touch "$VENV/.objcmd-moto-$MOTO_VERSION"
}

# stop_dir DIR: the server and watchdog whose pids DIR holds (never this process: the
# watchdog calls it too), then DIR.
stop_dir() {
    local dir=$1 pid
    for f in server watchdog; do
        pid=$(cat "$dir/$f.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && [ "$pid" != "$$" ]; then
            kill "$pid" 2>/dev/null || true
        fi
    done
    [ -f "$dir/moto.log" ] || [ ! -e "$dir" ] || [ -z "$(ls -A "$dir")" ] ||
        die "refusing to remove $dir: not a moto.sh directory"
    rm -rf "$dir"
}

cmd_watchdog() { # internal: _watchdog DIR PID
    local dir=$1 watched=$2
    while [ -e "/proc/$watched" ] && [ -d "$dir" ]; do sleep 1; done
    stop_dir "$dir"
}

cmd_start() {
    local dir=$1 port=$2 watch=
    shift 2
    if [ "${1:-}" = --watch ]; then watch=$2; fi
    [ -x "$VENV/bin/moto_server" ] || die "moto is not installed: run scripts/moto.sh install"
    [ ! -e "$dir" ] || [ -z "$(ls -A "$dir")" ] || die "$dir exists and is not empty"
    mkdir -p "$dir"
    setsid "$VENV/bin/moto_server" -H 127.0.0.1 -p "$port" >"$dir/moto.log" 2>&1 </dev/null &
    echo $! >"$dir/server.pid"
    local deadline=$((SECONDS + 60))
    until curl -s -o /dev/null "http://127.0.0.1:$port/"; do
        if [ $SECONDS -ge $deadline ] || ! kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
            log "moto_server did not answer on port $port; the tail of its log:"
            tail -n 40 "$dir/moto.log" >&2 || true
            stop_dir "$dir"
            exit 1
        fi
        sleep 0.2
    done
    if [ -n "$watch" ]; then
        setsid bash "$0" _watchdog "$dir" "$watch" >/dev/null 2>&1 </dev/null &
        echo $! >"$dir/watchdog.pid"
    fi
    echo "OBJCMD_MOTO_ENDPOINT=http://127.0.0.1:$port"
    echo "OBJCMD_MOTO_PYTHON=$VENV/bin/python"
}

case "${1:-}" in
    install) cmd_install ;;
    start) [ $# -ge 3 ] || die "usage: moto.sh start DIR PORT [--watch PID]"; shift; cmd_start "$@" ;;
    stop) [ $# -eq 2 ] || die "usage: moto.sh stop DIR"; stop_dir "$2" ;;
    _watchdog) cmd_watchdog "$2" "$3" ;;
    *) die "usage: moto.sh install | start DIR PORT [--watch PID] | stop DIR" ;;
esac
