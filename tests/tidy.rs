//! Tidy checks: the architecture rules and file headers, turned into tests.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut res = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            res.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            res.push(path);
        }
    }
    res.sort();
    res
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Whether `code` uses the crate `word` as a path (`leptos::…`, `web_sys::…`), but not
/// an identifier that merely ends in it (`my_leptos::…`).
fn mentions(code: &str, word: &str) -> bool {
    code.match_indices(&format!("{word}::")).any(|(idx, _)| {
        let before = code[..idx].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn engine_is_pure_rust() {
    let files = rust_files(&src().join("engine"));
    assert!(!files.is_empty(), "src/engine has no Rust files");
    for path in files {
        let code = fs::read_to_string(&path).unwrap();
        for browser_crate in ["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo"] {
            assert!(
                !mentions(&code, browser_crate),
                "{} uses {browser_crate}: src/engine must stay pure Rust (see ARCHITECTURE.md)",
                path.display()
            );
        }
    }
}

#[test]
fn ui_does_no_diff_math() {
    for path in rust_files(&src().join("ui")) {
        let code = fs::read_to_string(&path).unwrap();
        assert!(
            !mentions(&code, "similar"),
            "{} uses similar: diff work belongs in src/engine (see ARCHITECTURE.md)",
            path.display()
        );
    }
}

#[test]
fn only_browser_rs_and_worker_rs_touch_web_sys() {
    for path in rust_files(&src().join("ui")) {
        if path.ends_with("browser.rs") || path.ends_with("worker.rs") {
            continue;
        }
        let code = fs::read_to_string(&path).unwrap();
        assert!(
            !mentions(&code, "web_sys"),
            "{} uses web_sys: browser APIs go through src/ui/browser.rs and src/ui/worker.rs (see ARCHITECTURE.md)",
            path.display()
        );
    }
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let files = rust_files(&src());
    assert!(
        files.len() > 3,
        "found only {} files under src",
        files.len()
    );
    for path in files {
        let code = fs::read_to_string(&path).unwrap();
        assert!(
            code.starts_with("//!"),
            "{} must start with a `//!` line saying what it holds",
            path.display()
        );
    }
}

#[test]
fn the_check_itself_catches_a_violation() {
    assert!(mentions("use leptos::prelude::*;", "leptos"));
    assert!(mentions("let x = web_sys::window();", "web_sys"));
    assert!(mentions(
        "let ops = similar::capture_diff_slices(a, b);",
        "similar"
    ));
    assert!(!mentions("let y = my_leptos::thing();", "leptos"));
    assert!(!mentions("// A similar paragraph moved.", "similar"));
}

/// Ways of turning a string into markup or code in the page. Redline renders user text as text
/// nodes only; none of these may appear in the app's code (`engine::html` only reads pieces
/// the browser parsed into an inert document).
const MARKUP_SINKS: &[&str] = &[
    "inner_html",
    "outer_html",
    "innerHTML",
    "outerHTML",
    "insert_adjacent_html",
    "insertAdjacentHTML",
    "document.write",
    "eval(",
    "new Function",
];

/// The sinks that a piece of code uses.
fn markup_sinks(code: &str) -> Vec<&'static str> {
    MARKUP_SINKS
        .iter()
        .copied()
        .filter(|sink| code.contains(sink))
        .collect()
}

#[test]
fn no_markup_sinks_in_the_app() {
    let mut files = rust_files(&src());
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/loader.js"));
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/worker.js"));
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"));
    for path in files {
        let code = fs::read_to_string(&path).unwrap();
        assert_eq!(
            markup_sinks(&code),
            Vec::<&str>::new(),
            "{} turns a string into markup or code: render text as text (see ARCHITECTURE.md)",
            path.display()
        );
    }
    assert_eq!(
        markup_sinks("view! { <div inner_html=text/> }"),
        ["inner_html"],
        "the check itself finds a sink"
    );
}
