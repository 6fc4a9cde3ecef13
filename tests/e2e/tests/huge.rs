//! Bad and huge input: a 10 MB paste, a million lines, a 2 MB line, an empty file, a full localStorage and an oversized link each get a clear message or a coarser but exact result, the page stays usable, and the drafts survive.

use redline_e2e::{Harness, Page};

/// Sets a text box the way typing does (one input event), with a value built by `expression`
/// in the page (megabytes travel badly through WebDriver).
async fn set_built(page: &Page, test_id: &str, expression: &str) {
    page.run(&format!(
        "const area = document.querySelector(\"[data-testid='{test_id}']\");
         area.value = {expression};
         area.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    ))
    .await;
}

/// Waits until the web worker's comparison is in (the "Comparing…" status is gone).
async fn wait_until_compared(page: &Page) {
    page.wait_for("the background comparison to finish", || async {
        page.run("return document.querySelector(\"[data-testid='diff-comparing']\") === null;")
            .await
            .as_bool()
            .unwrap()
    })
    .await;
}

/// Pastes the text built by `expression` into a text box as the browser would (a paste event
/// with text/plain), and returns whether the page let the paste through (not prevented).
async fn paste_built(page: &Page, test_id: &str, expression: &str) -> bool {
    page.run(&format!(
        "const area = document.querySelector(\"[data-testid='{test_id}']\");
         area.focus();
         const data = new DataTransfer();
         data.setData('text/plain', {expression});
         return area.dispatchEvent(new ClipboardEvent('paste', {{ clipboardData: data, bubbles: true, cancelable: true }}));"
    ))
    .await
    .as_bool()
    .expect("dispatchEvent answers true or false")
}

