//! Fact badges: which numbered changes alter a number, a date, a name, a quotation, the headline, a subheading or a link.
//!
//! Journalists care most about changed facts. Each rule here reads one change (its deleted and
//! inserted text, and the paragraph around it on each side) and says, by explicit and modest
//! rules, whether it touches:
//!
//! - a **number**: a figure (a token with a digit, with the numbers a colon joins it to and a
//!   `%` or a magnitude word after it: `60,000`, `$3 million`, `25%`, `9:30`) any part of
//!   which changed, shown whole on both sides,
//!   including an unchanged number a magnitude was added to (`$70` → `$70 billion`); the
//!   digits of a link are the link's;
//! - a **date**: a date phrase (a month or weekday name with its day and year: `10 June`,
//!   `June 10, 2024`) any word of which changed, shown whole on both sides; its day and year
//!   are the date's, not numbers;
//! - a **name**: a capitalized word that is not the first of its sentence, or a run of two
//!   or more capitalized words (`Child Protective Services`), shown whole on both sides;
//! - a **quotation**: any change inside quotation marks of any kind (quotes should be
//!   verbatim), shown as the whole quotation on both sides;
//! - the **headline** (the first non-empty line) or a **subheading** (a short line of its own
//!   without final punctuation, or a Markdown `#` heading);
//! - a **link** target (a URL, with or without its scheme, or an e-mail address, `mailto:`
//!   included).
//!
//! A change can carry several badges. Cosmetic changes carry none.

use std::ops::Range;

use crate::diff::text::{Side, Texts};
use crate::model::{BlockKind, Comparison, Fact, FactKind, change_texts, headline};
use crate::note::detect::{MONTHS_AND_WEEKDAYS, Note, detect_notes};

