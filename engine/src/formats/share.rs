//! Share links: the whole comparison (texts, note, options, view) in a URL fragment, `#v4.…`.
//!
//! Browsers never send the fragment to a server, so the texts stay between the sender and the
//! receiver. Redline writes version 4 links, and version 5 links for a comparison with a
//! title or sources; it reads all five versions forever: a later format gets a new prefix, and
//! `tests/fixtures/share-v1.json` to `share-v5.json` keep a real link of each.
//!
//! # Format, version 1
//!
//! A fragment is `v1.` followed by the URL-safe base64 (no padding) of a raw-deflate-compressed
//! payload (Redline wrote these first; it writes version 4 now). The payload is, in order (`varint` is LEB128, at
//! most 5 bytes, ≤ 2³² − 1):
//!
//! 1. options: one byte of flags (bit 0 semantic cleanup, 1 ignore case, 2 ignore whitespace,
//!    3 ignore punctuation, 4 typographic variants cosmetic, 5 whole pages compared, a bit
//!    added later that older links never set; other bits must be 0), then one byte
//!    of granularity (0 word, 1 character, 2 sentence);
//! 2. view: one byte (0 inline, 1 side by side, 2 changes only);
//! 3. focused change: varint, 0 for none, n + 1 for change n;
//! 4. note: varint length, then UTF-8 bytes;
//! 5. original: varint length, then UTF-8 bytes;
//! 6. reworked, as a delta against the original: varint number of operations, then each
//!    operation: tag 0 and a varint start and varint length copied from the original, or tag 1,
//!    a varint length and that many bytes of inserted text. The encoder takes the delta from
//!    the word diff (the version 1 encoder sometimes wrote the whole text as one insertion).
//!
//! Nothing may follow.
//!
//! # Format, version 2: a version history
//!
//! `v2.` and the same base64 of raw deflate. The payload holds 2 to [`MAX_VERSIONS`] versions
//! of the article, each with a label and its own note ([`History`]): the options, view and
//! focused change as in version 1; a varint number of versions; varint indices of the two
//! versions compared (`from`, `to`: different, both in range); for each version its label and
//! its note (varint length, UTF-8); the first version's text; then each later version as a
//! delta against the one before it, in version 1's delta format. Nothing may follow, and all
//! texts together stay under [`MAX_PAYLOAD_BYTES`]. [`decode`] reads a version 2 link as the
//! pair it compares; [`decode_history`] reads both versions as a history.
//!
//! # Format, version 3: the same payloads, compressed with PPMd
//!
//! `v3.` and the URL-safe base64 (no padding) of: one byte naming the payload inside (1: a
//! version 1 payload, 2: a version 2 payload), one byte of PPMd model order (2 to
//! [`PPMD_MAX_ORDER`]), one byte of model memory in MiB (1 to [`PPMD_MAX_MEMORY_MIB`]), then a
//! PPMd var. H stream (7-Zip's PPMd7 with its range coder, `ppmd-rust`) with an end marker.
//! PPMd predicts each byte from the bytes before it, which suits prose better than deflate's
//! repeated strings: links of real articles come out about 15% shorter and of the generated
//! benchmark texts up to 24% shorter (docs/benchmarks.md). Every later text is carried as a
//! delta, since the model, unlike deflate, cannot point back at text it has seen. Deflate's
//! encoder is left out of the app (it cost 9 KB of download); its decoder stays for version 1
//! and 2 links.
//!
//! # Format, version 4: version 3 with a primed model
//!
//! `v4.` and the same three bytes and PPMd stream as version 3, but the model first reads a
//! fixed English text, the primer (`engine/src/formats/share_primer.txt`, 9,403 bytes of news prose,
//! correction notes and common words, written by the Redline team for this), so that it knows
//! English before the payload's first byte instead of learning it on the way. The link carries
//! the stream of primer and payload without the bytes the range coder wrote while it read the
//! primer: those are the same for every link of a given order and memory, so the decoder makes
//! them again by encoding the primer, then decodes the whole and checks that the primer comes
//! back first. On the corpus's articles this makes links 10–20% shorter than version 3
//! (docs/benchmarks.md), for about 4 KB of download. The primer can never change: a changed
//! primer would misread every version 4 link (a test pins its SHA-256), so a new one needs a
//! new version.
//!
//! # Format, version 5: a version history with its title and sources
//!
//! `v5.` and a version 4 link's three bytes and primed PPMd stream, whose payload kind is 3: a
//! version 2 payload, then the comparison's title, then for each version its [`Source`]: the
//! article's address, the archived copy's address and the capture time (each a varint length
//! and UTF-8). Redline writes it only when there is a title or a source, so a comparison
//! without them keeps the link it always had, which older Redlines read; an older Redline
//! given a version 5 link says it was made by a newer one. A version 5 link holds nothing but
//! payload kind 3, and a version 3 or 4 link never holds it.
//!
//! # Untrusted input
//!
//! [`decode`] reads links from strangers. It checks, in this order, each with its own
//! [`ShareError`]: the fragment's length, the prefix and version, base64, decompression (capped
//! at [`MAX_PAYLOAD_BYTES`], so a small deflate or PPMd bomb cannot take the memory; a version 3
//! or 4 link's model order and memory are checked before the model is built, and its stream must
//! end exactly where the link ends), every varint,
//! every length and copy range against what is left, UTF-8, and the total size of the reworked
//! text. It never panics.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diff::compare_blocks;
use crate::{BlockKind, Granularity, Options, SegmentKind};

/// Longest fragment [`decode`] accepts, in characters; links this long are cut by most mail and
/// chat programs anyway.
pub const MAX_FRAGMENT_CHARS: usize = 1_000_000;

/// Largest payload after decompression, and largest rebuilt reworked text, in bytes.
pub const MAX_PAYLOAD_BYTES: usize = 8 * 1024 * 1024;

/// The prefix of a version 1 fragment.
const PREFIX_V1: &str = "v1.";
/// The prefix of a version 2 fragment (a version history).
const PREFIX_V2: &str = "v2.";
/// The prefix of a version 3 fragment (a version 1 or 2 payload compressed with PPMd).
const PREFIX_V3: &str = "v3.";
/// The prefix of a version 4 fragment (as version 3, with the model primed on [`PRIMER`]).
const PREFIX_V4: &str = "v4.";
/// The prefix of a version 5 fragment (as version 4, the history with its title and sources).
const PREFIX_V5: &str = "v5.";

