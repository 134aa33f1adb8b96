//! A template filled in and saved by Microsoft Excel, as near as can be
//! without Excel: `support::excel::as_excel_saves` rewrites a filled
//! template the way Excel's writer does (see there for each habit and
//! where it was seen), and `medel import` must read every field the same.

mod support;

use std::path::PathBuf;

use medel::domain::money::Money;
use medel::exchange::{Document, Identity, ParticipantDoc, read_xlsx};
use medel::store::Store;
use support::cli::{Sandbox, s};
use support::excel::{Saving, as_excel_saves, as_excel_saves_with, excel_number};
use support::xlsx::{Typed, fill, ole_with, rezip, unzip};

fn identity(bytes: &[u8]) -> Identity {
    read_xlsx(bytes).expect("a template reads").identity
}

/// The demo and Bromma's template, in English.
fn demo_and_template(sb: &Sandbox) -> (PathBuf, Vec<u8>) {
    let db = sb.demo("d.sqlite");
    sb.ok(&["template", "-o", s(&sb.path("t")), "--db", s(&db)]);
    let t = std::fs::read(sb.path("t/Bromma.xlsx")).expect("template");
    (db, t)
}

fn dataset(db: &std::path::Path) -> Document {
    Store::open(db)
        .expect("open")
        .dataset(None)
        .expect("dataset")
}

fn bromma(doc: &Document) -> ParticipantDoc {
    doc.grants[0]
        .recipients
        .iter()
        .find(|p| p.recipient == "Bromma")
        .expect("Bromma takes part")
        .clone()
}

const BOLD_NOTE: &[(&str, bool)] = &[("Held ", false), ("twelve", true), (" groups", false)];

/// What a district types into Bromma's template in Excel.
fn typed_in_excel(t: &[u8]) -> Vec<u8> {
    let id = identity(t);
    let a = &id.areas;
    fill(
        t,
        &[
            (a[0].1.as_str(), Typed::Number("1234.1")),
            (a[1].1.as_str(), Typed::Number("4711.5")),
            (a[2].1.as_str(), Typed::Text("2 945,25")),
            (a[3].1.as_str(), Typed::Text("19.99")),
            (a[4].1.as_str(), Typed::Text("0.1")),
            (a[5].1.as_str(), Typed::Text("")),
            // "What was done": a number, a bolded word, a date, text
            // that looks like Excel's own escapes, a pasted line break.
            (a[0].2.as_str(), Typed::Text("12")),
            (a[1].2.as_str(), Typed::Rich(BOLD_NOTE)),
            (a[2].2.as_str(), Typed::Text("2018-01-15")),
            (a[3].2.as_str(), Typed::Text("Code _x000D_ & <tags>")),
            (a[4].2.as_str(), Typed::Text("  Two\nlines  ")),
            (id.reported_on.as_str(), Typed::Text("2018-02-28")),
            (
                id.reason_unused.as_str(),
                Typed::Text("Fewer groups\nthan planned"),
            ),
            (
                id.evaluation.as_str(),
                Typed::Rich(&[("It went ", false), ("well", true), (".", false)]),
            ),
            (
                id.contact.as_deref().expect("contact"),
                Typed::Text("Anna Lind"),
            ),
        ],
    )
}

/// Imports Bromma's template typed in and saved `how`, and checks every
/// field: first what the dry run shows, then what the import stored.
fn every_field_comes_through(how: Saving) {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    let saved = as_excel_saves_with(&typed_in_excel(&t), how);
    let file = sb.path("Bromma.xlsx");
    std::fs::write(&file, &saved).expect("write");

    let dry = sb.ok(&["import", "--dry-run", s(&file), "--db", s(&db)]);
    for want in [
        "→ SEK 1,234.10",
        "→ SEK 4,711.50",
        "→ SEK 2,945.25",
        "→ SEK 19.99",
        "→ SEK 0.10",
        "report of 'Bromma': reported on 2018-02-15 → 2018-02-28",
        "evaluation '' → 'It went well.'",
        "'Bromma' contact person '' → 'Anna Lind'",
        "→ 'Held twelve groups'",
        "→ '2018-01-15'",
        "→ 'Code _x000D_ & <tags>'",
    ] {
        assert!(
            dry.stdout.contains(want),
            "want {want:?} in:\n{}",
            dry.stdout
        );
    }

    sb.ok(&["import", s(&file), "--db", s(&db)]);
    let p = bromma(&dataset(&db));
    let spent = |pos: i64| {
        p.spending
            .iter()
            .find(|s| s.focus_area == pos)
            .map(|s| (s.amount, s.note.as_str()))
    };
    assert_eq!(spent(1), Some((Money::from_ore(123_410), "12")));
    assert_eq!(
        spent(2),
        Some((Money::from_ore(471_150), "Held twelve groups"))
    );
    assert_eq!(spent(3), Some((Money::from_ore(294_525), "2018-01-15")));
    assert_eq!(
        spent(4),
        Some((Money::from_ore(1_999), "Code _x000D_ & <tags>"))
    );
    assert_eq!(spent(5), Some((Money::from_ore(10), "Two\nlines")));
    assert_eq!(spent(6).map(|s| s.0).unwrap_or(Money::ZERO), Money::ZERO);
    let report = p.report.as_ref().expect("a report");
    assert_eq!(report.reported_on.to_string(), "2018-02-28");
    assert_eq!(report.reason_unused, "Fewer groups\nthan planned");
    assert_eq!(report.evaluation, "It went well.");
    assert_eq!(p.contact, "Anna Lind");

    // Saved again by Excel unchanged, it changes nothing.
    let again = sb.ok(&["import", s(&file), "--db", s(&db)]);
    assert!(
        again.stdout.contains("Nothing to import"),
        "{}",
        again.stdout
    );
}

