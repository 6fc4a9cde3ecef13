//! `use_saved_drafts`: the drafts kept in this browser's localStorage.

use leptos::prelude::*;

use crate::ui::browser;

/// What [`use_saved_drafts`] returns.
#[derive(Clone)]
pub struct UseSavedDraftsReturn {
    /// The saved drafts as a share fragment, when something is saved.
    pub saved: Option<String>,
    /// Saves a share fragment over the saved drafts.
    pub write: Callback<String>,
    /// Whether the browser refused the last write (storage full or blocked).
    pub save_failed: RwSignal<bool>,
}

/// Reads the saved drafts once, as the page opens, and gives the way to write them. They are a
/// share fragment: compact, and validated on the way back like any link. Other tabs' writes
/// are not followed: each tab keeps what it shows.
pub fn use_saved_drafts() -> UseSavedDraftsReturn {
    let save_failed = RwSignal::new(false);
    let saved = browser::load_drafts();
    let write = Callback::new(move |fragment: String| {
        save_failed.set(browser::save_drafts(&fragment).is_err());
    });
    UseSavedDraftsReturn {
        saved,
        write,
        save_failed,
    }
}
