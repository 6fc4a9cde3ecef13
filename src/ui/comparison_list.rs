//! ComparisonList: "Your comparisons", the comparisons kept in this browser: open one, start a new one, delete one with undo.

use leptos::prelude::*;

use super::browser;
use redline_engine::formats::library::Entry;

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
