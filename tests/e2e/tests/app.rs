//! End-to-end tests of the main flows: the release build in headless Chromium, driven like a user.

use redline_e2e::Harness;

#[tokio::test(flavor = "multi_thread")]
async fn typing_two_versions_shows_deletions_and_insertions() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;

    page.wait_for_text("diff-empty", "Paste the original").await;
    page.type_into(
        "diff-input-original",
        "The mayor said 60,000 homes would be built by 2030.",
    )
    .await;
    page.type_into(
        "diff-input-reworked",
        "The mayor said 25,000 homes would be built by 2032.",
    )
    .await;

    page.wait_for_text(
        "diff-stats",
        "10 words → 10 words (±0%) · 2 added · 2 removed",
    )
    .await;
    page.wait_for_texts("[data-testid='diff-output'] del", &["60,000", "2030"])
        .await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["25,000", "2032"])
        .await;

    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_note_appears_beside_the_diff_and_counts_follow_typing() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;

    page.type_into(
        "diff-input-note",
        "Correction: An earlier version misstated the figure.",
    )
    .await;
    page.wait_for_text("diff-note-panel", "misstated the figure")
        .await;

    page.type_into("diff-input-original", "One two three").await;
    page.wait_for_texts(
        ".text-pane .counts",
        &[
            "3 words · 13 characters",
            "0 words · 0 characters",
            "7 words · 52 characters",
        ],
    )
    .await;

    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_note_in_the_reworked_text_fills_the_panel_until_one_is_typed() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;

    page.type_into("diff-input-original", "The vote was on Monday.")
        .await;
    page.type_into(
        "diff-input-reworked",
        "The vote was on Tuesday.\n\nCorrection: An earlier version of this article gave the wrong day.",
    )
    .await;
    page.wait_for_text("diff-note-detected", "Detected in the reworked text")
        .await;
    page.wait_for_text(
        "diff-note-panel",
        "An earlier version of this article gave the wrong day.",
    )
    .await;

    // A note the user types wins over the detected one.
    page.type_into("diff-input-note", "Editor's note: the day was corrected.")
        .await;
    page.wait_for_text("diff-note-panel", "Editor's note: the day was corrected.")
        .await;
    assert!(
        page.texts("[data-testid='diff-note-detected']")
            .await
            .unwrap()
            .is_empty()
    );

    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn options_recompute_and_cosmetic_changes_can_be_shown() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;

    page.type_into("diff-input-original", "The Council met on Monday.")
        .await;
    page.type_into("diff-input-reworked", "The council met on Tuesday.")
        .await;
    page.wait_for_texts(
        "[data-testid='diff-output'] del:not(.diff-cosmetic)",
        &["Council", "Monday"],
    )
    .await;

    // Ignoring case turns "Council" → "council" into a hidden cosmetic change.
    page.click("diff-option-case").await;
    page.wait_for_texts(
        "[data-testid='diff-output'] del:not(.diff-cosmetic)",
        &["Monday"],
    )
    .await;
    page.wait_for_text("diff-cosmetic-stats", "1 small change not marked")
        .await;
    page.wait_for_texts("[data-testid='diff-output'] del.diff-cosmetic", &[""])
        .await;

    page.click("diff-toggle-cosmetic").await;
    page.wait_for_text("diff-cosmetic-stats", "1 small change marked")
        .await;
    page.wait_for_texts(
        "[data-testid='diff-output'] del.diff-cosmetic",
        &["Council"],
    )
    .await;

    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn drafts_survive_a_reload_and_a_damaged_link() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;

    page.type_into("diff-input-original", "Draft original text")
        .await;
    page.type_into("diff-input-reworked", "Draft reworked text")
        .await;
    page.type_into("diff-input-note", "Draft note").await;
    page.wait_for_saved_drafts().await;

    page.reload().await;
    page.wait_for_texts("[data-testid='diff-output'] del", &["original"])
        .await;
    assert_eq!(
        page.value("diff-input-original").await,
        "Draft original text"
    );
    assert_eq!(page.value("diff-input-note").await, "Draft note");

    // Opening a damaged link in the same browser shows why and keeps the saved drafts.
    page.goto(&format!("{}#v1.broken", harness.app_url())).await;
    page.wait_for_text("diff-link-error", "Your texts were not changed.")
        .await;
    assert_eq!(
        page.value("diff-input-reworked").await,
        "Draft reworked text"
    );

    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_example_loads_on_first_visit_and_keys_step_through_its_changes() {
    let harness = Harness::start().await;
    let page = harness.open_at("").await;
    page.wait_for_text("diff-example", "This is an example")
        .await;
    page.wait_for_text("diff-headline", "after long debate")
        .await;
    page.wait_for_text("diff-counter", "6 changes").await;
    // The detected note, checked against the changes: the figure and the removed paragraph
    // are explained, the headline's new words and the move are not.
    page.wait_for_text(
        "diff-reconcile-summary",
        "The note mentions 3 of 6 changes.",
    )
    .await;
    page.wait_for_text("diff-facts", "$4.2 million → $2.4 million")
        .await;
    // Typing a note of one's own rechecks everything.
    page.type_into("diff-input-note", "Correction: we moved a paragraph.")
        .await;
    page.wait_for_text("diff-reconcile-summary", "The note mentions 0 of 6 changes")
        .await;

    page.press("j").await;
    page.wait_for_text("diff-counter", "Change 1 of 6").await;
    // The current change is marked, in the diff and on the ruler.
    page.wait_for_texts(
        "[data-testid='diff-output'] .diff-current",
        &["$4.2", "$2.4"],
    )
    .await;
    page.wait_for_texts("[data-testid='diff-ruler'] .mark-current", &[""])
        .await;
    page.press("jn").await;
    page.wait_for_text("diff-counter", "Change 3 of 6").await;
    page.press("k").await;
    page.wait_for_text("diff-counter", "Change 2 of 6").await;
    // Letters typed into a text box stay text.
    page.type_into("diff-input-note", " jk").await;
    page.wait_for_text("diff-counter", "Change 2 of 6").await;
    page.press("?").await;
    page.wait_for_text("diff-shortcut-help", "next change")
        .await;

    page.click("diff-start-own").await;
    page.wait_for_text("diff-empty", "Paste the original").await;
    page.wait_for_text("diff-counter", "No changes").await;
    // The reader's own texts start in the Original box, and with nothing to share yet the
    // link and the downloads wait for them.
    page.wait_for("the focus to be in the Original box", || async {
        page.run("return document.activeElement && document.activeElement.id;")
            .await
            == "original"
    })
    .await;
    for button in ["diff-copy-link", "diff-download-html", "diff-download-json"] {
        assert!(
            !page.element(button).await.is_enabled().await.unwrap(),
            "{button} is enabled with both boxes empty"
        );
    }
    page.type_into("diff-input-original", "A").await;
    page.wait_for("Copy link to be enabled by a text", || async {
        page.element("diff-copy-link")
            .await
            .is_enabled()
            .await
            .unwrap()
    })
    .await;
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn views_switch_and_are_remembered_after_a_reload() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    let original = "Headline\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nThe vote was on Monday.";
    page.type_into("diff-input-original", original).await;
    page.type_into(
        "diff-input-reworked",
        &original.replace("Monday", "Tuesday"),
    )
    .await;
    page.wait_for_texts("[data-testid='diff-output'] del", &["Monday"])
        .await;

    page.click("diff-view-side-by-side").await;
    page.wait_for_texts(
        "[data-testid='diff-output'] .sbs-reworked ins",
        &["Tuesday"],
    )
    .await;
    page.click("diff-view-changes-only").await;
    page.wait_for_texts("[data-testid='diff-fold']", &["… 5 unchanged paragraphs"])
        .await;

    page.wait_for_saved_drafts().await;
    page.reload().await;
    page.wait_for_texts("[data-testid='diff-fold']", &["… 5 unchanged paragraphs"])
        .await;
    assert!(page.is_checked("diff-view-changes-only").await);
    page.click("diff-fold").await;
    page.wait_for_text("diff-output", "Three.").await;
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn each_paragraph_of_the_diff_reads_in_its_own_direction() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    // A Hebrew paragraph kept, then one whose Hebrew was replaced with English, then English.
    page.type_into(
        "diff-input-original",
        "שלום עולם\n\n2024: טקסט ישן\n\nThe end.",
    )
    .await;
    page.type_into(
        "diff-input-reworked",
        "שלום עולם\n\n2024: new text\n\nThe end.",
    )
    .await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["new text"])
        .await;
    let directions = |selector: &'static str| {
        let page = &page;
        async move {
            page.run(&format!(
                "return [...document.querySelectorAll(\"[data-testid='diff-output'] {selector}\")].map(e => e.getAttribute('dir'));"
            ))
            .await
        }
    };
    // Inline, a block reads in the direction of its first letter, deleted or not.
    assert_eq!(
        directions(".diff-block").await,
        serde_json::json!(["rtl", "rtl", "ltr"])
    );
    // Side by side, each cell in the direction of the text it shows.
    page.click("diff-view-side-by-side").await;
    page.wait_for_texts(
        "[data-testid='diff-output'] .sbs-reworked ins",
        &["new text"],
    )
    .await;
    assert_eq!(
        directions(".sbs-original").await,
        serde_json::json!(["rtl", "rtl", "ltr"])
    );
    assert_eq!(
        directions(".sbs-reworked").await,
        serde_json::json!(["rtl", "ltr", "ltr"])
    );
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn swap_and_clear_with_undo() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.type_into("diff-input-original", "Old text here.")
        .await;
    page.type_into("diff-input-reworked", "New text here.")
        .await;
    page.wait_for_texts("[data-testid='diff-output'] del", &["Old"])
        .await;

    page.click("diff-swap").await;
    page.wait_for_texts("[data-testid='diff-output'] del", &["New"])
        .await;
    assert_eq!(page.value("diff-input-original").await, "New text here.");

    page.click("diff-clear").await;
    page.wait_for_text("diff-empty", "Paste the original").await;
    assert_eq!(page.value("diff-input-reworked").await, "");
    page.click("diff-undo-clear").await;
    page.wait_for_texts("[data-testid='diff-output'] del", &["New"])
        .await;
    assert_eq!(page.value("diff-input-reworked").await, "Old text here.");
    harness.stop(page).await;
}

