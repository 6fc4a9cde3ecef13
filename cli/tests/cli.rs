//! The `redline` command line, run as a real process: help, output, JSON, standard input, colour, and the exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn redline(args: &[&str]) -> Output {
    redline_with(args, &[], None)
}

/// Runs `redline` with `args`, the environment variables `env` added (and `NO_COLOR` and
/// `REDLINE_BASE_URL` removed unless given), and `stdin` on its standard input.
fn redline_with(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_redline"));
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("REDLINE_BASE_URL")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default().as_bytes())
        .unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
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
    // The texts differ: exit code 1, as `diff` has it.
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    // A sentence alone is no headline, so the only fact is the figure.
    assert_eq!(
        stdout,
        "6 words → 6 words · 1 added · 1 removed\n\nThe fund raised [-$50,000-]{+$30,000+} last year.\n\n\n\
         No note given: 1 change and no note to explain them.\n\
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
    assert_eq!(output.status.code(), Some(1));
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
    let cases: [(&[&str], &str); 7] = [
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
        (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (
            &[
                "compare",
                text.to_str().unwrap(),
                text.to_str().unwrap(),
                "--unit",
                "paragraph",
            ],
            "invalid value 'paragraph' for '--unit <UNIT>'",
        ),
        (
            &["compare", "-", "-"],
            "standard input ('-') can be read only once",
        ),
        (&["open", "#v4.AAAA"], "This link is damaged: "),
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
    assert_eq!(output.status.code(), Some(1), "{output:?}");
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

#[test]
fn help_describes_every_command_and_option() {
    let output = redline(&["--help"]);
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for command in ["compare", "notes", "link", "open", "export"] {
        assert!(help.contains(&format!("  {command} ")), "{help}");
    }
    assert!(help.contains("Exit codes"), "{help}");
    let output = redline(&["compare", "--help"]);
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for option in [
        "--unit <UNIT>",
        "--ignore-case",
        "--ignore-whitespace",
        "--ignore-punctuation",
        "--no-cleanup",
        "--typography-is-change",
        "--format <FORMAT>",
        "--color <WHEN>",
        "--note <FILE>",
    ] {
        assert!(
            help.contains(option),
            "compare --help lacks {option}:\n{help}"
        );
    }
    let output = redline(&["link", "--help"]);
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.contains("REDLINE_BASE_URL"), "{help}");
}

#[test]
fn exit_code_is_0_for_the_same_text_and_for_cosmetic_differences_alone() {
    let plain = temp_file("same-a.txt", "He said \"no\".".as_bytes());
    let curly = temp_file("same-b.txt", "He said “no”.".as_bytes());
    let args = [plain.to_str().unwrap(), curly.to_str().unwrap()];
    assert_eq!(
        redline(&["compare", args[0], args[0]]).status.code(),
        Some(0)
    );
    // Curly quotes are typography, which is cosmetic unless asked otherwise.
    assert_eq!(
        redline(&["compare", args[0], args[1]]).status.code(),
        Some(0)
    );
    let strict = redline(&["compare", args[0], args[1], "--typography-is-change"]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn dash_reads_standard_input() {
    let original = temp_file("stdin-a.txt", b"The vote was on Monday.");
    let output = redline_with(
        &["compare", original.to_str().unwrap(), "-"],
        &[],
        Some("The vote was on Tuesday."),
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("The vote was on [-Monday-]{+Tuesday+}."),
        "{stdout}"
    );

    let output = redline_with(
        &["notes", "-", "--json"],
        &[],
        Some("Body.\n\nCorrection: the vote was on Tuesday."),
    );
    assert!(output.status.success());
    let notes: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(notes[0]["kind"], "correction");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_and_never_with_no_color() {
    let original = temp_file("colour-a.txt", b"The cat sat.");
    let reworked = temp_file("colour-b.txt", b"The dog sat.");
    let files = [original.to_str().unwrap(), reworked.to_str().unwrap()];
    let stdout = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["compare", files[0], files[1]];
        all.extend_from_slice(args);
        String::from_utf8(redline_with(&all, env, None).stdout).unwrap()
    };
    // Piped (as here), `auto` gives plain markup.
    assert!(stdout(&[], &[]).contains("The [-cat-]{+dog+} sat."));
    let coloured = stdout(&["--color", "always"], &[]);
    assert!(
        coloured.contains("\x1b[9;31mcat\x1b[0m\x1b[4;32mdog\x1b[0m"),
        "{coloured:?}"
    );
    assert!(stdout(&["--color", "never"], &[]).contains("[-cat-]"));
    assert!(stdout(&[], &[("NO_COLOR", "1")]).contains("[-cat-]"));
}

#[test]
fn comparison_options_change_the_diff() {
    let original = temp_file("options-a.txt", b"The colour was grey. The Council met.");
    let reworked = temp_file("options-b.txt", b"The color was gray. The council met.");
    let files = [original.to_str().unwrap(), reworked.to_str().unwrap()];
    let markup = |args: &[&str]| {
        let mut all = vec!["compare", files[0], files[1]];
        all.extend_from_slice(args);
        let stdout = String::from_utf8(redline(&all).stdout).unwrap();
        stdout.lines().nth(2).unwrap().to_owned()
    };
    assert_eq!(
        markup(&[]),
        "The [-colour-]{+color+} was [-grey-]{+gray+}. The [-Council-]{+council+} met."
    );
    assert_eq!(
        markup(&["--unit", "character", "--ignore-case"]),
        "The colo[-u-]r was gr[-e-]{+a+}y. The [~Council~]{~council~} met."
    );
    assert_eq!(
        markup(&["--unit", "sentence"]),
        "[-The colour was grey. The Council met.-]{+The color was gray. The council met.+}"
    );
}

#[test]
fn compare_prints_the_report_and_markdown_too() {
    let original = temp_file("formats-a.txt", b"The vote was on Monday.");
    let reworked = temp_file("formats-b.txt", b"The vote was on Tuesday.");
    let files = [original.to_str().unwrap(), reworked.to_str().unwrap()];
    let output = redline(&["compare", files[0], files[1], "--format", "html"]);
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("<del>Monday</del><ins>Tuesday</ins>"),
        "{html}"
    );
    let output = redline(&["compare", files[0], files[1], "--format", "markdown"]);
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.contains("~~Monday~~**Tuesday**"), "{markdown}");
}

#[test]
fn links_point_at_the_published_address_and_carry_options_and_view() {
    let original = temp_file("base-a.txt", b"The vote was on Monday.");
    let reworked = temp_file("base-b.txt", b"The vote was on Tuesday.");
    let files = [original.to_str().unwrap(), reworked.to_str().unwrap()];
    let output = redline(&["link", files[0], files[1]]);
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with("http://127.0.0.1:8080/#v4.")
    );
    let output = redline_with(
        &[
            "link",
            files[0],
            files[1],
            "--view",
            "side-by-side",
            "--ignore-case",
        ],
        &[("REDLINE_BASE_URL", "https://news.example/redline/")],
        None,
    );
    let link = String::from_utf8(output.stdout).unwrap();
    assert!(
        link.starts_with("https://news.example/redline/#v4."),
        "{link}"
    );
    // An address without its scheme is refused, whether given or from the environment.
    for (args, env) in [
        (vec!["--base-url", "news.example/redline/"], vec![]),
        (vec![], vec![("REDLINE_BASE_URL", "news.example/redline/")]),
    ] {
        let mut command = vec!["link", files[0], files[1]];
        command.extend(args);
        let refused = redline_with(&command, &env, None);
        assert_eq!(refused.status.code(), Some(2), "{refused:?}");
        let message = String::from_utf8(refused.stderr).unwrap();
        assert!(
            message.contains("starting with https:// or http://, not 'news.example/redline/'"),
            "{message}"
        );
        assert!(refused.stdout.is_empty());
    }
    let output = redline(&["open", link.trim(), "--json"]);
    assert!(output.status.success(), "{output:?}");
    let opened: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(opened["view"], "side_by_side", "{opened}");
    assert_eq!(opened["options"]["ignore_case"], true, "{opened}");
    assert_eq!(opened["options"]["ignore_punctuation"], false, "{opened}");

    let output = redline(&[
        "export",
        files[0],
        files[1],
        "--format",
        "json",
        "--ignore-case",
    ]);
    let export: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(export["options"]["ignore_case"], true, "{export}");
}

/// A whole page as a reader copies it (menus, the headline, a byline, the article with its
/// correction, share buttons, teasers, the footer), as plain text and as HTML.
fn whole_page(body: &[&str]) -> (String, String) {
    let text = format!(
        "The Quillhaven Post\nNews\nSport\nOpinion\nWeather\nSubscribe\nCouncil approves bridge repair\nBy Ann Lee\nNov. 19, 2019\n\n{}\n\nShare this:\nFacebook\nTwitter\nRelated posts\nHarbour plan explained\nSchool budget rises\n© 2019 The Quillhaven Post. Privacy policy. Terms of use.\n",
        body.join("\n\n")
    );
    let paragraphs: String = body
        .iter()
        .map(|paragraph| format!("<p>{paragraph}</p>"))
        .collect();
    let html = format!(
        r#"<!DOCTYPE html><html><head><title>Council approves bridge repair | The Quillhaven Post</title>
        <meta property="og:title" content="Council approves bridge repair">
        <meta property="article:published_time" content="2019-11-19T08:03:00Z">
        <link rel="canonical" href="https://quillhavenpost.example/bridge"></head>
        <body><header><a href="/">The Quillhaven Post</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/opinion">Opinion</a></nav></header>
        <article><h1>Council approves bridge repair</h1><p class="byline">By Ann Lee</p>{paragraphs}
        <div class="share"><a href="/f">Facebook</a> <a href="/t">Twitter</a></div></article>
        <aside><h2>Related posts</h2><a href="/h">Harbour plan explained</a></aside>
        <footer>© 2019 The Quillhaven Post. Privacy policy. Terms of use.</footer></body></html>"#
    );
    (text, html)
}

const BODY_BEFORE: [&str; 2] = [
    "The Quillhaven town council voted on Tuesday to spend $4.2 million repairing the Weir Street bridge, which has been closed to lorries since March.",
    "The bridge carries around 6,000 vehicles a day, according to the council's own traffic survey, and the detour adds twenty minutes to a crossing.",
];

const BODY_AFTER: [&str; 3] = [
    "The Quillhaven town council voted on Tuesday to spend $2.4 million repairing the Weir Street bridge, which has been closed to lorries since March.",
    "The bridge carries around 6,000 vehicles a day, according to the council's own traffic survey, and the detour adds twenty minutes to a crossing.",
    "Correction: An earlier version of this article misstated the cost of the repairs as $4.2 million. It is $2.4 million.",
];

#[test]
fn extract_prints_the_article_of_a_page_as_text_and_as_html() {
    let (text, html) = whole_page(&BODY_AFTER);
    for (name, page) in [("page.txt", &text), ("page.html", &html)] {
        let path = temp_file(name, page.as_bytes());
        let output = redline(&["extract", path.to_str().unwrap()]);
        assert!(output.status.success(), "{output:?}");
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            format!("{}\n", BODY_AFTER.join("\n\n")),
            "{name}"
        );

        let output = redline(&["extract", path.to_str().unwrap(), "--json"]);
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json["article"], BODY_AFTER.join("\n\n"), "{name}");
        assert_eq!(json["headline"], "Council approves bridge repair", "{name}");
        assert!(json["frame_before_bytes"].as_u64().unwrap() > 40, "{json}");
        assert!(json["frame_after_bytes"].as_u64().unwrap() > 40, "{json}");
        let [start, end] = [
            json["range"][0].as_u64().unwrap(),
            json["range"][1].as_u64().unwrap(),
        ];
        let page_text = json["page_text"].as_str().unwrap_or(page);
        assert_eq!(
            &page_text[start as usize..end as usize],
            BODY_AFTER.join("\n\n"),
            "{name}"
        );
    }
    let path = temp_file("page2.html", html.as_bytes());
    let output = redline(&["extract", path.to_str().unwrap(), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["form"], "html");
    assert_eq!(json["url"], "https://quillhavenpost.example/bridge");
    assert_eq!(json["published"], "2019-11-19T08:03:00Z");
    // Standard input, and a page read as text on request.
    let output = redline_with(&["extract", "-", "--form", "text"], &[], Some(&text));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{}\n", BODY_AFTER.join("\n\n"))
    );
}

