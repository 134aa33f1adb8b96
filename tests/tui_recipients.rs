//! The recipients view driven by keys on the demo data: adding, renaming,
//! retiring and allocating, checked on screen and in the database; and
//! snapshots of the view and its form.

mod support;

use medel::domain::Lang;
use medel::domain::model::RecipientKind;
use medel::i18n::screen::{EN, SV};
use medel::i18n::screen_phrases::retired_refusal;
use ratatui::crossterm::event::KeyCode;
use support::db::{audit_len, current_grant, recipient_id};
use support::ui::Ui;
use support::{kr, today};

/// The demo in Swedish, on a screen wide enough for every name.
fn demo_sv() -> Ui {
    let mut ui = Ui::demo(Lang::Sv);
    ui.resize(120, 40);
    ui
}

/// Selects a recipient in the recipients view by moving down to it.
fn select(ui: &mut Ui, name: &str) {
    ui.press(KeyCode::Home);
    for _ in 0..20 {
        if ui.selected() == name {
            return;
        }
        ui.press(KeyCode::Down);
    }
    panic!("{name} is not in the recipients view:\n{}", ui.screen());
}

/// The names in the main table, top to bottom.
fn main_line_names(ui: &Ui) -> Vec<String> {
    let screen = ui.screen();
    assert!(screen.contains("┌ Mottagare ("), "the main view:\n{screen}");
    screen
        .lines()
        .skip(3)
        .take_while(|l| !l.starts_with('└'))
        .map(|l| l.trim_start_matches('│'))
        .map(|l| l.split("  ").next().unwrap_or_default().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

fn is_retired(ui: &Ui, name: &str) -> bool {
    ui.db().recipient_by_name(name).unwrap().unwrap().retired
}

/// The last line: the keys the footer offers.
fn footer(ui: &Ui) -> String {
    ui.screen().lines().last().unwrap_or_default().to_string()
}

#[test]
fn m_opens_every_recipient_and_esc_goes_back() {
    let mut ui = demo_sv();
    ui.keys("m");
    assert!(
        ui.screen().contains("┌ Alla mottagare (15) "),
        "{}",
        ui.screen()
    );
    assert_eq!(ui.selected(), "Bromma");
    ui.keys("j");
    assert_eq!(ui.selected(), "Enheten för hemlösa");
    ui.press(KeyCode::Esc);
    assert_eq!(main_line_names(&ui).len(), 15);
}

#[test]
fn a_recipient_is_added_by_typing() {
    let mut ui = demo_sv();
    let before = audit_len(&ui.db());
    ui.keys("mn");
    ui.keys("Vinterviken");
    ui.press(KeyCode::Tab);
    ui.keys("Vintervikens enhet");
    assert!(!footer(&ui).contains("nästa val"), "{}", footer(&ui));
    ui.press(KeyCode::Enter);
    assert!(
        footer(&ui).contains("nästa val"),
        "on the choice: {}",
        footer(&ui)
    );
    ui.press(KeyCode::Right);
    assert!(ui.row("Typ").contains("◂ enhet ▸"), "{}", ui.screen());
    // Enter on the last field saves.
    ui.press(KeyCode::Enter);
    assert_eq!(ui.message(), "Mottagaren tillagd: Vinterviken");
    assert_eq!(ui.selected(), "Vinterviken");
    let r = ui.db().recipient_by_name("Vinterviken").unwrap().unwrap();
    assert_eq!(r.formal_name, "Vintervikens enhet");
    assert_eq!(r.kind, RecipientKind::Unit);
    assert!(!r.retired);
    assert_eq!(audit_len(&ui.db()), before + 1);
    assert!(
        ui.screen().contains("┌ Alla mottagare (16) "),
        "{}",
        ui.screen()
    );
}

#[test]
fn a_taken_or_empty_name_is_refused_and_nothing_is_written() {
    let mut ui = Ui::demo(Lang::Sv);
    let before = audit_len(&ui.db());
    ui.keys("mn");
    // Case does not make a second Bromma.
    ui.keys("bromma");
    let error = |text: &str| format!("↳ {text}");
    assert_eq!(ui.under("Namn"), error(SV.name_taken));
    ui.ctrl('s');
    assert_eq!(ui.under("Namn"), error(SV.name_taken));
    assert_eq!(ui.message(), SV.fix_errors);
    assert!(ui.screen().contains(SV.name_taken));
    ui.press(KeyCode::Backspace);
    ui.ctrl('u');
    ui.ctrl('s');
    assert_eq!(ui.under("Namn"), error(SV.name_empty));
    assert_eq!(audit_len(&ui.db()), before);
    assert_eq!(ui.db().recipients(true).unwrap().len(), 15);
    // Esc on a changed form asks; no closes the question, not the form.
    ui.keys("x");
    ui.press(KeyCode::Esc);
    assert!(ui.screen().contains("┌ Fråga"), "{}", ui.screen());
    ui.keys("n");
    assert!(!ui.screen().contains("┌ Fråga"), "{}", ui.screen());
    assert_eq!(ui.row("Namn"), "x");
}

#[test]
fn the_store_refusal_shows_under_the_name_when_another_session_took_it() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("mn");
    // Added after the form opened, so the check while typing misses it.
    ui.db_as("bertil")
        .add_recipient("Vinterviken", "", RecipientKind::Other)
        .unwrap();
    let before = audit_len(&ui.db());
    ui.keys("Vinterviken");
    assert_eq!(ui.under("Name"), "", "no error yet");
    ui.ctrl('s');
    assert_eq!(ui.under("Name"), format!("↳ {}", EN.name_taken));
    assert_eq!(ui.message(), EN.fix_errors);
    assert_eq!(audit_len(&ui.db()), before);
}

#[test]
fn rename_changes_the_name_everywhere() {
    let mut ui = demo_sv();
    let before = audit_len(&ui.db());
    ui.keys("m");
    select(&mut ui, "Älvsjö");
    ui.keys("e");
    assert_eq!(ui.row("Namn"), "Älvsjö");
    // A name is text: typing adds to it.
    ui.keys("-Liseberg");
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter);
    assert_eq!(ui.message(), "Namnet ändrat: Älvsjö → Älvsjö-Liseberg");
    let db = ui.db();
    let r = db.recipient_by_name("Älvsjö-Liseberg").unwrap().unwrap();
    assert_eq!(r.formal_name, "Älvsjö stadsdelsnämnd");
    assert!(db.recipient_by_name("Älvsjö").unwrap().is_none());
    assert_eq!(audit_len(&db), before + 1);
    assert_eq!(ui.selected(), "Älvsjö-Liseberg");
    ui.press(KeyCode::Esc);
    assert!(main_line_names(&ui).contains(&"Älvsjö-Liseberg".to_string()));
    assert!(!main_line_names(&ui).contains(&"Älvsjö".to_string()));
}