/// Each browser keeps its profile in the harness's scratch directory, and the harness deletes
/// it: a killed Chromium never deletes its own (80 MB each), and a thousand of them once filled
/// the disk that CI runs on.
#[tokio::test(flavor = "multi_thread")]
async fn the_harness_leaves_no_browser_profile_behind() {
    let harness = Harness::start().await;
    let scratch = harness.scratch().to_owned();
    let page = harness.open_app().await;
    let profiles: Vec<String> = std::fs::read_dir(&scratch)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("org.chromium.Chromium.scoped_dir"))
        .collect();
    // Chromium 156 makes two such directories per browser: the profile and a smaller one.
    assert!(
        !profiles.is_empty(),
        "the browser's profile should be in {}",
        scratch.display()
    );
    harness.stop(page).await;
    assert!(!scratch.exists(), "{} is still there", scratch.display());
}

/// Files opened with the button: text as it is, HTML as its text without scripts, and a
/// binary file refused with a message that leaves the text as it was.
#[tokio::test(flavor = "multi_thread")]
async fn files_open_into_the_inputs() {
    let harness = Harness::start().await;
    let write = |name: &str, bytes: &[u8]| harness.file(name, bytes);
    let text_file = write("original.txt", "The vote was on Monday.\n".as_bytes());
    let html_file = write(
        "reworked.html",
        b"<html><head><style>p{color:red}</style><script>window.pwned = 1</script></head>\
          <body><h1>Vote  moved</h1><p>The vote was on <b>Tuesday</b>.</p>\
          <img src=x onerror=\"window.pwned = 2\"></body></html>",
    );
    let binary_file = write("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    let latin1_file = write("latin1.txt", b"Caf\xe9 cr\xe8me\n");

    let page = harness.open_app().await;
    page.element("diff-file-original")
        .await
        .send_keys(&text_file)
        .await
        .unwrap();
    page.wait_for_text("diff-message-original", "Opened “original.txt”.")
        .await;
    assert_eq!(
        page.value("diff-input-original").await,
        "The vote was on Monday.\n"
    );

    page.element("diff-file-reworked")
        .await
        .send_keys(&html_file)
        .await
        .unwrap();
    page.wait_for_text("diff-message-reworked", "Opened “reworked.html”.")
        .await;
    assert_eq!(
        page.value("diff-input-reworked").await,
        "Vote moved\n\nThe vote was on Tuesday.\n"
    );
    page.wait_for_texts(
        "[data-testid='diff-output'] ins",
        &["Vote moved", "Tuesday"],
    )
    .await;

    page.element("diff-file-original")
        .await
        .send_keys(&binary_file)
        .await
        .unwrap();
    page.wait_for_text("diff-message-original", "does not look like a text file")
        .await;
    assert_eq!(
        page.value("diff-input-original").await,
        "The vote was on Monday.\n"
    );

    page.element("diff-file-note")
        .await
        .send_keys(&latin1_file)
        .await
        .unwrap();
    page.wait_for_text("diff-message-note", "is not UTF-8: 2 characters")
        .await;
    assert_eq!(
        page.run("return window.pwned ?? null;").await,
        serde_json::Value::Null
    );
    harness.stop(page).await;
}

/// Pasted HTML keeps its paragraphs and loses its scripts; a dropped file opens like a chosen one.
#[tokio::test(flavor = "multi_thread")]
async fn html_paste_and_file_drop() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.type_into("diff-input-original", "Intro. ").await;
    page.run(
        "const area = document.querySelector(\"[data-testid='diff-input-original']\");
         area.focus();
         area.setSelectionRange(area.value.length, area.value.length);
         const data = new DataTransfer();
         data.setData('text/html', '<p>First  paragraph.</p><script>window.pwned = 1</script><p>Second <i>one</i>.</p>');
         data.setData('text/plain', 'First paragraph. Second one.');
         area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
    )
    .await;
    page.wait_for_text("diff-message-original", "Pasted as text")
        .await;
    assert_eq!(
        page.value("diff-input-original").await,
        "Intro. First paragraph.\n\nSecond one.\n"
    );

    page.run(
        "const pane = document.querySelector(\"[data-testid='diff-input-reworked']\").closest('.text-pane');
         const data = new DataTransfer();
         data.items.add(new File(['Dropped text.'], 'dropped.txt', { type: 'text/plain' }));
         for (const type of ['dragenter', 'dragover', 'drop']) {
             pane.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
         }",
    )
    .await;
    page.wait_for_text("diff-message-reworked", "Opened “dropped.txt”.")
        .await;
    assert_eq!(page.value("diff-input-reworked").await, "Dropped text.");
    assert_eq!(
        page.run("return window.pwned ?? null;").await,
        serde_json::Value::Null
    );
    harness.stop(page).await;
}

