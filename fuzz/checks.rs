//! What each fuzz target asserts, shared by the libFuzzer targets and the corpus replay in `make test`.
//
// The fuzz targets (`fuzz/fuzz_targets/*.rs`) and `engine/tests/fuzz_corpus.rs` both include this file
// with `#[path]`, so a seed that once crashed a target is checked by every `cargo test` with the
// very same assertions, on stable Rust and without libFuzzer.

use base64::Engine as _;
use redline_engine::formats::share::{self, Shared};
use redline_engine::{Granularity, Options, compare_with_options};

/// Splits fuzz input into an original and a reworked text at the first 0xFF byte (a byte that
/// never occurs in UTF-8), decoding each half leniently so every input yields two texts.
pub fn two_texts(data: &[u8]) -> (String, String) {
    let (original, reworked) = match data.iter().position(|&byte| byte == 0xFF) {
        Some(idx) => (&data[..idx], &data[idx + 1..]),
        None => (data, &b""[..]),
    };
    (
        String::from_utf8_lossy(original).into_owned(),
        String::from_utf8_lossy(reworked).into_owned(),
    )
}

/// Every combination of options, chosen by the bits of one byte.
pub fn options_from(byte: u8) -> Options {
    Options {
        semantic_cleanup: byte & 1 != 0,
        ignore_case: byte & 2 != 0,
        ignore_whitespace: byte & 4 != 0,
        ignore_punctuation: byte & 8 != 0,
        typographic_cosmetic: byte & 16 != 0,
        granularity: match (byte >> 5) % 3 {
            0 => Granularity::Word,
            1 => Granularity::Character,
            _ => Granularity::Sentence,
        },
        // Bit 7 also picks the granularity above; each granularity is met with either value.
        whole_pages: byte & 128 != 0,
    }
}

/// The share-link decoders on untrusted input: any string decodes or fails with a message, and
/// whatever decodes encodes back to a link that decodes to the same thing, for plain links and
/// version histories alike. A first byte of 1 or 2 takes the rest as a version 1 or 2 payload
/// (deflated and base64-encoded behind `v1.` or `v2.`), 3 or 4 as a version 1 or 2 payload
/// inside a version 3 link (PPMd), 5 or 6 inside a version 4 link (PPMd with the primer), and
/// 7 as a version 5 payload (a history with its title and sources) inside a version 5 link,
/// so the fuzzer reaches the field parsers and not only the base64 and decompression layers;
/// any other input is the link itself, as text.
pub fn share_link(data: &[u8]) {
    let deflate_link = |prefix: &str, payload: &[u8]| {
        let deflated = miniz_oxide::deflate::compress_to_vec(payload, 1);
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated);
        format!("{prefix}{payload}")
    };
    let ppmd_link = |kind: u8, payload: &[u8]| {
        let mut packed = vec![kind, 4, 1];
        let mut encoder = ppmd_rust::Ppmd7Encoder::new(&mut packed, 4, 1 << 20).unwrap();
        std::io::Write::write_all(&mut encoder, payload).unwrap();
        encoder.finish(true).unwrap();
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed);
        format!("v3.{packed}")
    };
    let link = match data.split_first() {
        Some((1, payload)) => deflate_link("v1.", payload),
        Some((2, payload)) => deflate_link("v2.", payload),
        Some((3, payload)) => ppmd_link(1, payload),
        Some((4, payload)) => ppmd_link(2, payload),
        Some((5, payload)) => share::version_4_link(1, 4, 1, payload),
        Some((6, payload)) => share::version_4_link(2, 4, 1, payload),
        Some((7, payload)) => share::version_5_link(3, 4, 1, payload),
        _ => String::from_utf8_lossy(data).into_owned(),
    };
    check_link(&link);
    check_history(&link);
}

fn check_history(link: &str) {
    match share::decode_history(link) {
        Ok(history) => {
            let again = share::encode_history(&history);
            let back = share::decode_history(&again)
                .unwrap_or_else(|err| panic!("re-encoded history does not decode: {err}"));
            assert_eq!(back, history, "re-encoded history decodes differently");
        }
        Err(err) => assert!(!err.to_string().is_empty(), "an error without a message"),
    }
}