#[test]
fn every_field_comes_through_excel_for_windows() {
    every_field_comes_through(Saving::default());
}

#[test]
fn every_field_comes_through_a_1904_workbook() {
    every_field_comes_through(Saving {
        date1904: true,
        ..Saving::default()
    });
}

#[test]
fn every_field_comes_through_with_the_short_date_format() {
    every_field_comes_through(Saving {
        date1904: true,
        short_date: true,
        ..Saving::default()
    });
}

#[test]
fn every_field_comes_through_strict_open_xml() {
    every_field_comes_through(Saving {
        strict: true,
        ..Saving::default()
    });
    every_field_comes_through(Saving {
        strict: true,
        date1904: true,
        short_date: true,
    });
}

#[test]
fn a_template_excel_saved_untouched_changes_nothing() {
    for how in [
        Saving::default(),
        Saving {
            date1904: true,
            short_date: true,
            ..Saving::default()
        },
        Saving {
            strict: true,
            ..Saving::default()
        },
    ] {
        let sb = Sandbox::new();
        let (db, t) = demo_and_template(&sb);
        let file = sb.path("Bromma.xlsx");
        std::fs::write(&file, as_excel_saves_with(&t, how)).expect("write");
        let before = dataset(&db);
        let out = sb.ok(&["import", s(&file), "--db", s(&db)]);
        assert!(out.stdout.contains("Nothing to import"), "{}", out.stdout);
        assert_eq!(dataset(&db), before);
    }
}

