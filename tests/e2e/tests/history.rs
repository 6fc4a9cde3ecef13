//! End-to-end tests of version histories: build three versions, step along the timeline, see the change undone on the way, share the history and open it in a fresh browser.

use redline_e2e::{Harness, Page};

const HEADLINE: &str = "Harbour plan approved\n\n";

/// Waits until the diff deletes and inserts exactly these texts.
async fn expect_diff(page: &Page, deleted: &[&str], inserted: &[&str]) {
    page.wait_for_texts("[data-testid='diff-output'] del", deleted)
        .await;
    page.wait_for_texts("[data-testid='diff-output'] ins", inserted)
        .await;
}

/// Waits until the step button `step` (from 1) is the one pressed.
async fn expect_step(page: &Page, step: usize) {
    let test_id = format!("diff-step-{step}");
    page.wait_for(&format!("step {step} to be compared"), || async {
        page.attribute(&test_id, "aria-pressed").await.as_deref() == Some("true")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_three_version_history_is_built_stepped_through_shared_and_opened() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.type_into(
        "diff-input-original",
        &format!("{HEADLINE}The council approved 60,000 homes."),
    )
    .await;
    page.type_into(
        "diff-input-reworked",
        &format!("{HEADLINE}The council approved 25,000 homes."),
    )
    .await;
    expect_diff(&page, &["60,000"], &["25,000"]).await;
    // Two versions are the simple case: no timeline until a third is added.
    assert!(
        page.texts("[data-testid='diff-timeline']")
            .await
            .unwrap()
            .is_empty()
    );

    page.click("diff-add-version").await;
    page.element("diff-timeline").await;
    // The new version starts as a copy of the last, and is compared with it.
    assert_eq!(
        page.value("diff-input-version-3").await,
        format!("{HEADLINE}The council approved 25,000 homes.")
    );
    expect_step(&page, 2).await;
    // A copy has nothing to mark, and the page says why instead of showing an empty diff.
    page.wait_for_text("diff-same", "A version you add starts as a copy")
        .await;
    page.replace_text(
        "diff-input-version-3",
        &format!("{HEADLINE}The council approved 60,000 homes. It met on Monday."),
    )
    .await;
    for (number, label) in [(1, "Mon 9:00"), (2, "Mon 11:00"), (3, "Tue 8:30")] {
        page.type_into(&format!("diff-label-{number}"), label).await;
    }
    page.type_into(
        "diff-input-version-3-note",
        "Correction: an earlier version misstated the number of homes.",
    )
    .await;
    expect_diff(&page, &["25,000"], &["60,000", " It met on Monday."]).await;
    assert!(
        page.texts("[data-testid='diff-same']")
            .await
            .unwrap()
            .is_empty()
    );
    page.wait_for_text("diff-stop-3", "Tue 8:30").await;
    page.wait_for_text("diff-stop-3", "note").await;
    page.wait_for_text("diff-note-panel", "misstated the number of homes")
        .await;
    // Each step's bar says how many words it added and removed.
    page.wait_for_text("diff-step-1", "+1 −1").await;
    page.wait_for_text("diff-step-2", "+5 −1").await;

    // `[` and `]` step along the timeline; the note shown is the later version's.
    page.press("[").await;
    expect_step(&page, 1).await;
    expect_diff(&page, &["60,000"], &["25,000"]).await;
    page.wait_for_text("diff-note-panel", "No note given.")
        .await;
    page.press("]").await;
    expect_step(&page, 2).await;
    expect_diff(&page, &["25,000"], &["60,000", " It met on Monday."]).await;
    // So do the arrow keys on a step, moving the focus with it.
    page.run("document.querySelector(\"[data-testid='diff-step-2']\").focus();")
        .await;
    page.element("diff-step-2")
        .await
        .send_keys("\u{E012}")
        .await
        .unwrap(); // ArrowLeft
    expect_step(&page, 1).await;
    let focused = page
        .run("return document.activeElement.dataset.testid;")
        .await;
    assert_eq!(focused, "diff-step-1");

    // Any two versions from the selects; picking the other side's version swaps them.
    page.run(
        "const select = document.querySelector(\"[data-testid='diff-compare-to']\");
         select.value = '0';
         select.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    expect_diff(&page, &["25,000"], &["60,000"]).await;
    assert_eq!(page.value("diff-compare-from").await, "1");
    assert_eq!(page.value("diff-compare-to").await, "0");

    // First → latest: the number went back, so the comparison does not show it, and the list
    // of changes undone on the way does.
    page.click("diff-cumulative").await;
    expect_diff(&page, &[], &[" It met on Monday."]).await;
    page.wait_for_text(
        "diff-undone",
        "Version 2 (Mon 11:00) changed “60,000” to “25,000” after “…The council approved”; version 3 (Tue 8:30) changed it back.",
    )
    .await;

    // A version's card folds away and opens again.
    page.click("diff-fold-1").await;
    let shown = || async {
        page.element("diff-input-version-1")
            .await
            .is_displayed()
            .await
            .unwrap()
    };
    assert!(!shown().await, "a folded card hides its text box");
    page.click("diff-fold-1").await;
    assert!(shown().await);

    // The link carries every version, its label and note, and the pair compared.
    let link = page.copy_link().await;
    assert!(
        link.contains("#v4.Ag"),
        "a history in a version 3 link: {link}"
    );
    let fingerprint = page
        .texts("[data-testid='diff-fingerprint']")
        .await
        .unwrap();
    let receiver = harness.open_at(&link[link.find('#').unwrap()..]).await;
    receiver
        .wait_for_texts(
            "[data-testid='diff-fingerprint']",
            &[fingerprint[0].as_str()],
        )
        .await;
    assert_eq!(receiver.value("diff-label-2").await, "Mon 11:00");
    assert_eq!(
        receiver.value("diff-input-version-3-note").await,
        "Correction: an earlier version misstated the number of homes."
    );
    expect_diff(&receiver, &[], &[" It met on Monday."]).await;
    receiver
        .wait_for_text("diff-undone", "changed it back")
        .await;
    receiver.press("[").await;
    expect_step(&receiver, 1).await;
    expect_diff(&receiver, &["60,000"], &["25,000"]).await;

    // Removing a version keeps the rest; the pair compared moves with them.
    receiver.click("diff-remove-2").await;
    receiver
        .wait_for_texts("[data-testid='diff-version-3']", &[])
        .await;
    assert_eq!(receiver.value("diff-label-2").await, "Tue 8:30");
    expect_diff(&receiver, &[], &[" It met on Monday."]).await;
    receiver.close().await;
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn long_versions_are_summarized_in_the_worker() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.click("diff-add-version").await;
    // Three versions of about 45 KB each: over the 100,000 bytes the page summarizes on its own
    // thread (`BACKGROUND_BYTES` in src/ui/app.rs), so the worker answers. The middle one changes three words far apart; the last one changes them back.
    page.run(
        "const words = Array.from({ length: 6000 }, (_, i) => 'word' + i);
         const text = (swap) => {
             const copy = words.slice();
             if (swap) { copy[100] = 'alpha'; copy[3000] = 'beta'; copy[5900] = 'gamma'; }
             return copy.join(' ');
         };
         [[1, false], [2, true], [3, false]].forEach(([n, swap]) => {
             const box = document.getElementById('version-' + n);
             box.value = text(swap);
             box.dispatchEvent(new Event('input', { bubbles: true }));
         });",
    )
    .await;
    page.wait_for_text("diff-step-1", "+3 −3").await;
    page.wait_for_text("diff-step-2", "+3 −3").await;
    page.click("diff-cumulative").await;
    page.wait_for_text("diff-undone", "3 changes were made and undone on the way")
        .await;
    page.wait_for_text(
        "diff-undone",
        "Version 2 changed “word3000” to “beta” after “…word2992 word2993 word2994 word2995 word2996 word2997 word2998 word2999”; version 3 changed it back.",
    )
    .await;
    harness.stop(page).await;
}
