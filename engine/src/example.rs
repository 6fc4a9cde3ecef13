//! The first-visit example: a short fictional article and its corrected version, written for Redline.
//!
//! It shows every kind of change a correction brings in a few paragraphs: a changed headline, a
//! corrected figure, a removed paragraph, a moved (and edited) paragraph, and a "Correction:"
//! note at the end of the reworked text. The town, the council and the people are invented; no
//! real outlet or person is named. The tests below keep the example honest about what it shows.

/// The original version of the example article.
pub const ORIGINAL: &str = "\
Quillhaven council approves $4.2 million bridge repair

The Quillhaven town council voted on Tuesday to spend $4.2 million repairing the Weir Street bridge, which has been closed to lorries since March.

Councillor Petra Vanholm, who chairs the works committee, said the repairs would begin in June and take about eight months.

The bridge carries around 6,000 vehicles a day, according to the council's own traffic survey.

Residents of the east bank have complained of 40-minute detours since the closure.

Two councillors voted against the plan, saying the money should go to the library roof instead.
";

/// The reworked version: figure corrected, headline changed, one paragraph removed, one moved,
/// and a correction note added.
pub const REWORKED: &str = "\
Quillhaven council approves $2.4 million bridge repair after long debate

The Quillhaven town council voted on Tuesday to spend $2.4 million repairing the Weir Street bridge, which has been closed to lorries since March.

The bridge carries around 6,000 vehicles a day, according to the council's own traffic survey.

Councillor Petra Vanholm, who chairs the works committee, said work would begin in June and take about eight months.

Residents of the east bank have complained of 40-minute detours since the closure.

Correction: An earlier version of this article misstated the cost of the repairs as $4.2 million. It is $2.4 million. A paragraph about a vote on the library roof has been removed; no such vote took place.
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BlockKind, NoteKind, compare, detect_notes};

    #[test]
    fn the_example_shows_what_it_promises() {
        let comparison = compare(ORIGINAL, REWORKED);
        let stats = &comparison.stats;
        assert!(stats.headline_changed);
        assert_eq!(stats.paragraphs_moved, 1);
        assert_eq!(stats.paragraphs_removed, 1);
        let markup = comparison.markup();
        assert!(
            markup.contains("[-$4.2-]{+$2.4+} million repairing"),
            "{markup}"
        );
        assert!(
            markup.contains("said [-the repairs-]{+work+} would"),
            "{markup}"
        );
        assert!(
            comparison
                .blocks
                .iter()
                .any(|block| block.kind == BlockKind::Inserted
                    && block.segments[0].text.starts_with("Correction:"))
        );
        let notes = detect_notes(REWORKED);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].kind, NoteKind::Correction);
        assert!(detect_notes(ORIGINAL).is_empty());
    }
}
