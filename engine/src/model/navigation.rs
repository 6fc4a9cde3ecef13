//! Where the changes are: one mark per numbered change for navigation and an overview ruler, and the runs of unchanged paragraphs a view may collapse.
//!
//! Views step from change to change and draw a ruler with a mark per change; the
//! "changes only" view folds unchanged paragraphs away. Both need facts about the comparison
//! (which block a change starts in, what kind it is, how far down the text it sits) that belong
//! with the model rather than in the views.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::model::{BlockKind, Comparison, SegmentKind};

/// What a numbered change does, for the colour of its mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Text removed, nothing put in its place.
    Deleted,
    /// Text added.
    Inserted,
    /// Text removed and other text put in its place.
    Replaced,
    /// One end of a moved paragraph.
    Moved,
}

/// One numbered change: where it starts and what it does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeMark {
    /// The change's number (see [`Comparison::n_changes`]).
    pub change: usize,
    /// The index of the block where the change starts.
    pub block: usize,
    /// The index, in that block's segments, of the segment where the change starts.
    pub segment: usize,
    /// How far down the comparison the change starts, 0 (top) to 1 (bottom), measured in
    /// characters of the text a view shows (both sides of every block, in reading order).
    pub position: f64,
    /// What the change does.
    pub kind: ChangeKind,
}

/// A run of consecutive blocks that a view shows, or folds away as unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Block indices, `start..end`.
    pub blocks: Range<usize>,
    /// Whether these blocks are unchanged paragraphs that may be folded.
    pub unchanged: bool,
}

impl Comparison {
    /// The indices of the article's blocks: all of them, unless a version was a whole page,
    /// when the [frame](crate::Block::frame) blocks before and after are left out.
    ///
    /// ```
    /// let comparison = redline_engine::compare("A.\n\nB.", "A.\n\nC.");
    /// assert_eq!(comparison.article_blocks(), 0..comparison.blocks.len());
    /// ```
    pub fn article_blocks(&self) -> Range<usize> {
        let start = self
            .blocks
            .iter()
            .position(|block| !block.frame)
            .unwrap_or(self.blocks.len());
        let end = self
            .blocks
            .iter()
            .rposition(|block| !block.frame)
            .map_or(start, |last| last + 1);
        start..end
    }

    /// One mark per numbered change, in order: `marks[n].change == n`.
    ///
    /// ```
    /// use redline_engine::{compare, ChangeKind};
    ///
    /// let comparison = compare("Kept.\n\nOld words here.\n\nGone.", "Kept.\n\nNew words here.");
    /// let kinds: Vec<ChangeKind> = comparison.change_marks().iter().map(|m| m.kind).collect();
    /// assert_eq!(kinds, [ChangeKind::Replaced, ChangeKind::Deleted]);
    /// ```
    pub fn change_marks(&self) -> Vec<ChangeMark> {
        let total: usize = self.iter_segments().map(|s| s.text.chars().count()).sum();
        let mut marks: Vec<ChangeMark> = Vec::with_capacity(self.n_changes);
        let mut offset = 0;
        for (block_idx, block) in self.blocks.iter().enumerate() {
            let is_move = matches!(block.kind, BlockKind::MovedFrom | BlockKind::MovedTo);
            for (segment_idx, segment) in block.segments.iter().enumerate() {
                let change = if is_move {
                    block.change
                } else {
                    block.change.or(segment.change)
                };
                let kind = match (is_move, segment.kind) {
                    (true, _) => Some(ChangeKind::Moved),
                    (false, SegmentKind::Delete) => Some(ChangeKind::Deleted),
                    (false, SegmentKind::Insert) => Some(ChangeKind::Inserted),
                    (false, SegmentKind::Equal) => None,
                };
                // A moved paragraph is a change even when all that differs inside it is
                // cosmetic (found by fuzzing: `D` moved and lower-cased with case ignored).
                if let (Some(change), Some(kind)) = (change, kind)
                    && (is_move || !segment.cosmetic)
                {
                    match marks.last_mut() {
                        Some(last) if last.change == change => {
                            if last.kind != kind && last.kind != ChangeKind::Moved {
                                last.kind = ChangeKind::Replaced;
                            }
                        }
                        _ => marks.push(ChangeMark {
                            change,
                            block: block_idx,
                            segment: segment_idx,
                            position: if total == 0 {
                                0.0
                            } else {
                                offset as f64 / total as f64
                            },
                            kind,
                        }),
                    }
                }
                offset += segment.text.chars().count();
            }
        }
        debug_assert!(marks.iter().enumerate().all(|(idx, m)| m.change == idx));
        marks
    }

