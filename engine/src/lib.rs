//! Redline's engine: pure Rust that compares the original and the reworked version of an
//! article word by word, and reads the correction note against the changes.
//!
//! The web app and the `redline` command line are both thin layers over this crate: it does all
//! the text and diff work, and it never touches a browser, so all of it runs and is tested
//! natively. Cargo enforces that: nothing in its dependency tree knows about the web.
//!
//! # Concepts
//!
//! Redline compares two versions of one article, the **original** and the **reworked** one, and
//! returns a [`Comparison`]: a list of [`Block`]s in reading order, one per paragraph (or pair of
//! paragraphs), each holding [`Segment`]s of equal, deleted and inserted text with the byte
//! ranges they occupy in each text. Every byte of both inputs is kept: the segments rebuild the
//! original and the reworked text exactly ([`Comparison::original_text`],
//! [`Comparison::reworked_text`]).
//!
//! The crate is organised as the work flows:
//!
//! 1. **The diff pipeline** (private, `diff/`): [`tokenize`] splits each text along Unicode
//!    word boundaries (UAX #29), so `said,` is two tokens and a changed comma never marks the
//!    word before it; both texts are tokenized once and their tokens interned; paragraphs are
//!    diffed as wholes with `similar`'s Patience algorithm, similar paragraphs in a changed
//!    stretch are paired ([`similarity`], [`PAIR_THRESHOLD`]), one with one or one with the
//!    two or three it was split into (or joined from), and word-diffed, short equal stretches
//!    between replacements are absorbed by a semantic cleanup, and deleted and inserted
//!    paragraphs that match become moves ([`MOVE_THRESHOLD`]; never a line that stands more
//!    than once).
//! 2. **The model** (`model/`): [`Comparison`], [`Block`], [`Segment`], [`Stats`], the
//!    numbering of changes, and the [`ChangeMark`]s and [`Section`]s a view steps through.
//! 3. **The note and the facts** (`note/`): [`detect_notes`] finds correction, update and
//!    clarification notes, [`Comparison::facts`] lists the changes that alter a number, a
//!    date, a name, a quotation, the headline or a link, and [`reconcile`] checks the note's
//!    claims against the changes. The note the reworked version carries is a block of its
//!    own ([`Block::note`]), never one of the changes it explains.
//! 4. **Histories** ([`history`]): more than two versions, each step summarized, and the
//!    changes a later step undid.
//! 5. **Formats in and out** ([`formats`]): share links, the exports (HTML report, Markdown,
//!    JSON, JSON-LD), text taken from parsed HTML, and the checks on a file's or a paste's text.
//!
//! # What a change is
//!
//! Redline never strikes out text that is in both versions at the same place, with one
//! exception: one or two unchanged words stranded between two replacements are absorbed into
//! them, since `[-cat-]{+dog+} [-sat-]{+stood+}` is confetti and `[-cat sat-]{+dog stood+}`
//! reads as the rewrite it is. Three unchanged words in a row always stay, and so does any
//! word beside a pure insertion or deletion. A paragraph pair is edited, not replaced whole,
//! when its diff before that cleanup keeps at least [`PAIR_THRESHOLD`] of its words, so
//! cleanup never turns a pair that kept most of its words into a replacement. Changed spacing,
//! line breaks and blank lines are cosmetic: a split or joined paragraph keeps its words, and
//! its [`Segment::layout`] says where it was split or joined. An inserted or deleted sentence
//! is marked whole, from its first word to the space after its end.
//!
//! [`Options`] make some differences *cosmetic* (case, whitespace, punctuation, typography):
//! such segments are flagged, counted in [`Stats::cosmetic_changes`] and never dropped.
//!
//! # Example
//!
//! ```
//! use redline_engine::{compare, SegmentKind};
//!
//! let comparison = compare("The cat sat.", "The dog sat.");
//! let kinds: Vec<(SegmentKind, &str)> = comparison
//!     .iter_segments()
//!     .map(|segment| (segment.kind, segment.text.as_str()))
//!     .collect();
//! assert_eq!(
//!     kinds,
//!     vec![
//!         (SegmentKind::Equal, "The "),
//!         (SegmentKind::Delete, "cat"),
//!         (SegmentKind::Insert, "dog"),
//!         (SegmentKind::Equal, " sat."),
//!     ]
//! );
//! assert_eq!(comparison.stats.words_removed, 1);
//! assert_eq!(comparison.original_text(), "The cat sat.");
//! ```
//!
//! The note is read against the changes:
//!
//! ```
//! use redline_engine::{compare, detect_notes, reconcile, FactKind, NoteKind};
//!
//! let original = "Council approves 60,000 homes\n\nThe council approved 60,000 homes on Monday.";
//! let reworked = "Council approves 25,000 homes\n\nThe council approved 25,000 homes on Monday.\n\n\
//!                 Correction: An earlier version of this article misstated the number of homes.";
//! let comparison = compare(original, reworked);
//! assert!(comparison.facts.iter().any(|fact| fact.kind == FactKind::Number
//!     && fact.old == "60,000" && fact.new == "25,000"));
//!
//! let notes = detect_notes(reworked);
//! assert_eq!(notes[0].kind, NoteKind::Correction);
//! let check = reconcile(&notes[0].text, &comparison, original, reworked);
//! // The headline and the body changed the same figure, and "the number of homes" owns up to
//! // both.
//! assert_eq!(check.explained.len(), comparison.n_changes);
//! assert!(check.explained.iter().all(|&explained| explained), "{}", check.summary);
//! assert!(check.unmentioned_fact_changes.is_empty());
//! ```
//!
//! # Time
//!
//! The engine never reads the clock: `similar` panics on wasm32-unknown-unknown when asked for
//! a deadline, so none is ever passed, and the work is bounded by the input instead.

