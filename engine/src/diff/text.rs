//! Both texts tokenized once, with interned token ids and word counts: the input every engine pass shares.
//!
//! Tokenizing is the costliest step of a comparison, so it happens once per text. Every later
//! pass (paragraph pairing, word diffs, cleanup, moves, stats) works on token indices: it diffs
//! interned `u32` ids instead of strings, compares paragraphs by sorted lists of lower-case word
//! ids instead of hash maps of strings, and counts words with prefix sums.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::diff::tokenize::{is_word, tokenize};

/// The id of tokens that are not words, in [`Side::bag`]'s id space.
const NOT_A_WORD: u32 = u32::MAX;

/// One text and its tokens.
pub(crate) struct Side<'a> {
    pub(crate) text: &'a str,
    /// Token `idx` spans `offsets[idx]..offsets[idx + 1]`.
    offsets: Vec<usize>,
    /// The token's exact text, interned across both sides: equal ids mean equal tokens.
    pub(crate) ids: Vec<u32>,
    /// The token's text as the options compare it (see [`KeyOptions`]), interned in the same
    /// space as `ids`: tokens with equal keys but different ids differ only cosmetically.
    pub(crate) key_ids: Vec<u32>,
    /// The token's lower-case text, interned across both sides, or [`NOT_A_WORD`].
    lower_ids: Vec<u32>,
    /// Number of word tokens before token `idx` (one more entry than tokens).
    word_prefix: Vec<u32>,
    /// Number of tokens other than whitespace before token `idx`.
    counted_prefix: Vec<u32>,
}

/// The original and the reworked text, tokenized.
pub(crate) struct Texts<'a> {
    pub(crate) original: Side<'a>,
    pub(crate) reworked: Side<'a>,
}

/// Which differences between two tokens count as cosmetic rather than as a change.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct KeyOptions {
    /// `The` and `the` compare equal.
    pub(crate) ignore_case: bool,
    /// Any two runs of whitespace compare equal.
    pub(crate) ignore_whitespace: bool,
    /// Curly and straight quotes, no-break and plain spaces, and dash kinds compare equal.
    pub(crate) typographic: bool,
}

impl KeyOptions {
    /// The token as these options compare it.
    fn key<'a>(&self, token: &'a str) -> Cow<'a, str> {
        if self.ignore_whitespace && token.trim().is_empty() {
            return Cow::Borrowed(" ");
        }
        let mut key = Cow::Borrowed(token);
        if self.typographic && !token.is_ascii() {
            let typographic = |c: char| match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
                | '\u{00BB}' => '"',
                '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' => ' ',
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                other => other,
            };
            if token.chars().any(|c| typographic(c) != c) {
                key = Cow::Owned(token.chars().map(typographic).collect());
            }
        }
        if self.ignore_case && key.chars().any(char::is_uppercase) {
            key = Cow::Owned(key.to_lowercase());
        }
        key
    }
}

impl<'a> Texts<'a> {
    pub(crate) fn new(original: &'a str, reworked: &'a str, options: KeyOptions) -> Self {
        let mut interner = Interner::default();
        let original = Side::new(original, &mut interner, options);
        let reworked = Side::new(reworked, &mut interner, options);
        Texts { original, reworked }
    }
}

#[derive(Default)]
struct Interner<'a> {
    exact: FxHashMap<Cow<'a, str>, u32>,
    lower: FxHashMap<Cow<'a, str>, u32>,
    /// What each exact id derives to, indexed by id, filled the first time a token with that
    /// id is seen. Texts repeat most of their tokens, so each distinct token is keyed,
    /// lower-cased and classified once, and repeats cost one hash lookup.
    derived: Vec<Option<Derived>>,
}

/// What a token derives to under the options: see the fields of [`Side`].
#[derive(Clone, Copy)]
struct Derived {
    key_id: u32,
    lower_id: u32,
    is_counted: bool,
}

impl<'a> Interner<'a> {
    fn exact(&mut self, text: Cow<'a, str>) -> u32 {
        let n_ids = self.exact.len() as u32;
        *self.exact.entry(text).or_insert(n_ids)
    }

