//! What a page says about its article: the headline, the byline, the dates and its address, from HTML metadata, the lines above the article, or an archive's address.

use super::Meta;
use super::tree::{Element, Node};

/// The metadata of an HTML page: Open Graph and article meta tags, the canonical link, the
/// first `<h1>` and `<time datetime>`.
pub(crate) fn from_html(root: &Element) -> Meta {
    let mut meta = Meta::default();
    let mut h1 = None;
    let mut title = None;
    let mut first_time = None;
    visit(root, &mut |element| match element.tag.as_str() {
        "meta" => {
            let key = element.attr("property").or_else(|| element.attr("name"));
            let content = element
                .attr("content")
                .map(str::trim)
                .filter(|content| !content.is_empty());
            let (Some(key), Some(content)) = (key, content) else {
                return;
            };
            let slot = match key.to_ascii_lowercase().as_str() {
                "og:title" | "twitter:title" => &mut meta.headline,
                "author" | "article:author" => &mut meta.byline,
                "article:published_time" | "datepublished" | "pubdate" => &mut meta.published,
                "article:modified_time" | "datemodified" | "og:updated_time" => &mut meta.modified,
                "og:url" => &mut meta.url,
                _ => return,
            };
            slot.get_or_insert_with(|| content.to_owned());
        }
        "link"
            if element
                .attr("rel")
                .is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) =>
        {
            if let Some(href) = element.attr("href") {
                // The canonical link names the article better than og:url, which some sites
                // point at their home page.
                meta.url = Some(href.trim().to_owned());
            }
        }
        "h1" if h1.is_none() => h1 = Some(text_of(element)).filter(|text| !text.is_empty()),
        "title" if title.is_none() => {
            title = Some(text_of(element)).filter(|text| !text.is_empty())
        }
        "time" if first_time.is_none() => first_time = element.attr("datetime").map(str::to_owned),
        _ => {}
    });
    meta.headline = meta.headline.or(h1).or(title);
    meta.published = meta.published.or(first_time);
    meta
}

fn visit(element: &Element, f: &mut impl FnMut(&Element)) {
    f(element);
    for child in &element.children {
        if let Node::Element(child) = child {
            visit(child, f);
        }
    }
}

