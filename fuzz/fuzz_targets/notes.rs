//! Fuzz target: Correction-note detection and the note check's claim finder on arbitrary text.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::notes(data));
