//! Splits text into tokens: words, whitespace runs, punctuation, numbers, URLs and e-mail addresses.
//!
//! The base is Unicode's word boundaries (UAX #29, through `unicode-segmentation`), which keep
//! `don't`, `4.5bn` and `1,200.50` whole and make `said,` two tokens. On top of that, Redline
//! keeps together what an editor reads as one unit:
//!
//! - a URL (`https://…`, `www.…`) or an e-mail address is one token, so a changed link is one change;
//! - a currency sign before a number and a percent sign after one join it: `$1,200.50`, `25%`;
//! - a run of spaces and tabs is one token (UAX #29 would split at a tab);
//! - Han, Hiragana, Katakana and Thai text, written without spaces between words, is one token
//!   per character, so one changed character does not mark a whole sentence.

use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into tokens; joining the tokens gives `text` back.
///
/// ```
/// use redline_engine::tokenize;
///
/// assert_eq!(tokenize("He said, \"no.\""), ["He", " ", "said", ",", " ", "\"", "no", ".", "\""]);
/// assert_eq!(tokenize("$1,200.50 or 25%"), ["$1,200.50", " ", "or", " ", "25%"]);
/// assert_eq!(
///     tokenize("See https://example.org/a?b=1."),
///     ["See", " ", "https://example.org/a?b=1", "."]
/// );
/// assert_eq!(tokenize("東京タワー"), ["東", "京", "タ", "ワ", "ー"]);
/// ```
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut rest_start = 0;
    for (start, end) in find_links(text) {
        push_words(&text[rest_start..start], &mut tokens);
        tokens.push(&text[start..end]);
        rest_start = end;
    }
    push_words(&text[rest_start..], &mut tokens);
    tokens
}

/// Whether a token counts as a word in the statistics: it holds a letter or a digit.
///
/// ```
/// use redline_engine::is_word;
///
/// assert!(is_word("jobs"));
/// assert!(is_word("$3,200"));
/// assert!(!is_word(", "));
/// ```
pub fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Tokenizes text that holds no URL or e-mail address.
fn push_words<'a>(text: &'a str, tokens: &mut Vec<&'a str>) {
    // The last token, held back because the next one may join it (`$` then `30,000`).
    let mut pending: Option<(usize, usize)> = None;
    for (start, word) in word_bounds(text) {
        let end = start + word.len();
        if let Some((pending_start, pending_end)) = pending {
            if should_join(&text[pending_start..pending_end], word) {
                pending = Some((pending_start, end));
                continue;
            }
            tokens.push(&text[pending_start..pending_end]);
            pending = None;
        }
        if is_per_character(word) {
            push_characters(word, tokens);
        } else {
            pending = Some((start, end));
        }
    }
    if let Some((start, end)) = pending {
        tokens.push(&text[start..end]);
    }
}

/// Unicode word boundaries (UAX #29) of `text`, as `split_word_bound_indices` gives them, but
/// computed by a hand-written scanner for the ASCII parts of the text, which is several times
/// faster. Lines, and stretches between ASCII spaces, are cut where UAX #29 always breaks, and
/// each piece that is not pure ASCII goes to `unicode-segmentation`. A property test checks that
/// both give the same tokens.
pub(crate) fn word_bounds(text: &str) -> Vec<(usize, &str)> {
    let mut res = Vec::with_capacity(text.len() / 3);
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        // Most lines of most articles are pure ASCII, checked quickly as a whole; the
        // scanner below handles them without looking for cuts first.
        if line.is_ascii() {
            ascii_word_bounds(line, line_start, &mut res);
        } else {
            mixed_word_bounds(line, line_start, &mut res);
        }
        line_start += line.len();
    }
    res
}

/// Word boundaries of one line that holds non-ASCII text, starting at `base` in the whole text.
fn mixed_word_bounds<'a>(text: &'a str, base: usize, res: &mut Vec<(usize, &'a str)>) {
    let bytes = text.as_bytes();
    let mut piece_start = 0;
    for idx in 1..=bytes.len() {
        // UAX #29 always breaks after a line feed (WB3a), and between an ASCII space and an
        // ASCII character that is not a space (WB3d joins only spaces; WB4 only non-ASCII marks).
        let is_cut = idx == bytes.len()
            || bytes[idx - 1] == b'\n'
            || (bytes[idx - 1].is_ascii()
                && bytes[idx].is_ascii()
                && ((bytes[idx - 1] == b' ') != (bytes[idx] == b' ')));
        if !is_cut {
            continue;
        }
        let piece = &text[piece_start..idx];
        if piece.is_ascii() {
            ascii_word_bounds(piece, base + piece_start, res);
        } else {
            res.extend(
                piece
                    .split_word_bound_indices()
                    .map(|(start, word)| (base + piece_start + start, word)),
            );
        }
        piece_start = idx;
    }
}

