//! Correction-note detection: finds "Correction:", "Update:", "Editor's note:" and similar notes in an article.
//!
//! Notes are found by simple rules, not a model, so that every result can be explained:
//!
//! - a paragraph that starts with a label: `Correction:`, `Corrections`, `Errata`,
//!   `Clarification:`, `Update:`, `Retraction:`, `EDIT:`, `Editor's note:`, `Note:`, and their
//!   French, Spanish and German forms (`Mise à jour :`, `Corrección:`, `Aktualisierung:` …).
//!   Before the label may stand Markdown emphasis, heading marks, an opening bracket, HTML tags
//!   (`<p><b>Update:</b>`), a pictograph, or a date ("October 1, 2019, Update:", "Summer 2017
//!   Update:"); after it a colon, a date ("**Update, June 24 2016**"), a closing bracket
//!   (`**[Update]**`), or nothing else on its line, in which case it takes the next paragraph
//!   too (a `### Corrections` heading);
//! - a paragraph that starts with a stock sentence: "An earlier version of this article …",
//!   "This post has been updated …", "Une version précédente de cet article …", or a later
//!   edition's correction ("In yesterday's edition I wrote …");
//! - a paragraph set in italics that says the post itself changed ("_The date for this post
//!   has been updated …_");
//! - an inline parenthesis that starts with a label: `(Correction: …)`.
//!
//! The kind comes from the label, then from the words: a note of any label that says it was
//! withdrawn is a [`NoteKind::Retraction`], one that says an earlier version was wrong
//! ("incorrectly", "misstated", "an earlier version") a correction; a dated note, or an
//! editor's note or plain note that says the post changed ("This blog was updated 5/3/2016"),
//! an update (a clarification when it says it clarifies); any other editor's note is a
//! [`NoteKind::Disclaimer`] ("The opinions expressed here are the author's own", "This
//! interview has been edited and condensed"). A plain `Note:` counts only when it speaks
//! about the article itself.

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
    carried(reworked, comparison).map(|note| note.text)
}

