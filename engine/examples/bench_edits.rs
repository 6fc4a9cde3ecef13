//! `make bench-edits`: Redline's changes against the edits people marked by hand on real Wikinews revisions (IteraTeR's `expected_edits`), with jsdiff's diffWords scored the same way.
//!
//! Usage: `cargo run --release -p redline-engine --example bench_edits -- [PAIRS.jsonl]`
//! (default `tests/fixtures/pairs.jsonl`; only the pairs with `expected_edits` are read).
//! jsdiff's parts come from `node bench/jsdiff_parts.mjs`, run on the same file.
//!
//! For each marked edit (a span of the original and what replaced it): whether one change
//! covers exactly its tokens, deleted and inserted (tokens: runs of letters and digits, and
//! each other non-space character). And over all changes: the words struck out and typed
//! again inside one change, which an annotator's edit does as little as a diff should.

use std::collections::HashMap;
use std::ops::Range;
use std::process::Command;

#[path = "../tests/common/tokens.rs"]
mod tokens;

use tokens::tokens;

use redline_engine::{Options, SegmentKind, compare_with_options};

/// One change of a diff: where its deletion sits in the original, what it deleted and what
/// it inserted.
#[derive(Debug, Default)]
struct Change {
    original: Range<usize>,
    deleted: String,
    inserted: String,
}

/// One edit an annotator marked.
struct Edit {
    original: Range<usize>,
    before: String,
    after: String,
}

/// Words (tokens with a letter or digit) in both texts, counted as a multiset.
fn retyped(deleted: &str, inserted: &str) -> usize {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for word in tokens(deleted)
        .into_iter()
        .filter(|t| t.chars().any(char::is_alphanumeric))
    {
        *counts.entry(word).or_default() += 1;
    }
    let mut n = 0;
    for word in tokens(inserted) {
        if let Some(count) = counts.get_mut(&word)
            && *count > 0
        {
            *count -= 1;
            n += 1;
        }
    }
    n
}

/// Redline's numbered changes.
fn redline_changes(original: &str, reworked: &str, options: &Options) -> Vec<Change> {
    let comparison = compare_with_options(original, reworked, options);
    let mut changes: Vec<Change> = (0..comparison.n_changes)
        .map(|_| Change::default())
        .collect();
    // The bytes of the original each change deletes, from its first to its last.
    let mut spans: Vec<Option<(usize, usize)>> = vec![None; comparison.n_changes];
    for block in &comparison.blocks {
        for segment in &block.segments {
            let Some(change) = segment.change.or(block.change) else {
                continue;
            };
            let span = &mut spans[change];
            let change = &mut changes[change];
            match segment.kind {
                SegmentKind::Equal => {}
                SegmentKind::Delete => change.deleted.push_str(&segment.text),
                SegmentKind::Insert => change.inserted.push_str(&segment.text),
            }
            // Where the change sits in the original: its deleted text (an insertion is
            // placed below).
            if let Some([start, end]) = segment.original {
                let (first, last) = span.get_or_insert((start, end));
                (*first, *last) = ((*first).min(start), (*last).max(end));
            }
        }
    }
    // An insertion has no original range of its own: place it after the equal text before it.
    let mut at = 0;
    let mut placed: HashMap<usize, usize> = HashMap::new();
    for block in &comparison.blocks {
        for segment in &block.segments {
            if let Some([_, end]) = segment.original {
                at = end;
            } else if let Some(change) = segment.change.or(block.change) {
                placed.entry(change).or_insert(at);
            }
        }
    }
    for (idx, change) in changes.iter_mut().enumerate() {
        change.original = match spans[idx] {
            Some((start, end)) => start..end,
            None => {
                let at = placed.get(&idx).copied().unwrap_or(0);
                at..at
            }
        };
    }
    changes
}

/// jsdiff's changes: runs of removed and added parts between unchanged ones.
fn jsdiff_changes(parts: &[(String, String)]) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut current: Option<Change> = None;
    let mut at = 0;
    for (kind, value) in parts {
        match kind.as_str() {
            "=" => {
                changes.extend(current.take());
                at += value.len();
            }
            "-" => {
                let change = current.get_or_insert_with(|| Change {
                    original: at..at,
                    ..Change::default()
                });
                change.deleted.push_str(value);
                at += value.len();
                change.original.end = at;
            }
            _ => {
                let change = current.get_or_insert_with(|| Change {
                    original: at..at,
                    ..Change::default()
                });
                change.inserted.push_str(value);
            }
        }
    }
    changes.extend(current);
    changes
}

