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
