//! Whole screens drawn by the real drawing code on the demo data, at
//! 80×24 and 120×40, in Swedish and English.

use chrono::NaiveDate;
use medel::domain::Lang;
use medel::store::Store;
use medel::tui::App;
use medel::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

fn demo_app(lang: Lang) -> App {
    let mut store = Store::open_in_memory().unwrap();
    store.set_who("test");
    medel::demo::write(&mut store).unwrap();
    let today = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
    let mut app = App::new(store, lang, today, None).unwrap();
    app.ctx.theme = Theme { color: true };
    app
}

fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| medel::tui::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let buf = buffer(app, w, h);
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

#[test]
fn main_view_en_80x24() {
    let app = demo_app(Lang::En);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn main_view_sv_120x40() {
    let app = demo_app(Lang::Sv);
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn form_en_120x40_with_an_error_under_the_field() {
    let mut app = demo_app(Lang::En);
    for _ in 0..9 {
        press(&mut app, KeyCode::Down); // to Skarpnäck
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter); // area 2
    for c in "1.2.3".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn allocation_popup_sv_80x24() {
    let mut app = demo_app(Lang::Sv);
    press(&mut app, KeyCode::Char('a'));
    for c in "300000".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn help_overlay_sv_80x24() {
    let mut app = demo_app(Lang::Sv);
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn flags_overlay_en_80x24() {
    let mut app = demo_app(Lang::En);
    press(&mut app, KeyCode::Char('f'));
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn too_small_says_what_it_needs() {
    let app = demo_app(Lang::En);
    insta::assert_snapshot!(screen(&app, 60, 10));
    let app = demo_app(Lang::Sv);
    let text = screen(&app, 79, 24);
    assert!(text.contains("behöver 80×24, har 79×24"), "{text}");
}

#[test]
fn colours_follow_the_status_and_never_carry_meaning_alone() {
    let app = demo_app(Lang::Sv);
    let buf = buffer(&app, 80, 24);
    let find = |needle: &str| {
        (0..24u16)
            .find_map(|y| {
                let row: String = (0..80u16)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect();
                row.find(needle)
                    .map(|bytes| (row[..bytes].chars().count() as u16, y))
            })
            .unwrap_or_else(|| panic!("{needle} not on screen"))
    };
    let (x, y) = find("OANVÄNT");
    assert_eq!(buf[(x, y)].fg, Color::Red);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find("delvis");
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    let (x, y) = find("!  Redovisningen");
    assert_eq!(
        buf[(x, y)].fg,
        Color::Yellow,
        "due soon is a warning: yellow"
    );
    // Without colour the same words are there, in the default colour.
    let mut plain = demo_app(Lang::Sv);
    plain.ctx.theme = Theme { color: false };
    let buf = buffer(&plain, 80, 24);
    let text = screen(&plain, 80, 24);
    assert!(text.contains("OANVÄNT") && text.contains("delvis"));
    for y in 0..24u16 {
        for x in 0..80u16 {
            assert_eq!(
                buf[(x, y)].fg,
                Color::Reset,
                "colour at {x},{y} with NO_COLOR"
            );
        }
    }
}

#[test]
fn history_sv_80x24() {
    let mut app = demo_app(Lang::Sv);
    for _ in 0..9 {
        press(&mut app, KeyCode::Down); // Skarpnäck
    }
    press(&mut app, KeyCode::Char('H'));
    let text = screen(&app, 80, 24);
    // The time column is local time; mask it so the snapshot holds anywhere.
    let masked: String = text
        .lines()
        .map(|l| {
            let mut out = String::new();
            let chars: Vec<char> = l.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                let rest: String = chars[i..].iter().take(16).collect();
                if rest.len() == 16
                    && rest.as_bytes()[4] == b'-'
                    && rest.as_bytes()[13] == b':'
                    && rest.starts_with("20")
                {
                    out.push_str("YYYY-MM-DD hh:mm");
                    i += 16;
                } else {
                    out.push(chars[i]);
                    i += 1;
                }
            }
            out + "\n"
        })
        .collect();
    insta::assert_snapshot!(masked);
}

#[test]
fn hostile_names_and_notes_render_as_plain_text() {
    let mut store = Store::open_in_memory().unwrap();
    let g = medel::demo::write(&mut store).unwrap();
    let evil = "Evil\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}gnirts\nnext";
    let r = store
        .add_recipient(evil, "", medel::domain::model::RecipientKind::Other)
        .unwrap();
    store
        .set_allocation(g, r, medel::domain::money::Money::from_kronor(1), None)
        .unwrap();
    let long = "x".repeat(5000);
    let loaded = store.entry(g, r).unwrap();
    let mut e = loaded.clone();
    e.spending[0].note = format!("\u{1b}[31mred{long}");
    store.save_entry(g, r, &loaded, &e, false).unwrap();
    let today = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
    let mut app = App::new(store, Lang::En, today, None).unwrap();
    app.ctx.theme = Theme { color: true };
    let buf = buffer(&app, 80, 24);
    for y in 0..24u16 {
        for x in 0..80u16 {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "control at {x},{y}: {sym:?}"
            );
        }
    }
    insta::assert_snapshot!("hostile_main", screen(&app, 80, 24));
    press(&mut app, KeyCode::Char('/'));
    for c in "evil".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter); // its form, with the long note
    insta::assert_snapshot!("hostile_form", screen(&app, 80, 24));
}
