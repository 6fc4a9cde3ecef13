//! `redline`, the command line: compares two versions of an article, checks the note, and writes and reads share links.
//!
//! The arguments are declared with clap's derive API, so `redline --help` and
//! `redline COMMAND --help` describe every command and option; the work is in [`commands`].
//!
//! Exit codes, as `diff` has them, so that scripts and monitors can branch on them:
//! `compare` exits 0 when the texts have no numbered change (cosmetic differences alone count
//! as none), 1 when they differ; every other command exits 0 when it did its work; bad input
//! (a file that cannot be read, a damaged link, an unknown option) gives a one-line message on
//! standard error and exit code 2.

mod batch;
mod commands;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use redline_engine::formats::share::View;
use redline_engine::{Granularity, Options};

/// Where links point when neither `--base-url` nor `REDLINE_BASE_URL` names a published
/// Redline: `make serve`'s address.
const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8080/";

/// See exactly how a news article was corrected: word-level differences between the original
/// and the reworked version, read against the correction note.
///
/// Every FILE may be `-` for standard input. Exit codes: 0 when all went well (and, for
/// `compare`, the texts have no change), 1 when `compare` found changes, 2 on bad input.
#[derive(Debug, Parser)]
#[command(name = "redline", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compare two versions: word counts, the redline, the facts changed and the note's check.
    ///
    /// In a terminal, deletions are struck through in red and insertions underlined in green;
    /// piped, they read `[-deleted-]{+inserted+}` (cosmetic ones `[~deleted~]{~inserted~}`).
    /// Exits 1 when the texts differ, 0 when they do not.
    Compare {
        /// The original version.
        original: String,
        /// The reworked version.
        reworked: String,
        /// The correction note; without it, the note the reworked text carries is checked.
        #[arg(long, value_name = "FILE")]
        note: Option<String>,
        /// What to print: the redline as text, the comparison model as JSON (with its facts and
        /// the note's reconciliation), the self-contained HTML report, or Markdown.
        #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
        format: CompareFormat,
        /// Same as `--format json`.
        #[arg(long, hide = true, conflicts_with = "format")]
        json: bool,
        /// Compare the whole pages, menus and footers included, when a file is a whole page
        /// (HTML, or a Select-All copy); without it, the articles found in them are compared.
        #[arg(long)]
        whole_pages: bool,
        #[command(flatten)]
        colour: ColourArgs,
        #[command(flatten)]
        options: CompareOptions,
    },
    /// Find the article in a whole page (HTML, or the text of a Select-All copy) and print it.
    ///
    /// The page's text before and after the article (the site's name, menus, the byline,
    /// share buttons, teasers, comments, the footer) is its frame, set aside.
    Extract {
        /// The page.
        file: String,
        /// Print `{article, range, pieces, frame_before_bytes, frame_after_bytes, form, page_text,
        /// headline, byline, published, modified, url, captured}` as JSON: byte ranges into the page's text, which is the file itself for a text
        /// page and the visible text Redline reads from an HTML page.
        #[arg(long)]
        json: bool,
        /// What the file holds; `auto` reads HTML source as HTML and anything else as text.
        #[arg(long, value_enum, default_value_t = PageForm::Auto)]
        form: PageForm,
    },
    /// List the correction, update, clarification and disclaimer notes a text holds.
    Notes {
        /// The text to read.
        file: String,
        /// Print the notes as a JSON list of `{kind, range, text}` (byte ranges).
        #[arg(long)]
        json: bool,
    },
    /// Print a share link: its fragment carries the texts, which never reach a server.
    ///
    /// Two files make a link to a pair; more files, labels, or a note on an earlier version
    /// make a link to a version history, compared at its last step.
    Link {
        /// The versions, oldest first (2 to 32 files).
        #[arg(required = true, num_args = 2.., value_name = "FILE")]
        versions: Vec<String>,
        /// The note of the last version.
        #[arg(long, value_name = "FILE")]
        note: Option<String>,
        /// The note of version K (1 for the first file); may be repeated.
        #[arg(long, num_args = 2, value_names = ["K", "FILE"], action = clap::ArgAction::Append)]
        note_for: Vec<String>,
        /// The label of version K, such as a date and time; may be repeated.
        #[arg(long, num_args = 2, value_names = ["K", "LABEL"], action = clap::ArgAction::Append)]
        label_for: Vec<String>,
        /// The address of a published Redline that the link opens.
        #[arg(long, env = "REDLINE_BASE_URL", default_value = DEFAULT_BASE_URL, value_name = "URL")]
        base_url: String,
        /// The view the link opens in.
        #[arg(long, value_enum, default_value_t = ViewArg::Inline)]
        view: ViewArg,
        #[command(flatten)]
        options: CompareOptions,
    },
    /// Print what a share link holds; a damaged link gives the page's message.
    Open {
        /// The link, or only its fragment (`#v4.…`).
        link: String,
        /// Print `{original, reworked, note, fingerprint, versions, compared}` as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Compare many pairs: JSON Lines of records in, JSON Lines of results out, on every core.
    ///
    /// Each line is `{"id", "original", "reworked", "note"?}`, or `{"id", "versions": [...]}`
    /// with each version a text or `{"text", "note"?, "label"?}` (one result step per pair of
    /// consecutive versions); other fields are left alone. Each result is `{"id", "n_changes",
    /// "stats", "changes", "facts", "note", "check"}`: the changes with their kinds, byte
    /// ranges and texts, and whether the note explains each. Results come in the input's
    /// order. A bad line is reported on standard error with its number and skipped; a summary
    /// ends the run. Exits 0 when every line was compared, 1 when some were skipped.
    Batch {
        /// The records, one JSON object a line.
        #[arg(default_value = "-", value_name = "FILE")]
        input: String,
        /// Where to write the results (standard output by default).
        #[arg(long, short, value_name = "FILE")]
        output: Option<String>,
        /// How many comparisons run at once (every core by default).
        #[arg(long, short, value_name = "N")]
        jobs: Option<usize>,
        /// Put the whole comparison in each result, as `compare --format json` prints it.
        #[arg(long)]
        full: bool,
        /// When to show a progress line on standard error.
        #[arg(long, value_enum, default_value_t = ColourChoice::Auto, value_name = "WHEN")]
        progress: ColourChoice,
        #[command(flatten)]
        options: CompareOptions,
    },
    /// Print one of the page's downloads: the HTML report, Markdown or Redline's JSON.
    Export {
        /// The original version.
        original: String,
        /// The reworked version.
        reworked: String,
        /// The correction note.
        #[arg(long, value_name = "FILE")]
        note: Option<String>,
        /// Which download.
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[command(flatten)]
        options: CompareOptions,
    },
}

