//! ChangeNav: previous/next change buttons, the "change 3 of 27" counter, the keyboard shortcuts and their help.

use leptos::prelude::*;

use super::browser;

/// Steps through the numbered changes; `j`/`n` and `k`/`p` do the same from the keyboard,
/// `?` lists the shortcuts.
#[component]
pub fn ChangeNav(
    /// How many changes there are.
    n_changes: Signal<usize>,
    /// The change in focus, if any.
    current: RwSignal<Option<usize>>,
    /// Whether a newer comparison is being made: the count is then the last comparison's, and
    /// says so rather than passing for the new one's.
    #[prop(into)]
    updating: Signal<bool>,
) -> impl IntoView {
    let next = move || {
        let n = n_changes.get_untracked();
        if n > 0 {
            current.set(Some(match current.get_untracked() {
                Some(idx) if idx + 1 < n => idx + 1,
                Some(idx) => idx.min(n - 1),
                None => 0,
            }));
        }
    };
    let previous = move || {
        let n = n_changes.get_untracked();
        if n > 0 {
            current.set(Some(match current.get_untracked() {
                Some(idx) => idx.saturating_sub(1).min(n - 1),
                None => n - 1,
            }));
        }
    };
    let show_help = RwSignal::new(false);
    let keydown = window_event_listener(leptos::ev::keydown, move |ev| {
        // Letters typed into the text areas are text, not commands.
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || browser::is_typing_target(&ev) {
            return;
        }
        match ev.key().as_str() {
            "j" | "n" => next(),
            "k" | "p" => previous(),
            "?" => show_help.update(|shown| *shown = !*shown),
            "Escape" => show_help.set(false),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keydown.remove());

    let counter = move || {
        let n = n_changes.get();
        match current.get() {
            _ if n == 0 => "No changes".to_owned(),
            Some(idx) => format!("Change {} of {n}", idx + 1),
            None if n == 1 => "1 change".to_owned(),
            None => format!("{n} changes"),
        }
    };

    view! {
        <div class="change-nav" role="group" aria-label="Changes">
            <button
                type="button"
                data-testid="diff-previous"
                aria-keyshortcuts="k p"
                disabled=move || n_changes.get() == 0
                on:click=move |_| previous()
            >
                "↑ Previous"
            </button>
            <button
                type="button"
                data-testid="diff-next"
                aria-keyshortcuts="j n"
                disabled=move || n_changes.get() == 0
                on:click=move |_| next()
            >
                "↓ Next"
            </button>
            <span class="change-counter" data-testid="diff-counter" role="status">{counter}</span>
            <Show when=move || updating.get()>
                <span class="change-updating muted" data-testid="diff-updating">"updating…"</span>
            </Show>
            <button
                type="button"
                class="link-button"
                data-testid="diff-shortcuts"
                aria-keyshortcuts="?"
                aria-expanded=move || show_help.get().to_string()
                on:click=move |_| show_help.update(|shown| *shown = !*shown)
            >
                "Keyboard shortcuts"
            </button>
        </div>
        <Show when=move || show_help.get()>
            <div class="shortcut-help" role="dialog" aria-label="Keyboard shortcuts" data-testid="diff-shortcut-help">
                <dl>
                    <dt><kbd>"j"</kbd>" or "<kbd>"n"</kbd></dt>
                    <dd>"next change"</dd>
                    <dt><kbd>"k"</kbd>" or "<kbd>"p"</kbd></dt>
                    <dd>"previous change"</dd>
                    <dt><kbd>"["</kbd>" or "<kbd>"]"</kbd></dt>
                    <dd>"previous or next step on the timeline (with several versions)"</dd>
                    <dt><kbd>"?"</kbd></dt>
                    <dd>"show or hide this list"</dd>
                    <dt><kbd>"Esc"</kbd></dt>
                    <dd>"close it"</dd>
                </dl>
                <p class="muted">"Shortcuts work when the cursor is not in a text box."</p>
                <button type="button" on:click=move |_| show_help.set(false)>"Close"</button>
            </div>
        </Show>
    }
}
