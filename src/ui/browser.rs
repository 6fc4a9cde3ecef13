//! The browser APIs the UI needs beyond Leptos's and leptos-use's: the URL fragment, the clipboard's write and paste data, files, scrolling and focus, downloads, the crash banner.
//!
//! With worker.rs, the only UI files that call web-sys. Each function degrades to a harmless
//! result when the browser refuses (no clipboard permission, an old browser), and says so in
//! its return value.
//!
//! Drag-and-drop goes through leptos-use's `use_drop_zone`, and window events through Leptos's
//! own `window_event_listener`. What stays here, and why no crate fits (the sizes are the
//! whole download's growth, `node scripts/dist-size.mjs dist`, against a budget that must not
//! grow):
//!
//! - localStorage (the kept comparisons, one key each, and the theme) and sessionStorage (the
//!   comparison a tab works on): leptos-use's `use_local_storage` was tried for the drafts and
//!   the theme and cost 8 KB gzip, for keys the page reads once and writes after a pause in the
//!   typing; the crash report must write without signals anyway;
//! - the URL fragment and `history.replaceState`: leptos-use has no `replaceState`, and the
//!   router crates bring a router the page does not need;
//! - writing to the clipboard: leptos-use's `use_clipboard` does not report a refused write,
//!   and the page must then show the link for the reader to copy by hand;
//! - a paste's `text/html` and `text/plain` and the text area's selection, files and their
//!   text, `DOMParser`, scrolling to a change, focus, and downloads: small calls on the event
//!   or element at hand, which no crate wraps;
//! - the crash banner and the direct saves it makes: after a panic the reactive system may be
//!   what broke, so these use no signal or hook.

use leptos::prelude::*;
use redline_engine::formats::library::Entry;
use wasm_bindgen_futures::JsFuture;

/// Whether this code runs in a page (and not in a web worker, which has no `window`).
pub fn is_page() -> bool {
    use wasm_bindgen::JsCast;
    web_sys::js_sys::global()
        .dyn_into::<web_sys::Window>()
        .is_ok()
}

/// The URL fragment without its `#`, or an empty string.
pub fn fragment() -> String {
    location_hash().unwrap_or_default()
}

/// Replaces the URL fragment without adding a history entry (no history spam while editing),
/// keeping the entry's state (the comparison it shows, [`mark_history`]). Returns whether the
/// browser accepted it.
pub fn replace_fragment(fragment: &str) -> bool {
    let url = format!("#{fragment}");
    window()
        .history()
        .and_then(|history| {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            history.replace_state_with_url(&state, "", Some(&url))
        })
        .is_ok()
}

/// Records in this tab's current history entry which comparison it shows, so that Back and
/// a reload come back to that comparison rather than to whatever the tab opened since.
pub fn mark_history(id: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state(&wasm_bindgen::JsValue::from_str(id), "");
    }
}

/// The comparison this tab's current history entry shows, if [`mark_history`] recorded one.
pub fn history_comparison() -> Option<String> {
    window().history().ok()?.state().ok()?.as_string()
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

/// The localStorage key where the page once kept its only drafts: read once, to become a
/// comparison of its own ([`take_old_drafts`]).
pub const DRAFTS_KEY: &str = "redline.drafts";

/// The start of the localStorage key of each kept comparison; the rest is its id.
pub const COMPARISON_PREFIX: &str = "redline.comparison.";

/// The sessionStorage key of the comparison this tab works on: a reload of the tab opens it
/// again, while other tabs keep their own.
const TAB_KEY: &str = "redline.tab";

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The drafts an older Redline kept under [`DRAFTS_KEY`], removed from storage once `keep`
/// has kept them elsewhere (it returns whether it did).
pub fn take_old_drafts(keep: impl FnOnce(String) -> bool) {
    let Some(storage) = local_storage() else {
        return;
    };
    if let Some(saved) = storage.get_item(DRAFTS_KEY).ok().flatten()
        && keep(saved)
    {
        let _ = storage.remove_item(DRAFTS_KEY);
    }
}

/// The kept comparison `id`, if there is one and it reads as one.
pub fn load_entry(id: &str) -> Option<Entry> {
    let json = local_storage()?
        .get_item(&format!("{COMPARISON_PREFIX}{id}"))
        .ok()
        .flatten()?;
    Entry::from_json(&json)
}

/// Keeps `entry` under its own key. Fails when storage is blocked or full; the caller says so.
pub fn save_entry(entry: &Entry) -> Result<(), ()> {
    let storage = local_storage().ok_or(())?;
    storage
        .set_item(
            &format!("{COMPARISON_PREFIX}{}", entry.id),
            &entry.to_json(),
        )
        .map_err(|_| ())
}

/// Removes the kept comparison `id`.
pub fn remove_entry(id: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&format!("{COMPARISON_PREFIX}{id}"));
    }
}