#[test]
fn renaming_to_a_taken_name_is_refused() {
    let mut ui = demo_sv();
    let before = audit_len(&ui.db());
    ui.keys("m");
    select(&mut ui, "Älvsjö");
    ui.press(KeyCode::Enter);
    ui.ctrl('u');
    ui.keys("Farsta");
    ui.ctrl('s');
    assert_eq!(ui.under("Namn"), format!("↳ {}", SV.name_taken));
    assert_eq!(audit_len(&ui.db()), before);
    // Its own name in other case is no clash.
    ui.ctrl('u');
    ui.keys("ÄLVSJÖ");
    assert_eq!(ui.under("Namn"), "");
}

#[test]
fn retire_asks_keeps_history_and_the_allocation_popup_refuses_it() {
    let mut ui = demo_sv();
    let before = audit_len(&ui.db());
    ui.keys("m");
    select(&mut ui, "Bromma");
    ui.keys("x");
    assert!(ui.screen().contains("┌ Fråga"), "{}", ui.screen());
    ui.keys("n");
    assert!(!is_retired(&ui, "Bromma"));
    ui.keys("xj");
    assert!(is_retired(&ui, "Bromma"));
    assert_eq!(audit_len(&ui.db()), before + 1);
    assert!(ui.screen_at(80, 24).contains("avvecklad"));
    let refusal = retired_refusal("Bromma", Lang::Sv);
    ui.keys("a");
    let screen = ui.screen();
    assert!(
        screen.contains("┌ Alla mottagare (15) ") && !screen.contains("┌ Fördela"),
        "{screen}"
    );
    assert_eq!(ui.message(), refusal);

    // History kept: still in the grant with its figures.
    ui.press(KeyCode::Esc);
    assert_eq!(main_line_names(&ui)[0], "Bromma");
    assert!(ui.row("Bromma").starts_with("180 000 "), "{}", ui.screen());
    ui.keys("a");
    let screen = ui.screen();
    assert!(
        screen.contains("┌ Mottagare (15) ") && !screen.contains("┌ Fördela"),
        "{screen}"
    );
    assert_eq!(ui.message(), refusal);
    assert_eq!(audit_len(&ui.db()), before + 1);

    // Restored, it can get money again.
    ui.keys("mxy");
    assert!(!is_retired(&ui, "Bromma"));
    ui.keys("a");
    assert!(
        ui.screen().contains("┌ Fördela · Bromma "),
        "{}",
        ui.screen()
    );
}