#![warn(missing_docs)]

// The README's example runs as a doc-test, so it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExample;

use serde::{Deserialize, Serialize};

mod diff;
pub mod example;
pub mod formats;
pub mod history;
mod model;
mod note;

pub use diff::align::{PAIR_THRESHOLD, similarity};
pub use diff::moves::MOVE_THRESHOLD;
pub use diff::tokenize::{is_word, tokenize};
pub use model::navigation::{ChangeKind, ChangeMark, Section};
pub use model::{
    Block, BlockKind, Comparison, Fact, FactKind, Layout, Segment, SegmentKind, Stats,
};
pub use note::detect::{Note, NoteKind, carried_note, classify_note, detect_notes};
pub use note::reconcile::{
    ClaimCheck, ClaimKind, NotePart, Reconciliation, find_claims, reconcile,
};

/// Characters and words of a text, as the input panes show them.
///
/// ```
/// assert_eq!(redline_engine::text_counts("Café, 25% off!"), (14, 3));
/// ```
pub fn text_counts(text: &str) -> (usize, usize) {
    let n_words = tokenize(text)
        .into_iter()
        .filter(|token| is_word(token))
        .count();
    (text.chars().count(), n_words)
}

/// [`text_counts`] for a text that changes a little at a time, as a text box's does while its
/// reader types: the words are counted paragraph by paragraph (cut after each blank line, where
/// no word can run across), and the paragraphs of the last text are remembered, so a key press
/// counts again only the paragraph it changed.
///
/// ```
/// use redline_engine::{TextCounter, text_counts};
///
/// let mut counter = TextCounter::default();
/// let text = "The council met.\n\nIt approved 25 homes.";
/// assert_eq!(counter.counts(text), text_counts(text));
/// let typed = "The council met.\n\nIt approved 25 new homes.";
/// assert_eq!(counter.counts(typed), text_counts(typed));
/// ```
#[derive(Debug, Default)]
pub struct TextCounter {
    /// The words of each paragraph of the last text counted, by a 64-bit hash of the
    /// paragraph's text rather than the text itself, so remembering a text copies none of it
    /// (two paragraphs of one text would share a hash about once in 10^11 texts of 10,000
    /// paragraphs).
    paragraphs: std::collections::HashMap<u64, u32>,
}

