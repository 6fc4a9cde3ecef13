//! `use_comparison`: the comparison of the two versions compared, made on the page's thread or in the web worker.

use leptos::prelude::*;

use crate::ui::Drafts;
use crate::ui::worker::{self, Job, Request};
use redline_engine::{ChangeMark, Comparison, compare_with_options};

use super::BACKGROUND_BYTES;

/// What [`use_comparison`] returns.
#[derive(Clone, Copy)]
pub struct UseComparisonReturn {
    /// The last comparison made. While a new one runs in the worker, this is the one before.
    pub comparison: RwSignal<Comparison>,
    /// The size in bytes of the texts being compared in the worker, while it runs.
    pub comparing: RwSignal<Option<usize>>,
    /// Why the last comparison failed, if it did (a panic in the worker's engine).
    pub error: RwSignal<Option<String>>,
    /// One mark per numbered change, for previous/next and the overview ruler.
    pub marks: Memo<Vec<ChangeMark>>,
    /// How many numbered changes the comparison has.
    pub n_changes: Signal<usize>,
}

/// Compares the two versions `drafts` names once per change of either text or of the options.
///
/// Texts up to [`BACKGROUND_BYTES`] together are compared at once on the page's thread, which
/// keeps short texts instant; longer ones go to the web worker, and the page shows the last
/// comparison, marked as out of date, until the new one arrives; a newer edit cancels a
/// comparison still running. Once the texts hold a quarter of the threshold, the worker is
/// started idle, so that loading the wasm module in it is done before a long text arrives.
pub fn use_comparison(drafts: Drafts) -> UseComparisonReturn {
    let comparison = RwSignal::new(Comparison::default());
    let comparing = RwSignal::new(None::<usize>);
    let error = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0_u64);
    let show = move |result: Comparison| {
        error.set(None);
        if comparison.with_untracked(|shown| *shown != result) {
            comparison.set(result);
        }
    };
    Effect::new(move |_| {
        let options = drafts.options.get();
        let (original, reworked) = (drafts.original(), drafts.reworked());
        let n_bytes =
            original.with(|original| reworked.with(|reworked| original.len() + reworked.len()));
        generation.update_value(|generation| *generation += 1);
        let this_run = generation.get_value();
        let here_options = options.clone();
        let compare_here = move || {
            original.with_untracked(|original| {
                reworked.with_untracked(|reworked| {
                    compare_with_options(original, reworked, &here_options)
                })
            })
        };
        if n_bytes <= BACKGROUND_BYTES {
            worker::cancel(Job::Compare);
            comparing.set(None);
            if n_bytes > BACKGROUND_BYTES / 4 {
                worker::warm(Job::Compare);
            }
            return show(compare_here());
        }
        let request = Request::Compare {
            original: original.get_untracked(),
            reworked: reworked.get_untracked(),
            options,
        };
        comparing.set(Some(n_bytes));
        let started = worker::run(&request, move |answer| {
            if generation.get_value() != this_run {
                return;
            }
            comparing.set(None);
            match answer.and_then(|json| {
                serde_json::from_str::<Comparison>(&json).map_err(|err| err.to_string())
            }) {
                Ok(result) => show(result),
                Err(why) => error.set(Some(why)),
            }
        });
        if started.is_err() {
            comparing.set(None);
            show(compare_here());
        }
    });
    let marks = Memo::new(move |_| comparison.with(Comparison::change_marks));
    UseComparisonReturn {
        comparison,
        comparing,
        error,
        marks,
        n_changes: Signal::derive(move || comparison.with(|comparison| comparison.n_changes)),
    }
}
