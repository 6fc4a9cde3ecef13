//! `use_current_change`: the change in focus kept within the comparison, and scrolled into view.

use leptos::prelude::*;

use crate::ui::browser;
use redline_engine::formats::share::View;

/// Keeps `current` pointing at a change the comparison has (a new comparison may have fewer
/// than the one in focus), and scrolls the change in focus into view once it is drawn, again
/// when the `view` changes.
pub fn use_current_change(
    current: RwSignal<Option<usize>>,
    n_changes: Signal<usize>,
    view: RwSignal<View>,
) {
    Effect::new(move |_| {
        let n = n_changes.get();
        if current.get_untracked().is_some_and(|change| change >= n) {
            current.set(None);
        }
    });
    Effect::new(move |_| {
        if let Some(change) = current.get() {
            view.track();
            request_animation_frame(move || browser::scroll_to_change(change));
        }
    });
}
