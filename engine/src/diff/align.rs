//! Paragraph alignment: splits both texts into paragraphs, pairs changed ones, word-diffs inside pairs.
//!
//! A flat word diff of a reworked article matches common words across unrelated sentences. So the
//! engine first diffs the paragraphs as wholes; in a stretch where they differ, it pairs each
//! original paragraph with a reworked one when their words are similar enough, word-diffs each
//! pair, and shows the rest as whole deleted or inserted paragraphs.

use std::ops::Range;

use rustc_hash::FxHashMap;

use similar::DiffOp;

use crate::diff::moves::MOVE_THRESHOLD;
use crate::diff::text::{KeyOptions, Side, Texts, bag_similarity, shared_words};
use crate::diff::words::{
    BlocksBuilder, Run, RunKind, WordDiffOptions, apply_granularity, diff_slices, diff_words,
    diff_words_and_raw,
};
use crate::model::BlockKind;

/// Two changed paragraphs are shown as one edited paragraph when their word similarity
/// ([`similarity`]) is at least this; below it, as a deletion and an insertion.
/// wikidiff2 uses 0.2 for its "changed" pairing; 0.3 keeps unrelated paragraphs that share
/// only common words ("the", "said", "of") apart.
pub const PAIR_THRESHOLD: f64 = 0.3;

/// Most paragraph comparisons that pairing makes in one chunk of a changed stretch.
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
/// Only words count (see [`is_word`](crate::is_word)), with their multiplicity, ignoring case.
/// Common words can make unrelated paragraphs look similar, which is why pairing also checks
/// how much the word diff of a pair actually keeps.
///
/// ```
/// assert_eq!(redline_engine::similarity("The cat sat", "the dog sat"), 2.0 / 3.0);
/// ```
pub fn similarity(original: &str, reworked: &str) -> f64 {
    let texts = Texts::new(original, reworked, KeyOptions::default());
    bag_similarity(
        &texts.original.bag(0..original.len()),
        &texts.reworked.bag(0..reworked.len()),
    )
}

/// Diffs the two texts paragraph by paragraph into `builder`. Returns, for the original and
/// the reworked text, the sorted byte offsets of the paragraphs that stand more than once in
/// their text (the same tokens, as the options compare them), which are never moves.
pub(crate) fn diff_paragraphs<'a>(
    builder: &mut BlocksBuilder<'_>,
    texts: &'a Texts<'_>,
    options: WordDiffOptions,
) -> [Vec<usize>; 2] {
    let (original, reworked) = (texts.original.text, texts.reworked.text);
    let original_paragraphs = split_paragraphs(original);
    let reworked_paragraphs = split_paragraphs(reworked);
    // Paragraphs compare by their tokens' keys, so a paragraph that differs only cosmetically
    // (as the options define it) is the same paragraph. Each distinct key sequence becomes one
    // `u32`, so that `similar` is instantiated for one element type only (each instantiation
    // costs about 25 KB of wasm).
    let mut paragraph_ids: FxHashMap<&[u32], u32> = FxHashMap::default();
    let mut keys = |side: &'a Side<'_>, paragraphs: &[Paragraph]| -> Vec<u32> {
        paragraphs
            .iter()
            .map(|p| {
                let n_ids = paragraph_ids.len() as u32;
                *paragraph_ids
                    .entry(&side.key_ids[side.token_range(p.content.clone())])
                    .or_insert(n_ids)
            })
            .collect()
    };
    let original_keys = keys(&texts.original, &original_paragraphs);
    let reworked_keys = keys(&texts.reworked, &reworked_paragraphs);
    let repeated = |keys: &[u32], paragraphs: &[Paragraph]| -> Vec<usize> {
        let mut counts = vec![0_u8; paragraph_ids.len()];
        for &key in keys {
            counts[key as usize] = counts[key as usize].saturating_add(1);
        }
        keys.iter()
            .zip(paragraphs)
            .filter(|&(&key, _)| counts[key as usize] > 1)
            .map(|(_, paragraph)| paragraph.content.start)
            .collect()
    };
    let repeated = [
        repeated(&original_keys, &original_paragraphs),
        repeated(&reworked_keys, &reworked_paragraphs),
    ];

    let mut ops = diff_slices(&original_keys, &reworked_keys);
    slide_to_blank_lines(
        &mut ops,
        [&original_keys, &reworked_keys],
        [
            (&original_paragraphs, original),
            (&reworked_paragraphs, reworked),
        ],
    );
    for op in ops {
        let original_stretch = &original_paragraphs[op.old_range()];
        let reworked_stretch = &reworked_paragraphs[op.new_range()];
        if let DiffOp::Equal { .. } = op {
            for (original_paragraph, reworked_paragraph) in
                original_stretch.iter().zip(reworked_stretch)
            {
                let contents = (
                    original_paragraph.content.clone(),
                    reworked_paragraph.content.clone(),
                );
                let mut runs = if original[contents.0.clone()] == reworked[contents.1.clone()] {
                    vec![Run::equal(contents.0, contents.1)]
                } else {
                    diff_words(texts, contents.0, contents.1, options)
                };
                // A changed line break or blank line changes the layout, not the words: the word diff
                // marks it cosmetic.
                let separators = (
                    original_paragraph.separator.clone(),
                    reworked_paragraph.separator.clone(),
                );
                if original[separators.0.clone()] == reworked[separators.1.clone()] {
                    runs.push(Run::equal(separators.0, separators.1));
                } else {
                    runs.extend(diff_words(texts, separators.0, separators.1, options));
                }
                builder.block(
                    BlockKind::Equal,
                    Some(original_paragraph.whole()),
                    Some(reworked_paragraph.whole()),
                    &runs,
                );
            }
        } else {
            diff_changed_stretch(
                builder,
                texts,
                (original_stretch, reworked_stretch),
                options,
            );
        }
    }
    repeated
}

