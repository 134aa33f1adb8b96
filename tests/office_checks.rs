//! Word's and Excel's own checks, as near as a machine without them can
//! come: `openxml-audit` (PyPI) validates each kind of file medel writes
//! against ECMA-376 and the rules the Open XML SDK adds, which is what
//! makes Word or Excel offer to "repair" a file. LibreOffice opens files
//! that break them without a word, so its own tests cannot show this.
//! Skips, saying so, when the package is missing; `.ci/run` installs it
//! under CI.

mod support;

use std::path::Path;
use std::process::Command;

use medel::domain::Lang;
use medel::i18n::report::words;
use medel::report::render_docx;
use support::case::case_2017;
use support::cli::{Sandbox, s};

/// One finding the validator may report and why it does not matter:
/// a document without a theme part. LibreOffice Writer's own .docx has
/// none either, and Word opens those without a question.
const ALLOWED: &[&str] = &["relationships/theme' is missing"];

fn validator() -> bool {
    Command::new("python3")
        .args(["-c", "import openxml_audit"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Every finding the validator reports for `file`, but the allowed ones.
fn findings(file: &Path) -> Vec<String> {
    let out = Command::new("python3")
        .args([
            "-m",
            "openxml_audit",
            "--output",
            "json",
            "--max-errors",
            "0",
        ])
        .arg(file)
        .output()
        .expect("run openxml_audit");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let results = report.as_array().expect("a list of results");
    assert_eq!(results.len(), 1, "{report}");
    results[0]["errors"]
        .as_array()
        .expect("a list of findings")
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e["part_uri"].as_str().unwrap_or(""),
                e["path"].as_str().unwrap_or(""),
                e["description"].as_str().unwrap_or("")
            )
        })
        .filter(|f| !ALLOWED.iter().any(|a| f.contains(a)))
        .collect()
}

fn assert_clean(file: &Path) {
    let found = findings(file);
    assert!(
        found.is_empty(),
        "{}: {} findings, the first:\n{}",
        file.display(),
        found.len(),
        found
            .iter()
            .take(12)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_word_report_passes_words_checks() {
    if !validator() {
        println!("skipped: the Python package openxml-audit is not installed");
        return;
    }
    let sb = Sandbox::new();
    let mut moved = support::case::moved_and_repaid();
    moved.money_back.repayments[0].note = "Paid in two parts\nthe second in May".into();
    let mut pasted = support::case::case_2017();
    let at = support::case::index_of(&pasted, "Farsta");
    pasted.recipients[at].spending[0].note = "Ett\u{b}två\u{7}tre\u{1b}[31m".into();
    for (name, data, lang) in [
        ("demo-sv.docx", case_2017(), Lang::Sv),
        ("demo-en.docx", case_2017(), Lang::En),
        ("moved-sv.docx", moved, Lang::Sv),
        ("pasted-sv.docx", pasted, Lang::Sv),
    ] {
        let file = sb.path(name);
        std::fs::write(&file, render_docx(&data, words(lang)).expect("written")).expect("write");
        assert_clean(&file);
    }
}

#[test]
fn the_workbooks_pass_excels_checks() {
    if !validator() {
        println!("skipped: the Python package openxml-audit is not installed");
        return;
    }
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let out = sb.path("out");
    sb.ok(&[
        "template",
        "--db",
        s(&db),
        "--recipient",
        "Bromma",
        "-o",
        s(&out),
    ]);
    assert_clean(&out.join("Bromma.xlsx"));
    for lang in ["sv", "en"] {
        let file = sb.path(&format!("export-{lang}.xlsx"));
        sb.ok(&[
            "export",
            "--db",
            s(&db),
            "--format",
            "xlsx",
            "--lang",
            lang,
            "-o",
            s(&file),
        ]);
        assert_clean(&file);
    }
}
