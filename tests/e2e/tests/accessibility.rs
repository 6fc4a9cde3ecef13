//! Accessibility: axe-core finds no serious or critical violation in any view, theme or state.

use redline_e2e::Harness;

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_no_serious_violations() {
    let harness = Harness::start().await;
    // The first-visit example: every kind of change on screen at once.
    let page = harness.open_at("").await;
    page.wait_for_text("diff-example", "This is an example")
        .await;
    page.press("j?").await;
    page.wait_for_text("diff-shortcut-help", "next change")
        .await;

    let mut found = Vec::new();
    for (theme_clicks, theme) in [(0, "system (light)"), (2, "dark")] {
        for _ in 0..theme_clicks {
            page.click("diff-theme").await;
        }
        for view in [
            "diff-view-inline",
            "diff-view-side-by-side",
            "diff-view-changes-only",
        ] {
            page.click(view).await;
            page.element("diff-output").await;
            for violation in page.serious_accessibility_violations().await {
                found.push(format!("{theme}, {view}: {violation}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "axe-core violations:\n{}",
        found.join("\n")
    );

    // A version history: the version cards, the timeline and the pair picker, light and dark.
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("../../fixtures/share-v2.json")).unwrap();
    let link = fixture["link"].as_str().unwrap();
    page.set_hash(&link[link.find('#').unwrap()..]).await;
    page.element("diff-timeline").await;
    page.wait_for_text("diff-step-2", "+").await;
    for theme in ["dark", "light"] {
        for violation in page.serious_accessibility_violations().await {
            found.push(format!("{theme}, version history: {violation}"));
        }
        page.click("diff-theme").await;
    }
    assert!(
        found.is_empty(),
        "axe-core violations:\n{}",
        found.join("\n")
    );

    // The check itself can fail: an image without a text alternative is a critical violation.
    page.run("document.querySelector('main').appendChild(document.createElement('img'));")
        .await;
    let violations = page.serious_accessibility_violations().await;
    assert!(
        violations.iter().any(|v| v.contains("image-alt")),
        "axe-core should have reported the image: {violations:?}"
    );
    harness.stop(page).await;
}
