//! What each command does once its arguments are parsed: read the files, call the engine, print.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use redline_engine::formats::share::{self, History, Shared, Version};
use redline_engine::formats::{export, page};
use redline_engine::{
    Comparison, SegmentKind, carried_note, compare_with_options, detect_notes, reconcile,
};

use crate::{ColourChoice, Command, CompareFormat, CompareOptions, ExportFormat, PageForm};

/// Reads a page in the form asked for, and says whether it was read as HTML.
fn read_page(text: &str, form: PageForm) -> (page::Page, bool) {
    let html = match form {
        PageForm::Auto => None,
        PageForm::Html => Some(true),
        PageForm::Text => Some(false),
    };
    page::read_any(text, html)
}

/// The text `compare` compares: the article, when the text is HTML or a whole page, else the
/// text as it is.
fn article_of(text: String) -> String {
    let (page, is_html) = read_page(&text, PageForm::Auto);
    if is_html {
        return page.article_text();
    }
    // A copied page is compared as the app compares it: from the article's headline on.
    match page::find_article(&text) {
        Some(article) => text[article].to_owned(),
        None => text,
    }
}

fn print_extract(text: &str, json: bool, form: PageForm) -> Result<(), String> {
    let (page, is_html) = read_page(text, form);
    let mut out = std::io::stdout().lock();
    let res = if json {
        serde_json::to_writer_pretty(&mut out, &page.to_json(is_html))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        writeln!(out, "{}", page.article_text())
    };
    write_result(res)
}

