//! The binary as users run it: every run gets a clean environment with
//! its own home and data folders and an explicit locale, so results do
//! not depend on the machine.

mod support;

use std::fs;
use std::path::Path;

use medel::domain::model::{GrantState, RecipientKind, RecipientReport};
use medel::domain::money::Money;
use medel::store::{GrantDraft, NewReceipt, Store};
use serde_json::Value;
use support::cli::{Out, Sandbox, s};
use support::d;

fn status_json(sb: &Sandbox, db: &Path) -> Value {
    let out = sb.run(&["status", "--json", "--db", s(db), "--today", "2018-03-01"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

/// An error run: code 2, one clear line on stderr naming `path`, nothing
/// on stdout.
fn assert_refused(out: &Out, path: &Path, says: &str) {
    assert_eq!(out.code, 2, "stderr: {}", out.stderr);
    assert!(out.stdout.is_empty(), "stdout: {}", out.stdout);
    assert!(out.stderr.starts_with("medel: "), "{}", out.stderr);
    assert!(out.stderr.contains(s(path)), "{}", out.stderr);
    assert!(out.stderr.contains(says), "{}", out.stderr);
}

#[test]
fn demo_then_status_gives_the_source_figures() {
    let sb = Sandbox::new();
    let db = sb.demo("x.sqlite");
    let v = status_json(&sb, &db);
    assert_eq!(v["grant"]["title"], "Utvecklingsmedel VINR 2017");
    assert_eq!(v["grant"]["year"], 2017);
    assert!(v["grant"]["id"].is_i64());
    assert_eq!(v["received"], "2945873.00");
    assert_eq!(v["allocated"], "2922920.00");
    assert_eq!(v["unallocated"], "22953.00");
    assert_eq!(v["used"], "2368405.00");
    assert_eq!(v["credited"], "2368405.00");
    assert_eq!(v["to_return"], "577468.00");

    let recipients = v["recipients"].as_array().unwrap();
    assert_eq!(recipients.len(), 15);
    for r in recipients {
        let name = r["name"].as_str().unwrap();
        let expected = match name {
            "Bromma" | "Kungsholmen" => "unused",
            "Älvsjö" | "Rinkeby-Kista" | "Östermalm" => "partial",
            _ => "full",
        };
        assert_eq!(r["status"], expected, "{name}");
        for key in ["allocated", "used", "unused", "overspent"] {
            assert!(r[key].as_str().unwrap().ends_with(".00"), "{name} {key}");
        }
    }
    let flags = v["flags"].as_array().unwrap();
    assert!(!flags.is_empty());
    for f in flags {
        assert!(f["code"].is_string() && f["message"].is_string(), "{f}");
        assert!(["info", "warning", "error"].contains(&f["severity"].as_str().unwrap()));
    }
}

#[test]
fn status_text_in_swedish() {
    let sb = Sandbox::new();
    let db = sb.demo("x.sqlite");
    let sv = [("LANG", "sv_SE.UTF-8")];
    let out = sb.run_with(&["status", "--db", s(&db), "--today", "2018-03-01"], &sv);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("status_sv", out.stdout);
}

#[test]
fn status_text_in_english() {
    let sb = Sandbox::new();
    let db = sb.demo("x.sqlite");
    // --lang wins over a Swedish locale.
    let sv = [("LC_ALL", "sv_SE.UTF-8")];
    let args = [
        "status",
        "--db",
        s(&db),
        "--today",
        "2018-03-01",
        "--lang",
        "en",
    ];
    let out = sb.run_with(&args, &sv);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("status_en", out.stdout);
}

#[test]
fn the_language_follows_the_locale() {
    let sb = Sandbox::new();
    let cases = [
        (&[("LANG", "sv_SE.UTF-8")][..], true),
        (
            &[("LANG", "en_US.UTF-8"), ("LC_ALL", "sv_FI.UTF-8")][..],
            true,
        ),
        (&[("LANG", "sv_SE.UTF-8"), ("LC_ALL", "C")][..], false),
        (&[("LANG", "")][..], false),
    ];
    for (env, swedish) in cases {
        let out = sb.run_with(&[], env);
        assert_eq!(out.code, 2);
        assert_eq!(out.stderr.contains("Helskärmsläget"), swedish, "{env:?}");
    }
}

/// A grant where all is well: everything received is allocated and used,
/// the report is months away. One recipient with nothing allocated has
/// not reported, which is only information.
fn clean_grant(path: &Path) {
    let mut store = Store::open(path).unwrap();
    let g = store
        .create_grant(&GrantDraft::for_year("Rent bidrag", "Länsstyrelsen", 2025).unwrap())
        .unwrap();
    let receipt = NewReceipt {
        date: d("2025-02-01"),
        amount: Money::from_kronor(100_000),
        kind: medel::domain::model::ReceiptKind::Requisition,
        note: String::new(),
    };
    store.add_receipt(g, &receipt).unwrap();
    let farsta = store
        .add_recipient("Farsta", "", RecipientKind::District)
        .unwrap();
    store
        .set_allocation(g, farsta, Money::from_kronor(100_000), None)
        .unwrap();
    let loaded = store.entry(g, farsta).unwrap();
    let mut edited = loaded.clone();
    edited.spending[0].amount = Money::from_kronor(100_000);
    edited.report = Some(RecipientReport {
        reported_on: d("2025-05-20"),
        reason_unused: String::new(),
        evaluation: String::new(),
    });
    store
        .save_entry(g, farsta, &loaded, &edited, false)
        .unwrap();
    let bromma = store
        .add_recipient("Bromma", "", RecipientKind::District)
        .unwrap();
    store.set_allocation(g, bromma, Money::ZERO, None).unwrap();
}

#[test]
fn check_fails_only_on_warnings() {
    let sb = Sandbox::new();
    let demo = sb.demo("demo.sqlite");
    let day = ["--today", "2018-03-01"];
    let run = |db: &Path, extra: &[&str]| {
        let mut args = vec!["status", "--db", s(db)];
        args.extend_from_slice(extra);
        sb.run(&args)
    };
    assert_eq!(run(&demo, &[&day[..], &["--check"]].concat()).code, 1);
    assert_eq!(run(&demo, &day).code, 0, "no --check, no failure");
    let json = run(&demo, &[&day[..], &["--check", "--json"]].concat());
    assert_eq!(json.code, 1);
    assert!(serde_json::from_str::<Value>(&json.stdout).is_ok());

    let clean = sb.path("clean.sqlite");
    clean_grant(&clean);
    let out = run(&clean, &["--check", "--today", "2025-06-01", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    // Without --grant, --check watches every open grant: an array.
    let all: Value = serde_json::from_str(&out.stdout).unwrap();
    let v = &all[0];
    assert_eq!(all.as_array().map(Vec::len), Some(1));
    assert_eq!(v["to_return"], "0.00");
    assert_eq!(v["repaid"], "0.00");
    assert_eq!(v["outstanding"], "0.00");
    assert_eq!(v["flags"][0]["code"], "not_reported");
    assert_eq!(v["flags"][0]["severity"], "info");
}

#[test]
fn bad_database_paths_are_refused_with_code_2() {
    let sb = Sandbox::new();
    let text = sb.path("notes.txt");
    fs::write(&text, "inte en databas\n").unwrap();
    let other = sb.path("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x);")
        .unwrap();
    let folder = sb.path("folder");
    fs::create_dir(&folder).unwrap();
    let under_file = text.join("medel.sqlite");
    let missing = sb.path("missing.sqlite");

    let status = |db: &Path| sb.run(&["status", "--db", s(db)]);
    assert_refused(&status(&folder), &folder, "is a folder");
    assert_refused(&status(&text), &text, "not a SQLite database");
    assert_refused(&status(&other), &other, "another program");
    assert_refused(&status(&under_file), &under_file, "not a folder");
    assert_refused(&status(&missing), &missing, "the file does not exist");
    assert!(!missing.exists(), "status must not create the file");
    assert_eq!(fs::read_to_string(&text).unwrap(), "inte en databas\n");
}

#[test]
fn a_database_without_grants_is_explained() {
    let sb = Sandbox::new();
    let empty = sb.path("empty.sqlite");
    drop(Store::open(&empty).unwrap());
    let out = sb.run(&["status", "--db", s(&empty)]);
    assert_refused(&out, &empty, "no grants");
}

#[test]
fn status_picks_the_newest_open_grant_or_the_one_asked_for() {
    let sb = Sandbox::new();
    let db = sb.demo("x.sqlite");
    let demo_id = status_json(&sb, &db)["grant"]["id"].as_i64().unwrap();
    let newer = {
        let mut store = Store::open(&db).unwrap();
        let draft = GrantDraft::for_year("Utvecklingsmedel VINR 2018", "Socialstyrelsen", 2018);
        store.create_grant(&draft.unwrap()).unwrap()
    };
    assert_eq!(status_json(&sb, &db)["grant"]["id"], newer);

    let by_id = ["status", "--json", "--db", s(&db), "--grant"];
    let out = sb.run(&[&by_id[..], &[&demo_id.to_string()]].concat());
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["grant"]["id"], demo_id);

    let mut store = Store::open(&db).unwrap();
    store.set_grant_state(newer, GrantState::Reported).unwrap();
    assert_eq!(status_json(&sb, &db)["grant"]["id"], demo_id);

    let out = sb.run(&[&by_id[..], &["999"]].concat());
    assert_refused(&out, &db, "no grant with id or year 999");
    assert!(
        out.stderr.contains("Utvecklingsmedel VINR 2017"),
        "{}",
        out.stderr
    );
}

#[test]
fn demo_refuses_an_existing_file_unless_forced() {
    let sb = Sandbox::new();
    let db = sb.path("keep.sqlite");
    fs::write(&db, "mina anteckningar").unwrap();
    let out = sb.run(&["demo", "--db", s(&db)]);
    assert_refused(&out, &db, "--force");
    assert_eq!(fs::read_to_string(&db).unwrap(), "mina anteckningar");

    let out = sb.run(&["demo", "--db", s(&db), "--force"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(s(&db)), "{}", out.stdout);
    assert_eq!(status_json(&sb, &db)["to_return"], "577468.00");
    // Forcing over a demo works too, and leaves no temporary files.
    let out = sb.run(&["demo", "--db", s(&db), "--force"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut names: Vec<String> = fs::read_dir(sb.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["keep.sqlite"]);
}

#[test]
fn demo_refuses_folders_and_paths_under_files() {
    let sb = Sandbox::new();
    let folder = sb.path("folder");
    fs::create_dir(&folder).unwrap();
    let out = sb.run(&["demo", "--db", s(&folder), "--force"]);
    assert_refused(&out, &folder, "is a folder");
    let file = sb.path("file");
    fs::write(&file, "").unwrap();
    let under = file.join("demo.sqlite");
    let out = sb.run(&["demo", "--db", s(&under)]);
    assert_refused(&out, &under, "not a folder");
}

#[test]
fn medel_db_is_honoured() {
    let sb = Sandbox::new();
    let db = sb.demo("x.sqlite");
    let env = [("MEDEL_DB", s(&db))];
    let out = sb.run_with(&["status", "--json", "--today", "2018-03-01"], &env);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("577468.00"));
    // --db wins over MEDEL_DB.
    let env = [("MEDEL_DB", "/nowhere/medel.sqlite")];
    let out = sb.run_with(&["status", "--db", s(&db)], &env);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = sb.run_with(&["status"], &env);
    assert_refused(&out, Path::new("/nowhere/medel.sqlite"), "no database");
}

#[test]
fn demo_without_db_goes_beside_the_database() {
    let sb = Sandbox::new();
    // Beside MEDEL_DB, never in its place.
    let work = sb.path("work/medel.sqlite");
    let out = sb.run_with(&["demo"], &[("MEDEL_DB", s(&work))]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(sb.path("work/demo.sqlite").is_file());
    assert!(!work.exists());
    // Beside the default database, in the platform's data folder.
    let out = sb.run(&["demo"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let demo = sb.path("data/medel/demo.sqlite");
    assert!(demo.is_file(), "{}", out.stdout);
    assert!(out.stdout.contains(s(&demo)), "{}", out.stdout);
    // The default database itself is not created by looking at it.
    let default = sb.path("data/medel/medel.sqlite");
    let out = sb.run(&["status"]);
    assert_refused(&out, &default, "the file does not exist");
    assert!(!default.exists());
}

#[test]
fn no_command_without_a_terminal_points_to_status() {
    let sb = Sandbox::new();
    let out = sb.run(&[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("needs a terminal"), "{}", out.stderr);
    assert!(out.stderr.contains("medel status"), "{}", out.stderr);
}

#[test]
fn usage_errors_exit_2() {
    let sb = Sandbox::new();
    for args in [
        &["status", "--today", "1 mars"][..],
        &["status", "--lang", "fr"],
        &["status", "--grant", "x"],
        &["nonsense"],
    ] {
        let out = sb.run(args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn log_shows_who_changed_what() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let out = sb.run(&["log", "--db", s(&db), "--recipient", "Bromma"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("tester  Utvecklingsmedel VINR 2017 · Bromma · Allocation: – → SEK 180,000"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Reason for non-use: – → Inget utrymme"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("Farsta"),
        "only Bromma: {}",
        out.stdout
    );
    let out = sb.run(&["log", "--db", s(&db), "--limit", "1", "--lang", "sv"]);
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Enheten för hemlösa · Fokusområde 1: notering"),
        "{}",
        out.stdout
    );
    let out = sb.run(&["log", "--db", s(&db), "--recipient", "Nowhere"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no recipient is called 'Nowhere'"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_truncated_database_is_refused_and_left_alone() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    let before = std::fs::read(&db).unwrap();
    for args in [&["status"][..], &["log"][..], &["report"][..]] {
        let mut all = args.to_vec();
        all.extend(["--db", s(&db)]);
        let out = sb.run(&all);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("damaged"), "{args:?}: {}", out.stderr);
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
}

#[test]
fn refusals_speak_swedish_too() {
    let sb = Sandbox::new();
    let junk = sb.path("junk.sqlite");
    std::fs::write(&junk, "inte en databas").unwrap();
    let out = sb.run_with(&["status", "--db", s(&junk)], &[("LANG", "sv_SE.UTF-8")]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("är ingen SQLite-databas; medel har inte rört filen"),
        "{}",
        out.stderr
    );
}

/// Issue 14: `--today` reads the same date shapes as the screens; a day
/// that does not exist says so.
#[test]
fn today_reads_day_first_dates_and_refuses_a_day_that_does_not_exist() {
    let sb = Sandbox::new();
    let db = sb.demo("x.sqlite");
    let iso = sb.ok(&["status", "--json", "--db", s(&db), "--today", "2018-03-01"]);
    for shape in ["01.03.2018", "1/3 2018", "20180301"] {
        let out = sb.ok(&["status", "--json", "--db", s(&db), "--today", shape]);
        assert_eq!(out.stdout, iso.stdout, "{shape}");
    }
    let out = sb.run(&["status", "--db", s(&db), "--today", "2018-02-30"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("that day does not exist"),
        "{}",
        out.stderr
    );
    let out = sb.run(&["status", "--db", s(&db), "--today", "2018/02/01"]);
    assert!(out.stderr.contains("30.11.2026"), "{}", out.stderr);
}

/// Issue 14: `medel status` during the use period says what is not yet
/// used, not what is to be paid back, in the screen's words.
#[test]
fn status_during_the_period_says_not_yet_used() {
    let sb = Sandbox::new();
    let db = sb.demo("x.sqlite");
    let out = sb.run_in(
        "sv_SE.UTF-8",
        &["status", "--db", s(&db), "--today", "2017-12-10"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Ej använt än (går åter)"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("Att återbetala"), "{}", out.stdout);
    assert!(
        out.stdout.contains("Avräknat") && out.stdout.contains("Fördelat"),
        "{}",
        out.stdout
    );
    let out = sb.run_in(
        "sv_SE.UTF-8",
        &["status", "--db", s(&db), "--today", "2018-03-01"],
    );
    assert!(out.stdout.contains("Att återbetala"), "{}", out.stdout);
}

/// Issue 14: every `medel log` line in the user's language, money as
/// money, the grant named; `--recipient` ignores case and suggests the
/// closest name.
#[test]
fn log_reads_in_swedish_and_finds_recipients_whatever_the_case() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let out = sb.run_in("sv_SE.UTF-8", &["log", "--db", s(&db)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for line in [
        "Utvecklingsmedel VINR 2017 · Inbetalning: – → 2017-03-15 2 922 920 kr rekvisition",
        "Utvecklingsmedel VINR 2017 · Bidrag skapat: – → Utvecklingsmedel VINR 2017\n",
        "Utvecklingsmedel VINR 2017 · Bromma · Fördelning: – → 180 000 kr",
    ] {
        assert!(out.stdout.contains(line), "{line:?} in\n{}", out.stdout);
    }
    assert!(!out.stdout.contains("redistribution"), "{}", out.stdout);
    let out = sb.run_in(
        "sv_SE.UTF-8",
        &["log", "--db", s(&db), "--recipient", "södermalm"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("· Södermalm · "), "{}", out.stdout);
    assert!(!out.stdout.contains("Bromma"), "{}", out.stdout);
    let out = sb.run_in(
        "sv_SE.UTF-8",
        &["log", "--db", s(&db), "--recipient", "Sodermalm"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("(menade du 'Södermalm'?)"),
        "{}",
        out.stderr
    );
    let out = sb.run(&["log", "--db", s(&db), "--recipient", "Kiruna"]);
    assert!(!out.stderr.contains("did you mean"), "{}", out.stderr);
}

/// Issue 14: a missing `--db` is offered the demo only when it is the
/// demo's name; otherwise it says the file does not exist and how to make
/// an empty database.
#[test]
fn a_missing_database_is_offered_what_fits_its_name() {
    let sb = Sandbox::new();
    let demo = sb.path("demo.sqlite");
    let out = sb.run(&["status", "--db", s(&demo)]);
    assert_refused(&out, &demo, "medel demo --db");
    let mine = sb.path("medel-2026.sqlite");
    let out = sb.run(&["status", "--db", s(&mine)]);
    assert_refused(&out, &mine, "the file does not exist");
    assert!(!out.stderr.contains("medel demo"), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("medel --db {}", s(&mine))),
        "{}",
        out.stderr
    );
    let out = sb.run_in("sv_SE.UTF-8", &["log", "--db", s(&mine)]);
    assert_refused(&out, &mine, "filen finns inte");
    assert!(!out.stderr.contains("medel demo"), "{}", out.stderr);
}

/// Issue 14: `--help` of medel and of every command is in Swedish under a
/// Swedish locale, and stays English under an English one.
#[test]
fn help_is_in_the_users_language() {
    let sb = Sandbox::new();
    let commands = [
        "",
        "demo",
        "status",
        "log",
        "report",
        "export",
        "import",
        "backup",
        "completions",
        "man",
    ];
    let english = [
        "Usage",
        "Options",
        "Arguments",
        "Commands",
        "Print",
        "possible values",
        "default:",
        "env:",
        "Show",
        "Write",
        " the ",
    ];
    for command in commands {
        let args: Vec<&str> = [command, "--help"]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        let out = sb.run_in("sv_SE.UTF-8", &args);
        assert_eq!(out.code, 0, "{command}: {}", out.stderr);
        assert!(
            out.stdout.contains("Användning: medel"),
            "{command}:\n{}",
            out.stdout
        );
        for word in english {
            assert!(
                !out.stdout.contains(word),
                "{word:?} in {command} --help:\n{}",
                out.stdout
            );
        }
        let out = sb.run_in("en_US.UTF-8", &args);
        assert!(
            out.stdout.contains("Usage: medel"),
            "{command}:\n{}",
            out.stdout
        );
    }
    let out = sb.run_in("en_US.UTF-8", &["status", "--help", "--lang", "sv"]);
    assert!(
        out.stdout.contains("Användning: medel status"),
        "{}",
        out.stdout
    );
}
