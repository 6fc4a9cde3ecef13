//! Fact badges and note reconciliation on real corrections: the 18F corpus pairs whose change is documented.
#![cfg(not(target_arch = "wasm32"))]

use redline_engine::{FactKind, compare, reconcile};

/// The original and reworked text of a corpus pair.
fn pair(id: &str) -> (String, String) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/pairs.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let value: serde_json::Value = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .find(|value: &serde_json::Value| value["id"] == id)
        .unwrap_or_else(|| panic!("no corpus pair {id}"));
    let field = |name: &str| value[name].as_str().unwrap().to_owned();
    (field("original"), field("reworked"))
}

/// The facts of a pair as (kind, old, new).
fn facts(id: &str) -> Vec<(FactKind, String, String)> {
    let (original, reworked) = pair(id);
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
fn documented_corrections_get_the_right_badges() {
    // Commit "Correct 50k to 30k".
    assert_eq!(
        facts("18f-rfp-50k-to-30k"),
        [fact(FactKind::Number, "$50,000", "$30,000")]
    );
    // Commit "Use Jina Anne's correct name".
    assert_eq!(
        facts("18f-person-name-correction"),
        [fact(FactKind::Name, "Jina Bolton", "Jina Anne")]
    );
    // "Child Protective Services" → "Child Protection Services", in hard-wrapped Markdown.
    let department = facts("18f-mississippi-department-name");
    assert_eq!(department.len(), 1, "{department:?}");
    assert_eq!(department[0].0, FactKind::Name);
    assert!(
        department[0]
            .1
            .ends_with("Department of Child Protective Services")
    );
    assert!(
        department[0]
            .2
            .ends_with("Department of Child Protection Services")
    );
    // Headline changes only.
    for id in [
        "18f-headline-college-scorecard",
        "18f-headline-content-guide",
    ] {
        let kinds: Vec<FactKind> = facts(id).into_iter().map(|fact| fact.0).collect();
        assert_eq!(kinds, [FactKind::Headline], "{id}");
    }
    // A headline change plus the mailto link that repeats it.
    let kinds: Vec<FactKind> = facts("18f-headline-rules-engine")
        .into_iter()
        .map(|fact| fact.0)
        .collect();
    assert!(kinds.starts_with(&[FactKind::Headline]), "{kinds:?}");
    assert!(kinds.contains(&FactKind::Link), "{kinds:?}");
    // Only an update note appended: the note is not a changed fact.
    assert_eq!(facts("18f-update-note-added"), []);
}

/// The seed case: a note that says the article was entirely reworked and shortened, including
/// the title, subtitle and subheadings.
#[test]
fn a_reworked_and_shortened_article_against_its_note() {
    let original = "Council approves 60,000 new homes\n\nA plan for the harbour\n\n\
                    The council voted on Monday to approve 60,000 homes.\n\n\
                    ## The vote\n\nTwelve councillors voted for the plan and three against.\n\n\
                    ## What comes next\n\nBuilding starts in 2027, the mayor said.";
    let reworked = "Council approves up to 35,000 homes\n\nA smaller plan for the harbour\n\n\
                    The council voted on Monday to approve 25,000 to 35,000 homes.\n\n\
                    ## The decision\n\nTwelve councillors voted for the plan.";
    let note = "This article has been entirely reworked, refocused and shortened substantially \
                (including the title and subtitle and subheadings).";
    let comparison = compare(original, reworked);
    let kinds: Vec<FactKind> = comparison.facts.iter().map(|fact| fact.kind).collect();
    assert!(kinds.contains(&FactKind::Headline));
    assert!(kinds.contains(&FactKind::Number));
    assert!(kinds.contains(&FactKind::Subheading));
    let checked = reconcile(note, &comparison, original, reworked);
    assert!(
        checked.claims.iter().all(|claim| claim.matched),
        "{checked:?}"
    );
    assert!(checked.explained.iter().all(|&is| is));
    assert_eq!(
        checked.summary,
        format!(
            "The note mentions {0} of {0} changes.",
            comparison.n_changes
        )
    );

    // A narrow note leaves most changes, and the changed facts, unmentioned.
    let narrow = reconcile(
        "Correction: the number of homes was misstated as 60,000.",
        &comparison,
        original,
        reworked,
    );
    assert!(narrow.explained.iter().any(|&is| is));
    assert!(!narrow.unmentioned_fact_changes.is_empty());
    assert!(
        narrow.summary.contains("to facts") && narrow.summary.contains("not mentioned"),
        "{}",
        narrow.summary
    );
}

/// The facts of a comparison of two texts as (kind, old, new).
fn facts_of(original: &str, reworked: &str) -> Vec<(FactKind, String, String)> {
    compare(original, reworked)
        .facts
        .into_iter()
        .map(|fact| (fact.kind, fact.old, fact.new))
        .collect()
}

/// Which changes of the comparison of two texts `note` explains.
fn explained(original: &str, reworked: &str, note: &str) -> Vec<bool> {
    reconcile(note, &compare(original, reworked), original, reworked).explained
}

/// Swapped meeting dates are dates with their days, and a note about "the dates" explains
/// them.
#[test]
fn dates_are_read_with_their_days() {
    let original = "Meetings\n\nThe first meeting is on 10 June and the second on 17 June.\n";
    let reworked = "Meetings\n\nThe first meeting is on 17 June and the second on 10 June.\n";
    assert_eq!(
        facts_of(original, reworked),
        [
            fact(FactKind::Date, "10 June", "17 June"),
            fact(FactKind::Date, "17 June", "10 June"),
        ]
    );
    let note = "Correction: The dates of the first two meetings were revised.";
    assert_eq!(explained(original, reworked, note), [true, true]);
    assert_eq!(
        facts_of(
            "Vote\n\nIt is on June 10, 2024, at noon.",
            "Vote\n\nIt is on June 12, 2024, at noon."
        ),
        [fact(FactKind::Date, "June 10, 2024", "June 12, 2024")]
    );
}

/// A note that disowns the earlier version, or says it was revised throughout, explains every
/// change; one that names the budget explains the changed figure.
#[test]
fn sweeping_notes_and_named_figures_explain_their_changes() {
    let original = "Plans\n\nThe plan costs $3 million.\n\nWork starts in spring.\n";
    let reworked = "Plans\n\nThe plan costs $5 million.\n\nWork starts in autumn.\n";
    for note in [
        "Note: A previous version of this blog was posted in error.",
        "Editor's note: This article has been updated throughout.",
    ] {
        assert_eq!(explained(original, reworked, note), [true, true], "{note}");
    }
    let note = "Correction: We misstated the budget.";
    assert_eq!(explained(original, reworked, note), [true, false]);
}

/// A sentence's first word is capitalized for being first: "An" is no part of a name.
#[test]
fn a_sentence_initial_capital_is_not_a_name() {
    let names: Vec<_> = facts_of(
        "Title\n\nAn English teacher will speak.\n",
        "Title\n\nInteresado teacher will speak.\n",
    )
    .into_iter()
    .filter(|(kind, ..)| *kind == FactKind::Name)
    .collect();
    assert!(
        names
            .iter()
            .all(|(_, old, new)| !old.starts_with("An ") && !new.starts_with("An ")),
        "{names:?}"
    );
    // A name that starts a sentence without such a word is still a name.
    assert_eq!(
        facts_of(
            "Title\n\nAda Brennick spoke.\n",
            "Title\n\nAda Brannick spoke.\n"
        ),
        [fact(FactKind::Name, "Ada Brennick", "Ada Brannick")]
    );
}

/// A figure keeps its magnitude: `$3 million` → `$5 million`, and a magnitude inserted beside
/// an unchanged number changes that figure, which a note naming the figure explains.
#[test]
fn figures_keep_their_magnitude() {
    assert_eq!(
        facts_of(
            "Plans\n\nIt costs $3 million.\n",
            "Plans\n\nIt costs $5 million.\n"
        ),
        [fact(FactKind::Number, "$3 million", "$5 million")]
    );
    let original = "Fund\n\nIt was a $70 plan to fund to fund the port.\n";
    let reworked = "Fund\n\nIt was a $70 billion plan to fund the port.\n";
    assert_eq!(
        facts_of(original, reworked),
        [fact(FactKind::Number, "$70", "$70 billion")]
    );
    let note = "Correction: The figure was a $70 BILLION plan, and \"to fund\" was doubled.";
    assert_eq!(explained(original, reworked, note), [true, true]);
}

/// "The number of homes" names what the number is of: it explains the changed number of homes,
/// not every changed number.
#[test]
fn a_named_figure_explains_only_the_figures_it_names() {
    let original = "Homes\n\nThe council approved 60,000 homes.\n\nThe vote was 7 to 2.\n";
    let reworked = "Homes\n\nThe council approved 25,000 homes.\n\nThe vote was 6 to 3.\n";
    let note = "Correction: An earlier version misstated the number of homes.";
    assert_eq!(explained(original, reworked, note), [true, false, false]);
    // A kind of fact with no subject still matches every change of that kind.
    let note = "Correction: An earlier version misstated some figures.";
    assert_eq!(explained(original, reworked, note), [true, true, true]);
}

/// Nothing is read out of a link but the link: a changed address without a scheme is a link
/// change, not two number changes.
#[test]
fn numbers_inside_links_are_the_links() {
    let facts = facts_of(
        "Links\n\nRead more at example.org/news/2024/story-123 today.\n",
        "Links\n\nRead more at example.org/news/2025/story-456 today.\n",
    );
    assert!(
        facts.iter().all(|(kind, ..)| *kind == FactKind::Link),
        "{facts:?}"
    );
    assert!(
        facts.contains(&fact(
            FactKind::Link,
            "example.org/news/2024/story-123",
            "example.org/news/2025/story-456"
        )),
        "{facts:?}"
    );
}

/// Quoted old wording explains the change inside the words it quotes, and only that one.
#[test]
fn quoted_old_wording_explains_the_change_it_quotes() {
    let original = "The section on slimming the tree is called Burning down the tree.\n\n\
                    We thank the reviewers.\n";
    let reworked = "The section on slimming the tree is called Pruning the tree.\n\n\
                    We thank all the reviewers.\n";
    let note = "Errata: An earlier version described the section as \"Burning down\nthe tree\". \
                The name was changed.";
    assert_eq!(explained(original, reworked, note), [true, false]);
}

/// "A typo" and "the spelling of" explain the changes that fix a word's letters.
#[test]
fn a_typo_note_explains_respellings() {
    let original = "The Chief Human Resource Officer met the council on Tuesday.\n";
    let reworked = "The Chief Human Resources Officer met the city council on Tuesday.\n";
    let note = "Correction: This post has been updated to fix a typo.";
    assert_eq!(explained(original, reworked, note), [true, false]);
}

/// The date a label carries says when the note was written: "Update 30-Jan-2016" does not
/// explain a change to another 2016.
#[test]
fn a_labels_date_is_not_a_claim() {
    let original = "The releases are planned for 2 February 3016.\n";
    let reworked = "The releases are planned for 2 February 2016.\n\n\
                    ## _(Update 30-Jan-2016)_ Release postponement\n";
    let note = "## _(Update 30-Jan-2016)_ Release postponement";
    assert_eq!(explained(original, reworked, note), [false]);
}

/// "This schedule has changed since this post was first published" explains every change of
/// the schedule.
#[test]
fn a_schedule_that_changed_since_publication_explains_every_change() {
    let original =
        "Meetings\n\nOn Friday, 10 June: review of the RFC.\n\nOn Friday, 17 June: planning.\n";
    let reworked =
        "Meetings\n\nOn Friday, 10 June: planning.\n\nOn Friday, 17 June: review of the RFC.\n";
    let note = "**Note:** This schedule has changed since this post was first published: \
                the dates of the first two meetings were revised.";
    let marks = explained(original, reworked, note);
    assert!(
        !marks.is_empty() && marks.iter().all(|&mark| mark),
        "{marks:?}"
    );
}

/// A paragraph added whole is one summary line of what it holds, not a list of every value.
#[test]
fn an_added_paragraph_is_summed_up_in_one_line() {
    let original = "The council met on Monday.\n\nIt approved the plan.\n";
    let reworked = "The council met on Monday.\n\n\
                    Turnout was 70% of the 2,000 members, said Maria Lopez of Harbour Trust, \
                    on 13 May 2026.\n\nIt approved the plan.\n";
    let found = facts_of(original, reworked);
    assert_eq!(
        found,
        [(
            FactKind::Paragraph,
            String::new(),
            "added paragraph: 2 figures, 1 date, 2 names".to_owned()
        )]
    );
}

/// A one-letter fix inside a name is one name change, old → new, not two names changed to and
/// from nothing.
#[test]
fn a_one_letter_fix_inside_a_name_is_one_name_change() {
    let original = "Staff news\n\nThe Chief Human Resource Officer, Ana Ruiz, met the board.\n";
    let reworked = "Staff news\n\nThe Chief Human Resources Officer, Ana Ruiz, met the board.\n";
    assert_eq!(
        facts_of(original, reworked),
        [(
            FactKind::Name,
            "Chief Human Resource Officer".to_owned(),
            "Chief Human Resources Officer".to_owned()
        )]
    );
}

/// How each change is read: `Some(part)` for a part of the note, else whether it is explained.
fn readings(
    original: &str,
    reworked: &str,
    note: &str,
) -> (Vec<(Option<redline_engine::NotePart>, bool)>, String) {
    let checked = reconcile(note, &compare(original, reworked), original, reworked);
    let readings = checked
        .note_parts
        .iter()
        .copied()
        .zip(checked.explained.iter().copied())
        .collect();
    (readings, checked.summary)
}

/// The paragraphs added under an update that is a heading are the update's own text, up to
/// the next heading of its level: part of the note, left out of its count.
#[test]
fn the_text_under_an_update_heading_is_part_of_the_note() {
    use redline_engine::NotePart;
    let original = "# Security releases\n\nReleases are planned for Tuesday.\n\n\
                    ## Impact\n\nAll lines are affected.\n";
    let reworked = "# Security releases\n\n## (Update 14-February-2023) Delay\n\n\
                    The project is delaying the releases until Thursday.\n\n\
                    Releases are planned for Tuesday.\n\n## Impact\n\nAll lines are affected, \
                    and the fix is small.\n";
    let note = "## (Update 14-February-2023) Delay";
    let (readings, summary) = readings(original, reworked, note);
    assert_eq!(
        readings,
        [(Some(NotePart::Section), true), (None, false)],
        "{summary}"
    );
    assert_eq!(
        summary,
        "The note mentions 0 of 1 change. 1 change is the note's own text."
    );
}

/// An update rewritten as a newer one: its changed date and wording are the note's own edits,
/// not changes the note is asked to explain.
#[test]
fn an_edit_of_a_note_both_versions_carry_is_part_of_the_note() {
    use redline_engine::NotePart;
    let original = "Wildcards\n\n**Update, February 20, 2018:** We have delayed the release.\n\n\
                    Wildcard certificates are coming in January.\n";
    let reworked = "Wildcards\n\n**Update, March 13, 2018:** Wildcard support is live.\n\n\
                    Wildcard certificates are coming in January.\n";
    let note = "**Update, March 13, 2018:** Wildcard support is live.";
    let (readings, _) = readings(original, reworked, note);
    assert!(!readings.is_empty());
    assert!(
        readings
            .iter()
            .all(|reading| *reading == (Some(NotePart::Edited), true)),
        "{readings:?}"
    );
}

/// A link definition the note refers to, and strike-through marks around kept words, belong to
/// the note; the new date beside the struck one is a change the note explains.
#[test]
fn link_definitions_and_strike_marks_of_the_note_are_part_of_it() {
    use redline_engine::NotePart;
    let original = "Timeline\n\n* Candidates published: September 19\n\nSee you there.\n";
    let reworked = "Timeline\n\n* Candidates published: ~~September 19~~ September 22\n\n\
                    See you there.\n\n*Edit: we have adjusted the publication date, see \
                    [the announcement][news].*\n\n[news]: https://example.org/news\n";
    let note = "*Edit: we have adjusted the publication date, see [the announcement][news].*";
    let (readings, _) = readings(original, reworked, note);
    assert_eq!(
        readings,
        [
            (Some(NotePart::Struck), true),
            (None, true),
            (Some(NotePart::Reference), true)
        ]
    );
}

/// A note that repeats a change's words without quoting them explains it, and says so.
#[test]
fn words_the_note_repeats_explain_their_change() {
    let original = "Meeting\n\nLast week we met to talk about try blocks.\n";
    let reworked = "Meeting\n\nTwo weeks ago we met to talk about try blocks.\n";
    let note = "Edit: This post was prepared last week but was not merged.";
    let checked = reconcile(note, &compare(original, reworked), original, reworked);
    assert_eq!(checked.explained, [true]);
    assert!(
        checked
            .claims
            .iter()
            .any(|claim| claim.kind == redline_engine::ClaimKind::Repeated("last week".into())),
        "{:?}",
        checked.claims
    );
}

/// The figures of a note are read from its words, not its links' addresses, and are matched
/// against what a reader reads of a change: "v4.4.2" explains no edit of a link to
/// `/release/v4.4.2/`.
#[test]
fn no_figure_is_read_out_of_a_link_address() {
    let claims = redline_engine::find_claims(
        "Update: Federalist [left beta](https://example.gov/2017/06/01/out-of-beta/) in June.",
    );
    assert!(
        claims
            .iter()
            .all(|(kind, _)| !matches!(kind, redline_engine::ClaimKind::Number(_))),
        "{claims:?}"
    );
    let original = "Release\n\nThe version v4.4.2 will include npm 2.15.1.\n";
    let reworked = "Release\n\nThe version [v4.4.2](https://nodejs.org/release/v4.4.2/) includes \
                    npm 2.15.1.\n";
    let note = "Update: the npm bundled with v4.4.2 did not include the right version string.";
    assert!(
        explained(original, reworked, note)
            .iter()
            .all(|&mark| !mark)
    );
}

/// "Updated to include additional mitigations" explains the paragraph added; "moved to May 4"
/// the date changed.
#[test]
fn what_an_update_adds_or_moves_is_explained() {
    let original = "Advisory\n\nUpgrade to 1.66.1.\n";
    let reworked = "Advisory\n\nUpgrade to 1.66.1.\n\nIf you cannot upgrade yet, turn the \
                    feature off in your settings.\n";
    let note = "Updated on 2023-01-10 to include additional mitigations.";
    assert_eq!(explained(original, reworked, note), [true]);
    let original = "Agenda\n\nApril 13: try blocks.\n";
    let reworked = "Agenda\n\nMay 4: try blocks.\n";
    assert_eq!(
        explained(original, reworked, "(Update: tentatively moved to May 4.)"),
        [true]
    );
}

/// Several names in one change are paired by likeness: the respelled trust is one name
/// change, and the person put in for another is the other, instead of only the first pair.
#[test]
fn names_in_one_change_are_paired_by_likeness() {
    let original = "Harbour plan\n\nIt was backed by Maria Lopez (Harbour Trust) on Monday.\n";
    let reworked = "Harbour plan\n\nIt was backed by Dan Okafor (Harbor Trust) on Monday.\n";
    let name = |old: &str, new: &str| (FactKind::Name, old.to_owned(), new.to_owned());
    let comparison = compare(original, reworked);
    assert_eq!(comparison.n_changes, 1, "{}", comparison.markup());
    assert_eq!(
        facts_of(original, reworked),
        [
            name("Maria Lopez", "Dan Okafor"),
            name("Harbour Trust", "Harbor Trust"),
        ]
    );
}
