//! ComparisonList: "Your comparisons", the comparisons kept in this browser: search them, open one, rename one, start a new one, delete one with undo, export and import them all.

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
    /// The title of the comparison this tab shows: renaming it renames the drafts, which are
    /// saved as any edit is.
    title: RwSignal<String>,
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
        browser::download(
            &library::export_file_name(&browser::today()),
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
    // What the search box holds; the list shows the comparisons whose title holds it.
    let search = RwSignal::new(String::new());
    // The comparison being renamed, by id.
    let renaming = RwSignal::new(None::<String>);
    let rename = move |entry: Entry, name: String| {
        renaming.set(None);
        let Ok(renamed) = entry.renamed(&name, browser::now()) else {
            return;
        };
        if current.get_untracked().as_deref() == Some(entry.id.as_str()) {
            // The drafts are saved as any edit is; their save is debounced.
            title.set(name.trim().to_owned());
        } else {
            let _ = browser::save_entry(&renamed);
        }
        // The list shows the new name at once.
        entries.update(|entries| {
            if let Some(shown) = entries.iter_mut().find(|shown| shown.id == entry.id) {
                shown.title = renamed.title;
            }
        });
    };
    let items = move || {
        let needle = search.get().to_lowercase();
        let shown: Vec<Entry> = entries
            .get()
            .into_iter()
            .filter(|entry| entry.title.to_lowercase().contains(needle.trim()))
            .collect();
        if shown.is_empty() && !needle.trim().is_empty() {
            return view! { <li class="muted" data-testid="diff-comparison-none">"No comparison's title holds these words."</li> }.into_any();
        }
        shown
            .into_iter()
            .map(|entry| {
                let is_current = current.with(|current| current.as_deref() == Some(entry.id.as_str()));
                let when = format!("edited {}", browser::local_time(entry.updated));
                let id = entry.id.clone();
                let title = entry.title.clone();
                let label = format!("Delete “{title}”");
                let rename_label = format!("Rename “{title}”");
                let is_renaming = renaming.with(|renaming| renaming.as_deref() == Some(entry.id.as_str()));
                let (for_rename, for_delete, for_save) = (entry.clone(), entry.clone(), entry.clone());
                if is_renaming {
                    let name = RwSignal::new(title.clone());
                    let save = move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        rename(for_save.clone(), name.get_untracked());
                    };
                    return view! {
                        <li class="comparison-item" data-testid="diff-comparison">
                            <form class="comparison-rename" on:submit=save>
                                <input type="text" aria-label="New title" data-testid="diff-comparison-rename-input"
                                    prop:value=move || name.get()
                                    on:input=move |ev| name.set(event_target_value(&ev))
                                    on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(None) } />
                                <button type="submit" data-testid="diff-comparison-rename-save">"Save"</button>
                                <button type="button" on:click=move |_| renaming.set(None)>"Cancel"</button>
                            </form>
                        </li>
                    }
                    .into_any();
                }
                view! {
                    <li class="comparison-item" class:current=is_current data-testid="diff-comparison">
                        <button type="button" class="comparison-open" aria-current=is_current.then_some("true")
                            on:click=move |_| { open.run(id.clone()); refresh(); }>
                            {title}
                        </button>
                        <span class="comparison-when">{when}</span>
                        <button type="button" class="comparison-rename-button" aria-label=rename_label
                            data-testid="diff-comparison-rename" on:click=move |_| renaming.set(Some(for_rename.id.clone()))>
                            "Rename"
                        </button>
                        <button type="button" class="comparison-delete" aria-label=label
                            data-testid="diff-comparison-delete" on:click=move |_| delete(for_delete.clone())>
                            "Delete"
                        </button>
                    </li>
                }
                .into_any()
            })
            .collect_view()
            .into_any()
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
            <label class="comparison-search">
                <span class="visually-hidden">"Search your comparisons"</span>
                <input type="search" placeholder="Search by title" data-testid="diff-comparison-search"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev)) />
            </label>
            <ul class="comparison-items">{items}</ul>
        </details>
    }
}
