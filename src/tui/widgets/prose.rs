//! The editor inside a multi-line text field (a note, a reason, an
//! evaluation): ratatui-textarea, soft-wrapped at words, with the same
//! editing keys as a one-line field. Enter and the arrows at the text's
//! edges are the form's to decide; it asks through `newline`, `up` and
//! `down`.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::text::wrap;
use crate::domain::sanitize::printable;

/// The most rows a focused field grows to; longer text scrolls in it.
pub const MAX_ROWS: usize = 6;
/// The rows a focused field takes even when nearly empty: room to write.
pub const MIN_ROWS: usize = 3;

#[derive(Debug, Clone)]
pub struct Prose {
    area: TextArea<'static>,
    /// The lines joined by `\n`, kept so that `value` can lend a `&str`.
    text: String,
}

impl Prose {
    /// Lines are split at line breaks (`\r\n`, `\r` or `\n`); each line is
    /// made safe to show as a one-line value is.
    pub fn new(value: &str) -> Prose {
        let lines = split_lines(value);
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        // The terminal's own cursor shows where typing goes.
        area.set_cursor_style(Style::new());
        area.set_cursor_line_style(Style::new());
        let mut prose = Prose {
            area,
            text: String::new(),
        };
        prose.sync();
        prose
    }

    pub fn value(&self) -> &str {
        &self.text
    }

    /// The text on one line, its line breaks shown as `¶`.
    pub fn one_line(&self) -> String {
        self.area.lines().join(" ¶ ")
    }

    fn sync(&mut self) {
        self.text = self.area.lines().join("\n");
    }

    pub fn clear(&mut self) {
        self.area = Prose::new("").area;
        self.sync();
    }

    /// The cursor after the last character, where a note is added to.
    pub fn go_to_end(&mut self) {
        self.area.move_cursor(CursorMove::Bottom);
        self.area.move_cursor(CursorMove::End);
    }

    /// Applies an editing key; None when it is not one. `replace` clears
    /// the text before a typed character or Backspace.
    pub fn handle(&mut self, key: &KeyEvent, replace: bool) -> Option<bool> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let before = self.text.clone();
        match key.code {
            KeyCode::Char(c) if !ctrl && !alt => {
                if replace {
                    self.clear();
                }
                if let Some(c) = printable(&c.to_string()).chars().next() {
                    self.area.insert_char(c);
                }
            }
            KeyCode::Char('u') if ctrl => self.clear(),
            KeyCode::Char('w') if ctrl => {
                self.area.delete_word();
            }
            KeyCode::Char('a') if ctrl => self.area.move_cursor(CursorMove::Head),
            KeyCode::Char('e') if ctrl => self.area.move_cursor(CursorMove::End),
            KeyCode::Backspace if replace => self.clear(),
            KeyCode::Backspace => {
                self.area.delete_char();
            }
            KeyCode::Delete => {
                self.area.delete_next_char();
            }
            KeyCode::Left if ctrl => self.area.move_cursor(CursorMove::WordBack),
            KeyCode::Right if ctrl => self.area.move_cursor(CursorMove::WordForward),
            KeyCode::Left => self.area.move_cursor(CursorMove::Back),
            KeyCode::Right => self.area.move_cursor(CursorMove::Forward),
            KeyCode::Home => self.area.move_cursor(CursorMove::Head),
            KeyCode::End => self.area.move_cursor(CursorMove::End),
            _ => return None,
        }
        self.sync();
        Some(self.text != before)
    }

    pub fn newline(&mut self) {
        self.area.insert_newline();
        self.sync();
    }

    /// One row up in the text; false on its first row.
    pub fn up(&mut self) -> bool {
        self.moved(CursorMove::Up)
    }

    /// One row down in the text; false on its last row.
    pub fn down(&mut self) -> bool {
        self.moved(CursorMove::Down)
    }

    fn moved(&mut self, m: CursorMove) -> bool {
        let before = self.area.screen_cursor().row;
        self.area.move_cursor(m);
        self.area.screen_cursor().row != before
    }

    /// Pasted text keeps its line breaks; other control characters are
    /// made safe as in typed text.
    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(split_lines(text).join("\n"));
        self.sync();
    }

    /// The rows the text takes `cols` wide, between the least and the
    /// most a focused field shows.
    pub fn rows(&self, cols: usize) -> usize {
        let wrapped: usize = self
            .area
            .lines()
            .iter()
            .map(|line| wrap(line, cols).len().max(1))
            .sum();
        wrapped.clamp(MIN_ROWS, MAX_ROWS)
    }

    /// Draws the text into `rect`; returns where the cursor is. Drawing
    /// tells the editor its width, which its rows (and so Up and Down)
    /// follow: the text wraps there.
    pub fn render(&self, frame: &mut Frame, rect: Rect, style: Style) -> Option<Position> {
        frame.render_widget(&self.area, rect);
        frame.buffer_mut().set_style(rect, style);
        let (top, _) = self.area.scroll_offset();
        let at = self.area.screen_cursor();
        let row = u16::try_from(at.row).ok()?.checked_sub(top)?;
        let col = u16::try_from(at.col).ok()?;
        (row < rect.height && col <= rect.width)
            .then(|| Position::new(rect.x + col.min(rect.width.saturating_sub(1)), rect.y + row))
    }
}

