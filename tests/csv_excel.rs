//! CSV as Swedish Excel saves it (Windows-1252, Swedish headers) and the
//! formula guard, through `medel import` and `medel export`.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use medel::exchange::Document;
use medel::store::Store;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

struct Desk {
    dir: tempfile::TempDir,
}

const GRANT: &str = "Utvecklingsmedel VINR 2017";

impl Desk {
    fn new() -> Desk {
        let desk = Desk {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let out = desk.medel(&["demo"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        desk
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn medel(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_medel"))
            .args(args)
            .arg("--db")
            .arg(self.path("d.sqlite"))
            .current_dir(self.dir.path())
            .env_clear()
            .env("HOME", self.path("home"))
            .env("LANG", "en_GB.UTF-8")
            .env("MEDEL_USER", "tester")
            .output()
            .expect("run medel");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn ok(&self, args: &[&str]) -> Run {
        let out = self.medel(args);
        assert_eq!(out.code, 0, "{args:?}: {}{}", out.stdout, out.stderr);
        out
    }

    fn dataset(&self) -> Document {
        Store::open(&self.path("d.sqlite"))
            .expect("open")
            .dataset(None)
            .expect("dataset")
    }

    fn note(&self, recipient: &str, position: i64) -> Option<String> {
        let doc = self.dataset();
        let p = doc.grants[0]
            .recipients
            .iter()
            .find(|p| p.recipient == recipient)?;
        let s = p.spending.iter().find(|s| s.focus_area == position)?;
        Some(s.note.clone())
    }
}

#[test]
fn windows_1252_with_swedish_headers_is_read_with_a_note() {
    let desk = Desk::new();
    let text = format!(
        "bidrag;år;mottagare;fokusområde;tilldelat;belopp;anteckning\r\n\
         {GRANT};2017;Södermalm;1;;1 234,50;Samtal – grupper för äldre, öppet hus\r\n"
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    fs::write(desk.path("excel.csv"), &bytes).expect("write");
    let out = desk.ok(&["import", "excel.csv"]);
    assert!(
        out.stderr
            .contains("excel.csv is not UTF-8 and was read as Windows-1252"),
        "{}",
        out.stderr
    );
    assert_eq!(
        desk.note("Södermalm", 1).as_deref(),
        Some("Samtal – grupper för äldre, öppet hus")
    );
}

#[test]
fn swedish_exports_write_swedish_headers_and_read_back() {
    let desk = Desk::new();
    desk.ok(&["export", "--format", "csv", "--lang", "sv", "-o", "sv.csv"]);
    let text = fs::read_to_string(desk.path("sv.csv")).expect("read");
    assert!(
        text.starts_with("\u{feff}bidrag;år;mottagare;fokusområde;tilldelat;belopp;anteckning\r\n"),
        "{text}"
    );
    desk.ok(&[
        "export",
        "--format",
        "csv",
        "--summary",
        "--lang",
        "sv",
        "-o",
        "s.csv",
    ]);
    let summary = fs::read_to_string(desk.path("s.csv")).expect("read");
    assert!(
        summary.starts_with("\u{feff}bidrag;år;mottagare;tilldelat;använt"),
        "{summary}"
    );
    let out = desk.ok(&["import", "sv.csv"]);
    assert!(out.stdout.contains("Nothing to import"), "{}", out.stdout);
    let en = desk.ok(&["export", "--format", "csv", "--lang", "en"]);
    assert!(
        en.stdout.starts_with("\u{feff}grant;year;recipient;"),
        "{}",
        en.stdout
    );
}

#[test]
fn a_note_like_a_formula_leaves_as_text_and_comes_back_unchanged() {
    let desk = Desk::new();
    let formula = r#"=HYPERLINK("https://example.org/rapport";"Rapport")"#;
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
    w.write_record([GRANT, "2017", "Farsta", "2", "", "10", formula])
        .expect("row");
    w.write_record([GRANT, "2017", "Farsta", "3", "", "10", "-minus first"])
        .expect("row");
    fs::write(desk.path("in.csv"), w.into_inner().expect("csv")).expect("write");
    desk.ok(&["import", "in.csv"]);
    assert_eq!(desk.note("Farsta", 2).as_deref(), Some(formula));

    desk.ok(&["export", "--format", "csv", "-o", "out.csv"]);
    let exported = fs::read_to_string(desk.path("out.csv")).expect("read");
    assert!(
        exported.contains(r#""'=HYPERLINK(""https://example.org"#),
        "{exported}"
    );
    assert!(exported.contains(";'-minus first"), "{exported}");
    assert!(!exported.contains(";=HYPERLINK"), "{exported}");

    let other = Desk::new();
    fs::copy(desk.path("out.csv"), other.path("out.csv")).expect("copy");
    other.ok(&["import", "out.csv"]);
    assert_eq!(other.note("Farsta", 2).as_deref(), Some(formula));
    assert_eq!(other.note("Farsta", 3).as_deref(), Some("-minus first"));
    let again = desk.ok(&["import", "out.csv"]);
    assert!(
        again.stdout.contains("Nothing to import"),
        "{}",
        again.stdout
    );
}
