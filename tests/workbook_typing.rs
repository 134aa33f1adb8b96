//! What a district's typing does to a template, and what the import says
//! about it: text cells that stay text, amounts checked while typing,
//! dates Excel and LibreOffice count differently or that lie ahead, a
//! report without a date, and the words of the refusals and notes.

mod support;

use std::path::{Path, PathBuf};

use medel::domain::model::{RecipientKind, RecipientReport};
use medel::exchange::{Identity, read_xlsx};
use medel::store::Store;
use support::cli::{Out, Sandbox, s};
use support::db::current_grant;
use support::kr;
use support::xlsx::{Typed, fill, fill_sheet, rezip, unzip};

/// The demo database and its English templates in `t/`.
fn desk() -> (Sandbox, PathBuf) {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    sb.ok(&["template", "-o", s(&sb.path("t")), "--db", s(&db)]);
    (sb, db)
}

fn template(sb: &Sandbox, recipient: &str) -> Vec<u8> {
    std::fs::read(sb.path(&format!("t/{recipient}.xlsx"))).expect("template")
}

fn identity(bytes: &[u8]) -> Identity {
    read_xlsx(bytes).expect("a template reads").identity
}

fn import(sb: &Sandbox, db: &Path, files: &[(&str, &[u8])], extra: &[&str]) -> Out {
    let mut args = vec!["import".to_string()];
    for (name, bytes) in files {
        std::fs::write(sb.path(name), bytes).expect("write");
        args.push(sb.path(name).display().to_string());
    }
    args.extend(["--db".to_string(), s(db).to_string()]);
    args.extend(extra.iter().map(|a| a.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    sb.run(&args)
}

fn dataset(db: &Path) -> String {
    let doc = Store::open(db)
        .expect("open")
        .dataset(None)
        .expect("dataset");
    medel::exchange::to_json(&doc).expect("json")
}

/// Bromma's report in the grant as the database holds it.
/// A recipient that has never reported, "Ny enhet" with 10 000 kr, and
/// its template.
fn new_recipients_template(sb: &Sandbox, db: &Path) -> Vec<u8> {
    {
        let mut store = Store::open(db).expect("open");
        let g = current_grant(&store);
        let r = store
            .add_recipient("Ny enhet", "", RecipientKind::District)
            .expect("add");
        store
            .set_allocation(g, r, kr(10_000), None)
            .expect("allocate");
    }
    sb.ok(&["template", "-o", s(&sb.path("n")), "--db", s(db)]);
    std::fs::read(sb.path("n/Ny enhet.xlsx")).expect("template")
}

fn bromma_report(db: &Path) -> Option<RecipientReport> {
    let doc = Store::open(db)
        .expect("open")
        .dataset(None)
        .expect("dataset");
    let p = doc.grants[0]
        .recipients
        .iter()
        .find(|p| p.recipient == "Bromma");
    p.expect("Bromma takes part").report.clone()
}

fn entry(bytes: &[u8], name: &str) -> String {
    let entries = unzip(bytes);
    let (_, body) = entries.iter().find(|(n, _)| n == name).expect(name);
    String::from_utf8(body.clone()).expect("xml")
}

/// The number format of a cell's style, from the sheet and styles.xml:
/// `@` (Text) as Excel's built-in 49 or as a format of the file's own.
fn format_code(bytes: &[u8], sheet: &str, cell: &str) -> String {
    let xml = entry(bytes, sheet);
    let tag = format!(r#"<c r="{cell}""#);
    let at = xml.find(&tag).unwrap_or_else(|| panic!("no {cell}"));
    let open = &xml[at..at + xml[at..].find('>').expect("tag")];
    let style: usize = open
        .split_once(" s=\"")
        .and_then(|(_, r)| r.split_once('"'))
        .map_or(0, |(n, _)| n.parse().expect("style"));
    let styles = entry(bytes, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").expect("cellXfs")..];
    let xf = xfs.split("<xf ").nth(style + 1).expect("xf");
    let id = xf
        .split_once("numFmtId=\"")
        .and_then(|(_, r)| r.split_once('"'))
        .map_or(String::new(), |(n, _)| n.to_string());
    if id == "49" {
        return "@".into();
    }
    let own = format!(r#"<numFmt numFmtId="{id}" formatCode=""#);
    styles
        .split_once(&own)
        .and_then(|(_, r)| r.split_once('"'))
        .map_or(format!("built-in {id}"), |(code, _)| code.to_string())
}

#[test]
fn every_text_cell_is_formatted_as_text_so_a_leading_minus_stays_text() {
    let (sb, _) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    let sheet = "xl/worksheets/sheet1.xml";
    let contact = id.contact.clone().expect("contact cell");
    let text_cells = id.areas.iter().map(|a| a.2.clone());
    let report = [id.reason_unused.clone(), id.evaluation.clone(), contact];
    for cell in text_cells.chain(report) {
        assert_eq!(format_code(&t, sheet, &cell), "@", "{cell}");
    }
    assert_ne!(format_code(&t, sheet, &id.areas[0].1), "@");
}

#[test]
fn a_formula_in_a_text_cell_is_refused_not_its_cached_value_taken() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    let contact = id.contact.clone().expect("contact cell");
    let filled = fill(
        &t,
        &[
            (
                id.areas[0].2.as_str(),
                Typed::Formula("-bra samverkan", "0"),
            ),
            (contact.as_str(), Typed::Formula("A1", "0")),
        ],
    );
    let before = dataset(&db);
    let out = import(&sb, &db, &[("Bromma.xlsx", &filled)], &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    for cell in [id.areas[0].2.as_str(), contact.as_str()] {
        assert!(
            out.stderr
                .contains(&format!("Bromma.xlsx, Report!{cell}: a formula (=")),
            "{cell}: {}",
            out.stderr
        );
    }
    assert!(out.stderr.contains("where text is typed"), "{}", out.stderr);
    assert_eq!(dataset(&db), before);
}

#[test]
fn libreoffice_keeps_the_text_format_and_a_note_typed_with_a_minus() {
    let Some(soffice) = support::office::soffice() else {
        println!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    let note = id.areas[0].2.clone();
    let filled = fill(&t, &[(note.as_str(), Typed::Text("- bra samverkan"))]);
    std::fs::create_dir_all(sb.path("in")).expect("mkdir");
    std::fs::write(sb.path("in/Bromma.xlsx"), &filled).expect("write");
    let saved =
        support::office::convert(soffice, &sb.path("in/Bromma.xlsx"), "xlsx", &sb.path("out"))
            .and_then(|f| std::fs::read(f).map_err(|e| e.to_string()))
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(format_code(&saved, "xl/worksheets/sheet1.xml", &note), "@");
    let out = import(&sb, &db, &[("Bromma.xlsx", &saved)], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dataset(&db).contains("- bra samverkan"));
}

#[test]
fn each_amount_cell_checks_two_decimals_while_typing() {
    let (sb, _) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    let xml = entry(&t, "xl/worksheets/sheet1.xml");
    let first = &id.areas[0].1;
    let last = &id.areas[id.areas.len() - 1].1;
    let rule = format!(
        "<formula1>AND(ISNUMBER({first}),{first}&gt;=0,{first}&lt;=1000000000000,\
         ROUND({first},2)={first})</formula1>"
    );
    let at = xml.find(&rule).unwrap_or_else(|| panic!("{xml}"));
    let validation = &xml[xml[..at].rfind("<dataValidation ").expect("open")..at];
    assert!(validation.contains(r#"type="custom""#), "{validation}");
    assert!(
        validation.contains(&format!(r#"sqref="{first}:{last}""#)),
        "{validation}"
    );
}

#[test]
fn a_day_excel_and_calc_count_apart_and_a_day_after_today_are_refused() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let date = identity(&t).reported_on;
    let on = |serial| fill(&t, &[(date.as_str(), Typed::Number(serial))]);
    let out = import(&sb, &db, &[("Bromma.xlsx", &on("1"))], &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains(&format!("Report!{date}: 1900-01-01 is before 1900-03-01")),
        "{}",
        out.stderr
    );
    let today = ["--today", "2018-03-01"];
    let out = import(&sb, &db, &[("Bromma.xlsx", &on("43161"))], &today);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains(&format!("Report!{date}: 2018-03-02 is after today")),
        "{}",
        out.stderr
    );
    let out = import(&sb, &db, &[("Bromma.xlsx", &on("43160"))], &today);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_cleared_reported_date_keeps_the_report_and_says_so() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    let cleared = fill(
        &t,
        &[
            (id.reported_on.as_str(), Typed::Text("")),
            (id.reason_unused.as_str(), Typed::Text("")),
            (id.evaluation.as_str(), Typed::Text("")),
        ],
    );
    let out = import(&sb, &db, &[("Bromma.xlsx", &cleared)], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(&format!(
            "Bromma.xlsx, Report!{}: the reported date is empty; medel keeps the reported \
             date 2018-02-15; a report is withdrawn in medel, not by a workbook",
            id.reported_on
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn amounts_without_a_reported_date_come_in_with_a_note() {
    let (sb, db) = desk();
    let t = new_recipients_template(&sb, &db);
    let id = identity(&t);
    let filled = fill(&t, &[(id.areas[0].1.as_str(), Typed::Number("500"))]);
    let out = import(&sb, &db, &[("Ny enhet.xlsx", &filled)], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("spending values: 1"), "{}", out.stdout);
    assert!(
        out.stdout.contains(&format!(
            "Ny enhet.xlsx, Report!{}: the amounts are in, but without a reported date \
             the recipient is not counted as reported",
            id.reported_on
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn a_template_from_another_database_says_so_rather_than_unknown_recipient() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    // The same data, its recipients made in another order: the same
    // names under other ids.
    let json = sb.path("e.json");
    sb.ok(&["export", "--format", "json", "-o", s(&json), "--db", s(&db)]);
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("parse");
    let list = doc["recipients"].as_array_mut().expect("recipients");
    list.reverse();
    std::fs::write(&json, doc.to_string()).expect("write");
    let other = sb.path("other.sqlite");
    sb.ok(&["import", s(&json), "--db", s(&other)]);
    let out = import(&sb, &other, &[("Bromma.xlsx", &t)], &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("'Bromma' is in the database, but not as the one")
            && out.stderr.contains("another database or for another grant"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("unknown recipient"), "{}", out.stderr);
}

#[test]
fn an_identification_pointing_elsewhere_is_called_altered() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    // The first area's row of the identification: its amount cell moved
    // to the allocation.
    let rows = id.rows();
    let row = rows.iter().position(|r| r[0] == "area").expect("area row") + 1;
    let cell = format!("C{row}");
    let tampered = fill_sheet(
        &t,
        "xl/worksheets/sheet2.xml",
        &[(&cell, Typed::Text("C9"))],
    );
    let out = import(&sb, &db, &[("Bromma.xlsx", &tampered)], &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains("hidden identification was altered"),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("focus areas changed"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_renamed_sheet_is_called_missing() {
    let (sb, db) = desk();
    let mut entries = unzip(&template(&sb, "Bromma"));
    let book = entries
        .iter_mut()
        .find(|(n, _)| n == "xl/workbook.xml")
        .expect("workbook.xml");
    let xml = String::from_utf8(book.1.clone()).expect("xml");
    book.1 = xml
        .replace(r#"name="Report""#, r#"name="Rapport""#)
        .into_bytes();
    let renamed = rezip(&entries, zip::CompressionMethod::Deflated);
    let out = import(&sb, &db, &[("Bromma.xlsx", &renamed)], &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("Bromma.xlsx: the sheet Report is missing (renamed?)"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_inserted_row_is_said_once_at_the_first_moved_cell() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    // What a row inserted above the table does: each area one row down.
    let mut typed: Vec<(String, String)> = vec![
        ("A12".to_string(), String::new()),
        ("B12".to_string(), String::new()),
    ];
    for (cell, text) in &id.anchors {
        let (col, row) = cell.split_at(1);
        let row: u32 = row.parse().expect("row");
        if (col == "A" || col == "B") && (12..17).contains(&row) {
            typed.push((format!("{col}{}", row + 1), text.clone()));
        }
    }
    let cells: Vec<(&str, Typed)> = typed
        .iter()
        .map(|(c, text)| (c.as_str(), Typed::Text(text)))
        .collect();
    let moved = fill(&t, &cells);
    let out = import(&sb, &db, &[("Bromma.xlsx", &moved)], &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    let lines: Vec<&str> = out.stderr.lines().skip(1).collect();
    assert_eq!(lines.len(), 1, "{}", out.stderr);
    assert!(
        lines[0].contains("Bromma.xlsx, Report!A12: rows or columns were inserted or deleted"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_batch_with_some_bad_files_says_none_was_imported_because_of_them() {
    let (sb, db) = desk();
    let names = ["Bromma", "Farsta", "Kungsholmen", "Norrmalm", "Skarpnäck"];
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let t = template(&sb, name);
        let bytes = if i < 2 {
            let cell = identity(&t).areas[0].1.clone();
            fill(&t, &[(cell.as_str(), Typed::Text("abc"))])
        } else {
            t
        };
        files.push((format!("{name}.xlsx"), bytes));
    }
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let out = import(&sb, &db, &files, &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("None of the 5 files was imported, because 2 have problems"),
        "{}",
        out.stderr
    );
    let out = import(&sb, &db, &files[2..], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("already holds what the 3 files say."),
        "{}",
        out.stdout
    );
}

#[test]
fn one_workbook_is_one_workbook_in_both_languages() {
    let (sb, db) = desk();
    let args = [
        "template",
        "--recipient",
        "Bromma",
        "-o",
        "one",
        "--db",
        s(&db),
    ];
    let out = sb.ok(&args);
    assert!(
        out.stdout.starts_with("Wrote 1 workbook in"),
        "{}",
        out.stdout
    );
    let out = sb.run_in("sv_SE.UTF-8", &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("Skrev 1 arbetsbok i"),
        "{}",
        out.stdout
    );
}

#[test]
fn nothing_to_import_names_the_recipient_of_a_misnamed_workbook() {
    let (sb, db) = desk();
    let t = template(&sb, "Spånga-Tensta");
    let out = import(&sb, &db, &[("Östermalm.xlsx", &t)], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Östermalm.xlsx (Spånga-Tensta) says."),
        "{}",
        out.stdout
    );
}

#[test]
fn a_formula_in_the_reported_date_is_refused_with_or_without_a_cached_day() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let date = identity(&t).reported_on;
    let before = dataset(&db);
    // openpyxl writes no cached value, LibreOffice's re-save writes the day.
    for (formula, cached) in [
        ("DATE(2018,3,1)", ""),
        ("DATE(2018,3,1)", "43160"),
        ("TODAY()", "43160"),
    ] {
        let filled = fill(&t, &[(date.as_str(), Typed::Formula(formula, cached))]);
        let out = import(&sb, &db, &[("Bromma.xlsx", &filled)], &[]);
        assert_eq!(out.code, 2, "{formula} {cached}: {}", out.stdout);
        assert!(
            out.stderr.contains(&format!(
                "Bromma.xlsx, Report!{date}: a formula (={formula}) where the reported date \
                 is typed: write the date itself"
            )),
            "{}",
            out.stderr
        );
        assert_eq!(dataset(&db), before);
    }
    let filled = fill(&t, &[(date.as_str(), Typed::Formula("TODAY()", ""))]);
    std::fs::write(sb.path("Bromma.xlsx"), &filled).expect("write");
    let out = sb.run_in(
        "sv_SE.UTF-8",
        &["import", s(&sb.path("Bromma.xlsx")), "--db", s(&db)],
    );
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains(&format!(
            "Report!{date}: en formel (=TODAY()) där redovisningsdatum ska skrivas"
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn a_cleared_date_beside_the_pre_filled_reason_keeps_medels_date() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    let kept = bromma_report(&db).expect("Bromma has reported");
    assert!(!kept.reason_unused.is_empty(), "the template pre-fills it");
    let cleared = fill(
        &t,
        &[
            (id.reported_on.as_str(), Typed::Text("")),
            (id.areas[0].1.as_str(), Typed::Number("5000")),
            (id.evaluation.as_str(), Typed::Text("Ny utvärdering")),
        ],
    );
    let out = import(&sb, &db, &[("Bromma.xlsx", &cleared)], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(&format!(
            "Bromma.xlsx, Report!{}: the reported date is empty; medel keeps the reported \
             date 2018-02-15",
            id.reported_on
        )),
        "{}",
        out.stdout
    );
    let now = bromma_report(&db).expect("still reported");
    assert_eq!(now.reported_on, kept.reported_on);
    assert_eq!(now.reason_unused, kept.reason_unused);
    assert_eq!(now.evaluation, "Ny utvärdering");
}

#[test]
fn an_evaluation_without_a_date_is_refused_when_medel_holds_no_report() {
    let (sb, db) = desk();
    let t = new_recipients_template(&sb, &db);
    let id = identity(&t);
    let filled = fill(&t, &[(id.evaluation.as_str(), Typed::Text("Bra år"))]);
    let before = dataset(&db);
    let out = import(&sb, &db, &[("Ny enhet.xlsx", &filled)], &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains(&format!(
            "Ny enhet.xlsx, Report!{}: the reported date is missing: reasons and an \
             evaluation need the date",
            id.reported_on
        )),
        "{}",
        out.stderr
    );
    assert_eq!(dataset(&db), before);
}

#[test]
fn two_decimals_with_floating_point_noise_are_taken_as_excel_does() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    let (a, b) = (id.areas[0].1.as_str(), id.areas[1].1.as_str());
    // 0.3*3 and 0.1+0.2 as openpyxl and LibreOffice write them.
    let noisy = fill(
        &t,
        &[
            (a, Typed::Number("0.9000000000000001")),
            (b, Typed::Number("0.30000000000000004")),
        ],
    );
    let out = import(&sb, &db, &[("Bromma.xlsx", &noisy)], &["--dry-run"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("SEK 0 → SEK 0.90"), "{}", out.stdout);
    assert!(out.stdout.contains("SEK 0 → SEK 0.30"), "{}", out.stdout);
    let three = fill(&t, &[(a, Typed::Number("100.123"))]);
    let out = import(&sb, &db, &[("Bromma.xlsx", &three)], &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains(&format!("Report!{a}: '100.123': more than two decimals")),
        "{}",
        out.stderr
    );
}

#[test]
fn two_copies_of_one_template_in_a_batch_name_the_recipient() {
    let (sb, db) = desk();
    let t = template(&sb, "Bromma");
    let id = identity(&t);
    let evaluation = fill(&t, &[(id.evaluation.as_str(), Typed::Text("Annan text"))]);
    let amount = fill(&t, &[(id.areas[4].1.as_str(), Typed::Number("1"))]);
    let before = dataset(&db);
    let files: [(&str, &[u8]); 2] = [("a2.xlsx", &evaluation), ("a3.xlsx", &amount)];
    let out = import(&sb, &db, &files, &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains(&format!(
            "a3.xlsx: is for the same recipient as {} ('Bromma'): import one file \
             per recipient at a time",
            sb.path("a2.xlsx").display()
        )),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("same values"), "{}", out.stderr);
    assert_eq!(dataset(&db), before);
}
