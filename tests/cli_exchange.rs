//! `medel report`, `medel export` and `medel import` as users run them,
//! each run with a clean environment and an explicit locale.

mod support;

use std::fs;

use medel::exchange::to_json;
use medel::store::Store;
use support::cli::{Sandbox, s};
use support::db::file_fingerprint;

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
    assert_eq!(
        out.stderr,
        format!(
            "medel: there is no grant with id or year 99 in {}; it holds: 1 Utvecklingsmedel VINR 2017 (2017)\n",
            db.display()
        )
    );
    assert_eq!(out.stdout, "");
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
            .stdout
            .into_bytes();
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
    let before = file_fingerprint(&db);
    let out = sb.run(&["import", "bad.csv", "--db", s(&db)]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("bad.csv cannot be imported; nothing was changed:\n  line 3, column 6 (amount): '12,3,4'"),
        "{}",
        out.stderr
    );
    assert_eq!(file_fingerprint(&db), before);

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
    let before = file_fingerprint(&db);
    let out = sb.ok(&["import", "changed.csv", "--db", s(&db), "--dry-run"]);
    let text = out.text();
    assert!(text.starts_with("Dry run, nothing was written."), "{text}");
    assert!(
        text.contains("'Bromma' focus area 2: SEK 0 → SEK 1,500.50, note '' → 'kurs'"),
        "{text}"
    );
    // Issue 14: the dry run in Swedish, money as Swedish money.
    let sv = sb.run_in(
        "sv_SE.UTF-8",
        &["import", "changed.csv", "--db", s(&db), "--dry-run"],
    );
    assert_eq!(sv.code, 0, "{}", sv.stderr);
    let sv = sv.text();
    assert!(sv.starts_with("Provkörning"), "{sv}");
    assert!(
        sv.contains("'Bromma' fokusområde 2: 0 kr → 1 500,50 kr, notering '' → 'kurs'"),
        "{sv}"
    );
    assert_eq!(file_fingerprint(&db), before);
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
    let before = file_fingerprint(&db);
    let out = sb.run(&["import", "changed.json", "--db", s(&db)]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("Grant: giver Socialstyrelsen → Länsstyrelsen"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--replace"), "{}", out.stderr);
    assert_eq!(file_fingerprint(&db), before);
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
    assert_eq!(
        out.stderr,
        format!(
            "medel: there is no grant with id or year 7 in {}; it holds: 1 Utvecklingsmedel VINR 2017 (2017)\n",
            db.display()
        )
    );
    assert_eq!(out.stdout, "", "nothing exported");
}

/// Issue 14: medel's own CSV export of several grants imports, and a
/// problem on many lines is told once, with its lines.
#[test]
fn a_csv_export_of_several_grants_imports_and_problems_are_told_once() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    {
        let mut store = Store::open(&db).expect("open");
        let draft = medel::store::GrantDraft::for_year(
            "Utvecklingsmedel VINR 2018",
            "Socialstyrelsen",
            2018,
        )
        .expect("draft");
        let g = store.create_grant(&draft).expect("grant");
        let bromma = store.recipient_by_name("Bromma").unwrap().unwrap().id;
        store
            .set_allocation(g, bromma, medel::domain::Money::from_kronor(100_000), None)
            .expect("allocation");
    }
    sb.ok(&[
        "export",
        "--all",
        "--db",
        s(&db),
        "--format",
        "csv",
        "-o",
        "all.csv",
    ]);
    let csv = fs::read_to_string(sb.path("all.csv")).expect("csv");
    assert!(
        csv.contains("VINR 2017") && csv.contains("VINR 2018"),
        "{csv}"
    );
    let out = sb.ok(&["import", "all.csv", "--db", s(&db)]);
    assert!(
        out.stderr.is_empty() || !out.stderr.contains("one grant"),
        "{}",
        out.stderr
    );

    // The 2018 grant's Bromma row, changed: only that is planned.
    let changed = csv.replacen(
        "Utvecklingsmedel VINR 2018;2018;Bromma;1;100000,00;0,00;",
        "Utvecklingsmedel VINR 2018;2018;Bromma;1;100000,00;5000,00;",
        1,
    );
    assert_ne!(changed, csv, "{csv}");
    fs::write(sb.path("changed.csv"), &changed).expect("write");
    let out = sb.ok(&["import", "changed.csv", "--db", s(&db), "--dry-run"]);
    assert!(out.stdout.contains("VINR 2018"), "{}", out.stdout);
    sb.ok(&["import", "changed.csv", "--db", s(&db)]);
    let again = sb
        .ok(&["export", "--all", "--db", s(&db), "--format", "csv"])
        .text();
    assert_eq!(again, changed);

    // An unknown name on every one of its six lines is told once.
    let typo = changed.replace(";Bromma;", ";Bromm;");
    fs::write(sb.path("typo.csv"), typo).expect("write");
    let out = sb.run(&["import", "typo.csv", "--db", s(&db)]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.matches("unknown recipient 'Bromm'").count(),
        1,
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("(also on line "), "{}", out.stderr);
}