    /// The id of `token`, and what it derives to.
    fn token(&mut self, token: &'a str, options: KeyOptions) -> (u32, Derived) {
        let id = self.exact(Cow::Borrowed(token));
        if let Some(Some(derived)) = self.derived.get(id as usize) {
            return (id, *derived);
        }
        let key_id = match options.key(token) {
            Cow::Borrowed(key) if key == token => id,
            key => self.exact(key),
        };
        let lower_id = if is_word(token) {
            // Most words need no allocation: only those with upper-case letters change.
            let lower = if token.chars().any(char::is_uppercase) {
                Cow::Owned(token.to_lowercase())
            } else {
                Cow::Borrowed(token)
            };
            let n_lower = self.lower.len() as u32;
            *self.lower.entry(lower).or_insert(n_lower)
        } else {
            NOT_A_WORD
        };
        let derived = Derived {
            key_id,
            lower_id,
            is_counted: !token.trim().is_empty(),
        };
        self.derived.resize(self.exact.len(), None);
        self.derived[id as usize] = Some(derived);
        (id, derived)
    }
}

impl<'a> Side<'a> {
    fn new(text: &'a str, interner: &mut Interner<'a>, options: KeyOptions) -> Self {
        let tokens = tokenize(text);
        let mut side = Side {
            text,
            offsets: Vec::with_capacity(tokens.len() + 1),
            ids: Vec::with_capacity(tokens.len()),
            key_ids: Vec::with_capacity(tokens.len()),
            lower_ids: Vec::with_capacity(tokens.len()),
            word_prefix: Vec::with_capacity(tokens.len() + 1),
            counted_prefix: Vec::with_capacity(tokens.len() + 1),
        };
        let (mut offset, mut n_words, mut n_counted) = (0, 0, 0);
        for token in tokens {
            side.offsets.push(offset);
            side.word_prefix.push(n_words);
            side.counted_prefix.push(n_counted);
            let (id, derived) = interner.token(token, options);
            side.ids.push(id);
            side.key_ids.push(derived.key_id);
            side.lower_ids.push(derived.lower_id);
            n_words += u32::from(derived.lower_id != NOT_A_WORD);
            n_counted += u32::from(derived.is_counted);
            offset += token.len();
        }
        side.offsets.push(offset);
        side.word_prefix.push(n_words);
        side.counted_prefix.push(n_counted);
        side
    }

    /// The index of the token that starts at byte `offset` (or the number of tokens at the
    /// end). Every offset the engine uses is a token boundary: paragraph and segment limits.
    pub(crate) fn token_index(&self, offset: usize) -> usize {
        let idx = self.offsets.partition_point(|&start| start < offset);
        debug_assert_eq!(
            self.offsets[idx], offset,
            "{offset} is not a token boundary"
        );
        idx
    }

    /// The token indices covering a byte range that starts and ends on token boundaries.
    pub(crate) fn token_range(&self, bytes: Range<usize>) -> Range<usize> {
        self.token_index(bytes.start)..self.token_index(bytes.end)
    }

    /// The indices of the tokens that overlap a byte range, whether or not it starts and ends
    /// on token boundaries (a character-level change does not).
    pub(crate) fn tokens_overlapping(&self, bytes: Range<usize>) -> Range<usize> {
        let start = self
            .offsets
            .partition_point(|&offset| offset <= bytes.start)
            .saturating_sub(1);
        let end = self.offsets.partition_point(|&offset| offset < bytes.end);
        start..end.max(start)
    }

