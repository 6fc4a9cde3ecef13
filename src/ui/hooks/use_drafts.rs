//! `use_drafts`: the drafts the page starts with: those saved in this browser, else the first-visit example.

use leptos::prelude::*;

use crate::ui::Drafts;
use crate::ui::browser;
use redline_engine::example;
use redline_engine::formats::share::{self, History, Shared};

/// What [`use_drafts`] returns.
#[derive(Clone, Copy)]
pub struct UseDraftsReturn {
    /// The drafts, filled with what was saved, or with the example.
    pub drafts: Drafts,
    /// Whether the drafts are the first-visit example, which the page explains in a banner.
    pub showing_example: RwSignal<bool>,
    /// Replaces the example with two empty boxes and puts the cursor in the original's.
    pub start_own: Callback<()>,
}

/// The drafts `saved` in this browser ([`use_saved_drafts`](super::use_saved_drafts)) come
/// back first (a link opened afterwards, see
/// [`use_share_link`](super::use_share_link), replaces them; a damaged link leaves them as
/// they were). A first visit, with nothing saved and no link, starts with the example, so a
/// new reader sees what Redline does before pasting anything.
pub fn use_drafts(saved: Option<String>) -> UseDraftsReturn {
    let drafts = Drafts::new();
    let showing_example = RwSignal::new(false);
    match saved.map(|saved| share::decode_history(&saved)) {
        Some(Ok(history)) => drafts.set(history),
        // Damaged drafts (an older browser's write cut short) are not replaced by the example.
        Some(Err(_)) => {}
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
    let start_own = Callback::new(move |()| {
        drafts.set(History::from(Shared::default()));
        showing_example.set(false);
        // After the boxes are drawn again for the new drafts: focused now, the box the focus
        // went to would be replaced.
        request_animation_frame(|| browser::focus_id("original"));
    });
    UseDraftsReturn {
        drafts,
        showing_example,
        start_own,
    }
}
