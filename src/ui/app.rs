//! App: the page shell holding the three inputs, the comparison and the result area.

use leptos::prelude::*;

use super::{DiffView, TextPane};
use crate::engine::{Comparison, compare};

/// The whole page: header, the original, reworked and note inputs, and the diff beside the note.
#[component]
pub fn App() -> impl IntoView {
    let original = RwSignal::new(String::new());
    let reworked = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    // A Memo, so the diff runs once per change of either text and not once per reader.
    let comparison: Memo<Comparison> = Memo::new(move |_| {
        original.with(|original| reworked.with(|reworked| compare(original, reworked)))
    });

    view! {
        <header class="app-header">
            <h1>"Redline"</h1>
            <p class="tagline">"See exactly how an article was corrected."</p>
        </header>
        <main>
            <section class="inputs" aria-label="Texts to compare">
                <TextPane
                    id="original"
                    label="Original"
                    placeholder="Paste the original version of the article"
                    value=original
                />
                <TextPane
                    id="reworked"
                    label="Reworked"
                    placeholder="Paste the reworked version of the article"
                    value=reworked
                />
                <TextPane
                    id="note"
                    label="Correction note"
                    placeholder="Paste the editor's note, if there is one"
                    value=note
                />
            </section>
            <section class="result" aria-label="Differences">
                <aside class="note-panel" data-testid="diff-note-panel">
                    <h2>"Correction note"</h2>
                    <Show
                        when=move || note.with(|note| !note.trim().is_empty())
                        fallback=|| view! { <p class="muted">"No note given."</p> }
                    >
                        <p class="note-text" dir="auto">{move || note.get()}</p>
                    </Show>
                </aside>
                <DiffView comparison=comparison />
            </section>
        </main>
    }
}
