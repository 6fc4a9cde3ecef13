//! The only caller of `similar`: diffs token sequences, cleans up the result, and builds blocks.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff};

use crate::Granularity;
use crate::diff::text::Texts;
use crate::model::{Block, BlockKind, Layout, Segment, SegmentKind};

/// Patience anchors on tokens that occur once on each side; on reworked prose it keeps about
/// half the words where Myers keeps a tenth (measured in ../shared/bench/README.md).
const ALGORITHM: Algorithm = Algorithm::Patience;

/// Diffs two sequences. Without a deadline `similar` never reads the clock, which would panic in
/// the browser, so no deadline is ever passed.
///
/// The common prefix and suffix are cut off first: Patience hashes every element it is given,
/// and a lightly edited paragraph is mostly prefix and suffix around a few changed words.
pub(crate) fn diff_slices<T: Eq + std::hash::Hash>(original: &[T], reworked: &[T]) -> Vec<DiffOp> {
    let n_prefix = original
        .iter()
        .zip(reworked)
        .take_while(|(original, reworked)| original == reworked)
        .count();
    let n_suffix = original[n_prefix..]
        .iter()
        .rev()
        .zip(reworked[n_prefix..].iter().rev())
        .take_while(|(original, reworked)| original == reworked)
        .count();
    let (original_end, reworked_end) = (original.len() - n_suffix, reworked.len() - n_suffix);
    let mut ops = Vec::new();
    if n_prefix > 0 {
        ops.push(DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: n_prefix,
        });
    }
    if n_prefix < original_end || n_prefix < reworked_end {
        ops.extend(capture_diff(
            ALGORITHM,
            original,
            n_prefix..original_end,
            reworked,
            n_prefix..reworked_end,
        ));
    }
    if n_suffix > 0 {
        ops.push(DiffOp::Equal {
            old_index: original_end,
            new_index: reworked_end,
            len: n_suffix,
        });
    }
    ops
}

/// What a run of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunKind {
    /// The same text on both sides.
    Equal,
    /// Different text.
    Change,
    /// Different text that the options count as the same: case, typographic variants,
    /// whitespace, punctuation only. Shown and counted apart, never dropped.
    Cosmetic,
}

/// One stretch of a token diff.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub(crate) kind: RunKind,
    /// Byte range in the original.
    pub(crate) original: Range<usize>,
    /// Byte range in the reworked text.
    pub(crate) reworked: Range<usize>,
}

impl Run {
    pub(crate) fn equal(original: Range<usize>, reworked: Range<usize>) -> Run {
        Run {
            kind: RunKind::Equal,
            original,
            reworked,
        }
    }

    pub(crate) fn change(original: Range<usize>, reworked: Range<usize>) -> Run {
        Run {
            kind: RunKind::Change,
            original,
            reworked,
        }
    }
}

/// How word diffs treat what the options call cosmetic, and their unit of change.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordDiffOptions {
    /// Absorb short equalities between changes (see [`diff_words`]).
    pub(crate) cleanup: bool,
    /// A change with no word on either side (punctuation, whitespace) is cosmetic.
    pub(crate) ignore_punctuation: bool,
    /// The unit of change.
    pub(crate) granularity: Granularity,
}

/// Character refinement re-diffs a replacement only when each side is at most this many bytes,
/// which bounds the work; longer replacements stay word-level.
const CHARACTER_BUDGET: usize = 400;

/// Collects blocks in reading order.
pub(crate) struct BlocksBuilder<'a> {
    original: &'a str,
    reworked: &'a str,
    blocks: Vec<Block>,
    /// Whether unchanged paragraphs in a row join into one block (see
    /// [`COARSE_LINES`](crate::COARSE_LINES)).
    merge_equal: bool,
}

