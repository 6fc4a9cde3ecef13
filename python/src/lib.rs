//! `redline._redline`, the Python extension: the engine's comparison, page reader, note finder and share links as functions that take and return plain Python values.
//!
//! Every function copies its texts out of Python, does its work with the GIL released
//! (`Python::detach`), so that threads of one process compare in parallel, and returns dicts,
//! lists and strings made by pythonize from the engine's serde types: the same fields as the
//! command line's JSON. The typed signatures are in `redline/_redline.pyi`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pythonize::pythonize;
use redline_engine::formats::batch::{self, Settings};
use redline_engine::formats::page;
use redline_engine::formats::share::{self, History, Version, View};
use redline_engine::{Granularity, Options, detect_notes};

/// The comparison options, from the keyword arguments every comparing function takes, under
/// the command line's names.
#[allow(clippy::too_many_arguments)]
fn options(
    unit: &str,
    ignore_case: bool,
    ignore_whitespace: bool,
    ignore_punctuation: bool,
    cleanup: bool,
    typography_is_change: bool,
    whole_pages: bool,
) -> PyResult<Options> {
    let granularity = match unit {
        "word" => Granularity::Word,
        "character" => Granularity::Character,
        "sentence" => Granularity::Sentence,
        other => {
            return Err(PyValueError::new_err(format!(
                "unit must be 'word', 'character' or 'sentence', not '{other}'"
            )));
        }
    };
    Ok(Options {
        semantic_cleanup: cleanup,
        ignore_case,
        ignore_whitespace,
        ignore_punctuation,
        typographic_cosmetic: !typography_is_change,
        granularity,
        whole_pages,
    })
}

/// The comparison options and whether to keep the whole comparison: what `compare` and
/// `compare_line` both take.
#[allow(clippy::too_many_arguments)]
fn settings(
    unit: &str,
    ignore_case: bool,
    ignore_whitespace: bool,
    ignore_punctuation: bool,
    cleanup: bool,
    typography_is_change: bool,
    whole_pages: bool,
    full: bool,
) -> PyResult<Settings> {
    Ok(Settings {
        options: options(
            unit,
            ignore_case,
            ignore_whitespace,
            ignore_punctuation,
            cleanup,
            typography_is_change,
            whole_pages,
        )?,
        full,
    })
}

/// A serde value as the Python objects `json.loads` would make of its JSON: dicts, lists
/// (pythonize alone would make tuples of fixed-size arrays such as byte ranges), strings,
/// numbers, booleans and None.
fn to_python<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).map_err(|err| PyTypeError::new_err(err.to_string()))?;
    pythonize(py, &value).map_err(|err| PyTypeError::new_err(err.to_string()))
}

/// Compares two versions and checks the note: the fields of one `redline batch` result.
#[pyfunction]
#[pyo3(signature = (original, reworked, note = None, *, unit = "word", ignore_case = false, ignore_whitespace = false, ignore_punctuation = false, cleanup = true, typography_is_change = false, whole_pages = false, full = false))]
#[allow(clippy::too_many_arguments)]
fn compare<'py>(
    py: Python<'py>,
    original: String,
    reworked: String,
    note: Option<String>,
    unit: &str,
    ignore_case: bool,
    ignore_whitespace: bool,
    ignore_punctuation: bool,
    cleanup: bool,
    typography_is_change: bool,
    whole_pages: bool,
    full: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let settings = settings(
        unit,
        ignore_case,
        ignore_whitespace,
        ignore_punctuation,
        cleanup,
        typography_is_change,
        whole_pages,
        full,
    )?;
    let result = py.detach(|| {
        batch::compare_pair(
            &original,
            &reworked,
            note.as_deref().unwrap_or_default(),
            &settings,
        )
    });
    to_python(py, &result)
}

/// One line of `redline batch`'s input to its result line, exactly as `redline batch` writes
/// it (without the newline); a line it would skip raises `ValueError` with its message.
#[pyfunction]
#[pyo3(signature = (line, *, unit = "word", ignore_case = false, ignore_whitespace = false, ignore_punctuation = false, cleanup = true, typography_is_change = false, whole_pages = false, full = false))]
#[allow(clippy::too_many_arguments)]
fn compare_line(
    py: Python<'_>,
    line: String,
    unit: &str,
    ignore_case: bool,
    ignore_whitespace: bool,
    ignore_punctuation: bool,
    cleanup: bool,
    typography_is_change: bool,
    whole_pages: bool,
    full: bool,
) -> PyResult<String> {
    let settings = settings(
        unit,
        ignore_case,
        ignore_whitespace,
        ignore_punctuation,
        cleanup,
        typography_is_change,
        whole_pages,
        full,
    )?;
    py.detach(|| batch::answer_line(&line, &settings))
        .map_err(PyValueError::new_err)
}