/// The facts that the changes of `comparison` alter, in change order.
///
/// ```
/// use redline_engine::{compare, FactKind};
///
/// let comparison = compare(
///     "County budget\n\nThe county will pay $50,000 to Child Protective Services.",
///     "County budget\n\nThe county will pay $30,000 to Child Protection Services.",
/// );
/// let facts: Vec<(FactKind, &str, &str)> = comparison
///     .facts
///     .iter()
///     .map(|fact| (fact.kind, fact.old.as_str(), fact.new.as_str()))
///     .collect();
/// assert_eq!(
///     facts,
///     [
///         (FactKind::Number, "$50,000", "$30,000"),
///         (FactKind::Name, "Child Protective Services", "Child Protection Services"),
///     ]
/// );
/// ```
pub(crate) fn find_facts(
    comparison: &Comparison,
    texts: &Texts,
    reworked_notes: &[Note],
) -> Vec<Fact> {
    let (original, reworked) = (texts.original.text, texts.reworked.text);
    let mut facts = Vec::new();
    let [headline_start, headline_end] = comparison.headline;
    let mut headline_done = false;
    // A correction note added to (or removed from) the text is the note, not a changed fact.
    let note_spans = |notes: &[Note]| -> Vec<Range<usize>> {
        notes
            .iter()
            .map(|note| note.range[0]..note.range[1])
            .collect()
    };
    let (original_notes, reworked_notes) = (
        note_spans(&detect_notes(original)),
        note_spans(reworked_notes),
    );
    // Once, not per change: a text of one huge paragraph has all its changes in the headline.
    let headline_like = is_headline_like(original, reworked);
    let outside = |ranges: &mut Vec<Range<usize>>, notes: &[Range<usize>]| {
        ranges.retain(|range| {
            !notes
                .iter()
                .any(|note| note.start <= range.start && range.end <= note.end + 2)
        });
    };
    for (change, mut text) in change_texts(comparison).into_iter().enumerate() {
        outside(&mut text.deleted, &original_notes);
        outside(&mut text.inserted, &reworked_notes);
        if text.deleted.is_empty() && text.inserted.is_empty() {
            continue;
        }
        if text.is_move && text.deleted.is_empty() && text.inserted.is_empty() {
            continue;
        }
        // A fact found on either side (`None`: the side has no such fact), kept when the two
        // sides differ.
        let mut push = |kind: FactKind, old: Option<String>, new: Option<String>| {
            if old.is_none() && new.is_none() {
                return;
            }
            let (old, new) = (old.unwrap_or_default(), new.unwrap_or_default());
            if old != new {
                facts.push(Fact {
                    kind,
                    old,
                    new,
                    change,
                });
            }
        };
        let block = &comparison.blocks[text.block];
        let (deleted, inserted) = (text.deleted_text(original), text.inserted_text(reworked));

        if (headline_start..headline_end).contains(&text.block) && headline_like {
            if !headline_done {
                headline_done = true;
                push(
                    FactKind::Headline,
                    Some(headline(original).to_owned()),
                    Some(headline(reworked).to_owned()),
                );
            }
        } else {
            let old_heading = subheading(original, block.original);
            let new_heading = subheading(reworked, block.reworked);
            // The first short line after the headline is its subtitle.
            let kind = if headline_start < headline_end && text.block == headline_end {
                FactKind::Subtitle
            } else {
                FactKind::Subheading
            };
            push(kind, old_heading, new_heading);
        }

        // Dates are read whole, day and year with the month ("10 June" → "17 June"); the
        // numbers that are their days and years are the date's, not numbers of their own.
        let (old_dates, old_date_spans) = dates_around(&texts.original, &text.deleted);
        let (new_dates, new_date_spans) = dates_around(&texts.reworked, &text.inserted);
        // Figures are read with their magnitude and unit ("$3 million", "$70 billion"), from
        // the paragraph around the change.
        let (mut old_figures, old_figure_spans) =
            figures_around(&texts.original, &text.deleted, &old_date_spans);
        let (mut new_figures, new_figure_spans) =
            figures_around(&texts.reworked, &text.inserted, &new_date_spans);
        // A magnitude inserted (or deleted) beside an unchanged number changes that figure:
        // `$70` → `$70 billion`.
        if old_figures.is_empty() && !new_figures.is_empty() {
            old_figures = figures_at(
                &texts.original,
                &text.original_points,
                &old_date_spans,
                &new_figures,
            );
        } else if new_figures.is_empty() && !old_figures.is_empty() {
            new_figures = figures_at(
                &texts.reworked,
                &text.reworked_points,
                &new_date_spans,
                &old_figures,
            );
        }
        if old_figures != new_figures {
            // The changed phrases when both sides have figures that lie wholly inside them
            // ("60,000" → "25,000 to 35,000"); the figures alone otherwise.
            let within = |spans: &[Range<usize>], changed: &[Range<usize>]| {
                spans.iter().all(|span| {
                    changed
                        .iter()
                        .any(|range| range.start <= span.start && span.end <= range.end)
                })
            };
            let both = !old_figures.is_empty()
                && !new_figures.is_empty()
                && within(&old_figure_spans, &text.deleted)
                && within(&new_figure_spans, &text.inserted);
            push(
                FactKind::Number,
                Some(phrase_or(&deleted, &old_figures, both)),
                Some(phrase_or(&inserted, &new_figures, both)),
            );
        }
        if old_dates != new_dates {
            push(
                FactKind::Date,
                Some(old_dates.join(" · ")),
                Some(new_dates.join(" · ")),
            );
        }

        let old_names = names_around(&texts.original, &text.deleted);
        let new_names = names_around(&texts.reworked, &text.inserted);
        for (old_name, new_name) in pair_names(old_names, new_names) {
            push(FactKind::Name, old_name, new_name);
        }

        let old_quote = quotation_around(original, &text.deleted);
        let new_quote = quotation_around(reworked, &text.inserted);
        push(FactKind::Quotation, old_quote, new_quote);

        let old_link = link_around(original, &text.deleted);
        let new_link = link_around(reworked, &text.inserted);
        push(FactKind::Link, old_link, new_link);

        // A paragraph added or removed whole changes no fact from one value to another: its
        // facts are summed up in one line ("added paragraph: 3 figures, 2 names") instead of
        // listing every value it holds.
        let whole = match block.kind {
            BlockKind::Inserted if text.deleted.is_empty() => {
                Some(("added", &texts.reworked, &text.inserted))
            }
            BlockKind::Deleted if text.inserted.is_empty() => {
                Some(("removed", &texts.original, &text.deleted))
            }
            _ => None,
        };
        if let Some((verb, side, ranges)) = whole {
            let first = facts
                .iter()
                .position(|fact| fact.change == change)
                .unwrap_or(facts.len());
            let of_kind = |kind: FactKind| facts[first..].iter().any(|fact| fact.kind == kind);
            let (figures, dates) = if verb == "added" {
                (new_figures.len(), new_dates.len())
            } else {
                (old_figures.len(), old_dates.len())
            };
            let counts = [
                (figures, "figure", "figures"),
                (dates, "date", "dates"),
                (count_names(side, ranges), "name", "names"),
                (
                    usize::from(of_kind(FactKind::Quotation)),
                    "quotation",
                    "quotations",
                ),
                (usize::from(of_kind(FactKind::Link)), "link", "links"),
            ];
            // A heading added or removed stays a fact of its own; the values are summed up.
            let mut own = facts.split_off(first);
            own.retain(|fact| {
                matches!(
                    fact.kind,
                    FactKind::Headline | FactKind::Subheading | FactKind::Subtitle
                )
            });
            facts.extend(own);
            let what: Vec<String> = counts
                .iter()
                .filter(|(n, _, _)| *n > 0)
                .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
                .collect();
            if !what.is_empty() {
                let summary = format!("{verb} paragraph: {}", what.join(", "));
                let (old, new) = if verb == "added" {
                    (String::new(), summary)
                } else {
                    (summary, String::new())
                };
                facts.push(Fact {
                    kind: FactKind::Paragraph,
                    old,
                    new,
                    change,
                });
            }
        }
    }
    facts
}

/// The proper names in `ranges` of a side: runs of capitalized words (with `of`, `de`… between
/// them) of two words or more, or of one word that does not start a sentence.
fn count_names(side: &Side, ranges: &[Range<usize>]) -> usize {
    let mut n = 0;
    for range in ranges.iter().take(MAX_RANGES_READ) {
        let tokens: Vec<(Range<usize>, &str)> = side.tokens_within(range.clone()).collect();
        let mut idx = 0;
        while idx < tokens.len() {
            let token = tokens[idx].1;
            if !is_capitalized(token) || is_date_word(token) {
                idx += 1;
                continue;
            }
            let start = idx;
            let mut n_words = 1;
            while idx + 2 < tokens.len()
                && tokens[idx + 1].1 == " "
                && is_capitalized(tokens[idx + 2].1)
            {
                idx += 2;
                n_words += 1;
            }
            let first_is_starter =
                starts_sentence_at(&tokens, start) && SENTENCE_STARTERS.contains(&token);
            let n_name_words = n_words - usize::from(first_is_starter);
            if n_name_words >= 2
                || (n_name_words == 1 && (first_is_starter || !starts_sentence_at(&tokens, start)))
            {
                n += 1;
            }
            idx += 1;
        }
    }
    n
}

