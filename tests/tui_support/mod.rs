//! Driving the full-screen app in tests: the demo data in memory, keys
//! fed through the key table, and the screen as text.

// Each test crate that includes this module uses only part of it.
#![allow(dead_code)]

use chrono::NaiveDate;
use medel::domain::Lang;
use medel::store::Store;
use medel::tui::App;
use medel::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.set_who("test");
    medel::demo::write(&mut store).unwrap();
    store
}

pub fn app_on(store: Store, lang: Lang) -> App {
    let today = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
    let mut app = App::new(store, lang, today, None).unwrap();
    app.ctx.theme = Theme { color: true };
    app
}

pub fn demo_app(lang: Lang) -> App {
    app_on(demo_store(), lang)
}

pub fn screen(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| medel::tui::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn keys(app: &mut App, chars: &str) {
    for c in chars.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn audit_count(app: &App) -> usize {
    app.ctx
        .store
        .audit_log(None, None, 1_000_000)
        .unwrap()
        .len()
}

pub fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}
