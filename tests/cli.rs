//! The `redline` command line, run as a real process: output, JSON and the errors' exit code 2.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

fn redline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(args)
        .output()
        .unwrap()
}

/// Writes `contents` to a file in a fresh directory under target/ and returns its path.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn compare_prints_stats_and_plain_markup_when_piped() {
    let original = temp_file("original.txt", b"The fund raised $50,000 last year.\n");
    let reworked = temp_file("reworked.txt", b"The fund raised $30,000 last year.\n");
    let output = redline(&[
        "compare",
        original.to_str().unwrap(),
        reworked.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        "6 words → 6 words · 1 added · 1 removed\n\nThe fund raised [-$50,000-]{+$30,000+} last year.\n\n\n\
         No note given: 1 change and no note to explain them.\n\
         headline changed (change 1): The fund raised $50,000 last year. → The fund raised $30,000 last year.\n\
         number changed (change 1): $50,000 → $30,000\n"
    );
}

#[test]
fn compare_json_has_kinds_and_byte_ranges() {
    let original = temp_file("a.txt", "Café opens".as_bytes());
    let reworked = temp_file("b.txt", "Café closes".as_bytes());
    let output = redline(&[
        "compare",
        original.to_str().unwrap(),
        reworked.to_str().unwrap(),
        "--json",
    ]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let segments = json["blocks"][0]["segments"].as_array().unwrap();
    assert_eq!(segments[0]["kind"], "equal");
    assert_eq!(segments[0]["original"], serde_json::json!([0, 6]));
    assert_eq!(segments[1]["kind"], "deleted");
    assert_eq!(segments[1]["original"], serde_json::json!([6, 11]));
    assert_eq!(segments[2]["kind"], "inserted");
    assert_eq!(segments[2]["reworked"], serde_json::json!([6, 12]));
}

#[test]
fn bad_input_gives_one_line_and_exit_code_2() {
    let text = temp_file("ok.txt", b"text");
    let latin1 = temp_file("latin1.txt", b"caf\xe9");
    let cases: [(&[&str], &str); 4] = [
        (
            &["compare", "/no/such/file", text.to_str().unwrap()],
            "cannot read /no/such/file",
        ),
        (
            &["compare", latin1.to_str().unwrap(), text.to_str().unwrap()],
            "is not UTF-8 text (invalid byte at offset 3)",
        ),
        (
            &["compare", text.to_str().unwrap()],
            "usage: redline compare",
        ),
        (&["frobnicate"], "unknown command 'frobnicate'"),
    ];
    for (args, expected) in cases {
        let output = redline(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("redline: ") && stderr.contains(expected),
            "{stderr}"
        );
    }
}

#[test]
fn notes_json_lists_kind_range_and_text() {
    let article = temp_file(
        "article.txt",
        "Body text.\n\n_Update:_ An earlier version of this post gave the wrong date.\n".as_bytes(),
    );
    let output = redline(&["notes", article.to_str().unwrap(), "--json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "kind": "correction",
            "range": [12, 74],
            "text": "_Update:_ An earlier version of this post gave the wrong date."
        }])
    );
}

