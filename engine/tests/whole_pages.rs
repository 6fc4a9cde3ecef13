//! Comparing whole pages: the articles compared, the page around them (menus, teasers, the footer) set aside as an unnumbered frame, on a copied page like the ones people paste and on real pages of the benchmark.

use std::io::Read;

use redline_engine::formats::page::find_article;
use redline_engine::{
    Comparison, Options, SegmentKind, compare, compare_with_options, detect_notes,
};

/// The menu of the site, as a Select-All copy gives it: one item a line.
const MENU: &[&str] = &[
    "Skip to content",
    "Impakter",
    "Home",
    "Society",
    "Climate",
    "Economics",
    "Culture",
    "Politics",
    "Health",
    "Technology",
    "Sustainability",
    "Index",
    "About us",
    "Contact",
    "Subscribe",
    "Search",
];

const HEADLINE: &str = "Brazil’s Indigenous Communities Face a Second Wave of Illegal Mining";

/// The reworked article, as the site shows it after the correction.
const REWORKED: [&str; 4] = [
    "Illegal gold mining on Yanomami land in northern Brazil has grown again since January, according to satellite images reviewed by the Socio-Environmental Institute, which counted 1,200 hectares of newly cleared forest along the Uraricoera river.",
    "Community leaders say the miners have returned with heavier machinery and that river water near three villages is no longer safe to drink. Federal police said they had opened an inquiry but gave no date for an operation.",
    "Correction: This article was entirely reworked, refocused and shortened substantially after publication. An earlier version attributed figures on deforestation to the wrong institute and overstated the area cleared.",
    "Editor’s Note: The opinions expressed here by Impakter.com columnists are their own, not those of Impakter.com.",
];

/// The original article, before the correction.
const ORIGINAL: [&str; 4] = [
    "Illegal gold mining on Yanomami land in northern Brazil has exploded since January, according to satellite images reviewed by the Amazon Conservation Institute, which counted 4,500 hectares of newly cleared forest along the Uraricoera river.",
    "Community leaders say the miners have returned with heavier machinery and that river water near three villages is no longer safe to drink. Federal police said they had opened an inquiry but gave no date for an operation.",
    "The government has promised to send troops, but similar promises in 2021 and 2023 were not kept, and local health workers say malaria cases have doubled in two years.",
    "Editor’s Note: The opinions expressed here by Impakter.com columnists are their own, not those of Impakter.com.",
];

/// Teasers after the article, full of numbers and names the article never had.
const AFTER: &[&str] = &[
    "Tags: Brazil, Indigenous rights, Mining",
    "Share",
    "Facebook",
    "Twitter",
    "LinkedIn",
    "Related Posts",
    "Colombia Pledges 30 Percent of Its Land to Conservation by 2030",
    "March 3, 2024",
    "Peru’s Fishermen Count the Cost of the 2022 Oil Spill",
    "February 18, 2024",
    "Recent News",
    "Norway Opens 280,000 Square Kilometres to Deep-Sea Mining",
    "January 9, 2024",
    "© 2024 Impakter. All rights reserved.",
    "Privacy Policy",
    "Cookie Policy",
];

/// The reworked version as a whole copied page: menu, headline, byline, the article, teasers,
/// footer.
fn copied_page() -> String {
    let mut lines: Vec<String> = MENU.iter().map(|line| line.to_string()).collect();
    lines.push(String::new());
    lines.push(HEADLINE.to_owned());
    lines.push("By Maria Costa".to_owned());
    lines.push("April 2, 2024".to_owned());
    lines.push(String::new());
    for paragraph in REWORKED {
        lines.push(paragraph.to_owned());
        lines.push(String::new());
    }
    lines.extend(AFTER.iter().map(|line| line.to_string()));
    lines.join("\n") + "\n"
}

/// The original version as an article, headline first.
fn original_article() -> String {
    format!("{HEADLINE}\n\n{}\n", ORIGINAL.join("\n\n"))
}

/// The text of every numbered change, deleted and inserted.
fn numbered_change_texts(comparison: &Comparison) -> Vec<String> {
    comparison
        .blocks
        .iter()
        .flat_map(|block| {
            block
                .segments
                .iter()
                .filter(move |segment| {
                    segment.kind != SegmentKind::Equal
                        && (segment.change.is_some() || block.change.is_some())
                })
                .map(|segment| segment.text.clone())
        })
        .collect()
}

