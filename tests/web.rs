//! Browser tests: the app and the engine inside wasm in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use redline_engine::compare;
use redline_engine::formats::share::{self, Shared};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh container, so that tests do not see each other's DOM, after
/// clearing localStorage, so that they do not see each other's kept comparisons either. The
/// drafts are put where an older Redline kept them, which the page takes as a comparison.
fn mount_app() -> HtmlElement {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    // Saved (empty) drafts: not a first visit, so no example.
    storage
        .set_item("redline.drafts", &share::encode(&Shared::default()))
        .unwrap();
    mount()
}

/// Mounts the app into a fresh container as it is, localStorage included.
fn mount() -> HtmlElement {
    let container: HtmlElement = document()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    // The handle unmounts the app when dropped; the page ends with the test run anyway.
    std::mem::forget(leptos::mount::mount_to(container.clone(), redline::ui::App));
    container
}

fn find(container: &Element, test_id: &str) -> Element {
    container
        .query_selector(&format!("[data-testid='{test_id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {test_id}"))
}

fn texts(container: &Element, selector: &str) -> Vec<String> {
    let nodes = container.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|idx| nodes.item(idx).unwrap().text_content().unwrap())
        .collect()
}

/// Types `text` into a text area the way a user's input event delivers it.
fn type_into(container: &Element, test_id: &str, text: &str) {
    let area: HtmlTextAreaElement = find(container, test_id).unchecked_into();
    area.set_value(text);
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn typing_both_versions_shows_the_word_diff() {
    let app = mount_app();
    assert!(
        find(&app, "diff-empty")
            .text_content()
            .unwrap()
            .contains("Paste the original")
    );

    type_into(
        &app,
        "diff-input-original",
        "The council approved 60,000 homes on Monday.",
    );
    type_into(
        &app,
        "diff-input-reworked",
        "The council approved 25,000 homes on Tuesday.",
    );
    leptos::task::tick().await;

    let output = find(&app, "diff-output");
    assert_eq!(texts(&output, "del"), ["60,000", "Monday"]);
    assert_eq!(texts(&output, "ins"), ["25,000", "Tuesday"]);
    assert_eq!(
        find(&app, "diff-stats").text_content().unwrap(),
        "7 words → 7 words (±0%) · 2 added · 2 removed"
    );
    assert_eq!(
        find(&app, "diff-paragraph-stats").text_content().unwrap(),
        "Paragraphs: 1 changed · 0 removed · 0 added · 0 moved"
    );
    // A sentence alone is no headline.
    assert_eq!(
        find(&app, "diff-headline-stats").text_content().unwrap(),
        "No headline"
    );
    assert_eq!(
        find(&app, "diff-counter").text_content().unwrap(),
        "2 changes"
    );
}

#[wasm_bindgen_test]
async fn a_first_visit_shows_the_example_until_the_reader_starts_their_own() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    // The test runner's page has a fragment of its own (`#wbg_style=…`), which the app would
    // take for a link; a first visit has none.
    let runner_url = window().location().href().unwrap();
    let path = window().location().pathname().unwrap();
    let history = window().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&path))
        .unwrap();
    let app = mount();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&runner_url))
        .unwrap();
    leptos::task::tick().await;
    assert!(
        find(&app, "diff-example")
            .text_content()
            .unwrap()
            .contains("This is an example")
    );
    assert!(
        find(&app, "diff-headline")
            .text_content()
            .unwrap()
            .contains("after long debate")
    );
    assert!(
        find(&app, "diff-note-panel")
            .text_content()
            .unwrap()
            .contains("Detected in the reworked text")
    );
    let output = find(&app, "diff-output");
    assert!(texts(&output, "del").contains(&"$4.2".to_owned()));
    assert_eq!(
        output
            .query_selector_all(".diff-block-moved-to")
            .unwrap()
            .length(),
        1
    );

    find(&app, "diff-start-own")
        .unchecked_into::<HtmlElement>()
        .click();
    leptos::task::tick().await;
    assert!(
        app.query_selector("[data-testid='diff-example']")
            .unwrap()
            .is_none()
    );
    let original: HtmlTextAreaElement = find(&app, "diff-input-original").unchecked_into();
    assert_eq!(original.value(), "");
    assert!(
        find(&app, "diff-empty")
            .text_content()
            .unwrap()
            .contains("Paste the original")
    );
}

