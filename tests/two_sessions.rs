//! Two sessions on one file, as two coordinators over SSH.

mod support;

use std::time::{Duration, Instant};

use medel::domain::money::Money;
use medel::store::{Store, StoreError};
use support::db::{Db, recipient_id};

/// Anna and Bertil on the demo file, each in a session of their own.
fn two_sessions() -> (Db, Store, Store, i64, i64) {
    let db = Db::empty();
    let mut anna = db.open_as("anna");
    let grant = medel::demo::write(&mut anna).unwrap();
    let bertil = db.open_as("bertil");
    let bromma = recipient_id(&anna, "Bromma");
    (db, anna, bertil, grant, bromma)
}

#[test]
fn the_second_save_of_the_same_cell_is_refused_and_nothing_is_lost() {
    let (_db, mut anna, mut bertil, g, r) = two_sessions();
    let anna_form = anna.entry(g, r).unwrap();
    let bertil_form = bertil.entry(g, r).unwrap();
    let mut a = anna_form.clone();
    a.spending[0].amount = Money::from_kronor(100);
    anna.save_entry(g, r, &anna_form, &a, false).unwrap();
    let mut b = bertil_form.clone();
    b.spending[0].amount = Money::from_kronor(200);
    let err = bertil
        .save_entry(g, r, &bertil_form, &b, false)
        .unwrap_err();
    let StoreError::Conflict(c) = err else {
        panic!("a conflict, not {err}")
    };
    assert_eq!(
        (c.theirs.as_str(), c.who.as_deref()),
        ("100.00", Some("anna"))
    );
    assert!(c.to_string().contains("anna"), "{c}");
    assert_eq!(
        bertil.entry(g, r).unwrap().spending[0].amount,
        Money::from_kronor(100),
        "anna's value stands"
    );
}

#[test]
fn edits_of_different_cells_both_land() {
    let (_db, mut anna, mut bertil, g, r) = two_sessions();
    let anna_form = anna.entry(g, r).unwrap();
    let bertil_form = bertil.entry(g, r).unwrap();
    let mut a = anna_form.clone();
    a.spending[0].amount = Money::from_kronor(100);
    let mut b = bertil_form.clone();
    b.spending[1].amount = Money::from_kronor(200);
    b.spending[1].note = "bertils kurs".into();
    anna.save_entry(g, r, &anna_form, &a, false).unwrap();
    bertil.save_entry(g, r, &bertil_form, &b, false).unwrap();
    let now = anna.entry(g, r).unwrap();
    assert_eq!(now.spending[0].amount, Money::from_kronor(100));
    assert_eq!(now.spending[1].amount, Money::from_kronor(200));
    assert_eq!(now.spending[1].note, "bertils kurs");
}

#[test]
fn the_other_session_sees_the_change() {
    let (_db, mut anna, bertil, g, r) = two_sessions();
    let before = bertil.data_version().unwrap();
    anna.set_allocation(g, r, Money::from_kronor(1), None)
        .unwrap();
    assert_ne!(
        bertil.data_version().unwrap(),
        before,
        "bertil's poll notices"
    );
    assert_eq!(
        bertil.allocation(g, r).unwrap(),
        Some(Money::from_kronor(1))
    );
}

#[test]
/// Fast, with a shorter wait; `busy_five_seconds.rs` waits the real five.
fn a_lock_held_longer_than_the_wait_gives_a_message_not_a_hang() {
    let (db, mut anna, _bertil, g, r) = two_sessions();
    let other = rusqlite::Connection::open(db.path()).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    anna.set_busy_timeout(Duration::from_millis(300)).unwrap();
    let started = Instant::now();
    let err = anna
        .set_allocation(g, r, Money::from_kronor(5), None)
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err}");
    assert_eq!(
        err.to_string(),
        "the database is busy: another program holds a lock on it; try again in a moment"
    );
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(300) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    other.execute_batch("ROLLBACK").unwrap();
    anna.set_allocation(g, r, Money::from_kronor(5), None)
        .unwrap();
}

#[test]
fn a_save_never_wipes_report_text_another_session_wrote() {
    let (_db, mut anna, mut bertil, g, _) = two_sessions();
    // A recipient with no report yet: both forms open on the same state.
    let r = anna
        .add_recipient("Ny enhet", "", medel::domain::model::RecipientKind::Unit)
        .unwrap();
    anna.set_allocation(g, r, Money::from_kronor(10), None)
        .unwrap();
    let opened = anna.entry(g, r).unwrap();
    assert!(opened.report.is_none());
    let day: chrono::NaiveDate = "2026-01-15".parse().unwrap();
    let mut b = opened.clone();
    b.report = Some(medel::domain::model::RecipientReport {
        reported_on: day,
        reason_unused: "ingen personal".into(),
        evaluation: "bra".into(),
    });
    bertil.save_entry(g, r, &opened, &b, false).unwrap();
    // Anna types an amount, and her form also fills in the same date.
    let mut a = opened.clone();
    a.spending[0].amount = Money::from_kronor(5);
    a.report = Some(medel::domain::model::RecipientReport {
        reported_on: day,
        reason_unused: String::new(),
        evaluation: String::new(),
    });
    let stored = anna.save_entry(g, r, &opened, &a, false).unwrap();
    let report = stored.report.unwrap();
    assert_eq!(
        (report.reason_unused.as_str(), report.evaluation.as_str()),
        ("ingen personal", "bra")
    );
    assert_eq!(stored.spending[0].amount, Money::from_kronor(5));
}

#[test]
fn overwriting_deliberately_keeps_the_other_sessions_other_fields() {
    let (_db, mut anna, mut bertil, g, r) = two_sessions();
    let opened = anna.entry(g, r).unwrap();
    let mut b = opened.clone();
    b.spending[0].amount = Money::from_kronor(200);
    b.spending[1].note = "bertils kurs".into();
    bertil.save_entry(g, r, &opened, &b, false).unwrap();
    let mut a = opened.clone();
    a.spending[0].amount = Money::from_kronor(300);
    assert!(
        anna.save_entry(g, r, &opened, &a, false).is_err(),
        "a conflict first"
    );
    let stored = anna.save_entry(g, r, &opened, &a, true).unwrap();
    assert_eq!(
        stored.spending[0].amount,
        Money::from_kronor(300),
        "mine wins where we both changed"
    );
    assert_eq!(
        stored.spending[1].note, "bertils kurs",
        "his other change stays"
    );
}
