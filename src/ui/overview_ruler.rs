//! OverviewRuler: a narrow bar beside the diff with one clickable mark per change, placed by how far down it is.

use leptos::prelude::*;

use redline_engine::{ChangeKind, ChangeMark};

/// One mark per change; clicking a mark makes that change the current one.
#[component]
pub fn OverviewRuler(
    /// The changes, in order.
    marks: Memo<Vec<ChangeMark>>,
    /// The change in focus, if any.
    current: RwSignal<Option<usize>>,
) -> impl IntoView {
    let buttons = move || {
        marks.with(|marks| {
            marks
                .iter()
                .map(|mark| {
                    let change = mark.change;
                    let (class, what) = match mark.kind {
                        ChangeKind::Deleted => ("mark mark-deleted", "deletion"),
                        ChangeKind::Inserted => ("mark mark-inserted", "insertion"),
                        ChangeKind::Replaced => ("mark mark-replaced", "replacement"),
                        ChangeKind::Moved => ("mark mark-moved", "move"),
                    };
                    view! {
                        <button
                            type="button"
                            class=class
                            class:mark-current=move || current.get() == Some(change)
                            // Through the CSSOM, which the Content-Security-Policy allows
                            // (a style attribute would need 'unsafe-inline').
                            style:top=percent(mark.position)
                            aria-label=format!("Change {}: {what}", change + 1)
                            title=format!("Change {}: {what}", change + 1)
                            tabindex="-1"
                            on:click=move |_| current.set(Some(change))
                        ></button>
                    }
                })
                .collect_view()
        })
    };
    // The buttons are out of the tab order: the Previous and Next buttons and the keys reach
    // every change already, and hundreds of tab stops would trap keyboard users.
    view! {
        <nav class="ruler" aria-label="Overview of changes" data-testid="diff-ruler">
            {buttons}
        </nav>
    }
}

/// A position from 0 to 1 as a CSS percentage with three decimals ("12.345%"), in integer
/// arithmetic: formatting a float with a precision costs the wasm about 5 KB.
fn percent(position: f64) -> String {
    let thousandths = (position.clamp(0.0, 1.0) * 100_000.0).round() as u32;
    format!("{}.{:03}%", thousandths / 1000, thousandths % 1000)
}