/// Whether both first lines read as headlines (short lines), rather than as the first
/// paragraph of a text that has no headline.
fn is_headline_like(original: &str, reworked: &str) -> bool {
    [original, reworked].iter().all(|text| {
        let line = headline(text);
        line.split_whitespace().count() <= 20 && line.chars().count() <= 150
    })
}

/// The block's paragraph on one side when it is a subheading: a Markdown `#` heading, or a
/// short line (at most 10 words, no final punctuation, starting with a capital) with blank
/// lines (or the text's ends) around it. Lines of hard-wrapped prose have no blank lines
/// around them, so they are not taken for subheadings.
fn subheading(text: &str, paragraph: Option<[usize; 2]>) -> Option<String> {
    let [start, end] = paragraph?;
    // A subheading is at most 90 bytes; a longer paragraph is not trimmed and searched, which
    // for a text of one huge paragraph would cost a walk over it for every change.
    if end - start > 1_000 {
        return None;
    }
    let line = text[start..end].trim();
    if line.is_empty() || line.contains('\n') {
        return None;
    }
    if line.starts_with('#') {
        return Some(line.to_owned());
    }
    // Most paragraphs are longer than a subheading can be: decided before anything is counted.
    if line.len() > 90 {
        return None;
    }
    let line_start = start + (text[start..end].len() - text[start..end].trim_start().len());
    let line_end = line_start + line.len();
    let (before, after) = (&text[..line_start], &text[line_end..]);
    let blank_before = before.trim().is_empty()
        || before.trim_end_matches([' ', '\t', '\r']).ends_with("\n\n")
        || before.ends_with("\n\r\n");
    let blank_after = after.trim().is_empty()
        || after
            .trim_start_matches([' ', '\t', '\r'])
            .starts_with("\n\n")
        || after.starts_with("\r\n\r\n");
    let is_short = line.split_whitespace().count() <= 10;
    let ends_plain = !line.ends_with(['.', '!', '?', ':', ';', ',', ')', '"', '”', '»']);
    (blank_before && blank_after && is_short && ends_plain && line.starts_with(char::is_uppercase))
        .then(|| line.to_owned())
}

/// Words that give a figure its magnitude or unit when they follow it.
const MAGNITUDES: &[&str] = &[
    "thousand",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "bn",
    "mn",
    "percent",
    "milliard",
    "milliards",
    "millón",
    "millones",
    "mil",
    "millionen",
    "milliarden",
    "mio",
    "mrd",
];

/// Whether a word gives a figure its magnitude (see [`MAGNITUDES`]), in any case.
pub(crate) fn is_magnitude(word: &str) -> bool {
    word.len() <= 10 && MAGNITUDES.contains(&word.to_lowercase().as_str())
}

/// A figure's span: the number token at `idx` of `tokens`, with the numbers a colon joins it
/// to (a time, `9:30`; a ratio, `3:2`), and a `%` right after it or a magnitude word one space
/// after it.
fn figure_span(tokens: &[(Range<usize>, &str)], idx: usize) -> Range<usize> {
    let joined = |at: usize| tokens.get(at).is_some_and(|(_, token)| *token == ":");
    let (mut first, mut last) = (idx, idx);
    while first >= 2 && joined(first - 1) && is_number(tokens[first - 2].1) {
        first -= 2;
    }
    while joined(last + 1)
        && tokens
            .get(last + 2)
            .is_some_and(|(_, token)| is_number(token))
    {
        last += 2;
    }
    let mut end = tokens[last].0.end;
    match (tokens.get(last + 1), tokens.get(last + 2)) {
        (Some((range, "%")), _) => end = range.end,
        (Some((_, " ")), Some((range, word))) if is_magnitude(word) => end = range.end,
        _ => {}
    }
    tokens[first].0.start..end
}

/// Whether a token is a number of a figure (a digit in it; links are links).
fn is_number(token: &str) -> bool {
    token.bytes().any(|byte| byte.is_ascii_digit())
        && !(token.contains("://") || token.contains('@') || token.starts_with("www."))
}

/// The figures a change touches, in order, and their byte ranges: each number with its
/// magnitude or unit (see [`figure_span`]), read whole when any of it changed, unless it is
/// part of one of the date phrases `dates`.
fn figures_around(
    side: &Side,
    changed: &[Range<usize>],
    dates: &[Range<usize>],
) -> (Vec<String>, Vec<Range<usize>>) {
    let text = side.text;
    let (mut figures, mut spans) = (Vec::new(), Vec::<Range<usize>>::new());
    for changed in changed.iter().take(MAX_RANGES_READ) {
        for (_, span) in figures_near(side, changed, dates) {
            if span.start < changed.end && changed.start < span.end && !spans.contains(&span) {
                figures.push(text[span.clone()].to_owned());
                spans.push(span);
            }
        }
    }
    (figures, spans)
}

