//! End-to-end test harness: serves dist/ on loopback, runs Debian's chromedriver, and wraps the page.
//!
//! Each test starts its own server, chromedriver and browsers; [`Harness::stop`] closes the last
//! browser, and dropping the harness (after `stop`, or when a test panics) kills chromedriver's
//! whole process group, so no browser outlives the test, then deletes the browsers' profiles.

use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

/// How long any wait for the page may take before the test fails.
/// Generous: a condition this test machine meets in a second or two may take many times that
/// while another build keeps both cores busy, and a wait only lasts this long when it fails.
const WAIT: Duration = Duration::from_secs(60);

/// Makes the page keep each download's Blob and name instead of saving it, so the test can read
/// the real Blob the page built (the Content-Security-Policy would refuse to fetch its URL).
const CAPTURE_DOWNLOADS: &str = "
    window.downloads = [];
    const blobs = new Map();
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
        const url = createObjectURL(blob);
        blobs.set(url, blob);
        return url;
    };
    HTMLAnchorElement.prototype.click = function () {
        window.downloads.push({ name: this.download, blob: blobs.get(this.href) });
    };";

/// A served release build plus a running chromedriver.
pub struct Harness {
    app_url: String,
    site: Site,
    driver_url: String,
    chromedriver: Child,
    /// Chromedriver's and its browsers' temporary directory (`TMPDIR`), where each browser
    /// keeps its profile (80 MB in Chromium 156). A killed browser never deletes its profile,
    /// and 1,238 of them once filled this machine's disk, so the harness deletes the lot.
    scratch: PathBuf,
}

impl Harness {
    /// Serves `REDLINE_DIST` (default: the repository's dist/) and starts chromedriver.
    pub async fn start() -> Harness {
        Harness::start_under("/").await
    }

    /// Like [`Harness::start`], with the build published under the folder `prefix` (such as
    /// `/redline/`, a project page's address) and nothing served outside it.
    pub async fn start_under(prefix: &str) -> Harness {
        assert!(
            prefix.starts_with('/') && prefix.ends_with('/'),
            "a folder starts and ends with a slash, not {prefix}"
        );
        let dist = Harness::dist();
        assert!(
            dist.join("index.html").is_file(),
            "no release build in {}: run `make test-e2e`, which builds it first",
            dist.display()
        );
        let site = Site::start(dist, prefix);

        let scratch = scratch_directory();
        let (chromedriver, driver_port) = start_chromedriver(&scratch).await;
        Harness {
            app_url: format!("http://127.0.0.1:{}{prefix}", site.port),
            site,
            driver_url: format!("http://127.0.0.1:{driver_port}"),
            chromedriver,
            scratch,
        }
    }

