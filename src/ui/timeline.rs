//! Timeline: one stop per version, a bar per step showing how much it changed, the pair picker and the changes undone between the two compared.

use leptos::prelude::*;

use super::{Drafts, browser, group_thousands};
use redline_engine::history::{HistorySummary, version_name};

/// The versions in order with a bar per step; a step's button compares its two versions.
/// Two selects pick any pair, "First → latest" the whole way. `[` and `]` (anywhere but a text
/// box) and the arrow keys on a step move along the steps.
#[component]
pub fn Timeline(
    /// The versions and which two are compared.
    drafts: Drafts,
    /// What each step changed; `None` until first computed.
    summary: RwSignal<Option<HistorySummary>>,
) -> impl IntoView {
    let Drafts { from, to, .. } = drafts;
    let n_versions = Signal::derive(move || drafts.versions.with(Vec::len));
    // Compares step `step` (version `step` with the next) and focuses its button when asked.
    let go_to_step = move |step: usize, focus: bool| {
        let n = n_versions.get_untracked();
        let step = step.min(n.saturating_sub(2));
        from.set(step);
        to.set(step + 1);
        if focus {
            request_animation_frame(move || {
                browser::focus_id(&format!("timeline-step-{}", step + 1))
            });
        }
    };
    // The step to move from: the one that ends at the version compared to.
    let current_step = move || to.get_untracked().saturating_sub(1);
    let keydown = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || browser::is_typing_target(&ev) {
            return;
        }
        match ev.key().as_str() {
            "[" => go_to_step(current_step().saturating_sub(1), false),
            "]" => go_to_step(current_step() + 1, false),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keydown.remove());
    let step_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let step = current_step();
        let target = match ev.key().as_str() {
            "ArrowLeft" | "ArrowUp" => step.saturating_sub(1),
            "ArrowRight" | "ArrowDown" => step + 1,
            "Home" => 0,
            "End" => usize::MAX,
            _ => return,
        };
        ev.prevent_default();
        go_to_step(target, true);
    };

    // Bars are scaled to the step that changed the most words.
    let widest = move || {
        summary.with(|summary| {
            summary.as_ref().map_or(1, |summary| {
                summary
                    .steps
                    .iter()
                    .map(|step| step.words_added.max(step.words_removed))
                    .max()
                    .unwrap_or(0)
                    .max(1)
            })
        })
    };
    let stops = move || {
        let slots = drafts.versions.get();
        let n = slots.len();
        slots
            .into_iter()
            .enumerate()
            .map(|(idx, slot)| {
                let number = idx + 1;
                let name = move || {
                    let label = slot.label.get();
                    match label.trim() {
                        "" => format!("Version {number}"),
                        label => label.to_owned(),
                    }
                };
                let has_note = move || slot.note.with(|note| !note.trim().is_empty());
                let in_pair = move || idx == from.get() || idx == to.get();
                let stop = view! {
                    <li class="stop" class:in-pair=in_pair data-testid=format!("diff-stop-{number}")>
                        <span class="stop-dot" aria-hidden="true"></span>
                        <span class="stop-name">{name}</span>
                        <Show when=has_note>
                            <span class="stop-note" title="This version came with a correction note">"✎ note"</span>
                        </Show>
                    </li>
                };
                let step = (idx + 1 < n).then(|| {
                    let stats = move || summary.with(|summary| summary.as_ref().and_then(|summary| summary.steps.get(idx).cloned()));
                    let is_current = move || from.get() == idx && to.get() == idx + 1;
                    let is_covered = move || {
                        let (low, high) = (from.get().min(to.get()), from.get().max(to.get()));
                        low <= idx && idx < high
                    };
                    // Set through the style object (a style attribute would need
                    // 'unsafe-inline'); a step that changed a word shows at least a sliver.
                    let width = move |words: usize| match words {
                        0 => "0".to_owned(),
                        _ => format!("{}%", (100 * words / widest()).max(3)),
                    };
                    let text = move || match stats() {
                        Some(step) => format!(
                            "+{} −{}",
                            group_thousands(step.words_added),
                            group_thousands(step.words_removed)
                        ),
                        None => "…".to_owned(),
                    };
                    // Spelled out for screen readers and the tooltip; the visible "+12 −3"
                    // stays part of the button's name.
                    let what = move || match stats() {
                        Some(step) => format!(
                            "{} {} added, {} removed, {} {}",
                            group_thousands(step.words_added),
                            if step.words_added == 1 { "word" } else { "words" },
                            group_thousands(step.words_removed),
                            group_thousands(step.n_changes),
                            if step.n_changes == 1 { "change" } else { "changes" },
                        ),
                        None => "not measured yet".to_owned(),
                    };
                    let compare_what = format!("Compare version {number} with version {}: ", number + 1);
                    let title = {
                        let compare_what = compare_what.clone();
                        move || format!("{compare_what}{}", what())
                    };
                    view! {
                        <li class="step" class:covered=is_covered>
                            <button
                                type="button"
                                id=format!("timeline-step-{number}")
                                data-testid=format!("diff-step-{number}")
                                class="step-button"
                                aria-pressed=move || is_current().to_string()
                                title=title
                                tabindex=move || if to.get().saturating_sub(1) == idx { "0" } else { "-1" }
                                on:click=move |_| go_to_step(idx, false)
                                on:keydown=step_keydown
                            >
                                <span class="step-bars" aria-hidden="true">
                                    <span class="bar-added" style:width=move || width(stats().map_or(0, |step| step.words_added))></span>
                                    <span class="bar-removed" style:width=move || width(stats().map_or(0, |step| step.words_removed))></span>
                                </span>
                                <span class="visually-hidden">{compare_what}</span>
                                <span class="step-text">{text}</span>
                                <span class="visually-hidden">{move || format!(" ({})", what())}</span>
                            </button>
                        </li>
                    }
                });
                view! { {stop} {step} }
            })
            .collect_view()
    };
    // Each option says whether it is selected: a select's own value, set before its options
    // exist, would not stick.
    let options = move |side: RwSignal<usize>| {
        move || {
            drafts
                .versions
                .get()
                .into_iter()
                .enumerate()
                .map(|(idx, slot)| {
                    let name = move || version_name(idx, &slot.label.get());
                    view! {
                        <option value=idx.to_string() prop:selected=move || side.get() == idx>
                            {name}
                        </option>
                    }
                })
                .collect_view()
        }
    };
    // Picking a version equal to the other side would compare it with itself: the other side
    // takes the picked side's old place instead.
    let pick = move |side: RwSignal<usize>, other: RwSignal<usize>, value: String| {
        let Ok(idx) = value.parse::<usize>() else {
            return;
        };
        if idx == other.get_untracked() {
            other.set(side.get_untracked());
        }
        side.set(idx);
    };
    let is_cumulative = move || from.get() == 0 && to.get() + 1 == n_versions.get();

    view! {
        <nav class="timeline" aria-label="Versions" data-testid="diff-timeline">
            <ol class="timeline-track" role="list">{stops}</ol>
            <div class="timeline-controls">
                <label>
                    "Compare "
                    <select data-testid="diff-compare-from" on:change=move |ev| pick(from, to, event_target_value(&ev))>
                        {options(from)}
                    </select>
                </label>
                <label>
                    " with "
                    <select data-testid="diff-compare-to" on:change=move |ev| pick(to, from, event_target_value(&ev))>
                        {options(to)}
                    </select>
                </label>
                <button
                    type="button"
                    data-testid="diff-cumulative"
                    aria-pressed=move || is_cumulative().to_string()
                    title="Compare the first version with the latest: everything that changed along the way"
                    on:click=move |_| {
                        from.set(0);
                        to.set(n_versions.get_untracked() - 1);
                    }
                >
                    "First → latest"
                </button>
                <span class="muted timeline-keys">
                    <kbd>"["</kbd>" "<kbd>"]"</kbd>" step along the timeline"
                </span>
            </div>
        </nav>
    }
}