/// The figures within a few tokens of `range`, as their number token and their span, leaving
/// out the numbers inside the date phrases `dates`.
fn figures_near<'a>(
    side: &'a Side,
    range: &Range<usize>,
    dates: &[Range<usize>],
) -> Vec<(&'a str, Range<usize>)> {
    let tokens: Vec<(Range<usize>, &str)> =
        side.tokens_within(window_around(side, range, 4)).collect();
    (0..tokens.len())
        .filter(|&idx| {
            let (range, token) = &tokens[idx];
            is_number(token)
                && !in_link(side.text, range)
                && !in_tag(side.text, range)
                && !dates
                    .iter()
                    .any(|date| date.start <= range.start && range.start < date.end)
        })
        .map(|idx| (tokens[idx].1, figure_span(&tokens, idx)))
        .collect()
}

/// The figures of `text` that end or start at one of `points` and have the number of one of
/// `others` (the other side's figures): the unchanged figure a magnitude was added to.
fn figures_at(
    side: &Side,
    points: &[usize],
    dates: &[Range<usize>],
    others: &[String],
) -> Vec<String> {
    let text = side.text;
    let mut res = Vec::new();
    for &point in points.iter().take(MAX_RANGES_READ) {
        for (token, span) in figures_near(side, &(point..point), dates) {
            let figure = &text[span.clone()];
            // Beside the point, a space or a line break between them at most.
            let beside = (span.end <= point && text[span.end..point].trim().is_empty())
                || (point <= span.start && text[point..span.start].trim().is_empty());
            if beside
                && others.iter().any(|other| other.starts_with(token))
                && !res.iter().any(|found: &String| found == figure)
            {
                res.push(figure.to_owned());
            }
        }
    }
    res
}

/// The date phrases a change touches, in order, and their byte ranges: a month or weekday
/// name (English and French) with the day before or after it and the year after it
/// (`10 June`, `June 10, 2024`, `Tuesday`, `1er mars 2025`), read whole from the paragraph
/// when any word of it changed.
fn dates_around(side: &Side, changed: &[Range<usize>]) -> (Vec<String>, Vec<Range<usize>>) {
    let text = side.text;
    let (mut phrases, mut spans) = (Vec::new(), Vec::<Range<usize>>::new());
    let is_day = |token: &str| {
        let digits = token.trim_end_matches(|c: char| c.is_alphabetic());
        !digits.is_empty()
            && digits.len() <= 2
            && digits.bytes().all(|byte| byte.is_ascii_digit())
            && token.len() - digits.len() <= 2
    };
    let is_year = |token: &str| token.len() == 4 && token.bytes().all(|byte| byte.is_ascii_digit());
    for changed in changed.iter().take(MAX_RANGES_READ) {
        let tokens: Vec<(Range<usize>, &str)> = side
            .tokens_within(window_around(side, changed, 8))
            .collect();
        // The next token from `idx` either way, spaces skipped (commas kept), if any.
        let next = |idx: usize, forward: bool| -> Option<usize> {
            let mut at = idx;
            loop {
                at = if forward {
                    at.checked_add(1)?
                } else {
                    at.checked_sub(1)?
                };
                let (_, token) = tokens.get(at)?;
                if *token != " " {
                    return Some(at);
                }
            }
        };
        for (idx, (_, token)) in tokens.iter().enumerate() {
            if !is_date_word(token) {
                continue;
            }
            let (mut first, mut last) = (idx, idx);
            if let Some(before) = next(idx, false).filter(|&at| is_day(tokens[at].1)) {
                first = before;
            } else if let Some(after) = next(idx, true).filter(|&at| is_day(tokens[at].1)) {
                last = after;
            }
            // The year: right after the day or month, or after a comma.
            let mut year = next(last, true);
            if year.is_some_and(|at| tokens[at].1 == ",") {
                year = year.and_then(|at| next(at, true));
            }
            if let Some(year) = year.filter(|&at| is_year(tokens[at].1)) {
                last = year;
            }
            let span = tokens[first].0.start..tokens[last].0.end;
            let touched = span.start < changed.end && changed.start < span.end;
            if touched && !spans.contains(&span) {
                phrases.push(text[span.clone()].replace('\n', " "));
                spans.push(span);
            }
        }
    }
    (phrases, spans)
}

/// Whether a token is a month or weekday name (English or French) or a relative day.
fn is_date_word(token: &str) -> bool {
    const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow"];
    // The longest such word is 9 letters ("wednesday", "september") and 10 bytes in French
    // ("décembre"): longer tokens are passed over before anything is lower-cased.
    if token.len() > 12 || token.is_empty() {
        return false;
    }
    // Lower-cased into a buffer on the stack, not a new string: this runs for every word of
    // every change and around it.
    let mut buffer = [0_u8; 48];
    let lower: &str = if token.is_ascii() {
        let lower = &mut buffer[..token.len()];
        lower.copy_from_slice(token.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).expect("ASCII")
    } else {
        let mut n_bytes = 0;
        for c in token.chars().flat_map(char::to_lowercase) {
            // Lower-casing makes a character at most half as long again: 12 bytes fit in 18.
            let Some(room) = buffer.get_mut(n_bytes..n_bytes + c.len_utf8()) else {
                return false;
            };
            n_bytes += c.encode_utf8(room).len();
        }
        std::str::from_utf8(&buffer[..n_bytes]).expect("whole characters")
    };
    // "May" is a month only when capitalized; "march" and "may" are common verbs.
    (MONTHS_AND_WEEKDAYS.contains(&lower) || RELATIVE_DAYS.contains(&lower))
        && (token.starts_with(char::is_uppercase) || !matches!(lower, "may" | "march"))
}

