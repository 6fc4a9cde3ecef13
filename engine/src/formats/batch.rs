//! Comparisons in bulk: one JSON Lines record in, one result record out, as `redline batch` and the Python package give them.
//!
//! A request is a JSON object: `{"id", "original", "reworked", "note"?}` for a pair, or
//! `{"id", "versions": [...]}` for a version history, each version a text or
//! `{"text", "note"?, "label"?}`. Any other field is left alone, so records can carry their own
//! metadata. The `id` is copied to the result as it is (any JSON value; `null` when missing).
//!
//! A pair's result is a [`PairResult`] with the `id` beside it; a history's is
//! `{"id", "steps": [...]}`, one [`PairResult`] per step (version 1 → 2, 2 → 3, …) with its
//! `from` and `to` (counted from 1), the note of the later version checked against each step,
//! as the page checks it.
//!
//! Everything here is a pure function of the line and the options, so the command line, the
//! Python package and a distributed run that calls it give the same records for the same
//! input, whatever the order or the machine.
//!
//! ```
//! use redline_engine::formats::batch::{answer_line, Settings};
//!
//! let line = r#"{"id": 7, "original": "It cost $5.", "reworked": "It cost $6."}"#;
//! let result: serde_json::Value = serde_json::from_str(&answer_line(line, &Settings::default()).unwrap()).unwrap();
//! assert_eq!(result["id"], 7);
//! assert_eq!(result["n_changes"], 1);
//! assert_eq!(result["changes"][0]["old"], "$5");
//! assert_eq!(result["changes"][0]["original"][0], serde_json::json!([8, 10]));
//! assert_eq!(result["facts"][0]["kind"], "number");
//!
//! let err = answer_line(r#"{"id": 8, "original": "only one side"}"#, &Settings::default()).unwrap_err();
//! assert_eq!(err, "needs \"original\" and \"reworked\" (texts), or \"versions\" (a list of 2 or more)");
//! ```

use serde::Serialize;
use serde_json::{Map, Value};

#[cfg(feature = "parse-html")]
use crate::formats::page;
use crate::model::change_texts;
use crate::note::detect::carried;
use crate::{
    ChangeKind, ClaimCheck, Comparison, Fact, NoteKind, NotePart, Options, Stats, classify_note,
    compare_with_options, reconcile,
};

/// How every record of a batch is compared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The comparison options, the same for every record.
    pub options: Options,
    /// Whether each result carries the whole comparison (its blocks and segments), as
    /// `redline compare --json` prints it, under `"comparison"`.
    pub full: bool,
}

/// One request, read from its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The record's `id`, copied to its result.
    pub id: Value,
    /// The versions, oldest first: two for a pair.
    pub versions: Vec<VersionIn>,
    /// Whether the request gave `versions` (its result has `steps`) rather than a pair.
    pub is_history: bool,
}

/// One version of a request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VersionIn {
    /// The version's text.
    pub text: String,
    /// The correction note published with it.
    pub note: String,
    /// A label, such as the time it was captured.
    pub label: String,
}

/// What the comparison of two versions gives, as a result record holds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairResult {
    /// In a history's `steps`: the earlier version, counted from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<usize>,
    /// In a history's `steps`: the later version, counted from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<usize>,
    /// The numbered changes ([`Comparison::n_changes`]); cosmetic differences are not among
    /// them.
    pub n_changes: usize,
    /// Word and paragraph counts, cosmetic changes among them.
    pub stats: Stats,
    /// Every numbered change, in reading order.
    pub changes: Vec<ChangeOut>,
    /// The changed facts (numbers, dates, names, quotations, links, the headline).
    pub facts: Vec<Fact>,
    /// The note checked: the one given, else the one the reworked text carries; `null` when
    /// there is none.
    pub note: Option<NoteOut>,
    /// The note read against the changes.
    pub check: CheckOut,
    /// The whole comparison, with [`Settings::full`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
}

/// One numbered change of a result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeOut {
    /// Its number, from 0, as [`Fact::change`] counts.
    pub change: usize,
    /// What it does.
    pub kind: ChangeKind,
    /// Byte ranges of its deleted text in the original (`[start, end]`, end exclusive);
    /// adjacent ranges are joined.
    pub original: Vec<[usize; 2]>,
    /// Byte ranges of its inserted text in the reworked text.
    pub reworked: Vec<[usize; 2]>,
    /// The deleted text; pieces that are not adjacent are joined by " … ".
    pub old: String,
    /// The inserted text, likewise.
    pub new: String,
    /// Whether the note explains it (or it is part of the note).
    pub explained: bool,
    /// The words of the note whose claims match it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub explained_by: Vec<String>,
    /// How it is part of the note, when it is: such changes are left out of the note's count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_part: Option<NotePart>,
}

