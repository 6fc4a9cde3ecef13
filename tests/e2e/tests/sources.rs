//! End-to-end tests of a comparison's title and sources: typed by the sender, carried by the link, shown first to the reader of the link (the texts folded), and written into every download.

use redline_e2e::{Harness, Page};

const ORIGINAL: &str = "Harbour plan approved\n\nThe council approved 60,000 homes on Monday.";
const REWORKED: &str = "Harbour plan cut\n\nThe council approved 25,000 homes on Monday.\n\nCorrection: the number of homes was misstated.";
const ADDRESS: &str = "https://news.example/2026/11/harbour-plan";
const ARCHIVED: &str =
    "https://web.archive.org/web/20261127093000/https://news.example/2026/11/harbour-plan";

/// Puts `text` in the source field with this `data-testid` and leaves it, as a reader does.
async fn fill(page: &Page, test_id: &str, text: &str) {
    page.type_into(test_id, text).await;
    page.press("\t").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sources_travel_in_the_link_and_the_reader_of_the_link_sees_them_first() {
    let harness = Harness::start().await;
    let sender = harness.open_app().await;
    sender.set_value("diff-input-original", ORIGINAL).await;
    sender.set_value("diff-input-reworked", REWORKED).await;
    sender.click("diff-sources-toggle").await;
    fill(&sender, "diff-title", "Harbour homes: the correction").await;
    fill(&sender, "diff-source-original-url", ADDRESS).await;
    fill(&sender, "diff-source-original-archived", ARCHIVED).await;
    fill(&sender, "diff-source-original-captured", "2026-11-27 09:30").await;
    fill(&sender, "diff-source-reworked-url", ADDRESS).await;
    fill(&sender, "diff-source-reworked-captured", "2026-11-28 14:05").await;
    sender
        .wait_for_text("diff-comparison-title", "Harbour homes: the correction")
        .await;
    sender
        .wait_for_texts(
            "[data-testid='diff-comparison-source']",
            &[
                &format!(
                    "Original: {ADDRESS}, archived copy {ARCHIVED}, captured 2026-11-27 09:30"
                ),
                &format!("Reworked: {ADDRESS}, captured 2026-11-28 14:05"),
            ],
        )
        .await;
    sender.wait_for_saved_drafts().await;
    let link = sender.copy_link().await;
    assert!(link.contains("#v5."), "{link}");
    let fingerprint = sender
        .texts("[data-testid='diff-fingerprint']")
        .await
        .unwrap();
    sender.close().await;

    // A fresh browser opens the link: the title and sources, the diff and the note check, with
    // the boxes folded under "Edit these texts".
    let receiver = harness.open_at(&link[link.find('#').unwrap()..]).await;
    receiver
        .wait_for_text("diff-comparison-title", "Harbour homes: the correction")
        .await;
    receiver
        .wait_for_texts("[data-testid='diff-output'] del", &["approved", "60,000"])
        .await;
    receiver
        .wait_for_texts(
            "[data-testid='diff-fingerprint']",
            &[fingerprint[0].as_str()],
        )
        .await;
    receiver
        .wait_for_text("diff-edit-texts", "Edit these texts")
        .await;
    let boxes_shown = receiver
        .element("diff-input-original")
        .await
        .is_displayed()
        .await
        .unwrap();
    assert!(
        !boxes_shown,
        "the boxes are folded for the reader of a link"
    );
    let source_links = receiver
        .run("return [...document.querySelectorAll('.comparison-sources a[href]')].map(a => a.href);")
        .await;
    assert_eq!(
        source_links,
        serde_json::json!([ADDRESS, ARCHIVED, ADDRESS])
    );

    // Every download names the comparison, its sources, when it was made and the way back.
    receiver.capture_downloads().await;
    for download in ["html", "markdown", "json", "json-ld"] {
        receiver.click(&format!("diff-download-{download}")).await;
    }
    let downloads = receiver.downloads().await;
    let today = receiver.today().await;
    let names: Vec<&str> = downloads.iter().map(|(name, _)| name.as_str()).collect();
    let stem = format!("harbour-homes-the-correction-{today}");
    assert_eq!(
        names,
        [
            format!("{stem}.html"),
            format!("{stem}.md"),
            format!("{stem}.json"),
            format!("{stem}.jsonld")
        ]
    );
    let (html, markdown, json, json_ld) = (
        &downloads[0].1,
        &downloads[1].1,
        &downloads[2].1,
        &downloads[3].1,
    );
    assert!(
        html.contains("<h1>How the article changed: Harbour homes: the correction</h1>"),
        "{html}"
    );
    assert!(html.contains(&format!(
        "<li>Original: <a href=\"{ADDRESS}\">{ADDRESS}</a>, archived copy <a href=\"{ARCHIVED}\">{ARCHIVED}</a>, captured 2026-11-27 09:30</li>"
    )), "{html}");
    assert!(html.contains(", made on "), "{html}");
    assert!(
        html.contains(&format!(
            "<a href=\"{link}\">Open this comparison in Redline</a>"
        )),
        "{html}"
    );
    assert!(
        markdown.starts_with("## How the article changed: Harbour homes: the correction\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains(&format!(
            "- Reworked: <{ADDRESS}>, captured 2026-11-28 14:05\n"
        )),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(json["title"], "Harbour homes: the correction");
    assert_eq!(json["versions"][0]["source"]["archived"], ARCHIVED);
    let json_ld: serde_json::Value = serde_json::from_str(json_ld).unwrap();
    assert_eq!(json_ld["about"]["url"], ADDRESS);
    assert_eq!(json_ld["about"]["dateModified"], "2026-11-28T14:05");
    assert_eq!(json_ld["datePublished"], "2026-11-28T14:05");

    // The reader may still edit: the boxes open, the sources with them.
    receiver.click("diff-edit-texts").await;
    assert_eq!(receiver.value("diff-input-original").await, ORIGINAL);
    assert_eq!(
        receiver.value("diff-source-reworked-captured").await,
        "2026-11-28 14:05"
    );
    harness.stop(receiver).await;
}
