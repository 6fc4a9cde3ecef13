//! Typing redraws only the blocks and the overview ruler marks an edit touched, and what it leaves on screen is exactly what a fresh page draws for the same texts, inline and side by side.

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

/// A page comparing the long article with its edit, drawn in full, and the original.
async fn open_article(harness: &Harness) -> (Page, String) {
    let page = harness.open_app().await;
    let original = article(false);
    page.set_value("diff-input-original", &original).await;
    page.set_value("diff-input-reworked", &article(true)).await;
    settled_markup(&page).await;
    (page, original)
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
    let (page, original) = open_article(&harness).await;

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

/// The overview ruler's marks, each with whether it was kept since `mark_ruler`, and the
/// ruler's markup.
async fn ruler(page: &Page) -> (Vec<(f64, bool)>, String) {
    let marks = page
        .run(
            "const ruler = document.querySelector(\"[data-testid='diff-ruler']\");
             return [[...ruler.querySelectorAll('.mark')]
                 .map((mark) => [parseFloat(mark.style.top), mark.kept === true]), ruler.innerHTML];",
        )
        .await;
    let list = marks[0]
        .as_array()
        .expect("the marks")
        .iter()
        .map(|mark| (mark[0].as_f64().unwrap(), mark[1].as_bool().unwrap()))
        .collect();
    (list, marks[1].as_str().unwrap().to_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_keeps_the_ruler_marks_it_does_not_move() {
    let harness = Harness::start().await;
    let (page, original) = open_article(&harness).await;
    page.run(
        "document.querySelectorAll(\"[data-testid='diff-ruler'] .mark\")
             .forEach((mark) => { mark.kept = true; });
         return null;",
    )
    .await;
    let (before, _) = ruler(&page).await;
    // A word typed in the middle: a change of its own, which renumbers every change after it.
    caret_at(&page, 0.5).await;
    for key in ["n", "e", "w", " "] {
        page.type_at_caret(key).await;
    }
    page.run("document.activeElement.blur(); return null;")
        .await;
    settled_markup(&page).await;
    let (after, typed) = ruler(&page).await;
    assert_eq!(
        after.len(),
        before.len() + 1,
        "one mark more, for the new change"
    );
    // The marks above the edit keep their numbers and, but for any that cross a tenth of a
    // percent, their places: they are not drawn again.
    let above: Vec<bool> = after
        .iter()
        .filter(|(top, _)| *top < 40.0)
        .map(|(_, kept)| *kept)
        .collect();
    let kept = above.iter().filter(|kept| **kept).count();
    assert!(
        above.len() >= 10 && kept * 10 >= above.len() * 8,
        "{kept} of the {} marks above the edit kept",
        above.len()
    );
    assert!(
        after
            .iter()
            .filter(|(top, _)| *top > 60.0)
            .all(|(_, kept)| !kept),
        "the marks below the edit are renumbered, so drawn again"
    );
    // And the ruler reads as a fresh page's for the same texts.
    let reworked = page.value("diff-input-reworked").await;
    let fresh = harness.open_app().await;
    fresh.set_value("diff-input-original", &original).await;
    fresh.set_value("diff-input-reworked", &reworked).await;
    settled_markup(&fresh).await;
    let (_, drawn) = ruler(&fresh).await;
    fresh.close().await;
    assert_eq!(typed, drawn);
    harness.stop(page).await;
}