/// The note [`carried_note`] reads, with its kind and its byte range in the whole reworked
/// text.
pub(crate) fn carried(reworked: &str, comparison: &crate::Comparison) -> Option<Note> {
    let (offset, article) = match comparison.articles {
        // The comparison may lag behind the text (the page compares in a worker while the
        // reader types): a range that no longer fits is not used.
        Some([_, [start, end]])
            if end <= reworked.len()
                && reworked.is_char_boundary(start)
                && reworked.is_char_boundary(end) =>
        {
            (start, &reworked[start..end])
        }
        _ => (0, reworked),
    };
    detect_notes(article)
        .into_iter()
        .find(|note| note.kind != NoteKind::Disclaimer)
        .map(|note| Note {
            range: note.range.map(|at| at + offset),
            ..note
        })
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
        let Some(lead) = leading_label(&text[paragraph.clone()]) else {
            if let Some(kind) = self_note(&text[paragraph.clone()])
                .or_else(|| version_line(&text[paragraph.clone()]))
            {
                notes.push(note(text, kind, paragraph));
            } else {
                find_inline_notes(text, paragraph, &mut notes);
            }
            idx += 1;
            continue;
        };
        let mut range = paragraph.clone();
        // A label alone on its line ("### Corrections", "**Update**:") heads the paragraph after it.
        let body = strip_markup(&text[paragraph.start + lead.body_start..paragraph.end]);
        let mut body_end = paragraph.end;
        if body.trim().is_empty()
            && let Some(next) = paragraphs.get(idx + 1)
        {
            range.end = next.end;
            body_end = next.end;
            idx += 1;
            // A heading "Updates" over text that reports no change to the article ("## Updates
            // \n\n1. A change to the committee.", "## Update\n\nTo update the service worker,
            // …") names a section of it, not a note.
            let heading = strip_markup(&text[paragraph.clone()])
                .trim_matches(is_markup_or_space)
                .to_lowercase();
            if text[paragraph.clone()].starts_with('#')
                && ["update", "updates"].contains(&heading.as_str())
                && !reports_a_change(&text[next.clone()])
            {
                idx += 1;
                continue;
            }
        } else if text[paragraph.clone()].starts_with('#')
            && is_date_like(&body.to_lowercase())
            && let Some(next) = paragraphs.get(idx + 1)
        {
            // A heading that gives the label and its date ("## Update! (28 July 2021)") stays
            // a heading, but what kind of note it heads is said under it ("… revealed just how
            // flawed my original analysis was").
            body_end = next.end;
        }
        let body = &text[paragraph.start + lead.body_start..body_end];
        if let Some(kind) = kind_of(&lead, body) {
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

/// A note without its leading label and the date that goes with it ("Update, 14 February
/// 2023:", "Update: Feb. 10 2016,"): what the note says, for reading its claims. A note
/// without a label is returned whole.
pub(crate) fn note_body(note: &str) -> &str {
    let Some(lead) = leading_label(note) else {
        return note;
    };
    if matches!(lead.label, Label::Sentence | Label::Edition) {
        return note;
    }
    let body = &note[lead.body_start..];
    // Skip the colon, markup and a date ("Feb. 10 2016,", "14-February-2023)_").
    let mut at = lead_len(body);
    loop {
        let rest = &body[at..];
        let word_end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        let word = rest[..word_end].to_lowercase();
        // "Added" goes with a label's date only as "Note added January 2022", which is a
        // label of its own; after a date it is what the note says ("Added section on …").
        if word.is_empty() || !is_date_like(&word) || word.starts_with("added") {
            break;
        }
        at += word_end;
        at += lead_len(&body[at..]);
    }
    &body[at..]
}

/// Whether a note is a dated update label with a title after it and nothing more ("_(Update
/// 28-February-2018)_ **Security releases available**"): it heads the update's text, like a
/// heading.
pub(crate) fn is_dated_title(note: &str) -> bool {
    let note = note.trim();
    let Some(lead) = leading_label(note) else {
        return false;
    };
    let title = strip_markup(note_body(note));
    let title = title.trim();
    lead.label == Label::Update
        && lead.dated
        && !note.contains('\n')
        && (1..=8).contains(&title.split_whitespace().count())
        && !title.ends_with(['.', '!', '?', ':', ';', ','])
}

/// A note that is a change label and its date and nothing else ("_Updated January 26,
/// 2026._", "**Update, June 24 2016**"), the label itself without markup; `None` for a note
/// that says anything more. Such a note says the article changed then and names no change, so
/// a reader takes it for every change of that version.
pub(crate) fn bare_change_label(note: &str) -> Option<String> {
    let lead = leading_label(note)?;
    if !matches!(
        lead.label,
        Label::Update | Label::Correction | Label::Clarification
    ) || strip_markup(note_body(note))
        .chars()
        .any(char::is_alphanumeric)
    {
        return None;
    }
    let label = strip_markup(note);
    Some(
        label
            .trim_matches(|c: char| c.is_whitespace() || c == '(' || c == ')')
            .to_owned(),
    )
}

/// The labels a note can start with, lower case, and the kind each gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Correction,
    Clarification,
    Update,
    Retraction,
    EditorsNote,
    Note,
    /// A stock sentence such as "An earlier version of this article …".
    Sentence,
    /// A later edition that corrects an earlier one: "In yesterday's edition I wrote …".
    Edition,
}

/// Labels in English, French, Spanish and German. A longer label comes before a label it
/// starts with ("corrections" before "correction"), since the first that matches is taken.
const LABELS: &[(&str, Label)] = &[
    ("corrections", Label::Correction),
    ("correction", Label::Correction),
    ("correctif", Label::Correction),
    ("corrección", Label::Correction),
    ("correccion", Label::Correction),
    ("fe de erratas", Label::Correction),
    ("fe de errores", Label::Correction),
    ("errata", Label::Correction),
    ("erratum", Label::Correction),
    ("rectificatif", Label::Correction),
    ("rectificación", Label::Correction),
    ("korrektur", Label::Correction),
    ("berichtigung", Label::Correction),
    ("richtigstellung", Label::Correction),
    ("clarifications", Label::Clarification),
    ("clarification", Label::Clarification),
    ("précision", Label::Clarification),
    ("aclaración", Label::Clarification),
    ("aclaracion", Label::Clarification),
    ("klarstellung", Label::Clarification),
    ("retraction", Label::Retraction),
    ("retracted", Label::Retraction),
    ("rétractation", Label::Retraction),
    ("retractación", Label::Retraction),
    ("widerruf", Label::Retraction),
    ("last updated", Label::Update),
    ("last update", Label::Update),
    // "### *Update notice*", "### Edit history": a heading that names the note it heads.
    ("update notice", Label::Update),
    ("edit history", Label::Update),
    ("revision history", Label::Update),
    ("updated", Label::Update),
    ("updates", Label::Update),
    ("update", Label::Update),
    ("revisions", Label::Update),
    ("mise à jour", Label::Update),
    ("mis à jour", Label::Update),
    ("màj", Label::Update),
    ("actualización", Label::Update),
    ("actualizacion", Label::Update),
    ("actualizado", Label::Update),
    ("aktualisierung", Label::Update),
    ("aktualisiert", Label::Update),
    ("nachtrag", Label::Update),
    ("edit", Label::Update),
    ("editor's note", Label::EditorsNote),
    ("editor’s note", Label::EditorsNote),
    ("editors' note", Label::EditorsNote),
    ("editors’ note", Label::EditorsNote),
    ("editors note", Label::EditorsNote),
    ("editor note", Label::EditorsNote),
    ("editor&#8217;s note", Label::EditorsNote),
    ("editor&rsquo;s note", Label::EditorsNote),
    ("note de la rédaction", Label::EditorsNote),
    ("ndlr", Label::EditorsNote),
    ("n.d.l.r.", Label::EditorsNote),
    ("nota del editor", Label::EditorsNote),
    ("nota de la redacción", Label::EditorsNote),
    ("nota de los editores", Label::EditorsNote),
    ("anmerkung der redaktion", Label::EditorsNote),
    ("hinweis der redaktion", Label::EditorsNote),
    ("anm. d. red.", Label::EditorsNote),
    ("disclaimer", Label::EditorsNote),
    ("avertissement", Label::EditorsNote),
    ("haftungsausschluss", Label::EditorsNote),
    ("note added", Label::Note),
    ("please note", Label::Note),
    ("note", Label::Note),
    // "_NB_: An earlier version of the post labeled the directive type incorrectly."
    ("n.b.", Label::Note),
    ("nb", Label::Note),
    ("nota", Label::Note),
    ("remarque", Label::Note),
    ("hinweis", Label::Note),
    ("anmerkung", Label::Note),
];

const SENTENCES: &[&str] = &[
    "an earlier version of this",
    "a previous version of this",
    "an earlier version of the",
    "a previous version of the",
    "this article has been",
    "this article was",
    "this post has been",
    "this post was",
    "this blog post has been",
    "this blog post was",
    "this blog has been",
    "this blog was",
    "this story has been",
    "this story was",
    "this page has been",
    "this letter was",
    "this letter has been",
    "this essay was",
    "this essay has been",
    "this piece was",
    "this piece has been",
    "this interview was",
    "this section has been",
    "this section was",
    "this guide has been",
    "this document has been",
    "these instructions have been",
    // "The original version of this article has been retracted."
    "the original version of this",
    "the original version of the",
    "une version précédente de cet",
    "une version antérieure de cet",
    "cet article a été",
    "una versión anterior de",
    "este artículo ha sido",
    "este artículo fue",
    "eine frühere version dieses",
    "in einer früheren version",
    "dieser artikel wurde",
];

/// Whether a stock sentence that ends in "of the" goes on to name the article or a part of it
/// ("An earlier version of the story …"), not something else that had versions ("A previous
/// version of the CSS Flexible Box Layout specification set …").
fn speaks_of_the_article(sentence: &str, lower: &str) -> bool {
    const PARTS: &[&str] = &[
        "post",
        "article",
        "story",
        "page",
        "blog",
        "piece",
        "report",
        "text",
        "essay",
        "interview",
        "guide",
        "document",
        "announcement",
        "newsletter",
        "column",
        "headline",
        "title",
        "video",
        "podcast",
        "graphic",
        "chart",
        "map",
        "caption",
        "photo",
        "table",
        "tutorial",
        "letter",
        "section",
        "list",
        "timeline",
        "schedule",
        "release",
        "above",
        "following",
        "original",
    ];
    if !sentence.ends_with(" of the") {
        return true;
    }
    let next = lower[sentence.len()..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .unwrap_or("");
    PARTS.iter().any(|part| next.starts_with(part))
}

/// Words that say an earlier version was wrong.
const WRONG: &[&str] = &[
    "an earlier version",
    "a previous version",
    "incorrect",
    "misstat",
    "misspell",
    "misidentif",
    "misquot",
    "misreport",
    "mistak",
    "erroneous",
    "in error",
    "miscalculat",
    // "Further research … revealed just how flawed my original analysis was."
    "how flawed",
    "was flawed",
    "were flawed",
    "amended to correct",
    "was wrong",
    "were wrong",
    // "The original version of this article suggested that … This is inaccurate"
    "this is inaccurate",
    "was inaccurate",
    "were inaccurate",
    "not from an original source",
    "brought to my attention",
    "we regret the error",
    // "We revised how our financials were reported to correct for errors in our initial
    // calculation"
    "to correct for",
    // "EDIT: Turns out this is not entirely correct"
    "not entirely correct",
    "was not correct",
    "wasn't correct",
    "turns out this",
    "turns out that",
    "correct errors",
    "correct an error",
    "errors in our",
    "error in our",
    // "this was originally reported as CVE-2016-5325, it has been updated with the correct ID"
    "originally reported as",
    "updated with the correct",
    "une version précédente",
    "une version antérieure",
    "erron",
    "par erreur",
    "una versión anterior",
    "por error",
    "frühere version",
    "fälschlich",
    "irrtümlich",
];

/// Words that say the article was withdrawn.
const WITHDRAWN: &[&str] = &[
    "retracted",
    "retracting",
    "we retract",
    "has been withdrawn",
    "have withdrawn",
    "should not have been published",
    "rétract",
    "retiré",
    "retirado",
    "retractamos",
    "zurückgezogen",
];

/// Words that say the article was changed, which make an editor's note or a plain note an
/// update ("This post has been updated to work with Julia 1.x").
const CHANGED: &[&str] = &[
    "has been updated",
    "have been updated",
    "was updated",
    "were updated",
    "been revised",
    "were revised",
    "was revised",
    "has changed since",
    "have changed since",
    "was changed",
    "has been changed",
    "updated to ",
    "updated for ",
    "updated with ",
    "updated on ",
    "edited to ",
    "a été mis à jour",
    "a été modifié",
    "ha sido actualizad",
    "fue actualizad",
    "wurde aktualisiert",
    "wurde geändert",
    // "***(An update to this post is included below)***"
    "an update to this",
    "updates to this",
];

/// Words by which a plain note reports what became of its subject since publication ("Note:
/// Sparse registry support has been stabilized for the 1.68 release", "Note: the API mentioned
/// here has been moved out of the standard library"): a note added later, an update.
const SINCE: &[&str] = &[
    "has since",
    "have since",
    "since been",
    "no longer current",
    "out of date",
    "outdated",
    "has been moved",
    "have been moved",
    "has been stabilized",
    "has been stabilised",
    "have been stabilized",
    "has been deprecated",
    // "Note: Since `essurvey 1.0.0` all `ess_*` functions have been deprecated"
    "have been deprecated",
    "has been delayed",
    "has been postponed",
    "has been extended",
    "has been shut down",
    "have been shut down",
    "has been replaced",
    "have been replaced",
    "has been archived",
    "has been renamed",
    "was renamed",
    // "note: this package used to be called `siftgeojson`"
    "used to be called",
    "used to be named",
    "formerly known as",
    "has been retired",
    "has been cancelled",
    "has been canceled",
    "is now available",
    "are now available",
    "since this post",
    "since this article",
    "since publication",
    // "The following behavior was correct according to the spec at the time of writing. Since
    // then, our spec proposal was accepted"
    "since then",
    "no longer active",
    "is obsolete",
    "are obsolete",
    "been redesigned",
    "unshipped",
    "temporarily ended",
    "has completed its",
    // "Note: There was a build issue discovered immediately after release, so we've also
    // released a hotfix (0.24.1)"
    "hotfix",
    // "Note: Recently, two new UMAP R packages have appeared. These … are more actively
    // maintained."
    "no longer maintained",
    "more actively maintained",
];

fn says_it_was_wrong(lower: &str) -> bool {
    // "If you're running an earlier version, these features won't exist": a version of the
    // software, not of the article.
    let cue_holds = |cue: &&str| {
        lower.match_indices(*cue).any(|(at, _)| {
            !(cue.ends_with(" version")
                && ["running ", "using ", "use ", "install ", "with "]
                    .iter()
                    .any(|verb| lower[..at].ends_with(verb)))
        })
    };
    // "previously the talk was scheduled at 17:25. 11:55 is correct."
    let gives_the_right_value = ["previously", "earlier", "originally"]
        .iter()
        .any(|word| lower.contains(word))
        && [
            " is correct",
            " are correct",
            "is the correct",
            "are the correct",
        ]
        .iter()
        .any(|cue| lower.contains(cue));
    WRONG.iter().any(cue_holds) || gives_the_right_value
}

/// A text in lower case with its runs of white space, line breaks among them, made one space.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether the text under an update heading reports a change: it says what changed, what
/// became of its subject or what was wrong, speaks of the article, or starts with a date.
fn reports_a_change(text: &str) -> bool {
    let lower = one_line(text);
    let start: String = lower.chars().take(40).collect();
    says_it_changed(&lower)
        || says_what_became_of_it(&lower)
        || says_it_was_wrong(&lower)
        || says_it_was_withdrawn(&lower)
        || starts_with_a_change(&lower)
        || has_date(&start)
        || [
            " now ",
            "this post",
            "this article",
            "this page",
            "this blog",
            "since ",
            "as of ",
            "originally",
            "previously",
            "no longer",
            // "The OpenSSL project has released a description of the issue"
            "has released",
            "have released",
        ]
        .iter()
        .any(|cue| lower.contains(cue))
}

/// Whether a note says the article changed, and not that something has not changed yet ("Not
/// all integrations have been updated yet").
fn says_it_changed(lower: &str) -> bool {
    CHANGED.iter().any(|cue| {
        lower.match_indices(cue).any(|(at, _)| {
            let mut from = at.saturating_sub(30);
            while !lower.is_char_boundary(from) {
                from -= 1;
            }
            let before = &lower[from..at];
            !(before.contains("not ")
                || before.contains("n't ")
                || before.trim_end().ends_with("will be")
                || before.trim_end().ends_with("will"))
        })
    })
}

fn says_what_became_of_it(lower: &str) -> bool {
    SINCE.iter().any(|cue| lower.contains(cue))
}

/// Whether a note says what an earlier version held and that it has now been replaced, with no
/// word of an error ("An earlier version of this document listed a number of kubectl commands
/// … These steps have now been encoded in the `cmctl` command"): the article kept up with its
/// subject, an update rather than a correction.
fn is_superseded(lower: &str) -> bool {
    const HELD: &[&str] = &[
        "version of this document listed",
        "version of this post listed",
        "version of this article listed",
        "version of this page listed",
        "version of this guide listed",
        "version of this document included",
        "version of this post included",
        "version of this article included",
        "version of this page included",
        "version of this guide included",
        "version of this document described",
        "version of this post described",
        "version of this article described",
        "version of this guide described",
    ];
    HELD.iter().any(|held| lower.contains(held))
        && lower.contains(" now ")
        && !WRONG
            .iter()
            .filter(|cue| !cue.ends_with(" version"))
            .any(|cue| lower.contains(cue))
}

fn says_it_was_withdrawn(lower: &str) -> bool {
    WITHDRAWN.iter().any(|cue| lower.contains(cue))
}

/// Whether a note's body starts by saying what was done to the article ("Note: updated April
/// 2020 for clarity").
fn starts_with_a_change(lower: &str) -> bool {
    let body = lower.trim_start_matches(is_markup_or_space);
    ["updated", "revised", "corrected", "amended", "edited to"]
        .iter()
        .any(|verb| body.starts_with(verb))
}

/// Whether a note says it makes the article clearer: "to clarify", "for clarity" in a note that
/// says what changed. An interview "edited for clarity" is a disclaimer, not a clarification.
fn says_it_clarifies(lower: &str) -> bool {
    lower.contains("clarif")
        || lower.contains("précis")
        || lower.contains("aclar")
        || lower.contains("klarstell")
        || (lower.contains("for clarity") && !lower.contains("edited for clarity"))
}

fn is_markup_or_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '(' | '[' | ':' | '`' | '|')
}

