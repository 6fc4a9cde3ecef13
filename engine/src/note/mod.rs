//! The reading of the correction note and of the facts: which notes a text holds, which changes alter a fact, and which the note explains.
//!
//! - [`detect`]: correction, update, clarification and disclaimer notes found by explicit rules.
//! - [`facts`]: the changes that alter a number, a date, a name, a quotation, the headline, a
//!   subheading or a link, old → new.
//! - [`reconcile`]: the note's claims checked against the changes, and a one-sentence summary.

pub(crate) mod detect;
pub(crate) mod facts;
pub(crate) mod reconcile;
