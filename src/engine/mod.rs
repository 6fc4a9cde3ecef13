//! The diff engine: pure Rust that turns an original and a reworked text into a [`Comparison`].
//!
//! # Concepts
//!
//! Redline compares two versions of one article, the **original** and the **reworked** one.
//! The engine works in three steps:
//!
//! 1. [`tokenize`] splits each text into tokens along Unicode word boundaries (UAX #29):
//!    a word, a run of whitespace and a punctuation mark are separate tokens, so `said,`
//!    is two tokens and a changed comma never marks the word before it.
//! 2. The token sequences are diffed with `similar`'s Patience algorithm, which anchors on
//!    tokens that occur once on each side; on prose it keeps far more of a heavily reworked
//!    text than Myers does, which latches on to spaces and "the".
//! 3. The result becomes a list of [`Segment`]s in reading order, each [`SegmentKind::Equal`],
//!    [`SegmentKind::Delete`] or [`SegmentKind::Insert`], with the byte range it occupies in
//!    each text, plus [`Stats`].
//!
//! Every byte of both inputs is kept: the segments rebuild the original and the reworked text
//! exactly ([`Comparison::original_text`], [`Comparison::reworked_text`]).
//!
//! # Example
//!
//! ```
//! use redline::engine::{compare, SegmentKind};
//!
//! let comparison = compare("The cat sat.", "The dog sat.");
//! let kinds: Vec<(SegmentKind, &str)> = comparison
//!     .segments
//!     .iter()
//!     .map(|segment| (segment.kind, segment.text.as_str()))
//!     .collect();
//! assert_eq!(
//!     kinds,
//!     vec![
//!         (SegmentKind::Equal, "The "),
//!         (SegmentKind::Delete, "cat"),
//!         (SegmentKind::Insert, "dog"),
//!         (SegmentKind::Equal, " sat."),
//!     ]
//! );
//! assert_eq!(comparison.stats.words_removed, 1);
//! assert_eq!(comparison.original_text(), "The cat sat.");
//! ```
//!
//! # Time
//!
//! The engine never reads the clock: `similar` panics on wasm32-unknown-unknown when asked for
//! a deadline, so none is ever passed, and the work is bounded by the input instead.
//!
//! # Architecture invariant
//!
//! Nothing here knows about the browser or the UI framework, so all of it runs and is tested
//! natively; `tests/tidy.rs` enforces this.

mod diff;
mod model;
mod tokenize;

pub use model::{Comparison, Segment, SegmentKind, Stats};
pub use tokenize::{is_word, tokenize};

/// Compares the original with the reworked text, word by word.
///
/// Deleted text comes before inserted text where both replace the same stretch.
///
/// ```
/// let comparison = redline::engine::compare("a b", "a b");
/// assert_eq!(comparison.segments.len(), 1);
/// assert_eq!(comparison.stats.words_added, 0);
/// ```
pub fn compare(original: &str, reworked: &str) -> Comparison {
    let segments = diff::diff_words(original, reworked);
    let stats = Stats::from_segments(original, reworked, &segments);
    Comparison { segments, stats }
}
