//! ComparisonStatus: the lines above the diff that say a comparison is running, compares the articles of whole pages, was made coarse, found two texts the same, or failed.

use leptos::prelude::*;

use super::group_thousands;
use redline_engine::formats::input::megabytes;
use redline_engine::{Comparison, Options};

/// What the reader should know about the comparison shown, if anything.
#[component]
pub fn ComparisonStatus(
    /// The comparison shown, which says whether unchanged lines in a row were joined because a
    /// text has too many lines.
    comparison: RwSignal<Comparison>,
    /// The size in bytes of the texts being compared in the worker, while it runs.
    comparing: RwSignal<Option<usize>>,
    /// Why the last comparison failed, if it did.
    error: RwSignal<Option<String>>,
    /// The comparison options, whose `whole_pages` the page line switches.
    options: RwSignal<Options>,
    /// Whether the page shows a version history, where a version just added starts as a copy.
    listing: RwSignal<bool>,
) -> impl IntoView {
    // Two texts that are the same say so in words, rather than as a diff that shows nothing: in
    // a history, most often a version just added, which starts as a copy of the one before.
    let same = move || {
        let same = comparison.with(|comparison| {
            comparison.n_changes == 0
                && comparison.stats.cosmetic_changes == 0
                && comparison.stats.original_words > 0
        });
        (same && comparing.with(Option::is_none)).then(|| {
            let text = if listing.get() {
                "The two versions compared are the same so far. A version you add starts as a copy of the one before: paste or edit its text to see what changed."
            } else {
                "The two texts are the same: there is nothing to mark."
            };
            view! { <p class="comparing" role="note" data-testid="diff-same">{text}</p> }
        })
    };
    let set_whole_pages = move |whole_pages: bool| {
        options.update(|options| options.whole_pages = whole_pages);
    };
    // One line when whole pages are in play: what is compared, and the switch to the other.
    let pages = move || {
        let whole_pages = options.with(|options| options.whole_pages);
        let articles = comparison.with(|comparison| comparison.articles.is_some());
        let (text, button, test_id) = if whole_pages {
            (
                "Comparing the whole texts, menus, teasers and footers included · ",
                "Compare the articles only",
                "diff-articles-only",
            )
        } else if articles {
            (
                "Comparing the articles: the page around them (menus, teasers, footer) is set aside · ",
                "Show whole pages",
                "diff-whole-pages",
            )
        } else {
            return None;
        };
        Some(view! {
            <p class="page-notice" role="note" data-testid="diff-pages">
                {text}
                <button type="button" class="link-button" data-testid=test_id on:click=move |_| set_whole_pages(!whole_pages)>
                    {button}
                </button>
            </p>
        })
    };
    view! {
        {pages}
        {same}
        {move || {
            comparing
                .get()
                .map(|n_bytes| {
                    view! {
                        <p class="comparing" role="status" data-testid="diff-comparing">
                            <span class="spinner" aria-hidden="true"></span>
                            {format!(
                                "Comparing {} MB of text in the background… The differences below are from before your last edit; you can go on typing.",
                                megabytes(n_bytes as u64),
                            )}
                        </p>
                    }
                })
        }}
        <Show when=move || comparison.with(|comparison| comparison.coarse)>
            <p class="comparing" role="note" data-testid="diff-coarse">
                {format!(
                    "A text has more than {} lines: unchanged lines in a row are shown together. The changes are exact.",
                    group_thousands(redline_engine::COARSE_LINES),
                )}
            </p>
        </Show>
        {move || {
            error
                .get()
                .map(|why| {
                    view! {
                        <div class="banner" role="alert" data-testid="diff-compare-error">
                            <p>
                                "Redline could not compare these texts ("{why}"). Your texts are kept; the differences below are from the last comparison that worked. Change the texts or the options to try again."
                            </p>
                        </div>
                    }
                })
        }}
    }
}
