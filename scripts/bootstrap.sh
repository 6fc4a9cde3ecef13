#!/usr/bin/env bash
# Installs what Redline needs to build (and, with `test`, to test) and nothing that is already
# there, then writes target/tools.env, which scripts/wasm.sh loads before every wasm command.
#
# Usage: scripts/bootstrap.sh serve|test
#
# The wasm32 standard library comes from rustup when `rustup target add` answers in time, and
# otherwise from Debian's rustc-web with build-std (see ARCHITECTURE.md, "Build").
# REDLINE_WASM_TOOLCHAIN=debian forces the Debian route, =rustup forces rustup's; the default
# (auto) prefers rustup. A second run with everything present makes no network request.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
purpose=${1:-serve}
case $purpose in serve | test) ;; *) echo "usage: $0 serve|test" >&2; exit 2 ;; esac

# Trunk 0.22 declares rust-version 1.96.1, which rustup's stable 1.95 refuses; 0.21.14 builds
# with it and has every Trunk.toml key Redline uses. A newer Trunk already installed is kept.
trunk_version=0.21.14
route=${REDLINE_WASM_TOOLCHAIN:-auto}
cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin
export PATH="$cargo_bin:$PATH"

step() { printf 'bootstrap: %s\n' "$*"; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 1; }

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "installing Debian packages needs root or sudo"
    sudo=(sudo)