/// The changed phrase when wanted and short enough to read as a badge, else the numbers alone.
fn phrase_or(phrase: &str, numbers: &[String], want_phrase: bool) -> String {
    let phrase = phrase.trim();
    if want_phrase && phrase.chars().count() <= 40 {
        phrase.to_owned()
    } else {
        numbers.join(" ")
    }
}

/// How many of a change's ranges the name, quotation and link finders look around: a change
/// that is a run of a million deleted lines has a million ranges, and a badge names the first
/// fact of a change anyway.
const MAX_RANGES_READ: usize = 32;

/// How far from a change [`paragraph_around`] looks for the ends of its paragraph, in bytes.
/// A name or a quotation is read within this window, so a text with no paragraph breaks (a
/// single 2 MB line) costs each change a bounded look, not a walk over the whole text.
const CONTEXT_BYTES: usize = 1_000;

/// The paragraph around a byte range: from the blank line before it to the blank line after
/// it, so that a name or a quotation that a hard-wrapped text breaks over lines is read whole;
/// never more than [`CONTEXT_BYTES`] either side of the range.
fn paragraph_around(text: &str, range: &Range<usize>) -> Range<usize> {
    let mut window_start = range.start.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(window_start) {
        window_start -= 1;
    }
    let mut window_end = (range.end + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(window_end) {
        window_end += 1;
    }
    let start = text[window_start..range.start]
        .rfind("\n\n")
        .map_or(window_start, |idx| window_start + idx + 2);
    let end = text[range.end..window_end]
        .find("\n\n")
        .map_or(window_end, |idx| range.end + idx);
    start..end
}

/// The bytes of the tokens a change overlaps and of the `n` tokens either side (on token
/// boundaries): dates and figures are a few tokens long, so the ones a change touches lie in
/// this window, and reading it instead of the whole paragraph keeps a change's cost small
/// (reading whole paragraphs made 100k_light 41% slower).
fn window_around(side: &Side, range: &Range<usize>, n: usize) -> Range<usize> {
    let n_tokens = side.token_index(side.text.len());
    let tokens = side.tokens_overlapping(range.clone());
    let start = tokens.start.saturating_sub(n);
    let end = (tokens.end + n).min(n_tokens);
    side.byte_offset(start)..side.byte_offset(end)
}

fn is_capitalized(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase) && token.chars().any(char::is_lowercase)
}

/// The proper name that a change touches, taken whole from its paragraph: the run of
/// capitalized words (with `of`, `de`, `van`… between them) around a changed capitalized
/// word, if the run has two words or more, or its word does not start a sentence. When the
/// change touches several, the longest.
fn names_around(side: &Side, changed: &[Range<usize>]) -> Vec<String> {
    let text = side.text;
    let is_connector =
        |token: &str| matches!(token, "of" | "de" | "du" | "la" | "van" | "von" | "for");
    // Words of one name are parted by a space, or by the line break of a hard-wrapped text.
    let is_gap = |token: &str| token == " " || token == "\n";
    let mut names: Vec<String> = Vec::new();
    for changed in changed.iter().take(MAX_RANGES_READ) {
        let tokens: Vec<(Range<usize>, &str)> = side
            .tokens_within(paragraph_around(text, changed))
            .collect();
        let word = |idx: Option<usize>| idx.and_then(|idx| tokens.get(idx)).map(|(_, t)| *t);
        // Grows a run from `idx` one way over gaps, capitalized words and connectors.
        let grow = |mut idx: usize, step: isize| -> usize {
            loop {
                let at = |n: isize| word(idx.checked_add_signed(n * step));
                if !at(1).is_some_and(is_gap) {
                    return idx;
                }
                if at(2).is_some_and(is_capitalized) {
                    idx = idx.wrapping_add_signed(2 * step);
                } else if at(2).is_some_and(is_connector)
                    && at(3).is_some_and(is_gap)
                    && at(4).is_some_and(is_capitalized)
                {
                    idx = idx.wrapping_add_signed(4 * step);
                } else {
                    return idx;
                }
            }
        };
        for (idx, (range, token)) in tokens.iter().enumerate() {
            if range.start >= changed.end
                || range.end <= changed.start
                || !is_capitalized(token)
                || is_date_word(token)
            {
                continue;
            }
            let (mut first, last) = (grow(idx, -1), grow(idx, 1));
            // A sentence's first word is capitalized for being first: an article, pronoun or
            // preposition there ("An English teacher", "The White House") is not the name's.
            if first < last
                && starts_sentence_at(&tokens, first)
                && SENTENCE_STARTERS.contains(&tokens[first].1)
            {
                first = (first + 1..=last)
                    .find(|&at| is_capitalized(tokens[at].1))
                    .unwrap_or(last);
                // The change touched only that first word.
                if tokens[first].0.start >= changed.end {
                    continue;
                }
            }
            let n_words = tokens[first..=last]
                .iter()
                .filter(|(_, token)| is_capitalized(token))
                .count();
            let starts_sentence = starts_sentence_at(&tokens, first);
            if n_words >= 2 || !starts_sentence {
                let name = text[tokens[first].0.start..tokens[last].0.end].replace('\n', " ");
                if !names.contains(&name) && names.len() < MAX_NAMES {
                    names.push(name);
                }
            }
        }
    }
    names
}

/// The most names read on one side of a change: enough for any edit of a sentence, and a
/// bound on pairing them.
const MAX_NAMES: usize = 8;