/// Finds the article in a whole page (HTML, or the text of a Select-All copy).
#[pyfunction]
#[pyo3(signature = (page, *, form = "auto"))]
fn extract<'py>(py: Python<'py>, page: String, form: &str) -> PyResult<Bound<'py, PyAny>> {
    let html = match form {
        "auto" => None,
        "html" => Some(true),
        "text" => Some(false),
        other => {
            return Err(PyValueError::new_err(format!(
                "form must be 'auto', 'html' or 'text', not '{other}'"
            )));
        }
    };
    let value = py.detach(|| {
        let (read, is_html) = page::read_any(&page, html);
        read.to_json(is_html)
    });
    to_python(py, &value)
}

/// The correction, update, clarification and disclaimer notes a text holds.
#[pyfunction]
fn notes<'py>(py: Python<'py>, text: String) -> PyResult<Bound<'py, PyAny>> {
    let found = py.detach(|| detect_notes(&text));
    to_python(py, &found)
}

/// A share link: its fragment carries the texts.
#[pyfunction]
#[pyo3(signature = (*versions, note = None, notes = None, labels = None, base_url = "http://127.0.0.1:8080/", view = "inline", unit = "word", ignore_case = false, ignore_whitespace = false, ignore_punctuation = false, cleanup = true, typography_is_change = false))]
#[allow(clippy::too_many_arguments)]
fn link(
    py: Python<'_>,
    versions: Vec<String>,
    note: Option<String>,
    notes: Option<std::collections::BTreeMap<usize, String>>,
    labels: Option<std::collections::BTreeMap<usize, String>>,
    base_url: &str,
    view: &str,
    unit: &str,
    ignore_case: bool,
    ignore_whitespace: bool,
    ignore_punctuation: bool,
    cleanup: bool,
    typography_is_change: bool,
) -> PyResult<String> {
    let n = versions.len();
    if !(2..=32).contains(&n) {
        return Err(PyValueError::new_err(format!(
            "a link holds 2 to 32 versions, not {n}"
        )));
    }
    let base_url = base_url.split('#').next().unwrap_or_default().to_owned();
    if !base_url.is_empty() && !share::is_web_address(&base_url) {
        return Err(PyValueError::new_err(format!(
            "base_url must be the address of a published Redline, starting with https:// or http://, not '{base_url}'; an empty one gives the fragment alone"
        )));
    }
    let view = match view {
        "inline" => View::Inline,
        "side_by_side" => View::SideBySide,
        "changes_only" => View::ChangesOnly,
        other => {
            return Err(PyValueError::new_err(format!(
                "view must be 'inline', 'side_by_side' or 'changes_only', not '{other}'"
            )));
        }
    };
    let mut history = History::from_versions(
        versions
            .into_iter()
            .map(|text| Version {
                text,
                ..Version::default()
            })
            .collect(),
    );
    history.options = options(
        unit,
        ignore_case,
        ignore_whitespace,
        ignore_punctuation,
        cleanup,
        typography_is_change,
        false,
    )?;
    history.view = view;
    let numbered = |key: &str, map: Option<std::collections::BTreeMap<usize, String>>| {
        map.unwrap_or_default()
            .into_iter()
            .map(|(number, value)| {
                if (1..=n).contains(&number) {
                    Ok((number - 1, value))
                } else {
                    Err(PyValueError::new_err(format!(
                        "{key} are numbered 1 to {n} (1 for the first version), not {number}"
                    )))
                }
            })
            .collect::<PyResult<Vec<_>>>()
    };
    for (idx, text) in numbered("notes", notes)? {
        history.versions[idx].note = text;
    }
    for (idx, label) in numbered("labels", labels)? {
        history.versions[idx].label = label;
    }
    if let Some(note) = note {
        history.versions[n - 1].note = note;
    }
    let fragment = py.detach(|| share::encode_any(&history));
    Ok(format!("{base_url}#{fragment}"))
}

/// What a share link holds: its versions, notes, labels, options and view.
#[pyfunction]
fn open_link<'py>(py: Python<'py>, link: String) -> PyResult<Bound<'py, PyAny>> {
    let history = py.detach(|| share::decode_history(&link)).map_err(|err| {
        PyValueError::new_err(format!("This link is damaged: {err}. {}", err.advice()))
    })?;
    to_python(py, &history)
}

#[pymodule]
fn _redline(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(compare, module)?)?;
    module.add_function(wrap_pyfunction!(compare_line, module)?)?;
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(notes, module)?)?;
    module.add_function(wrap_pyfunction!(link, module)?)?;
    module.add_function(wrap_pyfunction!(open_link, module)?)?;
    Ok(())
}