fi
apt_updated=no
# Installs the Debian packages among "$@" that are not installed yet.
apt_install() {
    local why=$1 missing=() package
    shift
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$package")
    done
    ((${#missing[@]})) || return 0
    step "installing Debian packages ${missing[*]} ($why)"
    if [[ $apt_updated == no ]]; then
        "${sudo[@]}" apt-get update -qq
        apt_updated=yes
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

command -v cargo >/dev/null || die "no cargo on PATH: install Rust with rustup (https://rustup.rs) first"

# A build from nothing with every test layer fills target/ with about 6.5 GB (measured on a fresh
# clone); running out halfway shows only as a linker's "No space left on device", so say it first.
if [[ $purpose == test ]]; then
    free_kb=$(df -Pk "$root" | awk 'NR == 2 { print $4 }')
    if [[ -n $free_kb ]] && ((free_kb < 8 * 1024 * 1024)); then
        step "warning: $((free_kb / 1024)) MB free on the disk of $root; a first build of every test layer needs about 6.5 GB in target/"
    fi
fi

# 1. The wasm32 standard library.
has_rustup_target() {
    command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}
if [[ $route == auto ]]; then
    if has_rustup_target; then
        route=rustup
    elif command -v rustup >/dev/null; then
        step "adding rustup's wasm32-unknown-unknown target (the app compiles to WebAssembly; 90 s limit)"
        if timeout 90 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
            route=rustup
        else
            step "rustup's target did not install in time; using Debian's rustc-web with build-std instead"
            route=debian
        fi
    else
        route=debian
    fi
fi
case $route in
    rustup)
        has_rustup_target || {
            step "adding rustup's wasm32-unknown-unknown target (the app compiles to WebAssembly)"
            rustup target add wasm32-unknown-unknown >/dev/null
        }
        wasm_path="$root/node_modules/.bin:$cargo_bin"
        wasm_env=""
        ;;
    debian)
        # rust-web-llvm provides /usr/bin/rust-lld but does not depend on lld-22, hence both.
        apt_install "Debian's Rust 1.96 and its std source, to build the wasm32 std with build-std" \
            rustc-web cargo-web rust-web-src rust-web-llvm lld-22 rust-web-clippy
        # /usr/bin first so that cargo and rustc are Debian's 1.96 for wasm commands only.
        wasm_path="$root/node_modules/.bin:/usr/bin:$cargo_bin"
        wasm_env="export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
        ;;
    *) die "REDLINE_WASM_TOOLCHAIN must be auto, rustup or debian, not '$route'" ;;
esac

# 2. Trunk, the build tool and dev server.
if ! trunk --version 2>/dev/null | grep -Eq '^trunk 0\.(2[1-9])\.'; then
    step "installing trunk $trunk_version with cargo install (builds and serves the app; about 15-20 minutes on 2 cores, once per machine)"
    # LTO off and more codegen units only shorten the build of the tool itself.
    CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
        cargo install trunk --version "$trunk_version" --locked --quiet
fi

# 3. wasm-bindgen-cli at exactly the version in Cargo.lock: Trunk and wasm-bindgen-test-runner
# refuse any other, and Trunk would try to download it from GitHub.
bindgen_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
[[ -n $bindgen_version ]] || die "no wasm-bindgen version found in Cargo.lock"
if [[ $(wasm-bindgen --version 2>/dev/null) != "wasm-bindgen $bindgen_version" ]] ||
    ! command -v wasm-bindgen-test-runner >/dev/null; then
    step "installing wasm-bindgen-cli $bindgen_version with cargo install (must match Cargo.lock; about 6 minutes)"
    # Not --locked: the crates.io mirror here lacks the newest versions of some of its
    # dependencies (see ../shared/TOOLCHAIN.md).
    cargo install wasm-bindgen-cli --version "$bindgen_version" --force --quiet
fi

# 4. wasm-opt from npm's binaryen, @resvg/resvg-js and esbuild (scripts/site.mjs draws the PNG
# icons and minifies the glue with them after every build), and axe-core for the
# accessibility test (all pinned in package.json). Debian's binaryen 108 breaks wasm-bindgen's externref table and leaves a
# blank page, so it is never used. package-lock.json's hash stamps what was installed.
npm_stamp="$(sha256sum package-lock.json | cut -d' ' -f1)"
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version_132' ||
    [[ $(cat node_modules/.redline.stamp 2>/dev/null) != "$npm_stamp" ]]; then
    command -v npm >/dev/null || apt_install "npm installs binaryen's wasm-opt" nodejs npm
    step "installing wasm-opt 132 (binaryen), resvg, esbuild and axe-core from npm"
    npm ci --no-audit --no-fund --silent
    echo "$npm_stamp" >node_modules/.redline.stamp
fi

# 5. The browser for the browser and end-to-end tests.
if [[ $purpose == test ]]; then
    apt_install "headless Chromium and its WebDriver run the browser and end-to-end tests" \
        chromium chromium-driver
fi

# 6. For the Python package's tests: a venv with maturin, pytest and Dask at the versions of
# python/requirements-test.txt (pip builds the package with that maturin, not a fresh one).
# The file's hash stamps what was installed.
if [[ $purpose == test ]]; then
    venv=target/python-venv
    py_stamp="$(sha256sum python/requirements-test.txt | cut -d' ' -f1)"
    if [[ $(cat $venv/redline.stamp 2>/dev/null) != "$py_stamp" ]]; then
        command -v python3 >/dev/null || apt_install "the Python package is tested with Python 3" python3
        python3 -c 'import venv, ensurepip' 2>/dev/null ||
            apt_install "the Python package's tests run in a venv" python3-venv
        step "installing maturin, pytest and Dask from PyPI into $venv (the Python package's tests)"
        rm -rf "$venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r python/requirements-test.txt
        echo "$py_stamp" >"$venv/redline.stamp"
    fi
fi

mkdir -p target
cat >target/tools.env.new <<EOF
# Written by scripts/bootstrap.sh; loaded by scripts/wasm.sh before wasm commands.
export REDLINE_WASM_ROUTE=$route
export PATH="$wasm_path:\$PATH"
$wasm_env
EOF
mv target/tools.env.new target/tools.env

# 7. Trunk.toml sets offline = true, so the registry crates (and, on the Debian route, build-std's
# own) must be on disk before a build. Cargo.lock's hash stamps what was fetched.
fetch_stamp="$route $(sha256sum Cargo.lock | cut -d' ' -f1)"
if [[ $(cat target/fetch.stamp 2>/dev/null) != "$fetch_stamp" ]]; then
    step "fetching the app's crates for wasm32 (Trunk builds offline)"
    scripts/wasm.sh cargo fetch --target wasm32-unknown-unknown --quiet
    echo "$fetch_stamp" >target/fetch.stamp
fi

step "ready: wasm32 std from $route, $(trunk --version), wasm-bindgen $bindgen_version, wasm-opt $(node_modules/.bin/wasm-opt --version | cut -d' ' -f3)"
