//! End-to-end tests of share links: copy a link, open it in a fresh browser, and damaged links.

use redline_e2e::Harness;

#[tokio::test(flavor = "multi_thread")]
async fn a_copied_link_opens_the_same_diff_in_a_fresh_browser() {
    let harness = Harness::start().await;
    let sender = harness.open_app().await;
    sender
        .type_into(
            "diff-input-original",
            "Harbour plan approved\n\nThe council approved 60,000 homes.",
        )
        .await;
    sender
        .type_into(
            "diff-input-reworked",
            "Harbour plan cut\n\nThe council approved 25,000 homes.",
        )
        .await;
    sender
        .type_into(
            "diff-input-note",
            "Correction: the number of homes was misstated.",
        )
        .await;
    sender
        .wait_for_texts("[data-testid='diff-output'] del", &["approved", "60,000"])
        .await;
    // The view and the change in focus travel too.
    sender.click("diff-view-side-by-side").await;
    sender.press("jj").await;
    sender.wait_for_text("diff-counter", "Change 2 of").await;
    let link = sender.copy_link().await;
    // PPMd's version 3, which beats deflate's version 1 on an article.
    assert!(link.contains("#v4."), "{link}");
    let fingerprint = sender
        .texts("[data-testid='diff-fingerprint']")
        .await
        .unwrap();

    // A new session is a new, empty browser profile: nothing but the link carries the texts.
    let receiver = harness.open_at(&link[link.find('#').unwrap()..]).await;
    receiver
        .wait_for_texts("[data-testid='diff-output'] del", &["approved", "60,000"])
        .await;
    receiver
        .wait_for_texts("[data-testid='diff-output'] ins", &["cut", "25,000"])
        .await;
    assert_eq!(
        receiver.value("diff-input-note").await,
        "Correction: the number of homes was misstated."
    );
    receiver
        .wait_for_texts(
            "[data-testid='diff-fingerprint']",
            &[fingerprint[0].as_str()],
        )
        .await;
    assert!(receiver.is_checked("diff-view-side-by-side").await);
    receiver.wait_for_text("diff-counter", "Change 2 of").await;
    receiver
        .wait_for_texts(
            "[data-testid='diff-output'] .diff-current",
            &["60,000", "25,000"],
        )
        .await;

    harness.stop(receiver).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_link_shows_why_and_keeps_the_drafts() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.type_into("diff-input-original", "My draft original")
        .await;
    page.type_into("diff-input-reworked", "My draft reworked")
        .await;

    // A link pasted into the same tab, cut short on the way.
    page.set_hash("v1.q1YqLs").await;
    page.wait_for_text(
        "diff-link-error",
        "This link is cut short, probably by the app it came through: ask for it again, or for \
         the HTML report. Your texts were not changed.",
    )
    .await;
    // The technical detail is folded under it.
    page.run("document.querySelector('[data-testid=diff-link-error] details').open = true;")
        .await;
    page.wait_for_text("diff-link-error-detail", "This link is damaged:")
        .await;
    assert_eq!(page.value("diff-input-original").await, "My draft original");
    assert_eq!(page.value("diff-input-reworked").await, "My draft reworked");

    // A link from a newer Redline says so.
    page.set_hash("v9.AAAA").await;
    page.wait_for_text(
        "diff-link-error",
        "This link was made by a newer Redline than this one.",
    )
    .await;
    assert_eq!(page.value("diff-input-original").await, "My draft original");

    // A version history (v2) opens with every version in its own boxes, comparing the two
    // the sender compared, with the later one's note.
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("../../fixtures/share-v2.json")).unwrap();
    let fragment = fixture["link"].as_str().unwrap().split_once('#').unwrap().1;
    page.set_hash(fragment).await;
    page.wait_for_text("diff-counter", "Change 2 of").await;
    let versions = fixture["history"]["versions"].as_array().unwrap();
    for (idx, version) in versions.iter().enumerate() {
        let number = idx + 1;
        assert_eq!(
            page.value(&format!("diff-input-version-{number}")).await,
            version["text"].as_str().unwrap()
        );
        assert_eq!(
            page.value(&format!("diff-input-version-{number}-note"))
                .await,
            version["note"].as_str().unwrap()
        );
        assert_eq!(
            page.value(&format!("diff-label-{number}")).await,
            version["label"].as_str().unwrap()
        );
    }
    assert_eq!(page.value("diff-compare-from").await, "1");
    assert_eq!(page.value("diff-compare-to").await, "2");

    harness.stop(page).await;
}
