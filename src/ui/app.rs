//! App: the page shell holding the three inputs, the comparison and the result area.

use std::time::Duration;

use leptos::prelude::*;

use super::worker::{self, Job, Request};
use super::{
    ChangeNav, DiffView, NoteCheck, NoteClaims, OptionsBar, OverviewRuler, ShareBar, StatsSummary,
    TextPane, Timeline, UndoneChanges, VersionList, ViewSwitch, browser, group_thousands,
};
use redline_engine::formats::export;
use redline_engine::formats::input::megabytes;
use redline_engine::formats::share::{self, History, MAX_VERSIONS, Shared, Version, View};
use redline_engine::history::{self, HistorySummary};
use redline_engine::{
    ChangeMark, Comparison, NoteKind, Options, Reconciliation, compare_with_options, detect_notes,
    example, reconcile,
};

/// Texts longer than this together, in bytes, are compared and encoded in the web worker (about
/// 16,000 words, which the engine compares in some 50 ms in wasm; longer texts would hold up
/// the page's thread).
const BACKGROUND_BYTES: usize = 100_000;

/// One version of the article as the page holds it: its text, label and note, each a signal of
/// its own so that typing in one box does not touch the others.
#[derive(Clone, Copy)]
pub struct Slot {
    /// The version's text.
    pub text: RwSignal<String>,
    /// What the reader calls it, such as a date and time.
    pub label: RwSignal<String>,
    /// The correction note that came with it.
    pub note: RwSignal<String>,
}

impl Slot {
    fn new(version: Version) -> Self {
        Slot {
            text: RwSignal::new(version.text),
            label: RwSignal::new(version.label),
            note: RwSignal::new(version.note),
        }
    }

    fn set(&self, version: Version) {
        self.text.set(version.text);
        self.label.set(version.label);
        self.note.set(version.note);
    }

    fn get_untracked(&self) -> Version {
        Version {
            text: self.text.get_untracked(),
            label: self.label.get_untracked(),
            note: self.note.get_untracked(),
        }
    }
}

/// What the user is comparing: the versions with their labels and notes, which two are
/// compared, the options and the view. A share link carries all of it.
///
/// Two versions without labels are the simple case: the original, the reworked text and its
/// note, in three boxes. More versions, or labels, show every version with its own boxes and
/// a timeline.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// The versions, oldest first; always at least two.
    pub versions: RwSignal<Vec<Slot>>,
    /// The version compared from (the original side).
    pub from: RwSignal<usize>,
    /// The version compared to (the reworked side).
    pub to: RwSignal<usize>,
    /// Whether the inputs show every version with its label and note (a history), rather than
    /// the simple pair.
    pub listing: RwSignal<bool>,
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
            versions: RwSignal::new(vec![
                Slot::new(Version::default()),
                Slot::new(Version::default()),
            ]),
            from: RwSignal::new(0),
            to: RwSignal::new(1),
            listing: RwSignal::new(false),
            options: RwSignal::new(Options::default()),
            view: RwSignal::new(View::default()),
            current: RwSignal::new(None),
        }
    }

    /// Version `idx` (the last one if `idx` is past the end), subscribing to the list.
    pub fn slot(&self, idx: usize) -> Slot {
        self.versions.with(|slots| slots[idx.min(slots.len() - 1)])
    }

    /// The text compared from, subscribing to which version that is.
    pub fn original(&self) -> RwSignal<String> {
        self.slot(self.from.get()).text
    }

    /// The text compared to, subscribing to which version that is.
    pub fn reworked(&self) -> RwSignal<String> {
        self.slot(self.to.get()).text
    }

    /// Everything a share link carries, read without subscribing to it.
    pub fn to_history(&self) -> History {
        let versions: Vec<Version> = self
            .versions
            .with_untracked(|slots| slots.iter().map(Slot::get_untracked).collect());
        let last = versions.len() - 1;
        let (from, to) = (
            self.from.get_untracked().min(last),
            self.to.get_untracked().min(last),
        );
        History {
            versions,
            from,
            to,
            options: self.options.get_untracked(),
            view: self.view.get_untracked(),
            focus: self
                .current
                .get_untracked()
                .and_then(|change| u32::try_from(change).ok()),
        }
    }

    /// Subscribes the calling effect or memo to the texts, labels and notes of every version.
    pub fn track_versions(&self) {
        self.versions.with(|slots| {
            for slot in slots {
                slot.text.track();
                slot.label.track();
                slot.note.track();
            }
        });
    }

    /// Subscribes the calling effect or memo to every part of the drafts.
    fn track(&self) {
        self.track_versions();
        self.from.track();
        self.to.track();
        self.options.track();
        self.view.track();
        self.current.track();
    }

    /// Replaces the drafts with a history (from a link, an import or an undo). The slots that
    /// exist are reused, so the boxes bound to them stay.
    fn set(&self, history: History) {
        let n = history.versions.len();
        self.listing.set(!history.is_plain_pair());
        let mut slots = self.versions.get_untracked();
        for (idx, version) in history.versions.into_iter().enumerate() {
            match slots.get(idx) {
                Some(slot) => slot.set(version),
                None => slots.push(Slot::new(version)),
            }
        }
        for dropped in slots.drain(n..) {
            dropped.set(Version::default());
        }
        self.versions.set(slots);
        self.from.set(history.from);
        self.to.set(history.to);
        self.options.set(history.options);
        self.view.set(history.view);
        self.current.set(
            history
                .focus
                .and_then(|change| usize::try_from(change).ok()),
        );
    }

    /// Adds a version after the last, starting as a copy of it (a new version is mostly the
    /// last one edited), and compares the last one with it.
    pub fn add_version(&self) {
        let n = self.versions.with_untracked(Vec::len);
        if n >= MAX_VERSIONS {
            return;
        }
        let latest = self.slot_untracked(n - 1);
        let added = Slot::new(Version {
            text: latest.text.get_untracked(),
            ..Version::default()
        });
        self.versions.update(|slots| slots.push(added));
        self.listing.set(true);
        self.from.set(n - 1);
        self.to.set(n);
    }

    /// Removes version `idx` (there stay at least two); the pair compared stays where it can.
    pub fn remove_version(&self, idx: usize) {
        let n = self.versions.with_untracked(Vec::len);
        if n <= 2 || idx >= n {
            return;
        }
        let removed = self.versions.try_update(|slots| slots.remove(idx));
        if let Some(removed) = removed {
            removed.set(Version::default());
        }
        let shift = |at: usize| if at > idx { at - 1 } else { at.min(n - 2) };
        let (mut from, mut to) = (
            shift(self.from.get_untracked()),
            shift(self.to.get_untracked()),
        );
        if from == to {
            (from, to) = if to > 0 { (to - 1, to) } else { (0, 1) };
        }
        self.from.set(from);
        self.to.set(to);
        // Back to the simple boxes when nothing but a plain pair is left.
        if self.to_history().is_plain_pair() {
            self.listing.set(false);
        }
    }

    fn slot_untracked(&self, idx: usize) -> Slot {
        self.versions
            .with_untracked(|slots| slots[idx.min(slots.len() - 1)])
    }
}

