//! The labelled note cases (`tests/fixtures/notes/cases.jsonl`): real (original, reworked, note) triples whose every change a person marked as explained by the note or not, and Redline's agreement with those marks.
//!
//! A labelled change is matched to Redline's change by what it deletes and inserts; a change
//! Redline no longer makes counts as a disagreement, so the figure cannot rise by the diff
//! drifting away from the labels.

#![allow(dead_code)]

use std::collections::BTreeMap;

use redline_engine::{compare, reconcile};

pub struct Case {
    pub id: String,
    pub note: String,
    pub original: String,
    pub reworked: String,
    /// `(deleted, inserted)` → explained, as a person read it.
    pub labels: Vec<((String, String), bool)>,
}

pub fn read() -> Vec<Case> {
    crate::note_set::jsonl("notes/cases.jsonl")
        .into_iter()
        .map(|value| {
            let field = |name: &str| value[name].as_str().unwrap().to_owned();
            Case {
                id: field("id"),
                note: field("note"),
                original: field("original"),
                reworked: field("reworked"),
                labels: value["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|change| {
                        (
                            (
                                change["deleted"].as_str().unwrap().to_owned(),
                                change["inserted"].as_str().unwrap().to_owned(),
                            ),
                            change["explained"].as_bool().unwrap(),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// What Redline says of each of its changes in a case: `(deleted, inserted)` → explained.
pub fn redline_marks(case: &Case) -> BTreeMap<(String, String), Vec<bool>> {
    let comparison = compare(&case.original, &case.reworked);
    let checked = reconcile(&case.note, &comparison, &case.original, &case.reworked);
    let mut texts: BTreeMap<usize, (String, String)> = BTreeMap::new();
    for block in comparison
        .blocks
        .iter()
        .filter(|block| !block.frame && !block.note)
    {
        for segment in &block.segments {
            let Some(change) = segment.change.or(block.change) else {
                continue;
            };
            let entry = texts.entry(change).or_default();
            match segment.kind {
                redline_engine::SegmentKind::Delete => entry.0.push_str(&segment.text),
                redline_engine::SegmentKind::Insert => entry.1.push_str(&segment.text),
                _ => {}
            }
        }
    }
    let mut marks: BTreeMap<(String, String), Vec<bool>> = BTreeMap::new();
    for (change, text) in texts {
        let explained = checked.explained.get(change).copied().unwrap_or(false);
        marks.entry(text).or_default().push(explained);
    }
    marks
}

/// Agreement over every labelled change: `(agreeing, labelled, disagreements)`.
pub fn agreement(cases: &[Case]) -> (usize, usize, Vec<String>) {
    let (mut agree, mut n, mut misses) = (0, 0, Vec::new());
    for case in cases {
        let mut marks = redline_marks(case);
        for ((deleted, inserted), expected) in &case.labels {
            n += 1;
            let got = marks
                .get_mut(&(deleted.clone(), inserted.clone()))
                .and_then(|marks| (!marks.is_empty()).then(|| marks.remove(0)));
            if got == Some(*expected) {
                agree += 1;
            } else {
                let short = |text: &str| text.chars().take(60).collect::<String>();
                misses.push(format!(
                    "{}: -{:?} +{:?}: labelled {}, Redline {}",
                    case.id,
                    short(deleted),
                    short(inserted),
                    if *expected {
                        "explained"
                    } else {
                        "not explained"
                    },
                    match got {
                        Some(true) => "explained",
                        Some(false) => "not explained",
                        None => "has no such change",
                    }
                ));
            }
        }
    }
    (agree, n, misses)
}
