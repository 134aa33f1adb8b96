//! Spreadsheet formulas in CSV exports: notes that a spreadsheet would run
//! are written guarded, and an import of the export gives back the notes
//! as they were.

mod support;

use std::fs;

use medel::domain::money::Money;
use medel::exchange::to_json;
use medel::store::Store;
use support::cli::{Sandbox, s};
use support::db::{current_grant, recipient_id};

const NOTES: [&str; 5] = [
    "=HYPERLINK(\"http://example.invalid/x\";\"Klicka\")",
    "+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "-2+3",
    // A tab before it: the store keeps notes trimmed, so this is the
    // formula a spreadsheet would otherwise get.
    "\t=1+1",
];

/// Bromma's notes, one per focus area, as stored.
fn bromma_notes(db: &std::path::Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let (g, r) = (current_grant(&store), recipient_id(&store, "Bromma"));
    let e = store.entry(g, r).unwrap();
    e.spending.iter().map(|l| l.note.clone()).collect()
}

#[test]
fn formulas_in_notes_are_guarded_in_the_csv_and_come_back_as_they_were() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    {
        let mut store = Store::open(&db).unwrap();
        let (g, r) = (current_grant(&store), recipient_id(&store, "Bromma"));
        let before = store.entry(g, r).unwrap();
        let mut e = before.clone();
        for (line, note) in e.spending.iter_mut().zip(NOTES) {
            line.amount = Money::from_kronor(1);
            line.note = note.to_string();
        }
        store.save_entry(g, r, &before, &e, false).unwrap();
    }
    let stored = bromma_notes(&db);
    let mut bare = Store::open(&db).unwrap().dataset(None).unwrap();
    bare.grants[0].recipients.clear();
    fs::write(sb.path("bare.json"), to_json(&bare).unwrap()).unwrap();
    for style in ["excel-sv", "plain"] {
        let csv = sb
            .ok(&[
                "export",
                "--db",
                s(&db),
                "--format",
                "csv",
                "--csv-style",
                style,
            ])
            .stdout;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(if style == "plain" { b',' } else { b';' })
            .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let cells: Vec<String> = reader
            .records()
            .map(|r| r.unwrap())
            .filter(|r| r.get(2) == Some("Bromma"))
            .map(|r| r.get(6).unwrap().to_string())
            .collect();
        for note in &stored {
            let cell = cells.iter().find(|c| c.ends_with(note.as_str())).unwrap();
            assert!(
                cell.starts_with('\''),
                "{style}: {note:?} written as {cell:?}, a live formula"
            );
        }
        fs::write(sb.path("spending.csv"), &csv).unwrap();
        let target = sb.path(&format!("{style}.sqlite"));
        sb.ok(&["import", "bare.json", "--db", s(&target)]);
        sb.ok(&["import", "spending.csv", "--db", s(&target)]);
        assert_eq!(bromma_notes(&target), stored, "{style}: round trip");
    }
}
