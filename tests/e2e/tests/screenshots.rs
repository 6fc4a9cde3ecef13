//! README screenshots: the release build showing the first-visit example, saved as PNG files.
//!
//! Not a check, so it is ignored by default; `make screenshots` runs it and writes
//! docs/screenshots/: inline (`app.png`), side by side, dark, 360 pixels wide, a version
//! history compared first → latest (`history.png`), and a whole saved page compared as its
//! article (`whole-page.png`).

use std::path::Path;

use redline_e2e::Harness;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes README screenshots; run with `make screenshots`"]
async fn readme_screenshots() {
    let harness = Harness::start().await;
    let page = harness.open_at("").await;
    page.wait_for_text("diff-example", "This is an example")
        .await;
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&out).unwrap();

    page.resize(1280, 1500).await;
    page.press("j").await;
    page.wait_for_text("diff-counter", "Change 1 of").await;
    page.screenshot(&out.join("app.png")).await;

    page.click("diff-view-side-by-side").await;
    page.element("diff-output").await;
    page.screenshot(&out.join("side-by-side.png")).await;

    // System → light → dark.
    page.click("diff-theme").await;
    page.click("diff-theme").await;
    page.wait_for_text("diff-theme", "Theme: dark").await;
    page.click("diff-view-inline").await;
    page.screenshot(&out.join("dark.png")).await;

    page.click("diff-theme").await;
    page.resize(360, 1400).await;
    page.screenshot(&out.join("narrow-360.png")).await;

    // A history of the example: a quiet edit in between, undone by the correction.
    page.resize(1280, 1500).await;
    page.click("diff-add-version").await;
    page.run(
        "const set = (id, value) => {
             const box = document.getElementById(id);
             box.value = value;
             box.dispatchEvent(new Event('input', { bubbles: true }));
         };
         const original = document.getElementById('version-1').value;
         set('version-2', original.replace('eight months', 'six months').replace('on Tuesday', 'on Monday'));
         set('version-3', document.getElementById('version-3').value);
         [['1', 'Tue 17:20'], ['2', 'Tue 18:05'], ['3', 'Wed 09:40']].forEach(([n, label]) =>
             set('version-' + n + '-label', label));",
    )
    .await;
    page.click("diff-cumulative").await;
    page.wait_for_text("diff-undone", "changed it back").await;
    page.run("document.querySelector('.result').scrollIntoView();")
        .await;
    page.screenshot(&out.join("history.png")).await;
    harness.stop(page).await;
}

/// A real saved page (tests/fixtures/pages, MIT) dropped as HTML on the reworked box, against
/// the article a person marked in it with two sentences edited, as a correction would.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes README screenshots; run with `make screenshots`"]
async fn whole_page_screenshot() {
    const KEY: &str = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34";
    let truth: serde_json::Value =
        serde_json::from_str(include_str!("../../fixtures/pages/ground-truth.json")).unwrap();
    let body = truth[KEY]["articleBody"]
        .as_str()
        .unwrap()
        .replace("four times this month", "three times this month")
        .replace("A new ABC News poll", "A new poll");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.resize(1280, 1100).await;
    page.compare_with_saved_page(&format!(
        "Republicans Are Following Trump to Nowhere\n\n{body}"
    ))
    .await;
    page.wait_for_text("diff-pages", "Comparing the articles")
        .await;
    page.run("document.querySelector('.result').scrollIntoView();")
        .await;
    page.screenshot(&out.join("whole-page.png")).await;
    harness.stop(page).await;
}

/// What the reader of a link sees first: the example with a title and sources, sent as a
/// link and opened in a fresh browser, at 1280 pixels and on a 390-pixel phone.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes README screenshots; run with `make screenshots`"]
async fn link_reader_screenshots() {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    let harness = Harness::start().await;
    let sender = harness.open_at("").await;
    sender
        .wait_for_text("diff-example", "This is an example")
        .await;
    sender.click("diff-sources-toggle").await;
    for (field, value) in [
        ("diff-title", "Quillhaven bridge repair: the correction"),
        (
            "diff-source-original-url",
            "https://news.example/quillhaven/bridge-repair",
        ),
        (
            "diff-source-original-archived",
            "https://web.archive.org/web/20261201091500/https://news.example/quillhaven/bridge-repair",
        ),
        ("diff-source-original-captured", "2026-12-01 09:15"),
        (
            "diff-source-reworked-url",
            "https://news.example/quillhaven/bridge-repair",
        ),
        ("diff-source-reworked-captured", "2026-12-02 08:40"),
    ] {
        sender.type_into(field, value).await;
        sender.press("\t").await;
    }
    sender
        .wait_for_text("diff-comparison-title", "Quillhaven bridge repair")
        .await;
    let link = sender.copy_link().await;
    sender.close().await;

    let reader = harness.open_at(&link[link.find('#').unwrap()..]).await;
    reader.resize(1280, 1100).await;
    reader
        .wait_for_text("diff-comparison-title", "Quillhaven bridge repair")
        .await;
    reader.element("diff-output").await;
    reader.screenshot(&out.join("link-reader.png")).await;
    reader.resize(390, 1400).await;
    reader.screenshot(&out.join("link-reader-phone.png")).await;
    harness.stop(reader).await;
}
