//! The comparisons kept in a browser: one entry per comparison, its title, when it was last edited, and its texts as a share fragment.
//!
//! Each comparison is stored on its own (the page keeps one storage item per entry), so that
//! two tabs working on two comparisons never write over each other, and a link opened in a tab
//! becomes an entry of its own instead of replacing the drafts. The texts are kept as a share
//! fragment: compact, and checked on the way back like any link.
//!
//! ```
//! use redline_engine::formats::library::{Entry, link_id, title_of};
//! use redline_engine::formats::share::{History, Shared};
//!
//! let history = History::from(Shared {
//!     original: "Council backs plan\n\nIt costs $3m.".into(),
//!     reworked: "Council backs harbour plan\n\nIt costs $5m.".into(),
//!     ..Shared::default()
//! });
//! assert_eq!(title_of(&history), "Council backs harbour plan");
//! assert!(link_id(&history).starts_with("link-"));
//! let entry = Entry::new("c-1".into(), &history, 1_764_000_000_000);
//! assert_eq!(Entry::from_json(&entry.to_json()).unwrap(), entry);
//! ```

use serde::{Deserialize, Serialize};

use super::share::{self, History};

/// The longest title kept, in characters; longer headlines are cut at a word with "…".
pub const MAX_TITLE_CHARS: usize = 90;

/// One comparison kept in the browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Its identity: `link-` and the fingerprint of the link it was opened from, or `c-` and
    /// the time it was started.
    pub id: String,
    /// What the list calls it: the reworked version's headline, until the user names it.
    pub title: String,
    /// Whether the user named it, so that editing the headline leaves the name alone.
    #[serde(default)]
    pub named: bool,
    /// When it was last edited, in milliseconds since 1970 (JavaScript's `Date.now()`). A
    /// whole number: float formatting and parsing would cost the download some 10 KB.
    pub updated: u64,
    /// Its versions, options and view, as a share fragment.
    pub fragment: String,
}

impl Entry {
    /// An entry holding `history`, edited at `updated`, titled by its headline.
    pub fn new(id: String, history: &History, updated: u64) -> Self {
        Entry {
            id,
            title: title_of(history),
            named: false,
            updated,
            fragment: share::encode_any(history),
        }
    }

    /// The entry with `history` edited at `updated`: the title follows the headline unless the
    /// user named the comparison.
    pub fn edited(&self, history: &History, updated: u64) -> Self {
        Entry {
            title: if self.named {
                self.title.clone()
            } else {
                title_of(history)
            },
            updated,
            fragment: share::encode_any(history),
            ..self.clone()
        }
    }

    /// The entry as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// An entry as stored, if it reads as one.
    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }

    /// The history it holds, if its fragment still decodes.
    pub fn history(&self) -> Result<History, share::ShareError> {
        share::decode_history(&self.fragment)
    }
}

/// The id of the entry a link opens: the same link, opened twice or in two tabs, is one entry.
pub fn link_id(history: &History) -> String {
    format!("link-{}", history.fingerprint())
}

/// A comparison's title: the first line of the reworked version (of the original when the
/// reworked one is empty), without Markdown heading marks, cut at a word after
/// [`MAX_TITLE_CHARS`]; "Untitled comparison" when both are empty.
pub fn title_of(history: &History) -> String {
    let text = |idx: usize| {
        history
            .versions
            .get(idx)
            .map_or("", |version| &version.text)
    };
    let line = [text(history.to), text(history.from)]
        .into_iter()
        .find_map(|text| text.lines().map(str::trim).find(|line| !line.is_empty()))
        .unwrap_or("");
    let line = line.trim_start_matches('#').trim();
    if line.is_empty() {
        return "Untitled comparison".to_owned();
    }
    if line.chars().count() <= MAX_TITLE_CHARS {
        return line.to_owned();
    }
    let cut: String = line.chars().take(MAX_TITLE_CHARS).collect();
    let at_word = cut.rfind(' ').filter(|&at| at > MAX_TITLE_CHARS / 2);
    format!("{}…", at_word.map_or(cut.as_str(), |at| &cut[..at]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::share::Shared;

    fn pair(original: &str, reworked: &str) -> History {
        History::from(Shared {
            original: original.into(),
            reworked: reworked.into(),
            ..Shared::default()
        })
    }

    #[test]
    fn titles_come_from_the_headline() {
        assert_eq!(title_of(&pair("", "")), "Untitled comparison");
        assert_eq!(title_of(&pair("Old head\n\nBody", "")), "Old head");
        assert_eq!(title_of(&pair("", "\n\n## New head \nBody")), "New head");
        let long = "word ".repeat(40);
        let title = title_of(&pair("", &long));
        assert!(title.ends_with('…') && title.chars().count() <= MAX_TITLE_CHARS + 1);
    }

    #[test]
    fn a_named_entry_keeps_its_name_when_edited() {
        let mut entry = Entry::new("c-1".into(), &pair("A", "B"), 1);
        assert_eq!(entry.title, "B");
        entry = entry.edited(&pair("A", "C"), 2);
        assert_eq!((entry.title.as_str(), entry.updated), ("C", 2));
        entry.title = "My check".into();
        entry.named = true;
        assert_eq!(entry.edited(&pair("A", "D"), 3).title, "My check");
        // Naming it changes nothing of what it holds.
        assert_eq!(entry.history().unwrap(), pair("A", "C"));
    }

    #[test]
    fn the_same_link_is_one_entry() {
        assert_eq!(link_id(&pair("A", "B")), link_id(&pair("A", "B")));
        assert_ne!(link_id(&pair("A", "B")), link_id(&pair("A", "C")));
        assert!(Entry::from_json("{not json").is_none());
    }
}
