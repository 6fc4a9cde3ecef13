//! TextPane: one labelled text area bound to a signal, with its word count.

use leptos::prelude::*;

use crate::engine::{is_word, tokenize};

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
    let n_words =
        move || value.with(|text| tokenize(text).into_iter().filter(|t| is_word(t)).count());
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
            <p class="counts" aria-live="off">{move || format!("{} words", n_words())}</p>
        </div>
    }
}
