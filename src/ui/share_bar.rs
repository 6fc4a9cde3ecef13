//! ShareBar: the Copy link button, the link's length and warnings, and the content fingerprint.

use leptos::prelude::*;

use super::{Drafts, browser, group_thousands};
use redline_engine::formats::{export, share};

/// Links longer than this get cut by some mail programs.
const MAIL_LIMIT: usize = 8_000;
/// Links longer than this get cut by chat apps.
const CHAT_LIMIT: usize = 40_000;

/// What happened to the last Copy link.
#[derive(Clone, PartialEq)]
enum CopyState {
    Idle,
    Copied {
        n_chars: usize,
        link: String,
    },
    /// The clipboard was refused; the link is shown for the user to copy.
    ShowLink {
        n_chars: usize,
        link: String,
    },
}

/// Share controls for the current texts.
#[component]
pub fn ShareBar(
    /// The versions, notes and options the link carries.
    drafts: Drafts,
) -> impl IntoView {
    let state = RwSignal::new(CopyState::Idle);
    // A Memo: the fingerprint is shown all the time and hashes every text.
    let fingerprint = Memo::new(move |_| {
        drafts.track_versions();
        drafts.to_history().fingerprint()
    });
    // Nothing to share while every box is empty: the link and the downloads wait for a text.
    let nothing = Memo::new(move |_| {
        drafts
            .versions
            .with(|slots| slots.iter().all(|slot| slot.text.with(String::is_empty)))
    });
    // Any edit makes the last link stale.
    Effect::new(move |_| {
        drafts.options.track();
        drafts.from.track();
        drafts.to.track();
        drafts.track_versions();
        drafts.track_details();
        state.set(CopyState::Idle);
    });

    let copy_link = move |_| {
        let fragment = share::encode_any(&drafts.to_history());
        let link = format!("{}#{fragment}", browser::base_url());
        browser::replace_fragment(&fragment);
        let n_chars = link.chars().count();
        leptos::task::spawn_local(async move {
            let copied = browser::copy_to_clipboard(&link).await.is_ok();
            state.set(if copied {
                CopyState::Copied { n_chars, link }
            } else {
                CopyState::ShowLink { n_chars, link }
            });
        });
    };

    let status = move || match state.get() {
        CopyState::Idle => None,
        CopyState::Copied { n_chars, link } | CopyState::ShowLink { n_chars, link } => {
            let copied = matches!(state.get_untracked(), CopyState::Copied { .. });
            let warning = if n_chars > CHAT_LIMIT {
                Some("Chat apps cut links this long; send a download (below) instead.")
            } else if n_chars > MAIL_LIMIT {
                Some("Some mail programs cut links this long; a download (below) always works.")
            } else {
                None
            };
            Some(view! {
                <p class="share-status" data-testid="diff-share-status" role="status">
                    {if copied { "Copied. " } else { "Copy this link: " }}
                    {format!("link: {} characters", group_thousands(n_chars))}
                </p>
                {(!copied).then(|| view! {
                    <input
                        class="share-link"
                        data-testid="diff-share-link"
                        readonly
                        aria-label="Share link"
                        prop:value=link.clone()
                        on:focus=|ev| browser::select_all(&ev)
                    />
                })}
                {warning.map(|warning| view! { <p class="share-warning" role="alert">{warning}</p> })}
            })
        }
    };

    // Exports are built when asked for, from the drafts as they are.
    let download_failed = RwSignal::new(false);
    let download = move |format: &'static str| {
        let history = drafts.to_history();
        // The reports say when they were made and link back to the comparison.
        let made = export::Made {
            on: browser::local_time(browser::now()),
            link: Some(format!(
                "{}#{}",
                browser::base_url(),
                share::encode_any(&history)
            )),
        };
        let (extension, mime, content) = match format {
            "html" => ("html", "text/html", export::html_report(&history, &made)),
            "markdown" => ("md", "text/markdown", export::markdown(&history, &made)),
            "json-ld" => ("jsonld", "application/ld+json", export::json_ld(&history)),
            _ => (
                "json",
                "application/json",
                serde_json::to_string(&export::to_json_export(&history)).unwrap_or_default(),
            ),
        };
        let name = export::file_name(&history, &browser::today(), extension);
        if !browser::download(&name, mime, &content) {
            download_failed.set(true);
        }
    };

    view! {
        <div class="share-bar">
            <button type="button" data-testid="diff-copy-link" disabled=nothing on:click=copy_link>"Copy link"</button>
            <p class="downloads">
                "Download: "
                <button type="button" class="link-button" disabled=nothing data-testid="diff-download-html" on:click=move |_| download("html")>"HTML report"</button>
                " · "
                <button type="button" class="link-button" disabled=nothing data-testid="diff-download-markdown" on:click=move |_| download("markdown")>"Markdown"</button>
                " · "
                <button type="button" class="link-button" disabled=nothing data-testid="diff-download-json" on:click=move |_| download("json")>"JSON"</button>
                " · "
                <button
                    type="button"
                    class="link-button"
                    disabled=nothing
                    data-testid="diff-download-json-ld"
                    title="The correction note as schema.org CorrectionComment"
                    on:click=move |_| download("json-ld")
                >
                    "JSON-LD"
                </button>
            </p>
            <Show when=move || download_failed.get()>
                <p class="share-warning" role="alert">"This browser refused the download."</p>
            </Show>
            <p class="fingerprint">
                <span data-testid="diff-fingerprint">{move || format!("fingerprint {}", fingerprint.get())}</span>
                <span class="fingerprint-help">
                    " · The same fingerprint on both ends means you see exactly the same texts."
                </span>
            </p>
            {status}
        </div>
    }
}
