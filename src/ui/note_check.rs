//! NoteCheck and NoteClaims: the note against the changes: at the top of the note panel the summary sentence and the facts changed, below the note each of its claims checked.

use leptos::prelude::*;

use super::group_thousands;

use redline_engine::{ClaimKind, Comparison, FactKind, Reconciliation};

/// Facts listed at first, and added per "Show more".
const FACTS_SHOWN: usize = 50;

/// The summary sentence and the facts that changed, for the top of the note panel; a fact's
/// button makes its change the current one.
#[component]
pub fn NoteCheck(
    /// The comparison, for its facts.
    #[prop(into)]
    comparison: Signal<Comparison>,
    /// The note checked against the changes.
    reconciliation: Memo<Reconciliation>,
    /// The change in focus, if any.
    current: RwSignal<Option<usize>>,
) -> impl IntoView {
    // A heavy rewrite can change thousands of facts: the list shows the first ones, more on
    // request, so that the page does not draw thousands of items each time the texts change.
    let n_shown = RwSignal::new(FACTS_SHOWN);
    let facts = move || {
        let n_shown = n_shown.get();
        comparison.with(|comparison| {
            reconciliation.with(|checked| {
                comparison
                    .facts
                    .iter()
                    .take(n_shown)
                    .map(|fact| {
                        let change = fact.change;
                        let explained = checked.explained.get(change).copied().unwrap_or(false);
                        let (old, new) = (shown(&fact.old), shown(&fact.new));
                        // A paragraph added or removed whole reads as its one summary line.
                        let values = if fact.kind == FactKind::Paragraph {
                            let summary = if fact.old.is_empty() { fact.new.clone() } else { fact.old.clone() };
                            view! { <span class="fact-summary">{summary}</span> }.into_any()
                        } else {
                            view! { <del>{old}</del> " → " <ins>{new}</ins> }.into_any()
                        };
                        view! {
                            <li class="fact">
                                <span class=format!("fact-badge fact-{}", kind_class(fact.kind))>{fact.kind.label()}</span>
                                " "
                                <button type="button" class="link-button" on:click=move |_| current.set(Some(change))>
                                    {format!("change {}", change + 1)}
                                </button>
                                ": "
                                {values}
                                <span class="fact-note">
                                    {if explained { " · explained by the note" } else { " · not mentioned in the note" }}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let n_facts = move || comparison.with(|comparison| comparison.facts.len());
    view! {
        <div class="note-check" data-testid="diff-note-check">
            <p class="reconcile-summary" data-testid="diff-reconcile-summary">
                {move || reconciliation.with(|checked| checked.summary.clone())}
            </p>
            <Show when=move || { n_facts() > 0 }>
                <h3>{move || format!("Facts changed ({})", n_facts())}</h3>
                <ul class="facts" data-testid="diff-facts">{facts}</ul>
                <Show when=move || { n_facts() > n_shown.get() }>
                    <button
                        type="button"
                        class="link-button"
                        data-testid="diff-more-facts"
                        on:click=move |_| n_shown.update(|n| *n += FACTS_SHOWN)
                    >
                        {move || {
                            let n_more = n_facts() - n_shown.get();
                            format!("Show {} more of {} facts", n_more.min(FACTS_SHOWN), group_thousands(n_more))
                        }}
                    </button>
                </Show>
            </Show>
        </div>
    }
}

/// Each claim of the note, and whether a change matches it: below the note.
#[component]
pub fn NoteClaims(
    /// The note checked against the changes.
    reconciliation: Memo<Reconciliation>,
) -> impl IntoView {
    let claims = move || {
        reconciliation.with(|checked| {
            checked
                .claims
                .iter()
                .map(|claim| {
                    let what = claim_label(&claim.kind);
                    let verdict = if claim.matched {
                        match claim.changes.len() {
                            0 => "borne out by the word counts".to_owned(),
                            1 => format!("matches change {}", claim.changes[0] + 1),
                            n => format!("matches {n} changes"),
                        }
                    } else {
                        "no matching change found".to_owned()
                    };
                    view! {
                        <li class:claim-unmatched=!claim.matched>
                            <q>{claim.text.clone()}</q>
                            {format!(" ({what}): {verdict}")}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let has_claims = move || reconciliation.with(|checked| !checked.claims.is_empty());

    view! {
        <Show when=has_claims>
            <div class="note-claims">
                <h3>"What the note says"</h3>
                <ul class="claims" data-testid="diff-claims">{claims}</ul>
            </div>
        </Show>
    }
}

/// A fact's side as shown: `(none)` for a side that has no such fact.
fn shown(text: &str) -> String {
    if text.is_empty() {
        "(none)".to_owned()
    } else {
        text.to_owned()
    }
}

/// The CSS class suffix of a fact kind.
pub fn kind_class(kind: FactKind) -> &'static str {
    kind.label()
}

/// What a claim is about, in a reader's words.
fn claim_label(kind: &ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Quoted(_) => "quoted text",
        ClaimKind::Number(_) => "a number",
        ClaimKind::Fact(FactKind::Headline) => "the headline",
        ClaimKind::Fact(FactKind::Subheading) => "subheadings",
        ClaimKind::Fact(FactKind::Number) => "figures",
        ClaimKind::Fact(FactKind::Date) => "dates",
        ClaimKind::Fact(FactKind::Name) => "names",
        ClaimKind::Fact(FactKind::Quotation) => "quotations",
        ClaimKind::Fact(FactKind::Link) => "links",
        ClaimKind::Fact(FactKind::Paragraph) => "added or removed paragraphs",
        ClaimKind::Subtitle | ClaimKind::Fact(FactKind::Subtitle) => "the subtitle",
        ClaimKind::Caption => "a caption or image, which Redline does not compare",
        ClaimKind::Shortened => "the length",
        ClaimKind::Reworked => "the whole article",
        ClaimKind::Removed => "removed text",
        ClaimKind::Added => "added text",
        ClaimKind::Spelling => "spelling",
    }
}
