#!/usr/bin/env bash
# scripts/local-server.sh -- the quick start: a local S3 server and an objcmd profile for it.
#
#   scripts/local-server.sh          install Ceph radosgw (Debian packages) if needed, start it
#                                    on http://127.0.0.1:7480 (or $OBJCMD_LOCAL_PORT), build
#                                    objcmd, and write the profile `local` to objcmd's config
#   scripts/local-server.sh stop     stop that server and delete its data
#   scripts/local-server.sh status   say whether it is running
#
# The server keeps its data in memory (Ceph memstore): it is a sandbox, emptied when it
# stops. Its state lives in ${XDG_STATE_HOME:-~/.local/state}/objcmd/radosgw.
# Afterwards:  cargo run --release -- -p local ls
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
port="${OBJCMD_LOCAL_PORT:-7480}"
state="${XDG_STATE_HOME:-$HOME/.local/state}/objcmd/radosgw"

case "${1:-start}" in
    stop)
        bash scripts/radosgw.sh stop "$state"
        exit 0
        ;;
    status)
        if bash scripts/radosgw.sh status "$state"; then
            echo "running: $(grep ENDPOINT "$state/env" | cut -d= -f2)"
        else
            echo "not running"
            exit 1
        fi
        exit 0
        ;;
    start) ;;
    *)
        echo "usage: $0 [start|stop|status]" >&2
        exit 2
        ;;
esac

bash scripts/radosgw.sh install
if bash scripts/radosgw.sh status "$state" 2>/dev/null; then
    echo "local-server.sh: radosgw already running ($state)" >&2
else
    # A stale state dir from a reboot or a crash: clear it before starting afresh.
    [ -e "$state" ] && bash scripts/radosgw.sh stop "$state" >/dev/null 2>&1 || true
    mkdir -p "$(dirname "$state")"
    bash scripts/radosgw.sh start "$state" "$port" >/dev/null
fi

# shellcheck disable=SC1091
. "$state/env"
cargo build --release --quiet
target/release/objcmd -p local config init --provider s3 \
    --endpoint "$OBJCMD_TEST_ENDPOINT" \
    --access-key "$OBJCMD_TEST_ACCESS_KEY" \
    --secret-key "$OBJCMD_TEST_SECRET_KEY" \
    --addressing path --signature v2

cat >&2 <<MSG

objcmd is ready against $OBJCMD_TEST_ENDPOINT (profile "local"). Try:
  cargo run --release -- -p local mb s3://demo
  echo hello | cargo run --release -- -p local put - s3://demo/hello.txt
  cargo run --release -- -p local ls s3://demo
  cargo run --release -- -p local get s3://demo/hello.txt -
Stop the server with: scripts/local-server.sh stop
MSG