/// Slides each run of wholly inserted (or deleted) paragraphs between two unchanged stretches
/// to where it starts and ends at a blank line, when the same paragraphs can stand on either
/// side of it: `AAA ¶ BBB EEE` against `AAA ¶ BBB DDD ¶ BBB EEE` inserts the paragraph
/// `BBB DDD`, not `DDD ¶ BBB` inside the old one (diff-match-patch's "Blank lines" case). Of
/// the places the run can take, the one with the most ends at a blank line (or at the text's
/// start or end) wins; on a tie it stays where the diff put it.
fn slide_to_blank_lines(
    ops: &mut Vec<DiffOp>,
    keys: [&[u32]; 2],
    sides: [(&[Paragraph], &str); 2],
) {
    // Whether a run of paragraphs may start at `idx` of its side at a blank line.
    let at_break = |side: usize, idx: usize| {
        let (paragraphs, text) = sides[side];
        idx == 0
            || idx == paragraphs.len()
            || text[paragraphs[idx - 1].separator.clone()]
                .bytes()
                .filter(|&byte| byte == b'\n')
                .count()
                >= 2
    };
    for idx in 1..ops.len().saturating_sub(1) {
        let (DiffOp::Equal { len: before, .. }, DiffOp::Equal { len: after, .. }) =
            (ops[idx - 1], ops[idx + 1])
        else {
            continue;
        };
        let (side, start, len) = match ops[idx] {
            DiffOp::Insert {
                new_index, new_len, ..
            } => (1, new_index, new_len),
            DiffOp::Delete {
                old_index, old_len, ..
            } => (0, old_index, old_len),
            _ => continue,
        };
        let keys = keys[side];
        // The run can move up while its last paragraph equals the one above it, and down
        // while its first equals the one below it.
        let mut up = 0;
        while up < before && keys[start - up - 1] == keys[start + len - up - 1] {
            up += 1;
        }
        let mut down = 0;
        while down < after && keys[start + down] == keys[start + len + down] {
            down += 1;
        }
        if up == 0 && down == 0 {
            continue;
        }
        let score =
            |at: usize| usize::from(at_break(side, at)) + usize::from(at_break(side, at + len));
        // The run's own place wins ties: it is scored first, and only a higher score moves it.
        let mut best = start;
        for at in (start - up..=start + down).filter(|&at| at != start) {
            if score(at) > score(best)
                || (score(at) == score(best) && at.abs_diff(start) < best.abs_diff(start))
            {
                best = at;
            }
        }
        if best == start {
            continue;
        }
        // Moving the run by `shift` moves the border of both unchanged stretches with it.
        let shift = best as isize - start as isize;
        // The run moves within the unchanged stretches around it, so no index leaves 0..len.
        let moved = |index: usize| index.wrapping_add_signed(shift);
        if let DiffOp::Equal { len, .. } = &mut ops[idx - 1] {
            *len = moved(*len);
        }
        match &mut ops[idx] {
            DiffOp::Insert {
                old_index,
                new_index,
                ..
            }
            | DiffOp::Delete {
                old_index,
                new_index,
                ..
            } => {
                *old_index = moved(*old_index);
                *new_index = moved(*new_index);
            }
            _ => unreachable!(),
        }
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = &mut ops[idx + 1]
        {
            *old_index = moved(*old_index);
            *new_index = moved(*new_index);
            *len = len.wrapping_add_signed(-shift);
        }
    }
    ops.retain(|op| !matches!(op, DiffOp::Equal { len: 0, .. }));
}

