//! Exports and import: the downloads the page offers, read back as a user's browser saves them.

use redline_e2e::Harness;

#[tokio::test(flavor = "multi_thread")]
async fn downloads_hold_the_comparison_and_json_imports_back() {
    let harness = Harness::start().await;
    let page = harness.open_at("").await;
    page.wait_for_text("diff-example", "This is an example")
        .await;
    page.capture_downloads().await;

    page.click("diff-download-html").await;
    page.click("diff-download-markdown").await;
    page.click("diff-download-json").await;
    page.click("diff-download-json-ld").await;
    let downloads = page.downloads().await;
    let names: Vec<&str> = downloads.iter().map(|(name, _)| name.as_str()).collect();
    // Named from the headline and the date.
    let stem = format!(
        "quillhaven-council-approves-2-4-million-bridge-repair-after-{}",
        page.today().await
    );
    assert_eq!(
        names,
        [
            format!("{stem}.html"),
            format!("{stem}.md"),
            format!("{stem}.json"),
            format!("{stem}.jsonld")
        ]
    );
    let json_ld: serde_json::Value = serde_json::from_str(&downloads[3].1).unwrap();
    assert_eq!(json_ld["@type"], "CorrectionComment");
    assert_eq!(json_ld["description"], "The note mentions 3 of 6 changes.");
    let (html, markdown, json) = (&downloads[0].1, &downloads[1].1, &downloads[2].1);
    assert!(html.contains("The note mentions 3 of 6 changes."));
    assert!(html.contains("<del>$4.2</del><ins>$2.4</ins>"), "{html}");
    assert!(!html.contains("<script"));
    assert!(markdown.contains("~~$4.2~~**$2.4**"), "{markdown}");
    assert!(json.starts_with("{\"format\":\"redline\",\"version\":1,"));

    // The JSON export opens again: clear, then import it.
    let export_file = harness.file("redline.json", json);
    let bad_file = harness.file("other.json", "{\"format\": \"something else\"}");

    page.click("diff-start-own").await;
    page.wait_for_text("diff-empty", "Paste the original").await;
    page.element("diff-import-json")
        .await
        .send_keys(&bad_file)
        .await
        .unwrap();
    page.wait_for_text("diff-import-message", "not a Redline export")
        .await;
    assert_eq!(page.value("diff-input-original").await, "");

    page.element("diff-import-json")
        .await
        .send_keys(&export_file)
        .await
        .unwrap();
    page.wait_for_text("diff-headline", "after long debate")
        .await;
    assert!(
        page.value("diff-input-original")
            .await
            .starts_with("Quillhaven council approves $4.2 million")
    );
    harness.stop(page).await;
}