impl TextCounter {
    /// The characters and words of `text`, the same as [`text_counts`] gives.
    pub fn counts(&mut self, text: &str) -> (usize, usize) {
        use std::hash::{Hash, Hasher};
        let mut paragraphs = std::collections::HashMap::with_capacity(self.paragraphs.len());
        let mut n_words = 0;
        for paragraph in text.split_inclusive("\n\n") {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            paragraph.hash(&mut hasher);
            let key = hasher.finish();
            let n = match self.paragraphs.get(&key) {
                Some(&n) => n,
                None => text_counts(paragraph).1 as u32,
            };
            n_words += n as usize;
            paragraphs.insert(key, n);
        }
        // Only the last text's paragraphs are kept: typing makes a new one at each key press.
        self.paragraphs = paragraphs;
        (text.chars().count(), n_words)
    }
}

/// The direction of a text as HTML's `dir="auto"` finds it: from its first strongly directional
/// letter (Hebrew, Arabic and the other right-to-left scripts read right to left), `"ltr"` when
/// it has none. The text boxes use it instead of `dir="auto"`, which Chromium takes seconds to
/// work out on a text box holding megabytes.
///
/// ```
/// use redline_engine::text_direction;
///
/// assert_eq!(text_direction("« שלום » and more"), "rtl");
/// assert_eq!(text_direction("12, Café"), "ltr");
/// assert_eq!(text_direction(""), "ltr");
/// ```
pub fn text_direction(text: &str) -> &'static str {
    direction_of(text.chars().find(|&c| c.is_alphabetic()))
}

/// The direction a text's first letter gives it, `"ltr"` when it has none.
pub(crate) fn direction_of(first_letter: Option<char>) -> &'static str {
    let is_rtl = |c: char| {
        matches!(c,
            '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}')
    };
    match first_letter {
        Some(c) if is_rtl(c) => "rtl",
        _ => "ltr",
    }
}

/// How [`compare_with_options`] works.
///
/// The `ignore_*` and `typographic_cosmetic` options never drop a difference: they make it
/// *cosmetic* ([`Segment::cosmetic`]), which a view can hide and [`Stats::cosmetic_changes`]
/// counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Absorb short equal stretches stranded between changes into one replacement, so a
    /// rewritten phrase reads as old phrase / new phrase rather than confetti.
    /// The default is `true`.
    pub semantic_cleanup: bool,
    /// `The` and `the` differ only cosmetically. The default is `false`.
    pub ignore_case: bool,
    /// Any two runs of whitespace (spaces, tabs, no-break spaces) are the same token, so the
    /// diff aligns words across changed spacing and the spacing beside an edit is not part of
    /// it. The default is `false`; a change of whitespace alone (spacing between kept words,
    /// line breaks, blank lines) is cosmetic either way.
    pub ignore_whitespace: bool,
    /// A change that touches only punctuation (and whitespace), such as a comma, is cosmetic.
    /// The default is `false`.
    pub ignore_punctuation: bool,
    /// Curly and straight quotes and guillemets, no-break and plain spaces, and dash kinds
    /// differ only cosmetically. The default is `true`.
    pub typographic_cosmetic: bool,
    /// The unit of change inside edited paragraphs. The default is [`Granularity::Word`].
    pub granularity: Granularity,
    /// Compare the whole texts even when one is a whole page copied with its menus, teasers
    /// and footer. The default is `false`: the articles are compared, and the page around
    /// them is its [frame](Block::frame) ([`formats::page::find_article`]).
    pub whole_pages: bool,
}

/// The unit of change inside an edited paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Whole words, numbers, links and punctuation marks: a change never starts or ends inside
    /// a word.
    #[default]
    Word,
    /// Characters inside replaced words, for spelling fixes: `colo[-u-]r`. Replacements longer
    /// than a few hundred bytes stay word-level.
    Character,
    /// Whole sentences: any change marks the sentence it is in, old sentence then new sentence.
    Sentence,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            semantic_cleanup: true,
            ignore_case: false,
            ignore_whitespace: false,
            ignore_punctuation: false,
            typographic_cosmetic: true,
            granularity: Granularity::Word,
            whole_pages: false,
        }
    }
}

impl Options {
    /// Which differences between two tokens these options make cosmetic.
    fn key_options(&self) -> diff::text::KeyOptions {
        diff::text::KeyOptions {
            ignore_case: self.ignore_case,
            ignore_whitespace: self.ignore_whitespace,
            typographic: self.typographic_cosmetic,
        }
    }