    /// The tokens that lie wholly inside a byte range, with their byte ranges: a paragraph's
    /// tokens as the whole text was cut, so the fact finders read them without tokenizing again.
    pub(crate) fn tokens_within(
        &self,
        bytes: Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, &'a str)> + '_ {
        let first = self.offsets.partition_point(|&offset| offset < bytes.start);
        // Tokens end where the next starts: those ending by `bytes.end` are before the last
        // offset at or under it.
        let end = self
            .offsets
            .partition_point(|&offset| offset <= bytes.end)
            .saturating_sub(1);
        (first..end.max(first)).map(move |idx| {
            let range = self.offsets[idx]..self.offsets[idx + 1];
            (range.clone(), &self.text[range])
        })
    }

    /// The byte offset where token `idx` starts (or the text's length for the end).
    pub(crate) fn byte_offset(&self, idx: usize) -> usize {
        self.offsets[idx]
    }

    /// Number of words that start in a byte range. On token boundaries that is the words in
    /// it; a range that cuts a word (character granularity) counts the word where it starts.
    pub(crate) fn n_words(&self, bytes: Range<usize>) -> usize {
        let start = self.offsets.partition_point(|&offset| offset < bytes.start);
        let end = self.offsets.partition_point(|&offset| offset < bytes.end);
        (self.word_prefix[end] - self.word_prefix[start]) as usize
    }

    /// Number of tokens other than whitespace in a byte range.
    pub(crate) fn n_counted(&self, bytes: Range<usize>) -> usize {
        let tokens = self.token_range(bytes);
        (self.counted_prefix[tokens.end] - self.counted_prefix[tokens.start]) as usize
    }

    /// Number of words in the whole text.
    pub(crate) fn n_words_total(&self) -> usize {
        *self.word_prefix.last().unwrap_or(&0) as usize
    }

    /// The words of a byte range as sorted lower-case ids: a multiset for [`bag_similarity`].
    pub(crate) fn bag(&self, bytes: Range<usize>) -> Vec<u32> {
        let mut res: Vec<u32> = self.lower_ids[self.token_range(bytes)]
            .iter()
            .copied()
            .filter(|&id| id != NOT_A_WORD)
            .collect();
        res.sort_unstable();
        res
    }
}

/// Dice similarity of two bags of words: twice the shared words over all words, 0 to 1.
/// Two empty bags are alike (1); one empty bag is unlike anything (0).
pub(crate) fn bag_similarity(original: &[u32], reworked: &[u32]) -> f64 {
    let n_words = original.len() + reworked.len();
    if n_words == 0 {
        return 1.0;
    }
    2.0 * shared_words(original, reworked) as f64 / n_words as f64
}

/// How many words two bags share, with their multiplicity.
pub(crate) fn shared_words(original: &[u32], reworked: &[u32]) -> usize {
    // Both bags are sorted, so one merge pass counts the multiset intersection.
    let (mut original_idx, mut reworked_idx, mut n_shared) = (0, 0, 0);
    while original_idx < original.len() && reworked_idx < reworked.len() {
        match original[original_idx].cmp(&reworked[reworked_idx]) {
            std::cmp::Ordering::Less => original_idx += 1,
            std::cmp::Ordering::Greater => reworked_idx += 1,
            std::cmp::Ordering::Equal => {
                n_shared += 1;
                original_idx += 1;
                reworked_idx += 1;
            }
        }
    }
    n_shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_shared_across_sides() {
        let texts = Texts::new("The cat, the dog", "the Cat", KeyOptions::default());
        let original = &texts.original;
        let reworked = &texts.reworked;
        assert_eq!(original.ids[0], original.ids[0]);
        assert_eq!(
            original.ids[5], reworked.ids[0],
            "exact 'the' on both sides"
        );
        assert_ne!(
            original.ids[0], reworked.ids[0],
            "'The' and 'the' differ exactly"
        );
        assert_eq!(
            original.bag(0..7),
            reworked.bag(0..7),
            "but not as lower-case words"
        );
        assert_eq!(original.n_words(0..16), 4);
        assert_eq!(original.n_counted(0..16), 5);
        assert_eq!(original.token_range(4..16), 2..8);
        assert_eq!(original.byte_offset(8), 16);
    }

    #[test]
    fn similarity_of_bags() {
        let texts = Texts::new("a b c d", "a b x y", KeyOptions::default());
        let (original, reworked) = (texts.original.bag(0..7), texts.reworked.bag(0..7));
        assert_eq!(bag_similarity(&original, &reworked), 0.5);
        assert_eq!(bag_similarity(&original, &original), 1.0);
        assert_eq!(bag_similarity(&original, &[]), 0.0);
        assert_eq!(bag_similarity(&[], &[]), 1.0);
    }

    #[test]
    fn keys_follow_the_options() {
        let all = KeyOptions {
            ignore_case: true,
            ignore_whitespace: true,
            typographic: true,
        };
        assert_eq!(all.key("Don’t"), "don't");
        assert_eq!(all.key("\u{a0}"), " ");
        assert_eq!(all.key("  \t"), " ");
        assert_eq!(all.key("—"), "-");
        assert_eq!(all.key("«"), "\"");
        let none = KeyOptions::default();
        assert_eq!(none.key("Don’t"), "Don’t");
        assert!(matches!(none.key("word"), Cow::Borrowed(_)));
    }
}
