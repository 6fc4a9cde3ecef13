//! Fuzz target: The engine's compare on two arbitrary texts with every combination of options.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::compare(data));
