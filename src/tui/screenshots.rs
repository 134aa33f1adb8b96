//! The images in `screenshots/`: real screens of the app on the demo
//! data, drawn by the real drawing code and written as SVG.
//!
//! `cargo run --example screenshots` writes them; a test renders them
//! again through `render_all` and fails when a file differs, so the
//! README never shows a screen the program no longer draws.

use anyhow::Context as _;
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::App;
use super::theme::Theme;
use crate::domain::Lang;
use crate::store::Store;

/// Where the images live, relative to the package root.
pub const DIR: &str = "screenshots";

/// The command that writes them, for messages.
pub const COMMAND: &str = "cargo run --example screenshots";

/// One screen to take: the keys typed on the main view to reach it.
struct Shot {
    name: &'static str,
    lang: Lang,
    width: u16,
    height: u16,
    /// One key per character; `\n` is Enter, `\x1b` Esc, `\x0f` Ctrl-O.
    keys: &'static str,
}

/// Every screenshot. A new view is one more line here.
const SHOTS: &[Shot] = &[
    shot("main", Lang::Sv, 100, 30, ""),
    shot("main-80x24-en", Lang::En, 80, 24, ""),
    shot("form", Lang::Sv, 100, 30, "/rinkeby\n\n"),
    shot("help", Lang::Sv, 100, 30, "?"),
    shot("matrix", Lang::Sv, 100, 30, "t"),
    shot("chart-80x24", Lang::Sv, 80, 24, "c"),
    shot("grants", Lang::En, 100, 30, "g"),
    shot("grant-form-like", Lang::Sv, 100, 30, "gn\t\t\t\t\t\t\t\t "),
    shot("focus-areas", Lang::En, 100, 30, "ge\x0fj"),
    shot("recipients", Lang::En, 100, 30, "m"),
    shot("report", Lang::Sv, 100, 30, "r"),
];

const fn shot(name: &'static str, lang: Lang, width: u16, height: u16, keys: &'static str) -> Shot {
    Shot {
        name,
        lang,
        width,
        height,
        keys,
    }
}

/// The day the screens show: a month before the demo grant's report is
/// due, so the countdown and the flags read the same every time.
fn today() -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(2018, 3, 1).context("2018-03-01 is a date")
}

pub struct Screenshot {
    pub name: &'static str,
    pub svg: String,
}

impl Screenshot {
    pub fn file_name(&self) -> String {
        format!("{}.svg", self.name)
    }
}

/// Renders every screenshot in memory, each on a fresh store from
/// `data` (the caller's: the demo, which sits above the app's layer).
pub fn render_all(data: impl Fn() -> anyhow::Result<Store>) -> anyhow::Result<Vec<Screenshot>> {
    SHOTS.iter().map(|shot| render(shot, data()?)).collect()
}

fn render(shot: &Shot, store: Store) -> anyhow::Result<Screenshot> {
    let mut app = App::new(store, shot.lang, today()?, None)?;
    // The images show colour whatever NO_COLOR says where they are made.
    app.set_theme(Theme { color: true });
    for c in shot.keys.chars() {
        app.handle_key(key(c));
    }
    let Ok(mut terminal) = Terminal::new(TestBackend::new(shot.width, shot.height));
    let Ok(_) = terminal.draw(|f| super::draw(f, &app));
    let backend = terminal.backend();
    let cursor = backend.cursor_visible().then(|| backend.cursor_position());
    Ok(Screenshot {
        name: shot.name,
        svg: super::svg::render(backend.buffer(), cursor),
    })
}

fn key(c: char) -> KeyEvent {
    let code = match c {
        '\n' => KeyCode::Enter,
        '\x1b' => KeyCode::Esc,
        '\t' => KeyCode::Tab,
        c => KeyCode::Char(c),
    };
    // Other control characters are Ctrl and their letter: `\x0f` Ctrl-O.
    if let Some(letter) = (c != '\n' && c != '\t' && ('\x01'..='\x1a').contains(&c))
        .then(|| char::from(b'a' + (c as u8 - 1)))
    {
        return KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL);
    }
    // Capitals arrive with Shift from a terminal; the key table expects it.
    let mods = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(code, mods)
}
