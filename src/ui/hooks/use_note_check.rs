//! `use_note_check`: the note the panel shows (typed, else found in the reworked text) and its check against the changes.

use leptos::prelude::*;

use crate::ui::Drafts;
use redline_engine::history;
use redline_engine::{Comparison, Reconciliation, carried_note, reconcile};

/// What [`use_note_check`] returns.
#[derive(Clone, Copy)]
pub struct UseNoteCheckReturn {
    /// The notes typed for the versions between the two compared: the later one's for a step,
    /// all those after the first up to the second for several steps.
    pub typed_note: Memo<String>,
    /// The correction, update or clarification note the reworked text carries (disclaimers are
    /// not what the panel is for), shown when no note was typed.
    pub detected_note: Memo<Option<String>>,
    /// The note shown, checked against the changes of `comparison`.
    pub reconciliation: Memo<Reconciliation>,
}

/// Checks the note against `comparison`: the texts the comparison was made from, not those in
/// the boxes, which are ahead of it while the worker compares.
pub fn use_note_check(drafts: Drafts, comparison: RwSignal<Comparison>) -> UseNoteCheckReturn {
    // The note is found in the text the comparison was made from: reading the reworked box
    // instead would look for it again at every key press, before the comparison it belongs
    // to is in.
    let detected_note = Memo::new(move |_| {
        comparison.with(|comparison| carried_note(&comparison.reworked_text(), comparison))
    });
    let typed_note = Memo::new(move |_| {
        let (from, to) = (drafts.from.get(), drafts.to.get());
        let notes: Vec<String> = drafts
            .versions
            .with(|slots| slots.iter().map(|slot| slot.note.get()).collect());
        let notes: Vec<&str> = notes.iter().map(String::as_str).collect();
        history::notes_between(&notes, from, to)
    });
    let reconciliation = Memo::new(move |_| {
        let typed = typed_note.get();
        let note_text = if typed.trim().is_empty() {
            detected_note.get().unwrap_or_default()
        } else {
            typed
        };
        comparison.with(|comparison| {
            let (original, reworked) = (comparison.original_text(), comparison.reworked_text());
            reconcile(&note_text, comparison, &original, &reworked)
        })
    });
    UseNoteCheckReturn {
        typed_note,
        detected_note,
        reconciliation,
    }
}
