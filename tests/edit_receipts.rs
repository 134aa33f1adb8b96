//! A receipt or a repayment edited in the receipts view (`e`): saved
//! against what the form opened on, so a field someone else changed
//! meanwhile is refused (and overwritten only when the user says so);
//! logged, and undone with `u`.

mod support;

use medel::domain::Lang;
use medel::domain::money_back::RepaymentKind;
use medel::store::{NewReceipt, NewRepayment, Store};
use ratatui::crossterm::event::KeyCode;
use support::db::current_grant;
use support::ui::Ui;
use support::{d, kr};

/// The first receipt of the grant on screen, as stored.
fn first_receipt(db: &Store) -> medel::domain::model::Receipt {
    db.receipts(current_grant(db)).unwrap().remove(0)
}

fn values(r: &medel::domain::model::Receipt) -> NewReceipt {
    NewReceipt {
        date: r.date,
        amount: r.amount,
        kind: r.kind,
        note: r.note.clone(),
    }
}

/// Bertil, in a session of his own, saves `theirs` over receipt `was`.
fn bertil_saves(ui: &Ui, was: &medel::domain::model::Receipt, theirs: NewReceipt) {
    let mut bertil = ui.db_as("bertil");
    bertil
        .save_receipt(was.grant_id, was.id, &values(was), &theirs, false)
        .unwrap();
}

/// The receipts view of the grant on screen, on its first receipt, with
/// its form open.
fn edit_first_receipt(ui: &mut Ui) {
    ui.keys("gi");
    ui.press(KeyCode::Home);
    ui.keys("e");
}

/// Moves to the amount field of the receipt form and types `amount` over it.
fn type_amount(ui: &mut Ui, amount: &str) {
    ui.press(KeyCode::Down);
    ui.ctrl('u');
    ui.keys(amount);
}

#[test]
fn a_receipt_is_edited_logged_and_undone() {
    let mut ui = Ui::demo(Lang::En);
    let was = first_receipt(&ui.db());
    edit_first_receipt(&mut ui);
    let form = ui.screen();
    assert!(
        form.contains("┌ Edit receipt · Utvecklingsmedel VINR 2017 "),
        "{form}"
    );
    assert!(
        form.contains(&was.date.to_string()),
        "shows its values: {form}"
    );
    type_amount(&mut ui, "1000");
    ui.ctrl('s');
    assert_eq!(ui.message(), "Receipt changed: SEK 1,000");
    assert!(!ui.screen().contains("Edit receipt"), "{}", ui.screen());
    let db = ui.db();
    let now = first_receipt(&db);
    assert_eq!((now.id, now.amount, now.date), (was.id, kr(1000), was.date));
    let log = db.audit_log(Some(now.grant_id), None, 1).unwrap();
    assert_eq!(log[0].what, format!("receipt.{}.amount", was.id));
    assert_eq!(
        medel::i18n::changes::describe(&log[0].what, Lang::Sv),
        "Inbetalning: belopp"
    );
    assert_eq!(
        medel::i18n::changes::value(&log[0].what, &log[0].new, Lang::Sv),
        "1 000 kr"
    );
    ui.keys("u"); // one value: at once, from the receipts view
    assert_eq!(first_receipt(&ui.db()).amount, was.amount, "undone");
    assert!(
        ui.message()
            .starts_with(&format!("Undone: Receipt {}", was.date)),
        "{}",
        ui.message()
    );
    ui.ctrl('r');
    assert_eq!(first_receipt(&ui.db()).amount, kr(1000), "redone");
}

#[test]
fn an_edit_of_several_fields_asks_before_it_is_undone() {
    let mut ui = Ui::demo(Lang::Sv);
    let was = first_receipt(&ui.db());
    edit_first_receipt(&mut ui);
    type_amount(&mut ui, "1000");
    ui.press(KeyCode::Down); // the kind
    ui.press(KeyCode::Down); // the note
    ui.ctrl('u');
    ui.keys("rättad");
    ui.ctrl('s');
    let now = first_receipt(&ui.db());
    assert_eq!((now.amount, now.note.as_str()), (kr(1000), "rättad"));
    ui.keys("u");
    let q = ui.boxed("Fråga");
    assert!(
        q.starts_with(&format!(
            "Ångra hela det sparade formuläret för Inbetalning {}? Det tar tillbaka 2 värden:",
            was.date
        )),
        "{q}"
    );
    assert!(
        q.contains("Inbetalning: belopp, Inbetalning: anteckning."),
        "{q}"
    );
    ui.keys("j");
    assert_eq!(values(&first_receipt(&ui.db())), values(&was));
}

