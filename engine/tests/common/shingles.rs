//! The article-extraction benchmark's metric: word 4-gram shingles of the found and the marked article, per page precision and recall.
//!
//! Shared by `make bench-pages` (engine/examples/bench_pages.rs) and the page reader's tests.
//! A page's true and false positives and false negatives are normalised to sum 1; the
//! benchmark then averages precision and recall over the pages and takes the F1 of the two
//! means. `None` is a precision or recall the benchmark leaves out of its mean.

use std::collections::HashMap;

fn tokens(text: &str) -> Vec<String> {
    let mut res = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else if !word.is_empty() {
            res.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        res.push(word);
    }
    res
}

fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let tokens = tokens(text);
    let mut res = HashMap::new();
    if tokens.is_empty() {
        return res;
    }
    let n = 4.min(tokens.len());
    for window in tokens.windows(n) {
        *res.entry(window.to_vec()).or_insert(0) += 1;
    }
    res
}

/// Precision and recall of one page, or `None` for either when the benchmark leaves it out.
pub fn page_score(truth: &str, found: &str) -> (Option<f64>, Option<f64>) {
    let (a, b) = (shingles(truth), shingles(found));
    let tp: usize = a
        .iter()
        .map(|(key, &n)| n.min(*b.get(key).unwrap_or(&0)))
        .sum();
    let fp: usize = b
        .iter()
        .map(|(key, &n)| n.saturating_sub(*a.get(key).unwrap_or(&0)))
        .sum();
    let fn_: usize = a
        .iter()
        .map(|(key, &n)| n.saturating_sub(*b.get(key).unwrap_or(&0)))
        .sum();
    let sum = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = if sum > 0.0 {
        (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
    } else {
        (0.0, 0.0, 0.0)
    };
    // Two empty texts agree perfectly; otherwise a ratio with nothing on either side is left out.
    let both_empty = fp == 0.0 && fn_ == 0.0;
    let ratio = |wrong: f64| {
        if both_empty {
            Some(1.0)
        } else {
            (tp + wrong > 0.0).then(|| tp / (tp + wrong))
        }
    };
    (ratio(fp), ratio(fn_))
}