impl<'a> BlocksBuilder<'a> {
    pub(crate) fn new(original: &'a str, reworked: &'a str, merge_equal: bool) -> Self {
        BlocksBuilder {
            original,
            reworked,
            blocks: Vec::new(),
            merge_equal,
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
            let (original_range, reworked_range) = (run.original.clone(), run.reworked.clone());
            let original_text = &self.original[original_range.clone()];
            let reworked_text = &self.reworked[reworked_range.clone()];
            if run.kind == RunKind::Equal {
                debug_assert_eq!(original_text, reworked_text);
                let piece = Piece {
                    kind: SegmentKind::Equal,
                    cosmetic: false,
                    layout: None,
                    text: original_text,
                };
                push(
                    &mut segments,
                    piece,
                    Some(original_range),
                    Some(reworked_range),
                );
            } else {
                let cosmetic = run.kind == RunKind::Cosmetic;
                // A split or join is marked on both segments of its change.
                let layout = cosmetic
                    .then(|| {
                        Layout::of(
                            (self.original, original_range.clone()),
                            (self.reworked, reworked_range.clone()),
                        )
                    })
                    .flatten();
                let deleted = Piece {
                    kind: SegmentKind::Delete,
                    cosmetic,
                    layout,
                    text: original_text,
                };
                push(&mut segments, deleted, Some(original_range), None);
                let inserted = Piece {
                    kind: SegmentKind::Insert,
                    cosmetic,
                    layout,
                    text: reworked_text,
                };
                push(&mut segments, inserted, None, Some(reworked_range));
            }
        }
        if segments.is_empty() {
            return;
        }
        let is_plain_equal = |segments: &[Segment]| matches!(segments, [only] if only.kind == SegmentKind::Equal && !only.cosmetic);
        if self.merge_equal
            && kind == BlockKind::Equal
            && is_plain_equal(&segments)
            && let Some(last) = self.blocks.last_mut()
            && last.kind == BlockKind::Equal
            && is_plain_equal(&last.segments)
        {
            let (segment, last_segment) = (&segments[0], &mut last.segments[0]);
            last_segment.text.push_str(&segment.text);
            let range = |bytes: Option<[usize; 2]>| bytes.map(|[start, end]| start..end);
            extend(&mut last_segment.original, range(segment.original));
            extend(&mut last_segment.reworked, range(segment.reworked));
            if let (Some([_, end]), Some(range)) = (&mut last.original, &original) {
                *end = range.end;
            }
            if let (Some([_, end]), Some(range)) = (&mut last.reworked, &reworked) {
                *end = range.end;
            }
            return;
        }
        self.blocks.push(Block {
            kind,
            original: original.map(|range| [range.start, range.end]),
            reworked: reworked.map(|range| [range.start, range.end]),
            move_id: None,
            change: None,
            segments,
            frame: false,
            note: false,
        });
    }
}

/// Joins runs of whole unchanged, deleted or inserted paragraphs (not moved, nothing cosmetic)
/// into one block each, for a coarse comparison (see
/// [`COARSE_LINES`](crate::COARSE_LINES)): a million deleted lines become one deleted block.
/// Both texts still rebuild exactly.
pub(crate) fn join_runs(blocks: Vec<Block>) -> Vec<Block> {
    // The one segment kind of a block that can be joined.
    let plain = |block: &Block| -> Option<SegmentKind> {
        let kind = match block.kind {
            BlockKind::Equal => SegmentKind::Equal,
            BlockKind::Deleted => SegmentKind::Delete,
            BlockKind::Inserted => SegmentKind::Insert,
            _ => return None,
        };
        let uniform = block
            .segments
            .iter()
            .all(|segment| segment.kind == kind && !segment.cosmetic);
        (block.move_id.is_none() && uniform).then_some(kind)
    };
    let follows = |before: Option<[usize; 2]>, after: Option<[usize; 2]>| match (before, after) {
        (Some([_, end]), Some([start, _])) => end == start,
        (None, None) => true,
        _ => false,
    };
    let mut joined: Vec<Block> = Vec::new();
    for mut block in blocks {
        if let Some(last) = joined.last_mut()
            && plain(last).is_some()
            && plain(last) == plain(&block)
            && follows(last.original, block.original)
            && follows(last.reworked, block.reworked)
        {
            let mut more_segments: Vec<Segment> = last.segments.drain(1..).collect();
            more_segments.append(&mut block.segments);
            let segment = &mut last.segments[0];
            for more in more_segments {
                segment.text.push_str(&more.text);
                let range = |bytes: Option<[usize; 2]>| bytes.map(|[start, end]| start..end);
                extend(&mut segment.original, range(more.original));
                extend(&mut segment.reworked, range(more.reworked));
            }
            if let (Some([_, end]), Some([_, more_end])) = (&mut last.original, block.original) {
                *end = more_end;
            }
            if let (Some([_, end]), Some([_, more_end])) = (&mut last.reworked, block.reworked) {
                *end = more_end;
            }
        } else {
            joined.push(block);
        }
    }
    joined
}

