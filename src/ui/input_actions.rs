//! InputActions: the row above the boxes: swap, clear, add a version, import, and the undo of the last clear or import.

use leptos::prelude::*;

use super::hooks::UseEditsReturn;
use super::{Drafts, browser};
use redline_engine::formats::share::MAX_VERSIONS;

/// The buttons that act on all the texts at once.
#[component]
pub fn InputActions(
    /// The versions they act on.
    drafts: Drafts,
    /// The edits (see `use_edits`).
    edits: UseEditsReturn,
) -> impl IntoView {
    let UseEditsReturn {
        clear,
        import,
        swap,
        undo,
        replaced,
        undo_what,
        import_message,
    } = edits;
    let import_file = move |ev: leptos::ev::Event| {
        if let Some(file) = browser::input_files(&ev).into_iter().next() {
            let file = browser::OpenedFile::new(file);
            leptos::task::spawn_local(async move {
                match file.text().await {
                    Ok(json) => import.run(json),
                    Err(why) => import_message.set(Some(why)),
                }
            });
        }
    };
    let add_version = move |_| {
        drafts.add_version();
        let n = drafts.versions.with_untracked(Vec::len);
        request_animation_frame(move || browser::focus_id(&format!("version-{n}")));
    };
    view! {
        <div class="input-actions">
            <button type="button" data-testid="diff-swap" on:click=move |_| swap.run(()) title="Swap the original and the reworked text">
                "⇄ Swap sides"
            </button>
            <button type="button" data-testid="diff-clear" on:click=move |_| clear.run(())>"Clear all"</button>
            <button
                type="button"
                data-testid="diff-add-version"
                title="Add a later version of the article, with its own label and note"
                disabled=move || { drafts.versions.with(Vec::len) >= MAX_VERSIONS }
                on:click=add_version
            >
                "+ Add a version"
            </button>
            <label class="import-file" for="import-json">
                "Import JSON…"
                <input
                    type="file"
                    id="import-json"
                    class="visually-hidden"
                    data-testid="diff-import-json"
                    accept=".json,application/json"
                    on:change=import_file
                />
            </label>
            {move || {
                import_message
                    .get()
                    .map(|message| view! { <span role="status" class="muted" data-testid="diff-import-message">{message}</span> })
            }}
            {move || {
                replaced
                    .get()
                    .map(|_| {
                        view! {
                            <span role="status" class="muted">
                                {undo_what.get()}
                                " "
                                <button type="button" class="link-button" data-testid="diff-undo-clear" on:click=move |_| undo.run(())>
                                    "Undo"
                                </button>
                            </span>
                        }
                    })
            }}
        </div>
    }
}