/// The UAX #29 word break classes of ASCII characters that matter to the rules below.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AsciiClass {
    Letter,
    Numeric,
    /// `_`, which joins letters and digits on both sides (WB13a, WB13b).
    ExtendNumLet,
    /// `:`: between letters only (WB6, WB7).
    MidLetter,
    /// `,` and `;`: between digits only (WB11, WB12).
    MidNum,
    /// `.` and `'`: between letters or between digits.
    MidNumLet,
    Other,
}

fn ascii_class(byte: u8) -> AsciiClass {
    match byte {
        b'a'..=b'z' | b'A'..=b'Z' => AsciiClass::Letter,
        b'0'..=b'9' => AsciiClass::Numeric,
        b'_' => AsciiClass::ExtendNumLet,
        b':' => AsciiClass::MidLetter,
        b',' | b';' => AsciiClass::MidNum,
        b'.' | b'\'' => AsciiClass::MidNumLet,
        _ => AsciiClass::Other,
    }
}

/// UAX #29 word boundaries of an ASCII `piece` that starts at `base` in the whole text.
fn ascii_word_bounds<'a>(piece: &'a str, base: usize, res: &mut Vec<(usize, &'a str)>) {
    use AsciiClass::{ExtendNumLet, Letter, MidLetter, MidNum, MidNumLet, Numeric};
    let bytes = piece.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let mut end = start + 1;
        match bytes[start] {
            b'\r' if bytes.get(end) == Some(&b'\n') => end += 1,
            b' ' => {
                while bytes.get(end) == Some(&b' ') {
                    end += 1;
                }
            }
            byte if matches!(ascii_class(byte), Letter | Numeric | ExtendNumLet) => {
                let mut last = ascii_class(byte);
                while let Some(&next) = bytes.get(end) {
                    let next_class = ascii_class(next);
                    if matches!(next_class, Letter | Numeric | ExtendNumLet) {
                        // WB5, WB8, WB9, WB10, WB13a, WB13b.
                        last = next_class;
                        end += 1;
                        continue;
                    }
                    let after = bytes.get(end + 1).map(|&byte| ascii_class(byte));
                    let joins = match (last, next_class, after) {
                        // WB6, WB7: letter (MidLetter | MidNumLetQ) letter.
                        (Letter, MidLetter | MidNumLet, Some(Letter)) => true,
                        // WB11, WB12: digit (MidNum | MidNumLetQ) digit.
                        (Numeric, MidNum | MidNumLet, Some(Numeric)) => true,
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    last = after.expect("matched above");
                    end += 2;
                }
            }
            _ => {}
        }
        res.push((base + start, &piece[start..end]));
        start = end;
    }
}

fn should_join(last: &str, next: &str) -> bool {
    // Most tokens are words, which never join what follows: decide those without the checks.
    if last.as_bytes()[0].is_ascii_alphabetic() {
        return false;
    }
    let is_blank = |token: &str| {
        token
            .chars()
            .all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
    };
    let is_number = |token: &str| token.starts_with(|c: char| c.is_ascii_digit());
    let is_currency = |token: &str| {
        let mut chars = token.chars();
        matches!(
            (chars.next(), chars.next()),
            (Some('$' | '€' | '£' | '¥' | '₹' | '₩'), None)
        )
    };
    (is_blank(last) && is_blank(next))
        || (is_currency(last) && is_number(next))
        || (is_number(last) && last.ends_with(|c: char| c.is_ascii_digit()) && next == "%")
}