/// A long diff is drawn in chunks; going to a change far down draws up to it, and the rest
/// follows.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_diff_is_drawn_progressively_and_navigation_reaches_its_end() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    let paragraphs: Vec<String> = (1..=400)
        .map(|idx| format!("Paragraph number {idx} of a long article."))
        .collect();
    let original = paragraphs.join("\n\n");
    let reworked = original.replace("number 397 of", "number 397 (revised) of");
    page.run(&format!(
        "const set = (id, text) => {{
             const area = document.querySelector(`[data-testid='${{id}}']`);
             area.value = text;
             area.dispatchEvent(new Event('input', {{ bubbles: true }}));
         }};
         set('diff-input-original', {original:?});
         set('diff-input-reworked', {reworked:?});"
    ))
    .await;
    page.wait_for_text("diff-counter", "1 change").await;
    page.press("k").await;
    page.wait_for_text("diff-counter", "Change 1 of 1").await;
    page.wait_for_texts("[data-testid='diff-output'] .diff-current", &["(revised) "])
        .await;
    page.wait_for("all 400 paragraphs to be drawn", || async {
        page.run(
            "return document.querySelectorAll(\"[data-testid='diff-output'] .diff-block\").length;",
        )
        .await
            == 400
    })
    .await;
    harness.stop(page).await;
}

