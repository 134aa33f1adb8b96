//! The recipients view driven by keys on the demo data: adding, renaming,
//! retiring and allocating, checked on screen state and in the database;
//! and snapshots of the view and its form.

mod tui_support;

use medel::domain::Lang;
use medel::domain::model::RecipientKind;
use medel::domain::money::Money;
use medel::i18n::screen::{EN, SV};
use medel::i18n::screen_phrases::retired_refusal;
use medel::tui::App;
use medel::tui::app::Screen;
use medel::tui::screens::RecipientForm;
use medel::tui::screens::RecipientsState;
use ratatui::crossterm::event::KeyCode;
use tui_support::{audit_count, ctrl, demo_app, keys, message, press, screen};

fn view(app: &App) -> &RecipientsState {
    match app.screens.last() {
        Some(Screen::Recipients(v)) => v,
        _ => panic!("the recipients view is not on top"),
    }
}

fn form(app: &App) -> &RecipientForm {
    match app.screens.last() {
        Some(Screen::RecipientForm(f)) => f,
        _ => panic!("the recipient form is not on top"),
    }
}

fn selected_name(app: &App) -> String {
    view(app).selected_row().unwrap().recipient.name.clone()
}

/// Selects a recipient in the recipients view by moving down to it.
fn select(app: &mut App, name: &str) {
    press(app, KeyCode::Home);
    for _ in 0..view(app).rows.len() {
        if selected_name(app) == name {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("{name} is not in the recipients view");
}

fn main_line_names(app: &App) -> Vec<String> {
    let d = app.ctx.grant.as_ref().unwrap();
    app.main
        .list
        .rows
        .iter()
        .map(|&i| d.status.recipients[i].name.clone())
        .collect()
}

#[test]
fn m_opens_every_recipient_and_esc_goes_back() {
    let mut app = demo_app(Lang::Sv);
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(view(&app).rows.len(), 15);
    assert_eq!(selected_name(&app), "Bromma");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_name(&app), "Enheten för hemlösa");
    press(&mut app, KeyCode::Esc);
    assert!(app.screens.is_empty());
}

#[test]
fn a_recipient_is_added_by_typing() {
    let mut app = demo_app(Lang::Sv);
    let before = audit_count(&app);
    keys(&mut app, "mn");
    keys(&mut app, "Vinterviken");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "Vintervikens enhet");
    press(&mut app, KeyCode::Enter);
    assert!(form(&app).on_choice());
    press(&mut app, KeyCode::Right);
    assert_eq!(form(&app).kind, RecipientKind::Unit);
    // Enter on the last field saves.
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Mottagaren tillagd: Vinterviken");
    assert_eq!(selected_name(&app), "Vinterviken");
    let r = app
        .ctx
        .store
        .recipient_by_name("Vinterviken")
        .unwrap()
        .unwrap();
    assert_eq!(r.formal_name, "Vintervikens enhet");
    assert_eq!(r.kind, RecipientKind::Unit);
    assert!(!r.retired);
    assert_eq!(audit_count(&app), before + 1);
    assert_eq!(view(&app).rows.len(), 16);
}

#[test]
fn a_taken_or_empty_name_is_refused_and_nothing_is_written() {
    let mut app = demo_app(Lang::Sv);
    let before = audit_count(&app);
    keys(&mut app, "mn");
    // Case does not make a second Bromma.
    keys(&mut app, "bromma");
    assert_eq!(form(&app).name_error.as_deref(), Some(SV.name_taken));
    ctrl(&mut app, 's');
    assert_eq!(form(&app).name_error.as_deref(), Some(SV.name_taken));
    assert_eq!(message(&app), SV.fix_errors);
    assert!(screen(&app, 80, 24).contains(SV.name_taken));
    press(&mut app, KeyCode::Backspace);
    ctrl(&mut app, 'u');
    ctrl(&mut app, 's');
    assert_eq!(form(&app).name_error.as_deref(), Some(SV.name_empty));
    assert_eq!(audit_count(&app), before);
    assert_eq!(app.ctx.store.recipients(true).unwrap().len(), 15);
    // Esc on a changed form asks; no closes the question, not the form.
    keys(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screens.last(), Some(Screen::Question(_))));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(form(&app).name.value(), "x");
}

#[test]
fn the_store_refusal_shows_under_the_name_when_another_session_took_it() {
    let mut app = demo_app(Lang::En);
    keys(&mut app, "mn");
    // Added after the form opened, so the check while typing misses it.
    app.ctx
        .store
        .add_recipient("Vinterviken", "", RecipientKind::Other)
        .unwrap();
    let before = audit_count(&app);
    keys(&mut app, "Vinterviken");
    assert_eq!(form(&app).name_error, None);
    ctrl(&mut app, 's');
    assert_eq!(form(&app).name_error.as_deref(), Some(EN.name_taken));
    assert_eq!(message(&app), EN.fix_errors);
    assert_eq!(audit_count(&app), before);
}

#[test]
fn rename_changes_the_name_everywhere() {
    let mut app = demo_app(Lang::Sv);
    let before = audit_count(&app);
    press(&mut app, KeyCode::Char('m'));
    select(&mut app, "Älvsjö");
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(form(&app).name.value(), "Älvsjö");
    // A name is text: typing adds to it.
    keys(&mut app, "-Liseberg");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Namnet ändrat: Älvsjö → Älvsjö-Liseberg");
    let r = app
        .ctx
        .store
        .recipient_by_name("Älvsjö-Liseberg")
        .unwrap()
        .unwrap();
    assert_eq!(r.formal_name, "Älvsjö stadsdelsnämnd");
    assert!(app.ctx.store.recipient_by_name("Älvsjö").unwrap().is_none());
    assert_eq!(audit_count(&app), before + 1);
    assert_eq!(selected_name(&app), "Älvsjö-Liseberg");
    press(&mut app, KeyCode::Esc);
    assert!(main_line_names(&app).contains(&"Älvsjö-Liseberg".to_string()));
    assert!(!main_line_names(&app).contains(&"Älvsjö".to_string()));
}

