//! Reconciliation: the correction note's claims checked against the changes, by simple explicit rules.
//!
//! A note makes claims: values it quotes or names ("misstated the figure as 60,000"), parts of
//! the article ("the title", "subheadings", "the caption"), kinds of fact ("the name", "the
//! date"), and the size of the edit ("shortened", "entirely reworked", "a paragraph was
//! removed"). Each claim is checked against the comparison, and each change is marked as
//! explained by a claim or not mentioned. The wording stays factual and modest: Redline reports
//! what the texts show, never intent.

use serde::{Deserialize, Serialize};

use crate::diff::tokenize::tokenize;
use crate::model::{BlockKind, Comparison};
use std::ops::Range;

use crate::model::{ChangeText, FactKind, change_texts};
use crate::note::detect::{NoteKind, detect_notes};
use crate::note::facts::{is_magnitude, levenshtein};

/// What a claim of the note is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum ClaimKind {
    /// Text the note quotes.
    Quoted(String),
    /// A number the note gives.
    Number(String),
    /// A kind of fact the note names ("the name", "the figure", "the date", "the quote",
    /// "the link", "the headline", "the subheadings").
    Fact(FactKind),
    /// "subtitle", "standfirst": the line after the headline.
    Subtitle,
    /// "caption", "photo", "image": not in the texts Redline compares.
    Caption,
    /// "shortened", "trimmed", "condensed".
    Shortened,
    /// "reworked", "rewritten", "refocused", "restructured", and notes that disown or replace
    /// the whole earlier version ("posted in error", "updated throughout"): the whole article.
    Reworked,
    /// "removed a paragraph", "a sentence was deleted".
    Removed,
    /// "added a paragraph", "a section has been added".
    Added,
    /// "a typo", "the spelling of", "misspelled": changes that fix a word's letters.
    Spelling,
    /// Words of a change that the note repeats without quoting them ("this post was prepared
    /// last week" for "Last week" → "Two weeks ago").
    Repeated(String),
    /// Markup the note names ("noscript tags"): the changes that add or remove such elements.
    Markup(String),
    /// What the note says an earlier version stated, in its own words rather than quoted ("an
    /// earlier version stated that the rollout would begin in the Great Lakes Region"): the
    /// changes inside the original's sentence that says so.
    Stated(String),
    /// What the note says it changed, in its own words, when it names no part or value ("to
    /// clarify PMO guidance on notifications", "updated the details of the project meeting"):
    /// the changes in the paragraphs whose changed words name it.
    Topic(String),
    /// "This section was updated", said by a note inside the article: the changes of the
    /// section it stands in, from the heading above it to the next heading of that level.
    Section,
}

/// Why a change is part of the note rather than a change the note explains. Such changes are
/// left out of the note's count: the note is never one of the changes it explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotePart {
    /// The note's own text, added to the reworked version.
    Note,
    /// An edit inside a note that both versions carry ("Update, February 20" → "Update,
    /// March 13").
    Edited,
    /// Text added under a note that is a heading ("## (Update 14-February-2023)"): the
    /// update's own text, up to the next heading of its level.
    Section,
    /// A Markdown link definition (`[label]: https://…`) that the note's text refers to.
    Reference,
    /// Strike-through marks (`~~`, `<del>`) put around words the reworked version keeps:
    /// the correction shown in place.
    Struck,
    /// A flag put on words the reworked version keeps, saying they are out of date ("**[This
    /// section out of date]**"), where a note says what is no longer accurate.
    Flag,
    /// The article's own date of update, changed with it ("Updated 9:00 AM" → "Updated 11:30
    /// AM", a front matter's `updated: 2023-04-21`).
    Stamp,
}

impl NotePart {
    /// How a reader is told why the change is part of the note.
    pub fn label(self) -> &'static str {
        match self {
            NotePart::Note => "the note's own text",
            NotePart::Edited => "an edit of the note's own text",
            NotePart::Section => "the update's own text, under its heading",
            NotePart::Reference => "a link the note refers to",
            NotePart::Struck => "old words struck out in place, as the correction shows them",
            NotePart::Flag => "a flag on old words, as the note says they are out of date",
            NotePart::Stamp => "the article's date of update",
        }
    }
}

/// One claim of the note and what the comparison says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimCheck {
    /// What the claim is about.
    pub kind: ClaimKind,
    /// The words of the note that make the claim.
    pub text: String,
    /// The changes it matches (empty: no matching change found).
    pub changes: Vec<usize>,
    /// Whether the texts bear the claim out: a matching change, or for size claims the counts.
    pub matched: bool,
}

/// The note against the changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reconciliation {
    /// Each claim found in the note, checked.
    pub claims: Vec<ClaimCheck>,
    /// For each numbered change, whether a claim explains it (or it is part of the note).
    pub explained: Vec<bool>,
    /// For each numbered change, whether it is part of the note, and how; such changes are
    /// left out of the count in [`summary`](Self::summary).
    #[serde(default)]
    pub note_parts: Vec<Option<NotePart>>,
    /// Numbered changes that alter a fact and that no claim explains.
    pub unmentioned_fact_changes: Vec<usize>,
    /// One sentence that sums it up.
    pub summary: String,
}

