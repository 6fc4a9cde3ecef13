//! The page reader: the article found in a whole page pasted or saved, given as HTML or as the plain text of a Select-All copy, and the page around it set aside.
//!
//! People copy the whole page: the site's name and menus, the headline, the byline, the
//! article, the correction note, share buttons, teasers, the footer. The reader returns the
//! page's text, the byte range of the article in it, and the metadata it can tell. The page's
//! text before and after the article is the page's *frame*.
//!
//! HTML is read from a light [`tree`] (which the browser builds with `DOMParser` and the
//! command line with html5ever, the `parse-html` feature), by scoring its elements
//! ([`html`]); plain text by scoring its lines.

pub mod tree;

mod html;
mod meta;
mod text;

#[cfg(feature = "parse-html")]
mod parse;

use std::ops::Range;

pub use tree::{Element, Node};

#[cfg(feature = "parse-html")]
pub use parse::parse_html;

/// A page as the reader read it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The page's text: what a reader sees, each block a paragraph (for HTML), or the text as
    /// it was given.
    pub text: String,
    /// The byte range of the article in [`Page::text`]: from its first piece to its last.
    pub article: Range<usize>,
    /// The article's pieces, in order, inside [`Page::article`]: what lies between them (a
    /// share bar, a teaser in the middle of the article) is frame too.
    pub pieces: Vec<Range<usize>>,
    /// What the page says about itself, where the reader can tell.
    pub meta: Meta,
}

/// What a page says about the article, where the reader can tell.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Meta {
    /// The article's headline: Open Graph's title or the page's `<h1>` in HTML; in plain
    /// text, the title-like line nearest above the article.
    pub headline: Option<String>,
    /// Who wrote it (`<meta name="author">`, a `rel="author"` link, a "By NAME" line).
    pub byline: Option<String>,
    /// When it was published, as the page writes it (`article:published_time`, the first
    /// `<time datetime>`).
    pub published: Option<String>,
    /// When it was last updated, as the page writes it (`article:modified_time`).
    pub modified: Option<String>,
    /// The article's own address: `<link rel="canonical">`, `og:url`, or the address an
    /// archived copy was taken of.
    pub url: Option<String>,
    /// When an archived copy was captured (`YYYY-MM-DDTHH:MM:SSZ`), from a Wayback Machine
    /// address (`web.archive.org/web/TIMESTAMP/URL`).
    pub captured: Option<String>,
}

impl Page {
    /// Bytes of page text before the article: the site's name, menus, the headline, the byline.
    pub fn frame_before(&self) -> usize {
        self.article.start
    }

    /// Bytes of page text after the article: share buttons, teasers, comments, the footer.
    pub fn frame_after(&self) -> usize {
        self.text.len() - self.article.end
    }

    /// The article's text: its pieces, a blank line apart.
    pub fn article_text(&self) -> String {
        let pieces: Vec<&str> = self
            .pieces
            .iter()
            .map(|piece| &self.text[piece.clone()])
            .collect();
        pieces.join("\n\n")
    }
}

/// Reads a page given as an HTML tree.
pub fn read_html(root: &Element) -> Page {
    let rendered = tree::render(root);
    let found = html::find(root, &rendered);
    let pieces = html::pieces(&found, &rendered);
    let article = match (pieces.first(), pieces.last()) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => html::span(&found, &rendered),
    };
    let mut meta = meta::from_html(root);
    if meta.headline.is_none() {
        meta.headline = meta::headline_above(&rendered.text, article.start);
    }
    meta::add_archive(&mut meta, &rendered.text);
    Page {
        text: rendered.text,
        article,
        pieces,
        meta,
    }
}

/// Reads a page as HTML when `html` says so (`None`: when it [looks like
/// HTML](looks_like_html)) and as plain text otherwise, and says whether it was read as HTML.
#[cfg(feature = "parse-html")]
pub fn read_any(text: &str, html: Option<bool>) -> (Page, bool) {
    let is_html = html.unwrap_or_else(|| looks_like_html(text));
    let page = if is_html {
        read_html(&parse_html(text))
    } else {
        read_text(text)
    };
    (page, is_html)
}

impl Page {
    /// What `redline extract --json` prints and the Python package's `extract` returns:
    /// `{article, range, pieces, frame_before_bytes, frame_after_bytes, form, page_text,
    /// headline, byline, published, modified, url, captured}`, byte ranges into the page's
    /// text (`page_text` for HTML, `null` for a text page, which is its own text).
    pub fn to_json(&self, is_html: bool) -> serde_json::Value {
        let range = |range: &Range<usize>| [range.start, range.end];
        serde_json::json!({
            "article": self.article_text(),
            "range": range(&self.article),
            "pieces": self.pieces.iter().map(range).collect::<Vec<_>>(),
            "frame_before_bytes": self.frame_before(),
            "frame_after_bytes": self.frame_after(),
            "form": if is_html { "html" } else { "text" },
            "page_text": if is_html { Some(&self.text) } else { None },
            "headline": self.meta.headline,
            "byline": self.meta.byline,
            "published": self.meta.published,
            "modified": self.meta.modified,
            "url": self.meta.url,
            "captured": self.meta.captured,
        })
    }
}

