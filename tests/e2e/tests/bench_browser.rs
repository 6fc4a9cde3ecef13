//! Browser timing: the release build in headless Chromium on the standard benchmark inputs, with jsdiff's diffWords timed in the same page.
//!
//! Not a check (timings are not asserted), so it is ignored by default; `make bench-browser`
//! runs it and prints Markdown tables. For each pair: the engine in wasm (the app's exported
//! worker entry called on the page's thread: compare plus the comparison's JSON), paste →
//! painted (the reworked text set half a second after the original, until the first frame
//! that starts with the diff in place, from the web worker for long texts, is painted), the
//! longest main-thread
//! task (PerformanceObserver `longtask`, Chromium reports tasks over 50 ms), the JS heap after
//! (`performance.memory`), and jsdiff 9.0.0 `diffWords` on the same texts in the same page
//! (skipped above 10k words heavy, which takes minutes). Then, with the pair in place, typing:
//! 20 key presses one after the other in the middle of the reworked text, each timed from its
//! `keydown` to the first frame painted with no comparison running, their median, and the
//! longest task while they were typed. Then the same for every corpus pair in
//! tests/fixtures/pairs.jsonl, summed up (without the typing).

use std::path::Path;

use redline_e2e::Harness;

/// Pastes `reworked` into the reworked box (the original is already in place) and measures.
const MEASURE: &str = "
    const [original, reworked, runJsdiff] = arguments;
    const done = arguments[arguments.length - 1];
    const set = (testId, text) => {
        const area = document.querySelector(`[data-testid='${testId}']`);
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const settle = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
    (async () => {
        set('diff-input-reworked', '');
        set('diff-input-original', original);
        await settle();
        // A person takes longer than this between pasting the original and the reworked text.
        await new Promise(resolve => setTimeout(resolve, 500));
        let longest = 0;
        const observer = new PerformanceObserver(list => {
            for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        const start = performance.now();
        set('diff-input-reworked', reworked);
        // The diff is on screen after the first frame that starts with no comparison running
        // (long texts are compared in the web worker), and a task queued from that frame's
        // animation callback runs once the frame is painted.
        const frameFinds = () => new Promise(resolve => requestAnimationFrame(() =>
            resolve(document.querySelector(\"[data-testid='diff-comparing']\") === null)));
        while (!(await frameFinds())) {}
        await new Promise(resolve => setTimeout(resolve, 0));
        const painted = performance.now() - start;
        await new Promise(resolve => setTimeout(resolve, 100));
        observer.disconnect();
        const nodes = document.querySelector(\"[data-testid='diff-output']\")?.getElementsByTagName('*').length ?? 0;
        const failed = document.querySelector(\"[data-testid='diff-compare-error']\")?.textContent ?? null;
        let jsdiff = null;
        if (runJsdiff) {
            const t = performance.now();
            Diff.diffWords(original, reworked);
            jsdiff = performance.now() - t;
        }
        const glue = await import(document.querySelector('script[data-redline-js]').dataset.redlineJs);
        const request = JSON.stringify({ compare: { original, reworked, options: {} } });
        const t = performance.now();
        glue.redline_worker_handle(request);
        const engine = performance.now() - t;
        const heap = performance.memory ? performance.memory.usedJSHeapSize : null;
        const counter = document.querySelector(\"[data-testid='diff-counter']\")?.textContent;
        done({ engine, painted, longest, nodes, jsdiff, heap, failed, counter });
    })().catch(err => done({ error: String(err) }));";

/// Puts the caret in the middle of the reworked text (at a space, so the words typed are a
/// word of their own) and starts recording key presses and long tasks.
const TYPING_STARTS: &str = "
    const area = document.querySelector(\"[data-testid='diff-input-reworked']\");
    area.focus();
    const space = area.value.indexOf(' ', Math.floor(area.value.length / 2));
    const at = space < 0 ? area.value.length : space;
    area.setSelectionRange(at, at);
    window.benchKeys = [];
    if (!window.benchKeysListening) {
        document.addEventListener('keydown', (event) => window.benchKeys.push(event.timeStamp), true);
        window.benchKeysListening = true;
    }
    window.benchTypingLongest = 0;
    window.benchTypingObserver = new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            window.benchTypingLongest = Math.max(window.benchTypingLongest, entry.duration);
        }
    });
    window.benchTypingObserver.observe({ type: 'longtask', buffered: false });
    return null;";

/// After a key press: the time from its `keydown` to the first frame painted with no
/// comparison running (as in [`MEASURE`]).
const KEY_PAINTED: &str = "
    const done = arguments[arguments.length - 1];
    const idle = () => document.querySelector(\"[data-testid='diff-comparing']\") === null
        && document.querySelector(\"[data-testid='diff-updating']\") === null;
    const frameFinds = () => new Promise(resolve => requestAnimationFrame(() => resolve(idle())));
    (async () => {
        while (!(await frameFinds())) {}
        await new Promise(resolve => setTimeout(resolve, 0));
        done(performance.now() - window.benchKeys[window.benchKeys.length - 1]);
    })();";

/// The words typed, one key press at a time: 20 of them.
const TYPED: &str = "and a few more words";

/// Types [`TYPED`] in the middle of the reworked text, key by key, and returns the median time
/// from a key press to its diff painted, and the longest task while typing.
async fn typing(page: &redline_e2e::Page) -> (f64, f64) {
    page.run(TYPING_STARTS).await;
    let mut latencies = Vec::new();
    for key in TYPED.chars() {
        page.type_at_caret(&key.to_string()).await;
        let latency = page.run_async(KEY_PAINTED, vec![]).await;
        latencies.push(latency.as_f64().expect("a time"));
    }
    let longest = page
        .run(
            "window.benchTypingObserver.disconnect(); document.activeElement.blur(); \
             return window.benchTypingLongest;",
        )
        .await;
    latencies.sort_by(f64::total_cmp);
    (
        latencies[latencies.len() / 2],
        longest.as_f64().unwrap_or(0.0),
    )
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "timings, not a check; run with `make bench-browser`"]
async fn browser_timings() {
    let inputs = std::env::var("REDLINE_BENCH_INPUTS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/bench-inputs").to_owned()
    });
    let jsdiff =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/diff/dist/diff.min.js");
    let jsdiff = std::fs::read_to_string(&jsdiff).expect("npm ci installs jsdiff");
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.run(&format!("{jsdiff}\nwindow.Diff = Diff;")).await;
    println!(
        "| pair | engine in wasm | paste → painted | longest task | DOM elements in the diff | JS heap after | jsdiff diffWords, same page | jsdiff ÷ engine | keystroke → painted (median of 20) | longest task while typing |"
    );
    println!("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    let mut pairs: Vec<(String, String, String, bool)> = Vec::new();
    for size in ["1k", "2k", "10k", "100k"] {
        for profile in ["light", "heavy", "pathological"] {
            let name = format!("{size}_{profile}");
            let read = |name: &str, side: &str| {
                std::fs::read_to_string(format!("{inputs}/{name}.{side}.txt")).unwrap_or_else(
                    |err| panic!("{inputs}/{name}.{side}.txt: {err}; run `make bench` once"),
                )
            };
            let (original, reworked) = if size == "2k" {
                // The first 2,000 words of the 10k pair: the size of a long news article.
                let base = format!("10k_{profile}");
                first_words(&read(&base, "old"), &read(&base, "new"), 2_000)
            } else {
                (read(&name, "old"), read(&name, "new"))
            };
            let run_jsdiff = size == "1k"
                || size == "2k"
                || (size == "10k" && profile != "pathological")
                || name == "100k_light";
            pairs.push((name, original, reworked, run_jsdiff));
        }
    }
    for (name, original, reworked, run_jsdiff) in pairs {
        let result = measure(&page, &original, &reworked, run_jsdiff).await;
        let ms = |key: &str| {
            result[key]
                .as_f64()
                .map_or("—".to_owned(), |v| format!("{v:.0} ms"))
        };
        let ratio = match (result["jsdiff"].as_f64(), result["engine"].as_f64()) {
            (Some(jsdiff), Some(engine)) if engine > 0.0 => format!("{:.0}×", jsdiff / engine),
            _ => "—".to_owned(),
        };
        let heap = result["heap"]
            .as_f64()
            .map_or("—".to_owned(), |v| format!("{:.0} MB", v / 1e6));
        if let Some(failed) = result["failed"].as_str() {
            println!("| {name} | the comparison failed: {failed} |");
            continue;
        }
        eprintln!("{name}: {}", result["counter"]);
        let (keystroke, typing_longest) = typing(&page).await;
        println!(
            "| {name} | {} | {} | {} | {} | {heap} | {} | {ratio} | {keystroke:.0} ms | {typing_longest:.0} ms |",
            ms("engine"),
            ms("painted"),
            ms("longest"),
            result["nodes"],
            ms("jsdiff"),
        );
    }

    // The real revision pairs of the corpus, one after the other, in a fresh browser: after
    // the typing at 100k words, the same page took 72 ms from a corpus pair pasted to its diff
    // painted, where a page that had not typed took 17 ms.
    page.close().await;
    let page = harness.open_app().await;
    page.run(&format!("{jsdiff}\nwindow.Diff = Diff;")).await;
    let corpus = include_str!("../../fixtures/pairs.jsonl");
    let mut rows: Vec<(f64, f64, f64, f64)> = Vec::new();
    for line in corpus.lines() {
        let pair: serde_json::Value = serde_json::from_str(line).unwrap();
        let (original, reworked) = (
            pair["original"].as_str().unwrap(),
            pair["reworked"].as_str().unwrap(),
        );
        let result = measure(&page, original, reworked, true).await;
        let get = |key: &str| result[key].as_f64().unwrap_or(0.0);
        rows.push((get("engine"), get("painted"), get("longest"), get("jsdiff")));
    }
    let stat = |pick: fn(&(f64, f64, f64, f64)) -> f64| {
        let mut values: Vec<f64> = rows.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        (values[values.len() / 2], values[values.len() - 1])
    };
    let (engine, painted, longest, jsdiff) = (
        stat(|row| row.0),
        stat(|row| row.1),
        stat(|row| row.2),
        stat(|row| row.3),
    );
    println!();
    println!(
        "| {} corpus pairs | engine in wasm | paste → painted | longest task | jsdiff diffWords |",
        rows.len()
    );
    println!("|---|--:|--:|--:|--:|");
    println!(
        "| median | {:.1} ms | {:.0} ms | {:.0} ms | {:.1} ms |",
        engine.0, painted.0, longest.0, jsdiff.0
    );
    println!(
        "| slowest | {:.1} ms | {:.0} ms | {:.0} ms | {:.1} ms |",
        engine.1, painted.1, longest.1, jsdiff.1
    );
    harness.stop(page).await;
}

/// Runs [`MEASURE`] on one pair.
async fn measure(
    page: &redline_e2e::Page,
    original: &str,
    reworked: &str,
    run_jsdiff: bool,
) -> serde_json::Value {
    page.run_async(
        MEASURE,
        vec![original.into(), reworked.into(), run_jsdiff.into()],
    )
    .await
}

/// The first paragraphs of both sides of a pair, as many as hold `n_words` words of the
/// original (light and heavy edits keep the paragraphs in order).
fn first_words(original: &str, reworked: &str, n_words: usize) -> (String, String) {
    let original_paragraphs: Vec<&str> = original.split("\n\n").collect();
    let mut n_paragraphs = 0;
    let mut seen = 0;
    while seen < n_words && n_paragraphs < original_paragraphs.len() {
        seen += original_paragraphs[n_paragraphs].split_whitespace().count();
        n_paragraphs += 1;
    }
    let take = |text: &str| {
        text.split("\n\n")
            .take(n_paragraphs)
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    (take(original), take(reworked))
}
