//! Exports of a comparison: a self-contained HTML report, Markdown for issue trackers and chat, and JSON that Redline opens again.
//!
//! All three are built from the same [`History`] (versions, notes, options, view, and which two
//! versions are compared) and the [`Comparison`] of the two, so what is exported is what the
//! page shows. A history of more than two versions adds a list of the versions with what each
//! step changed, and the changes undone between the two compared.
//!
//! - **HTML**: one file with inline CSS and no script, so it opens offline and anywhere; every
//!   piece of text is escaped; it has the note, the stats, a legend and the diff, and prints
//!   well.
//! - **Markdown**: `~~deleted~~` and `**inserted**`, with Markdown's special characters escaped
//!   in the text so that an article cannot break the markup.
//! - **JSON**: `{"format": "redline", "version": 1, "original", "reworked", "note", "options",
//!   "view", "fingerprint", "comparison"}`, where `comparison` is the model of
//!   `redline compare --json`; a version history adds `"versions"` (each `{text, label, note}`),
//!   `"compared"` (the two indices) and `"steps"`. [`import_json`] reads it back (only the texts,
//!   notes, labels, options and view count; the comparison is recomputed).

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::formats::share::{History, Shared, Source, Version, View, is_web_address};
use crate::history::{HistorySummary, summarize};
use crate::model::{BlockKind, Comparison, Segment, SegmentKind};
use crate::{Options, Reconciliation, carried_note, compare_with_options, reconcile};

/// The `format` field of Redline's JSON export.
pub const JSON_FORMAT: &str = "redline";

/// The JSON export's version; [`import_json`] reads this version.
pub const JSON_VERSION: u32 = 1;

/// The JSON export, as written and read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonExport {
    /// Always [`JSON_FORMAT`].
    pub format: String,
    /// [`JSON_VERSION`] when written.
    pub version: u32,
    /// What the user calls the comparison; empty until named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The original text.
    pub original: String,
    /// The reworked text.
    pub reworked: String,
    /// The correction note.
    #[serde(default)]
    pub note: String,
    /// The comparison options.
    #[serde(default)]
    pub options: Options,
    /// The view.
    #[serde(default)]
    pub view: View,
    /// [`History::fingerprint`]: of the texts and the note for two versions, of every version
    /// for a longer history.
    #[serde(default)]
    pub fingerprint: String,
    /// Every version, oldest first, when the export is of a version history (more than two
    /// versions, labels, or a note on the first) or its versions have sources; empty for a
    /// plain pair without sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<Version>,
    /// Which two of `versions` are `original` and `reworked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compared: Option<[usize; 2]>,
    /// What each step of the history changed, and the changes undone (not read when
    /// importing, which makes them again from the texts).
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub steps: Option<HistorySummary>,
    /// The comparison of the two texts with these options (not read when importing).
    #[serde(default, skip_deserializing)]
    pub comparison: Comparison,
    /// The note (given, else detected in the reworked text) checked against the changes
    /// (not read when importing: reading it would put the note check's readers in the web
    /// app's download for fields it throws away).
    #[serde(default, skip_deserializing)]
    pub reconciliation: Reconciliation,
}

/// The note an export checks: the one given, else the one the reworked text carries
/// ([`carried_note`], as the page shows it).
fn effective_note(shared: &Shared, comparison: &Comparison) -> String {
    if !shared.note.trim().is_empty() {
        return shared.note.clone();
    }
    carried_note(&shared.reworked, comparison).unwrap_or_default()
}

/// The reworked article's headline: the first line of its article when it is a whole page.
fn article_headline<'a>(reworked: &'a str, comparison: &Comparison) -> &'a str {
    let article = match comparison.articles {
        Some([_, [start, end]]) => reworked.get(start..end).unwrap_or(reworked),
        None => reworked,
    };
    crate::model::headline(article)
}

/// The comparison of `shared`'s texts and its reconciliation with the note.
fn analyse(shared: &Shared) -> (Comparison, Reconciliation) {
    let comparison = compare_with_options(&shared.original, &shared.reworked, &shared.options);
    let reconciliation = reconcile(
        &effective_note(shared, &comparison),
        &comparison,
        &shared.original,
        &shared.reworked,
    );
    (comparison, reconciliation)
}

