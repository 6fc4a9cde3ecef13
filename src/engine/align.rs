//! Paragraph alignment: splits both texts into paragraphs, pairs changed ones, word-diffs inside pairs.
//!
//! A flat word diff of a reworked article matches common words across unrelated sentences. So the
//! engine first diffs the paragraphs as wholes; in a stretch where they differ, it pairs each
//! original paragraph with a reworked one when their words are similar enough, word-diffs each
//! pair, and shows the rest as whole deleted or inserted paragraphs.

use std::collections::HashMap;
use std::ops::Range;

use similar::DiffOp;

use super::diff::{BlocksBuilder, Run, diff_slices, diff_words};
use super::model::BlockKind;
use super::tokenize::{is_word, tokenize};

/// Two changed paragraphs are shown as one edited paragraph when their word similarity
/// ([`similarity`]) is at least this; below it, as a deletion and an insertion.
/// wikidiff2 uses 0.2 for its "changed" pairing; 0.3 keeps unrelated paragraphs that share
/// only common words ("the", "said", "of") apart.
pub const PAIR_THRESHOLD: f64 = 0.3;

/// Pairing compares every original paragraph of a changed stretch with every reworked one; above
/// this many comparisons the stretch is word-diffed as a whole instead, which bounds the work.
const PAIRING_BUDGET: usize = 10_000;

/// A paragraph: one line's content and the line breaks (and blank lines) that end it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Paragraph {
    content: Range<usize>,
    separator: Range<usize>,
}

impl Paragraph {
    fn whole(&self) -> Range<usize> {
        self.content.start..self.separator.end
    }
}

/// Splits `text` into paragraphs that tile it: runs of blank lines belong to the separator of
/// the paragraph before them (or form an empty first paragraph at the very start).
fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut res = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let line_end = memchr_newline(bytes, start).unwrap_or(bytes.len());
        let mut content_end = line_end;
        if content_end > start && bytes[content_end - 1] == b'\r' {
            content_end -= 1;
        }
        // The separator runs over the line break and every following blank line.
        let mut separator_end = (line_end + 1).min(bytes.len());
        while separator_end < bytes.len() {
            let next_end = memchr_newline(bytes, separator_end).map_or(bytes.len(), |idx| idx + 1);
            if text[separator_end..next_end].trim().is_empty() {
                separator_end = next_end;
            } else {
                break;
            }
        }
        res.push(Paragraph {
            content: start..content_end,
            separator: content_end..separator_end,
        });
        start = separator_end;
    }
    res
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&byte| byte == b'\n')
        .map(|idx| from + idx)
}

/// Dice similarity of the words of two texts, 0 (no word in common) to 1 (the same words):
/// twice the number of shared words over the number of words on both sides.
///
/// Only words count (see [`is_word`](super::is_word)), with their multiplicity, ignoring case.
/// Common words can make unrelated paragraphs look similar, which is why pairing also checks
/// how much the word diff of a pair actually keeps.
pub fn similarity(original: &str, reworked: &str) -> f64 {
    similarity_of_bags(&word_bag(original), &word_bag(reworked))
}

/// How often each word (lower case) occurs in a text.
pub(crate) type WordBag = HashMap<String, u32>;

pub(crate) fn word_bag(text: &str) -> WordBag {
    let mut bag = WordBag::new();
    for token in tokenize(text).into_iter().filter(|token| is_word(token)) {
        *bag.entry(token.to_lowercase()).or_default() += 1;
    }
    bag
}

