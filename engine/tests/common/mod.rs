//! Shared property-test generators: article-like text that stresses the engine, and every option.

use proptest::prelude::*;
use redline_engine::{Granularity, Options};

/// How many cases each property runs: `default`, or `PROPTEST_CASES` for a longer hunt.
pub fn n_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default)
}

/// Text built from pieces that break naive tokenizers and codecs: CRLF, NUL, emoji, combining
/// marks, RTL marks, typographic quotes, no-break spaces, and arbitrary Unicode.
pub fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the ".to_owned()),
        Just("said, ".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\0".to_owned()),
        Just("👩‍👩‍👧 ".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{200f}שלום ".to_owned()),
        Just("東京".to_owned()),
        Just("$1,200.50 ".to_owned()),
        Just("Don’t “stop” — ".to_owned()),
        Just("THE\u{a0}".to_owned()),
        "\\PC{0,8}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// Any combination of options and granularity.
pub fn any_options() -> impl Strategy<Value = Options> {
    let granularity = prop_oneof![
        Just(Granularity::Word),
        Just(Granularity::Character),
        Just(Granularity::Sentence)
    ];
    (proptest::array::uniform6(any::<bool>()), granularity).prop_map(|(flags, granularity)| {
        Options {
            semantic_cleanup: flags[0],
            ignore_case: flags[1],
            ignore_whitespace: flags[2],
            ignore_punctuation: flags[3],
            typographic_cosmetic: flags[4],
            granularity,
            whole_pages: flags[5],
        }
    })
}
