//! PairInputs: the simple case's three boxes, the original, the reworked text and its note.

use leptos::prelude::*;

use super::{Drafts, TextPane};

/// The simple case: the original, the reworked text and its note, in three boxes.
#[component]
pub fn PairInputs(
    /// The drafts whose first two versions the boxes edit.
    drafts: Drafts,
    /// Called with the text of a Redline JSON export opened or dropped on a box.
    on_json: Callback<String>,
) -> impl IntoView {
    move || {
        let (original, reworked) = (drafts.slot(0), drafts.slot(1));
        view! {
            <section class="inputs" aria-label="Texts to compare">
                <TextPane
                    id="original"
                    on_json=on_json
                    label="Original"
                    placeholder="Paste the original version of the article"
                    value=original.text
                />
                <TextPane
                    id="reworked"
                    on_json=on_json
                    label="Reworked"
                    placeholder="Paste the reworked version of the article"
                    value=reworked.text
                />
                <TextPane
                    id="note"
                    on_json=on_json
                    label="Correction note"
                    placeholder="Paste the editor's note, if there is one"
                    value=reworked.note
                />
            </section>
        }
    }
}
