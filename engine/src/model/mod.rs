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

mod block;
mod fact;
pub(crate) mod navigation;
mod stats;

pub use block::{Block, BlockKind, Layout, Segment, SegmentKind};
pub(crate) use fact::{ChangeText, change_texts};
pub use fact::{Fact, FactKind};
pub use stats::Stats;

/// Numbers the changes of `blocks` in reading order (see [`Comparison::n_changes`]) and returns
/// how many there are, and how many cosmetic changes.
pub(crate) fn number_changes(blocks: &mut [Block]) -> (usize, usize) {
    let (mut n_changes, mut n_cosmetic) = (0, 0);
    // Whether the last thing read was a change that the next deletion or insertion continues.
    let mut is_open = false;
    for block in blocks.iter_mut() {
        // The note is not a change: it closes the change before it, so a paragraph inserted
        // just before the note is a change of its own.
        if block.note {
            is_open = false;
            continue;
        }
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

/// Moves the ranges of `blocks` and their segments by `original` bytes in the original and
/// `reworked` bytes in the reworked text: blocks compared from slices of the texts are placed
/// in the whole texts.
pub(crate) fn shift(blocks: &mut [Block], original: usize, reworked: usize) {
    let by = |range: &mut Option<[usize; 2]>, offset: usize| {
        if let Some(range) = range {
            *range = range.map(|at| at + offset);
        }
    };
    for block in blocks {
        by(&mut block.original, original);
        by(&mut block.reworked, reworked);
        for segment in &mut block.segments {
            by(&mut segment.original, original);
            by(&mut segment.reworked, reworked);
        }
    }
}

/// The blocks that hold the [headline] of either text, as a range of block indices; empty
/// when neither text has one.
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

/// The longest headline, in characters: a longer first line is a paragraph.
pub const MAX_HEADLINE_CHARS: usize = 200;

/// The headline: the first non-empty line, trimmed, when it reads as one, a line of at most
/// [`MAX_HEADLINE_CHARS`] with more text after it. A text that is one paragraph, or one typed
/// sentence, has no headline (empty).
pub(crate) fn headline(text: &str) -> &str {
    let mut lines = text.lines().map(str::trim).filter(|line| !line.is_empty());
    match (lines.next(), lines.next()) {
        (Some(first), Some(_)) if first.chars().count() <= MAX_HEADLINE_CHARS => first,
        _ => "",
    }
}

/// The result of [`compare`](crate::compare): blocks in reading order, and their stats.
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
    pub facts: Vec<crate::model::Fact>,
    /// Whether unchanged paragraphs in a row were joined into one block, because a text has
    /// more than [`COARSE_LINES`](crate::COARSE_LINES) lines.
    #[serde(default)]
    pub coarse: bool,
    /// When either version is a whole page: the byte ranges `[start, end)` of the articles
    /// compared, in the original and in the reworked text (a version that is an article
    /// already is its whole text). What lies around them is the [frame](Block::frame).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<[[usize; 2]; 2]>,
}

impl Comparison {
    /// What the headline did, in a reader's words: "Headline changed", "Headline unchanged",
    /// or "No headline" when neither text has one (a single paragraph, a sentence alone).
    ///
    /// ```
    /// use redline_engine::compare;
    ///
    /// assert_eq!(compare("Old\n\nBody.", "New\n\nBody.").headline_summary(), "Headline changed");
    /// assert_eq!(compare("Same\n\nBody.", "Same\n\nText.").headline_summary(), "Headline unchanged");
    /// assert_eq!(compare("One sentence.", "One line.").headline_summary(), "No headline");
    /// ```
    pub fn headline_summary(&self) -> &'static str {
        if self.stats.headline_changed {
            "Headline changed"
        } else if self.headline[0] == self.headline[1] {
            "No headline"
        } else {
            "Headline unchanged"
        }
    }

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
    /// let comparison = redline_engine::compare("The cat sat.", "The dog sat.");
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
