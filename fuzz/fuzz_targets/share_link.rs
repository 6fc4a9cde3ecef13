//! Fuzz target: The share-link decoder on arbitrary strings and arbitrary payload bytes.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::share_link(data));
