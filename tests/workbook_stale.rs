//! An old workbook must not silently undo newer data: a version 3
//! template records where in medel's history it was written, and its
//! import is refused for each value it would change that medel changed
//! after that, by anyone, unless `--replace` takes the file's values.
//! `medel template` and `medel import` as a coordinator runs them.

mod support;

use std::path::{Path, PathBuf};

use medel::domain::money::Money;
use medel::exchange::{Identity, TEMPLATE_VERSION, read_xlsx};
use medel::store::Store;
use support::cli::{Out, Sandbox, s};
use support::db::{current_grant, file_fingerprint, recipient_id};
use support::xlsx::{Typed, fill, fill_sheet};

/// The demo and Älvsjö's template (area 1 38 000, area 5 55 000), in
/// English, written to `t/`.
fn demo_and_template(sb: &Sandbox) -> (PathBuf, Vec<u8>) {
    let db = sb.demo("d.sqlite");
    sb.ok(&["template", "-o", s(&sb.path("t")), "--db", s(&db)]);
    let t = std::fs::read(sb.path("t/Älvsjö.xlsx")).expect("template");
    (db, t)
}

fn identity(bytes: &[u8]) -> Identity {
    read_xlsx(bytes).expect("a template reads").identity
}

/// Writes `bytes` as `name` in the sandbox and imports it with `extra`.
fn import(sb: &Sandbox, db: &Path, name: &str, bytes: &[u8], extra: &[&str]) -> Out {
    let file = sb.path(name);
    std::fs::write(&file, bytes).expect("write");
    let mut args = vec!["import", s(&file), "--db", s(db)];
    args.extend(extra);
    sb.run(&args)
}

/// The tester's filled file: area 5 60 000, area 1 emptied, an
/// evaluation and a contact person.
fn filled(t: &[u8], area_5: &str) -> Vec<u8> {
    let id = identity(t);
    let cell = |position: i64| {
        id.areas
            .iter()
            .find(|a| a.0 == position)
            .expect("the area")
            .1
            .clone()
    };
    let (one, five) = (cell(1), cell(5));
    let contact = id.contact.clone().expect("a contact cell");
    fill(
        t,
        &[
            (one.as_str(), Typed::Text("")),
            (five.as_str(), Typed::Number(area_5)),
            (id.evaluation.as_str(), Typed::Text("It went well.")),
            (contact.as_str(), Typed::Text("Anna Lind")),
        ],
    )
}

/// Älvsjö's amount in a focus area now.
fn amount(db: &Path, position: i64) -> Money {
    let store = Store::open(db).expect("open");
    let entry = store
        .entry(current_grant(&store), recipient_id(&store, "Älvsjö"))
        .expect("entry");
    entry
        .spending
        .iter()
        .find(|l| l.position == position)
        .map_or(Money::ZERO, |l| l.amount)
}

/// 1 000 kronor moved from Bromma to Älvsjö on the command line.
fn move_1000_to_alvsjo(sb: &Sandbox, db: &Path) {
    sb.ok(&[
        "reallocate",
        "--from",
        "Bromma",
        "--to",
        "Älvsjö",
        "--amount",
        "1000",
        "--db",
        s(db),
    ]);
}

fn kr(n: i64) -> Money {
    Money::from_ore(n * 100)
}

#[test]
fn the_unfilled_workbook_after_the_filled_one_changes_nothing() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    assert_eq!(TEMPLATE_VERSION, 3);
    assert!(identity(&t).written.is_some());
    let out = import(&sb, &db, "Älvsjö.xlsx", &filled(&t, "60000"), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(amount(&db, 5), kr(60_000));

    // The original, unfilled, comes in again: it holds every value as it
    // was written, so nothing in it was typed by the district, and what
    // the import after it set stays.
    let before = file_fingerprint(&db);
    for extra in [&[][..], &["--dry-run"][..]] {
        let out = import(&sb, &db, "Älvsjö.xlsx", &t, extra);
        assert_eq!(out.code, 0, "{extra:?}: {}", out.stderr);
        let nothing = if extra.is_empty() {
            "Nothing to import"
        } else {
            "would make: already as in the file"
        };
        assert!(out.stdout.contains(nothing), "{}", out.stdout);
        assert_eq!(file_fingerprint(&db), before, "{extra:?}");
    }
    assert_eq!(amount(&db, 5), kr(60_000));
}

