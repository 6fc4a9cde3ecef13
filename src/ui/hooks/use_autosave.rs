//! `use_autosave`: every edit saved in this browser, half a second after typing stops, and at once when the page is left.

use std::time::Duration;

use leptos::prelude::*;

use crate::ui::Drafts;
use crate::ui::browser;
use crate::ui::worker::{self, Request};
use redline_engine::formats::{library, share};

use super::BACKGROUND_BYTES;

/// Saves `drafts` with `write_saved` ([`use_saved_drafts`](super::use_saved_drafts)) after
/// each pause in the typing, and at once when the page is left (`pagehide`), so a reload, a
/// closed tab or a crash loses nothing. While the page `follows_link`, the same step keeps the
/// address bar's link current, with `replaceState` (no history entry per keystroke).
///
/// Returns whether an edit is waiting to be saved, for the page to say so.
///
/// Encoding diffs the texts again, hence the debounce, and texts longer than
/// [`BACKGROUND_BYTES`] are encoded in the web worker.
pub fn use_autosave(
    drafts: Drafts,
    follows_link: RwSignal<bool>,
    write_saved: Callback<(String, String)>,
) -> RwSignal<bool> {
    // Whether an edit is not saved yet.
    let unsaved = RwSignal::new(false);
    // The fragment, with the title the list of comparisons shows.
    let store = move |fragment: String, title: String| {
        if follows_link.get_untracked() {
            browser::replace_fragment(&fragment);
        }
        write_saved.run((fragment, title));
    };
    let save_now = move || {
        unsaved.set(false);
        let history = drafts.to_history();
        store(share::encode_any(&history), library::title_of(&history));
    };
    let mut save = debounce(Duration::from_millis(500), move |()| {
        if !unsaved.get_untracked() {
            return;
        }
        let history = drafts.to_history();
        let n_bytes: usize = history
            .versions
            .iter()
            .map(|version| version.text.len())
            .sum();
        if n_bytes <= BACKGROUND_BYTES {
            return save_now();
        }
        let title = library::title_of(&history);
        let started = worker::run(&Request::Encode(history), move |answer| {
            if let Ok(fragment) = answer {
                unsaved.set(false);
                store(fragment, title);
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
    // Leaving or reloading within the debounce would lose the last edits.
    let save_pending = move || {
        if unsaved.get_untracked() {
            save_now();
        }
    };
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| save_pending());
    on_cleanup(move || pagehide.remove());
    unsaved
}