/// Checks `note` against the comparison of `original` and `reworked`.
///
/// ```
/// use redline_engine::{compare, reconcile};
///
/// let original = "Council approves plan\n\nThe plan costs $50,000 and starts Monday.";
/// let reworked = "Council approves plan\n\nThe plan costs $30,000 and starts Tuesday.";
/// let comparison = compare(original, reworked);
/// let checked = reconcile("Correction: we misstated the cost as $50,000.", &comparison, original, reworked);
/// assert_eq!(checked.explained, [true, false]);
/// assert_eq!(
///     checked.summary,
///     "The note mentions 1 of 2 changes; 1 change to facts is not mentioned."
/// );
/// ```
pub fn reconcile(
    note: &str,
    comparison: &Comparison,
    original: &str,
    reworked: &str,
) -> Reconciliation {
    let texts = change_texts(comparison);
    let n_changes = comparison.n_changes;
    let changed: Vec<(String, String)> = texts
        .iter()
        .map(|text| (text.deleted_text(original), text.inserted_text(reworked)))
        .collect();
    let facts_of = |kind: FactKind| -> Vec<usize> {
        let mut res: Vec<usize> = comparison
            .facts
            .iter()
            .filter(|fact| fact.kind == kind)
            .map(|fact| fact.change)
            .collect();
        res.dedup();
        res
    };
    let stats = &comparison.stats;
    let block_changes = |kind: BlockKind| -> Vec<usize> {
        let mut res: Vec<usize> = comparison
            .blocks
            .iter()
            .filter(|block| block.kind == kind)
            .filter_map(|block| block.change)
            .collect();
        res.dedup();
        res
    };
    let all_changes: Vec<usize> = (0..n_changes).collect();

    // The label and the date it carries ("Update, 14 February 2023:") say when, not what.
    let body = crate::note::detect::note_body(note);
    // Figures and quotes are looked for in what a reader reads of a change, not in the
    // addresses of its links: "v4.4.2" in a note is not the link to `/release/v4.4.2/`. With
    // no words in the note there is nothing to look for: the page checks an empty note at
    // every key press, and reading every change of a long text costs it milliseconds.
    let readable_changed: Vec<(String, String)> = if body.trim().is_empty() {
        Vec::new()
    } else {
        changed
            .iter()
            .map(|(deleted, inserted)| {
                (
                    normalize(&readable(deleted)),
                    normalize(&readable(inserted)),
                )
            })
            .collect()
    };
    let mut claims = Vec::new();
    let mut found = find_claims(body);
    if found.is_empty()
        && let Some(label) = crate::note::detect::bare_change_label(note)
    {
        found.push((ClaimKind::Reworked, label));
    }
    for (kind, text) in found {
        let (changes, matched) = match &kind {
            ClaimKind::Quoted(value) | ClaimKind::Number(value) => {
                let value = normalize(value);
                // A figure is matched in the changed text, or in the figures the change
                // alters ("$70 billion" when only "billion" was inserted).
                let in_facts = |change: usize| {
                    matches!(kind, ClaimKind::Number(_))
                        && comparison.facts.iter().any(|fact| {
                            fact.change == change
                                && fact.kind == FactKind::Number
                                && normalize(&fact.old).contains(&value)
                                    != normalize(&fact.new).contains(&value)
                        })
                };
                // Quoted old wording explains the changes inside the words it quotes: "described
                // the section as 'Burning down the tree'" explains "Burning down" → "Pruning".
                let inside_quote = |deleted: &str| {
                    matches!(kind, ClaimKind::Quoted(_))
                        && deleted.chars().filter(|c| c.is_alphanumeric()).count() >= 3
                        && value.contains(deleted)
                };
                // A time or a date the note gives is matched by its parts: "2015-07-15 13:00"
                // explains "06" → "15".
                let parts: Vec<&str> =
                    if matches!(kind, ClaimKind::Number(_)) && text.contains([':', '-', '/']) {
                        value.split(' ').collect()
                    } else {
                        vec![value.as_str()]
                    };
                // A figure on both sides of a change is one the change keeps: "Chrome 53" in a
                // note does not explain "M53" → "Chrome 53". Quoted words may stand on both.
                let names = |deleted: &str, inserted: &str, part: &str| {
                    let (old, new) = (deleted.contains(part), inserted.contains(part));
                    if matches!(kind, ClaimKind::Number(_)) {
                        old != new
                    } else {
                        old || new
                    }
                };
                let changes: Vec<usize> = readable_changed
                    .iter()
                    .enumerate()
                    .filter(|(change, (deleted, inserted))| {
                        parts.iter().any(|part| names(deleted, inserted, part))
                            || inside_quote(deleted)
                            || in_facts(*change)
                    })
                    .map(|(change, _)| change)
                    .collect();
                let matched = !changes.is_empty();
                // A time or figure moved with the one the note gives, on its line: "the panel
                // was 16:55, it has been moved to 14:55" explains "17:30" → "15:30" after it.
                let mut changes = changes;
                if matches!(kind, ClaimKind::Number(_)) {
                    let lines: Vec<Range<usize>> = changes
                        .iter()
                        .filter_map(|&change| texts[change].inserted.first())
                        .map(|range| line_around(reworked, range.start))
                        .collect();
                    for (change, (deleted, inserted)) in changed.iter().enumerate() {
                        let on_a_line = texts[change].inserted.first().is_some_and(|range| {
                            lines.iter().any(|line| line.contains(&range.start))
                        });
                        if !changes.contains(&change)
                            && on_a_line
                            && is_figure(deleted)
                            && is_figure(inserted)
                        {
                            changes.push(change);
                        }
                    }
                    changes.sort_unstable();
                }
                (changes, matched)
            }
            ClaimKind::Fact(fact) => {
                // "the number of homes" names what the number is of: the changes of that kind
                // whose paragraph speaks of homes, when there are any.
                let mut changes = facts_of(*fact);
                // "The numbers in this post" speaks of every change that alters a figure, rows
                // added and removed whole too.
                if *fact == FactKind::Number && ["numbers", "figures"].contains(&text.as_str()) {
                    for (change, (deleted, inserted)) in readable_changed.iter().enumerate() {
                        let has_figure = |text: &str| {
                            text.split(' ')
                                .any(|word| word.chars().any(|c| c.is_ascii_digit()))
                        };
                        if !changes.contains(&change)
                            && (has_figure(deleted) || has_figure(inserted))
                        {
                            changes.push(change);
                        }
                    }
                    changes.sort_unstable();
                }
                // "The name was changed" speaks of a name replaced, not of the names in a
                // paragraph added whole: replacements first, when there are any.
                let replaced: Vec<usize> = changes
                    .iter()
                    .copied()
                    .filter(|&change| {
                        !changed[change].0.trim().is_empty() && !changed[change].1.trim().is_empty()
                    })
                    .collect();
                if !replaced.is_empty() && !["numbers", "figures"].contains(&text.as_str()) {
                    changes = replaced;
                }
                if let Some(subject) = subject_of(&text) {
                    let about: Vec<usize> = changes
                        .iter()
                        .copied()
                        .filter(|&change| speaks_of(comparison, texts[change].block, &subject))
                        .collect();
                    if !about.is_empty() {
                        changes = about;
                    }
                }
                let matched = !changes.is_empty();
                (changes, matched)
            }
            ClaimKind::Subtitle => {
                let changes = subtitle_changes(comparison);
                let matched = !changes.is_empty();
                (changes, matched)
            }
            ClaimKind::Caption => (Vec::new(), false),
            ClaimKind::Shortened => {
                let changes = if stats.reworked_words < stats.original_words {
                    changed
                        .iter()
                        .enumerate()
                        .filter(|(_, (deleted, inserted))| n_words(deleted) > n_words(inserted))
                        .map(|(change, _)| change)
                        .collect()
                } else {
                    Vec::new()
                };
                (changes, stats.reworked_words < stats.original_words)
            }
            ClaimKind::Reworked => (all_changes.clone(), n_changes > 0),
            ClaimKind::Spelling => {
                let changes: Vec<usize> = changed
                    .iter()
                    .enumerate()
                    .filter(|(_, (deleted, inserted))| is_respelling(deleted, inserted))
                    .map(|(change, _)| change)
                    .collect();
                let matched = !changes.is_empty();
                (changes, matched)
            }
            // Made below, from the changes.
            ClaimKind::Repeated(_) => (Vec::new(), false),
            ClaimKind::Markup(tag) => {
                let opening = format!("<{tag}");
                let changes: Vec<usize> = changed
                    .iter()
                    .enumerate()
                    .filter(|(_, (deleted, inserted))| {
                        deleted.to_lowercase().contains(&opening)
                            || inserted.to_lowercase().contains(&opening)
                    })
                    .map(|(change, _)| change)
                    .collect();
                let matched = !changes.is_empty();
                (changes, matched)
            }
            ClaimKind::Stated(stated) => {
                // The changes inside the original's sentence that says what the note says
                // it stated: most of the note's words stand in that sentence.
                let said = content_words(stated);
                let says_it = |sentence: &str| {
                    let words = content_words(sentence);
                    let shared = said.iter().filter(|word| words.contains(word)).count();
                    shared * 5 >= said.len() * 3
                };
                let changes: Vec<usize> = texts
                    .iter()
                    .enumerate()
                    .filter(|(_, text)| {
                        // Where the change stands in the original: its first deletion, or where
                        // its insertion goes.
                        let at =
                            text.deleted.first().cloned().or_else(|| {
                                text.original_points.first().map(|&point| point..point)
                            });
                        at.is_some_and(|at| says_it(sentence_around(original, at)))
                    })
                    .map(|(change, _)| change)
                    .collect();
                let matched = !changes.is_empty();
                (changes, matched)
            }
            ClaimKind::Topic(topic) => {
                // A paragraph is about the topic when one change's words name most of it, and
                // then each change of that paragraph is part of what the note describes, a
                // respelling aside: a typo fixed beside it is no part of the topic.
                let stems = topic_stems(topic);
                let needed = stems.len().min(2);
                let blocks: Vec<usize> = changed
                    .iter()
                    .enumerate()
                    .filter(|(_, (deleted, inserted))| {
                        let said = topic_stems(&format!("{deleted} {inserted}"));
                        stems.iter().filter(|stem| said.contains(stem)).count() >= needed
                    })
                    .map(|(change, _)| texts[change].block)
                    .collect();
                let changes: Vec<usize> = (0..n_changes)
                    .filter(|&change| {
                        blocks.contains(&texts[change].block)
                            && !is_respelling(&changed[change].0, &changed[change].1)
                    })
                    .collect();
                let matched = !changes.is_empty();
                (changes, matched)
            }
            ClaimKind::Section => {
                let changes = match note_place(note, &text, reworked) {
                    Some(at) => {
                        let section = section_around(reworked, at);
                        texts
                            .iter()
                            .enumerate()
                            .filter(|(_, text)| {
                                text.inserted
                                    .first()
                                    .map(|range| range.start)
                                    .or_else(|| text.reworked_points.first().copied())
                                    .is_some_and(|point| section.contains(&point))
                            })
                            .map(|(change, _)| change)
                            .collect()
                    }
                    None => Vec::new(),
                };
                let matched = !changes.is_empty();
                (changes, matched)
            }
            ClaimKind::Removed => {
                let changes = block_changes(BlockKind::Deleted);
                let matched = !changes.is_empty();
                (changes, matched)
            }
            ClaimKind::Added => {
                let changes = block_changes(BlockKind::Inserted);
                let matched = !changes.is_empty();
                (changes, matched)
            }
        };
        // A topic is Redline's reading of the note's words, not a claim the note spells out:
        // one no change names says nothing of the note.
        if matches!(kind, ClaimKind::Topic(_)) && !matched {
            continue;
        }
        claims.push(ClaimCheck {
            kind,
            text,
            changes,
            matched,
        });
    }

    let note_parts = note_parts(comparison, &texts, &changed, note, original, reworked);
    // Wording of a change that the note repeats, as a reader would notice it: "this post was
    // prepared last week" explains "Last week" → "Two weeks ago".
    let said = normalize(&readable(body));
    let note_words: Vec<&str> = said.split(' ').collect();
    let titles = linked_titles(body);
    for (change, (deleted, inserted)) in readable_changed.iter().enumerate() {
        let explained_already = claims
            .iter()
            .any(|claim: &ClaimCheck| claim.changes.contains(&change));
        if explained_already || note_parts[change].is_some() {
            continue;
        }
        if let Some(words) = [deleted, inserted]
            .into_iter()
            .find(|words| is_telling(words) && contains_words(&said, words))
        {
            claims.push(ClaimCheck {
                kind: ClaimKind::Repeated(words.clone()),
                text: words.clone(),
                changes: vec![change],
                matched: true,
            });
        } else if let Some(title) = titles
            .iter()
            .find(|title| contains_words(inserted, title) || contains_words(deleted, title))
            .cloned()
        {
            // What the note links to, named in the change: "see the [Debugging speculation
            // rules post]" explains an added section "Debugging speculation rules".
            claims.push(ClaimCheck {
                kind: ClaimKind::Repeated(title.clone()),
                text: title,
                changes: vec![change],
                matched: true,
            });
        } else if let Some(words) = shared_run(&note_words, inserted) {
            // Text added in the note's own words: "It may take several weeks for this
            // requirement to be enforced" added where the note says "It may take several weeks
            // for the Two Step Verification requirement to be enforced".
            claims.push(ClaimCheck {
                kind: ClaimKind::Repeated(words.clone()),
                text: words,
                changes: vec![change],
                matched: true,
            });
        } else if names_both_sides(&said, deleted, inserted) {
            // A swap whose old and new words the note both names, however short: "CISA has
            // issued an ED (Emergency Directive), not a BOD" explains "BOD" → "ED".
            let words = format!("{deleted} → {inserted}");
            claims.push(ClaimCheck {
                kind: ClaimKind::Repeated(words.clone()),
                text: words,
                changes: vec![change],
                matched: true,
            });
        }
    }

    let mut explained: Vec<bool> = note_parts.iter().map(Option::is_some).collect();
    for claim in &claims {
        for &change in &claim.changes {
            explained[change] = true;
        }
    }
    let mut unmentioned_fact_changes: Vec<usize> = comparison
        .facts
        .iter()
        .map(|fact| fact.change)
        .filter(|&change| !explained[change])
        .collect();
    unmentioned_fact_changes.dedup();

    let n_parts = note_parts.iter().filter(|part| part.is_some()).count();
    let n_explained = explained.iter().filter(|&&is| is).count() - n_parts;
    let n_unmatched = claims.iter().filter(|claim| !claim.matched).count();
    let summary = summary(
        note,
        [n_changes - n_parts, n_explained, n_parts],
        unmentioned_fact_changes.len(),
        n_unmatched,
    );
    Reconciliation {
        claims,
        explained,
        note_parts,
        unmentioned_fact_changes,
        summary,
    }
}

