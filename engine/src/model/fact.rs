//! Changed facts and the text of each numbered change, which the fact finder and the note check read.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{BlockKind, Comparison, SegmentKind};

/// What kind of fact a change alters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// The headline, the first non-empty line.
    Headline,
    /// The subtitle (standfirst): a short line right after the headline.
    Subtitle,
    /// A subheading.
    Subheading,
    /// A number, amount or percentage.
    Number,
    /// A month or a day of the week.
    Date,
    /// A proper name.
    Name,
    /// Text inside quotation marks.
    Quotation,
    /// A link target or an e-mail address.
    Link,
    /// A paragraph added or removed whole, summed up by the facts it holds ("added paragraph:
    /// 3 figures, 2 names") rather than listed value by value.
    Paragraph,
}

impl FactKind {
    /// Every kind, in the order badges list them.
    pub const ALL: [FactKind; 9] = [
        FactKind::Headline,
        FactKind::Subtitle,
        FactKind::Subheading,
        FactKind::Number,
        FactKind::Date,
        FactKind::Name,
        FactKind::Quotation,
        FactKind::Link,
        FactKind::Paragraph,
    ];

    /// The badge's words, as a reader sees them.
    pub fn label(self) -> &'static str {
        match self {
            FactKind::Headline => "headline",
            FactKind::Subtitle => "subtitle",
            FactKind::Subheading => "subheading",
            FactKind::Number => "number",
            FactKind::Date => "date",
            FactKind::Name => "name",
            FactKind::Quotation => "quotation",
            FactKind::Link => "link",
            FactKind::Paragraph => "paragraph",
        }
    }
}

/// One changed fact: its kind, what it was and what it became, and the change it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// What kind of fact.
    pub kind: FactKind,
    /// The fact in the original (empty when it was added).
    pub old: String,
    /// The fact in the reworked text (empty when it was removed).
    pub new: String,
    /// The numbered change (see [`Comparison::n_changes`]).
    pub change: usize,
}

/// The text of one numbered change, gathered from its segments.
#[derive(Debug, Default, Clone)]
pub(crate) struct ChangeText {
    /// The block the change starts in.
    pub(crate) block: usize,
    /// Byte ranges of its deleted text in the original.
    pub(crate) deleted: Vec<Range<usize>>,
    /// Byte ranges of its inserted text in the reworked text.
    pub(crate) inserted: Vec<Range<usize>>,
    /// Whether the change is one end of a moved paragraph.
    pub(crate) is_move: bool,
    /// Where in the original its insertions stand (the end of the text before each), so that
    /// an insertion beside unchanged text can be read with it: `$70` → `$70 billion`.
    pub(crate) original_points: Vec<usize>,
    /// Where in the reworked text its deletions stood, likewise.
    pub(crate) reworked_points: Vec<usize>,
}

impl ChangeText {
    pub(crate) fn deleted_text(&self, original: &str) -> String {
        self.deleted.iter().map(|r| &original[r.clone()]).collect()
    }

    pub(crate) fn inserted_text(&self, reworked: &str) -> String {
        self.inserted.iter().map(|r| &reworked[r.clone()]).collect()
    }
}

/// The deleted and inserted text of every numbered change, indexed by change number.
pub(crate) fn change_texts(comparison: &Comparison) -> Vec<ChangeText> {
    let mut res = vec![ChangeText::default(); comparison.n_changes];
    let mut seen = vec![false; comparison.n_changes];
    let range = |[start, end]: [usize; 2]| start..end;
    for (block_idx, block) in comparison.blocks.iter().enumerate() {
        let is_move = matches!(block.kind, BlockKind::MovedFrom | BlockKind::MovedTo);
        if let Some(change) = block.change.filter(|_| is_move) {
            res[change].block = block_idx;
            res[change].is_move = true;
            seen[change] = true;
        }
        // Where the block's text so far ends on each side.
        let mut at = (
            block.original.map(|[start, _]| start),
            block.reworked.map(|[start, _]| start),
        );
        for segment in &block.segments {
            let before = at;
            if let Some([_, end]) = segment.original {
                at.0 = Some(end);
            }
            if let Some([_, end]) = segment.reworked {
                at.1 = Some(end);
            }
            // Inside a moved-to block the word diff has no numbers of its own: its edits
            // belong to the move.
            let Some(change) = segment.change.or(block.change) else {
                continue;
            };
            if segment.cosmetic || segment.kind == SegmentKind::Equal {
                continue;
            }
            let text = &mut res[change];
            if !seen[change] {
                seen[change] = true;
                text.block = block_idx;
            }
            match (segment.kind, segment.original, segment.reworked) {
                (SegmentKind::Delete, Some(bytes), _) if block.kind != BlockKind::MovedFrom => {
                    text.deleted.push(range(bytes));
                    text.reworked_points.extend(before.1);
                }
                (SegmentKind::Insert, _, Some(bytes)) => {
                    text.inserted.push(range(bytes));
                    text.original_points.extend(before.0);
                }
                _ => {}
            }
        }
    }
    res
}