/// A pictograph or its modifiers ("📝", "⚠️"), which some publishers put before a label.
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D)
}

/// The byte length of the HTML tag `text` starts with, if it starts with one (`<b>`,
/// `</strong>`, `<p class="note">`).
fn tag_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('<')?;
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
        return None;
    }
    let close = rest.find('>')?;
    (!rest[..close].contains('<')).then_some(close + 2)
}

/// The byte length of the markup, spaces, pictographs and HTML tags `text` starts with.
fn lead_len(text: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &text[at..];
        if let Some(len) = tag_len(rest) {
            at += len;
        } else if let Some(c) = rest
            .chars()
            .next()
            .filter(|&c| is_markup_or_space(c) || is_pictograph(c))
        {
            at += c.len_utf8();
        } else {
            return at;
        }
    }
}

/// `text` without HTML tags and emphasis marks, for reading what follows a label.
fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        if let Some(len) = tag_len(rest) {
            at += len;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if !matches!(c, '*' | '_' | '`' | '[' | ']') {
            out.push(c);
        }
        at += c.len_utf8();
    }
    out
}

/// A paragraph's leading label.
struct Lead {
    label: Label,
    /// Byte offset in the paragraph where the text after the label begins.
    body_start: usize,
    /// Whether a date goes with the label ("Update, June 24 2016", "Note, June 2022:"): a
    /// dated note was added after publication.
    dated: bool,
}

