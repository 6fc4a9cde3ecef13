//! Engine tests through the public API: real revision pairs and arbitrary Unicode must rebuild exactly.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{any_options, article_text};
use proptest::prelude::*;
use redline_engine::{
    BlockKind, Comparison, Layout, Options, SegmentKind, TextCounter, compare,
    compare_with_options, text_counts,
};

/// Asserts that the comparison rebuilds both inputs, that each side's segment ranges tile its
/// text in order (moved-to blocks left out on the original side, moved-from blocks on the
/// reworked side), and that block ranges agree with their segments.
fn assert_exact(original: &str, reworked: &str, comparison: &Comparison) {
    assert_eq!(comparison.original_text(), original);
    assert_eq!(comparison.reworked_text(), reworked);
    let mut ends = (0, 0);
    for block in &comparison.blocks {
        assert!(!block.segments.is_empty(), "empty block in {comparison:?}");
        let mut block_ends = (
            block.original.map(|[start, _]| start),
            block.reworked.map(|[start, _]| start),
        );
        for segment in &block.segments {
            assert!(!segment.text.is_empty(), "empty segment in {comparison:?}");
            match segment.kind {
                SegmentKind::Equal => {
                    assert!(segment.original.is_some() && segment.reworked.is_some())
                }
                SegmentKind::Delete => {
                    assert!(segment.original.is_some() && segment.reworked.is_none())
                }
                SegmentKind::Insert => {
                    assert!(segment.original.is_none() && segment.reworked.is_some())
                }
            }
            if let Some([start, end]) = segment.original {
                assert_eq!(&original[start..end], segment.text);
                if block.kind != BlockKind::MovedTo {
                    assert_eq!(start, ends.0, "original side does not tile at {segment:?}");
                    assert_eq!(
                        block_ends.0,
                        Some(start),
                        "segment outside its block: {segment:?}"
                    );
                    (ends.0, block_ends.0) = (end, Some(end));
                }
            }
            if let Some([start, end]) = segment.reworked {
                assert_eq!(&reworked[start..end], segment.text);
                if block.kind != BlockKind::MovedFrom {
                    assert_eq!(start, ends.1, "reworked side does not tile at {segment:?}");
                    assert_eq!(
                        block_ends.1,
                        Some(start),
                        "segment outside its block: {segment:?}"
                    );
                    (ends.1, block_ends.1) = (end, Some(end));
                }
            }
        }
        if block.kind != BlockKind::MovedTo {
            assert_eq!(block_ends.0, block.original.map(|[_, end]| end));
        }
        if block.kind != BlockKind::MovedFrom {
            assert_eq!(block_ends.1, block.reworked.map(|[_, end]| end));
        }
    }
    assert_eq!(ends, (original.len(), reworked.len()));
}

struct Pair {
    id: String,
    original: String,
    reworked: String,
}

fn corpus_pairs() -> Vec<Pair> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/pairs.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let field = |name: &str| value[name].as_str().unwrap().to_owned();
            Pair {
                id: field("id"),
                original: field("original"),
                reworked: field("reworked"),
            }
        })
        .collect()
}

#[test]
fn every_corpus_pair_rebuilds_exactly() {
    let pairs = corpus_pairs();
    assert_eq!(pairs.len(), 31);
    for pair in pairs {
        let comparison = compare(&pair.original, &pair.reworked);
        assert_exact(&pair.original, &pair.reworked, &comparison);
        let differs = comparison.has_changes() || comparison.stats.cosmetic_changes > 0;
        assert!(differs, "{}: a revision pair must differ", pair.id);
    }
}

/// Whether a segment boundary at `idx` splits a word: letters or digits on both sides, outside
/// the scripts that Redline compares per character.
fn splits_a_word(text: &str, idx: usize) -> bool {
    let before = text[..idx].chars().next_back();
    let after = text[idx..].chars().next();
    let per_character = |c: char| matches!(c, '\u{0E00}'..='\u{0E7F}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}');
    match (before, after) {
        (Some(before), Some(after)) => {
            before.is_alphanumeric()
                && after.is_alphanumeric()
                && !per_character(before)
                && !per_character(after)
        }
        _ => false,
    }
}

#[test]
fn no_corpus_change_starts_or_ends_inside_a_word() {
    for pair in corpus_pairs() {
        let comparison = compare(&pair.original, &pair.reworked);
        for segment in comparison.iter_segments() {
            for (range, text) in [
                (segment.original, &pair.original),
                (segment.reworked, &pair.reworked),
            ] {
                if let Some([start, end]) = range {
                    assert!(
                        !splits_a_word(text, start) && !splits_a_word(text, end),
                        "{}: segment {:?} splits a word",
                        pair.id,
                        segment.text
                    );
                }
            }
        }
    }
}