fn check_link(link: &str) {
    match share::decode(link) {
        Ok(shared) => {
            let again = share::encode(&shared);
            let back: Shared = share::decode(&again)
                .unwrap_or_else(|err| panic!("re-encoded link does not decode: {err}"));
            assert_eq!(back, shared, "re-encoded link decodes differently");
        }
        Err(err) => assert!(!err.to_string().is_empty(), "an error without a message"),
    }
}

/// The diff core on two arbitrary texts with the options of the first byte: both texts
/// rebuild exactly from its blocks, and every change mark points at a numbered change and a
/// block that exist. The fast target: no facts, notes or histories.
pub fn diff_core(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let options = options_from(first);
    let (original, reworked) = two_texts(rest);
    let comparison = redline_engine::diff_core(&original, &reworked, &options);
    check_comparison(&comparison, &original, &reworked);
}

/// What every comparison promises: both texts rebuild from it, and its change marks point at
/// changes and blocks it has.
fn check_comparison(comparison: &redline_engine::Comparison, original: &str, reworked: &str) {
    assert_eq!(comparison.original_text(), original, "original not rebuilt");
    assert_eq!(comparison.reworked_text(), reworked, "reworked not rebuilt");
    for mark in comparison.change_marks() {
        assert!(
            mark.change < comparison.n_changes,
            "mark {mark:?} past the last change"
        );
        assert!(
            mark.block < comparison.blocks.len(),
            "mark {mark:?} past the last block"
        );
    }
}

/// The whole comparison on two arbitrary texts with the options of the first byte: the checks
/// of [`diff_core`], and the sections, facts and note check that the page draws from it all
/// complete.
pub fn compare(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let options = options_from(first);
    let (original, reworked) = two_texts(rest);
    let comparison = compare_with_options(&original, &reworked, &options);
    check_comparison(&comparison, &original, &reworked);
    let _ = comparison.sections(2, 3);
    let _ = redline_engine::reconcile(&reworked, &comparison, &original, &reworked);
}

/// The version history of two arbitrary texts, there and back (see [`history`]).
pub fn history_of(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let (original, reworked) = two_texts(rest);
    history(&original, &reworked, &options_from(first));
}

/// A history that goes to the reworked text and back: two steps, and every change undone is
/// one the first step made and the second took back; a step the summarizer remembers gives
/// the same counts again. (Each check here runs four more comparisons per input, so it is
/// kept to what only arbitrary input can find; `history.rs`'s tests cover the rest.)
fn history(original: &str, reworked: &str, options: &Options) {
    use redline_engine::history::Summarizer;
    let mut summarizer = Summarizer::default();
    let there_and_back = summarizer.summarize(&[original, reworked, original], options);
    assert_eq!(there_and_back.steps.len(), 2);
    for undone in &there_and_back.reverted {
        assert_eq!((undone.changed_in, undone.undone_in), (1, 2), "{undone:?}");
        assert!(
            !(undone.removed.is_empty() && undone.added.is_empty()),
            "an undone change that changed nothing: {undone:?}"
        );
    }
    // The first step again, now remembered: the same counts, and nothing undone.
    let remembered = summarizer.summarize(&[original, reworked], options);
    assert_eq!(remembered.steps, there_and_back.steps[..1]);
    assert!(remembered.reverted.is_empty());
}

/// Note detection and the note check's claim finder on arbitrary text: every note found is a
/// slice of the text, at the place it says.
pub fn notes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for note in redline_engine::detect_notes(&text) {
        assert!(
            text.get(note.range[0]..note.range[1]) == Some(note.text.as_str()),
            "note {note:?} is not the text at its range"
        );
        let _ = redline_engine::classify_note(&note.text);
    }
    let _ = redline_engine::classify_note(&text);
    let _ = redline_engine::find_claims(&text);
}