/// The note a result checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteOut {
    /// What kind of note it is.
    pub kind: NoteKind,
    /// Its text.
    pub text: String,
    /// Whether it was given in the record (`note`) rather than found in the reworked text.
    pub given: bool,
    /// Where the reworked text carries it, in bytes; `null` for a given note.
    pub range: Option<[usize; 2]>,
}

/// The note's check in a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckOut {
    /// One sentence that sums it up, as the page shows it.
    pub summary: String,
    /// Changes the note explains, of those it is about (not counting its own text).
    pub explained: usize,
    /// Changes the note is about: every numbered change but the note's own text.
    pub counted: usize,
    /// Numbered changes that alter a fact and that the note does not explain.
    pub unmentioned_fact_changes: Vec<usize>,
    /// Each claim of the note, with the changes it matches.
    pub claims: Vec<ClaimCheck>,
}

/// Reads one line of a batch's input, or says in one sentence what is wrong with it.
pub fn read_request(line: &str) -> Result<Request, String> {
    let value: Value = serde_json::from_str(line).map_err(|err| format!("not JSON: {err}"))?;
    let Value::Object(mut record) = value else {
        return Err("a record must be a JSON object".to_owned());
    };
    let id = record.remove("id").unwrap_or(Value::Null);
    let text = |record: &mut Map<String, Value>, key: &str| -> Result<Option<String>, String> {
        match record.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(format!("\"{key}\" must be a text (a JSON string)")),
        }
    };
    let original = text(&mut record, "original")?;
    let reworked = text(&mut record, "reworked")?;
    let note = text(&mut record, "note")?.unwrap_or_default();
    let versions = record.remove("versions").filter(|value| !value.is_null());
    match (original, reworked, versions) {
        (None, None, Some(versions)) => {
            if !note.is_empty() {
                return Err("a record with \"versions\" gives each version its note (\"versions\": [{\"text\": …, \"note\": …}]), not \"note\"".to_owned());
            }
            let versions = read_versions(versions)?;
            Ok(Request {
                id,
                versions,
                is_history: true,
            })
        }
        (_, _, Some(_)) => Err(
            "a record has either \"original\" and \"reworked\", or \"versions\", not both"
                .to_owned(),
        ),
        (Some(original), Some(reworked), None) => Ok(Request {
            id,
            versions: vec![
                VersionIn {
                    text: original,
                    ..VersionIn::default()
                },
                VersionIn {
                    text: reworked,
                    note,
                    ..VersionIn::default()
                },
            ],
            is_history: false,
        }),
        _ => Err(
            "needs \"original\" and \"reworked\" (texts), or \"versions\" (a list of 2 or more)"
                .to_owned(),
        ),
    }
}

fn read_versions(versions: Value) -> Result<Vec<VersionIn>, String> {
    let Value::Array(versions) = versions else {
        return Err("\"versions\" must be a list".to_owned());
    };
    if versions.len() < 2 {
        return Err(format!(
            "\"versions\" needs 2 versions or more, not {}",
            versions.len()
        ));
    }
    versions
        .into_iter()
        .enumerate()
        .map(|(idx, version)| {
            let wrong = || {
                format!(
                    "versions[{idx}] must be a text or {{\"text\", \"note\", \"label\"}} with texts"
                )
            };
            match version {
                Value::String(text) => Ok(VersionIn {
                    text,
                    ..VersionIn::default()
                }),
                Value::Object(mut fields) => {
                    let mut take = |key: &str, needed: bool| match fields.remove(key) {
                        Some(Value::String(text)) => Ok(text),
                        None | Some(Value::Null) if !needed => Ok(String::new()),
                        _ => Err(wrong()),
                    };
                    Ok(VersionIn {
                        text: take("text", true)?,
                        note: take("note", false)?,
                        label: take("label", false)?,
                    })
                }
                _ => Err(wrong()),
            }
        })
        .collect()
}

/// The text a version is compared as: the article, when it is HTML source (with the
/// `parse-html` feature; the byte ranges of its changes are then into that article's text,
/// what `redline extract` prints); a text, a copied whole page included, as it is, since the
/// comparison finds the article in it and its ranges stay those of the input.
fn prepared(text: &str) -> std::borrow::Cow<'_, str> {
    #[cfg(feature = "parse-html")]
    if page::looks_like_html(text) {
        return std::borrow::Cow::Owned(page::read_html(&page::parse_html(text)).article_text());
    }
    std::borrow::Cow::Borrowed(text)
}