/// Adds each paragraph of `stretch` as a whole deleted (or inserted) block.
fn whole_paragraphs(builder: &mut BlocksBuilder<'_>, stretch: &[Paragraph], is_original: bool) {
    for paragraph in stretch {
        if is_original {
            let run = Run::change(paragraph.whole(), 0..0);
            builder.block(BlockKind::Deleted, Some(paragraph.whole()), None, &[run]);
        } else {
            let run = Run::change(0..0, paragraph.whole());
            builder.block(BlockKind::Inserted, None, Some(paragraph.whole()), &[run]);
        }
    }
}

/// Whether the two byte ranges hold the same tokens once whitespace and line breaks are left
/// out.
fn same_but_layout(texts: &Texts<'_>, original: Range<usize>, reworked: Range<usize>) -> bool {
    let words = |side: &Side<'_>, range: Range<usize>| {
        let tokens = side.token_range(range);
        tokens
            .filter(|&idx| {
                !side.text[side.byte_offset(idx)..side.byte_offset(idx + 1)]
                    .trim()
                    .is_empty()
            })
            .map(|idx| side.key_ids[idx])
            .collect::<Vec<u32>>()
    };
    words(&texts.original, original) == words(&texts.reworked, reworked)
}

/// Pairs the paragraphs of a changed stretch by similarity, in order, and diffs each pair.
///
/// Pairing compares every original paragraph with every reworked one. Above
/// [`PAIRING_BUDGET`] comparisons, the stretch is cut into chunks at proportional positions on
/// both sides and each chunk is paired on its own, which bounds the work; pairs across chunk
/// borders are then missed, and show as deletions and insertions (or moves).
fn diff_changed_stretch(
    builder: &mut BlocksBuilder<'_>,
    texts: &Texts<'_>,
    (original_stretch, reworked_stretch): (&[Paragraph], &[Paragraph]),
    options: WordDiffOptions,
) {
    let (n_original, n_reworked) = (original_stretch.len(), reworked_stretch.len());
    // Paragraphs split or joined, or a line break moved, and nothing else: one edited block
    // whose only differences are the layout (cosmetic), not deleted and retyped words.
    if n_original > 0 && n_reworked > 0 && (n_original, n_reworked) != (1, 1) {
        let span = |stretch: &[Paragraph]| {
            stretch[0].whole().start..stretch[stretch.len() - 1].whole().end
        };
        let (original_span, reworked_span) = (span(original_stretch), span(reworked_stretch));
        if same_but_layout(texts, original_span.clone(), reworked_span.clone()) {
            let runs = diff_words(texts, original_span.clone(), reworked_span.clone(), options);
            builder.block(
                BlockKind::Changed,
                Some(original_span),
                Some(reworked_span),
                &apply_granularity(runs, texts, options),
            );
            return;
        }
    }
    let fits = |n_chunks: &usize| {
        n_original.div_ceil(*n_chunks) * n_reworked.div_ceil(*n_chunks) <= PAIRING_BUDGET
    };
    let n_chunks = (1..)
        .find(fits)
        .expect("one paragraph per chunk always fits");
    for chunk in 0..n_chunks {
        let original_chunk =
            &original_stretch[chunk * n_original / n_chunks..(chunk + 1) * n_original / n_chunks];
        let reworked_chunk =
            &reworked_stretch[chunk * n_reworked / n_chunks..(chunk + 1) * n_reworked / n_chunks];
        diff_chunk(builder, texts, original_chunk, reworked_chunk, options);
    }
}

