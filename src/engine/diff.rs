//! The only caller of `similar`: diffs token sequences, cleans up the result, and builds blocks.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::model::{Block, BlockKind, Segment, SegmentKind};
use super::text::Texts;

/// Patience anchors on tokens that occur once on each side; on reworked prose it keeps about
/// half the words where Myers keeps a tenth (measured in ../shared/bench/README.md).
const ALGORITHM: Algorithm = Algorithm::Patience;

/// Diffs two sequences. Without a deadline `similar` never reads the clock, which would panic in
/// the browser, so no deadline is ever passed.
pub(crate) fn diff_slices<T: Eq + std::hash::Hash>(original: &[T], reworked: &[T]) -> Vec<DiffOp> {
    capture_diff_slices(ALGORITHM, original, reworked)
}

/// Collects blocks in reading order.
pub(crate) struct BlocksBuilder<'a> {
    original: &'a str,
    reworked: &'a str,
    blocks: Vec<Block>,
}

impl<'a> BlocksBuilder<'a> {
    pub(crate) fn new(original: &'a str, reworked: &'a str) -> Self {
        BlocksBuilder {
            original,
            reworked,
            blocks: Vec::new(),
        }
    }

    pub(crate) fn finish(self) -> Vec<Block> {
        self.blocks
    }

    /// Adds a block made of `runs`; `original` and `reworked` are its byte ranges, `None` on a
    /// side the block does not have. Empty blocks are dropped.
    pub(crate) fn block(
        &mut self,
        kind: BlockKind,
        original: Option<Range<usize>>,
        reworked: Option<Range<usize>>,
        runs: &[Run],
    ) {
        let mut segments = Vec::new();
        for run in runs {
            if run.is_equal {
                let text = &self.original[run.original.clone()];
                debug_assert_eq!(text, &self.reworked[run.reworked.clone()]);
                push(
                    &mut segments,
                    SegmentKind::Equal,
                    text,
                    Some(run.original.clone()),
                    Some(run.reworked.clone()),
                );
            } else {
                let deleted = &self.original[run.original.clone()];
                push(
                    &mut segments,
                    SegmentKind::Delete,
                    deleted,
                    Some(run.original.clone()),
                    None,
                );
                let inserted = &self.reworked[run.reworked.clone()];
                push(
                    &mut segments,
                    SegmentKind::Insert,
                    inserted,
                    None,
                    Some(run.reworked.clone()),
                );
            }
        }
        if segments.is_empty() {
            return;
        }
        self.blocks.push(Block {
            kind,
            original: original.map(|range| [range.start, range.end]),
            reworked: reworked.map(|range| [range.start, range.end]),
            move_id: None,
            change: None,
            segments,
        });
    }
}

/// Appends a segment, merging it into its neighbours where the reading order allows.
fn push(
    segments: &mut Vec<Segment>,
    kind: SegmentKind,
    text: &str,
    original: Option<Range<usize>>,
    reworked: Option<Range<usize>>,
) {
    if text.is_empty() {
        return;
    }
    // A deletion directly after an insertion joins the deletion before that insertion, so a
    // replacement always reads as all of the old text, then all of the new.
    let n_segments = segments.len();
    if kind == SegmentKind::Delete
        && n_segments >= 2
        && segments[n_segments - 1].kind == SegmentKind::Insert
        && segments[n_segments - 2].kind == SegmentKind::Delete
    {
        let deletion = &mut segments[n_segments - 2];
        deletion.text.push_str(text);
        extend(&mut deletion.original, original);
        return;
    }
    if let Some(last) = segments.last_mut()
        && last.kind == kind
    {
        last.text.push_str(text);
        extend(&mut last.original, original);
        extend(&mut last.reworked, reworked);
        return;
    }
    segments.push(Segment {
        kind,
        text: text.to_owned(),
        original: original.map(|range| [range.start, range.end]),
        reworked: reworked.map(|range| [range.start, range.end]),
        change: None,
    });
}

fn extend(range: &mut Option<[usize; 2]>, more: Option<Range<usize>>) {
    if let (Some(range), Some(more)) = (range.as_mut(), more) {
        debug_assert_eq!(range[1], more.start);
        range[1] = more.end;
    }
}

/// One stretch of a token diff: equal on both sides, or changed (deleted and/or inserted).
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub(crate) is_equal: bool,
    /// Byte range in the original.
    pub(crate) original: Range<usize>,
    /// Byte range in the reworked text.
    pub(crate) reworked: Range<usize>,
}

/// Word-diffs the original's bytes `original_range` against the reworked text's
/// `reworked_range` (both on token boundaries).
///
/// With `cleanup`, an equal stretch stranded between two changes is absorbed into one
/// replacement when it is no longer than the changes on either side of it (the rule of
/// diff-match-patch's semantic cleanup) and holds no line break: `[-cat-]{+dog+} [-sat-]{+stood+}`
/// becomes `[-cat sat-]{+dog stood+}`, which reads as the rewrite it is.
pub(crate) fn diff_words(
    texts: &Texts<'_>,
    original_range: Range<usize>,
    reworked_range: Range<usize>,
    cleanup: bool,
) -> Vec<Run> {
    let (original, reworked) = (&texts.original, &texts.reworked);
    let original_tokens = original.token_range(original_range);
    let reworked_tokens = reworked.token_range(reworked_range);
    let ops = diff_slices(
        &original.ids[original_tokens.clone()],
        &reworked.ids[reworked_tokens.clone()],
    );

    let mut runs: Vec<Run> = Vec::new();
    for op in ops {
        let (original_idx, reworked_idx) = (op.old_range(), op.new_range());
        let original_byte = |idx: usize| original.byte_offset(original_tokens.start + idx);
        let reworked_byte = |idx: usize| reworked.byte_offset(reworked_tokens.start + idx);
        let run = Run {
            is_equal: matches!(op, DiffOp::Equal { .. }),
            original: original_byte(original_idx.start)..original_byte(original_idx.end),
            reworked: reworked_byte(reworked_idx.start)..reworked_byte(reworked_idx.end),
        };
        push_run(&mut runs, run, cleanup, original.text);
    }
    runs
}

/// Appends a run, merging neighbouring changes and, with `cleanup`, absorbing short equalities.
fn push_run(runs: &mut Vec<Run>, run: Run, cleanup: bool, original: &str) {
    if let Some(last) = runs.last_mut()
        && !last.is_equal
        && !run.is_equal
    {
        last.original.end = run.original.end;
        last.reworked.end = run.reworked.end;
    } else {
        runs.push(run);
    }
    while cleanup && runs.len() >= 3 {
        let [before, equality, after] = &runs[runs.len() - 3..] else {
            unreachable!()
        };
        let size = |run: &Run| run.original.len().max(run.reworked.len());
        let absorbable = !before.is_equal
            && equality.is_equal
            && !after.is_equal
            && equality.original.len() <= size(before).min(size(after))
            && !original[equality.original.clone()].contains('\n');
        if !absorbable {
            break;
        }
        let merged = Run {
            is_equal: false,
            original: before.original.start..after.original.end,
            reworked: before.reworked.start..after.reworked.end,
        };
        runs.truncate(runs.len() - 3);
        runs.push(merged);
    }
}
