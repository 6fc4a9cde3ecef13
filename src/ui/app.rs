//! App: the page shell holding the three inputs, the comparison and the result area.

use std::time::Duration;

use leptos::prelude::*;

use super::{DiffView, ShareBar, TextPane, browser};
use crate::engine::share;
use crate::engine::{Comparison, NoteKind, compare, detect_notes};

/// The whole page: header, the original, reworked and note inputs, and the diff beside the note.
#[component]
pub fn App() -> impl IntoView {
    let original = RwSignal::new(String::new());
    let reworked = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    // Why the last link could not be opened; the drafts stay as they were.
    let link_error = RwSignal::new(None::<String>);
    // Whether the page shows the texts of a link it was opened with.
    let follows_link = RwSignal::new(false);
    // Opens the link in the URL fragment, if there is one: fills the inputs, or explains why not.
    let open_fragment = move || {
        let fragment = browser::fragment();
        if fragment.is_empty() {
            return;
        }
        match share::decode(&fragment) {
            Ok(shared) => {
                original.set(shared.original);
                reworked.set(shared.reworked);
                note.set(shared.note);
                link_error.set(None);
                follows_link.set(true);
            }
            Err(err) => link_error.set(Some(format!(
                "This link is damaged: {err}. Your texts were not changed."
            ))),
        }
    };
    open_fragment();
    // A second link pasted into the address bar of the same tab.
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| open_fragment());
    on_cleanup(move || hashchange.remove());

    // After opening a link, edits keep the address bar's link current: with replaceState (no
    // history entry per keystroke), debounced because encoding diffs the texts again.
    let mut update_fragment = debounce(Duration::from_millis(500), move |()| {
        let shared = share::Shared {
            original: original.get_untracked(),
            reworked: reworked.get_untracked(),
            note: note.get_untracked(),
            ..share::Shared::default()
        };
        browser::replace_fragment(&share::encode(&shared));
    });
    Effect::new(move |previous: Option<()>| {
        original.track();
        reworked.track();
        note.track();
        if previous.is_some() && follows_link.get_untracked() {
            update_fragment(());
        }
    });

    // The correction, update or clarification note the reworked text carries, shown when the
    // user has not given one (disclaimers are not what the panel is for).
    let detected_note = Memo::new(move |_| {
        reworked.with(|reworked| {
            detect_notes(reworked)
                .into_iter()
                .find(|found| found.kind != NoteKind::Disclaimer)
                .map(|found| found.text)
        })
    });

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
            {move || {
                link_error
                    .get()
                    .map(|message| {
                        view! {
                            <div class="banner" role="alert" data-testid="diff-link-error">
                                <p>{message}</p>
                                <button type="button" on:click=move |_| link_error.set(None)>"Dismiss"</button>
                            </div>
                        }
                    })
            }}
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
                    <ShareBar original=original reworked=reworked note=note />
                    <h2>"Correction note"</h2>
                    <Show
                        when=move || note.with(|note| !note.trim().is_empty())
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
                        <p class="note-text" dir="auto">{move || note.get()}</p>
                    </Show>
                </aside>
                <DiffView comparison=comparison />
            </section>
        </main>
    }
}