fn diff_chunk(
    builder: &mut BlocksBuilder<'_>,
    texts: &Texts<'_>,
    original_stretch: &[Paragraph],
    reworked_stretch: &[Paragraph],
    options: WordDiffOptions,
) {
    let ends = (original_stretch.len(), reworked_stretch.len());
    // One paragraph replaced by one paragraph in the same place: the word diff alone decides
    // (below), which also handles paragraphs without words, such as `()` against `(word)`.
    let pairs = if ends == (1, 1) {
        vec![(0..1, 0..1)]
    } else {
        pair_paragraphs(texts, original_stretch, reworked_stretch, options)
    };
    let span = |stretch: &[Paragraph], range: &Range<usize>| {
        stretch[range.start].whole().start..stretch[range.end - 1].whole().end
    };
    let (mut original_idx, mut reworked_idx) = (0, 0);
    for (paired_original, paired_reworked) in
        pairs.into_iter().chain([(ends.0..ends.0, ends.1..ends.1)])
    {
        // Unpaired paragraphs before the pair: whole deletions, then whole insertions.
        whole_paragraphs(
            builder,
            &original_stretch[original_idx..paired_original.start],
            true,
        );
        whole_paragraphs(
            builder,
            &reworked_stretch[reworked_idx..paired_reworked.start],
            false,
        );
        if paired_original.is_empty() {
            break;
        }
        let (original_span, reworked_span) = (
            span(original_stretch, &paired_original),
            span(reworked_stretch, &paired_reworked),
        );
        let (raw, cleaned) =
            diff_words_and_raw(texts, original_span.clone(), reworked_span.clone(), options);
        // The pairing is judged on the words the diff keeps before cleanup: cleanup joins
        // the words between nearby edits into one replacement, which must not make a
        // paragraph that kept most of its words read as replaced whole. A split or joined
        // group was judged already, part by part.
        let is_group = paired_original.len() > 1 || paired_reworked.len() > 1;
        let raw_kept = if is_group {
            1.0
        } else {
            kept_share(texts, &raw)
        };
        let runs = cleaned.unwrap_or(raw);
        // Word bags can share many common words ("the", "of") and still read as two different
        // paragraphs; when the word diff itself keeps too little, show old and new whole.
        if raw_kept >= PAIR_THRESHOLD {
            builder.block(
                BlockKind::Changed,
                Some(original_span),
                Some(reworked_span),
                &apply_granularity(runs, texts, options),
            );
        } else {
            whole_paragraphs(builder, &original_stretch[paired_original.clone()], true);
            whole_paragraphs(builder, &reworked_stretch[paired_reworked.clone()], false);
        }
        (original_idx, reworked_idx) = (paired_original.end, paired_reworked.end);
    }
}

/// The share of words a word diff keeps: twice the equal (or cosmetically changed) words over
/// all words on both sides.
/// When one side has no words at all (`()` against `(word)`, `* * *`), punctuation counts too.
pub(crate) fn kept_share(texts: &Texts<'_>, runs: &[Run]) -> f64 {
    let (original, reworked) = (&texts.original, &texts.reworked);
    let both_have_words = runs
        .iter()
        .any(|run| original.n_words(run.original.clone()) > 0)
        && runs
            .iter()
            .any(|run| reworked.n_words(run.reworked.clone()) > 0);
    let count = |side: &Side<'_>, range: Range<usize>| {
        if both_have_words {
            side.n_words(range)
        } else {
            side.n_counted(range)
        }
    };
    let (mut n_equal, mut n_total) = (0, 0);
    for run in runs {
        let n_original = count(original, run.original.clone());
        if run.kind != RunKind::Change {
            n_equal += n_original;
            n_total += 2 * n_original;
        } else {
            n_total += n_original + count(reworked, run.reworked.clone());
        }
    }
    if n_total == 0 {
        1.0
    } else {
        2.0 * n_equal as f64 / n_total as f64
    }
}

/// One paragraph of one side is shown as split into (or joined from) at most this many
/// paragraphs of the other.
const MAX_GROUP: usize = 3;