/// Whether one change covers exactly the edit's tokens.
fn matches(edit: &Edit, changes: &[Change]) -> bool {
    let touching: Vec<&Change> = changes
        .iter()
        .filter(|change| {
            let (a, b) = (&change.original, &edit.original);
            if b.is_empty() || a.is_empty() {
                a.start <= b.end && b.start <= a.end
            } else {
                a.start < b.end && b.start < a.end
            }
        })
        .collect();
    let [change] = touching[..] else {
        return false;
    };
    tokens(&change.deleted) == tokens(&edit.before)
        && tokens(&change.inserted) == tokens(&edit.after)
}

#[derive(Default)]
struct Score {
    exact: usize,
    retyped: usize,
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/pairs.jsonl").into()
    });
    let data = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    let jsdiff: HashMap<String, Vec<(String, String)>> = Command::new("node")
        .args([
            concat!(env!("CARGO_MANIFEST_DIR"), "/../bench/jsdiff_parts.mjs"),
            &path,
        ])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(|line| {
                    let value: serde_json::Value = serde_json::from_str(line).unwrap();
                    let parts = value["parts"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|part| {
                            (
                                part[0].as_str().unwrap().to_owned(),
                                part[1].as_str().unwrap().to_owned(),
                            )
                        })
                        .collect();
                    (value["id"].as_str().unwrap().to_owned(), parts)
                })
                .collect()
        })
        .unwrap_or_default();
    let no_cleanup = Options {
        semantic_cleanup: false,
        ..Options::default()
    };
    let (mut redline, mut plain, mut js, mut people) = (
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
    );
    let (mut n_edits, mut n_pairs) = (0, 0);
    for line in data.lines() {
        let pair: serde_json::Value = serde_json::from_str(line).unwrap();
        let Some(expected) = pair["expected_edits"].as_array() else {
            continue;
        };
        n_pairs += 1;
        let original = pair["original"].as_str().unwrap();
        let reworked = pair["reworked"].as_str().unwrap();
        // The annotations count characters (Python's string indices).
        let byte_at = |chars: usize| {
            original
                .char_indices()
                .nth(chars)
                .map_or(original.len(), |(at, _)| at)
        };
        let edits: Vec<Edit> = expected
            .iter()
            .map(|edit| Edit {
                original: byte_at(edit["start_char_pos"].as_u64().unwrap() as usize)
                    ..byte_at(edit["end_char_pos"].as_u64().unwrap() as usize),
                before: edit["before"].as_str().unwrap_or_default().to_owned(),
                after: edit["after"].as_str().unwrap_or_default().to_owned(),
            })
            .collect();
        n_edits += edits.len();
        people.retyped += edits
            .iter()
            .map(|edit| retyped(&edit.before, &edit.after))
            .sum::<usize>();
        let score = |score: &mut Score, changes: &[Change]| {
            score.exact += edits.iter().filter(|edit| matches(edit, changes)).count();
            score.retyped += changes
                .iter()
                .map(|change| retyped(&change.deleted, &change.inserted))
                .sum::<usize>();
        };
        score(
            &mut redline,
            &redline_changes(original, reworked, &Options::default()),
        );
        score(
            &mut plain,
            &redline_changes(original, reworked, &no_cleanup),
        );
        if let Some(parts) = jsdiff.get(pair["id"].as_str().unwrap()) {
            score(&mut js, &jsdiff_changes(parts));
        }
    }
    println!("{n_edits} marked edits in {n_pairs} revision pairs ({path})");
    println!("| diff | edits matched exactly | words struck out and retyped |");
    println!("|---|--:|--:|");
    println!("| Redline | {} | {} |", redline.exact, redline.retyped);
    println!(
        "| Redline, no cleanup | {} | {} |",
        plain.exact, plain.retyped
    );
    if jsdiff.is_empty() {
        println!("| jsdiff diffWords | (node bench/jsdiff_parts.mjs did not run) | |");
    } else {
        println!("| jsdiff diffWords | {} | {} |", js.exact, js.retyped);
    }
    println!("| the annotators | {n_edits} | {} |", people.retyped);
}