/// Counts change regions: maximal runs of deleted and inserted segments.
fn n_change_regions(comparison: &Comparison) -> usize {
    let mut res = 0;
    let mut in_change = false;
    for segment in comparison.iter_segments() {
        let is_change = segment.kind != SegmentKind::Equal;
        if is_change && !in_change {
            res += 1;
        }
        in_change = is_change;
    }
    res
}

/// Before and after on a heavy rewrite: the reworked sentence shares only small words with the
/// original, so a flat diff is confetti and the cleaned-up diff is old sentence / new sentence.
#[test]
fn cleanup_turns_confetti_into_phrases_on_a_heavy_rewrite() {
    let original = "The council of the town said on Monday that the plan for the harbour \
                    would cost $50,000 and that work would start in the spring.";
    let reworked = "A spokesperson for the town confirmed that the harbour project \
                    is now expected to cost $30,000, with work to start in the autumn.";
    let flat = compare_with_options(
        original,
        reworked,
        &Options {
            semantic_cleanup: false,
            ..Options::default()
        },
    );
    let clean = compare(original, reworked);
    assert_exact(original, reworked, &flat);
    assert_exact(original, reworked, &clean);
    assert!(
        n_change_regions(&flat) >= 8,
        "flat diff: {}",
        n_change_regions(&flat)
    );
    assert!(
        n_change_regions(&clean) * 2 <= n_change_regions(&flat),
        "cleanup should at least halve the change regions: {} vs {}",
        n_change_regions(&clean),
        n_change_regions(&flat)
    );
}

#[test]
fn json_names_the_kinds_and_ranges() {
    let comparison = compare("The cat sat.", "The dog sat.");
    let json = serde_json::to_value(&comparison).unwrap();
    let segments = &json["blocks"][0]["segments"];
    assert_eq!(json["blocks"][0]["kind"], "changed");
    assert_eq!(segments[1]["kind"], "deleted");
    assert_eq!(segments[1]["original"], serde_json::json!([4, 7]));
    assert!(segments[1].get("reworked").is_none());
    assert_eq!(segments[1]["change"], 0);
    assert_eq!(segments[2]["kind"], "inserted");
    assert_eq!(segments[2]["reworked"], serde_json::json!([4, 7]));
    let back: Comparison = serde_json::from_value(json).unwrap();
    assert_eq!(back, comparison);
}

proptest! {
    // 512 cases by default; PROPTEST_CASES=100000 for a longer hunt.
    #![proptest_config(ProptestConfig::with_cases(common::n_cases(512)))]

    #[test]
    fn arbitrary_texts_rebuild_exactly(original in article_text(), reworked in article_text()) {
        let comparison = compare(&original, &reworked);
        assert_exact(&original, &reworked, &comparison);
    }

    #[test]
    fn every_option_still_rebuilds_exactly(
        original in article_text(),
        reworked in article_text(),
        options in any_options(),
    ) {
        let comparison = compare_with_options(&original, &reworked, &options);
        assert_exact(&original, &reworked, &comparison);
    }

    /// Counting paragraph by paragraph, remembering the last text's, gives the counts of the
    /// whole text, before and after an edit (links, abbreviations and figures around the blank
    /// lines included).
    #[test]
    fn counting_by_paragraph_counts_the_whole_text(
        pieces in proptest::collection::vec(
            prop_oneof![
                article_text(),
                Just("https://example.org/a.b?c=d\n\n".to_owned()),
                Just("e.g. U.S. 25,000.\n\n\n".to_owned()),
                Just("\n\nwww.example.org".to_owned()),
                Just(" \n \n".to_owned()),
            ],
            0..6,
        ),
        typed in "\\PC{0,4}|\n\n|\n",
        at in any::<proptest::sample::Index>(),
    ) {
        let text = pieces.concat();
        let mut counter = TextCounter::default();
        prop_assert_eq!(counter.counts(&text), text_counts(&text));
        let boundaries: Vec<usize> = text.char_indices().map(|(idx, _)| idx).chain([text.len()]).collect();
        let cut = boundaries[at.index(boundaries.len())];
        let edited = format!("{}{typed}{}", &text[..cut], &text[cut..]);
        prop_assert_eq!(counter.counts(&edited), text_counts(&edited));
        prop_assert_eq!(counter.counts(&text), text_counts(&text));
    }

    #[test]
    fn a_text_against_itself_has_no_changes(text in article_text()) {
        let comparison = compare(&text, &text);
        prop_assert!(!comparison.has_changes());
        prop_assert_eq!(comparison.stats.words_added + comparison.stats.words_removed, 0);
    }
}

