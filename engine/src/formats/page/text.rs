//! The article in a page given as plain text (a Select-All copy: only lines survive): each line scored as prose or frame, and the best-scoring run of lines taken.
//!
//! What survives a copy: paragraphs are long lines that end like sentences; menus, bylines,
//! dates, share buttons and teaser titles are short lines; a comment thread or a list of
//! related posts starts with a line that says so. No published extractor reads this form, so
//! the rules are Redline's own, measured on the copies in the pages benchmark
//! (`make bench-pages`).

use std::ops::Range;

/// The line-start words that end an article: what follows is comments, teasers or the
/// page's furniture. Matched on a short line, lower-cased, after any count (`34 Comments`).
const STOPS: &[&str] = &[
    "comments",
    "comment",
    "responses",
    "replies",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "join the discussion",
    "join the conversation",
    "related",
    "you may also like",
    "you might also like",
    "more from",
    "more stories",
    "recommended",
    "recent posts",
    "recent news",
    "popular posts",
    "tags",
    "tag:",
    "tags:",
    "share this",
    "share on",
    "filed under",
    "about the author",
    "trending",
    "most read",
    "most popular",
    "most viewed",
    "see also",
    "previous post",
    "next post",
    "previous article",
    "next article",
    "also read",
    "read next",
    "read more",
    "read these next",
    "sponsored",
];

