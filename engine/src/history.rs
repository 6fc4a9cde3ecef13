//! Version histories: what each step between consecutive versions changed, and which changes a later step undid.
//!
//! A [`History`](crate::formats::share::History) holds several versions of an article. The page draws a
//! timeline with a bar per step (how many words it added and removed) and, when it compares
//! versions that are more than one step apart, lists the changes that were made and later
//! undone: those leave no trace in the comparison of the two ends, yet a reader checking how
//! an article was corrected wants to see them.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{BlockKind, Comparison, SegmentKind};
use crate::{Options, compare_with_options};

/// How much one step, from a version to the next, changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepSummary {
    /// Words only in the later version.
    pub words_added: usize,
    /// Words only in the earlier version.
    pub words_removed: usize,
    /// Numbered changes (see [`Comparison::n_changes`]).
    pub n_changes: usize,
}

/// A change one step made and a later step undid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reverted {
    /// The version that made the change (an index into the versions, at least 1).
    pub changed_in: usize,
    /// The later version that undid it.
    pub undone_in: usize,
    /// The text the change took out (empty when it only added).
    pub removed: String,
    /// The text the change put in (empty when it only took out).
    pub added: String,
    /// A few words before the change, as the paragraph read before it (may be empty).
    pub context: String,
}

/// The steps of a history and the changes undone along it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistorySummary {
    /// One per step: `steps[k]` goes from version `k` to version `k + 1`.
    pub steps: Vec<StepSummary>,
    /// Changes undone by a later step, in the order they were made.
    pub reverted: Vec<Reverted>,
}

impl HistorySummary {
    /// The undone changes that fall between versions `from` and `to` (made after `from`,
    /// undone by `to` at the latest): those a comparison of the two does not show.
    pub fn reverted_between(&self, from: usize, to: usize) -> impl Iterator<Item = &Reverted> {
        self.reverted
            .iter()
            .filter(move |reverted| from < reverted.changed_in && reverted.undone_in <= to)
    }
}

impl Reverted {
    /// The undoing in a sentence, naming versions by [`version_name`] with their `labels`:
    /// `Version 2 (Monday) changed “$5” to “$7” after “…the plan cost”; version 3 changed it back.`
    pub fn describe(&self, labels: &[&str]) -> String {
        let name = |idx: usize| version_name(idx, labels.get(idx).copied().unwrap_or_default());
        let shown = |text: &str| {
            if text.is_empty() {
                "nothing".to_owned()
            } else {
                format!("“{text}”")
            }
        };
        let context = if self.context.is_empty() {
            String::new()
        } else {
            format!(" after “…{}”", self.context)
        };
        let changer = name(self.changed_in);
        let mut chars = changer.chars();
        let changer: String = chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        format!(
            "{changer} changed {} to {}{context}; {} changed it back.",
            shown(&self.removed),
            shown(&self.added),
            name(self.undone_in),
        )
    }
}

/// What a version is called, from its index and label: `version 2 (Monday 9:40)`, or
/// `version 2` without a label.
///
/// ```
/// use redline_engine::history::version_name;
///
/// assert_eq!(version_name(1, " Monday 9:40 "), "version 2 (Monday 9:40)");
/// assert_eq!(version_name(0, ""), "version 1");
/// ```
pub fn version_name(idx: usize, label: &str) -> String {
    match label.trim() {
        "" => format!("version {}", idx + 1),
        label => format!("version {} ({label})", idx + 1),
    }
}

/// The notes that explain the way from version `from` to version `to`, given every version's
/// note: the later version's note for one step; for several steps forward, the notes of every
/// version after `from` up to `to`, in order, separated by a blank line (each corrected
/// something the comparison shows, and each is trimmed). Out-of-range indices give no note.
///
/// ```
/// use redline_engine::history::notes_between;
///
/// let notes = ["", "Update: a.", " ", "Correction: b."];
/// assert_eq!(notes_between(&notes, 2, 3), "Correction: b.");
/// assert_eq!(notes_between(&notes, 0, 3), "Update: a.\n\nCorrection: b.");
/// assert_eq!(notes_between(&notes, 3, 1), "Update: a.");
/// ```
pub fn notes_between(notes: &[&str], from: usize, to: usize) -> String {
    let later = notes.get(versions_explaining(from, to)).unwrap_or_default();
    // One note is kept as it is: a link must give back exactly what was typed.
    if let [note] = later {
        return (*note).to_owned();
    }
    let later: Vec<&str> = later
        .iter()
        .map(|note| note.trim())
        .filter(|note| !note.is_empty())
        .collect();
    later.join("\n\n")
}

