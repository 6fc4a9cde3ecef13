//! The labelled note set (`tests/fixtures/notes/labelled*.jsonl`) and how Redline is scored on it, shared by the tests and `make bench-notes`.
//!
//! Each published note (and each look-alike paragraph: a "Note:" that explains code, a heading
//! that starts with "Update") is read the way a reader pastes it: inside an article, at its
//! start or at its end. A note is found when a detected note overlaps it; its kind is the kind
//! of that detection. A GOV.UK change note (`form: change-note`) is a CMS field with no label,
//! so it is classified, not found.

#![allow(dead_code)]

use std::collections::BTreeMap;

use redline_engine::{NoteKind, classify_note, detect_notes};

/// One labelled paragraph of the set.
pub struct Labelled {
    pub id: String,
    pub publisher: String,
    pub lang: String,
    /// `correction`, `update`, `clarification`, `retraction`, `disclaimer` or `none`.
    pub kind: String,
    /// `tuning` or `held-out`: the held-out part is never read to change a rule.
    pub part: String,
    pub change_note: bool,
    pub text: String,
}

/// The kinds a note of the set can have, in table order, `none` last.
pub const KINDS: &[&str] = &[
    "correction",
    "update",
    "clarification",
    "retraction",
    "disclaimer",
    "none",
];

/// The lines of a JSON Lines file of `tests/fixtures/`, parsed.
pub fn jsonl(name: &str) -> Vec<serde_json::Value> {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The set's paragraphs: `labelled.jsonl`, then `labelled-cc-by-sa.jsonl`, which holds the
/// paragraphs whose licence (CC BY-SA 4.0) its adaptation must carry, apart from the rest.
pub fn read() -> Vec<Labelled> {
    jsonl("notes/labelled.jsonl")
        .into_iter()
        .chain(jsonl("notes/labelled-cc-by-sa.jsonl"))
        .map(|value| {
            let field = |name: &str| value[name].as_str().unwrap_or_default().to_owned();
            Labelled {
                id: field("id"),
                publisher: field("publisher"),
                lang: field("lang"),
                kind: field("kind"),
                part: field("part"),
                change_note: field("form") == "change-note",
                text: field("text"),
            }
        })
        .collect()
}

/// The label of a detected kind, as the set spells it.
pub fn label(kind: Option<NoteKind>) -> &'static str {
    match kind {
        Some(NoteKind::Correction) => "correction",
        Some(NoteKind::Update) => "update",
        Some(NoteKind::Clarification) => "clarification",
        Some(NoteKind::Retraction) => "retraction",
        Some(NoteKind::Disclaimer) => "disclaimer",
        None => "none",
    }
}

/// Real article bodies the notes are read inside (an 18F post and a Wikinews article, from
/// `tests/fixtures/pairs.jsonl`): their own text holds no note.
pub fn hosts() -> Vec<String> {
    jsonl("pairs.jsonl")
        .into_iter()
        .filter_map(|value| {
            let id = value["id"].as_str()?;
            [
                "18f-mississippi-department-name",
                "wikinews-iterater-45505-d1",
            ]
            .contains(&id)
            .then(|| value["original"].as_str().unwrap().to_owned())
        })
        .collect()
}

/// What Redline made of one labelled paragraph.
pub struct Outcome {
    pub expected: &'static str,
    pub got: &'static str,
    /// Notes detected in the host article outside the paragraph.
    pub stray: usize,
}

/// Reads the paragraph at the start of a host article (even positions in the set) or at its
/// end (odd ones), and returns the kind found there.
pub fn judge(item: &Labelled, position: usize, hosts: &[String]) -> Outcome {
    let expected = KINDS
        .iter()
        .copied()
        .find(|&kind| kind == item.kind)
        .unwrap_or_else(|| panic!("{}: unknown kind {}", item.id, item.kind));
    if item.change_note {
        return Outcome {
            expected,
            got: label(Some(classify_note(&item.text))),
            stray: 0,
        };
    }
    let host = hosts[position % hosts.len()].trim();
    let (text, range) = if position.is_multiple_of(2) {
        (format!("{}\n\n{host}\n", item.text), 0..item.text.len())
    } else {
        let start = host.len() + 2;
        (
            format!("{host}\n\n{}\n", item.text),
            start..start + item.text.len(),
        )
    };
    let notes = detect_notes(&text);
    let inside =
        |note: &&redline_engine::Note| note.range[0] < range.end && range.start < note.range[1];
    let got = notes.iter().find(inside).map(|note| note.kind);
    Outcome {
        expected,
        got: label(got),
        stray: notes.iter().filter(|note| !inside(note)).count(),
    }
}

