//! The only caller of `similar`: diffs token sequences and turns the ops into segments.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::model::{Segment, SegmentKind};
use super::tokenize::tokenize;

/// Patience anchors on tokens that occur once on each side; on reworked prose it keeps about
/// half the words where Myers keeps a tenth (measured in ../shared/bench/README.md).
const ALGORITHM: Algorithm = Algorithm::Patience;

/// Diffs `original` against `reworked` token by token and returns the segments in reading order.
pub(crate) fn diff_words(original: &str, reworked: &str) -> Vec<Segment> {
    let original_tokens = tokenize(original);
    let reworked_tokens = tokenize(reworked);
    let original_offsets = offsets(&original_tokens);
    let reworked_offsets = offsets(&reworked_tokens);

    // Without a deadline `similar` never reads the clock, which would panic in the browser.
    let ops = capture_diff_slices(ALGORITHM, &original_tokens, &reworked_tokens);

    let mut segments: Vec<Segment> = Vec::with_capacity(ops.len() + 1);
    for op in ops {
        let (original_range, reworked_range) = (op.old_range(), op.new_range());
        let original_bytes =
            original_offsets[original_range.start]..original_offsets[original_range.end];
        let reworked_bytes =
            reworked_offsets[reworked_range.start]..reworked_offsets[reworked_range.end];
        match op {
            DiffOp::Equal { .. } => push(
                &mut segments,
                SegmentKind::Equal,
                &original[original_bytes.clone()],
                Some(original_bytes),
                Some(reworked_bytes),
            ),
            DiffOp::Delete { .. } => push(
                &mut segments,
                SegmentKind::Delete,
                &original[original_bytes.clone()],
                Some(original_bytes),
                None,
            ),
            DiffOp::Insert { .. } => push(
                &mut segments,
                SegmentKind::Insert,
                &reworked[reworked_bytes.clone()],
                None,
                Some(reworked_bytes),
            ),
            DiffOp::Replace { .. } => {
                push(
                    &mut segments,
                    SegmentKind::Delete,
                    &original[original_bytes.clone()],
                    Some(original_bytes),
                    None,
                );
                push(
                    &mut segments,
                    SegmentKind::Insert,
                    &reworked[reworked_bytes.clone()],
                    None,
                    Some(reworked_bytes),
                );
            }
        }
    }
    segments
}

/// Byte offset of each token's start, plus the total length at the end.
fn offsets(tokens: &[&str]) -> Vec<usize> {
    let mut res = Vec::with_capacity(tokens.len() + 1);
    let mut offset = 0;
    res.push(offset);
    for token in tokens {
        offset += token.len();
        res.push(offset);
    }
    res
}

/// Appends a segment, merging it into the previous one when both have the same kind, so that a
/// delete-insert-delete run from `similar` reads as one deletion followed by one insertion.
fn push(
    segments: &mut Vec<Segment>,
    kind: SegmentKind,
    text: &str,
    original: Option<std::ops::Range<usize>>,
    reworked: Option<std::ops::Range<usize>>,
) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = segments.last_mut()
        && last.kind == kind
    {
        last.text.push_str(text);
        extend(&mut last.original, original);
        extend(&mut last.reworked, reworked);
        return;
    }
    segments.push(Segment {
        kind,
        text: text.to_owned(),
        original: original.map(|range| [range.start, range.end]),
        reworked: reworked.map(|range| [range.start, range.end]),
    });
}

fn extend(range: &mut Option<[usize; 2]>, more: Option<std::ops::Range<usize>>) {
    if let (Some(range), Some(more)) = (range.as_mut(), more) {
        range[1] = more.end;
    }
}

#[cfg(test)]
mod tests {
    use super::super::compare;
    use super::super::model::SegmentKind;

    /// Renders a comparison as compact markup, `[-deleted-]{+inserted+}`, and checks that the
    /// segments rebuild both texts and tile both sides.
    fn check(original: &str, reworked: &str, expect: &str) {
        let comparison = compare(original, reworked);
        let rendered: String = comparison
            .segments
            .iter()
            .map(|segment| match segment.kind {
                SegmentKind::Equal => segment.text.clone(),
                SegmentKind::Delete => format!("[-{}-]", segment.text),
                SegmentKind::Insert => format!("{{+{}+}}", segment.text),
            })
            .collect();
        assert_eq!(rendered, expect);
        assert_eq!(comparison.original_text(), original);
        assert_eq!(comparison.reworked_text(), reworked);
    }

    #[test]
    fn replaced_word() {
        check("The cat sat.", "The dog sat.", "The [-cat-]{+dog+} sat.");
    }

    #[test]
    fn punctuation_is_its_own_token() {
        check("He said, no", "He said no", "He said[-,-] no");
    }

    #[test]
    fn corrected_figure() {
        check(
            "The fund raised $50,000 last year.",
            "The fund raised $30,000 last year.",
            "The fund raised $[-50,000-]{+30,000+} last year.",
        );
    }

    #[test]
    fn empty_sides() {
        check("", "", "");
        check("", "New text", "{+New text+}");
        check("Old text", "", "[-Old text-]");
    }

    #[test]
    fn ranges_tile_both_sides() {
        let original = "One two three.\n\nFour five.";
        let reworked = "One 2 three.\n\nFive four, six.";
        let comparison = compare(original, reworked);
        let mut original_end = 0;
        let mut reworked_end = 0;
        for segment in &comparison.segments {
            if let Some([start, end]) = segment.original {
                assert_eq!(start, original_end);
                assert_eq!(&original[start..end], segment.text);
                original_end = end;
            }
            if let Some([start, end]) = segment.reworked {
                assert_eq!(start, reworked_end);
                assert_eq!(&reworked[start..end], segment.text);
                reworked_end = end;
            }
        }
        assert_eq!(
            (original_end, reworked_end),
            (original.len(), reworked.len())
        );
    }
}