    /// How word diffs inside paired paragraphs work under these options.
    fn word_options(&self) -> diff::words::WordDiffOptions {
        diff::words::WordDiffOptions {
            cleanup: self.semantic_cleanup,
            ignore_punctuation: self.ignore_punctuation,
            granularity: self.granularity,
        }
    }
}

/// Above this many lines in either text, unchanged paragraphs in a row are joined into one
/// block: a text of a million short lines would otherwise make a million blocks, hundreds of
/// megabytes of model for the page. The changes and the texts stay exact
/// ([`Comparison::coarse`] says it happened).
pub const COARSE_LINES: usize = 50_000;

/// Compares the original with the reworked text with the default [`Options`].
///
/// ```
/// let comparison = redline_engine::compare("a b", "a b");
/// assert_eq!(comparison.blocks.len(), 1);
/// assert_eq!(comparison.stats.words_added, 0);
/// ```
pub fn compare(original: &str, reworked: &str) -> Comparison {
    compare_with_options(original, reworked, &Options::default())
}

/// Compares the original with the reworked text: paragraphs first, then words inside the
/// paragraphs that were paired as edits of each other.
///
/// Deleted text comes before the inserted text that replaces it.
///
/// ```
/// use redline_engine::{compare_with_options, Comparison, Options, SegmentKind};
///
/// let deleted = |comparison: &Comparison| -> Vec<String> {
///     let deletions = comparison.iter_segments().filter(|s| s.kind == SegmentKind::Delete);
///     deletions.map(|segment| segment.text.clone()).collect()
/// };
/// let flat = Options { semantic_cleanup: false, ..Options::default() };
/// let comparison = compare_with_options("a big red house", "a small blue house", &flat);
/// assert_eq!(deleted(&comparison), ["big", "red"]);
/// let comparison = compare_with_options("a big red house", "a small blue house", &Options::default());
/// assert_eq!(deleted(&comparison), ["big red"]);
/// ```
pub fn compare_with_options(original: &str, reworked: &str, options: &Options) -> Comparison {
    if !options.whole_pages {
        let articles = [
            formats::page::find_article(original),
            formats::page::find_article(reworked),
        ];
        if articles.iter().any(Option::is_some) {
            let [original_article, reworked_article] = articles;
            let [original_article, reworked_article] = [
                original_article.unwrap_or(0..original.len()),
                reworked_article.unwrap_or(0..reworked.len()),
            ];
            // Each page's article starts at the other version's headline when the page has it
            // above the article: the two articles then start alike.
            let headline = |text: &str, article: &std::ops::Range<usize>| {
                model::headline(&text[article.clone()]).to_owned()
            };
            let (original_headline, reworked_headline) = (
                headline(original, &original_article),
                headline(reworked, &reworked_article),
            );
            let original_article =
                formats::page::with_headline(original, original_article, &reworked_headline);
            let reworked_article =
                formats::page::with_headline(reworked, reworked_article, &original_headline);
            return compare_articles(
                original,
                reworked,
                [original_article, reworked_article],
                options,
            );
        }
    }
    compare_texts(original, reworked, options)
}

