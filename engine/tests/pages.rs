//! The page reader on real pages (tests/fixtures/pages: four pages of the article-extraction benchmark, HTML and a Select-All copy) and on pages made for the cases it must get right.
#![cfg(feature = "parse-html")]

#[path = "common/shingles.rs"]
mod shingles;

use std::io::Read;

use redline_engine::formats::page::{Page, parse_html, read_html, read_text};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/pages");

fn gunzip(path: String) -> String {
    let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Every fixture page, in both forms, gives the marked article with precision and recall of at
/// least `0.9` by the benchmark's metric: a menu, a comment thread (profootballtalk), a list of
/// deals with excerpts (mspoweruser) and a page that marks its body with `itemprop`
/// (jpost) included.
#[test]
fn the_fixture_pages_give_the_marked_article() {
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIXTURES}/ground-truth.json")).unwrap(),
    )
    .unwrap();
    let truth = truth.as_object().unwrap();
    assert_eq!(truth.len(), 4);
    for (key, page) in truth {
        let body = page["articleBody"].as_str().unwrap();
        let check = |form: &str, found: &Page| {
            let (precision, recall) = shingles::page_score(body, &found.article_text());
            let (precision, recall) = (precision.unwrap(), recall.unwrap());
            assert!(
                precision >= 0.9 && recall >= 0.9,
                "{form} of {}: precision {precision:.2}, recall {recall:.2}",
                page["url"]
            );
        };
        let html = gunzip(format!("{FIXTURES}/html/{key}.html.gz"));
        let found = read_html(&parse_html(&html));
        check("HTML", &found);
        // The article is a range of the page's text, with frame on both sides.
        assert!(
            found.article.start > 0 && found.article.end < found.text.len(),
            "{}",
            page["url"]
        );

        let text = gunzip(format!("{FIXTURES}/text/{key}.txt.gz"));
        let found = read_text(&text);
        check("text", &found);
        assert_eq!(found.text, text, "the page's text is what was given");
    }
}

const ARTICLE: [&str; 3] = [
    "The Quillhaven town council voted on Tuesday to spend $2.4 million repairing the Weir Street bridge, which has been closed to lorries since March.",
    "The bridge carries around 6,000 vehicles a day, according to the council's own traffic survey, and the detour adds twenty minutes to a crossing.",
    "Correction: An earlier version of this article misstated the cost of the repairs as $4.2 million. It is $2.4 million.",
];

#[test]
fn an_html_page_sets_menus_teasers_and_footer_aside() {
    let html = format!(
        r#"<!doctype html><html><head><title>Bridge | The Quillhaven Post</title></head><body class="has-sidebar">
        <header><a href="/">The Quillhaven Post</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
        <main><article><h1>Council approves bridge repair</h1><p class="byline">By Ann Lee</p>
        <div class="share"><a href="/s">Share on Facebook</a> <a href="/t">Share on Twitter</a></div>
        <p>{}</p><p>{}</p><p><em>{}</em></p>
        <div class="related"><h2>Related posts</h2><p><a href="/a">Harbour plan, explained in full, with all the figures the council published this week</a></p></div>
        </article></main>
        <aside><h2>Most read</h2><p><a href="/b">A very long teaser about something else entirely that readers clicked on this week</a></p></aside>
        <footer><p>© 2026 The Quillhaven Post. All rights reserved. Privacy policy, terms of use, cookie settings.</p></footer>
        </body></html>"#,
        ARTICLE[0], ARTICLE[1], ARTICLE[2]
    );
    let page = read_html(&parse_html(&html));
    assert_eq!(page.article_text(), ARTICLE.join("\n\n"));
    let before = &page.text[..page.article.start];
    assert!(
        before.contains("Sport") && before.contains("Council approves bridge repair"),
        "{before}"
    );
    assert!(page.text[page.article.end..].contains("All rights reserved"));
}

#[test]
fn a_plain_article_is_left_whole() {
    let text = ARTICLE.join("\n\n");
    let page = read_text(&text);
    assert_eq!(page.article_text(), text);
    let html = format!(
        "<p>{}</p><p>{}</p><p>{}</p>",
        ARTICLE[0], ARTICLE[1], ARTICLE[2]
    );
    let page = read_html(&parse_html(&html));
    assert_eq!(page.article_text(), ARTICLE.join("\n\n"));
}

/// The toolbar the Wayback Machine puts above an archived copy, as a Select-All copy gives it,
/// is frame.
#[test]
fn an_archived_copys_toolbar_is_frame() {
    let text = format!(
        "The Wayback Machine - https://web.archive.org/web/20191120083000/https://quillhavenpost.example/bridge\n\
         114 captures\n12 Mar 2019 - 20 Nov 2019\nOCT\nNOV\nDEC\n20\n2018\n2019\n2020\nAbout this capture\n\
         The Quillhaven Post\nNews\nSport\nCouncil approves bridge repair\nBy Ann Lee\n{}\n{}\n{}\nShare this:\nFacebook\nTwitter\n",
        ARTICLE[0], ARTICLE[1], ARTICLE[2]
    );
    let page = read_text(&text);
    assert_eq!(page.article_text(), ARTICLE.join("\n"));
}

mod properties {
    use proptest::prelude::*;
    use redline_engine::formats::page::{parse_html, read_html, read_text};

    /// Checks what every page must give: ranges inside the text, on character boundaries,
    /// pieces in order inside the article.
    fn check(page: &redline_engine::formats::page::Page) {
        let text = &page.text;
        assert!(page.article.start <= page.article.end && page.article.end <= text.len());
        assert!(
            text.is_char_boundary(page.article.start) && text.is_char_boundary(page.article.end)
        );
        let mut at = page.article.start;
        for piece in &page.pieces {
            assert!(at <= piece.start && piece.start <= piece.end && piece.end <= page.article.end);
            assert!(text.is_char_boundary(piece.start) && text.is_char_boundary(piece.end));
            at = piece.end;
        }
    }

    proptest! {
        #[test]
        fn any_text_reads_without_panic(text in "(\\PC{0,40}\n{0,2}){0,40}") {
            check(&read_text(&text));
        }

        #[test]
        fn any_markup_reads_without_panic(
            parts in proptest::collection::vec(prop_oneof![
                Just("<p>".to_owned()), Just("</p>".to_owned()), Just("<div class=\"share\">".to_owned()),
                Just("</div>".to_owned()), Just("<nav>".to_owned()), Just("<article>".to_owned()),
                Just("<a href=x>".to_owned()), Just("</a>".to_owned()), Just("<br>".to_owned()),
                Just("<h1>".to_owned()), Just("<script>".to_owned()), Just("</script>".to_owned()),
                "\\PC{0,30}",
            ], 0..60)
        ) {
            check(&read_html(&parse_html(&parts.concat())));
        }
    }
}
