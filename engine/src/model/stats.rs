//! Word and paragraph counts of a comparison.

use serde::{Deserialize, Serialize};

use super::{Block, BlockKind, SegmentKind, headline};
use crate::diff::text::Texts;

/// Word and paragraph counts of a comparison.
///
/// A word is a token holding a letter or a digit (see [`is_word`](crate::is_word)).
/// The words of a moved paragraph count as unchanged, except those its word diff changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Words in the original.
    pub original_words: usize,
    /// Words in the reworked version.
    pub reworked_words: usize,
    /// Words only in the reworked version.
    pub words_added: usize,
    /// Words only in the original.
    pub words_removed: usize,
    /// Words kept, in place or moved.
    pub words_unchanged: usize,
    /// Share of words kept, 0 to 1: twice the unchanged words over the words of both versions
    /// (1 for two empty texts).
    pub similarity: f64,
    /// Paragraphs only in the reworked version.
    pub paragraphs_added: usize,
    /// Paragraphs only in the original.
    pub paragraphs_removed: usize,
    /// Paragraphs edited in place.
    pub paragraphs_changed: usize,
    /// Paragraphs moved (each move counted once).
    pub paragraphs_moved: usize,
    /// Whether the headline, the first non-empty line, differs.
    pub headline_changed: bool,
    /// Cosmetic changes (see [`Segment::cosmetic`]), each replacement counted once.
    pub cosmetic_changes: usize,
}

impl Stats {
    /// How much longer (positive) or shorter (negative) the reworked text is, in percent of the
    /// original's words, rounded; `None` when the original has no words.
    ///
    /// ```
    /// let comparison = redline_engine::compare("one two three four", "one two three");
    /// assert_eq!(comparison.stats.words_change_percent(), Some(-25));
    /// ```
    pub fn words_change_percent(&self) -> Option<i64> {
        (self.original_words > 0).then(|| {
            let change = self.reworked_words as f64 - self.original_words as f64;
            (100.0 * change / self.original_words as f64).round() as i64
        })
    }

    pub(crate) fn from_blocks(texts: &Texts<'_>, blocks: &[Block]) -> Stats {
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
                BlockKind::Changed => stats.paragraphs_changed += 1,
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
}