/// A second copy of the template filled in otherwise would undo what the
/// first import set: each such value is refused at its cell.
#[test]
fn a_second_copy_filled_otherwise_is_refused_value_by_value() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    let out = import(&sb, &db, "Älvsjö.xlsx", &filled(&t, "60000"), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let id = identity(&t);
    let cell = |position: i64| {
        id.areas
            .iter()
            .find(|a| a.0 == position)
            .expect("the area")
            .1
            .clone()
    };
    let contact = id.contact.clone().expect("a contact cell");
    let (one, five) = (cell(1), cell(5));
    let other = fill(
        &t,
        &[
            (one.as_str(), Typed::Number("1000")),
            (five.as_str(), Typed::Number("50000")),
            (id.evaluation.as_str(), Typed::Text("Second thoughts.")),
            (contact.as_str(), Typed::Text("Per Ek")),
        ],
    );
    let before = file_fingerprint(&db);
    for extra in [&[][..], &["--dry-run"][..]] {
        let out = import(&sb, &db, "Älvsjö-2.xlsx", &other, extra);
        assert_eq!(out.code, 2, "{extra:?}: {}", out.stdout);
        let e = &out.stderr;
        assert!(
            e.contains("Älvsjö-2.xlsx cannot be imported; nothing was changed"),
            "{e}"
        );
        for line in [
            "Älvsjö-2.xlsx, Report!C16: Focus area 5: amount would go from SEK 60,000 to \
             SEK 50,000, but it was set to SEK 60,000 by ",
            "Älvsjö-2.xlsx, Report!C12: Focus area 1: amount would go from SEK 0 to SEK 1,000, \
             but it was set to SEK 0 by ",
            "Evaluation would go from 'It went well.' to 'Second thoughts.'",
            "Contact person would go from 'Anna Lind' to 'Per Ek'",
            ", after this workbook was written on ",
            "import it with --replace to take the file's values",
        ] {
            assert!(e.contains(line), "{line}\n{e}");
        }
        assert!(e.contains("tester"), "who changed it: {e}");
        assert_eq!(file_fingerprint(&db), before, "{extra:?}");
    }
    assert_eq!(amount(&db, 5), kr(60_000));
}