    /// The release build the harness serves first: `REDLINE_DIST`, or the repository's dist/.
    pub fn dist() -> PathBuf {
        std::env::var_os("REDLINE_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"))
    }

    /// From now on serves the build in `dir` at the same address, as a host does after a
    /// new build is published.
    pub fn publish(&self, dir: &Path) {
        self.site.state.lock().unwrap().dir = dir.to_owned();
    }

    /// Makes the server drop every connection unanswered (`false`), as a host that cannot be
    /// reached, or answer again (`true`).
    pub fn set_reachable(&self, reachable: bool) {
        self.site.state.lock().unwrap().reachable = reachable;
    }

    /// The paths of every request the server has answered since the last call, in order.
    pub fn take_requests(&self) -> Vec<String> {
        std::mem::take(&mut self.site.state.lock().unwrap().requests)
    }

    /// Opens a fresh headless Chromium (new empty profile) on the app, waits for it to mount,
    /// and leaves the first-visit example for empty inputs, as a reader starting their own would.
    pub async fn open_app(&self) -> Page {
        let page = self.open_at("").await;
        page.click("diff-start-own").await;
        page.wait_for_text("diff-empty", "Paste the original").await;
        page
    }

    /// Writes `bytes` to a file called `name` in the harness's scratch directory, which the
    /// harness deletes with the browsers' profiles, and returns its path for a file input.
    pub fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.scratch.join("files").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes)
            .unwrap_or_else(|err| panic!("cannot write {}: {err}", path.display()));
        path.to_str().expect("temporary paths are UTF-8").to_owned()
    }

    /// The directory the browsers use as TMPDIR (deleted when the harness drops).
    pub fn scratch(&self) -> &Path {
        &self.scratch
    }

    /// The app's address, for building links.
    pub fn app_url(&self) -> &str {
        &self.app_url
    }

    /// Opens a fresh headless Chromium on the app with `fragment` (`#…`, or empty) in its URL.
    pub async fn open_at(&self, fragment: &str) -> Page {
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary("/usr/bin/chromium").unwrap();
        for arg in [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
        ] {
            caps.add_arg(arg).unwrap();
        }
        let driver = WebDriver::builder(&self.driver_url, caps)
            .request_timeout(WAIT)
            .connect()
            .await
            .expect("chromedriver refused a session");
        driver
            .goto(&format!("{}{fragment}", self.app_url))
            .await
            .expect("the browser could not open the app");
        let page = Page { driver };
        page.element("diff-theme").await;
        page
    }

    /// Closes the browser and stops chromedriver.
    pub async fn stop(self, page: Page) {
        page.driver
            .quit()
            .await
            .expect("the browser session did not close");
        // Drop ends chromedriver and anything left of its browsers.
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        // After `stop`, and after a panic: end chromedriver's whole process group. A browser
        // whose page used the clipboard was seen to outlive WebDriver's quit in headless
        // Chromium 156, so quitting alone could leave processes behind.
        let group = format!("-{}", self.chromedriver.id());
        Command::new("kill")
            .args(["-KILL", "--", &group])
            .status()
            .ok();
        self.chromedriver.wait().ok();
        // Every process that wrote there is gone, so nothing recreates files behind us.
        std::fs::remove_dir_all(&self.scratch).ok();
    }
}

/// The Redline page, addressed through `data-testid` hooks.
pub struct Page {
    driver: WebDriver,
}

impl Page {
    /// The element with this `data-testid`, waiting for it to appear.
    pub async fn element(&self, test_id: &str) -> WebElement {
        self.driver
            .query(By::Css(format!("[data-testid='{test_id}']")))
            .wait(WAIT, Duration::from_millis(25))
            .first()
            .await
            .unwrap_or_else(|err| panic!("no element with data-testid {test_id}: {err}"))
    }

    /// Closes this browser (the harness's `stop` closes the last one and chromedriver).
    pub async fn close(self) {
        self.driver
            .quit()
            .await
            .expect("the browser session did not close");
    }

    /// Clicks the element with this `data-testid`.
    pub async fn click(&self, test_id: &str) {
        self.reveal(test_id).await;
        self.element(test_id)
            .await
            .click()
            .await
            .expect("the click did not happen");
    }

    /// When the element with this `data-testid` is among the texts a link folds away, clicks
    /// "Edit these texts" first, as a reader who wants to edit them does.
    pub async fn reveal(&self, test_id: &str) {
        let element = self.element(test_id).await;
        let folded = self
            .driver
            .execute(
                "return arguments[0].closest('#texts[hidden]') !== null;",
                vec![element.to_json().expect("an element as JSON")],
            )
            .await
            .expect("the script did not run");
        if folded.json().as_bool() == Some(true) {
            self.element("diff-edit-texts")
                .await
                .click()
                .await
                .expect("the click did not happen");
        }
    }

    /// The value of the text area or input with this `data-testid`.
    pub async fn value(&self, test_id: &str) -> String {
        let value = self
            .element(test_id)
            .await
            .prop("value")
            .await
            .expect("no value property");
        value.unwrap_or_default()
    }

    /// Whether the checkbox with this `data-testid` is checked.
    pub async fn is_checked(&self, test_id: &str) -> bool {
        self.element(test_id)
            .await
            .is_selected()
            .await
            .expect("no checked state")
    }

    /// Reloads the page and waits for the app to mount again.
    pub async fn reload(&self) {
        self.driver
            .refresh()
            .await
            .expect("the page did not reload");
        self.element("diff-theme").await;
    }

