//! Typing redraws only the blocks an edit touched, and what it leaves on screen is exactly what a fresh page draws for the same texts, inline and side by side.

use redline_e2e::{Harness, Page};
use serde_json::json;

/// A long article: 400 paragraphs, more than two chunks of the diff's drawing.
fn article(edited: bool) -> String {
    (1..=400)
        .map(|n| {
            let homes = if edited && n % 7 == 0 { n * 3 } else { n * 2 };
            format!(
                "Paragraph {n}: the council approved {homes} homes on Tuesday, after a long debate."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Waits until no comparison runs and every chunk of the diff is drawn, and returns its
/// markup.
async fn settled_markup(page: &Page) -> String {
    let script = "const done = arguments[arguments.length - 1];
        const busy = () => document.querySelector(\"[data-testid='diff-comparing']\") !== null
            || document.querySelector(\"[data-testid='diff-updating']\") !== null;
        const output = () => document.querySelector(\"[data-testid='diff-output']\");
        const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
        (async () => {
            // Drawn in full when the markup stays the same over a few frames with nothing
            // comparing: chunks are drawn one task after another.
            let last = null, same = 0;
            while (same < 5) {
                await frame();
                const markup = busy() ? null : output()?.innerHTML ?? null;
                same = markup !== null && markup === last ? same + 1 : 0;
                last = markup;
            }
            done(last);
        })();";
    page.run_async(script, vec![])
        .await
        .as_str()
        .expect("the diff's markup")
        .to_owned()
}

/// Puts the caret in the reworked text at the first space after `fraction` of it.
async fn caret_at(page: &Page, fraction: f64) {
    page.run_async(
        "const [fraction, done] = arguments;
         const area = document.querySelector(\"[data-testid='diff-input-reworked']\");
         area.focus();
         const at = area.value.indexOf(' ', Math.floor(area.value.length * fraction));
         area.setSelectionRange(at, at);
         done();",
        vec![json!(fraction)],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_leaves_what_a_fresh_page_draws() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    let original = article(false);
    page.set_value("diff-input-original", &original).await;
    page.set_value("diff-input-reworked", &article(true)).await;
    settled_markup(&page).await;

    for view in ["diff-view-inline", "diff-view-side-by-side"] {
        page.click(view).await;
        settled_markup(&page).await;
        // Marked, so that the test can tell a block kept from a block drawn again.
        page.run(
            "document.querySelectorAll(\"[data-testid='diff-output'] [data-change]\")
                 .forEach((block) => { block.kept = true; });
             return null;",
        )
        .await;
        // Words typed in the middle (a change of its own, which renumbers every change
        // after it), one taken back, and a word typed near the start.
        caret_at(&page, 0.5).await;
        for key in ["n", "e", "w", " ", "\u{E003}"] {
            page.type_at_caret(key).await;
        }
        caret_at(&page, 0.1).await;
        page.type_at_caret("x").await;
        page.run("document.activeElement.blur(); return null;")
            .await;
        let typed = settled_markup(&page).await;
        let kept = page
            .run(
                "const blocks = [...document.querySelectorAll(\"[data-testid='diff-output'] [data-change]\")];
                 return [blocks.filter((block) => block.kept).length, blocks.length];",
            )
            .await;
        let (kept, all) = (kept[0].as_u64().unwrap(), kept[1].as_u64().unwrap());
        assert!(
            kept > 0 && kept < all,
            "{view}: the blocks before the first edit are kept, the rest drawn again: {kept} of {all}"
        );

        let reworked = page.value("diff-input-reworked").await;
        assert!(reworked.contains("new") && reworked != article(true));
        let fresh = harness.open_app().await;
        fresh.click(view).await;
        fresh.set_value("diff-input-original", &original).await;
        fresh.set_value("diff-input-reworked", &reworked).await;
        let drawn = settled_markup(&fresh).await;
        fresh.close().await;
        assert!(
            typed == drawn,
            "{view}: the diff after typing differs from a fresh page's ({} and {} bytes of markup)",
            typed.len(),
            drawn.len()
        );
    }
    harness.stop(page).await;
}
