//! NoteCheck and NoteClaims: the note against the changes: at the top of the note panel the summary sentence and the facts changed, below the note each of its claims checked.

use leptos::prelude::*;

use super::group_thousands;

use redline_engine::{ClaimKind, Comparison, FactKind, Reconciliation};

/// Changes whose facts are listed at first; "Show all" lists the rest.
const CHANGES_SHOWN: usize = 12;

/// The summary sentence and the facts that changed, grouped by change, for the top of the note
/// panel; a change's button makes it the current one, and its line says whether the note
/// explains it and by which claim.
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
    // A heavy rewrite can change thousands of facts: the list shows the first changes' facts,
    // the rest on request, so that the page does not draw thousands of items each time the
    // texts change.
    let n_shown = RwSignal::new(CHANGES_SHOWN);
    let groups = move || {
        let n_shown = n_shown.get();
        comparison.with(|comparison| {
            reconciliation.with(|checked| {
                comparison
                    .facts
                    .chunk_by(|a, b| a.change == b.change)
                    .take(n_shown)
                    .map(|facts| {
                        let change = facts[0].change;
                        let explained = checked.explained.get(change).copied().unwrap_or(false);
                        let why = explanation(checked, change, explained);
                        let items = facts
                            .iter()
                            .map(|fact| {
                                // A paragraph added or removed whole reads as its one summary line.
                                let values = if fact.kind == FactKind::Paragraph {
                                    let summary = if fact.old.is_empty() { &fact.new } else { &fact.old };
                                    view! { <span class="fact-summary">{summary.clone()}</span> }.into_any()
                                } else {
                                    let (old, new) = (shown(&fact.old), shown(&fact.new));
                                    view! { <del>{old}</del> " → " <ins>{new}</ins> }.into_any()
                                };
                                view! {
                                    <li class="fact">
                                        <span class=format!("fact-badge fact-{}", kind_class(fact.kind))>{fact.kind.label()}</span>
                                        " "
                                        {values}
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <li class="fact-group">
                                <button type="button" class="link-button" on:click=move |_| current.set(Some(change))>
                                    {format!("Change {}", change + 1)}
                                </button>
                                <span class="fact-note">{why}</span>
                                <ul class="fact-list">{items}</ul>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let n_changes = move || {
        comparison.with(|comparison| {
            comparison
                .facts
                .chunk_by(|a, b| a.change == b.change)
                .count()
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
                <ul class="facts" data-testid="diff-facts">{groups}</ul>
                <Show when=move || { n_changes() > n_shown.get() }>
                    <button
                        type="button"
                        class="link-button"
                        data-testid="diff-more-facts"
                        on:click=move |_| n_shown.set(usize::MAX)
                    >
                        {move || {
                            format!(
                                "Show all {} facts ({} more changes)",
                                group_thousands(n_facts()),
                                group_thousands(n_changes() - n_shown.get()),
                            )
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

/// Why a change is explained or not, in a reader's words: "explained by the note: matches
/// “the dates”", or "not mentioned in the note".
fn explanation(checked: &Reconciliation, change: usize, explained: bool) -> String {
    if let Some(part) = checked.note_parts.get(change).copied().flatten() {
        return format!(" · part of the note: {}", part.label());
    }
    if !explained {
        return " · not mentioned in the note".to_owned();
    }
    let claims: Vec<String> = checked
        .claims
        .iter()
        .filter(|claim| claim.changes.contains(&change))
        .map(|claim| format!("“{}”", claim.text))
        .take(3)
        .collect();
    if claims.is_empty() {
        " · the note itself".to_owned()
    } else {
        format!(" · explained by the note: matches {}", claims.join(", "))
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
        ClaimKind::Repeated(_) => "words of a change it repeats",
        ClaimKind::Markup(_) => "markup",
        ClaimKind::Stated(_) => "what an earlier version said",
        ClaimKind::Topic(_) => "what it says it changed",
        ClaimKind::Section => "the section it stands in",
    }
}