#[test]
fn renaming_to_a_taken_name_is_refused() {
    let mut app = demo_app(Lang::Sv);
    let before = audit_count(&app);
    press(&mut app, KeyCode::Char('m'));
    select(&mut app, "Älvsjö");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    keys(&mut app, "Farsta");
    ctrl(&mut app, 's');
    assert_eq!(form(&app).name_error.as_deref(), Some(SV.name_taken));
    assert_eq!(audit_count(&app), before);
    // Its own name in other case is no clash.
    ctrl(&mut app, 'u');
    keys(&mut app, "ÄLVSJÖ");
    assert_eq!(form(&app).name_error, None);
}

#[test]
fn retire_asks_keeps_history_and_the_allocation_popup_refuses_it() {
    let mut app = demo_app(Lang::Sv);
    let before = audit_count(&app);
    press(&mut app, KeyCode::Char('m'));
    select(&mut app, "Bromma");
    press(&mut app, KeyCode::Char('x'));
    assert!(matches!(app.screens.last(), Some(Screen::Question(_))));
    press(&mut app, KeyCode::Char('n'));
    assert!(
        !app.ctx
            .store
            .recipient_by_name("Bromma")
            .unwrap()
            .unwrap()
            .retired
    );
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('j'));
    assert!(
        app.ctx
            .store
            .recipient_by_name("Bromma")
            .unwrap()
            .unwrap()
            .retired
    );
    assert_eq!(audit_count(&app), before + 1);
    assert!(screen(&app, 80, 24).contains("avvecklad"));
    let refusal = retired_refusal("Bromma", Lang::Sv);
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.screens.last(), Some(Screen::Recipients(_))));
    assert_eq!(message(&app), refusal);

    // History kept: still in the grant with its figures.
    press(&mut app, KeyCode::Esc);
    assert_eq!(main_line_names(&app)[0], "Bromma");
    let line = &app.ctx.grant.as_ref().unwrap().status.recipients[app.main.list.rows[0]];
    assert_eq!(line.allocated, Money::from_kronor(180_000));
    press(&mut app, KeyCode::Char('a'));
    assert!(app.screens.is_empty());
    assert_eq!(message(&app), refusal);
    assert_eq!(audit_count(&app), before + 1);

    // Restored, it can get money again.
    keys(&mut app, "mxy");
    assert!(
        !app.ctx
            .store
            .recipient_by_name("Bromma")
            .unwrap()
            .unwrap()
            .retired
    );
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.screens.last(), Some(Screen::Allocation(_))));
}

#[test]
fn a_new_recipient_gets_money_and_appears_in_the_main_table() {
    let mut app = demo_app(Lang::Sv);
    let allocated_before = app.ctx.grant.as_ref().unwrap().status.allocated;
    keys(&mut app, "mn");
    keys(&mut app, "Vinterviken");
    ctrl(&mut app, 's');
    assert!(!main_line_names(&app).contains(&"Vinterviken".to_string()));
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.screens.last(), Some(Screen::Allocation(_))));
    keys(&mut app, "50 000");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        message(&app),
        "Tilldelningen ändrad: Vinterviken 0 → 50 000 kr"
    );
    let row = view(&app).selected_row().unwrap();
    assert_eq!(row.allocated, Some(Money::from_kronor(50_000)));
    press(&mut app, KeyCode::Esc);
    assert!(main_line_names(&app).contains(&"Vinterviken".to_string()));
    let status = &app.ctx.grant.as_ref().unwrap().status;
    assert_eq!(
        status.allocated,
        allocated_before + Money::from_kronor(50_000)
    );
    let id = app
        .ctx
        .store
        .recipient_by_name("Vinterviken")
        .unwrap()
        .unwrap()
        .id;
    let grant = app.ctx.grant.as_ref().unwrap().grant.id;
    assert_eq!(
        app.ctx.store.allocation(grant, id).unwrap(),
        Some(Money::from_kronor(50_000))
    );
}

#[test]
fn help_lists_the_new_keys() {
    let mut app = demo_app(Lang::En);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Char('?'));
    // Tall enough for the whole help without scrolling.
    let text = screen(&app, 100, 120);
    for wanted in [EN.contexts[9], EN.context_matrix, "next choice"] {
        assert!(text.contains(wanted), "{wanted} missing from\n{text}");
    }
}

#[test]
fn recipients_sv_80x24() {
    let mut app = demo_app(Lang::Sv);
    keys(&mut app, "m");
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn recipients_en_80x24() {
    let mut app = demo_app(Lang::En);
    keys(&mut app, "mjx");
    press(&mut app, KeyCode::Char('y'));
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn recipient_form_sv_80x24() {
    let mut app = demo_app(Lang::Sv);
    keys(&mut app, "mn");
    keys(&mut app, "Farsta");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn recipient_form_en_80x24() {
    let mut app = demo_app(Lang::En);
    keys(&mut app, "m");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn matrix_sv_80x24() {
    let mut app = demo_app(Lang::Sv);
    keys(&mut app, "t");
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn matrix_en_80x24() {
    let mut app = demo_app(Lang::En);
    keys(&mut app, "tG");
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn matrix_sv_120x40() {
    let mut app = demo_app(Lang::Sv);
    keys(&mut app, "t");
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn matrix_en_120x40() {
    let mut app = demo_app(Lang::En);
    keys(&mut app, "t");
    insta::assert_snapshot!(screen(&app, 120, 40));
}
