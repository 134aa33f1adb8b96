//! Promises the README makes about many hands on one file, each with the
//! test that would catch its breaking: undo never overwrites another's
//! change, reopening a closed grant is logged, an import that fails half
//! way leaves nothing of itself, and at most twenty problems are listed.

mod support;

use medel::domain::Lang;
use medel::domain::model::GrantState;
use medel::exchange::{CsvStyle, MAX_PROBLEMS};
use ratatui::crossterm::event::KeyCode;
use support::cli::{Sandbox, s};
use support::db::{Db, audit_len, current_grant, file_fingerprint, recipient_id, used};
use support::kr;
use support::ui::Ui;

/// Bertil, in a session of his own, saves `amount` on Bromma's focus area
/// `area` (0-based), as his form would.
fn bertil_saves(ui: &Ui, area: usize, amount: i64) {
    let mut bertil = ui.db_as("bertil");
    let g = current_grant(&bertil);
    let bromma = recipient_id(&bertil, "Bromma");
    let seen = bertil.entry(g, bromma).unwrap();
    let mut his = seen.clone();
    his.spending[area].amount = kr(amount);
    bertil.save_entry(g, bromma, &seen, &his, false).unwrap();
}

fn bromma_area(ui: &Ui, area: usize) -> medel::domain::Money {
    let db = ui.db();
    let g = current_grant(&db);
    db.entry(g, recipient_id(&db, "Bromma")).unwrap().spending[area].amount
}

#[test]
fn undo_never_overwrites_a_value_another_session_changed_since() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("250");
    ui.ctrl('s');
    assert_eq!(used(&ui.db(), "Bromma"), kr(250));
    bertil_saves(&ui, 0, 40);
    ui.tick();
    let log = audit_len(&ui.db());
    ui.keys("u");
    let error = ui.error();
    assert!(
        error.starts_with(
            "Cannot undo: Focus area 1: amount: someone else changed it to SEK 40 (bertil, "
        ) && error.ends_with("); yours is SEK 0."),
        "{error}"
    );
    assert_eq!(bromma_area(&ui, 0), kr(40), "bertil's value stays");
    assert_eq!(audit_len(&ui.db()), log, "nothing was written");
    // And nothing is left to undo that could try again.
    ui.keys("u");
    assert_eq!(
        ui.message(),
        "Nothing to undo: only the latest change saved in this session can be undone"
    );
    assert_eq!(bromma_area(&ui, 0), kr(40));
}

#[test]
fn undo_takes_back_my_field_and_keeps_another_sessions_other_field() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("250");
    ui.ctrl('s');
    bertil_saves(&ui, 1, 40);
    ui.tick();
    ui.keys("u");
    assert_eq!(ui.message(), "Undone: Bromma (Utvecklingsmedel VINR 2017)");
    assert_eq!(bromma_area(&ui, 0), kr(0), "my change is undone");
    assert_eq!(bromma_area(&ui, 1), kr(40), "bertil's is kept");
}

#[test]
fn undo_of_an_allocation_never_overwrites_another_sessions_allocation() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("a1"); // Bromma's allocation
    ui.press(KeyCode::Enter);
    let mut bertil = ui.db_as("bertil");
    let g = current_grant(&bertil);
    let bromma = recipient_id(&bertil, "Bromma");
    bertil
        .set_allocation(g, bromma, kr(5), Some(kr(1)))
        .unwrap();
    ui.tick();
    let log = audit_len(&ui.db());
    ui.keys("u");
    let error = ui.error();
    assert!(
        error.starts_with("Cannot undo: Allocation: someone else changed it to SEK 5 (bertil, ")
            && error.ends_with("); yours is SEK 180,000."),
        "{error}"
    );
    assert_eq!(ui.db().allocation(g, bromma).unwrap(), Some(kr(5)));
    assert_eq!(audit_len(&ui.db()), log);
}

