//! Correction-note detection: finds "Correction:", "Update:", "Editor's note:" and similar notes in an article.
//!
//! Notes are found by simple rules, not a model, so that every result can be explained:
//!
//! - a paragraph that starts (after Markdown emphasis, heading marks or an opening bracket) with
//!   a label: `Correction:`, `Corrections`, `Errata`, `Clarification:`, `Update:`,
//!   `Updated <date>:`, `Updated on <date>`, `EDIT:`, `Editor's note:`, `Note:`, or the French
//!   `Rectificatif`, `Correction :`, `Mise à jour` (a label alone on its line, like a
//!   `### Corrections` heading, takes the paragraph after it too);
//! - a paragraph that starts with a stock sentence: "An earlier version of this article …",
//!   "A previous version of this post …", "This article has been amended …",
//!   "Une version précédente de cet article …";
//! - an inline parenthesis that starts with a label: `(Correction: …)`.
//!
//! The kind comes from the label, then from the words: a note of any label that says an
//! earlier version was wrong ("incorrectly", "misstated", "an earlier version") is a
//! correction; an editor's note that does not is a [`NoteKind::Disclaimer`] ("The opinions
//! expressed here are the author's own", "This interview has been edited and condensed").
//! A plain `Note:` counts only when it speaks about the article itself.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What a note says about the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// An earlier version was wrong, and this says what was fixed.
    Correction,
    /// The article was changed or extended, without saying it was wrong.
    Update,
    /// Wording was made clearer.
    Clarification,
    /// The article, or an earlier version of it, is withdrawn: it should not have been published.
    Retraction,
    /// An editor's remark that is not about a change: provenance, opinions, editing for length.
    Disclaimer,
}

/// A note found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// What the note says about the article.
    pub kind: NoteKind,
    /// Byte range of the note in the text, end exclusive (labels and Markdown marks included).
    pub range: [usize; 2],
    /// The note's text, exactly as in the input.
    pub text: String,
}

/// The note a reworked text carries, which the page and the exports check when no note was
/// given: its first correction, update or clarification note (disclaimers are not what the
/// check is for). When the reworked version is a whole page, only its article is read
/// ([`Comparison::articles`](crate::Comparison::articles)): a "Corrections" link in the page's
/// footer is not a note.
///
/// ```
/// use redline_engine::{carried_note, compare};
///
/// let reworked = "The council approved 25,000 homes.\n\nCorrection: An earlier version misstated the number.";
/// let comparison = compare("The council approved 52,000 homes.", reworked);
/// assert_eq!(
///     carried_note(reworked, &comparison).as_deref(),
///     Some("Correction: An earlier version misstated the number.")
/// );
/// ```
pub fn carried_note(reworked: &str, comparison: &crate::Comparison) -> Option<String> {
    let article = match comparison.articles {
        // The comparison may lag behind the text (the page compares in a worker while the
        // reader types): a range that no longer fits is not used.
        Some([_, [start, end]])
            if end <= reworked.len()
                && reworked.is_char_boundary(start)
                && reworked.is_char_boundary(end) =>
        {
            &reworked[start..end]
        }
        _ => reworked,
    };
    detect_notes(article)
        .into_iter()
        .find(|note| note.kind != NoteKind::Disclaimer)
        .map(|note| note.text)
}

/// Marks as [the note](crate::Block::note) the inserted blocks that lie wholly inside one of
/// `notes` (the reworked text's) other than a disclaimer: the note the reworked version
/// carries is not a change it explains. A note edited from one the original had stays a
/// change.
pub(crate) fn mark_note_blocks(blocks: &mut [crate::Block], reworked: &str, notes: &[Note]) {
    for note in notes
        .iter()
        .filter(|note| note.kind != NoteKind::Disclaimer)
    {
        let [start, end] = note.range;
        for block in blocks.iter_mut() {
            let (crate::BlockKind::Inserted, Some([block_start, block_end])) =
                (block.kind, block.reworked)
            else {
                continue;
            };
            // A block ends with the line break and blank lines after its text.
            let text_end = block_start + reworked[block_start..block_end].trim_end().len();
            if start <= block_start && block_start < text_end && text_end <= end {
                block.note = true;
            }
        }
    }
}

