//! Word and paragraph counts of a comparison.

use serde::{Deserialize, Serialize};

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
    /// Paragraphs edited in place (a paragraph split, joined or respaced with the same words
    /// is not: its changes are cosmetic).
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
}