/// What a page given to `extract` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PageForm {
    /// HTML source when it starts like a document, plain text otherwise.
    Auto,
    /// HTML source.
    Html,
    /// Plain text, such as a Select-All copy of the page.
    Text,
}

/// What `compare` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CompareFormat {
    /// Counts, the redline, the note's check and the facts.
    Text,
    /// The comparison model with its facts and the note's reconciliation.
    Json,
    /// The self-contained HTML report.
    Html,
    /// Markdown, `~~deleted~~ **inserted**`.
    Markdown,
}

/// Which download `export` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// The self-contained HTML report.
    Html,
    /// Markdown, `~~deleted~~ **inserted**`.
    #[value(alias = "md")]
    Markdown,
    /// Redline's JSON, which the page opens again.
    Json,
}

/// When to colour the redline, or show a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColourChoice {
    /// On a terminal (colour: unless `NO_COLOR` is set).
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Args)]
struct ColourArgs {
    /// When to colour deletions and insertions.
    #[arg(long = "color", alias = "colour", value_enum, default_value_t = ColourChoice::Auto, value_name = "WHEN")]
    choice: ColourChoice,
}

/// The unit of change inside edited paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Unit {
    /// Whole words, numbers, links and punctuation marks.
    Word,
    /// Characters inside replaced words, for spelling fixes.
    Character,
    /// Whole sentences.
    Sentence,
}

