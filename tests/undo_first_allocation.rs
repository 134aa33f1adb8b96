//! Undo of a recipient's first allocation: the recipient had no
//! allocation, which is not an allocation of zero (a zero would make it
//! "not reported" and raise a flag), so undo restores the absence.

mod support;

use chrono::NaiveDate;
use medel::domain::Lang;
use medel::store::GrantDraft;
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, recipient_id};
use support::ui::Ui;

#[test]
fn undo_of_a_first_allocation_leaves_no_allocation_at_all() {
    let db = Db::demo();
    let draft = GrantDraft::for_year("Tomt", "G", 2026).unwrap();
    let g = db.open().create_grant(&draft).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    let mut ui = Ui::on(db, Lang::En, today, Some(g));
    ui.keys("a");
    ui.keys("a1000"); // Bromma, first in the list
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Esc);
    let bromma = recipient_id(&ui.db(), "Bromma");
    assert!(ui.db().allocation(g, bromma).unwrap().is_some());
    ui.keys("u");
    let db = ui.db();
    assert_eq!(db.allocation(g, bromma).unwrap(), None, "absent, not 0.00");
    let s = db.grant_status(g, today).unwrap().1;
    assert!(s.recipients.is_empty(), "no recipient in the grant: {s:?}");
    let screen = ui.screen();
    assert!(screen.contains("┌ Recipients (0)"), "{screen}");
    assert!(!screen.contains("not reported"), "{screen}");
    let log = db.audit_log(Some(g), Some(bromma), 1).unwrap();
    assert_eq!((log[0].old.as_str(), log[0].new.as_str()), ("1000.00", ""));
}