fn split_lines(value: &str) -> Vec<String> {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(printable)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(p: &mut Prose, s: &str) {
        for c in s.chars() {
            p.handle(&key(KeyCode::Char(c)), false);
        }
    }

    #[test]
    fn enter_makes_a_new_line_that_the_value_keeps() {
        let mut p = Prose::new("");
        typed(&mut p, "Kurs i MI");
        p.newline();
        typed(&mut p, "Handledning");
        assert_eq!(p.value(), "Kurs i MI\nHandledning");
        assert_eq!(p.one_line(), "Kurs i MI ¶ Handledning");
    }

    #[test]
    fn the_arrows_leave_only_at_the_edges() {
        let mut p = Prose::new("ett\ntvå");
        p.go_to_end();
        assert!(!p.down(), "on the last row Down leaves the field");
        assert!(p.up());
        assert!(!p.up(), "on the first row Up leaves the field");
    }

    #[test]
    fn paste_keeps_line_breaks_and_nothing_unsafe() {
        let mut p = Prose::new("");
        p.paste("Första stycket.\r\n\r\nAndra\u{1b}[31m\tstycket.");
        assert_eq!(p.value(), "Första stycket.\n\nAndra�[31m stycket.");
    }

    #[test]
    fn replacing_clears_before_the_first_character() {
        let mut p = Prose::new("gammal\ntext");
        assert_eq!(p.handle(&key(KeyCode::Char('n')), true), Some(true));
        assert_eq!(p.value(), "n");
        assert_eq!(p.handle(&key(KeyCode::F(5)), false), None);
    }

    #[test]
    fn a_wrapped_line_is_rows_that_the_cursor_and_the_arrows_follow() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let mut term = Terminal::new(TestBackend::new(12, 6)).expect("a test terminal");
        let mut p = Prose::new("");
        typed(&mut p, "ett två tre fyra fem sex");
        let draw = |term: &mut Terminal<TestBackend>, p: &Prose| {
            let mut at = None;
            term.draw(|f| at = p.render(f, Rect::new(0, 0, 12, 6), Style::new()))
                .expect("drawn");
            at
        };
        let at = draw(&mut term, &p).expect("a cursor");
        assert!(at.y >= 1, "the cursor is on a wrapped row: {at:?}");
        assert!(p.up(), "Up moves to the row above in the same line");
        draw(&mut term, &p);
        assert!(!p.up(), "then it is on the first row");
    }

    #[test]
    fn a_focused_field_grows_with_its_text_up_to_a_limit() {
        assert_eq!(Prose::new("").rows(40), MIN_ROWS);
        assert_eq!(Prose::new("a\nb\nc\nd").rows(40), 4);
        assert_eq!(Prose::new(&"ord ".repeat(200)).rows(40), MAX_ROWS);
    }
}
