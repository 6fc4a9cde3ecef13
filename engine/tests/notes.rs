//! Note detection measured on real notes and real articles: recall, kind accuracy and precision.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/note_cases.rs"]
mod note_cases;
#[path = "common/note_set.rs"]
mod note_set;

use redline_engine::{
    BlockKind, NoteKind, carried_note, classify_note, compare, detect_notes, reconcile,
};

struct Item {
    id: String,
    text: String,
    label: String,
}

fn read_jsonl(name: &str, fields: [&str; 3]) -> Vec<Item> {
    note_set::jsonl(name)
        .into_iter()
        .map(|value| {
            let field = |name: &str| value[name].as_str().unwrap_or_default().to_owned();
            Item {
                id: field(fields[0]),
                text: field(fields[1]),
                label: field(fields[2]),
            }
        })
        .collect()
}

/// The kind Redline should give a corpus note, read from its hand-made label.
fn expected_kind(label: &str) -> NoteKind {
    let inner = label.split_once('(').map_or("", |(_, rest)| rest);
    if label.starts_with("editor") {
        // "editor's note (provenance, not a correction)", "editorial note (obsolescence)".
        NoteKind::Disclaimer
    } else if label.starts_with("correction")
        || label.starts_with("errata")
        || inner.contains("correction")
    {
        NoteKind::Correction
    } else if inner.contains("clarification") {
        NoteKind::Clarification
    } else {
        NoteKind::Update
    }
}

#[test]
fn notes_in_the_corpus_are_found_with_their_kind() {
    let notes = read_jsonl("correction-notes.jsonl", ["id", "text", "kind"]);
    assert_eq!(notes.len(), 37);
    let (mut n_labelled, mut n_found, mut n_right_kind, mut n_extra) = (0, 0, 0, 0);
    let (mut n_change_notes, mut n_change_notes_right) = (0, 0);
    let mut misses = Vec::new();
    for note in &notes {
        let expected = expected_kind(&note.label);
        if note.label.starts_with("change note") {
            // GOV.UK change notes come from a CMS field and carry no label to find; Redline
            // classifies them when the user pastes one as the note.
            n_change_notes += 1;
            if classify_note(&note.text) == expected {
                n_change_notes_right += 1;
            } else {
                misses.push(format!(
                    "{}: classified {:?}",
                    note.id,
                    classify_note(&note.text)
                ));
            }
            continue;
        }
        n_labelled += 1;
        let found = detect_notes(&note.text);
        n_extra += found.len().saturating_sub(1);
        match found.first() {
            Some(first) => {
                n_found += 1;
                if first.kind == expected {
                    n_right_kind += 1;
                } else {
                    misses.push(format!(
                        "{}: {:?}, expected {expected:?}",
                        note.id, first.kind
                    ));
                }
            }
            None => misses.push(format!("{}: not found", note.id)),
        }
    }
    println!(
        "labelled notes: {n_found}/{n_labelled} found, {n_right_kind} with the right kind, \
         {n_extra} extra detections; change notes classified right: \
         {n_change_notes_right}/{n_change_notes}; misses: {misses:#?}"
    );
    assert_eq!(
        n_found, n_labelled,
        "every labelled note is found: {misses:#?}"
    );
    assert!(
        n_right_kind * 10 >= n_labelled * 9,
        "kind right for at least 90%: {misses:#?}"
    );
    assert_eq!(n_extra, 0);
    assert!(
        n_change_notes_right * 10 >= n_change_notes * 8,
        "{misses:#?}"
    );
}

/// Editor's notes in the corpus articles that are not in a pair's `note` field, read by hand and
/// found to be disclaimers (provenance), in both versions of the article.
const VERIFIED_DISCLAIMERS: &[(&str, &str)] = &[(
    "18f-headline-college-scorecard",
    "*Editor's note: This post was originally published on",
)];

