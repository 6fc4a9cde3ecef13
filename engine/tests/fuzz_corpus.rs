//! Replays the fuzz seeds (fuzz/seeds/) through the fuzz targets' own checks, natively, on every `make test`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Runs `check` on every seed of `target` and returns how many there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/seeds")
        .join(target);
    let mut n_seeds = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        // A failing seed names itself: the panic message alone would not say which file.
        let result = std::panic::catch_unwind(|| check(&data));
        assert!(result.is_ok(), "fuzz seed {} fails", path.display());
        n_seeds += 1;
    }
    n_seeds
}

#[test]
fn share_link_seeds_pass() {
    assert!(replay("share_link", checks::share_link) >= 5);
}

/// The `compare` seeds feed the three targets that read two texts: the diff core, the whole
/// comparison and the history.
#[test]
fn compare_seeds_pass() {
    assert!(replay("compare", checks::diff_core) >= 5);
    assert!(replay("compare", checks::compare) >= 5);
    assert!(replay("compare", checks::history_of) >= 5);
}

#[test]
fn notes_seeds_pass() {
    assert!(replay("notes", checks::notes) >= 5);
}

/// The replay can fail: a check that rejects an input makes the test fail and name the seed.
#[test]
fn a_failing_check_fails_the_replay() {
    fn rejects_everything(_: &[u8]) {
        panic!("rejected");
    }
    let failed = std::panic::catch_unwind(|| replay("notes", rejects_everything));
    let message = *failed.unwrap_err().downcast::<String>().unwrap();
    assert!(message.starts_with("fuzz seed "), "{message}");
}