    /// Goes to `url` in this browser (same profile, so same localStorage) and waits for the app.
    pub async fn goto(&self, url: &str) {
        self.driver
            .goto(url)
            .await
            .expect("the browser could not open the page");
        self.element("diff-theme").await;
    }

    /// Leaves the app for an empty page, so that the next [`Page::goto`] loads it anew
    /// instead of only changing the fragment.
    pub async fn leave(&self) {
        self.driver
            .goto("about:blank")
            .await
            .expect("the browser could not leave the page");
    }

    /// Waits until the app has kept the texts as they are now in this browser's storage: the
    /// page says so ("Kept in this browser", once it has saved at all). An edit marks the page
    /// as saving before the script or key press that made it returns, so the state cannot be
    /// an earlier save's.
    pub async fn wait_for_saved_drafts(&self) {
        self.wait_for("the texts to be kept in this browser", || async {
            let state = self
                .driver
                .execute(
                    "const state = document.querySelector('[data-testid=diff-saved-state]');\
                     return state ? [state.textContent, Number(state.dataset.savedAt)] : null;",
                    vec![],
                )
                .await
                .map(|answer| answer.json().clone());
            state.is_ok_and(|state| {
                state[0] == "Kept in this browser" && state[1].as_f64().is_some_and(|at| at > 0.0)
            })
        })
        .await;
    }

    /// Opens `url` in a new tab of this browser (the same profile, so the same localStorage,
    /// and a sessionStorage of its own), switches to it and waits for the app. Returns the
    /// tab it came from.
    pub async fn open_tab(&self, url: &str) -> WindowHandle {
        let from = self.driver.window().await.expect("no current tab");
        let tab = self.driver.new_tab().await.expect("no new tab");
        self.driver
            .switch_to_window(tab)
            .await
            .expect("could not switch to the new tab");
        self.goto(url).await;
        from
    }

    /// The tab the page drives now.
    pub async fn current_tab(&self) -> WindowHandle {
        self.driver.window().await.expect("no current tab")
    }

    /// Drives `tab` from now on.
    pub async fn switch_to_tab(&self, tab: WindowHandle) {
        self.driver
            .switch_to_window(tab)
            .await
            .expect("could not switch tabs");
    }

    /// Closes the tab the page drives and drives `next` from now on.
    pub async fn close_tab(&self, next: WindowHandle) {
        self.driver
            .close_window()
            .await
            .expect("could not close the tab");
        self.switch_to_tab(next).await;
    }

    /// Goes Back, as the browser's Back button does.
    pub async fn back(&self) {
        self.driver.back().await.expect("could not go back");
    }

    /// The page's current URL.
    pub async fn url(&self) -> String {
        self.driver
            .current_url()
            .await
            .expect("no current URL")
            .to_string()
    }

    /// Sets `location.hash` as a user pasting a link into the address bar of the same tab would.
    pub async fn set_hash(&self, fragment: &str) {
        self.driver
            .execute("location.hash = arguments[0];", vec![fragment.into()])
            .await
            .expect("the script did not run");
    }

    /// Clicks Copy link and returns the link: copied to the clipboard, or shown to copy by
    /// hand where the browser refuses; either way the status gives its length, and the
    /// address bar holds it.
    pub async fn copy_link(&self) -> String {
        self.click("diff-copy-link").await;
        self.wait_for_text("diff-share-status", "characters").await;
        self.url().await
    }

    /// Today's date as the page names its downloads (`YYYY-MM-DD`, in UTC).
    pub async fn today(&self) -> String {
        let today = self
            .run("return new Date().toISOString().slice(0, 10);")
            .await;
        today.as_str().expect("a date").to_owned()
    }

    /// Types `text` into the input with this `data-testid`, key by key.
    pub async fn type_into(&self, test_id: &str, text: &str) {
        self.reveal(test_id).await;
        self.element(test_id).await.send_keys(text).await.unwrap();
    }

    /// The attribute `name` of the element with this `data-testid`, if it has one.
    pub async fn attribute(&self, test_id: &str, name: &str) -> Option<String> {
        let element = self
            .driver
            .find(By::Css(format!("[data-testid='{test_id}']")))
            .await
            .ok()?;
        element.attr(name).await.ok().flatten()
    }