/// A segment about to be pushed.
struct Piece<'a> {
    kind: SegmentKind,
    cosmetic: bool,
    layout: Option<Layout>,
    text: &'a str,
}

/// Appends a segment, merging it into its neighbours where the reading order allows.
fn push(
    segments: &mut Vec<Segment>,
    piece: Piece<'_>,
    original: Option<Range<usize>>,
    reworked: Option<Range<usize>>,
) {
    if piece.text.is_empty() {
        return;
    }
    let same = |segment: &Segment, kind: SegmentKind| {
        segment.kind == kind && segment.cosmetic == piece.cosmetic && piece.layout.is_none()
    };
    // A deletion directly after an insertion joins the deletion before that insertion, so a
    // replacement always reads as all of the old text, then all of the new.
    let n_segments = segments.len();
    if piece.kind == SegmentKind::Delete
        && n_segments >= 2
        && same(&segments[n_segments - 1], SegmentKind::Insert)
        && same(&segments[n_segments - 2], SegmentKind::Delete)
    {
        let deletion = &mut segments[n_segments - 2];
        deletion.text.push_str(piece.text);
        extend(&mut deletion.original, original);
        return;
    }
    if let Some(last) = segments.last_mut()
        && same(last, piece.kind)
    {
        last.text.push_str(piece.text);
        extend(&mut last.original, original);
        extend(&mut last.reworked, reworked);
        return;
    }
    segments.push(Segment {
        kind: piece.kind,
        text: piece.text.to_owned(),
        original: original.map(|range| [range.start, range.end]),
        reworked: reworked.map(|range| [range.start, range.end]),
        change: None,
        cosmetic: piece.cosmetic,
        layout: piece.layout,
    });
}

fn extend(range: &mut Option<[usize; 2]>, more: Option<Range<usize>>) {
    if let (Some(range), Some(more)) = (range.as_mut(), more) {
        debug_assert_eq!(range[1], more.start);
        range[1] = more.end;
    }
}

/// Word-diffs the original's bytes `original_range` against the reworked text's
/// `reworked_range` (both on token boundaries).
///
/// Tokens are compared by their keys (see [`Texts`]): tokens whose keys match but whose text
/// differs (case, typographic variants, whitespace, as the options say) form cosmetic runs.
///
/// With `cleanup`, an equal stretch stranded between two replacements is absorbed into one
/// replacement when it is no longer than the replacements on either side of it (the rule of
/// diff-match-patch's semantic cleanup), holds no line break and at most two words:
/// `[-cat-]{+dog+} [-sat-]{+stood+}` becomes `[-cat sat-]{+dog stood+}`, which reads as the
/// rewrite it is. The trade-off, as a rule: unchanged text is struck out and retyped only
/// where keeping it would leave one- or two-word islands between replacements (confetti);
/// three unchanged words in a row always stay, however large the edits around them, and so
/// do words beside a pure insertion or deletion (`Storm [-hits-]{+batters Cornwall+} coast{+
/// overnight+}`).
pub(crate) fn diff_words(
    texts: &Texts<'_>,
    original_range: Range<usize>,
    reworked_range: Range<usize>,
    options: WordDiffOptions,
) -> Vec<Run> {
    let (raw, cleaned) = diff_words_and_raw(texts, original_range, reworked_range, options);
    cleaned.unwrap_or(raw)
}

