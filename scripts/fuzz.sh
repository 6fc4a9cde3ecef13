#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for a bounded time with cargo-fuzz and libFuzzer,
# installing nightly Rust and cargo-fuzz first if they are missing, then prints one line per
# target with its executions. New inputs go to fuzz/corpus/ (not committed); a failing input
# is written to fuzz/artifacts/ and stops the run with its path.
#
# Usage: scripts/fuzz.sh [TARGET...]   (FUZZ_SECONDS=600 per target by default)
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-600}
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(share_link compare notes)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf 'fuzz: %s\n' "$*"; }
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    step "installing nightly Rust (libFuzzer's instrumentation needs it)"
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    step "installing cargo-fuzz 0.13.2"
    cargo install cargo-fuzz --version 0.13.2 --locked
fi

# No sanitizer: the code under test is safe Rust, where AddressSanitizer finds nothing that a
# panic would not, and it halves the executions per second. A run over 1 s counts as a
# timeout and more than 2 GB of memory as a blow-up; inputs up to 16 KB.
summary=()
for target in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$target"
    log="fuzz/corpus/$target.log"
    step "$target for ${seconds} s (log: $log)"
    cargo +nightly fuzz run --fuzz-dir fuzz --sanitizer none "$target" \
        "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
        -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 2>"$log" || { tail -40 "$log"; exit 1; }
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    summary+=("$target: $runs executions in $seconds s, no failure")
done
printf 'fuzz: %s\n' "${summary[@]}"