/// Every kept comparison, the last edited first.
pub fn entries() -> Vec<Entry> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    let mut res: Vec<Entry> = (0..n)
        .filter_map(|idx| storage.key(idx).ok().flatten())
        .filter(|key| key.starts_with(COMPARISON_PREFIX))
        .filter_map(|key| storage.get_item(&key).ok().flatten())
        .filter_map(|json| Entry::from_json(&json))
        .collect();
    res.sort_unstable_by_key(|entry| std::cmp::Reverse(entry.updated));
    res
}

/// The comparison this tab works on, if it has started one.
pub fn tab_comparison() -> Option<String> {
    window()
        .session_storage()
        .ok()
        .flatten()?
        .get_item(TAB_KEY)
        .ok()
        .flatten()
}

/// Records the comparison this tab works on.
pub fn set_tab_comparison(id: &str) {
    if let Some(storage) = window().session_storage().ok().flatten() {
        let _ = storage.set_item(TAB_KEY, id);
    }
}

/// The time now, in milliseconds since 1970.
pub fn now() -> u64 {
    web_sys::js_sys::Date::now() as u64
}

/// Today's date as `YYYY-MM-DD` (in UTC), for file names.
pub fn today() -> String {
    let iso: String = web_sys::js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// A time in milliseconds since 1970 as the reader's locale writes it.
pub fn local_time(ms: u64) -> String {
    let date = web_sys::js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// A new comparison's id: when it was started, and a random tail so that two tabs starting
/// one in the same millisecond do not share it.
pub fn new_comparison_id() -> String {
    let tail = (web_sys::js_sys::Math::random() * 1e9) as u64;
    format!("c-{}-{tail:x}", now())
}

/// The share fragment of the comparison this tab works on, for the crash report.
pub fn load_drafts() -> Option<String> {
    load_entry(&tab_comparison()?).map(|entry| entry.fragment)
}

/// Saves `fragment` as the comparison this tab works on, for the crash report (which must
/// not go through the reactive system).
pub fn save_drafts(fragment: &str) -> Result<(), ()> {
    let id = tab_comparison().unwrap_or_else(|| {
        let id = new_comparison_id();
        set_tab_comparison(&id);
        id
    });
    let entry = match load_entry(&id) {
        Some(entry) => Entry {
            fragment: fragment.to_owned(),
            updated: now(),
            ..entry
        },
        None => Entry {
            id,
            title: "Saved after a crash".to_owned(),
            updated: now(),
            fragment: fragment.to_owned(),
        },
    };
    save_entry(&entry)
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
    scroll_with(selector, web_sys::ScrollLogicalPosition::Center);
}

/// Scrolls the element matching a CSS selector so that it sits at `position` in the window.
fn scroll_with(selector: &str, position: web_sys::ScrollLogicalPosition) {
    let Ok(Some(element)) = document().query_selector(selector) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(position);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls the element with this `id` to the top of the window (a section taller than the
/// window would otherwise be scrolled to its middle).
pub fn scroll_to_top_of(id: &str) {
    scroll_with(&format!("#{id}"), web_sys::ScrollLogicalPosition::Start);
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

/// The localStorage key of the colour theme the user picked ("light" or "dark"; empty or
/// absent means the system's).
pub const THEME_KEY: &str = "redline.theme";

/// The localStorage key of the "Show labels" switch ("on", or absent).
pub const LABELS_KEY: &str = "redline.labels";

/// A setting kept in this browser under `key`; empty when none is kept.
pub fn load_setting(key: &str) -> String {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(key).ok().flatten())
        .unwrap_or_default()
}

/// Keeps a setting under `key` (a full storage only loses the setting).
pub fn save_setting(key: &str, value: &str) {
    if let Some(s) = window().local_storage().ok().flatten() {
        let _ = s.set_item(key, value);
    }
}

/// Applies a theme to the page as the root element's `data-theme` (`""`: follow the system).
pub fn set_theme_attribute(theme: &str) {
    if let Some(root) = document().document_element() {
        match theme {
            "" => root.remove_attribute("data-theme").ok(),
            theme => root.set_attribute("data-theme", theme).ok(),
        };
    }
}

/// A file as the browser hands it over (from a file input or a drop).
pub type File = web_sys::File;

/// A file the reader opened or dropped: its name, size in bytes, and whether it is HTML.
pub struct OpenedFile {
    pub name: String,
    pub n_bytes: u64,
    pub is_html: bool,
    file: web_sys::File,
}

impl OpenedFile {
    pub fn new(file: web_sys::File) -> Self {
        let name = file.name();
        let lower = name.to_lowercase();
        let is_html =
            file.type_() == "text/html" || lower.ends_with(".html") || lower.ends_with(".htm");
        OpenedFile {
            name,
            n_bytes: file.size() as u64,
            is_html,
            file,
        }
    }

    /// The file's content decoded as UTF-8 (bytes that are not UTF-8 become U+FFFD, as the
    /// browser's `Blob.text()` does), or why it could not be read.
    pub async fn text(&self) -> Result<String, String> {
        JsFuture::from(self.file.text())
            .await
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(|| format!("“{}” could not be read.", self.name))
    }
}

/// The files of an `<input type="file">` change event.
pub fn input_files(event: &leptos::ev::Event) -> Vec<web_sys::File> {
    let input: web_sys::HtmlInputElement = event_target(event);
    let files: Vec<web_sys::File> = input
        .files()
        .map(|files| {
            (0..files.length())
                .filter_map(|idx| files.get(idx))
                .collect()
        })
        .unwrap_or_default();
    // The same file chosen again must fire `change` again.
    input.set_value("");
    files
}

/// The `text/html` of a paste, when the clipboard has some.
pub fn pasted_html(event: &leptos::ev::ClipboardEvent) -> Option<String> {
    let html = event.clipboard_data()?.get_data("text/html").ok()?;
    (!html.trim().is_empty()).then_some(html)
}

/// The `text/plain` of a paste, when the clipboard has some.
pub fn pasted_text(event: &leptos::ev::ClipboardEvent) -> Option<String> {
    event.clipboard_data()?.get_data("text/plain").ok()
}

/// The value of the text area a paste went to, and its selection as a byte range.
fn paste_target(event: &leptos::ev::ClipboardEvent) -> (String, std::ops::Range<usize>) {
    let area: web_sys::HtmlTextAreaElement = event_target(event);
    let value = area.value();
    // Selection offsets count UTF-16 code units; Rust strings count UTF-8 bytes.
    let units = |offset: Option<u32>| offset.unwrap_or(0) as usize;
    let (start, end) = (
        units(area.selection_start().ok().flatten()),
        units(area.selection_end().ok().flatten()),
    );
    let byte_at = |unit: usize| {
        let mut n_units = 0;
        value
            .char_indices()
            .find(|(_, c)| {
                let reached = n_units >= unit;
                n_units += c.len_utf16();
                reached
            })
            .map_or(value.len(), |(idx, _)| idx)
    };
    let start_byte = byte_at(start);
    let end_byte = byte_at(end).max(start_byte);
    (value, start_byte..end_byte)
}

/// How many bytes of the text area a paste went to stay: all but the selection it replaces.
pub fn bytes_kept_by_paste(event: &leptos::ev::ClipboardEvent) -> usize {
    let (value, selection) = paste_target(event);
    value.len() - selection.len()
}

/// The text the area a paste went to would hold with `pasted` in place of its selection,
/// worked out without touching the area (for texts too long to put in it).
pub fn value_with_paste(event: &leptos::ev::ClipboardEvent, pasted: &str) -> String {
    let (mut value, selection) = paste_target(event);
    value.replace_range(selection, pasted);
    value
}

/// Puts `text` in place of the selection of the text area a paste went to, with the cursor
/// after it, and returns the area's new value.
pub fn insert_at_selection(event: &leptos::ev::ClipboardEvent, text: &str) -> String {
    let area: web_sys::HtmlTextAreaElement = event_target(event);
    let (start, end) = (
        area.selection_start().ok().flatten().unwrap_or(0),
        area.selection_end().ok().flatten().unwrap_or(0),
    );
    area.set_range_text_with_start_and_end_and_mode(text, start, end, "end")
        .ok();
    area.value()
}

/// The text of an HTML document, parsed by the browser's `DOMParser`, which builds an inert
/// document: scripts do not run, images and styles do not load. Scripts, styles and other
/// non-text elements are dropped; block elements become paragraphs
/// ([`text_from_pieces`](redline_engine::formats::html::text_from_pieces)).
pub fn html_to_text(html: &str) -> String {
    use redline_engine::formats::html::{HtmlPiece, text_from_pieces};
    fn walk(node: &web_sys::Node, pieces: &mut Vec<HtmlPiece>) {
        match node.node_type() {
            web_sys::Node::TEXT_NODE => {
                pieces.push(HtmlPiece::Text(node.text_content().unwrap_or_default()));
            }
            web_sys::Node::ELEMENT_NODE => {
                let name = node.node_name().to_ascii_uppercase();
                let edge = match name.as_str() {
                    "SCRIPT" | "STYLE" | "NOSCRIPT" | "TEMPLATE" | "IFRAME" | "OBJECT"
                    | "EMBED" | "SVG" | "MATH" | "HEAD" | "CANVAS" | "SELECT" | "BUTTON" => {
                        return;
                    }
                    "BR" => {
                        pieces.push(HtmlPiece::LineBreak);
                        return;
                    }
                    "PRE" => {
                        pieces.push(HtmlPiece::Preformatted(
                            node.text_content().unwrap_or_default(),
                        ));
                        return;
                    }
                    "P" | "H1" | "H2" | "H3" | "H4" | "H5" | "H6" | "LI" | "BLOCKQUOTE"
                    | "SECTION" | "ARTICLE" | "HEADER" | "FOOTER" | "FIGURE" | "TABLE" | "UL"
                    | "OL" | "DL" | "HR" | "MAIN" | "ASIDE" | "NAV" | "ADDRESS" | "CAPTION" => {
                        Some(HtmlPiece::Block)
                    }
                    "DIV" | "TR" | "DT" | "DD" | "FIGCAPTION" => Some(HtmlPiece::LineEnd),
                    _ => None,
                };
                pieces.extend(edge.clone());
                let children = node.child_nodes();
                for idx in 0..children.length() {
                    if let Some(child) = children.item(idx) {
                        walk(&child, pieces);
                    }
                }
                pieces.extend(edge);
            }
            _ => {}
        }
    }
    let Ok(parser) = web_sys::DomParser::new() else {
        return String::new();
    };
    let Ok(document) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
        return String::new();
    };
    let mut pieces = Vec::new();
    if let Some(body) = document.body() {
        walk(&body, &mut pieces);
    }
    text_from_pieces(&pieces)
}

/// Offers `content` as a file download named `file_name`. Returns whether the browser took it.
pub fn download(file_name: &str, mime_type: &str, content: &str) -> bool {
    use wasm_bindgen::JsCast;
    let parts = web_sys::js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(link) = document()
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok();
    true
}

/// Shows the crash banner at the top of the page, built from plain elements and text (the app's
/// own rendering may be what broke), with `report` in a read-only box. Its Copy and Reload
/// buttons are handled by assets/loader.js, because after a panic the wasm module is stopped.
pub fn show_crash_banner(report: &str) {
    let document = document();
    let element = |tag: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    let build = || -> Option<web_sys::Element> {
        let banner = element("div", "")?;
        banner.set_class_name("crash");
        banner.set_attribute("role", "alert").ok()?;
        banner.set_attribute("data-testid", "diff-crash").ok()?;
        let heading = element("h2", "Something went wrong")?;
        banner.append_child(&heading).ok()?;
        let explanation = element(
            "p",
            "Redline hit a bug and stopped. Your texts are kept in the boxes below and saved in this browser: reload the page to go on. The report holds no text of yours; please send it to the Redline team.",
        )?;
        banner.append_child(&explanation).ok()?;
        let report_box = element("textarea", report)?;
        report_box.set_id("crash-report");
        report_box.set_attribute("readonly", "").ok()?;
        report_box
            .set_attribute("aria-label", "Crash report")
            .ok()?;
        report_box.set_attribute("rows", "4").ok()?;
        banner.append_child(&report_box).ok()?;
        for (action, label) in [
            ("copy-report", "Copy report"),
            ("reload", "Reload the page"),
        ] {
            let button = element("button", label)?;
            button.set_attribute("type", "button").ok()?;
            button.set_attribute("data-redline-action", action).ok()?;
            banner.append_child(&button).ok()?;
        }
        Some(banner)
    };
    if let (Some(banner), Some(body)) = (build(), document.body()) {
        body.prepend_with_node_1(&banner).ok();
    }
}

/// Whether the crash banner is already shown.
pub fn has_crash_banner() -> bool {
    document().get_element_by_id("crash-report").is_some()
}

/// The value of the text box with this `id`, read from the page itself.
pub fn text_box_value(id: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let area = document()
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    Some(area.value())
}

/// The browser's user agent, for crash reports.
pub fn user_agent() -> String {
    window().navigator().user_agent().unwrap_or_default()
}
