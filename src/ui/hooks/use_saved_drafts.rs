//! `use_saved_drafts`: the comparisons kept in this browser, one storage item each, and the one this tab works on.

use leptos::prelude::*;

use crate::ui::browser;
use redline_engine::formats::library::Entry;
use redline_engine::formats::share;

/// What [`use_saved_drafts`] returns.
#[derive(Clone, Copy)]
pub struct UseSavedDraftsReturn {
    /// The share fragment the page starts with, when this tab or this browser was working on
    /// a comparison.
    pub saved: StoredValue<Option<String>>,
    /// Whether that comparison is the one this tab's history entry showed (a reload, or Back):
    /// then the address's link, if any, is that comparison's own and is not opened again.
    pub reopened: bool,
    /// The id of the comparison this tab shows (`None` until it has one: the example, or a
    /// first comparison not saved yet).
    pub current: RwSignal<Option<String>>,
    /// Saves a share fragment and its title as the comparison this tab shows, starting a new
    /// one when it has none.
    pub write: Callback<(String, String)>,
    /// Whether the browser refused the last write (storage full or blocked).
    pub save_failed: RwSignal<bool>,
    /// When the last write was kept, in milliseconds since 1970.
    pub saved_at: RwSignal<Option<u64>>,
    /// What another tab saved over the comparison this tab shows, as a share fragment, until
    /// the reader chooses which to keep.
    pub changed_elsewhere: RwSignal<Option<String>>,
}

/// Chooses the comparison the page opens, as the page opens: the one this tab's history
/// entry shows (a reload, or Back to it), else the one this tab was working on, else the one
/// last edited in this browser. A link in the address then opens over it as an entry of its
/// own ([`use_share_link`](super::use_share_link)), and a damaged link leaves it showing.
/// Drafts an older Redline kept become a comparison first.
///
/// Each comparison is its own storage item: a write touches only the comparison this tab
/// shows, so tabs working on different comparisons never write over each other. When another
/// tab saves the same comparison, `changed_elsewhere` says so at once (the `storage` event).
pub fn use_saved_drafts() -> UseSavedDraftsReturn {
    let save_failed = RwSignal::new(false);
    let saved_at = RwSignal::new(None::<u64>);
    let changed_elsewhere = RwSignal::new(None::<String>);
    browser::take_old_drafts(|saved| {
        let Ok(history) = share::decode_history(&saved) else {
            // Damaged: kept where it is, for nothing else reads that key.
            return false;
        };
        let entry = Entry::new(browser::new_comparison_id(), &history, browser::now());
        browser::save_entry(&entry).is_ok()
    });
    let from_history = browser::history_comparison().and_then(|id| browser::load_entry(&id));
    let reopened = from_history.is_some();
    let start = from_history.or_else(|| {
        browser::tab_comparison()
            .and_then(|id| browser::load_entry(&id))
            .or_else(|| browser::entries().into_iter().next())
    });
    let current = RwSignal::new(start.as_ref().map(|entry| entry.id.clone()));
    if let Some(entry) = &start {
        browser::set_tab_comparison(&entry.id);
        browser::mark_history(&entry.id);
    }
    // What this tab last wrote, to tell another tab's write from an echo of its own.
    let written = StoredValue::new(start.as_ref().map(|entry| entry.fragment.clone()));
    let write = Callback::new(move |(fragment, title): (String, String)| {
        let id = current.get_untracked().unwrap_or_else(|| {
            let id = browser::new_comparison_id();
            current.set(Some(id.clone()));
            browser::set_tab_comparison(&id);
            browser::mark_history(&id);
            id
        });
        let updated = browser::now();
        let entry = Entry {
            id,
            title,
            updated,
            fragment: fragment.clone(),
        };
        written.set_value(Some(fragment));
        let failed = browser::save_entry(&entry).is_err();
        save_failed.set(failed);
        if !failed {
            saved_at.set(Some(updated));
        }
        changed_elsewhere.set(None);
    });
    let storage = window_event_listener(leptos::ev::storage, move |event| {
        let Some(id) = current.get_untracked() else {
            return;
        };
        if event.key().as_deref() != Some(&format!("{}{id}", browser::COMPARISON_PREFIX)) {
            return;
        }
        let Some(entry) = event.new_value().and_then(|json| Entry::from_json(&json)) else {
            return;
        };
        if written.with_value(|written| written.as_deref() != Some(entry.fragment.as_str())) {
            changed_elsewhere.set(Some(entry.fragment));
        }
    });
    on_cleanup(move || storage.remove());
    UseSavedDraftsReturn {
        saved: StoredValue::new(start.map(|entry| entry.fragment)),
        reopened,
        current,
        write,
        save_failed,
        saved_at,
        changed_elsewhere,
    }
}