/// What the seed-like case must show, whichever form the page came in.
fn check_seed_like(original: &str, page: &str) {
    let comparison = compare(original, page);
    assert_eq!(comparison.original_text(), original);
    assert_eq!(comparison.reworked_text(), page);
    let [_, [start, end]] = comparison.articles.expect("the page is read as a page");
    let article = &page[start..end];
    assert!(article.starts_with(HEADLINE), "{article}");
    assert!(article.contains("Editor’s Note"), "{article}");

    // The headline is the article's, and it did not change.
    let [first, last] = comparison.headline;
    assert!(first < last);
    assert!(!comparison.stats.headline_changed);
    let headline_text: String = comparison.blocks[first]
        .segments
        .iter()
        .map(|segment| segment.text.as_str())
        .collect();
    assert!(headline_text.contains(HEADLINE), "{headline_text}");

    // No menu item, teaser or footer line is a numbered change, and no fact comes from them.
    let changes = numbered_change_texts(&comparison).join(" | ");
    for line in MENU.iter().chain(AFTER).filter(|line| line.len() > 8) {
        assert!(!changes.contains(line), "{line} is a change: {changes}");
    }
    for fact in &comparison.facts {
        for teaser in ["30", "2030", "2022", "280,000", "March", "February", "2024"] {
            assert!(fact.new != teaser, "{fact:?}");
        }
    }
    // The changes are the article's: the figures, the institute, the dropped paragraph and
    // the note, and the counts are the article's.
    assert!(
        changes.contains("4,500") && changes.contains("1,200"),
        "{changes}"
    );
    assert!(
        comparison.n_changes <= 8,
        "{} changes: {changes}",
        comparison.n_changes
    );
    // Added: the byline and the date under the headline, which the earlier article as pasted
    // lacks, and the correction note.
    assert!(
        comparison.stats.paragraphs_added <= 3,
        "{:?}",
        comparison.stats
    );
    let whole = compare_with_options(
        original,
        page,
        &Options {
            whole_pages: true,
            ..Options::default()
        },
    );
    let n_frame_words = whole.stats.reworked_words - comparison.stats.reworked_words;
    assert!(n_frame_words >= 60, "{:?}", comparison.stats);

    // The frame is there, unnumbered, before and after the article.
    let frame: String = comparison
        .blocks
        .iter()
        .filter(|block| block.frame)
        .flat_map(|block| &block.segments)
        .map(|segment| segment.text.as_str())
        .collect();
    assert!(frame.contains("Sustainability") && frame.contains("Related Posts"));
    assert!(
        comparison.blocks.iter().filter(|block| block.frame).all(
            |block| block.change.is_none() && block.segments.iter().all(|s| s.change.is_none())
        )
    );

    // The correction note is found, inside the article.
    let notes = detect_notes(page);
    let correction = notes
        .iter()
        .find(|note| note.text.starts_with("Correction:"))
        .expect("the correction note is found");
    assert!(start <= correction.range[0] && correction.range[1] <= end);

    // Comparing the whole pages shows the menu as changes again.
    assert!(whole.articles.is_none());
    assert!(
        numbered_change_texts(&whole)
            .join(" ")
            .contains("Sustainability")
    );
}

#[test]
fn a_copied_page_against_the_earlier_article() {
    check_seed_like(&original_article(), &copied_page());
}

/// The same page pasted from the browser as HTML: the page shows it as its text, one
/// paragraph a block.
#[cfg(feature = "parse-html")]
#[test]
fn a_copied_html_page_against_the_earlier_article() {
    use redline_engine::formats::page::{parse_html, read_html};

    let items: String = MENU
        .iter()
        .map(|item| format!("<li><a href=\"/{item}\">{item}</a></li>"))
        .collect();
    let paragraphs: String = REWORKED.iter().map(|p| format!("<p>{p}</p>")).collect();
    let teasers: String = AFTER
        .iter()
        .map(|line| format!("<div>{line}</div>"))
        .collect();
    let html = format!(
        "<!doctype html><html><head><title>{HEADLINE} - Impakter</title></head><body>\
         <header><nav><ul>{items}</ul></nav></header>\
         <main><article><h1>{HEADLINE}</h1><p class=\"byline\">By Maria Costa</p><time>April 2, 2024</time>\
         {paragraphs}</article></main><aside>{teasers}</aside></body></html>"
    );
    let page = read_html(&parse_html(&html)).text;
    check_seed_like(&original_article(), &page);
}

/// Both versions whole pages: a changed teaser is frame, not a change.
#[test]
fn two_copied_pages_compare_their_articles() {
    let reworked = copied_page();
    let original = reworked
        .replace(REWORKED[0], ORIGINAL[0])
        .replace("Norway Opens 280,000", "Norway Opens 150,000");
    let comparison = compare(&original, &reworked);
    assert!(comparison.articles.is_some());
    let changes = numbered_change_texts(&comparison).join(" | ");
    assert!(
        !changes.contains("150,000") && !changes.contains("280,000"),
        "{changes}"
    );
    assert!(changes.contains("4,500"), "{changes}");
    let frame_changed = comparison.blocks.iter().any(|block| {
        block.frame
            && block
                .segments
                .iter()
                .any(|segment| segment.kind != SegmentKind::Equal)
    });
    assert!(frame_changed, "the teaser's change is kept, as frame");
}

