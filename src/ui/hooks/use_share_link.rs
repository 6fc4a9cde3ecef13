//! `use_share_link`: the link the page was opened with, any link pasted into the address bar later, and Back to what the tab showed before.

use leptos::prelude::*;

use crate::ui::Drafts;
use crate::ui::browser;
use redline_engine::formats::library::{self, Entry};
use redline_engine::formats::share;

/// What [`use_share_link`] returns.
#[derive(Clone, Copy)]
pub struct UseShareLinkReturn {
    /// Why the last link could not be opened, for the banner: what to do, and the technical
    /// detail; the drafts stay as they were.
    pub link_error: RwSignal<Option<(String, String)>>,
    /// Whether the page shows the texts of a link it was opened with, so that edits keep the
    /// address bar's link current ([`use_autosave`](super::use_autosave)).
    pub follows_link: RwSignal<bool>,
    /// Opens the kept comparison with this id in this tab (from the list of comparisons).
    pub open: Callback<String>,
}

/// Opens the link in the URL fragment, if there is one, into `drafts`, and again on every
/// `hashchange` (a second link pasted into the address bar of the same tab). A link is a
/// comparison of its own, kept by its fingerprint (the same link opened twice is one entry,
/// and opens as it was last edited): the comparison the tab showed before stays as it was,
/// and Back (`popstate`) opens it again. A damaged link only sets `link_error`.
///
/// `current` is the comparison the tab shows ([`use_saved_drafts`](super::use_saved_drafts));
/// when it was `reopened` from this tab's history entry (a reload), the address's link is
/// that comparison's, kept current while it was edited, and is not opened again.
pub fn use_share_link(
    drafts: Drafts,
    current: RwSignal<Option<String>>,
    reopened: bool,
) -> UseShareLinkReturn {
    let link_error = RwSignal::new(None::<(String, String)>);
    let follows_link = RwSignal::new(false);
    let show = move |id: String, history: share::History| {
        follows_link.set(id.starts_with("link-"));
        browser::set_tab_comparison(&id);
        browser::mark_history(&id);
        current.set(Some(id));
        drafts.set(history);
    };
    let open_fragment = move || {
        let fragment = browser::fragment();
        if fragment.is_empty() {
            return;
        }
        match share::decode_history(&fragment) {
            Ok(history) => {
                let id = library::link_id(&history);
                if current.get_untracked().as_deref() == Some(id.as_str()) {
                    return;
                }
                let kept = browser::load_entry(&id).and_then(|entry| entry.history().ok());
                let history = match kept {
                    Some(kept) => kept,
                    None => {
                        // Kept at once, so the comparison is in the list before any edit; a
                        // full storage is said by the next save.
                        let _ =
                            browser::save_entry(&Entry::new(id.clone(), &history, browser::now()));
                        history
                    }
                };
                link_error.set(None);
                show(id, history);
            }
            Err(err) => link_error.set(Some((
                format!("{} Your texts were not changed.", err.advice()),
                format!("This link is damaged: {err}."),
            ))),
        }
    };
    if reopened {
        follows_link.set(
            current.with_untracked(|id| id.as_deref().is_some_and(|id| id.starts_with("link-")))
                && !browser::fragment().is_empty(),
        );
    } else {
        open_fragment();
    }
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| open_fragment());
    // Back and Forward: the history entry says which comparison it showed.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let Some(id) = browser::history_comparison() else {
            return;
        };
        if current.get_untracked().as_deref() == Some(id.as_str()) {
            return;
        }
        if let Some(history) = browser::load_entry(&id).and_then(|entry| entry.history().ok()) {
            show(id, history);
        }
    });
    on_cleanup(move || {
        hashchange.remove();
        popstate.remove();
    });
    let open = Callback::new(move |id: String| {
        if let Some(history) = browser::load_entry(&id).and_then(|entry| entry.history().ok()) {
            if !id.starts_with("link-") {
                // The address's link belongs to the comparison shown before.
                browser::replace_fragment("");
            }
            show(id, history);
        }
    });
    UseShareLinkReturn {
        link_error,
        follows_link,
        open,
    }
}
