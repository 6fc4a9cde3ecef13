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

/// Whether a key press goes to a place where letters are text (a text box, a select, an
/// editable element), so that shortcut keys must leave it alone.
pub fn is_typing_target(event: &leptos::ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
        || element.is_content_editable()
}

/// The value of `attribute` on the clicked element or the nearest ancestor that has it.
pub fn data_attribute_of_target(event: &leptos::ev::MouseEvent, attribute: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let holder = element.closest(&format!("[{attribute}]")).ok()??;
    holder.get_attribute(attribute)
}

/// Scrolls the element matching a CSS selector to the middle of the window, if there is one.
fn scroll_to(selector: &str) {
    let Ok(Some(element)) = document().query_selector(selector) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls to the element with this `id`.
pub fn scroll_to_id(id: &str) {
    scroll_to(&format!("#{id}"));
}

/// Scrolls to the first element of numbered change `change` in the diff.
pub fn scroll_to_change(change: usize) {
    scroll_to(&format!(
        "[data-testid='diff-output'] [data-change='{change}']"
    ));
}

/// Moves keyboard focus to the element with this `id`.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.focus().ok();
    }
}

/// The localStorage key of the colour theme the user picked ("light" or "dark"; absent means
/// the system's).
const THEME_KEY: &str = "redline.theme";

/// The theme the user picked earlier, if any.
pub fn load_theme() -> Option<String> {
    let storage = window().local_storage().ok().flatten()?;
    storage.get_item(THEME_KEY).ok().flatten()
}

/// Applies a theme to the page (`None`: follow the system) and remembers it when storage
/// allows; a refusal only means the choice is not remembered.
pub fn set_theme(theme: Option<&str>) {
    if let Some(root) = document().document_element() {
        match theme {
            Some(theme) => root.set_attribute("data-theme", theme).ok(),
            None => root.remove_attribute("data-theme").ok(),
        };
    }
    if let Some(storage) = window().local_storage().ok().flatten() {
        match theme {
            Some(theme) => storage.set_item(THEME_KEY, theme).ok(),
            None => storage.remove_item(THEME_KEY).ok(),
        };
    }
}
