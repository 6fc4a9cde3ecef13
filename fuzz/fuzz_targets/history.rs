//! Fuzz target: the version history of two arbitrary texts, there and back, with every combination of options.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::history_of(data));
