//! `make bench-notes`: note detection on the labelled set of real published notes (`tests/fixtures/notes/labelled*.jsonl`), precision and recall per kind for the tuning and held-out parts, and the note check's agreement with a person's reading on real cases (`tests/fixtures/notes/cases*.jsonl`).
//!
//! Usage: `cargo run --release -p redline-engine --example bench_notes [-- --misses]`
//! (`--misses` lists the tuning part's misses and disagreements, never the held-out part's).

#[path = "../tests/common/note_cases.rs"]
mod note_cases;
#[path = "../tests/common/note_set.rs"]
mod note_set;

use note_set::{KINDS, Table};

fn ratio((hit, of): (usize, usize)) -> String {
    if of == 0 {
        format!("{hit}/{of}")
    } else {
        format!("{hit}/{of} = {:.3}", hit as f64 / of as f64)
    }
}

fn print(name: &str, table: &Table) {
    println!("\n{name}");
    println!("| kind | labelled | recall | precision |\n| --- | ---: | ---: | ---: |");
    for &kind in KINDS {
        println!(
            "| {kind} | {} | {} | {} |",
            table.n_labelled(kind),
            ratio(table.recall(kind)),
            ratio(table.precision(kind))
        );
    }
    println!(
        "corrections, updates and clarifications found as change notes: {}",
        ratio(table.change_notes_found())
    );
    println!(
        "look-alikes (none or disclaimer) taken for a correction: {}",
        ratio(table.look_alikes_as_corrections())
    );
    println!(
        "look-alikes (none) taken for any note: {}; notes found in the host articles: {}",
        ratio(table.look_alikes_as_notes()),
        table.stray
    );
}

fn main() {
    let set = note_set::read();
    let publishers: std::collections::BTreeSet<_> =
        set.iter().map(|item| &item.publisher).collect();
    let n_notes = set.iter().filter(|item| item.kind != "none").count();
    println!(
        "{} paragraphs: {n_notes} published notes and {} look-alikes, from {} publishers",
        set.len(),
        set.len() - n_notes,
        publishers.len()
    );
    let (tuning, held_out, misses) = note_set::score(&set);
    print("Tuning part", &tuning);
    print("Held-out part", &held_out);
    let (tuning, held_out) = note_cases::read_parts();
    let tuning_agreement = check("tuning", &tuning);
    check("held-out", &held_out);
    if std::env::args().any(|arg| arg == "--misses") {
        println!("\nMisses in the tuning part:");
        for miss in misses {
            println!("- {miss}");
        }
        println!("\nDisagreements on the tuning part's cases:");
        for disagreement in tuning_agreement.misses {
            println!("- {disagreement}");
        }
    }
}

/// Prints the note check's agreement on one part of the cases.
fn check(part: &str, cases: &[note_cases::Case]) -> note_cases::Agreement {
    let agreement = note_cases::agreement(cases);
    println!(
        "\nThe note check on the {part} part, {} real (original, reworked, note) cases: Redline \
         agrees with a person's reading on {}",
        cases.len(),
        ratio((agreement.agree, agreement.n))
    );
    println!(
        "of which Redline reads {} labelled changes as part of the note (an edit of the note's \
         own text, the update under its heading), counted as explained; the person marked {} of \
         them explained",
        agreement.note_parts, agreement.note_parts_labelled_explained
    );
    println!(
        "on the other labelled changes, those the note's count is about, Redline agrees on {}",
        ratio((agreement.counted_agree, agreement.n - agreement.note_parts))
    );
    agreement
}