#[test]
fn the_stand_in_writes_what_excel_writes() {
    let sb = Sandbox::new();
    let (_, t) = demo_and_template(&sb);
    let saved = as_excel_saves(&typed_in_excel(&t));
    let parts = unzip(&saved);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    assert!(names.contains(&"xl/calcChain.xml"), "{names:?}");
    let part = |name: &str| {
        let (_, body) = parts.iter().find(|(n, _)| n == name).expect(name);
        String::from_utf8(body.clone()).expect("utf-8")
    };
    // The visible sheet is now the second part, found by its relationship.
    let report = part("xl/worksheets/sheet2.xml");
    assert!(report.contains(r#"mc:Ignorable="x14ac xr xr2 xr3""#));
    assert!(report.contains("x14ac:dyDescent"));
    assert!(!report.contains("inlineStr"));
    assert!(report.contains("<v>1234.0999999999999</v>"), "{report}");
    assert!(report.contains("<v>19.989999999999998</v>"), "{report}");
    assert!(report.contains("<v>0.10000000000000001</v>"), "{report}");
    // The reported date as a serial (2018-02-28), and the sum's new value.
    assert!(report.contains("<v>43159</v>"), "{report}");
    let sum = excel_number(1234.1 + 4711.5 + 0.0 + 19.99 + 0.1 + 0.0);
    assert!(
        report.contains(&format!("<f>SUM(C12:C17)</f><v>{sum}</v>")),
        "{report}"
    );
    let strings = part("xl/sharedStrings.xml");
    assert!(
        strings.contains(r#"<r><rPr><b/><sz val="11"/>"#),
        "{strings}"
    );
    assert!(strings.contains("Code _x005F_x000D_ &amp; &lt;tags&gt;"));
    let workbook = part("xl/workbook.xml");
    assert!(workbook.contains(r#"<fileVersion appName="xl" lastEdited="7""#));
    assert!(workbook.contains("_xlnm.Print_Titles"));
    let rels = part("xl/_rels/workbook.xml.rels");
    assert!(
        rels.contains(r#"Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml""#),
        "{rels}"
    );
    let mac = as_excel_saves_with(
        &t,
        Saving {
            date1904: true,
            ..Saving::default()
        },
    );
    let mac_book = unzip(&mac);
    let (_, wb) = mac_book
        .iter()
        .find(|(n, _)| n == "xl/workbook.xml")
        .expect("workbook");
    assert!(String::from_utf8_lossy(wb).contains(r#"<workbookPr date1904="1""#));
    let strict = as_excel_saves_with(
        &typed_in_excel(&t),
        Saving {
            strict: true,
            ..Saving::default()
        },
    );
    let strict = unzip(&strict);
    let (_, sheet) = strict
        .iter()
        .find(|(n, _)| n == "xl/worksheets/sheet2.xml")
        .expect("sheet");
    let sheet = String::from_utf8_lossy(sheet);
    assert!(sheet.contains("http://purl.oclc.org/ooxml/spreadsheetml/main"));
    assert!(
        sheet.contains(r#"t="d"><v>2018-02-28T00:00:00</v>"#),
        "{sheet}"
    );
}

#[test]
fn numbers_are_written_as_excel_writes_them() {
    for (n, excel) in [
        (4711.5, "4711.5"),
        (1234.1, "1234.0999999999999"),
        (19.99, "19.989999999999998"),
        (0.1 + 0.2, "0.30000000000000004"),
        (0.0796, "7.9600000000000004E-2"),
        (0.002, "2E-3"),
        (12500.0, "12500"),
        (0.5, "0.5"),
    ] {
        assert_eq!(excel_number(n), excel, "{n}");
        assert_eq!(excel.parse::<f64>().ok(), Some(n));
    }
}

/// Imports `bytes` as `name` and returns the refusal, in `lang`.
fn refusal(sb: &Sandbox, db: &std::path::Path, name: &str, bytes: &[u8], lang: &str) -> String {
    std::fs::write(sb.path(name), bytes).expect("write");
    let before = dataset(db);
    let out = sb.run_in(lang, &["import", s(&sb.path(name)), "--db", s(db)]);
    assert_eq!(out.code, 2, "refused: {}{}", out.stdout, out.stderr);
    assert_eq!(dataset(db), before, "a refused file changed the database");
    out.stderr
}

#[test]
fn what_an_excel_user_may_send_instead_is_named_with_what_to_do() {
    let sb = Sandbox::new();
    let (db, _) = demo_and_template(&sb);
    let en = "en_GB.UTF-8";
    let sv = "sv_SE.UTF-8";
    let encrypted = ole_with(&["EncryptionInfo", "EncryptedPackage"]);
    let err = refusal(&sb, &db, "Bromma.xlsx", &encrypted, en);
    assert!(
        err.contains("Bromma.xlsx: a password-protected workbook: remove the password"),
        "{err}"
    );
    let err = refusal(&sb, &db, "Bromma.xlsx", &encrypted, sv);
    assert!(
        err.contains("Bromma.xlsx: en lösenordsskyddad arbetsbok: ta bort lösenordet"),
        "{err}"
    );
    let xls = ole_with(&["Workbook", "\u{5}SummaryInformation"]);
    let err = refusal(&sb, &db, "Bromma.xls", &xls, en);
    assert!(
        err.contains("Bromma.xls: an old Excel 97-2003 workbook (.xls): open it in Excel"),
        "{err}"
    );
    let err = refusal(&sb, &db, "Bromma.xls", &xls, sv);
    assert!(
        err.contains("Bromma.xls: en gammal arbetsbok från Excel 97-2003 (.xls)"),
        "{err}"
    );
    // A binary workbook: a zip like an .xlsx, with xl/workbook.bin.
    let xlsb = rezip(
        &[
            ("[Content_Types].xml".into(), b"<Types/>".to_vec()),
            ("xl/workbook.bin".into(), vec![0x83, 0x01, 0x00, 0x84, 0x01]),
        ],
        zip::CompressionMethod::Deflated,
    );
    let err = refusal(&sb, &db, "Bromma.xlsb", &xlsb, en);
    assert!(
        err.contains("Bromma.xlsb: an Excel Binary Workbook (.xlsb): open it in Excel and save it as Excel Workbook (.xlsx)"),
        "{err}"
    );
    let err = refusal(&sb, &db, "Bromma.xlsb", &xlsb, sv);
    assert!(
        err.contains("Bromma.xlsb: en binär Excel-arbetsbok (.xlsb)"),
        "{err}"
    );
    let doc = ole_with(&["WordDocument"]);
    let err = refusal(&sb, &db, "Bromma.doc", &doc, en);
    assert!(
        err.contains("Bromma.doc: an Office file that is not an .xlsx workbook"),
        "{err}"
    );
}

#[test]
fn an_xls_written_by_libreoffice_is_named_as_one() {
    let Some(soffice) = support::office::soffice() else {
        println!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let sb = Sandbox::new();
    let (db, _) = demo_and_template(&sb);
    let xls = support::office::convert(soffice, &sb.path("t/Bromma.xlsx"), "xls", &sb.path("out"))
        .and_then(|f| std::fs::read(f).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| panic!("{e}"));
    let err = refusal(&sb, &db, "Bromma.xls", &xls, "en_GB.UTF-8");
    assert!(
        err.contains("Bromma.xls: an old Excel 97-2003 workbook (.xls)"),
        "{err}"
    );
}
