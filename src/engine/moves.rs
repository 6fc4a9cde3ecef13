//! Move detection: a paragraph deleted in one place and inserted, nearly the same, in another.
//!
//! Paragraph alignment keeps the order of both texts, so a paragraph that moved shows up as a
//! deletion at its old place and an insertion at its new one. This pass pairs such deletions and
//! insertions when their words are similar enough, and turns them into a `moved_from` and a
//! `moved_to` block; the `moved_to` block shows the word diff of the move.

use super::align::kept_share;
use super::diff::{BlocksBuilder, WordDiffOptions, apply_granularity, diff_words};
use super::model::{Block, BlockKind};
use super::text::{Texts, bag_similarity};

/// A deleted and an inserted paragraph count as one moved paragraph when their word similarity,
/// and the share of words their word diff keeps, are both at least this. It is higher than
/// [`PAIR_THRESHOLD`](super::PAIR_THRESHOLD) because a move is a stronger claim than an edit in
/// place; wikidiff2 uses 0.4.
pub const MOVE_THRESHOLD: f64 = 0.5;

/// Above this many deleted × inserted paragraphs, moves are not looked for, which bounds the work.
const MOVE_BUDGET: usize = 10_000;

pub(crate) fn detect_moves(blocks: &mut [Block], texts: &Texts<'_>, options: WordDiffOptions) {
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
    if deleted.is_empty() || inserted.is_empty() || deleted.len() * inserted.len() > MOVE_BUDGET {
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
    let mut candidates = Vec::new();
    for (&deleted_idx, deleted_bag) in deleted.iter().zip(&deleted_bags) {
        for (&inserted_idx, inserted_bag) in inserted.iter().zip(&inserted_bags) {
            let score = bag_similarity(deleted_bag, inserted_bag);
            if score >= MOVE_THRESHOLD {
                candidates.push((score, deleted_idx, inserted_idx));
            }
        }
    }
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
        let mut builder = BlocksBuilder::new(texts.original.text, texts.reworked.text);
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