/// The runs of one word diff as it found them (no cleanup), and with `cleanup`, the same runs
/// cleaned up as [`diff_words`] gives them: cleanup is a pass over the runs.
pub(crate) fn diff_words_and_raw(
    texts: &Texts<'_>,
    original_range: Range<usize>,
    reworked_range: Range<usize>,
    options: WordDiffOptions,
) -> (Vec<Run>, Option<Vec<Run>>) {
    let (original, reworked) = (&texts.original, &texts.reworked);
    let original_tokens = original.token_range(original_range);
    let reworked_tokens = reworked.token_range(reworked_range);
    let ops = diff_slices(
        &original.key_ids[original_tokens.clone()],
        &reworked.key_ids[reworked_tokens.clone()],
    );

    let mut runs: Vec<Run> = Vec::new();
    for op in ops {
        let (original_idx, reworked_idx) = (op.old_range(), op.new_range());
        let (original_start, reworked_start) = (
            original_tokens.start + original_idx.start,
            reworked_tokens.start + reworked_idx.start,
        );
        if let DiffOp::Equal { len, .. } = op {
            // Equal keys; split where the exact text differs into cosmetic runs.
            for offset in 0..len {
                let (original_token, reworked_token) =
                    (original_start + offset, reworked_start + offset);
                let kind = if original.ids[original_token] == reworked.ids[reworked_token] {
                    RunKind::Equal
                } else {
                    RunKind::Cosmetic
                };
                let run = Run {
                    kind,
                    original: original.byte_offset(original_token)
                        ..original.byte_offset(original_token + 1),
                    reworked: reworked.byte_offset(reworked_token)
                        ..reworked.byte_offset(reworked_token + 1),
                };
                push_run(&mut runs, run, None, original.text);
            }
        } else {
            let original_end = original_tokens.start + original_idx.end;
            let reworked_end = reworked_tokens.start + reworked_idx.end;
            let run = Run::change(
                original.byte_offset(original_start)..original.byte_offset(original_end),
                reworked.byte_offset(reworked_start)..reworked.byte_offset(reworked_end),
            );
            push_run(&mut runs, run, None, original.text);
        }
    }
    slide_to_sentences(&mut runs, texts);
    // Absorbing the equalities run by run gives what absorbing them token by token would:
    // an absorption only happens as a change arrives, when the equal tokens before it are
    // one run either way.
    let cleaned = options.cleanup.then(|| {
        let mut cleaned = Vec::new();
        for run in &runs {
            push_run(
                &mut cleaned,
                run.clone(),
                Some(reworked.text),
                original.text,
            );
        }
        mark_cosmetic(&mut cleaned, texts, options);
        cleaned
    });
    mark_cosmetic(&mut runs, texts, options);
    (runs, cleaned)
}

