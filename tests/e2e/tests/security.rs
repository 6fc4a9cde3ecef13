//! Security: the release build runs under its Content-Security-Policy without a violation, the policy blocks what it should, and no request leaves 127.0.0.1.

use redline_e2e::Harness;

#[tokio::test(flavor = "multi_thread")]
async fn the_app_runs_under_its_policy_and_talks_to_nobody() {
    let harness = Harness::start().await;
    // The example exercises every view, the ruler (positioned through the CSSOM) and the
    // note check.
    let page = harness.open_at("").await;
    page.wait_for_text("diff-example", "This is an example")
        .await;
    for view in [
        "diff-view-side-by-side",
        "diff-view-changes-only",
        "diff-view-inline",
    ] {
        page.click(view).await;
    }
    page.press("jj?").await;
    page.wait_for_text("diff-counter", "Change 2 of 6").await;

    let policy = page
        .run("return document.querySelector(\"meta[http-equiv='Content-Security-Policy']\")?.content ?? null;")
        .await;
    let policy = policy
        .as_str()
        .expect("index.html has a Content-Security-Policy");
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
    ] {
        assert!(
            policy.contains(directive),
            "{directive} missing from {policy}"
        );
    }
    assert_eq!(
        page.run("return window.redlineCspViolations;").await,
        serde_json::json!([]),
        "the app itself must not trip its policy"
    );

    // Every request went to the app's own server.
    let requests = page
        .run(
            "return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)];",
        )
        .await;
    let requests: Vec<String> = serde_json::from_value(requests).unwrap();
    assert!(
        requests.len() >= 4,
        "the page, its script, wasm and styles: {requests:?}"
    );
    for url in &requests {
        assert!(
            url.starts_with(harness.app_url()),
            "a request left 127.0.0.1: {url}"
        );
    }

    // The policy is in force: an inline script and an inline style are refused.
    page.run(
        "const script = document.createElement('script');
         script.textContent = 'window.inlineScriptRan = true;';
         document.head.appendChild(script);
         const style = document.createElement('style');
         style.textContent = 'body { display: none; }';
         document.head.appendChild(style);",
    )
    .await;
    assert_eq!(
        page.run("return window.inlineScriptRan ?? null;").await,
        serde_json::Value::Null
    );
    assert_eq!(
        page.run("return getComputedStyle(document.body).display;")
            .await,
        "block"
    );
    let violations = page.run("return window.redlineCspViolations;").await;
    let violations: Vec<String> = serde_json::from_value(violations).unwrap();
    assert!(
        violations.iter().any(|v| v.starts_with("script-src")),
        "{violations:?}"
    );
    harness.stop(page).await;
}