/// Compares the articles at `articles` (byte ranges of the original and of the reworked text),
/// and the page around them as its frame: the text before the articles with the text before,
/// the text after with the text after. The frame's blocks are marked [`Block::frame`], carry
/// no change numbers and no facts, and are left out of the stats; the ranges of every block
/// are into the whole texts, so the tiling rule holds as for any comparison.
///
/// ```
/// let page = "Home · News · Sport\n\nThe mayor resigned.\n\nPrivacy · Cookies\n";
/// let article = page.find("The mayor").unwrap()..page.find("\n\nPrivacy").unwrap();
/// let comparison = redline_engine::compare_articles(
///     "The mayor resigned.",
///     page,
///     [0..19, article],
///     &Default::default(),
/// );
/// assert_eq!(comparison.n_changes, 0);
/// assert!(comparison.blocks.iter().filter(|block| block.frame).count() >= 2);
/// assert_eq!(comparison.reworked_text(), page);
/// ```
pub fn compare_articles(
    original: &str,
    reworked: &str,
    articles: [std::ops::Range<usize>; 2],
    options: &Options,
) -> Comparison {
    let [original_article, reworked_article] = articles;
    let mut comparison = compare_texts(
        &original[original_article.clone()],
        &reworked[reworked_article.clone()],
        options,
    );
    // The frame needs only its blocks: the pipeline leaves them unnumbered, and its stats and
    // facts are never shown.
    let frame = |original: &str, reworked: &str| -> (Vec<Block>, bool) {
        if original.is_empty() && reworked.is_empty() {
            return (Vec::new(), false);
        }
        let texts = diff::text::Texts::new(original, reworked, options.key_options());
        let (mut blocks, coarse) = diff::diff_blocks(&texts, options.word_options());
        for block in &mut blocks {
            block.frame = true;
        }
        (blocks, coarse)
    };
    let (before, before_coarse) = frame(
        &original[..original_article.start],
        &reworked[..reworked_article.start],
    );
    let (mut after, after_coarse) = frame(
        &original[original_article.end..],
        &reworked[reworked_article.end..],
    );
    model::shift(
        &mut comparison.blocks,
        original_article.start,
        reworked_article.start,
    );
    model::shift(&mut after, original_article.end, reworked_article.end);
    let n_before = before.len();
    comparison.headline = if comparison.headline == [0, 0] {
        [0, 0]
    } else {
        comparison.headline.map(|idx| idx + n_before)
    };
    comparison.blocks.splice(0..0, before);
    comparison.blocks.append(&mut after);
    comparison.coarse |= before_coarse || after_coarse;
    comparison.articles = Some([
        [original_article.start, original_article.end],
        [reworked_article.start, reworked_article.end],
    ]);
    comparison
}

/// Compares the two texts whole: the work of [`compare_with_options`] once it knows what to
/// compare.
/// The diff core alone: the blocks and change numbers of [`compare_with_options`] on two
/// texts, without whole pages, the note's blocks, the headline, the stats or the facts. What
/// the `diff_core` fuzz target runs, so that it spends its time on the diff.
#[doc(hidden)]
pub fn diff_core(original: &str, reworked: &str, options: &Options) -> Comparison {
    let texts = diff::text::Texts::new(original, reworked, options.key_options());
    let (mut blocks, coarse) = diff::diff_blocks(&texts, options.word_options());
    let (n_changes, _) = model::number_changes(&mut blocks);
    Comparison {
        blocks,
        n_changes,
        coarse,
        ..Comparison::default()
    }
}

