//! `use_history_summary`: what each step of a version history changed, and the changes undone along it, for the timeline.

use std::time::Duration;

use leptos::prelude::*;

use crate::ui::Drafts;
use crate::ui::worker::{self, Job, Request};
use redline_engine::Options;
use redline_engine::history::{HistorySummary, Summarizer};

use super::BACKGROUND_BYTES;

/// Summarizes the versions of `drafts` while they are listed as a history; `None` until the
/// first summary is in.
///
/// Each edit compares versions with their neighbours again, so the summary waits for a 250 ms
/// pause in the typing. A [`Summarizer`] remembers each step compared, so an edit compares
/// only the two steps next to it; versions longer than [`BACKGROUND_BYTES`] together are
/// summarized in the web worker, which keeps a summarizer of its own.
pub fn use_history_summary(drafts: Drafts) -> RwSignal<Option<HistorySummary>> {
    let summary = RwSignal::new(None::<HistorySummary>);
    let generation = StoredValue::new(0_u64);
    let summarizer = StoredValue::new(Summarizer::default());
    let mut summarize = debounce(Duration::from_millis(250), move |()| {
        generation.update_value(|generation| *generation += 1);
        let this_run = generation.get_value();
        let texts: Vec<String> = drafts
            .versions
            .with_untracked(|slots| slots.iter().map(|slot| slot.text.get_untracked()).collect());
        let options = drafts.options.get_untracked();
        let summarize_here = move |texts: Vec<String>, options: Options| {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            summarizer
                .try_update_value(|summarizer| summarizer.summarize(&texts, &options))
                .unwrap_or_default()
        };
        if texts.iter().map(String::len).sum::<usize>() <= BACKGROUND_BYTES {
            worker::cancel(Job::Summarize);
            return summary.set(Some(summarize_here(texts, options)));
        }
        let request = Request::Summarize { texts, options };
        let started = worker::run(&request, move |answer| {
            if generation.get_value() != this_run {
                return;
            }
            if let Ok(result) = answer.and_then(|json| {
                serde_json::from_str::<HistorySummary>(&json).map_err(|err| err.to_string())
            }) {
                summary.set(Some(result));
            }
        });
        if started.is_err()
            && let Request::Summarize { texts, options } = request
        {
            summary.set(Some(summarize_here(texts, options)));
        }
    });
    Effect::new(move |_| {
        if !drafts.listing.get() {
            return;
        }
        drafts.options.track();
        drafts
            .versions
            .with(|slots| slots.iter().for_each(|slot| slot.text.track()));
        summarize(());
    });
    summary
}