#[wasm_bindgen_test]
async fn views_switch_between_inline_side_by_side_and_changes_only() {
    let app = mount_app();
    let paragraphs: Vec<String> = (1..=6)
        .map(|idx| format!("Paragraph number {idx}."))
        .collect();
    let original = paragraphs.join("\n\n");
    type_into(&app, "diff-input-original", &original);
    type_into(
        &app,
        "diff-input-reworked",
        &original.replace("number 6", "number six"),
    );
    leptos::task::tick().await;
    let output = find(&app, "diff-output");
    assert_eq!(
        output.query_selector_all(".diff-block").unwrap().length(),
        6
    );

    find(&app, "diff-view-side-by-side")
        .unchecked_into::<HtmlElement>()
        .click();
    leptos::task::tick().await;
    let output = find(&app, "diff-output");
    assert_eq!(output.query_selector_all(".sbs-row").unwrap().length(), 6);
    assert_eq!(texts(&output, ".sbs-original del"), ["6"]);
    assert_eq!(texts(&output, ".sbs-reworked ins"), ["six"]);

    find(&app, "diff-view-changes-only")
        .unchecked_into::<HtmlElement>()
        .click();
    leptos::task::tick().await;
    let output = find(&app, "diff-output");
    assert_eq!(texts(&output, ".fold"), ["… 5 unchanged paragraphs"]);
    assert_eq!(
        output.query_selector_all(".diff-block").unwrap().length(),
        1
    );
    find(&output, "diff-fold")
        .unchecked_into::<HtmlElement>()
        .click();
    leptos::task::tick().await;
    let output = find(&app, "diff-output");
    assert_eq!(
        output.query_selector_all(".diff-block").unwrap().length(),
        6
    );
}

#[wasm_bindgen_test]
async fn the_note_shows_beside_the_diff() {
    let app = mount_app();
    type_into(
        &app,
        "diff-input-note",
        "Correction: An earlier version misstated the number of homes.",
    );
    leptos::task::tick().await;
    assert!(
        find(&app, "diff-note-panel")
            .text_content()
            .unwrap()
            .contains("misstated the number of homes")
    );
}

/// Runs the real diff on every corpus pair inside wasm: if the engine ever asked `similar` for a
/// deadline, `Instant::now()` would panic here on wasm32-unknown-unknown.
#[wasm_bindgen_test]
fn the_engine_runs_in_wasm_without_reading_the_clock() {
    let pairs = include_str!("fixtures/pairs.jsonl");
    let mut n_pairs = 0;
    for line in pairs.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let original = value["original"].as_str().unwrap();
        let reworked = value["reworked"].as_str().unwrap();
        let comparison = compare(original, reworked);
        assert_eq!(comparison.original_text(), original);
        assert_eq!(comparison.reworked_text(), reworked);
        n_pairs += 1;
    }
    assert_eq!(n_pairs, 31);
}

#[wasm_bindgen_test]
async fn a_crash_keeps_the_texts_and_shows_a_report_without_them() {
    // Only this test's app on the page: the crash report reads the text boxes by their ids.
    let sections = document().query_selector_all("body > section").unwrap();
    for idx in 0..sections.length() {
        let section: Element = sections.item(idx).unwrap().unchecked_into();
        section.remove();
    }
    let container = mount_app();
    type_into(&container, "diff-input-original", "The secret original.");
    type_into(
        &container,
        "diff-input-reworked",
        "The secret reworked text.",
    );
    redline::ui::report_crash("panicked at src/ui/test.rs:1: on purpose");

    let banner = document()
        .query_selector("[data-testid='diff-crash']")
        .unwrap()
        .expect("the crash banner is shown");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let report: HtmlTextAreaElement = document()
        .get_element_by_id("crash-report")
        .unwrap()
        .unchecked_into();
    let report = report.value();
    assert!(
        report.contains("panicked at src/ui/test.rs:1: on purpose"),
        "{report}"
    );
    assert!(report.contains("Texts: 20 and 25 bytes"), "{report}");
    assert!(report.contains("drafts saved: yes"), "{report}");
    assert!(
        !report.contains("secret"),
        "the report must hold no user text: {report}"
    );
    // The texts as they were in the boxes are the comparison this tab works on, which a
    // reload brings back.
    let tab = window()
        .session_storage()
        .unwrap()
        .unwrap()
        .get_item("redline.tab")
        .unwrap()
        .unwrap();
    let entry = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(&format!("redline.comparison.{tab}"))
        .unwrap()
        .unwrap();
    let entry = redline_engine::formats::library::Entry::from_json(&entry).unwrap();
    let saved = share::decode(&entry.fragment).unwrap();
    assert_eq!(saved.original, "The secret original.");
    assert_eq!(saved.reworked, "The secret reworked text.");
    // A later panic (a stopped module called again) does not replace the report of the first.
    redline::ui::report_crash("panicked at elsewhere: a consequence");
    let reports = document().query_selector_all("#crash-report").unwrap();
    assert_eq!(reports.length(), 1);
    banner.remove();
}

