//! DiffView: renders a comparison's blocks as text with `<del>` and `<ins>`, and its stats.

use leptos::prelude::*;

use crate::engine::{BlockKind, Comparison, SegmentKind};

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
    // Cosmetic changes (typography, layout, and what the options ignore) are hidden by default:
    // the reworked text reads as it is, and the stats say how many were hidden.
    let show_cosmetic = RwSignal::new(false);
    let paragraph_summary = move || {
        comparison.with(|comparison| {
            let stats = &comparison.stats;
            let headline = if stats.headline_changed {
                "headline changed"
            } else {
                "headline unchanged"
            };
            let shown = if show_cosmetic.get() { "shown" } else { "hidden" };
            let changes = if stats.cosmetic_changes == 1 { "change" } else { "changes" };
            format!(
                "Paragraphs: {} changed · {} removed · {} added · {} moved · {headline} · {} cosmetic {changes} {shown}",
                stats.paragraphs_changed,
                stats.paragraphs_removed,
                stats.paragraphs_added,
                stats.paragraphs_moved,
                stats.cosmetic_changes
            )
        })
    };
    let blocks = move || {
        comparison.with(|comparison| {
            comparison
                .blocks
                .iter()
                .map(|block| {
                    let label = match block.kind {
                        BlockKind::MovedFrom => Some("Moved away from here: "),
                        BlockKind::MovedTo => Some("Moved here: "),
                        _ => None,
                    };
                    let segments = block
                        .segments
                        .iter()
                        .map(|segment| {
                            let text = segment.text.clone();
                            match (segment.kind, segment.cosmetic) {
                                (SegmentKind::Equal, _) => view! { <span>{text}</span> }.into_any(),
                                (SegmentKind::Delete, true) => {
                                    view! { <del class="diff-cosmetic" hidden=move || !show_cosmetic.get()>{text}</del> }.into_any()
                                }
                                (SegmentKind::Insert, true) => {
                                    view! { <ins class="diff-cosmetic" class:diff-cosmetic-hidden=move || !show_cosmetic.get()>{text}</ins> }.into_any()
                                }
                                (SegmentKind::Delete, false) => view! { <del>{text}</del> }.into_any(),
                                (SegmentKind::Insert, false) => view! { <ins>{text}</ins> }.into_any(),
                            }
                        })
                        .collect_view();
                    view! {
                        <div class=format!("diff-block diff-block-{}", block_class(block.kind)) dir="auto">
                            {label.map(|label| view! { <span class="diff-move-label">{label}</span> })}
                            {segments}
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let is_empty = move || comparison.with(|comparison| comparison.blocks.is_empty());

    view! {
        <div class="diff-view">
            <h2>"Differences"</h2>
            <p class="stats" data-testid="diff-stats">{summary}</p>
            <p class="stats" data-testid="diff-paragraph-stats">{paragraph_summary}</p>
            <Show when=move || comparison.with(|comparison| comparison.stats.cosmetic_changes > 0)>
                <button
                    type="button"
                    class="link-button"
                    data-testid="diff-toggle-cosmetic"
                    aria-pressed=move || show_cosmetic.get().to_string()
                    on:click=move |_| show_cosmetic.update(|shown| *shown = !*shown)
                >
                    {move || if show_cosmetic.get() { "Hide cosmetic changes" } else { "Show cosmetic changes" }}
                </button>
            </Show>
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
                <div class="diff-text" data-testid="diff-output">
                    {blocks}
                </div>
            </Show>
        </div>
    }
}

/// The CSS class suffix of a block kind.
fn block_class(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Equal => "equal",
        BlockKind::Changed => "changed",
        BlockKind::Inserted => "inserted",
        BlockKind::Deleted => "deleted",
        BlockKind::MovedFrom => "moved-from",
        BlockKind::MovedTo => "moved-to",
    }
}
