//! VersionList: the inputs of a version history, each version with its label, text and note, and buttons to remove it.

use leptos::prelude::*;

use super::{Drafts, TextPane, browser};

/// Every version of the article in order, oldest first. The boxes of a version are bound to
/// its own signals, so typing in one does not redraw the others.
#[component]
pub fn VersionList(
    /// The versions and which two are compared.
    drafts: Drafts,
    /// Called with a Redline JSON export opened or dropped on a box.
    on_json: Callback<String>,
) -> impl IntoView {
    let n_versions = move || drafts.versions.with(Vec::len);
    let rows = move || {
        drafts
            .versions
            .get()
            .into_iter()
            .enumerate()
            .map(|(idx, slot)| {
                let number = idx + 1;
                let role = move || {
                    let (from, to) = (drafts.from.get(), drafts.to.get());
                    match idx {
                        _ if idx == from => " · compared from",
                        _ if idx == to => " · compared to",
                        _ => "",
                    }
                };
                let remove = move |_| {
                    drafts.remove_version(idx);
                    // Focus goes to a place that still exists: the same number, or the last.
                    let n = drafts.versions.with_untracked(Vec::len);
                    let at = number.min(n);
                    request_animation_frame(move || browser::focus_id(&format!("version-{at}-label")));
                };
                view! {
                    <li class="version-card" data-testid=format!("diff-version-{number}") aria-labelledby=format!("version-{number}-title")>
                        // Folds away, so that a long history does not push the diff off the page.
                        <details open>
                            <summary class="version-summary" data-testid=format!("diff-fold-{number}")>
                                <h3 id=format!("version-{number}-title")>
                                    {format!("Version {number}")}
                                    <span class="muted version-role">{role}</span>
                                </h3>
                                <span class="muted version-brief">{move || slot.label.get()}</span>
                            </summary>
                            <div class="version-head">
                                <label class="version-label">
                                    "Label "
                                    <input
                                        type="text"
                                        id=format!("version-{number}-label")
                                        data-testid=format!("diff-label-{number}")
                                        placeholder="e.g. 27 Nov, 14:05"
                                        maxlength="200"
                                        prop:value=move || slot.label.get()
                                        on:input=move |ev| slot.label.set(event_target_value(&ev))
                                    />
                                </label>
                                <button
                                    type="button"
                                    class="link-button"
                                    data-testid=format!("diff-remove-{number}")
                                    aria-label=format!("Remove version {number}")
                                    disabled=move || { n_versions() <= 2 }
                                    on:click=remove
                                >
                                    "Remove"
                                </button>
                            </div>
                            <div class="version-body">
                                <TextPane
                                    id=format!("version-{number}")
                                    label=format!("Text of version {number}")
                                    placeholder="Paste this version of the article"
                                    value=slot.text
                                    on_json=on_json
                                />
                                <TextPane
                                    id=format!("version-{number}-note")
                                    label=format!("Note with version {number}")
                                    placeholder="The correction note that came with this version, if any"
                                    value=slot.note
                                    on_json=on_json
                                />
                            </div>
                        </details>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="versions" aria-label="Versions of the article">
            <ol class="version-list">{rows}</ol>
        </section>
    }
}