#[wasm_bindgen_test]
async fn saved_drafts_with_three_versions_show_the_timeline_and_the_pair_compared() {
    use redline_engine::formats::share::{History, Version};
    let version = |text: &str, label: &str, note: &str| Version {
        text: text.to_owned(),
        label: label.to_owned(),
        note: note.to_owned(),
        ..Version::default()
    };
    let history = History::from_versions(vec![
        version("The plan cost $5 million.", "Mon", ""),
        version("The plan cost $7 million.", "Tue", ""),
        version(
            "The plan cost $5 million.",
            "Wed",
            "Correction: the cost was $5 million.",
        ),
    ]);
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage
        .set_item("redline.drafts", &share::encode_any(&history))
        .unwrap();
    let app = mount();
    leptos::task::tick().await;

    // A card per version, a stop per version with its label, a marker on the one with a note.
    assert_eq!(
        texts(&app, "[data-testid^='diff-stop-'] .stop-name"),
        ["Mon", "Tue", "Wed"]
    );
    assert_eq!(texts(&app, ".stop-note").len(), 1);
    assert!(
        find(&app, "diff-stop-3")
            .text_content()
            .unwrap()
            .contains("note")
    );
    // The last step is compared, with the later version's note beside it.
    assert_eq!(
        find(&app, "diff-step-2")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(texts(&app, "[data-testid='diff-output'] del"), ["$7"]);
    assert_eq!(texts(&app, "[data-testid='diff-output'] ins"), ["$5"]);
    assert!(
        find(&app, "diff-note-panel")
            .text_content()
            .unwrap()
            .contains("version 3 (Wed)")
    );

    // Typing in the middle version changes the step it ends and the one it starts.
    type_into(&app, "diff-input-version-2", "The plan cost $9 million.");
    leptos::task::tick().await;
    assert_eq!(texts(&app, "[data-testid='diff-output'] del"), ["$9"]);

    // First → latest: the two ends are the same text.
    find(&app, "diff-cumulative")
        .unchecked_into::<HtmlElement>()
        .click();
    leptos::task::tick().await;
    assert!(texts(&app, "[data-testid='diff-output'] del").is_empty());
    assert_eq!(
        find(&app, "diff-compare-from")
            .unchecked_into::<web_sys::HtmlSelectElement>()
            .value(),
        "0"
    );
}

#[wasm_bindgen_test]
async fn a_split_paragraph_is_marked_and_its_words_stay() {
    let app = mount_app();
    type_into(
        &app,
        "diff-input-original",
        "Council votes\n\nThe mayor spoke on Monday. The council voted for the plan.",
    );
    type_into(
        &app,
        "diff-input-reworked",
        "Council votes\n\nThe mayor spoke on Monday.\n\nThe council voted against the plan.",
    );
    leptos::task::tick().await;
    let output = find(&app, "diff-output");
    // One mark inline, and the one change is the word.
    assert_eq!(
        texts(&output, "[data-layout='split'] [aria-hidden]"),
        ["¶ split"]
    );
    assert_eq!(texts(&output, "del:not(.diff-cosmetic)"), ["for"]);
    assert_eq!(texts(&output, "ins:not(.diff-cosmetic)"), ["against"]);
    assert_eq!(
        find(&app, "diff-counter").text_content().unwrap(),
        "1 change"
    );

    find(&app, "diff-view-side-by-side")
        .unchecked_into::<HtmlElement>()
        .click();
    leptos::task::tick().await;
    let output = find(&app, "diff-output");
    // Side by side, each column reads as its own version (the marks and badges aside), and
    // both mark the split.
    let cell = |side: &str| {
        let nodes = output.query_selector_all(&format!(".sbs-{side}")).unwrap();
        (0..nodes.length())
            .map(|idx| {
                let copy: Element = nodes
                    .item(idx)
                    .unwrap()
                    .clone_node_with_deep(true)
                    .unwrap()
                    .unchecked_into();
                let marks = copy
                    .query_selector_all(".diff-layout, .change-badges")
                    .unwrap();
                for mark in 0..marks.length() {
                    marks
                        .item(mark)
                        .unwrap()
                        .unchecked_into::<Element>()
                        .remove();
                }
                copy.text_content().unwrap()
            })
            .find(|text| text.contains("mayor"))
            .expect("the paragraph's row")
    };
    assert_eq!(
        cell("original"),
        "The mayor spoke on Monday. The council voted for the plan."
    );
    assert_eq!(
        cell("reworked"),
        "The mayor spoke on Monday.\n\nThe council voted against the plan."
    );
    assert_eq!(
        output.query_selector_all(".diff-layout").unwrap().length(),
        2
    );
}

#[wasm_bindgen_test]
async fn the_note_the_reworked_version_carries_is_shown_as_the_note_not_a_change() {
    let app = mount_app();
    type_into(
        &app,
        "diff-input-original",
        "Harbour plan approved\n\nThe council approved 60,000 homes.",
    );
    type_into(
        &app,
        "diff-input-reworked",
        "Harbour plan approved\n\nThe council approved 25,000 homes.\n\nCorrection: An earlier version misstated the number of homes.",
    );
    leptos::task::tick().await;
    let output = find(&app, "diff-output");
    let note = find(&output, "diff-note-block");
    let block = note.closest(".diff-block").unwrap().unwrap();
    assert!(block.class_list().contains("diff-block-note"));
    assert_eq!(block.get_attribute("data-change"), None);
    assert!(
        block
            .text_content()
            .unwrap()
            .contains("Correction: An earlier version")
    );
    assert_eq!(
        find(&app, "diff-counter").text_content().unwrap(),
        "1 change"
    );
}