/// How the best pairing of the first `i` original and `j` reworked paragraphs ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Nothing before: `i` or `j` is 0.
    Start,
    /// Original paragraph `i - 1` is unpaired.
    SkipOriginal,
    /// Reworked paragraph `j - 1` is unpaired.
    SkipReworked,
    /// The last `n_original` original paragraphs are paired with the last `n_reworked` reworked
    /// ones: one with one, one split into several, or several joined into one.
    Pair {
        n_original: usize,
        n_reworked: usize,
    },
}

/// The monotonic pairing of paragraphs with the highest total similarity, counting only pairs at
/// or above [`PAIR_THRESHOLD`]; returns ranges of paired paragraphs of the two stretches, in
/// order.
///
/// Besides one paragraph with one, a paragraph may pair with two or three paragraphs in a row
/// of the other side, when it was split (or they were joined) and edited at the same time:
/// "The mayor spoke on Monday. The council voted for …" against "The mayor spoke on Monday." and
/// "The council voted against …". Such a group counts its similarity once per paragraph of
/// its longer side, and is taken only when it is at least [`MOVE_THRESHOLD`] alike, each of
/// those paragraphs draws half its words from the single one, and keeps at least
/// [`PAIR_THRESHOLD`] of its words in the word diff of the group: a new paragraph that merely
/// shares words with its neighbour's old version is no part of a split.
fn pair_paragraphs(
    texts: &Texts<'_>,
    original_stretch: &[Paragraph],
    reworked_stretch: &[Paragraph],
    options: WordDiffOptions,
) -> Vec<(Range<usize>, Range<usize>)> {
    let original_bags: Vec<Vec<u32>> = original_stretch
        .iter()
        .map(|p| texts.original.bag(p.content.clone()))
        .collect();
    let reworked_bags: Vec<Vec<u32>> = reworked_stretch
        .iter()
        .map(|p| texts.reworked.bag(p.content.clone()))
        .collect();
    let (n_original, n_reworked) = (original_bags.len(), reworked_bags.len());
    let shared: Vec<usize> = original_bags
        .iter()
        .flat_map(|original| {
            reworked_bags
                .iter()
                .map(|reworked| shared_words(original, reworked))
        })
        .collect();
    let pair_similarity = |i: usize, j: usize| {
        let n_words = original_bags[i].len() + reworked_bags[j].len();
        if n_words == 0 {
            1.0
        } else {
            2.0 * shared[i * n_reworked + j] as f64 / n_words as f64
        }
    };
    let groups = Groups {
        texts,
        original_stretch,
        reworked_stretch,
        original_bags: &original_bags,
        reworked_bags: &reworked_bags,
        shared: &shared,
        options,
    };
    // best[i][j]: the best total for the first i original and first j reworked paragraphs, and
    // the step it ends with.
    let width = n_reworked + 1;
    let mut best = vec![0.0_f64; (n_original + 1) * width];
    let mut steps = vec![Step::Start; (n_original + 1) * width];
    for i in 1..=n_original {
        for j in 1..=n_reworked {
            let (mut value, mut step) = (best[(i - 1) * width + j], Step::SkipOriginal);
            if best[i * width + j - 1] > value {
                (value, step) = (best[i * width + j - 1], Step::SkipReworked);
            }
            let score = pair_similarity(i - 1, j - 1);
            if score >= PAIR_THRESHOLD && best[(i - 1) * width + j - 1] + score >= value {
                value = best[(i - 1) * width + j - 1] + score;
                step = Step::Pair {
                    n_original: 1,
                    n_reworked: 1,
                };
            }
            let splits = (2..=MAX_GROUP.min(j)).map(|n| (1, n));
            let joins = (2..=MAX_GROUP.min(i)).map(|n| (n, 1));
            for (n_o, n_r) in splits.chain(joins) {
                let before = best[(i - n_o) * width + j - n_r];
                // A group can only win when it could beat the best so far at its full score.
                if before + (n_o.max(n_r)) as f64 <= value {
                    continue;
                }
                if let Some(score) = groups.score(i - n_o..i, j - n_r..j)
                    && before + score > value
                {
                    value = before + score;
                    step = Step::Pair {
                        n_original: n_o,
                        n_reworked: n_r,
                    };
                }
            }
            best[i * width + j] = value;
            steps[i * width + j] = step;
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n_original, n_reworked);
    while i > 0 && j > 0 {
        match steps[i * width + j] {
            Step::Start => break,
            Step::SkipOriginal => i -= 1,
            Step::SkipReworked => j -= 1,
            Step::Pair {
                n_original,
                n_reworked,
            } => {
                pairs.push((i - n_original..i, j - n_reworked..j));
                (i, j) = (i - n_original, j - n_reworked);
            }
        }
    }
    pairs.reverse();
    pairs
}

/// What scoring a split or joined group of paragraphs reads.
struct Groups<'a> {
    texts: &'a Texts<'a>,
    original_stretch: &'a [Paragraph],
    reworked_stretch: &'a [Paragraph],
    original_bags: &'a [Vec<u32>],
    reworked_bags: &'a [Vec<u32>],
    /// Shared words of each original paragraph with each reworked one, row by row.
    shared: &'a [usize],
    options: WordDiffOptions,
}