#[tokio::test(flavor = "multi_thread")]
async fn huge_pastes_are_refused_and_the_drafts_stay() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.type_into("diff-input-original", "Kept original text.")
        .await;
    page.type_into("diff-input-reworked", "Kept reworked text.")
        .await;
    page.wait_for_saved_drafts().await;

    // A paste that fits goes through untouched.
    assert!(paste_built(&page, "diff-input-note", "'A short note.'").await);

    // 10 MB of text.
    let let_through = paste_built(
        &page,
        "diff-input-original",
        "'word '.repeat(2 * 1024 * 1024)",
    )
    .await;
    assert!(!let_through, "a 10 MB paste must be stopped");
    page.wait_for_text(
        "diff-message-original",
        "The pasted text is 10.0 MB; each box holds up to 5 MB",
    )
    .await;
    page.wait_for_text(
        "diff-message-original",
        "Nothing was pasted; your text is as it was.",
    )
    .await;

    // A million numbered lines (11.3 MB).
    let let_through = paste_built(
        &page,
        "diff-input-reworked",
        "Array.from({ length: 1000000 }, (_, idx) => `line ${idx}`).join('\\n')",
    )
    .await;
    assert!(
        !let_through,
        "a paste of a million lines over 5 MB must be stopped"
    );
    page.wait_for_text("diff-message-reworked", "The pasted text is 11.3 MB")
        .await;

    // Nothing was lost, now or after a reload.
    assert_eq!(
        page.value("diff-input-original").await,
        "Kept original text."
    );
    assert_eq!(
        page.value("diff-input-reworked").await,
        "Kept reworked text."
    );
    page.reload().await;
    assert_eq!(
        page.value("diff-input-original").await,
        "Kept original text."
    );
    assert_eq!(
        page.value("diff-input-reworked").await,
        "Kept reworked text."
    );
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_two_megabyte_line_is_compared_in_the_background_while_typing_goes_on() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    // One line of 2 MB: about 330,000 words with no paragraph break, every 40th word changed.
    let words = "Array.from({ length: 330000 }, (_, idx) => ['council', 'voted', 'harbour', 'plan', 'on', 'Monday'][idx % 6] + (idx % 40 === 0 ? REPLACE : ''))";
    set_built(
        &page,
        "diff-input-original",
        &format!("{}.join(' ')", words.replace("REPLACE", "''")),
    )
    .await;
    set_built(
        &page,
        "diff-input-reworked",
        &format!("{}.join(' ')", words.replace("REPLACE", "'STALEWORD'")),
    )
    .await;
    page.wait_for_text("diff-comparing", "MB of text in the background")
        .await;
    // The page answers while the worker compares: typed text shows in the note panel at once.
    let while_comparing = page
        .run_async(
            "const done = arguments[arguments.length - 1];
             const note = document.querySelector(\"[data-testid='diff-input-note']\");
             note.value = 'Typed while comparing.';
             note.dispatchEvent(new Event('input', { bubbles: true }));
             requestAnimationFrame(() => done([
               document.querySelector(\"[data-testid='diff-note-panel']\").textContent.includes('Typed while comparing.'),
               document.querySelector(\"[data-testid='diff-comparing']\") !== null,
               // The count shown is the last comparison's, and says so.
               document.querySelector(\"[data-testid='diff-updating']\") !== null,
             ]));",
            vec![],
        )
        .await;
    assert_eq!(while_comparing, serde_json::json!([true, true, true]));

    // A newer edit cancels the comparison still running: only its result is shown.
    set_built(
        &page,
        "diff-input-reworked",
        &format!(
            "{}.join(' ')",
            words.replace("REPLACE", "(idx === 40 ? 'FINALWORD' : '')")
        ),
    )
    .await;
    wait_until_compared(&page).await;
    page.wait_for_text("diff-counter", "1 change").await;
    let inserted = page
        .run("return [...document.querySelectorAll(\"[data-testid='diff-output'] ins\")].map(e => e.textContent);")
        .await;
    assert_eq!(inserted, serde_json::json!(["onFINALWORD"]));
    // While the worker compares, the boxes are ahead of the diff shown: nothing may read the new
    // texts through the old comparison (this once sliced a short text at long offsets and
    // crashed the page).
    set_built(&page, "diff-input-original", "'Short.'").await;
    page.wait_for_text("diff-counter", "1 change").await;
    wait_until_compared(&page).await;
    assert_eq!(
        page.run("return document.getElementById('crash-report')?.value ?? null;")
            .await,
        serde_json::Value::Null
    );
    // The worker is the app's own file, from the app's own server.
    let worker_loaded = page
        .run("return performance.getEntriesByType('resource').some(e => e.name.endsWith('/worker.js'));")
        .await;
    assert_eq!(worker_loaded, serde_json::json!(true));
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_million_lines_are_compared_with_unchanged_lines_joined() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    // A million short lines (2.8 MB, under the 5 MB a box holds), pasted; two of them changed.
    let lines = "Array.from({ length: 1000000 }, (_, idx) => String(idx % 97))";
    assert!(
        !paste_built(
            &page,
            "diff-input-original",
            &format!("{lines}.join('\\n')")
        )
        .await
    );
    page.wait_for_text(
        "diff-long-original",
        "This text has 1,000,000 lines (2.8 MB): too many to show in a text box",
    )
    .await;
    let changed = format!(
        "{lines}.map((line, idx) => idx === 10 ? 'ten' : idx === 999000 ? 'near the end' : line).join('\\n')"
    );
    assert!(!paste_built(&page, "diff-input-reworked", &changed).await);
    page.wait_for_text("diff-long-reworked", "This text has 1,000,000 lines")
        .await;
    page.wait_for_text("diff-coarse", "A text has more than 50,000 lines")
        .await;
    page.wait_for_text("diff-counter", "2 changes").await;
    let inserted = page
        .run("return [...document.querySelectorAll(\"[data-testid='diff-output'] ins\")].map(e => e.textContent);")
        .await;
    assert_eq!(inserted, serde_json::json!(["ten\n", "near the end\n"]));
    // The page holds a few blocks, not a million: the DOM stays small.
    let n_elements = page
        .run("return document.getElementsByTagName('*').length;")
        .await;
    assert!(
        n_elements.as_u64().unwrap() < 5_000,
        "{n_elements} elements"
    );
    // Both texts survive a reload, and one can be cleared to type again.
    page.wait_for_saved_drafts().await;
    page.reload().await;
    page.wait_for_text("diff-long-reworked", "This text has 1,000,000 lines")
        .await;
    page.click("diff-clear-reworked").await;
    page.type_into("diff-input-reworked", "Short again.").await;
    assert_eq!(page.value("diff-input-reworked").await, "Short again.");
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_local_storage_warns_and_keeps_the_texts() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    // Fill this origin's storage to the last byte the browser allows.
    page.run(
        "let chunk = 'x'.repeat(1024 * 1024);
         for (let idx = 0; chunk.length > 0; ) {
           try { localStorage.setItem('filler-' + idx++, chunk); }
           catch (full) { chunk = chunk.slice(0, chunk.length / 2); }
         }",
    )
    .await;
    page.type_into("diff-input-original", "The vote was on Monday.")
        .await;
    page.type_into("diff-input-reworked", "The vote was on Tuesday.")
        .await;
    page.wait_for_text("diff-save-warning", "did not let Redline keep your texts")
        .await;
    page.wait_for_text("diff-saved-state", "Not kept").await;
    // The downloads are there to keep a copy, and the warning offers a file of everything,
    // the comparison the storage refused with the rest.
    page.element("diff-download-html").await;
    page.capture_downloads().await;
    page.click("diff-export-unsaved").await;
    let downloads = page.downloads().await;
    assert!(
        downloads[0].0.starts_with("redline-comparisons-"),
        "{}",
        downloads[0].0
    );
    let export: serde_json::Value = serde_json::from_str(&downloads[0].1).unwrap();
    assert_eq!(
        export["comparisons"][0]["title"],
        "The vote was on Tuesday."
    );
    // The texts and the diff are all there.
    assert_eq!(
        page.value("diff-input-original").await,
        "The vote was on Monday."
    );
    page.wait_for_texts("[data-testid='diff-output'] ins", &["Tuesday"])
        .await;
    // Room again: the next edit saves, and the warning goes.
    page.run(
        "Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k));",
    )
    .await;
    page.type_into("diff-input-note", "Correction: the day.")
        .await;
    page.wait_for("the warning to go", || async {
        page.run("return document.querySelector(\"[data-testid='diff-save-warning']\") === null;")
            .await
            .as_bool()
            .unwrap()
    })
    .await;
    page.reload().await;
    assert_eq!(page.value("diff-input-note").await, "Correction: the day.");
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_link_and_an_empty_file_are_explained() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.type_into("diff-input-original", "Mine.").await;
    page.wait_for_saved_drafts().await;
    page.set_hash(&format!("v1.{}", "A".repeat(1_000_001)))
        .await;
    page.wait_for_text(
        "diff-link-error",
        "This link is longer than any Redline link: other text may have been pasted with it.",
    )
    .await;
    page.run("document.querySelector('[data-testid=diff-link-error] details').open = true;")
        .await;
    page.wait_for_text(
        "diff-link-error-detail",
        "This link is damaged: it is 1000004 characters long, more than the 1000000 a Redline link can have",
    )
    .await;
    assert_eq!(page.value("diff-input-original").await, "Mine.");

    let empty = harness.file("empty.txt", b"");
    page.element("diff-file-reworked")
        .await
        .send_keys(&empty)
        .await
        .unwrap();
    page.wait_for_text("diff-message-reworked", "“empty.txt” is empty.")
        .await;
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_original_starts_the_worker_before_the_reworked_text_arrives() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    let worker_loaded = || async {
        page.run("return performance.getEntriesByType('resource').some(e => e.name.endsWith('/worker.js'));")
            .await
            .as_bool()
            .unwrap()
    };
    // A short article is compared on the page and starts no worker.
    set_built(
        &page,
        "diff-input-original",
        "'Short words here. '.repeat(500)",
    )
    .await;
    page.wait_for_text("diff-counter", "1 change").await;
    assert!(!worker_loaded().await, "9 KB of text started a worker");
    // A long original (60 KB, under the 100 KB compared in the worker): the worker loads now,
    // while the reworked text is still to come.
    let sentences = |changed: &str| {
        format!(
            "Array.from({{ length: 3000 }}, (_, idx) => `Sentence ${{idx === 1500 ? '{changed}' : idx}} here.`).join(' ')"
        )
    };
    set_built(&page, "diff-input-original", &sentences("1500")).await;
    page.wait_for("the compare worker to load", || async {
        worker_loaded().await
    })
    .await;
    // The reworked text takes the pair over 100 KB: the warm worker compares it.
    set_built(&page, "diff-input-reworked", &sentences("changed")).await;
    wait_until_compared(&page).await;
    page.wait_for_text("diff-counter", "1 change").await;
    let changed = page
        .run("return [...document.querySelectorAll(\"[data-testid='diff-output'] del, [data-testid='diff-output'] ins\")].map(e => e.textContent);")
        .await;
    assert_eq!(changed, serde_json::json!(["1500", "changed"]));
    harness.stop(page).await;
}
