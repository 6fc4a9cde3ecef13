//! TextPane: one labelled text area bound to a signal, with its counts, file opening, drag-and-drop and HTML paste.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_use_drop_zone::{UseDropZoneOptions, UseDropZoneReturn, use_drop_zone_with_options};

use super::browser::{self, OpenedFile};
use super::group_thousands;
use redline_engine::formats::input::{
    FileVerdict, check_file, check_paste, megabytes, n_lines, too_long_to_edit,
};
use redline_engine::{TextCounter, text_counts, text_direction};

/// A labelled text area whose content lives in `value`. A file opened with the button or
/// dropped on the area replaces the text (HTML files become their text); pasted HTML keeps
/// its paragraphs and loses its scripts and styles.
#[component]
pub fn TextPane(
    /// Element id of the text area; also names its `data-testid` (`diff-input-<id>`).
    #[prop(into)]
    id: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Hint shown while the area is empty.
    placeholder: &'static str,
    /// The text, read and written by the area.
    value: RwSignal<String>,
    /// Called with the content of a `.json` file opened or dropped here: a Redline export,
    /// which replaces all the drafts rather than this one text.
    on_json: Callback<String>,
) -> impl IntoView {
    // Counted again at each key press: paragraph by paragraph, so that only the paragraph
    // typed in is read again (a whole long text took some 12 ms a key press at 100k words).
    let counter = StoredValue::new_local(TextCounter::default());
    let counts = move || {
        let (n_chars, n_words) = value.with(|text| {
            counter
                .try_update_value(|counter| counter.counts(text))
                .unwrap_or_else(|| text_counts(text))
        });
        let words = if n_words == 1 { "word" } else { "words" };
        let characters = if n_chars == 1 {
            "character"
        } else {
            "characters"
        };
        format!(
            "{} {words} · {} {characters}",
            group_thousands(n_words),
            group_thousands(n_chars)
        )
    };
    // What happened to the last file or paste, when there is something to say.
    let message = RwSignal::new(None::<(bool, String)>);
    let open = move |file: browser::File| {
        let file = OpenedFile::new(file);
        leptos::task::spawn_local(async move {
            let text = match file.text().await {
                Ok(text) => text,
                Err(err) => return message.set(Some((true, err))),
            };
            if file.name.to_lowercase().ends_with(".json") {
                message.set(None);
                return on_json.run(text);
            }
            let text = if file.is_html {
                browser::html_to_text(&text)
            } else {
                text
            };
            match check_file(&file.name, file.n_bytes, &text) {
                FileVerdict::Refuse(why) => message.set(Some((true, why))),
                verdict => {
                    value.set(text);
                    message.set(match verdict {
                        FileVerdict::Warn(why) => Some((true, why)),
                        _ => Some((false, format!("Opened “{}”.", file.name))),
                    });
                }
            }
        });
    };

    let zone = NodeRef::<Div>::new();
    let UseDropZoneReturn {
        is_over_drop_zone, ..
    } = use_drop_zone_with_options(
        zone,
        UseDropZoneOptions::default().on_drop(move |event| {
            event.event.prevent_default();
            if let Some(file) = event.files.into_iter().next() {
                open(file);
            }
        }),
    );
    // A text with very many lines is compared without being shown in the box, which the
    // browser would take seconds to lay out.
    let not_shown = Memo::new(move |_| value.with(|text| too_long_to_edit(text)));
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        // Too much text is refused before it lands in the box, so the drafts stay as they were.
        let pasted = browser::pasted_text(&ev).unwrap_or_default();
        if let Some(why) = check_paste(browser::bytes_kept_by_paste(&ev), pasted.len()) {
            ev.prevent_default();
            message.set(Some((true, why)));
            return;
        }
        if too_long_to_edit(&pasted) {
            ev.prevent_default();
            message.set(None);
            value.set(browser::value_with_paste(&ev, &pasted));
            return;
        }
        if let Some(html) = browser::pasted_html(&ev) {
            let text = browser::html_to_text(&html);
            if let Some(why) = check_paste(browser::bytes_kept_by_paste(&ev), text.len()) {
                ev.prevent_default();
                message.set(Some((true, why)));
                return;
            }
            if !text.is_empty() {
                ev.prevent_default();
                value.set(browser::insert_at_selection(&ev, &text));
                message.set(Some((
                    false,
                    "Pasted as text: paragraphs kept, formatting, scripts and styles left out."
                        .to_owned(),
                )));
            }
        }
    };

    let (fallback_id, textarea_id) = (id.clone(), id.clone());
    view! {
        <div class="text-pane" class:drop-target=move || is_over_drop_zone.get() node_ref=zone>
            <div class="pane-head">
                <label for=id.clone()>{label}</label>
                <label class="open-file" for=format!("{id}-file")>
                    "Open file…"
                    <input
                        type="file"
                        id=format!("{id}-file")
                        class="visually-hidden"
                        data-testid=format!("diff-file-{id}")
                        accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
                        on:change=move |ev| {
                            if let Some(file) = browser::input_files(&ev).into_iter().next() {
                                open(file);
                            }
                        }
                    />
                </label>
            </div>
            <Show
                when=move || !not_shown.get()
                fallback=move || {
                    let id = fallback_id.clone();
                    let summary = move || {
                        value
                            .with(|text| {
                                format!(
                                    "This text has {} lines ({} MB): too many to show in a text box, which the browser would take many seconds to lay out. It is compared as it is.",
                                    group_thousands(n_lines(text)),
                                    megabytes(text.len() as u64),
                                )
                            })
                    };
                    view! {
                        <div class="long-text" id=id.clone() data-testid=format!("diff-long-{id}")>
                            <p>{summary}</p>
                            <button type="button" data-testid=format!("diff-clear-{id}") on:click=move |_| value.set(String::new())>
                                "Clear this text"
                            </button>
                        </div>
                    }
                }
            >
                <textarea
                    id=textarea_id.clone()
                    data-testid=format!("diff-input-{textarea_id}")
                    placeholder=placeholder
                    spellcheck="false"
                    dir=move || value.with(|text| text_direction(text))
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        message.set(None);
                        value.set(event_target_value(&ev));
                    }
                    on:paste=on_paste
                ></textarea>
            </Show>
            <p class="counts" data-testid=format!("diff-counts-{id}") aria-live="off">{counts}</p>
            {move || {
                message
                    .get()
                    .map(|(is_problem, text)| {
                        view! {
                            <p class="pane-message" class:pane-problem=is_problem role="status" data-testid=format!("diff-message-{id}")>
                                {text}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