/// What a version 4 link's model reads before the payload (see the module docs). Never to be
/// changed: every version 4 link depends on it byte for byte.
pub const PRIMER: &[u8] = include_bytes!("share_primer.txt");

/// The highest PPMd model order a version 3 link may ask for.
pub const PPMD_MAX_ORDER: u8 = 16;
/// The most model memory a version 3 link may ask for, in MiB: a stranger's link cannot make
/// the page allocate more than this.
pub const PPMD_MAX_MEMORY_MIB: u8 = 16;
/// The model order the encoder uses: on three corpus articles and the generated 2,000-word
/// pairs, orders 4 to 12 gave links within 1% of each other, and higher orders cost time.
const PPMD_ORDER: u8 = 6;

/// The most versions a history holds.
pub const MAX_VERSIONS: usize = 32;

/// How the comparison is shown; carried by the link so the receiver sees what the sender saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// One column with deletions and insertions.
    #[default]
    Inline,
    /// Original left, reworked right, paragraphs aligned.
    SideBySide,
    /// Unchanged paragraphs collapsed.
    ChangesOnly,
}

/// Everything a share link carries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    /// The original text.
    pub original: String,
    /// The reworked text.
    pub reworked: String,
    /// The correction note.
    pub note: String,
    /// The comparison options.
    pub options: Options,
    /// The view.
    pub view: View,
    /// The change the sender had in focus, if any.
    pub focus: Option<u32>,
}

/// One version of an article in a [`History`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    /// The text of this version.
    pub text: String,
    /// What the reader calls it, such as a date and time; may be empty.
    pub label: String,
    /// The correction note that came with this version; may be empty.
    pub note: String,
    /// Where this version was read, if the user says so.
    #[serde(default, skip_serializing_if = "Source::is_empty")]
    pub source: Source,
}

/// Where a version of an article was read: what a fact-checker's report names as its source.
/// Each part may be empty; all three are kept as typed (or as the page said them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The article's address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// The address of an archived copy of this version (the Wayback Machine, archive.today).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub archived: String,
    /// When this version was captured, such as `2025-03-14 09:30` or `2025-03-14T09:30:00Z`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub captured: String,
}

/// One known part of a [`Source`], as the page and the reports write it: the words before it
/// ("archived copy ", "captured "), its text, and whether the text is an address to link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourcePart<'a> {
    /// What comes before the text.
    pub before: &'static str,
    /// The part, trimmed.
    pub text: &'a str,
    /// Whether `text` is an http or https address ([`is_web_address`]).
    pub link: bool,
}

/// Whether `text` is an http or https address: the only addresses the page and the reports
/// make a link of, so that a typed `javascript:` address stays text.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !text.contains(char::is_whitespace)
}

impl Source {
    /// The parts that are known, in the order every report writes them: the address, the
    /// archived copy, the capture time.
    ///
    /// ```
    /// use redline_engine::formats::share::Source;
    ///
    /// let source = Source { url: "javascript:alert(1)".into(), captured: " 2025-03-14 ".into(), ..Source::default() };
    /// let parts: Vec<(&str, &str, bool)> = source.parts().iter().map(|part| (part.before, part.text, part.link)).collect();
    /// assert_eq!(parts, [("", "javascript:alert(1)", false), ("captured ", "2025-03-14", false)]);
    /// ```
    pub fn parts(&self) -> Vec<SourcePart<'_>> {
        [
            ("", self.url.as_str(), true),
            ("archived copy ", self.archived.as_str(), true),
            ("captured ", self.captured.as_str(), false),
        ]
        .into_iter()
        .map(|(before, text, address)| (before, text.trim(), address))
        .filter(|(_, text, _)| !text.is_empty())
        .map(|(before, text, address)| SourcePart {
            before,
            text,
            link: address && is_web_address(text),
        })
        .collect()
    }

    /// Whether nothing is known of it.
    pub fn is_empty(&self) -> bool {
        self.url.is_empty() && self.archived.is_empty() && self.captured.is_empty()
    }

    /// The capture time as an ISO 8601 date or date and time (`2025-03-14`,
    /// `2025-03-14T09:30`, with seconds and a zone if given), when it reads as one: what
    /// JSON-LD's dates take. A space between date and time is read as the `T`.
    ///
    /// ```
    /// use redline_engine::formats::share::Source;
    ///
    /// let at = |captured: &str| Source { captured: captured.into(), ..Source::default() }.iso_captured();
    /// assert_eq!(at("2025-03-14 09:30").as_deref(), Some("2025-03-14T09:30"));
    /// assert_eq!(at(" 2024-05-01T12:00:00Z ").as_deref(), Some("2024-05-01T12:00:00Z"));
    /// assert_eq!(at("last Tuesday"), None);
    /// ```
    pub fn iso_captured(&self) -> Option<String> {
        let captured = self.captured.trim().replacen(' ', "T", 1);
        let bytes = captured.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes
                .get(range)
                .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
        };
        let date = digits(0..4)
            && bytes.get(4) == Some(&b'-')
            && digits(5..7)
            && bytes.get(7) == Some(&b'-')
            && digits(8..10);
        let rest_ok = match bytes.get(10) {
            None => true,
            Some(b'T') => {
                digits(11..13)
                    && bytes.get(13) == Some(&b':')
                    && digits(14..16)
                    && captured[16..]
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | 'Z' | '+' | '-'))
            }
            Some(_) => false,
        };
        (date && rest_ok).then_some(captured)
    }
}

/// Several versions of an article in order, and which two are compared: what a version 2 link
/// carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// What the user calls the comparison; empty until named (the headline stands in).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The versions, oldest first; at least two.
    pub versions: Vec<Version>,
    /// The index of the version compared from (the original side).
    pub from: usize,
    /// The index of the version compared to (the reworked side); its note is the pair's note.
    pub to: usize,
    /// The comparison options.
    pub options: Options,
    /// The view.
    pub view: View,
    /// The change the sender had in focus, if any.
    pub focus: Option<u32>,
}

impl History {
    /// The two versions compared, as a two-version [`Shared`]. Its note is
    /// [`History::notes_between`] the two.
    pub fn pair(&self) -> Shared {
        self.clone().into_pair()
    }

    /// [`History::pair`], without copying the texts.
    pub fn into_pair(mut self) -> Shared {
        let note = self.notes_between();
        let reworked = std::mem::take(&mut self.versions[self.to].text);
        let original = std::mem::take(&mut self.versions[self.from].text);
        Shared {
            original,
            reworked,
            note,
            options: self.options,
            view: self.view,
            focus: self.focus,
        }
    }

