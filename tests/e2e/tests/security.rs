//! Security: the release build runs under its Content-Security-Policy and Trusted Types without a violation, both block what they should, and no request leaves 127.0.0.1.

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
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "require-trusted-types-for 'script'",
        "trusted-types default",
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

    // Trusted Types are in force: markup that could run code, script text and a script from
    // elsewhere are refused at the sink, no other policy can be made, and plain markup (what
    // Leptos's templates are) still passes the app's default policy.
    let refused = page
        .run(
            "const outcomes = {};
             const attempt = (name, action) => {
               try { action(); outcomes[name] = 'allowed'; } catch (error) { outcomes[name] = error.name; }
             };
             const box = document.createElement('div');
             attempt('handler markup', () => { box.innerHTML = '<img src=x onerror=\"window.markupRan = true\">'; });
             attempt('plain markup', () => { box.innerHTML = '<b>bold</b> text'; });
             const script = document.createElement('script');
             attempt('script text', () => { script.textContent = 'window.inlineScriptRan = true;'; });
             attempt('foreign script', () => { script.src = 'https://example.com/x.js'; });
             attempt('another policy', () => { trustedTypes.createPolicy('mine', { createHTML: (s) => s }); });
             document.head.appendChild(script);
             return outcomes;",
        )
        .await;
    assert_eq!(
        refused,
        serde_json::json!({
            "handler markup": "TypeError",
            "plain markup": "allowed",
            "script text": "TypeError",
            "foreign script": "TypeError",
            "another policy": "TypeError",
        })
    );
    assert_eq!(
        page.run("return [window.markupRan ?? null, window.inlineScriptRan ?? null, window.redlineRefusedMarkup.length];")
            .await,
        serde_json::json!([null, null, 1])
    );
    // The style rules of the policy hold too: an inline style is refused.
    page.run(
        "const style = document.createElement('style');
         style.textContent = 'body { display: none; }';
         document.head.appendChild(style);",
    )
    .await;
    assert_eq!(
        page.run("return getComputedStyle(document.body).display;")
            .await,
        "block"
    );
    let violations = page.run("return window.redlineCspViolations;").await;
    let violations: Vec<String> = serde_json::from_value(violations).unwrap();
    for directive in ["require-trusted-types-for", "trusted-types", "style-src"] {
        assert!(
            violations.iter().any(|v| v.starts_with(directive)),
            "no {directive} violation in {violations:?}"
        );
    }
    harness.stop(page).await;
}
