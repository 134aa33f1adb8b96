//! `u` asks before undoing a whole saved form, and undoes one value at
//! once; `Ctrl-R` makes the undone change again, logged as a redo, and is
//! refused like an undo when someone else changed the value since.

mod support;

use medel::domain::Lang;
use medel::domain::money::Money;
use ratatui::crossterm::event::KeyCode;
use support::db::{audit_len, current_grant, recipient_id};
use support::kr;
use support::ui::Ui;

/// Bromma's spending per focus area, as stored.
fn bromma(ui: &Ui) -> Vec<Money> {
    let db = ui.db();
    let g = current_grant(&db);
    let entry = db.entry(g, recipient_id(&db, "Bromma")).unwrap();
    entry.spending.iter().map(|s| s.amount).collect()
}

/// Saves Bromma's form with 100 on area 1 and 7 on area 2: one save, two values.
fn save_two_values(ui: &mut Ui) {
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("100");
    ui.press(KeyCode::Enter);
    ui.keys("7");
    ui.ctrl('s');
    assert_eq!(bromma(ui)[..2], [kr(100), kr(7)]);
}

fn assert_nothing_to_redo(ui: &Ui) {
    let said = ui.message();
    assert!(said.starts_with("Nothing to redo"), "{said}");
}

#[test]
fn undo_of_a_whole_form_asks_first_saying_how_many_values_and_which() {
    let mut ui = Ui::demo(Lang::En);
    save_two_values(&mut ui);
    let log = audit_len(&ui.db());
    ui.keys("u");
    let q = ui.boxed("Question");
    assert!(
        q.starts_with("Undo the whole form saved for Bromma? It takes back 2 values:"),
        "{q}"
    );
    assert!(
        q.contains("Focus area 1: amount, Focus area 2: amount."),
        "{q}"
    );
    ui.keys("n");
    assert_eq!(bromma(&ui)[..2], [kr(100), kr(7)], "no keeps the form");
    assert_eq!(audit_len(&ui.db()), log, "and writes nothing");
    ui.keys("u");
    ui.keys("y");
    assert_eq!(bromma(&ui)[..2], [Money::ZERO, Money::ZERO], "both undone");
    assert_eq!(ui.message(), "Undone: Bromma (Utvecklingsmedel VINR 2017)");
    assert_eq!(audit_len(&ui.db()), log + 2);
}

#[test]
fn the_question_is_in_swedish_too() {
    let mut ui = Ui::demo(Lang::Sv);
    save_two_values(&mut ui);
    ui.keys("u");
    let q = ui.boxed("Fråga");
    assert!(
        q.starts_with("Ångra hela det sparade formuläret för Bromma? Det tar tillbaka 2 värden:"),
        "{q}"
    );
    ui.keys("j");
    assert_eq!(bromma(&ui)[..2], [Money::ZERO, Money::ZERO]);
}

#[test]
fn one_value_is_undone_at_once() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("250");
    ui.ctrl('s');
    ui.keys("u");
    assert!(!ui.screen().contains("Question"), "{}", ui.screen());
    assert_eq!(bromma(&ui)[0], Money::ZERO);
}

#[test]
fn ctrl_r_redoes_what_was_undone_and_the_log_says_so() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("a1"); // Bromma's allocation, from 180,000 to 1
    ui.press(KeyCode::Enter);
    ui.ctrl('r');
    assert_nothing_to_redo(&ui);
    ui.keys("u");
    let db = ui.db();
    let (g, b) = (current_grant(&db), recipient_id(&db, "Bromma"));
    assert_eq!(db.allocation(g, b).unwrap(), Some(kr(180_000)));
    ui.ctrl('r');
    assert_eq!(ui.message(), "Redone: Bromma (Utvecklingsmedel VINR 2017)");
    assert_eq!(ui.db().allocation(g, b).unwrap(), Some(kr(1)));
    let log = ui.db().audit_log(Some(g), Some(b), 2).unwrap();
    assert_eq!(
        (
            log[0].what.as_str(),
            log[0].old.as_str(),
            log[0].new.as_str()
        ),
        ("redo:allocation", "180000.00", "1.00")
    );
    assert_eq!(log[1].what, "undo:allocation");
    assert_eq!(
        medel::i18n::changes::describe(&log[0].what, Lang::Sv),
        "Gjort om: Fördelning"
    );
    // The redone change can be undone again, and redone again.
    ui.keys("u");
    assert_eq!(ui.db().allocation(g, b).unwrap(), Some(kr(180_000)));
    ui.ctrl('r');
    assert_eq!(ui.db().allocation(g, b).unwrap(), Some(kr(1)));
    ui.ctrl('r');
    assert_nothing_to_redo(&ui);
}

#[test]
fn a_redo_of_a_whole_form_brings_back_every_value() {
    let mut ui = Ui::demo(Lang::En);
    save_two_values(&mut ui);
    ui.keys("uy");
    ui.ctrl('r');
    assert_eq!(bromma(&ui)[..2], [kr(100), kr(7)]);
}

#[test]
fn a_new_change_ends_what_can_be_redone() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("a1");
    ui.press(KeyCode::Enter);
    ui.keys("u");
    ui.keys("j"); // Bromma → the next recipient
    ui.keys("a2");
    ui.press(KeyCode::Enter);
    ui.ctrl('r');
    assert_nothing_to_redo(&ui);
}

#[test]
fn redo_never_overwrites_a_value_another_session_changed_since() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("a1");
    ui.press(KeyCode::Enter);
    ui.keys("u");
    let mut bertil = ui.db_as("bertil");
    let g = current_grant(&bertil);
    let b = recipient_id(&bertil, "Bromma");
    bertil
        .set_allocation(g, b, kr(5), Some(kr(180_000)))
        .unwrap();
    ui.tick();
    let log = audit_len(&ui.db());
    ui.ctrl('r');
    let error = ui.error();
    assert!(
        error.starts_with("Cannot redo: Allocation: someone else changed it to SEK 5 (bertil, ")
            && error.ends_with("); yours is SEK 1."),
        "{error}"
    );
    assert_eq!(
        ui.db().allocation(g, b).unwrap(),
        Some(kr(5)),
        "bertil's stays"
    );
    assert_eq!(audit_len(&ui.db()), log, "nothing was written");
    ui.ctrl('r');
    assert_nothing_to_redo(&ui);
}

#[test]
fn the_help_lists_undo_and_redo() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("?");
    let text = ui.screen_at(100, 120);
    assert!(text.contains("Ctrl-R"), "{text}");
    assert!(text.contains("redo what was undone"), "{text}");
}

#[test]
fn undo_form_question_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    save_two_values(&mut ui);
    ui.keys("u");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn undo_form_question_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    save_two_values(&mut ui);
    ui.keys("u");
    insta::assert_snapshot!(ui.screen());
}
