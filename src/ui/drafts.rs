//! The drafts: every version of the article the page holds, which two are compared, the options and the view.
//!
//! A share link carries all of it, and it is what the page saves in this browser; the hooks
//! in [`super::hooks`] load, save and compare it, and the components bind their boxes to its
//! signals.

use leptos::prelude::*;

use redline_engine::Options;
use redline_engine::formats::share::{History, MAX_VERSIONS, Source, Version, View};

/// One version of the article as the page holds it: its text, label and note, each a signal of
/// its own so that typing in one box does not touch the others.
#[derive(Clone, Copy)]
pub struct Slot {
    /// The version's text.
    pub text: RwSignal<String>,
    /// What the reader calls it, such as a date and time.
    pub label: RwSignal<String>,
    /// The correction note that came with it.
    pub note: RwSignal<String>,
    /// Where it was read: its address, an archived copy, when it was captured.
    pub source: RwSignal<Source>,
}

impl Slot {
    /// A slot holding `version`.
    pub fn new(version: Version) -> Self {
        Slot {
            text: RwSignal::new(version.text),
            label: RwSignal::new(version.label),
            note: RwSignal::new(version.note),
            source: RwSignal::new(version.source),
        }
    }

    /// Puts `version` in the slot's signals.
    pub fn set(&self, version: Version) {
        self.text.set(version.text);
        self.label.set(version.label);
        self.note.set(version.note);
        self.source.set(version.source);
    }

    /// The version the slot holds, without subscribing.
    pub fn get_untracked(&self) -> Version {
        Version {
            text: self.text.get_untracked(),
            label: self.label.get_untracked(),
            note: self.note.get_untracked(),
            source: self.source.get_untracked(),
        }
    }
}

/// What the user is comparing: the versions with their labels and notes, which two are
/// compared, the options and the view. A share link carries all of it.
///
/// Two versions without labels are the simple case: the original, the reworked text and its
/// note, in three boxes. More versions, or labels, show every version with its own boxes and
/// a timeline.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// What the user calls the comparison; empty for its headline.
    pub title: RwSignal<String>,
    /// The versions, oldest first; always at least two.
    pub versions: RwSignal<Vec<Slot>>,
    /// The version compared from (the original side).
    pub from: RwSignal<usize>,
    /// The version compared to (the reworked side).
    pub to: RwSignal<usize>,
    /// Whether the inputs show every version with its label and note (a history), rather than
    /// the simple pair.
    pub listing: RwSignal<bool>,
    /// The comparison options.
    pub options: RwSignal<Options>,
    /// How the comparison is shown.
    pub view: RwSignal<View>,
    /// The change in focus, if any.
    pub current: RwSignal<Option<usize>>,
}

impl Drafts {
    /// Two empty versions, compared in order, with the default options and view.
    pub fn new() -> Self {
        Drafts {
            title: RwSignal::new(String::new()),
            versions: RwSignal::new(vec![
                Slot::new(Version::default()),
                Slot::new(Version::default()),
            ]),
            from: RwSignal::new(0),
            to: RwSignal::new(1),
            listing: RwSignal::new(false),
            options: RwSignal::new(Options::default()),
            view: RwSignal::new(View::default()),
            current: RwSignal::new(None),
        }
    }

    /// Version `idx` (the last one if `idx` is past the end), subscribing to the list.
    pub fn slot(&self, idx: usize) -> Slot {
        self.versions.with(|slots| slots[idx.min(slots.len() - 1)])
    }

    /// The text compared from, subscribing to which version that is.
    pub fn original(&self) -> RwSignal<String> {
        self.slot(self.from.get()).text
    }

    /// The text compared to, subscribing to which version that is.
    pub fn reworked(&self) -> RwSignal<String> {
        self.slot(self.to.get()).text
    }

