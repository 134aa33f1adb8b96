//! The grants view, the grant form and the receipts, driven by keys on the
//! demo data: each test checks what the app shows and what the database
//! holds afterwards. Snapshots at 80×24 in Swedish and English.

use chrono::NaiveDate;
use medel::domain::Lang;
use medel::domain::model::{GrantState, ReceiptKind};
use medel::domain::money::Money;
use medel::i18n::screen::words as texts;
use medel::store::Store;
use medel::tui::App;
use medel::tui::app::Screen;
use medel::tui::screens::GrantField;
use ratatui::crossterm::event::KeyCode;

mod tui_support;
use tui_support::{ctrl, demo_app, keys, press, screen};

fn current_id(app: &App) -> i64 {
    app.ctx.grant.as_ref().unwrap().grant.id
}

fn top_is(app: &App, f: fn(&Screen) -> bool) -> bool {
    app.screens.last().is_some_and(f)
}

fn grants_screen(s: &Screen) -> bool {
    matches!(s, Screen::Grants(_))
}

/// `g n`, a title, and the year: the form as a user leaves it before saving.
fn fill_new_grant(app: &mut App, title: &str, year: &str) {
    keys(app, "gn");
    keys(app, title);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    keys(app, year);
}

#[test]
fn the_grants_view_lists_grants_and_marks_the_current_one() {
    let mut app = demo_app(Lang::Sv);
    press(&mut app, KeyCode::Char('g'));
    let Some(Screen::Grants(g)) = app.screens.last() else {
        panic!("no grants view")
    };
    assert_eq!(g.rows.len(), 1);
    assert_eq!(g.rows[0].grant.id, current_id(&app));
    assert_eq!(g.rows[0].received, Money::from_kronor(2_945_873));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("● Utvecklingsmedel VINR 2017"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert!(app.screens.is_empty());
}

#[test]
fn a_new_grant_gets_the_default_dates_and_becomes_current() {
    let mut app = demo_app(Lang::Sv);
    let demo = current_id(&app);
    fill_new_grant(&mut app, "Utvecklingsmedel VINR 2019", "2019");
    ctrl(&mut app, 's');
    assert!(top_is(&app, grants_screen), "{:?}", app.message);
    let d = app.ctx.grant.as_ref().unwrap();
    assert_ne!(d.grant.id, demo);
    assert_eq!(d.grant.title, "Utvecklingsmedel VINR 2019");
    assert_eq!(d.grant.giver, "Socialstyrelsen");
    assert_eq!(d.grant.use_from.to_string(), "2019-01-01");
    assert_eq!(d.grant.use_until.to_string(), "2019-12-31");
    assert_eq!(d.grant.report_due.to_string(), "2020-03-31");
    assert_eq!(d.focus_areas.len(), 6);
    let stored = app.ctx.store.grant(d.grant.id).unwrap();
    assert_eq!(stored, d.grant);
    assert_eq!(app.ctx.store.grants().unwrap().len(), 2);
    let Some(Screen::Grants(g)) = app.screens.last() else {
        unreachable!()
    };
    assert_eq!(g.selected().unwrap().grant.id, d.grant.id);
}

#[test]
fn an_invalid_date_shows_an_error_and_nothing_is_saved() {
    let mut app = demo_app(Lang::Sv);
    fill_new_grant(&mut app, "Nytt", "2019");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "2019-02-30");
    let Some(Screen::GrantForm(f)) = app.screens.last() else {
        panic!("no form")
    };
    assert_eq!(f.focused_field(), GrantField::UseFrom);
    assert_eq!(f.errors[3].as_deref(), Some(texts(Lang::Sv).bad_date));
    assert!(screen(&app, 80, 24).contains("↳ Datum skrivs ÅÅÅÅ-MM-DD"));
    ctrl(&mut app, 's');
    assert!(matches!(app.screens.last(), Some(Screen::GrantForm(_))));
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    assert_eq!(app.ctx.store.grants().unwrap().len(), 1);
    // The refused save went back to the bad date; with it mended, the
    // store's rule that the report is due after the use period shows.
    keys(&mut app, "2019-01-01");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "2019-06-01");
    let Some(Screen::GrantForm(f)) = app.screens.last() else {
        panic!("no form")
    };
    assert!(
        f.errors[5]
            .as_deref()
            .unwrap()
            .contains("Redovisningsdagen")
    );
}

#[test]
fn esc_asks_before_discarding_a_changed_grant_form() {
    let mut app = demo_app(Lang::En);
    fill_new_grant(&mut app, "Draft", "2020");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screens.last(), Some(Screen::Question(_))));
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.screens.last(), Some(Screen::GrantForm(_))));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(top_is(&app, grants_screen));
    assert_eq!(app.ctx.store.grants().unwrap().len(), 1);
}