#[test]
fn articles_hold_only_their_known_notes() {
    let pairs = read_jsonl("pairs.jsonl", ["id", "original", "note"]);
    let reworked = read_jsonl("pairs.jsonl", ["id", "reworked", "note"]);
    let (mut n_true, mut n_false, mut n_disclaimers) = (0, 0, 0);
    let mut false_positives = Vec::new();
    for (original, reworked) in pairs.iter().zip(&reworked) {
        for (side, text) in [("original", &original.text), ("reworked", &reworked.text)] {
            for note in detect_notes(text) {
                // The pair's `note` is published with the reworked text.
                let known = side == "reworked"
                    && !original.label.is_empty()
                    && note
                        .text
                        .contains(original.label.trim().trim_matches('*').trim());
                if known {
                    n_true += 1;
                } else if VERIFIED_DISCLAIMERS
                    .iter()
                    .any(|&(id, start)| id == original.id && note.text.starts_with(start))
                {
                    assert_eq!(note.kind, NoteKind::Disclaimer, "{}", original.id);
                    n_disclaimers += 1;
                } else {
                    n_false += 1;
                    false_positives.push(format!("{} ({side}): {:?}", original.id, note.text));
                }
            }
        }
    }
    let n_known = pairs.iter().filter(|pair| !pair.label.is_empty()).count();
    println!(
        "articles: {n_true}/{n_known} known notes found, {n_disclaimers} verified disclaimers, \
         {n_false} false detections: {false_positives:#?}"
    );
    assert_eq!(
        n_disclaimers, 2,
        "the scorecard article's editor's note, in both versions"
    );
    assert_eq!(n_true, n_known, "{false_positives:#?}");
    assert_eq!(n_false, 0, "{false_positives:#?}");
}

/// The note the reworked version carries is the note, not one of the changes it explains: it
/// has no change number and no facts, and a paragraph inserted just before it is a change of
/// its own, explained only if the note says something about it.
#[test]
fn the_note_is_never_one_of_its_changes() {
    let original = "Harbour plan approved\n\nThe council approved 60,000 homes on Monday.\n";
    let reworked = "Harbour plan approved\n\nThe council approved 25,000 homes on Monday.\n\n\
                    The mayor welcomed the decision.\n\n\
                    Correction: An earlier version of this article misstated the number of homes.\n";
    let comparison = compare(original, reworked);
    let note_blocks: Vec<_> = comparison
        .blocks
        .iter()
        .filter(|block| block.note)
        .collect();
    assert_eq!(note_blocks.len(), 1);
    assert_eq!(note_blocks[0].kind, BlockKind::Inserted);
    assert_eq!(note_blocks[0].change, None);
    assert!(note_blocks[0].segments[0].text.starts_with("Correction:"));
    // 60,000 → 25,000, and the new paragraph about the mayor.
    assert_eq!(comparison.n_changes, 2, "{}", comparison.markup());
    assert!(
        comparison
            .facts
            .iter()
            .all(|fact| !fact.new.contains("homes")),
        "{:?}",
        comparison.facts
    );
    let note = carried_note(reworked, &comparison).unwrap();
    let checked = reconcile(&note, &comparison, original, reworked);
    assert_eq!(checked.explained, [true, false]);
    assert_eq!(checked.summary, "The note mentions 1 of 2 changes.");
}

/// The labelled set of real notes (`tests/fixtures/notes/labelled*.jsonl`): on the tuning part,
/// corrections, updates and clarifications are found as notes of a change (at least 95%); in
/// both parts, at most 1 look-alike in 20 is taken for a correction, and no note is found in the
/// host articles. The held-out part's recall is measured by `make bench-notes`, not held to a
/// floor here: notes collected later join it as they are, and a floor would make it a target
/// to tune to.
#[test]
fn labelled_notes_are_found_and_look_alikes_are_not() {
    let set = note_set::read();
    assert!(set.len() >= 1663, "{}", set.len());
    let publishers: std::collections::BTreeSet<_> =
        set.iter().map(|item| &item.publisher).collect();
    assert!(publishers.len() >= 65, "{publishers:?}");
    let (tuning, held_out, misses) = note_set::score(&set);
    let (found, of) = tuning.change_notes_found();
    assert!(
        found * 100 >= of * 95,
        "tuning: {found}/{of} found; misses: {misses:#?}"
    );
    for (name, table) in [("tuning", &tuning), ("held-out", &held_out)] {
        let (taken, of) = table.look_alikes_as_corrections();
        assert!(
            taken * 20 <= of,
            "{name}: {taken}/{of} look-alikes taken for corrections"
        );
        assert_eq!(table.stray, 0, "{name}: notes found in the host articles");
    }
}

/// The note check on real (original, reworked, note) cases whose every change a person marked
/// as explained or not (`tests/fixtures/notes/cases*.jsonl`): on the tuning part, at least the
/// agreement measured when the rules were last changed (643 of 763), so that a change that
/// loses agreement fails. The held-out part is measured by `make bench-notes`, not held to a
/// floor here: a floor would make it a target to tune to.
#[test]
fn the_note_check_agrees_with_a_persons_reading() {
    let (tuning, held_out) = note_cases::read_parts();
    assert!(tuning.len() >= 134, "{}", tuning.len());
    assert!(held_out.len() >= 8, "{}", held_out.len());
    let agreement = note_cases::agreement(&tuning);
    assert!(
        agreement.agree * 1000 >= agreement.n * 842,
        "{}/{}: {:#?}",
        agreement.agree,
        agreement.n,
        agreement.misses
    );
}