/// The design's own case: a whole copied page against the article's earlier version. The
/// articles are compared: no menu or teaser is a change, the headline is the article's, and
/// the correction note is found; `--whole-pages` compares everything.
#[test]
fn compare_reads_whole_pages_as_their_articles() {
    let original = temp_file("article-before.txt", BODY_BEFORE.join("\n\n").as_bytes());
    let (text, html) = whole_page(&BODY_AFTER);
    for (name, page) in [("whole-page.txt", &text), ("whole-page.html", &html)] {
        let reworked = temp_file(name, page.as_bytes());
        let output = redline(&[
            "compare",
            original.to_str().unwrap(),
            reworked.to_str().unwrap(),
            "--json",
        ]);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let changed: Vec<String> = json["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|block| block["segments"].as_array().unwrap().clone())
            .filter(|segment| segment["kind"] != "equal" && segment["cosmetic"] != true)
            .map(|segment| segment["text"].as_str().unwrap().to_owned())
            .collect();
        for frame in [
            "Sport",
            "Subscribe",
            "Harbour plan",
            "Privacy policy",
            "Facebook",
        ] {
            assert!(
                !changed.iter().any(|text| text.contains(frame)),
                "{name}: {frame} is a change: {changed:?}"
            );
        }
        assert!(
            changed.iter().any(|text| text.contains("$2.4")),
            "{name}: {changed:?}"
        );
        assert!(
            json["reconciliation"]["summary"]
                .as_str()
                .unwrap()
                .starts_with("The note mentions"),
            "{name}: {}",
            json["reconciliation"]["summary"]
        );
    }
    let reworked = temp_file("whole-page-all.txt", text.as_bytes());
    let output = redline(&[
        "compare",
        original.to_str().unwrap(),
        reworked.to_str().unwrap(),
        "--whole-pages",
    ]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("{+The Quillhaven Post"), "{stdout}");
}

/// The fixtures' real revision pairs (tests/fixtures/pairs.jsonl): each line already has the
/// `id`, `original`, `reworked` and `note` a batch record needs, and fields of its own.
fn fixture_pairs() -> (PathBuf, Vec<serde_json::Value>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pairs.jsonl");
    let records = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    (path, records)
}

fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The text of `text` at each `[start, end]` of `ranges`, pieces apart joined as the result
/// joins them.
fn at_ranges(text: &str, ranges: &serde_json::Value) -> String {
    let pieces: Vec<&str> = ranges
        .as_array()
        .unwrap()
        .iter()
        .map(|range| {
            &text[range[0].as_u64().unwrap() as usize..range[1].as_u64().unwrap() as usize]
        })
        .collect();
    pieces.join(" … ")
}

#[test]
fn batch_gives_one_result_per_real_pair_in_order_whatever_the_threads() {
    let (path, records) = fixture_pairs();
    let one = redline(&["batch", path.to_str().unwrap(), "--jobs", "1"]);
    let two = redline(&["batch", path.to_str().unwrap(), "--jobs", "2"]);
    assert_eq!(
        one.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert_eq!(one.stdout, two.stdout, "the threads changed the results");
    let results = json_lines(&one.stdout);
    assert_eq!(results.len(), records.len());
    let mut changes = 0;
    for (record, result) in records.iter().zip(&results) {
        assert_eq!(result["id"], record["id"]);
        // Fields of the record's own are not copied.
        assert!(result.get("license").is_none());
        let (original, reworked) = (
            record["original"].as_str().unwrap(),
            record["reworked"].as_str().unwrap(),
        );
        for change in result["changes"].as_array().unwrap() {
            assert_eq!(
                at_ranges(original, &change["original"]),
                change["old"],
                "{}",
                record["id"]
            );
            assert_eq!(
                at_ranges(reworked, &change["reworked"]),
                change["new"],
                "{}",
                record["id"]
            );
            changes += 1;
        }
        assert_eq!(
            result["changes"].as_array().unwrap().len() as u64,
            result["n_changes"].as_u64().unwrap()
        );
    }
    assert!(changes > 100, "only {changes} changes in the real pairs");
    let stderr = String::from_utf8(one.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "redline batch: {0} of {0} records compared, 0 skipped in ",
            records.len()
        )) && stderr.trim_end().ends_with("on 1 thread)"),
        "{stderr}"
    );
}

