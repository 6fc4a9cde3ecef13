//! A light tree of an HTML page (elements with the attributes the reader needs, and text), and the page's text rendered from it with each element's range.
//!
//! The browser builds this tree from `DOMParser`'s inert document, and the command line from
//! html5ever (the `parse-html` feature); the reader works on the tree alone, so it runs the
//! same in both.

use std::ops::Range;

/// A node of the light tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// The text of a text node, as it is in the source.
    Text(String),
}

/// An element: its tag (lower case), the attributes the reader reads, and its children.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// The tag name, lower case (`p`, `div`, `article`).
    pub tag: String,
    /// The attributes kept ([`KEPT_ATTRIBUTES`]), names lower case.
    pub attrs: Vec<(String, String)>,
    /// The children in order. A `<script>` keeps its text only when it is JSON-LD.
    pub children: Vec<Node>,
}

/// The attributes a tree needs to keep; the others are never read.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "role",
    "itemprop",
    "itemtype",
    "rel",
    "property",
    "name",
    "content",
    "href",
    "datetime",
    "hidden",
    "aria-hidden",
    "type",
];

impl Element {
    /// The value of attribute `name`, if it is set.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The element's class and id together, lower case, for the class-name rules.
    pub(crate) fn class_and_id(&self) -> String {
        let mut res = String::new();
        for name in ["class", "id"] {
            if let Some(value) = self.attr(name) {
                res.push_str(&value.to_lowercase());
                res.push(' ');
            }
        }
        res
    }
}

/// Elements whose content a reader never sees.
pub(crate) fn is_invisible(element: &Element) -> bool {
    matches!(
        element.tag.as_str(),
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
    ) || element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
}

/// Elements that start a paragraph of their own.
pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "br"
            | "html"
    )
}

/// The page's visible text, one block per paragraph, with the byte range each element's text
/// occupies in it, in the order the elements are met (a pre-order walk).
pub(crate) struct Rendered {
    pub(crate) text: String,
    pub(crate) ranges: Vec<Range<usize>>,
}

/// Renders `root` as a reader sees it: whitespace collapsed, each block a paragraph.
pub(crate) fn render(root: &Element) -> Rendered {
    let mut out = Rendered {
        text: String::new(),
        ranges: Vec::new(),
    };
    let mut pending_space = false;
    walk(root, &mut out, &mut pending_space);
    let trimmed = out.text.trim_end().len();
    out.text.truncate(trimmed);
    for range in &mut out.ranges {
        range.end = range.end.min(trimmed);
        range.start = range.start.min(range.end);
    }
    out
}

/// Ends the paragraph being written: blocks are one blank line apart, as Redline's HTML paste
/// writes them, so each is a paragraph of its own for the comparison.
fn end_line(text: &mut String) {
    let trimmed = text.trim_end_matches(' ').len();
    text.truncate(trimmed);
    if !text.is_empty() && !text.ends_with("\n\n") {
        text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

fn walk(element: &Element, out: &mut Rendered, pending_space: &mut bool) {
    let idx = out.ranges.len();
    out.ranges.push(0..0);
    if is_invisible(element) {
        // Its elements keep their places in the walk's order, with nothing to show.
        let at = out.text.len();
        out.ranges[idx] = at..at;
        let n = count_elements(element) - 1;
        out.ranges.extend(std::iter::repeat_n(at..at, n));
        return;
    }
    let block = is_block(&element.tag);
    if block {
        end_line(&mut out.text);
        *pending_space = false;
    }
    let start = out.text.len();
    for child in &element.children {
        match child {
            Node::Element(child) => walk(child, out, pending_space),
            Node::Text(text) if element.tag == "pre" => out.text.push_str(text),
            Node::Text(text) => {
                for c in text.chars() {
                    if c.is_whitespace() {
                        *pending_space = true;
                    } else {
                        if *pending_space && !out.text.is_empty() && !out.text.ends_with('\n') {
                            out.text.push(' ');
                        }
                        *pending_space = false;
                        out.text.push(c);
                    }
                }
            }
        }
    }
    if block {
        end_line(&mut out.text);
        *pending_space = false;
    }
    let end = out.text.trim_end().len().max(start);
    out.ranges[idx] = start..end;
}

/// How many elements `element` holds, itself included.
pub(crate) fn count_elements(element: &Element) -> usize {
    1 + element
        .children
        .iter()
        .map(|child| match child {
            Node::Element(child) => count_elements(child),
            Node::Text(_) => 0,
        })
        .sum::<usize>()
}
