//! The report on the 2017 case, in both languages and both formats.

mod support;

use medel::domain::Lang;
use medel::i18n::report::words;
use medel::report::{ReportFormat, render, status};
use support::case::{case_2017, index_of, names};
use support::kr;
use unicode_width::UnicodeWidthStr;

#[test]
fn the_case_adds_up() {
    let s = status(&case_2017());
    assert_eq!(s.received, kr(2_945_873));
    assert_eq!(s.allocated, kr(2_922_920));
    assert_eq!(s.used, kr(2_368_405));
    assert_eq!(s.to_return, kr(577_468));
}

/// The text between a heading and the next one.
fn section<'a>(report: &'a str, heading: &str) -> &'a str {
    let start = report.find(heading).expect("heading present") + heading.len();
    let rest = &report[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn swedish_summary_states_the_figures() {
    let md = render(&case_2017(), words(Lang::Sv), ReportFormat::Markdown);
    let summary = section(&md, "## Sammanfattning");
    for figure in ["2 945 873 kronor", "2 368 405 kronor", "577 468 kronor"] {
        assert!(summary.contains(figure), "{figure} missing in:\n{summary}");
    }
    assert!(
        summary.contains(
            "Två mottagare har inte använt något av sina medel och tre har använt en del."
        ),
        "{summary}"
    );
    // The case tells the summer's redistribution apart, as the source does.
    let case = section(&md, "## Ärendet");
    assert!(case.contains("22 953 kronor genom omfördelning den 10 juli 2017"));
    assert!(
        case.contains("Resterande 22 953 kronor, motsvarande omfördelningen den 10 juli 2017, har inte fördelats utan har stannat centralt."),
        "{case}"
    );
}

#[test]
fn swedish_report_names_exactly_the_unused_and_partial() {
    let md = render(&case_2017(), words(Lang::Sv), ReportFormat::Markdown);
    let part = section(&md, "## Medel som inte har använts");
    assert!(
        part.contains("Bromma och Kungsholmen har inte använt något av sina medel"),
        "{part}"
    );
    assert!(
        part.contains("Rinkeby-Kista, Älvsjö och Östermalm har använt en del av sina medel:"),
        "{part}"
    );
    // No other recipient is named in that section.
    let named: Vec<String> = names()
        .into_iter()
        .filter(|name| part.contains(name.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            "Bromma",
            "Kungsholmen",
            "Rinkeby-Kista",
            "Älvsjö",
            "Östermalm"
        ]
    );
}

#[test]
fn english_report_lists_names_in_english() {
    let md = render(&case_2017(), words(Lang::En), ReportFormat::Markdown);
    assert!(md.contains("Bromma and Kungsholmen used none of their money"));
    assert!(md.contains("Rinkeby-Kista, Älvsjö and Östermalm used part of their money:"));
    assert!(md.contains("SEK 2,945,873"));
    assert!(md.contains("SEK 577,468"));
}

#[test]
fn rendering_is_deterministic() {
    for lang in [Lang::Sv, Lang::En] {
        for format in [ReportFormat::Markdown, ReportFormat::Text] {
            let a = render(&case_2017(), words(lang), format);
            let b = render(&case_2017(), words(lang), format);
            assert_eq!(a.as_bytes(), b.as_bytes());
        }
    }
}

#[test]
fn text_fits_in_80_columns() {
    for lang in [Lang::Sv, Lang::En] {
        let txt = render(&case_2017(), words(lang), ReportFormat::Text);
        for line in txt.lines() {
            assert!(line.width() <= 80, "too wide: {line:?}");
            assert_eq!(line, line.trim_end(), "trailing space: {line:?}");
        }
        assert!(txt.ends_with("\n") && !txt.ends_with("\n\n"));
    }
}

#[test]
fn empty_grant_still_reads() {
    let mut data = case_2017();
    data.receipts.clear();
    data.recipients.clear();
    let txt = render(&data, words(Lang::Sv), ReportFormat::Text);
    assert!(txt.contains("Inga medel har ännu tagits emot från Socialstyrelsen"));
    assert!(txt.contains("Ingen mottagare har redovisat användning inom området."));
}

#[test]
fn snapshot_sv_text() {
    insta::assert_snapshot!(render(&case_2017(), words(Lang::Sv), ReportFormat::Text));
}

#[test]
fn snapshot_en_text() {
    insta::assert_snapshot!(render(&case_2017(), words(Lang::En), ReportFormat::Text));
}

#[test]
fn snapshot_sv_markdown() {
    insta::assert_snapshot!(render(
        &case_2017(),
        words(Lang::Sv),
        ReportFormat::Markdown
    ));
}

#[test]
fn snapshot_en_markdown() {
    insta::assert_snapshot!(render(
        &case_2017(),
        words(Lang::En),
        ReportFormat::Markdown
    ));
}

/// Bromma has not reported, Kungsholmen is the only one with nothing used,
/// Farsta spent more than it got, and spending sits on an area the grant
/// no longer lists.
fn odd_case() -> medel::report::ReportData {
    let mut data = case_2017();
    let bromma = index_of(&data, "Bromma");
    let farsta = index_of(&data, "Farsta");
    data.recipients[bromma].report = None;
    data.recipients[farsta]
        .spending
        .push(medel::domain::model::Spending {
            focus_area_id: 99,
            amount: kr(12_500),
            // Typed on two lines: two paragraphs of one item.
            note: "Extra kurs i MI\n\nför nya  handläggare".into(),
        });
    data.receipts.truncate(1);
    data
}

#[test]
fn odd_case_reads_right_in_swedish() {
    let md = render(&odd_case(), words(Lang::Sv), ReportFormat::Markdown);
    for phrase in [
        "Nämnden har tagit emot 2 922 920 kronor från Socialstyrelsen genom rekvisition den 15 mars 2017 \
         (Rekvirerat för nämnderna och enheten för hemlösa. Exempel: beloppen per mottagare är illustrativa).",
        "Av det ligger 12 500 kronor utöver tilldelningarna",
        "Beloppet kan ändras, eftersom Bromma ännu inte har redovisat.",
        "Kungsholmen har inte använt något av sina 160 000 kronor.",
        "Farsta har använt mer än fördelat och står själv för det som går utöver:",
        "Farsta använde 212 500 av 200 000 kronor, alltså 12 500 kronor mer än fördelat.",
        "Bromma har ännu inte redovisat hur medlen har använts.",
        "### Utanför fokusområdena",
        "Farsta har använt 12 500 kronor utanför fokusområdena:",
        "- Farsta, 12 500 kronor: Extra kurs i MI.\n\n  För nya handläggare.",
        "| ej redovisat |",
    ] {
        assert!(md.contains(phrase), "missing {phrase:?} in:\n{md}");
    }
    // Bromma has not reported, so it is not said to have used nothing.
    assert!(!md.contains("Bromma och Kungsholmen"));
    // to return = received − credited: the overspending does not reduce it.
    assert!(md.contains("554 515 kronor ska betalas tillbaka"));
}

#[test]
fn odd_case_reads_right_in_english() {
    let md = render(&odd_case(), words(Lang::En), ReportFormat::Markdown);
    for phrase in [
        "The committee received SEK 2,922,920 from Socialstyrelsen by requisition on 15 March 2017 \
         (Rekvirerat för nämnderna och enheten för hemlösa. Exempel: beloppen per mottagare är illustrativa).",
        "Kungsholmen used none of its SEK 160,000.",
        "Farsta used more than allocated and bears the excess itself:",
        "since Bromma has not reported yet.",
        "Bromma has not yet reported how the money was used.",
        "Farsta spent SEK 12,500 outside the focus areas:",
    ] {
        assert!(md.contains(phrase), "missing {phrase:?} in:\n{md}");
    }
}

#[test]
fn odd_case_text_fits_too() {
    let txt = render(&odd_case(), words(Lang::Sv), ReportFormat::Text);
    assert!(txt.lines().all(|l| l.width() <= 80));
    // The note's second paragraph stays with its item, on a line of its own.
    assert!(
        txt.contains("- Farsta, 12 500 kronor: Extra kurs i MI.\n  För nya handläggare.\n"),
        "{txt}"
    );
}

/// The data these tests render is what users get: `medel report` on the
/// file `medel demo` writes gives the same report, byte for byte.
#[test]
fn the_case_is_what_medel_demo_reports() {
    let sb = support::cli::Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let db = support::cli::s(&db);
    for (lang, code) in [(Lang::Sv, "sv"), (Lang::En, "en")] {
        for (format, name) in [(ReportFormat::Markdown, "md"), (ReportFormat::Text, "txt")] {
            let out = sb.ok(&[
                "report",
                "--db",
                db,
                "--today",
                support::TODAY,
                "--lang",
                code,
                "--format",
                name,
            ]);
            assert_eq!(
                out.stdout,
                render(&case_2017(), words(lang), format),
                "{code} {name}"
            );
        }
    }
}