    /// The notes that explain the way from `from` to `to` ([`notes_between`](crate::history::notes_between)).
    ///
    /// ```
    /// use redline_engine::formats::share::{History, Version};
    ///
    /// let version = |note: &str| Version { note: note.into(), ..Version::default() };
    /// let mut history = History::from_versions(vec![version(""), version("Update: a."), version(""), version("Correction: b.")]);
    /// assert_eq!(history.notes_between(), "Correction: b.");
    /// history.from = 0;
    /// assert_eq!(history.notes_between(), "Update: a.\n\nCorrection: b.");
    /// ```
    pub fn notes_between(&self) -> String {
        let notes: Vec<&str> = self
            .versions
            .iter()
            .map(|version| version.note.as_str())
            .collect();
        crate::history::notes_between(&notes, self.from, self.to)
    }

    /// A history of `versions` (at least two) comparing the last two, with default options.
    pub fn from_versions(versions: Vec<Version>) -> History {
        let n = versions.len();
        History {
            title: String::new(),
            versions,
            from: n.saturating_sub(2),
            to: n.saturating_sub(1),
            options: Options::default(),
            view: View::default(),
            focus: None,
        }
    }

    /// Whether the comparison carries a title or any version a source: what a version 5
    /// link adds to a version 4 one.
    pub fn has_details(&self) -> bool {
        !self.title.is_empty()
            || self
                .versions
                .iter()
                .any(|version| !version.source.is_empty())
    }

    /// Whether a version 1 link says it all: two versions, the first compared with the second,
    /// no labels and no note on the first. The title and sources are not counted: a pair with
    /// sources is still shown and compared as a pair.
    pub fn is_plain_pair(&self) -> bool {
        self.versions.len() == 2
            && (self.from, self.to) == (0, 1)
            && self.versions[0].note.is_empty()
            && self.versions.iter().all(|version| version.label.is_empty())
    }

    /// The fingerprint of what the history holds: for a plain pair the same as [`fingerprint`]
    /// of its texts and note, so a version 1 link and the same texts as a history agree;
    /// otherwise the hash covers every version's label, note and text. The title and sources
    /// say where the texts come from and are not part of them: the same texts with a source
    /// added keep their fingerprint.
    pub fn fingerprint(&self) -> String {
        if self.is_plain_pair() {
            let [original, reworked] = [&self.versions[0], &self.versions[1]];
            return fingerprint(&original.text, &reworked.text, &reworked.note);
        }
        let mut hasher = Sha256::new();
        hasher.update(b"redline history");
        for version in &self.versions {
            for text in [&version.label, &version.note, &version.text] {
                hasher.update((text.len() as u64).to_le_bytes());
                hasher.update(text.as_bytes());
            }
        }
        hex8(&hasher.finalize())
    }
}

impl From<Shared> for History {
    fn from(shared: Shared) -> Self {
        History {
            title: String::new(),
            versions: vec![
                Version {
                    text: shared.original,
                    ..Version::default()
                },
                Version {
                    text: shared.reworked,
                    note: shared.note,
                    ..Version::default()
                },
            ],
            from: 0,
            to: 1,
            options: shared.options,
            view: shared.view,
            focus: shared.focus,
        }
    }
}

/// Why a link could not be opened. Each message completes "This link is damaged: …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is longer than [`MAX_FRAGMENT_CHARS`].
    TooLong {
        /// Its length in characters.
        n_chars: usize,
    },
    /// The fragment does not start with a version this Redline knows.
    UnknownVersion {
        /// What it starts with, shortened.
        prefix: String,
    },
    /// The base64 text is broken.
    Base64 {
        /// What the decoder said.
        detail: String,
    },
    /// The compressed data is broken or cut short.
    Decompress,
    /// The data would unpack to more than [`MAX_PAYLOAD_BYTES`].
    TooLarge,
    /// The payload ends in the middle of a field.
    Truncated {
        /// The field being read.
        field: &'static str,
    },
    /// A field holds a value no version 1 link has.
    Invalid {
        /// The field, and what is wrong with it.
        detail: String,
    },
    /// A text is not valid UTF-8.
    NotUtf8 {
        /// Which text.
        field: &'static str,
    },
    /// Bytes follow the last field.
    TrailingData,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong { n_chars } => write!(
                f,
                "it is {n_chars} characters long, more than the {MAX_FRAGMENT_CHARS} a Redline link can have"
            ),
            ShareError::UnknownVersion { prefix } if prefix.starts_with('v') => write!(
                f,
                "it starts with \"{prefix}\", a format this version of Redline does not know (made by a newer one?)"
            ),
            ShareError::UnknownVersion { .. } => {
                write!(
                    f,
                    "it does not start with \"#v1.\", so it is not a Redline link"
                )
            }
            ShareError::Base64 { detail } => {
                write!(f, "some characters were changed or lost (base64: {detail})")
            }
            ShareError::Decompress => write!(f, "the compressed texts are cut short or corrupted"),
            ShareError::TooLarge => write!(
                f,
                "it would unpack to more than {} MB, more than any real article",
                MAX_PAYLOAD_BYTES / (1024 * 1024)
            ),
            ShareError::Truncated { field } => write!(f, "it ends in the middle of the {field}"),
            ShareError::Invalid { detail } => write!(f, "{detail}"),
            ShareError::NotUtf8 { field } => write!(f, "the {field} is not valid UTF-8 text"),
            ShareError::TrailingData => write!(f, "it has extra data after the texts"),
        }
    }
}

impl ShareError {
    /// What happened and what to do, in a reader's words; [`Display`](fmt::Display) gives
    /// the technical detail.
    ///
    /// ```
    /// use redline_engine::formats::share::decode;
    ///
    /// let err = decode("v1.broken").unwrap_err();
    /// assert!(err.advice().starts_with("This link is cut short"));
    /// ```
    pub fn advice(&self) -> &'static str {
        match self {
            ShareError::TooLong { .. } => {
                "This link is longer than any Redline link: other text may have been pasted with it. Copy it again on its own, or ask for the HTML report."
            }
            ShareError::UnknownVersion { prefix } if prefix.starts_with('v') => {
                "This link was made by a newer Redline than this one. Open it where it was made, or ask for the HTML report."
            }
            ShareError::UnknownVersion { .. } => {
                "This address holds no Redline comparison: check that the whole link was pasted, from its # on."
            }
            ShareError::Base64 { .. } | ShareError::Decompress | ShareError::Truncated { .. } => {
                "This link is cut short, probably by the app it came through: ask for it again, or for the HTML report."
            }
            ShareError::TooLarge => {
                "This link would unpack to more text than any article, so it was not opened. Ask for the HTML report instead."
            }
            ShareError::Invalid { .. } | ShareError::NotUtf8 { .. } | ShareError::TrailingData => {
                "This link was changed on the way and cannot be read: ask for it again, or for the HTML report."
            }
        }
    }
}

