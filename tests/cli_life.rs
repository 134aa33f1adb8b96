//! A grant's whole life from the shell: every open grant watched, a grant
//! named as people name it, money moved and paid back, the list of grants.

mod support;

use std::path::{Path, PathBuf};

use medel::store::{GrantDraft, Store};
use serde_json::Value;
use support::cli::{Sandbox, s};

const DAY: [&str; 2] = ["--today", "2018-03-01"];

/// The demo (2017, with warnings on 2018-03-01) and a newer, quiet 2018
/// grant with nothing in it yet.
fn two_open_grants(sb: &Sandbox) -> (PathBuf, i64) {
    let db = sb.demo("two.sqlite");
    let mut store = Store::open(&db).unwrap();
    let draft = GrantDraft::for_year("Psykisk hälsa 2018", "Socialstyrelsen", 2018).unwrap();
    let newer = store.create_grant(&draft).unwrap();
    (db, newer)
}

fn json(sb: &Sandbox, args: &[&str]) -> Value {
    let out = sb.ok(args);
    serde_json::from_str(&out.stdout).unwrap()
}

#[test]
fn check_watches_every_open_grant_and_names_the_one_with_warnings() {
    let sb = Sandbox::new();
    let (db, _) = two_open_grants(&sb);
    let base = ["status", "--db", s(&db), DAY[0], DAY[1]];
    let out = sb.run(&[&base[..], &["--check"]].concat());
    assert_eq!(out.code, 1, "the older grant has warnings: {}", out.stdout);
    assert!(
        out.stdout.contains("Utvecklingsmedel VINR 2017"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Psykisk hälsa 2018"), "{}", out.stdout);
    // Only the quiet newer grant: nothing to report.
    let out = sb.run(&[&base[..], &["--check", "--grant", "psykisk"]].concat());
    assert_eq!(out.code, 0, "{}", out.stdout);
    // --all prints both, as an array with --json.
    let all = json(&sb, &[&base[..], &["--all", "--json"]].concat());
    let titles: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["grant"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Psykisk hälsa 2018", "Utvecklingsmedel VINR 2017"]);
}

#[test]
fn a_grant_by_id_year_or_part_of_its_title() {
    let sb = Sandbox::new();
    let (db, newer) = two_open_grants(&sb);
    let id_of = |asked: &str| {
        let v = json(&sb, &["status", "--json", "--db", s(&db), "--grant", asked]);
        v["grant"]["id"].as_i64().unwrap()
    };
    assert_eq!(id_of(&newer.to_string()), newer);
    assert_eq!(id_of("2018"), newer);
    assert_eq!(id_of("2017"), 1);
    assert_eq!(id_of("vinr"), 1);
    assert_eq!(id_of("PSYKISK"), newer);

    let mut store = Store::open(&db).unwrap();
    let draft = GrantDraft::for_year("Utvecklingsmedel VINR 2018", "Socialstyrelsen", 2018);
    store.create_grant(&draft.unwrap()).unwrap();
    drop(store);
    for (asked, says) in [
        ("2018", "matches more than one grant"),
        ("vinr", "matches more than one grant"),
        ("ANDT", "has 'ANDT' in its title"),
    ] {
        for command in [
            &["status"][..],
            &["report"],
            &["log"],
            &["export", "--format", "json"],
        ] {
            let args = [command, &["--db", s(&db), "--grant", asked]].concat();
            let out = sb.run_in("en", &args);
            assert_eq!(out.code, 2, "{args:?}");
            assert!(out.stdout.is_empty());
            assert!(out.stderr.contains(says), "{args:?}: {}", out.stderr);
            assert!(
                out.stderr.contains("Utvecklingsmedel VINR 2018"),
                "{}",
                out.stderr
            );
        }
    }
    let out = sb.run_in("sv", &["status", "--db", s(&db), "--grant", "2018"]);
    assert!(out.stderr.contains("passar flera bidrag"), "{}", out.stderr);
}

fn allocation(db: &Path, name: &str) -> Value {
    let v = json_at(db, "2018-03-01");
    v["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap()["allocated"]
        .clone()
}

fn json_at(db: &Path, day: &str) -> Value {
    let sb = Sandbox::new();
    json(&sb, &["status", "--json", "--db", s(db), "--today", day])
}

#[test]
fn reallocate_moves_within_the_unused_part_and_refuses_beyond_it() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let base = [
        "reallocate",
        "--db",
        s(&db),
        "--from",
        "Bromma",
        "--to",
        "Farsta",
    ];
    let out = sb.run_in("en", &[&base[..], &["--amount", "180 001"]].concat());
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("Cannot move SEK 180,001: the recipient has SEK 180,000 allocated and SEK 0 used, so only SEK 180,000 is unused"),
        "{}",
        out.stderr
    );
    assert_eq!(allocation(&db, "Bromma"), "180000.00", "nothing changed");

    let farsta = allocation(&db, "Farsta");
    let moved = [
        "--amount",
        "30 000",
        "--date",
        "2017-09-01",
        "--decision",
        "SDN 2017/114",
    ];
    let out = sb.run_in("sv", &[&base[..], &moved].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "30 000 kr flyttat från Bromma till Farsta\n");
    assert_eq!(allocation(&db, "Bromma"), "150000.00");
    let farsta: f64 = farsta.as_str().unwrap().parse().unwrap();
    assert_eq!(
        allocation(&db, "Farsta").as_str().unwrap(),
        format!("{:.2}", farsta + 30_000.0)
    );
    // One change, shown as a move in the history of both.
    for name in ["Bromma", "Farsta"] {
        let log = sb.run_in(
            "en",
            &["log", "--db", s(&db), "--recipient", name, "--limit", "1"],
        );
        assert!(
            log.stdout.contains("Reallocation")
                && log
                    .stdout
                    .contains("SEK 30,000 Bromma → Farsta (SDN 2017/114)"),
            "{name}: {}",
            log.stdout
        );
    }
}

#[test]
fn repay_brings_the_grant_to_zero() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let pay = |amount: &str, kind: &str| {
        sb.run_in(
            "en",
            &[
                "repay",
                "--db",
                s(&db),
                "--grant",
                "2017",
                "--amount",
                amount,
                "--date",
                "2018-04-20",
                "--reference",
                "OCR 4471",
                "--kind",
                kind,
            ],
        )
    };
    let out = pay("500000", "repayment");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "Repayment of SEK 500,000 recorded for Utvecklingsmedel VINR 2017; still outstanding: SEK 77,468\n"
    );
    let v = json_at(&db, "2018-05-01");
    assert_eq!(
        (v["repaid"].as_str(), v["outstanding"].as_str()),
        (Some("500000.00"), Some("77468.00"))
    );
    let codes: Vec<&str> = v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"repayment_outstanding"), "{codes:?}");
    assert_eq!(pay("77 468", "clawback").code, 0);
    let v = json_at(&db, "2018-05-01");
    assert_eq!(v["outstanding"], "0.00");
    assert_eq!(pay("0", "repayment").code, 2, "zero is refused");
    assert_eq!(
        pay("12,345.678", "repayment").code,
        2,
        "three decimals are refused"
    );
}

