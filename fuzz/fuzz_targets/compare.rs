//! Fuzz target: the whole comparison (whole pages, the note, facts, the note check) on two arbitrary texts with every combination of options.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::compare(data));
