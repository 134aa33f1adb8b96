//! Two coordinators editing the same stored thing in two sessions of the
//! app at once: each form saves what it changed, field by field, over what
//! is stored; a field the other changed meanwhile is refused, naming their
//! value, who and when, and nothing typed is lost.

mod support;

use medel::domain::Lang;
use medel::domain::money::Money;
use ratatui::crossterm::event::KeyCode;
use support::db::{current_grant, recipient_id};
use support::ui::Ui;

/// Anna's session and Bertil's, on one file with the demo data.
fn anna_and_bertil() -> (Ui, Ui) {
    let anna = Ui::demo(Lang::En).restart_as("anna");
    let bertil = anna.beside("bertil");
    (anna, bertil)
}

/// In the grant form: moves `tabs` fields down, clears it and types `text`.
fn retype(ui: &mut Ui, tabs: usize, text: &str) {
    for _ in 0..tabs {
        ui.press(KeyCode::Tab);
    }
    ui.ctrl('u');
    ui.keys(text);
}

/// The question on screen, if one is.
fn question(ui: &Ui) -> String {
    if ui.screen().contains("┌ Question") {
        ui.boxed("Question")
    } else {
        String::new()
    }
}

#[test]
fn a_grant_edited_in_two_sessions_keeps_both_changes() {
    let (mut anna, mut bertil) = anna_and_bertil();
    let id = current_grant(&anna.db());
    anna.keys("ge");
    bertil.keys("ge");
    retype(&mut anna, 1, "Länsstyrelsen");
    retype(&mut bertil, 5, "2018-04-30");
    anna.ctrl('s');
    assert_eq!(anna.error(), "", "{}", anna.screen());
    bertil.ctrl('s');
    assert_eq!(bertil.error(), "", "{}", bertil.screen());
    assert_eq!(question(&bertil), "", "no question: the fields differ");
    let g = anna.db().grant(id).unwrap();
    assert_eq!(g.giver, "Länsstyrelsen", "anna's giver is not put back");
    assert_eq!(g.report_due.to_string(), "2018-04-30");
}

#[test]
fn the_same_grant_field_changed_in_two_sessions_is_refused_then_overwritten_on_yes() {
    let (mut anna, mut bertil) = anna_and_bertil();
    let id = current_grant(&anna.db());
    anna.keys("ge");
    bertil.keys("ge");
    retype(&mut anna, 1, "Länsstyrelsen");
    retype(&mut bertil, 1, "Folkhälsomyndigheten");
    retype(&mut bertil, 4, "2018-04-30");
    anna.ctrl('s');
    bertil.ctrl('s');
    let asked = question(&bertil);
    assert!(asked.contains("Länsstyrelsen"), "their value: {asked}");
    assert!(asked.contains("anna"), "who: {asked}");
    assert!(asked.contains("Folkhälsomyndigheten"), "mine: {asked}");
    let g = anna.db().grant(id).unwrap();
    assert_eq!(
        g.giver, "Länsstyrelsen",
        "refused: nothing of bertil's written"
    );
    assert_eq!(g.report_due.to_string(), "2018-03-31");
    bertil.keys("n");
    assert!(
        bertil.screen().contains("┌ Edit grant"),
        "{}",
        bertil.screen()
    );
    bertil.ctrl('s');
    bertil.keys("y");
    let g = anna.db().grant(id).unwrap();
    assert_eq!(
        (g.giver.as_str(), g.report_due.to_string()),
        ("Folkhälsomyndigheten", "2018-04-30".to_string()),
        "overwritten deliberately"
    );
}

/// Opens the rename form of `name` in the recipients view.
fn rename(ui: &mut Ui, name: &str) {
    ui.keys("m");
    while ui.selected() != name {
        ui.keys("j");
    }
    ui.keys("e");
}

#[test]
fn a_recipient_renamed_in_two_sessions_keeps_both_changes() {
    let (mut anna, mut bertil) = anna_and_bertil();
    let r = recipient_id(&anna.db(), "Älvsjö");
    rename(&mut anna, "Älvsjö");
    rename(&mut bertil, "Älvsjö");
    anna.keys("-Liseberg");
    bertil.press(KeyCode::Tab);
    bertil.ctrl('u');
    bertil.keys("Älvsjö-Liseberg nämnd");
    anna.ctrl('s');
    bertil.ctrl('s');
    assert_eq!(question(&bertil), "");
    let now = anna.db().recipient(r).unwrap();
    assert_eq!(now.name, "Älvsjö-Liseberg", "anna's new name stands");
    assert_eq!(now.formal_name, "Älvsjö-Liseberg nämnd");
}