/// Counts per expected and detected kind, for one part of the set.
#[derive(Default)]
pub struct Table {
    /// `(expected, got)` → count.
    pub cells: BTreeMap<(&'static str, &'static str), usize>,
    pub stray: usize,
}

impl Table {
    pub fn add(&mut self, outcome: &Outcome) {
        *self
            .cells
            .entry((outcome.expected, outcome.got))
            .or_default() += 1;
        self.stray += outcome.stray;
    }

    fn count(&self, keep: impl Fn(&str, &str) -> bool) -> usize {
        self.cells
            .iter()
            .filter(|((expected, got), _)| keep(expected, got))
            .map(|(_, n)| n)
            .sum()
    }

    pub fn n_labelled(&self, kind: &str) -> usize {
        self.count(|expected, _| expected == kind)
    }

    /// Of the paragraphs labelled `kind`, how many got that kind.
    pub fn recall(&self, kind: &str) -> (usize, usize) {
        (
            self.count(|expected, got| expected == kind && got == kind),
            self.n_labelled(kind),
        )
    }

    /// Of the paragraphs detected as `kind`, how many were labelled that kind.
    pub fn precision(&self, kind: &str) -> (usize, usize) {
        (
            self.count(|expected, got| expected == kind && got == kind),
            self.count(|_, got| got == kind),
        )
    }

    /// Corrections, updates and clarifications found as a note that reports a change (any
    /// kind but a disclaimer), the measure of recall.
    pub fn change_notes_found(&self) -> (usize, usize) {
        let is_change = |kind: &str| matches!(kind, "correction" | "update" | "clarification");
        (
            self.count(|expected, got| {
                is_change(expected) && !matches!(got, "none" | "disclaimer")
            }),
            self.count(|expected, _| is_change(expected)),
        )
    }

    /// Look-alikes (labelled `none` or `disclaimer`) taken for a correction or a retraction.
    pub fn look_alikes_as_corrections(&self) -> (usize, usize) {
        let is_look_alike = |kind: &str| matches!(kind, "none" | "disclaimer");
        (
            self.count(|expected, got| {
                is_look_alike(expected) && matches!(got, "correction" | "retraction")
            }),
            self.count(|expected, _| is_look_alike(expected)),
        )
    }

    /// Look-alikes labelled `none` taken for any note.
    pub fn look_alikes_as_notes(&self) -> (usize, usize) {
        (
            self.count(|expected, got| expected == "none" && got != "none"),
            self.n_labelled("none"),
        )
    }
}

/// Scores every paragraph of the set, by part: `(tuning, held-out, misses in tuning)`. The
/// held-out part's misses are not returned, so that nobody tunes a rule on them.
pub fn score(set: &[Labelled]) -> (Table, Table, Vec<String>) {
    let hosts = hosts();
    let (mut tuning, mut held_out, mut misses) = (Table::default(), Table::default(), Vec::new());
    for (position, item) in set.iter().enumerate() {
        let outcome = judge(item, position, &hosts);
        if item.part == "held-out" {
            held_out.add(&outcome);
        } else {
            if outcome.got != outcome.expected || outcome.stray > 0 {
                misses.push(format!(
                    "{} [{}]: {} taken for {}{}: {:?}",
                    item.id,
                    item.lang,
                    outcome.expected,
                    outcome.got,
                    if outcome.stray > 0 {
                        " (stray notes)"
                    } else {
                        ""
                    },
                    item.text.chars().take(140).collect::<String>()
                ));
            }
            tuning.add(&outcome);
        }
    }
    (tuning, held_out, misses)
}
