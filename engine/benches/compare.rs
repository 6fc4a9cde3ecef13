//! Benchmarks of `compare` on the standard generated inputs, with a quality table first.
//!
//! `make bench` generates the inputs (bench/gen_corpus.py) into target/bench-inputs and runs this.

use std::path::PathBuf;

use redline_engine::formats::share;
use redline_engine::{
    Comparison, Options, SegmentKind, compare, compare_with_options, is_word, tokenize,
};

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
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-inputs"))
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

/// The baseline the issue names: one flat Histogram diff over all tokens, no paragraphs, no
/// cleanup. Returns the share of the original's words kept as equal, and the change regions.
fn flat_histogram(original: &str, reworked: &str) -> (f64, usize) {
    let (original_tokens, reworked_tokens) = (tokenize(original), tokenize(reworked));
    let ops = similar::capture_diff_slices(
        similar::Algorithm::Histogram,
        &original_tokens,
        &reworked_tokens,
    );
    let (mut n_kept, mut n_regions, mut in_change) = (0, 0, false);
    for op in ops {
        let is_change = !matches!(op, similar::DiffOp::Equal { .. });
        if is_change {
            n_regions += usize::from(!in_change);
        } else {
            n_kept += original_tokens[op.old_range()]
                .iter()
                .filter(|token| is_word(token))
                .count();
        }
        in_change = is_change;
    }
    let n_words = original_tokens
        .iter()
        .filter(|token| is_word(token))
        .count()
        .max(1);
    (100.0 * n_kept as f64 / n_words as f64, n_regions)
}

fn print_quality_table() {
    println!(
        "| pair | original words kept as equal | change regions | without cleanup | flat Histogram: kept | flat Histogram: regions |"
    );
    println!("|---|--:|--:|--:|--:|--:|");
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
        let (histogram_kept, histogram_regions) = flat_histogram(&original, &reworked);
        println!(
            "| {pair} | {kept:.1}% | {} | {} | {histogram_kept:.1}% | {histogram_regions} |",
            n_change_regions(&comparison),
            n_change_regions(&flat)
        );
    }
    println!();
}

/// A link that carries both texts whole, compressed together: the baseline for the delta.
fn naive_link_length(original: &str, reworked: &str) -> usize {
    use base64::Engine as _;
    let both = [original.as_bytes(), reworked.as_bytes()].concat();
    let compressed = miniz_oxide::deflate::compress_to_vec(&both, 9);
    "v1.".len()
        + base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(compressed)
            .len()
}

fn print_link_lengths() {
    println!("| pair | words (original) | link characters | both texts compressed | saved |");
    println!("|---|--:|--:|--:|--:|");
    let mut rows: Vec<(String, String, String)> =
        ["1k_light", "1k_heavy", "10k_light", "10k_heavy"]
            .iter()
            .map(|pair| {
                let (original, reworked) = load(pair);
                (pair.to_string(), original, reworked)
            })
            .collect();
    let corpus = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pairs.jsonl"),
    )
    .unwrap();
    for line in corpus.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let field = |name: &str| value[name].as_str().unwrap_or_default().to_owned();
        rows.push((field("id"), field("original"), field("reworked")));
    }
    for (name, original, reworked) in rows {
        let shared = share::Shared {
            original: original.clone(),
            reworked: reworked.clone(),
            ..share::Shared::default()
        };
        let n_link = share::encode(&shared).len();
        let n_naive = naive_link_length(&original, &reworked);
        let n_words = tokenize(&original)
            .into_iter()
            .filter(|token| is_word(token))
            .count();
        let saved = 100.0 * (1.0 - n_link as f64 / n_naive as f64);
        println!("| {name} | {n_words} | {n_link} | {n_naive} | {saved:.0}% |");
    }
    println!();
}

fn main() {
    print_quality_table();
    print_link_lengths();
    divan::main();
}

#[divan::bench(args = PAIRS, sample_count = 10)]
fn compare_pair(bencher: divan::Bencher, pair: &str) {
    let (original, reworked) = load(pair);
    bencher.bench(|| compare(divan::black_box(&original), divan::black_box(&reworked)));
}

/// A history of 8 versions that go back and forth between the two texts of a pair, each with
/// a sentence of its own at the end (so no two steps are alike): the timeline's summary of 7
/// steps, nearly every change of which the next step undoes.
fn eight_versions(pair: &str) -> Vec<String> {
    let (original, reworked) = load(pair);
    (0..8)
        .map(|idx| {
            let text = if idx % 2 == 0 { &original } else { &reworked };
            format!("{text}\n\nVersion {idx} of the article.")
        })
        .collect()
}

#[divan::bench(args = ["1k_light", "10k_light", "10k_heavy"], sample_count = 10)]
fn summarize_8_versions(bencher: divan::Bencher, pair: &str) {
    let versions = eight_versions(pair);
    let versions: Vec<&str> = versions.iter().map(String::as_str).collect();
    bencher.bench(|| {
        redline_engine::history::summarize(divan::black_box(&versions), &Options::default())
    });
}

/// The same history with its steps remembered, after an edit to the fifth version: what the
/// page does while someone types in one version.
#[divan::bench(args = ["1k_light", "10k_light", "10k_heavy"], sample_count = 10)]
fn summarize_8_versions_after_one_edit(bencher: divan::Bencher, pair: &str) {
    let versions = eight_versions(pair);
    let versions: Vec<&str> = versions.iter().map(String::as_str).collect();
    let edited = format!("{} One more sentence.", versions[4]);
    let mut after = versions.clone();
    after[4] = &edited;
    bencher
        .with_inputs(|| {
            let mut summarizer = redline_engine::history::Summarizer::default();
            summarizer.summarize(&versions, &Options::default());
            summarizer
        })
        .bench_local_values(|mut summarizer| {
            summarizer.summarize(divan::black_box(&after), &Options::default())
        });
}

/// A share link of a pair (the word diff for the delta, then PPMd): what the page does, after
/// a pause in typing, to keep the saved drafts and the address bar current.
#[divan::bench(args = ["1k_light", "10k_light", "10k_heavy", "100k_light"], sample_count = 10)]
fn share_link_encode(bencher: divan::Bencher, pair: &str) {
    let (original, reworked) = load(pair);
    let shared = share::Shared {
        original,
        reworked,
        ..share::Shared::default()
    };
    bencher.bench(|| share::encode(divan::black_box(&shared)));
}

/// Opening that link.
#[divan::bench(args = ["1k_light", "10k_light", "10k_heavy", "100k_light"], sample_count = 10)]
fn share_link_decode(bencher: divan::Bencher, pair: &str) {
    let (original, reworked) = load(pair);
    let link = share::encode(&share::Shared {
        original,
        reworked,
        ..share::Shared::default()
    });
    bencher.bench(|| share::decode(divan::black_box(&link)));
}