/// Slides each whole insertion or deletion between two unchanged stretches to where it reads
/// as whole sentences, when the same words can stand on either side of it:
/// `The xxx. The {+zzz. The +}yyy.` becomes `The xxx. {+The zzz. +}The yyy.`. Of the places the
/// change can take, the one that starts after a sentence's end and ends with one wins; else
/// it stays where the diff put it.
fn slide_to_sentences(runs: &mut Vec<Run>, texts: &Texts<'_>) {
    for idx in 1..runs.len().saturating_sub(1) {
        let [prev, run, next] = &runs[idx - 1..=idx + 1] else {
            unreachable!()
        };
        if prev.kind != RunKind::Equal || next.kind != RunKind::Equal || run.kind != RunKind::Change
        {
            continue;
        }
        // The side the change has text on, and the other, where it is a point.
        let (is_insertion, range) = match (run.original.is_empty(), run.reworked.is_empty()) {
            (true, false) => (true, run.reworked.clone()),
            (false, true) => (false, run.original.clone()),
            _ => continue,
        };
        let (side, other) = if is_insertion {
            (&texts.reworked, &texts.original)
        } else {
            (&texts.original, &texts.reworked)
        };
        let (prev_range, next_range) = (side_of(prev, is_insertion), side_of(next, is_insertion));
        let (first, start, end, last) = (
            side.token_index(prev_range.start),
            side.token_index(range.start),
            side.token_index(range.end),
            side.token_index(next_range.end),
        );
        let score = |start: usize, end: usize| {
            let before = side.text[..side.byte_offset(start)].trim_end();
            let change = &side.text[side.byte_offset(start)..side.byte_offset(end)];
            let ends_sentence = |text: &str| text.ends_with(['.', '!', '?', '…']);
            2 * usize::from(ends_sentence(before) || before.is_empty())
                + 2 * usize::from(ends_sentence(change.trim_end()))
                + usize::from(!change.starts_with(char::is_whitespace))
        };
        let (mut best, mut best_score) = (start, score(start, end));
        // The unchanged text on either side may be used up (at the start or the end of a
        // paragraph); the emptied runs are dropped below.
        let mut shift = start;
        while shift > first && side.ids[shift - 1] == side.ids[shift - 1 + end - start] {
            shift -= 1;
            if score(shift, shift + end - start) > best_score {
                (best, best_score) = (shift, score(shift, shift + end - start));
            }
        }
        let mut shift = start;
        while shift + end - start < last && side.ids[shift] == side.ids[shift + end - start] {
            shift += 1;
            if score(shift, shift + end - start) > best_score {
                (best, best_score) = (shift, score(shift, shift + end - start));
            }
        }
        if best == start {
            continue;
        }
        // The unchanged tokens that change sides are the same on both texts, so the point on
        // the other text moves by as many tokens.
        let point = other.token_index(side_of(&runs[idx], !is_insertion).start);
        let moved = best as isize - start as isize;
        let other_point = other.byte_offset((point as isize + moved) as usize);
        let (new_start, new_end) = (side.byte_offset(best), side.byte_offset(best + end - start));
        let set = |run: &mut Run, own: Range<usize>, other_range: Range<usize>| {
            if is_insertion {
                (run.reworked, run.original) = (own, other_range);
            } else {
                (run.original, run.reworked) = (own, other_range);
            }
        };
        let prev_other = side_of(&runs[idx - 1], !is_insertion).start;
        let next_other = side_of(&runs[idx + 1], !is_insertion).end;
        set(
            &mut runs[idx - 1],
            prev_range.start..new_start,
            prev_other..other_point,
        );
        set(&mut runs[idx], new_start..new_end, other_point..other_point);
        set(
            &mut runs[idx + 1],
            new_end..next_range.end,
            other_point..next_other,
        );
    }
    runs.retain(|run| !run.original.is_empty() || !run.reworked.is_empty());
}

/// The range of `run` in the reworked text (`reworked`) or in the original.
fn side_of(run: &Run, reworked: bool) -> Range<usize> {
    if reworked {
        run.reworked.clone()
    } else {
        run.original.clone()
    }
}

/// Whether `run` changes whitespace alone: changed spacing, a changed line break or blank line
/// changes the layout, not the words.
fn is_whitespace_change(original: &str, reworked: &str, run: &Run) -> bool {
    original[run.original.clone()].trim().is_empty()
        && reworked[run.reworked.clone()].trim().is_empty()
}

/// Makes cosmetic the changes of whitespace alone (spacing, line breaks, blank lines), and,
/// with `ignore_punctuation`, those without words.
fn mark_cosmetic(runs: &mut [Run], texts: &Texts<'_>, options: WordDiffOptions) {
    let (original, reworked) = (&texts.original, &texts.reworked);
    for run in runs.iter_mut().filter(|run| run.kind == RunKind::Change) {
        let is_layout = is_whitespace_change(original.text, reworked.text, run);
        let has_words = original.n_words(run.original.clone()) > 0
            || reworked.n_words(run.reworked.clone()) > 0;
        if is_layout || (options.ignore_punctuation && !has_words) {
            run.kind = RunKind::Cosmetic;
        }
    }
}

