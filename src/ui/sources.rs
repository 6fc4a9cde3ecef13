//! SourcesForm and SourcesHeader: the comparison's title and where each compared version was read, as fields to fill in and as the header a reader of a link sees first.

use leptos::prelude::*;

use super::{Drafts, Slot};
use redline_engine::formats::share::Source;

/// What the two compared versions are called beside their sources: "Original" and "Reworked"
/// for a pair, the versions' own names in a history.
fn side_names(drafts: Drafts) -> [String; 2] {
    if !drafts.listing.get() {
        return ["Original".to_owned(), "Reworked".to_owned()];
    }
    [drafts.from.get(), drafts.to.get()].map(|idx| {
        let label = drafts.slot(idx).label.get();
        let number = idx + 1;
        match label.trim() {
            "" => format!("Version {number}"),
            label => format!("Version {number} ({label})"),
        }
    })
}

/// One part of a version's source as a text field bound to it.
#[component]
fn SourceField(
    /// The version whose source it edits.
    version: Slot,
    /// `url`, `archived` or `captured`: which part, and the end of the field's id.
    part: &'static str,
    /// `original` or `reworked`: the side, for ids and tests.
    side: &'static str,
    /// The field's visible label.
    label: &'static str,
    /// The example shown while it is empty.
    placeholder: &'static str,
) -> impl IntoView {
    let read = move || {
        version.source.with(|source| match part {
            "url" => source.url.clone(),
            "archived" => source.archived.clone(),
            _ => source.captured.clone(),
        })
    };
    let write = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev).trim().to_owned();
        version.source.update(|source| match part {
            "url" => source.url = value,
            "archived" => source.archived = value,
            _ => source.captured = value,
        });
    };
    let id = format!("source-{side}-{part}");
    let for_id = id.clone();
    view! {
        <label class="source-field" for=for_id>
            <span>{label}</span>
            <input
                id=id
                type=if part == "captured" { "text" } else { "url" }
                inputmode=if part == "captured" { "numeric" } else { "url" }
                autocomplete="off"
                spellcheck="false"
                data-testid=format!("diff-source-{side}-{part}")
                placeholder=placeholder
                prop:value=read
                on:change=write
            />
        </label>
    }
}

/// The title and the sources of the two versions compared, folded until opened (open when
/// any is filled in).
#[component]
pub fn SourcesForm(
    /// The drafts whose title and sources it edits.
    drafts: Drafts,
) -> impl IntoView {
    let has_details = move || {
        drafts.title.with(|title| !title.is_empty())
            || [drafts.from.get(), drafts.to.get()]
                .into_iter()
                .any(|idx| !drafts.slot(idx).source.with(Source::is_empty))
    };
    let sides = move || {
        let names = side_names(drafts);
        [(drafts.from.get(), "original"), (drafts.to.get(), "reworked")]
            .into_iter()
            .zip(names)
            .map(|((idx, side), name)| {
                let slot = drafts.slot(idx);
                view! {
                    <fieldset class="source">
                        <legend>{name}</legend>
                        <SourceField version=slot part="url" side=side label="Address" placeholder="https://…" />
                        <SourceField version=slot part="archived" side=side label="Archived copy" placeholder="https://web.archive.org/web/…" />
                        <SourceField version=slot part="captured" side=side label="Captured" placeholder="2025-03-14 09:30" />
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        <details class="sources-form" data-testid="diff-sources" prop:open=has_details>
            <summary data-testid="diff-sources-toggle">"Title and sources"</summary>
            <p class="muted">"Where each version was read. They travel in the link and the reports; the fingerprint covers the texts only."</p>
            <label class="source-field" for="comparison-title">
                <span>"Title"</span>
                <input
                    id="comparison-title"
                    type="text"
                    data-testid="diff-title"
                    placeholder="The reworked headline, until you name it"
                    prop:value=move || drafts.title.get()
                    on:change=move |ev| drafts.title.set(event_target_value(&ev).trim().to_owned())
                />
            </label>
            <div class="sources-sides">{sides}</div>
        </details>
    }
}

/// A source's parts ([`Source::parts`], the reports' wording): the web addresses as links,
/// all of one view type, since each different view costs download.
fn source_view(source: Source) -> impl IntoView {
    let parts: Vec<(&'static str, String, bool)> = source
        .parts()
        .iter()
        .map(|part| (part.before, part.text.to_owned(), part.link))
        .collect();
    let n = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(idx, (before, text, link))| {
            let href = link.then(|| text.clone());
            view! {
                {before}
                <a href=href rel="noopener noreferrer" target="_blank">{text}</a>
                {if idx + 1 < n { ", " } else { "" }}
            }
        })
        .collect_view()
}

/// The comparison's title and sources above the differences, when it has any: what the reader
/// of a link sees first.
#[component]
pub fn SourcesHeader(
    /// The drafts whose title and sources it shows.
    drafts: Drafts,
) -> impl IntoView {
    move || {
        let title = drafts.title.get();
        let names = side_names(drafts);
        let sources: Vec<(String, Source)> = [drafts.from.get(), drafts.to.get()]
            .into_iter()
            .zip(names)
            .map(|(idx, name)| (name, drafts.slot(idx).source.get()))
            .filter(|(_, source)| !source.is_empty())
            .collect();
        (!title.is_empty() || !sources.is_empty()).then(|| {
            view! {
                <header class="comparison-header" data-testid="diff-comparison-header">
                    {(!title.is_empty()).then(|| view! { <h2 data-testid="diff-comparison-title">{title}</h2> })}
                    <ul class="comparison-sources">
                        {sources
                            .into_iter()
                            .map(|(name, source)| view! {
                                <li data-testid="diff-comparison-source">{format!("{name}: ")}{source_view(source)}</li>
                            })
                            .collect_view()}
                    </ul>
                </header>
            }
        })
    }
}