    /// Everything a share link carries, read without subscribing to it.
    pub fn to_history(&self) -> History {
        let versions: Vec<Version> = self
            .versions
            .with_untracked(|slots| slots.iter().map(Slot::get_untracked).collect());
        let last = versions.len() - 1;
        let (from, to) = (
            self.from.get_untracked().min(last),
            self.to.get_untracked().min(last),
        );
        History {
            title: self.title.get_untracked(),
            versions,
            from,
            to,
            options: self.options.get_untracked(),
            view: self.view.get_untracked(),
            focus: self
                .current
                .get_untracked()
                .and_then(|change| u32::try_from(change).ok()),
        }
    }

    /// Subscribes the calling effect or memo to the texts, labels and notes of every version.
    pub fn track_versions(&self) {
        self.versions.with(|slots| {
            for slot in slots {
                slot.text.track();
                slot.label.track();
                slot.note.track();
            }
        });
    }

    /// Subscribes the calling effect or memo to the title and every version's source.
    pub fn track_details(&self) {
        self.title.track();
        self.versions.with(|slots| {
            for slot in slots {
                slot.source.track();
            }
        });
    }

    /// Subscribes the calling effect or memo to every part of the drafts.
    pub fn track(&self) {
        self.track_versions();
        self.track_details();
        self.from.track();
        self.to.track();
        self.options.track();
        self.view.track();
        self.current.track();
    }

    /// Replaces the drafts with a history (from a link, an import or an undo). The slots that
    /// exist are reused, so the boxes bound to them stay.
    pub fn set(&self, history: History) {
        let n = history.versions.len();
        self.listing.set(!history.is_plain_pair());
        self.title.set(history.title);
        let mut slots = self.versions.get_untracked();
        for (idx, version) in history.versions.into_iter().enumerate() {
            match slots.get(idx) {
                Some(slot) => slot.set(version),
                None => slots.push(Slot::new(version)),
            }
        }
        for dropped in slots.drain(n..) {
            dropped.set(Version::default());
        }
        self.versions.set(slots);
        self.from.set(history.from);
        self.to.set(history.to);
        self.options.set(history.options);
        self.view.set(history.view);
        self.current.set(
            history
                .focus
                .and_then(|change| usize::try_from(change).ok()),
        );
    }

    /// Adds a version after the last, starting as a copy of it (a new version is mostly the
    /// last one edited), and compares the last one with it.
    pub fn add_version(&self) {
        let n = self.versions.with_untracked(Vec::len);
        if n >= MAX_VERSIONS {
            return;
        }
        let latest = self.slot_untracked(n - 1);
        let added = Slot::new(Version {
            text: latest.text.get_untracked(),
            ..Version::default()
        });
        self.versions.update(|slots| slots.push(added));
        self.listing.set(true);
        self.from.set(n - 1);
        self.to.set(n);
    }

    /// Removes version `idx` (there stay at least two); the pair compared stays where it can.
    pub fn remove_version(&self, idx: usize) {
        let n = self.versions.with_untracked(Vec::len);
        if n <= 2 || idx >= n {
            return;
        }
        let removed = self.versions.try_update(|slots| slots.remove(idx));
        if let Some(removed) = removed {
            removed.set(Version::default());
        }
        let shift = |at: usize| if at > idx { at - 1 } else { at.min(n - 2) };
        let (mut from, mut to) = (
            shift(self.from.get_untracked()),
            shift(self.to.get_untracked()),
        );
        if from == to {
            (from, to) = if to > 0 { (to - 1, to) } else { (0, 1) };
        }
        self.from.set(from);
        self.to.set(to);
        // Back to the simple boxes when nothing but a plain pair is left.
        if self.to_history().is_plain_pair() {
            self.listing.set(false);
        }
    }

    /// Version `idx` (the last one if `idx` is past the end), without subscribing.
    pub fn slot_untracked(&self, idx: usize) -> Slot {
        self.versions
            .with_untracked(|slots| slots[idx.min(slots.len() - 1)])
    }
}

impl Default for Drafts {
    fn default() -> Self {
        Drafts::new()
    }
}
