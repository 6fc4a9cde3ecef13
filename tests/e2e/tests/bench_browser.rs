//! Browser timing: the release build in headless Chromium on the standard benchmark inputs, with jsdiff's diffWords timed in the same page.
//!
//! Not a check (timings are not asserted), so it is ignored by default; `make bench-browser`
//! runs it and prints a Markdown table. For each pair: paste → painted (the reworked text set
//! while the original is in place, until the next animation frame after the page settled),
//! the longest main-thread task (PerformanceObserver `longtask`, Chromium reports tasks over
//! 50 ms), the JS heap after (`performance.memory`), and jsdiff 9.0.0 `diffWords` on the same
//! texts in the same page (skipped above 10k words heavy, which takes minutes).

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
        let longest = 0;
        const observer = new PerformanceObserver(list => {
            for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        const start = performance.now();
        set('diff-input-reworked', reworked);
        await settle();
        await new Promise(resolve => requestAnimationFrame(resolve));
        const painted = performance.now() - start;
        await new Promise(resolve => setTimeout(resolve, 100));
        observer.disconnect();
        const nodes = document.querySelector(\"[data-testid='diff-output']\")?.getElementsByTagName('*').length ?? 0;
        let jsdiff = null;
        if (runJsdiff) {
            const t = performance.now();
            Diff.diffWords(original, reworked);
            jsdiff = performance.now() - t;
        }
        const heap = performance.memory ? performance.memory.usedJSHeapSize : null;
        done({ painted, longest, nodes, jsdiff, heap });
    })().catch(err => done({ error: String(err) }));";

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
        "| pair | paste → painted | longest task | DOM elements in the diff | JS heap after | jsdiff diffWords, same page | ratio |"
    );
    println!("|---|--:|--:|--:|--:|--:|--:|");
    for size in ["1k", "10k", "100k"] {
        for profile in ["light", "heavy", "pathological"] {
            let name = format!("{size}_{profile}");
            let read = |side: &str| {
                std::fs::read_to_string(format!("{inputs}/{name}.{side}.txt")).unwrap_or_else(
                    |err| panic!("{inputs}/{name}.{side}.txt: {err}; run `make bench` once"),
                )
            };
            let run_jsdiff =
                size == "1k" || (size == "10k" && profile == "light") || name == "100k_light";
            let result = page
                .run_async(
                    MEASURE,
                    vec![read("old").into(), read("new").into(), run_jsdiff.into()],
                )
                .await;
            let ms = |key: &str| {
                result[key]
                    .as_f64()
                    .map_or("—".to_owned(), |v| format!("{v:.0} ms"))
            };
            let ratio = match (result["jsdiff"].as_f64(), result["painted"].as_f64()) {
                (Some(jsdiff), Some(painted)) if painted > 0.0 => {
                    format!("{:.1}×", jsdiff / painted)
                }
                _ => "—".to_owned(),
            };
            let heap = result["heap"]
                .as_f64()
                .map_or("—".to_owned(), |v| format!("{:.0} MB", v / 1e6));
            println!(
                "| {name} | {} | {} | {} | {heap} | {} | {ratio} |",
                ms("painted"),
                ms("longest"),
                result["nodes"],
                ms("jsdiff"),
            );
        }
    }
    harness.stop(page).await;
}