/// Which changes are part of the note rather than changes it explains: the note's own text
/// added to the reworked version, edits inside a note both versions carry, the text under a
/// note that is a heading, the link definitions the note refers to, and strike-through marks
/// put around kept words.
fn note_parts(
    comparison: &Comparison,
    texts: &[ChangeText],
    changed: &[(String, String)],
    note: &str,
    original: &str,
    reworked: &str,
) -> Vec<Option<NotePart>> {
    let change_notes = |text: &str| -> Vec<Range<usize>> {
        detect_notes(text)
            .into_iter()
            .filter(|found| found.kind != NoteKind::Disclaimer)
            .map(|found| found.range[0]..found.range[1])
            .collect()
    };
    let (original_notes, reworked_notes) = (change_notes(original), change_notes(reworked));
    let overlaps = |[start, end]: [usize; 2], notes: &[Range<usize>]| {
        notes
            .iter()
            .any(|note| note.start < end && start < note.end)
    };
    // A range inside one of `notes`, the line break and blank lines after its text aside.
    let inside = |range: &Range<usize>, notes: &[Range<usize>], text: &str| {
        let end = range.start + text[range.clone()].trim_end().len();
        notes
            .iter()
            .any(|note| note.start <= range.start && end <= note.end)
    };
    let all_inside = |ranges: &[Range<usize>], notes: &[Range<usize>], text: &str| {
        ranges.iter().all(|range| inside(range, notes, text))
    };
    // Words replaced inside a note, on both sides: an edit of the note's own text.
    let edits_note = |text: &ChangeText| {
        !text.deleted.is_empty()
            && !text.inserted.is_empty()
            && all_inside(&text.deleted, &original_notes, original)
            && all_inside(&text.inserted, &reworked_notes, reworked)
    };
    // The original's notes that the reworked version rewrites: an update replaced by a newer
    // one, edited in place.
    let continued: Vec<Range<usize>> = original_notes
        .iter()
        .filter(|note| {
            let note = [(*note).clone()];
            texts
                .iter()
                .any(|text| edits_note(text) && all_inside(&text.deleted, &note, original))
                || comparison.blocks.iter().any(|block| {
                    block.kind == BlockKind::Changed
                        && block.original.is_some_and(|range| overlaps(range, &note))
                        && block
                            .reworked
                            .is_some_and(|range| overlaps(range, &reworked_notes))
                })
                || comparison.blocks.windows(2).any(|pair| {
                    // Deleted whole where the new note is inserted: replaced by it.
                    let deleted = |block: &crate::Block| {
                        block.kind == BlockKind::Deleted
                            && block.original.is_some_and(|range| overlaps(range, &note))
                    };
                    deleted(&pair[0]) && pair[1].note || pair[0].note && deleted(&pair[1])
                })
        })
        .cloned()
        .collect();
    // Each reworked note with the text under it when it is a heading.
    let scopes: Vec<Range<usize>> = reworked_notes
        .iter()
        .map(|range| range.start..section_end(comparison, reworked, range))
        .collect();
    let note_words = normalize(note);
    // A note that says some of the post is no longer accurate ("We flagged the content of
    // this blog post that is no longer accurate") accounts for the flags put on it.
    let flags_notes = reworked_notes
        .iter()
        .any(|range| is_flag(&reworked[range.clone()]))
        || is_flag(note);
    texts
        .iter()
        .zip(changed)
        .map(|(text, (deleted, inserted))| {
            let has_words = |text: &str| text.chars().any(char::is_alphanumeric);
            let inserted_words = normalize(inserted);
            if !inserted_words.is_empty()
                && !note_words.is_empty()
                && (inserted_words.contains(&note_words)
                    || note_words.contains(&inserted_words) && inserted_words.len() > 20)
            {
                return Some(NotePart::Note);
            }
            if edits_note(text) {
                return Some(NotePart::Edited);
            }
            if is_stamp(text, original, reworked) {
                return Some(NotePart::Stamp);
            }
            if text.is_move {
                // Old text moved under an update's heading ("The previous text was:" and the
                // old section quoted below it) is the update's own text, at both ends.
                let moved_under_note = comparison.blocks[text.block].move_id.is_some_and(|id| {
                    comparison.blocks.iter().any(|other| {
                        other.move_id == Some(id)
                            && other.kind == BlockKind::MovedTo
                            && other.reworked.is_some_and(|[start, _]| {
                                scopes
                                    .iter()
                                    .zip(&reworked_notes)
                                    .any(|(scope, note)| note.end <= start && start < scope.end)
                            })
                    })
                });
                return moved_under_note.then_some(NotePart::Section);
            }
            // The old text of a note rewritten, or words added inside a note both carry.
            if text.inserted.is_empty() && all_inside(&text.deleted, &continued, original)
                || text.deleted.is_empty()
                    && all_inside(&text.inserted, &reworked_notes, reworked)
                    && comparison.blocks[text.block]
                        .original
                        .is_some_and(|range| overlaps(range, &original_notes))
            {
                return Some(NotePart::Edited);
            }
            // Words of the note added inside it, where the original has no note: the note's
            // own text (another note's words are that note's).
            if text.deleted.is_empty()
                && note.contains(inserted.trim())
                && all_inside(&text.inserted, &reworked_notes, reworked)
            {
                return Some(NotePart::Note);
            }
            // The box a note is set in ("{% Aside %}", "<div class=\"note\">"), added with it.
            if inserted.contains(['<', '{'])
                && !has_words(&readable(inserted))
                && text
                    .inserted
                    .iter()
                    .all(|range| beside(range, &reworked_notes, reworked))
            {
                return Some(NotePart::Note);
            }
            // Rules drawn above and below a note frame it like a box; a rule on one side only
            // parts the note from the article, a change of the article's own.
            if is_rule(inserted)
                && text.inserted.iter().all(|range| {
                    reworked_notes.iter().any(|note| {
                        framed(note, reworked)
                            && beside(range, std::slice::from_ref(note), reworked)
                    })
                })
            {
                return Some(NotePart::Note);
            }
            let first = text.inserted.first()?;
            // What an update heading introduces may replace what the article said there.
            if scopes
                .iter()
                .zip(&reworked_notes)
                .any(|(scope, note)| note.end <= first.start && first.start < scope.end)
            {
                return Some(NotePart::Section);
            }
            if has_words(deleted) {
                return None;
            }
            if is_reference_to(inserted, &scopes, reworked) {
                return Some(NotePart::Reference);
            }
            let marks = [
                "~~",
                "<del>",
                "</del>",
                "<s>",
                "</s>",
                "<strike>",
                "</strike>",
            ];
            let unmarked = marks
                .iter()
                .fold(inserted.to_owned(), |rest, mark| rest.replace(mark, ""));
            if reworked_notes.is_empty() {
                return None;
            }
            if marks.iter().any(|mark| inserted.contains(mark)) && !has_words(&unmarked) {
                return Some(NotePart::Struck);
            }
            // A flag is set apart from the words it flags: in brackets or emphasis.
            let set_apart = inserted.trim_start().starts_with(['[', '(', '*', '_', '<']);
            (flags_notes && set_apart && n_words(inserted) <= 8 && is_flag(inserted))
                .then_some(NotePart::Flag)
        })
        .collect()
}

/// Whether a text is only a Markdown rule ("---", "***", "___" on lines of their own).
fn is_rule(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|line| !line.is_empty());
    let rule = |line: &str| {
        let marks: String = line.chars().filter(|c| *c != ' ').collect();
        marks.len() >= 3
            && ['-', '*', '_']
                .iter()
                .any(|&mark| marks.chars().all(|c| c == mark))
    };
    lines.clone().next().is_some() && lines.all(rule)
}

/// Whether a note has a Markdown rule on the line above it and on the line below it.
fn framed(note: &Range<usize>, reworked: &str) -> bool {
    let above = reworked[..note.start].trim_end().lines().next_back();
    let below = reworked[note.end..].trim_start().lines().next();
    above.is_some_and(is_rule) && below.is_some_and(is_rule)
}

/// Whether a text says words are out of date: the flag itself when it is short ("[This section
/// out of date]"), or a note that speaks of such words.
fn is_flag(text: &str) -> bool {
    const STALE: &[&str] = &[
        "out of date",
        "out-of-date",
        "outdated",
        "no longer accurate",
        "no longer current",
        "no longer valid",
        "obsolete",
        "superseded",
        "plus à jour",
        "obsoleto",
        "veraltet",
    ];
    let lower = text.to_lowercase();
    STALE.iter().any(|word| lower.contains(word))
}

/// The byte range of the line of `text` around `at`.
fn line_around(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |idx| idx + 1);
    let end = text[at..].find('\n').map_or(text.len(), |idx| at + idx);
    start..end
}

/// Whether a changed text is a figure alone: digits with their separators and units ("17",
/// "4.55pm", "$1,200").
fn is_figure(text: &str) -> bool {
    let text = text.trim();
    text.chars().any(|c| c.is_ascii_digit())
        && text.chars().count() <= 12
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || ".,:$€£%-/ apmh".contains(c))
}

/// Where the text under a note ends: for a note that is a heading ("## (Update 6-Apr-2021)
/// Security releases available", or a label alone on its line), the end of the inserted
/// paragraphs that follow it, up to the next heading of its level or above; for any other
/// note, its own end.
fn section_end(comparison: &Comparison, reworked: &str, note: &Range<usize>) -> usize {
    let Some(level) = heading_level(&reworked[note.clone()]) else {
        return note.end;
    };
    let mut end = note.end;
    for block in &comparison.blocks {
        let Some([start, block_end]) = block.reworked else {
            continue;
        };
        if block_end <= note.end || block.note {
            continue;
        }
        let text = &reworked[start..block_end];
        // Text moved under the heading belongs to it as text inserted there does.
        let is_inserted = matches!(block.kind, BlockKind::Inserted | BlockKind::MovedTo);
        if !is_inserted || heading_level(text).is_some_and(|other| other <= level) {
            break;
        }
        end = block_end;
    }
    end
}

/// The level of a note that is a heading: the number of `#` of a Markdown heading, or 7 for a
/// first line that is only a label and its date ("**Update, March 13, 2018**").
fn heading_level(text: &str) -> Option<usize> {
    let first = text.lines().next()?.trim_start_matches(['>', ' ']).trim();
    let hashes = first.chars().take_while(|&c| c == '#').count();
    if hashes > 0 {
        return Some(hashes);
    }
    let body = crate::note::detect::note_body(first);
    if body.len() < first.len() && !body.chars().any(char::is_alphanumeric) {
        return Some(7);
    }
    // A dated update with a title ("_(Update 28-February-2018)_ Security releases
    // available") heads what follows it, under whatever headings that has.
    crate::note::detect::is_dated_title(first).then_some(1)
}

/// Whether `inserted` is only Markdown link definitions (`[label]: https://…`) whose every
/// label is used inside one of the notes' `scopes`.
fn is_reference_to(inserted: &str, scopes: &[Range<usize>], reworked: &str) -> bool {
    let mut lines = inserted
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty());
    let mut any = false;
    let all = lines.all(|line| {
        any = true;
        let Some(label) = line
            .strip_prefix('[')
            .and_then(|rest| rest.split_once("]:"))
            .map(|(label, _)| label)
        else {
            return false;
        };
        let used = format!("[{label}]");
        scopes
            .iter()
            .any(|scope| reworked[scope.clone()].contains(&used))
    });
    any && all
}

/// Whether a change edits the article's date of update: its line starts with a word that
/// stamps one ("Updated", "Last modified", "updated:" in a front matter, "Mis à jour") and its
/// changed text, the stamp word aside, is a date or a time.
fn is_stamp(text: &ChangeText, original: &str, reworked: &str) -> bool {
    const STAMPS: &[&str] = &[
        "updated",
        "last updated",
        "last modified",
        "modified",
        "lastmod",
        "last_modified",
        "update:",
        "mis à jour",
        "mise à jour",
        "actualizado",
        "aktualisiert",
    ];
    let on_stamp_line = |ranges: &[Range<usize>], text: &str| {
        ranges.iter().all(|range| {
            let line = &text[line_around(text, range.start)];
            let lower = line
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let Some(stamp) = STAMPS.iter().find(|stamp| lower.starts_with(*stamp)) else {
                return false;
            };
            let changed = text[range.clone()].to_lowercase();
            let rest = changed.strip_prefix(stamp).unwrap_or(&changed);
            rest.split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .all(|word| {
                    word.chars().all(|c| c.is_ascii_digit())
                        || crate::note::detect::MONTHS_AND_WEEKDAYS.contains(&word)
                        || ["am", "pm", "utc", "gmt", "at", "on", "h"].contains(&word)
                })
                && rest.chars().any(|c| c.is_ascii_digit())
        })
    };
    (!text.deleted.is_empty() || !text.inserted.is_empty())
        && on_stamp_line(&text.deleted, original)
        && on_stamp_line(&text.inserted, reworked)
}