/// The facts as lines: `number (change 2): $50,000 → $30,000, not mentioned in the note`.
fn fact_lines(comparison: &Comparison, reconciliation: &Reconciliation) -> Vec<String> {
    comparison
        .facts
        .iter()
        .map(|fact| {
            let shown = |text: &str| {
                if text.is_empty() {
                    "(none)".to_owned()
                } else {
                    text.to_owned()
                }
            };
            let explained = reconciliation
                .explained
                .get(fact.change)
                .copied()
                .unwrap_or(false);
            let of_note = reconciliation
                .note_parts
                .get(fact.change)
                .copied()
                .flatten()
                .is_some();
            format!(
                "{} (change {}): {} → {}, {}",
                fact.kind.label(),
                fact.change + 1,
                shown(&fact.old),
                shown(&fact.new),
                if of_note {
                    "part of the note"
                } else if explained {
                    "explained by the note"
                } else {
                    "not mentioned in the note"
                }
            )
        })
        .collect()
}

/// The correction note as schema.org `CorrectionComment` JSON-LD, with Redline's summary of
/// how the note matches the changes as its description. The article it is about carries the
/// reworked version's address as `url` and its capture time as `dateModified` (the article
/// was changed by then), when they are known and the time reads as an ISO 8601 date; the
/// correction's `datePublished` is the capture time of the reworked version when the original
/// was captured too, since the correction appeared between the two captures and no later than
/// the second.
///
/// ```
/// use redline_engine::formats::export::json_ld;
/// use redline_engine::formats::share::{History, Shared};
///
/// let shared = Shared { original: "Title\n\nIt cost $5.".into(), reworked: "Title\n\nIt cost $6.".into(), note: "Correction: the cost was $6.".into(), ..Shared::default() };
/// let mut history = History::from(shared);
/// history.versions[1].source.url = "https://news.example/cost".into();
/// history.versions[1].source.captured = "2025-03-14 09:30".into();
/// let json: serde_json::Value = serde_json::from_str(&json_ld(&history)).unwrap();
/// assert_eq!(json["@type"], "CorrectionComment");
/// assert_eq!(json["text"], "Correction: the cost was $6.");
/// assert_eq!(json["about"]["url"], "https://news.example/cost");
/// assert_eq!(json["about"]["dateModified"], "2025-03-14T09:30");
/// ```
pub fn json_ld(history: &History) -> String {
    let shared = &history.pair();
    let (comparison, reconciliation) = analyse(shared);
    let (before, after) = (
        &history.versions[history.from].source,
        &history.versions[history.to].source,
    );
    let mut about = serde_json::json!({
        "@type": "Article",
        "headline": article_headline(&shared.reworked, &comparison),
    });
    let url = [&after.url, &before.url]
        .into_iter()
        .map(|url| url.trim())
        .find(|url| is_web_address(url));
    if let Some(url) = url {
        about["url"] = url.into();
    }
    if let Some(modified) = after.iso_captured() {
        about["dateModified"] = modified.into();
    }
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "CorrectionComment",
        "text": effective_note(shared, &comparison).trim(),
        "description": reconciliation.summary,
        "about": about,
        "comment": fact_lines(&comparison, &reconciliation)
            .into_iter()
            .map(|line| serde_json::json!({ "@type": "Comment", "text": line }))
            .collect::<Vec<_>>(),
    });
    if let (Some(_), Some(published)) = (before.iso_captured(), after.iso_captured()) {
        value["datePublished"] = published.into();
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// What a report says of itself beyond the comparison: when it was made, and the way back to
/// the comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Made {
    /// When the report was made, as the reader's clock says it (`2026-12-02 21:30`); empty
    /// leaves it out.
    pub on: String,
    /// The comparison's share link; left out of the report when it is longer than
    /// [`MAX_REPORT_LINK_CHARS`].
    pub link: Option<String>,
}

/// The longest share link a report prints: a longer one (a long article's) would fill pages
/// of the printed report, so the report says where to find the comparison instead.
pub const MAX_REPORT_LINK_CHARS: usize = 8_000;

/// The comparison's title: the one the user gave, else the reworked article's headline.
fn report_title<'a>(history: &'a History, reworked: &'a str, comparison: &Comparison) -> &'a str {
    match history.title.trim() {
        "" => article_headline(reworked, comparison),
        title => title,
    }
}

