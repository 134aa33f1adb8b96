//! Two sessions on one file, as two coordinators over SSH.

use std::time::{Duration, Instant};

use medel::domain::money::Money;
use medel::store::{Store, StoreError};

fn two_sessions() -> (tempfile::TempDir, Store, Store, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite");
    let mut anna = Store::open(&path).unwrap();
    anna.set_who("anna");
    let grant = medel::demo::write(&mut anna).unwrap();
    let mut bertil = Store::open(&path).unwrap();
    bertil.set_who("bertil");
    let bromma = anna.recipient_by_name("Bromma").unwrap().unwrap().id;
    (dir, anna, bertil, grant, bromma)
}

#[test]
fn the_second_save_of_the_same_cell_is_refused_and_nothing_is_lost() {
    let (_dir, mut anna, mut bertil, g, r) = two_sessions();
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
    let (_dir, mut anna, mut bertil, g, r) = two_sessions();
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
    let (_dir, mut anna, bertil, g, r) = two_sessions();
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
fn a_lock_held_too_long_gives_a_message_not_a_hang() {
    let (dir, mut anna, _bertil, g, r) = two_sessions();
    let other = rusqlite::Connection::open(dir.path().join("shared.sqlite")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    anna.set_busy_timeout(Duration::from_millis(300)).unwrap();
    let started = Instant::now();
    let err = anna
        .set_allocation(g, r, Money::from_kronor(5), None)
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err}");
    assert!(err.to_string().contains("busy"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
    other.execute_batch("ROLLBACK").unwrap();
    anna.set_allocation(g, r, Money::from_kronor(5), None)
        .unwrap();
}