/// The versions whose notes explain the way from version `from` to version `to`: `to` alone
/// for one step or for going back, every version after `from` up to `to` for several steps
/// forward.
///
/// ```
/// use redline_engine::history::versions_explaining;
///
/// assert_eq!(versions_explaining(0, 3), 1..=3);
/// assert_eq!(versions_explaining(3, 1), 1..=1);
/// ```
pub fn versions_explaining(from: usize, to: usize) -> std::ops::RangeInclusive<usize> {
    if from < to { from + 1..=to } else { to..=to }
}

/// Words of context kept before a change, for the reader.
const CONTEXT_WORDS: usize = 8;
/// Words before a change that must read the same for a later change to count as its undoing:
/// the same words swapped back elsewhere in the article are a different change.
const ANCHOR_WORDS: usize = 3;

/// Compares each version with the next and finds the changes a later step undid.
///
/// ```
/// use redline_engine::{history::summarize, Options};
///
/// let versions = [
///     "The council approved 60,000 homes.",
///     "The council approved 25,000 homes.",
///     "The council approved 60,000 homes. It met on Monday.",
/// ];
/// let summary = summarize(&versions, &Options::default());
/// assert_eq!(summary.steps.len(), 2);
/// // "60,000" and "It met on Monday".
/// assert_eq!(summary.steps[1].words_added, 5);
/// let undone = &summary.reverted[0];
/// assert_eq!((undone.changed_in, undone.undone_in), (1, 2));
/// assert_eq!((undone.removed.as_str(), undone.added.as_str()), ("60,000", "25,000"));
/// ```
pub fn summarize(versions: &[&str], options: &Options) -> HistorySummary {
    Summarizer::default().summarize(versions, options)
}

/// [`summarize`] that remembers each step it compared: an edit to one version changes the two
/// steps next to it, and only those are compared again. The page keeps one while it shows a
/// history; it holds the changes of each step, not the texts.
#[derive(Default)]
pub struct Summarizer {
    steps: HashMap<StepKey, Step>,
}

/// A step's texts and options, by hash and lengths (a hash alone may collide; with the
/// lengths too, two different steps taken for one are not a practical concern).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct StepKey {
    hash: u64,
    lengths: (usize, usize),
}

impl StepKey {
    fn new(earlier: &str, later: &str, options: &Options) -> Self {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (earlier, later, options).hash(&mut hasher);
        StepKey {
            hash: hasher.finish(),
            lengths: (earlier.len(), later.len()),
        }
    }
}

/// What a step changed: its counts, and its changes for finding the undone ones.
struct Step {
    summary: StepSummary,
    hunks: Vec<Hunk>,
}

impl Summarizer {
    /// [`summarize`], comparing only the steps it has not seen with these options.
    ///
    /// ```
    /// use redline_engine::{history::{summarize, Summarizer}, Options};
    ///
    /// let mut summarizer = Summarizer::default();
    /// let mut versions = vec!["a b c", "a x c", "a b c"];
    /// assert_eq!(summarizer.summarize(&versions, &Options::default()).reverted.len(), 1);
    /// versions[2] = "a x c d";
    /// let summary = summarizer.summarize(&versions, &Options::default());
    /// assert_eq!(summary, summarize(&versions, &Options::default()));
    /// assert!(summary.reverted.is_empty());
    /// ```
    pub fn summarize(&mut self, versions: &[&str], options: &Options) -> HistorySummary {
        let keys: Vec<StepKey> = versions
            .windows(2)
            .map(|pair| StepKey::new(pair[0], pair[1], options))
            .collect();
        let mut kept: HashMap<StepKey, Step> = HashMap::with_capacity(keys.len());
        for (pair, key) in versions.windows(2).zip(&keys) {
            if kept.contains_key(key) {
                continue;
            }
            let step = self
                .steps
                .remove(key)
                .unwrap_or_else(|| Step::compare(pair[0], pair[1], options));
            kept.insert(*key, step);
        }
        // Steps no longer in the history are forgotten.
        self.steps = kept;
        let steps: Vec<&Step> = keys.iter().map(|key| &self.steps[key]).collect();
        HistorySummary {
            steps: steps.iter().map(|step| step.summary.clone()).collect(),
            reverted: find_reverted(&steps),
        }
    }
}