/// The names a change touches on each side, paired old → new: names on both sides are
/// unchanged and dropped; one name each side is a name replaced; with more, each old name goes
/// with the new name most like it ("Chief Human Resource Officer" with "Chief Human Resources
/// Officer", not with another name in the sentence); the one name left each side was
/// replaced by the other, and any other name with no like partner was removed or added.
fn pair_names(old: Vec<String>, new: Vec<String>) -> Vec<(Option<String>, Option<String>)> {
    let old: Vec<String> = old
        .iter()
        .filter(|name| !new.contains(name))
        .cloned()
        .collect();
    let new: Vec<String> = new.into_iter().filter(|name| !old.contains(name)).collect();
    if old.len() <= 1 && new.len() <= 1 {
        return vec![(old.into_iter().next(), new.into_iter().next())];
    }
    let chars = |name: &str| name.to_lowercase().chars().collect::<Vec<_>>();
    let mut scored: Vec<(usize, usize, usize)> = Vec::new();
    for (i, a) in old.iter().enumerate() {
        for (j, b) in new.iter().enumerate() {
            let (a, b) = (chars(a), chars(b));
            let distance = levenshtein(&a, &b);
            // Alike: at most half the letters of the longer name differ.
            if distance * 2 <= a.len().max(b.len()) {
                scored.push((distance, i, j));
            }
        }
    }
    scored.sort_unstable();
    let (mut old_used, mut new_used) = (vec![false; old.len()], vec![false; new.len()]);
    let mut pairs: Vec<(usize, Option<String>, Option<String>)> = Vec::new();
    for (_, i, j) in scored {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push((i, Some(old[i].clone()), Some(new[j].clone())));
        }
    }
    // The one name left each side was replaced by the other, alike or not.
    if old_used.iter().filter(|used| !**used).count() == 1
        && new_used.iter().filter(|used| !**used).count() == 1
    {
        let i = old_used.iter().position(|used| !used).unwrap_or_default();
        let j = new_used.iter().position(|used| !used).unwrap_or_default();
        old_used[i] = true;
        new_used[j] = true;
        pairs.push((i, Some(old[i].clone()), Some(new[j].clone())));
    }
    pairs.sort_by_key(|(i, _, _)| *i);
    let mut res: Vec<(Option<String>, Option<String>)> =
        pairs.into_iter().map(|(_, a, b)| (a, b)).collect();
    res.extend(
        old.iter()
            .zip(&old_used)
            .filter(|(_, used)| !**used)
            .map(|(name, _)| (Some(name.clone()), None)),
    );
    res.extend(
        new.iter()
            .zip(&new_used)
            .filter(|(_, used)| !**used)
            .map(|(name, _)| (None, Some(name.clone()))),
    );
    res
}

/// The number of letters to insert, delete or replace to turn `a` into `b`.
pub(crate) fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Words that are capitalized at the start of a sentence for being first (English, French,
/// Spanish, German).
const SENTENCE_STARTERS: &[&str] = &[
    "A", "An", "The", "This", "That", "These", "Those", "In", "On", "At", "For", "From", "By",
    "With", "As", "If", "When", "While", "After", "Before", "But", "And", "Or", "It", "He", "She",
    "They", "We", "I", "His", "Her", "Their", "Our", "Its", "Le", "La", "Les", "Un", "Une", "Des",
    "El", "Los", "Las", "Una", "Der", "Die", "Das", "Ein", "Eine",
];

/// Whether token `idx` of a paragraph's tokens starts a sentence: nothing but spaces before
/// it, or the end of a sentence, an opening quotation mark, bracket or parenthesis ("**[This
/// section out of date]**"), or a Markdown mark.
fn starts_sentence_at(tokens: &[(Range<usize>, &str)], idx: usize) -> bool {
    tokens[..idx]
        .iter()
        .rev()
        .find(|(_, token)| !token.trim().is_empty())
        .is_none_or(|(_, token)| {
            matches!(
                *token,
                "." | "!" | "?" | "\"" | "“" | "«" | "#" | "*" | "**" | "_" | ":" | "[" | "(" | ">"
            )
        })
}

/// The quotation (text between quotation marks, marks included) that a change touches.
fn quotation_around(text: &str, changed: &[Range<usize>]) -> Option<String> {
    // The ranges of one change are mostly in one paragraph: its quotations are found once.
    let mut read: Option<(Range<usize>, Vec<Range<usize>>)> = None;
    for changed in changed.iter().take(MAX_RANGES_READ) {
        let paragraph = paragraph_around(text, changed);
        let start = paragraph.start;
        let quotes = match read.take() {
            Some((last, quotes)) if last == paragraph => quotes,
            _ => quotations(&text[paragraph.clone()]),
        };
        let quotes = &read.insert((paragraph, quotes)).1;
        for quote in quotes {
            let quote = start + quote.start..start + quote.end;
            if quote.start < changed.end && changed.start < quote.end {
                return Some(text[quote].replace('\n', " "));
            }
        }
    }
    None
}

/// Byte ranges of quotations in a paragraph: “…”, «…», „…“, and "…" (straight quotes taken
/// in pairs).
fn quotations(paragraph: &str) -> Vec<Range<usize>> {
    let mut res = Vec::new();
    // Every quotation mark is `"` or starts with byte 0xC2 (guillemets) or 0xE2 (curly
    // quotes): a paragraph without them is passed over a byte at a time, not a character.
    if !paragraph
        .bytes()
        .any(|byte| matches!(byte, b'"' | 0xC2 | 0xE2))
    {
        return res;
    }
    let mut open: Option<(usize, char)> = None;
    for (idx, c) in paragraph.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '„' | '"') => open = Some((idx, c)),
            (Some((start, opening)), _)
                if matches!(
                    (opening, c),
                    ('“', '”') | ('«', '»') | ('„', '“' | '”') | ('"', '"')
                ) =>
            {
                // An attribute's value (`<img src="…">`) is the markup's, not a quotation.
                if !in_tag(paragraph, &(start..start)) {
                    res.push(start..idx + c.len_utf8());
                }
                open = None;
            }
            _ => {}
        }
    }
    res
}