fn compare_texts(original: &str, reworked: &str, options: &Options) -> Comparison {
    let texts = diff::text::Texts::new(original, reworked, options.key_options());
    let (mut blocks, coarse) = diff::diff_blocks(&texts, options.word_options());
    let reworked_notes = detect_notes(reworked);
    note::detect::mark_note_blocks(&mut blocks, reworked, &reworked_notes);
    let (n_changes, cosmetic_changes) = model::number_changes(&mut blocks);
    let headline = model::headline_blocks(original, reworked, &blocks);
    let mut stats = diff::count_words(&texts, &blocks);
    stats.cosmetic_changes = cosmetic_changes;
    let mut comparison = Comparison {
        blocks,
        headline,
        n_changes,
        stats,
        facts: Vec::new(),
        coarse,
        articles: None,
    };
    comparison.facts = note::facts::find_facts(&comparison, &texts, &reworked_notes);
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a comparison as compact markup, `[-deleted-]{+inserted+}` (cosmetic changes as
    /// `[~deleted~]{~inserted~}`), and checks that the segments rebuild both texts.
    fn check_with(original: &str, reworked: &str, options: &Options, expect: &str) {
        let comparison = compare_with_options(original, reworked, options);
        assert_eq!(comparison.markup(), expect);
        assert_eq!(comparison.original_text(), original);
        assert_eq!(comparison.reworked_text(), reworked);
    }

    fn check(original: &str, reworked: &str, expect: &str) {
        check_with(original, reworked, &Options::default(), expect);
    }

    #[test]
    fn replaced_word() {
        check("The cat sat.", "The dog sat.", "The [-cat-]{+dog+} sat.");
    }

    #[test]
    fn punctuation_is_its_own_token() {
        check("He said, no", "He said no", "He said[-,-] no");
    }

    #[test]
    fn corrected_figure() {
        check(
            "The fund raised $50,000 last year.",
            "The fund raised $30,000 last year.",
            "The fund raised [-$50,000-]{+$30,000+} last year.",
        );
    }

    #[test]
    fn empty_sides() {
        check("", "", "");
        check("", "New text", "{+New text+}");
        check("Old text", "", "[-Old text-]");
        check("\n\n", "\n", "\n[~\n~]");
    }

    #[test]
    fn cleanup_joins_a_rewritten_phrase() {
        let flat = Options {
            semantic_cleanup: false,
            ..Options::default()
        };
        check_with(
            "The cat sat on the mat.",
            "The dog stood on the mat.",
            &flat,
            "The [-cat-]{+dog+} [-sat-]{+stood+} on the mat.",
        );
        check(
            "The cat sat on the mat.",
            "The dog stood on the mat.",
            "The [-cat sat-]{+dog stood+} on the mat.",
        );
    }

    #[test]
    fn cleanup_keeps_long_equalities_and_line_breaks() {
        check(
            "Voted on Monday to approve 60,000 homes.",
            "Voted on Tuesday to approve 25,000 homes.",
            "Voted on [-Monday-]{+Tuesday+} to approve [-60,000-]{+25,000+} homes.",
        );
    }

    #[test]
    fn unrelated_paragraph_is_replaced_whole() {
        // A flat word diff would match "the" and "of" across these two paragraphs.
        check(
            "Headline\n\nThe mayor of the town resigned on Friday.\n\nEnd.",
            "Headline\n\nSchools in the region of the north will reopen.\n\nEnd.",
            "Headline\n\n[-The mayor of the town resigned on Friday.\n\n-]\
             {+Schools in the region of the north will reopen.\n\n+}End.",
        );
    }

    #[test]
    fn edited_paragraph_is_paired_and_word_diffed() {
        check(
            "Title\n\nA short first paragraph.\n\nThe council approved 60,000 homes on Monday.\n",
            "Title\n\nThe council approved 25,000 homes on Monday.\n",
            "Title\n\n[-A short first paragraph.\n\n-]The council approved [-60,000-]{+25,000+} homes on Monday.\n",
        );
    }

    /// Cases from jsdiff's word-diff tests (kpdecker/jsdiff: test/diff/word.js,
    /// `diffWordsWithSpace`, which keeps whitespace like Redline does), in our notation.
    #[test]
    fn jsdiff_word_cases() {
        check(
            "New Value",
            "New  ValueMoreData",
            "New[- Value-]{+  ValueMoreData+}",
        );
        for (original, reworked, expect) in [
            ("()", "(word)", "({+word+})"),
            ("[]", "[word]", "[{+word+}]"),
            ("{}", "{word}", "{{+word+}}"),
            ("''", "'word'", "'{+word+}'"),
            ("\"\"", "\"word\"", "\"{+word+}\""),
        ] {
            check(original, reworked, expect);
        }
        // jsdiff issues #180 and #211: line breaks are tokens of their own (and for Redline,
        // changed blank lines are layout, so cosmetic).
        check("foo\nbar", "foo\n\n\nbar", "foo\n{~\n\n~}bar");
        check("A\n\nB\n", "A\nB\n", "A\n[~\n~]B\n");
        check("", " ", "{+ +}");
        check(" ", "", "[- -]");
        check("New Value", "New Value", "New Value");
    }

    #[test]
    fn options_make_differences_cosmetic_never_drop_them() {
        let original = "He said: \"Don't stop\" — twice, to the Council.";
        let reworked = "He said: “Don’t stop” – twice to the council.";
        check(
            original,
            reworked,
            "He said: [~\"Don't~]{~“Don’t~} stop[~\"~]{~”~} [~—~]{~–~} twice[-,-] to the [-Council-]{+council+}.",
        );
        let lenient = Options {
            ignore_case: true,
            ignore_punctuation: true,
            ..Options::default()
        };
        check_with(
            original,
            reworked,
            &lenient,
            "He said: [~\"Don't~]{~“Don’t~} stop[~\"~]{~”~} [~—~]{~–~} twice[~,~] to the [~Council~]{~council~}.",
        );
        let comparison = compare_with_options(original, reworked, &lenient);
        assert_eq!(
            (comparison.n_changes, comparison.stats.cosmetic_changes),
            (0, 5)
        );
        assert_eq!(
            (comparison.stats.words_added, comparison.stats.words_removed),
            (0, 0)
        );
        let strict = Options {
            typographic_cosmetic: false,
            ..Options::default()
        };
        assert_eq!(
            compare_with_options(original, reworked, &strict)
                .stats
                .cosmetic_changes,
            0
        );
        let spaces = Options {
            ignore_whitespace: true,
            ..Options::default()
        };
        check_with("a  b\tc", "a b c", &spaces, "a[~  ~]{~ ~}b[~\t~]{~ ~}c");
    }

    #[test]
    fn headline_blocks_cover_an_edited_or_replaced_headline() {
        let edited = compare(
            "\nHarbour plan approved\n\nBody.",
            "\nHarbour plan cut\n\nBody.",
        );
        // The leading blank line is block 0.
        assert_eq!(edited.headline, [1, 2]);
        assert_eq!(edited.blocks[1].kind, BlockKind::Changed);
        let replaced = compare(
            "Mayor resigns\n\nBody.",
            "Schools reopen in the north\n\nBody.",
        );
        assert_eq!(replaced.headline, [0, 2]);
        assert_eq!(
            (replaced.blocks[0].kind, replaced.blocks[1].kind),
            (BlockKind::Deleted, BlockKind::Inserted)
        );
        assert_eq!(compare(" \n", "\n").headline, [0, 0]);
    }

    #[test]
    fn granularity_character_and_sentence() {
        let original = "The colour was grey. It rained on Monday. Fans stayed.";
        let reworked = "The color was gray. It rained on Tuesday. Fans stayed.";
        let characters = Options {
            granularity: Granularity::Character,
            ..Options::default()
        };
        check_with(
            original,
            reworked,
            &characters,
            "The colo[-u-]r was gr[-e-]{+a+}y. It rained on [-Mon-]{+Tues+}day. Fans stayed.",
        );
        let sentences = Options {
            granularity: Granularity::Sentence,
            ..Options::default()
        };
        check_with(
            original,
            reworked,
            &sentences,
            "[-The colour was grey. It rained on Monday.-]{+The color was gray. It rained on Tuesday.+} Fans stayed.",
        );
        check_with(
            "One. Two three. Four.",
            "One. Two four. Four.",
            &sentences,
            "One. [-Two three.-]{+Two four.+} Four.",
        );
    }

    #[test]
    fn changed_separator_only() {
        check("One\nTwo", "One\n\nTwo", "One\n{~\n~}Two");
    }

    /// Renders each block as `kind: markup`, one per line, with the move id on moved blocks.
    fn render_blocks(original: &str, reworked: &str) -> Vec<String> {
        let comparison = compare(original, reworked);
        assert_eq!(comparison.original_text(), original);
        assert_eq!(comparison.reworked_text(), reworked);
        comparison
            .blocks
            .iter()
            .map(|block| {
                let markup: String = block.segments.iter().map(Segment::markup).collect();
                let markup = markup.replace("\n", "");
                let move_id = block
                    .move_id
                    .map(|id| format!(" #{id}"))
                    .unwrap_or_default();
                format!("{:?}{move_id}: {markup}", block.kind)
            })
            .collect()
    }

    #[test]
    fn moved_paragraph_is_marked_at_both_ends_with_its_edits() {
        let original =
            "Title\n\nAll 17 people on board were unhurt.\n\nThe plane landed.\n\nCrew praised.\n";
        let reworked = "Title\n\nThe plane landed.\n\nCrew praised.\n\nAll seventeen people on board were unhurt.\n";
        assert_eq!(
            render_blocks(original, reworked),
            [
                "Equal: Title",
                "MovedFrom #0: [-All 17 people on board were unhurt.-]",
                "Equal: The plane landed.",
                "Equal: Crew praised.{~~}",
                "MovedTo #0: All [-17-]{+seventeen+} people on board were unhurt.[~~]",
            ]
        );
        let comparison = compare(original, reworked);
        assert_eq!(comparison.stats.paragraphs_moved, 1);
        assert_eq!(comparison.stats.words_removed, 1);
        assert_eq!(comparison.stats.words_added, 1);
        // The moved paragraph lost its blank line, which "Crew praised." gained: layout, so
        // cosmetic. The edits inside the moved paragraph belong to the move.
        assert_eq!(comparison.n_changes, 2);
        assert_eq!(comparison.stats.cosmetic_changes, 2);
    }

    #[test]
    fn changes_are_numbered_in_reading_order() {
        let comparison = compare(
            "Old title\n\nA b c d e f.\n\nGone paragraph here.\n",
            "New title\n\nA x c d e y.\n\nFresh text instead.\n",
        );
        let numbers: Vec<(String, Option<usize>)> = comparison
            .blocks
            .iter()
            .flat_map(|block| {
                block
                    .segments
                    .iter()
                    .filter(|s| s.kind != SegmentKind::Equal)
                    .map(move |segment| {
                        (
                            segment.text.trim_end().to_owned(),
                            segment.change.or(block.change),
                        )
                    })
            })
            .collect();
        let expect = [
            ("Old", 0),
            ("New", 0),
            ("b", 1),
            ("x", 1),
            ("f", 2),
            ("y", 2),
            ("Gone paragraph here.", 3),
            ("Fresh text instead.", 3),
        ];
        let expect: Vec<(String, Option<usize>)> = expect
            .iter()
            .map(|(text, idx)| (text.to_string(), Some(*idx)))
            .collect();
        assert_eq!(numbers, expect);
        assert_eq!(comparison.n_changes, 4);
    }

    #[test]
    fn stats_count_words_and_paragraphs() {
        let comparison = compare(
            "Harbour plan approved\n\nThe council approved 60,000 homes.\n\nA paragraph that goes away.\n",
            "Harbour plan cut\n\nThe council approved 25,000 homes.\n\nA new closing line.\n\nMore.\n",
        );
        let stats = &comparison.stats;
        assert_eq!((stats.original_words, stats.reworked_words), (13, 13));
        assert_eq!((stats.words_removed, stats.words_added), (7, 7));
        assert_eq!(stats.words_unchanged, 6);
        assert!(
            (stats.similarity - 12.0 / 26.0).abs() < 1e-12,
            "{}",
            stats.similarity
        );
        assert_eq!(
            (
                stats.paragraphs_changed,
                stats.paragraphs_removed,
                stats.paragraphs_added,
                stats.paragraphs_moved
            ),
            (2, 1, 2, 0)
        );
        assert!(stats.headline_changed);
        assert!(!compare("Same\n\nx", "Same\n\ny").stats.headline_changed);
    }

    #[test]
    fn only_a_short_first_line_with_text_after_it_is_a_headline() {
        // A single paragraph, a sentence typed alone, or a first line as long as a paragraph
        // is no headline: nothing is called out, and no fact says the headline changed.
        let paragraph = "word ".repeat(60);
        for (original, reworked) in [
            (paragraph.as_str(), paragraph.replacen("word", "verb", 1)),
            (
                "The vote was on Monday.",
                "The vote was on Tuesday.".to_owned(),
            ),
            (
                &*format!("{paragraph}\n\nNext."),
                format!("{}\n\nNext.", paragraph.replacen("word", "verb", 1)),
            ),
        ] {
            let comparison = compare(original, &reworked);
            assert_eq!(comparison.headline, [0, 0], "{reworked}");
            assert!(!comparison.stats.headline_changed, "{reworked}");
            assert!(
                comparison
                    .facts
                    .iter()
                    .all(|fact| fact.kind != FactKind::Headline),
                "{:?}",
                comparison.facts
            );
        }
        // A short first line followed by a paragraph is one.
        let comparison = compare("Old title\n\nBody.", "New title\n\nBody.");
        assert_eq!(comparison.headline, [0, 1]);
        assert!(comparison.stats.headline_changed);
    }
}
