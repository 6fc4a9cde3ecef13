//! End-to-end tests of the comparisons kept in the browser: a link opened in the same tab or a new one, and two tabs, never lose the reader's own texts (a full storage is in huge.rs).

use redline_e2e::{Harness, Page};

const OWN_ORIGINAL: &str = "Own draft\n\nThe mayor opened the bridge on Monday.";
const OWN_REWORKED: &str = "Own draft\n\nThe mayor opened the bridge on Tuesday.";

/// Types the reader's own texts into the simple boxes and waits until they are kept.
async fn type_own(page: &Page, original: &str, reworked: &str) {
    page.set_value("diff-input-original", original).await;
    page.set_value("diff-input-reworked", reworked).await;
    page.wait_for_saved_drafts().await;
}

/// A colleague's link, made in a browser of its own: the fragment, `#` included.
async fn colleagues_link(harness: &Harness) -> String {
    let sender = harness.open_app().await;
    sender
        .set_value(
            "diff-input-original",
            "Harbour plan approved\n\nThe council approved 60,000 homes.",
        )
        .await;
    sender
        .set_value(
            "diff-input-reworked",
            "Harbour plan cut\n\nThe council approved 25,000 homes.",
        )
        .await;
    sender.wait_for_saved_drafts().await;
    let link = sender.copy_link().await;
    sender.close().await;
    link[link.find('#').expect("no fragment in the link")..].to_owned()
}

/// Waits until the simple boxes hold these texts.
async fn wait_for_texts_in_boxes(page: &Page, original: &str, reworked: &str) {
    page.wait_for("the boxes to hold the expected texts", || async {
        page.value("diff-input-original").await == original
            && page.value("diff-input-reworked").await == reworked
    })
    .await;
}

/// The reader's own texts kept in a tab, then a colleague's link pasted into its address
/// bar: the page showing the link's comparison, and the link.
async fn own_then_colleagues_link(harness: &Harness) -> (Page, String) {
    let link = colleagues_link(harness).await;
    let page = harness.open_app().await;
    type_own(&page, OWN_ORIGINAL, OWN_REWORKED).await;
    page.set_hash(&link).await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["cut", "25,000"])
        .await;
    (page, link)
}

/// Clicks, in the listed comparison titled `title`, the element `selector` (its title button
/// is `.comparison-open`).
async fn click_listed(page: &Page, title: &str, selector: &str) {
    let title = serde_json::to_string(title).unwrap();
    page.run(&format!(
        "[...document.querySelectorAll('[data-testid=diff-comparison]')]\
           .find(item => item.querySelector('.comparison-open')?.textContent === {title})\
           .querySelector('{selector}').click();"
    ))
    .await;
}

/// Opens "Your comparisons", as a click on its summary does.
async fn open_list(page: &Page) {
    page.run(
        "const list = document.querySelector('[data-testid=diff-comparisons]');\
         if (!list.open) list.querySelector('summary').click();",
    )
    .await;
}