impl std::error::Error for ShareError {}

/// Encodes `shared` as a version 4 fragment, `v4.…` (without the `#`).
///
/// ```
/// use redline_engine::formats::share::{decode, encode, Shared};
///
/// let shared = Shared {
///     original: "The council approved 60,000 homes.".into(),
///     reworked: "The council approved 25,000 homes.".into(),
///     note: "Correction: the number of homes was misstated.".into(),
///     ..Shared::default()
/// };
/// let fragment = encode(&shared);
/// assert!(fragment.starts_with("v4."));
/// assert_eq!(decode(&fragment), Ok(shared));
/// ```
pub fn encode(shared: &Shared) -> String {
    let mut payload = Vec::with_capacity(shared.original.len() + shared.note.len() + 64);
    write_header(&mut payload, &shared.options, shared.view, shared.focus);
    write_bytes(&mut payload, shared.note.as_bytes());
    write_bytes(&mut payload, shared.original.as_bytes());
    write_delta(&mut payload, &delta(&shared.original, &shared.reworked));
    ppmd_link(PayloadKind::Pair, &payload)
}

/// Encodes a version history as a version 4 fragment holding a version 2 payload (see the
/// module docs).
///
/// # Panics
///
/// When `history` has fewer than two or more than [`MAX_VERSIONS`] versions, or `from` or `to`
/// is not one of them, or they are the same: the caller builds the history.
///
/// ```
/// use redline_engine::formats::share::{decode_history, encode_history, History, Version};
///
/// let version = |text: &str, note: &str| Version { text: text.into(), note: note.into(), ..Version::default() };
/// let history = History {
///     title: String::new(),
///     versions: vec![version("First.", ""), version("Second.", ""), version("Third.", "Correction: …")],
///     from: 1,
///     to: 2,
///     options: Default::default(),
///     view: Default::default(),
///     focus: None,
/// };
/// let link = encode_history(&history);
/// assert!(link.starts_with("v4."));
/// assert_eq!(decode_history(&link).unwrap(), history);
/// ```
pub fn encode_history(history: &History) -> String {
    let n_versions = history.versions.len();
    assert!(
        (2..=MAX_VERSIONS).contains(&n_versions),
        "{n_versions} versions"
    );
    assert!(history.from < n_versions && history.to < n_versions && history.from != history.to);
    let mut payload = Vec::new();
    write_header(&mut payload, &history.options, history.view, history.focus);
    write_varint(&mut payload, n_versions as u64);
    write_varint(&mut payload, history.from as u64);
    write_varint(&mut payload, history.to as u64);
    for version in &history.versions {
        write_bytes(&mut payload, version.label.as_bytes());
        write_bytes(&mut payload, version.note.as_bytes());
    }
    write_bytes(&mut payload, history.versions[0].text.as_bytes());
    for pair in history.versions.windows(2) {
        write_delta(&mut payload, &delta(&pair[0].text, &pair[1].text));
    }
    if !history.has_details() {
        return ppmd_link(PayloadKind::History, &payload);
    }
    write_bytes(&mut payload, history.title.as_bytes());
    for version in &history.versions {
        let source = &version.source;
        for part in [&source.url, &source.archived, &source.captured] {
            write_bytes(&mut payload, part.as_bytes());
        }
    }
    ppmd_link(PayloadKind::Details, &payload)
}

/// Which payload a version 3 or 4 link holds: its first byte.
#[derive(Debug, Clone, Copy)]
enum PayloadKind {
    /// A version 1 payload: two texts and a note.
    Pair = 1,
    /// A version 2 payload: a version history.
    History = 2,
    /// A version 5 payload: a version history, then its title and each version's source.
    Details = 3,
}

/// A version 4 link: the payload's kind, the model's order and memory, and the primed PPMd
/// stream.
fn ppmd_link(kind: PayloadKind, payload: &[u8]) -> String {
    // About 12 bytes of model per byte of text keeps the model from filling up and starting
    // over on articles; a 16 MiB model costs some 20 ms to set up, so small texts get less.
    let memory_mib = ((PRIMER.len() + payload.len()) * 12)
        .div_ceil(1 << 20)
        .clamp(1, usize::from(PPMD_MAX_MEMORY_MIB)) as u8;
    if let PayloadKind::Details = kind {
        // Version 5 links are always primed: a title and sources are rare enough that one
        // format for them is worth more than the few percent the unprimed model saves on
        // other scripts.
        return primed_link(PREFIX_V5, kind as u8, PPMD_ORDER, memory_mib, payload);
    }
    let primed = version_4_link(kind as u8, PPMD_ORDER, memory_mib, payload);
    // The primer is English: it shortens links of text in Latin letters and lengthens some in
    // other scripts (a Japanese article's by 7%), so a payload that is not nearly all ASCII is
    // also packed without it, as version 3, and the shorter link is kept.
    let n_ascii = payload.iter().filter(|byte| byte.is_ascii()).count();
    if n_ascii * 20 >= payload.len() * 19 {
        return primed;
    }
    let header = [kind as u8, PPMD_ORDER, memory_mib];
    let stream = ppmd_stream(PPMD_ORDER, memory_mib, &[], payload);
    let plain = format!(
        "{PREFIX_V3}{}",
        URL_SAFE_NO_PAD.encode([&header[..], &stream].concat())
    );
    if plain.len() < primed.len() {
        plain
    } else {
        primed
    }
}

/// A version 4 link of any header and payload, valid or not: what [`encode`] writes, and what
/// the tests and the fuzz target build hostile links with.
///
/// # Panics
///
/// When `order` or `memory_mib` is outside PPMd's range (2 to 64, and at least 1 MiB).
#[doc(hidden)]
pub fn version_4_link(kind: u8, order: u8, memory_mib: u8, payload: &[u8]) -> String {
    primed_link(PREFIX_V4, kind, order, memory_mib, payload)
}

