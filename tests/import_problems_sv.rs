//! Import problems in the user's language: a Swedish coordinator
//! (`LANG=sv_SE.UTF-8` or `--lang sv`) reads every refusal of a CSV or a
//! JSON file in Swedish, places included.

mod support;

use medel::exchange::MAX_PROBLEMS;
use support::cli::{Sandbox, s};
use support::db::file_fingerprint;

const HEADER_SV: &str = "bidrag;år;mottagare;fokusområde;tilldelat;belopp;anteckning\n";
const GRANT: &str = "Utvecklingsmedel VINR 2017;2017";

#[test]
fn a_swedish_csv_is_refused_in_swedish_line_by_line() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let csv = format!(
        "{HEADER_SV}{GRANT};Bromma;1;180000;12x;\n{GRANT};Bromma;1;;;\n{GRANT};Bromma;1;180000;1,5,0;\n"
    );
    std::fs::write(sb.path("fel.csv"), csv).unwrap();
    let before = file_fingerprint(&db);
    let out = sb.run_in("sv_SE.UTF-8", &["import", "fel.csv", "--db", s(&db)]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr.lines().collect::<Vec<_>>(),
        [
            "medel: fel.csv kan inte importeras; inget har ändrats:",
            "  rad 2, kolumn 6 (belopp): '12x': inget belopp: 'x' är inte tillåtet",
            "  rad 3, kolumn 6 (belopp): tomt: skriv 0 om inget är använt",
            "  rad 4, kolumn 6 (belopp): '1,5,0': siffergrupper ska ha tre siffror, som i 2 945 873",
        ]
    );
    assert_eq!(file_fingerprint(&db), before);
}

#[test]
fn names_the_database_does_not_have_are_refused_in_swedish() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let csv = format!("{HEADER_SV}{GRANT};bromma;1;180000;5;\nAnnat bidrag;2017;Bromma;1;;5;\n");
    std::fs::write(sb.path("namn.csv"), csv).unwrap();
    let out = sb.run(&["--lang", "sv", "import", "namn.csv", "--db", s(&db)]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "rad 3, kolumn 1 (bidrag): inget bidrag 'Annat bidrag' 2017 i databasen; \
                       bidrag i databasen: 'Utvecklingsmedel VINR 2017' 2017"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "rad 2, kolumn 3 (mottagare): okänd mottagare 'bromma' (menade du 'Bromma'?)"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn more_than_twenty_problems_say_how_many_more_in_swedish() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let mut csv = HEADER_SV.to_string();
    for i in 0..23 {
        csv.push_str(&format!("{GRANT};Bromma;1;180000;12x{i};\n"));
    }
    std::fs::write(sb.path("många.csv"), csv).unwrap();
    let out = sb.run_in("sv_SE.UTF-8", &["import", "många.csv", "--db", s(&db)]);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1 + MAX_PROBLEMS + 1, "{}", out.stderr);
    assert_eq!(lines[1 + MAX_PROBLEMS], "  … och 3 problem till");
}

#[test]
fn a_json_file_is_refused_in_swedish() {
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    std::fs::write(sb.path("ny.json"), r#"{"format":"medel","version":9}"#).unwrap();
    std::fs::write(sb.path("annan.json"), r#"{"format":"annat","version":1}"#).unwrap();
    let out = sb.run_in(
        "sv_SE.UTF-8",
        &["import", "ny.json", "annan.json", "--db", s(&db)],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "ny.json, version: skriven av en nyare version av medel (formatversion 9; \
             den här läser upp till"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("annan.json, format: ingen export från medel: \"format\" ska vara \"medel\""),
        "{}",
        out.stderr
    );
}