/// The titles in "Your comparisons", once it is opened.
async fn listed(page: &Page) -> Vec<String> {
    open_list(page).await;
    page.texts(".comparison-open").await.unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_opened_in_the_same_tab_keeps_the_readers_texts_and_back_brings_them_back() {
    let harness = Harness::start().await;
    // The link pasted into this tab's address bar shows the colleague's comparison...
    let (page, link) = own_then_colleagues_link(&harness).await;
    // ...as an entry of its own: the reader's comparison is still kept, untouched.
    page.wait_for("both comparisons to be listed", || async {
        let titles = listed(&page).await;
        titles.contains(&"Own draft".to_owned()) && titles.contains(&"Harbour plan cut".to_owned())
    })
    .await;

    // Back shows the reader's own texts again, and a reload keeps them.
    page.back().await;
    wait_for_texts_in_boxes(&page, OWN_ORIGINAL, OWN_REWORKED).await;
    page.reload().await;
    wait_for_texts_in_boxes(&page, OWN_ORIGINAL, OWN_REWORKED).await;

    // The same link opened again is the same entry, not a second one.
    page.set_hash(&link).await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["cut", "25,000"])
        .await;
    page.wait_for(
        "the link to be listed once, beside the reader's own",
        || async {
            let titles = listed(&page).await;
            titles.len() == 2
                && titles
                    .iter()
                    .filter(|title| *title == "Harbour plan cut")
                    .count()
                    == 1
        },
    )
    .await;
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_edited_in_a_new_tab_leaves_the_first_tabs_texts_alone() {
    let harness = Harness::start().await;
    let link = colleagues_link(&harness).await;
    let page = harness.open_app().await;
    type_own(&page, OWN_ORIGINAL, OWN_REWORKED).await;

    let own_tab = page.open_tab(&format!("{}{link}", harness.app_url())).await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["cut", "25,000"])
        .await;
    page.set_value(
        "diff-input-reworked",
        "Harbour plan cut\n\nThe council approved 26,000 homes.",
    )
    .await;
    page.wait_for_saved_drafts().await;

    page.switch_to_tab(own_tab).await;
    page.reload().await;
    wait_for_texts_in_boxes(&page, OWN_ORIGINAL, OWN_REWORKED).await;
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_tabs_keep_their_own_comparisons_and_say_when_they_share_one() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    type_own(&page, OWN_ORIGINAL, OWN_REWORKED).await;
    let first = page.current_tab().await;

    // A second tab starts a comparison of its own; both are edited, both reloaded.
    page.open_tab(harness.app_url()).await;
    let second = page.current_tab().await;
    open_list(&page).await;
    page.click("diff-new-comparison").await;
    page.wait_for_text("diff-empty", "Paste the original").await;
    let (other_original, other_reworked) = (
        "Other story\n\nRain fell in the north.",
        "Other story\n\nSnow fell in the north.",
    );
    type_own(&page, other_original, other_reworked).await;
    page.switch_to_tab(first.clone()).await;
    page.set_value(
        "diff-input-reworked",
        &format!("{OWN_REWORKED} Crowds came."),
    )
    .await;
    page.wait_for_saved_drafts().await;
    page.reload().await;
    wait_for_texts_in_boxes(&page, OWN_ORIGINAL, &format!("{OWN_REWORKED} Crowds came.")).await;
    page.switch_to_tab(second.clone()).await;
    page.reload().await;
    wait_for_texts_in_boxes(&page, other_original, other_reworked).await;

    // The second tab opens the first tab's comparison and edits it: the first tab says so at
    // once, and keeping its own texts makes them the kept ones (the later edit wins).
    page.wait_for("the first tab's comparison to be listed", || async {
        listed(&page).await.contains(&"Own draft".to_owned())
    })
    .await;
    click_listed(&page, "Own draft", ".comparison-open").await;
    wait_for_texts_in_boxes(&page, OWN_ORIGINAL, &format!("{OWN_REWORKED} Crowds came.")).await;
    page.set_value(
        "diff-input-reworked",
        "Own draft\n\nEdited in the second tab.",
    )
    .await;
    page.wait_for_saved_drafts().await;
    page.switch_to_tab(first).await;
    page.wait_for_text("diff-changed-elsewhere", "changed in another tab")
        .await;
    // Keeping writes at once, and the banner goes.
    page.click("diff-keep-this-tab").await;
    page.wait_for("the banner to go", || async {
        page.texts("[data-testid='diff-changed-elsewhere']")
            .await
            .is_ok_and(|banners| banners.is_empty())
    })
    .await;
    page.switch_to_tab(second).await;
    page.reload().await;
    wait_for_texts_in_boxes(&page, OWN_ORIGINAL, &format!("{OWN_REWORKED} Crowds came.")).await;
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_comparison_is_exported_in_one_file_and_imported_in_another_browser() {
    let harness = Harness::start().await;
    let (page, _) = own_then_colleagues_link(&harness).await;
    page.capture_downloads().await;
    open_list(&page).await;
    page.click("diff-export-comparisons").await;
    let downloads = page.downloads().await;
    let [(name, file)] = downloads.as_slice() else {
        panic!("one download expected: {downloads:?}");
    };
    assert!(
        name.starts_with("redline-comparisons-") && name.ends_with(".json"),
        "{name}"
    );
    let export: serde_json::Value = serde_json::from_str(file).expect("the export is JSON");
    assert_eq!(export["format"], "redline-comparisons");
    assert_eq!(export["comparisons"].as_array().map(Vec::len), Some(2));
    harness.stop(page).await;

    // Another browser (a new, empty profile) takes them all in, and a bad file says why.
    let harness = Harness::start().await;
    let other = harness.open_app().await;
    open_list(&other).await;
    let bad = harness.file("notes.json", br#"{"notes": []}"#);
    other
        .element("diff-import-comparisons")
        .await
        .send_keys(&bad)
        .await
        .expect("the file was not chosen");
    other
        .wait_for_text("diff-import-comparisons-message", "not a Redline export")
        .await;
    let good = harness.file("redline-comparisons.json", file);
    other
        .element("diff-import-comparisons")
        .await
        .send_keys(&good)
        .await
        .expect("the file was not chosen");
    other
        .wait_for_text("diff-import-comparisons-message", "Imported 2 of the 2")
        .await;
    other
        .wait_for("both comparisons to be listed", || async {
            let titles = listed(&other).await;
            titles.contains(&"Own draft".to_owned())
                && titles.contains(&"Harbour plan cut".to_owned())
        })
        .await;
    click_listed(&other, "Own draft", ".comparison-open").await;
    wait_for_texts_in_boxes(&other, OWN_ORIGINAL, OWN_REWORKED).await;
    harness.stop(other).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn comparisons_are_found_by_title_and_renamed_in_the_list() {
    let harness = Harness::start().await;
    let (page, _) = own_then_colleagues_link(&harness).await;
    page.wait_for("both comparisons to be listed", || async {
        listed(&page).await.len() == 2
    })
    .await;

    // The search keeps the titles that hold its words, in any case, and says when none does.
    page.type_into("diff-comparison-search", "HARBOUR").await;
    page.wait_for_texts(".comparison-open", &["Harbour plan cut"])
        .await;
    page.replace_text("diff-comparison-search", "ferry").await;
    page.wait_for_text("diff-comparison-none", "No comparison's title")
        .await;
    page.set_value("diff-comparison-search", "").await;
    page.wait_for("both comparisons to be listed again", || async {
        listed(&page).await.len() == 2
    })
    .await;

    // Renaming the comparison another tab could show rewrites its kept entry.
    click_listed(&page, "Own draft", "[data-testid=diff-comparison-rename]").await;
    page.replace_text("diff-comparison-rename-input", "Bridge opening day")
        .await;
    page.click("diff-comparison-rename-save").await;
    // Renaming the comparison this tab shows names the drafts: the header shows it and it
    // travels in the link.
    click_listed(
        &page,
        "Harbour plan cut",
        "[data-testid=diff-comparison-rename]",
    )
    .await;
    page.replace_text("diff-comparison-rename-input", "Harbour homes, corrected")
        .await;
    page.click("diff-comparison-rename-save").await;
    page.wait_for_text("diff-comparison-title", "Harbour homes, corrected")
        .await;
    page.wait_for_saved_drafts().await;

    // Both names are kept: a reload lists them, and the other comparison opens by its new name.
    page.reload().await;
    page.wait_for("both new names to be listed", || async {
        let mut titles = listed(&page).await;
        titles.sort();
        titles == ["Bridge opening day", "Harbour homes, corrected"]
    })
    .await;
    page.wait_for_text("diff-comparison-title", "Harbour homes, corrected")
        .await;
    click_listed(&page, "Bridge opening day", ".comparison-open").await;
    wait_for_texts_in_boxes(&page, OWN_ORIGINAL, OWN_REWORKED).await;
    page.wait_for_text("diff-comparison-title", "Bridge opening day")
        .await;
    harness.stop(page).await;
}