#[test]
fn link_then_open_round_trips_and_a_damaged_link_exits_2() {
    let original = temp_file("link-original.txt", "The vote was on Monday.\n".as_bytes());
    let reworked = temp_file("link-reworked.txt", "The vote was on Tuesday.\n".as_bytes());
    let note = temp_file("link-note.txt", b"Correction: the day was wrong.");
    let output = redline(&[
        "link",
        original.to_str().unwrap(),
        reworked.to_str().unwrap(),
        "--note",
        note.to_str().unwrap(),
        "--base-url",
        "https://redline.example/app/",
    ]);
    assert!(output.status.success());
    let link = String::from_utf8(output.stdout).unwrap();
    assert!(
        link.starts_with("https://redline.example/app/#v4."),
        "{link}"
    );

    let output = redline(&["open", link.trim(), "--json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["original"], "The vote was on Monday.\n");
    assert_eq!(json["reworked"], "The vote was on Tuesday.\n");
    assert_eq!(json["note"], "Correction: the day was wrong.");
    assert_eq!(json["fingerprint"].as_str().unwrap().len(), 8);

    let damaged = &link.trim()[..link.trim().len() - 4];
    let output = redline(&["open", damaged]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("redline: This link is damaged: "),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn export_prints_html_markdown_and_json() {
    let original = temp_file(
        "export-original.txt",
        "The vote was on Monday.\n".as_bytes(),
    );
    let reworked = temp_file(
        "export-reworked.txt",
        "The vote was on <Tuesday>.\n".as_bytes(),
    );
    let note = temp_file("export-note.txt", b"Correction: the day was wrong.");
    let export = |format: &str| {
        let output = redline(&[
            "export",
            original.to_str().unwrap(),
            reworked.to_str().unwrap(),
            "--note",
            note.to_str().unwrap(),
            "--format",
            format,
        ]);
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let html = export("html");
    assert!(
        html.contains("<del>Monday</del><ins>&lt;Tuesday&gt;</ins>"),
        "{html}"
    );
    assert!(html.contains("Correction: the day was wrong."));
    let markdown = export("markdown");
    assert!(
        markdown.contains("~~Monday~~**\\<Tuesday\\>**"),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
    assert_eq!(json["format"], "redline");
    assert_eq!(json["version"], 1);
    assert_eq!(json["comparison"]["stats"]["words_added"], 1);

    let output = redline(&[
        "export",
        original.to_str().unwrap(),
        reworked.to_str().unwrap(),
        "--format",
        "pdf",
    ]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn compare_json_has_facts_and_the_note_reconciled() {
    let original = temp_file(
        "facts-a.txt",
        b"Budget\n\nThe fund raised $50,000 last year, and the board will meet on Monday.\n",
    );
    let reworked = temp_file(
        "facts-b.txt",
        b"Budget\n\nThe fund raised $30,000 last year, and the board will meet on Tuesday.\n",
    );
    let note = temp_file(
        "facts-note.txt",
        b"Correction: we misstated the amount as $50,000.",
    );
    let output = redline(&[
        "compare",
        original.to_str().unwrap(),
        reworked.to_str().unwrap(),
        "--json",
        "--note",
        note.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["facts"],
        serde_json::json!([
            {"kind": "number", "old": "$50,000", "new": "$30,000", "change": 0},
            {"kind": "date", "old": "Monday", "new": "Tuesday", "change": 1},
        ])
    );
    assert_eq!(
        json["reconciliation"]["explained"],
        serde_json::json!([true, false])
    );
    assert_eq!(
        json["reconciliation"]["summary"],
        "The note mentions 1 of 2 changes; 1 change to facts is not mentioned."
    );
}

#[test]
fn link_with_three_versions_opens_as_a_history() {
    let first = temp_file("history-1.txt", b"The council approved 25,000 homes.");
    let second = temp_file(
        "history-2.txt",
        b"The council approved 25,000 homes on Monday.",
    );
    let third = temp_file(
        "history-3.txt",
        b"The council approved 15,000 homes on Monday.",
    );
    let note = temp_file("history-note.txt", b"Correction: the number of homes.");
    let path = |path: &PathBuf| path.to_str().unwrap().to_owned();
    let output = redline(&[
        "link",
        &path(&first),
        &path(&second),
        &path(&third),
        "--note-for",
        "3",
        &path(&note),
        "--label-for",
        "1",
        "2 March, 9:00",
        "--base-url",
        "https://example.org/redline/",
    ]);
    assert!(output.status.success(), "{output:?}");
    let link = String::from_utf8(output.stdout).unwrap();
    assert!(
        link.starts_with("https://example.org/redline/#v4.Ag"),
        "{link}"
    );

    let output = redline(&["open", link.trim(), "--json"]);
    assert!(output.status.success(), "{output:?}");
    let opened: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(opened["compared"], serde_json::json!([2, 3]));
    assert_eq!(
        opened["original"],
        "The council approved 25,000 homes on Monday."
    );
    assert_eq!(
        opened["reworked"],
        "The council approved 15,000 homes on Monday."
    );
    assert_eq!(opened["note"], "Correction: the number of homes.");
    let versions = opened["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[0]["text"], "The council approved 25,000 homes.");
    assert_eq!(versions[0]["label"], "2 March, 9:00");
    assert_eq!(versions[2]["note"], "Correction: the number of homes.");

    // Two plain versions still make a pair link (a version 1 payload, here in PPMd's version 3,
    // which begins with the payload kind 1: "AQ" in base64), which opens as two versions.
    let output = redline(&["link", &path(&first), &path(&second), "--base-url", ""]);
    let link = String::from_utf8(output.stdout).unwrap();
    assert!(link.starts_with("#v4.AQ"), "{link}");
    let output = redline(&["open", link.trim(), "--json"]);
    let opened: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(opened["versions"].as_array().unwrap().len(), 2);
    assert_eq!(opened["compared"], serde_json::json!([1, 2]));

    // A version number out of range is a one-line error.
    let output = redline(&[
        "link",
        &path(&first),
        &path(&second),
        "--note-for",
        "5",
        &path(&note),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("there is no version 5 among 2 files")
    );
}
