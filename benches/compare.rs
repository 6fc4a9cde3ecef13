//! Benchmarks of `compare` on the standard generated inputs, with a quality table first.
//!
//! `make bench` generates the inputs (bench/gen_corpus.py) into target/bench-inputs and runs this.

use std::path::PathBuf;

use redline::engine::{Comparison, Options, SegmentKind, compare, compare_with_options};

const PAIRS: &[&str] = &[
    "1k_light",
    "1k_heavy",
    "1k_pathological",
    "10k_light",
    "10k_heavy",
    "10k_pathological",
    "100k_light",
    "100k_heavy",
    "100k_pathological",
];

fn inputs_dir() -> PathBuf {
    std::env::var_os("REDLINE_BENCH_INPUTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-inputs"))
}

fn load(pair: &str) -> (String, String) {
    let read = |side: &str| {
        let path = inputs_dir().join(format!("{pair}.{side}.txt"));
        std::fs::read_to_string(&path).unwrap_or_else(|err| {
            panic!(
                "{}: {err}; run `make bench`, which generates the inputs",
                path.display()
            )
        })
    };
    (read("old"), read("new"))
}

/// Maximal runs of deleted and inserted segments: how scattered the diff reads.
fn n_change_regions(comparison: &Comparison) -> usize {
    let mut res = 0;
    let mut in_change = false;
    for segment in comparison.iter_segments() {
        let is_change = segment.kind != SegmentKind::Equal;
        res += usize::from(is_change && !in_change);
        in_change = is_change;
    }
    res
}

fn print_quality_table() {
    println!(
        "| pair | original words kept as equal | change regions | change regions without cleanup |"
    );
    println!("|---|--:|--:|--:|");
    for pair in PAIRS {
        let (original, reworked) = load(pair);
        let comparison = compare(&original, &reworked);
        let flat = compare_with_options(
            &original,
            &reworked,
            &Options {
                semantic_cleanup: false,
                ..Options::default()
            },
        );
        let stats = &comparison.stats;
        let kept = 100.0 * stats.words_unchanged as f64 / stats.original_words.max(1) as f64;
        println!(
            "| {pair} | {kept:.1}% | {} | {} |",
            n_change_regions(&comparison),
            n_change_regions(&flat)
        );
    }
    println!();
}

fn main() {
    print_quality_table();
    divan::main();
}

#[divan::bench(args = PAIRS, sample_count = 10)]
fn compare_pair(bencher: divan::Bencher, pair: &str) {
    let (original, reworked) = load(pair);
    bencher.bench(|| compare(divan::black_box(&original), divan::black_box(&reworked)));
}