/// A paragraph that moved from the top to the bottom of a long rewrite is found as a move even
/// when every other paragraph changed too, and common words ("the") appear everywhere: move
/// candidates come from the rarer words the two places share.
#[test]
fn far_move_in_a_long_rewrite_is_found() {
    let moved = "The harbour commission approved the dredging contract after a long hearing.";
    let paragraph = |idx: usize, version: &str| {
        format!("The {version}{idx} and the town{version}{idx} item{version}{idx}.")
    };
    let mut original = vec![moved.to_owned()];
    let mut reworked = Vec::new();
    for idx in 0..200 {
        original.push(paragraph(idx, "first"));
        reworked.push(paragraph(idx + 1000, "second"));
    }
    reworked.push(moved.replace("long", "lengthy"));
    let (original, reworked) = (original.join("\n\n"), reworked.join("\n\n"));
    let comparison = compare(&original, &reworked);
    assert_exact(&original, &reworked, &comparison);
    assert_eq!(comparison.stats.paragraphs_moved, 1);
    let moved_to = comparison
        .blocks
        .iter()
        .find(|block| block.kind == BlockKind::MovedTo)
        .expect("a moved-to block");
    let markup: String = moved_to
        .segments
        .iter()
        .map(|segment| segment.markup())
        .collect();
    assert_eq!(
        markup,
        "The harbour commission approved the dredging contract after a [-long-]{+lengthy+} hearing.[~\n\n~]",
        "the word diff inside the move; its lost blank line is cosmetic"
    );
}

#[test]
fn a_text_of_many_lines_compares_exactly_in_few_blocks() {
    // Four times the line count above which unchanged lines join (the e2e tests open a million).
    let n_lines = 4 * redline_engine::COARSE_LINES;
    let original: String = (0..n_lines).map(|idx| format!("{}\n", idx % 97)).collect();
    let mut lines: Vec<String> = (0..n_lines).map(|idx| (idx % 97).to_string()).collect();
    lines[10] = "ten".to_owned();
    lines[n_lines - 1_000] = "near the end".to_owned();
    lines.remove(n_lines / 2);
    let reworked = lines.join("\n") + "\n";
    let comparison = compare(&original, &reworked);
    assert!(comparison.coarse);
    assert_exact(&original, &reworked, &comparison);
    assert_eq!(comparison.n_changes, 3);
    // Unchanged lines in a row are one block each: a handful, not a million.
    assert!(
        comparison.blocks.len() < 20,
        "{} blocks",
        comparison.blocks.len()
    );
    assert!(!compare("a\nb\n", "a\nc\n").coarse);
    // Against one long line, the deleted lines are one block too.
    let comparison = compare(&original, "One paragraph instead.");
    assert_exact(&original, "One paragraph instead.", &comparison);
    assert!(
        comparison.blocks.len() <= 3,
        "{} blocks",
        comparison.blocks.len()
    );
}

/// Cleanup never strikes out three unchanged words in a row, and never turns a paragraph that
/// kept most of its words into a whole replacement: on a real Wikinews revision that people
/// marked (IteraTeR), the gunman's name stays unchanged text, and no fact says it changed.
#[test]
fn cleanup_keeps_what_a_paragraph_kept() {
    let pair = corpus_pairs()
        .into_iter()
        .find(|pair| pair.id == "wikinews-iterater-50011-d1")
        .unwrap();
    let comparison = compare(&pair.original, &pair.reworked);
    assert_exact(&pair.original, &pair.reworked, &comparison);
    let deleted: String = comparison
        .iter_segments()
        .filter(|segment| segment.kind == SegmentKind::Delete)
        .map(|segment| segment.text.as_str())
        .collect();
    assert!(!deleted.contains("Kimveer Gill"), "{}", comparison.markup());
    assert!(
        comparison
            .facts
            .iter()
            .all(|fact| fact.old != "Kimveer Gill"),
        "{:?}",
        comparison.facts
    );

    // Three unchanged words between two rewrites stay unchanged.
    let comparison = compare(
        "The mayor resigned on Monday after the council vote of no confidence.",
        "A deputy mayor took over on Monday after the council voted to remove her.",
    );
    assert!(
        comparison
            .markup()
            .contains(" on Monday after the council "),
        "{}",
        comparison.markup()
    );
}

