//! A form left unsaved when the session ends is kept as a draft and
//! offered back at the next start.

use chrono::NaiveDate;
use medel::domain::Lang;
use medel::domain::money::Money;
use medel::store::Store;
use medel::tui::App;
use medel::tui::app::Screen;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 3, 1).unwrap()
}

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.set_who("anna");
    medel::demo::write(&mut store).unwrap();
    store
}

#[test]
fn a_dirty_form_becomes_a_draft_and_comes_back() {
    let mut app = App::new(demo_store(), Lang::En, today(), None).unwrap();
    assert!(app.screens.is_empty(), "no draft to offer");
    key(&mut app, KeyCode::Enter); // Bromma
    for c in "4711".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    assert_eq!(app.save_drafts(), 1);
    // Next start, same user: the draft is offered.
    let mut app = App::new(app.ctx.store, Lang::En, today(), None).unwrap();
    let Some(Screen::Question(q)) = app.screens.last() else {
        panic!("draft offered")
    };
    assert!(q.text.contains("Bromma"), "{}", q.text);
    key(&mut app, KeyCode::Char('y'));
    let Some(Screen::Form(f)) = app.screens.last() else {
        panic!("form restored")
    };
    assert_eq!(f.recipient_name, "Bromma");
    assert_eq!(f.fields[0].input.value(), "4711");
    assert!(f.is_dirty());
    assert!(app.ctx.store.drafts().unwrap().is_empty(), "taken, so gone");
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let g = app.ctx.grant.as_ref().unwrap().grant.id;
    let r = app
        .ctx
        .store
        .recipient_by_name("Bromma")
        .unwrap()
        .unwrap()
        .id;
    assert_eq!(
        app.ctx.store.entry(g, r).unwrap().used(),
        Money::from_kronor(4711)
    );
}

#[test]
fn a_discarded_draft_is_gone_and_a_clean_form_leaves_none() {
    let mut app = App::new(demo_store(), Lang::En, today(), None).unwrap();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.save_drafts(), 0, "nothing typed, nothing kept");
    key(&mut app, KeyCode::Char('9'));
    assert_eq!(app.save_drafts(), 1);
    let mut app = App::new(app.ctx.store, Lang::En, today(), None).unwrap();
    key(&mut app, KeyCode::Char('n'));
    assert!(app.screens.is_empty());
    assert!(app.ctx.store.drafts().unwrap().is_empty());
    let app = App::new(app.ctx.store, Lang::En, today(), None).unwrap();
    assert!(app.screens.is_empty(), "not offered twice");
}

#[test]
fn drafts_belong_to_their_user() {
    let mut app = App::new(demo_store(), Lang::En, today(), None).unwrap();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('9'));
    app.save_drafts();
    let mut store = app.ctx.store;
    store.set_who("bertil");
    let app = App::new(store, Lang::En, today(), None).unwrap();
    assert!(app.screens.is_empty(), "bertil is not offered anna's draft");
}
