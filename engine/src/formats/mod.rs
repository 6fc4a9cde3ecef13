//! Formats in and out: batch records, share links, the comparisons kept in a browser, the exports, text from parsed HTML, and the checks on a file's or a paste's text.

pub mod batch;
pub mod export;
pub mod html;
pub mod input;
pub mod library;
pub mod page;
pub mod share;
