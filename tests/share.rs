//! Share links through the public API: the frozen v1 fixture, exact round trips, and untrusted input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{any_options, article_text};
use proptest::prelude::*;
use redline::engine::Options;
use redline::engine::share::{
    MAX_FRAGMENT_CHARS, ShareError, Shared, View, decode, encode, fingerprint,
};

#[test]
fn the_v1_fixture_decodes_forever() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/share-v1.json")).unwrap();
    let field = |name: &str| fixture[name].as_str().unwrap();
    let shared = decode(field("link")).unwrap();
    assert_eq!(shared.original, field("original"));
    assert_eq!(shared.reworked, field("reworked"));
    assert_eq!(shared.note, field("note"));
    assert_eq!(shared.options, Options::default());
    assert_eq!(shared.view, View::Inline);
    assert_eq!(
        fingerprint(&shared.original, &shared.reworked, &shared.note),
        field("fingerprint")
    );
}

#[test]
fn damaged_links_fail_with_a_message_never_a_panic() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/share-v1.json")).unwrap();
    let link = fixture["link"].as_str().unwrap();
    let fragment = link.split_once('#').unwrap().1;
    // Cut at every length, and two neighbouring characters swapped at every position.
    for end in 0..fragment.len() - 1 {
        assert!(decode(&fragment[..end]).is_err(), "cut at {end}");
    }
    let chars: Vec<char> = fragment.chars().collect();
    let mut n_errors = 0;
    for idx in 3..chars.len() - 1 {
        let mut swapped = chars.clone();
        swapped.swap(idx, idx + 1);
        let swapped: String = swapped.into_iter().collect();
        if let Err(err) = decode(&swapped) {
            assert!(!err.to_string().is_empty());
            n_errors += 1;
        }
    }
    assert!(n_errors > 0);
    assert!(matches!(
        decode(&"x".repeat(MAX_FRAGMENT_CHARS + 1)),
        Err(ShareError::TooLong { n_chars }) if n_chars == MAX_FRAGMENT_CHARS + 1
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::n_cases(256)))]

    #[test]
    fn every_text_comes_back_byte_for_byte(
        original in article_text(),
        reworked in article_text(),
        note in article_text(),
        options in any_options(),
        view in prop_oneof![Just(View::Inline), Just(View::SideBySide), Just(View::ChangesOnly)],
        focus in proptest::option::of(any::<u32>().prop_map(|focus| focus % 1_000_000)),
    ) {
        let shared = Shared { original, reworked, note, options, view, focus };
        prop_assert_eq!(decode(&encode(&shared)), Ok(shared));
    }

    #[test]
    fn arbitrary_strings_never_panic(link in any::<String>()) {
        let _ = decode(&link);
        let _ = decode(&format!("v1.{link}"));
    }

    #[test]
    fn arbitrary_payloads_never_panic(payload in proptest::collection::vec(any::<u8>(), 0..256)) {
        use base64::Engine as _;
        // Raw bytes, and bytes after a valid header so that the texts and delta get read.
        for payload in [payload.clone(), [vec![1u8, 0, 0, 0], payload].concat()] {
            let compressed = miniz_oxide::deflate::compress_to_vec(&payload, 6);
            let link = format!("v1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed));
            let _ = decode(&link);
        }
    }
}