/// Applies the granularity to the word-level runs of [`diff_words`]. Kept apart because
/// decisions about pairing and moves read the word-level runs.
pub(crate) fn apply_granularity(
    runs: Vec<Run>,
    texts: &Texts<'_>,
    options: WordDiffOptions,
) -> Vec<Run> {
    match options.granularity {
        Granularity::Word => runs,
        Granularity::Character => {
            refine_to_characters(runs, texts.original.text, texts.reworked.text)
        }
        Granularity::Sentence => widen_to_sentences(runs, texts.original.text),
    }
}

/// Re-diffs each replacement character by character: `[-colour-]{+color+}` becomes
/// `colo[-u-]r`. Replacements longer than [`CHARACTER_BUDGET`] on either side stay whole.
fn refine_to_characters(runs: Vec<Run>, original: &str, reworked: &str) -> Vec<Run> {
    let mut res = Vec::with_capacity(runs.len());
    for run in runs {
        let (original_text, reworked_text) = (
            &original[run.original.clone()],
            &reworked[run.reworked.clone()],
        );
        let is_small =
            original_text.len() <= CHARACTER_BUDGET && reworked_text.len() <= CHARACTER_BUDGET;
        if run.kind != RunKind::Change
            || original_text.is_empty()
            || reworked_text.is_empty()
            || !is_small
        {
            res.push(run);
            continue;
        }
        // Characters as `u32`, so that `similar` is instantiated once for the whole engine.
        let characters = |text: &str, base: usize| -> (Vec<u32>, Vec<usize>) {
            let mut offsets: Vec<usize> = text.char_indices().map(|(idx, _)| base + idx).collect();
            offsets.push(base + text.len());
            (text.chars().map(u32::from).collect(), offsets)
        };
        let (original_chars, original_offsets) = characters(original_text, run.original.start);
        let (reworked_chars, reworked_offsets) = characters(reworked_text, run.reworked.start);
        for op in diff_slices(&original_chars, &reworked_chars) {
            let (original_idx, reworked_idx) = (op.old_range(), op.new_range());
            let piece = Run {
                kind: if matches!(op, DiffOp::Equal { .. }) {
                    RunKind::Equal
                } else {
                    RunKind::Change
                },
                original: original_offsets[original_idx.start]..original_offsets[original_idx.end],
                reworked: reworked_offsets[reworked_idx.start]..reworked_offsets[reworked_idx.end],
            };
            push_run(&mut res, piece, None, original);
        }
    }
    res
}