/// Plain articles are compared whole: every revision pair of the corpus, both sides.
#[test]
fn plain_articles_are_not_pages() {
    let pairs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/pairs.jsonl"
    ))
    .unwrap();
    let mut n_texts = 0;
    for line in pairs.lines() {
        let pair: serde_json::Value = serde_json::from_str(line).unwrap();
        for side in ["original", "reworked"] {
            let text = pair[side].as_str().unwrap();
            assert_eq!(find_article(text), None, "{} {side}", pair["id"]);
            n_texts += 1;
        }
    }
    assert!(n_texts >= 60);
    assert!(
        compare(&original_article(), &original_article())
            .articles
            .is_none()
    );
}

/// Real Select-All copies of the benchmark's pages (tests/fixtures/pages) are read as pages,
/// and their article holds most of the article a person marked.
#[test]
fn real_copied_pages_are_pages() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/pages/text");
    let mut n_pages = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&std::fs::read(&path).unwrap()[..])
            .read_to_string(&mut text)
            .unwrap();
        let article = find_article(&text)
            .unwrap_or_else(|| panic!("{} is read as an article", path.display()));
        assert!(article.len() * 10 < text.len() * 9, "{}", path.display());
        // Comparing the page with itself: nothing changed, the frame set aside.
        let comparison = compare(&text, &text);
        assert_eq!(comparison.n_changes, 0);
        assert!(comparison.blocks.iter().any(|block| block.frame));
        n_pages += 1;
    }
    assert_eq!(n_pages, 4);
}

/// The reports are the article's: the page around it is left out, and they say so.
#[test]
fn reports_leave_the_page_around_the_article_out() {
    use redline_engine::formats::export::{Made, html_report, markdown};
    use redline_engine::formats::share::Shared;

    let shared = Shared {
        original: original_article(),
        reworked: copied_page(),
        ..Shared::default()
    };
    let md = markdown(&shared.clone().into(), &Made::default());
    assert!(md.contains("4,500") && md.contains("1,200"), "{md}");
    assert!(
        !md.contains("Sustainability") && !md.contains("Cookie Policy"),
        "{md}"
    );
    assert!(md.contains("the page around them (menus, teasers, footer) is left out"));
    let html = html_report(&shared.clone().into(), &Made::default());
    assert!(html.contains("4,500") && !html.contains("Sustainability"));
    // The report's title is the article's headline, not the page's first menu item.
    assert!(
        html.contains(&format!("<title>Redline: {HEADLINE}")),
        "{}",
        &html[..400]
    );
}

/// The note a page carries is read from its article: a "Corrections" link in the page's
/// menu or footer is not a note.
#[test]
fn the_note_a_page_carries_is_the_articles() {
    let page = copied_page().replace("Subscribe\n", "Subscribe\nCorrections\n");
    let comparison = compare(&original_article(), &page);
    let note = redline_engine::carried_note(&page, &comparison).unwrap();
    assert!(
        note.starts_with("Correction: This article was entirely reworked"),
        "{note}"
    );
}

/// A real copied page (the New York Times opinion page of the benchmark fixtures) against the
/// article a person marked in it, headline first: the page's article starts at the same
/// headline, though a photo's caption and credit stand between it and the text.
#[test]
fn a_real_copied_page_keeps_its_headline_above_the_photo_credit() {
    const KEY: &str = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34";
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/pages");
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{fixtures}/ground-truth.json")).unwrap(),
    )
    .unwrap();
    let body = truth[KEY]["articleBody"].as_str().unwrap();
    let mut page = String::new();
    flate2::read::GzDecoder::new(
        &std::fs::read(format!("{fixtures}/text/{KEY}.txt.gz")).unwrap()[..],
    )
    .read_to_string(&mut page)
    .unwrap();
    let original = format!("Republicans Are Following Trump to Nowhere\n\n{body}");
    let comparison = compare(&original, &page);
    let [_, [start, _]] = comparison.articles.unwrap();
    assert!(page[start..].starts_with("Republicans Are Following Trump to Nowhere"));
    assert!(!comparison.stats.headline_changed);
}

/// The correction note and the editor's note belong to the article though a separator line
/// stands between them and the text.
#[test]
fn notes_after_a_separator_line_are_the_articles() {
    for separator in ["* * *", "———", "—", "___"] {
        let page = copied_page().replace(
            "\n\nCorrection: This article",
            &format!("\n\n{separator}\n\nCorrection: This article"),
        );
        let range = find_article(&page).unwrap();
        let article = &page[range];
        assert!(
            article.contains("Correction: This article") && article.contains("Editor’s Note"),
            "{separator}: {article}"
        );
    }
}

/// A text longer than `MAX_PAGE_BYTES` is compared whole: a copied page is far shorter.
#[test]
fn a_text_over_the_page_size_is_compared_whole() {
    let page = copied_page();
    assert!(find_article(&page).is_some());
    let long = page.repeat(redline_engine::formats::page::MAX_PAGE_BYTES / page.len() + 1);
    assert_eq!(find_article(&long), None);
}
