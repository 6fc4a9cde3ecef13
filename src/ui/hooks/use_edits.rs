//! `use_edits`: the edits that replace the drafts at once (clear, import, swap), each one undoable where it loses text.

use leptos::prelude::*;

use crate::ui::Drafts;
use redline_engine::formats::export;
use redline_engine::formats::share::{History, Shared};

/// What [`use_edits`] returns.
#[derive(Clone, Copy)]
pub struct UseEditsReturn {
    /// Empties every box (keeping the options and the view), undoably.
    pub clear: Callback<()>,
    /// Opens a Redline JSON export in place of the drafts, undoably, or says why not.
    pub import: Callback<String>,
    /// With two versions, exchanges the texts; in a history, compares the other way.
    pub swap: Callback<()>,
    /// Puts back what the last clear or import replaced.
    pub undo: Callback<()>,
    /// What the last clear or import replaced, while Undo can put it back.
    pub replaced: RwSignal<Option<History>>,
    /// What Undo would undo: "Cleared." or "Imported.".
    pub undo_what: RwSignal<&'static str>,
    /// Why the last import failed, or a file could not be read.
    pub import_message: RwSignal<Option<String>>,
}

/// The edits that replace the drafts at once. A clear or an import keeps what was there for
/// one Undo, until the next clear or import; each also ends the first-visit example.
pub fn use_edits(drafts: Drafts, showing_example: RwSignal<bool>) -> UseEditsReturn {
    let replaced = RwSignal::new(None::<History>);
    let undo_what = RwSignal::new("Cleared.");
    let import_message = RwSignal::new(None::<String>);
    let clear = Callback::new(move |()| {
        replaced.set(Some(drafts.to_history()));
        undo_what.set("Cleared.");
        drafts.set(History {
            title: String::new(),
            options: drafts.options.get_untracked(),
            view: drafts.view.get_untracked(),
            ..History::from(Shared::default())
        });
        showing_example.set(false);
    });
    let import = Callback::new(move |json: String| match export::import_json(&json) {
        Ok(history) => {
            replaced.set(Some(drafts.to_history()));
            undo_what.set("Imported.");
            drafts.set(history);
            showing_example.set(false);
            import_message.set(None);
        }
        Err(why) => import_message.set(Some(format!("{why} Your texts were not changed."))),
    });
    let undo = Callback::new(move |()| {
        if let Some(history) = replaced.get_untracked() {
            drafts.set(history);
        }
        replaced.set(None);
    });
    let swap = Callback::new(move |()| {
        if drafts.listing.get_untracked() {
            let (from, to) = (drafts.from.get_untracked(), drafts.to.get_untracked());
            drafts.from.set(to);
            drafts.to.set(from);
            return;
        }
        let (original, reworked) = (drafts.slot_untracked(0).text, drafts.slot_untracked(1).text);
        let (was_original, was_reworked) = (original.get_untracked(), reworked.get_untracked());
        original.set(was_reworked);
        reworked.set(was_original);
    });
    UseEditsReturn {
        clear,
        import,
        swap,
        undo,
        replaced,
        undo_what,
        import_message,
    }
}
