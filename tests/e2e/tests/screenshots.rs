//! README screenshots: the release build with a sample correction typed in, saved as PNG files.
//!
//! Not a check, so it is ignored by default; `make screenshots` runs it and writes docs/screenshots/.

use std::path::Path;

use redline_e2e::Harness;

/// A short fictional article and its corrected version (no real outlet or person).
const ORIGINAL: &str = "Harbour town approves 60,000 new homes\n\n\
The council of Lowmere voted on Monday to approve 60,000 new homes along the old harbour, \
the largest plan in the town's history.\n\n\
Mayor Ada Brennick said the first residents could move in by 2030.";
const REWORKED: &str = "Harbour town approves 25,000 new homes\n\n\
The council of Lowmere voted on Tuesday to approve 25,000 new homes along the old harbour, \
one of the largest plans in the town's history.\n\n\
Mayor Ada Brennick said the first residents could move in by 2032.";
const NOTE: &str = "Correction: An earlier version of this article misstated the number of homes \
approved and the day of the vote.";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes README screenshots; run with `make screenshots`"]
async fn readme_screenshot() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    page.type_into("diff-input-original", ORIGINAL).await;
    page.type_into("diff-input-reworked", REWORKED).await;
    page.type_into("diff-input-note", NOTE).await;
    page.wait_for_text("diff-stats", "removed").await;

    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    page.screenshot(&out.join("app.png")).await;
    harness.stop(page).await;
}