/// Each version with a source, as (what it is called, its source): "original" and "reworked"
/// for a pair, the version's name in a history.
fn sources(history: &History) -> Vec<(String, &Source)> {
    history
        .versions
        .iter()
        .enumerate()
        .filter(|(_, version)| !version.source.is_empty())
        .map(|(idx, version)| {
            let name = if history.is_plain_pair() {
                ["Original", "Reworked"][idx].to_owned()
            } else {
                let name = version_name(history, idx);
                let mut chars = name.chars();
                chars.next().map_or(name.clone(), |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            };
            (name, &version.source)
        })
        .collect()
}

/// A file name for a download of `history`: its title in lower-case words joined by `-`
/// (letters and digits of any script, at most 60 characters), then `date`, then `extension`;
/// `redline` stands in for a comparison without a title.
///
/// ```
/// use redline_engine::formats::export::file_name;
/// use redline_engine::formats::share::{History, Shared};
///
/// let mut history = History::from(Shared { reworked: "Council backs £5m harbour plan".into(), ..Shared::default() });
/// assert_eq!(file_name(&history, "2026-12-02", "html"), "council-backs-5m-harbour-plan-2026-12-02.html");
/// history.title = "Ça change: l'été".into();
/// assert_eq!(file_name(&history, "2026-12-02", "md"), "ça-change-l-été-2026-12-02.md");
/// ```
pub fn file_name(history: &History, date: &str, extension: &str) -> String {
    let title = match history.title.trim() {
        "" => crate::formats::library::title_of(history),
        title => title.to_owned(),
    };
    let mut stem = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if stem.chars().count() + word.chars().count() > 60 {
            break;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.extend(word.chars().flat_map(char::to_lowercase));
    }
    if stem.is_empty() || title == "Untitled comparison" {
        stem = "redline".to_owned();
    }
    if date.is_empty() {
        format!("{stem}.{extension}")
    } else {
        format!("{stem}-{date}.{extension}")
    }
}

/// The JSON export of `history` (compact; a reader that wants it pretty can reformat it).
pub fn to_json_export(history: &History) -> JsonExport {
    let shared = history.pair();
    let (comparison, reconciliation) = analyse(&shared);
    let is_history = !history.is_plain_pair();
    let has_sources = history
        .versions
        .iter()
        .any(|version| !version.source.is_empty());
    JsonExport {
        format: JSON_FORMAT.to_owned(),
        version: JSON_VERSION,
        title: history.title.clone(),
        fingerprint: history.fingerprint(),
        versions: if is_history || has_sources {
            history.versions.clone()
        } else {
            Vec::new()
        },
        compared: is_history.then_some([history.from, history.to]),
        steps: is_history.then(|| summarize_history(history)),
        original: shared.original,
        reworked: shared.reworked,
        note: shared.note,
        options: shared.options,
        view: shared.view,
        comparison,
        reconciliation,
    }
}

/// [`summarize`] over every version of `history`.
fn summarize_history(history: &History) -> HistorySummary {
    let texts: Vec<&str> = history
        .versions
        .iter()
        .map(|version| version.text.as_str())
        .collect();
    summarize(&texts, &history.options)
}

/// Reads a JSON export back, or says in one sentence why it cannot.
///
/// ```
/// use redline_engine::formats::export::{import_json, to_json_export};
/// use redline_engine::formats::share::{History, Shared};
///
/// let shared = Shared { original: "a b".into(), reworked: "a c".into(), ..Shared::default() };
/// let json = serde_json::to_string(&to_json_export(&History::from(shared.clone()))).unwrap();
/// assert_eq!(import_json(&json).unwrap().pair(), shared);
/// assert!(import_json("{}").unwrap_err().contains("not a Redline export"));
/// ```
pub fn import_json(json: &str) -> Result<History, String> {
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let header: Header = serde_json::from_str(json)
        .map_err(|err| format!("This file is not valid JSON ({err})."))?;
    if header.format.as_deref() != Some(JSON_FORMAT) {
        return Err(
            "This JSON file is not a Redline export (its \"format\" is not \"redline\")."
                .to_owned(),
        );
    }
    match header.version {
        Some(JSON_VERSION) => {}
        Some(version) => {
            return Err(format!(
                "This Redline export is version {version}; this Redline reads version {JSON_VERSION}."
            ));
        }
        None => return Err("This Redline export has no version.".to_owned()),
    }
    let export: JsonExport = serde_json::from_str(json)
        .map_err(|err| format!("This Redline export is damaged ({err})."))?;
    if export.versions.is_empty() {
        return Ok(History {
            title: export.title,
            ..History::from(Shared {
                original: export.original,
                reworked: export.reworked,
                note: export.note,
                options: export.options,
                view: export.view,
                focus: None,
            })
        });
    }
    let n = export.versions.len();
    let [from, to] = export
        .compared
        .unwrap_or([n.saturating_sub(2), n.saturating_sub(1)]);
    if !(2..=crate::formats::share::MAX_VERSIONS).contains(&n) || from >= n || to >= n || from == to
    {
        return Err(format!(
            "This Redline export is damaged (its {n} versions and the pair it compares, {from} and {to}, do not fit)."
        ));
    }
    Ok(History {
        title: export.title,
        versions: export.versions,
        from,
        to,
        options: export.options,
        view: export.view,
        focus: None,
    })
}

/// What version `idx` of `history` is called.
fn version_name(history: &History, idx: usize) -> String {
    crate::history::version_name(idx, &history.versions[idx].label)
}

/// A history's versions as lines for the reader: name, what the step to it changed, its note.
fn version_lines(history: &History, summary: &HistorySummary) -> Vec<(String, String)> {
    history
        .versions
        .iter()
        .enumerate()
        .map(|(idx, version)| {
            let mut line = version_name(history, idx);
            if let Some(step) = idx.checked_sub(1).and_then(|step| summary.steps.get(step)) {
                let plural =
                    |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
                line.push_str(&format!(
                    ": {} added, {} removed, {}",
                    plural(step.words_added, "word"),
                    plural(step.words_removed, "word"),
                    plural(step.n_changes, "change"),
                ));
            }
            if idx == history.from || idx == history.to {
                line.push_str(if idx == history.from {
                    " (compared from)"
                } else {
                    " (compared to)"
                });
            }
            (line, version.note.trim().to_owned())
        })
        .collect()
}

/// The changes undone between the two compared versions, as sentences.
fn reverted_lines(history: &History, summary: &HistorySummary) -> Vec<String> {
    let labels: Vec<&str> = history
        .versions
        .iter()
        .map(|version| version.label.as_str())
        .collect();
    summary
        .reverted_between(history.from, history.to)
        .map(|reverted| reverted.describe(&labels))
        .collect()
}

/// The one-line summary of the stats, as in the page.
fn stats_lines(comparison: &Comparison) -> Vec<String> {
    let stats = &comparison.stats;
    let percent = match stats.words_change_percent() {
        Some(0) => " (±0%)".to_owned(),
        Some(percent) => format!(" ({percent:+}%)").replace('-', "−"),
        None => String::new(),
    };
    let mut lines = vec![
        format!(
            "{} words → {} words{percent} · {} added · {} removed",
            stats.original_words, stats.reworked_words, stats.words_added, stats.words_removed
        ),
        format!(
            "Paragraphs: {} changed · {} removed · {} added · {} moved",
            stats.paragraphs_changed,
            stats.paragraphs_removed,
            stats.paragraphs_added,
            stats.paragraphs_moved
        ),
        comparison.headline_summary().to_owned(),
        format!(
            "{} numbered changes · {} cosmetic changes (not marked)",
            comparison.n_changes, stats.cosmetic_changes
        ),
    ];
    if comparison.articles.is_some() {
        lines.push(
            "The articles are compared: the page around them (menus, teasers, footer) is left out"
                .to_owned(),
        );
    }
    lines
}

/// Escapes text for HTML content and attribute values.
fn escape_html(text: &str) -> String {
    let mut res = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => res.push_str("&amp;"),
            '<' => res.push_str("&lt;"),
            '>' => res.push_str("&gt;"),
            '"' => res.push_str("&quot;"),
            '\'' => res.push_str("&#39;"),
            c => res.push(c),
        }
    }
    res
}

