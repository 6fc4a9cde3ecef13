//! StatsSummary: what changed in numbers (words, paragraphs, headline, cosmetic changes), beside the note.

use leptos::prelude::*;

use redline_engine::Comparison;

/// The comparison's stats as a short list, with the control that reveals cosmetic changes.
#[component]
pub fn StatsSummary(
    /// The comparison to sum up.
    #[prop(into)]
    comparison: Signal<Comparison>,
    /// Whether cosmetic changes are shown in the diff.
    show_cosmetic: RwSignal<bool>,
) -> impl IntoView {
    let words = move || {
        comparison.with(|comparison| {
            let stats = &comparison.stats;
            let percent = stats
                .words_change_percent()
                .map(|percent| match percent {
                    0 => " (±0%)".to_owned(),
                    percent => format!(" ({percent:+}%)").replace('-', "−"),
                })
                .unwrap_or_default();
            format!(
                "{} words → {} words{percent} · {} added · {} removed",
                stats.original_words, stats.reworked_words, stats.words_added, stats.words_removed
            )
        })
    };
    let paragraphs = move || {
        comparison.with(|comparison| {
            let stats = &comparison.stats;
            format!(
                "Paragraphs: {} changed · {} removed · {} added · {} moved",
                stats.paragraphs_changed,
                stats.paragraphs_removed,
                stats.paragraphs_added,
                stats.paragraphs_moved,
            )
        })
    };
    let headline = move || comparison.with(Comparison::headline_summary);
    let n_cosmetic = move || comparison.with(|comparison| comparison.stats.cosmetic_changes);
    let cosmetic = move || {
        // Said as a reader would say it: "cosmetic" was jargon.
        let n = n_cosmetic();
        if n == 0 {
            return "No small changes set aside".to_owned();
        }
        let changes = if n == 1 { "change" } else { "changes" };
        let shown = if show_cosmetic.get() {
            "marked"
        } else {
            "not marked"
        };
        format!("{n} small {changes} {shown} (spacing, quotes, or what the options ignore)")
    };

    view! {
        <div class="stats-summary">
            <h2>"What changed"</h2>
            <ul class="stats">
                <li data-testid="diff-stats">{words}</li>
                <li data-testid="diff-paragraph-stats">{paragraphs}</li>
                <li data-testid="diff-headline-stats">{headline}</li>
                <li data-testid="diff-cosmetic-stats">
                    {cosmetic}
                    <Show when=move || { n_cosmetic() > 0 }>
                        " · "
                        <button
                            type="button"
                            class="link-button"
                            data-testid="diff-toggle-cosmetic"
                            aria-pressed=move || show_cosmetic.get().to_string()
                            on:click=move |_| show_cosmetic.update(|shown| *shown = !*shown)
                        >
                            {move || if show_cosmetic.get() { "hide" } else { "show" }}
                        </button>
                    </Show>
                </li>
            </ul>
        </div>
    }
}
