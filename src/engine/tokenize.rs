//! Splits text into tokens along Unicode word boundaries (UAX #29), keeping every byte.

use unicode_segmentation::UnicodeSegmentation;

/// Splits `text` into tokens: words, runs of whitespace and single punctuation marks.
///
/// The tokens are slices of `text` in order, so joining them gives `text` back.
/// Word boundaries follow UAX #29: `don't` and `1,200.50` stay whole, `said,` is two tokens,
/// and Han or Hiragana text becomes one token per character.
///
/// ```
/// use redline::engine::tokenize;
///
/// assert_eq!(tokenize("He said, \"no.\""), ["He", " ", "said", ",", " ", "\"", "no", ".", "\""]);
/// assert_eq!(tokenize("3,200 jobs"), ["3,200", " ", "jobs"]);
/// ```
pub fn tokenize(text: &str) -> Vec<&str> {
    text.split_word_bounds().collect()
}

/// Whether a token counts as a word in the statistics: it holds a letter or a digit.
///
/// ```
/// use redline::engine::is_word;
///
/// assert!(is_word("jobs"));
/// assert!(is_word("3,200"));
/// assert!(!is_word(", "));
/// ```
pub fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_rebuild_the_text() {
        let text = "Line one,\r\n\r\nline two \u{200f}שלום\u{200f} 東京都 😀 e\u{301}";
        assert_eq!(tokenize(text).concat(), text);
    }

    #[test]
    fn han_text_splits_per_character() {
        assert_eq!(tokenize("東京都"), ["東", "京", "都"]);
    }

    #[test]
    fn space_runs_stay_together() {
        assert_eq!(tokenize("a   b"), ["a", "   ", "b"]);
    }
}