pub(crate) fn similarity_of_bags(original: &WordBag, reworked: &WordBag) -> f64 {
    let n_words = original.values().chain(reworked.values()).sum::<u32>();
    if n_words == 0 {
        return if original.is_empty() && reworked.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let (small, large) = if original.len() <= reworked.len() {
        (original, reworked)
    } else {
        (reworked, original)
    };
    let n_shared: u32 = small
        .iter()
        .map(|(word, &count)| count.min(large.get(word).copied().unwrap_or(0)))
        .sum();
    2.0 * f64::from(n_shared) / f64::from(n_words)
}

/// Diffs `original` against `reworked` paragraph by paragraph into `builder`.
pub(crate) fn diff_paragraphs(
    builder: &mut BlocksBuilder<'_>,
    original: &str,
    reworked: &str,
    cleanup: bool,
) {
    let original_paragraphs = split_paragraphs(original);
    let reworked_paragraphs = split_paragraphs(reworked);
    let original_keys: Vec<&str> = original_paragraphs
        .iter()
        .map(|p| &original[p.content.clone()])
        .collect();
    let reworked_keys: Vec<&str> = reworked_paragraphs
        .iter()
        .map(|p| &reworked[p.content.clone()])
        .collect();

    for op in diff_slices(&original_keys, &reworked_keys) {
        let original_stretch = &original_paragraphs[op.old_range()];
        let reworked_stretch = &reworked_paragraphs[op.new_range()];
        if let DiffOp::Equal { .. } = op {
            for (original_paragraph, reworked_paragraph) in
                original_stretch.iter().zip(reworked_stretch)
            {
                let (original_whole, reworked_whole) =
                    (original_paragraph.whole(), reworked_paragraph.whole());
                let mut runs = vec![Run {
                    is_equal: true,
                    original: original_paragraph.content.clone(),
                    reworked: reworked_paragraph.content.clone(),
                }];
                let separators = (
                    original_paragraph.separator.clone(),
                    reworked_paragraph.separator.clone(),
                );
                let kind = if original[separators.0.clone()] == reworked[separators.1.clone()] {
                    runs.push(Run {
                        is_equal: true,
                        original: separators.0,
                        reworked: separators.1,
                    });
                    BlockKind::Equal
                } else {
                    runs.extend(diff_words(
                        original,
                        reworked,
                        separators.0,
                        separators.1,
                        cleanup,
                    ));
                    BlockKind::Changed
                };
                builder.block(kind, Some(original_whole), Some(reworked_whole), &runs);
            }
        } else {
            let at = |paragraphs: &[Paragraph], idx: usize, text: &str| {
                paragraphs
                    .get(idx)
                    .map_or(text.len(), |paragraph| paragraph.content.start)
            };
            let starts = (
                at(&original_paragraphs, op.old_range().start, original),
                at(&reworked_paragraphs, op.new_range().start, reworked),
            );
            diff_changed_stretch(
                builder,
                original,
                reworked,
                (original_stretch, reworked_stretch),
                starts,
                cleanup,
            );
        }
    }
}

/// Adds each paragraph of `stretch` as a whole deleted (or inserted) block.
fn whole_paragraphs(builder: &mut BlocksBuilder<'_>, stretch: &[Paragraph], is_original: bool) {
    for paragraph in stretch {
        let (kind, original, reworked) = if is_original {
            (BlockKind::Deleted, paragraph.whole(), 0..0)
        } else {
            (BlockKind::Inserted, 0..0, paragraph.whole())
        };
        let run = Run {
            is_equal: false,
            original: original.clone(),
            reworked: reworked.clone(),
        };
        let ranges = if is_original {
            (Some(original), None)
        } else {
            (None, Some(reworked))
        };
        builder.block(kind, ranges.0, ranges.1, &[run]);
    }
}

/// Pairs the paragraphs of a changed stretch by similarity, in order, and diffs each pair.
/// `starts` are the byte offsets where the stretch begins in each text (needed when one side
/// has no paragraphs at all).
fn diff_changed_stretch(
    builder: &mut BlocksBuilder<'_>,
    original: &str,
    reworked: &str,
    (original_stretch, reworked_stretch): (&[Paragraph], &[Paragraph]),
    (original_start, reworked_start): (usize, usize),
    cleanup: bool,
) {
    let whole = |stretch: &[Paragraph], at: usize| match stretch.split_first() {
        Some((first, rest)) => first.content.start..rest.last().unwrap_or(first).separator.end,
        None => at..at,
    };
    if original_stretch.len() * reworked_stretch.len() > PAIRING_BUDGET {
        let (original_range, reworked_range) = (
            whole(original_stretch, original_start),
            whole(reworked_stretch, reworked_start),
        );
        let runs = diff_words(
            original,
            reworked,
            original_range.clone(),
            reworked_range.clone(),
            cleanup,
        );
        builder.block(
            BlockKind::Changed,
            Some(original_range),
            Some(reworked_range),
            &runs,
        );
        return;
    }

    let ends = (original_stretch.len(), reworked_stretch.len());
    // One paragraph replaced by one paragraph in the same place: the word diff alone decides
    // (below), which also handles paragraphs without words, such as `()` against `(word)`.
    let pairs = if ends == (1, 1) {
        vec![(0, 0)]
    } else {
        pair_paragraphs(original, reworked, original_stretch, reworked_stretch)
    };
    let (mut original_idx, mut reworked_idx) = (0, 0);
    for (paired_original, paired_reworked) in pairs.into_iter().chain([ends]) {
        // Unpaired paragraphs before the pair: whole deletions, then whole insertions.
        whole_paragraphs(
            builder,
            &original_stretch[original_idx..paired_original],
            true,
        );
        whole_paragraphs(
            builder,
            &reworked_stretch[reworked_idx..paired_reworked],
            false,
        );
        if (paired_original, paired_reworked) == ends {
            break;
        }
        let (original_paragraph, reworked_paragraph) = (
            &original_stretch[paired_original],
            &reworked_stretch[paired_reworked],
        );
        let runs = diff_words(
            original,
            reworked,
            original_paragraph.whole(),
            reworked_paragraph.whole(),
            cleanup,
        );
        // Word bags can share many common words ("the", "of") and still read as two different
        // paragraphs; when the word diff itself keeps too little, show old and new whole.
        if kept_share(original, reworked, &runs) >= PAIR_THRESHOLD {
            builder.block(
                BlockKind::Changed,
                Some(original_paragraph.whole()),
                Some(reworked_paragraph.whole()),
                &runs,
            );
        } else {
            whole_paragraphs(builder, std::slice::from_ref(original_paragraph), true);
            whole_paragraphs(builder, std::slice::from_ref(reworked_paragraph), false);
        }
        (original_idx, reworked_idx) = (paired_original + 1, paired_reworked + 1);
    }
}

/// The share of words a word diff keeps: twice the equal words over all words on both sides.
/// When one side has no words at all (`()` against `(word)`, `* * *`), punctuation counts too.
pub(crate) fn kept_share(original: &str, reworked: &str, runs: &[Run]) -> f64 {
    let has_words =
        |text: &str, range: &Range<usize>| tokenize(&text[range.clone()]).into_iter().any(is_word);
    let both_have_words = runs.iter().any(|run| has_words(original, &run.original))
        && runs.iter().any(|run| has_words(reworked, &run.reworked));
    let is_counted = |token: &str| {
        if both_have_words {
            is_word(token)
        } else {
            !token.trim().is_empty()
        }
    };
    let count_words = |text: &str| {
        tokenize(text)
            .into_iter()
            .filter(|token| is_counted(token))
            .count()
    };
    let (mut n_equal, mut n_total) = (0, 0);
    for run in runs {
        let original_words = count_words(&original[run.original.clone()]);
        if run.is_equal {
            n_equal += original_words;
            n_total += 2 * original_words;
        } else {
            n_total += original_words + count_words(&reworked[run.reworked.clone()]);
        }
    }
    if n_total == 0 {
        1.0
    } else {
        2.0 * n_equal as f64 / n_total as f64
    }
}

/// The monotonic pairing of paragraphs with the highest total similarity, counting only pairs at
/// or above [`PAIR_THRESHOLD`]; returns index pairs into the two stretches, in order.
fn pair_paragraphs(
    original: &str,
    reworked: &str,
    original_stretch: &[Paragraph],
    reworked_stretch: &[Paragraph],
) -> Vec<(usize, usize)> {
    let original_bags: Vec<WordBag> = original_stretch
        .iter()
        .map(|p| word_bag(&original[p.content.clone()]))
        .collect();
    let reworked_bags: Vec<WordBag> = reworked_stretch
        .iter()
        .map(|p| word_bag(&reworked[p.content.clone()]))
        .collect();
    let (n_original, n_reworked) = (original_bags.len(), reworked_bags.len());
    // best[i][j]: the best total for the first i original and first j reworked paragraphs.
    let width = n_reworked + 1;
    let mut best = vec![0.0_f64; (n_original + 1) * width];
    let mut pair_score = vec![f64::NEG_INFINITY; n_original * n_reworked];
    for i in 1..=n_original {
        for j in 1..=n_reworked {
            let score = similarity_of_bags(&original_bags[i - 1], &reworked_bags[j - 1]);
            let mut value = best[(i - 1) * width + j].max(best[i * width + j - 1]);
            if score >= PAIR_THRESHOLD {
                pair_score[(i - 1) * n_reworked + j - 1] = score;
                value = value.max(best[(i - 1) * width + j - 1] + score);
            }
            best[i * width + j] = value;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n_original, n_reworked);
    while i > 0 && j > 0 {
        let score = pair_score[(i - 1) * n_reworked + j - 1];
        if score.is_finite() && best[i * width + j] == best[(i - 1) * width + j - 1] + score {
            pairs.push((i - 1, j - 1));
            (i, j) = (i - 1, j - 1);
        } else if best[i * width + j] == best[(i - 1) * width + j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tile_the_text() {
        let text = "\n\nHeadline\r\n\r\n  \nFirst line\nSecond\n\n\nLast";
        let paragraphs = split_paragraphs(text);
        let contents: Vec<&str> = paragraphs
            .iter()
            .map(|p| &text[p.content.clone()])
            .collect();
        assert_eq!(contents, ["", "Headline", "First line", "Second", "Last"]);
        let separators: Vec<&str> = paragraphs
            .iter()
            .map(|p| &text[p.separator.clone()])
            .collect();
        assert_eq!(separators, ["\n\n", "\r\n\r\n  \n", "\n", "\n\n\n", ""]);
    }

    #[test]
    fn similarity_counts_shared_words() {
        assert_eq!(similarity("a b c d", "a b c d"), 1.0);
        assert_eq!(similarity("a b c d", "a b x y"), 0.5);
        assert_eq!(similarity("The cat", "the dog"), 0.5);
        assert_eq!(similarity("one", "two"), 0.0);
    }
}
