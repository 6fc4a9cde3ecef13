//! `use_share_link`: the link the page was opened with, and any link pasted into the address bar later.

use leptos::prelude::*;

use crate::ui::Drafts;
use crate::ui::browser;
use redline_engine::formats::share;

/// What [`use_share_link`] returns.
#[derive(Clone, Copy)]
pub struct UseShareLinkReturn {
    /// Why the last link could not be opened, for the banner; the drafts stay as they were.
    pub link_error: RwSignal<Option<String>>,
    /// Whether the page shows the texts of a link it was opened with, so that edits keep the
    /// address bar's link current ([`use_autosave`](super::use_autosave)).
    pub follows_link: RwSignal<bool>,
}

/// Opens the link in the URL fragment, if there is one, into `drafts`, and again on every
/// `hashchange` (a second link pasted into the address bar of the same tab). A damaged link
/// only sets `link_error`.
pub fn use_share_link(drafts: Drafts) -> UseShareLinkReturn {
    let link_error = RwSignal::new(None::<String>);
    let follows_link = RwSignal::new(false);
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
    open_fragment();
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| open_fragment());
    on_cleanup(move || hashchange.remove());
    UseShareLinkReturn {
        link_error,
        follows_link,
    }
}
