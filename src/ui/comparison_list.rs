//! ComparisonList: "Your comparisons", the comparisons kept in this browser: open one, start a new one, delete one with undo, export and import them all.

use leptos::prelude::*;

use super::browser;
use redline_engine::formats::library::{self, Entry};

/// The list, folded until opened; it is read from storage each time it opens and after each
/// change it makes, so that it shows what other tabs kept too.
#[component]
pub fn ComparisonList(
    /// The comparison this tab shows.
    current: RwSignal<Option<String>>,
    /// Opens a kept comparison by id.
    open: Callback<String>,
    /// Starts a new, empty comparison.
    start_new: Callback<()>,
    /// Whether an edit is waiting to be saved.
    unsaved: RwSignal<bool>,
    /// When the last save was kept.
    saved_at: RwSignal<Option<u64>>,
    /// Whether the browser refused the last save.
    save_failed: RwSignal<bool>,
) -> impl IntoView {
    let state = move || {
        if save_failed.get() {
            "Not kept: storage full or blocked"
        } else if unsaved.get() {
            "Saving…"
        } else if current.with(Option::is_some) {
            "Kept in this browser"
        } else {
            ""
        }
    };
    let saved_at = move || saved_at.get().map(|at| at.to_string());
    let entries = RwSignal::new(Vec::<Entry>::new());
    let refresh = move || entries.set(browser::entries());
    // The last comparison deleted, until undone or another is deleted.
    let deleted = RwSignal::new(None::<Entry>);
    let delete = move |entry: Entry| {
        browser::remove_entry(&entry.id);
        if current.get_untracked().as_deref() == Some(entry.id.as_str()) {
            start_new.run(());
        }
        deleted.set(Some(entry));
        refresh();
    };
    let undo = move |_| {
        if let Some(entry) = deleted.get_untracked() {
            if browser::save_entry(&entry).is_ok() {
                open.run(entry.id.clone());
            }
            deleted.set(None);
            refresh();
        }
    };
    // What the last import did, or why it did nothing.
    let import_message = RwSignal::new(None::<String>);
    let export = move |_| {
        let file = format!("redline-comparisons-{}.json", browser::today());
        browser::download(
            &file,
            "application/json",
            &library::export_all(&browser::entries()),
        );
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = browser::input_files(&ev).into_iter().next() else {
            return;
        };
        let file = browser::OpenedFile::new(file);
        leptos::task::spawn_local(async move {
            let message = match file
                .text()
                .await
                .and_then(|json| library::import_all(&json))
            {
                Ok(imported) => {
                    let n_in_file = imported.len();
                    let keep = library::to_keep(&browser::entries(), imported);
                    let n_kept = keep
                        .iter()
                        .filter(|entry| browser::save_entry(entry).is_ok())
                        .count();
                    format!(
                        "Imported {n_kept} of the {n_in_file} comparisons in the file; the others are here already, edited later."
                    )
                }
                Err(why) => why,
            };
            import_message.set(Some(message));
            refresh();
        });
    };
    let items = move || {
        entries
            .get()
            .into_iter()
            .map(|entry| {
                let is_current = current.with(|current| current.as_deref() == Some(entry.id.as_str()));
                let when = format!("edited {}", browser::local_time(entry.updated));
                let id = entry.id.clone();
                let title = entry.title.clone();
                let label = format!("Delete “{title}”");
                view! {
                    <li class="comparison-item" class:current=is_current data-testid="diff-comparison">
                        <button type="button" class="comparison-open" aria-current=is_current.then_some("true")
                            on:click=move |_| { open.run(id.clone()); refresh(); }>
                            {title}
                        </button>
                        <span class="comparison-when">{when}</span>
                        <button type="button" class="comparison-delete" aria-label=label
                            data-testid="diff-comparison-delete" on:click=move |_| delete(entry.clone())>
                            "Delete"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="comparisons" data-testid="diff-comparisons" on:toggle=move |_| refresh()>
            <summary>
                "Your comparisons"
                <span class="saved-state" role="status" data-testid="diff-saved-state" data-saved-at=saved_at>{state}</span>
            </summary>
            <p class="comparisons-help">"Kept in this browser only. Each tab works on its own comparison; a link you open is added here without touching the others."</p>
            <button type="button" data-testid="diff-new-comparison" on:click=move |_| { start_new.run(()); refresh(); }>
                "New comparison"
            </button>
            <button type="button" data-testid="diff-export-comparisons" on:click=export>"Export all"</button>
            <label class="import-file" for="import-comparisons">
                "Import comparisons…"
                <input
                    type="file"
                    id="import-comparisons"
                    class="visually-hidden"
                    data-testid="diff-import-comparisons"
                    accept=".json,application/json"
                    on:change=import
                />
            </label>
            {move || import_message.get().map(|message| view! {
                <p role="status" class="muted" data-testid="diff-import-comparisons-message">{message}</p>
            })}
            {move || deleted.get().map(|entry| view! {
                <p class="comparisons-undo" role="status">
                    {format!("Deleted “{}”. ", entry.title)}
                    <button type="button" data-testid="diff-comparison-undo" on:click=undo>"Undo"</button>
                </p>
            })}
            <ul class="comparison-items">{items}</ul>
        </details>
    }
}
