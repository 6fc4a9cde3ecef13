//! The page's state and effects, one hook per file in the leptos-use style: `use_x(...) -> UseXReturn`.
//!
//! `App` calls them in this order and only lays the page out with what they return:
//!
//! - [`use_saved_drafts`]: the drafts kept in this browser's localStorage.
//! - [`use_drafts`]: the drafts the page starts with (saved, else the first-visit example).
//! - [`use_share_link`]: the link the page was opened with, and later ones (`hashchange`).
//! - [`use_autosave`]: every edit saved, and the address bar's link kept current.
//! - [`use_edits`]: clear, import, swap and undo.
//! - [`use_comparison`]: the comparison, on the page's thread or in the web worker.
//! - [`use_note_check`]: the note shown and its check against the changes.
//! - [`use_current_change`]: the change in focus kept valid and scrolled into view.
//! - [`use_history_summary`]: each step of a version history, for the timeline.
//! - [`use_theme`]: light, dark or the system's.

mod use_autosave;
mod use_comparison;
mod use_current_change;
mod use_drafts;
mod use_edits;
mod use_history_summary;
mod use_note_check;
mod use_saved_drafts;
mod use_share_link;
mod use_theme;

pub use use_autosave::use_autosave;
pub use use_comparison::{UseComparisonReturn, use_comparison};
pub use use_current_change::use_current_change;
pub use use_drafts::{UseDraftsReturn, use_drafts};
pub use use_edits::{UseEditsReturn, use_edits};
pub use use_history_summary::use_history_summary;
pub use use_note_check::{UseNoteCheckReturn, use_note_check};
pub use use_saved_drafts::{UseSavedDraftsReturn, use_saved_drafts};
pub use use_share_link::{UseShareLinkReturn, use_share_link};
pub use use_theme::{UseThemeReturn, use_theme};

/// Texts longer than this together, in bytes, are compared, summarized and encoded in the web
/// worker (about 16,000 words, which the engine compares in some 50 ms in wasm; longer texts
/// would hold up the page's thread).
pub const BACKGROUND_BYTES: usize = 100_000;
