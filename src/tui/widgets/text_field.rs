//! One-line text fields. A cell (amounts, dates) behaves like a
//! spreadsheet cell: typing into a cell just focused replaces its content;
//! arrows or Backspace edit it. A text field (notes, names) never loses
//! its content to one keystroke: typing adds at the cursor.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};

use chrono::NaiveDate;

use crate::domain::sanitize::printable;

/// A date as typed in a cell, in any shape `domain::dates` reads.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::domain::dates::parse_date(s).ok()
}

#[derive(Debug, Clone, Default)]
pub struct TextField {
    input: Input,
    /// Just focused: the next typed character replaces the whole content.
    fresh: bool,
    /// Replaces its content when typed into after focusing.
    cell: bool,
}

impl TextField {
    /// A cell: typing after focusing replaces the content.
    pub fn new(value: &str) -> TextField {
        TextField {
            input: Input::new(printable(value)),
            fresh: false,
            cell: true,
        }
    }

    /// Free text: typing after focusing adds at the end.
    pub fn text(value: &str) -> TextField {
        TextField {
            cell: false,
            ..TextField::new(value)
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Shows a date that was read in another shape back as ISO.
    pub fn tidy_date(&mut self) {
        if let Some(day) = parse_date(self.value()) {
            let iso = day.to_string();
            if iso != self.value() {
                self.set(&iso);
            }
        }
    }

    pub fn set(&mut self, value: &str) {
        self.input = Input::new(printable(value));
    }

    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    /// Called when the field gains focus.
    pub fn focus(&mut self) {
        self.fresh = self.cell;
        self.input.handle(InputRequest::GoToEnd);
    }

    /// Cursor position in display columns and the horizontal scroll for a
    /// field `width` columns wide.
    pub fn cursor_and_scroll(&self, width: usize) -> (usize, usize) {
        let scroll = self.input.visual_scroll(width.saturating_sub(1));
        (self.input.visual_cursor() - scroll, scroll)
    }

    /// Applies a key; returns true when the text changed.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let req = match key.code {
            KeyCode::Char(c) if !ctrl && !alt => {
                if self.fresh {
                    self.input.reset();
                }
                InputRequest::InsertChar(c)
            }
            KeyCode::Char('u') if ctrl => InputRequest::DeleteLine,
            KeyCode::Char('w') if ctrl => InputRequest::DeletePrevWord,
            KeyCode::Char('a') if ctrl => InputRequest::GoToStart,
            KeyCode::Char('e') if ctrl => InputRequest::GoToEnd,
            KeyCode::Backspace if self.fresh => InputRequest::DeleteLine,
            KeyCode::Backspace => InputRequest::DeletePrevChar,
            KeyCode::Delete => InputRequest::DeleteNextChar,
            KeyCode::Left if ctrl => InputRequest::GoToPrevWord,
            KeyCode::Right if ctrl => InputRequest::GoToNextWord,
            KeyCode::Left => InputRequest::GoToPrevChar,
            KeyCode::Right => InputRequest::GoToNextChar,
            KeyCode::Home => InputRequest::GoToStart,
            KeyCode::End => InputRequest::GoToEnd,
            _ => return false,
        };
        self.fresh = false;
        self.input.handle(req).is_some_and(|c| c.value)
    }

    /// Pasted text: control characters become spaces, lines join.
    pub fn paste(&mut self, text: &str) -> bool {
        if self.fresh {
            self.input.reset();
            self.fresh = false;
        }
        for c in printable(text).chars() {
            self.input.handle(InputRequest::InsertChar(c));
        }
        !text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(f: &mut TextField, s: &str) {
        for c in s.chars() {
            f.handle(&key(KeyCode::Char(c)));
        }
    }

    #[test]
    fn typing_into_a_fresh_field_replaces_it() {
        let mut f = TextField::new("60 000");
        f.focus();
        typed(&mut f, "75000");
        assert_eq!(f.value(), "75000");
    }

    #[test]
    fn typing_into_a_text_field_adds_to_it() {
        let mut f = TextField::text("Kurs i MI");
        f.focus();
        assert!(!f.is_fresh());
        typed(&mut f, " och KBT");
        assert_eq!(f.value(), "Kurs i MI och KBT");
        f.handle(&key(KeyCode::Backspace));
        assert_eq!(f.value(), "Kurs i MI och KB");
    }

    #[test]
    fn moving_first_edits_in_place() {
        let mut f = TextField::new("60 000");
        f.focus();
        f.handle(&key(KeyCode::End));
        typed(&mut f, ",50");
        assert_eq!(f.value(), "60 000,50");
        f.handle(&key(KeyCode::Backspace));
        assert_eq!(f.value(), "60 000,5");
    }

    #[test]
    fn backspace_on_a_fresh_field_clears_it() {
        let mut f = TextField::new("abc");
        f.focus();
        f.handle(&key(KeyCode::Backspace));
        assert_eq!(f.value(), "");
    }

    #[test]
    fn control_characters_never_enter() {
        let mut f = TextField::new("a\u{1b}[31mb\nc");
        assert_eq!(f.value(), "a�[31mb c");
        f.paste("\u{7}x\ty");
        assert!(!f.value().chars().any(char::is_control));
    }
}