/// Where a link without a scheme starts in a whitespace-delimited run, if the run is one: a
/// host name with a dot and a letters-only ending, then a path (`example.org/news/2024`).
fn bare_link_start(run: &str) -> Option<usize> {
    let start = run.find(|c: char| c.is_alphanumeric())?;
    let (host, _path) = run[start..].split_once('/')?;
    let (name, ending) = host.rsplit_once('.')?;
    let is_host = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && ending.len() >= 2
        && ending.chars().all(|c| c.is_ascii_alphabetic());
    is_host.then_some(start)
}

/// Whether the number token at `range` of `text` is part of a link (see [`link_around`]):
/// its digits belong to the address, not to the article's figures. Only 200 bytes either way
/// are read, so a text without spaces costs each number a bounded look.
fn in_link(text: &str, range: &Range<usize>) -> bool {
    let (from, to) = within_200(text, range);
    // The run starts after the last whitespace before the number (or at the text's start),
    // and ends at the first after it (or at the text's end); farther than the window, it is
    // taken for no link.
    let before = match text[from..range.start]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
    {
        Some((idx, c)) => from + idx + c.len_utf8(),
        None if from == 0 => 0,
        None => return false,
    };
    let after = match text[range.end..to].find(char::is_whitespace) {
        Some(idx) => range.end + idx,
        None if to == text.len() => to,
        None => return false,
    };
    let run = &text[before..after];
    run.contains("://")
        || run.contains("www.")
        || run.contains('@')
        || bare_link_start(run).is_some()
}

/// The bounds of the text read around `range`: 200 bytes either way, on character boundaries.
fn within_200(text: &str, range: &Range<usize>) -> (usize, usize) {
    let mut from = range.start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (range.end + 200).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    (from, to)
}

