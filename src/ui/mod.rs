//! The Leptos components of the web app; they render the engine's model and never do diff math.

mod app;
mod browser;
mod diff_view;
mod options_bar;
mod share_bar;
mod text_pane;

pub use app::{App, Drafts};
pub use diff_view::DiffView;
pub use options_bar::OptionsBar;
pub use share_bar::ShareBar;
pub use text_pane::TextPane;