/// Between two versions more than a step apart: the changes made and undone on the way, which
/// the comparison of the two does not show.
#[component]
pub fn UndoneChanges(
    /// The versions and which two are compared.
    drafts: Drafts,
    /// The changes undone along the history; `None` until first computed.
    summary: RwSignal<Option<HistorySummary>>,
) -> impl IntoView {
    let lines = move || {
        let (from, to) = (drafts.from.get(), drafts.to.get());
        let labels: Vec<String> = drafts
            .versions
            .with(|slots| slots.iter().map(|slot| slot.label.get()).collect());
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        summary.with(|summary| {
            summary.as_ref().map_or_else(Vec::new, |summary| {
                summary
                    .reverted_between(from, to)
                    .map(|reverted| reverted.describe(&labels))
                    .collect::<Vec<_>>()
            })
        })
    };
    move || {
        let lines = lines();
        (!lines.is_empty()).then(|| {
            let n = lines.len();
            view! {
                <section class="undone" data-testid="diff-undone" aria-labelledby="undone-title">
                    <h3 id="undone-title">
                        {if n == 1 {
                            "1 change was made and undone on the way".to_owned()
                        } else {
                            format!("{n} changes were made and undone on the way")
                        }}
                    </h3>
                    <p class="muted">"The differences below compare the two ends, so they do not show these."</p>
                    <ul>
                        {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
