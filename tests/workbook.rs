//! Templates out, filled workbooks back in: `medel template` and `medel
//! import` as a coordinator runs them, the districts' filling done here
//! by editing the sheet's XML in the zip, as a spreadsheet program would.

mod support;

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use medel::domain::money::Money;
use medel::exchange::{Document, Identity, read_any, read_xlsx, to_json};
use medel::store::Store;
use proptest::prelude::*;
use support::xlsx::{Typed, fill, rezip, unzip};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    /// The demo database and its templates in English, in `t/`.
    fn new() -> Desk {
        let desk = Desk {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let out = desk.medel(&["demo"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let out = desk.medel(&["template", "-o", "t"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        desk
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn db(&self) -> PathBuf {
        self.path("d.sqlite")
    }

    fn medel(&self, args: &[&str]) -> Run {
        self.medel_in("en_GB.UTF-8", args)
    }

    fn medel_in(&self, lang: &str, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_medel"))
            .args(args)
            .arg("--db")
            .arg(self.db())
            .current_dir(self.dir.path())
            .env_clear()
            .env("HOME", self.path("home"))
            .env("LANG", lang)
            .env("MEDEL_USER", "tester")
            .output()
            .expect("run medel");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn template(&self, recipient: &str) -> Vec<u8> {
        fs::read(self.path(&format!("t/{recipient}.xlsx"))).expect("template written")
    }

    fn write(&self, name: &str, bytes: &[u8]) -> String {
        fs::write(self.path(name), bytes).expect("write");
        name.to_string()
    }

    fn dataset(&self) -> Document {
        Store::open(&self.db())
            .expect("open")
            .dataset(None)
            .expect("dataset")
    }

    fn fingerprint(&self) -> String {
        to_json(&self.dataset()).expect("json")
    }
}

fn identity(bytes: &[u8]) -> Identity {
    read_xlsx(bytes).expect("a template reads").identity
}

fn bromma(doc: &Document) -> &medel::exchange::ParticipantDoc {
    doc.grants[0]
        .recipients
        .iter()
        .find(|p| p.recipient == "Bromma")
        .expect("Bromma takes part")
}

#[test]
fn every_field_goes_round() {
    let desk = Desk::new();
    let t = desk.template("Bromma");
    let id = identity(&t);
    assert_eq!(id.sheet, "Report");
    assert_eq!(id.recipient, "Bromma");
    let a = &id.areas;
    let notes: Vec<String> = (1..=a.len())
        .map(|i| format!("Done in area {i}: <groups> & \"talks\""))
        .collect();
    let mut cells = vec![
        (a[0].1.as_str(), Typed::Number("12500.5")),
        (a[1].1.as_str(), Typed::Text("2 945,25")),
        (a[2].1.as_str(), Typed::Text("")),
        (a[3].1.as_str(), Typed::Number("0")),
        (a[4].1.as_str(), Typed::Text("1 500 kr")),
        (a[5].1.as_str(), Typed::Number("7")),
        (id.reported_on.as_str(), Typed::Number("43160")),
        (
            id.reason_unused.as_str(),
            Typed::Text("Fewer groups\nthan planned"),
        ),
        (id.evaluation.as_str(), Typed::Text("It went well.")),
    ];
    for (i, n) in notes.iter().enumerate() {
        cells.push((a[i].2.as_str(), Typed::Text(n)));
    }
    let file = desk.write("Bromma.xlsx", &fill(&t, &cells));

    let dry = desk.medel(&["import", &file, "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout.contains("'Bromma' focus area 1:"),
        "{}",
        dry.stdout
    );
    assert!(dry.stdout.contains("→ SEK 12,500.50"), "{}", dry.stdout);
    assert!(
        dry.stdout
            .contains("report of 'Bromma': reported on 2018-02-15 → 2018-03-01"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("evaluation '' → 'It went well.'"),
        "{}",
        dry.stdout
    );

    let before = desk.fingerprint();
    let out = desk.medel(&["import", &file]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_ne!(desk.fingerprint(), before);
    let doc = desk.dataset();
    let p = bromma(&doc);
    let amount = |pos: i64| {
        p.spending
            .iter()
            .find(|s| s.focus_area == pos)
            .map_or(Money::ZERO, |s| s.amount)
    };
    assert_eq!(amount(1), Money::from_ore(1_250_050));
    assert_eq!(amount(2), Money::from_ore(294_525));
    assert_eq!(amount(3), Money::ZERO);
    assert_eq!(amount(4), Money::ZERO);
    assert_eq!(amount(5), Money::from_kronor(1500));
    assert_eq!(amount(6), Money::from_kronor(7));
    for (i, n) in notes.iter().enumerate() {
        let s = p.spending.iter().find(|s| s.focus_area == i as i64 + 1);
        assert_eq!(s.map(|s| s.note.as_str()), Some(n.as_str()), "note {i}");
    }
    let report = p.report.as_ref().expect("a report");
    assert_eq!(report.reported_on.to_string(), "2018-03-01");
    assert_eq!(report.reason_unused, "Fewer groups\nthan planned");
    assert_eq!(report.evaluation, "It went well.");

    // The same file again changes nothing.
    let again = desk.medel(&["import", &file]);
    assert!(
        again.stdout.contains("Nothing to import"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_template_as_written_changes_nothing_and_rezipped_still_reads() {
    let desk = Desk::new();
    let t = desk.template("Farsta");
    let mut entries = unzip(&t);
    entries.reverse();
    let stored = desk.write(
        "Farsta.xlsx",
        &rezip(&entries, zip::CompressionMethod::Stored),
    );
    let before = desk.fingerprint();
    let out = desk.medel(&["import", &stored]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Nothing to import"), "{}", out.stdout);
    assert_eq!(desk.fingerprint(), before);
}

/// Imports `bytes` as Bromma.xlsx and returns the refusal.
fn refusal(desk: &Desk, bytes: &[u8]) -> String {
    let file = desk.write("Bromma.xlsx", bytes);
    let before = desk.fingerprint();
    let out = desk.medel(&["import", &file]);
    assert_eq!(out.code, 2, "refused: {}{}", out.stdout, out.stderr);
    assert_eq!(
        desk.fingerprint(),
        before,
        "a refused file changed the database"
    );
    out.stderr
}

#[test]
fn bad_cells_are_named_by_file_sheet_and_cell() {
    let desk = Desk::new();
    let t = desk.template("Bromma");
    let id = identity(&t);
    let c = id.areas[0].1.clone();
    let cases = [
        (Typed::Text("abc"), "'abc': not an amount"),
        (Typed::Number("-5"), "'-5': cannot be negative"),
        (Typed::Number("1.234"), "'1.234': more than two decimals"),
        (Typed::Text("12,345"), "'12,345': ambiguous"),
        (Typed::Formula("1+2", "3"), "a formula (=1+2)"),
    ];
    for (typed, want) in cases {
        let err = refusal(&desk, &fill(&t, &[(c.as_str(), typed)]));
        let want = format!("Bromma.xlsx, Report!{c}: {want}");
        assert!(err.contains(&want), "want {want:?}, got:\n{err}");
    }
    let bad_date = fill(&t, &[(id.reported_on.as_str(), Typed::Text("1 mars"))]);
    let err = refusal(&desk, &bad_date);
    assert!(err.contains("'1 mars' is not a date"), "{err}");
    // An evaluation without a date, for Bromma who has reported, keeps
    // medel's date: workbook_typing.rs tests both sides of that.
}

#[test]
fn an_altered_layout_is_refused() {
    let desk = Desk::new();
    let t = desk.template("Bromma");
    // A row moved up: the first focus area's name where it was.
    let err = refusal(&desk, &fill(&t, &[("B12", Typed::Text("Something else"))]));
    assert!(
        err.contains("Bromma.xlsx, Report!B12: expected '")
            && err.contains("rows or columns were moved"),
        "{err}"
    );
    let err = refusal(&desk, &fill(&t, &[("C8", Typed::Text("Farsta"))]));
    assert!(
        err.contains("Report!C8: expected 'Bromma' here, found 'Farsta'"),
        "{err}"
    );
}

/// A second database, from the demo's JSON changed by `edit`.
fn other_database(desk: &Desk, edit: impl Fn(&mut serde_json::Value)) -> Desk {
    let other = Desk {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    let mut doc = serde_json::to_value(desk.dataset()).expect("value");
    edit(&mut doc);
    let json = other.write("d.json", doc.to_string().as_bytes());
    let out = other.medel(&["import", &json]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    other
}

#[test]
fn a_template_for_another_grant_or_recipient_is_refused() {
    let desk = Desk::new();
    let t = desk.template("Bromma");
    let renamed_grant = other_database(&desk, |d| {
        d["grants"][0]["title"] = "Another grant".into();
    });
    let err = refusal(&renamed_grant, &t);
    assert!(err.contains("Bromma.xlsx, Report!C3: no grant"), "{err}");

    let without_bromma = other_database(&desk, |d| {
        for r in d["recipients"].as_array_mut().expect("list") {
            if r["name"] == "Bromma" {
                r["name"] = "Bromma stadsdel".into();
            }
        }
        for p in d["grants"][0]["recipients"].as_array_mut().expect("list") {
            if p["recipient"] == "Bromma" {
                p["recipient"] = "Bromma stadsdel".into();
            }
        }
    });
    let err = refusal(&without_bromma, &t);
    assert!(
        err.contains("Report!C8: unknown recipient 'Bromma'"),
        "{err}"
    );
}

#[test]
fn other_workbooks_and_damaged_files_are_refused() {
    let desk = Desk::new();
    let mut plain = rust_xlsxwriter::Workbook::new();
    plain
        .add_worksheet()
        .write_string(0, 0, "hello")
        .expect("write");
    let plain = plain.save_to_buffer().expect("save");
    let err = refusal(&desk, &plain);
    assert!(err.contains("Bromma.xlsx: not a medel template"), "{err}");

    let t = desk.template("Bromma");
    let err = refusal(&desk, &t[..t.len() / 2]);
    assert!(err.contains("Bromma.xlsx: a damaged workbook"), "{err}");

    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(4096, 0);
    let err = refusal(&desk, &ole);
    assert!(
        err.contains("Bromma.xlsx: an Office file that is not an .xlsx workbook"),
        "{err}"
    );
}

#[test]
fn fifteen_files_with_one_bad_change_nothing_and_without_it_all() {
    let desk = Desk::new();
    let names: Vec<String> = fs::read_dir(desk.path("t"))
        .expect("templates")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 15);
    let mut files = Vec::new();
    for name in &names {
        let t = fs::read(desk.path(&format!("t/{name}"))).expect("read");
        let id = identity(&t);
        let filled = fill(&t, &[(id.areas[0].1.as_str(), Typed::Number("111"))]);
        files.push(desk.write(name, &filled));
    }
    let bad = identity(&desk.template("Skarpnäck")).areas[2].1.clone();
    let t = desk.template("Skarpnäck");
    let broken = fill(
        &t,
        &[
            (identity(&t).areas[0].1.as_str(), Typed::Number("111")),
            (bad.as_str(), Typed::Text("lots")),
        ],
    );
    desk.write("Skarpnäck.xlsx", &broken);

    let before = desk.fingerprint();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = desk.medel(&args);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains(&format!("Skarpnäck.xlsx, Report!{bad}: 'lots'")),
        "{}",
        out.stderr
    );
    assert_eq!(desk.fingerprint(), before);

    desk.write(
        "Skarpnäck.xlsx",
        &fill(
            &t,
            &[(identity(&t).areas[0].1.as_str(), Typed::Number("111"))],
        ),
    );
    let out = desk.medel(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = desk.dataset();
    for p in &doc.grants[0].recipients {
        let first = p.spending.iter().find(|s| s.focus_area == 1);
        assert_eq!(
            first.map(|s| s.amount),
            Some(Money::from_kronor(111)),
            "{}",
            p.recipient
        );
    }
}

#[test]
fn the_same_recipient_twice_in_one_import_is_refused() {
    let desk = Desk::new();
    let t = desk.template("Bromma");
    let c = identity(&t).areas[0].1.clone();
    let a = desk.write("a.xlsx", &fill(&t, &[(c.as_str(), Typed::Number("1"))]));
    let b = desk.write("b.xlsx", &fill(&t, &[(c.as_str(), Typed::Number("2"))]));
    let out = desk.medel(&["import", &a, &b]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("b.xlsx: is for the same recipient as a.xlsx ('Bromma')"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_template_re_saved_by_libreoffice_reads_the_same() {
    let Some(soffice) = support::office::soffice() else {
        println!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let desk = Desk::new();
    let t = desk.template("Bromma");
    let id = identity(&t);
    let filled = fill(
        &t,
        &[
            (id.areas[0].1.as_str(), Typed::Number("4711.5")),
            (id.areas[0].2.as_str(), Typed::Text("Saved by Calc")),
            (id.reported_on.as_str(), Typed::Text("2018-02-28")),
        ],
    );
    fs::create_dir_all(desk.path("in")).expect("mkdir");
    fs::write(desk.path("in/Bromma.xlsx"), &filled).expect("write");
    let saved = support::office::convert(
        soffice,
        &desk.path("in/Bromma.xlsx"),
        "xlsx",
        &desk.path("out"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let resaved = fs::read(&saved).expect("read");
    assert_ne!(resaved, filled, "LibreOffice wrote its own file");
    let out = desk.medel(&["import", saved.to_str().expect("path")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = desk.dataset();
    let p = bromma(&doc);
    let first = p
        .spending
        .iter()
        .find(|s| s.focus_area == 1)
        .expect("area 1");
    assert_eq!(first.amount, Money::from_ore(471_150));
    assert_eq!(first.note, "Saved by Calc");
    assert_eq!(
        p.report.as_ref().map(|r| r.reported_on.to_string()),
        Some("2018-02-28".into())
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_as_a_workbook_never_panic(
        body in proptest::collection::vec(any::<u8>(), 0..2048),
        zip_head in any::<bool>(),
    ) {
        let mut bytes = if zip_head { b"PK\x03\x04".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(&body);
        let _ = read_any(&bytes);
    }
}

#[test]
fn a_swedish_coordinator_reads_the_cell_problems_in_swedish() {
    let desk = Desk::new();
    let out = desk.medel_in("sv_SE.UTF-8", &["template", "-o", "sv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let t = fs::read(desk.path("sv/Bromma.xlsx")).expect("template");
    let id = identity(&t);
    let c = id.areas[0].1.clone();
    let filled = fill(
        &t,
        &[
            (c.as_str(), Typed::Text("abc")),
            (id.reported_on.as_str(), Typed::Text("1 mars")),
        ],
    );
    let file = desk.write("Bromma.xlsx", &filled);
    let out = desk.medel_in("sv_SE.UTF-8", &["import", &file]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "Bromma.xlsx, Redovisning!{c}: 'abc': inget belopp: 'a' är inte tillåtet"
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("'1 mars' är inget datum: skriv det som ÅÅÅÅ-MM-DD"),
        "{}",
        out.stderr
    );
    let plain = rust_xlsxwriter::Workbook::new()
        .save_to_buffer()
        .expect("save");
    let file = desk.write("Annat.xlsx", &plain);
    let out = desk.medel_in("sv_SE.UTF-8", &["import", &file]);
    assert!(
        out.stderr.contains("Annat.xlsx: ingen mall från medel"),
        "{}",
        out.stderr
    );
}
