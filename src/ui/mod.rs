//! The Leptos components of the web app; they render the engine's model and never do diff math.

mod app;
mod browser;
mod diff_view;
mod share_bar;
mod text_pane;

pub use app::App;
pub use diff_view::DiffView;
pub use share_bar::ShareBar;
pub use text_pane::TextPane;
