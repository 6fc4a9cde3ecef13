//! Redline: word-level differences between the original and the reworked version of an article.
//!
//! [`engine`] does all the text and diff work in pure Rust; [`ui`] renders its model with Leptos.
//! See ARCHITECTURE.md for the map and the rules that keep the two apart.

#[warn(missing_docs)]
pub mod engine;
pub mod ui;
