//! The browser APIs the UI needs beyond Leptos's own: the URL fragment, history, clipboard, localStorage.
//!
//! The only UI file that calls web-sys. Each function degrades to a harmless result when the
//! browser refuses (no clipboard permission, an old browser), and says so in its return value.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The URL fragment without its `#`, or an empty string.
pub fn fragment() -> String {
    location_hash().unwrap_or_default()
}

/// Replaces the URL fragment without adding a history entry (no history spam while editing).
/// Returns whether the browser accepted it.
pub fn replace_fragment(fragment: &str) -> bool {
    let url = format!("#{fragment}");
    window()
        .history()
        .and_then(|history| {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        })
        .is_ok()
}

/// The page's URL without its fragment, to build share links from.
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Writes `text` to the clipboard. Fails when the browser has no clipboard API or refuses
/// (headless browsers and some privacy settings do); the caller then shows the text to copy.
pub async fn copy_to_clipboard(text: &str) -> Result<(), ()> {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Selects all the text of the input an event came from, so one Ctrl+C copies it.
pub fn select_all(event: &leptos::ev::FocusEvent) {
    let input: web_sys::HtmlInputElement = event_target(event);
    input.select();
}

/// The localStorage key that holds the drafts (as a share fragment: compact and validated).
const DRAFTS_KEY: &str = "redline.drafts";

/// The drafts saved by [`save_drafts`], if any and if storage is readable.
pub fn load_drafts() -> Option<String> {
    let storage = window().local_storage().ok().flatten()?;
    storage.get_item(DRAFTS_KEY).ok().flatten()
}

/// Saves the drafts. Fails when storage is blocked or full; the caller says so quietly.
pub fn save_drafts(fragment: &str) -> Result<(), ()> {
    let storage = window().local_storage().ok().flatten().ok_or(())?;
    storage.set_item(DRAFTS_KEY, fragment).map_err(|_| ())
}
