//! XSS: 54 payloads through every way text enters the page (typing, the note, pasted HTML, a file and its name, version labels, a share link, an imported JSON file); none may run, and the text shows literally.

use redline_e2e::{Harness, Page};

/// Each payload, if it ran, would set `window.__xss` or open a dialog.
const PAYLOADS: &[&str] = &[
    "<script>window.__xss=1</script>",
    "<img src=x onerror=\"window.__xss=2\">",
    "<svg onload=\"window.__xss=3\">",
    "<svg><script>window.__xss=4</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=5>",
    "<a href=\"javascript:window.__xss=6\">link</a>",
    "<iframe src=\"javascript:window.__xss=7\"></iframe>",
    "<body onload=window.__xss=8>",
    "<input autofocus onfocus=window.__xss=9>",
    "<details open ontoggle=window.__xss=10>",
    "<div style=\"background:url(javascript:window.__xss=11)\">",
    "<style>@import 'javascript:window.__xss=12';</style>",
    "<div style=\"width: expression(window.__xss=13)\">",
    "{{constructor.constructor('window.__xss=14')()}}",
    "${window.__xss=15}",
    "#{window.__xss=16}",
    "<%= window.__xss=17 %>",
    "javascript:window.__xss=18",
    "data:text/html,<script>window.__xss=19</script>",
    "<object data=\"javascript:window.__xss=20\">",
    "<embed src=\"javascript:window.__xss=21\">",
    "<form action=\"javascript:window.__xss=22\"><button>x</button></form>",
    "<video><source onerror=\"window.__xss=23\">",
    "<audio src=x onerror=window.__xss=24>",
    "<marquee onstart=window.__xss=25>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=26\">",
    "<base href=\"javascript:window.__xss=27//\">",
    "<link rel=import href=\"data:text/html,<script>window.__xss=28</script>\">",
    "\"><script>window.__xss=29</script>",
    "'><img src=x onerror=window.__xss=30>",
    "</textarea><script>window.__xss=31</script>",
    "</title><script>window.__xss=32</script>",
    "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=33>\">",
    "<template><script>window.__xss=34</script></template>",
    "<svg><animate onbegin=window.__xss=35 attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:window.__xss=36\"><text x=20 y=20>x</text></a></svg>",
    "<math href=\"javascript:window.__xss=37\">x</math>",
    "<img src=\"x` `<script>window.__xss=38</script>\"` `>",
    "<scr<script>ipt>window.__xss=39</scr</script>ipt>",
    "<IMG SRC=JaVaScRiPt:window.__xss=40>",
    "<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss=41>",
    "<svg/onload=window.__xss=42>",
    "<body background=\"javascript:window.__xss=43\">",
    "<table background=\"javascript:window.__xss=44\">",
    "<isindex action=javascript:window.__xss=45 type=image>",
    "<keygen autofocus onfocus=window.__xss=46>",
    "<select autofocus onfocus=window.__xss=47>",
    "<textarea autofocus onfocus=window.__xss=48>",
    "<frameset onload=window.__xss=49>",
    "<x onclick=window.__xss=50>click</x>",
    "<img src=x onerror=alert(51)>",
    "<script>alert(document.domain)</script>",
    "\u{202e}<script>window.__xss=53</script>",
    "<!--<img src=\"--><img src=x onerror=window.__xss=54//\">",
];

/// Fails the test if any payload ran in `page`.
async fn assert_nothing_ran(page: &Page, after: &str) {
    assert!(!page.has_alert().await, "a dialog opened after {after}");
    assert_eq!(
        page.run("return window.__xss ?? null;").await,
        serde_json::Value::Null,
        "a payload ran after {after}"
    );
    // Nothing even reached an HTML sink: the Trusted Types policy (assets/loader.js) would have
    // refused it and kept a note.
    assert_eq!(
        page.run("return window.redlineRefusedMarkup;").await,
        serde_json::json!([]),
        "markup with code reached an HTML sink after {after}"
    );
}