/// Compares two versions and reads the note against the changes: what one result (or one step
/// of a history's) holds.
pub fn compare_pair(original: &str, reworked: &str, note: &str, settings: &Settings) -> PairResult {
    let (original, reworked) = (prepared(original), prepared(reworked));
    let comparison = compare_with_options(&original, &reworked, &settings.options);
    let note = if note.trim().is_empty() {
        carried(&reworked, &comparison).map(|found| NoteOut {
            kind: found.kind,
            text: found.text,
            given: false,
            range: Some(found.range),
        })
    } else {
        Some(NoteOut {
            kind: classify_note(note),
            text: note.to_owned(),
            given: true,
            range: None,
        })
    };
    let note_text = note.as_ref().map_or("", |note| note.text.as_str());
    let reconciliation = reconcile(note_text, &comparison, &original, &reworked);
    let marks = comparison.change_marks();
    let changes = change_texts(&comparison)
        .into_iter()
        .zip(&marks)
        .enumerate()
        .map(|(idx, (text, mark))| {
            let (original_ranges, old) = joined(&original, &text.deleted);
            let (reworked_ranges, new) = joined(&reworked, &text.inserted);
            ChangeOut {
                change: idx,
                kind: mark.kind,
                original: original_ranges,
                reworked: reworked_ranges,
                old,
                new,
                explained: reconciliation.explained.get(idx).copied().unwrap_or(false),
                explained_by: reconciliation
                    .claims
                    .iter()
                    .filter(|claim| claim.changes.contains(&idx))
                    .map(|claim| claim.text.clone())
                    .collect(),
                note_part: reconciliation.note_parts.get(idx).copied().flatten(),
            }
        })
        .collect::<Vec<_>>();
    let counted: Vec<&ChangeOut> = changes
        .iter()
        .filter(|change| change.note_part.is_none())
        .collect();
    let check = CheckOut {
        explained: counted.iter().filter(|change| change.explained).count(),
        counted: counted.len(),
        summary: reconciliation.summary,
        unmentioned_fact_changes: reconciliation.unmentioned_fact_changes,
        claims: reconciliation.claims,
    };
    PairResult {
        from: None,
        to: None,
        n_changes: comparison.n_changes,
        stats: comparison.stats.clone(),
        changes,
        facts: comparison.facts.clone(),
        note,
        check,
        comparison: settings.full.then_some(comparison),
    }
}

/// Ranges joined where they touch, and their text, pieces apart joined by " … ".
fn joined(text: &str, ranges: &[std::ops::Range<usize>]) -> (Vec<[usize; 2]>, String) {
    let mut res: Vec<[usize; 2]> = Vec::new();
    for range in ranges {
        match res.last_mut() {
            Some(last) if last[1] == range.start => last[1] = range.end,
            _ => res.push([range.start, range.end]),
        }
    }
    let pieces: Vec<&str> = res
        .iter()
        .map(|&[start, end]| text.get(start..end).unwrap_or_default())
        .collect();
    (res, pieces.join(" … "))
}

/// The result record of a request: the `id` first, then a [`PairResult`]'s fields for a
/// pair, or the `steps` of a history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// The result of a pair.
    Pair {
        /// The request's `id`.
        id: Value,
        /// The comparison's result, its fields beside the `id`.
        #[serde(flatten)]
        result: Box<PairResult>,
    },
    /// The results of a history's steps.
    History {
        /// The request's `id`.
        id: Value,
        /// One result per step, with its `from` and `to`.
        steps: Vec<PairResult>,
    },
}

/// The result record of `request`.
pub fn answer(request: &Request, settings: &Settings) -> Answer {
    let id = request.id.clone();
    let mut steps: Vec<PairResult> = request
        .versions
        .windows(2)
        .enumerate()
        .map(|(idx, pair)| {
            let mut result = compare_pair(&pair[0].text, &pair[1].text, &pair[1].note, settings);
            if request.is_history {
                (result.from, result.to) = (Some(idx + 1), Some(idx + 2));
            }
            result
        })
        .collect();
    if request.is_history {
        Answer::History { id, steps }
    } else {
        let result = steps.pop().expect("a pair has two versions");
        Answer::Pair {
            id,
            result: Box::new(result),
        }
    }
}