/// Whether the number token at `range` of `text` stands inside an HTML tag (`<img
/// intrinsicsize="641x182">`, `<td width="40">`): the markup's, not a figure the reader reads.
/// As with links, only 200 bytes either way are read.
fn in_tag(text: &str, range: &Range<usize>) -> bool {
    let (from, to) = within_200(text, range);
    let before = &text[from..range.start];
    let opened = before.rfind('<').filter(|&at| {
        !before[at..].contains('>')
            && before[at + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
    });
    let after = &text[range.end..to];
    opened.is_some()
        && after
            .find('>')
            .is_some_and(|end| !after[..end].contains('<'))
}

/// The link target (URL, `mailto:` or e-mail address) that a change falls in: the
/// whitespace-delimited run around the change, from where its link starts.
fn link_around(text: &str, changed: &[Range<usize>]) -> Option<String> {
    for changed in changed.iter().take(MAX_RANGES_READ) {
        let run_start = text[..changed.start]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(idx, c)| idx + c.len_utf8());
        let run_end = text[changed.end..]
            .find(char::is_whitespace)
            .map_or(text.len(), |idx| changed.end + idx);
        let run = &text[run_start..run_end];
        let link_start = ["https://", "http://", "mailto:", "www."]
            .iter()
            .filter_map(|prefix| run.find(prefix))
            .min()
            .or_else(|| {
                // An e-mail address: from the start of its local part.
                let at = run.find('@')?;
                let local = run[..at]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !(c.is_alphanumeric() || "._%+-".contains(c)))
                    .map_or(0, |(idx, c)| idx + c.len_utf8());
                run[at..].contains('.').then_some(local)
            })
            .or_else(|| bare_link_start(run))?;
        let link = run[link_start..].trim_end_matches([')', '.', ',', ';', ']', '"', '\'']);
        // The change must fall inside the link, not in the text before it.
        if run_start + link_start < changed.end {
            return Some(link.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare;

    /// The facts of a change in the body: both texts get a headline first.
    fn facts(original: &str, reworked: &str) -> Vec<(FactKind, String, String)> {
        let (original, reworked) = (
            format!("Title\n\n{original}"),
            format!("Title\n\n{reworked}"),
        );
        compare(&original, &reworked)
            .facts
            .into_iter()
            .map(|fact| (fact.kind, fact.old, fact.new))
            .collect()
    }

    fn fact(kind: FactKind, old: &str, new: &str) -> (FactKind, String, String) {
        (kind, old.to_owned(), new.to_owned())
    }

    #[test]
    fn figures_inside_tags_are_the_markups() {
        // The size of an image in its tag is no figure a reader reads; the same figure in
        // the text is.
        let facts_of = |original: &str, reworked: &str| {
            facts(original, reworked)
                .into_iter()
                .filter(|(kind, _, _)| *kind == FactKind::Number)
                .count()
        };
        assert_eq!(
            facts_of(
                "See the chart.\n\n<img src=\"a.svg\" intrinsicsize=\"641x182\" alt=\"\">",
                "See the chart.\n\n<img src=\"a.svg\" intrinsicsize=\"815x297\" alt=\"\">"
            ),
            0
        );
        assert_eq!(
            facts_of(
                "The chart is 641 pixels wide.",
                "The chart is 815 pixels wide."
            ),
            1
        );
        assert_eq!(
            facts(
                "<img src=\"/a.svg\" alt=\"\">\n\nIt said “no”.",
                "It said “yes”."
            ),
            [fact(FactKind::Quotation, "“no”", "“yes”")]
        );
        assert!(in_tag("<td width=\"40\">", &(11..13)));
        assert!(!in_tag("x < 40 and y > 2", &(4..6)));
    }

    #[test]
    fn a_time_is_one_figure() {
        assert_eq!(
            facts(
                "The ferry leaves at 9:00 from pier 4.",
                "The ferry leaves at 9:30 from pier 4."
            ),
            [fact(FactKind::Number, "9:00", "9:30")]
        );
    }

    #[test]
    fn numbers_and_ranges() {
        assert_eq!(
            facts(
                "Officials expect 60,000 visitors.",
                "Officials expect 25,000 to 35,000 visitors."
            ),
            [fact(FactKind::Number, "60,000", "25,000 to 35,000")]
        );
        assert_eq!(
            facts("Turnout was 45%.", "Turnout was 54%."),
            [fact(FactKind::Number, "45%", "54%")]
        );
        assert!(facts("The big dog barked.", "The small dog barked.").is_empty());
    }

    #[test]
    fn dates() {
        assert_eq!(
            facts("The vote was on Monday.", "The vote was on Tuesday."),
            [fact(FactKind::Date, "Monday", "Tuesday")]
        );
        assert!(
            facts("You may go.", "You can go.").is_empty(),
            "may is a verb"
        );
    }

    #[test]
    fn date_words_in_any_case_and_in_french() {
        for word in [
            "Monday",
            "MONDAY",
            "monday",
            "Décembre",
            "DÉCEMBRE",
            "août",
            "Yesterday",
        ] {
            assert!(is_date_word(word), "{word}");
        }
        // Not dates: verbs, other words, and tokens whose lower case grows (İ) or is long.
        for word in [
            "may",
            "march",
            "Mayor",
            "İİİİİİ",
            "ÉÉÉÉÉÉ",
            "Wednesdays",
            "",
            "a",
        ] {
            assert!(!is_date_word(word), "{word}");
        }
    }

    #[test]
    fn names_whole_and_not_sentence_starts() {
        assert_eq!(
            facts(
                "Thanks to Jina Bolton and Scott.",
                "Thanks to Jina Anne and Scott."
            ),
            [fact(FactKind::Name, "Jina Bolton", "Jina Anne")]
        );
        assert_eq!(
            facts(
                "He spoke to the Bank of England today.",
                "He spoke to the Bank of France today."
            ),
            [fact(FactKind::Name, "Bank of England", "Bank of France")]
        );
        assert!(
            facts(
                "Yesterday it rained. Rain fell.",
                "Yesterday it rained. Snow fell."
            )
            .is_empty(),
            "a capitalized word that starts a sentence is not a name"
        );
        assert!(
            facts(
                "The crossing moves to 18:30.",
                "**[This section out of date]** The crossing moves to 18:30."
            )
            .iter()
            .all(|fact| fact.0 != FactKind::Name),
            "nor is one that opens a bracket: {:?}",
            facts(
                "The crossing moves to 18:30.",
                "**[This section out of date]** The crossing moves to 18:30."
            )
        );
    }

    #[test]
    fn quotations_are_shown_whole() {
        assert_eq!(
            facts(
                "She said “we will build the bridge” on Friday.",
                "She said “we will repair the bridge” on Friday."
            ),
            [fact(
                FactKind::Quotation,
                "“we will build the bridge”",
                "“we will repair the bridge”"
            )]
        );
    }

    #[test]
    fn headline_subheading_and_link() {
        assert_eq!(
            compare(
                "Old title\n\nBody text here.",
                "New title\n\nBody text here."
            )
            .facts
            .into_iter()
            .map(|fact| (fact.kind, fact.old, fact.new))
            .collect::<Vec<_>>(),
            [fact(FactKind::Headline, "Old title", "New title")]
        );
        assert_eq!(
            facts(
                "Body.\n\n## Costs so far\n\nMore.",
                "Body.\n\n## Costs to date\n\nMore."
            ),
            [fact(
                FactKind::Subheading,
                "## Costs so far",
                "## Costs to date"
            )]
        );
        assert_eq!(
            facts(
                "See [the report](https://example.org/report-2024) now.",
                "See [the report](https://example.org/report-2025) now."
            ),
            [fact(
                FactKind::Link,
                "https://example.org/report-2024",
                "https://example.org/report-2025"
            )]
        );
    }

    #[test]
    fn subtitle() {
        assert_eq!(
            compare(
                "Title\n\nA plan for the harbour\n\nBody text.",
                "Title\n\nA smaller plan for the harbour\n\nBody text."
            )
            .facts
            .into_iter()
            .map(|fact| (fact.kind, fact.old, fact.new))
            .collect::<Vec<_>>(),
            [fact(
                FactKind::Subtitle,
                "A plan for the harbour",
                "A smaller plan for the harbour"
            )]
        );
    }

    #[test]
    fn cosmetic_changes_and_moves_carry_no_fact() {
        assert!(facts("It cost “$5”.", "It cost \"$5\".").is_empty());
    }
}
