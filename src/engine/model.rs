//! The comparison model the engine returns and the UI and exports render: blocks of segments, and stats.
//!
//! A [`Comparison`] is a list of [`Block`]s in reading order, one per paragraph (or pair of
//! paragraphs), each holding [`Segment`]s of equal, deleted and inserted text. Every segment and
//! block knows the UTF-8 byte ranges it occupies in the original and the reworked text.
//!
//! Tiling rule: the ranges of the segments of every block except `moved_to` blocks tile the
//! original text exactly, in order; those of every block except `moved_from` blocks tile the
//! reworked text. (A moved paragraph appears twice: where it left, as one deleted segment, and
//! where it arrived, as a word diff against where it left.)

use serde::{Deserialize, Serialize};

use super::text::Texts;

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
}

impl Block {
    /// The direction of the text a view shows of this block, as `dir="auto"` would find it
    /// (see [`text_direction`](super::text_direction)): of all its segments for `None`, of
    /// the original side's (unchanged and deleted) for `Some(SegmentKind::Delete)`, of the
    /// reworked side's for `Some(SegmentKind::Insert)`. The diff sets it instead of
    /// `dir="auto"`, with which Chromium spent most of the time of drawing a diff.
    ///
    /// ```
    /// use redline::engine::{compare, SegmentKind};
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
        super::direction_of(first_letter)
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

/// Word and paragraph counts of a comparison.
///
/// A word is a token holding a letter or a digit (see [`is_word`](super::is_word)).
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
    /// let comparison = redline::engine::compare("one two three four", "one two three");
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

/// Numbers the changes of `blocks` in reading order (see [`Comparison::n_changes`]) and returns
/// how many there are, and how many cosmetic changes.
pub(crate) fn number_changes(blocks: &mut [Block]) -> (usize, usize) {
    let (mut n_changes, mut n_cosmetic) = (0, 0);
    // Whether the last thing read was a change that the next deletion or insertion continues.
    let mut is_open = false;
    for block in blocks.iter_mut() {
        match block.kind {
            BlockKind::Deleted | BlockKind::Inserted => {
                if !is_open {
                    n_changes += 1;
                }
                block.change = Some(n_changes - 1);
                is_open = true;
            }
            BlockKind::MovedFrom | BlockKind::MovedTo => {
                block.change = Some(n_changes);
                n_changes += 1;
                is_open = false;
            }
            BlockKind::Equal | BlockKind::Changed => {
                for segment in &mut block.segments {
                    // Cosmetic changes are not numbered; they are counted below.
                    if segment.cosmetic {
                        continue;
                    }
                    if segment.kind == SegmentKind::Equal {
                        is_open = false;
                        continue;
                    }
                    if !is_open {
                        n_changes += 1;
                    }
                    segment.change = Some(n_changes - 1);
                    is_open = true;
                }
            }
        }
    }
    // Cosmetic changes, wherever they are (a moved paragraph's word diff included); the
    // deletion and insertion of one cosmetic replacement count once.
    for block in blocks
        .iter()
        .filter(|block| block.kind != BlockKind::MovedFrom)
    {
        let mut is_after_deletion = false;
        for segment in &block.segments {
            if segment.cosmetic {
                n_cosmetic +=
                    usize::from(!(is_after_deletion && segment.kind == SegmentKind::Insert));
            }
            is_after_deletion = segment.cosmetic && segment.kind == SegmentKind::Delete;
        }
    }
    (n_changes, n_cosmetic)
}

/// The blocks that hold the headline (first non-empty line) of either text, as a range of
/// block indices; empty when both texts are blank.
pub(crate) fn headline_blocks(original: &str, reworked: &str, blocks: &[Block]) -> [usize; 2] {
    let line_range = |text: &str| -> Option<(usize, usize)> {
        let line = headline(text);
        (!line.is_empty()).then(|| {
            let start = line.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + line.len())
        })
    };
    let overlaps = |range: Option<[usize; 2]>, line: Option<(usize, usize)>| match (range, line) {
        (Some([start, end]), Some((line_start, line_end))) => start < line_end && line_start < end,
        _ => false,
    };
    let (original_line, reworked_line) = (line_range(original), line_range(reworked));
    let holds_headline = |block: &Block| {
        overlaps(block.original, original_line) || overlaps(block.reworked, reworked_line)
    };
    let Some(start) = blocks.iter().position(holds_headline) else {
        return [0, 0];
    };
    let end = start
        + blocks[start..]
            .iter()
            .take_while(|block| holds_headline(block))
            .count();
    [start, end]
}

/// The first non-empty line, trimmed.
pub(crate) fn headline(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("")
}

/// The result of [`compare`](super::compare): blocks in reading order, and their stats.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Paragraphs in reading order.
    pub blocks: Vec<Block>,
    /// The blocks holding the headline, the first non-empty line of either version, as block
    /// indices `[start, end)`: one block when the headline was kept or edited, a deleted and an
    /// inserted block when it was replaced. Empty (`[0, 0]`) for two blank texts.
    pub headline: [usize; 2],
    /// Number of changes. Changes are numbered from 0 in reading order: a whole inserted,
    /// deleted or moved paragraph (adjacent inserted and deleted paragraphs together) is one
    /// change, and so is each stretch of deleted and inserted text inside an edited paragraph.
    pub n_changes: usize,
    /// Word and paragraph counts.
    pub stats: Stats,
    /// The facts the changes alter (numbers, dates, names, quotations, headline, subheadings,
    /// links), in change order.
    #[serde(default)]
    pub facts: Vec<super::facts::Fact>,
    /// Whether unchanged paragraphs in a row were joined into one block, because a text has
    /// more than [`COARSE_LINES`](super::COARSE_LINES) lines.
    #[serde(default)]
    pub coarse: bool,
}

impl Comparison {
    /// All segments of all blocks, in reading order.
    pub fn iter_segments(&self) -> impl Iterator<Item = &Segment> {
        self.blocks.iter().flat_map(|block| &block.segments)
    }

    /// Rebuilds the original text from the blocks.
    pub fn original_text(&self) -> String {
        self.side_text(BlockKind::MovedTo, SegmentKind::Delete)
    }

    /// Rebuilds the reworked text from the blocks.
    pub fn reworked_text(&self) -> String {
        self.side_text(BlockKind::MovedFrom, SegmentKind::Insert)
    }

    /// The whole comparison in the notation of [`Segment::markup`], in reading order.
    ///
    /// ```
    /// let comparison = redline::engine::compare("The cat sat.", "The dog sat.");
    /// assert_eq!(comparison.markup(), "The [-cat-]{+dog+} sat.");
    /// ```
    pub fn markup(&self) -> String {
        self.iter_segments().map(Segment::markup).collect()
    }

    /// Whether the two versions differ at all.
    pub fn has_changes(&self) -> bool {
        self.n_changes > 0
    }

    fn side_text(&self, other_block: BlockKind, own_segment: SegmentKind) -> String {
        self.blocks
            .iter()
            .filter(|block| block.kind != other_block)
            .flat_map(|block| &block.segments)
            .filter(|segment| segment.kind == SegmentKind::Equal || segment.kind == own_segment)
            .map(|segment| segment.text.as_str())
            .collect()
    }
}