/// The label a paragraph starts with, after markup, HTML tags, a pictograph or a date
/// ("October 1, 2019, Update:", "Summer 2017 Update:").
fn leading_label(paragraph: &str) -> Option<Lead> {
    // A list item ("* Update: simplify the parser (fixes #1562)") is a line of a changelog, not
    // a note about the article.
    let start = paragraph.trim_start();
    let digits = start.len() - start.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if ["* ", "- ", "+ "]
        .iter()
        .any(|bullet| start.starts_with(bullet))
        || digits > 0
            && [". ", ") "]
                .iter()
                .any(|end| start[digits..].starts_with(end))
    {
        return None;
    }
    // An admonition's opener ("::: info UPDATE 18 Nov 2025", ":::tip") is no part of the label.
    if let Some(rest) = start.strip_prefix(":::") {
        let rest = rest.trim_start();
        let kind_end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let kind = &rest[..kind_end];
        let admonitions = [
            "note",
            "tip",
            "info",
            "warning",
            "caution",
            "important",
            "danger",
        ];
        if admonitions.contains(&kind.to_ascii_lowercase().as_str()) {
            let rest = &rest[kind_end..];
            let rest = rest.strip_prefix(['\n', ' ']).unwrap_or(rest);
            return label_in_tail(paragraph, rest);
        }
    }
    // A template's box ("{% Aside 'update' %}", "{{< note >}}", "{{% alert title=\"Update\" %}}"):
    // a box named for a change is that note's label, any other is read past.
    if let Some(lead) = after_template_box(paragraph) {
        return Some(lead);
    }
    // A note box's own heading ("<div class=\"note\">\n<h5>Hint</h5>\n<p>Update 29th of September:
    // …") names the box, not the note: the label is read after it.
    if let Some(lead) = after_box_heading(paragraph).and_then(|rest| label_in_tail(paragraph, rest))
    {
        return Some(lead);
    }
    let lead_start = lead_len(paragraph);
    let lead = &paragraph[lead_start..];
    let lower = fold_case(
        &lead[..lead
            .char_indices()
            .nth(120)
            .map_or(lead.len(), |(idx, _)| idx)],
    );
    if SENTENCES
        .iter()
        .any(|sentence| lower.starts_with(sentence) && speaks_of_the_article(sentence, &lower))
    {
        return Some(Lead {
            label: Label::Sentence,
            body_start: lead_start,
            dated: false,
        });
    }
    if is_later_edition(&lower) {
        return Some(Lead {
            label: Label::Edition,
            body_start: lead_start,
            dated: false,
        });
    }
    if let Some(found) = label_at(lead, &lower) {
        // A plain word alone on the first line of a hard-wrapped paragraph ("Edit\n[this file]
        // in the repository") begins a sentence; a label alone on its line is set off by
        // markup ("**Update**", "### Errata") or stands for the whole paragraph.
        let first_line = lead.lines().next().unwrap_or("").trim_end();
        let continues = lead
            .lines()
            .nth(1)
            .is_some_and(|line| !line.trim().is_empty());
        let plain_alone =
            lead_start == 0 && !found.dated && first_line.len() <= found.body_start && continues;
        if !plain_alone {
            return Some(Lead {
                body_start: lead_start + found.body_start,
                ..found
            });
        }
    }
    // A date, or a publisher's name before "Editor's note" ("EPA Editor's Note:"), then a label.
    let mut words = lower.char_indices().filter(|&(idx, c)| {
        !c.is_alphanumeric() && lower[idx + c.len_utf8()..].starts_with(char::is_alphanumeric)
    });
    for _ in 0..6 {
        let (idx, c) = words.next()?;
        let at = idx + c.len_utf8();
        let before = &lower[..idx];
        let Some(found) = label_at(&lead[at..], &lower[at..]) else {
            continue;
        };
        let names_publisher =
            found.label == Label::EditorsNote && before.split_whitespace().count() <= 2;
        let dated = has_date(before) && is_date_like(before);
        if dated || names_publisher {
            return Some(Lead {
                body_start: lead_start + at + found.body_start,
                dated: found.dated || dated,
                ..found
            });
        }
    }
    None
}

/// The label of a paragraph that opens with a template's box tag (Liquid, Nunjucks, Hugo): the
/// box's own kind when it is a change label ("{% Aside 'update' %}"), else the label after the
/// tag; `None` for a paragraph that opens otherwise or with another template tag.
fn after_template_box(paragraph: &str) -> Option<Lead> {
    let start = paragraph.trim_start();
    let (open, close) = [("{%", "%}"), ("{{<", ">}}"), ("{{%", "%}}")]
        .into_iter()
        .find(|(open, _)| start.starts_with(open))?;
    let end = start.find(close)?;
    let inner = start[open.len()..end].to_lowercase();
    let mut words = inner
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty());
    const BOXES: &[&str] = &[
        "aside",
        "callout",
        "note",
        "alert",
        "admonition",
        "notice",
        "box",
        "info",
        "warning",
        "tip",
        "important",
        "caution",
    ];
    if !words.next().is_some_and(|name| BOXES.contains(&name)) {
        return None;
    }
    let rest = &start[end + close.len()..];
    let body_start = paragraph.len() - rest.len();
    let kind = words.find_map(|word| {
        LABELS
            .iter()
            .find(|(label, _)| *label == word)
            .map(|&(_, label)| label)
    });
    match kind {
        Some(
            label @ (Label::Update | Label::Correction | Label::Clarification | Label::Retraction),
        ) => Some(Lead {
            label,
            body_start,
            dated: false,
        }),
        _ => label_in_tail(paragraph, rest.trim_start()),
    }
}

/// The label `rest` starts with, `rest` being the end of `paragraph`, with its offsets into
/// `paragraph`.
fn label_in_tail(paragraph: &str, rest: &str) -> Option<Lead> {
    let offset = paragraph.len() - rest.len();
    leading_label(rest).map(|lead| Lead {
        body_start: offset + lead.body_start,
        ..lead
    })
}

/// What follows a short HTML heading that opens a paragraph, after tags and spaces
/// (`<h5>Hint</h5>` of a note box): `None` when the paragraph opens otherwise.
fn after_box_heading(paragraph: &str) -> Option<&str> {
    let mut at = 0;
    while let Some(len) = tag_len(paragraph[at..].trim_start()) {
        let skipped = paragraph[at..].len() - paragraph[at..].trim_start().len();
        let tag = &paragraph[at + skipped..at + skipped + len];
        at += skipped + len;
        let lower = tag.to_ascii_lowercase();
        if lower.len() == 4 && lower.starts_with("<h") && lower.as_bytes()[2].is_ascii_digit() {
            let close = paragraph[at..].find("</")?;
            let heading = &paragraph[at..at + close];
            // A heading that is itself a label ("<h2>Corrections</h2>") heads the note.
            if heading.contains('<')
                || heading.split_whitespace().count() > 3
                || leading_label(heading).is_some()
            {
                return None;
            }
            let rest = &paragraph[at + close..];
            let rest = &rest[tag_len(rest)?..];
            return Some(rest);
        }
    }
    None
}

/// `text` in lower case, byte for byte: a letter whose lower case has another length in UTF-8
/// ("İ") is kept, so that offsets into the result are offsets into `text`.
fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// Whether a paragraph starts as a later edition's correction of an earlier one ("In
/// yesterday's edition I wrote …", "In last week's newsletter, we said …").
fn is_later_edition(lower: &str) -> bool {
    let Some(rest) = lower.strip_prefix("in ") else {
        return false;
    };
    let head: String = rest.chars().take(40).collect();
    let when = head
        .strip_prefix("a ")
        .or_else(|| head.strip_prefix("an "))
        .unwrap_or(&head);
    [
        "yesterday",
        "last",
        "previous",
        "earlier",
        "our last",
        "friday",
        "monday",
    ]
    .iter()
    .any(|word| when.starts_with(word))
        && ["edition", "newsletter", "issue", "column", "episode"]
            .iter()
            .any(|what| head.contains(what))
}

/// The label `lead` starts with (`lower` is its lower case), if what follows makes it one: a
/// colon, possibly after closing emphasis or a date ("Update 2020-06-18:", "Update, June
/// 2023_:"), a date alone ("**Update, June 24 2016**", "Mise à jour le 5 février 2024 ·"), or
/// nothing else on its line.
fn label_at(lead: &str, lower: &str) -> Option<Lead> {
    for &(word, label) in LABELS {
        if !lower.starts_with(word) {
            continue;
        }
        // The label must end there ("Updates to the schedule" is not a note).
        let after = &lower[word.len()..];
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let line = strip_markup(after.lines().next().unwrap_or(""));
        let before_colon = line.split(':').next().unwrap_or("");
        let has_colon = line.contains(':') && is_date_like(before_colon);
        let stands_alone = line.trim_matches(is_markup_or_space).is_empty();
        // The date a heading or a bold label carries ends at the closing emphasis or a dash.
        let raw_line = after.lines().next().unwrap_or("");
        let date_end = ["**", "__", "</", " - ", " – ", " — ", "_ "]
            .iter()
            .filter_map(|end| raw_line.find(end))
            .min()
            .unwrap_or(raw_line.len());
        let date = strip_markup(&raw_line[..date_end]);
        let dated_label = has_date(&date) && is_date_like(&date);
        // "Updated on 2023-01-10 at 21:30 UTC to include …"
        let is_dated = label == Label::Update
            && (after
                .trim_start_matches(is_markup_or_space)
                .starts_with(|c: char| c.is_ascii_digit())
                || after.trim_start().strip_prefix("on ").is_some_and(|rest| {
                    let rest = rest.trim_start();
                    rest.starts_with(|c: char| c.is_ascii_digit())
                        || MONTHS_AND_WEEKDAYS.iter().any(|name| {
                            rest.strip_prefix(name)
                                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
                        })
                }));
        // "**[Update]** Some readers asked …": a label in brackets needs no colon.
        let bracketed = raw_line.trim_start_matches(['*', '_']).starts_with(']');
        let colon_needed = matches!(label, Label::Note | Label::EditorsNote);
        if has_colon
            || dated_label
            || (bracketed && !colon_needed)
            || (!colon_needed && (stands_alone || is_dated))
        {
            let label_end = lead
                .char_indices()
                .nth(word.chars().count())
                .map_or(lead.len(), |(idx, _)| idx);
            return Some(Lead {
                label,
                body_start: label_end,
                dated: dated_label || (has_colon && has_date(before_colon)) || is_dated,
            });
        }
    }
    None
}