#[test]
fn the_same_refusal_in_swedish() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let lang = "sv_SE.UTF-8";
    let t_dir = sb.path("t");
    let out = sb.run_in(lang, &["template", "-o", s(&t_dir), "--db", s(&db)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let t = std::fs::read(sb.path("t/Älvsjö.xlsx")).expect("template");
    let first = sb.path("Älvsjö-1.xlsx");
    std::fs::write(&first, filled(&t, "60000")).expect("write");
    let out = sb.run_in(lang, &["import", s(&first), "--db", s(&db)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let again = sb.path("Älvsjö.xlsx");
    std::fs::write(&again, filled(&t, "50000")).expect("write");
    let out = sb.run_in(lang, &["import", s(&again), "--db", s(&db)]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    for line in [
        "Älvsjö.xlsx kan inte importeras; inget har ändrats",
        "Älvsjö.xlsx, Redovisning!C16: Fokusområde 5: belopp skulle ändras från \
         60 000 kr till 50 000 kr, men värdet sattes till 60 000 kr av ",
        ", efter att arbetsboken skrevs ",
        "importera den med --replace för att ta filens värden",
    ] {
        assert!(out.stderr.contains(line), "{line}\n{}", out.stderr);
    }
}

#[test]
fn the_normal_round_imports_as_before() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    let file = filled(&t, "60000");
    let out = import(&sb, &db, "Älvsjö.xlsx", &file, &["--dry-run"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("--replace"), "{}", out.stdout);
    let out = import(&sb, &db, "Älvsjö.xlsx", &file, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("--replace"), "{}", out.stdout);
    assert_eq!((amount(&db, 1), amount(&db, 5)), (Money::ZERO, kr(60_000)));
    // The same file again changes nothing, and so is not refused.
    let out = import(&sb, &db, "Älvsjö.xlsx", &file, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_corrected_second_file_is_refused_then_taken_with_replace() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    let out = import(&sb, &db, "Älvsjö.xlsx", &filled(&t, "60000"), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The district corrects one figure in its copy and sends it again.
    let corrected = filled(&t, "62000");
    let out = import(&sb, &db, "Älvsjö.xlsx", &corrected, &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    let e = &out.stderr;
    assert!(
        e.contains("Report!C16: Focus area 5: amount would go from SEK 60,000 to SEK 62,000"),
        "{e}"
    );
    // Only the value the file changes: the rest it leaves as it is.
    assert_eq!(e.matches("would go from").count(), 1, "{e}");
    assert_eq!(amount(&db, 5), kr(60_000));

    let before = file_fingerprint(&db);
    let out = import(
        &sb,
        &db,
        "Älvsjö.xlsx",
        &corrected,
        &["--replace", "--dry-run"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "With --replace, the file's values would be taken although they were changed \
             in medel after the workbook was written:\n  "
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "Älvsjö.xlsx, Report!C16: Focus area 5: amount would go from SEK 60,000 to \
             SEK 62,000, but it was set to SEK 60,000 by "
        ),
        "{}",
        out.stdout
    );
    assert_eq!(file_fingerprint(&db), before);

    let out = import(&sb, &db, "Älvsjö.xlsx", &corrected, &["--replace"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "With --replace, the file's values were taken although they were changed in \
             medel after the workbook was written:\n  "
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "Älvsjö.xlsx, Report!C16: Focus area 5: amount went from SEK 60,000 to SEK 62,000, \
             although it was set to SEK 60,000 by "
        ),
        "{}",
        out.stdout
    );
    assert_eq!(amount(&db, 5), kr(62_000));
}

#[test]
fn a_change_in_medel_the_file_does_not_touch_does_not_block() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    // After the template went out: money moved to Älvsjö on the command
    // line, Bromma's figures changed in the app, and Älvsjö's contact
    // person set in the app, the same the district writes.
    move_1000_to_alvsjo(&sb, &db);
    {
        let mut store = Store::open(&db).expect("open");
        store.set_who("anna");
        let g = current_grant(&store);
        for (name, contact) in [("Bromma", "Per Ek"), ("Älvsjö", "Anna Lind")] {
            let r = recipient_id(&store, name);
            let loaded = store.entry(g, r).expect("entry");
            let mut edited = loaded.clone();
            edited.contact = contact.into();
            if name == "Bromma" {
                edited.spending[0].amount = kr(1);
            }
            store
                .save_entry(g, r, &loaded, &edited, false)
                .expect("saved");
        }
    }
    let out = import(&sb, &db, "Älvsjö.xlsx", &filled(&t, "60000"), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(amount(&db, 5), kr(60_000));

    // But a value changed in the app that the file would change back is
    // refused, alone, naming who changed it.
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    {
        let mut store = Store::open(&db).expect("open");
        store.set_who("anna");
        let g = current_grant(&store);
        let r = recipient_id(&store, "Älvsjö");
        let loaded = store.entry(g, r).expect("entry");
        let mut edited = loaded.clone();
        let two = edited.spending.iter_mut().find(|l| l.position == 2);
        two.expect("area 2").amount = kr(5_000);
        store
            .save_entry(g, r, &loaded, &edited, false)
            .expect("saved");
    }
    // The file leaves area 2 as the template wrote it: the district did
    // not touch it, so medel's 5 000 stays and the rest comes in.
    let out = import(
        &sb,
        &db,
        "Älvsjö.xlsx",
        &filled(&t, "60000"),
        &["--dry-run"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // One that does change area 2 is refused at that cell alone.
    let id = identity(&t);
    let two = id
        .areas
        .iter()
        .find(|a| a.0 == 2)
        .expect("area 2")
        .1
        .clone();
    let changed = fill(
        &filled(&t, "60000"),
        &[(two.as_str(), Typed::Number("7000"))],
    );
    let out = import(&sb, &db, "Älvsjö-2.xlsx", &changed, &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    let e = &out.stderr;
    assert!(
        e.contains(
            "Report!C13: Focus area 2: amount would go from SEK 5,000 to SEK 7,000, but it was \
             set to SEK 5,000 by "
        ),
        "{e}"
    );
    let out = import(&sb, &db, "Älvsjö.xlsx", &filled(&t, "60000"), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(amount(&db, 2), kr(5_000));
    assert_eq!(amount(&db, 5), kr(60_000));
    assert!(e.contains("by anna on "), "{e}");
    assert_eq!(e.matches("would go from").count(), 1, "{e}");
}

#[test]
fn a_version_2_template_still_imports_without_the_check() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    // The identification as version 2 wrote it: no point in history
    // (its row 10 becomes a row this medel does not know and skips).
    let v2 = |bytes: &[u8]| {
        fill_sheet(
            bytes,
            "xl/worksheets/sheet2.xml",
            &[("B1", Typed::Text("2")), ("A10", Typed::Text("unknown"))],
        )
    };
    let read = read_xlsx(&v2(&t)).expect("a version 2 template reads");
    assert_eq!(read.identity.written, None);
    let out = import(&sb, &db, "Älvsjö.xlsx", &v2(&filled(&t, "60000")), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Nothing to check against: the old file goes in, as before.
    let out = import(&sb, &db, "Älvsjö.xlsx", &v2(&t), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(amount(&db, 5), kr(55_000));
}

#[test]
fn a_workbook_from_a_history_this_database_does_not_have_is_refused() {
    let sb = Sandbox::new();
    let db = sb.demo("d.sqlite");
    let backup = sb.path("backup.sqlite");
    sb.ok(&["backup", s(&backup), "--db", s(&db)]);
    // A change, then the templates; then the older backup is put back.
    move_1000_to_alvsjo(&sb, &db);
    sb.ok(&["template", "-o", s(&sb.path("t")), "--db", s(&db)]);
    let t = std::fs::read(sb.path("t/Älvsjö.xlsx")).expect("template");
    std::fs::copy(&backup, &db).expect("restored");
    let before = file_fingerprint(&db);
    let out = import(&sb, &db, "Älvsjö.xlsx", &filled(&t, "60000"), &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains(
            "Älvsjö.xlsx: this workbook was written on 20" // the year
        ) && out
            .stderr
            .contains("does not have (another database, or one restored"),
        "{}",
        out.stderr
    );
    // Its own line says what to do; the hint about undone changes is not
    // added to it.
    assert!(!out.stderr.contains("would undo changes"), "{}", out.stderr);
    assert_eq!(file_fingerprint(&db), before);
    let out = import(
        &sb,
        &db,
        "Älvsjö.xlsx",
        &filled(&t, "60000"),
        &["--replace"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(amount(&db, 5), kr(60_000));
}

/// A report withdrawn in medel after the templates went out does not come
/// back with a workbook that holds it as the template wrote it; one the
/// district changed is a conflict.
#[test]
fn a_report_withdrawn_since_does_not_come_back_with_an_untouched_workbook() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    let withdrawn = |db: &Path| {
        let mut store = Store::open(db).expect("open");
        store.set_who("anna");
        let (g, r) = (current_grant(&store), recipient_id(&store, "Älvsjö"));
        let loaded = store.entry(g, r).expect("entry");
        assert!(loaded.report.is_some(), "Älvsjö has reported in the demo");
        let mut edited = loaded.clone();
        edited.report = None;
        store
            .save_entry(g, r, &loaded, &edited, false)
            .expect("saved");
    };
    let reported = |db: &Path| {
        let store = Store::open(db).expect("open");
        let (g, r) = (current_grant(&store), recipient_id(&store, "Älvsjö"));
        store.entry(g, r).expect("entry").report.is_some()
    };
    withdrawn(&db);
    let out = import(&sb, &db, "Älvsjö.xlsx", &t, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        !reported(&db),
        "the withdrawn report came back: {}",
        out.stdout
    );

    let id = identity(&t);
    let changed = fill(&t, &[(id.evaluation.as_str(), Typed::Text("Ny text."))]);
    let out = import(&sb, &db, "Älvsjö-2.xlsx", &changed, &[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("by anna on "), "{}", out.stderr);
    assert!(!reported(&db));
}