impl Groups<'_> {
    /// The score of pairing original paragraphs `original` with reworked paragraphs `reworked`
    /// (one of them a single paragraph), or `None` when they are no split or join: the Dice
    /// similarity of the single paragraph with the group's words, times the group's size.
    fn score(&self, original: Range<usize>, reworked: Range<usize>) -> Option<f64> {
        let n_reworked = self.reworked_bags.len();
        let split = original.len() == 1;
        let (single, parts) = if split {
            (original.start, reworked.clone())
        } else {
            (reworked.start, original.clone())
        };
        let (single_bag, part_bags) = if split {
            (
                &self.original_bags[single],
                &self.reworked_bags[parts.clone()],
            )
        } else {
            (
                &self.reworked_bags[single],
                &self.original_bags[parts.clone()],
            )
        };
        let shared = |part: usize| {
            if split {
                self.shared[single * n_reworked + part]
            } else {
                self.shared[part * n_reworked + single]
            }
        };
        // Each part must draw at least half its words from the single paragraph, and the
        // group must be as alike as a move ([`MOVE_THRESHOLD`]): a split is a claim as strong
        // as a move, and two unrelated texts share enough common words ("the", "of") to pass
        // weaker tests, each of which would cost a word diff below.
        let mut best_part = 0.0_f64;
        for (part, bag) in parts.clone().zip(part_bags) {
            if bag.is_empty() || 2 * shared(part) < bag.len() {
                return None;
            }
            best_part =
                best_part.max(2.0 * shared(part) as f64 / (single_bag.len() + bag.len()) as f64);
        }
        let mut union: Vec<u32> = part_bags.concat();
        union.sort_unstable();
        let similarity = bag_similarity(single_bag, &union);
        // The group must read better than its best single pair.
        if similarity < MOVE_THRESHOLD || similarity <= best_part {
            return None;
        }
        self.keeps_each_part(original, reworked, split)
            .then_some(similarity * parts.len() as f64)
    }

    /// Whether the word diff of the group, before cleanup, keeps at least [`PAIR_THRESHOLD`] of
    /// each part's words.
    fn keeps_each_part(&self, original: Range<usize>, reworked: Range<usize>, split: bool) -> bool {
        let span = |stretch: &[Paragraph], range: Range<usize>| {
            stretch[range.start].whole().start..stretch[range.end - 1].whole().end
        };
        let raw_options = WordDiffOptions {
            cleanup: false,
            ..self.options
        };
        let (runs, _) = diff_words_and_raw(
            self.texts,
            span(self.original_stretch, original.clone()),
            span(self.reworked_stretch, reworked.clone()),
            raw_options,
        );
        let (side, parts) = if split {
            (&self.texts.reworked, &self.reworked_stretch[reworked])
        } else {
            (&self.texts.original, &self.original_stretch[original])
        };
        parts.iter().all(|part| {
            let content = part.content.clone();
            let kept: usize = runs
                .iter()
                .filter(|run| run.kind != RunKind::Change)
                .map(|run| {
                    let range = if split { &run.reworked } else { &run.original };
                    let start = range.start.max(content.start);
                    let end = range.end.min(content.end);
                    if start < end {
                        side.n_words(start..end)
                    } else {
                        0
                    }
                })
                .sum();
            kept as f64 >= PAIR_THRESHOLD * side.n_words(content.clone()) as f64
        })
    }
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