    /// The blocks cut into sections: runs of unchanged blocks (no numbered change in them;
    /// cosmetic differences allowed) of at least `min_unchanged` blocks, keeping `context`
    /// unchanged blocks next to each change outside the run, and the rest between them.
    ///
    /// ```
    /// use redline_engine::compare;
    ///
    /// let original = "A.\n\nB.\n\nC.\n\nD.\n\nOld.";
    /// let comparison = compare(original, &original.replace("Old", "New"));
    /// let sections = comparison.sections(1, 2);
    /// assert_eq!(sections.len(), 2);
    /// assert_eq!((sections[0].blocks.clone(), sections[0].unchanged), (0..3, true));
    /// // "Old." and "New." share no word: a deleted and an inserted block.
    /// assert_eq!((sections[1].blocks.clone(), sections[1].unchanged), (3..6, false));
    /// ```
    ///
    /// Only the article's blocks are cut ([`Comparison::article_blocks`]): the page around an
    /// article is shown apart.
    pub fn sections(&self, context: usize, min_unchanged: usize) -> Vec<Section> {
        let is_unchanged = |idx: usize| {
            let block = &self.blocks[idx];
            block.change.is_none() && block.segments.iter().all(|s| s.change.is_none())
        };
        let mut res: Vec<Section> = Vec::new();
        let mut push = |blocks: Range<usize>, unchanged: bool| {
            if blocks.is_empty() {
                return;
            }
            match res.last_mut() {
                Some(last) if last.unchanged == unchanged => last.blocks.end = blocks.end,
                _ => res.push(Section { blocks, unchanged }),
            }
        };
        let Range {
            start: first,
            end: n_blocks,
        } = self.article_blocks();
        let mut start = first;
        while start < n_blocks {
            let end = start
                + (start..n_blocks)
                    .take_while(|&idx| is_unchanged(idx))
                    .count();
            if end == start {
                push(start..start + 1, false);
                start += 1;
                continue;
            }
            // Unchanged run start..end: keep context next to the changes around it.
            let fold_start = if start == first {
                first
            } else {
                start + context
            };
            let fold_end = if end == n_blocks {
                n_blocks
            } else {
                end.saturating_sub(context)
            };
            if fold_end > fold_start && fold_end - fold_start >= min_unchanged.max(1) {
                push(start..fold_start, false);
                push(fold_start..fold_end, true);
                push(fold_end..end, false);
            } else {
                push(start..end, false);
            }
            start = end;
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use crate::compare;

    use super::*;

    #[test]
    fn marks_follow_the_change_numbers() {
        let comparison = compare(
            "Headline\n\nThe cat sat on the mat.\n\nA paragraph about the council meeting on Monday.\n\nEnd.",
            "New headline\n\nThe dog sat on the mat.\n\nEnd.\n\nA paragraph about the council meeting on Monday.",
        );
        let marks = comparison.change_marks();
        assert_eq!(marks.len(), comparison.n_changes);
        let kinds: Vec<ChangeKind> = marks.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                ChangeKind::Replaced,
                ChangeKind::Replaced,
                ChangeKind::Moved,
                ChangeKind::Moved
            ]
        );
        assert!(marks.windows(2).all(|w| w[0].position < w[1].position));
        assert_eq!(marks[0].position, 0.0);
        assert!(marks[3].position < 1.0);
    }

    #[test]
    fn no_changes_no_marks() {
        assert!(compare("Same.", "Same.").change_marks().is_empty());
        assert!(compare("", "").change_marks().is_empty());
    }

    #[test]
    fn sections_fold_long_unchanged_runs_only() {
        let paragraphs: Vec<String> = (0..10).map(|idx| format!("Paragraph {idx}.")).collect();
        let original = paragraphs.join("\n\n");
        let reworked = original.replace("Paragraph 5.", "Paragraph five.");
        let comparison = compare(&original, &reworked);
        let describe = |sections: Vec<Section>| -> Vec<(Range<usize>, bool)> {
            sections
                .into_iter()
                .map(|s| (s.blocks, s.unchanged))
                .collect()
        };
        assert_eq!(
            describe(comparison.sections(1, 2)),
            [(0..4, true), (4..7, false), (7..10, true)]
        );
        assert_eq!(
            describe(comparison.sections(0, 5)),
            [(0..5, true), (5..10, false)],
            "the four unchanged blocks after the change are too few to fold"
        );
        assert_eq!(describe(comparison.sections(0, 1)).len(), 3);
        assert_eq!(
            describe(compare(&original, &original).sections(1, 2)),
            [(0..10, true)]
        );
        assert!(compare("", "").sections(1, 2).is_empty());
    }
}
