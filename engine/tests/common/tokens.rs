//! The tokens two diffs are compared by: runs of letters and digits (with combining marks and soft hyphens), and each other non-space character.
//!
//! Shared by `make bench-edits` (engine/examples/bench_edits.rs) and the peers test
//! (engine/tests/peers.rs): whitespace is left out, since jsdiff's diffWords ignores it and
//! an annotator's span does not say where spaces go.

/// `text` as tokens, whitespace left out.
pub fn tokens(text: &str) -> Vec<String> {
    let mut res = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036f}' | '\u{00ad}') {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            res.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            res.push(c.to_string());
        }
    }
    if !word.is_empty() {
        res.push(word);
    }
    res
}