/// Whether a range of the reworked text stands right before or after one of its notes, only
/// white space between.
fn beside(range: &Range<usize>, notes: &[Range<usize>], reworked: &str) -> bool {
    notes.iter().any(|note| {
        let gap = |from: usize, to: usize| from <= to && reworked[from..to].trim().is_empty();
        gap(range.end, note.start) || gap(note.end, range.start)
    })
}

/// Little words, which say nothing of a change on their own (normalized, lower case).
const LITTLE: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "and", "or", "is", "was", "for", "it", "this",
    "that", "with", "by", "as", "be", "are", "we", "our", "not",
];

/// Whether a change's words are telling enough to count as repeated by a note: two words or
/// more that are not little words ("the repairs" is not telling), eight letters in all.
fn is_telling(words: &str) -> bool {
    let split: Vec<&str> = words.split(' ').filter(|word| !word.is_empty()).collect();
    split.iter().filter(|word| !LITTLE.contains(word)).count() >= 2
        && split.iter().map(|word| word.len()).sum::<usize>() >= 8
}

/// The titles a note links to (`[Debugging speculation rules post](…)`), normalized, a generic
/// last word ("post", "article") left out; only titles of two telling words or more, which
/// name something rather than point ("[here]", "[blog post]").
fn linked_titles(note: &str) -> Vec<String> {
    const GENERIC: &[&str] = &[
        "post",
        "article",
        "blog",
        "page",
        "guide",
        "documentation",
        "docs",
        "here",
        "announcement",
    ];
    note.split('[')
        .skip(1)
        .filter_map(|part| part.split_once("]("))
        .filter_map(|(title, _)| {
            let mut words: Vec<String> = normalize(title).split(' ').map(str::to_owned).collect();
            while words
                .last()
                .is_some_and(|word| GENERIC.contains(&word.as_str()))
            {
                words.pop();
            }
            let title = words.join(" ");
            (content_words(&title).len() >= 2).then_some(title)
        })
        .collect()
}

/// How many words in a row a note and an inserted text must share for the note to say what
/// was added in the words it was added with.
const RUN: usize = 6;

/// The first run of [`RUN`] words of an inserted text that the note's words also hold, if
/// any. Only a note of a few hundred words is searched: a longer text given as the note is no
/// note, and the search is quadratic (a sorted or hashed index costs more download).
fn shared_run(note: &[&str], inserted: &str) -> Option<String> {
    if note.len() > 400 {
        return None;
    }
    let added: Vec<&str> = inserted
        .split(' ')
        .filter(|word| !word.is_empty())
        .collect();
    added
        .windows(RUN)
        .find(|run| note.windows(RUN).any(|other| other == *run))
        .map(|run| run.join(" "))
}

/// Whether a note names both sides of a replacement: a few words deleted and a few inserted,
/// each standing in the note as whole words and neither a little word alone ("a" → "the"
/// says nothing, whatever the note).
fn names_both_sides(said: &str, deleted: &str, inserted: &str) -> bool {
    let names = |words: &str| {
        let split: Vec<&str> = words.split(' ').filter(|word| !word.is_empty()).collect();
        (1..=3).contains(&split.len())
            && split
                .iter()
                .any(|word| !LITTLE.contains(word) && word.chars().count() >= 2)
            && contains_words(said, words)
    };
    deleted != inserted && names(deleted) && names(inserted)
}

/// Whether the normalized `words` stand in `text` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    format!(" {text} ").contains(&format!(" {words} "))
}

/// What a reader reads of a text written in Markdown or HTML: link addresses, template tags
/// (`{{ … }}`, `{% … %}`), HTML tags and bare web addresses are left out (each becomes a
/// space), the words kept.
pub(crate) fn readable(text: &str) -> String {
    let mut res = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let skip = if rest.starts_with("](") || rest.starts_with("][") {
            let close = if rest.starts_with("](") { ')' } else { ']' };
            rest[2..].find(close).map(|end| end + 3)
        } else if rest.starts_with("{{") {
            rest.find("}}").map(|end| end + 2)
        } else if rest.starts_with("{%") {
            rest.find("%}").map(|end| end + 2)
        } else if c == '<' && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
            rest.find('>').map(|end| end + 1)
        } else if rest.starts_with("http://")
            || rest.starts_with("https://")
            || rest.starts_with("www.")
        {
            Some(rest.find(char::is_whitespace).unwrap_or(rest.len()))
        } else {
            None
        };
        match skip {
            Some(len) => {
                // The link's text stays; its closing bracket goes with the address.
                res.push(' ');
                rest = &rest[len..];
            }
            None => {
                res.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    res
}

/// The summary sentence; `[n_changes, n_explained, n_parts]` count the changes other than
/// the note's parts, those of them a claim explains, and the note's parts.
fn summary(
    note: &str,
    [n_changes, n_explained, n_parts]: [usize; 3],
    n_unmentioned_facts: usize,
    n_unmatched_claims: usize,
) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    if n_changes + n_parts == 0 {
        return "The two versions are the same; there is nothing for a note to explain.".to_owned();
    }
    if note.trim().is_empty() {
        return format!(
            "No note given: {} and no note to explain them.",
            plural(n_changes, "change", "changes")
        );
    }
    // "The note mentions 0 of 0 changes" says nothing a reader can use when the note is all
    // that changed.
    let mut res = if n_changes == 0 {
        format!(
            "The only {} the note's own text",
            plural(n_parts, "change is", "changes are")
        )
    } else {
        format!(
            "The note mentions {n_explained} of {}",
            plural(n_changes, "change", "changes")
        )
    };
    if n_unmentioned_facts > 0 {
        let is = if n_unmentioned_facts == 1 {
            "is"
        } else {
            "are"
        };
        res.push_str(&format!(
            "; {} to facts {is} not mentioned",
            plural(n_unmentioned_facts, "change", "changes")
        ));
    }
    res.push('.');
    if n_parts > 0 && n_changes > 0 {
        res.push_str(&format!(
            " {} the note's own text.",
            plural(n_parts, "change is", "changes are")
        ));
    }
    if n_unmatched_claims > 0 {
        let matches = if n_unmatched_claims == 1 {
            "matches"
        } else {
            "match"
        };
        res.push_str(&format!(
            " {} of the note {matches} no change found.",
            plural(n_unmatched_claims, "claim", "claims")
        ));
    }
    res
}

/// What a claim names its fact of, as the first five letters of its last word ("number of
/// homes" → `homes`, "cost of the repairs" → `repai`), if it names one.
fn subject_of(claim: &str) -> Option<String> {
    let (_, subject) = claim.split_once(" of ")?;
    let word = subject.split_whitespace().last()?;
    (word.chars().count() >= 3).then(|| word.chars().take(5).collect())
}

/// Whether the text of block `block` has a word that starts like `stem`.
fn speaks_of(comparison: &Comparison, block: usize, stem: &str) -> bool {
    comparison.blocks[block].segments.iter().any(|segment| {
        segment
            .text
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.to_lowercase().starts_with(stem))
    })
}

/// Lower-case words and numbers of a text joined by single spaces, for matching a quoted
/// value against changed text whatever the spacing, case and quotation marks.
fn normalize(text: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '$' | '€' | '£' | '%' | '.' | ',')))
        .map(|word| word.trim_matches(['.', ',']))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn n_words(text: &str) -> usize {
    tokenize(text)
        .into_iter()
        .filter(|token| crate::is_word(token))
        .count()
}

/// Changes in the block right after the headline's, when that block reads as a subtitle (a
/// short paragraph).
fn subtitle_changes(comparison: &Comparison) -> Vec<usize> {
    let [_, headline_end] = comparison.headline;
    let Some(block) = comparison.blocks.get(headline_end) else {
        return Vec::new();
    };
    let mut res: Vec<usize> = block
        .change
        .into_iter()
        .chain(block.segments.iter().filter_map(|segment| segment.change))
        .collect();
    res.dedup();
    res
}

