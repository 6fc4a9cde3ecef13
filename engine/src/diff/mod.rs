//! The diff pipeline: both texts tokenized once, paragraphs aligned, paired paragraphs diffed word by word, moves found.
//!
//! The steps, in the order they run:
//!
//! 1. [`tokenize`]: text to tokens (UAX #29 words, plus URLs, e-mail addresses, currency and
//!    percent, per-character Han, Kana and Thai).
//! 2. [`text`]: `Texts`, both texts tokenized once, with interned token ids, comparison keys
//!    (for the cosmetic options), sorted word bags and prefix word counts.
//! 3. [`align`]: paragraphs, the paragraph diff, and the pairing of changed paragraphs by word
//!    similarity.
//! 4. [`words`]: the only caller of `similar`: word diffs into runs, the semantic cleanup,
//!    cosmetic runs, and the builder that turns runs into blocks of segments.
//! 5. [`moves`]: deleted and inserted paragraphs that match become moves.
//! 6. [`count_words`]: the word and paragraph counts of the blocks.
//!
//! The pipeline builds the model's blocks and counts; the model never reads the pipeline.

pub(crate) mod align;
pub(crate) mod moves;
pub(crate) mod text;
pub(crate) mod tokenize;
pub(crate) mod words;

use crate::model::{Block, BlockKind, SegmentKind, Stats, headline};
use crate::{COARSE_LINES, Options};
use text::Texts;
use words::WordDiffOptions;

/// The blocks of a comparison, moves found, before changes are numbered and facts found; and
/// whether unchanged paragraphs were joined (see [`COARSE_LINES`]).
pub(crate) fn diff_blocks(texts: &Texts, word_options: WordDiffOptions) -> (Vec<Block>, bool) {
    let (original, reworked) = (texts.original.text, texts.reworked.text);
    let coarse = [original, reworked]
        .iter()
        .any(|text| text.bytes().filter(|&byte| byte == b'\n').count() > COARSE_LINES);
    let mut builder = words::BlocksBuilder::new(original, reworked, coarse);
    let repeated = align::diff_paragraphs(&mut builder, texts, word_options);
    let mut blocks = builder.finish();
    moves::detect_moves(
        &mut blocks,
        texts,
        word_options,
        [&repeated[0], &repeated[1]],
    );
    if coarse {
        blocks = words::join_runs(blocks);
    }
    (blocks, coarse)
}

/// The blocks [`compare`](crate::compare) finds, without the change numbers, statistics and fact badges a
/// reader needs: what a share link's delta is made from, at a fraction of the cost.
pub(crate) fn compare_blocks(original: &str, reworked: &str) -> Vec<Block> {
    let options = Options::default();
    let texts = Texts::new(original, reworked, options.key_options());
    diff_blocks(&texts, options.word_options()).0
}

/// The word and paragraph counts of `blocks`, the last step of the pipeline (see [`Stats`]).
pub(crate) fn count_words(texts: &Texts<'_>, blocks: &[Block]) -> Stats {
    let (original, reworked) = (&texts.original, &texts.reworked);
    let mut stats = Stats {
        original_words: original.n_words_total(),
        reworked_words: reworked.n_words_total(),
        headline_changed: headline(original.text) != headline(reworked.text),
        ..Stats::default()
    };
    let range = |[start, end]: [usize; 2]| start..end;
    for block in blocks {
        match block.kind {
            BlockKind::Equal => {}
            // A paragraph whose only differences are cosmetic (spacing, split or joined with
            // the same words) did not change for the reader.
            BlockKind::Changed => {
                let has_change = block
                    .segments
                    .iter()
                    .any(|segment| segment.kind != SegmentKind::Equal && !segment.cosmetic);
                stats.paragraphs_changed += usize::from(has_change);
            }
            BlockKind::Inserted => stats.paragraphs_added += 1,
            BlockKind::Deleted => stats.paragraphs_removed += 1,
            BlockKind::MovedFrom => continue,
            BlockKind::MovedTo => stats.paragraphs_moved += 1,
        }
        for segment in &block.segments {
            match (segment.kind, segment.original, segment.reworked) {
                // A cosmetic change keeps its words: count them once, on the original side.
                (SegmentKind::Delete, Some(bytes), _) if segment.cosmetic => {
                    stats.words_unchanged += original.n_words(range(bytes));
                }
                (SegmentKind::Insert, _, _) if segment.cosmetic => {}
                (SegmentKind::Equal, Some(bytes), _) => {
                    stats.words_unchanged += original.n_words(range(bytes))
                }
                (SegmentKind::Delete, Some(bytes), _) => {
                    stats.words_removed += original.n_words(range(bytes))
                }
                (SegmentKind::Insert, _, Some(bytes)) => {
                    stats.words_added += reworked.n_words(range(bytes))
                }
                _ => unreachable!("segments have a range on their own side"),
            }
        }
    }
    let n_words = stats.original_words + stats.reworked_words;
    stats.similarity = if n_words == 0 {
        1.0
    } else {
        2.0 * stats.words_unchanged as f64 / n_words as f64
    };
    stats
}
