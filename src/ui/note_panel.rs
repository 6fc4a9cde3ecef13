//! NotePanel: the correction note beside the diff: the notes typed for the versions compared, else the one found in the reworked text.

use leptos::prelude::*;

use super::{Drafts, Slot};
use redline_engine::history;

/// The note section of the side panel.
#[component]
pub fn NotePanel(
    /// The versions and their notes.
    drafts: Drafts,
    /// The notes typed for the versions between the two compared.
    typed_note: Memo<String>,
    /// The note found in the reworked text, shown when none was typed.
    detected_note: Memo<Option<String>>,
) -> impl IntoView {
    view! {
        <h2>"Correction note"</h2>
        <Show
            when=move || typed_note.with(|note| !note.is_empty())
            fallback=move || {
                view! {
                    {move || match detected_note.get() {
                        Some(text) => {
                            view! {
                                <p class="note-source" data-testid="diff-note-detected">
                                    "Detected in the reworked text (type a note to replace it)"
                                </p>
                                <p class="note-text" dir="auto">{text}</p>
                            }
                                .into_any()
                        }
                        None => view! { <p class="muted">"No note given."</p> }.into_any(),
                    }}
                }
            }
        >
            <PairNotes drafts=drafts />
        </Show>
    }
}

/// The notes of the versions between the two compared, each under its version's name; one
/// note alone stands without a name, as in the simple case.
#[component]
fn PairNotes(drafts: Drafts) -> impl IntoView {
    move || {
        let (from, to) = (drafts.from.get(), drafts.to.get());
        let slots = drafts.versions.get();
        let notes: Vec<(usize, Slot)> = history::versions_explaining(from, to)
            .filter_map(|idx| slots.get(idx).map(|slot| (idx, *slot)))
            .filter(|(_, slot)| slot.note.with(|note| !note.trim().is_empty()))
            .collect();
        if notes.len() == 1 && !drafts.listing.get() {
            let note = notes[0].1.note;
            return view! { <p class="note-text" dir="auto">{move || note.get()}</p> }.into_any();
        }
        notes
            .into_iter()
            .map(|(idx, slot)| {
                let name = move || history::version_name(idx, &slot.label.get());
                view! {
                    <h3 class="note-version" data-testid=format!("diff-note-of-{}", idx + 1)>{name}</h3>
                    <p class="note-text" dir="auto">{move || slot.note.get()}</p>
                }
            })
            .collect_view()
            .into_any()
    }
}
