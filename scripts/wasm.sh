#!/bin/sh
# Runs one command with the wasm toolchain that scripts/bootstrap.sh chose (rustup's target, or
# Debian's rustc-web with build-std) and the tools it installed on PATH.
set -e
cd "$(dirname "$0")/.."
if [ ! -f target/tools.env ]; then
    echo "scripts/wasm.sh: run scripts/bootstrap.sh first (make serve and make test do)" >&2
    exit 1
fi
. ./target/tools.env
exec "$@"
