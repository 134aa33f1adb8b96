//! The full-screen app as a user meets it: keys in, the screen out as
//! text, and what was saved read back through a connection of its own.
//! This is the only test code that touches `medel::tui`, so the app's
//! insides can change without the tests changing.

use std::path::Path;

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

use super::db::{Db, WHO};
use super::today;

/// One session of the app on a database file.
pub struct Ui {
    app: App,
    db: Db,
    lang: Lang,
    today: NaiveDate,
    who: String,
    /// The terminal's size: what `screen`, `selected`, `message` and
    /// `cursor_line` draw at.
    size: (u16, u16),
}

impl Ui {
    /// The demo data on [`TODAY`](super::TODAY), in colour, 80×24.
    pub fn demo(lang: Lang) -> Ui {
        Ui::on(Db::demo(), lang, today(), None)
    }

    /// A file with no grants yet, on [`TODAY`](super::TODAY).
    pub fn empty(lang: Lang) -> Ui {
        Ui::on(Db::empty(), lang, today(), None)
    }

    /// Starts on `db` on the day `today`, showing `grant` (or the grant
    /// medel opens on by itself).
    pub fn on(db: Db, lang: Lang, today: NaiveDate, grant: Option<i64>) -> Ui {
        let store = db.open();
        Ui::start(db, store, lang, today, grant, WHO)
    }

    /// Starts on a file this user may only read.
    pub fn read_only(db: Db, lang: Lang) -> Ui {
        let store = Store::open_read_only(db.path()).expect("open read-only");
        assert!(store.is_read_only());
        Ui::start(db, store, lang, today(), None, WHO)
    }

    fn start(
        db: Db,
        store: Store,
        lang: Lang,
        today: NaiveDate,
        grant: Option<i64>,
        who: &str,
    ) -> Ui {
        let mut app = App::new(store, lang, today, grant).expect("the app starts");
        app.set_theme(Theme { color: true });
        Ui {
            app,
            db,
            lang,
            today,
            who: who.to_string(),
            size: (80, 24),
        }
    }

    /// Ends this session (without saving drafts) and starts the next one
    /// on the same file, as the same user.
    pub fn restart(self) -> Ui {
        let who = self.who.clone();
        self.restart_as(&who)
    }

    /// Ends this session and starts the next one on the same file as `who`.
    pub fn restart_as(self, who: &str) -> Ui {
        let Ui {
            app,
            db,
            lang,
            today,
            size,
            ..
        } = self;
        drop(app);
        let store = db.open_as(who);
        let mut ui = Ui::start(db, store, lang, today, None, who);
        ui.size = size;
        ui
    }

    /// A second session of the app on the same file, as `who`, on the same
    /// day and grant: another coordinator at the same time.
    pub fn beside(&self, who: &str) -> Ui {
        let db = self.db.share();
        let store = db.open_as(who);
        Ui::start(db, store, self.lang, self.today, None, who)
    }

    /// Ends the session and hands back its database.
    pub fn close(self) -> Db {
        self.db
    }

    // Keys.