/// Month and weekday names in English, French, Spanish and German, lower case: what dates are
/// written with, for note labels ("Updated Monday, June 3:") and for date facts.
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
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

/// Seasons, which dated labels use too ("Summer 2017 Update:").
const SEASONS: &[&str] = &[
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "printemps",
    "été",
    "automne",
    "hiver",
];

/// Whether `text` names a day, month, season or year: a dated label, not just a colon.
fn has_date(text: &str) -> bool {
    let numbers = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        // A year ("2016", "20200618"), or a day with its month ("6/30", "1-10"): a number
        // alone is a count or a footnote ("Note 1:").
        let digits = word.chars().take_while(char::is_ascii_digit).count();
        digits >= 4
            || digits > 0 && numbers >= 2
            || digits > 0 && is_ordinal(word)
            || MONTHS_AND_WEEKDAYS.contains(&word)
            || SEASONS.contains(&word)
    })
}

/// Whether the text between a label and its colon is empty or a date or time ("2020-06-18",
/// ", June 2023", "on 12 May at 10:30 BST", "September 24th, 2025 17:34:38 UTC"), so that
/// "Corrections officers said:" is no label.
fn is_date_like(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "on", "at", "am", "pm", "utc", "gmt", "bst", "cet", "cest", "et", "pt", "est", "edt",
        "pst", "pdt", "from", "as", "of", "le", "du", "à", "de", "del", "el", "vom", "um", "uhr",
        "h", "added", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec",
    ];
    text.chars().count() <= 48
        && text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .all(|word| {
                word.chars().all(|c| c.is_ascii_digit())
                    || is_ordinal(word)
                    || WORDS.contains(&word)
                    || MONTHS_AND_WEEKDAYS.contains(&word)
                    || SEASONS.contains(&word)
            })
}

/// "1st", "24th", "1er".
fn is_ordinal(word: &str) -> bool {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && ["st", "nd", "rd", "th", "er"].contains(&&word[digits..])
}

/// Phrases that show a note is about the article itself or its editing (with [`PROVENANCE`],
/// where it first appeared).
const ABOUT_THE_ARTICLE: &[&str] = &[
    "this article",
    "this post",
    "this blog",
    "this story",
    "this transcript",
    "this interview",
    "this page",
    "this list",
    "in the series",
    "part of a series",
    "guest post",
    "guest blog",
    "edited",
    "condensed",
    "original blog post",
    "original post",
    "original article",
    "not official",
    "best of their knowledge",
    "best of our knowledge",
    "subject to change",
    "not to be construed",
    "official statement",
    "opinions expressed",
    "views expressed",
    "endorsement",
    "translations",
    "snapshot",
    // "NOTE: all of this is in the context of a conversation on Twitter. It is not a
    // comprehensive perspective"
    "not a comprehensive",
    "not comprehensive",
    "not an exhaustive",
    "not exhaustive",
];

/// Phrases by which an article thanks those who helped make it ("This article was reviewed by
/// …"), a note about its making that reports no change.
const ACKNOWLEDGEMENTS: &[&str] = &["reviewed by", "thanks to", "contributed by"];

/// Acknowledgements that speak of nothing else, which make a plain note one too: "Note: These
/// results were provided by Timothy Gu. Thanks!" (a note's questions "reviewed by" a panel, or
/// a feature "thanks to" which something works, are no acknowledgement).
const CREDITS: &[&str] = &[
    "fact-checked by",
    "proofread by",
    "hero image by",
    "thanks!",
];

/// Phrases that say where an article first appeared.
const PROVENANCE: &[&str] = &[
    "originally published",
    "first published on",
    "first published in",
    // "This article was published on [CodeYourWorld](…)": a site named by its link.
    "published on [",
    "published on <a",
    "originally appeared",
    "first appeared",
    // "This post was originally posted on [Eric's blog](…)"
    "originally posted",
    "first posted",
    // "This post was featured in the R Weekly Highlights podcast"
    "was featured in",
    "was featured on",
    // "Note: The following has been adapted from a section of the forthcoming second edition"
    "adapted from",
    "cross-posted",
    "crossposted",
    "republished",
    "publié initialement",
    "publicado originalmente",
    "ursprünglich veröffentlicht",
    "zuerst erschienen",
];

/// The kind of a labelled note, from its label and body; `None` when the note does not count.
fn kind_of(lead: &Lead, body: &str) -> Option<NoteKind> {
    // Words a hard-wrapped note breaks across lines ("more actively\nmaintained") are read as
    // one phrase.
    let lower = one_line(body);
    let changed = || {
        if says_it_clarifies(&lower) {
            NoteKind::Clarification
        } else {
            NoteKind::Update
        }
    };
    match lead.label {
        Label::Correction => Some(NoteKind::Correction),
        Label::Clarification => Some(NoteKind::Clarification),
        Label::Retraction => Some(NoteKind::Retraction),
        _ if says_it_was_withdrawn(&lower) => Some(NoteKind::Retraction),
        _ if is_superseded(&lower) => Some(changed()),
        // A stock sentence that opens a paragraph ("This article has been light on advice …")
        // owns up to an error in what it says next, not in advice further on ("Make mistakes.").
        Label::Sentence if says_it_was_wrong(opening(&lower)) => Some(NoteKind::Correction),
        _ if lead.label != Label::Sentence && says_it_was_wrong(&lower) => {
            Some(NoteKind::Correction)
        }
        Label::Update => Some(changed()),
        Label::Edition
            if [" wrote", " said", "reported", "stated", "described"]
                .iter()
                .any(|verb| lower.contains(verb)) =>
        {
            Some(NoteKind::Correction)
        }
        Label::Edition => Some(NoteKind::Update),
        Label::Sentence if says_it_changed(&lower) || says_it_clarifies(&lower) => Some(changed()),
        // "This post was originally published on …": where it comes from.
        Label::Sentence if PROVENANCE.iter().any(|phrase| lower.contains(phrase)) => {
            Some(NoteKind::Disclaimer)
        }
        // "This article was reviewed by …" thanks those who helped make it.
        Label::Sentence
            if ACKNOWLEDGEMENTS
                .iter()
                .chain(CREDITS)
                .any(|phrase| lower.contains(phrase)) =>
        {
            Some(NoteKind::Disclaimer)
        }
        // "This article was written by …" reports no change.
        Label::Sentence => None,
        Label::EditorsNote | Label::Note
            if lead.dated
                || says_it_changed(&lower)
                || starts_with_a_change(&lower)
                || says_what_became_of_it(&lower) =>
        {
            Some(changed())
        }
        Label::EditorsNote => Some(NoteKind::Disclaimer),
        Label::Note
            if ABOUT_THE_ARTICLE
                .iter()
                .chain(PROVENANCE)
                .chain(CREDITS)
                .any(|phrase| lower.contains(phrase)) =>
        {
            Some(NoteKind::Disclaimer)
        }
        Label::Note => None,
    }
}

