//! The comparison model the engine returns and the UI renders: segments in reading order and stats.

use serde::{Deserialize, Serialize};

use super::tokenize::{is_word, tokenize};

/// What a segment is, mirroring `similar`'s `ChangeTag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SegmentKind {
    /// Text present in both versions.
    #[serde(rename = "equal")]
    Equal,
    /// Text only in the original.
    #[serde(rename = "deleted")]
    Delete,
    /// Text only in the reworked version.
    #[serde(rename = "inserted")]
    Insert,
}

/// A stretch of text with one kind, and where it sits in each version.
///
/// Ranges are UTF-8 byte offsets, end exclusive; a side that lacks the segment has `None`.
/// The ranges of all segments on one side tile that side's text exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Whether the text is equal, deleted or inserted.
    pub kind: SegmentKind,
    /// The text itself.
    pub text: String,
    /// Byte range in the original, absent for insertions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<[usize; 2]>,
    /// Byte range in the reworked version, absent for deletions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reworked: Option<[usize; 2]>,
}

/// Word counts of a comparison.
///
/// A word is a token holding a letter or a digit (see [`is_word`](super::is_word)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Words in the original.
    pub original_words: usize,
    /// Words in the reworked version.
    pub reworked_words: usize,
    /// Words only in the reworked version.
    pub words_added: usize,
    /// Words only in the original.
    pub words_removed: usize,
}

impl Stats {
    pub(crate) fn from_segments(original: &str, reworked: &str, segments: &[Segment]) -> Stats {
        let count_words = |text: &str| tokenize(text).into_iter().filter(|t| is_word(t)).count();
        let count_kind = |kind: SegmentKind| -> usize {
            segments
                .iter()
                .filter(|segment| segment.kind == kind)
                .map(|segment| count_words(&segment.text))
                .sum()
        };
        Stats {
            original_words: count_words(original),
            reworked_words: count_words(reworked),
            words_added: count_kind(SegmentKind::Insert),
            words_removed: count_kind(SegmentKind::Delete),
        }
    }
}

/// The result of [`compare`](super::compare): segments in reading order and their stats.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Equal, deleted and inserted text in reading order; deletions come before the insertions
    /// that replace them.
    pub segments: Vec<Segment>,
    /// Word counts.
    pub stats: Stats,
}

impl Comparison {
    /// Rebuilds the original text from the equal and deleted segments.
    pub fn original_text(&self) -> String {
        self.side_text(SegmentKind::Delete)
    }

    /// Rebuilds the reworked text from the equal and inserted segments.
    pub fn reworked_text(&self) -> String {
        self.side_text(SegmentKind::Insert)
    }

    /// Whether the two versions differ at all.
    pub fn has_changes(&self) -> bool {
        self.segments
            .iter()
            .any(|segment| segment.kind != SegmentKind::Equal)
    }

    fn side_text(&self, own_kind: SegmentKind) -> String {
        self.segments
            .iter()
            .filter(|segment| segment.kind == SegmentKind::Equal || segment.kind == own_kind)
            .map(|segment| segment.text.as_str())
            .collect()
    }
}
