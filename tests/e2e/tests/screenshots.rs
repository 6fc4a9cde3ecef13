//! README screenshots: the release build showing the first-visit example, saved as PNG files.
//!
//! Not a check, so it is ignored by default; `make screenshots` runs it and writes
//! docs/screenshots/: inline (`app.png`), side by side, dark, and 360 pixels wide.

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
    harness.stop(page).await;
}