#[test]
fn closing_and_reopening_a_grant_are_both_logged() {
    let mut ui = Ui::demo(Lang::En);
    let id = current_grant(&ui.db());
    ui.keys("gc");
    assert_eq!(
        ui.boxed("Question"),
        "Mark the grant as reported? It is then closed to changes. y/j = yes · n/Esc = no"
    );
    ui.keys("y");
    assert_eq!(ui.db().grant(id).unwrap().state, GrantState::Reported);
    // Money is owed, so it offers to record the repayment: not now.
    assert!(ui.boxed("Question").contains("Record the repayment now?"));
    ui.keys("n");
    ui.keys("c");
    assert_eq!(
        ui.boxed("Question"),
        "Reopen the grant for changes? y/j = yes · n/Esc = no"
    );
    ui.keys("y");
    assert_eq!(ui.message(), "Grant reopened");
    assert_eq!(ui.db().grant(id).unwrap().state, GrantState::Open);
    let log = ui.db().audit_log(Some(id), None, 2).unwrap();
    let rows: Vec<_> = log
        .iter()
        .map(|a| {
            (
                a.who.as_str(),
                a.what.as_str(),
                a.old.as_str(),
                a.new.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("test", "grant.state", "reported", "open"),
            ("test", "grant.state", "open", "reported"),
        ]
    );
}

#[test]
fn medel_log_shows_the_reopening_in_words() {
    let sb = Sandbox::new();
    let path = sb.demo("demo.sqlite");
    {
        let mut store = medel::store::Store::open(&path).unwrap();
        store.set_who("anna");
        let g = current_grant(&store);
        store.set_grant_state(g, GrantState::Reported).unwrap();
        store.set_grant_state(g, GrantState::Open).unwrap();
    }
    let out = sb.ok(&["log", "--db", s(&path)]);
    let newest: Vec<&str> = out.stdout.lines().take(2).collect();
    assert_eq!(newest.len(), 2, "{}", out.stdout);
    assert!(
        newest[0].ends_with("  anna  Utvecklingsmedel VINR 2017 · Grant: state: reported → open"),
        "{}",
        out.stdout
    );
    assert!(
        newest[1].ends_with("  anna  Utvecklingsmedel VINR 2017 · Grant: state: open → reported"),
        "{}",
        out.stdout
    );
}

/// A trigger that fails the import once `rows` spending rows exist: a
/// failure in the middle of writing, after the first rows went in.
fn fail_after(path: &std::path::Path, rows: usize) {
    rusqlite::Connection::open(path)
        .unwrap()
        .execute_batch(&format!(
            "CREATE TRIGGER fail_half_way AFTER INSERT ON spending
             WHEN (SELECT count(*) FROM spending) > {rows}
             BEGIN SELECT RAISE(ABORT, 'the disk went away'); END;"
        ))
        .unwrap();
}

fn drop_trigger(path: &std::path::Path) {
    rusqlite::Connection::open(path)
        .unwrap()
        .execute_batch("DROP TRIGGER fail_half_way")
        .unwrap();
}

#[test]
fn an_import_that_fails_half_way_leaves_nothing_of_itself() {
    let db = Db::empty();
    support::bulk::prepare(&mut db.open(), 600);
    let csv = db.dir().join("spending.csv");
    std::fs::write(&csv, support::bulk::csv(600, CsvStyle::Plain)).unwrap();
    let before = file_fingerprint(db.path());
    fail_after(db.path(), 300);
    let sb = Sandbox::new();
    let out = sb.run(&["import", s(&csv), "--db", s(db.path())]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.ends_with(": the disk went away\n"),
        "{}",
        out.stderr
    );
    drop_trigger(db.path());
    assert_eq!(file_fingerprint(db.path()), before, "nothing of it");
    // The same file imports whole once nothing fails: the failure above
    // came after 300 of its 600 rows were written.
    let out = sb.run(&["import", s(&csv), "--db", s(db.path())]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (_, log) = file_fingerprint(db.path());
    assert!(log >= before.1 + 600, "every row logged: {log}");
}

#[test]
fn at_most_twenty_problems_are_listed_and_the_rest_counted() {
    assert_eq!(MAX_PROBLEMS, 20);
    let sb = Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let mut csv = String::from("grant,year,recipient,focus_area,allocated,amount,note\n");
    for i in 0..25 {
        csv.push_str(&format!(
            "Utvecklingsmedel VINR 2017,2017,Bromma,1,180000.00,12x{i},\n"
        ));
    }
    std::fs::write(sb.path("bad.csv"), csv).unwrap();
    let before = file_fingerprint(&db);
    let out = sb.run(&["import", "bad.csv", "--db", s(&db)]);
    assert_eq!(out.code, 2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "medel: bad.csv cannot be imported; nothing was changed:"
    );
    assert_eq!(lines.len(), 1 + MAX_PROBLEMS + 1, "{}", out.stderr);
    assert_eq!(lines[1 + MAX_PROBLEMS], "  … and 5 more problems");
    for (i, line) in lines[1..=MAX_PROBLEMS].iter().enumerate() {
        assert_eq!(
            *line,
            format!(
                "  line {}, column 6 (amount): '12x{i}': not an amount: 'x' is not allowed",
                i + 2
            )
        );
    }
    assert_eq!(file_fingerprint(&db), before);
}