/// The view a link opens in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ViewArg {
    /// One column with deletions and insertions.
    Inline,
    /// Original left, reworked right.
    SideBySide,
    /// Unchanged paragraphs folded.
    ChangesOnly,
}

/// The comparison options the page has, under the same names.
#[derive(Debug, Args)]
#[command(next_help_heading = "Comparison options")]
struct CompareOptions {
    /// The unit of change inside edited paragraphs.
    #[arg(long, value_enum, default_value_t = Unit::Word)]
    unit: Unit,
    /// `The` and `the` differ only cosmetically.
    #[arg(long)]
    ignore_case: bool,
    /// Two runs of spaces or tabs differ only cosmetically.
    #[arg(long)]
    ignore_whitespace: bool,
    /// A change that touches only punctuation is cosmetic.
    #[arg(long)]
    ignore_punctuation: bool,
    /// Keep every small edit apart instead of joining the words of a rewritten phrase.
    #[arg(long)]
    no_cleanup: bool,
    /// Curly and straight quotes, kinds of dash and no-break spaces count as changes.
    #[arg(long)]
    typography_is_change: bool,
}

impl CompareOptions {
    fn to_options(&self) -> Options {
        Options {
            semantic_cleanup: !self.no_cleanup,
            ignore_case: self.ignore_case,
            ignore_whitespace: self.ignore_whitespace,
            ignore_punctuation: self.ignore_punctuation,
            typographic_cosmetic: !self.typography_is_change,
            granularity: match self.unit {
                Unit::Word => Granularity::Word,
                Unit::Character => Granularity::Character,
                Unit::Sentence => Granularity::Sentence,
            },
            // `compare --whole-pages` sets it; the other commands read articles.
            whole_pages: false,
        }
    }
}

impl From<ViewArg> for View {
    fn from(view: ViewArg) -> View {
        match view {
            ViewArg::Inline => View::Inline,
            ViewArg::SideBySide => View::SideBySide,
            ViewArg::ChangesOnly => View::ChangesOnly,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // `--help` and `--version`: clap prints them, with colour on a terminal.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err) => return fail(&one_line(&err.to_string())),
    };
    match commands::run(cli.command) {
        Ok(outcome) => outcome,
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("redline: {message}");
    ExitCode::from(2)
}

/// Clap's message for bad arguments on one line: the error, then the usage line, with the
/// blank lines and the "For more information" tip left out.
fn one_line(rendered: &str) -> String {
    let mut parts = Vec::new();
    let mut usage = None;
    for line in rendered
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        if let Some(rest) = line.strip_prefix("Usage: ") {
            usage = Some(rest.to_owned());
        } else if !line.starts_with("For more information") && !line.starts_with("tip:") {
            parts.push(line.strip_prefix("error: ").unwrap_or(line).to_owned());
        }
    }
    let mut res = parts.join(" ");
    if let Some(usage) = usage {
        res.push_str(&format!("; usage: {usage} (see --help)"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_arguments_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_clap_error_reads_as_one_line() {
        let err = Cli::try_parse_from(["redline", "compare", "a.txt"]).unwrap_err();
        let line = one_line(&err.to_string());
        assert!(!line.contains('\n'), "{line}");
        assert!(
            line.starts_with("the following required arguments were not provided: <REWORKED>"),
            "{line}"
        );
        assert!(line.contains("usage: redline compare"), "{line}");
    }

    #[test]
    fn the_options_are_the_pages() {
        let cli = Cli::try_parse_from([
            "redline",
            "compare",
            "a",
            "b",
            "--unit",
            "character",
            "--ignore-case",
            "--no-cleanup",
            "--typography-is-change",
        ])
        .unwrap();
        let Command::Compare { options, .. } = cli.command else {
            panic!("not compare");
        };
        assert_eq!(
            options.to_options(),
            Options {
                semantic_cleanup: false,
                ignore_case: true,
                typographic_cosmetic: false,
                granularity: Granularity::Character,
                ..Options::default()
            }
        );
    }
}
