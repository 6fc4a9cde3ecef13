//! Redline against other engines' expectations: jsdiff's word-diff tests (tests/fixtures/jsdiff, BSD-3-Clause), compared on the words each change deletes and inserts.

use redline_engine::{Comparison, SegmentKind, compare};

#[path = "common/tokens.rs"]
mod tokens;

use tokens::tokens;

/// A change as deleted and inserted tokens (runs of letters and digits, and each other
/// non-space character): whitespace is left out, since jsdiff's diffWords ignores it too.
type Change = (Vec<String>, Vec<String>);

/// The changes of jsdiff's expected XML (`<del>…</del>`, `<ins>…</ins>`, the rest equal),
/// whitespace-only ones left out.
fn jsdiff_changes(xml: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut current: Option<Change> = None;
    let mut rest = xml;
    while !rest.is_empty() {
        let (kind, body, after) = if let Some(body) = rest.strip_prefix("<del>") {
            let end = body.find("</del>").unwrap();
            ('-', &body[..end], &body[end + 6..])
        } else if let Some(body) = rest.strip_prefix("<ins>") {
            let end = body.find("</ins>").unwrap();
            ('+', &body[..end], &body[end + 6..])
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            ('=', &rest[..end], &rest[end..])
        };
        let body = body
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        match kind {
            '=' if !tokens(&body).is_empty() => changes.extend(current.take()),
            '=' => {}
            '-' => current.get_or_insert_default().0.extend(tokens(&body)),
            _ => current.get_or_insert_default().1.extend(tokens(&body)),
        }
        rest = after;
    }
    changes.extend(current);
    changes.retain(|(deleted, inserted)| !deleted.is_empty() || !inserted.is_empty());
    changes
}

/// Redline's numbered changes (cosmetic ones are not changes), the same way.
fn redline_changes(comparison: &Comparison) -> Vec<Change> {
    let mut changes: Vec<Change> = vec![Change::default(); comparison.n_changes];
    for block in &comparison.blocks {
        for segment in &block.segments {
            let Some(change) = segment.change.or(block.change) else {
                continue;
            };
            if segment.cosmetic {
                continue;
            }
            match segment.kind {
                SegmentKind::Equal => {}
                SegmentKind::Delete => changes[change].0.extend(tokens(&segment.text)),
                SegmentKind::Insert => changes[change].1.extend(tokens(&segment.text)),
            }
        }
    }
    changes.retain(|(deleted, inserted)| !deleted.is_empty() || !inserted.is_empty());
    changes
}

/// jsdiff's 33 default `diffWords` cases: Redline changes the same words in at least 31.
/// The two left: `foo\nbar baz` → `foo baz` (a line joined and a word deleted at once, which
/// Redline still shows as the line's words deleted and retyped), and `New:Value:Test` →
/// `New,Value,More,Data` (policy: Unicode's word boundaries keep a colon between letters
/// inside a word, as in Swedish `c:a`, so the token is replaced whole).
#[test]
fn jsdiffs_word_cases_change_the_same_words() {
    let fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/jsdiff/word-cases.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 33);
    let mut differing = Vec::new();
    for case in cases {
        let original = case["original"].as_str().unwrap();
        let reworked = case["reworked"].as_str().unwrap();
        let expected = jsdiff_changes(case["expected"].as_str().unwrap());
        let comparison = compare(original, reworked);
        let found = redline_changes(&comparison);
        if found != expected {
            differing.push(format!(
                "{}: {original:?} → {reworked:?}: jsdiff {expected:?}, Redline {found:?} ({})",
                case["test"],
                comparison.markup()
            ));
        }
    }
    let n_same = cases.len() - differing.len();
    eprintln!(
        "{n_same} of {} the same:\n{}",
        cases.len(),
        differing.join("\n")
    );
    assert!(
        n_same >= 31,
        "{n_same} of {}:\n{}",
        cases.len(),
        differing.join("\n")
    );
}
