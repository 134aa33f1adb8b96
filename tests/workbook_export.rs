//! `medel export --format xlsx` read back by calamine: the same figures
//! as the database, as numbers, with the chart in the file.

use std::fs;
use std::io::Cursor;
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use medel::domain::money::Money;
use medel::store::Store;

fn medel(dir: &std::path::Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_medel"))
        .args(args)
        .arg("--db")
        .arg(dir.join("d.sqlite"))
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir.join("home"))
        .env("LANG", "en_GB.UTF-8")
        .output()
        .expect("run medel");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn money(d: Option<&Data>) -> Money {
    match d {
        Some(Data::Float(f)) => Money::from_ore((f * 100.0).round() as i64),
        Some(Data::Int(i)) => Money::from_kronor(*i),
        other => panic!("not a number: {other:?}"),
    }
}

fn text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.clone(),
        other => panic!("not text: {other:?}"),
    }
}

#[test]
fn the_workbook_has_the_figures_of_the_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    medel(dir.path(), &["demo"]);
    medel(
        dir.path(),
        &["export", "--format", "xlsx", "-o", "all.xlsx"],
    );
    let bytes = fs::read(dir.path().join("all.xlsx")).expect("written");
    let doc = Store::open(&dir.path().join("d.sqlite"))
        .expect("open")
        .dataset(None)
        .expect("dataset");
    let g = &doc.grants[0];

    let mut book = Xlsx::new(Cursor::new(&bytes[..])).expect("a workbook");
    let names = book.sheet_names();
    assert_eq!(
        names,
        ["Summary", "Matrix", "Spending", "Receipts", "Flags"]
    );

    let summary = book.worksheet_range("Summary").expect("summary");
    assert_eq!(text(summary.get_value((0, 3))), "Allocated");
    assert_eq!(summary.height(), 1 + g.recipients.len());
    for (i, p) in g.recipients.iter().enumerate() {
        let row = 1 + i as u32;
        assert_eq!(text(summary.get_value((row, 2))), p.recipient);
        let allocated = p.allocated.unwrap_or(Money::ZERO);
        assert_eq!(
            money(summary.get_value((row, 3))),
            allocated,
            "{}",
            p.recipient
        );
        assert_eq!(
            money(summary.get_value((row, 4))),
            p.used(),
            "{}",
            p.recipient
        );
        let unused = (allocated - p.used()).max(Money::ZERO);
        assert_eq!(
            money(summary.get_value((row, 5))),
            unused,
            "{}",
            p.recipient
        );
    }

    let matrix = book.worksheet_range("Matrix").expect("matrix");
    let total_row = 2 + g.recipients.len() as u32;
    let total_col = 1 + g.focus_areas.len() as u32;
    assert_eq!(text(matrix.get_value((total_row, 0))), "Total");
    let used: Money = g.recipients.iter().map(|p| p.used()).sum();
    assert_eq!(money(matrix.get_value((total_row, total_col))), used);
    assert_eq!(used, Money::from_kronor(2_368_405));

    let spending = book.worksheet_range("Spending").expect("spending");
    assert_eq!(
        spending.height(),
        1 + g.recipients.len() * g.focus_areas.len()
    );
    let receipts = book.worksheet_range("Receipts").expect("receipts");
    let received: Money = (1..receipts.height() as u32)
        .map(|r| money(receipts.get_value((r, 3))))
        .sum();
    let want: Money = g.receipts.iter().map(|r| r.amount).sum();
    assert_eq!(received, want);

    let zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("zip");
    assert!(
        zip.file_names()
            .any(|n| n.is_ok_and(|n| n == "xl/charts/chart1.xml")),
        "a native chart"
    );
}

#[test]
fn text_is_written_as_text_never_as_a_formula() {
    let dir = tempfile::tempdir().expect("temp dir");
    medel(dir.path(), &["demo"]);
    let formula = r#"=HYPERLINK("https://example.org";"x")"#;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    w.write_record([
        "grant",
        "year",
        "recipient",
        "focus_area",
        "allocated",
        "amount",
        "note",
    ])
    .expect("header");
    w.write_record([
        "Utvecklingsmedel VINR 2017",
        "2017",
        "Bromma",
        "1",
        "",
        "0",
        formula,
    ])
    .expect("row");
    fs::write(dir.path().join("in.csv"), w.into_inner().expect("csv")).expect("write");
    medel(dir.path(), &["import", "in.csv"]);
    medel(
        dir.path(),
        &["export", "--format", "xlsx", "-o", "all.xlsx"],
    );
    let bytes = fs::read(dir.path().join("all.xlsx")).expect("written");
    let mut book = Xlsx::new(Cursor::new(&bytes[..])).expect("a workbook");
    let spending = book.worksheet_range("Spending").expect("spending");
    let formulas = book.worksheet_formula("Spending").expect("formulas");
    let row = (1..spending.height() as u32)
        .find(|&r| matches!(spending.get_value((r, 6)), Some(Data::String(s)) if s == formula))
        .expect("the note as a string cell");
    assert!(formulas.get_value((row, 6)).is_none_or(|f| f.is_empty()));
}

#[test]
fn a_workbook_needs_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    medel(dir.path(), &["demo"]);
    let out = Command::new(env!("CARGO_BIN_EXE_medel"))
        .args(["export", "--format", "xlsx", "--db"])
        .arg(dir.path().join("d.sqlite"))
        .env_clear()
        .env("LANG", "en_GB.UTF-8")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o FILE.xlsx"));
    assert!(out.stdout.is_empty());
}

fn sheet_xml(bytes: &[u8], n: usize) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
    let mut part = zip
        .by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .expect("the sheet");
    let mut s = String::new();
    part.read_to_string(&mut s).expect("UTF-8");
    s
}

/// One grant's matrix keeps its title and header in view and has a filter
/// over its recipients (not its total row); notes wrap in a column of a
/// readable width instead of one as wide as the longest note; the chart
/// does not say the year twice when the title says it.
#[test]
fn the_matrix_is_a_table_and_notes_wrap() {
    let dir = tempfile::tempdir().expect("temp dir");
    medel(dir.path(), &["demo"]);
    medel(
        dir.path(),
        &["export", "--format", "xlsx", "-o", "one.xlsx"],
    );
    let bytes = fs::read(dir.path().join("one.xlsx")).expect("written");
    let matrix = sheet_xml(&bytes, 2);
    assert!(
        matrix.contains(r#"xSplit="1" ySplit="2""#),
        "{}",
        &matrix[..matrix.len().min(800)]
    );
    assert!(matrix.contains(r#"<autoFilter ref="A2:H17"/>"#));
    let spending = sheet_xml(&bytes, 3);
    let note_col = spending
        .split("<col ")
        .find(|c| c.starts_with(r#"min="7" max="7""#))
        .expect("the notes' column");
    let width: f64 = note_col
        .split("width=\"")
        .nth(1)
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse().ok())
        .expect("a width");
    assert!((50.0..70.0).contains(&width), "{width}");
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("zip");
    let mut chart = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/charts/chart1.xml").expect("the chart"),
        &mut chart,
    )
    .expect("UTF-8");
    assert!(chart.contains("Utvecklingsmedel VINR 2017<"), "{chart}");
    assert!(!chart.contains("2017 2017"));
}
