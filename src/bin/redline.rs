//! `redline`, the native command line: compares two files and prints the stats and a redline.
//!
//! ```text
//! redline compare ORIGINAL_FILE REWORKED_FILE [--json] [--no-cleanup] [--note NOTE_FILE]
//! redline notes FILE [--json]
//! redline link V1_FILE V2_FILE [V3_FILE…] [--note NOTE_FILE] [--note-for K NOTE_FILE]… [--label-for K LABEL]… [--base-url URL]
//! redline open LINK_OR_FRAGMENT [--json]
//! redline export ORIGINAL_FILE REWORKED_FILE [--note NOTE_FILE] --format html|markdown|json
//! ```
//!
//! `compare` prints the word counts, then the text with deletions and insertions marked: in
//! colour (struck through red, underlined green; cosmetic changes shown as the reworked text)
//! when stdout is a terminal, and as `[-deleted-]{+inserted+}` (cosmetic ones as
//! `[~deleted~]{~inserted~}`) otherwise; with `--json`, the comparison model (see
//! `engine::Comparison`, with its `facts`, plus a `reconciliation` of the note, given with
//! `--note` or else detected in the reworked text). `notes` prints the correction, update, clarification and disclaimer
//! notes found in a file, or with `--json` a list of `{kind, range, text}`. `link` prints a share
//! link (the texts travel in its fragment; more than two versions, labels, or a note on an
//! earlier version make a version history, compared at its last step); `open` prints what a
//! link holds, or with `--json` `{original, reworked, note, fingerprint, versions, compared}`
//! (`versions`: each `{text, label, note}`; `compared`: the two version numbers, from 1); a
//! damaged link gives the page's message. `export`
//! prints the page's exports: a self-contained HTML report, Markdown, or Redline's JSON.
//! Bad input gives a one-line message and exit code 2.