    /// Types `text` one key at a time; `\n` is Enter, `\t` Tab, `\x1b` Esc.
    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                '\x1b' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            self.press(code);
        }
    }

    pub fn press(&mut self, code: KeyCode) {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    pub fn ctrl(&mut self, c: char) {
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    /// What a terminal reads when Esc and `c` arrive in one packet.
    pub fn alt(&mut self, c: char) {
        self.alt_key(KeyCode::Char(c));
    }

    /// Esc and a key in one packet, as a terminal reports them.
    pub fn alt_key(&mut self, code: KeyCode) {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::ALT));
    }

    pub fn paste(&mut self, text: &str) {
        self.app.paste(text);
    }

    /// What the loop does when no key comes: looks for other sessions'
    /// saves. True when there was one.
    pub fn tick(&mut self) -> bool {
        self.app.tick()
    }

    /// The session ends without the user (hang-up, SIGTERM): unsaved
    /// forms are kept as drafts. Returns how many.
    pub fn save_drafts(&mut self) -> usize {
        self.app.save_drafts()
    }

    pub fn quitting(&self) -> bool {
        self.app.quitting()
    }

    /// What the app says on the way out, after the terminal is restored.
    pub fn parting_words(&self) -> Option<&'static str> {
        self.app.parting_words()
    }

    /// Where `w` in the report preview writes.
    pub fn set_report_dir(&mut self, dir: &Path) {
        self.app.set_report_dir(dir);
    }

    // The screen.

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
    }

    /// Draws as `NO_COLOR` asks.
    pub fn no_colour(&mut self) {
        self.app.set_theme(Theme { color: false });
    }

    /// The screen as text, one line per row, trailing blanks cut.
    pub fn screen(&self) -> String {
        let (w, h) = self.size;
        self.screen_at(w, h)
    }

    pub fn screen_at(&self, width: u16, height: u16) -> String {
        text(&self.buffer_at(width, height))
    }

    pub fn buffer(&self) -> Buffer {
        let (w, h) = self.size;
        self.buffer_at(w, h)
    }

    pub fn buffer_at(&self, width: u16, height: u16) -> Buffer {
        self.terminal(width, height).backend().buffer().clone()
    }

    fn terminal(&self, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut term = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        term.draw(|f| medel::tui::draw(f, &self.app)).expect("draw");
        term
    }

    /// The highlighted row of the list on screen, trimmed.
    pub fn selected_row(&self) -> String {
        let buf = self.buffer();
        let area = buf.area;
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .filter(|&x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .max_by_key(|row| row.chars().count())
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// The first column of the highlighted row: the name, in most lists.
    pub fn selected(&self) -> String {
        let row = self.selected_row();
        row.split("  ").next().unwrap_or_default().to_string()
    }

    /// The rest of the line that starts, at a border, with `label`: a
    /// table row's columns or a form field's value, up to the next
    /// border, with single spaces between the words.
    pub fn row(&self, label: &str) -> String {
        let (i, start) = self.line_of(label);
        let screen = self.screen();
        let line = &screen.lines().nth(i).unwrap_or_default()[start..];
        let cell = line.split('│').next().unwrap_or_default();
        cell.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// What is written under the line that starts, at a border, with
    /// `label`, up to the next field: where a form shows the field's
    /// error. Wrapped lines are joined; borders and margins cut.
    pub fn under(&self, label: &str) -> String {
        let (i, start) = self.line_of(label);
        let screen = self.screen();
        let lines: Vec<&str> = screen.lines().collect();
        // The label's column, in characters: `│` and the label before `start`.
        let column = lines[i][..start].chars().count() - label.chars().count() - 1;
        lines[i + 1..]
            .iter()
            .map(|l| l.chars().skip(column).collect::<String>())
            .take_while(|l| l.starts_with(' '))
            .map(|l| l.split('│').next().unwrap_or_default().trim().to_string())
            .take_while(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The text inside the box titled `title` (a question, a popup),
    /// its lines joined with spaces.
    pub fn boxed(&self, title: &str) -> String {
        let screen = self.screen();
        let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
        let top = format!("┌ {title} ");
        let (y, left) = lines
            .iter()
            .enumerate()
            .find_map(|(y, l)| {
                let text: String = l.iter().collect();
                text.find(&top).map(|at| (y, text[..at].chars().count()))
            })
            .unwrap_or_else(|| panic!("no box titled {title}:\n{screen}"));
        let right = (left + 1..lines[y].len())
            .find(|&x| lines[y][x] == '┐')
            .expect("the box's corner");
        lines[y + 1..]
            .iter()
            .take_while(|l| l.get(left) != Some(&'└'))
            .map(|l| {
                let inner: String = l.iter().take(right).skip(left + 1).collect();
                inner.trim().to_string()
            })
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The row and the byte just after `│label ` on the screen; of
    /// several, the one furthest right: a popup's over the view's.
    fn line_of(&self, label: &str) -> (usize, usize) {
        let screen = self.screen();
        let prefix = format!("│{label} ");
        screen
            .lines()
            .enumerate()
            .filter_map(|(i, l)| l.find(&prefix).map(|at| (i, l[..at].chars().count(), at)))
            .max_by_key(|&(i, column, _)| (column, std::cmp::Reverse(i)))
            .map(|(i, _, at)| (i, at + prefix.len()))
            .unwrap_or_else(|| panic!("no line starts with {label}:\n{screen}"))
    }

    /// The screen line the text cursor is on; empty when none shows.
    pub fn cursor_line(&self) -> String {
        let (w, h) = self.size;
        let term = self.terminal(w, h);
        let backend = term.backend();
        if !backend.cursor_visible() {
            return String::new();
        }
        let y = backend.cursor_position().y as usize;
        text(backend.buffer())
            .lines()
            .nth(y)
            .unwrap_or_default()
            .to_string()
    }

    /// The message line, drawn wide enough that nothing is cut.
    pub fn message(&self) -> String {
        self.message_cells().0
    }

    /// The message line when it is drawn as an error (in red: the
    /// harness draws in colour unless told not to); empty otherwise.
    pub fn error(&self) -> String {
        let (text, red) = self.message_cells();
        if red { text } else { String::new() }
    }

    fn message_cells(&self) -> (String, bool) {
        let (_, h) = self.size;
        let buf = self.buffer_at(1000, h);
        let y = h - 2;
        let row: String = (0..1000).map(|x| buf[(x, y)].symbol()).collect();
        let red = (0..1000).any(|x| buf[(x, y)].fg == Color::Red);
        (row.trim().to_string(), red)
    }

    // The database.

    /// A connection of its own to the app's file, to check what was saved.
    pub fn db(&self) -> Store {
        self.db.open()
    }

    /// Another user's session on the same file.
    pub fn db_as(&self, who: &str) -> Store {
        self.db.open_as(who)
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }
}

/// Where the README's screenshots live, and the command that writes them.
pub const SCREENSHOTS_DIR: &str = medel::tui::screenshots::DIR;
pub const SCREENSHOTS_COMMAND: &str = medel::tui::screenshots::COMMAND;

/// Every screenshot as the drawing code draws it now: (file name, SVG).
pub fn screenshots() -> Vec<(String, String)> {
    medel::tui::screenshots::render_all(|| Ok(medel::demo::in_memory()?))
        .expect("render the screenshots")
        .into_iter()
        .map(|shot| (shot.file_name(), shot.svg))
        .collect()
}

/// A buffer as text, one line per row, trailing blanks cut.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let line: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