/// The whole page: header, the original, reworked and note inputs, and the diff beside the note.
#[component]
pub fn App() -> impl IntoView {
    let drafts = Drafts::new();
    let Drafts {
        listing,
        options,
        view,
        current,
        ..
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
        match share::decode_history(&fragment) {
            Ok(history) => {
                drafts.set(history);
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
            if let Ok(history) = share::decode_history(&saved) {
                drafts.set(history);
            }
        }
        None if browser::fragment().is_empty() => {
            drafts.set(History::from(Shared {
                original: example::ORIGINAL.to_owned(),
                reworked: example::REWORKED.to_owned(),
                ..Shared::default()
            }));
            showing_example.set(true);
        }
        None => {}
    }
    open_fragment();
    let start_own = move |_| {
        drafts.set(History::from(Shared::default()));
        showing_example.set(false);
        browser::focus_id("original");
    };
    // Clearing keeps what was there until the next edit, for one Undo.
    let cleared = RwSignal::new(None::<History>);
    // What the Undo next to it undoes.
    let undo_what = RwSignal::new("Cleared.");
    let clear = move |_| {
        cleared.set(Some(drafts.to_history()));
        undo_what.set("Cleared.");
        drafts.set(History {
            options: options.get_untracked(),
            view: view.get_untracked(),
            ..History::from(Shared::default())
        });
        showing_example.set(false);
    };
    let undo_clear = move |_| {
        if let Some(history) = cleared.get_untracked() {
            drafts.set(history);
        }
        cleared.set(None);
    };
    // A Redline JSON export, opened or dropped: replaces the drafts, or says why not.
    let import_message = RwSignal::new(None::<String>);
    let import = Callback::new(move |json: String| match export::import_json(&json) {
        Ok(history) => {
            cleared.set(Some(drafts.to_history()));
            undo_what.set("Imported.");
            drafts.set(history);
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
    // With two versions, swapping exchanges the texts; in a history it compares the other way.
    let swap = move |_| {
        if listing.get_untracked() {
            let (from, to) = (drafts.from.get_untracked(), drafts.to.get_untracked());
            drafts.from.set(to);
            drafts.to.set(from);
            return;
        }
        let (original, reworked) = (drafts.slot_untracked(0).text, drafts.slot_untracked(1).text);
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
        store(&share::encode_any(&drafts.to_history()));
    };
    let mut save = debounce(Duration::from_millis(500), move |()| {
        if !unsaved.get_untracked() {
            return;
        }
        // Encoding diffs the texts again: long texts are encoded in the worker.
        let history = drafts.to_history();
        let n_bytes: usize = history
            .versions
            .iter()
            .map(|version| version.text.len())
            .sum();
        if n_bytes <= BACKGROUND_BYTES {
            return save_now();
        }
        let started = worker::run(&Request::Encode(history), move |answer| {
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
        drafts.reworked().with(|reworked| {
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
        let (original, reworked) = (drafts.original(), drafts.reworked());
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
            // Texts a quarter of the way there are likely to pass it soon (a long original
            // pasted, the reworked text still to come): the worker loads now, not then.
            if n_bytes > BACKGROUND_BYTES / 4 {
                worker::warm(Job::Compare);
            }
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
    // The notes between the two versions compared: the later one's for a step, all those
    // after the first up to the second for several steps.
    let typed_note = Memo::new(move |_| {
        let (from, to) = (drafts.from.get(), drafts.to.get());
        let notes: Vec<String> = drafts
            .versions
            .with(|slots| slots.iter().map(|slot| slot.note.get()).collect());
        let notes: Vec<&str> = notes.iter().map(String::as_str).collect();
        history::notes_between(&notes, from, to)
    });
    // The note the panel shows (typed, else detected) checked against the changes.
    let reconciliation: Memo<Reconciliation> = Memo::new(move |_| {
        let typed = typed_note.get();
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
    // What each step of a history changed, and the changes undone along it: for the timeline.
    // Each edit compares every version with the next again, so it waits for a pause in the
    // typing; long texts go to the worker. `None` until the first answer.
    let summary = RwSignal::new(None::<HistorySummary>);
    let summary_generation = StoredValue::new(0_u64);
    // Remembers each step compared, so an edit compares only the two steps next to it.
    let summarizer = StoredValue::new(history::Summarizer::default());
    let mut summarize = debounce(Duration::from_millis(250), move |()| {
        summary_generation.update_value(|generation| *generation += 1);
        let this_run = summary_generation.get_value();
        let texts: Vec<String> = drafts
            .versions
            .with_untracked(|slots| slots.iter().map(|slot| slot.text.get_untracked()).collect());
        let options = options.get_untracked();
        let summarize_here = move |texts: Vec<String>, options: Options| {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            summarizer
                .try_update_value(|summarizer| summarizer.summarize(&texts, &options))
                .unwrap_or_default()
        };
        if texts.iter().map(String::len).sum::<usize>() <= BACKGROUND_BYTES {
            worker::cancel(Job::Summarize);
            return summary.set(Some(summarize_here(texts, options)));
        }
        let request = Request::Summarize { texts, options };
        let started = worker::run(&request, move |answer| {
            if summary_generation.get_value() != this_run {
                return;
            }
            if let Ok(result) = answer.and_then(|json| {
                serde_json::from_str::<HistorySummary>(&json).map_err(|err| err.to_string())
            }) {
                summary.set(Some(result));
            }
        });
        if started.is_err()
            && let Request::Summarize { texts, options } = request
        {
            summary.set(Some(summarize_here(texts, options)));
        }
    });
    Effect::new(move |_| {
        if !listing.get() {
            return;
        }
        options.track();
        drafts
            .versions
            .with(|slots| slots.iter().for_each(|slot| slot.text.track()));
        summarize(());
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
                <button
                    type="button"
                    data-testid="diff-add-version"
                    title="Add a later version of the article, with its own label and note"
                    disabled=move || { drafts.versions.with(Vec::len) >= MAX_VERSIONS }
                    on:click=move |_| {
                        drafts.add_version();
                        let n = drafts.versions.with_untracked(Vec::len);
                        request_animation_frame(move || browser::focus_id(&format!("version-{n}")));
                    }
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
            <Show when=move || listing.get() fallback=move || view! { <PairInputs drafts=drafts on_json=import /> }>
                <VersionList drafts=drafts on_json=import />
            </Show>
            <section class="result" class:stale=move || comparing.get().is_some() aria-label="Differences">
                <aside class="note-panel" data-testid="diff-note-panel">
                    <ShareBar drafts=drafts />
                    <NoteCheck comparison=comparison reconciliation=reconciliation current=current />
                    <StatsSummary comparison=comparison show_cosmetic=show_cosmetic />
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
                    <NoteClaims reconciliation=reconciliation />
                </aside>
                <div class="diff-column">
                    <Show when=move || listing.get()>
                        <Timeline drafts=drafts summary=summary />
                    </Show>
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
                                            "Comparing {} MB of text in the background… The differences below are from before your last edit; you can go on typing.",
                                            megabytes(n_bytes as u64),
                                        )}
                                    </p>
                                }
                            })
                    }}
                    <Show when=move || comparison.with(|comparison| comparison.coarse)>
                        <p class="comparing" role="note" data-testid="diff-coarse">
                            {format!(
                                "A text has more than {} lines: unchanged lines in a row are shown together. The changes are exact.",
                                group_thousands(redline_engine::COARSE_LINES),
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
                    <Show when=move || listing.get()>
                        <UndoneChanges drafts=drafts summary=summary />
                    </Show>
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

/// The simple case: the original, the reworked text and its note, in three boxes.
#[component]
fn PairInputs(drafts: Drafts, on_json: Callback<String>) -> impl IntoView {
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