#[test]
fn batch_agrees_with_compare_on_the_facts_and_the_note() {
    let (_, records) = fixture_pairs();
    let record = records
        .iter()
        .find(|record| !record["note"].as_str().unwrap_or_default().is_empty())
        .expect("a fixture pair with a note");
    let input = format!("{record}\n");
    let batch = redline_with(&["batch", "--full"], &[], Some(&input));
    let result = &json_lines(&batch.stdout)[0];
    let [original, reworked, note] = ["original", "reworked", "note"].map(|key| {
        temp_file(
            &format!("{key}.txt"),
            record[key].as_str().unwrap().as_bytes(),
        )
    });
    let compare = redline(&[
        "compare",
        original.to_str().unwrap(),
        reworked.to_str().unwrap(),
        "--note",
        note.to_str().unwrap(),
        "--json",
    ]);
    let mut compared: serde_json::Value = serde_json::from_slice(&compare.stdout).unwrap();
    let reconciliation = compared
        .as_object_mut()
        .unwrap()
        .remove("reconciliation")
        .unwrap();
    assert_eq!(result["comparison"], compared);
    assert_eq!(result["facts"], compared["facts"]);
    assert_eq!(result["check"]["summary"], reconciliation["summary"]);
    assert_eq!(result["check"]["claims"], reconciliation["claims"]);
    let explained: Vec<&serde_json::Value> = result["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| &change["explained"])
        .collect();
    assert_eq!(serde_json::json!(explained), reconciliation["explained"]);
    assert_eq!(result["note"]["given"], true);
}

#[test]
fn batch_reports_each_bad_line_skips_it_and_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(
        b"{\"id\": \"first\", \"original\": \"It cost $5.\", \"reworked\": \"It cost $6.\"}\n",
    );
    input
        .extend_from_slice(b"{\"id\": \"crlf\", \"original\": \"a b\", \"reworked\": \"a c\"}\r\n");
    input.extend_from_slice(b"{\"id\": \"cut\", \"original\": \"It cos\n");
    input.extend_from_slice(b"{\"id\": \"one side\", \"original\": \"It cost $5.\"}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(
        b"{\"id\": \"latin-1\", \"original\": \"caf\xe9\", \"reworked\": \"cafe\"}\n",
    );
    input.extend_from_slice(
        b"{\"id\": \"history\", \"versions\": [\"It rained.\", \"It snowed.\", {\"text\": \"It snowed a lot.\", \"note\": \"Update: how much it snowed.\"}]}",
    );
    let path = temp_file("mixed.jsonl", &input);
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("batch-out-{}.jsonl", std::process::id()));
    let output = redline(&[
        "batch",
        path.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--progress",
        "never",
    ]);
    assert_eq!(output.status.code(), Some(1), "some lines were skipped");
    assert!(output.stdout.is_empty());
    let results = json_lines(&std::fs::read(&out).unwrap());
    let ids: Vec<&serde_json::Value> = results.iter().map(|result| &result["id"]).collect();
    assert_eq!(ids, ["first", "crlf", "history"]);
    let steps = results[2]["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[1]["note"]["kind"], "update");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(
        lines[0].starts_with("redline batch: line 3: not JSON: EOF while parsing a string"),
        "{stderr}"
    );
    assert!(lines[0].ends_with("; skipped"), "{stderr}");
    assert_eq!(
        lines[1],
        "redline batch: line 4: needs \"original\" and \"reworked\" (texts), or \"versions\" (a list of 2 or more); skipped"
    );
    assert_eq!(
        lines[2],
        "redline batch: line 6: not UTF-8 text (invalid byte at offset 34); skipped"
    );
    assert!(
        lines[3].starts_with("redline batch: 3 of 6 records compared, 3 skipped in "),
        "{stderr}"
    );
}

#[test]
fn batch_shows_progress_when_asked_and_refuses_what_it_cannot_open() {
    let input = "{\"original\": \"a b\", \"reworked\": \"a c\"}\n".repeat(3);
    let output = redline_with(&["batch", "-", "--progress", "always"], &[], Some(&input));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json_lines(&output.stdout).len(), 3);
    let stderr = String::from_utf8(output.stderr).unwrap();
    // The progress line is redrawn in place: a carriage return and an erase to the line's end.
    assert!(
        stderr.contains("\r\x1b[Kredline batch: 3 compared, 0 skipped, "),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("\r\x1b[Kredline batch: 3 of 3 records compared, 0 skipped in "),
        "the summary follows the cleared progress line: {stderr:?}"
    );
    for (args, expected) in [
        (
            &["batch", "/no/such/records.jsonl"][..],
            "redline: cannot read /no/such/records.jsonl",
        ),
        (
            &["batch", "-", "--jobs", "0"][..],
            "redline: --jobs must be 1 or more",
        ),
        (
            &["batch", "-", "--output", "/no/such/dir/out.jsonl"][..],
            "redline: cannot write /no/such/dir/out.jsonl",
        ),
    ] {
        let output = redline(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with(expected), "{stderr}");
    }
}