/// The claims of a note, in the order they appear, each with the words that make it.
pub fn find_claims(note: &str) -> Vec<(ClaimKind, String)> {
    let mut claims = Vec::new();
    // Inline code names what it quotes: "We previously planned on removing
    // `parserOptions.globalReturn`" speaks of the text that names that option. A short span
    // (`try`, `number()`) is a word of the language the note speaks of, found in many places.
    // The quotes inside a span that is a claim are that claim's, not claims of their own
    // (`install.packages("dplyr")` is one); its words still say what the note is about.
    let mut rest = String::with_capacity(note.len());
    for (idx, span) in note.split('`').enumerate() {
        let code = span.trim();
        if idx % 2 == 1 && code.chars().filter(|c| c.is_alphanumeric()).count() >= 8 {
            claims.push((ClaimKind::Quoted(code.to_owned()), format!("`{code}`")));
            rest.extend(span.chars().map(|c| {
                if "\"'“”«»‘’".contains(c) {
                    ' '
                } else {
                    c
                }
            }));
        } else {
            rest.push_str(span);
        }
        rest.push('`');
    }
    rest.pop();
    // Claims are read from what a reader reads: no figure comes out of a link's address.
    let note = &readable(&rest);
    // Quoted values: “…”, «…», "…", and '…' when it opens after a space.
    let mut quoted_ranges = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (idx, c) in note.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '"') => open = Some((idx, c)),
            (None, '\'' | '‘') if note[..idx].ends_with(' ') || idx == 0 => open = Some((idx, c)),
            (Some((start, opening)), _)
                if matches!(
                    (opening, c),
                    ('“', '”') | ('«', '»') | ('"', '"') | ('\'', '\'') | ('‘', '’')
                ) =>
            {
                let inner = note[start + opening.len_utf8()..idx].trim();
                if !inner.is_empty() {
                    claims.push((
                        ClaimKind::Quoted(inner.to_owned()),
                        note[start..idx + c.len_utf8()].to_owned(),
                    ));
                    quoted_ranges.push(start..idx);
                }
                open = None;
            }
            _ => {}
        }
    }
    // Numbers outside the quotes, with the magnitude that follows them ("$70 BILLION"). A time
    // or a date written with digits is one figure ("16:55", "2021-11-15"), as in the facts.
    let tokens = tokenize(note);
    let is_number = |token: &str| token.chars().any(|c| c.is_ascii_digit());
    let mut offset = 0;
    let mut idx = 0;
    while idx < tokens.len() {
        let start = offset;
        let mut figure = tokens[idx].to_owned();
        offset += tokens[idx].len();
        idx += 1;
        if !is_number(&figure) {
            continue;
        }
        while let (Some(&joiner), Some(next)) = (tokens.get(idx), tokens.get(idx + 1))
            && matches!(joiner, ":" | "-" | "/")
            && is_number(next)
        {
            figure.push_str(joiner);
            figure.push_str(next);
            offset += joiner.len() + next.len();
            idx += 2;
        }
        // The note's own dates ("Originally published 2021-11-15, updated 2023-06-12") say when
        // it was written, not what changed.
        // The few words before the figure, not the whole note before it: a long note has
        // many figures.
        let mut from = start.saturating_sub(24);
        while !note.is_char_boundary(from) {
            from -= 1;
        }
        let before = note[from..start].trim_end().to_lowercase();
        // "updated in June 2019", "updated on 3 June": the month and the day belong to the date.
        let before = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == ' ');
        let before = match before.rsplit_once(' ') {
            Some((head, word)) if crate::note::detect::MONTHS_AND_WEEKDAYS.contains(&word) => head,
            _ => before,
        };
        let before = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let before = before
            .strip_suffix(" on")
            .or_else(|| before.strip_suffix(" in"))
            .unwrap_or(before);
        let dates_the_note = ["published", "updated", "posted", "revised", "edited"]
            .iter()
            .any(|verb| before.ends_with(verb));
        if dates_the_note || quoted_ranges.iter().any(|quote| quote.contains(&start)) {
            continue;
        }
        if let (Some(&" "), Some(word)) = (tokens.get(idx), tokens.get(idx + 1))
            && is_magnitude(word)
        {
            figure = format!("{figure} {word}");
        }
        claims.push((ClaimKind::Number(figure.clone()), figure));
    }
    // Named parts, kinds of fact, and size words.
    let lower = note.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let has = |candidates: &[&str]| words.iter().find(|word| candidates.contains(word)).copied();
    // A kind of fact with what it is of: "number of homes", "the cost of the repairs".
    let with_subject = |found: Option<&str>| -> Option<String> {
        let word = found?;
        let at = words.iter().position(|candidate| *candidate == word)?;
        let articles = ["the", "a", "an", "its", "our", "their"];
        let mut rest = words[at + 1..].iter();
        let subject = match (rest.next(), rest.next(), rest.next()) {
            (Some(&"of"), Some(article), Some(subject)) if articles.contains(article) => {
                Some(format!("{word} of {article} {subject}"))
            }
            (Some(&"of"), Some(subject), _) if !articles.contains(subject) => {
                Some(format!("{word} of {subject}"))
            }
            _ => None,
        };
        Some(subject.unwrap_or_else(|| word.to_owned()))
    };
    let mut add = |kind: ClaimKind, found: Option<&str>| {
        if let Some(word) = found
            && !claims.iter().any(|(existing, _)| *existing == kind)
        {
            claims.push((kind, word.to_owned()));
        }
    };
    add(
        ClaimKind::Fact(FactKind::Headline),
        has(&["headline", "title", "titre", "headlines"]),
    );
    add(
        ClaimKind::Subtitle,
        has(&["subtitle", "standfirst", "subhead", "sous"]),
    );
    add(
        ClaimKind::Fact(FactKind::Subheading),
        has(&["subheadings", "subheading", "intertitres"]),
    );
    add(
        ClaimKind::Caption,
        has(&["caption", "photo", "image", "photograph", "légende"]),
    );
    add(
        ClaimKind::Fact(FactKind::Name),
        with_subject(has(&[
            "name",
            "names",
            "misspelled",
            "misidentified",
            "nom",
        ]))
        .as_deref(),
    );
    add(
        ClaimKind::Fact(FactKind::Number),
        with_subject(has(&[
            "figure",
            "figures",
            "number",
            "numbers",
            "amount",
            "total",
            "cost",
            "budget",
            "price",
            "percentage",
            "chiffre",
            "montant",
            "cifra",
            "zahl",
        ]))
        .as_deref(),
    );
    add(
        ClaimKind::Fact(FactKind::Date),
        with_subject(has(&[
            "date",
            "dates",
            "day",
            "days",
            "year",
            "month",
            "schedule",
            "postponed",
            "rescheduled",
            "delayed",
            "moved",
            "fecha",
            "fechas",
            "aplazado",
            "datum",
            "verschoben",
            "reporté",
        ]))
        .as_deref(),
    );
    add(
        ClaimKind::Fact(FactKind::Quotation),
        has(&["quote", "quotation", "quoted", "citation"]),
    );
    add(
        ClaimKind::Fact(FactKind::Link),
        // A link is a claim when the note speaks of it changing: "the proper links will be
        // shown" says what a reader will see, not that a link was corrected.
        has(&["link", "links", "url", "lien"]).filter(|_| {
            has(&[
                "fixed",
                "broken",
                "corrected",
                "updated",
                "changed",
                "replaced",
                "removed",
                "added",
                "wrong",
                "incorrect",
                "dead",
                "moved",
                "missing",
                "new",
                "points",
                "pointed",
                "corrigé",
                "modifié",
                "remplacé",
                "supprimé",
                "ajouté",
            ])
            .is_some()
        }),
    );
    add(
        ClaimKind::Shortened,
        has(&["shortened", "shorter", "trimmed", "condensed", "raccourci"]),
    );
    add(
        ClaimKind::Reworked,
        has(&[
            "reworked",
            "rewritten",
            "rewrote",
            "refocused",
            "restructured",
            "remanié",
            "réécrit",
        ]),
    );
    // Notes that disown or replace the whole earlier version explain every change.
    let sweeping = [
        "posted in error",
        "published in error",
        "posted prematurely",
        "published prematurely",
        "updated throughout",
        "revised throughout",
        "substantially revised",
        "substantially updated",
        "substantially changed",
        "extensively revised",
        "significantly revised",
        "has changed since",
        "have changed since",
        // A retraction withdraws the whole earlier version.
        "has been retracted",
        "retract the post",
        "retract the article",
        "in its entirety",
        "for clarity",
        "pour plus de clarté",
        "para mayor claridad",
    ];
    add(
        ClaimKind::Reworked,
        sweeping
            .iter()
            .find(|phrase| lower.contains(*phrase))
            .copied(),
    );
    let edited = post_said_edited(&words);
    add(ClaimKind::Reworked, edited.as_deref());
    let section = section_said_edited(&words);
    add(ClaimKind::Section, section.as_deref());
    let near = |verbs: &[&str]| {
        has(verbs).filter(|_| {
            has(&[
                "paragraph",
                "paragraphs",
                "sentence",
                "sentences",
                "section",
                "passage",
                "paragraphe",
            ])
            .is_some()
        })
    };
    add(
        ClaimKind::Removed,
        near(&["removed", "deleted", "cut", "dropped", "supprimé"]),
    );
    add(ClaimKind::Added, near(&["added", "inserted", "ajouté"]));
    // "Updated to include additional mitigations": what an update adds.
    add(
        ClaimKind::Added,
        ["to include", "to add ", "now includes", "now include"]
            .iter()
            .find(|phrase| lower.contains(*phrase))
            .copied(),
    );
    add(
        ClaimKind::Spelling,
        has(&[
            "typo",
            "typos",
            "typographical",
            "spelling",
            "misspelled",
            "misspelt",
            "misspelling",
            "coquille",
            "orthographe",
            "errata",
        ]),
    );
    // Markup the note names by its tag: "noscript tags with the proper links will be shown".
    if let Some(tag) = words.windows(2).find_map(|pair| {
        (matches!(pair[1], "tag" | "tags" | "element" | "elements") && HTML_TAGS.contains(&pair[0]))
            .then_some(pair[0])
    }) {
        claims.push((ClaimKind::Markup(tag.to_owned()), format!("{tag} tags")));
    }
    if let Some(stated) = stated_before(&lower) {
        claims.push((ClaimKind::Stated(stated.clone()), stated));
    }
    if let Some(topic) = topic_of(&lower) {
        // Shown in the note's own case ("PMO guidance"), where lower-casing kept its length.
        let shown = lower
            .find(&topic)
            .filter(|_| lower.len() == note.len())
            .and_then(|at| note.get(at..at + topic.len()))
            .unwrap_or(&topic)
            .to_owned();
        claims.push((ClaimKind::Topic(topic), shown));
    }
    claims
}

/// What a note says it changed when it says so in its own words: the clause after "to
/// clarify", "updated", "revised" and the like, its generic words ("the details of", "the
/// information on") left out, up to the clause's end. `None` when nothing telling is left.
fn topic_of(lower: &str) -> Option<String> {
    const VERBS: &[&str] = &[
        "to clarify ",
        "clarified ",
        "clarifies ",
        "to reflect ",
        "to correct ",
        "updated ",
        "revised ",
        "corrected ",
        "amended ",
        "changed ",
        "fixed ",
        // "We previously announced plans to update the installability criteria …, we have
        // decided to put those plans on hold": what the plans were about.
        "plans to ",
        "planned to ",
    ];
    const ENDS: &[&str] = &[
        ". ",
        ".\n",
        ", ",
        "; ",
        ": ",
        " to ",
        " because ",
        " after ",
        " since ",
        " as ",
        " so ",
        " which ",
        " that ",
        " in order ",
        " and added ",
        " and removed ",
    ];
    VERBS
        .iter()
        .flat_map(|verb| lower.match_indices(verb))
        .filter(|&(at, _)| {
            let mut from = at.saturating_sub(20);
            while !lower.is_char_boundary(from) {
                from -= 1;
            }
            let before = &lower[from..at];
            // "has not been updated" changes nothing; "for updated information" is no verb.
            let word_before = before.split_whitespace().last().unwrap_or("");
            !(before.contains("not ")
                || before.contains("n't ")
                || ["for", "the", "an", "a", "with", "of", "see", "our", "most"]
                    .contains(&word_before))
        })
        .find_map(|(at, verb)| {
            let rest = &lower[at + verb.len()..];
            // "updated to reflect …" and "updated on 2023-06-12 …" say it after the verb; a
            // label's date ("Updated September 24th", "Updated (2024-08-12):") is no topic.
            let first = rest
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if !rest.starts_with(char::is_alphabetic)
                || [
                    "to",
                    "on",
                    "in",
                    "at",
                    "for",
                    "with",
                    "by",
                    "since",
                    "as",
                    "throughout",
                    "again",
                    "accordingly",
                    "or",
                    "and",
                ]
                .contains(&first)
                || crate::note::detect::MONTHS_AND_WEEKDAYS.contains(&first)
            {
                return None;
            }
            let end = ENDS
                .iter()
                .filter_map(|end| rest.find(end))
                .min()
                .unwrap_or(rest.len());
            let topic = rest[..end].trim().trim_end_matches(['.', ')', '*', '_']);
            let n = topic_stems(topic).len();
            (1..=6).contains(&n).then(|| topic.to_owned())
        })
}