impl Step {
    fn compare(earlier: &str, later: &str, options: &Options) -> Step {
        let comparison = compare_with_options(earlier, later, options);
        let summary = StepSummary {
            words_added: comparison.stats.words_added,
            words_removed: comparison.stats.words_removed,
            n_changes: comparison.n_changes,
        };
        // The semantic cleanup joins a change with its neighbours ("25,000 homes." becomes
        // "60,000 homes. It met on Monday."), which would hide that the number went back:
        // changes are matched on a flat word diff, made once more unless the options already
        // ask for it.
        let hunks = if options.semantic_cleanup {
            let flat = Options {
                semantic_cleanup: false,
                ..options.clone()
            };
            hunks(&compare_with_options(earlier, later, &flat))
        } else {
            hunks(&comparison)
        };
        Step { summary, hunks }
    }
}

/// One change of a step: the text it took out and put in (trimmed), and what came before it.
struct Hunk {
    removed: String,
    added: String,
    /// The last words of the earlier version before the change, in its paragraph.
    before: String,
    /// The last few of those, which the change's undoing must follow too.
    anchor: String,
}

/// The changes of one step, in reading order. A moved paragraph's departure is left out (its
/// arrival holds its word changes); cosmetic changes are not changes here either, nor are
/// changes of whitespace alone.
fn hunks(comparison: &Comparison) -> Vec<Hunk> {
    let mut hunks = Vec::new();
    let mut finish = |hunk: Option<(String, String, String)>| {
        if let Some((removed, added, before)) = hunk {
            let (removed, added) = (removed.trim(), added.trim());
            if !(removed.is_empty() && added.is_empty()) {
                hunks.push(Hunk {
                    removed: removed.to_owned(),
                    added: added.to_owned(),
                    anchor: last_words(&before, ANCHOR_WORDS),
                    before,
                });
            }
        }
    };
    for block in &comparison.blocks {
        if block.kind == BlockKind::MovedFrom {
            continue;
        }
        // The earlier version's text of the paragraph so far, for the words before a change.
        let mut before = String::new();
        let mut open: Option<(String, String, String)> = None;
        for segment in &block.segments {
            let changed = segment.kind != SegmentKind::Equal && !segment.cosmetic;
            if !changed {
                finish(open.take());
                if segment.kind != SegmentKind::Insert {
                    before.push_str(&segment.text);
                }
                continue;
            }
            let (removed, added, _) = open.get_or_insert_with(|| {
                (
                    String::new(),
                    String::new(),
                    last_words(&before, CONTEXT_WORDS),
                )
            });
            match segment.kind {
                SegmentKind::Delete => {
                    removed.push_str(&segment.text);
                    before.push_str(&segment.text);
                }
                _ => added.push_str(&segment.text),
            }
        }
        finish(open);
    }
    hunks
}

/// What a change took out, what it put in, and the words before it.
type ChangeText<'a> = (&'a str, &'a str, &'a str);

