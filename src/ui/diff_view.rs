//! DiffView: renders a comparison's segments as text with `<del>` and `<ins>`, and its stats.

use leptos::prelude::*;

use crate::engine::{Comparison, SegmentKind};

/// The word-level diff of the original and the reworked text.
#[component]
pub fn DiffView(
    /// The comparison to show.
    comparison: Memo<Comparison>,
) -> impl IntoView {
    let summary = move || {
        comparison.with(|comparison| {
            let stats = &comparison.stats;
            format!(
                "{} words → {} words · {} added · {} removed",
                stats.original_words, stats.reworked_words, stats.words_added, stats.words_removed
            )
        })
    };
    let segments = move || {
        comparison.with(|comparison| {
            comparison
                .segments
                .iter()
                .map(|segment| {
                    let text = segment.text.clone();
                    match segment.kind {
                        SegmentKind::Equal => view! { <span>{text}</span> }.into_any(),
                        SegmentKind::Delete => view! { <del>{text}</del> }.into_any(),
                        SegmentKind::Insert => view! { <ins>{text}</ins> }.into_any(),
                    }
                })
                .collect_view()
        })
    };
    let is_empty = move || comparison.with(|comparison| comparison.segments.is_empty());

    view! {
        <div class="diff-view">
            <h2>"Differences"</h2>
            <p class="stats" data-testid="diff-stats">{summary}</p>
            <Show
                when=move || !is_empty()
                fallback=|| {
                    view! {
                        <p class="muted" data-testid="diff-empty">
                            "Paste the original and the reworked version to see what changed."
                        </p>
                    }
                }
            >
                <div class="diff-text" data-testid="diff-output" dir="auto">
                    {segments}
                </div>
            </Show>
        </div>
    }
}