/// Finds the correction, update, clarification and disclaimer notes in `text`, in order.
///
/// ```
/// use redline_engine::{detect_notes, NoteKind};
///
/// let text = "Harbour plan approved\n\nThe council approved 25,000 homes.\n\n\
///             Correction: An earlier version of this article misstated the number of homes.";
/// let notes = detect_notes(text);
/// assert_eq!(notes.len(), 1);
/// assert_eq!(notes[0].kind, NoteKind::Correction);
/// assert!(notes[0].text.starts_with("Correction: An earlier version"));
///
/// let disclaimer = detect_notes("Editor's note: This interview has been edited and condensed.");
/// assert_eq!(disclaimer[0].kind, NoteKind::Disclaimer);
/// assert!(detect_notes("Updated figures show a rise in rents.").is_empty());
/// ```
pub fn detect_notes(text: &str) -> Vec<Note> {
    let paragraphs = blank_line_paragraphs(text);
    let mut notes = Vec::new();
    let mut idx = 0;
    while idx < paragraphs.len() {
        let paragraph = paragraphs[idx].clone();
        let Some((label, body_start)) = leading_label(&text[paragraph.clone()]) else {
            find_inline_notes(text, paragraph, &mut notes);
            idx += 1;
            continue;
        };
        let mut range = paragraph.clone();
        // A label alone on its line ("### Corrections", "**Update**:") heads the paragraph after it.
        let body =
            text[paragraph.start + body_start..paragraph.end].trim_matches(is_markup_or_space);
        if body.is_empty()
            && let Some(next) = paragraphs.get(idx + 1)
        {
            range.end = next.end;
            idx += 1;
        }
        let body = &text[paragraph.start + body_start..range.end];
        if let Some(kind) = kind_of(label, body) {
            notes.push(note(text, kind, range));
        }
        idx += 1;
    }
    notes
}

/// Classifies a note's text without a label, such as a change note from a CMS field:
/// [`NoteKind::Correction`] when it says something was wrong, [`NoteKind::Clarification`] when
/// it says it clarifies, [`NoteKind::Update`] otherwise. A labelled note keeps its label's kind.
///
/// ```
/// use redline_engine::{classify_note, NoteKind};
///
/// assert_eq!(classify_note("The table has been amended to correct the explanation."), NoteKind::Correction);
/// assert_eq!(classify_note("Guidance updated to further clarify the requirements."), NoteKind::Clarification);
/// assert_eq!(classify_note("Added translation"), NoteKind::Update);
/// ```
pub fn classify_note(text: &str) -> NoteKind {
    if let Some(note) = detect_notes(text).first() {
        return note.kind;
    }
    let lower = text.to_lowercase();
    if says_it_was_wrong(&lower) || lower.contains("correct") {
        NoteKind::Correction
    } else if lower.contains("clarif") {
        NoteKind::Clarification
    } else {
        NoteKind::Update
    }
}

/// The labels a note can start with, lower case, and the kind each gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Correction,
    Clarification,
    Update,
    EditorsNote,
    Note,
    /// A stock sentence such as "An earlier version of this article …".
    Sentence,
}

const LABELS: &[(&str, Label)] = &[
    ("corrections", Label::Correction),
    ("correction", Label::Correction),
    ("errata", Label::Correction),
    ("erratum", Label::Correction),
    ("rectificatif", Label::Correction),
    ("clarification", Label::Clarification),
    ("updated", Label::Update),
    ("update", Label::Update),
    ("mise à jour", Label::Update),
    ("edit", Label::Update),
    ("editor's note", Label::EditorsNote),
    ("editor’s note", Label::EditorsNote),
    ("editors' note", Label::EditorsNote),
    ("editors note", Label::EditorsNote),
    ("note de la rédaction", Label::EditorsNote),
    ("note", Label::Note),
];

const SENTENCES: &[&str] = &[
    "an earlier version of this",
    "a previous version of this",
    "an earlier version of the",
    "a previous version of the",
    "this article has been",
    "this article was",
    "this post has been",
    "this story has been",
    "this story was",
    "une version précédente de cet",
    "cet article a été",
];

/// Words that say an earlier version was wrong.
const WRONG: &[&str] = &[
    "an earlier version",
    "a previous version",
    "incorrect",
    "misstat",
    "misspell",
    "misidentif",
    "misquot",
    "mistak",
    "erroneous",
    "in error",
    "miscalculat",
    "amended to correct",
    "was wrong",
    "une version précédente",
    "erron",
];

fn says_it_was_wrong(lower: &str) -> bool {
    WRONG.iter().any(|cue| lower.contains(cue))
}

fn is_markup_or_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '(' | '[' | ':' | '`')
}