/// The label of a moved paragraph's end.
fn move_label(kind: BlockKind, move_id: Option<usize>) -> Option<String> {
    let id = move_id? + 1;
    match kind {
        BlockKind::MovedFrom => Some(format!("Moved away from here (move {id})")),
        BlockKind::MovedTo => Some(format!("Moved here (move {id})")),
        _ => None,
    }
}

/// Whether a segment is drawn as a change (cosmetic changes are shown as the reworked text).
fn is_marked(segment: &Segment) -> bool {
    segment.kind != SegmentKind::Equal && !segment.cosmetic
}

/// A self-contained HTML report: inline CSS, no script, every text escaped. Its header names
/// the comparison, when the report was made ([`Made`]), its fingerprint, the sources of the
/// versions with their capture times, and the link back to the comparison.
///
/// ```
/// use redline_engine::formats::export::{html_report, Made};
/// use redline_engine::formats::share::{History, Shared};
///
/// let shared = Shared { original: "<b>60,000</b> homes".into(), reworked: "25,000 homes".into(), ..Shared::default() };
/// let mut history = History::from(shared);
/// history.versions[1].source.url = "https://news.example/homes".into();
/// history.versions[1].source.captured = "2025-03-14 09:30".into();
/// let made = Made { on: "2026-12-02 21:30".into(), link: Some("https://redline.example/#v5.x".into()) };
/// let html = html_report(&history, &made);
/// assert!(html.contains("<del>&lt;b&gt;60,000&lt;/b&gt;</del>"));
/// assert!(html.contains("made on 2026-12-02 21:30"));
/// assert!(html.contains("<a href=\"https://news.example/homes\">https://news.example/homes</a>, captured 2025-03-14 09:30"));
/// assert!(html.contains("<a href=\"https://redline.example/#v5.x\">Open this comparison in Redline</a>"));
/// assert!(!html.contains("<script"));
/// ```
pub fn html_report(history: &History, made: &Made) -> String {
    let shared = &history.pair();
    let (comparison, reconciliation) = analyse(shared);
    let mut html = String::new();
    let title = report_title(history, &shared.reworked, &comparison);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>Redline: {}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n<main>\n\
         <header>\n<h1>{}</h1>\n",
        escape_html(if title.is_empty() {
            "Comparison"
        } else {
            title
        }),
        heading(title, escape_html)
    );
    let _ = writeln!(
        html,
        "<p class=\"meta\">{}</p>",
        made_line(history, made, escape_html)
    );
    let sources = sources(history);
    if !sources.is_empty() {
        html.push_str("<ul class=\"sources\">\n");
        let link = |url: &str| format!("<a href=\"{0}\">{0}</a>", escape_html(url));
        for (name, source) in sources {
            let _ = writeln!(
                html,
                "<li>{}: {}</li>",
                escape_html(&name),
                source_line(source, escape_html, link)
            );
        }
        html.push_str("</ul>\n");
    }
    match printed_link(made) {
        Some(Ok(link)) => {
            let _ = writeln!(
                html,
                "<p class=\"meta\"><a href=\"{}\">Open this comparison in Redline</a></p>",
                escape_html(link)
            );
        }
        Some(Err(())) => html.push_str(
            "<p class=\"meta\">The link to this comparison is too long to print here: it is kept \
             in the browser it was made in.</p>\n",
        ),
        None => {}
    }
    html.push_str("</header>\n");
    if !history.is_plain_pair() {
        let summary = summarize_history(history);
        let _ = writeln!(
            html,
            "<section><h2>Versions</h2>\n<p>Compared: {} → {}.</p>\n<ol class=\"versions\">",
            escape_html(&version_name(history, history.from)),
            escape_html(&version_name(history, history.to)),
        );
        for (line, note) in version_lines(history, &summary) {
            let _ = write!(html, "<li>{}", escape_html(&line));
            if !note.is_empty() {
                let _ = write!(
                    html,
                    "<p class=\"note\" dir=\"auto\">{}</p>",
                    escape_html(&note)
                );
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ol>\n");
        let reverted = reverted_lines(history, &summary);
        if !reverted.is_empty() {
            html.push_str(
                "<h3>Changed and changed back</h3>\n<p>These changes were made and later undone, \
                 so the differences below do not show them.</p>\n<ul>\n",
            );
            for line in reverted {
                let _ = writeln!(html, "<li>{}</li>", escape_html(&line));
            }
            html.push_str("</ul>\n");
        }
        html.push_str("</section>\n");
    }
    let note = effective_note(shared, &comparison);
    if !note.trim().is_empty() {
        let _ = writeln!(
            html,
            "<section><h2>Correction note</h2>\n<p class=\"note\" dir=\"auto\">{}</p></section>",
            escape_html(note.trim())
        );
    }
    let _ = writeln!(
        html,
        "<section><h2>The note and the changes</h2>\n<p><strong>{}</strong></p>",
        escape_html(&reconciliation.summary)
    );
    let facts = fact_lines(&comparison, &reconciliation);
    if !facts.is_empty() {
        html.push_str("<h3>Facts changed</h3>\n<ul>\n");
        for line in facts {
            let _ = writeln!(html, "<li>{}</li>", escape_html(&line));
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</section>\n");
    html.push_str("<section><h2>What changed</h2>\n<ul>\n");
    for line in stats_lines(&comparison) {
        let _ = writeln!(html, "<li>{}</li>", escape_html(&line));
    }
    html.push_str(
        "</ul>\n<p class=\"legend\">Legend: <del>deleted text</del> is struck through, \
         <ins>inserted text</ins> is underlined; a bar marks a moved paragraph.</p>\n</section>\n\
         <section><h2>Differences</h2>\n<div class=\"diff\">",
    );
    // The page around an article (its frame) is left out: the report is the article's.
    for block in &comparison.blocks[comparison.article_blocks()] {
        let kind = format!("{block_kind:?}", block_kind = block.kind).to_lowercase();
        let _ = write!(html, "<div class=\"block {kind}\" dir=\"auto\">");
        if let Some(label) = move_label(block.kind, block.move_id) {
            let _ = write!(html, "<span class=\"label\">{label}: </span>");
        }
        for segment in &block.segments {
            let text = escape_html(&segment.text);
            match (segment.kind, is_marked(segment)) {
                (SegmentKind::Delete, true) => {
                    let _ = write!(html, "<del>{text}</del>");
                }
                (SegmentKind::Insert, true) => {
                    let _ = write!(html, "<ins>{text}</ins>");
                }
                // Cosmetic deletions are left out: the report reads as the reworked text.
                (SegmentKind::Delete, false) => {}
                _ => html.push_str(&text),
            }
        }
        // No line break between blocks: the diff is `pre-wrap`, and each block already ends
        // with its own line breaks.
        html.push_str("</div>");
    }
    html.push_str("\n</div>\n</section>\n</main>\n</body>\n</html>\n");
    html
}

/// A source as one line of a report: each part escaped by `escape`, the web addresses written
/// as links by `link`.
fn source_line(
    source: &Source,
    escape: impl Fn(&str) -> String,
    link: impl Fn(&str) -> String,
) -> String {
    source
        .parts()
        .iter()
        .map(|part| {
            let text = if part.link {
                link(part.text)
            } else {
                escape(part.text)
            };
            format!("{}{text}", part.before)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The report's heading: "How the article changed", and the title when there is one.
fn heading(title: &str, escape: impl Fn(&str) -> String) -> String {
    if title.is_empty() {
        "How the article changed".to_owned()
    } else {
        format!("How the article changed: {}", escape(title))
    }
}

/// The line under the heading: Redline, when the report was made, the fingerprint.
fn made_line(history: &History, made: &Made, escape: impl Fn(&str) -> String) -> String {
    let made_on = match made.on.trim() {
        "" => String::new(),
        on => format!(", made on {}", escape(on)),
    };
    format!(
        "Compared with Redline{made_on} · fingerprint {}",
        history.fingerprint()
    )
}

/// The share link a report prints, unless it is longer than [`MAX_REPORT_LINK_CHARS`]
/// (`Err(())`); `None` when there is none.
fn printed_link(made: &Made) -> Option<Result<&str, ()>> {
    made.link.as_deref().map(|link| {
        if link.chars().count() <= MAX_REPORT_LINK_CHARS {
            Ok(link)
        } else {
            Err(())
        }
    })
}

/// The report's styles: readable on screen and on paper, light and dark.
const REPORT_CSS: &str = "\
body{margin:0;font:16px/1.55 system-ui,sans-serif;background:Canvas;color:CanvasText}\
main{max-width:50rem;margin:0 auto;padding:1rem 1.25rem 3rem}\
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}\
.meta,.legend{color:GrayText;font-size:.9rem}.sources{padding-left:1.2rem;overflow-wrap:anywhere}\
.note{white-space:pre-wrap;border-left:4px solid #b3261e;padding-left:.75rem}\
.diff{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,serif;font-size:1.05rem}\
del{background:#fde2e1;color:#8a1c16;text-decoration:line-through}\
ins{background:#dcf3e2;color:#145c2c;text-decoration:underline}del+ins,ins+del{margin-left:.2em}\
.movedfrom,.movedto{border-left:3px solid #1a5fb4;padding-left:.6rem}.movedfrom{border-left-style:dashed}\
.label{font:600 .8rem system-ui,sans-serif;color:GrayText}\
@media print{body{font-size:11pt}del,ins{print-color-adjust:exact}}";

/// Markdown with `~~deleted~~` and `**inserted**`, for issue trackers and chat; the same header
/// as the [HTML report](html_report).
///
/// ```
/// use redline_engine::formats::export::{markdown, Made};
/// use redline_engine::formats::share::{History, Shared};
///
/// let shared = Shared { original: "The *cat* sat.".into(), reworked: "The dog sat.".into(), ..Shared::default() };
/// let mut history = History::from(shared);
/// assert!(markdown(&history, &Made::default()).contains("The ~~\\*cat\\*~~**dog** sat."));
/// history.title = "Cat or dog".into();
/// history.versions[0].source.archived = "https://web.archive.org/web/2025/https://news.example/pets".into();
/// let md = markdown(&history, &Made { on: "2026-12-02".into(), link: None });
/// assert!(md.starts_with("## How the article changed: Cat or dog\n\nCompared with Redline, made on 2026-12-02 · fingerprint "));
/// assert!(md.contains("- Original: archived copy <https://web.archive.org/web/2025/https://news.example/pets>\n"));
/// ```
pub fn markdown(history: &History, made: &Made) -> String {
    let shared = &history.pair();
    let (comparison, reconciliation) = analyse(shared);
    let title = report_title(history, &shared.reworked, &comparison);
    let mut md = format!(
        "## {}\n\n{}\n\n",
        heading(title, escape_markdown),
        made_line(history, made, escape_markdown)
    );
    let sources = sources(history);
    if !sources.is_empty() {
        for (name, source) in sources {
            let line = source_line(source, escape_markdown, |url| format!("<{url}>"));
            let _ = writeln!(md, "- {name}: {line}");
        }
        md.push('\n');
    }
    if let Some(Ok(link)) = printed_link(made) {
        let _ = writeln!(md, "[Open this comparison in Redline](<{link}>)\n");
    }
    if !history.is_plain_pair() {
        let summary = summarize_history(history);
        let _ = writeln!(
            md,
            "Compared: {} → {}.\n\nVersions:\n",
            escape_markdown(&version_name(history, history.from)),
            escape_markdown(&version_name(history, history.to)),
        );
        for (idx, (line, note)) in version_lines(history, &summary).into_iter().enumerate() {
            let _ = writeln!(md, "{}. {}", idx + 1, escape_markdown(&line));
            for note_line in note.lines().filter(|line| !line.trim().is_empty()) {
                let _ = writeln!(md, "   > {}", escape_markdown(note_line));
            }
        }
        md.push('\n');
        let reverted = reverted_lines(history, &summary);
        if !reverted.is_empty() {
            md.push_str("Changed and changed back (not in the differences below):\n\n");
            for line in reverted {
                let _ = writeln!(md, "- {}", escape_markdown(&line));
            }
            md.push('\n');
        }
    }
    let note = effective_note(shared, &comparison);
    if !note.trim().is_empty() {
        for line in note.trim().lines() {
            let _ = writeln!(md, "> {}", escape_markdown(line));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "**{}**\n", escape_markdown(&reconciliation.summary));
    let facts = fact_lines(&comparison, &reconciliation);
    if !facts.is_empty() {
        md.push_str("Facts changed:\n\n");
        for line in facts {
            let _ = writeln!(md, "- {}", escape_markdown(&line));
        }
        md.push('\n');
    }
    for line in stats_lines(&comparison) {
        let _ = writeln!(md, "- {line}");
    }
    md.push_str("\n---\n\n");
    // The page around an article (its frame) is left out: the report is the article's.
    for block in &comparison.blocks[comparison.article_blocks()] {
        let mut paragraph = String::new();
        if let Some(label) = move_label(block.kind, block.move_id) {
            let _ = write!(paragraph, "_{label}:_ ");
        }
        for segment in &block.segments {
            match (segment.kind, is_marked(segment)) {
                (SegmentKind::Delete, true) => paragraph.push_str(&wrap_lines(&segment.text, "~~")),
                (SegmentKind::Insert, true) => paragraph.push_str(&wrap_lines(&segment.text, "**")),
                (SegmentKind::Delete, false) => {}
                _ => paragraph.push_str(&escape_markdown(&segment.text)),
            }
        }
        // Every block is its own Markdown paragraph, even where the text had one line break
        // (a deleted last paragraph followed by an inserted one).
        md.push_str(paragraph.trim_end_matches('\n'));
        md.push_str("\n\n");
    }
    md.truncate(md.trim_end().len());
    md.push('\n');
    md
}

/// Wraps each line of `text` in `marker`, keeping the whitespace around the words outside the
/// markers (CommonMark ignores `**` next to a space), and escaping the text.
fn wrap_lines(text: &str, marker: &str) -> String {
    let mut res = String::new();
    for (idx, line) in text.split('\n').enumerate() {
        if idx > 0 {
            res.push('\n');
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            res.push_str(line);
            continue;
        }
        let start = line.len() - line.trim_start().len();
        let end = start + trimmed.len();
        let _ = write!(
            res,
            "{}{marker}{}{marker}{}",
            &line[..start],
            escape_markdown(trimmed),
            &line[end..]
        );
    }
    res
}

/// Escapes the characters that Markdown (CommonMark and GitHub's) would read as markup.
fn escape_markdown(text: &str) -> String {
    let mut res = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '{' | '}'
        ) {
            res.push('\\');
        }
        res.push(c);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example;

    fn example() -> Shared {
        Shared {
            original: example::ORIGINAL.to_owned(),
            reworked: example::REWORKED.to_owned(),
            note: "Correction: the <cost> was misstated.".to_owned(),
            ..Shared::default()
        }
    }

    #[test]
    fn html_report_is_self_contained_and_escaped() {
        let html = html_report(&example().into(), &Made::default());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("http"), "no external resource");
        assert!(html.contains("Correction: the &lt;cost&gt; was misstated."));
        assert!(html.contains("<del>$4.2</del><ins>$2.4</ins>"));
        assert!(html.contains("Moved here (move 1)"));
        assert!(html.contains("Headline changed"));
    }

    #[test]
    fn sources_are_escaped_and_only_web_addresses_are_links() {
        let mut history: History = example().into();
        history.versions[1].source = Source {
            url: "javascript:alert(1)".into(),
            archived: "https://web.archive.org/web/2025/x?a=1&b=\"2\"".into(),
            captured: "<b>today</b>".into(),
        };
        let html = html_report(&history, &Made::default());
        assert!(html.contains(
            "<li>Reworked: javascript:alert(1), archived copy <a href=\"https://web.archive.org/web/2025/x?a=1&amp;b=&quot;2&quot;\">https://web.archive.org/web/2025/x?a=1&amp;b=&quot;2&quot;</a>, captured &lt;b&gt;today&lt;/b&gt;</li>"
        ), "{html}");
        let md = markdown(&history, &Made::default());
        assert!(md.contains("captured \\<b\\>today\\</b\\>"), "{md}");
    }

    #[test]
    fn markdown_marks_and_escapes() {
        let md = markdown(&example().into(), &Made::default());
        assert!(md.contains("> Correction: the \\<cost\\> was misstated."));
        assert!(md.contains("~~$4.2~~**$2.4**"), "{md}");
        assert!(md.contains("~~Two councillors voted against the plan, saying the money should go to the library roof instead.~~"));
        assert_eq!(
            wrap_lines("  two words \n\nnext", "**"),
            "  **two words** \n\n**next**"
        );
    }

    #[test]
    fn json_round_trip_and_errors() {
        let shared = Shared {
            view: View::SideBySide,
            ..example()
        };
        let json = serde_json::to_string(&to_json_export(&shared.clone().into())).unwrap();
        assert_eq!(import_json(&json).unwrap(), History::from(shared));
        assert!(
            import_json("not json")
                .unwrap_err()
                .contains("not valid JSON")
        );
        assert!(
            import_json(r#"{"format":"redline","version":2}"#)
                .unwrap_err()
                .contains("version 2")
        );
        assert!(
            import_json(r#"{"format":"redline","version":1}"#)
                .unwrap_err()
                .contains("damaged")
        );
    }

    fn three_versions() -> History {
        let version = |text: &str, label: &str, note: &str| Version {
            text: text.to_owned(),
            label: label.to_owned(),
            note: note.to_owned(),
            ..Version::default()
        };
        History {
            from: 0,
            ..History::from_versions(vec![
                version("Title\n\nThe plan cost $5 million.", "Mon 9:00", ""),
                version("Title\n\nThe plan cost $7 million.", "Mon <11:00>", ""),
                version(
                    "Title\n\nThe plan cost $5 million, the council said.",
                    "Tue",
                    "Correction: the cost was misstated.",
                ),
            ])
        }
    }

    #[test]
    fn a_history_exports_its_versions_and_what_was_undone() {
        let history = three_versions();
        let html = html_report(&history, &Made::default());
        assert!(html.contains("Compared: version 1 (Mon 9:00) → version 3 (Tue)."));
        assert!(
            html.contains("version 2 (Mon &lt;11:00&gt;): 1 word added, 1 word removed, 1 change")
        );
        assert!(html.contains(
            "Version 2 (Mon &lt;11:00&gt;) changed “$5” to “$7” after “…The plan cost”; version 3 (Tue) changed it back."
        ), "{html}");
        let md = markdown(&history, &Made::default());
        assert!(
            md.contains("3. version 3 (Tue): 4 words added, 1 word removed"),
            "{md}"
        );
        assert!(md.contains("   > Correction: the cost was misstated."));
        assert!(md.contains("Changed and changed back"));

        let json = serde_json::to_string(&to_json_export(&history)).unwrap();
        let export: JsonExport = serde_json::from_str(&json).unwrap();
        assert_eq!(export.compared, Some([0, 2]));
        let written: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(written["steps"]["reverted"].as_array().unwrap().len(), 1);
        assert_eq!(export.fingerprint, history.fingerprint());
        assert_eq!(import_json(&json).unwrap(), history);

        let broken = json.replace("\"compared\":[0,2]", "\"compared\":[0,7]");
        assert!(import_json(&broken).unwrap_err().contains("do not fit"));
    }
}