    /// Replaces the text of the input with this `data-testid` by `text`, typed key by key.
    pub async fn replace_text(&self, test_id: &str, text: &str) {
        self.reveal(test_id).await;
        let element = self.element(test_id).await;
        element.clear().await.unwrap();
        element.send_keys(text).await.unwrap();
    }

    /// Puts `text` in the input with this `data-testid` at once, as a paste would (typing a
    /// long text key by key takes minutes).
    pub async fn set_value(&self, test_id: &str, text: &str) {
        self.run_async(
            "const [id, text, done] = arguments;
             const area = document.querySelector(`[data-testid='${id}']`);
             area.value = text;
             area.dispatchEvent(new Event('input', { bubbles: true }));
             done();",
            vec![test_id.into(), text.into()],
        )
        .await;
    }

    /// Drops a file named `name` of MIME type `mime` on the text box with this `data-testid`,
    /// as the browser hands a dropped file over; its content is `gzipped`, unpacked in the page.
    pub async fn drop_gzipped_file(&self, test_id: &str, name: &str, mime: &str, gzipped: &[u8]) {
        self.run_async(
            "const [id, name, mime, bytes, done] = arguments;
             const stream = new Blob([new Uint8Array(bytes)]).stream()
                 .pipeThrough(new DecompressionStream('gzip'));
             new Response(stream).text().then((content) => {
                 const pane = document.querySelector(`[data-testid='${id}']`).closest('.text-pane');
                 const data = new DataTransfer();
                 data.items.add(new File([content], name, { type: mime }));
                 for (const type of ['dragenter', 'dragover', 'drop']) {
                     pane.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
                 }
                 done();
             });",
            vec![
                test_id.into(),
                name.into(),
                mime.into(),
                serde_json::json!(gzipped.to_vec()),
            ],
        )
        .await;
    }

    /// Compares the article-extraction benchmark's New York Times page (tests/fixtures/pages,
    /// MIT), dropped as a saved .html file on the reworked box, with `original` typed as the
    /// original; waits until the file is opened.
    pub async fn compare_with_saved_page(&self, original: &str) {
        self.set_value("diff-input-original", original).await;
        self.drop_gzipped_file(
            "diff-input-reworked",
            "republicans.html",
            "text/html",
            include_bytes!(
                "../../fixtures/pages/html/04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34.html.gz"
            ),
        )
        .await;
        self.wait_for_text("diff-message-reworked", "Opened “republicans.html”.")
            .await;
    }

    /// The texts of all elements matching a CSS selector, in document order. Fails when an
    /// element is replaced while being read (the app re-renders as the user types); the waits
    /// below retry then.
    pub async fn texts(&self, selector: &str) -> WebDriverResult<Vec<String>> {
        let mut res = Vec::new();
        for element in self.driver.find_all(By::Css(selector)).await? {
            res.push(element.text().await?);
        }
        Ok(res)
    }

    /// Resizes the browser window (CSS pixels).
    pub async fn resize(&self, width: u32, height: u32) {
        self.driver
            .set_window_rect(0, 0, width, height)
            .await
            .expect("the browser did not resize");
    }

    /// Presses keys with the focus on the page body, as a reader would away from the inputs.
    pub async fn press(&self, keys: &str) {
        let body = self
            .driver
            .find(By::Tag("body"))
            .await
            .expect("the page has no body");
        self.driver
            .execute("document.activeElement.blur();", vec![])
            .await
            .expect("the script did not run");
        body.send_keys(keys).await.expect("the keys were not sent");
    }

    /// Types `keys` where the caret is, in the element that has the focus, as a person's key
    /// presses (WebDriver actions, so the browser edits the text itself).
    pub async fn type_at_caret(&self, keys: &str) {
        self.driver
            .action_chain()
            .send_keys(keys)
            .perform()
            .await
            .expect("the keys were not typed");
    }

    /// Runs an asynchronous script (it calls its last argument when done) and returns the
    /// value it passed.
    pub async fn run_async(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.driver
            .execute_async(script, args)
            .await
            .expect("the script did not finish")
            .json()
            .clone()
    }