#[test]
fn a_new_recipient_gets_money_and_appears_in_the_main_table() {
    let mut ui = demo_sv();
    let grant = current_grant(&ui.db());
    let allocated_before = ui.db().grant_status(grant, today()).unwrap().1.allocated;
    ui.keys("mn");
    ui.keys("Vinterviken");
    ui.ctrl('s');
    ui.press(KeyCode::Esc);
    assert!(!main_line_names(&ui).contains(&"Vinterviken".to_string()));
    ui.keys("m");
    select(&mut ui, "Vinterviken");
    ui.keys("a");
    assert!(
        ui.screen().contains("┌ Fördela · Vinterviken "),
        "{}",
        ui.screen()
    );
    ui.keys("50 000");
    ui.press(KeyCode::Enter);
    assert_eq!(
        ui.message(),
        "Fördelningen ändrad: Vinterviken – → 50 000 kr"
    );
    assert!(
        ui.selected_row().contains(" 50 000"),
        "{}",
        ui.selected_row()
    );
    ui.press(KeyCode::Esc);
    assert!(main_line_names(&ui).contains(&"Vinterviken".to_string()));
    let allocated = (allocated_before + kr(50_000)).format(Lang::Sv);
    assert!(
        ui.screen()
            .lines()
            .any(|l| l.contains("│Fördelat ") && l.ends_with(&format!(" {allocated}│"))),
        "{}",
        ui.screen()
    );
    let db = ui.db();
    let id = recipient_id(&db, "Vinterviken");
    assert_eq!(db.allocation(grant, id).unwrap(), Some(kr(50_000)));
}

#[test]
fn help_lists_the_new_keys() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("m?");
    // Tall enough for the whole help without scrolling.
    let text = ui.screen_at(100, 120);
    for wanted in [EN.contexts[9], EN.context_matrix, "next choice"] {
        assert!(text.contains(wanted), "{wanted} missing from\n{text}");
    }
}

#[test]
fn recipients_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("m");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn recipients_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("mjx");
    ui.press(KeyCode::Char('y'));
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn recipient_form_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("mn");
    ui.keys("Farsta");
    ui.press(KeyCode::Tab);
    ui.press(KeyCode::Tab);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn recipient_form_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("m");
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn matrix_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("t");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn matrix_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("tG");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn matrix_sv_120x40() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("t");
    insta::assert_snapshot!(ui.screen_at(120, 40));
}

#[test]
fn matrix_en_120x40() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("t");
    insta::assert_snapshot!(ui.screen_at(120, 40));
}