/// [`version_4_link`] with a version 5 prefix.
#[doc(hidden)]
pub fn version_5_link(kind: u8, order: u8, memory_mib: u8, payload: &[u8]) -> String {
    primed_link(PREFIX_V5, kind, order, memory_mib, payload)
}

/// A link of `prefix`, the three header bytes and the primed PPMd stream of `payload`.
fn primed_link(prefix: &str, kind: u8, order: u8, memory_mib: u8, payload: &[u8]) -> String {
    let stream = ppmd_stream(order, memory_mib, PRIMER, payload);
    let out = [&[kind, order, memory_mib][..], &stream].concat();
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(out))
}

/// The PPMd stream, with its end marker, of `primer` then `payload`, less what the range coder
/// had written when it finished the primer: that part is final and the same for every stream
/// of this primer, order and memory, so [`unpack_ppmd`] makes it again ([`primed_start`]).
fn ppmd_stream(order: u8, memory_mib: u8, primer: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut stream = Vec::new();
    let mut encoder =
        ppmd_rust::Ppmd7Encoder::new(&mut stream, u32::from(order), u32::from(memory_mib) << 20)
            .expect("the order and memory are in PPMd's range");
    std::io::Write::write_all(&mut encoder, primer).expect("a Vec takes every byte");
    let n_primed = encoder.get_ref().len();
    std::io::Write::write_all(&mut encoder, payload).expect("a Vec takes every byte");
    encoder.finish(true).expect("a Vec takes every byte");
    stream.split_off(n_primed)
}

/// What the range coder writes while it reads `primer`: the start that [`ppmd_stream`] leaves
/// out. `None` when the order or memory is outside PPMd's range.
fn primed_start(order: u32, memory: u32, primer: &[u8]) -> Option<Vec<u8>> {
    let mut start = Vec::new();
    let mut encoder = ppmd_rust::Ppmd7Encoder::new(&mut start, order, memory).ok()?;
    std::io::Write::write_all(&mut encoder, primer).ok()?;
    drop(encoder);
    Some(start)
}

/// Encodes a history as the shortest link that holds it all: a version 1 payload for a
/// [plain pair](History::is_plain_pair), a version 2 payload otherwise (the first byte of a
/// version 4 link, `AQ` or `Ag` in base64), and a version 5 link when the comparison has a
/// title or a source.
///
/// ```
/// use redline_engine::formats::share::{encode_any, History, Version};
///
/// let version = |text: &str| Version { text: text.into(), ..Version::default() };
/// let mut history = History::from_versions(vec![version("a"), version("b")]);
/// assert!(encode_any(&history).starts_with("v4.AQ"));
/// history.versions[0].label = "Monday".into();
/// assert!(encode_any(&history).starts_with("v4.Ag"));
/// history.versions[1].source.url = "https://news.example/harbour".into();
/// assert!(encode_any(&history).starts_with("v5.Aw"));
/// ```
pub fn encode_any(history: &History) -> String {
    if history.is_plain_pair() && !history.has_details() {
        encode(&history.pair())
    } else {
        encode_history(history)
    }
}

/// Options, view and focused change: the start of every payload.
fn write_header(payload: &mut Vec<u8>, options: &Options, view: View, focus: Option<u32>) {
    let flags = u8::from(options.semantic_cleanup)
        | u8::from(options.ignore_case) << 1
        | u8::from(options.ignore_whitespace) << 2
        | u8::from(options.ignore_punctuation) << 3
        | u8::from(options.typographic_cosmetic) << 4
        | u8::from(options.whole_pages) << 5;
    payload.push(flags);
    payload.push(match options.granularity {
        Granularity::Word => 0,
        Granularity::Character => 1,
        Granularity::Sentence => 2,
    });
    payload.push(match view {
        View::Inline => 0,
        View::SideBySide => 1,
        View::ChangesOnly => 2,
    });
    write_varint(payload, focus.map_or(0, |change| u64::from(change) + 1));
}

/// A text as operations on the text before it: a count, then each copy or insertion.
fn write_delta(payload: &mut Vec<u8>, ops: &[DeltaOp<'_>]) {
    write_varint(payload, ops.len() as u64);
    for op in ops {
        match *op {
            DeltaOp::Copy { start, len } => {
                payload.push(0);
                write_varint(payload, start as u64);
                write_varint(payload, len as u64);
            }
            DeltaOp::Insert(text) => {
                payload.push(1);
                write_bytes(payload, text.as_bytes());
            }
        }
    }
}

/// Decodes a fragment (with or without the leading `#`, or a whole URL with one) made by
/// [`encode`]. See the module docs for what is checked.
pub fn decode(link: &str) -> Result<Shared, ShareError> {
    decode_history(link).map(History::into_pair)
}

/// Decodes any Redline link as a version history: a version 2 link as it is, a version 1 link
/// as two versions (the original, and the reworked text with the note).
///
/// ```
/// use redline_engine::formats::share::{decode_history, encode, Shared};
///
/// let link = encode(&Shared { original: "a".into(), reworked: "b".into(), note: "n".into(), ..Shared::default() });
/// let history = decode_history(&link).unwrap();
/// assert_eq!(history.versions.len(), 2);
/// assert_eq!((history.versions[1].text.as_str(), history.versions[1].note.as_str()), ("b", "n"));
/// ```
pub fn decode_history(link: &str) -> Result<History, ShareError> {
    let fragment = link
        .rsplit_once('#')
        .map_or(link, |(_, fragment)| fragment)
        .trim();
    let n_chars = fragment.chars().count();
    if n_chars > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong { n_chars });
    }
    if let Some(body) = fragment.strip_prefix(PREFIX_V1) {
        return read_payload(&inflate(body)?).map(History::from);
    }
    if let Some(body) = fragment.strip_prefix(PREFIX_V2) {
        return read_history(&inflate(body)?, false);
    }
    let ppmd = [
        (PREFIX_V3, &[][..]),
        (PREFIX_V4, PRIMER),
        (PREFIX_V5, PRIMER),
    ]
    .into_iter()
    .find_map(|(prefix, primer)| Some((prefix, fragment.strip_prefix(prefix)?, primer)));
    if let Some((prefix, body, primer)) = ppmd {
        return match unpack_ppmd(body, primer, prefix == PREFIX_V5)? {
            (PayloadKind::Pair, payload) => read_payload(&payload).map(History::from),
            (PayloadKind::History, payload) => read_history(&payload, false),
            (PayloadKind::Details, payload) => read_history(&payload, true),
        };
    }
    let prefix: String = fragment.chars().take(12).collect();
    let prefix = prefix.split('.').next().unwrap_or_default().to_owned();
    Err(ShareError::UnknownVersion { prefix })
}