/// Sets a text box the way typing does (one input event).
async fn set(page: &Page, test_id: &str, text: &str) {
    page.run(&format!(
        "const area = document.querySelector(\"[data-testid='{test_id}']\");
         area.value = {text:?};
         area.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_payload_runs_and_all_show_as_text() {
    assert!(PAYLOADS.len() >= 50);
    let original = PAYLOADS.join("\n\n");
    let reworked = PAYLOADS
        .iter()
        .map(|payload| format!("{payload} (edited)"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let harness = Harness::start().await;
    let page = harness.open_app().await;

    // Typing into the three boxes, then every view.
    set(&page, "diff-input-original", &original).await;
    set(&page, "diff-input-reworked", &reworked).await;
    set(
        &page,
        "diff-input-note",
        &format!("Correction: {}", PAYLOADS[..6].join(" ")),
    )
    .await;
    page.wait_for_text("diff-counter", "changes").await;
    for view in [
        "diff-view-side-by-side",
        "diff-view-changes-only",
        "diff-view-inline",
    ] {
        page.click(view).await;
        page.element("diff-output").await;
    }
    page.press("jjj").await;
    assert_nothing_ran(&page, "typing").await;
    for payload in [PAYLOADS[0], PAYLOADS[13], PAYLOADS[38]] {
        page.wait_for_text("diff-output", payload).await;
    }
    page.wait_for_text("diff-note-panel", "<script>window.__xss=1</script>")
        .await;

    // Pasted HTML: the payloads as markup.
    page.run(&format!(
        "const area = document.querySelector(\"[data-testid='diff-input-note']\");
         area.focus();
         const data = new DataTransfer();
         data.setData('text/html', {html:?});
         area.dispatchEvent(new ClipboardEvent('paste', {{ clipboardData: data, bubbles: true, cancelable: true }}));",
        html = format!("<p>A pasted paragraph.</p>{}", PAYLOADS.join("<p>"))
    ))
    .await;
    page.wait_for_text("diff-message-note", "Pasted as text")
        .await;
    assert_nothing_ran(&page, "pasting HTML").await;

    // A file whose name and content are payloads.
    let file = harness.file(
        "<img src=x onerror=window.__xss=99>.html",
        PAYLOADS.join("\n<p>"),
    );
    page.element("diff-file-reworked")
        .await
        .send_keys(&file)
        .await
        .unwrap();
    page.wait_for_text(
        "diff-message-reworked",
        "<img src=x onerror=window.__xss=99>.html",
    )
    .await;
    assert_nothing_ran(&page, "opening a file").await;

    // Version labels and notes: shown in the timeline, the pair picker, the note panel and the
    // list of changes undone (version 3 goes back to the original text).
    set(&page, "diff-input-reworked", &reworked).await;
    page.click("diff-add-version").await;
    set(&page, "diff-input-version-3", &original).await;
    for (number, payload) in [(1, PAYLOADS[1]), (2, PAYLOADS[2]), (3, PAYLOADS[30])] {
        set(&page, &format!("diff-label-{number}"), payload).await;
    }
    set(&page, "diff-input-version-3-note", PAYLOADS[31]).await;
    page.click("diff-cumulative").await;
    page.wait_for_text("diff-stop-2", PAYLOADS[2]).await;
    page.wait_for_text("diff-undone", PAYLOADS[30]).await;
    page.wait_for_text("diff-note-panel", PAYLOADS[31]).await;
    assert_nothing_ran(&page, "labelling versions").await;

    // The share link, opened in a fresh browser.
    let link = page.copy_link().await;
    let receiver = harness.open_at(&link[link.find('#').unwrap()..]).await;
    receiver.wait_for_text("diff-stop-1", PAYLOADS[1]).await;
    receiver.wait_for_text("diff-undone", PAYLOADS[30]).await;
    assert_nothing_ran(&receiver, "opening a share link").await;

    // A JSON export with payloads everywhere, imported.
    let json = serde_json::json!({
        "format": "redline",
        "version": 1,
        "original": original,
        "reworked": PAYLOADS[10..].join("\n\n"),
        "note": PAYLOADS[..10].join(" "),
    });
    let json_file = harness.file("payloads.json", json.to_string());
    receiver
        .element("diff-import-json")
        .await
        .send_keys(&json_file)
        .await
        .unwrap();
    receiver.wait_for_text("diff-note-panel", PAYLOADS[1]).await;
    assert_nothing_ran(&receiver, "importing JSON").await;
    receiver.close().await;

    // The checks themselves see a payload that ran: a flag set and a dialog opened by a
    // script the test runs (the page's own policy refuses inline handlers, so an injected
    // `<img onerror>` would not run even through innerHTML).
    page.run("window.__xss = 'test'; setTimeout(() => alert('test'), 0);")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(page.has_alert().await, "the dialog check must see a dialog");
    page.dismiss_alert().await;
    assert_eq!(page.run("return window.__xss ?? null;").await, "test");

    harness.stop(page).await;
}