/// Pairs each change with the first later change that swaps its text back after the same
/// words. Changes are looked up by their text, so the work grows with the number of changes,
/// not with its square.
fn find_reverted(steps: &[&Step]) -> Vec<Reverted> {
    let steps: Vec<&[Hunk]> = steps.iter().map(|step| step.hunks.as_slice()).collect();
    // Every change by (removed, added, anchor), in the order of the steps.
    let mut by_text: HashMap<ChangeText<'_>, Vec<(usize, usize)>> = HashMap::new();
    for (step, hunks) in steps.iter().enumerate() {
        for (idx, hunk) in hunks.iter().enumerate() {
            by_text
                .entry((&hunk.removed, &hunk.added, &hunk.anchor))
                .or_default()
                .push((step, idx));
        }
    }
    // Each later change undoes at most one earlier change.
    let mut used: Vec<Vec<bool>> = steps.iter().map(|hunks| vec![false; hunks.len()]).collect();
    let mut reverted = Vec::new();
    for (step, hunks) in steps.iter().enumerate() {
        for hunk in hunks.iter() {
            let undoings = by_text
                .get(&(
                    hunk.added.as_str(),
                    hunk.removed.as_str(),
                    hunk.anchor.as_str(),
                ))
                .map_or(&[][..], Vec::as_slice);
            let undoing = undoings
                .iter()
                .find(|&&(later, idx)| later > step && !used[later][idx]);
            if let Some(&(later, idx)) = undoing {
                used[later][idx] = true;
                reverted.push(Reverted {
                    changed_in: step + 1,
                    undone_in: later + 1,
                    removed: hunk.removed.clone(),
                    added: hunk.added.clone(),
                    context: hunk.before.clone(),
                });
            }
        }
    }
    reverted
}

/// The last `n` whitespace-separated words of `text`, joined by single spaces; reads only
/// as far back as it needs, so a change late in a long paragraph costs no more than one early.
fn last_words(text: &str, n: usize) -> String {
    let mut words: Vec<&str> = text.split_whitespace().rev().take(n).collect();
    words.reverse();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(versions: &[&str]) -> HistorySummary {
        summarize(versions, &Options::default())
    }

    #[test]
    fn a_change_undone_two_steps_later_is_found() {
        let versions = [
            "Title\n\nThe mayor said the plan cost $5 million. It was approved.",
            "Title\n\nThe mayor said the plan cost $7 million. It was approved.",
            "Title\n\nThe mayor said the plan cost $7 million. It was approved on Monday.",
            "Title\n\nThe mayor said the plan cost $5 million. It was approved on Monday.",
        ];
        let summary = summary(&versions);
        assert_eq!(summary.steps.len(), 3);
        assert_eq!(summary.reverted.len(), 1, "{:?}", summary.reverted);
        let undone = &summary.reverted[0];
        assert_eq!((undone.changed_in, undone.undone_in), (1, 3));
        assert_eq!(
            (undone.removed.as_str(), undone.added.as_str()),
            ("$5", "$7")
        );
        assert_eq!(undone.context, "The mayor said the plan cost");
        assert_eq!(summary.reverted_between(0, 3).count(), 1);
        assert_eq!(
            summary.reverted_between(1, 3).count(),
            0,
            "made before the range"
        );
        assert_eq!(
            summary.reverted_between(0, 2).count(),
            0,
            "undone after the range"
        );
    }

    #[test]
    fn an_added_paragraph_removed_later_is_found() {
        let versions = [
            "Title\n\nFirst paragraph.",
            "Title\n\nFirst paragraph.\n\nA claim that did not hold up.",
            "Title\n\nFirst paragraph.",
        ];
        let summary = summary(&versions);
        assert_eq!(summary.reverted.len(), 1);
        assert_eq!(summary.reverted[0].added, "A claim that did not hold up.");
        assert_eq!(summary.reverted[0].removed, "");
    }

    #[test]
    fn the_same_words_swapped_back_elsewhere_are_not_an_undoing() {
        let versions = [
            "Title\n\nShe said yes. Later, the council said no.",
            "Title\n\nShe told us yes. Later, the council said no.",
            "Title\n\nShe told us yes. Later, the council told us no.",
            "Title\n\nShe told us yes. Later, the council said no.",
        ];
        let summary = summary(&versions);
        // Step 3 undid step 2, at the council; step 1, at "She", stands.
        assert_eq!(summary.reverted.len(), 1, "{:?}", summary.reverted);
        assert_eq!(
            (
                summary.reverted[0].changed_in,
                summary.reverted[0].undone_in
            ),
            (2, 3)
        );
    }

    #[test]
    fn steps_count_words() {
        let summary = summary(&["a b c", "a b c d e", "a c d e"]);
        assert_eq!(
            summary.steps,
            [
                StepSummary {
                    words_added: 2,
                    words_removed: 0,
                    n_changes: 1
                },
                StepSummary {
                    words_added: 0,
                    words_removed: 1,
                    n_changes: 1
                },
            ]
        );
        assert!(summary.reverted.is_empty());
    }
}
