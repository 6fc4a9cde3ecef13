//! Fuzz target: the diff core alone (blocks and change numbers, no facts, notes or histories) on two arbitrary texts with every combination of options.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::diff_core(data));