    /// Whether an alert, confirm or prompt dialog is open.
    pub async fn has_alert(&self) -> bool {
        self.driver.get_alert_text().await.is_ok()
    }

    /// Closes an open dialog.
    pub async fn dismiss_alert(&self) {
        self.driver
            .dismiss_alert()
            .await
            .expect("no dialog to dismiss");
    }

    /// Runs a script in the page and returns its value.
    pub async fn run(&self, script: &str) -> serde_json::Value {
        self.driver
            .execute(script, vec![])
            .await
            .expect("the script did not run")
            .json()
            .clone()
    }

    /// Sends a Chrome DevTools Protocol command to the page's browser and returns its result.
    pub async fn devtools(&self, command: &str, params: serde_json::Value) -> serde_json::Value {
        self.driver
            .cdp()
            .send_raw(command, params)
            .await
            .unwrap_or_else(|err| panic!("the browser refused {command}: {err}"))
    }

    /// Runs axe-core (from the repository's node_modules, installed by `make test`) on the page
    /// and returns the violations of `serious` or `critical` impact, one line each.
    pub async fn serious_accessibility_violations(&self) -> Vec<String> {
        let axe =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&axe).unwrap_or_else(|err| {
            panic!(
                "{}: {err}; `make test` installs it with npm ci",
                axe.display()
            )
        });
        self.driver
            .execute(&format!("{source}\nwindow.axe = axe;"), vec![])
            .await
            .expect("axe-core did not load");
        let result = self
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                    .then(results => done(results.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
                    }))))
                    .catch(err => done([{ id: 'axe-error', impact: 'critical', help: String(err), targets: [] }]));",
                vec![],
            )
            .await
            .expect("axe-core did not run");
        let violations = result.json().as_array().cloned().unwrap_or_default();
        for violation in &violations {
            eprintln!("axe: {violation}");
        }
        violations
            .into_iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .map(|v| {
                format!(
                    "{} ({}): {} at {}",
                    v["id"], v["impact"], v["help"], v["targets"]
                )
            })
            .collect()
    }

    /// Records the page's downloads in `window.downloads` instead of saving them, for
    /// [`downloads`](Self::downloads).
    pub async fn capture_downloads(&self) {
        self.run(CAPTURE_DOWNLOADS).await;
    }

    /// The downloads the page offered since [`capture_downloads`](Self::capture_downloads), as
    /// (file name, content) pairs read from their Blobs.
    pub async fn downloads(&self) -> Vec<(String, String)> {
        let result = self
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 Promise.all(window.downloads.map(d => d.blob.text().then(text => [d.name, text])))
                    .then(done, err => done(String(err)));",
                vec![],
            )
            .await
            .expect("the downloads could not be read");
        serde_json::from_value(result.json().clone()).expect("a list of [name, content] pairs")
    }

    /// Saves a PNG of the browser window.
    pub async fn screenshot(&self, path: &Path) {
        self.driver
            .screenshot(path)
            .await
            .expect("the browser did not take a screenshot");
    }

    /// Waits until the element with this `data-testid` contains `expected`.
    pub async fn wait_for_text(&self, test_id: &str, expected: &str) {
        let selector = format!("[data-testid='{test_id}']");
        self.wait_for(&format!("{selector} to contain {expected:?}"), || async {
            self.texts(&selector)
                .await
                .is_ok_and(|texts| texts.iter().any(|text| text.contains(expected)))
        })
        .await;
    }

    /// Waits until the elements matching `selector` have exactly these texts.
    pub async fn wait_for_texts(&self, selector: &str, expected: &[&str]) {
        let started = Instant::now();
        loop {
            let texts = self.texts(selector).await;
            if texts.as_ref().is_ok_and(|texts| texts == expected) {
                return;
            }
            assert!(
                started.elapsed() < WAIT,
                "waited {WAIT:?} for {selector} to read {expected:?}; they read {texts:?}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Polls `condition` until it holds, failing the test after [`WAIT`] with what it last saw.
    pub async fn wait_for<F, Fut>(&self, what: &str, condition: F)
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let started = Instant::now();
        while !condition().await {
            if started.elapsed() > WAIT {
                let body = self.texts("body").await;
                panic!("waited {WAIT:?} for {what}; the page reads: {body:?}");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

/// Starts chromedriver on a free port and waits until it answers `/status` as ready.
///
/// A port found free can be taken by another test's server before chromedriver binds it; then
/// chromedriver exits, and another port is tried (a plain connect would have reached the other
/// server and made the session request fail).
/// A new, empty directory for one harness's browsers, under the system's temporary directory.
fn scratch_directory() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let number = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("redline-e2e-{}-{number}", std::process::id()));
    // A directory of the same name can only be a leftover of an earlier run with this pid.
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|err| panic!("cannot create {}: {err}", dir.display()));
    dir
}

async fn start_chromedriver(scratch: &Path) -> (Child, u16) {
    let started = Instant::now();
    loop {
        let port = free_port();
        let mut chromedriver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            // Chromium puts each profile it is not given in TMPDIR.
            .env("TMPDIR", scratch)
            // Its own process group, which its browsers inherit, so that dropping the harness
            // can end every browser even when one ignores WebDriver's quit.
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver must be on PATH (scripts/bootstrap.sh test installs it)");
        loop {
            assert!(
                started.elapsed() < WAIT,
                "chromedriver did not become ready within {WAIT:?}"
            );
            if chromedriver.try_wait().ok().flatten().is_some() {
                break; // It exited, most likely because the port was taken: try another.
            }
            if chromedriver_is_ready(port) {
                return (chromedriver, port);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Whether a chromedriver on `port` answers `GET /status` with `"ready": true`.
fn chromedriver_is_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect((Ipv4Addr::LOCALHOST, port)) else {
        return false;
    };
    // Never wait long on a server that keeps the connection open.
    stream
        .set_read_timeout(Some(Duration::from_millis(500)))
        .ok();
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut response = String::new();
    std::io::Read::read_to_string(&mut stream, &mut response).ok();
    response.contains("\"ready\":true") || response.contains("\"ready\": true")
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A static host on 127.0.0.1: serves the files of a folder under one address prefix over
/// HTTP/1.1 from background threads, GET only, one request per connection, as enough for a
/// static release build; it keeps a log of the paths asked for.
struct Site {
    port: u16,
    state: Arc<Mutex<SiteState>>,
}

struct SiteState {
    dir: PathBuf,
    prefix: String,
    reachable: bool,
    requests: Vec<String>,
}

impl Site {
    fn start(dir: PathBuf, prefix: &str) -> Site {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(SiteState {
            dir,
            prefix: prefix.to_owned(),
            reachable: true,
            requests: Vec::new(),
        }));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                std::thread::spawn(move || serve_one(&state, stream));
            }
        });
        Site { port, state }
    }
}

fn serve_one(state: &Mutex<SiteState>, mut stream: TcpStream) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Read the headers to their end, so that closing the connection does not reset it before
    // the browser has read the response.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    // Chromium opens spare connections that it closes without a request.
    let Some(path) = request_line.split_whitespace().nth(1) else {
        return;
    };
    let path = path.split(['?', '#']).next().unwrap_or("/").to_owned();
    let (dir, prefix) = {
        let mut state = state.lock().unwrap();
        if !state.reachable {
            return; // Dropped unanswered: the browser sees a network error.
        }
        state.requests.push(path.clone());
        (state.dir.clone(), state.prefix.clone())
    };
    // A folder asked for without its last slash is redirected to it, as static hosts do.
    if format!("{path}/") == prefix {
        let header = format!(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {prefix}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(header.as_bytes()).ok();
        return;
    }
    let found = path.strip_prefix(prefix.as_str()).and_then(|relative| {
        let relative = if relative.is_empty() {
            "index.html"
        } else {
            relative
        };
        let file = dir.join(relative);
        let inside = !relative.split('/').any(|part| part == "..");
        inside.then(|| {
            std::fs::read(&file)
                .ok()
                .map(|body| (body, content_type(&file)))
        })?
    });
    let (status, body, content_type) = match found {
        Some((body, content_type)) => ("200 OK", body, content_type),
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes()).ok();
    stream.write_all(&body).ok();
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        _ => "application/octet-stream",
    }
}
