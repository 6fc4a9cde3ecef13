//! The article in a page given as HTML: paragraphs scored by their text and commas, the score carried up to the elements that hold them, links and boilerplate class names counted against.
//!
//! The rules follow the reading of many published extractors (Readability's content score,
//! its link density and class-name weights), written for the light tree of [`super::tree`].

use std::ops::Range;

use super::tree::{Element, Node, Rendered, is_invisible};

/// What the HTML reader found: the elements of the article (pre-order indices into the
/// rendering), in page order.
pub(crate) struct Found {
    pub(crate) parts: Vec<usize>,
    /// The elements as the reader saw them, for [`pieces`].
    infos: Vec<Info>,
}

/// One element as the reader sees it.
struct Info {
    parent: Option<usize>,
    tag: String,
    /// Why it can never be the article or hold it: invisible, navigation, a footer, a
    /// sidebar, comments; inherited by everything inside.
    unlikely: bool,
    class_weight: f64,
    /// Whether, inside the article, it is a part to leave out: a share bar, related links,
    /// comments, a newsletter sign-up, a navigation or aside element.
    junk: bool,
    /// Whether the page marks it as the article's body (`itemprop="articleBody"`).
    marked_body: bool,
    /// Whether it is invisible, or inside an invisible element.
    invisible: bool,
    /// Whether it holds a block element (a `div` that holds none reads as a paragraph).
    has_block_child: bool,
    /// The index of its last descendant (its own index when it has none): the elements
    /// inside it are the ones after it, up to this one.
    last: usize,
}

/// Words in class names and ids of what is not the article.
const NEGATIVE: &[&str] = &[
    "comment",
    "sidebar",
    "footer",
    "foot",
    "related",
    "share",
    "social",
    "sponsor",
    "promo",
    "newsletter",
    "cookie",
    "subscribe",
    "signup",
    "outbrain",
    "taboola",
    "recirc",
    "widget",
    "breadcrumb",
    "pagination",
    "pager",
    "popup",
    "masthead",
    "menu",
    "nav",
    "banner",
    "advert",
    "-ad-",
    "ad-slot",
    "trending",
    "most-read",
    "recommend",
    "teaser",
    "disqus",
    "byline",
    "tags",
    "caption-credit",
    "hidden",
    "modal",
    "rail",
];

/// Words in class names and ids of what is left out when it sits inside the article.
const INNER_JUNK: &[&str] = &[
    "share",
    "social",
    "related",
    "comment",
    "newsletter",
    "promo",
    "advert",
    "outbrain",
    "taboola",
    "recirc",
    "subscribe",
    "sponsor",
    "byline",
    "author",
    "dateline",
    "timestamp",
    "published",
    "posted-on",
    "entry-meta",
    "post-meta",
    "article-meta",
    "tags",
    "breadcrumb",
    "caption",
    "credit",
];

/// Words in class names and ids of the article.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "hentry",
];

fn class_weight(class_and_id: &str) -> f64 {
    let mut weight = 0.0;
    if NEGATIVE.iter().any(|word| class_and_id.contains(word)) {
        weight -= 25.0;
    }
    if POSITIVE.iter().any(|word| class_and_id.contains(word)) {
        weight += 25.0;
    }
    weight
}

/// Whether an element is, by its tag or role, a part of the page around the article.
fn is_frame(element: &Element) -> bool {
    matches!(element.tag.as_str(), "nav" | "aside" | "footer")
        || matches!(
            element.attr("role"),
            Some("navigation" | "complementary" | "contentinfo" | "banner" | "dialog")
        )
}

fn flatten(root: &Element, use_classes: bool) -> Vec<Info> {
    fn visit(
        element: &Element,
        parent: Option<usize>,
        unlikely: bool,
        use_classes: bool,
        out: &mut Vec<Info>,
    ) {
        let idx = out.len();
        let class_and_id = element.class_and_id();
        let weight = class_weight(&class_and_id);
        // A frame's word and an article's word in one class ("article-sidebar") cancel out.
        // Sparing the page's own wrappers (`body class="has-sidebar"`) was measured and lost
        // more than it won; `find` reads the classes again when nothing is left.
        let unlikely =
            unlikely || is_invisible(element) || is_frame(element) || (use_classes && weight < 0.0);
        let junk = is_invisible(element)
            || matches!(
                element.tag.as_str(),
                "nav" | "aside" | "h1" | "time" | "header" | "figcaption"
            )
            || INNER_JUNK.iter().any(|word| class_and_id.contains(word));
        let invisible = parent.is_some_and(|parent| out[parent].invisible) || is_invisible(element);
        let marked_body = element.attr("itemprop") == Some("articleBody");
        out.push(Info {
            marked_body,
            invisible,
            junk,
            parent,
            tag: element.tag.clone(),
            unlikely,
            class_weight: weight + if marked_body { 50.0 } else { 0.0 },
            has_block_child: false,
            last: idx,
        });
        for child in &element.children {
            if let Node::Element(child) = child {
                if super::tree::is_block(&child.tag) {
                    out[idx].has_block_child = true;
                }
                visit(child, Some(idx), unlikely, use_classes, out);
            }
        }
        out[idx].last = out.len() - 1;
    }
    let mut out = Vec::new();
    visit(root, None, false, use_classes, &mut out);
    out
}

/// Finds the article's elements in `root`, rendered as `rendered`. A page whose own wrapper
/// carries a frame's class name ("has-sidebar" on the body) would have nothing left to
/// score, so then the class names are read again without ruling anything out.
pub(crate) fn find(root: &Element, rendered: &Rendered) -> Found {
    find_with(root, rendered, true)
        .or_else(|| find_with(root, rendered, false))
        .unwrap_or_else(|| Found {
            parts: vec![0],
            infos: flatten(root, true),
        })
}