#[test]
fn a_duplicate_title_and_year_is_refused_in_words() {
    let mut app = demo_app(Lang::Sv);
    fill_new_grant(&mut app, "Utvecklingsmedel VINR 2017", "2017");
    ctrl(&mut app, 's');
    let Some(Screen::GrantForm(f)) = app.screens.last() else {
        panic!("no form")
    };
    assert_eq!(
        f.errors[0].as_deref(),
        Some(texts(Lang::Sv).duplicate_grant)
    );
    assert_eq!(app.ctx.store.grants().unwrap().len(), 1);
}

#[test]
fn editing_changes_the_title_and_logs_it() {
    let mut app = demo_app(Lang::En);
    let id = current_id(&app);
    keys(&mut app, "ge");
    ctrl(&mut app, 'u'); // a title is text: clear it, then type
    keys(&mut app, "VINR 2017, renamed");
    ctrl(&mut app, 's');
    assert!(top_is(&app, grants_screen), "{:?}", app.message);
    assert_eq!(app.ctx.store.grant(id).unwrap().title, "VINR 2017, renamed");
    assert_eq!(
        app.ctx.grant.as_ref().unwrap().grant.title,
        "VINR 2017, renamed"
    );
    let log = app.ctx.store.audit_log(Some(id), None, 1).unwrap();
    assert_eq!(log[0].what, "grant.title");
    assert_eq!(log[0].old, "Utvecklingsmedel VINR 2017");
}

#[test]
fn enter_switches_back_to_the_demo_grant() {
    let mut app = demo_app(Lang::Sv);
    let demo = current_id(&app);
    fill_new_grant(&mut app, "Annat bidrag", "2018");
    ctrl(&mut app, 's');
    assert_ne!(current_id(&app), demo);
    // The newest year comes first; the demo grant is below.
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    assert!(app.screens.is_empty());
    assert_eq!(current_id(&app), demo);
    let received = app.ctx.grant.as_ref().unwrap().status.received;
    assert_eq!(received, Money::from_kronor(2_945_873));
}

#[test]
fn adding_a_receipt_changes_received() {
    let mut app = demo_app(Lang::Sv);
    let id = current_id(&app);
    keys(&mut app, "gin");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "12,345");
    let Some(Screen::ReceiptForm(f)) = app.screens.last() else {
        panic!("no receipt form")
    };
    assert!(f.errors[1].is_some(), "three decimals must be refused");
    ctrl(&mut app, 's');
    assert_eq!(app.ctx.store.receipts(id).unwrap().len(), 2);
    // The refused save put the cursor back on the amount, ready to retype.
    keys(&mut app, "12 000");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "Extra utbetalning");
    ctrl(&mut app, 's');
    assert!(matches!(app.screens.last(), Some(Screen::Receipts(_))));
    let receipts = app.ctx.store.receipts(id).unwrap();
    assert_eq!(receipts.len(), 3);
    let added = &receipts[2];
    assert_eq!(added.amount, Money::from_kronor(12_000));
    assert_eq!(added.kind, ReceiptKind::Redistribution);
    assert_eq!(added.note, "Extra utbetalning");
    assert_eq!(added.date, app.ctx.today);
    let expected = Money::from_kronor(2_957_873);
    assert_eq!(app.ctx.store.received(id).unwrap(), expected);
    assert_eq!(app.ctx.grant.as_ref().unwrap().status.received, expected);
}

#[test]
fn an_english_amount_stays_readable_after_leaving_its_field() {
    let mut app = demo_app(Lang::En);
    let id = current_id(&app);
    keys(&mut app, "gin");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "100000");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert!(
        matches!(app.screens.last(), Some(Screen::Receipts(_))),
        "{:?}",
        app.message
    );
    assert_eq!(
        app.ctx.store.received(id).unwrap(),
        Money::from_kronor(3_045_873)
    );
}

#[test]
fn deleting_a_receipt_asks_first() {
    let mut app = demo_app(Lang::En);
    let id = current_id(&app);
    keys(&mut app, "gi");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Delete);
    let Some(Screen::Question(q)) = app.screens.last() else {
        panic!("no question")
    };
    assert!(q.text.contains("SEK 22,953"), "{}", q.text);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.ctx.store.receipts(id).unwrap().len(), 2);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    let receipts = app.ctx.store.receipts(id).unwrap();
    assert_eq!(receipts.len(), 1);
    assert_eq!(receipts[0].amount, Money::from_kronor(2_922_920));
    let status = &app.ctx.grant.as_ref().unwrap().status;
    assert_eq!(status.received, Money::from_kronor(2_922_920));
    let Some(Screen::Receipts(r)) = app.screens.last() else {
        panic!("no receipts view")
    };
    assert_eq!(r.receipts.len(), 1);
}