/// A short headline that shares words with the new one is word-diffed, not replaced whole.
#[test]
fn a_short_headline_is_word_diffed() {
    let comparison = compare(
        "Storm hits coast\n\nThe storm reached the coast on Monday.",
        "Storm batters Cornwall coast overnight\n\nThe storm reached the coast on Monday.",
    );
    // "coast" stays where it is: beside a pure insertion, keeping a word is no confetti.
    assert_eq!(
        comparison.markup(),
        "Storm [-hits-]{+batters Cornwall+} coast{+ overnight+}\n\nThe storm reached the coast on Monday."
    );
}

/// Changed spacing between kept words is cosmetic, never a numbered change (jsdiff's
/// "should diff has identical content" case), and a text that differs only so is the same.
#[test]
fn changed_spacing_is_cosmetic() {
    let comparison = compare("New Value", "New  Value");
    assert_eq!(comparison.markup(), "New[~ ~]{~  ~}Value");
    assert_eq!(comparison.n_changes, 0);
    assert_eq!(comparison.stats.cosmetic_changes, 1);
    assert_eq!(comparison.stats.paragraphs_changed, 0);
    assert!(comparison.facts.is_empty());
    let comparison = compare("The vote was\tclose.\n", "The  vote was close.\n");
    assert_eq!(comparison.n_changes, 0, "{}", comparison.markup());
}

/// An inserted or deleted sentence is marked as the whole sentence, not across the sentence
/// boundary (the first case is diff-match-patch's "Sentence boundaries" test, google/
/// diff-match-patch, Apache-2.0: `The xxx. The {+zzz. The +}yyy.`).
#[test]
fn a_whole_inserted_sentence_is_marked_whole() {
    let check = |original: &str, reworked: &str, expect: &str| {
        let comparison = compare(original, reworked);
        assert_exact(original, reworked, &comparison);
        assert_eq!(comparison.markup(), expect);
    };
    check(
        "The xxx. The yyy.",
        "The xxx. The zzz. The yyy.",
        "The xxx. {+The zzz. +}The yyy.",
    );
    check(
        "The council voted.",
        "The police arrived. The council voted.",
        "{+The police arrived. +}The council voted.",
    );
    check(
        "The mayor spoke. The police came. The council voted.",
        "The mayor spoke. The council voted.",
        "The mayor spoke. [-The police came. -]The council voted.",
    );
}

/// The splits and joins of a comparison, in reading order: each marks both segments of its
/// change, the deleted whitespace and the inserted.
fn layouts(comparison: &Comparison) -> Vec<Layout> {
    let segments: Vec<_> = comparison.iter_segments().collect();
    segments
        .iter()
        .enumerate()
        .filter(|&(idx, segment)| {
            let second = segment.kind == SegmentKind::Insert
                && idx > 0
                && segments[idx - 1].kind == SegmentKind::Delete
                && segments[idx - 1].layout.is_some();
            segment.layout.is_some() && !second
        })
        .filter_map(|(_, segment)| segment.layout)
        .collect()
}

/// A paragraph split in two while a word in it changed: the words stay untouched, the split is
/// a marked cosmetic change, and the one numbered change is the word.
#[test]
fn a_split_paragraph_with_an_edit_keeps_its_words() {
    let original =
        "Council votes\n\nThe mayor spoke on Monday. The council voted for the plan on Tuesday.\n";
    let reworked = "Council votes\n\nThe mayor spoke on Monday.\n\nThe council voted against the plan on Tuesday.\n";
    let comparison = compare(original, reworked);
    assert_exact(original, reworked, &comparison);
    assert_eq!(
        comparison.markup(),
        "Council votes\n\nThe mayor spoke on Monday.[~ ~]{~\n\n~}The council voted [-for-]{+against+} the plan on Tuesday.\n"
    );
    assert_eq!(comparison.n_changes, 1);
    assert_eq!(layouts(&comparison), [Layout::Split]);
    assert_eq!(comparison.stats.words_removed, 1);
    assert_eq!(comparison.stats.words_added, 1);
    // The other way round, two paragraphs joined while words were cut, is a join.
    let joined = compare(
        "Council votes\n\nThe mayor spoke on Monday.\n\nThe council voted for the plan on Tuesday after a long debate.\n",
        "Council votes\n\nThe mayor spoke on Monday. The council voted for the plan on Tuesday.\n",
    );
    assert_eq!(
        joined.markup(),
        "Council votes\n\nThe mayor spoke on Monday.[~\n\n~]{~ ~}The council voted for the plan on Tuesday[- after a long debate-].\n"
    );
    assert_eq!(layouts(&joined), [Layout::Join]);
    // jsdiff's `foo\nbar baz` → `foo baz`: the line joined and the word deleted at once.
    assert_eq!(
        compare("foo\nbar baz", "foo baz").markup(),
        "foo[-\nbar-] baz"
    );
}

