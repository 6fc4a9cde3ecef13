//! HTML source to the light tree, with html5ever through scraper (the `parse-html` feature: the command line and the benchmarks; the browser builds the tree with `DOMParser`).

use ego_tree::NodeRef;
use scraper::Html;

use super::tree::{Element, KEPT_ATTRIBUTES, Node};

/// Parses an HTML document as a browser would (html5ever: the same error recovery) into the
/// light tree, rooted at the `<html>` element.
pub fn parse_html(source: &str) -> Element {
    let document = Html::parse_document(source);
    let root = document.root_element();
    convert(*root)
}

fn convert(node: NodeRef<'_, scraper::Node>) -> Element {
    let scraper::Node::Element(element) = node.value() else {
        return Element::default();
    };
    let tag = element.name().to_ascii_lowercase();
    let attrs = element
        .attrs()
        .filter(|(name, _)| KEPT_ATTRIBUTES.contains(name))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect();
    let keeps_text = tag != "script" || element.attr("type") == Some("application/ld+json");
    let children = node
        .children()
        .filter_map(|child| match child.value() {
            scraper::Node::Element(_) => Some(Node::Element(convert(child))),
            scraper::Node::Text(text) if keeps_text => Some(Node::Text(text.to_string())),
            _ => None,
        })
        .collect();
    Element {
        tag,
        attrs,
        children,
    }
}
