//! The published site: the release build under a folder, offline after one visit, a new build offered with a prompt, the manifest and the page head as browsers and link previews read them.

use std::path::Path;

use redline_e2e::{Harness, Page};
use serde_json::json;

const ORIGINAL: &str = "Harbour plan approved\n\nThe council approved 60,000 homes.";
const REWORKED: &str = "Harbour plan cut\n\nThe council approved 25,000 homes.";

/// Types the two texts and waits for their diff.
async fn compare(page: &Page, original: &str, reworked: &str) {
    page.replace_text("diff-input-original", original).await;
    page.replace_text("diff-input-reworked", reworked).await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["cut", "25,000"])
        .await;
}

/// Waits until the page is run by a service worker that has kept the build's files.
async fn wait_until_kept(page: &Page) {
    page.wait_for(
        "a service worker to keep the app and run the page",
        || async {
            page.run(
                "return navigator.serviceWorker.controller !== null \
             && navigator.serviceWorker.controller.state === 'activated';",
            )
            .await
                == json!(true)
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_build_works_under_a_folder_and_its_links_open() {
    let harness = Harness::start_under("/redline/").await;
    let sender = harness.open_app().await;
    compare(&sender, ORIGINAL, REWORKED).await;
    let link = sender.copy_link().await;
    assert!(
        link.starts_with(&format!("{}#v", harness.app_url())),
        "a link points at the folder the page was opened at: {link}"
    );

    let receiver = harness.open_at(&link[link.find('#').unwrap()..]).await;
    receiver
        .wait_for_texts("[data-testid='diff-output'] del", &["approved", "60,000"])
        .await;
    receiver
        .wait_for_texts("[data-testid='diff-output'] ins", &["cut", "25,000"])
        .await;
    // The folder's own page, and the folder without its last slash (which the host redirects).
    receiver
        .goto(&format!(
            "{}index.html{}",
            harness.app_url(),
            &link[link.find('#').unwrap()..]
        ))
        .await;
    receiver
        .wait_for_texts("[data-testid='diff-output'] ins", &["cut", "25,000"])
        .await;
    receiver.goto(harness.app_url().trim_end_matches('/')).await;
    receiver.element("diff-input-original").await;
    receiver.close().await;

    // Every address the build uses is inside the folder: nothing was asked of the site's root.
    let outside: Vec<String> = harness
        .take_requests()
        .into_iter()
        .filter(|path| !path.starts_with("/redline/") && path != "/redline")
        .collect();
    assert!(
        outside.is_empty(),
        "requests outside /redline/: {outside:?}"
    );
    harness.stop(sender).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_network_a_reload_shows_the_app_and_links_open() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    wait_until_kept(&page).await;
    compare(&page, ORIGINAL, REWORKED).await;
    let link = page.copy_link().await;
    page.replace_text(
        "diff-input-reworked",
        "Harbour plan cut\n\nThe council approved 26,000 homes.",
    )
    .await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["cut", "26,000"])
        .await;
    page.wait_for_saved_drafts().await;

    // The network cut twice over: the browser emulates no connection (DevTools protocol), and
    // the host drops every connection unanswered.
    page.devtools("Network.enable", json!({})).await;
    page.devtools(
        "Network.emulateNetworkConditions",
        json!({"offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}),
    )
    .await;
    harness.set_reachable(false);
    harness.take_requests();
    let offline = page
        .run_async(
            "const done = arguments[arguments.length - 1];\
             fetch('card.png', {cache: 'no-store'}).then(() => done('reached'), () => done('offline'));",
            vec![],
        )
        .await;
    assert_eq!(
        offline,
        json!("offline"),
        "a file the app never keeps can't be fetched"
    );

    page.reload().await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["cut", "26,000"])
        .await;
    assert_eq!(page.value("diff-input-original").await, ORIGINAL);

    // A link opened in this tab, with no network, is read and shown.
    page.leave().await;
    page.goto(&link).await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["cut", "25,000"])
        .await;
    assert!(
        harness.take_requests().is_empty(),
        "the host answered nothing, so it logged nothing"
    );
    let violations = page.run("return window.redlineCspViolations;").await;
    assert_eq!(
        violations,
        json!([]),
        "the service worker runs under the policy"
    );
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_build_is_offered_and_only_loaded_when_the_reader_asks() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;
    wait_until_kept(&page).await;
    compare(&page, ORIGINAL, REWORKED).await;
    page.wait_for_saved_drafts().await;
    // A second tab on the same build, left as it is.
    let first_tab = page.open_tab(harness.app_url()).await;
    wait_until_kept(&page).await;
    let second_tab = page.current_tab().await;
    page.switch_to_tab(first_tab.clone()).await;

    // A new build: another page, another service worker, and a file renamed, as a build of
    // other code renames the wasm-bindgen glue; the host no longer has the old one.
    let dist = Harness::dist();
    let glue = std::fs::read_dir(&dist)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .find(|name| name.starts_with("redline-web-") && name.ends_with(".js"))
        .expect("the build has its glue");
    let next = harness.scratch().join("next-build");
    copy_build(&dist, &next);
    let renamed = "redline-web-0123456789abcdef.js";
    std::fs::rename(next.join(&glue), next.join(renamed)).unwrap();
    edit(
        &next.join("index.html"),
        "<title>",
        "<meta name=redline-build content=next><title>",
    );
    for file in ["index.html", "service-worker.js"] {
        let text = std::fs::read_to_string(next.join(file)).unwrap();
        std::fs::write(next.join(file), text.replace(&glue, renamed)).unwrap();
    }
    edit(
        &next.join("service-worker.js"),
        "const VERSION = \"",
        "const VERSION = \"next-",
    );
    harness.publish(&next);

    // Opening the page again finds the new build; the page still runs the build it had.
    page.reload().await;
    page.wait_for_text("update-prompt", "A new version of Redline is ready")
        .await;
    assert_eq!(build_of(&page).await, json!(null));
    // Readable in both themes (the second click on the theme switch is dark).
    for theme in ["light", "dark"] {
        let violations = page.serious_accessibility_violations().await;
        assert!(violations.is_empty(), "{theme}: {violations:#?}");
        page.click("diff-theme").await;
        page.click("diff-theme").await;
    }
    // The reader goes on editing: nothing reloads under the edit.
    page.run("window.sameDocument = true; return null;").await;
    page.replace_text(
        "diff-input-reworked",
        "Harbour plan cut\n\nThe council approved 27,000 homes.",
    )
    .await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["cut", "27,000"])
        .await;
    assert_eq!(
        page.run("return window.sameDocument === true;").await,
        json!(true)
    );
    assert_eq!(build_of(&page).await, json!(null));

    // "Reload" brings the new build, with the texts as they were left.
    page.click("update-reload").await;
    page.wait_for("the new build to run the page", || async {
        build_of(&page).await == json!("next")
    })
    .await;
    page.element("diff-theme").await;
    page.wait_for_texts("[data-testid='diff-output'] ins", &["cut", "27,000"])
        .await;
    assert_eq!(page.value("diff-input-original").await, ORIGINAL);
    let prompts = page
        .run("return document.querySelectorAll('[data-testid=update-prompt]').length;")
        .await;
    assert_eq!(prompts, json!(0), "the new build is the newest: no prompt");

    // The second tab still runs the old build, and still gets its files, which only the
    // browser keeps now.
    page.switch_to_tab(second_tab).await;
    assert_eq!(build_of(&page).await, json!(null));
    assert_eq!(served(&page, &glue).await, json!(200), "{glue}");
    assert!(!next.join(&glue).exists());
    // Once the new build runs the only window, the old build's files are dropped.
    page.close_tab(first_tab).await;
    page.reload().await;
    assert_eq!(build_of(&page).await, json!("next"));
    page.wait_for("the old build's files to be dropped", || async {
        page.run_async(
            "const done = arguments[arguments.length - 1];\
             caches.keys().then((names) => done(names.length));",
            vec![],
        )
        .await
            == json!(1)
    })
    .await;
    harness.stop(page).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_manifest_and_the_page_head_name_files_that_exist() {
    let harness = Harness::start().await;
    let page = harness.open_app().await;

    // The manifest as Chromium reads it: no errors, and the app can be installed.
    let manifest = page.devtools("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    assert!(
        manifest["url"]
            .as_str()
            .unwrap()
            .ends_with("/manifest.webmanifest"),
        "{manifest}"
    );
    let data: serde_json::Value =
        serde_json::from_str(manifest["data"].as_str().unwrap()).expect("the manifest is JSON");
    assert_eq!(data["short_name"], "Redline");
    assert_eq!(
        data["start_url"], "./",
        "relative, so it works under any folder"
    );
    assert_eq!(data["scope"], "./");
    assert_eq!(data["display"], "standalone");
    let installable = page
        .devtools("Page.getInstallabilityErrors", json!({}))
        .await;
    assert_eq!(
        installable["installabilityErrors"],
        json!([]),
        "{installable}"
    );

    // Every icon it names is served, with the size it claims.
    let dist = Harness::dist();
    let icons = data["icons"].as_array().unwrap();
    assert!(icons.len() >= 3, "{icons:?}");
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        assert_eq!(served(&page, src).await, json!(200), "{src}");
        let bytes = std::fs::read(dist.join(src)).unwrap();
        match icon["type"].as_str().unwrap() {
            "image/png" => {
                let (width, height) = png_size(&bytes);
                assert_eq!(icon["sizes"], format!("{width}x{height}"), "{src}");
                assert!(width >= 192, "{src}");
            }
            "image/svg+xml" => {
                assert!(
                    String::from_utf8(bytes).unwrap().contains("viewBox"),
                    "{src}"
                )
            }
            other => panic!("{src}: unexpected type {other}"),
        }
    }

    // The head: a description, the favicon, and the same card for every link's preview.
    let head = page
        .run(
            "const tag = (selector, name) => document.querySelector(selector)?.getAttribute(name);\
             return {\
               description: tag('meta[name=description]', 'content'),\
               icon: tag('link[rel=icon]', 'href'),\
               ogTitle: tag('meta[property=\"og:title\"]', 'content'),\
               ogImage: tag('meta[property=\"og:image\"]', 'content'),\
               card: tag('meta[name=\"twitter:card\"]', 'content'),\
               twitterImage: tag('meta[name=\"twitter:image\"]', 'content'),\
             };",
        )
        .await;
    assert!(
        head["description"].as_str().unwrap().contains("original"),
        "{head}"
    );
    assert!(
        head["ogTitle"].as_str().unwrap().starts_with("Redline"),
        "{head}"
    );
    assert_eq!(head["card"], "summary_large_image");
    for src in [&head["icon"], &head["ogImage"], &head["twitterImage"]] {
        assert_eq!(
            served(&page, src.as_str().unwrap()).await,
            json!(200),
            "{head}"
        );
    }
    let card = std::fs::read(dist.join(head["ogImage"].as_str().unwrap())).unwrap();
    assert_eq!(png_size(&card), (1200, 630));
    harness.stop(page).await;
}

/// The published address, when the build is told it, makes the card's address absolute.
#[test]
fn a_published_address_makes_the_card_address_absolute() {
    let scratch = std::env::temp_dir().join(format!("redline-site-{}", std::process::id()));
    std::fs::remove_dir_all(&scratch).ok();
    copy_build(&Harness::dist(), &scratch);
    let before = std::fs::read_to_string(scratch.join("service-worker.js")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let run = |base: &str| {
        std::process::Command::new("node")
            .arg("scripts/site.mjs")
            .current_dir(&root)
            .env("TRUNK_STAGING_DIR", &scratch)
            .env("TRUNK_PROFILE", "release")
            .env("REDLINE_BASE_URL", base)
            .output()
            .expect("node runs scripts/site.mjs")
    };
    let output = run("https://news-desk.example/tools/redline");
    assert!(output.status.success(), "{output:?}");
    let html = std::fs::read_to_string(scratch.join("index.html")).unwrap();
    let card = r#"content="https://news-desk.example/tools/redline/card.png""#;
    assert_eq!(
        html.matches(card).count(),
        2,
        "og:image and twitter:image: {html}"
    );
    assert!(
        html.contains(
            r#"<meta property="og:url" content="https://news-desk.example/tools/redline/">"#
        ),
        "{html}"
    );
    // The page changed, so the service worker's version did: browsers see a new build.
    let after = std::fs::read_to_string(scratch.join("service-worker.js")).unwrap();
    assert_ne!(version(&before), version(&after));
    assert!(after.contains("\"index.html\""), "{after}");
    assert!(
        !after.contains("card.png"),
        "the card is for previews, not kept: {after}"
    );

    let output = run("ftp://news-desk.example/");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("must start with https:// or http://"),
        "{output:?}"
    );
    std::fs::remove_dir_all(&scratch).ok();
}

/// The build that runs the page: the `redline-build` tag a test's new build carries.
async fn build_of(page: &Page) -> serde_json::Value {
    page.run("return document.querySelector('meta[name=redline-build]')?.content ?? null;")
        .await
}

/// The HTTP status of `src` fetched by the page past its service worker and HTTP cache.
async fn served(page: &Page, src: &str) -> serde_json::Value {
    page.run_async(
        "const done = arguments[arguments.length - 1];\
         fetch(arguments[0], {cache: 'no-store'}).then((r) => done(r.status), (e) => done(String(e)));",
        vec![json!(src)],
    )
    .await
}

/// A PNG's width and height, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

fn version(worker: &str) -> &str {
    let start = worker.find("const VERSION = \"").expect("a version") + 17;
    &worker[start..start + worker[start..].find('"').unwrap()]
}

fn copy_build(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} has no {from}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}