/// Splits a word of a per-character script into characters, each with the combining marks that
/// follow it. (The few marks these scripts use are listed here rather than taken from the
/// grapheme tables, which cost about 20 KB of wasm for this one use.)
fn push_characters<'a>(word: &'a str, tokens: &mut Vec<&'a str>) {
    let is_mark = |c: char| {
        matches!(c,
            '\u{0300}'..='\u{036F}'     // combining diacritical marks
            | '\u{0E31}'                 // Thai vowel above
            | '\u{0E34}'..='\u{0E3A}'   // Thai vowels and signs above and below
            | '\u{0E47}'..='\u{0E4E}'   // Thai tone marks
            | '\u{3099}'..='\u{309A}'   // combining Kana voiced sound marks
            | '\u{FE00}'..='\u{FE0F}'   // variation selectors
            | '\u{E0100}'..='\u{E01EF}' // ideographic variation selectors
        )
    };
    let mut start = 0;
    for (idx, c) in word.char_indices().skip(1) {
        if !is_mark(c) {
            tokens.push(&word[start..idx]);
            start = idx;
        }
    }
    tokens.push(&word[start..]);
}

/// Scripts written without spaces between words, where a character is the unit of change.
fn is_per_character(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        matches!(c,
            '\u{0E00}'..='\u{0E7F}'     // Thai
            | '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
            | '\u{31F0}'..='\u{31FF}'   // Katakana phonetic extensions
            | '\u{3400}'..='\u{4DBF}'   // CJK extension A
            | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
            | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
            | '\u{FF66}'..='\u{FF9F}'   // half-width Katakana
            | '\u{20000}'..='\u{3134F}' // CJK extensions B to G
        )
    }) && word.chars().count() > 1
}

/// Byte ranges of URLs and e-mail addresses in `text`, in order and not overlapping.
fn find_links(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut res = Vec::new();
    let mut idx = 0;
    while idx < bytes.len() {
        // Only these bytes can start a link or be an address's `@`; skipping the rest quickly
        // matters, since this loop sees every byte of the text.
        if !matches!(bytes[idx], b'h' | b'H' | b'w' | b'W' | b'@') {
            idx += 1;
            continue;
        }
        // A link starts after a character that cannot be in one, or after an opening bracket
        // or quote (Markdown's `[text](https://…)`, `<https://…>`).
        let at_boundary = idx == 0
            || !is_link_char(bytes[idx - 1])
            || matches!(bytes[idx - 1], b'(' | b'[' | b'\'');
        let rest = &text[idx..];
        let is_url = at_boundary
            && ["https://", "http://", "www."].iter().any(|prefix| {
                rest.len() > prefix.len()
                    && rest.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
            });
        if is_url {
            let end = idx + url_length(rest);
            if end > idx + 8 {
                res.push((idx, end));
                idx = end;
                continue;
            }
        }
        if bytes[idx] == b'@'
            && let Some((start, end)) = email_around(text, idx)
            && res.last().is_none_or(|&(_, last_end)| last_end <= start)
        {
            res.push((start, end));
            idx = end;
            continue;
        }
        idx += 1;
    }
    res
}

/// Characters that can continue a URL or an e-mail address (ASCII only, which is what links hold
/// in running text).
fn is_link_char(byte: u8) -> bool {
    // A table, since the link scanner asks this for many bytes of every text.
    const TABLE: [bool; 256] = {
        let mut table = [false; 256];
        let mut byte = 0;
        while byte < 256 {
            table[byte] = (byte as u8).is_ascii_alphanumeric();
            byte += 1;
        }
        let others = b"-._~:/?#[]@!$&'()*+,;=%";
        let mut idx = 0;
        while idx < others.len() {
            table[others[idx] as usize] = true;
            idx += 1;
        }
        table
    };
    TABLE[usize::from(byte)]
}

/// Length of the URL at the start of `rest`: up to whitespace or a character that cannot be in a
/// URL, without trailing sentence punctuation or an unbalanced closing bracket.
fn url_length(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut end = bytes
        .iter()
        .position(|&byte| !is_link_char(byte))
        .unwrap_or(bytes.len());
    loop {
        let Some(&last) = bytes[..end].last() else {
            return 0;
        };
        let unbalanced_close = last == b')'
            && bytes[..end].iter().filter(|&&b| b == b'(').count()
                < bytes[..end].iter().filter(|&&b| b == b')').count();
        if b".,;:!?'\"".contains(&last) || unbalanced_close {
            end -= 1;
        } else {
            return end;
        }
    }
}

