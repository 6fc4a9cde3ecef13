//! Plain text from the pieces of an HTML document: whitespace collapsed as a browser renders it, block elements as paragraphs.
//!
//! The browser parses pasted or opened HTML (with `DOMParser`, which never runs scripts) and
//! walks it into [`HtmlPiece`]s: text, line breaks and the edges of block elements such as
//! `<p>`, `<h1>` or `<li>`. Turning those pieces into the text Redline compares is plain text
//! work, so it lives here and is tested natively.

/// One thing met while walking an HTML document in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlPiece {
    /// The text of a text node, as it is in the source (runs of whitespace not yet collapsed).
    Text(String),
    /// A `<br>`: a line break inside a paragraph.
    LineBreak,
    /// The edge of an element that holds one line (`<div>`, `<tr>`, `<dt>`…): ends the current
    /// line if it has text, without starting a new paragraph. Editors that copy each line as
    /// a `<div>` thus paste their lines, not a paragraph per line.
    LineEnd,
    /// The start or end of a block element (`<p>`, `<div>`, `<h1>`…`<h6>`, `<li>`, …): a
    /// paragraph boundary.
    Block,
    /// Preformatted text (`<pre>`): kept exactly, whitespace and line breaks included.
    Preformatted(String),
}

/// The text of the pieces: each paragraph on its own line with a blank line between
/// paragraphs, runs of whitespace inside a paragraph collapsed to one space, and no spaces at
/// the start or end of a line.
///
/// ```
/// use redline_engine::formats::html::{HtmlPiece, text_from_pieces};
///
/// let pieces = [
///     HtmlPiece::Block,
///     HtmlPiece::Text("Council  approves\n   plan".into()),
///     HtmlPiece::Block,
///     HtmlPiece::Block,
///     HtmlPiece::Text(" The vote was on ".into()),
///     HtmlPiece::Text("Monday.".into()),
///     HtmlPiece::Block,
/// ];
/// assert_eq!(text_from_pieces(&pieces), "Council approves plan\n\nThe vote was on Monday.\n");
/// ```
pub fn text_from_pieces(pieces: &[HtmlPiece]) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    // Whitespace seen since the last character: one space, unless a line starts there.
    let mut is_space_pending = false;
    let finish = |current: &mut String, paragraphs: &mut Vec<String>| {
        let lines: Vec<&str> = current.split('\n').map(str::trim).collect();
        let paragraph = lines.join("\n").trim_matches('\n').to_owned();
        if !paragraph.is_empty() {
            paragraphs.push(paragraph);
        }
        current.clear();
    };
    for piece in pieces {
        match piece {
            HtmlPiece::Text(text) => {
                for c in text.chars() {
                    if is_html_space(c) {
                        is_space_pending = true;
                        continue;
                    }
                    if is_space_pending && !current.is_empty() && !current.ends_with('\n') {
                        current.push(' ');
                    }
                    is_space_pending = false;
                    current.push(c);
                }
            }
            HtmlPiece::LineBreak => {
                current.push('\n');
                is_space_pending = false;
            }
            HtmlPiece::LineEnd => {
                if !current.is_empty() && !current.ends_with('\n') {
                    current.push('\n');
                }
                is_space_pending = false;
            }
            HtmlPiece::Block => {
                finish(&mut current, &mut paragraphs);
                is_space_pending = false;
            }
            HtmlPiece::Preformatted(text) => {
                finish(&mut current, &mut paragraphs);
                is_space_pending = false;
                if !text.trim().is_empty() {
                    paragraphs.push(text.trim_matches('\n').to_owned());
                }
            }
        }
    }
    finish(&mut current, &mut paragraphs);
    if paragraphs.is_empty() {
        return String::new();
    }
    let mut res = paragraphs.join("\n\n");
    res.push('\n');
    res
}

/// HTML's whitespace: the characters that collapse when a browser renders text. (Not U+00A0,
/// the no-break space, which is text.)
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

#[cfg(test)]
mod tests {
    use super::HtmlPiece::*;
    use super::*;

    fn text(s: &str) -> HtmlPiece {
        Text(s.to_owned())
    }

    #[test]
    fn paragraphs_and_breaks() {
        assert_eq!(text_from_pieces(&[]), "");
        assert_eq!(text_from_pieces(&[Block, text("   "), Block]), "");
        assert_eq!(
            text_from_pieces(&[text("a"), LineBreak, text(" b "), Block, text("c")]),
            "a\nb\n\nc\n"
        );
        assert_eq!(
            text_from_pieces(&[text("no\u{a0}break"), text(" "), text(" spaces")]),
            "no\u{a0}break spaces\n",
            "a no-break space is text; two text nodes of spaces make one space"
        );
    }

    #[test]
    fn line_elements_end_lines_once() {
        assert_eq!(
            text_from_pieces(&[LineEnd, text("one"), LineEnd, LineEnd, text("two"), LineEnd]),
            "one\ntwo\n"
        );
    }

    #[test]
    fn preformatted_text_is_kept() {
        assert_eq!(
            text_from_pieces(&[
                text("Before"),
                Preformatted("  a\n    b".to_owned()),
                text("after")
            ]),
            "Before\n\n  a\n    b\n\nafter\n"
        );
    }
}
