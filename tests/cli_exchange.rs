//! `medel report`, `medel export` and `medel import` as users run them,
//! each run with a clean environment and an explicit locale.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use medel::exchange::to_json;
use medel::store::Store;

struct Out {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Out {
    fn text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("UTF-8 output")
    }
}

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs medel with the given locale (`LANG`; `LC_ALL` is cleared).
    fn run_in(&self, lang: &str, args: &[&str]) -> Out {
        let out = Command::new(env!("CARGO_BIN_EXE_medel"))
            .args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("LANG", lang)
            .env("LC_ALL", "")
            .env("MEDEL_USER", "tester")
            .output()
            .expect("run medel");
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn run(&self, args: &[&str]) -> Out {
        self.run_in("en_GB.UTF-8", args)
    }

    fn ok(&self, args: &[&str]) -> Out {
        let out = self.run(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        out
    }

    fn demo(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        self.ok(&["demo", "--db", s(&path)]);
        path
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The data and the number of audit rows: equal means nothing written.
fn fingerprint(db: &Path) -> (String, usize) {
    let store = Store::open(db).expect("open");
    let json = to_json(&store.dataset(None).expect("dataset")).expect("json");
    (
        json,
        store.audit_log(None, None, 1_000_000).expect("log").len(),
    )
}

#[test]
fn report_has_the_source_figures_in_both_languages() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let sv = sb.run_in(
        "sv_SE.UTF-8",
        &["report", "--db", s(&db), "--today", "2018-03-01"],
    );
    assert_eq!(sv.code, 0, "{}", sv.stderr);
    let sv = sv.text();
    assert!(sv.starts_with("# "), "Markdown by default:\n{sv}");
    for figure in ["2 945 873", "2 368 405", "577 468"] {
        assert!(sv.contains(figure), "{figure} missing:\n{sv}");
    }
    assert!(sv.contains("Sammanfattning"));

    let en = sb.ok(&[
        "report",
        "--db",
        s(&db),
        "--today",
        "2018-03-01",
        "--format",
        "txt",
    ]);
    let en = en.text();
    for figure in ["2,945,873", "2,368,405", "577,468"] {
        assert!(en.contains(figure), "{figure} missing:\n{en}");
    }
    assert!(!en.starts_with("# "), "plain text has no Markdown heading");

    let file = sb.path("out/report.md");
    fs::create_dir_all(sb.path("out")).expect("folder");
    sb.ok(&[
        "report",
        "--db",
        s(&db),
        "--lang",
        "sv",
        "-o",
        s(&file),
        "--today",
        "2018-03-01",
    ]);
    assert_eq!(fs::read_to_string(&file).expect("report file"), sv);
}

#[test]
fn report_names_a_missing_grant() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let out = sb.run(&["report", "--db", s(&db), "--grant", "99"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("99"), "{}", out.stderr);
}

#[test]
fn json_round_trip_through_the_commands() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let first = sb
        .ok(&["export", "--db", s(&db), "--format", "json"])
        .stdout;
    fs::write(sb.path("backup.json"), &first).expect("write");
    // Into a database that does not exist yet, in a folder that does not either.
    let fresh = sb.path("new/fresh.sqlite");
    let out = sb.ok(&["import", "backup.json", "--db", s(&fresh)]);
    assert!(
        out.text().contains("recipients added: 15"),
        "{}",
        out.text()
    );
    let again = sb
        .ok(&["export", "--all", "--db", s(&fresh), "--format", "json"])
        .stdout;
    assert_eq!(again, first);
    let out = sb.ok(&["import", "backup.json", "--db", s(&fresh)]);
    assert!(
        out.text().starts_with("Nothing to import"),
        "{}",
        out.text()
    );
}

#[test]
fn csv_round_trip_through_the_commands() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    // The grant and recipients without any money handed on.
    let store = Store::open(&db).expect("open");
    let mut bare = store.dataset(None).expect("dataset");
    bare.grants[0].recipients.clear();
    fs::write(sb.path("bare.json"), to_json(&bare).expect("json")).expect("write");
    for style in ["excel-sv", "plain"] {
        let first = sb
            .ok(&[
                "export",
                "--db",
                s(&db),
                "--format",
                "csv",
                "--csv-style",
                style,
                "-o",
                "spending.csv",
            ])
            .stdout;
        assert!(first.is_empty(), "-o writes the file, not standard output");
        let first = fs::read(sb.path("spending.csv")).expect("csv");
        assert_eq!(first.starts_with(b"\xEF\xBB\xBF"), style == "excel-sv");
        let target = sb.path(&format!("{style}.sqlite"));
        sb.ok(&["import", "bare.json", "--db", s(&target)]);
        sb.ok(&["import", "spending.csv", "--db", s(&target)]);
        let again = sb
            .ok(&[
                "export",
                "--db",
                s(&target),
                "--format",
                "csv",
                "--csv-style",
                style,
            ])
            .stdout;
        assert_eq!(again, first, "{style}");
    }
}

