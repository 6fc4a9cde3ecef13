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
    // Each mark keyed by its change, its kind and its place to a tenth of a percent (about a
    // pixel of the ruler), packed into one number: a key press moves the marks below it by far
    // less than that, so it redraws no mark, or the one or two that cross a tenth.
    let keyed = move || {
        marks.with(|marks| {
            marks
                .iter()
                .map(|mark| {
                    let kind: u64 = match mark.kind {
                        ChangeKind::Deleted => 0,
                        ChangeKind::Inserted => 1,
                        ChangeKind::Replaced => 2,
                        ChangeKind::Moved => 3,
                    };
                    let key = ((mark.change as u64) << 24)
                        | (kind << 20)
                        | u64::from(tenths(mark.position));
                    (key, mark.change)
                })
                .collect::<Vec<_>>()
        })
    };
    let button = move |(key, change): (u64, usize)| {
        let (class, what) = match (key >> 20) & 0xf {
            0 => ("mark mark-deleted", "deletion"),
            1 => ("mark mark-inserted", "insertion"),
            2 => ("mark mark-replaced", "replacement"),
            _ => ("mark mark-moved", "move"),
        };
        view! {
            <button
                type="button"
                class=class
                class:mark-current=move || current.get() == Some(change)
                // Through the CSSOM, which the Content-Security-Policy allows
                // (a style attribute would need 'unsafe-inline').
                style:top=percent((key & 0xf_ffff) as u32)
                aria-label=format!("Change {}: {what}", change + 1)
                title=format!("Change {}: {what}", change + 1)
                tabindex="-1"
                on:click=move |_| current.set(Some(change))
            ></button>
        }
    };
    // The buttons are out of the tab order: the Previous and Next buttons and the keys reach
    // every change already, and hundreds of tab stops would trap keyboard users.
    view! {
        <nav class="ruler" aria-label="Overview of changes" data-testid="diff-ruler">
            <For each=keyed key=|(key, _)| *key children=button />
        </nav>
    }
}

/// A position from 0 to 1 in tenths of a percent (0 to 1,000).
fn tenths(position: f64) -> u32 {
    (position.clamp(0.0, 1.0) * 1_000.0).round() as u32
}

/// A position in tenths of a percent as a CSS percentage with one decimal ("12.3%"), in
/// integer arithmetic: formatting a float with a precision costs the wasm about 5 KB.
fn percent(tenths: u32) -> String {
    format!("{}.{}%", tenths / 10, tenths % 10)
}
