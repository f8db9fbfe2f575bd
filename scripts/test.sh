#!/usr/bin/env bash
# scripts/test.sh -- the one command that runs objcmd's whole test suite from a fresh clone.
#
# It installs what the tests need (Ceph radosgw and curl, from Debian's packages, via
# scripts/radosgw.sh install; moto's S3 server from PyPI into a venv, via scripts/moto.sh
# install), checks formatting and lints, then runs every unit and
# integration test. The integration tests start their own radosgw on a free loopback
# port and stop it when they finish (see tests/support/server.rs); nothing needs to be
# running beforehand. Set OBJCMD_TEST_ENDPOINT (and OBJCMD_TEST_ACCESS_KEY, ...) to run
# them against a server you started yourself instead.
#
# Usage: scripts/test.sh [extra cargo test arguments]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n== %s\n' "$*" >&2; }

if ! command -v cargo >/dev/null 2>&1; then
    for dir in "$HOME/.cargo/bin" /usr/local/cargo/bin; do
        [ -x "$dir/cargo" ] && PATH="$dir:$PATH"
    done
fi
command -v cargo >/dev/null 2>&1 || {
    echo "test.sh: cargo not found: install the Rust toolchain (https://rustup.rs)" >&2
    exit 1
}

step "system packages (radosgw, curl, openssl)"
bash scripts/radosgw.sh install
step "moto's S3 server, in a venv of its own (scripts/moto.sh install)"
bash scripts/moto.sh install

# The linters are rustup components; a toolchain without them still runs the tests.
step "cargo fmt --check"
if cargo fmt --version >/dev/null 2>&1; then
    cargo fmt --all -- --check
else
    echo "test.sh: WARNING: rustfmt is not installed; formatting not checked" >&2
fi

step "cargo clippy --all-targets -- -D warnings"
if cargo clippy --version >/dev/null 2>&1; then
    cargo clippy --all-targets --locked -- -D warnings
else
    echo "test.sh: WARNING: clippy is not installed; lints not checked" >&2
fi

step "cargo test (unit tests, signing vectors, integration tests against radosgw, S3 signature V2)"
OBJCMD_TEST_SIGNATURE=v2 cargo test --locked "$@"

step "integration tests again, signing with SigV4"
OBJCMD_TEST_SIGNATURE=v4 cargo test --locked --test cli "$@"

step "integration tests again, in the OSS dialect (through the signature-checking gateway)"
OBJCMD_TEST_DIALECT=oss cargo test --locked --test cli "$@"

step "integration tests again, in the KS3 dialect (through the signature-checking gateway)"
OBJCMD_TEST_DIALECT=ks3 cargo test --locked --test cli "$@"

step "cargo install --path . (the release profile, into a temp root), and the installed binary runs"
install_root=$(mktemp -d)
trap 'rm -rf "$install_root"' EXIT
cargo install --locked --quiet --path . --root "$install_root"
"$install_root/bin/objcmd" --version
"$install_root/bin/objcmd" completions bash | cmp - completions/objcmd.bash