#[test]
fn a_field_someone_else_changed_meanwhile_is_refused_and_overwritten_only_on_yes() {
    let mut ui = Ui::demo(Lang::En);
    let was = first_receipt(&ui.db());
    edit_first_receipt(&mut ui);
    // Bertil changes the amount of the same receipt meanwhile.
    bertil_saves(
        &ui,
        &was,
        NewReceipt {
            amount: kr(5),
            ..values(&was)
        },
    );
    type_amount(&mut ui, "1000");
    ui.ctrl('s');
    let q = ui.boxed("Question");
    assert!(
        q.starts_with("Receipt: amount: someone else changed it to SEK 5 (bertil, "),
        "{q}"
    );
    assert!(q.contains("yours is SEK 1,000."), "{q}");
    ui.keys("n");
    assert_eq!(first_receipt(&ui.db()).amount, kr(5), "bertil's stays");
    assert!(ui.screen().contains("Edit receipt"), "the form stays open");
    ui.ctrl('s');
    ui.keys("y");
    assert_eq!(
        first_receipt(&ui.db()).amount,
        kr(1000),
        "overwritten on yes"
    );
}

#[test]
fn another_sessions_change_to_another_field_is_kept() {
    let mut ui = Ui::demo(Lang::En);
    let was = first_receipt(&ui.db());
    edit_first_receipt(&mut ui);
    bertil_saves(
        &ui,
        &was,
        NewReceipt {
            note: "från Bertil".into(),
            ..values(&was)
        },
    );
    type_amount(&mut ui, "1000");
    ui.ctrl('s');
    let now = first_receipt(&ui.db());
    assert_eq!((now.amount, now.note.as_str()), (kr(1000), "från Bertil"));
}

#[test]
fn a_receipt_of_a_reported_grant_is_not_edited() {
    let mut ui = Ui::demo(Lang::En);
    let mut db = ui.db();
    let g = current_grant(&db);
    db.set_grant_state(g, medel::domain::model::GrantState::Reported)
        .unwrap();
    ui.tick();
    edit_first_receipt(&mut ui);
    assert!(!ui.screen().contains("Edit receipt"), "{}", ui.screen());
    assert!(ui.error().contains("reopen"), "{}", ui.error());
}

/// Adds a repayment to the grant on screen in a session of its own.
fn repay(ui: &Ui) -> (i64, NewRepayment) {
    let mut db = ui.db();
    let r = NewRepayment {
        date: d("2026-02-01"),
        amount: kr(300),
        kind: RepaymentKind::Repayment,
        reference: "OCR 1".into(),
        note: String::new(),
    };
    let id = db.add_repayment(current_grant(&db), &r).unwrap();
    (id, r)
}

fn repayment(ui: &Ui, id: i64) -> NewRepayment {
    let db = ui.db();
    let r = db
        .repayments(current_grant(&db))
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap();
    NewRepayment {
        date: r.date,
        amount: r.amount,
        kind: r.kind,
        reference: r.reference,
        note: r.note,
    }
}

/// The receipts view on its last line, the repayment, with its form open.
fn edit_the_repayment(ui: &mut Ui) {
    ui.keys("gi");
    ui.press(KeyCode::End);
    ui.keys("e");
    assert!(
        ui.screen().contains("┌ Edit repayment · "),
        "{}",
        ui.screen()
    );
}

