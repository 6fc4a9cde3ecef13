#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for a bounded time with cargo-fuzz and libFuzzer,
# installing nightly Rust and cargo-fuzz first if they are missing, then prints one line per
# target with its executions. New inputs go to fuzz/corpus/ (not committed); a failing input
# is written to fuzz/artifacts/ and stops the run with its path.
#
# Usage: scripts/fuzz.sh [TARGET...]   (FUZZ_SECONDS=600 per target by default; FUZZ_RUNS=N
#        stops each target after N executions instead, or at FUZZ_SECONDS, whichever is first)
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-600}
runs_limit=${FUZZ_RUNS:-0}
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(share_link diff_core compare history notes)
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

# The longest input each target is given. The diff is quadratic at worst in the words of a
# paragraph (in the characters, compared by characters), and the targets that read two texts
# spend their time on the longest inputs: bounded, the fuzzer tries many more shapes of edit
# in the same time. At 4 KB the diff core ran some 490 inputs a second on this 2-core
# machine; at 1 KB some 1,400 on its own (685 on average while other builds shared the
# machine: 2 million in 49 minutes).
max_len() {
    case $1 in
        diff_core) echo 1024 ;;
        compare) echo 4096 ;;
        history) echo 2048 ;;
        *) echo 16384 ;;
    esac
}

# No sanitizer: the code under test is safe Rust, where AddressSanitizer finds nothing that a
# panic would not, and it halves the executions per second. A run over 1 s counts as a
# timeout and more than 2 GB of memory as a blow-up.
summary=()
for target in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$target"
    log="fuzz/corpus/$target.log"
    # The targets that read two texts share the `compare` seeds.
    seeds="fuzz/seeds/$target"
    [[ -d $seeds ]] || seeds=fuzz/seeds/compare
    step "$target for ${seconds} s$([[ $runs_limit -gt 0 ]] && echo " or $runs_limit executions") (log: $log)"
    start=$(date +%s)
    cargo +nightly fuzz run --fuzz-dir fuzz --sanitizer none "$target" \
        "fuzz/corpus/$target" "$seeds" -- \
        -max_total_time="$seconds" -runs="$([[ $runs_limit -gt 0 ]] && echo "$runs_limit" || echo -1)" \
        -timeout=1 -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
        -print_final_stats=1 2>"$log" || { tail -40 "$log"; exit 1; }
    elapsed=$(( $(date +%s) - start ))
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    per_second=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
    summary+=("$target: $runs executions in ${elapsed} s ($per_second a second), inputs up to $(max_len "$target") bytes, no failure")
done
printf 'fuzz: %s\n' "${summary[@]}"
