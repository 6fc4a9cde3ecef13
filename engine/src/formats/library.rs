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
    /// What the list calls it: [`title_of`] its history (the name the user gave it, else its
    /// headline). Entries kept before comparisons had names carry a `named` field, which is
    /// read past.
    pub title: String,
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
            updated,
            fragment: share::encode_any(history),
        }
    }

    /// The entry with `history` edited at `updated`: the title follows the history's own
    /// title, else its headline.
    pub fn edited(&self, history: &History, updated: u64) -> Self {
        Entry::new(self.id.clone(), history, updated)
    }

    /// The entry renamed `title` at `updated` (an empty title goes back to the headline), or
    /// why its texts cannot be read.
    pub fn renamed(&self, title: &str, updated: u64) -> Result<Self, share::ShareError> {
        let mut history = self.history()?;
        history.title = title.trim().to_owned();
        Ok(self.edited(&history, updated))
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

/// A comparison's title: the one the user gave it, else the first line of the reworked version
/// (of the original when the reworked one is empty), without Markdown heading marks, cut at a
/// word after [`MAX_TITLE_CHARS`]; "Untitled comparison" when there is none.
pub fn title_of(history: &History) -> String {
    let text = |idx: usize| {
        history
            .versions
            .get(idx)
            .map_or("", |version| &version.text)
    };
    let line = [history.title.as_str(), text(history.to), text(history.from)]
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

/// What [`export_all`] writes: a versioned file of every kept comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Export {
    /// Always [`EXPORT_FORMAT`]: a file of some other kind is refused by name.
    format: String,
    /// The version of the file's layout, [`EXPORT_VERSION`] for now.
    version: u32,
    /// The comparisons, the last edited first.
    comparisons: Vec<Entry>,
}

/// The `format` of an export file.
pub const EXPORT_FORMAT: &str = "redline-comparisons";

/// The version of the export file's layout this Redline writes and reads.
pub const EXPORT_VERSION: u32 = 1;

/// The name of an export file made on `date` (`YYYY-MM-DD`).
pub fn export_file_name(date: &str) -> String {
    format!("redline-comparisons-{date}.json")
}

/// Every comparison in one JSON file, for a copy elsewhere or another browser.
pub fn export_all(entries: &[Entry]) -> String {
    serde_json::to_string(&Export {
        format: EXPORT_FORMAT.to_owned(),
        version: EXPORT_VERSION,
        comparisons: entries.to_vec(),
    })
    .unwrap_or_default()
}

/// The comparisons of an export file, each checked as a link is (its texts must decode), or
/// why the file cannot be read; a comparison whose texts do not decode is named and the file
/// refused, so that nothing is half imported.
pub fn import_all(json: &str) -> Result<Vec<Entry>, String> {
    // The format and version are read first, on their own, so that a file of another kind or
    // version is named as such rather than as damaged.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u64>,
    }
    let header: Header = serde_json::from_str(json)
        .map_err(|err| format!("This file is not JSON ({err}), so it is no Redline export."))?;
    if header.format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(format!(
            "This file is JSON but not a Redline export of comparisons (its \"format\" is not \"{EXPORT_FORMAT}\")."
        ));
    }
    if header.version != Some(u64::from(EXPORT_VERSION)) {
        return Err(format!(
            "This export is of version {}, which this Redline does not read (it reads version {EXPORT_VERSION}).",
            header
                .version
                .map_or("unknown".to_owned(), |version| version.to_string())
        ));
    }
    let export: Export =
        serde_json::from_str(json).map_err(|err| format!("This export is damaged: {err}."))?;
    for entry in &export.comparisons {
        if let Err(err) = entry.history() {
            return Err(format!(
                "The comparison “{}” in this export is damaged ({err}); nothing was imported.",
                entry.title
            ));
        }
    }
    Ok(export.comparisons)
}

/// The imported comparisons to keep: those this browser does not have, and those edited later
/// than its own copy (the later edit wins, as between tabs).
pub fn to_keep(kept: &[Entry], imported: Vec<Entry>) -> Vec<Entry> {
    imported
        .into_iter()
        .filter(|entry| {
            kept.iter()
                .find(|mine| mine.id == entry.id)
                .is_none_or(|mine| entry.updated > mine.updated)
        })
        .collect()
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
        entry = entry.renamed(" My check ", 3).unwrap();
        assert_eq!(entry.title, "My check");
        let mut named = entry.history().unwrap();
        assert_eq!(named.title, "My check");
        named.versions[1].text = "D".into();
        assert_eq!(entry.edited(&named, 4).title, "My check");
        // Naming it changes nothing of the texts, and an empty name gives the headline back.
        named.title.clear();
        assert_eq!(named, pair("A", "D"));
        let unnamed = entry.renamed("", 5).unwrap();
        assert_eq!(unnamed.title, "C");
        // An entry kept with the field names once had still reads.
        let old = r#"{"id":"c-1","title":"B","named":false,"updated":1,"fragment":"v1.x"}"#;
        assert_eq!(Entry::from_json(old).unwrap().title, "B");
    }

    #[test]
    fn an_export_comes_back_whole_and_a_bad_file_says_why() {
        let entries = vec![
            Entry::new("c-2".into(), &pair("A", "B"), 2),
            Entry::new("link-x".into(), &pair("C", "D"), 1),
        ];
        let file = export_all(&entries);
        assert_eq!(import_all(&file).unwrap(), entries);
        assert!(
            import_all("{")
                .unwrap_err()
                .starts_with("This file is not JSON")
        );
        assert!(
            import_all("{\"format\": \"other\"}")
                .unwrap_err()
                .contains("not a Redline export")
        );
        let newer = file.replace("\"version\":1", "\"version\":2");
        assert!(import_all(&newer).unwrap_err().contains("version 2"));
        let damaged = file.replace(&entries[0].fragment, "v1.broken");
        assert!(import_all(&damaged).unwrap_err().contains("“B”"));
        // The later edit wins; what this browser lacks is added.
        let mine = vec![Entry::new("c-2".into(), &pair("A", "B2"), 5)];
        let kept: Vec<String> = to_keep(&mine, entries)
            .into_iter()
            .map(|entry| entry.id)
            .collect();
        assert_eq!(kept, ["link-x"]);
    }

    #[test]
    fn the_same_link_is_one_entry() {
        assert_eq!(link_id(&pair("A", "B")), link_id(&pair("A", "B")));
        assert_ne!(link_id(&pair("A", "B")), link_id(&pair("A", "C")));
        assert!(Entry::from_json("{not json").is_none());
    }
}
