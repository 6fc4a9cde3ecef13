//! App: the page shell holding the three inputs, the comparison and the result area.

use std::time::Duration;

use leptos::prelude::*;

use super::{DiffView, OptionsBar, ShareBar, TextPane, browser};
use crate::engine::share::{self, Shared};
use crate::engine::{Comparison, NoteKind, Options, compare_with_options, detect_notes};

/// What the user is comparing: the texts, the note and the options. A share link carries all of it.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// The original text.
    pub original: RwSignal<String>,
    /// The reworked text.
    pub reworked: RwSignal<String>,
    /// The correction note.
    pub note: RwSignal<String>,
    /// The comparison options.
    pub options: RwSignal<Options>,
}

impl Drafts {
    fn new() -> Self {
        Drafts {
            original: RwSignal::new(String::new()),
            reworked: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
            options: RwSignal::new(Options::default()),
        }
    }

    /// Everything a share link carries, read without subscribing to it.
    pub fn to_shared(&self) -> Shared {
        Shared {
            original: self.original.get_untracked(),
            reworked: self.reworked.get_untracked(),
            note: self.note.get_untracked(),
            options: self.options.get_untracked(),
            ..Shared::default()
        }
    }

    /// Subscribes the calling effect or memo to every part of the drafts.
    fn track(&self) {
        self.original.track();
        self.reworked.track();
        self.note.track();
        self.options.track();
    }

    /// Replaces the drafts with what a link carried.
    fn set(&self, shared: Shared) {
        self.original.set(shared.original);
        self.reworked.set(shared.reworked);
        self.note.set(shared.note);
        self.options.set(shared.options);
    }
}

/// The whole page: header, the original, reworked and note inputs, and the diff beside the note.
#[component]
pub fn App() -> impl IntoView {
    let drafts = Drafts::new();
    let Drafts {
        original,
        reworked,
        note,
        options,
    } = drafts;
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
                drafts.set(shared);
                link_error.set(None);
                follows_link.set(true);
            }
            Err(err) => link_error.set(Some(format!(
                "This link is damaged: {err}. Your texts were not changed."
            ))),
        }
    };
    // The drafts saved in this browser come back first; a link then replaces them, and a
    // damaged link leaves them as they were.
    if let Some(shared) = browser::load_drafts().and_then(|saved| share::decode(&saved).ok()) {
        drafts.set(shared);
    }
    open_fragment();
    // A second link pasted into the address bar of the same tab.
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| open_fragment());
    on_cleanup(move || hashchange.remove());

    // After opening a link, edits keep the address bar's link current: with replaceState (no
    // history entry per keystroke), debounced because encoding diffs the texts again.
    // The same debounced step saves the drafts.
    // Edits are saved in this browser too (localStorage), so a reload or a crash loses
    // nothing; when the browser refuses (storage full or blocked), a quiet warning says so.
    let save_failed = RwSignal::new(false);
    let mut save = debounce(Duration::from_millis(500), move |()| {
        let fragment = share::encode(&drafts.to_shared());
        if follows_link.get_untracked() {
            browser::replace_fragment(&fragment);
        }
        save_failed.set(browser::save_drafts(&fragment).is_err());
    });
    Effect::new(move |previous: Option<()>| {
        drafts.track();
        if previous.is_some() {
            save(());
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
        options.with(|options| {
            original.with(|original| {
                reworked.with(|reworked| compare_with_options(original, reworked, options))
            })
        })
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
            <Show when=move || save_failed.get()>
                <p class="save-warning" role="status" data-testid="diff-save-warning">
                    "This browser did not let Redline save your drafts (storage full or blocked). Keep a copy of your texts elsewhere."
                </p>
            </Show>
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
                    <ShareBar drafts=drafts />
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
                <div class="diff-column">
                    <OptionsBar options=options />
                    <DiffView comparison=comparison />
                </div>
            </section>
        </main>
    }
}
