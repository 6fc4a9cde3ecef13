//! App: the page's layout; its state and effects come from the hooks in [`super::hooks`].

use leptos::prelude::*;

use redline_engine::formats::{library, share};

use super::browser;
use super::hooks::{
    UseComparisonReturn, UseDraftsReturn, UseNoteCheckReturn, UseSavedDraftsReturn,
    UseShareLinkReturn, UseThemeReturn, use_autosave, use_comparison, use_current_change,
    use_drafts, use_edits, use_history_summary, use_note_check, use_saved_drafts, use_share_link,
    use_theme,
};
use super::{
    ChangeNav, ComparisonList, ComparisonStatus, DiffView, InputActions, NoteCheck, NoteClaims,
    NotePanel, OptionsBar, OverviewRuler, PairInputs, ShareBar, SourcesForm, SourcesHeader,
    StatsSummary, Timeline, UndoneChanges, VersionList, ViewSwitch,
};

/// The whole page: header, the original, reworked and note inputs, and the diff beside the note.
#[component]
pub fn App() -> impl IntoView {
    let UseSavedDraftsReturn {
        saved,
        reopened,
        current: current_comparison,
        write,
        save_failed,
        saved_at,
        changed_elsewhere,
    } = use_saved_drafts();
    let UseDraftsReturn {
        drafts,
        showing_example,
        start_own,
    } = use_drafts(saved.get_value());
    let UseShareLinkReturn {
        link_error,
        follows_link,
        open: open_comparison,
    } = use_share_link(drafts, current_comparison, reopened);
    // A new comparison gets its id at its first save.
    let start_new = Callback::new(move |()| {
        current_comparison.set(None);
        follows_link.set(false);
        browser::replace_fragment("");
        start_own.run(());
    });
    // Someone who opens a link came to see the comparison: the boxes are folded under "Edit
    // these texts" until asked for, and open again for a comparison of the reader's own.
    let texts_open = RwSignal::new(true);
    Effect::new(move |_| texts_open.set(!follows_link.get()));
    let unsaved = use_autosave(drafts, follows_link, write);
    let edits = use_edits(drafts, showing_example);
    let UseComparisonReturn {
        comparison,
        comparing,
        error: compare_error,
        marks,
        n_changes,
    } = use_comparison(drafts);
    let UseNoteCheckReturn {
        typed_note,
        detected_note,
        reconciliation,
    } = use_note_check(drafts, comparison);
    let (listing, options, view, current) =
        (drafts.listing, drafts.options, drafts.view, drafts.current);
    use_current_change(current, n_changes, view);
    let summary = use_history_summary(drafts);
    let UseThemeReturn {
        theme,
        next: next_theme,
    } = use_theme();
    let theme_label = move || match theme.read().as_str() {
        "light" => "Theme: light",
        "dark" => "Theme: dark",
        _ => "Theme: system",
    };
    let show_cosmetic = RwSignal::new(false);
    // The labels of every change in the text, or only of the current one: remembered in this
    // browser like the theme.
    let show_labels = RwSignal::new(browser::load_setting(browser::LABELS_KEY) == "on");
    Effect::new(move |previous: Option<()>| {
        let on = show_labels.get();
        if previous.is_some() {
            browser::save_setting(browser::LABELS_KEY, if on { "on" } else { "" });
        }
    });
    // When the storage refuses a save, the comparison the page shows is in no entry yet: the
    // export adds it as it is, so the file holds everything.
    let export_everything = move || {
        let id = current_comparison
            .get_untracked()
            .unwrap_or_else(browser::new_comparison_id);
        let mut entries: Vec<library::Entry> = browser::entries()
            .into_iter()
            .filter(|entry| entry.id != id)
            .collect();
        entries.insert(
            0,
            library::Entry::new(id, &drafts.to_history(), browser::now()),
        );
        browser::download(
            &library::export_file_name(&browser::today()),
            "application/json",
            &library::export_all(&entries),
        );
    };

    view! {
        <header class="app-header">
            <h1>"Redline"</h1>
            <p class="tagline">"See exactly how an article was corrected."</p>
            <button type="button" class="theme-toggle" data-testid="diff-theme" on:click=move |_| next_theme.run(())>
                {theme_label}
            </button>
        </header>
        <main>
            {move || {
                link_error
                    .get()
                    .map(|(message, detail)| {
                        view! {
                            <div class="banner" role="alert" data-testid="diff-link-error">
                                <p>{message}</p>
                                <details>
                                    <summary>"Technical detail"</summary>
                                    <p data-testid="diff-link-error-detail">{detail}</p>
                                </details>
                                <button type="button" on:click=move |_| link_error.set(None)>"Dismiss"</button>
                            </div>
                        }
                    })
            }}
            <Show when=move || save_failed.get()>
                <div class="save-warning" role="status" data-testid="diff-save-warning">
                    <p>
                        "This browser did not let Redline keep your texts (its storage is full or blocked). They stay in this page until you close it: keep a copy with Copy link, the HTML report or the file below, or delete comparisons you no longer need under Your comparisons."
                    </p>
                    <button type="button" data-testid="diff-export-unsaved" on:click=move |_| export_everything()>
                        "Export all comparisons, this one with them"
                    </button>
                </div>
            </Show>
            {move || {
                changed_elsewhere
                    .get()
                    .map(|fragment| {
                        let show_other = move |_| {
                            if let Ok(history) = share::decode_history(&fragment) {
                                drafts.set(history);
                            }
                            changed_elsewhere.set(None);
                        };
                        let keep_mine = move |_| {
                            let history = drafts.to_history();
                            write.run((share::encode_any(&history), library::title_of(&history)));
                        };
                        view! {
                            <div class="banner" role="alert" data-testid="diff-changed-elsewhere">
                                <p>"This comparison was just changed in another tab, so the two tabs now show different texts. Choose which to keep: the other is not saved."</p>
                                <button type="button" data-testid="diff-show-other-tab" on:click=show_other>"Show the other tab's texts"</button>
                                <button type="button" data-testid="diff-keep-this-tab" on:click=keep_mine>"Keep this tab's texts"</button>
                            </div>
                        }
                    })
            }}
            <ComparisonList current=current_comparison open=open_comparison start_new=start_new unsaved=unsaved saved_at=saved_at save_failed=save_failed title=drafts.title />
            <Show when=move || showing_example.get()>
                <div class="example-banner" role="note" data-testid="diff-example">
                    <p>
                        "This is an example: a made-up article and its corrected version, with the kinds of change Redline shows."
                    </p>
                    <button type="button" data-testid="diff-start-own" on:click=move |_| start_own.run(())>
                        "Start with your own texts"
                    </button>
                </div>
            </Show>
            <Show when=move || follows_link.get() || !texts_open.get()>
                <button
                    type="button"
                    class="fold-texts"
                    data-testid="diff-edit-texts"
                    aria-controls="texts"
                    aria-expanded=move || texts_open.get().to_string()
                    on:click=move |_| texts_open.update(|open| *open = !*open)
                >
                    {move || if texts_open.get() { "Fold the texts" } else { "Edit these texts" }}
                </button>
            </Show>
            <Show when=move || { n_changes.get() > 0 && texts_open.get() }>
                <button type="button" class="to-differences fold" data-testid="diff-to-differences" on:click=move |_| browser::scroll_to_top_of("differences")>
                    {move || format!("↓ To the differences ({})", if n_changes.get() == 1 { "1 change".to_owned() } else { format!("{} changes", n_changes.get()) })}
                </button>
            </Show>
            <div id="texts" class="texts" hidden=move || !texts_open.get()>
                <InputActions drafts=drafts edits=edits />
                <Show when=move || listing.get() fallback=move || view! { <PairInputs drafts=drafts on_json=edits.import /> }>
                    <VersionList drafts=drafts on_json=edits.import />
                </Show>
                <SourcesForm drafts=drafts />
            </div>
            <SourcesHeader drafts=drafts />
            <section class="result" id="differences" class:stale=move || comparing.get().is_some() aria-label="Differences">
                <aside class="note-panel" data-testid="diff-note-panel">
                    <ShareBar drafts=drafts />
                    <NoteCheck comparison=comparison reconciliation=reconciliation current=current />
                    <StatsSummary comparison=comparison show_cosmetic=show_cosmetic />
                    <NotePanel drafts=drafts typed_note=typed_note detected_note=detected_note />
                    <NoteClaims reconciliation=reconciliation />
                </aside>
                <div class="diff-column">
                    <Show when=move || listing.get()>
                        <Timeline drafts=drafts summary=summary />
                    </Show>
                    <OptionsBar options=options />
                    <div class="diff-toolbar">
                        <ViewSwitch view=view />
                        <ChangeNav n_changes=n_changes current=current updating=Signal::derive(move || comparing.get().is_some()) />
                        <label class="labels-switch" for="show-labels">
                            <input
                                type="checkbox"
                                id="show-labels"
                                data-testid="diff-show-labels"
                                prop:checked=move || show_labels.get()
                                on:change=move |ev| show_labels.set(event_target_checked(&ev))
                            />
                            "Show labels"
                        </label>
                    </div>
                    <ComparisonStatus comparison=comparison comparing=comparing error=compare_error options=options listing=listing />
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
                                show_labels=show_labels
                            />
                        </div>
                        <OverviewRuler marks=marks current=current />
                    </div>
                </div>
            </section>
        </main>
    }
}
