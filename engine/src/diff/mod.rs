//! The diff pipeline: both texts tokenized once, paragraphs aligned, paired paragraphs diffed word by word, moves found.
//!
//! The steps, in the order they run:
//!
//! 1. [`tokenize`]: text to tokens (UAX #29 words, plus URLs, e-mail addresses, currency and
//!    percent, per-character Han, Kana and Thai).
//! 2. [`text`]: `Texts`, both texts tokenized once, with interned token ids, comparison keys
//!    (for the cosmetic options), sorted word bags and prefix word counts.
//! 3. [`align`]: paragraphs, the paragraph diff, and the pairing of changed paragraphs by word
//!    similarity.
//! 4. [`words`]: the only caller of `similar`: word diffs into runs, the semantic cleanup,
//!    cosmetic runs, and the builder that turns runs into blocks of segments.
//! 5. [`moves`]: deleted and inserted paragraphs that match become moves.

pub(crate) mod align;
pub(crate) mod moves;
pub(crate) mod text;
pub(crate) mod tokenize;
pub(crate) mod words;

use crate::model::Block;
use crate::{COARSE_LINES, Options};
use text::Texts;
use words::WordDiffOptions;

/// The blocks of a comparison, moves found, before changes are numbered and facts found; and
/// whether unchanged paragraphs were joined (see [`COARSE_LINES`]).
pub(crate) fn diff_blocks(texts: &Texts, word_options: WordDiffOptions) -> (Vec<Block>, bool) {
    let (original, reworked) = (texts.original.text, texts.reworked.text);
    let coarse = [original, reworked]
        .iter()
        .any(|text| text.bytes().filter(|&byte| byte == b'\n').count() > COARSE_LINES);
    let mut builder = words::BlocksBuilder::new(original, reworked, coarse);
    align::diff_paragraphs(&mut builder, texts, word_options);
    let mut blocks = builder.finish();
    moves::detect_moves(&mut blocks, texts, word_options);
    if coarse {
        blocks = words::join_runs(blocks);
    }
    (blocks, coarse)
}

/// The blocks [`compare`](crate::compare) finds, without the change numbers, statistics and fact badges a
/// reader needs: what a share link's delta is made from, at a fraction of the cost.
pub(crate) fn compare_blocks(original: &str, reworked: &str) -> Vec<Block> {
    let options = Options::default();
    let texts = Texts::new(original, reworked, options.key_options());
    diff_blocks(&texts, options.word_options()).0
}