/// The bytes of a link's base64.
fn unbase64(body: &str) -> Result<Vec<u8>, ShareError> {
    URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|err| ShareError::Base64 {
            detail: err.to_string(),
        })
}

/// Base64, the version 3, 4 or 5 header (checked before any memory is taken) and PPMd, with
/// the size cap; `primer` is what the model reads first (empty for version 3); a version 5
/// link (`details`) holds payload kind 3 only, the others kinds 1 and 2.
fn unpack_ppmd(
    body: &str,
    primer: &[u8],
    details: bool,
) -> Result<(PayloadKind, Vec<u8>), ShareError> {
    let compressed = unbase64(body)?;
    let mut reader = Reader { bytes: &compressed };
    let kind = match (details, reader.byte("payload kind")?) {
        (false, 1) => PayloadKind::Pair,
        (false, 2) => PayloadKind::History,
        (true, 3) => PayloadKind::Details,
        (_, other) => {
            return Err(ShareError::Invalid {
                detail: format!("the payload kind {other} is unknown"),
            });
        }
    };
    let order = reader.byte("model order")?;
    if !(2..=PPMD_MAX_ORDER).contains(&order) {
        return Err(ShareError::Invalid {
            detail: format!("the model order {order} is not between 2 and {PPMD_MAX_ORDER}"),
        });
    }
    let memory_mib = reader.byte("model memory")?;
    if !(1..=PPMD_MAX_MEMORY_MIB).contains(&memory_mib) {
        return Err(ShareError::Invalid {
            detail: format!(
                "the model memory {memory_mib} MiB is not between 1 and {PPMD_MAX_MEMORY_MIB}"
            ),
        });
    }
    let (order, memory) = (u32::from(order), u32::from(memory_mib) << 20);
    let primed = primed_start(order, memory, primer).ok_or(ShareError::Decompress)?;
    let stream = [&primed[..], reader.bytes].concat();
    let mut input = PpmdInput {
        bytes: &stream,
        starved: false,
    };
    let mut decoder = ppmd_rust::Ppmd7Decoder::new(&mut input, order, memory)
        .map_err(|_| ShareError::Decompress)?;
    let mut read_primer = vec![0; primer.len()];
    std::io::Read::read_exact(&mut decoder, &mut read_primer)
        .map_err(|_| ShareError::Decompress)?;
    if read_primer != primer {
        return Err(ShareError::Decompress);
    }
    let mut payload = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(decoder, MAX_PAYLOAD_BYTES as u64 + 1),
        &mut payload,
    )
    .map_err(|_| ShareError::Decompress)?;
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooLarge);
    }
    // The decoder takes the end of its input for the end of the stream, so a link cut after
    // its last whole word would otherwise pass: a stream must end with its end marker, exactly
    // where the link ends.
    if input.starved {
        return Err(ShareError::Decompress);
    }
    if !input.bytes.is_empty() {
        return Err(ShareError::TrailingData);
    }
    Ok((kind, payload))
}

/// A version 3 or 4 link's PPMd stream as the decoder reads it, byte by byte, noting whether it
/// asked for more than there is.
struct PpmdInput<'a> {
    bytes: &'a [u8],
    starved: bool,
}

impl std::io::Read for PpmdInput<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.bytes.is_empty() && !buf.is_empty() {
            self.starved = true;
            return Ok(0);
        }
        let n = buf.len().min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// Base64 and raw deflate, with the size cap.
fn inflate(body: &str) -> Result<Vec<u8>, ShareError> {
    let compressed = unbase64(body)?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_PAYLOAD_BYTES).map_err(
        |err| match err.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Decompress,
        },
    )
}