#[test]
fn a_repayment_is_edited_refused_on_a_clash_and_undone() {
    let mut ui = Ui::demo(Lang::En);
    let (id, was) = repay(&ui);
    ui.tick();
    edit_the_repayment(&mut ui);
    ui.press(KeyCode::Down); // amount
    ui.ctrl('u');
    ui.keys("250");
    ui.ctrl('s');
    assert_eq!(ui.message(), "Repayment changed: SEK 250");
    assert_eq!(repayment(&ui, id).amount, kr(250));
    ui.keys("u");
    assert_eq!(repayment(&ui, id), was, "undone");
    // A clash with another session's change of the reference.
    edit_the_repayment(&mut ui);
    let mut bertil = ui.db_as("bertil");
    let g = current_grant(&bertil);
    let theirs = NewRepayment {
        reference: "OCR 2".into(),
        ..was.clone()
    };
    bertil.save_repayment(g, id, &was, &theirs, false).unwrap();
    for _ in 0..3 {
        ui.press(KeyCode::Down); // the reference
    }
    ui.ctrl('u');
    ui.keys("OCR 3");
    ui.ctrl('s');
    let q = ui.boxed("Question");
    assert!(
        q.starts_with("Repayment: reference: someone else changed it to OCR 2 (bertil, "),
        "{q}"
    );
    ui.keys("n");
    assert_eq!(repayment(&ui, id).reference, "OCR 2");
}

#[test]
fn a_repayment_of_a_reported_grant_can_be_edited() {
    let mut ui = Ui::demo(Lang::En);
    let (id, _) = repay(&ui);
    let mut db = ui.db();
    db.set_grant_state(
        current_grant(&db),
        medel::domain::model::GrantState::Reported,
    )
    .unwrap();
    ui.tick();
    edit_the_repayment(&mut ui);
    for _ in 0..4 {
        ui.press(KeyCode::Down); // the note
    }
    ui.keys("betald");
    ui.ctrl('s');
    assert_eq!(repayment(&ui, id).note, "betald");
}

#[test]
fn a_receipt_edit_kept_as_a_draft_comes_back_as_an_edit_and_adds_nothing() {
    let mut ui = Ui::demo(Lang::En);
    let was = first_receipt(&ui.db());
    let count = ui.db().receipts(was.grant_id).unwrap().len();
    edit_first_receipt(&mut ui);
    type_amount(&mut ui, "1000");
    assert_eq!(ui.save_drafts(), 1);
    let mut ui = ui.restart();
    ui.keys("y");
    assert!(ui.screen().contains("┌ Edit receipt · "), "{}", ui.screen());
    ui.ctrl('s');
    let db = ui.db();
    assert_eq!(
        db.receipts(was.grant_id).unwrap().len(),
        count,
        "nothing added"
    );
    assert_eq!(first_receipt(&db).amount, kr(1000));
}

#[test]
fn an_untouched_edit_form_closes_without_asking() {
    let mut ui = Ui::demo(Lang::En);
    edit_first_receipt(&mut ui);
    ui.press(KeyCode::Esc);
    assert!(!ui.screen().contains("Edit receipt"), "{}", ui.screen());
    assert!(!ui.screen().contains("Question"), "{}", ui.screen());
}

#[test]
fn edit_receipt_form_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    edit_first_receipt(&mut ui);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn edit_receipt_form_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    edit_first_receipt(&mut ui);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn edit_repayment_form_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    repay(&ui);
    ui.tick();
    ui.keys("gi");
    ui.press(KeyCode::End);
    ui.keys("e");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn edit_repayment_form_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    repay(&ui);
    ui.tick();
    edit_the_repayment(&mut ui);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn undo_of_a_receipt_edit_never_overwrites_a_later_change_by_someone_else() {
    let mut ui = Ui::demo(Lang::En);
    let was = first_receipt(&ui.db());
    edit_first_receipt(&mut ui);
    type_amount(&mut ui, "1000");
    ui.ctrl('s');
    let edited = first_receipt(&ui.db());
    bertil_saves(
        &ui,
        &edited,
        NewReceipt {
            amount: kr(7),
            ..values(&edited)
        },
    );
    ui.tick();
    ui.keys("u");
    let error = ui.error();
    assert!(
        error.starts_with(
            "Cannot undo: Receipt: amount: someone else changed it to SEK 7 (bertil, "
        ),
        "{error}"
    );
    assert_eq!(first_receipt(&ui.db()).amount, kr(7), "bertil's stays");
    assert_ne!(was.amount, kr(7));
}
