//! End-to-end tests of whole pages: a page pasted from the browser as HTML, and a real saved page dropped as an .html file, are compared as their articles, with the page around them folded, and "Show whole pages" compares everything.

use redline_e2e::{Harness, Page};

/// The menu of a news site, as links.
const MENU: &[&str] = &[
    "Society",
    "Climate",
    "Economics",
    "Culture",
    "Politics",
    "Sustainability",
    "Technology",
    "Subscribe",
];

const HEADLINE: &str = "Brazil’s Indigenous Communities Face a Second Wave of Illegal Mining";

const ORIGINAL: &str = "Brazil’s Indigenous Communities Face a Second Wave of Illegal Mining\n\n\
    Illegal gold mining on Yanomami land in northern Brazil has exploded since January, according to satellite images reviewed by the Amazon Conservation Institute, which counted 4,500 hectares of newly cleared forest along the Uraricoera river.\n\n\
    Community leaders say the miners have returned with heavier machinery and that river water near three villages is no longer safe to drink.\n";

const REWORKED: [&str; 3] = [
    "Illegal gold mining on Yanomami land in northern Brazil has grown again since January, according to satellite images reviewed by the Socio-Environmental Institute, which counted 1,200 hectares of newly cleared forest along the Uraricoera river.",
    "Community leaders say the miners have returned with heavier machinery and that river water near three villages is no longer safe to drink.",
    "Correction: This article was entirely reworked, refocused and shortened substantially after publication. An earlier version overstated the area cleared.",
];

/// The reworked version as the clipboard's HTML of a whole page: menus, the article, teasers
/// and a footer.
fn copied_html() -> String {
    let items: String = MENU
        .iter()
        .map(|item| format!("<li><a href=\"/{item}\">{item}</a></li>"))
        .collect();
    let paragraphs: String = REWORKED.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<header><a href=\"/\">Impakter</a><nav><ul>{items}</ul></nav></header>\
         <main><article><h1>{HEADLINE}</h1><p>By Maria Costa</p>{paragraphs}</article></main>\
         <aside><h2>Related Posts</h2><div><a href=\"/a\">Colombia Pledges 30 Percent of Its Land to Conservation</a></div><div>March 3, 2024</div>\
         <div><a href=\"/b\">Norway Opens 280,000 Square Kilometres to Deep-Sea Mining</a></div><div>January 9, 2024</div></aside>\
         <footer><div>© 2024 Impakter</div><div>Privacy Policy</div><div>Cookie Policy</div><div>Terms of use</div></footer>"
    )
}

/// The texts of the numbered changes in the diff.
async fn numbered_changes(page: &Page) -> String {
    page.run(
        "return [...document.querySelectorAll(\"[data-testid='diff-output'] [data-change]\")]
             .map((element) => element.textContent).join(' | ');",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_html_page_is_compared_as_its_article() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.replace_text("diff-input-original", ORIGINAL).await;
    page.run_async(
        "const [html, done] = arguments;
         const area = document.querySelector(\"[data-testid='diff-input-reworked']\");
         area.focus();
         const data = new DataTransfer();
         data.setData('text/html', html);
         data.setData('text/plain', 'the plain flavour is not used');
         area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
         done();",
        vec![copied_html().into()],
    )
    .await;
    page.wait_for_text("diff-pages", "Comparing the articles")
        .await;

    // The box keeps the whole page, as pasted.
    let pasted = page.value("diff-input-reworked").await;
    assert!(pasted.contains("Sustainability") && pasted.contains("Cookie Policy"));
    // The page around the article is folded, above and below.
    page.wait_for("the folded frame", || async {
        page.texts("[data-testid='diff-frame']")
            .await
            .is_ok_and(|frames| frames.len() == 2)
    })
    .await;
    // The article's changes are numbered; the menu and the teasers are not.
    let changes = numbered_changes(&page).await;
    assert!(
        changes.contains("4,500") && changes.contains("1,200"),
        "{changes}"
    );
    for line in MENU
        .iter()
        .chain(&["Related Posts", "280,000", "Privacy Policy"])
    {
        assert!(!changes.contains(line), "{line} is a change: {changes}");
    }
    // The headline is the article's, kept: no "Headline changed" callout naming the site.
    assert_eq!(
        page.texts("[data-testid='diff-headline']")
            .await
            .unwrap()
            .len(),
        0
    );
    // The frame opens on request, its differences unnumbered.
    page.run("document.querySelector(\"[data-testid='diff-frame'] button\").click();")
        .await;
    page.wait_for("the opened frame", || async {
        page.texts("[data-testid='diff-frame'] ins")
            .await
            .is_ok_and(|inserted| inserted.iter().any(|text| text.contains("Sustainability")))
    })
    .await;
    assert_eq!(
        page.run(
            "return document.querySelectorAll(\"[data-testid='diff-frame'] [data-change]\").length;"
        )
        .await,
        serde_json::json!(0)
    );

    // Show whole pages: the menu is a change again; and back.
    page.click("diff-whole-pages").await;
    page.wait_for_text("diff-pages", "Comparing the whole texts")
        .await;
    page.wait_for("the menu as a change", || async {
        numbered_changes(&page).await.contains("Sustainability")
    })
    .await;
    assert_eq!(
        page.texts("[data-testid='diff-frame']")
            .await
            .unwrap()
            .len(),
        0
    );
    page.click("diff-articles-only").await;
    page.wait_for_text("diff-pages", "Comparing the articles")
        .await;
    page.wait_for("the menu set aside again", || async {
        !numbered_changes(&page).await.contains("Sustainability")
    })
    .await;
    assert!(page.serious_accessibility_violations().await.is_empty());
    harness.stop(page).await;
}

/// A real page of the article-extraction benchmark (tests/fixtures/pages, MIT), saved as HTML
/// and dropped on the reworked box, against the article a person marked in it.
#[tokio::test(flavor = "multi_thread")]
async fn a_dropped_html_page_is_compared_as_its_article() {
    const KEY: &str = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34";
    let truth: serde_json::Value =
        serde_json::from_str(include_str!("../../fixtures/pages/ground-truth.json")).unwrap();
    let body = truth[KEY]["articleBody"].as_str().unwrap();
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.compare_with_saved_page(&format!(
        "Republicans Are Following Trump to Nowhere\n\n{body}"
    ))
    .await;
    page.wait_for_text("diff-pages", "Comparing the articles")
        .await;
    let counter = |text: String| -> usize {
        text.split_whitespace()
            .rev()
            .find_map(|word| word.parse().ok())
            .unwrap_or(0)
    };
    let n_article = counter(page.element("diff-counter").await.text().await.unwrap());
    let changes = numbered_changes(&page).await;
    for menu in ["SKIP TO CONTENT", "Site Index", "Go to Home Page"] {
        assert!(!changes.contains(menu), "{menu} is a change: {changes}");
    }

    page.click("diff-whole-pages").await;
    page.wait_for_text("diff-pages", "Comparing the whole texts")
        .await;
    page.wait_for("more changes with the whole page", || async {
        let text = page.element("diff-counter").await.text().await.unwrap();
        counter(text) > n_article
    })
    .await;
    harness.stop(page).await;
}
