//! ViewSwitch: the choice of inline, side-by-side or changes-only view, as a radio group.

use leptos::prelude::*;

use redline_engine::formats::share::View;

/// Radio buttons for the three views; the choice is saved with the drafts and travels in links.
#[component]
pub fn ViewSwitch(
    /// The view, read and written by the buttons.
    view: RwSignal<View>,
) -> impl IntoView {
    let choice = move |value: View, id: &'static str, label: &'static str| {
        view! {
            <label class="view-choice" for=id>
                <input
                    type="radio"
                    name="view"
                    id=id
                    data-testid=format!("diff-{id}")
                    prop:checked=move || view.get() == value
                    on:change=move |_| view.set(value)
                />
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="view-switch">
            <legend>"View"</legend>
            {choice(View::Inline, "view-inline", "Inline")}
            {choice(View::SideBySide, "view-side-by-side", "Side by side")}
            {choice(View::ChangesOnly, "view-changes-only", "Changes only")}
        </fieldset>
    }
}
