//! Whole screens drawn by the real drawing code on the demo data, at
//! 80×24 and 120×40, in Swedish and English.

use chrono::NaiveDate;
use medel::domain::Lang;
use medel::store::Store;
use medel::tui::App;
use medel::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn demo_app(lang: Lang) -> App {
    let mut store = Store::open_in_memory().unwrap();
    store.set_who("test");
    medel::demo::write(&mut store).unwrap();
    let today = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
    let mut app = App::new(store, lang, today, None).unwrap();
    app.theme = Theme { color: true };
    app
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| medel::tui::views::draw(f, app)).unwrap();
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

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn main_view_sv_80x24() {
    let app = demo_app(Lang::Sv);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn main_view_en_120x40() {
    let app = demo_app(Lang::En);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn form_sv_80x24() {
    let mut app = demo_app(Lang::Sv);
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(screen(&app, 80, 24));
}
