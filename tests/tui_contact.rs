//! The district's contact person in the spending form (issue 11): typed,
//! saved, shown again when the form reopens, and in `medel log`.

mod support;

use medel::domain::Lang;
use ratatui::crossterm::event::KeyCode;
use support::cli::{Sandbox, s};
use support::db::{current_grant, recipient_id, used};
use support::kr;
use support::ui::Ui;

/// Bromma's form, on its last field: the contact person.
fn on_contact(ui: &mut Ui) {
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::BackTab);
}

#[test]
fn a_contact_typed_in_the_form_is_saved_reopened_and_logged() {
    let mut ui = Ui::demo(Lang::Sv);
    on_contact(&mut ui);
    assert!(ui.screen().contains("Kontaktperson"), "{}", ui.screen());
    ui.keys("  Anna Berg ");
    ui.ctrl('s');
    let stored = {
        let db = ui.db();
        let (g, r) = (current_grant(&db), recipient_id(&db, "Bromma"));
        db.entry(g, r).unwrap().contact
    };
    assert_eq!(stored, "Anna Berg", "trimmed when saved");
    on_contact(&mut ui);
    assert!(
        ui.cursor_line().contains("Kontaktperson  ") && ui.cursor_line().contains("Anna Berg"),
        "{}",
        ui.screen()
    );
    let db = ui.close();
    let out = Sandbox::new().run_in(
        "sv_SE.UTF-8",
        &[
            "log",
            "--db",
            s(db.path()),
            "--recipient",
            "Bromma",
            "--limit",
            "1",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Bromma · Kontaktperson: – → Anna Berg"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_contact_is_kept_without_a_report() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter);
    // Bromma's report taken away: date, reason and evaluation emptied.
    for _ in 0..4 {
        ui.press(KeyCode::BackTab);
    }
    for _ in 0..3 {
        ui.ctrl('u');
        ui.press(KeyCode::Tab);
    }
    ui.keys("Per Ek");
    ui.ctrl('s');
    assert!(ui.error().is_empty(), "{}", ui.screen());
    let db = ui.db();
    let (g, r) = (current_grant(&db), recipient_id(&db, "Bromma"));
    let entry = db.entry(g, r).unwrap();
    assert_eq!(entry.contact, "Per Ek");
    assert!(entry.report.is_none(), "{:?}", entry.report);
}

/// A draft kept by the version before the contact field has one value
/// fewer: it still comes back, its figures with it.
#[test]
fn a_draft_from_before_the_contact_field_comes_back() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("4711");
    assert_eq!(ui.save_drafts(), 1);
    let mut store = ui.db();
    let draft = store.drafts().unwrap().remove(0);
    let mut body: serde_json::Value = serde_json::from_str(&draft.body).unwrap();
    body["values"].as_array_mut().unwrap().pop();
    store.delete_draft(draft.id).unwrap();
    let old = body.to_string();
    store
        .save_draft(&draft.kind, draft.grant_id, draft.recipient_id, &old)
        .unwrap();
    drop(store);
    let mut ui = ui.restart();
    ui.keys("y");
    assert_eq!(
        ui.row("1 Coordinated support for victims"),
        "4711",
        "{}",
        ui.screen()
    );
    ui.ctrl('s');
    assert_eq!(used(&ui.db(), "Bromma"), kr(4711));
}