/// The label a paragraph starts with, and the byte offset where the text after it begins.
fn leading_label(paragraph: &str) -> Option<(Label, usize)> {
    let lead_start = paragraph.len() - paragraph.trim_start_matches(is_markup_or_space).len();
    let lead = &paragraph[lead_start..];
    let lower: String = lead.chars().take(80).collect::<String>().to_lowercase();
    if SENTENCES.iter().any(|sentence| lower.starts_with(sentence)) {
        return Some((Label::Sentence, lead_start));
    }
    for &(word, label) in LABELS {
        if !lower.starts_with(word) {
            continue;
        }
        // The label must end there ("Updates to the schedule" is not a note) and be followed
        // by a colon, possibly after closing emphasis, a date or a month ("Update 2020-06-18:",
        // "Update, June 2023_:"), or stand alone on its line.
        let after = &lower[word.len()..];
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let line = after.lines().next().unwrap_or("");
        let before_colon = line.split(':').next().unwrap_or("");
        let has_colon = line.contains(':') && is_date_like(before_colon);
        let stands_alone = line.trim_matches(is_markup_or_space).is_empty();
        // "Updated on 2023-01-10 at 21:30 UTC to include …"
        let is_dated = label == Label::Update
            && (after
                .trim_start_matches(is_markup_or_space)
                .starts_with(|c: char| c.is_ascii_digit())
                || after.trim_start().strip_prefix("on ").is_some_and(|rest| {
                    rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
                }));
        let colon_needed = matches!(label, Label::Note | Label::EditorsNote);
        if has_colon || (!colon_needed && (stands_alone || is_dated)) {
            let label_end = lead_start
                + lead
                    .char_indices()
                    .nth(word.chars().count())
                    .map_or(lead.len(), |(idx, _)| idx);
            return Some((label, label_end));
        }
    }
    None
}

/// Month and weekday names in English and French, lower case: what dates are written with,
/// for note labels ("Updated Monday, June 3:") and for date facts.
pub(crate) const MONTHS_AND_WEEKDAYS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
];

/// Whether the text between a label and its colon is empty or a date or time ("2020-06-18",
/// ", June 2023", "on 12 May at 10:30 BST"), so that "Corrections officers said:" is no label.
fn is_date_like(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "on", "at", "am", "pm", "utc", "gmt", "bst", "cet", "cest", "et", "pt", "le", "du", "à",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    text.chars().count() <= 40
        && text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .all(|word| {
                word.chars().all(|c| c.is_ascii_digit())
                    || WORDS.contains(&word)
                    || MONTHS_AND_WEEKDAYS.contains(&word)
            })
}

/// The kind of a labelled note, from its label and body; `None` when the note does not count.
fn kind_of(label: Label, body: &str) -> Option<NoteKind> {
    let lower = body.to_lowercase();
    let about_the_article = [
        "this article",
        "this post",
        "this story",
        "this transcript",
        "this interview",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase))
        || [
            "edited",
            "condensed",
            "originally published",
            "opinions expressed",
            "guest post",
        ]
        .iter()
        .any(|phrase| lower.contains(phrase));
    match label {
        Label::Correction => Some(NoteKind::Correction),
        Label::Clarification => Some(NoteKind::Clarification),
        Label::Update | Label::Sentence if says_it_was_wrong(&lower) => Some(NoteKind::Correction),
        Label::Update => Some(NoteKind::Update),
        Label::Sentence if lower.contains("clarif") => Some(NoteKind::Clarification),
        Label::Sentence => Some(NoteKind::Update),
        Label::EditorsNote | Label::Note if says_it_was_wrong(&lower) => Some(NoteKind::Correction),
        Label::EditorsNote => Some(NoteKind::Disclaimer),
        Label::Note if about_the_article => Some(NoteKind::Disclaimer),
        Label::Note => None,
    }
}

/// Finds `(Correction: …)`-style notes inside a paragraph that does not start with a label.
fn find_inline_notes(text: &str, paragraph: Range<usize>, notes: &mut Vec<Note>) {
    let mut from = paragraph.start;
    while let Some(open) = text[from..paragraph.end].find('(').map(|idx| from + idx) {
        let close = text[open..paragraph.end]
            .find(')')
            .map(|idx| open + idx + 1);
        let inner_end = close.unwrap_or(paragraph.end);
        if let Some((label, body_start)) = leading_label(&text[open..inner_end])
            && matches!(
                label,
                Label::Correction | Label::Clarification | Label::Update
            )
            && let Some(kind) = kind_of(label, &text[open + body_start..inner_end])
        {
            notes.push(note(text, kind, open..inner_end));
        }
        from = open + 1;
    }
}