#[test]
fn a_closed_grant_refuses_spending_edits_and_receipts() {
    let mut app = demo_app(Lang::Sv);
    let id = current_id(&app);
    keys(&mut app, "gc");
    assert!(matches!(app.screens.last(), Some(Screen::Question(_))));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.ctx.store.grant(id).unwrap().state, GrantState::Reported);
    let log = app.ctx.store.audit_log(Some(id), None, 1).unwrap();
    assert_eq!(
        (log[0].what.as_str(), log[0].new.as_str()),
        ("grant.state", "reported")
    );
    // Neither the grant nor its receipts can be changed now.
    press(&mut app, KeyCode::Char('e'));
    assert!(top_is(&app, grants_screen));
    keys(&mut app, "in");
    assert!(matches!(app.screens.last(), Some(Screen::Receipts(_))));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    assert!(app.screens.is_empty(), "the spending form opened");
    let m = app.message.clone().unwrap();
    assert!(m.error);
    assert_eq!(m.text, texts(Lang::Sv).closed_grant);
    // Reopened, the form opens again.
    keys(&mut app, "gcj");
    assert_eq!(app.ctx.store.grant(id).unwrap().state, GrantState::Open);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screens.last(), Some(Screen::Form(_))));
}

#[test]
fn q_typed_in_the_grant_form_is_text() {
    let mut app = demo_app(Lang::En);
    fill_new_grant(&mut app, "quarterly", "2019");
    assert!(!app.quit);
    let Some(Screen::GrantForm(f)) = app.screens.last() else {
        panic!("no form")
    };
    assert_eq!(f.value(GrantField::Title), "quarterly");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    ctrl(&mut app, 'c');
    assert!(app.quit);
}

#[test]
fn the_first_grant_of_an_empty_file_is_made_from_the_main_view() {
    let store = Store::open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
    let mut app = App::new(store, Lang::Sv, today, None).unwrap();
    assert!(app.ctx.grant.is_none());
    keys(&mut app, "g");
    assert!(screen(&app, 80, 24).contains("Inga bidrag ännu"));
    // Keys that need a selected grant do nothing on an empty list.
    keys(&mut app, "eic");
    assert!(top_is(&app, grants_screen));
    keys(&mut app, "n");
    keys(&mut app, "Första bidraget");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "Socialstyrelsen");
    ctrl(&mut app, 's');
    let d = app.ctx.grant.as_ref().expect("the new grant is shown");
    assert_eq!(
        (d.grant.title.as_str(), d.grant.year),
        ("Första bidraget", 2018)
    );
    assert_eq!(d.grant.report_due.to_string(), "2019-03-31");
    press(&mut app, KeyCode::Esc);
    assert!(app.screens.is_empty());
}

fn snap(lang: Lang, keys_typed: &str) -> String {
    let mut app = demo_app(lang);
    keys(&mut app, keys_typed);
    screen(&app, 80, 24)
}

#[test]
fn grants_view_sv_80x24() {
    insta::assert_snapshot!(snap(Lang::Sv, "g"));
}

#[test]
fn grants_view_en_80x24() {
    insta::assert_snapshot!(snap(Lang::En, "g"));
}

#[test]
fn grants_view_en_120x30() {
    let mut app = demo_app(Lang::En);
    fill_new_grant(&mut app, "Development funds 2018", "2018");
    ctrl(&mut app, 's');
    insta::assert_snapshot!(screen(&app, 120, 30));
}

fn form_with_error(lang: Lang) -> String {
    let mut app = demo_app(lang);
    fill_new_grant(&mut app, "VINR 2018", "2018");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "2018-13-01");
    screen(&app, 80, 24)
}

#[test]
fn grant_form_sv_80x24() {
    insta::assert_snapshot!(form_with_error(Lang::Sv));
}

#[test]
fn grant_form_en_80x24() {
    insta::assert_snapshot!(form_with_error(Lang::En));
}

#[test]
fn receipts_view_sv_80x24() {
    insta::assert_snapshot!(snap(Lang::Sv, "gi"));
}

#[test]
fn receipts_view_en_80x24() {
    insta::assert_snapshot!(snap(Lang::En, "gi"));
}

#[test]
fn receipt_form_sv_80x24() {
    let mut app = demo_app(Lang::Sv);
    keys(&mut app, "gin");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "1 500 kr");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&app, 80, 24));
}