/// A reload right after typing, before the debounced save, loses nothing: the page saves
/// its drafts as it goes.
#[tokio::test(flavor = "multi_thread")]
async fn a_reload_right_after_typing_keeps_the_last_edit() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.type_into("diff-input-original", "Typed just before the reload")
        .await;
    page.reload().await;
    assert_eq!(
        page.value("diff-input-original").await,
        "Typed just before the reload"
    );
    harness.stop(page).await;
}

/// How many changes' labels are drawn (not only read out), and how many changes have labels.
async fn labels_drawn(page: &redline_e2e::Page) -> (u64, u64) {
    let counts = page
        .run(
            "const pills = [...document.querySelectorAll('[data-testid=diff-output] .badge-pills')];
             return [pills.filter(p => getComputedStyle(p).display !== 'none').length, pills.length];",
        )
        .await;
    (counts[0].as_u64().unwrap(), counts[1].as_u64().unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn labels_stay_out_of_the_text_until_asked_for_and_the_headline_is_drawn_once() {
    let harness = Harness::start().await;
    let page = harness.open_at("").await;
    page.wait_for_text("diff-example", "This is an example")
        .await;
    page.wait_for_text("diff-counter", "6 changes").await;
    // The headline is called out where it stands, once.
    let headlines = page
        .run("return document.querySelectorAll('[data-testid=diff-headline]').length;")
        .await;
    assert_eq!(headlines, 1);
    let copies = page
        .run(
            "return [...document.querySelectorAll('[data-testid=diff-output] .diff-block')]
                 .filter(b => b.textContent.includes('bridge repair')).length;",
        )
        .await;
    assert_eq!(copies, 1, "the headline's paragraph is drawn once");
    // No pill breaks a sentence until a change is current, and then only that change's.
    let (drawn, all) = labels_drawn(&page).await;
    assert!(all >= 5, "{all} changes with labels");
    assert_eq!(drawn, 0);
    // Each change's labels are still read out.
    let spoken = page
        .run("return document.querySelectorAll('[data-testid=diff-output] .change-badges .visually-hidden').length;")
        .await;
    assert_eq!(spoken.as_u64(), Some(all));
    page.press("j").await;
    page.wait_for_text("diff-counter", "Change 1 of").await;
    page.wait_for("the current change's labels to be drawn", || async {
        labels_drawn(&page).await.0 == 1
    })
    .await;
    // "Show labels" draws them all, and is remembered.
    page.click("diff-show-labels").await;
    page.wait_for("every change's labels to be drawn", || async {
        let (drawn, all) = labels_drawn(&page).await;
        drawn == all
    })
    .await;
    page.reload().await;
    // The change in focus is kept with the texts, so the counter names it.
    page.wait_for_text("diff-counter", "Change 1 of 6").await;
    assert!(page.is_checked("diff-show-labels").await);
    let (drawn, all) = labels_drawn(&page).await;
    assert_eq!(drawn, all);
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_the_differences_are_one_tap_away_and_come_before_the_panel() {
    let harness = Harness::start().await;
    let page = harness.open_at("").await;
    page.resize(390, 844).await;
    page.wait_for_text("diff-counter", "6 changes").await;
    // The diff comes before the share bar, the note check and the stats.
    let order = page
        .run(
            "const top = sel => document.querySelector(sel).getBoundingClientRect().top;
             return top('.diff-column') < top('[data-testid=diff-note-panel]');",
        )
        .await;
    assert_eq!(order, true);
    // One tap from the top of the page takes the reader to the differences.
    page.click("diff-to-differences").await;
    page.wait_for("the differences to be at the top of the screen", || async {
        let top = page
            .run("return document.getElementById('differences').getBoundingClientRect().top;")
            .await;
        top.as_f64().is_some_and(|top| top.abs() < 2.0)
    })
    .await;
    // Side by side is stacked: each reworked cell under its original one, as wide.
    page.click("diff-view-side-by-side").await;
    page.wait_for("the side-by-side cells to be stacked", || async {
        page.run(
            "const row = [...document.querySelectorAll('.diff-sbs .sbs-row')]
                 .find(row => row.querySelector('.sbs-original del') && row.querySelector('.sbs-reworked ins'));
             if (!row) return false;
             const [a, b] = ['.sbs-original', '.sbs-reworked'].map(sel => row.querySelector(sel).getBoundingClientRect());
             return a.bottom <= b.top + 1 && Math.abs(a.width - b.width) < 1;",
        )
        .await
            == true
    })
    .await;
    harness.stop(page).await;
}