/// One line of a batch's input to its result line (compact JSON, no newline), or the one-line
/// message saying why the line was skipped.
pub fn answer_line(line: &str, settings: &Settings) -> Result<String, String> {
    let request = read_request(line)?;
    Ok(serde_json::to_string(&answer(&request, settings)).expect("a result is plain data"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(line: &str) -> Value {
        serde_json::from_str(&answer_line(line, &Settings::default()).unwrap()).unwrap()
    }

    #[test]
    fn a_pair_gives_its_changes_with_ranges_into_each_text() {
        let original = "Council approves plan\n\nThe plan costs $50,000 and starts Monday.";
        let reworked = "Council approves plan\n\nThe plan costs $30,000 and starts Tuesday.";
        let line = serde_json::json!({"id": "a", "original": original, "reworked": reworked,
            "note": "Correction: we misstated the cost."})
        .to_string();
        let res = result(&line);
        assert_eq!(res["id"], "a");
        assert_eq!(res["n_changes"], 2);
        for change in res["changes"].as_array().unwrap() {
            let [start, end] = [&change["original"][0][0], &change["original"][0][1]]
                .map(|at| at.as_u64().unwrap() as usize);
            assert_eq!(original[start..end], *change["old"].as_str().unwrap());
            let [start, end] = [&change["reworked"][0][0], &change["reworked"][0][1]]
                .map(|at| at.as_u64().unwrap() as usize);
            assert_eq!(reworked[start..end], *change["new"].as_str().unwrap());
            assert_eq!(change["kind"], "replaced");
        }
        assert_eq!(res["changes"][0]["explained"], true);
        assert_eq!(res["changes"][0]["explained_by"][0], "cost");
        assert_eq!(res["changes"][1]["explained"], false);
        assert_eq!(res["note"]["given"], true);
        assert_eq!(res["note"]["kind"], "correction");
        assert_eq!(res["check"]["explained"], 1);
        assert_eq!(res["check"]["counted"], 2);
        assert!(res.get("comparison").is_none());
    }

    #[test]
    fn a_note_the_reworked_text_carries_is_found_with_its_range() {
        let reworked = "The council approved 25,000 homes.\n\nCorrection: An earlier version misstated the number.";
        let line = serde_json::json!({"original": "The council approved 52,000 homes.", "reworked": reworked}).to_string();
        let res = result(&line);
        assert_eq!(res["id"], Value::Null);
        assert_eq!(res["note"]["given"], false);
        let [start, end] = [&res["note"]["range"][0], &res["note"]["range"][1]]
            .map(|at| at.as_u64().unwrap() as usize);
        assert_eq!(reworked[start..end], *res["note"]["text"].as_str().unwrap());
        // The note is not one of the changes it explains.
        assert_eq!(res["check"]["counted"], 1);
        assert_eq!(res["check"]["explained"], 1);
    }

    #[test]
    fn versions_give_one_result_per_step() {
        let line = serde_json::json!({"id": 3, "versions": ["It rained.", {"text": "It snowed.", "label": "noon"},
            {"text": "It snowed a lot.", "note": "Update: we added how much."}]})
        .to_string();
        let res = result(&line);
        let steps = res["steps"].as_array().unwrap();
        assert_eq!(steps.len(), 2);
        assert_eq!((&steps[0]["from"], &steps[0]["to"]), (&1.into(), &2.into()));
        assert_eq!(steps[0]["note"], Value::Null);
        assert_eq!(steps[1]["note"]["kind"], "update");
        assert_eq!(steps[1]["changes"][0]["new"], " a lot");
    }

    #[test]
    fn the_whole_comparison_comes_when_asked() {
        let settings = Settings {
            full: true,
            ..Settings::default()
        };
        let line = r#"{"original": "a b", "reworked": "a c"}"#;
        let res: Value = serde_json::from_str(&answer_line(line, &settings).unwrap()).unwrap();
        let comparison: Comparison = serde_json::from_value(res["comparison"].clone()).unwrap();
        assert_eq!(comparison, crate::compare("a b", "a c"));
    }

    #[test]
    fn every_bad_record_says_what_is_wrong() {
        let cases = [
            ("{\"original\": ", "not JSON: EOF while parsing"),
            ("[1, 2]", "a record must be a JSON object"),
            (
                r#"{"original": 5, "reworked": "b"}"#,
                "\"original\" must be a text",
            ),
            (
                r#"{"reworked": "b"}"#,
                "needs \"original\" and \"reworked\"",
            ),
            (
                r#"{"original": "a", "reworked": "b", "versions": ["a", "b"]}"#,
                "not both",
            ),
            (r#"{"versions": ["a"]}"#, "needs 2 versions or more, not 1"),
            (r#"{"versions": "a b"}"#, "\"versions\" must be a list"),
            (
                r#"{"versions": ["a", {"note": "x"}]}"#,
                "versions[1] must be a text or",
            ),
            (
                r#"{"versions": ["a", "b"], "note": "x"}"#,
                "gives each version its note",
            ),
        ];
        for (line, message) in cases {
            let err = answer_line(line, &Settings::default()).unwrap_err();
            assert!(
                err.starts_with(message) || err.contains(message),
                "{line}: {err}"
            );
        }
    }

    #[test]
    fn other_fields_are_left_alone() {
        let res = result(
            r#"{"id": {"site": "x", "n": 1}, "original": "a", "reworked": "b", "url": "https://x"}"#,
        );
        assert_eq!(res["id"]["site"], "x");
        assert!(res.get("url").is_none());
    }
}