/// The e-mail address around the `@` at `at`, if the text there reads as one: a local part, and a
/// domain with a dot that does not end the address.
fn email_around(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let is_local = |byte: u8| byte.is_ascii_alphanumeric() || b"._%+-".contains(&byte);
    let is_domain = |byte: u8| byte.is_ascii_alphanumeric() || b".-".contains(&byte);
    let start = bytes[..at]
        .iter()
        .rposition(|&b| !is_local(b))
        .map_or(0, |pos| pos + 1);
    let mut end = at
        + 1
        + bytes[at + 1..]
            .iter()
            .position(|&b| !is_domain(b))
            .unwrap_or(bytes.len() - at - 1);
    while end > at + 1 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    let domain = &text[at + 1..end];
    let has_dot = domain.contains('.') && !domain.starts_with('.');
    (start < at && has_dot).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        let tokens = tokenize(text);
        assert_eq!(tokens, expect);
        assert_eq!(tokens.concat(), text);
    }

    // proptest is a native-only dev-dependency; the wasm test build (clippy) skips this.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The ASCII fast path gives exactly the boundaries of `unicode-segmentation`.
        #[test]
        fn ascii_scanner_matches_uax29(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "7", "0", " ", "  ", "\t", "\r", "\n", ":", ",", ";", ".", "'", "_", "-",
                    "\"", "$", "%", "é", "’", "\u{301}", "\u{2000}", "東", "\u{200d}", "😀", "\u{a0}",
                    "\u{5d0}", "カ", "\u{1f1e6}",
                ]),
                0..40,
            )
        ) {
            let text = pieces.concat();
            let expected: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            proptest::prop_assert_eq!(word_bounds(&text), expected);
        }
    }

    #[test]
    fn ascii_scanner_matches_uax29_on_tricky_cases() {
        for text in [
            "Don't stop: a:b, 1,200.50; 3.4.5 e.g. x_1 _a_ 1_a a.1 1.a 'q' a'' ''a 1,,2 a::b",
            "a\r\nb\r\r\n\n  \t x",
            "café ’tis a\u{301} \u{2000} b  \u{301}c",
        ] {
            let expected: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            assert_eq!(word_bounds(text), expected, "{text:?}");
        }
    }

    #[test]
    fn tokens_rebuild_the_text() {
        let text = "Line one,\r\n\r\nline two \u{200f}שלום\u{200f} 東京都 😀 e\u{301} a@b.c http://x.y/(z)).";
        assert_eq!(tokenize(text).concat(), text);
    }

    #[test]
    fn punctuation_and_words() {
        check(
            "Don't stop, 4.5bn.",
            &["Don't", " ", "stop", ",", " ", "4.5bn", "."],
        );
    }

    #[test]
    fn numbers_with_currency_and_percent() {
        check("€30,000 (25%)", &["€30,000", " ", "(", "25%", ")"]);
        check("2,000 of 4.5", &["2,000", " ", "of", " ", "4.5"]);
        // A dollar sign alone, or before a word, stays its own token.
        check("$ and $x", &["$", " ", "and", " ", "$", "x"]);
    }

    #[test]
    fn urls_are_one_token() {
        check(
            "(see https://example.org/path_(x)?q=1#top), or www.example.com.",
            &[
                "(",
                "see",
                " ",
                "https://example.org/path_(x)?q=1#top",
                ")",
                ",",
                " ",
                "or",
                " ",
                "www.example.com",
                ".",
            ],
        );
        // A word that merely contains "http" is not a link.
        check("xhttp://a", &["xhttp", ":", "/", "/", "a"]);
    }

    #[test]
    fn emails_are_one_token() {
        check(
            "Write to news.desk@example.co.uk.",
            &["Write", " ", "to", " ", "news.desk@example.co.uk", "."],
        );
        check("a @ b", &["a", " ", "@", " ", "b"]);
        check("@handle", &["@", "handle"]);
    }

    #[test]
    fn spaces_and_tabs_form_one_run() {
        check("a  \t b\n\nc", &["a", "  \t ", "b", "\n", "\n", "c"]);
    }

    #[test]
    fn scripts_without_spaces_split_per_character() {
        check("東京都", &["東", "京", "都"]);
        check(
            "ひらがなカタカナ",
            &["ひ", "ら", "が", "な", "カ", "タ", "カ", "ナ"],
        );
        check("ภาษาไทย", &["ภ", "า", "ษ", "า", "ไ", "ท", "ย"]);
        // Marks stay with their character: Thai tone and vowel marks, a Kana voiced mark.
        check("ที่นี่", &["ที่", "นี่"]);
        check("か\u{3099}な", &["か\u{3099}", "な"]);
    }
}