/// A short fingerprint of the texts and the note: the first 8 hex digits of the SHA-256 of
/// their lengths and bytes. Sender and receiver compare it to be sure they see the same texts.
///
/// ```
/// let fingerprint = redline_engine::formats::share::fingerprint("a", "b", "");
/// assert_eq!(fingerprint.len(), 8);
/// assert_ne!(fingerprint, redline_engine::formats::share::fingerprint("a", "", "b"));
/// ```
pub fn fingerprint(original: &str, reworked: &str, note: &str) -> String {
    let mut hasher = Sha256::new();
    for text in [original, reworked, note] {
        hasher.update((text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    hex8(&hasher.finalize())
}

/// The first 4 bytes of a hash as 8 hex digits.
fn hex8(hash: &[u8]) -> String {
    hash[..4].iter().map(|byte| format!("{byte:02x}")).collect()
}

/// One step of rebuilding the reworked text from the original.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DeltaOp<'a> {
    Copy { start: usize, len: usize },
    Insert(&'a str),
}

/// The reworked text as copies from the original and inserted text, from the word diff.
fn delta<'a>(original: &str, reworked: &'a str) -> Vec<DeltaOp<'a>> {
    let blocks = compare_blocks(original, reworked);
    let mut ops: Vec<DeltaOp<'a>> = Vec::new();
    let segments = blocks
        .iter()
        .filter(|block| block.kind != BlockKind::MovedFrom)
        .flat_map(|block| &block.segments);
    for segment in segments {
        let op = match (segment.kind, segment.original, segment.reworked) {
            (SegmentKind::Equal, Some([start, end]), _) => DeltaOp::Copy {
                start,
                len: end - start,
            },
            (SegmentKind::Insert, _, Some([start, end])) => DeltaOp::Insert(&reworked[start..end]),
            _ => continue,
        };
        // Adjacent copies of adjacent text, and adjacent insertions, become one operation.
        match (ops.last_mut(), &op) {
            (
                Some(DeltaOp::Copy { start, len }),
                DeltaOp::Copy {
                    start: next,
                    len: more,
                },
            ) if *start + *len == *next => {
                *len += more;
            }
            (Some(DeltaOp::Insert(text)), DeltaOp::Insert(more))
                if text.as_ptr() as usize + text.len() == more.as_ptr() as usize =>
            {
                let start = text.as_ptr() as usize - reworked.as_ptr() as usize;
                *text = &reworked[start..start + text.len() + more.len()];
            }
            _ => ops.push(op),
        }
    }
    ops
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    write_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// Reads a version 1 payload, field by field, checking every length against what is left.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn byte(&mut self, field: &'static str) -> Result<u8, ShareError> {
        let (&byte, rest) = self
            .bytes
            .split_first()
            .ok_or(ShareError::Truncated { field })?;
        self.bytes = rest;
        Ok(byte)
    }

    /// A LEB128 varint of at most 5 bytes whose value fits in 32 bits.
    fn varint(&mut self, field: &'static str) -> Result<usize, ShareError> {
        let mut value: u64 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.byte(field)?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return u32::try_from(value)
                    .map(|value| value as usize)
                    .map_err(|_| ShareError::Invalid {
                        detail: format!("the {field} is out of range"),
                    });
            }
        }
        Err(ShareError::Invalid {
            detail: format!("the {field} is not a valid number"),
        })
    }

    fn bytes(&mut self, len: usize, field: &'static str) -> Result<&'a [u8], ShareError> {
        if len > self.bytes.len() {
            return Err(ShareError::Truncated { field });
        }
        let (head, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(head)
    }

    fn text(&mut self, field: &'static str) -> Result<&'a str, ShareError> {
        let len = self.varint(field)?;
        let bytes = self.bytes(len, field)?;
        std::str::from_utf8(bytes).map_err(|_| ShareError::NotUtf8 { field })
    }
}

fn read_header(reader: &mut Reader<'_>) -> Result<(Options, View, Option<u32>), ShareError> {
    let flags = reader.byte("options")?;
    if flags & !0b11_1111 != 0 {
        return Err(ShareError::Invalid {
            detail: format!("the options hold unknown flags ({flags:#04x})"),
        });
    }
    let granularity = match reader.byte("options")? {
        0 => Granularity::Word,
        1 => Granularity::Character,
        2 => Granularity::Sentence,
        other => {
            return Err(ShareError::Invalid {
                detail: format!("the granularity {other} is unknown"),
            });
        }
    };
    let options = Options {
        semantic_cleanup: flags & 1 != 0,
        ignore_case: flags & 1 << 1 != 0,
        ignore_whitespace: flags & 1 << 2 != 0,
        ignore_punctuation: flags & 1 << 3 != 0,
        typographic_cosmetic: flags & 1 << 4 != 0,
        granularity,
        whole_pages: flags & 1 << 5 != 0,
    };
    let view = match reader.byte("view")? {
        0 => View::Inline,
        1 => View::SideBySide,
        2 => View::ChangesOnly,
        other => {
            return Err(ShareError::Invalid {
                detail: format!("the view {other} is unknown"),
            });
        }
    };
    let focus = match reader.varint("focused change")? {
        0 => None,
        change => Some(change as u32 - 1),
    };
    Ok((options, view, focus))
}

/// Rebuilds a text from its delta against `base`; `budget` is how many bytes all rebuilt texts
/// may still take, and shrinks by this one.
fn read_delta(
    reader: &mut Reader<'_>,
    (base, base_name): (&str, &str),
    field: &'static str,
    budget: &mut usize,
) -> Result<String, ShareError> {
    let n_ops = reader.varint(field)?;
    let mut text: Vec<u8> = Vec::with_capacity(base.len().min(*budget));
    for _ in 0..n_ops {
        match reader.byte(field)? {
            0 => {
                let start = reader.varint(field)?;
                let len = reader.varint(field)?;
                let range = start
                    .checked_add(len)
                    .filter(|&end| end <= base.len())
                    .map(|end| start..end);
                let Some(range) = range else {
                    return Err(ShareError::Invalid {
                        detail: format!(
                            "the {field} copies bytes {start}..{} of {base_name} of {} bytes",
                            start.saturating_add(len),
                            base.len()
                        ),
                    });
                };
                text.extend_from_slice(&base.as_bytes()[range]);
            }
            1 => {
                let len = reader.varint(field)?;
                text.extend_from_slice(reader.bytes(len, field)?);
            }
            other => {
                return Err(ShareError::Invalid {
                    detail: format!("the {field} has an unknown operation ({other})"),
                });
            }
        }
        if text.len() > *budget {
            return Err(ShareError::TooLarge);
        }
    }
    *budget -= text.len();
    String::from_utf8(text).map_err(|_| ShareError::NotUtf8 { field })
}

fn read_payload(payload: &[u8]) -> Result<Shared, ShareError> {
    let mut reader = Reader { bytes: payload };
    let (options, view, focus) = read_header(&mut reader)?;
    let note = reader.text("note")?.to_owned();
    let original = reader.text("original")?;
    let mut budget = MAX_PAYLOAD_BYTES;
    let reworked = read_delta(
        &mut reader,
        (original, "an original"),
        "reworked text",
        &mut budget,
    )?;
    if !reader.bytes.is_empty() {
        return Err(ShareError::TrailingData);
    }
    Ok(Shared {
        original: original.to_owned(),
        reworked,
        note,
        options,
        view,
        focus,
    })
}

/// Reads a version 2 payload, or with `details` a version 5 payload (the same, then the title
/// and each version's source).
fn read_history(payload: &[u8], details: bool) -> Result<History, ShareError> {
    let mut reader = Reader { bytes: payload };
    let (options, view, focus) = read_header(&mut reader)?;
    let n_versions = reader.varint("number of versions")?;
    if !(2..=MAX_VERSIONS).contains(&n_versions) {
        return Err(ShareError::Invalid {
            detail: format!("it holds {n_versions} versions, not 2 to {MAX_VERSIONS}"),
        });
    }
    let (from, to) = (
        reader.varint("versions compared")?,
        reader.varint("versions compared")?,
    );
    if from >= n_versions || to >= n_versions || from == to {
        return Err(ShareError::Invalid {
            detail: format!("it compares versions {from} and {to} of {n_versions}"),
        });
    }
    let mut versions = Vec::with_capacity(n_versions);
    for _ in 0..n_versions {
        let label = reader.text("version label")?.to_owned();
        let note = reader.text("version note")?.to_owned();
        versions.push(Version {
            label,
            note,
            ..Version::default()
        });
    }
    let first = reader.text("first version")?;
    let mut budget = MAX_PAYLOAD_BYTES
        .checked_sub(first.len())
        .ok_or(ShareError::TooLarge)?;
    versions[0].text = first.to_owned();
    for idx in 1..n_versions {
        let base = (
            versions[idx - 1].text.as_str(),
            "the version before, a text",
        );
        let text = read_delta(&mut reader, base, "later version", &mut budget)?;
        versions[idx].text = text;
    }
    let mut title = String::new();
    if details {
        title = reader.text("title")?.to_owned();
        for version in &mut versions {
            let mut part = || reader.text("source").map(str::to_owned);
            version.source = Source {
                url: part()?,
                archived: part()?,
                captured: part()?,
            };
        }
    }
    if !reader.bytes.is_empty() {
        return Err(ShareError::TrailingData);
    }
    Ok(History {
        title,
        versions,
        from,
        to,
        options,
        view,
        focus,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(original: &str, reworked: &str) -> Shared {
        Shared {
            original: original.into(),
            reworked: reworked.into(),
            ..Shared::default()
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let all = Shared {
            original: "Line one\r\n\r\n\0 😀 \u{200f}שלום".into(),
            reworked: "Line two\r\n\r\n\0 😀 \u{200f}שלום!".into(),
            note: "Correction: …".into(),
            options: Options {
                semantic_cleanup: false,
                ignore_case: true,
                ignore_whitespace: true,
                ignore_punctuation: true,
                typographic_cosmetic: false,
                granularity: Granularity::Sentence,
                whole_pages: true,
            },
            view: View::ChangesOnly,
            focus: Some(41),
        };
        assert_eq!(decode(&encode(&all)), Ok(all.clone()));
        assert_eq!(
            decode(&format!("https://example.org/#{}", encode(&all))),
            Ok(all)
        );
    }

    #[test]
    fn delta_copies_what_is_kept() {
        let ops = delta("The cat sat on the mat.", "The dog sat on the mat.");
        assert_eq!(
            ops,
            [
                DeltaOp::Copy { start: 0, len: 4 },
                DeltaOp::Insert("dog"),
                DeltaOp::Copy { start: 7, len: 16 }
            ]
        );
    }

    #[test]
    fn every_error_has_its_message() {
        let link = encode(&shared("a", "b"));
        let cases: Vec<(String, &str)> = vec![
            (
                "v1.".to_owned() + &"A".repeat(MAX_FRAGMENT_CHARS),
                "more than the 1000000",
            ),
            (
                "v9.AAAA".to_owned(),
                "\"v9\", a format this version of Redline does not know",
            ),
            ("hello".to_owned(), "not a Redline link"),
            ("v1.@@@@".to_owned(), "some characters were changed or lost"),
            ("v1.AAAA".to_owned(), "cut short or corrupted"),
            (link[..link.len() - 3].to_owned(), "cut short or corrupted"),
        ];
        for (fragment, expected) in cases {
            let err = decode(&fragment).unwrap_err();
            assert!(err.to_string().contains(expected), "{fragment:.40}: {err}");
        }
    }

    /// Builds a link around a hand-made payload.
    fn link_of(payload: &[u8]) -> String {
        format!(
            "v1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(payload, 6))
        )
    }

    #[test]
    fn payload_errors() {
        let cases: Vec<(Vec<u8>, ShareError)> = vec![
            (vec![], ShareError::Truncated { field: "options" }),
            (
                vec![0xff, 0, 0, 0],
                ShareError::Invalid {
                    detail: "the options hold unknown flags (0xff)".into(),
                },
            ),
            (
                vec![1, 7, 0, 0],
                ShareError::Invalid {
                    detail: "the granularity 7 is unknown".into(),
                },
            ),
            (
                vec![1, 0, 9, 0],
                ShareError::Invalid {
                    detail: "the view 9 is unknown".into(),
                },
            ),
            (
                vec![1, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
                ShareError::Invalid {
                    detail: "the focused change is not a valid number".into(),
                },
            ),
            (
                vec![1, 0, 0, 0, 5, b'a'],
                ShareError::Truncated { field: "note" },
            ),
            (
                vec![1, 0, 0, 0, 1, 0xff],
                ShareError::NotUtf8 { field: "note" },
            ),
            (
                vec![1, 0, 0, 0, 0, 1, b'a', 1, 0, 0, 5],
                ShareError::Invalid {
                    detail: "the reworked text copies bytes 0..5 of an original of 1 bytes".into(),
                },
            ),
            (
                vec![1, 0, 0, 0, 0, 2, 0xc3, 0xa9, 1, 0, 0, 1],
                ShareError::NotUtf8 {
                    field: "reworked text",
                },
            ),
            (
                vec![1, 0, 0, 0, 0, 0, 1, 2],
                ShareError::Invalid {
                    detail: "the reworked text has an unknown operation (2)".into(),
                },
            ),
            (vec![1, 0, 0, 0, 0, 0, 0, 9], ShareError::TrailingData),
        ];
        for (payload, expected) in cases {
            assert_eq!(decode(&link_of(&payload)), Err(expected), "{payload:?}");
        }
    }

    #[test]
    fn a_deflate_bomb_is_refused() {
        let bomb = link_of(&vec![0u8; MAX_PAYLOAD_BYTES + 1]);
        assert!(bomb.len() < 20_000, "{} characters", bomb.len());
        assert_eq!(decode(&bomb), Err(ShareError::TooLarge));
        // A small payload that copies the same original bytes over and over.
        let mut payload = vec![1, 0, 0, 0, 0];
        write_bytes(&mut payload, &[b'x'; 60_000]);
        write_varint(&mut payload, 200);
        for _ in 0..200 {
            payload.push(0);
            write_varint(&mut payload, 0);
            write_varint(&mut payload, 60_000);
        }
        assert_eq!(decode(&link_of(&payload)), Err(ShareError::TooLarge));
    }

    #[test]
    fn every_damaged_link_says_what_to_do() {
        let advice = |link: &str| decode_history(link).unwrap_err().advice();
        for cut in ["v1.q1YqLs", "v1.broken"] {
            assert!(advice(cut).starts_with("This link is cut short"), "{cut}");
        }
        assert!(advice("v4.AAAA").contains("changed on the way"));
        assert!(advice("v9.AAAA").contains("newer Redline"));
        assert!(advice("hello").contains("no Redline comparison"));
        let long = format!("v1.{}", "A".repeat(MAX_FRAGMENT_CHARS + 1));
        assert!(advice(&long).starts_with("This link is longer"));
    }

    #[test]
    fn fingerprint_is_stable() {
        assert_eq!(fingerprint("", "", ""), fingerprint("", "", ""));
        assert_ne!(fingerprint("a", "b", "c"), fingerprint("a", "b", "d"));
    }
}
