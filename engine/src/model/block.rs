//! Blocks and segments: a paragraph (or pair of paragraphs) and the stretches of equal, deleted and inserted text it holds.

use std::ops::Range;

use serde::{Deserialize, Serialize};

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
    /// The change this segment belongs to (see [`Comparison::n_changes`]); absent for equal text,
    /// for cosmetic changes, and inside blocks whose change is the whole block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<usize>,
    /// A deletion or insertion that the options count as cosmetic (case, typographic variants,
    /// whitespace, line breaks, punctuation only): shown on request, counted in
    /// [`Stats::cosmetic_changes`], never a numbered change.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cosmetic: bool,
    /// On the segments of a cosmetic change that splits a paragraph in two (a line break where
    /// there was a space) or joins two into one: where a view marks the split or join (an
    /// inline view once, at the first of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
}

/// What a change of whitespace alone does to the paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// A paragraph split in two or more: the reworked version breaks the line here.
    Split,
    /// Paragraphs joined into one: the original broke the line here.
    Join,
}

impl Layout {
    /// The layout change a cosmetic change makes from bytes `original_range` of `original` to
    /// `reworked_range` of `reworked`: a split when only the reworked side breaks the line
    /// there, a join when only the original does. A line break right beside the change
    /// counts, so a blank line added after a line break is neither.
    pub(crate) fn of(
        (original, original_range): (&str, Range<usize>),
        (reworked, reworked_range): (&str, Range<usize>),
    ) -> Option<Layout> {
        let breaks_line = |text: &str, range: Range<usize>| {
            let bytes = text.as_bytes();
            let start = range.start.saturating_sub(1);
            let end = (range.end + 1).min(bytes.len());
            bytes[start..end].contains(&b'\n')
        };
        match (
            breaks_line(original, original_range),
            breaks_line(reworked, reworked_range),
        ) {
            (false, true) => Some(Layout::Split),
            (true, false) => Some(Layout::Join),
            _ => None,
        }
    }
}

impl Segment {
    /// The segment in Redline's plain-text notation: equal text as it is, `[-deleted-]`,
    /// `{+inserted+}`, and cosmetic changes as `[~deleted~]` and `{~inserted~}`.
    pub fn markup(&self) -> String {
        let text = &self.text;
        match (self.kind, self.cosmetic) {
            (SegmentKind::Equal, _) => text.clone(),
            (SegmentKind::Delete, false) => format!("[-{text}-]"),
            (SegmentKind::Insert, false) => format!("{{+{text}+}}"),
            (SegmentKind::Delete, true) => format!("[~{text}~]"),
            (SegmentKind::Insert, true) => format!("{{~{text}~}}"),
        }
    }
}

/// What happened to a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The same in both versions.
    Equal,
    /// Edited: an original paragraph and the reworked paragraph it became, word-diffed.
    Changed,
    /// Only in the reworked version.
    Inserted,
    /// Only in the original.
    Deleted,
    /// Where a moved paragraph stood in the original.
    MovedFrom,
    /// Where a moved paragraph stands in the reworked version, word-diffed against the original.
    MovedTo,
}

/// One paragraph, or one pair of paragraphs, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What happened to the paragraph.
    pub kind: BlockKind,
    /// Byte range in the original, absent for inserted and moved-to blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<[usize; 2]>,
    /// Byte range in the reworked text, absent for deleted and moved-from blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reworked: Option<[usize; 2]>,
    /// Links the two ends of a move: the same number on its moved-from and moved-to block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub move_id: Option<usize>,
    /// The change that the whole block is (inserted, deleted and moved blocks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<usize>,
    /// The block's text, in order.
    pub segments: Vec<Segment>,
    /// Whether the block is part of the page around an article (menus, teasers, the footer),
    /// not of the article: its changes are not numbered, counted or checked against the note
    /// (see [`compare_articles`](crate::compare_articles)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub frame: bool,
    /// Whether the block is the correction (update, clarification) note the reworked version
    /// carries, inserted with it: the note, shown as such, is never one of the changes it
    /// explains, so it has no change number and no facts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub note: bool,
}

impl Block {
    /// The direction of the text a view shows of this block, as `dir="auto"` would find it
    /// (see [`text_direction`](crate::text_direction)): of all its segments for `None`, of
    /// the original side's (unchanged and deleted) for `Some(SegmentKind::Delete)`, of the
    /// reworked side's for `Some(SegmentKind::Insert)`. The diff sets it instead of
    /// `dir="auto"`, with which Chromium spent most of the time of drawing a diff.
    ///
    /// ```
    /// use redline_engine::{compare, SegmentKind};
    ///
    /// let comparison = compare("42 שלום", "42 hello");
    /// let block = &comparison.blocks[0];
    /// assert_eq!(block.direction(None), "rtl");
    /// assert_eq!(block.direction(Some(SegmentKind::Delete)), "rtl");
    /// assert_eq!(block.direction(Some(SegmentKind::Insert)), "ltr");
    /// ```
    pub fn direction(&self, side: Option<SegmentKind>) -> &'static str {
        let first_letter = self
            .segments
            .iter()
            .filter(|segment| {
                side.is_none_or(|side| {
                    matches!(segment.kind, SegmentKind::Equal) || segment.kind == side
                })
            })
            .find_map(|segment| segment.text.chars().find(|&c| c.is_alphabetic()));
        crate::direction_of(first_letter)
    }

    /// A hash of what a view shows of this block: its kind, text, change numbers, move and
    /// layout marks, leaving out where it stands in the texts (its byte ranges). An edit
    /// moves every block after it without changing what they show, so a view keyed by this
    /// keeps their drawing and draws only the blocks the edit touched.
    ///
    /// ```
    /// use redline_engine::compare;
    ///
    /// let original = "Intro.\n\nThe council approved 60 homes.";
    /// let before = compare(original, "Intro.\n\nThe council approved 25 homes.");
    /// let after = compare(original, "Intro.\n\n\nThe council approved 25 homes.");
    /// // A blank line more: the second paragraph moved by a byte, and shows the same.
    /// assert_ne!(before.blocks[1].reworked, after.blocks[1].reworked);
    /// assert_eq!(before.blocks[1].view_hash(), after.blocks[1].view_hash());
    /// assert_ne!(before.blocks[0].view_hash(), after.blocks[0].view_hash());
    /// // An edit that adds a change before it renumbers its change, which it shows.
    /// let renumbered = compare(original, "Intro, longer.\n\nThe council approved 25 homes.");
    /// assert_ne!(before.blocks[1].view_hash(), renumbered.blocks[1].view_hash());
    /// ```
    pub fn view_hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (self.kind, self.move_id, self.change, self.frame, self.note).hash(&mut hasher);
        for segment in &self.segments {
            (
                segment.kind,
                &segment.text,
                segment.change,
                segment.cosmetic,
                segment.layout,
            )
                .hash(&mut hasher);
        }
        hasher.finish()
    }

    /// The non-blank lines this block holds on the original side (on the reworked side when it
    /// has no original), at least one: in a [coarse](Comparison::coarse) comparison, how many
    /// paragraphs a joined run of unchanged ones stands for.
    pub fn n_lines(&self) -> usize {
        let lines = self
            .segments
            .iter()
            .filter(|segment| match self.original {
                Some(_) => segment.original.is_some(),
                None => segment.reworked.is_some(),
            })
            .flat_map(|segment| segment.text.lines())
            .filter(|line| !line.trim().is_empty())
            .count();
        lines.max(1)
    }
}