/// An element's text, whitespace collapsed.
fn text_of(element: &Element) -> String {
    fn collect(element: &Element, out: &mut String) {
        for child in &element.children {
            match child {
                Node::Text(text) => {
                    out.push(' ');
                    out.push_str(text);
                }
                Node::Element(child) => collect(child, out),
            }
        }
    }
    let mut out = String::new();
    collect(element, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a line reads as a byline or a date rather than a headline.
fn is_byline_or_date(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.starts_with("by ")
        || lower.starts_with("posted ")
        || lower.starts_with("published ")
        || lower.starts_with("updated ")
        || line.chars().filter(char::is_ascii_digit).count() * 3 >= line.chars().count()
}

/// Whether a sentence ends inside `line` and another starts (`…get it.Credit`, `…said. The`),
/// which a headline never does; initials (`U.S. Senate`) do not count.
fn has_sentence_end_inside(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars.windows(4).any(|window| {
        let [before_before, before, stop, after] = [window[0], window[1], window[2], window[3]];
        before_before.is_lowercase()
            && before.is_lowercase()
            && matches!(stop, '.' | '!' | '?')
            && after.is_uppercase()
    }) || chars.windows(5).any(|window| {
        window[0].is_lowercase()
            && window[1].is_lowercase()
            && matches!(window[2], '.' | '!' | '?')
            && window[3] == ' '
            && window[4].is_uppercase()
    })
}

/// The eight lines with text nearest above `start`, nearest first, trimmed: where a copy puts
/// the headline and the byline.
fn lines_above(text: &str, start: usize) -> impl Iterator<Item = &str> {
    text[..start]
        .lines()
        .rev()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(8)
}

/// The title-like line nearest above `start`: 3 to 25 words, not ending in a full stop, not a
/// byline or a date, looking at most eight lines up.
pub(crate) fn headline_above(text: &str, start: usize) -> Option<String> {
    headline_line_above(text, start).map(|range| text[range].to_owned())
}

/// The byte range of [`headline_above`]'s line in `text`, trimmed.
pub(crate) fn headline_line_above(text: &str, start: usize) -> Option<std::ops::Range<usize>> {
    let lines: Vec<&str> = lines_above(text, start).collect();
    // A photo's caption and credit sit between the headline and the article as often as not:
    // a caption holds a sentence end inside it, a credit starts with "Credit" or "Photo" or
    // follows such a line.
    let is_credit = |line: &str| {
        let lower = line.to_lowercase();
        ["credit", "photo", "image", "picture", "illustration"]
            .iter()
            .any(|word| lower.starts_with(word))
    };
    let idx = (0..lines.len()).find(|&idx| {
        let line = lines[idx];
        let words = line.split_whitespace().count();
        (3..=25).contains(&words)
            && !line.ends_with('.')
            && !is_byline_or_date(line)
            && !has_sentence_end_inside(line)
            && !is_credit(line)
            && !lines.get(idx + 1).is_some_and(|above| is_credit(above))
    })?;
    let line = lines[idx];
    // The lines are slices of `text`, so their offset is where they start in it.
    let at = line.as_ptr() as usize - text.as_ptr() as usize;
    Some(at..at + line.len())
}

/// A "By NAME" line within the eight lines above `start`.
pub(crate) fn byline_above(text: &str, start: usize) -> Option<String> {
    lines_above(text, start).find_map(|line| {
        let rest = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("by "))?;
        (rest.split_whitespace().count() <= 8).then(|| rest.trim().to_owned())
    })
}

/// The address and capture time of an archived copy, from a Wayback Machine address in the
/// page (`web.archive.org/web/20191120083000/https://…`): the archived address becomes the
/// article's when the page named none of its own.
pub(crate) fn add_archive(meta: &mut Meta, text: &str) {
    let probe = |haystack: &str| -> Option<(String, String)> {
        let at = haystack.find("web.archive.org/web/")?;
        let rest = &haystack[at + "web.archive.org/web/".len()..];
        let stamp: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if stamp.len() < 14 {
            return None;
        }
        let after =
            rest[stamp.len()..].trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '_');
        let url: String = after
            .strip_prefix('/')?
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '<' | '>'))
            .collect();
        let s = &stamp;
        let captured = format!(
            "{}-{}-{}T{}:{}:{}Z",
            &s[0..4],
            &s[4..6],
            &s[6..8],
            &s[8..10],
            &s[10..12],
            &s[12..14]
        );
        Some((captured, url))
    };
    let found = meta.url.as_deref().and_then(probe).or_else(|| {
        let mut end = text.len().min(4096);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        probe(&text[..end])
    });
    if let Some((captured, url)) = found {
        meta.captured = Some(captured);
        if meta
            .url
            .as_deref()
            .is_none_or(|own| own.contains("web.archive.org/web/"))
            && !url.is_empty()
        {
            meta.url = Some(url);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_address_gives_the_capture_time_and_the_article_address() {
        let mut meta = Meta::default();
        add_archive(
            &mut meta,
            "The Wayback Machine - https://web.archive.org/web/20191120083000/https://news.example/bridge\nNews\n",
        );
        assert_eq!(meta.captured.as_deref(), Some("2019-11-20T08:30:00Z"));
        assert_eq!(meta.url.as_deref(), Some("https://news.example/bridge"));
    }

    #[test]
    fn the_headline_is_the_title_line_above_the_byline() {
        let text = "The Quillhaven Post\nNews\nSport\nCouncil approves bridge repair\nBy Ann Lee\nNov. 19, 2019 8:03 am ET\nThe article.";
        let start = text.find("The article.").unwrap();
        assert_eq!(
            headline_above(text, start).as_deref(),
            Some("Council approves bridge repair")
        );
        assert_eq!(byline_above(text, start).as_deref(), Some("Ann Lee"));
    }
}