/// The telling words of a topic as stems (their first five letters, so that "meeting" and
/// "meetings" are one), generic words and numbers left out.
fn topic_stems(text: &str) -> Vec<String> {
    const GENERIC: &[&str] = &[
        "details",
        "detail",
        "information",
        "info",
        "post",
        "article",
        "page",
        "blog",
        "story",
        "piece",
        "section",
        "version",
        "text",
        "wording",
        "language",
        "content",
        "some",
        "few",
        "several",
        "also",
        "new",
        "latest",
        "current",
        "how",
        "what",
        "more",
        "about",
        "this",
        "these",
        "those",
        "which",
        "all",
        "any",
        "other",
        "data",
        "things",
        "them",
        "they",
        "typo",
        "typos",
        "error",
        "errors",
        "mistake",
        "mistakes",
        "yet",
        "once",
        "twice",
    ];
    let mut stems: Vec<String> = Vec::new();
    for word in content_words(text) {
        if GENERIC.contains(&word.as_str()) || word.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let stem: String = word.chars().take(5).collect();
        if !stems.contains(&stem) {
            stems.push(stem);
        }
    }
    stems
}

/// HTML elements a note may name by their tag ("the noscript tags", "iframe elements").
const HTML_TAGS: &[&str] = &[
    "noscript",
    "script",
    "iframe",
    "img",
    "div",
    "span",
    "table",
    "figure",
    "figcaption",
    "video",
    "audio",
    "embed",
    "object",
    "blockquote",
    "details",
    "summary",
    "picture",
    "svg",
    "canvas",
    "form",
    "button",
    "meta",
    "style",
    "abbr",
];

/// "This post has been tweaked in a few places", "the article was edited": the post itself,
/// as the subject, said to have been edited, which accounts for every change of the revision.
/// The post as the object of a preposition ("the date for this post has been updated") is
/// not the subject: that note speaks of the date; nor is a post updated "to fix a typo",
/// whose note says what the update was for.
fn post_said_edited(words: &[&str]) -> Option<String> {
    const VERBS: &[&str] = &[
        "tweaked", "edited", "updated", "revised", "amended", "modified", "reworded",
    ];
    const AUXILIARIES: &[&str] = &[
        "has", "have", "had", "been", "was", "were", "is", "since", "also", "now", "slightly",
        "lightly", "just", "recently", "then",
    ];
    const POSTS: &[&str] = &[
        "post",
        "article",
        "story",
        "piece",
        "page",
        "entry",
        "announcement",
        "blog",
        "it",
        "essay",
        "guide",
        "tutorial",
        "document",
    ];
    const PREPOSITIONS: &[&str] = &["for", "of", "in", "on", "to", "from", "about", "with"];
    words.iter().enumerate().find_map(|(at, verb)| {
        if !VERBS.contains(verb) || at == 0 || words.get(at + 1) == Some(&"to") {
            return None;
        }
        let mut subject = at;
        while subject > 0 && AUXILIARIES.contains(&words[subject - 1]) {
            subject -= 1;
        }
        // At least one auxiliary: "has been tweaked", "was edited", not "edited by".
        if subject == at || subject == 0 || !POSTS.contains(&words[subject - 1]) {
            return None;
        }
        let before = words[..subject - 1]
            .iter()
            .rev()
            .find(|word| !matches!(**word, "this" | "the" | "that" | "our" | "my" | "blog"));
        if before.is_some_and(|word| PREPOSITIONS.contains(word)) {
            return None;
        }
        Some(words[subject - 1..=at].join(" "))
    })
}

/// The words by which a note says the part of the article it stands in was edited ("This
/// section was updated in June 2019 to reflect …"): "this", the part, at least one auxiliary
/// and the verb.
fn section_said_edited(words: &[&str]) -> Option<String> {
    const PARTS: &[&str] = &["section", "paragraph", "part", "chapter"];
    const VERBS: &[&str] = &[
        "updated",
        "revised",
        "rewritten",
        "edited",
        "amended",
        "modified",
        "expanded",
        "reworded",
    ];
    const AUXILIARIES: &[&str] = &["has", "have", "been", "was", "is", "since", "now"];
    words.windows(2).enumerate().find_map(|(at, pair)| {
        if pair[0] != "this" || !PARTS.contains(&pair[1]) {
            return None;
        }
        let rest = &words[at + 2..];
        let aux = rest
            .iter()
            .take_while(|word| AUXILIARIES.contains(word))
            .count();
        let verb = rest.get(aux)?;
        (aux > 0 && VERBS.contains(verb)).then(|| words[at..at + 3 + aux].join(" "))
    })
}

/// Where a note stands in the reworked text: its own text, or the words of its claim.
fn note_place(note: &str, claim: &str, reworked: &str) -> Option<usize> {
    let note = note.trim();
    if !note.is_empty()
        && let Some(at) = reworked.find(note)
    {
        return Some(at);
    }
    let lower = reworked.to_lowercase();
    // Lower-casing keeps the byte offsets of ASCII text only; the claim's words are ASCII.
    (lower.len() == reworked.len())
        .then(|| lower.find(claim))
        .flatten()
}

/// The section of a Markdown text that holds `at`: from the heading above it to the next
/// heading of that level or above (the whole text where no heading stands above it).
fn section_around(text: &str, at: usize) -> Range<usize> {
    let level = |line: &str| {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        (hashes > 0 && line[hashes..].starts_with(' ')).then_some(hashes)
    };
    let mut offset = 0;
    let mut start = (0, usize::MAX);
    let mut end = text.len();
    for line in text.split_inclusive('\n') {
        if let Some(depth) = level(line) {
            if offset <= at {
                start = (offset, depth);
            } else if depth <= start.1 {
                end = offset;
                break;
            }
        }
        offset += line.len();
    }
    start.0..end
}

/// What the note says an earlier version stated, in its own words: the rest of the sentence
/// after "stated that", "said that", "reported that" or "wrote that", when the note says it
/// was an earlier version's, or wrong ("an earlier version of this post stated that …").
fn stated_before(lower: &str) -> Option<String> {
    const MARKERS: &[&str] = &[
        " stated that ",
        " said that ",
        " reported that ",
        " wrote that ",
        " suggested that ",
        " indicated that ",
        " claimed that ",
        " referred to ",
        " mentioned ",
        " announced ",
    ];
    const EARLIER: &[&str] = &[
        "earlier version",
        "previous version",
        "original version",
        "originally",
        "incorrectly",
        "mistakenly",
        "erroneously",
        "wrongly",
    ];
    let (at, marker) = MARKERS
        .iter()
        .filter_map(|marker| lower.find(marker).map(|at| (at, *marker)))
        .min()?;
    if !EARLIER.iter().any(|earlier| lower[..at].contains(earlier)) {
        return None;
    }
    let rest = &lower[at + marker.len()..];
    let end = [". ", ".\n", "; "]
        .iter()
        .filter_map(|stop| rest.find(stop))
        .min()
        .unwrap_or(rest.len());
    let stated = rest[..end].trim().trim_end_matches('.').to_owned();
    (content_words(&stated).len() >= 4).then_some(stated)
}

