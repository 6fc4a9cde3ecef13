//! Move detection: a paragraph deleted in one place and inserted, nearly the same, in another.
//!
//! Paragraph alignment keeps the order of both texts, so a paragraph that moved shows up as a
//! deletion at its old place and an insertion at its new one. This pass pairs such deletions and
//! insertions when their words are similar enough, and turns them into a `moved_from` and a
//! `moved_to` block; the `moved_to` block shows the word diff of the move.

use rustc_hash::FxHashMap;

use crate::diff::align::kept_share;
use crate::diff::text::{Texts, bag_similarity};
use crate::diff::words::{BlocksBuilder, WordDiffOptions, apply_granularity, diff_words};
use crate::model::{Block, BlockKind};

/// A deleted and an inserted paragraph count as one moved paragraph when their word similarity,
/// and the share of words their word diff keeps, are both at least this. It is higher than
/// [`PAIR_THRESHOLD`](crate::PAIR_THRESHOLD) because a move is a stronger claim than an edit in
/// place; wikidiff2 uses 0.4.
pub const MOVE_THRESHOLD: f64 = 0.5;

/// A word found in more inserted paragraphs than this says little about where a deleted
/// paragraph went ("the", "said"): candidates for a move are found through rarer words only.
/// A text with fewer inserted paragraphs than this has no such words, and every pair that
/// shares a word is scored. This bounds the work of a long rewrite by the words of its deleted
/// paragraphs times this, instead of deleted × inserted paragraphs.
const COMMON_WORD_PARAGRAPHS: usize = 32;

/// How many inserted paragraphs, those sharing the most rarer words, are scored as the possible
/// new place of one deleted paragraph.
const CANDIDATES_PER_PARAGRAPH: usize = 8;

/// Finds the moves among `blocks`; `repeated` holds, for the original and the reworked text,
/// the sorted byte offsets of the paragraphs whose words stand more than once in their text,
/// which never move.
pub(crate) fn detect_moves(
    blocks: &mut [Block],
    texts: &Texts<'_>,
    options: WordDiffOptions,
    repeated: [&[usize]; 2],
) {
    let range = |range: Option<[usize; 2]>| {
        let [start, end] = range.expect("whole-paragraph blocks have a range on their side");
        start..end
    };
    let of_kind = |kind: BlockKind| -> Vec<usize> {
        blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| block.kind == kind)
            .map(|(idx, _)| idx)
            .collect()
    };
    let (deleted, inserted) = (of_kind(BlockKind::Deleted), of_kind(BlockKind::Inserted));
    if deleted.is_empty() || inserted.is_empty() {
        return;
    }

    let deleted_bags: Vec<Vec<u32>> = deleted
        .iter()
        .map(|&idx| texts.original.bag(range(blocks[idx].original)))
        .collect();
    let inserted_bags: Vec<Vec<u32>> = inserted
        .iter()
        .map(|&idx| texts.reworked.bag(range(blocks[idx].reworked)))
        .collect();
    // Which inserted paragraphs hold each word (bags are sorted, so a word's repeats are
    // adjacent and each paragraph is listed once).
    let mut paragraphs_of_word: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (inserted_pos, bag) in inserted_bags.iter().enumerate() {
        for word in distinct(bag) {
            paragraphs_of_word
                .entry(word)
                .or_default()
                .push(inserted_pos);
        }
    }
    let mut candidates = Vec::new();
    // How many of the deleted paragraph's rarer words each inserted paragraph shares.
    let mut n_shared = vec![0_u32; inserted.len()];
    let mut found = Vec::new();
    for (&deleted_idx, deleted_bag) in deleted.iter().zip(&deleted_bags) {
        for word in distinct(deleted_bag) {
            let Some(paragraphs) = paragraphs_of_word.get(&word) else {
                continue;
            };
            if paragraphs.len() > COMMON_WORD_PARAGRAPHS {
                continue;
            }
            for &inserted_pos in paragraphs {
                if n_shared[inserted_pos] == 0 {
                    found.push(inserted_pos);
                }
                n_shared[inserted_pos] += 1;
            }
        }
        // Only the paragraphs that share the most rarer words are scored in full.
        if found.len() > CANDIDATES_PER_PARAGRAPH {
            found.select_nth_unstable_by_key(CANDIDATES_PER_PARAGRAPH, |&pos| {
                std::cmp::Reverse((n_shared[pos], std::cmp::Reverse(pos)))
            });
        }
        for &inserted_pos in &found {
            n_shared[inserted_pos] = 0;
        }
        for inserted_pos in found.drain(..).take(CANDIDATES_PER_PARAGRAPH) {
            let score = bag_similarity(deleted_bag, &inserted_bags[inserted_pos]);
            if score >= MOVE_THRESHOLD {
                candidates.push((score, deleted_idx, inserted[inserted_pos]));
            }
        }
    }
    // A line that stands more than once in its text (a row of `* * *`, a repeated "Photo: AP")
    // did not move when one copy went and another came: which copy is which cannot be told,
    // so such paragraphs stay deleted and inserted where they are.
    candidates.retain(|&(_, deleted_idx, inserted_idx)| {
        let starts = |range: Option<[usize; 2]>| range.map_or(0, |[start, _]| start);
        let deleted_start = starts(blocks[deleted_idx].original);
        let inserted_start = starts(blocks[inserted_idx].reworked);
        repeated[0].binary_search(&deleted_start).is_err()
            && repeated[1].binary_search(&inserted_start).is_err()
    });
    // The most similar pairs first; ties in reading order, so the result is deterministic.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));

    let mut moves = Vec::new();
    let mut used = vec![false; blocks.len()];
    for (_, deleted_idx, inserted_idx) in candidates {
        if used[deleted_idx] || used[inserted_idx] {
            continue;
        }
        let (original_range, reworked_range) = (
            range(blocks[deleted_idx].original),
            range(blocks[inserted_idx].reworked),
        );
        let runs = diff_words(texts, original_range, reworked_range.clone(), options);
        if kept_share(texts, &runs) < MOVE_THRESHOLD {
            continue;
        }
        let mut builder = BlocksBuilder::new(texts.original.text, texts.reworked.text, false);
        let runs = apply_granularity(runs, texts, options);
        builder.block(BlockKind::MovedTo, None, Some(reworked_range), &runs);
        let Some(moved_to) = builder.finish().pop() else {
            continue;
        };
        blocks[inserted_idx] = moved_to;
        blocks[deleted_idx].kind = BlockKind::MovedFrom;
        used[deleted_idx] = true;
        used[inserted_idx] = true;
        moves.push((deleted_idx.min(inserted_idx), deleted_idx, inserted_idx));
    }
    // Number the moves in the order a reader meets their first end.
    moves.sort_unstable();
    for (move_id, (_, deleted_idx, inserted_idx)) in moves.into_iter().enumerate() {
        blocks[deleted_idx].move_id = Some(move_id);
        blocks[inserted_idx].move_id = Some(move_id);
    }
}

/// The distinct words of a sorted bag.
fn distinct(bag: &[u32]) -> impl Iterator<Item = u32> + '_ {
    bag.iter()
        .enumerate()
        .filter(|&(idx, word)| idx == 0 || bag[idx - 1] != *word)
        .map(|(_, &word)| word)
}
