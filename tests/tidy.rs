//! Tidy checks: the architecture rules and file headers, turned into tests.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
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

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn src() -> PathBuf {
    root().join("src")
}

/// Every Rust file of the workspace and of the crates beside it (end-to-end tests, fuzz
/// targets, the Python extension), build output left out.
fn all_rust_files() -> Vec<PathBuf> {
    let mut res = Vec::new();
    for dir in ["src", "tests", "engine", "cli", "fuzz", "python"] {
        res.extend(
            rust_files(&root().join(dir))
                .into_iter()
                .filter(|path| !path.components().any(|part| part.as_os_str() == "target")),
        );
    }
    res
}

/// Whether `code` uses the crate `word` as a path (`leptos::…`, `web_sys::…`), but not
/// an identifier that merely ends in it (`my_leptos::…`).
fn mentions(code: &str, word: &str) -> bool {
    code.match_indices(&format!("{word}::")).any(|(idx, _)| {
        let before = code[..idx].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Every package in the dependency tree of `package`, as `cargo tree` resolves it for that
/// package alone (its own features; normal, build and dev dependencies) on each of `targets`
/// (`None` for the host). The lock file cannot answer this: it unifies the features of the
/// whole workspace, so it lists the web app's wasm-bindgen under crates the engine shares
/// with it.
fn dependency_tree(package: &str, targets: &[Option<&str>]) -> HashSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut res = HashSet::new();
    for &target in targets {
        let mut command = std::process::Command::new(&cargo);
        command
            .current_dir(root())
            .args(["tree", "--locked", "--package", package])
            .args(["--edges", "all", "--prefix", "none", "--format", "{p}"]);
        if let Some(target) = target {
            command.args(["--target", target]);
        }
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "cargo tree failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        res.extend(
            String::from_utf8(output.stdout)
                .unwrap()
                .lines()
                .filter_map(|line| line.split(' ').next())
                .filter(|name| !name.is_empty() && *name != package)
                .map(str::to_owned),
        );
    }
    res
}

/// The crates that know about the browser or the UI framework.
const WEB_CRATES: &[&str] = &["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"];

fn is_web_crate(name: &str) -> bool {
    WEB_CRATES.iter().any(|web| {
        name == *web || name.starts_with(&format!("{web}-")) || name.starts_with(&format!("{web}_"))
    })
}

#[test]
fn the_engine_and_the_command_line_have_no_web_crate_in_their_trees() {
    assert!(
        is_web_crate("leptos")
            && is_web_crate("wasm-bindgen-futures")
            && is_web_crate("leptos_reactive")
            && !is_web_crate("serde"),
        "the check itself tells web crates apart"
    );
    assert!(
        dependency_tree("redline", &[None]).contains("leptos"),
        "the check itself sees the app's leptos"
    );
    for package in ["redline-engine", "redline-cli"] {
        let tree = dependency_tree(package, &[None, Some("wasm32-unknown-unknown")]);
        assert!(
            tree.contains("similar"),
            "{package}'s tree not found in Cargo.lock"
        );
        let web: Vec<&String> = tree.iter().filter(|name| is_web_crate(name)).collect();
        assert!(
            web.is_empty(),
            "{package} depends on {web:?}: the engine and the command line stay pure Rust (see ARCHITECTURE.md)"
        );
    }
    assert!(
        !dependency_tree("redline-cli", &[None]).contains("redline"),
        "the command line depends on the engine only"
    );
}

#[test]
fn the_app_reaches_similar_only_through_the_engine() {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    assert!(
        !manifest
            .lines()
            .any(|line| line.trim_start().starts_with("similar")),
        "the web app depends on similar directly: diff work belongs in the engine"
    );
}

#[test]
fn ui_does_no_diff_math() {
    for path in rust_files(&src().join("ui")) {
        let code = fs::read_to_string(&path).unwrap();
        assert!(
            !mentions(&code, "similar"),
            "{} uses similar: diff work belongs in the engine crate (see ARCHITECTURE.md)",
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
    let files = all_rust_files();
    assert!(files.len() > 40, "found only {} Rust files", files.len());
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
    files.extend(rust_files(&root().join("engine/src")));
    files.push(root().join("assets/loader.js"));
    files.push(root().join("assets/worker.js"));
    files.push(root().join("index.html"));
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