/// A split into three, and a new paragraph that only shares words with its neighbour's old
/// version, which is no split: it is inserted whole.
#[test]
fn splits_take_each_part_from_the_old_paragraph() {
    let original = "Title\n\nThe storm hit the coast on Monday. Roads were closed across the county. Schools will reopen on Thursday.\n";
    let reworked = "Title\n\nThe storm hit the coast early on Monday.\n\nRoads were closed across the county.\n\nSchools will reopen on Friday.\n";
    let comparison = compare(original, reworked);
    assert_exact(original, reworked, &comparison);
    assert_eq!(layouts(&comparison), [Layout::Split, Layout::Split]);
    assert_eq!(comparison.stats.words_removed, 1, "{}", comparison.markup());
    assert_eq!(comparison.stats.words_added, 2, "{}", comparison.markup());

    let original = "Title\n\nThe storm hit the coast on Monday and the roads were closed.\n";
    let reworked = "Title\n\nThe storm hit the coast on Monday and the roads were closed.\n\nThe council said the roads on the coast would reopen.\n";
    let comparison = compare(original, reworked);
    assert!(layouts(&comparison).is_empty(), "{}", comparison.markup());
    assert!(
        comparison
            .blocks
            .iter()
            .any(|block| block.kind == BlockKind::Inserted),
        "{}",
        comparison.markup()
    );
}

/// Lines that stand more than once (a row of `* * *`, a repeated credit) are not moves when
/// one copy goes and another comes; a paragraph that stands once still moves.
#[test]
fn repeated_lines_are_not_moves() {
    let original = "Title\n\n* * *\n\nThe first part of the story.\n\nThe second part of the story.\n\n* * *\n\nThe last part.";
    let reworked = "Title\n\nThe first part of the story.\n\n* * *\n\nThe second part of the story.\n\nThe last part.\n\n* * *";
    let comparison = compare(original, reworked);
    assert_exact(original, reworked, &comparison);
    assert_eq!(
        comparison.stats.paragraphs_moved,
        0,
        "{}",
        comparison.markup()
    );

    let moved = "The harbour commission approved the dredging contract after a long hearing.";
    let original = format!("Title\n\n{moved}\n\nPhoto: AP\n\nOne.\n\nPhoto: AP\n\nTwo.");
    let reworked = format!("Title\n\nPhoto: AP\n\nOne.\n\nPhoto: AP\n\nTwo.\n\n{moved}");
    let comparison = compare(&original, &reworked);
    assert_eq!(
        comparison.stats.paragraphs_moved,
        1,
        "{}",
        comparison.markup()
    );
}

/// An inserted paragraph that repeats the line before it is placed at the blank line, whole
/// (diff-match-patch's "Blank lines" case), not inside the paragraph it repeats.
#[test]
fn an_inserted_paragraph_starts_at_a_blank_line() {
    let comparison = compare("AAA\n\nBBB\nEEE", "AAA\n\nBBB\nDDD\n\nBBB\nEEE");
    assert_eq!(comparison.markup(), "AAA\n\n{+BBB\n+}{+DDD\n\n+}BBB\nEEE");
    let comparison = compare("AAA\n\nBBB\nDDD\n\nBBB\nEEE", "AAA\n\nBBB\nEEE");
    assert_eq!(comparison.markup(), "AAA\n\n[-BBB\n-][-DDD\n\n-]BBB\nEEE");
}

/// A changed number at the end of a paragraph, with a note added after it: the full stop stays
/// unchanged, and so does the line break, which only became a blank line.
#[test]
fn a_changed_line_break_strands_no_mark_beside_an_edit() {
    let comparison = compare(
        "Title\n\nThe first homes could be ready by 2030.\n",
        "Title\n\nThe first homes could be ready by 2032.\n\nCorrection: An earlier version misstated the year.\n",
    );
    let markup = comparison.markup();
    assert!(markup.contains("by [-2030-]{+2032+}.{~\n~}"), "{markup}");
    let numbers: Vec<(&str, &str)> = comparison
        .facts
        .iter()
        .map(|fact| (fact.old.as_str(), fact.new.as_str()))
        .collect();
    assert!(numbers.contains(&("2030", "2032")), "{numbers:?}");
}