#[test]
fn grants_lists_open_grants_newest_first_with_their_figures() {
    let sb = Sandbox::new();
    let (db, newer) = two_open_grants(&sb);
    let list = json(&sb, &["grants", "--json", "--db", s(&db), DAY[0], DAY[1]]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], newer);
    let old = &rows[1];
    for key in [
        "id",
        "title",
        "year",
        "state",
        "received",
        "to_return",
        "repaid",
        "outstanding",
    ] {
        assert!(!old[key].is_null(), "{key}");
    }
    assert_eq!(old["to_return"], "577468.00");
    assert_eq!(old["outstanding"], "577468.00");
    assert_eq!(old["next_deadline"], "2018-03-31");
    assert!(old["warnings"].as_u64().unwrap() > 0);

    let mut store = Store::open(&db).unwrap();
    store
        .set_grant_state(1, medel::domain::model::GrantState::Reported)
        .unwrap();
    drop(store);
    let open = json(&sb, &["grants", "--json", "--db", s(&db), DAY[0], DAY[1]]);
    assert_eq!(open.as_array().unwrap().len(), 1);
    let text = sb.run_in("en", &["grants", "--all", "--db", s(&db), DAY[0], DAY[1]]);
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert!(lines[0].starts_with("Id  Grant"), "{}", text.stdout);
    assert!(lines[2].contains("Utvecklingsmedel VINR 2017") && lines[2].contains("reported"));
    assert!(lines[2].contains("577,468"), "{}", lines[2]);
}

#[test]
fn the_report_gives_the_references_the_moves_and_the_repayments() {
    use medel::domain::money_back::References;
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let mut store = Store::open(&db).unwrap();
    let refs = References {
        giver_reference: "3.6-12345/2016".into(),
        own_reference: "SOF 2017/0042".into(),
    };
    store.set_references(1, &refs).unwrap();
    drop(store);
    let moved = [
        "reallocate",
        "--db",
        s(&db),
        "--from",
        "Bromma",
        "--to",
        "Farsta",
        "--amount",
        "30000",
        "--date",
        "2017-09-01",
        "--decision",
        "SDN 2017/114",
    ];
    sb.ok(&moved);
    sb.ok(&[
        "repay",
        "--db",
        s(&db),
        "--amount",
        "500000",
        "--date",
        "2018-04-20",
        "--reference",
        "OCR 4471",
    ]);
    let report = sb.run_in(
        "sv",
        &[
            "report",
            "--db",
            s(&db),
            "--format",
            "txt",
            "--today",
            "2018-05-01",
        ],
    );
    assert_eq!(report.code, 0, "{}", report.stderr);
    let text = report.stdout;
    let first_heading = text.find("Sammanfattning").unwrap_or(text.len());
    // The references fill the document's facts at the top.
    for fact in [
        "- Diarienummer: SOF 2017/0042\n",
        "- Bidragsgivarens diarienummer: 3.6-12345/2016\n",
    ] {
        let at = text
            .find(fact)
            .unwrap_or_else(|| panic!("{fact:?} in {text}"));
        assert!(at < first_heading, "at the top: {text}");
    }
    // The giver's decision is named in the background.
    assert!(
        text.replace('\n', " ").contains(
            "Bidraget ges enligt Socialstyrelsens beslut med diarienummer 3.6-12345/2016."
        ),
        "{text}"
    );
    assert!(text.contains("Omfördelningar mellan mottagare"), "{text}");
    assert!(text.contains("SDN 2017/114"), "{text}");
    let flowing = text.replace(['\n', '\u{a0}'], " ");
    assert!(
        flowing.contains("Av de 577 468 kronor som ska betalas tillbaka till Socialstyrelsen har 500 000 kronor betalats; 77 468 kronor återstår."),
        "{text}"
    );
    assert!(text.contains("OCR 4471"), "{text}");
    let en = sb.run_in(
        "en",
        &[
            "report",
            "--db",
            s(&db),
            "--format",
            "md",
            "--today",
            "2018-05-01",
        ],
    );
    assert!(
        en.stdout.contains("Reallocations between recipients"),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains("is still outstanding"), "{}", en.stdout);
}
