//! The README's promise: "a file locked longer than five seconds gives a
//! message, never a hang". In a test binary of its own, so that the five
//! seconds it really waits run beside the other test files, not in them.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use medel::domain::Lang;
use medel::store::{BUSY_TIMEOUT, StoreError};
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, current_grant, recipient_id, used};
use support::kr;
use support::ui::Ui;

/// Long enough to show the wait ended by itself, not by the test.
const NO_HANG: Duration = Duration::from_secs(15);

/// Another program's write lock on the file, until dropped.
fn lock(path: &Path) -> rusqlite::Connection {
    let other = rusqlite::Connection::open(path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    other
}

#[test]
fn the_wait_is_five_seconds() {
    assert_eq!(BUSY_TIMEOUT, Duration::from_secs(5));
}

#[test]
fn a_save_waits_five_seconds_for_a_lock_then_says_the_file_is_busy() {
    let db = Db::demo();
    let mut store = db.open();
    let g = current_grant(&store);
    let r = recipient_id(&store, "Bromma");
    let other = lock(db.path());
    let started = Instant::now();
    let err = store.set_allocation(g, r, kr(5), None).unwrap_err();
    let waited = started.elapsed();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the database is busy: another program holds a lock on it; try again in a moment"
    );
    assert!(waited >= Duration::from_secs(5), "gave up after {waited:?}");
    assert!(waited < NO_HANG, "waited {waited:?}");
    drop(other);
    store.set_allocation(g, r, kr(5), None).unwrap();
}

#[test]
fn the_app_shows_the_busy_message_after_five_seconds_and_keeps_the_form() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("4711");
    let other = lock(ui.db().path());
    let started = Instant::now();
    ui.ctrl('s');
    let waited = started.elapsed();
    assert_eq!(
        ui.error(),
        "databasen är upptagen: ett annat program håller ett lås på den; försök igen om en stund"
    );
    assert!(waited >= Duration::from_secs(5), "gave up after {waited:?}");
    assert!(waited < NO_HANG, "waited {waited:?}");
    drop(other);
    assert_eq!(used(&ui.db(), "Bromma"), kr(0), "nothing saved");
    ui.ctrl('s');
    assert_eq!(used(&ui.db(), "Bromma"), kr(4711), "the form was kept");
}