/// Reads a page given as plain text, such as a Select-All copy of it.
pub fn read_text(text: &str) -> Page {
    let article = text::find(text);
    let mut meta = Meta {
        headline: meta::headline_above(text, article.start),
        byline: meta::byline_above(text, article.start),
        ..Meta::default()
    };
    meta::add_archive(&mut meta, text);
    Page {
        text: text.to_owned(),
        pieces: vec![article.clone()],
        article,
        meta,
    }
}

/// Texts longer than this are compared whole by [`find_article`]: a copied news page is
/// far shorter (the longest Select-All copy of the pages benchmark is 26 KB), the page's menus
/// and footer would be a sliver of such a text, and reading its lines would add some 6 ms to
/// each side of a 100,000-word comparison.
pub const MAX_PAGE_BYTES: usize = 200_000;

/// The article of a text that is a whole page given as plain text, as the byte range the
/// comparison reads: from the article's headline (when the reader found one just above it)
/// to its last line. `None` when the text is an article already: a plain article is
/// compared whole, headline and byline included.
///
/// ```
/// use redline_engine::formats::page::find_article;
///
/// let article = "Council approves the new budget\n\nThe council voted on Monday to approve a budget of four million pounds, after a debate that lasted most of the evening and ended close to midnight.\n\nThe mayor said the vote was a turning point for the town, and that the money would go to schools, roads and the library.\n";
/// assert_eq!(find_article(article), None);
///
/// let menu = "Home\nNews\nSport\nWeather\nCulture\nTravel\nBusiness\nOpinion\nPodcasts\nNewsletters\nSign in\nSubscribe\nSearch\nMenu\nContact us\nAbout us\nCareers\nAdvertise\n\n";
/// let page = format!("{menu}{article}\nRelated\nMore from the council\nPrivacy policy\nCookie settings\n");
/// let range = find_article(&page).unwrap();
/// assert!(page[range].starts_with("Council approves the new budget"));
/// ```
pub fn find_article(text: &str) -> Option<Range<usize>> {
    if text.len() > MAX_PAGE_BYTES {
        return None;
    }
    // Only the range is needed: the metadata `read_text` gathers besides would only add to
    // the page's download.
    let found = text::find(text);
    let start =
        meta::headline_line_above(text, found.start).map_or(found.start, |headline| headline.start);
    let article = start..found.end;
    looks_like_frame(text, &article).then_some(article)
}

/// `article` moved up to start at `headline`'s line, when a line of the text above the article
/// is exactly that headline (the nearest such line): the other version's headline, which
/// the reader of one page alone can miss, for a caption or a photo credit looks much like a
/// headline. A headline of fewer than three words is not looked for.
///
/// ```
/// use redline_engine::formats::page::with_headline;
///
/// let page = "Menu\nCouncil approves the budget\nPhoto: Ann Lee\nThe council voted on Monday.";
/// let article = page.find("The council").unwrap()..page.len();
/// let moved = with_headline(page, article, "Council approves the budget");
/// assert!(page[moved].starts_with("Council approves the budget\nPhoto"));
/// ```
pub fn with_headline(text: &str, article: Range<usize>, headline: &str) -> Range<usize> {
    let headline = headline.trim();
    if headline.split_whitespace().count() < 3 {
        return article;
    }
    let above = &text[..article.start];
    let found = above
        .lines()
        .rfind(|line| line.trim() == headline)
        .map(|line| line.as_ptr() as usize - text.as_ptr() as usize);
    match found {
        Some(start) => start..article.end,
        None => article,
    }
}

/// Whether the text around `article` is a page's furniture rather than more of an article:
/// before it, after it, or in all, at least eight lines, and most of them, are short and do
/// not end a sentence (menu items, dates, teaser titles, footer links), and the article has
/// 50 words or more. A comment thread after the article is prose, so the menu above must
/// tell on its own. Plain articles whose lines the reader misjudged (prose wrapped at 80
/// columns, a Markdown file, wiki markup) fail it: their "frame" is prose, or their article a
/// few words.
pub(crate) fn looks_like_frame(text: &str, article: &Range<usize>) -> bool {
    let short_lines = |frame: &str| -> (usize, usize) {
        let lines = frame.lines().map(str::trim).filter(|line| !line.is_empty());
        lines.fold((0, 0), |(n_lines, n_short), line| {
            let is_short = line.split_whitespace().count() <= 5 && !line.ends_with(['.', '!', '?']);
            (n_lines + 1, n_short + usize::from(is_short))
        })
    };
    let is_furniture =
        |(n_lines, n_short): (usize, usize)| n_short >= 8 && n_short * 5 >= n_lines * 3;
    let before = short_lines(&text[..article.start]);
    let after = short_lines(&text[article.end..]);
    let n_article_words = text[article.clone()].split_whitespace().count();
    text.len() - article.len() >= 200
        && n_article_words >= 50
        && (is_furniture(before)
            || is_furniture(after)
            || is_furniture((before.0 + after.0, before.1 + after.1)))
}

/// Whether `text` is HTML source rather than plain text: it starts with a tag and has the
/// tags of a document or of paragraphs.
///
/// ```
/// use redline_engine::formats::page::looks_like_html;
///
/// assert!(looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>"));
/// assert!(looks_like_html("\u{feff}  <p>One</p><p>Two</p>"));
/// assert!(!looks_like_html("The council met. <b> is a tag, a sentence says."));
/// ```
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<p>",
        "<p ",
        "<div",
        "<article",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}