/// The first two sentences of a note's text, where a note that opens with a stock sentence says
/// what was wrong.
fn opening(lower: &str) -> &str {
    let mut ends = lower.match_indices(['.', '!', '?']).filter(|(at, _)| {
        lower[at + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    });
    match ends.nth(1) {
        Some((at, _)) => &lower[..=at],
        None => lower,
    }
}

/// The kind of an unlabelled paragraph set in italics that speaks of the article's own change
/// ("_The date for this post has been updated to reflect the stable release date._"), the way
/// publishers set a note apart without a label; `None` for any other paragraph.
fn self_note(paragraph: &str) -> Option<NoteKind> {
    let trimmed = paragraph.trim();
    let mark = trimmed.chars().next().filter(|&c| c == '_' || c == '*')?;
    // Set in italics, bold italics or parentheses inside them ("***(An update to this post is
    // included below)***"); bold alone sets off a heading or a lead, not a note.
    let bold_only = trimmed.starts_with("**") && !trimmed.starts_with("***");
    if trimmed.len() > 400 || !trimmed.ends_with(mark) || bold_only {
        return None;
    }
    let lower = trimmed.to_lowercase();
    let about = [
        "this post",
        "this article",
        "this story",
        "this blog",
        "this page",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase));
    if !about {
        return None;
    }
    if says_it_was_withdrawn(&lower) {
        Some(NoteKind::Retraction)
    } else if says_it_was_wrong(&lower) {
        Some(NoteKind::Correction)
    } else if says_it_changed(&lower) {
        Some(if says_it_clarifies(&lower) {
            NoteKind::Clarification
        } else {
            NoteKind::Update
        })
    } else {
        None
    }
}