// The web app is a separate binary; this one is for scripts, bots and benchmarks, so on wasm32
// it compiles to nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = cli::run(std::env::args().skip(1).collect()) {
        eprintln!("redline: {message}");
        std::process::exit(2);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{IsTerminal, Write};

    use redline::engine::export;
    use redline::engine::share::{self, Shared};
    use redline::engine::{
        Comparison, NoteKind, Options, SegmentKind, compare_with_options, detect_notes, reconcile,
    };

    const USAGE: &str = "usage: redline compare ORIGINAL_FILE REWORKED_FILE [--json] [--no-cleanup] [--note NOTE_FILE] | redline notes FILE [--json] | redline link V1_FILE V2_FILE [V3_FILE…] [--note NOTE_FILE] [--note-for K NOTE_FILE]… [--label-for K LABEL]… [--base-url URL] | redline open LINK [--json] | redline export ORIGINAL_FILE REWORKED_FILE [--note NOTE_FILE] --format html|markdown|json";

    /// Where links point when no `--base-url` is given: `make serve`'s address.
    const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8080/";

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let Some((command, rest)) = args.split_first() else {
            return Err(USAGE.to_owned());
        };
        match command.as_str() {
            "compare" => compare_files(rest),
            "notes" => print_notes(rest),
            "link" => print_link(rest),
            "open" => open_link(rest),
            "export" => print_export(rest),
            "--help" | "-h" | "help" => {
                println!("{USAGE}");
                Ok(())
            }
            other => Err(format!("unknown command '{other}'; {}", USAGE.to_owned())),
        }
    }

    fn compare_files(args: &[String]) -> Result<(), String> {
        let mut files = Vec::new();
        let mut json = false;
        let mut options = Options::default();
        let mut note_path = None;
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--json" => json = true,
                "--no-cleanup" => options.semantic_cleanup = false,
                "--note" => note_path = Some(args.next().ok_or("--note needs a file")?),
                flag if flag.starts_with("--") => {
                    return Err(format!("unknown option '{flag}'; {USAGE}"));
                }
                file => files.push(file),
            }
        }
        let [original_path, reworked_path] = files[..] else {
            return Err(USAGE.to_owned());
        };
        let original = read_text(original_path)?;
        let reworked = read_text(reworked_path)?;
        let comparison = compare_with_options(&original, &reworked, &options);
        // The note checked against the changes: the one given, else the one the reworked
        // text carries (as the page does).
        let note = match note_path {
            Some(path) => read_text(path)?,
            None => detect_notes(&reworked)
                .into_iter()
                .find(|note| note.kind != NoteKind::Disclaimer)
                .map(|note| note.text)
                .unwrap_or_default(),
        };
        let reconciliation = reconcile(&note, &comparison, &original, &reworked);

        let mut out = std::io::stdout().lock();
        let res = if json {
            let mut value = serde_json::to_value(&comparison).map_err(|err| err.to_string())?;
            value["reconciliation"] =
                serde_json::to_value(&reconciliation).map_err(|err| err.to_string())?;
            serde_json::to_writer_pretty(&mut out, &value)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out))
        } else {
            let colour = std::io::stdout().is_terminal();
            write_redline(&mut out, &comparison, colour).and_then(|()| {
                writeln!(out, "\n{}", reconciliation.summary)?;
                for fact in &comparison.facts {
                    writeln!(
                        out,
                        "{} changed (change {}): {} → {}",
                        fact.kind.label(),
                        fact.change + 1,
                        if fact.old.is_empty() {
                            "(none)"
                        } else {
                            &fact.old
                        },
                        if fact.new.is_empty() {
                            "(none)"
                        } else {
                            &fact.new
                        },
                    )?;
                }
                Ok(())
            })
        };
        // A closed pipe (`| head`) is not an error worth a message.
        match res {
            Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(format!("cannot write output: {err}"))
            }
            _ => Ok(()),
        }
    }

    fn print_notes(args: &[String]) -> Result<(), String> {
        let json = args.iter().any(|arg| arg == "--json");
        if let Some(flag) = args
            .iter()
            .find(|arg| arg.starts_with("--") && *arg != "--json")
        {
            return Err(format!("unknown option '{flag}'; {}", USAGE.to_owned()));
        }
        let files: Vec<&String> = args.iter().filter(|arg| !arg.starts_with("--")).collect();
        let [path] = files[..] else {
            return Err(USAGE.to_owned());
        };
        let notes = detect_notes(&read_text(path)?);
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

    /// Reads `ORIGINAL_FILE REWORKED_FILE [--note NOTE_FILE]` plus the options `flags` names
    /// (each taking one value), returning the texts and each flag's value.
    fn read_pair<const N: usize>(
        args: &[String],
        flags: [&str; N],
    ) -> Result<(Shared, [Option<String>; N]), String> {
        let mut files = Vec::new();
        let mut note_path = None;
        let mut values = [const { None }; N];
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if arg == "--note" {
                note_path = Some(args.next().ok_or("--note needs a file")?.clone());
            } else if let Some(idx) = flags.iter().position(|flag| flag == arg) {
                values[idx] = Some(args.next().ok_or(format!("{arg} needs a value"))?.clone());
            } else if arg.starts_with("--") {
                return Err(format!("unknown option '{arg}'; {USAGE}"));
            } else {
                files.push(arg);
            }
        }
        let [original_path, reworked_path] = files[..] else {
            return Err(USAGE.to_owned());
        };
        let shared = Shared {
            original: read_text(original_path)?,
            reworked: read_text(reworked_path)?,
            note: note_path
                .as_deref()
                .map(read_text)
                .transpose()?
                .unwrap_or_default(),
            ..Shared::default()
        };
        Ok((shared, values))
    }

    fn print_export(args: &[String]) -> Result<(), String> {
        let (shared, [format]) = read_pair(args, ["--format"])?;
        let shared = share::History::from(shared);
        let output = match format.as_deref() {
            Some("html") => export::html_report(&shared),
            Some("markdown" | "md") => export::markdown(&shared),
            Some("json") => serde_json::to_string(&export::to_json_export(&shared))
                .map_err(|err| err.to_string())?,
            _ => return Err(format!("--format must be html, markdown or json; {USAGE}")),
        };
        write_result(writeln!(std::io::stdout(), "{}", output.trim_end()))
    }

    /// `link V1 V2 … [--note FILE] [--note-for K FILE]… [--label-for K TEXT]… [--base-url URL]`:
    /// two plain versions make a version 1 link, as before; more versions, labels, or a note on
    /// an earlier version make a version 2 link comparing the last two versions.
    fn print_link(args: &[String]) -> Result<(), String> {
        let mut files = Vec::new();
        let (mut notes, mut labels) = (Vec::new(), Vec::new());
        let mut base_url = DEFAULT_BASE_URL.to_owned();
        let mut args = args.iter();
        let version_number = |value: Option<&String>, flag: &str| -> Result<usize, String> {
            value
                .and_then(|value| value.parse::<usize>().ok())
                .filter(|&number| number >= 1)
                .ok_or(format!(
                    "{flag} needs a version number (1 for the first file) and a value"
                ))
        };
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--note" => notes.push((None, args.next().ok_or("--note needs a file")?.clone())),
                "--note-for" => {
                    let number = version_number(args.next(), arg)?;
                    let file = args.next().ok_or("--note-for needs a file")?;
                    notes.push((Some(number), file.clone()));
                }
                "--label-for" => {
                    let number = version_number(args.next(), arg)?;
                    let label = args.next().ok_or("--label-for needs a label")?;
                    labels.push((number, label.clone()));
                }
                "--base-url" => {
                    base_url = args.next().ok_or("--base-url needs a value")?.clone();
                }
                other if other.starts_with("--") => {
                    return Err(format!("unknown option '{other}'; {USAGE}"));
                }
                _ => files.push(arg),
            }
        }
        if !(2..=share::MAX_VERSIONS).contains(&files.len()) {
            return Err(format!(
                "link needs 2 to {} version files; {USAGE}",
                share::MAX_VERSIONS
            ));
        }
        let n = files.len();
        let mut versions = files
            .iter()
            .map(|path| {
                Ok(share::Version {
                    text: read_text(path)?,
                    ..share::Version::default()
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let in_range = |number: usize| -> Result<usize, String> {
            (number <= n)
                .then(|| number - 1)
                .ok_or(format!("there is no version {number} among {n} files"))
        };
        for (number, path) in notes {
            let idx = in_range(number.unwrap_or(n))?;
            versions[idx].note = read_text(&path)?;
        }
        for (number, label) in labels {
            versions[in_range(number)?].label = label;
        }
        let history = share::History::from_versions(versions);
        let fragment = share::encode_any(&history);
        let base_url = base_url.split('#').next().unwrap_or_default();
        write_result(writeln!(std::io::stdout(), "{base_url}#{fragment}"))
    }

    fn open_link(args: &[String]) -> Result<(), String> {
        let json = args.iter().any(|arg| arg == "--json");
        let links: Vec<&String> = args.iter().filter(|arg| *arg != "--json").collect();
        let [link] = links[..] else {
            return Err(USAGE.to_owned());
        };
        let history =
            share::decode_history(link).map_err(|err| format!("This link is damaged: {err}"))?;
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

    fn read_text(path: &str) -> Result<String, String> {
        let bytes = std::fs::read(path).map_err(|err| format!("cannot read {path}: {err}"))?;
        String::from_utf8(bytes).map_err(|err| {
            format!(
                "{path} is not UTF-8 text (invalid byte at offset {})",
                err.utf8_error().valid_up_to()
            )
        })
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
}
