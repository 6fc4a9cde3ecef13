//! App: the page shell holding the three inputs, the comparison and the result area.

use std::time::Duration;

use leptos::prelude::*;

use super::worker::{self, Job, Request};
use super::{
    ChangeNav, DiffView, NoteCheck, NoteClaims, OptionsBar, OverviewRuler, ShareBar, StatsSummary,
    TextPane, ViewSwitch, browser, group_thousands,
};
use crate::engine::share::{self, Shared, View};
use crate::engine::{
    ChangeMark, Comparison, NoteKind, Options, Reconciliation, compare_with_options, detect_notes,
    example, export, reconcile,
};

/// Texts longer than this together, in bytes, are compared and encoded in the web worker (about
/// 16,000 words, which the engine compares in some 50 ms in wasm; longer texts would hold up
/// the page's thread).
const BACKGROUND_BYTES: usize = 100_000;

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
    /// How the comparison is shown.
    pub view: RwSignal<View>,
    /// The change in focus, if any.
    pub current: RwSignal<Option<usize>>,
}

impl Drafts {
    fn new() -> Self {
        Drafts {
            original: RwSignal::new(String::new()),
            reworked: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
            options: RwSignal::new(Options::default()),
            view: RwSignal::new(View::default()),
            current: RwSignal::new(None),
        }
    }

    /// Everything a share link carries, read without subscribing to it.
    pub fn to_shared(&self) -> Shared {
        Shared {
            original: self.original.get_untracked(),
            reworked: self.reworked.get_untracked(),
            note: self.note.get_untracked(),
            options: self.options.get_untracked(),
            view: self.view.get_untracked(),
            focus: self
                .current
                .get_untracked()
                .and_then(|change| u32::try_from(change).ok()),
        }
    }

    /// Subscribes the calling effect or memo to every part of the drafts.
    fn track(&self) {
        self.original.track();
        self.reworked.track();
        self.note.track();
        self.options.track();
        self.view.track();
        self.current.track();
    }

    /// Replaces the drafts with what a link carried.
    fn set(&self, shared: Shared) {
        self.original.set(shared.original);
        self.reworked.set(shared.reworked);
        self.note.set(shared.note);
        self.options.set(shared.options);
        self.view.set(shared.view);
        self.current
            .set(shared.focus.and_then(|change| usize::try_from(change).ok()));
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
        view,
        current,
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
    // A first visit (nothing saved, no link) starts with the example, so a new reader sees what
    // Redline does before pasting anything.
    let showing_example = RwSignal::new(false);
    match browser::load_drafts() {
        Some(saved) => {
            if let Ok(shared) = share::decode(&saved) {
                drafts.set(shared);
            }
        }
        None if browser::fragment().is_empty() => {
            original.set(example::ORIGINAL.to_owned());
            reworked.set(example::REWORKED.to_owned());
            showing_example.set(true);
        }
        None => {}
    }
    open_fragment();
    let start_own = move |_| {
        drafts.set(Shared::default());
        showing_example.set(false);
        browser::focus_id("original");
    };
    // Clearing keeps what was there until the next edit, for one Undo.
    let cleared = RwSignal::new(None::<Shared>);
    // What the Undo next to it undoes.
    let undo_what = RwSignal::new("Cleared.");
    let clear = move |_| {
        cleared.set(Some(drafts.to_shared()));
        undo_what.set("Cleared.");
        original.set(String::new());
        reworked.set(String::new());
        note.set(String::new());
        showing_example.set(false);
    };
    let undo_clear = move |_| {
        if let Some(shared) = cleared.get_untracked() {
            drafts.set(shared);
        }
        cleared.set(None);
    };
    // A Redline JSON export, opened or dropped: replaces the drafts, or says why not.
    let import_message = RwSignal::new(None::<String>);
    let import = Callback::new(move |json: String| match export::import_json(&json) {
        Ok(shared) => {
            cleared.set(Some(drafts.to_shared()));
            undo_what.set("Imported.");
            drafts.set(shared);
            showing_example.set(false);
            import_message.set(None);
        }
        Err(why) => import_message.set(Some(format!("{why} Your texts were not changed."))),
    });
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
    let swap = move |_| {
        let (was_original, was_reworked) = (original.get_untracked(), reworked.get_untracked());
        original.set(was_reworked);
        reworked.set(was_original);
    };
    // A second link pasted into the address bar of the same tab.
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| open_fragment());
    on_cleanup(move || hashchange.remove());

