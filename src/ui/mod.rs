//! The web app: Leptos components, one per file, that render the engine's model, and the hooks (`hooks/`) that hold the page's state; none of it does diff math.

mod app;
mod browser;
mod change_nav;
mod comparison_list;
mod comparison_status;
mod diff_view;
mod drafts;
pub mod hooks;
mod input_actions;
mod note_check;
mod note_panel;
mod options_bar;
mod overview_ruler;
mod pair_inputs;
mod share_bar;
mod sources;
mod stats_summary;
mod text_pane;
mod timeline;
mod version_list;
mod view_switch;
pub mod worker;

pub use app::App;
pub use change_nav::ChangeNav;
pub use comparison_list::ComparisonList;
pub use comparison_status::ComparisonStatus;
pub use diff_view::DiffView;
pub use drafts::{Drafts, Slot};
pub use input_actions::InputActions;
pub use note_check::{NoteCheck, NoteClaims};
pub use note_panel::NotePanel;
pub use options_bar::OptionsBar;
pub use overview_ruler::OverviewRuler;
pub use pair_inputs::PairInputs;
pub use share_bar::ShareBar;
pub use sources::{SourcesForm, SourcesHeader};
pub use stats_summary::StatsSummary;
pub use text_pane::TextPane;
pub use timeline::{Timeline, UndoneChanges};
pub use version_list::VersionList;
pub use view_switch::ViewSwitch;

/// Mounts the app on the page, with a panic hook that keeps the reader's texts and shows a
/// crash report. The same wasm module also starts inside the web worker ([`worker`]), which
/// has no page to draw on: there it only answers jobs, and a panic is the page's to report.
pub fn start() {
    if !browser::is_page() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let location = info
            .location()
            .map(|location| format!("{}:{}", location.file(), location.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|message| message.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        report_crash(&format!("panicked at {location}: {message}"));
    }));
    leptos::mount::mount_to_body(App);
}

/// What the panic hook does, callable by tests: saves the texts as they are in the page (the
/// reactive state may be what broke) over the saved drafts, keeping their options and view,
/// and shows the crash banner with a report that holds no user text.
pub fn report_crash(what: &str) {
    use redline_engine::formats::share;
    // After a panic the module is in no state to run, yet the page may call it again and panic
    // anew: the first report names the cause, and the drafts it saved are the texts as they were.
    if browser::has_crash_banner() {
        return;
    }
    let mut history = browser::load_drafts()
        .and_then(|saved| share::decode_history(&saved).ok())
        .unwrap_or_else(|| share::History::from(share::Shared::default()));
    // The simple boxes hold the pair compared; a history's boxes are numbered from 1, and may
    // be more than were saved.
    let (from, to) = (history.from, history.to);
    for (id, idx, is_note) in [
        ("original", from, false),
        ("reworked", to, false),
        ("note", to, true),
    ] {
        if let Some(value) = browser::text_box_value(id) {
            let version = &mut history.versions[idx];
            *(if is_note {
                &mut version.note
            } else {
                &mut version.text
            }) = value;
        }
    }
    for idx in 0..share::MAX_VERSIONS {
        let Some(text) = browser::text_box_value(&format!("version-{}", idx + 1)) else {
            break;
        };
        if idx == history.versions.len() {
            history.versions.push(share::Version::default());
        }
        history.versions[idx].text = text;
        if let Some(note) = browser::text_box_value(&format!("version-{}-note", idx + 1)) {
            history.versions[idx].note = note;
        }
    }
    let saved = browser::save_drafts(&share::encode_any(&history)).is_ok();
    let size = |idx: usize| {
        history
            .versions
            .get(idx)
            .map_or(0, |version| version.text.len())
    };
    let report = format!(
        "Redline {version}\n{what}\nTexts: {original} and {reworked} bytes, note {note} bytes, {n} versions; drafts saved: {saved}\nBrowser: {agent}",
        version = env!("CARGO_PKG_VERSION"),
        original = size(from),
        reworked = size(to),
        note = history
            .versions
            .get(to)
            .map_or(0, |version| version.note.len()),
        n = history.versions.len(),
        saved = if saved { "yes" } else { "no" },
        agent = browser::user_agent(),
    );
    browser::show_crash_banner(&report);
}

/// `12345` as `12,345`.
pub(crate) fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut res = String::with_capacity(digits.len() + digits.len() / 3);
    for (idx, digit) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx).is_multiple_of(3) {
            res.push(',');
        }
        res.push(digit);
    }
    res
}