#[test]
fn a_bad_file_is_refused_with_its_line_and_changes_nothing() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let csv = sb.ok(&["export", "--db", s(&db), "--format", "csv"]).text();
    let bad = csv.replacen(
        ";Bromma;2;180000,00;0,00;",
        ";Bromma;2;180000,00;12,3,4;",
        1,
    );
    assert_ne!(bad, csv);
    fs::write(sb.path("bad.csv"), bad).expect("write");
    let before = fingerprint(&db);
    let out = sb.run(&["import", "bad.csv", "--db", s(&db)]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("bad.csv cannot be imported; nothing was changed:\n  line 3, column 6 (amount): '12,3,4'"),
        "{}",
        out.stderr
    );
    assert_eq!(fingerprint(&db), before);

    let sv = sb.run_in("sv_SE.UTF-8", &["import", "bad.csv", "--db", s(&db)]);
    assert!(sv.stderr.contains("inget har ändrats"), "{}", sv.stderr);

    // Refused into a database that does not exist: no file is left.
    let missing = sb.path("missing.sqlite");
    let out = sb.run(&["import", "bad.csv", "--db", s(&missing)]);
    assert_eq!(out.code, 2);
    assert!(!missing.exists());
}

#[test]
fn dry_run_lists_the_changes_and_writes_nothing() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let csv = sb
        .ok(&[
            "export",
            "--db",
            s(&db),
            "--format",
            "csv",
            "--csv-style",
            "plain",
        ])
        .text();
    let changed = csv.replacen(
        ",Bromma,2,180000.00,0.00,",
        ",Bromma,2,180000.00,1500.50,kurs",
        1,
    );
    fs::write(sb.path("changed.csv"), changed).expect("write");
    let before = fingerprint(&db);
    let out = sb.ok(&["import", "changed.csv", "--db", s(&db), "--dry-run"]);
    let text = out.text();
    assert!(text.starts_with("Dry run, nothing was written."), "{text}");
    assert!(
        text.contains("'Bromma' focus area 2: 0.00 → 1500.50, note '' → 'kurs'"),
        "{text}"
    );
    assert_eq!(fingerprint(&db), before);
    // No progress bar when standard error is not a terminal.
    assert!(out.stderr.is_empty(), "{}", out.stderr);

    sb.ok(&["import", "changed.csv", "--db", s(&db)]);
    let log = sb.ok(&["log", "--db", s(&db), "--limit", "3"]).text();
    assert!(log.contains("Import"), "{log}");
    assert!(log.contains("Bromma · Focus area 2: amount"), "{log}");
}

#[test]
fn a_changed_backup_is_refused_unless_replace() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let json = sb
        .ok(&["export", "--db", s(&db), "--format", "json"])
        .text();
    fs::write(
        sb.path("changed.json"),
        json.replacen("\"Socialstyrelsen\"", "\"Länsstyrelsen\"", 1),
    )
    .expect("write");
    let before = fingerprint(&db);
    let out = sb.run(&["import", "changed.json", "--db", s(&db)]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("grant.giver 'Socialstyrelsen' → 'Länsstyrelsen'"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--replace"), "{}", out.stderr);
    assert_eq!(fingerprint(&db), before);
    let out = sb.ok(&["import", "changed.json", "--db", s(&db), "--replace"]);
    assert!(
        out.text().contains("grant fields changed: 1"),
        "{}",
        out.text()
    );
}

#[test]
fn export_of_one_grant_and_the_summary() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let out = sb.ok(&[
        "export",
        "--db",
        s(&db),
        "--grant",
        "1",
        "--format",
        "csv",
        "--summary",
        "--csv-style",
        "plain",
    ]);
    let text = out.text();
    assert!(
        text.starts_with(
            "grant,year,recipient,allocated,used,unused,overspent,status,reported_on\n"
        )
    );
    assert!(
        text.contains(",Bromma,180000.00,0.00,180000.00,0.00,unused,2018-02-15\n"),
        "{text}"
    );
    let out = sb.run(&["export", "--db", s(&db), "--grant", "7", "--format", "json"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains('7'), "{}", out.stderr);
}
