//! The Leptos components of the web app; they render the engine's model and never do diff math.

mod app;
mod browser;
mod change_nav;
mod diff_view;
mod note_check;
mod options_bar;
mod overview_ruler;
mod share_bar;
mod stats_summary;
mod text_pane;
mod view_switch;

pub use app::{App, Drafts};
pub use change_nav::ChangeNav;
pub use diff_view::DiffView;
pub use note_check::{NoteCheck, NoteClaims};
pub use options_bar::OptionsBar;
pub use overview_ruler::OverviewRuler;
pub use share_bar::ShareBar;
pub use stats_summary::StatsSummary;
pub use text_pane::TextPane;
pub use view_switch::ViewSwitch;