fn note(text: &str, kind: NoteKind, range: Range<usize>) -> Note {
    // Trailing line breaks separate the note from what follows; they are not part of it.
    let end = range.start + text[range.clone()].trim_end().len();
    Note {
        kind,
        range: [range.start, end],
        text: text[range.start..end].to_owned(),
    }
}

/// Paragraphs separated by blank lines, as byte ranges (a note can span hard-wrapped lines).
fn blank_line_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut res = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let is_blank = line.trim().is_empty();
        match (start, is_blank) {
            (None, false) => start = Some(offset),
            (Some(paragraph_start), true) => {
                res.push(paragraph_start..offset);
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some(paragraph_start) = start {
        res.push(paragraph_start..text.len());
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(NoteKind, String)> {
        detect_notes(text)
            .into_iter()
            .map(|note| (note.kind, note.text))
            .collect()
    }

    #[test]
    fn labelled_paragraphs() {
        let text = "Body text.\n\nCorrection: The vote was on Tuesday.\n\nMore body.";
        assert_eq!(
            kinds(text),
            [(
                NoteKind::Correction,
                "Correction: The vote was on Tuesday.".to_owned()
            )]
        );
        assert_eq!(
            kinds("Clarification: The plan covers two towns.")[0].0,
            NoteKind::Clarification
        );
        assert_eq!(
            kinds("Update: The council will vote again in May.")[0].0,
            NoteKind::Update
        );
        assert_eq!(
            kinds("Rectificatif : le vote a eu lieu mardi.")[0].0,
            NoteKind::Correction
        );
        assert_eq!(
            kinds("Mise à jour : la mairie a répondu.")[0].0,
            NoteKind::Update
        );
    }

    #[test]
    fn heading_takes_the_next_paragraph() {
        let text = "Intro.\n\n### Corrections\nA previous version said 98%.\n\n## Errata\n\nThe date was wrong.\n\nEnd.";
        let notes = kinds(text);
        assert_eq!(notes.len(), 2);
        assert_eq!(
            notes[0],
            (
                NoteKind::Correction,
                "### Corrections\nA previous version said 98%.".to_owned()
            )
        );
        assert_eq!(
            notes[1],
            (
                NoteKind::Correction,
                "## Errata\n\nThe date was wrong.".to_owned()
            )
        );
    }

    #[test]
    fn an_update_that_fixes_an_error_is_a_correction() {
        let text = "**Update:** An earlier version of this article credited the wrong office.";
        assert_eq!(kinds(text)[0].0, NoteKind::Correction);
    }

    #[test]
    fn stock_sentences_without_a_label() {
        assert_eq!(
            kinds("An earlier version of this article misstated the date.")[0].0,
            NoteKind::Correction
        );
        assert_eq!(
            kinds("This article has been updated with the council's response.")[0].0,
            NoteKind::Update
        );
        assert_eq!(
            kinds("Une version précédente de cet article indiquait un mauvais chiffre.")[0].0,
            NoteKind::Correction
        );
    }

    #[test]
    fn disclaimers_are_told_apart() {
        let opinion = "Editor's Note: The opinions expressed here by the authors are their own.";
        assert_eq!(kinds(opinion)[0].0, NoteKind::Disclaimer);
        let condensed = "Note: This interview has been edited and condensed.";
        assert_eq!(kinds(condensed)[0].0, NoteKind::Disclaimer);
        let wrong = "Editor's note: An earlier version of this story misidentified the mayor.";
        assert_eq!(kinds(wrong)[0].0, NoteKind::Correction);
    }

    #[test]
    fn inline_parenthesis() {
        let text = "The feature shipped (Correction: it shipped in May, not June) last year.";
        assert_eq!(
            kinds(text),
            [(
                NoteKind::Correction,
                "(Correction: it shipped in May, not June)".to_owned()
            )]
        );
    }

    #[test]
    fn body_sentences_are_not_notes() {
        for text in [
            "Updated figures show a rise in rents.",
            "Update the app before Friday.",
            "Note that the council meets monthly.",
            "Corrections officers went on strike: the prison is closed.",
            "The correction in prices: analysts expected it.",
            "Editing: a craft.",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }
}