/// The kind of a line that gives an article's versions and what the later one changed
/// ("Version information: Originally published 2021-11-15, updated 2023-06-12 to clarify PMO
/// guidance on notifications."): a note without a label, under whatever heading a publisher
/// gives it. Body text that says something was updated on a date ("The app was updated on
/// May 3 to fix …") says nothing of the article's publication, so the line must.
fn version_line(paragraph: &str) -> Option<NoteKind> {
    let lower = strip_markup(paragraph).to_lowercase();
    if lower.len() > 300 || !lower.contains("published") {
        return None;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let dated_change = words.iter().enumerate().any(|(at, word)| {
        let verb = word.trim_matches(|c: char| !c.is_alphanumeric());
        if !["updated", "revised", "corrected", "amended"].contains(&verb) {
            return false;
        }
        // The date after the verb, then what the change was for.
        let mut next = at + 1;
        while next < words.len() && next <= at + 4 && is_date_like(words[next]) {
            next += 1;
        }
        next > at + 1
            && has_date(&words[at + 1..next].join(" "))
            && words
                .get(next)
                .is_some_and(|word| ["to", "for", "with"].contains(word))
    });
    if !dated_change {
        None
    } else if says_it_was_wrong(&lower) || lower.contains("to correct") {
        Some(NoteKind::Correction)
    } else if says_it_clarifies(&lower) {
        Some(NoteKind::Clarification)
    } else {
        Some(NoteKind::Update)
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
        if let Some(lead) = leading_label(&text[open..inner_end])
            && matches!(
                lead.label,
                Label::Correction | Label::Clarification | Label::Update | Label::Retraction
            )
            && let Some(kind) = kind_of(&lead, &text[open + lead.body_start..inner_end])
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

    /// The kind of the first note found in `text` (the test fails if there is none).
    fn first_kind(text: &str) -> NoteKind {
        kinds(text)[0].0
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
            first_kind("Clarification: The plan covers two towns."),
            NoteKind::Clarification
        );
        assert_eq!(
            first_kind("Update: The council will vote again in May."),
            NoteKind::Update
        );
        assert_eq!(
            first_kind("Rectificatif : le vote a eu lieu mardi."),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind("Mise à jour : la mairie a répondu."),
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
        assert_eq!(first_kind(text), NoteKind::Correction);
    }

    #[test]
    fn stock_sentences_without_a_label() {
        assert_eq!(
            first_kind("An earlier version of this article misstated the date."),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind("This article has been updated with the council's response."),
            NoteKind::Update
        );
        assert_eq!(
            first_kind("Une version précédente de cet article indiquait un mauvais chiffre."),
            NoteKind::Correction
        );
    }

    #[test]
    fn disclaimers_are_told_apart() {
        let opinion = "Editor's Note: The opinions expressed here by the authors are their own.";
        assert_eq!(first_kind(opinion), NoteKind::Disclaimer);
        let condensed = "Note: This interview has been edited and condensed.";
        assert_eq!(first_kind(condensed), NoteKind::Disclaimer);
        let wrong = "Editor's note: An earlier version of this story misidentified the mayor.";
        assert_eq!(first_kind(wrong), NoteKind::Correction);
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
    fn an_editors_note_that_says_the_post_changed_is_an_update() {
        for text in [
            "Editor's note: This post was updated on 12 March to add the council's response.",
            "**Note:** This schedule has changed since this post was first published: the dates of the first two meetings were revised.",
            "_Editor’s Note: This blog was updated 5/3/2016 at 3 p.m._",
            "**Note:** This post has been updated to work with version 2 (the original used version 1).",
        ] {
            assert_eq!(first_kind(text), NoteKind::Update, "{text}");
        }
        assert_eq!(
            first_kind("**Note: updated April 2020 for clarity**"),
            NoteKind::Clarification
        );
    }

    #[test]
    fn a_date_before_or_after_the_label() {
        for text in [
            "**Updated September 24th, 2025 17:34:38 UTC** - The registry has published its own account.",
            "Note added January 2022: the service closed in December.",
            "_Summer 2017 Update: the pilot left beta in June and is open to new teams._",
            "**October 1, 2019, Update:** _The store is currently offline._",
            "> **Update, June 24 2016**\n> \n> The applications were withdrawn by the company.",
            "> **Mise à jour le 5 février 2024** La signature croisée expire bientôt.",
            "> **Aktualisierung am 30. September 2021** Wie geplant ist die Signatur abgelaufen.",
            "[_**Note, August 2026**: a newer introduction is in the tutorial._]",
        ] {
            let text = text.replace("\\n", "\n");
            let found = kinds(&text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].0, NoteKind::Update, "{text}");
        }
    }

    #[test]
    fn labels_inside_markup_brackets_and_after_pictographs() {
        let cases = [
            (
                "<div class=\"info-alert\">\n<p><b>Mise à jour :</b> La recherche est terminée.</p>\n</div>",
                NoteKind::Update,
            ),
            (
                "<p><strong>Correction</strong>: The grant was $2m, not $20m.</p>",
                NoteKind::Correction,
            ),
            (
                "**[Update]** Some readers asked why we are switching so soon.",
                NoteKind::Update,
            ),
            (
                "📝 Correction: The vote was on Tuesday, not Monday.",
                NoteKind::Correction,
            ),
            (
                "⚠️ Update: The meeting moved to the town hall.",
                NoteKind::Update,
            ),
            ("(Update: tentatively moved to May 4.)", NoteKind::Update),
        ];
        for (text, kind) in cases {
            assert_eq!(kinds(text).first().map(|note| note.0), Some(kind), "{text}");
        }
    }

    #[test]
    fn retractions_and_later_editions() {
        assert_eq!(
            first_kind(
                "Retraction: This article has been retracted. The original version remains available for the record."
            ),
            NoteKind::Retraction
        );
        assert_eq!(
            first_kind(
                "Editor's note: We have retracted this story, which should not have been published."
            ),
            NoteKind::Retraction
        );
        assert_eq!(
            first_kind(
                "In yesterday's edition I wrote that the bridge cost $4 million. It cost $40 million."
            ),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind(
                "In last week’s newsletter, we said the library closes on Sundays; it opens from noon."
            ),
            NoteKind::Correction
        );
        assert_eq!(kinds("In yesterday's match the home side won 2-0."), []);
    }

    #[test]
    fn spanish_german_and_french_labels() {
        let cases = [
            (
                "Corrección: La votación fue el martes.",
                NoteKind::Correction,
            ),
            (
                "Fe de erratas: el presupuesto es de 3 millones.",
                NoteKind::Correction,
            ),
            (
                "Nota del editor: Una versión anterior de este artículo atribuía mal la cita.",
                NoteKind::Correction,
            ),
            (
                "Actualización: el ayuntamiento respondió el lunes.",
                NoteKind::Update,
            ),
            (
                "Aclaración: el plan cubre dos municipios.",
                NoteKind::Clarification,
            ),
            (
                "Korrektur: In einer früheren Version hieß es, die Sitzung sei am Montag.",
                NoteKind::Correction,
            ),
            (
                "Aktualisierung, 3. März 2024: Die Stadt hat geantwortet.",
                NoteKind::Update,
            ),
            (
                "Anmerkung der Redaktion: Dieser Artikel wurde aktualisiert.",
                NoteKind::Update,
            ),
            (
                "Précision : le plan concerne deux communes.",
                NoteKind::Clarification,
            ),
        ];
        for (text, kind) in cases {
            assert_eq!(kinds(text).first().map(|note| note.0), Some(kind), "{text}");
        }
    }

    #[test]
    fn an_italic_line_about_the_post_is_a_note() {
        assert_eq!(
            first_kind(
                "_The date for this post has been updated to reflect the stable release date._"
            ),
            NoteKind::Update
        );
        assert_eq!(kinds("_This post is about the release process._"), []);
        // Bold italics around a parenthesis: a pointer to the update further down.
        assert_eq!(
            first_kind("***(An update to this article is included at the end)***"),
            NoteKind::Update
        );
        // Bold alone sets off a lead sentence, not a note.
        assert_eq!(kinds("**This post has been long in the making.**"), []);
    }

    #[test]
    fn a_plain_note_that_says_what_became_of_its_subject_is_an_update() {
        assert_eq!(
            first_kind(
                "_Note: The endpoint described here has since been moved to version 2 of the API._"
            ),
            NoteKind::Update
        );
        assert_eq!(
            first_kind("> Note: Offline maps have been stabilized for the 3.2 release."),
            NoteKind::Update
        );
        assert_eq!(
            kinds("Note: the flag is required on older kernels.")[0..],
            []
        );
    }

    #[test]
    fn a_note_dated_with_from_or_as_of() {
        assert_eq!(
            first_kind(
                "> Note from 2024-05-02: an earlier version of this post gave the wrong port."
            ),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind("Update as of May 2021: the service now runs in two regions."),
            NoteKind::Update
        );
        assert_eq!(kinds("Note of caution: the pass closes at dusk."), []);
    }

    #[test]
    fn sentences_about_instructions_and_the_original_version() {
        assert_eq!(
            first_kind("These instructions have been updated to cover version 2 of the installer."),
            NoteKind::Update
        );
        assert_eq!(
            first_kind(
                "The original version of this essay has been retracted. We regret publishing it."
            ),
            NoteKind::Retraction
        );
        assert_eq!(kinds("These instructions have been tested on Linux."), []);
        assert_eq!(
            kinds("The original version of this game came out in 1981."),
            []
        );
    }

    #[test]
    fn an_update_that_gives_the_correct_value_is_a_correction() {
        assert_eq!(
            first_kind(
                "**Update 3 May 2021: this was first reported as ticket 4411; it has been updated with the correct number, 4412.**"
            ),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind("Update, 3 May 2021: the advisory was originally reported as low severity."),
            NoteKind::Correction
        );
    }

    #[test]
    fn updated_on_a_named_day() {
        assert_eq!(
            first_kind("*Updated on March 4, 2022 to include the new mirror in Lyon.*"),
            NoteKind::Update
        );
        assert_eq!(kinds("Updated on schedule, the mirrors sync hourly."), []);
    }

    #[test]
    fn disclaimers_and_where_a_post_first_appeared() {
        assert_eq!(
            first_kind(
                "*Disclaimer: The packages are built by volunteers and are not official releases.*"
            ),
            NoteKind::Disclaimer
        );
        assert_eq!(
            first_kind(
                "_This blog post was originally published on [the author's site](https://example.org/post)._"
            ),
            NoteKind::Disclaimer
        );
        assert_eq!(
            first_kind("(This post was first published on the team's wiki.)"),
            NoteKind::Disclaimer
        );
        assert_eq!(kinds("This post was written on a train."), []);
    }

    #[test]
    fn a_numbered_note_is_not_a_dated_one() {
        // "Note 1:" is a footnote; "Note 2024-05-02:" and "Note 6/30:" carry dates.
        assert_eq!(
            kinds("_Note 1: technically, the installer creates the folder for you._"),
            []
        );
        assert!(!has_date(" 1"));
        assert!(has_date(" 2024-05-02"));
        assert!(has_date(" 6/30"));
        assert!(has_date(" 3rd"));
        assert!(has_date(" june"));
    }

    #[test]
    fn a_dated_update_with_a_title_heads_its_text() {
        assert!(is_dated_title(
            "_(Update 28-February-2018)_ **Security releases available**"
        ));
        assert!(is_dated_title("Update, May 3 2021: New mirrors"));
        assert!(!is_dated_title(
            "Update, May 3 2021: the mirrors moved to Lyon."
        ));
        assert!(!is_dated_title("Update: New mirrors"));
    }

    #[test]
    fn list_items_and_plain_words_alone_are_not_labels() {
        assert_eq!(
            kinds(
                "* **Update:** You can now use comments to turn rules off ([#305](https://example.org/305))"
            ),
            []
        );
        assert_eq!(kinds("- Update: simplify the parser (fixes #12)"), []);
        assert_eq!(kinds("3. Update: the mirror list"), []);
        // A plain word alone on the first line of a hard-wrapped sentence.
        assert_eq!(
            kinds("Edit\n[this file](https://example.org/f) in the repository and run make."),
            []
        );
        // Set off by markup, a label alone still heads what follows.
        assert_eq!(
            first_kind("**Update**\nThe mirrors moved to Lyon."),
            NoteKind::Update
        );
    }

    #[test]
    fn admonitions_open_with_their_kind() {
        assert_eq!(
            first_kind(
                ":::tip\nThis article was originally published on [the author's site](https://example.org)."
            ),
            NoteKind::Disclaimer
        );
        assert_eq!(
            first_kind("::: info UPDATE 18 Nov 2025\nThe mirrors moved to Lyon."),
            NoteKind::Update
        );
        assert_eq!(kinds(":::tip\nRun the tests twice."), []);
    }

    #[test]
    fn what_has_not_changed_yet_is_no_update() {
        assert_eq!(
            kinds("> **NOTE:** Not all plugins have been updated yet, so bear with us."),
            []
        );
        assert_eq!(
            first_kind("> **Note:** The plugins have been updated for version 3."),
            NoteKind::Update
        );
    }

    #[test]
    fn corrections_that_fix_errors_or_give_the_right_value() {
        assert_eq!(
            first_kind(
                "**Updated (2024-02-29):** We revised the totals to correct for errors in our first count."
            ),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind("**Update:** previously the talk was listed at 17:25. 11:55 is correct."),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind("**Update:** the talk is at 11:55; the room is correct as listed."),
            NoteKind::Update
        );
    }

    #[test]
    fn disclaimers_about_how_sure_or_final_a_post_is() {
        assert_eq!(
            first_kind(
                "<i>Note: The answers are given by volunteers to the best of their knowledge.</i>"
            ),
            NoteKind::Disclaimer
        );
        assert_eq!(
            first_kind("*Note: Times and rooms are subject to change.*"),
            NoteKind::Disclaimer
        );
    }

    #[test]
    fn editor_notes_and_last_updated_stamps() {
        assert_eq!(
            first_kind(
                "> Editor note: The team was renamed. The link in this article has been updated."
            ),
            NoteKind::Update
        );
        assert_eq!(
            first_kind(
                "*Last updated: 2017/07/21 12:00 UTC. This page will be updated as news arrives.*"
            ),
            NoteKind::Update
        );
        assert_eq!(kinds("Last updated versions are listed below."), []);
    }

    #[test]
    fn what_became_of_the_subject_and_what_will_be_done() {
        assert_eq!(
            first_kind("> Note: The mailing lists have been shut down and replaced with forums."),
            NoteKind::Update
        );
        // A post that "will be updated" has not been yet.
        assert_eq!(
            kinds("*Note:* if that happens, the schedule will be\nupdated with details."),
            []
        );
    }

    #[test]
    fn an_edit_that_says_the_text_turned_out_wrong_is_a_correction() {
        assert_eq!(
            first_kind(
                "EDIT: Turns out this is not entirely correct, as the rule applies to blocks only."
            ),
            NoteKind::Correction
        );
    }

    #[test]
    fn a_letter_first_published_elsewhere_is_provenance() {
        assert_eq!(
            first_kind("_This letter was originally published in our 2020 annual report._"),
            NoteKind::Disclaimer
        );
    }

    #[test]
    fn a_note_box_with_a_heading_of_its_own() {
        assert_eq!(
            first_kind(
                "<div class=\"note\">\n  <h5>Hint</h5>\n  <p>\n    Update 3rd of May: the mirror is back.\n  </p>\n</div>"
            ),
            NoteKind::Update
        );
        assert_eq!(
            kinds("<div class=\"note\">\n  <h5>Hint</h5>\n  <p>Run the tests twice.</p>\n</div>"),
            []
        );
    }

    #[test]
    fn a_bare_change_label_is_its_label_and_date() {
        assert_eq!(
            bare_change_label("_Updated January 26, 2026._ </Note>").as_deref(),
            Some("Updated January 26, 2026.")
        );
        assert_eq!(
            bare_change_label("**Update, June 24 2016**").as_deref(),
            Some("Update, June 24 2016")
        );
        assert_eq!(
            bare_change_label("Update, June 24 2016: the talk moved."),
            None
        );
        assert_eq!(bare_change_label("Editor's note, May 2020"), None);
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
            "This article was written by the council's press office.",
            "Summer 2017 was the hottest on record: rivers ran dry.",
            "## Update go.mod",
            "### Update bundled musl to 1.2.5",
            "Hinweis: Es wird empfohlen, immer einen einfachen HTTP-Zugriff zuzulassen.",
            "Nota: Recomendamos siempre permitir el acceso HTTP simple.",
            "Note: Be sure to keep your database credentials out of your source.",
            "NBA finals: the series is tied.",
            "The app was updated on May 3 to fix a crash.",
            "Published by the council; updated figures follow.",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }

    #[test]
    fn short_labels_and_version_lines() {
        assert_eq!(
            first_kind(
                "> **Please note:** AWS has updated the end of support to February 2024. A \
                 previous version of this post said that support was ending December 2023."
            ),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind(
                "_NB_: An earlier verion of the post labeled the directive type incorrectly."
            ),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind(
                "Version information: Originally published 2021-11-15, updated 2023-06-12 to \
                 clarify PMO guidance on notifications."
            ),
            NoteKind::Clarification
        );
        assert_eq!(
            first_kind("First published March 3; updated March 5 to correct a name."),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind("Originally published 2020-01-02, updated 2020-02-03 for the new API."),
            NoteKind::Update
        );
    }

    #[test]
    fn template_boxes_acknowledgements_and_other_versions() {
        assert_eq!(
            first_kind(
                "{% Aside 'update' %}\nFLEDGE has been renamed to Protected Audience API.\n{% endAside %}"
            ),
            NoteKind::Update
        );
        assert_eq!(
            first_kind("{{< note >}}\n**Correction:** The vote was on Tuesday.\n{{< /note >}}"),
            NoteKind::Correction
        );
        assert_eq!(
            first_kind("This article was reviewed by Joe Medley and Rachel Andrew."),
            NoteKind::Disclaimer
        );
        assert_eq!(
            first_kind(
                "**Updated Oct 1, 2012:** The original version of this article suggested that \
                 the specification had changed. This is inaccurate."
            ),
            NoteKind::Correction
        );
        for text in [
            "{% Aside 'caution' %}\nChrome DevTools experiments may be unstable.\n{% endAside %}",
            "{% include 'footer.html' %}",
            "A previous version of the CSS Flexible Box Layout specification set the static \
             position of absolute-positioned children.",
            "Note: It may be needed to force close Chrome so it restarts with the correct \
             command line.",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }

    #[test]
    fn what_became_of_the_subject_later_credits_and_superseded_versions() {
        // What became of the subject after the article: an update, whatever the label.
        for text in [
            "Note: The steering group has completed its work and is no longer active.",
            "Note: The behaviour below matched the draft standard when we wrote it. Since then \
             the draft has been accepted.",
            "Note: Unshipped again.",
            "Note: The interface described here is obsolete.",
        ] {
            assert_eq!(first_kind(text), NoteKind::Update, "{text}");
        }
        // Thanks alone make a plain note an acknowledgement; a panel that reviews questions
        // does not.
        assert_eq!(
            first_kind("Note: These timings were measured by Ana Ortiz. Thanks!"),
            NoteKind::Disclaimer
        );
        assert!(kinds("Note: Questions sent in advance will be reviewed by the panel.").is_empty());
        // A site named by its link is where the article first appeared.
        assert_eq!(
            first_kind("This article was published on [Field Notes](https://example.org/notes)."),
            NoteKind::Disclaimer
        );
        // What an earlier version held and has now been replaced is an update; with a word
        // of an error it stays a correction.
        assert_eq!(
            first_kind(
                "An earlier version of this guide listed three manual steps. They have now \
                 been folded into one command."
            ),
            NoteKind::Update
        );
        assert_eq!(
            first_kind(
                "An earlier version of this guide listed port 8080 by mistake; it is now 8443."
            ),
            NoteKind::Correction
        );
    }

    #[test]
    fn headings_names_renames_and_provenance() {
        // A heading that names the note it heads.
        for text in [
            "### *Update notice*\n\nWe have changed how the command reads its options.",
            "### Edit history",
        ] {
            assert_eq!(first_kind(text), NoteKind::Update, "{text}");
        }
        // What became of the subject: renamed, deprecated, fixed by a hotfix, outgrown; a
        // phrase broken across lines is still read.
        for text in [
            "> note: this library used to be called `tilecut`",
            "Note: Since version 2.0 all `read_*` functions have been deprecated.",
            "**Note:** A packaging fault was found right after the release, so we shipped a \
             hotfix (3.1.1).",
            "> Note: Two newer packages cover the same ground and are more actively\nmaintained.",
        ] {
            assert_eq!(first_kind(text), NoteKind::Update, "{text}");
        }
        // A later finding that the article was flawed owns up to an error.
        assert_eq!(
            first_kind("Update: Later checks showed how flawed the first estimate was."),
            NoteKind::Correction
        );
        // Where the article comes from, who wrote it, that it does not cover everything.
        for text in [
            "*This post was originally posted on [the team blog](https://example.org/).*",
            "> This post was contributed by [Ada Byrne](https://example.org/ada). Thank you!",
            "*This post was featured in the [Weekly Digest podcast](https://example.org/14).*",
            "**Note:** The following has been adapted from a chapter of our handbook.",
            "NOTE: these figures come from one survey. It is not a\ncomprehensive picture.",
        ] {
            assert_eq!(first_kind(text), NoteKind::Disclaimer, "{text}");
        }
    }

    #[test]
    fn what_a_stock_sentence_or_a_heading_goes_on_to_say() {
        // A stock sentence owns up to an error in what it says next, not in advice further on.
        let advice = "This article has been light on advice about colours. Mostly, this is to \
                      encourage trying things. Make mistakes.";
        assert!(kinds(advice).is_empty(), "{:?}", kinds(advice));
        // A software version is not a version of the article.
        assert!(
            kinds("**Note:** If you're running an\nearlier version, these menus won't exist.")
                .is_empty()
        );
        // A dated heading stays the note; what it heads says which kind.
        let text = "## Update! (3 May 2022)\n\nA second look showed how flawed my first \
                    analysis was.\n\nThe rest of the post.";
        assert_eq!(
            kinds(text),
            [(NoteKind::Correction, "## Update! (3 May 2022)".to_owned())]
        );
        // A heading "Updates" over text that reports no change is a section of the article;
        // over news since publication, a note.
        for text in [
            "## Updates\n\n1. A change to the board. Two members stepped down.",
            "## Update\n\nTo update the extension, publish a new version of it.",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
        assert_eq!(
            first_kind("### Update\n\nThe vendor has released a description of the flaw."),
            NoteKind::Update
        );
    }
}
