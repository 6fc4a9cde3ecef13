//! TextPane: one labelled text area bound to a signal, with its word count.

use leptos::prelude::*;

use crate::engine::text_counts;

/// A labelled text area whose content lives in `value`.
#[component]
pub fn TextPane(
    /// Element id of the text area; also names its `data-testid` (`diff-input-<id>`).
    id: &'static str,
    /// Visible label.
    label: &'static str,
    /// Hint shown while the area is empty.
    placeholder: &'static str,
    /// The text, read and written by the area.
    value: RwSignal<String>,
) -> impl IntoView {
    let counts = move || {
        let (n_chars, n_words) = value.with(|text| text_counts(text));
        let words = if n_words == 1 { "word" } else { "words" };
        let characters = if n_chars == 1 {
            "character"
        } else {
            "characters"
        };
        format!("{n_words} {words} · {n_chars} {characters}")
    };
    view! {
        <div class="text-pane">
            <label for=id>{label}</label>
            <textarea
                id=id
                data-testid=format!("diff-input-{id}")
                placeholder=placeholder
                spellcheck="false"
                dir="auto"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <p class="counts" data-testid=format!("diff-counts-{id}") aria-live="off">{counts}</p>
        </div>
    }
}