/// Runs one command; `Err` is the one-line message for bad input.
pub fn run(command: Command) -> Result<ExitCode, String> {
    let mut stdin = Stdin::default();
    match command {
        Command::Compare {
            original,
            reworked,
            note,
            format,
            json,
            whole_pages,
            colour,
            options,
        } => {
            let mut shared = stdin.read_pair(
                &original,
                &reworked,
                note.as_deref(),
                &options,
                !whole_pages,
            )?;
            shared.options.whole_pages = whole_pages;
            let format = if json { CompareFormat::Json } else { format };
            compare(shared, format, colour.choice)
        }
        Command::Extract { file, json, form } => {
            print_extract(&stdin.read(&file)?, json, form)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Notes { file, json } => {
            print_notes(&stdin.read(&file)?, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Link {
            versions,
            note,
            note_for,
            label_for,
            base_url,
            view,
            options,
        } => {
            let mut notes: Vec<(Option<String>, String)> =
                note.into_iter().map(|path| (None, path)).collect();
            notes.extend(pairs(note_for).map(|(k, path)| (Some(k), path)));
            let versions = versions
                .iter()
                .map(|path| {
                    Ok(Version {
                        text: stdin.read(path)?,
                        ..Version::default()
                    })
                })
                .collect::<Result<Vec<_>, String>>()?;
            let mut history = History::from_versions(versions);
            history.options = options.to_options();
            history.view = view.into();
            for (number, path) in notes {
                let idx = version_index(&history, number.as_deref(), "--note-for")?;
                history.versions[idx].note = stdin.read(&path)?;
            }
            for (number, label) in pairs(label_for) {
                let idx = version_index(&history, Some(&number), "--label-for")?;
                history.versions[idx].label = label;
            }
            let base_url = base_url.split('#').next().unwrap_or_default();
            // A link is only opened where Redline is published; an address without its
            // scheme ("example.org/redline/") would print something no one can open.
            if !base_url.is_empty() && !share::is_web_address(base_url) {
                return Err(format!(
                    "--base-url (or REDLINE_BASE_URL) must be the address of a published Redline, starting with https:// or http://, not '{base_url}'; an empty one prints the fragment alone"
                ));
            }
            let fragment = share::encode_any(&history);
            write_result(writeln!(std::io::stdout(), "{base_url}#{fragment}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Open { link, json } => {
            open_link(&link, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch {
            input,
            output,
            jobs,
            full,
            progress,
            options,
        } => crate::batch::run(crate::batch::Batch {
            input,
            output,
            jobs,
            progress: match progress {
                ColourChoice::Auto => None,
                ColourChoice::Always => Some(true),
                ColourChoice::Never => Some(false),
            },
            settings: redline_engine::formats::batch::Settings {
                options: options.to_options(),
                full,
            },
        }),
        Command::Export {
            original,
            reworked,
            note,
            format,
            options,
        } => {
            let shared = stdin.read_pair(&original, &reworked, note.as_deref(), &options, false)?;
            let history = History::from(shared);
            let output = match format {
                ExportFormat::Html => export::html_report(&history, &export::Made::default()),
                ExportFormat::Markdown => export::markdown(&history, &export::Made::default()),
                ExportFormat::Json => serde_json::to_string(&export::to_json_export(&history))
                    .map_err(|err| err.to_string())?,
            };
            write_result(writeln!(std::io::stdout(), "{}", output.trim_end()))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `[K, VALUE, K, VALUE, …]` as pairs; clap has checked that each option got two values.
fn pairs(values: Vec<String>) -> impl Iterator<Item = (String, String)> {
    let mut values = values.into_iter();
    std::iter::from_fn(move || Some((values.next()?, values.next()?)))
}

/// The index of version `number` (counted from 1; the last version when `None`).
fn version_index(history: &History, number: Option<&str>, flag: &str) -> Result<usize, String> {
    let n = history.versions.len();
    let Some(number) = number else {
        return Ok(n - 1);
    };
    let number: usize = number
        .parse()
        .ok()
        .filter(|&number| number >= 1)
        .ok_or(format!(
            "{flag} needs a version number (1 for the first file), not '{number}'"
        ))?;
    (number <= n)
        .then(|| number - 1)
        .ok_or(format!("there is no version {number} among {n} files"))
}

/// Prints a comparison of `shared` in `format`; exit code 1 when the texts differ.
fn compare(
    shared: Shared,
    format: CompareFormat,
    colour: ColourChoice,
) -> Result<ExitCode, String> {
    let comparison = compare_with_options(&shared.original, &shared.reworked, &shared.options);
    let outcome = if comparison.has_changes() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    let mut out = std::io::stdout().lock();
    let res = match format {
        CompareFormat::Html | CompareFormat::Markdown => {
            let history = History::from(shared);
            let output = if format == CompareFormat::Html {
                export::html_report(&history, &export::Made::default())
            } else {
                export::markdown(&history, &export::Made::default())
            };
            writeln!(out, "{}", output.trim_end())
        }
        CompareFormat::Json | CompareFormat::Text => {
            // The note checked against the changes: the one given, else the one the reworked
            // text carries (as the page does).
            let note = if shared.note.is_empty() {
                carried_note(&shared.reworked, &comparison).unwrap_or_default()
            } else {
                shared.note.clone()
            };
            let reconciliation = reconcile(&note, &comparison, &shared.original, &shared.reworked);
            if format == CompareFormat::Json {
                let mut value = serde_json::to_value(&comparison).map_err(|err| err.to_string())?;
                value["reconciliation"] =
                    serde_json::to_value(&reconciliation).map_err(|err| err.to_string())?;
                serde_json::to_writer_pretty(&mut out, &value)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(out))
            } else {
                let colour = match colour {
                    ColourChoice::Always => true,
                    ColourChoice::Never => false,
                    ColourChoice::Auto => {
                        std::io::stdout().is_terminal()
                            && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
                    }
                };
                write_redline(&mut out, &comparison, colour).and_then(|()| {
                    writeln!(out, "\n{}", reconciliation.summary)?;
                    write_facts(&mut out, &comparison)
                })
            }
        }
    };
    write_result(res)?;
    Ok(outcome)
}

fn write_facts(out: &mut impl Write, comparison: &Comparison) -> std::io::Result<()> {
    let or_none = |value: &str| {
        if value.is_empty() {
            "(none)".to_owned()
        } else {
            value.to_owned()
        }
    };
    for fact in &comparison.facts {
        writeln!(
            out,
            "{} changed (change {}): {} → {}",
            fact.kind.label(),
            fact.change + 1,
            or_none(&fact.old),
            or_none(&fact.new),
        )?;
    }
    Ok(())
}

fn print_notes(text: &str, json: bool) -> Result<(), String> {
    let notes = detect_notes(text);
    let mut out = std::io::stdout().lock();
    let res = if json {
        serde_json::to_writer_pretty(&mut out, &notes)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        notes.iter().try_for_each(|note| {
            writeln!(
                out,
                "{:?} at bytes {}..{}:\n{}\n",
                note.kind, note.range[0], note.range[1], note.text
            )
        })
    };
    write_result(res)
}

fn open_link(link: &str, json: bool) -> Result<(), String> {
    let history = share::decode_history(link)
        .map_err(|err| format!("This link is damaged: {err}. {}", err.advice()))?;
    let shared = history.pair();
    let fingerprint = history.fingerprint();
    let mut out = std::io::stdout().lock();
    let res = if json {
        let value = serde_json::json!({
            "original": shared.original,
            "reworked": shared.reworked,
            "note": shared.note,
            "fingerprint": fingerprint,
            "versions": history.versions,
            "compared": [history.from + 1, history.to + 1],
            "options": history.options,
            "view": history.view,
        });
        serde_json::to_writer_pretty(&mut out, &value)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write!(
            out,
            "fingerprint {fingerprint}\n\n== original ==\n{}\n\n== reworked ==\n{}\n\n== note ==\n{}\n",
            shared.original, shared.reworked, shared.note
        )
    };
    write_result(res)
}

/// A closed pipe (`| head`) is not an error worth a message.
fn write_result(res: std::io::Result<()>) -> Result<(), String> {
    match res {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {err}"))
        }
        _ => Ok(()),
    }
}

/// Reads files as UTF-8 text, and `-` as standard input, which can be read only once.
#[derive(Default)]
struct Stdin {
    taken: bool,
}

impl Stdin {
    fn read(&mut self, path: &str) -> Result<String, String> {
        let (name, bytes) = if path == "-" {
            if std::mem::replace(&mut self.taken, true) {
                return Err("standard input ('-') can be read only once".to_owned());
            }
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|err| format!("cannot read standard input: {err}"))?;
            ("standard input", bytes)
        } else {
            let bytes = std::fs::read(path).map_err(|err| format!("cannot read {path}: {err}"))?;
            (path, bytes)
        };
        String::from_utf8(bytes).map_err(|err| {
            format!(
                "{name} is not UTF-8 text (invalid byte at offset {})",
                err.utf8_error().valid_up_to()
            )
        })
    }

    /// The two versions, the note and the options of `compare` and `export`; with `articles`,
    /// a version that is a whole page is read as the article found in it.
    fn read_pair(
        &mut self,
        original: &str,
        reworked: &str,
        note: Option<&str>,
        options: &CompareOptions,
        articles: bool,
    ) -> Result<Shared, String> {
        let mut version = |path: &str| -> Result<String, String> {
            let text = self.read(path)?;
            Ok(if articles { article_of(text) } else { text })
        };
        let (original, reworked) = (version(original)?, version(reworked)?);
        Ok(Shared {
            original,
            reworked,
            note: note
                .map(|path| self.read(path))
                .transpose()?
                .unwrap_or_default(),
            options: options.to_options(),
            ..Shared::default()
        })
    }
}

fn write_redline(
    out: &mut impl Write,
    comparison: &Comparison,
    colour: bool,
) -> std::io::Result<()> {
    let stats = &comparison.stats;
    writeln!(
        out,
        "{} words → {} words · {} added · {} removed",
        stats.original_words, stats.reworked_words, stats.words_added, stats.words_removed
    )?;
    writeln!(out)?;
    if !colour {
        write!(out, "{}", comparison.markup())?;
        return writeln!(out);
    }
    for segment in comparison.iter_segments() {
        let text = &segment.text;
        // In colour, cosmetic changes read as the reworked text, as in the page.
        match (segment.kind, segment.cosmetic) {
            (SegmentKind::Equal, _) | (SegmentKind::Insert, true) => write!(out, "{text}")?,
            (SegmentKind::Delete, true) => {}
            (SegmentKind::Delete, false) => write!(out, "\x1b[9;31m{text}\x1b[0m")?,
            (SegmentKind::Insert, false) => write!(out, "\x1b[4;32m{text}\x1b[0m")?,
        }
    }
    writeln!(out)
}
