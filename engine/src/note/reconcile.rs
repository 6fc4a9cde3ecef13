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
use crate::model::{FactKind, change_texts};
use crate::note::facts::is_magnitude;

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
    /// For each numbered change, whether a claim explains it (or it is the note itself).
    pub explained: Vec<bool>,
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

    let mut claims = Vec::new();
    // The label and the date it carries ("Update, 14 February 2023:") say when, not what.
    for (kind, text) in find_claims(crate::note::detect::note_body(note)) {
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
                                && (normalize(&fact.old).contains(&value)
                                    || normalize(&fact.new).contains(&value))
                        })
                };
                // Quoted old wording explains the changes inside the words it quotes: "described
                // the section as 'Burning down the tree'" explains "Burning down" → "Pruning".
                let inside_quote = |deleted: &str| {
                    matches!(kind, ClaimKind::Quoted(_))
                        && deleted.chars().filter(|c| c.is_alphanumeric()).count() >= 3
                        && value.contains(deleted)
                };
                let changes: Vec<usize> = changed
                    .iter()
                    .enumerate()
                    .filter(|(change, (deleted, inserted))| {
                        let deleted = normalize(deleted);
                        deleted.contains(&value)
                            || normalize(inserted).contains(&value)
                            || inside_quote(&deleted)
                            || in_facts(*change)
                    })
                    .map(|(change, _)| change)
                    .collect();
                let matched = !changes.is_empty();
                (changes, matched)
            }
            ClaimKind::Fact(fact) => {
                // "the number of homes" names what the number is of: the changes of that kind
                // whose paragraph speaks of homes, when there are any.
                let mut changes = facts_of(*fact);
                // "The name was changed" speaks of a name replaced, not of the names in a
                // paragraph added whole: replacements first, when there are any.
                let replaced: Vec<usize> = changes
                    .iter()
                    .copied()
                    .filter(|&change| {
                        !changed[change].0.trim().is_empty() && !changed[change].1.trim().is_empty()
                    })
                    .collect();
                if !replaced.is_empty() {
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
        claims.push(ClaimCheck {
            kind,
            text,
            changes,
            matched,
        });
    }

    let mut explained = vec![false; n_changes];
    for claim in &claims {
        for &change in &claim.changes {
            explained[change] = true;
        }
    }
    // The note itself, added to the reworked text, is explained by being the note.
    let note_words = normalize(note);
    if !note_words.is_empty() {
        for (change, (_, inserted)) in changed.iter().enumerate() {
            let inserted = normalize(inserted);
            if !inserted.is_empty()
                && (inserted.contains(&note_words)
                    || note_words.contains(&inserted) && inserted.len() > 20)
            {
                explained[change] = true;
            }
        }
    }
    let mut unmentioned_fact_changes: Vec<usize> = comparison
        .facts
        .iter()
        .map(|fact| fact.change)
        .filter(|&change| !explained[change])
        .collect();
    unmentioned_fact_changes.dedup();

    let n_explained = explained.iter().filter(|&&is| is).count();
    let n_unmatched = claims.iter().filter(|claim| !claim.matched).count();
    let summary = summary(
        note,
        n_changes,
        n_explained,
        unmentioned_fact_changes.len(),
        n_unmatched,
    );
    Reconciliation {
        claims,
        explained,
        unmentioned_fact_changes,
        summary,
    }
}

fn summary(
    note: &str,
    n_changes: usize,
    n_explained: usize,
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
    if n_changes == 0 {
        return "The two versions are the same; there is nothing for a note to explain.".to_owned();
    }
    if note.trim().is_empty() {
        return format!(
            "No note given: {} and no note to explain them.",
            plural(n_changes, "change", "changes")
        );
    }
    let mut res = format!(
        "The note mentions {n_explained} of {}",
        plural(n_changes, "change", "changes")
    );
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
    // Numbers outside the quotes, with the magnitude that follows them ("$70 BILLION").
    let tokens = tokenize(note);
    let mut offset = 0;
    for (idx, token) in tokens.iter().enumerate() {
        let range = offset..offset + token.len();
        offset = range.end;
        if token.chars().any(|c| c.is_ascii_digit())
            && !quoted_ranges
                .iter()
                .any(|quote| quote.contains(&range.start))
        {
            let figure = match (tokens.get(idx + 1), tokens.get(idx + 2)) {
                (Some(&" "), Some(word)) if is_magnitude(word) => format!("{token} {word}"),
                _ => (*token).to_owned(),
            };
            claims.push((ClaimKind::Number(figure.clone()), figure));
        }
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
            "date", "dates", "day", "days", "year", "month", "schedule", "fecha", "fechas", "datum",
        ]))
        .as_deref(),
    );
    add(
        ClaimKind::Fact(FactKind::Quotation),
        has(&["quote", "quotation", "quoted", "citation"]),
    );
    add(
        ClaimKind::Fact(FactKind::Link),
        has(&["link", "links", "url", "lien"]),
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
    claims
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

/// The number of letters to insert, delete or replace to turn `a` into `b`.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
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
}