/// The distinct words of three letters or more of a text, little words left out, lower-case.
fn content_words(text: &str) -> Vec<String> {
    const LITTLE: &[&str] = &[
        "the", "and", "for", "that", "this", "with", "was", "were", "would", "has", "have", "had",
        "are", "its", "our", "their", "from", "not", "but", "will", "been",
    ];
    let mut words: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let word = word.to_lowercase();
        if word.chars().count() >= 3 && !LITTLE.contains(&word.as_str()) && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// The sentence of `text` around the byte range `at`: from the end of the sentence before it
/// to the end of its own (a full stop, a question or exclamation mark before a space, or a
/// blank line).
fn sentence_around(text: &str, at: Range<usize>) -> &str {
    const ENDS: &[&str] = &[". ", "! ", "? ", ".\n", "\n\n"];
    let start = ENDS
        .iter()
        .filter_map(|end| text[..at.start].rfind(end).map(|found| found + end.len()))
        .max()
        .unwrap_or(0);
    let end = ENDS
        .iter()
        .filter_map(|end| text[at.end..].find(end).map(|found| at.end + found + 1))
        .min()
        .unwrap_or(text.len());
    &text[start..end.max(start)]
}

/// Whether a change fixes a word's letters: at most three words each side, as many words, and
/// each pair of words at most two letters apart ("Resource" → "Resources", "teh" → "the").
fn is_respelling(deleted: &str, inserted: &str) -> bool {
    let words = |text: &str| -> Vec<Vec<char>> {
        text.split_whitespace()
            .map(|word| {
                word.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<Vec<_>>()
            })
            .filter(|word| !word.is_empty())
            .collect()
    };
    let (old, new) = (words(deleted), words(inserted));
    !old.is_empty()
        && old.len() == new.len()
        && old.len() <= 3
        && old
            .iter()
            .zip(&new)
            .all(|(a, b)| a == b || levenshtein(a, b) <= 2.min(a.len().max(b.len()) / 2))
        && old != new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, example};

    #[test]
    fn claims_of_the_seed_note() {
        let note = "This article has been entirely reworked, refocused and shortened \
                    substantially (including the title and subtitle and subheadings).";
        let kinds: Vec<ClaimKind> = find_claims(note)
            .into_iter()
            .map(|(kind, _)| kind)
            .collect();
        assert_eq!(
            kinds,
            [
                ClaimKind::Fact(FactKind::Headline),
                ClaimKind::Subtitle,
                ClaimKind::Fact(FactKind::Subheading),
                ClaimKind::Shortened,
                ClaimKind::Reworked,
            ]
        );
    }

    #[test]
    fn quoted_values_and_numbers() {
        let claims =
            find_claims("We misstated the figure as 60,000 and called it “the old bridge”.");
        assert!(claims.contains(&(ClaimKind::Number("60,000".into()), "60,000".into())));
        assert!(claims.contains(&(
            ClaimKind::Quoted("the old bridge".into()),
            "“the old bridge”".into()
        )));
        assert!(claims.contains(&(ClaimKind::Fact(FactKind::Number), "figure".into())));
        // The quotes inside code that is a claim are that claim's.
        let claims = find_claims("Install it with `pip install \"tilecut\"` today.");
        assert_eq!(
            claims,
            [(
                ClaimKind::Quoted("pip install \"tilecut\"".into()),
                "`pip install \"tilecut\"`".into()
            )]
        );
    }

    #[test]
    fn the_example_note_against_its_changes() {
        let comparison = compare(example::ORIGINAL, example::REWORKED);
        let note = "Correction: An earlier version of this article misstated the cost of the repairs as $4.2 million. It is $2.4 million. A paragraph about a vote on the library roof has been removed; no such vote took place.";
        let checked = reconcile(note, &comparison, example::ORIGINAL, example::REWORKED);
        // Explained: the figure in the headline and in the body, and the removed paragraph
        // (the note after it is the note, not a change). Not mentioned: the headline's added
        // words and the two ends of the moved paragraph.
        let claim = |kind: &ClaimKind| {
            checked
                .claims
                .iter()
                .find(|claim| claim.kind == *kind)
                .unwrap()
        };
        assert!(claim(&ClaimKind::Number("$4.2 million".into())).matched);
        assert!(claim(&ClaimKind::Removed).matched);
        assert_eq!(checked.explained, [true, false, true, false, false, true]);
        assert_eq!(checked.summary, "The note mentions 3 of 6 changes.");
    }

    #[test]
    fn a_note_that_is_all_that_changed() {
        let original = "Tips\n\nKeep the lid on.\n\nServe cold.";
        let reworked = "Tips\n\nKeep the lid on.\n\n---\n\nUpdate: the lid is sold apart now.\n\n---\n\n\
                        Serve cold.";
        let comparison = compare(original, reworked);
        let checked = reconcile(
            "Update: the lid is sold apart now.",
            &comparison,
            original,
            reworked,
        );
        assert_eq!(
            checked.summary,
            "The only 2 changes are the note's own text."
        );
    }

    #[test]
    fn a_claim_with_no_change_and_no_note() {
        let comparison = compare("Title\n\nSame text.", "Title\n\nSame text, longer.");
        let checked = reconcile(
            "The caption was corrected.",
            &comparison,
            "Title\n\nSame text.",
            "Title\n\nSame text, longer.",
        );
        assert_eq!(checked.claims[0].kind, ClaimKind::Caption);
        assert!(!checked.claims[0].matched);
        assert_eq!(
            checked.summary,
            "The note mentions 0 of 1 change. 1 claim of the note matches no change found."
        );
        let none = reconcile(
            "",
            &comparison,
            "Title\n\nSame text.",
            "Title\n\nSame text, longer.",
        );
        assert_eq!(
            none.summary,
            "No note given: 1 change and no note to explain them."
        );
    }

    /// The changes of `original` → `reworked` that `note` explains, by number.
    fn explained_by(note: &str, original: &str, reworked: &str) -> Vec<bool> {
        let comparison = compare(original, reworked);
        reconcile(note, &comparison, original, reworked).explained
    }

    #[test]
    fn a_dated_update_that_names_no_change_accounts_for_every_change() {
        let original = "Ferry times\n\nThe ferry leaves at 9:00.\n\nTickets cost $4.";
        let reworked = "Ferry times\n\nThe ferry leaves at 9:30.\n\nTickets cost $5.";
        let note = "_Updated March 3, 2025._";
        assert_eq!(explained_by(note, original, reworked), [true, true]);
        let comparison = compare(original, reworked);
        let checked = reconcile(note, &comparison, original, reworked);
        assert_eq!(checked.claims[0].kind, ClaimKind::Reworked);
        assert_eq!(checked.claims[0].text, "Updated March 3, 2025.");
        // An update that says what it is about is read for that.
        assert_eq!(
            explained_by(
                "Update, March 3 2025: the ferry now leaves at 9:30.",
                original,
                reworked
            ),
            [true, false]
        );
    }

    /// How `note` reads each change of `original` → `reworked`: part of the note, or not.
    fn parts_of(note: &str, original: &str, reworked: &str) -> Vec<Option<NotePart>> {
        let comparison = compare(original, reworked);
        reconcile(note, &comparison, original, reworked).note_parts
    }

    #[test]
    fn a_dated_update_with_a_title_heads_the_text_under_it() {
        let original = "# Mirrors\n\nThe mirrors sync daily.";
        let note = "_(Update 4-May-2021)_ **New mirrors available**";
        let reworked = "# Mirrors\n\n_(Update 4-May-2021)_ **New mirrors available**\n\n\
                        Two mirrors now serve Lyon and Porto.\n\nThe mirrors sync daily.";
        assert_eq!(
            parts_of(note, original, reworked),
            [Some(NotePart::Section)]
        );
        // Without a date the label and title are a plain note: the text after it is a change.
        let note = "**Update: New mirrors available**";
        let reworked = reworked.replace("_(Update 4-May-2021)_ **New mirrors available**", note);
        assert_eq!(parts_of(note, original, &reworked), [None]);
    }

    #[test]
    fn flags_on_words_out_of_date_are_part_of_the_note() {
        let original =
            "# Roots\n\nWe will stop using the old root in May.\n\nNothing else changes.";
        let reworked = "# Roots\n\n> **Update, June 2021:** We flagged the parts of this post that \
                        are no longer accurate.\n\n**[Out of date]** We will stop using the old \
                        root in May.\n\nNothing else changes.";
        let note = "> **Update, June 2021:** We flagged the parts of this post that are no longer accurate.";
        assert_eq!(parts_of(note, original, reworked), [Some(NotePart::Flag)]);
        // A sentence that speaks of old software is no flag.
        let reworked = reworked.replace("**[Out of date]** ", "Outdated clients will fail. ");
        assert_eq!(parts_of(note, original, &reworked), [None]);
    }

    #[test]
    fn inline_code_in_the_note_explains_the_changes_that_name_it() {
        let original = "# Plans\n\n### Removal of `config.legacyMode`\n\nThe option goes away in 3.0.\n\nThe rest stays.";
        let reworked = "# Plans\n\nThe rest stays.";
        let note = "**Update (2025-11-07)**: We previously planned on removing `config.legacyMode` but decided to keep it.";
        assert_eq!(explained_by(note, original, reworked), [true]);
        // A short span is a word of the language, found in many places.
        assert_eq!(
            explained_by(
                "Update: `try` blocks are now stable.",
                "Use try here.",
                "Use Try here."
            ),
            [false]
        );
    }

    #[test]
    fn a_dated_note_that_added_a_section_explains_it() {
        let original = "# Mirrors\n\nThe mirrors sync daily.";
        let reworked = "# Mirrors\n\n## Running your own\n\nStart a mirror with one command.\n\nThe mirrors sync daily.";
        let note = "**Update (2024-06-06):** Added section on running your own mirror.";
        assert_eq!(explained_by(note, original, reworked), [true]);
    }

    #[test]
    fn what_earlier_versions_referred_to_explains_the_changes_there() {
        let original = "# Spring\n\nBefore the conference, the Lyon hackathon runs for two weeks online.\n\nSee you there.";
        let reworked = "# Spring\n\nWe will not run the hackathon this year.\n\nSee you there.";
        let note = "**Update:** Earlier versions of this post referred to the Lyon hackathon before the conference. We had to cancel it.";
        assert_eq!(explained_by(note, original, reworked), [true]);
    }

    #[test]
    fn figures_moved_with_the_one_the_note_gives_on_its_line() {
        let original = "# Schedule\n\n- 16:55 - 17:30: The panel\n- 18:00 - 18:30: Closing";
        let reworked = "# Schedule\n\n- 14:55 - 15:30: The panel\n- 18:00 - 18:45: Closing";
        let note = "**Update:** previously the panel was at 16:55, it has been moved to 14:55.";
        // The end time on the panel's line moves with it; the closing's does not.
        assert_eq!(explained_by(note, original, reworked), [true, true, false]);
    }

    #[test]
    fn old_text_moved_under_a_correction_is_part_of_it() {
        let original = "# Benefits\n\n## Faster sync\n\nMirrors sync every hour, which makes reads fresh.\n\n## Smaller files\n\nFiles shrink by half.";
        let reworked = "# Benefits\n\n## Smaller files\n\nFiles shrink by half.\n\n## Update 2021-05-04\n\n\
                        Earlier versions of this page listed faster sync as a benefit. The previous \
                        text was:\n\nMirrors sync every hour, which makes reads fresh.";
        let note = "## Update 2021-05-04";
        let parts = parts_of(note, original, reworked);
        // The old paragraph, moved under the update, is the update's own text at both ends.
        assert!(
            parts
                .iter()
                .filter(|part| **part == Some(NotePart::Section))
                .count()
                >= 3,
            "{parts:?}"
        );
    }

    #[test]
    fn a_retraction_of_the_whole_version_accounts_for_every_change() {
        let original = "Ferry times\n\nThe ferry leaves at 9:00.\n\nTickets cost $4.";
        let reworked = "Ferry times\n\nThe ferry leaves at 9:30.\n\nTickets cost $5.";
        let note = "The original version of this article has been retracted; this one replaces it.";
        assert_eq!(explained_by(note, original, reworked), [true, true]);
    }

    #[test]
    fn a_post_said_to_be_tweaked_accounts_for_every_change() {
        let original = "Plans\n\nThe library opens on Monday.\n\nThe pool stays shut.";
        let reworked = "Plans\n\nThe library opens on Tuesday.\n\nThe pool stays closed.";
        let note = "Note added May 2024: this guide was written in 2019, and it has been \
                    tweaked in a few places for today's readers.";
        assert_eq!(explained_by(note, original, reworked), [true, true]);
        assert_eq!(
            post_said_edited(&["this", "post", "was", "lightly", "edited"]).as_deref(),
            Some("post was lightly edited")
        );
        // The post as the object of a preposition is not what was edited: the date is.
        let date = [
            "the", "date", "for", "this", "post", "has", "been", "updated",
        ];
        assert_eq!(post_said_edited(&date), None);
        assert_eq!(post_said_edited(&["edited", "by", "the", "desk"]), None);
        let typo = [
            "this", "post", "has", "been", "updated", "to", "fix", "a", "typo",
        ];
        assert_eq!(post_said_edited(&typo), None);
    }

    #[test]
    fn markup_named_by_its_tag_explains_the_elements_added() {
        let original = "Watch the demo below.\n\nSee the [guide](https://example.org/guide).";
        let reworked = "Watch the demo below.\n\n<noscript><a href=\"https://example.org/demo\">the demo</a></noscript>\n\nSee the [guide](https://example.org/v2/guide).";
        let note = "Note: the demos need JavaScript; without it, noscript tags with the proper \
                    links will be shown.";
        // The `<noscript>` paragraph is explained; the guide's new address is not, since the
        // note does not say a link was changed.
        assert_eq!(explained_by(note, original, reworked), [true, false]);
        let kinds: Vec<ClaimKind> = find_claims(note)
            .into_iter()
            .map(|(kind, _)| kind)
            .collect();
        assert_eq!(kinds, [ClaimKind::Markup("noscript".into())]);
        let fixed = find_claims("Update: we fixed a broken link to the guide.");
        assert!(
            fixed
                .iter()
                .any(|(kind, _)| *kind == ClaimKind::Fact(FactKind::Link))
        );
    }

    #[test]
    fn what_an_earlier_version_stated_explains_the_changes_in_that_sentence() {
        let original = "The tool is ready.\n\nIts national launch is set for this fall, starting in the Bureau of Water's Pacific region.\n\nTraining starts in June.";
        let reworked = "The tool is ready.\n\nIts national launch is set for this fall.\n\nTraining starts in July.";
        let note = "Correction: An earlier version of this post stated that the national launch \
                    would begin in the Bureau of Water's Pacific Region. The first region is \
                    still being chosen.";
        assert_eq!(
            stated_before(&note.to_lowercase()).as_deref(),
            Some("the national launch would begin in the bureau of water's pacific region")
        );
        // The launch sentence's cut is explained; the training month is not.
        assert_eq!(explained_by(note, original, reworked), [true, false]);
        // Said without an earlier version or an error, it is not a claim about the text.
        assert_eq!(
            stated_before("the mayor said that the pool would reopen in june."),
            None
        );
    }

    #[test]
    fn a_swap_whose_both_sides_the_note_names() {
        let original = "Agencies\n\nCISA issued a BOD to agencies on Friday. It is the second one.";
        let reworked = "Agencies\n\nCISA issued an ED to agencies on Friday. It is the second one.";
        let note = "_NB_: An earlier version labeled the directive type incorrectly. CISA has \
                    issued an ED (Emergency Directive), not a BOD.";
        assert_eq!(explained_by(note, original, reworked), [true]);
        // Little words alone are no swap the note names, even when it has them.
        let original = "Agencies\n\nCISA issued a directive on Friday.";
        let reworked = "Agencies\n\nCISA issued the directive on Friday.";
        assert_eq!(explained_by(note, original, reworked), [false]);
    }

    #[test]
    fn a_topic_in_the_notes_own_words() {
        let original = "Notices\n\nWe publish a report every month.\n\nOur platform is \
                        scanned daily, but you can ask us for the results.";
        let reworked = "Notices\n\nWe publish a report every month.\n\nOur platform is \
                        scanned daily, nor can we send notifications about it (per PMO guidance).";
        let note = "Originally published 2021-11-15, updated 2023-06-12 to clarify PMO guidance \
                    on notifications.";
        let comparison = compare(original, reworked);
        let checked = reconcile(note, &comparison, original, reworked);
        assert!(checked.explained.iter().all(|&explained| explained));
        assert!(checked.claims.iter().any(|claim| claim.kind
            == ClaimKind::Topic("pmo guidance on notifications".into())));
        // A topic no change names is no claim, and explains nothing.
        let note = "Updated 2023-06-12 to clarify the refund policy.";
        let checked = reconcile(note, &comparison, original, reworked);
        assert!(checked.explained.iter().all(|&explained| !explained));
        assert!(checked.claims.is_empty());
        assert_eq!(topic_of("updated september 24th, 2025"), None);
        assert_eq!(topic_of("this has not been updated the guide"), None);
        assert_eq!(
            topic_of("we updated the details of the project meeting."),
            Some("the details of the project meeting".into())
        );
    }

    #[test]
    fn the_numbers_of_a_post_are_all_its_figures() {
        let original = "Income\n\nWe received $197,345 in all.\n\nDonations came to $29,088.";
        let reworked = "Income\n\nWe received $211,656 in all.\n\nDonations came to $29,088.\n\n\
                        Payment fees came to -$2,942.";
        let note = "We revised how our financials were reported, to bring the numbers in this \
                    post in line with our approach.";
        assert_eq!(explained_by(note, original, reworked), [true, true]);
        // "The figure" speaks of one figure replaced, not of a paragraph added.
        let note = "We misstated the figure.";
        assert_eq!(explained_by(note, original, reworked), [true, false]);
    }

    #[test]
    fn rules_that_frame_a_note_are_its_own() {
        let original = "# Joins\n\nJoins warn on many matches.\n\nThe next part.";
        let note = "**Update**: as of June 1, version 1.1 warns less often.";
        // Rules drawn above and below the new note frame it.
        let reworked = "# Joins\n\nJoins warn on many matches.\n\n---\n\n**Update**: as of June 1, \
                        version 1.1 warns less often.\n\n---\n\nThe next part.";
        let parts = parts_of(note, original, reworked);
        assert!(parts.iter().all(Option::is_some), "{parts:?}");
        // A rule on one side only parts the note from the article's text.
        let reworked = "# Joins\n\n**Update**: as of June 1, version 1.1 warns less often.\n\n\
                        ---\n\nJoins warn on many matches.\n\nThe next part.";
        let comparison = compare(original, reworked);
        let checked = reconcile(note, &comparison, original, reworked);
        assert!(checked.note_parts.contains(&None), "{checked:?}");
    }

    #[test]
    fn the_notes_own_words_box_and_date_of_update() {
        // Text added in the note's own words.
        let original = "Policy\n\nThe policies go into effect on August 2.\n\nWe thank you.";
        let reworked = "Policy\n\nThe policies go into effect on August 2.\n\nIt may take \
                        several weeks for this requirement to be enforced.\n\nWe thank you.";
        let note = "Update: It may take several weeks for the requirement to be enforced.";
        assert_eq!(explained_by(note, original, reworked), [true]);
        // The article's date of update, changed with the note, is part of the note.
        let original = "Trial\n\nupdated: 2022-11-29\n\nThe trial runs until Chrome 113.";
        let reworked = "Trial\n\nupdated: 2023-04-21\n\nThe trial runs until Chrome 121.";
        let note = "Update, Apr 2023: the trial will be extended until Chrome 121.";
        let comparison = compare(original, reworked);
        let checked = reconcile(note, &comparison, original, reworked);
        assert_eq!(checked.note_parts, [Some(NotePart::Stamp), None]);
        assert_eq!(checked.explained, [true, true]);
        // A date that is no stamp is no part of the note.
        let original = "Trial\n\nThe trial started 2022-11-29.";
        let reworked = "Trial\n\nThe trial started 2023-04-21.";
        let comparison = compare(original, reworked);
        let checked = reconcile(note, &comparison, original, reworked);
        assert_eq!(checked.note_parts, [None]);
        // The box a new note is set in is the note's, as is a word added inside it.
        let original = "Trial\n\nThe trial runs until Chrome 113.";
        let reworked = "Trial\n\n{% Aside %}\n\nUpdate: the trial is extended.\n\n{% endAside %}\n\n\
                        The trial runs until Chrome 113.";
        let comparison = compare(original, reworked);
        let checked = reconcile(
            "Update: the trial is extended.",
            &comparison,
            original,
            reworked,
        );
        assert!(
            checked.note_parts.iter().all(Option::is_some),
            "{checked:?}"
        );
    }

    #[test]
    fn what_the_note_links_to() {
        let original = "Prerender\n\nPages can be prerendered.";
        let reworked = "Prerender\n\nPages can be prerendered.\n\n### Debugging speculation \
                        rules\n\nSee the dedicated post.";
        let note = "Update: see the [Debugging speculation rules post](/blog/debugging/).";
        assert_eq!(explained_by(note, original, reworked), [true]);
        let note = "Update: see [the blog post](/blog/debugging/).";
        assert_eq!(explained_by(note, original, reworked), [false]);
    }

    #[test]
    fn the_notes_own_dates_are_no_claims() {
        let numbers = |note: &str| -> Vec<String> {
            find_claims(note)
                .into_iter()
                .filter(|(kind, _)| matches!(kind, ClaimKind::Number(_)))
                .map(|(_, text)| text)
                .collect()
        };
        assert_eq!(
            numbers("Originally published 2021-11-15, updated 2023-06-12 to clarify the rules."),
            Vec::<String>::new()
        );
        assert_eq!(
            numbers("The meeting is on 2021-11-15, not 2021-11-08."),
            ["2021-11-15", "2021-11-08"]
        );
        // A date written with its month is the note's own after "updated in", "updated on".
        assert_eq!(
            numbers("Note: This section was updated in June 2019 to reflect the new pass."),
            Vec::<String>::new()
        );
        assert_eq!(
            numbers("Updated on 3 June 2019: the meeting moved to 17 June."),
            ["17"]
        );
    }

    #[test]
    fn a_section_said_updated_explains_the_changes_of_that_section() {
        let original = "# Guide\n\nInstall it with the old script.\n\n## Sorting\n\nWe copy \
                        the values twice.\n\n## History\n\nIt began in 2017.";
        let reworked = "# Guide\n\nInstall it with the new script.\n\n## Sorting\n\nNote: This \
                        section was updated in June to cover the new pass.\n\nWe copy the values \
                        once.\n\n## History\n\nIt began in 2016.";
        let note = "Note: This section was updated in June to cover the new pass.";
        // "twice" → "once" under its heading (the note's own text is no numbered change); not
        // the install script above it nor the year under the next heading.
        assert_eq!(explained_by(note, original, reworked), [false, true, false]);
        let comparison = compare(original, reworked);
        let checked = reconcile(note, &comparison, original, reworked);
        assert_eq!(checked.claims[0].kind, ClaimKind::Section);
        assert_eq!(checked.claims[0].changes, [1]);
        assert_eq!(
            section_said_edited(&["this", "section", "was", "updated", "in", "june"]).as_deref(),
            Some("this section was updated")
        );
        assert_eq!(section_said_edited(&["this", "section", "updated"]), None);
    }

    #[test]
    fn a_figure_a_change_keeps_is_not_what_the_note_gives() {
        let original = "Results\n\nWe tested on M53 and found 12 leaks.\n\nMore soon.";
        let reworked = "Results\n\nWe tested on release 53 and found 15 leaks.\n\nMore soon.";
        // "53" stands on both sides of the first change: the note's "53" does not explain
        // it; "15" is new in the second.
        let note = "Update: Chrome 53 now shows 15 leaks.";
        assert_eq!(explained_by(note, original, reworked), [false, true]);
    }

    #[test]
    fn plans_the_note_says_were_announced() {
        let original = "Uploads\n\nWe will retire the legacy uploader in March, so move your \
                        scripts.\n\nThe viewer stays as it is.";
        let reworked = "Uploads\n\nThe legacy uploader stays available for now.\n\nThe viewer \
                        stays as it was.";
        let note = "Update: We announced plans to retire the legacy uploader; after your \
                    feedback those plans are on hold.";
        assert_eq!(explained_by(note, original, reworked), [true, false]);
    }
}