    // After opening a link, edits keep the address bar's link current: with replaceState (no
    // history entry per keystroke), debounced because encoding diffs the texts again.
    // The same debounced step saves the drafts.
    // Edits are saved in this browser too (localStorage), so a reload or a crash loses
    // nothing; when the browser refuses (storage full or blocked), a quiet warning says so.
    let save_failed = RwSignal::new(false);
    // Whether an edit is not saved yet.
    let unsaved = RwSignal::new(false);
    let store = move |fragment: &str| {
        if follows_link.get_untracked() {
            browser::replace_fragment(fragment);
        }
        save_failed.set(browser::save_drafts(fragment).is_err());
    };
    let save_now = move || {
        unsaved.set(false);
        store(&share::encode(&drafts.to_shared()));
    };
    let mut save = debounce(Duration::from_millis(500), move |()| {
        if !unsaved.get_untracked() {
            return;
        }
        // Encoding diffs the texts again: long texts are encoded in the worker.
        let shared = drafts.to_shared();
        if shared.original.len() + shared.reworked.len() <= BACKGROUND_BYTES {
            return save_now();
        }
        let started = worker::run(&Request::Encode(shared), move |answer| {
            if let Ok(fragment) = answer {
                unsaved.set(false);
                store(&fragment);
            }
        });
        if started.is_err() {
            save_now();
        }
    });
    Effect::new(move |previous: Option<()>| {
        drafts.track();
        if previous.is_some() {
            unsaved.set(true);
            save(());
        }
    });
    // Leaving or reloading the page within the debounce would lose the last edits: save them
    // as the page goes.
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| {
        if unsaved.get_untracked() {
            save_now();
        }
    });
    on_cleanup(move || pagehide.remove());

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

    // The diff runs once per change of either text or the options. Long texts go to the web
    // worker, and the page shows the last comparison, marked as out of date, until the new
    // one arrives; a newer edit cancels a comparison still running.
    let comparison = RwSignal::new(Comparison::default());
    // The size of the texts being compared in the worker, while it runs.
    let comparing = RwSignal::new(None::<usize>);
    // Why the last comparison failed, if it did (a panic in the worker's engine).
    let compare_error = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0_u64);
    let show = move |result: Comparison| {
        compare_error.set(None);
        if comparison.with_untracked(|shown| *shown != result) {
            comparison.set(result);
        }
    };
    Effect::new(move |_| {
        let options = options.get();
        let n_bytes =
            original.with(|original| reworked.with(|reworked| original.len() + reworked.len()));
        generation.update_value(|generation| *generation += 1);
        let this_run = generation.get_value();
        let here_options = options.clone();
        let compare_here = move || {
            original.with_untracked(|original| {
                reworked.with_untracked(|reworked| {
                    compare_with_options(original, reworked, &here_options)
                })
            })
        };
        if n_bytes <= BACKGROUND_BYTES {
            worker::cancel(Job::Compare);
            comparing.set(None);
            return show(compare_here());
        }
        let request = Request::Compare {
            original: original.get_untracked(),
            reworked: reworked.get_untracked(),
            options,
        };
        comparing.set(Some(n_bytes));
        let started = worker::run(&request, move |answer| {
            if generation.get_value() != this_run {
                return;
            }
            comparing.set(None);
            match answer.and_then(|json| {
                serde_json::from_str::<Comparison>(&json).map_err(|err| err.to_string())
            }) {
                Ok(result) => show(result),
                Err(why) => compare_error.set(Some(why)),
            }
        });
        if started.is_err() {
            comparing.set(None);
            show(compare_here());
        }
    });
    // The note the panel shows (typed, else detected) checked against the changes.
    let reconciliation: Memo<Reconciliation> = Memo::new(move |_| {
        let typed = note.get();
        let note_text = if typed.trim().is_empty() {
            detected_note.get().unwrap_or_default()
        } else {
            typed
        };
        // The texts the comparison was made from, not the ones in the boxes: while the worker
        // compares, the boxes are ahead of the comparison shown.
        comparison.with(|comparison| {
            let (original, reworked) = (comparison.original_text(), comparison.reworked_text());
            reconcile(&note_text, comparison, &original, &reworked)
        })
    });
    let marks: Memo<Vec<ChangeMark>> =
        Memo::new(move |_| comparison.with(Comparison::change_marks));
    let n_changes = Signal::derive(move || comparison.with(|comparison| comparison.n_changes));
    // A new comparison may have fewer changes than the one in focus.
    Effect::new(move |_| {
        let n = n_changes.get();
        if current.get_untracked().is_some_and(|change| change >= n) {
            current.set(None);
        }
    });
    // The change in focus is scrolled into view once it is drawn.
    Effect::new(move |_| {
        if let Some(change) = current.get() {
            view.track();
            request_animation_frame(move || browser::scroll_to_change(change));
        }
    });
    let show_cosmetic = RwSignal::new(false);
    // Light or dark as the user picked, else as the system says.
    let theme = RwSignal::new(browser::load_theme());
    Effect::new(move |_| theme.with(|theme| browser::set_theme(theme.as_deref())));
    let next_theme = move |_| {
        theme.update(|theme| {
            *theme = match theme.as_deref() {
                None => Some("light".to_owned()),
                Some("light") => Some("dark".to_owned()),
                _ => None,
            }
        })
    };
    let theme_label = move || match theme.get().as_deref() {
        Some("light") => "Theme: light",
        Some("dark") => "Theme: dark",
        _ => "Theme: system",
    };

    view! {
        <header class="app-header">
            <h1>"Redline"</h1>
            <p class="tagline">"See exactly how an article was corrected."</p>
            <button type="button" class="theme-toggle" data-testid="diff-theme" on:click=next_theme>
                {theme_label}
            </button>
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
            <Show when=move || showing_example.get()>
                <div class="example-banner" role="note" data-testid="diff-example">
                    <p>
                        "This is an example: a made-up article and its corrected version, with the kinds of change Redline shows."
                    </p>
                    <button type="button" data-testid="diff-start-own" on:click=start_own>
                        "Start with your own texts"
                    </button>
                </div>
            </Show>
            <div class="input-actions">
                <button type="button" data-testid="diff-swap" on:click=swap title="Swap the original and the reworked text">
                    "⇄ Swap sides"
                </button>
                <button type="button" data-testid="diff-clear" on:click=clear>"Clear all"</button>
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
                    cleared
                        .get()
                        .map(|_| {
                            view! {
                                <span role="status" class="muted">
                                    {undo_what.get()}
                                    " "
                                    <button type="button" class="link-button" data-testid="diff-undo-clear" on:click=undo_clear>
                                        "Undo"
                                    </button>
                                </span>
                            }
                        })
                }}
            </div>
            <section class="inputs" aria-label="Texts to compare">
                <TextPane
                    id="original"
                    on_json=import
                    label="Original"
                    placeholder="Paste the original version of the article"
                    value=original
                />
                <TextPane
                    id="reworked"
                    on_json=import
                    label="Reworked"
                    placeholder="Paste the reworked version of the article"
                    value=reworked
                />
                <TextPane
                    id="note"
                    on_json=import
                    label="Correction note"
                    placeholder="Paste the editor's note, if there is one"
                    value=note
                />
            </section>
            <section class="result" class:stale=move || comparing.get().is_some() aria-label="Differences">
                <aside class="note-panel" data-testid="diff-note-panel">
                    <ShareBar drafts=drafts />
                    <NoteCheck comparison=comparison reconciliation=reconciliation current=current />
                    <StatsSummary comparison=comparison show_cosmetic=show_cosmetic />
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
                    <NoteClaims reconciliation=reconciliation />
                </aside>
                <div class="diff-column">
                    <OptionsBar options=options />
                    <div class="diff-toolbar">
                        <ViewSwitch view=view />
                        <ChangeNav n_changes=n_changes current=current />
                    </div>
                    {move || {
                        comparing
                            .get()
                            .map(|n_bytes| {
                                view! {
                                    <p class="comparing" role="status" data-testid="diff-comparing">
                                        <span class="spinner" aria-hidden="true"></span>
                                        {format!(
                                            "Comparing {:.1} MB of text in the background… The differences below are from before your last edit; you can go on typing.",
                                            n_bytes as f64 / (1024.0 * 1024.0),
                                        )}
                                    </p>
                                }
                            })
                    }}
                    <Show when=move || comparison.with(|comparison| comparison.coarse)>
                        <p class="comparing" role="note" data-testid="diff-coarse">
                            {format!(
                                "A text has more than {} lines: unchanged lines in a row are shown together. The changes are exact.",
                                group_thousands(crate::engine::COARSE_LINES),
                            )}
                        </p>
                    </Show>
                    {move || {
                        compare_error
                            .get()
                            .map(|why| {
                                view! {
                                    <div class="banner" role="alert" data-testid="diff-compare-error">
                                        <p>
                                            "Redline could not compare these texts ("{why}"). Your texts are kept; the differences below are from the last comparison that worked. Change the texts or the options to try again."
                                        </p>
                                    </div>
                                }
                            })
                    }}
                    <div class="diff-with-ruler">
                        <div class="diff-view" aria-busy=move || comparing.get().is_some().to_string()>
                            <h2 class="visually-hidden">"Differences"</h2>
                            <p class="print-legend">
                                "Legend: "<del>"deleted text"</del>" is struck through, "<ins>"inserted text"</ins>" is underlined."
                            </p>
                            <DiffView
                                comparison=comparison
                                marks=marks
                                reconciliation=reconciliation
                                view=view
                                current=current
                                show_cosmetic=show_cosmetic
                            />
                        </div>
                        <OverviewRuler marks=marks current=current />
                    </div>
                </div>
            </section>
        </main>
    }
}
