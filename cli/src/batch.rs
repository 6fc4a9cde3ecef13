//! `redline batch`: JSON Lines of records in, JSON Lines of results out, compared on every core in chunks so that memory does not grow with the input.
//!
//! The input is read a chunk at a time (at most [`CHUNK_LINES`] lines or [`CHUNK_BYTES`]
//! bytes), the chunk's records are compared in parallel by rayon, and their results written in
//! the input's order before the next chunk is read. A line that cannot be compared (not UTF-8,
//! not JSON, a missing text) is reported on standard error with its number and skipped; the
//! run goes on. The work of each line is [`batch::answer_line`], which the Python package
//! calls too, so both give the same records.

use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use redline_engine::formats::batch::{self, Settings};

/// Lines read before a chunk is compared: enough to keep every core busy between the chunk's
/// ends, few enough that a chunk of long articles stays small.
const CHUNK_LINES: usize = 512;

/// Bytes read before a chunk is compared, whatever its number of lines.
const CHUNK_BYTES: usize = 32 << 20;

/// Skipped lines reported one by one; the summary counts the rest.
const MAX_REPORTED: usize = 100;

/// What `redline batch` was asked to do.
pub struct Batch {
    /// The input file, `-` for standard input.
    pub input: String,
    /// The output file; standard output when `None`.
    pub output: Option<String>,
    /// Comparisons at once; every core when `None`.
    pub jobs: Option<usize>,
    /// Whether to show a progress line on standard error.
    pub progress: Option<bool>,
    /// How each record is compared.
    pub settings: Settings,
}

/// Counts for the summary.
#[derive(Default)]
struct Tally {
    lines: usize,
    compared: usize,
    skipped: usize,
}

/// Runs a batch; `Err` is the one-line message when the input or output cannot be opened or
/// written (a bad record never is one).
pub fn run(batch: Batch) -> Result<ExitCode, String> {
    let jobs = batch
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if jobs == 0 {
        return Err("--jobs must be 1 or more".to_owned());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|err| format!("cannot start {jobs} threads: {err}"))?;
    let mut input: Box<dyn BufRead> = if batch.input == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(&batch.input)
            .map_err(|err| format!("cannot read {}: {err}", batch.input))?;
        Box::new(std::io::BufReader::new(file))
    };
    let (mut output, output_name): (Box<dyn Write>, &str) = match &batch.output {
        None => (Box::new(std::io::stdout().lock()), "standard output"),
        Some(path) => (
            Box::new(BufWriter::new(
                std::fs::File::create(path).map_err(|err| format!("cannot write {path}: {err}"))?,
            )),
            path,
        ),
    };
    let progress = batch
        .progress
        .unwrap_or_else(|| std::io::stderr().is_terminal());
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(CHUNK_LINES);
    loop {
        let at_end = read_chunk(&mut input, &mut chunk, &mut tally.lines)
            .map_err(|err| format!("cannot read {}: {err}", batch.input))?;
        let results: Vec<Result<String, String>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(_, line)| {
                    let line = std::str::from_utf8(line).map_err(|err| {
                        format!(
                            "not UTF-8 text (invalid byte at offset {})",
                            err.valid_up_to()
                        )
                    })?;
                    batch::answer_line(line, &batch.settings)
                })
                .collect()
        });
        for ((number, _), result) in chunk.iter().zip(results) {
            match result {
                Ok(record) => {
                    writeln!(output, "{record}").map_err(|err| write_error(output_name, &err))?;
                    tally.compared += 1;
                }
                Err(message) => {
                    tally.skipped += 1;
                    if tally.skipped <= MAX_REPORTED {
                        clear_progress(progress);
                        eprintln!("redline batch: line {number}: {message}; skipped");
                    }
                }
            }
        }
        if progress {
            let seconds = started.elapsed().as_secs_f64();
            eprint!(
                "\r\x1b[Kredline batch: {} compared, {} skipped, {:.0} a second",
                tally.compared,
                tally.skipped,
                tally.compared as f64 / seconds.max(1e-9)
            );
        }
        chunk.clear();
        if at_end {
            break;
        }
    }
    output
        .flush()
        .map_err(|err| write_error(output_name, &err))?;
    clear_progress(progress);
    let seconds = started.elapsed().as_secs_f64();
    let not_shown = tally.skipped.saturating_sub(MAX_REPORTED);
    eprintln!(
        "redline batch: {} of {} records compared, {} skipped{} in {:.1} s ({:.0} a second on {jobs} thread{})",
        tally.compared,
        tally.compared + tally.skipped,
        tally.skipped,
        if not_shown > 0 {
            format!(" ({not_shown} not listed above)")
        } else {
            String::new()
        },
        seconds,
        tally.compared as f64 / seconds.max(1e-9),
        if jobs == 1 { "" } else { "s" },
    );
    Ok(if tally.skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads lines into `chunk` (numbered from 1, without their line ends, blank lines left out)
/// until it is full; returns whether the input is at its end.
fn read_chunk(
    input: &mut dyn BufRead,
    chunk: &mut Vec<(usize, Vec<u8>)>,
    lines: &mut usize,
) -> std::io::Result<bool> {
    let mut bytes = 0;
    while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(true);
        }
        *lines += 1;
        // The line's end is not part of the record: a record cut short then reads as "EOF
        // while parsing", as it would in any JSON reader, and CRLF files read as LF ones.
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        bytes += line.len();
        chunk.push((*lines, line));
    }
    Ok(false)
}

fn clear_progress(progress: bool) {
    if progress {
        eprint!("\r\x1b[K");
    }
}

fn write_error(name: &str, err: &std::io::Error) -> String {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        // `| head`: the reader has what it wanted.
        return format!("{name} was closed");
    }
    format!("cannot write {name}: {err}")
}