#[test]
fn the_same_name_changed_in_two_sessions_is_refused() {
    let (mut anna, mut bertil) = anna_and_bertil();
    let r = recipient_id(&anna.db(), "Älvsjö");
    rename(&mut anna, "Älvsjö");
    rename(&mut bertil, "Älvsjö");
    anna.keys("-Liseberg");
    bertil.keys("-Hagsätra");
    anna.ctrl('s');
    bertil.ctrl('s');
    let asked = question(&bertil);
    assert!(asked.contains("Älvsjö-Liseberg"), "{asked}");
    assert!(asked.contains("anna"), "{asked}");
    assert_eq!(anna.db().recipient(r).unwrap().name, "Älvsjö-Liseberg");
    bertil.keys("y");
    assert_eq!(anna.db().recipient(r).unwrap().name, "Älvsjö-Hagsätra");
}

#[test]
fn an_allocation_changed_in_two_sessions_is_refused_and_the_first_stands() {
    let (mut anna, mut bertil) = anna_and_bertil();
    let (g, r) = (
        current_grant(&anna.db()),
        recipient_id(&anna.db(), "Bromma"),
    );
    anna.keys("a");
    bertil.keys("a");
    anna.ctrl('u');
    anna.keys("100000\n");
    bertil.ctrl('u');
    bertil.keys("200000\n");
    let asked = question(&bertil);
    assert!(
        asked.contains("100,000") && asked.contains("anna"),
        "{asked}"
    );
    assert_eq!(
        anna.db().allocation(g, r).unwrap(),
        Some(Money::from_kronor(100_000))
    );
    bertil.keys("y");
    assert_eq!(
        anna.db().allocation(g, r).unwrap(),
        Some(Money::from_kronor(200_000)),
        "overwritten deliberately"
    );
}

#[test]
fn receipts_added_in_two_sessions_both_count() {
    let (mut anna, mut bertil) = anna_and_bertil();
    let g = current_grant(&anna.db());
    let before = anna.db().receipts(g).unwrap().len();
    for ui in [&mut anna, &mut bertil] {
        ui.keys("gin");
    }
    for (ui, amount) in [(&mut anna, "1000"), (&mut bertil, "2000")] {
        ui.press(KeyCode::Tab);
        ui.keys(amount);
        ui.ctrl('s');
    }
    let receipts = anna.db().receipts(g).unwrap();
    assert_eq!(receipts.len(), before + 2, "{}", bertil.screen());
}

#[test]
fn two_edits_that_each_keep_the_rules_but_not_together_are_refused() {
    let db = support::db::Db::demo();
    let (mut anna, mut bertil) = (db.open_as("anna"), db.open_as("bertil"));
    let id = current_grant(&anna);
    let opened = medel::store::draft_of(&anna.grant(id).unwrap());
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    // Anna lets the money be used until the end of March; Bertil moves the
    // report to January. Each is a valid grant; merged, the report would
    // be due before the money may no longer be used.
    let mut a = opened.clone();
    a.use_until = day("2018-03-31");
    anna.save_grant(id, &opened, &a, false).unwrap();
    let mut b = opened.clone();
    b.report_due = day("2018-01-31");
    assert!(b.check().is_ok(), "bertil's grant alone keeps the rules");
    let refused = bertil.save_grant(id, &opened, &b, false).unwrap_err();
    assert!(
        matches!(refused, medel::store::StoreError::Grant(_)),
        "due before use ends: {refused}"
    );
    let g = anna.grant(id).unwrap();
    assert_eq!(
        g.report_due.to_string(),
        "2018-03-31",
        "nothing of bertil's"
    );
    assert_eq!(g.use_until.to_string(), "2018-03-31");
}

#[test]
fn a_restored_grant_draft_still_merges_against_what_it_was_opened_on() {
    let mut anna = Ui::demo(Lang::En).restart_as("anna");
    let id = current_grant(&anna.db());
    anna.keys("ge");
    retype(&mut anna, 1, "Länsstyrelsen");
    assert_eq!(anna.save_drafts(), 1);
    // While anna is away, bertil changes the same field.
    let mut bertil = anna.db_as("bertil");
    let opened = medel::store::draft_of(&bertil.grant(id).unwrap());
    let mut b = opened.clone();
    b.giver = "Folkhälsomyndigheten".into();
    bertil.save_grant(id, &opened, &b, false).unwrap();
    let mut anna = anna.restart();
    anna.keys("y");
    assert!(anna.screen().contains("┌ Edit grant"), "{}", anna.screen());
    anna.ctrl('s');
    let asked = question(&anna);
    assert!(asked.contains("Folkhälsomyndigheten"), "{asked}");
    assert_eq!(anna.db().grant(id).unwrap().giver, "Folkhälsomyndigheten");
}

#[test]
fn the_refusal_is_worded_in_swedish_too() {
    let anna = Ui::demo(Lang::Sv).restart_as("anna");
    let mut bertil = anna.beside("bertil");
    let mut anna = anna;
    anna.keys("ge");
    bertil.keys("ge");
    retype(&mut anna, 1, "Länsstyrelsen");
    retype(&mut bertil, 1, "Folkhälsomyndigheten");
    anna.ctrl('s');
    bertil.ctrl('s');
    let asked = bertil.boxed("Fråga");
    assert!(asked.contains("någon annan har ändrat till"), "{asked}");
    assert!(asked.contains("stanna i formuläret"), "{asked}");
}
