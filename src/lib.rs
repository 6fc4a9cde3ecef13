//! Redline's web app: Leptos components that render the engine's model, and the hooks that hold the page's state.
//!
//! All text and diff work is done by the `redline-engine` crate; [`ui`] renders its model and
//! wires signals. See ARCHITECTURE.md for the map and the rules that keep the two apart.

pub mod ui;
