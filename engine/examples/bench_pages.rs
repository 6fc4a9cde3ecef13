//! `make bench-pages`: the page reader measured on the pages benchmark (HTML and plain-text copies), with the benchmark's own metric.
//!
//! Usage: `cargo run --release -p redline-engine --features parse-html --example bench_pages
//! -- [PAGES_DIR] [--worst N] [--show KEY_PREFIX] [--half a|b]`. PAGES_DIR holds `ground-truth.json`, `html/KEY.html.gz` and
//! `text/KEY.txt.gz` (default `../shared/corpus/pages`, the 123 pages of
//! scrapinghub/article-extraction-benchmark that may be tuned on).
//!
//! The metric is the benchmark's: word 4-gram shingles (`\w+` tokens) of the found and the
//! marked article, per page true and false positives and false negatives normalised to sum 1,
//! precision and recall averaged over the pages, and the F1 of the two means.

use std::io::Read;
use std::path::PathBuf;

use redline_engine::formats::page::{find_article, parse_html, read_html, read_text};

#[path = "../tests/common/shingles.rs"]
mod shingles;

use shingles::page_score;

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

fn gunzip(path: &PathBuf) -> String {
    let bytes =
        std::fs::read(path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|err| panic!("{} is not gzip'd UTF-8: {err}", path.display()));
    text
}

struct Row {
    key: String,
    precision: Option<f64>,
    recall: Option<f64>,
}

fn report(name: &str, rows: &[Row], worst: usize) {
    let precisions: Vec<f64> = rows.iter().filter_map(|row| row.precision).collect();
    let recalls: Vec<f64> = rows.iter().filter_map(|row| row.recall).collect();
    let (p, r) = (mean(&precisions), mean(&recalls));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "{name:<28} F1 {f1:.4}  precision {p:.4}  recall {r:.4}  ({} pages)",
        rows.len()
    );
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by(|a, b| {
        let f = |row: &Row| row.precision.unwrap_or(0.0).min(row.recall.unwrap_or(0.0));
        f(a).total_cmp(&f(b))
    });
    for row in sorted.iter().take(worst) {
        println!(
            "    {:.2} {:.2} {}",
            row.precision.unwrap_or(0.0),
            row.recall.unwrap_or(0.0),
            &row.key[..12]
        );
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/corpus/pages"
    ));
    let mut worst = 0;
    let mut show = None;
    // `--half a` reads the pages whose key starts with 0-7, `--half b` the others: a rule tuned
    // on one half is checked on the other.
    let mut half: Option<String> = None;
    while let Some(arg) = args.next() {
        if arg == "--show" {
            show = args.next();
        } else if arg == "--half" {
            half = args.next();
        } else if arg == "--worst" {
            worst = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
        } else {
            dir = PathBuf::from(arg);
        }
    }
    let truth_path = dir.join("ground-truth.json");
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&truth_path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", truth_path.display())),
    )
    .unwrap();
    let truth = truth.as_object().unwrap();
    let (mut html_rows, mut text_rows, mut whole_rows) = (Vec::new(), Vec::new(), Vec::new());
    // What a comparison reads (compare_with_options): the article with its headline when the
    // text is taken for a whole page, else the whole text; of the copy, and of the HTML's text.
    let (mut compared_rows, mut compared_html_rows) = (Vec::new(), Vec::new());
    let (mut n_pages, mut n_html_pages) = (0, 0);
    let compared = |text: &str, n_pages: &mut usize| -> String {
        match find_article(text) {
            Some(range) => {
                *n_pages += 1;
                text[range].to_owned()
            }
            None => text.to_owned(),
        }
    };
    let mut keys: Vec<&String> = truth.keys().collect();
    keys.sort();
    keys.retain(|key| match half.as_deref() {
        Some("a") => key.as_str() < "8",
        Some("b") => key.as_str() >= "8",
        _ => true,
    });
    for key in keys {
        let body = truth[key]["articleBody"].as_str().unwrap_or_default();
        let html = gunzip(&dir.join(format!("html/{key}.html.gz")));
        let text = gunzip(&dir.join(format!("text/{key}.txt.gz")));
        let page = read_html(&parse_html(&html));
        if show
            .as_ref()
            .is_some_and(|prefix| key.starts_with(prefix.as_str()))
        {
            let head = |text: &str| text.chars().take(600).collect::<String>();
            println!(
                "== {key}\n-- marked:\n{}\n-- found in the HTML:\n{}\n-- found in the text:\n{}\n",
                head(body),
                head(&page.article_text()),
                head(&read_text(&text).article_text())
            );
        }
        let (precision, recall) = page_score(body, &page.article_text());
        html_rows.push(Row {
            key: key.clone(),
            precision,
            recall,
        });
        let (precision, recall) = page_score(body, &compared(&page.text, &mut n_html_pages));
        compared_html_rows.push(Row {
            key: key.clone(),
            precision,
            recall,
        });
        let (precision, recall) = page_score(body, &compared(&text, &mut n_pages));
        compared_rows.push(Row {
            key: key.clone(),
            precision,
            recall,
        });
        let page = read_text(&text);
        let (precision, recall) = page_score(body, &page.article_text());
        text_rows.push(Row {
            key: key.clone(),
            precision,
            recall,
        });
        let (precision, recall) = page_score(body, &text);
        whole_rows.push(Row {
            key: key.clone(),
            precision,
            recall,
        });
    }
    report("HTML", &html_rows, worst);
    report("plain text (Select All copy)", &text_rows, worst);
    report("whole text, for comparison", &whole_rows, 0);
    println!();
    println!("What a comparison reads (headline included; a text not taken for a page is whole):");
    report("the copy", &compared_rows, 0);
    println!(
        "    taken for a whole page: {n_pages} of {}",
        compared_rows.len()
    );
    report("the HTML's text", &compared_html_rows, 0);
    println!(
        "    taken for a whole page: {n_html_pages} of {}",
        compared_html_rows.len()
    );
}