/// Words of a line (runs of letters and digits), a run of CJK characters counting one word
/// per two characters.
fn n_words(line: &str) -> usize {
    let mut words = 0;
    let mut cjk = 0;
    let mut in_word = false;
    for c in line.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    words + cjk / 2
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

fn is_stop(line: &str) -> bool {
    if line.len() > 60 {
        return false;
    }
    let lower = line.to_lowercase();
    let rest = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    STOPS.iter().any(|stop| {
        rest.strip_prefix(stop)
            .is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// A comment's header or a post's time stamp: `NAME says:`, `November 19, 2019 at 6:34 am`.
fn is_comment_meta(line: &str) -> bool {
    // Every line of a page is read, so nothing here allocates.
    let line = line.trim_end();
    if ["says:", "said:", "wrote:"]
        .iter()
        .any(|end| ends_with_ignoring_case(line, end))
    {
        return true;
    }
    // A clock time followed by am or pm.
    let bytes = line.as_bytes();
    (1..bytes.len()).any(|idx| {
        bytes[idx] == b':'
            && bytes[idx - 1].is_ascii_digit()
            && bytes
                .get(idx + 1..idx + 3)
                .is_some_and(|digits| digits.iter().all(u8::is_ascii_digit))
            && {
                let after = line[idx + 3..].trim_start().as_bytes();
                after.len() >= 2
                    && matches!(after[0], b'a' | b'p' | b'A' | b'P')
                    && matches!(after[1], b'm' | b'M')
            }
    })
}

/// Whether `line` ends with the ASCII `end`, in any case.
fn ends_with_ignoring_case(line: &str, end: &str) -> bool {
    line.len() >= end.len()
        && line.is_char_boundary(line.len() - end.len())
        && line[line.len() - end.len()..].eq_ignore_ascii_case(end)
}

/// The first line of a comment thread: `34 Comments`, `12 responses to “…”`, `Leave a Reply`,
/// or a comment's `NAME says:`. Whatever follows is read as comments.
fn starts_comments(line: &str) -> bool {
    let line = line
        .trim()
        .trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | ' '));
    if ends_with_ignoring_case(line, "says:") || ends_with_ignoring_case(line, "said:") {
        return true;
    }
    // Only the start of a line is read, lower-cased: the phrases are short.
    let lower: String = line.chars().take(40).collect::<String>().to_lowercase();
    let rest = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    // "0 Comments" under a byline says there are none to follow.
    let count = lower[..lower.len() - rest.len()].trim();
    (rest.len() < lower.len()
        && !count.trim_start_matches('0').is_empty()
        && [
            "comments",
            "comment",
            "responses",
            "response",
            "replies",
            "reply",
        ]
        .iter()
        .any(|word| rest.starts_with(word)))
        || lower.starts_with("top rated comments")
        || lower.starts_with("leave a reply")
        || lower.starts_with("leave a comment")
        || lower.starts_with("join the discussion")
        || line.eq_ignore_ascii_case("comments")
}

fn ends_like_a_sentence(line: &str) -> bool {
    line.ends_with([
        '.', '!', '?', '…', '"', '”', '’', '»', ')', ']', ':', ';', '。', '！', '？',
    ])
}

/// The share of a line's words that start with a lower-case letter.
fn lowercase_share(line: &str) -> f64 {
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = words
        .iter()
        .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
        .count();
    lower as f64 / words.len().max(1) as f64
}

/// A teaser as a copy glues it: a title in title case run into its excerpt with no space
/// between (`… Troy SteakhouseA party of six left …`, `… On The Rise?Violence is …`).
fn is_glued_teaser(line: &str) -> bool {
    let chars: Vec<(usize, char)> = line.char_indices().take(160).collect();
    let junction = (1..chars.len()).find(|&idx| {
        let (prev, next) = (chars[idx - 1].1, chars[idx].1);
        next.is_uppercase()
            && (matches!(prev, '?' | '!' | ')')
                || (prev.is_lowercase()
                    && idx >= 6
                    && chars[idx - 6..idx].iter().all(|(_, c)| c.is_lowercase())))
    });
    let Some(idx) = junction else {
        return false;
    };
    let title: Vec<&str> = line[..chars[idx].0].split_whitespace().collect();
    let capitalized = title
        .iter()
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .count();
    title.len() >= 4 && capitalized * 2 >= title.len()
}

/// How much a line looks like a paragraph of the article (positive) or like the frame.
fn line_score(line: &str) -> f64 {
    let line = line.trim();
    let words = n_words(line);
    if words == 0 {
        return 0.0;
    }
    if is_stop(line) {
        return -40.0;
    }
    if is_comment_meta(line) {
        return -15.0;
    }
    if is_glued_teaser(line) {
        return -4.0;
    }
    // A list entry with its count ("… Goodell to stop running (185)"): most commented,
    // most read.
    if line.ends_with(')')
        && line.rsplit_once('(').is_some_and(|(_, count)| {
            count.len() > 1 && count[..count.len() - 1].chars().all(|c| c.is_ascii_digit())
        })
    {
        return -4.0;
    }
    let sentence = ends_like_a_sentence(line);
    let has_cjk = line.chars().any(is_cjk);
    if words > 300 && !has_cjk {
        // No paragraph of the benchmark's articles reaches 200 words; a line of 300 is a copy
        // that ran a ticker or a block of teasers together into one line.
        0.0
    } else if words >= 15 && (sentence || has_cjk) {
        // A paragraph of the article rarely runs past 150 words; a line far longer is a copy
        // that ran a block of teasers together into one line.
        words.min(150) as f64
    } else if words >= 8 && sentence {
        words as f64 * 0.7
    } else if words >= 12 && lowercase_share(line) >= 0.7 {
        // Prose that does not end like a sentence (a line cut before its full stop, a
        // sentence without one); a title is mostly capitalized words.
        words as f64 * 0.6
    } else if words >= 5 && sentence {
        -2.0
    } else {
        -4.0 - 0.3 * words as f64
    }
}

const DECAY: f64 = 0.5;

/// The byte range of the article in `text`: the run of lines with the highest total score.
pub(crate) fn find(text: &str) -> Range<usize> {
    let mut best = (0.0, 0..0);
    let mut current = 0.0;
    let mut start = 0;
    let mut at = 0;
    // Whether the last line with words was prose: paragraphs of an article follow each other,
    // where a teaser's excerpt follows its title.
    let mut after_prose = false;
    let mut in_comments = false;
    for line in text.split_inclusive('\n') {
        let mut score = line_score(line);
        in_comments = in_comments || starts_comments(line);
        if score > 0.0 && after_prose {
            score *= 1.5;
        }
        if score > 0.0 && in_comments {
            // Comments are prose too, often more of it than the article; a sixth or so of
            // their score lets a long article beat them (0.1 to 0.25 measured alike on half
            // of the benchmark's pages, 0.15 best on the other).
            score *= 0.15;
        }
        if score > 0.0 {
            score *= 1.0 - DECAY * at as f64 / text.len().max(1) as f64;
        }
        if n_words(line) > 0 {
            after_prose = score > 0.0;
        }
        if current <= 0.0 {
            current = 0.0;
            start = at;
        }
        current += score;
        let end = at + line.trim_end().len();
        if current == score && score > 0.0 {
            // The run starts at this line's text, not at blank lines before it.
            start = at + (line.len() - line.trim_start().len());
        }
        if current > best.0 {
            best = (current, start..end);
        }
        at += line.len();
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_and_comments_are_frame() {
        let page = "Home\nWorld\nPolitics\nSport\nCouncil approves bridge repair\nBy Ann Lee\n\
                    The town council voted on Tuesday to spend $2.4 million repairing the Weir Street bridge, which has been closed since March.\n\
                    The bridge carries around 6,000 vehicles a day, according to the council's own traffic survey of the town.\n\
                    34 Comments\n\
                    joe says:\nNovember 19, 2019 at 6:34 am\n\
                    This is the longest comment anyone ever wrote about a bridge in this town, and it goes on and on.\n\
                    Privacy Policy\n";
        let range = find(page);
        let article = &page[range];
        assert!(article.starts_with("The town council voted"), "{article}");
        assert!(
            article.ends_with("traffic survey of the town."),
            "{article}"
        );
    }

    #[test]
    fn a_stop_line_needs_the_whole_word() {
        assert!(is_stop("34 Comments"));
        assert!(is_stop("Related Posts"));
        assert!(!is_stop("Relatedly, the council met."));
        assert!(is_comment_meta("November 19, 2019 at 6:34 am"));
        assert!(!is_comment_meta("The vote was at 6:34 in the evening."));
        assert!(is_comment_meta(
            "Milan Griffes on September 12, 2018 at 4:47 pm said:"
        ));
    }

    #[test]
    fn comment_threads_start_where_they_say_so() {
        assert!(starts_comments("34 Comments"));
        assert!(starts_comments("Comments"));
        assert!(starts_comments("Alex on September 17, 2018 said:"));
        // A count of none under the byline: the article follows, not comments.
        assert!(!starts_comments(" 0 Comments"));
        assert!(!starts_comments(
            "Comments are closed on this story, the editor said."
        ));
    }

    #[test]
    fn glued_teasers_are_frame() {
        assert!(is_glued_teaser(
            "Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left the restaurant."
        ));
        assert!(is_glued_teaser(
            "Is Violence In Sports On The Rise?Violence is part of the game in many sports."
        ));
        // Brand names and a sentence that starts with one are prose.
        assert!(!is_glued_teaser(
            "PricewaterhouseCoopers said on Monday that it would audit the council's accounts."
        ));
        assert!(!is_glued_teaser(
            "The mayor posted the plan on LinkedIn and YouTube before the vote on Tuesday."
        ));
    }

    #[test]
    fn a_ticker_run_into_one_line_is_not_the_article() {
        let ticker = "Storm closes the coast road and the harbour, police say. ".repeat(40);
        let article = "The council voted on Tuesday to spend $2.4 million repairing the Weir Street bridge, which has been closed since March.\n\
                       The bridge carries around 6,000 vehicles a day, according to the council's own traffic survey of the town.\n";
        let page = format!("Home\nNews\n{ticker}\nBridge repair approved\n{article}Privacy\n");
        let found = &page[find(&page)];
        assert!(found.starts_with("The council voted"), "{found}");
    }
}