/// Widens each change to whole sentences: the equal text around a change, up to the nearest
/// sentence end (`.`, `!`, `?` and their CJK forms, followed by whitespace) or the end of the
/// run, joins the change.
fn widen_to_sentences(runs: Vec<Run>, original: &str) -> Vec<Run> {
    let is_end = |text: &str, idx: usize| {
        let before = text[..idx].trim_end_matches(['"', '\'', '”', '’', ')']);
        before.ends_with(['.', '!', '?', '。', '！', '？'])
            && text[idx..].starts_with(|c: char| c.is_whitespace())
    };
    // The byte offset, inside an equal run, where the sentence containing its end starts; `None`
    // when no sentence ends inside it.
    let last_sentence_start = |run: &Run| -> Option<usize> {
        let text = &original[run.original.clone()];
        let mut boundaries = text
            .char_indices()
            .map(|(idx, _)| idx)
            .filter(|&idx| idx > 0 && is_end(text, idx));
        let end = boundaries.next_back()?;
        let after_space = text[end..]
            .find(|c: char| !c.is_whitespace())
            .map_or(text.len(), |offset| end + offset);
        Some(after_space)
    };
    // The byte offset inside an equal run where the sentence containing its start ends.
    let first_sentence_end = |run: &Run| -> Option<usize> {
        let text = &original[run.original.clone()];
        text.char_indices()
            .map(|(idx, _)| idx)
            .find(|&idx| idx > 0 && is_end(text, idx))
    };

    let mut res: Vec<Run> = Vec::with_capacity(runs.len());
    let mut runs = runs.into_iter().peekable();
    while let Some(run) = runs.next() {
        if run.kind != RunKind::Change {
            res.push(run);
            continue;
        }
        let mut change = run;
        // Backwards: take the tail of the equal text before, from its last sentence start.
        // A cosmetic run differs in length between the sides, so it is taken whole.
        if let Some(before) = res.last()
            && before.kind == RunKind::Cosmetic
        {
            let whole = res.pop().expect("checked above");
            change.original.start = whole.original.start;
            change.reworked.start = whole.reworked.start;
        } else if let Some(before) = res.last_mut()
            && before.kind == RunKind::Equal
        {
            match last_sentence_start(before) {
                Some(start) if start < before.original.len() => {
                    let taken = before.original.len() - start;
                    change.original.start -= taken;
                    change.reworked.start -= taken;
                    before.original.end -= taken;
                    before.reworked.end -= taken;
                }
                Some(_) => {}
                None => {
                    let whole = res.pop().expect("checked above");
                    change.original.start = whole.original.start;
                    change.reworked.start = whole.reworked.start;
                }
            }
        }
        // Forwards: take the head of the equal text after, up to its first sentence end.
        if let Some(after) = runs.peek()
            && after.kind == RunKind::Cosmetic
        {
            let whole = runs.next().expect("checked above");
            change.original.end = whole.original.end;
            change.reworked.end = whole.reworked.end;
        } else if let Some(after) = runs.peek_mut()
            && after.kind == RunKind::Equal
        {
            let taken = first_sentence_end(after).unwrap_or(after.original.len());
            change.original.end += taken;
            change.reworked.end += taken;
            after.original.start += taken;
            after.reworked.start += taken;
            if after.original.is_empty() {
                runs.next();
            }
        }
        res.push(change);
    }
    // Widening can leave two changes side by side; merge them as any runs are merged.
    let mut merged: Vec<Run> = Vec::with_capacity(res.len());
    for run in res {
        push_run(&mut merged, run, None, original);
    }
    merged
}

/// Appends a run, merging it with a previous run of the same kind and, with `cleanup` (the
/// reworked text), absorbing short equalities (and cosmetic runs) between changes.
fn push_run(runs: &mut Vec<Run>, run: Run, cleanup: Option<&str>, original: &str) {
    if let Some(last) = runs.last_mut()
        && last.kind == run.kind
    {
        last.original.end = run.original.end;
        last.reworked.end = run.reworked.end;
    } else {
        runs.push(run);
    }
    let Some(reworked) = cleanup else {
        return;
    };
    while runs.len() >= 3 {
        let [before, equality, after] = &runs[runs.len() - 3..] else {
            unreachable!()
        };
        let size = |run: &Run| run.original.len().max(run.reworked.len());
        // A change of whitespace alone is layout (cosmetic, see `mark_cosmetic`): the text
        // beside it is not stranded between edits.
        let changes_text = |run: &Run| {
            run.kind == RunKind::Change && !is_whitespace_change(original, reworked, run)
        };
        // Words are absorbed only between two replacements: beside a pure insertion or
        // deletion, kept words read plainly and retyping them would strike out text that did
        // not change. A space or a mark between two changes is absorbed either way, so an
        // insertion and a deletion side by side read as one replacement.
        let replaces = |run: &Run| !run.original.is_empty() && !run.reworked.is_empty();
        let has_words = original[equality.original.clone()]
            .chars()
            .any(char::is_alphanumeric);
        let absorbable = changes_text(before)
            && equality.kind != RunKind::Change
            && changes_text(after)
            && (!has_words || (replaces(before) && replaces(after)))
            && equality.original.len() <= size(before).min(size(after))
            && !original[equality.original.clone()].contains('\n')
            && original[equality.original.clone()]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .nth(2)
                .is_none();
        if !absorbable {
            break;
        }
        let merged = Run::change(
            before.original.start..after.original.end,
            before.reworked.start..after.reworked.end,
        );
        runs.truncate(runs.len() - 3);
        runs.push(merged);
    }
}
