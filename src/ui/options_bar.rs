//! OptionsBar: the comparison options (granularity, what counts as cosmetic, cleanup) as form controls.

use leptos::prelude::*;

use redline_engine::{Granularity, Options};

/// Controls for the comparison options; every change recomputes the comparison.
#[component]
pub fn OptionsBar(
    /// The options, read and written by the controls.
    options: RwSignal<Options>,
) -> impl IntoView {
    // One checkbox per boolean option: its label, and how to read and write it.
    let checkbox = move |id: &'static str,
                         label: &'static str,
                         get: fn(&Options) -> bool,
                         set: fn(&mut Options, bool)| {
        view! {
            <label class="option" for=id>
                <input
                    type="checkbox"
                    id=id
                    data-testid=format!("diff-{id}")
                    prop:checked=move || options.with(get)
                    on:change=move |ev| options.update(|options| set(options, event_target_checked(&ev)))
                />
                {label}
            </label>
        }
    };
    let granularity_value = move || match options.with(|options| options.granularity) {
        Granularity::Word => "word",
        Granularity::Character => "character",
        Granularity::Sentence => "sentence",
    };
    let set_granularity = move |ev| {
        let granularity = match event_target_value(&ev).as_str() {
            "character" => Granularity::Character,
            "sentence" => Granularity::Sentence,
            _ => Granularity::Word,
        };
        options.update(|options| options.granularity = granularity);
    };

    view! {
        <fieldset class="options-bar">
            <legend>"How to compare"</legend>
            <label class="option" for="option-granularity">
                "Mark changes in "
                <select id="option-granularity" data-testid="diff-option-granularity" prop:value=granularity_value on:change=set_granularity>
                    <option value="word">"words"</option>
                    <option value="character">"characters"</option>
                    <option value="sentence">"sentences"</option>
                </select>
            </label>
            {checkbox("option-cleanup", "Show a rewritten phrase as one change", |o| o.semantic_cleanup, |o, on| o.semantic_cleanup = on)}
            {checkbox("option-case", "Ignore case", |o| o.ignore_case, |o, on| o.ignore_case = on)}
            {checkbox("option-whitespace", "Ignore spacing", |o| o.ignore_whitespace, |o, on| o.ignore_whitespace = on)}
            {checkbox("option-punctuation", "Ignore punctuation", |o| o.ignore_punctuation, |o, on| o.ignore_punctuation = on)}
            {checkbox("option-typography", "Set aside changes of quotes, dashes and spaces", |o| o.typographic_cosmetic, |o, on| o.typographic_cosmetic = on)}
        </fieldset>
    }
}
