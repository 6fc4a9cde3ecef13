//! The labelled note cases (`tests/fixtures/notes/cases*.jsonl`): real (original, reworked, note) triples whose every change a person marked as explained by the note or not, in a tuning and a held-out part, and Redline's agreement with those marks.
//!
//! A labelled change is matched to Redline's change by what it deletes and inserts; a change
//! Redline no longer makes counts as a disagreement, so the figure cannot rise by the diff
//! drifting away from the labels.

#![allow(dead_code)]

use std::collections::BTreeMap;

use redline_engine::{compare, reconcile};

pub struct Case {
    pub id: String,
    /// Collected after the note check's rules were last tuned and never read while tuning
    /// them (`"part": "held-out"`); the rest were read while the rules were written.
    pub held_out: bool,
    pub note: String,
    pub original: String,
    pub reworked: String,
    /// `(deleted, inserted)` → explained, as a person read it.
    pub labels: Vec<((String, String), bool)>,
}

/// The cases: `cases.jsonl`, then `cases-cc-by-sa.jsonl`, which holds the cases whose licence
/// (CC BY-SA 4.0) its adaptation must carry, apart from the rest.
pub fn read() -> Vec<Case> {
    crate::note_set::jsonl("notes/cases.jsonl")
        .into_iter()
        .chain(crate::note_set::jsonl("notes/cases-cc-by-sa.jsonl"))
        .map(|value| {
            let field = |name: &str| value[name].as_str().unwrap().to_owned();
            Case {
                id: field("id"),
                held_out: value["part"].as_str() == Some("held-out"),
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

/// The cases in their two parts: `(tuning, held_out)`.
pub fn read_parts() -> (Vec<Case>, Vec<Case>) {
    read().into_iter().partition(|case| !case.held_out)
}

/// What Redline says of one of its changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A claim of the note explains it.
    Explained,
    /// No claim explains it.
    NotExplained,
    /// It is part of the note (an edit of the note's text, the update under its heading):
    /// left out of the note's count.
    NotePart,
}

/// What Redline says of each of its changes in a case: `(deleted, inserted)` → marks, in
/// the order the changes come.
pub fn redline_marks(case: &Case) -> BTreeMap<(String, String), Vec<Mark>> {
    let comparison = compare(&case.original, &case.reworked);
    let checked = reconcile(&case.note, &comparison, &case.original, &case.reworked);
    let mut texts: BTreeMap<usize, (String, String)> = BTreeMap::new();
    let mut marks: BTreeMap<(String, String), Vec<Mark>> = BTreeMap::new();
    // The blocks Redline shows as the note itself are numbered as no change; a person reading
    // a case where Redline finds no note marks its insertion explained, so they count as part
    // of the note. A note's lines in a row are blocks of their own, which a person may have
    // marked one by one or as one change: both are kept.
    let mut runs: Vec<Vec<(String, String)>> = vec![Vec::new()];
    let text_of = |segments: &mut dyn Iterator<Item = &redline_engine::Segment>,
                   text: &mut (String, String)| {
        for segment in segments {
            match segment.kind {
                redline_engine::SegmentKind::Delete => text.0.push_str(&segment.text),
                redline_engine::SegmentKind::Insert => text.1.push_str(&segment.text),
                _ => {}
            }
        }
    };
    for block in comparison.blocks.iter().filter(|block| !block.frame) {
        if block.note {
            let mut text = Default::default();
            text_of(&mut block.segments.iter(), &mut text);
            runs.last_mut().unwrap().push(text);
            continue;
        }
        if !runs.last().unwrap().is_empty() {
            runs.push(Vec::new());
        }
        for segment in &block.segments {
            if let Some(change) = segment.change.or(block.change) {
                text_of(
                    &mut std::iter::once(segment),
                    texts.entry(change).or_default(),
                );
            }
        }
    }
    for run in runs {
        if run.len() > 1 {
            let joined = run.iter().fold(<(String, String)>::default(), |acc, text| {
                (acc.0 + &text.0 + "\n", acc.1 + &text.1 + "\n")
            });
            marks.entry(joined).or_default().push(Mark::NotePart);
        }
        for text in run {
            marks.entry(text).or_default().push(Mark::NotePart);
        }
    }
    for (change, text) in texts {
        let mark = if checked.note_parts.get(change).copied().flatten().is_some() {
            Mark::NotePart
        } else if checked.explained.get(change).copied().unwrap_or(false) {
            Mark::Explained
        } else {
            Mark::NotExplained
        };
        marks.entry(text).or_default().push(mark);
    }
    marks
}

/// Redline's agreement with the labels.
#[derive(Debug, Default)]
pub struct Agreement {
    /// Labelled changes, and those Redline marks alike (a change it reads as part of the note
    /// counts as explained: the note accounts for it).
    pub n: usize,
    pub agree: usize,
    /// Labelled changes Redline reads as part of the note, and how many of them the person
    /// marked explained.
    pub note_parts: usize,
    pub note_parts_labelled_explained: usize,
    /// Agreement on the other labelled changes: those the note's count is about.
    pub counted_agree: usize,
    /// One line per labelled change Redline marks otherwise.
    pub misses: Vec<String>,
}

/// Agreement over every labelled change.
pub fn agreement(cases: &[Case]) -> Agreement {
    let mut res = Agreement::default();
    for case in cases {
        let mut marks = redline_marks(case);
        for ((deleted, inserted), expected) in &case.labels {
            res.n += 1;
            // The same change with other white space (a note block ends where its text does
            // and its lines are blocks of their own; a labelled insertion took the line breaks)
            // is that change.
            let key = (deleted.clone(), inserted.clone());
            let trimmed = |(deleted, inserted): &(String, String)| {
                let bare = |text: &str| text.split_whitespace().collect::<String>();
                (bare(deleted), bare(inserted))
            };
            let key = if marks.get(&key).is_some_and(|marks| !marks.is_empty())
                || trimmed(&key) == (String::new(), String::new())
            {
                key
            } else {
                marks
                    .iter()
                    .find(|(other, marks)| !marks.is_empty() && trimmed(other) == trimmed(&key))
                    .map_or(key, |(other, _)| other.clone())
            };
            let got = marks
                .get_mut(&key)
                .and_then(|marks| (!marks.is_empty()).then(|| marks.remove(0)));
            if got == Some(Mark::NotePart) {
                res.note_parts += 1;
                res.note_parts_labelled_explained += usize::from(*expected);
            }
            let explained = got.map(|mark| mark != Mark::NotExplained);
            if explained == Some(*expected) {
                res.agree += 1;
                res.counted_agree += usize::from(got != Some(Mark::NotePart));
            } else {
                let short = |text: &str| text.chars().take(60).collect::<String>();
                res.misses.push(format!(
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
                        Some(Mark::Explained) => "explained",
                        Some(Mark::NotePart) => "part of the note",
                        Some(Mark::NotExplained) => "not explained",
                        None => "has no such change",
                    }
                ));
            }
        }
    }
    res
}