fn find_with(root: &Element, rendered: &Rendered, use_classes: bool) -> Option<Found> {
    let infos = flatten(root, use_classes);
    let text = &rendered.text;
    let len = |idx: usize| rendered.ranges[idx].len();
    // Link text, added up into every element that holds the link.
    let mut link_len = vec![0usize; infos.len()];
    for (idx, info) in infos.iter().enumerate() {
        if info.tag == "a" {
            let mut at = info.parent;
            link_len[idx] += len(idx);
            while let Some(parent) = at {
                link_len[parent] += len(idx);
                at = infos[parent].parent;
            }
        }
    }
    let link_density = |idx: usize| {
        let total = len(idx);
        if total == 0 {
            0.0
        } else {
            link_len[idx] as f64 / total as f64
        }
    };
    let mut score: Vec<Option<f64>> = vec![None; infos.len()];
    let base = |info: &Info| -> f64 {
        let tag = match info.tag.as_str() {
            "div" | "article" | "main" | "section" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        tag + info.class_weight
    };
    for (idx, info) in infos.iter().enumerate() {
        if info.unlikely {
            continue;
        }
        let is_paragraph = match info.tag.as_str() {
            "p" | "pre" | "blockquote" | "td" => true,
            "div" | "section" => !info.has_block_child,
            _ => false,
        };
        if !is_paragraph {
            continue;
        }
        let range = &rendered.ranges[idx];
        let chars = text[range.clone()].chars().count();
        if chars < 25 {
            continue;
        }
        let commas = text[range.clone()]
            .chars()
            .filter(|c| matches!(c, ',' | '，' | '、'))
            .count();
        let content = 1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0);
        let mut at = info.parent;
        let mut level = 0;
        while let (Some(ancestor), true) = (at, level < 3) {
            if infos[ancestor].unlikely {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            let entry = score[ancestor].get_or_insert_with(|| base(&infos[ancestor]));
            *entry += content / divider;
            at = infos[ancestor].parent;
            level += 1;
        }
    }
    let final_score = |idx: usize| score[idx].map(|score| score * (1.0 - link_density(idx)));
    // A page that marks one element as the article's body (schema.org's `articleBody`)
    // names the article itself.
    let marked: Vec<usize> = (0..infos.len())
        .filter(|&idx| infos[idx].marked_body && !infos[idx].invisible && len(idx) >= 140)
        .collect();
    if let [body] = marked[..] {
        return Some(Found {
            parts: vec![body],
            infos,
        });
    }
    let top = (0..infos.len())
        .filter_map(|idx| final_score(idx).map(|score| (score, idx)))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, idx)| idx);
    let top = top?;
    let top_score = final_score(top).unwrap_or(0.0);
    // The siblings that belong to the article too: scored well enough, or paragraphs of
    // prose with few links.
    let threshold = (top_score * 0.2).max(10.0);
    let mut parts = Vec::new();
    match infos[top].parent {
        None => parts.push(top),
        Some(parent) => {
            for (idx, info) in infos.iter().enumerate() {
                if info.parent != Some(parent) || info.unlikely {
                    continue;
                }
                let keep = idx == top
                    || final_score(idx).is_some_and(|score| score >= threshold)
                    || (info.tag == "p" && {
                        let piece = &text[rendered.ranges[idx].clone()];
                        let chars = piece.chars().count();
                        (chars > 80 && link_density(idx) < 0.25)
                            || (chars > 0
                                && link_density(idx) == 0.0
                                && piece.trim_end().ends_with('.'))
                    });
                if keep && len(idx) > 0 {
                    parts.push(idx);
                }
            }
        }
    }
    Some(Found { parts, infos })
}

/// The pieces of page text the parts hold, in order, without what is frame inside them
/// (share buttons, related links, captions' credits: the unlikely elements inside a part).
pub(crate) fn pieces(found: &Found, rendered: &Rendered) -> Vec<Range<usize>> {
    let infos = &found.infos;
    let mut res = Vec::new();
    for &part in &found.parts {
        let range = rendered.ranges[part].clone();
        // The outermost junk elements inside the part, in order.
        let mut holes: Vec<Range<usize>> = Vec::new();
        let inside = part + 1..=infos[part].last;
        for (info, hole) in infos[inside.clone()].iter().zip(&rendered.ranges[inside]) {
            let in_hole = holes
                .last()
                .is_some_and(|last| last.start <= hole.start && hole.end <= last.end);
            if info.junk && !in_hole && !hole.is_empty() {
                holes.push(hole.clone());
            }
        }
        let mut at = range.start;
        for hole in holes {
            if hole.start > at {
                res.push(at..hole.start);
            }
            at = at.max(hole.end);
        }
        if at < range.end {
            res.push(at..range.end);
        }
    }
    // Each piece starts and ends with text, not with the blank lines around it.
    let text = &rendered.text;
    res.into_iter()
        .filter_map(|piece| {
            let slice = &text[piece.clone()];
            let start = piece.start + (slice.len() - slice.trim_start().len());
            let end = piece.start + slice.trim_end().len();
            (start < end).then_some(start..end)
        })
        .collect()
}

/// The span of page text the parts cover.
pub(crate) fn span(found: &Found, rendered: &Rendered) -> Range<usize> {
    let ranges = found.parts.iter().map(|&idx| rendered.ranges[idx].clone());
    let start = ranges.clone().map(|range| range.start).min().unwrap_or(0);
    let end = ranges.map(|range| range.end).max().unwrap_or(0);
    start..end
}
