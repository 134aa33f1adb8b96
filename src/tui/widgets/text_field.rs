//! Text fields. A cell (amounts, dates) behaves like a spreadsheet cell:
//! typing into a cell just focused replaces its content; arrows or
//! Backspace edit it. A text field (notes, names) never loses its content
//! to one keystroke: typing adds at the cursor. A suggestion (a value the
//! form filled in for the user) is selected like a cell until it is
//! edited. Any field can be selected, as a refused save does with the
//! field in error. Prose fields hold several lines (`prose`).

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};

use chrono::NaiveDate;

use super::prose::Prose;
use crate::domain::sanitize::printable;

/// A date as typed in a cell, in any shape `domain::dates` reads.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::domain::dates::parse_date(s).ok()
}

/// When typing replaces what a field holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Replace {
    /// On each arrival: a cell.
    Cell,
    /// Never: free text.
    #[default]
    Text,
    /// On each arrival until the user edits it: a suggested value.
    Suggestion,
}

#[derive(Debug, Clone)]
enum Editor {
    Line(Input),
    Prose(Box<Prose>),
}

impl Default for Editor {
    fn default() -> Editor {
        Editor::Line(Input::default())
    }
}

#[derive(Debug, Clone, Default)]
pub struct TextField {
    editor: Editor,
    /// Selected: the next typed character replaces the whole content.
    fresh: bool,
    replace: Replace,
}

impl TextField {
    /// A cell: typing after focusing replaces the content.
    pub fn new(value: &str) -> TextField {
        TextField {
            editor: Editor::Line(Input::new(printable(value))),
            fresh: false,
            replace: Replace::Cell,
        }
    }

    /// Free text: typing after focusing adds at the end.
    pub fn text(value: &str) -> TextField {
        TextField {
            replace: Replace::Text,
            ..TextField::new(value)
        }
    }

    /// A value filled in for the user: selected until edited.
    pub fn suggested(value: &str) -> TextField {
        TextField {
            replace: Replace::Suggestion,
            ..TextField::new(value)
        }
    }

    /// Free text of several lines: Enter (through `newline`) starts a new
    /// one and a paste keeps its line breaks.
    pub fn prose(value: &str) -> TextField {
        TextField {
            editor: Editor::Prose(Box::new(Prose::new(value))),
            fresh: false,
            replace: Replace::Text,
        }
    }

    pub fn value(&self) -> &str {
        match &self.editor {
            Editor::Line(input) => input.value(),
            Editor::Prose(prose) => prose.value(),
        }
    }

    /// The value on one line, as an unfocused field shows it.
    pub fn one_line(&self) -> Cow<'_, str> {
        match &self.editor {
            Editor::Line(input) => Cow::Borrowed(input.value()),
            Editor::Prose(prose) => Cow::Owned(prose.one_line()),
        }
    }

    /// The multi-line editor, for drawing a focused prose field.
    pub fn prose_editor(&self) -> Option<&Prose> {
        match &self.editor {
            Editor::Prose(prose) => Some(prose),
            Editor::Line(_) => None,
        }
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

    /// Sets the value; a suggestion replaced so is no longer one.
    pub fn set(&mut self, value: &str) {
        if self.replace == Replace::Suggestion {
            self.replace = Replace::Text;
        }
        self.editor = match self.editor {
            Editor::Line(_) => Editor::Line(Input::new(printable(value))),
            Editor::Prose(_) => Editor::Prose(Box::new(Prose::new(value))),
        };
    }

    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    /// Called when the field gains focus.
    pub fn focus(&mut self) {
        self.fresh = self.replace != Replace::Text;
        match &mut self.editor {
            Editor::Line(input) => {
                input.handle(InputRequest::GoToEnd);
            }
            Editor::Prose(prose) => prose.go_to_end(),
        }
    }

    /// Selects the whole content: the next typed character replaces it.
    pub fn select(&mut self) {
        self.fresh = true;
    }

    /// Cursor position in display columns and the horizontal scroll for a
    /// one-line field `width` columns wide.
    pub fn cursor_and_scroll(&self, width: usize) -> (usize, usize) {
        match &self.editor {
            Editor::Line(input) => {
                let scroll = input.visual_scroll(width.saturating_sub(1));
                (input.visual_cursor() - scroll, scroll)
            }
            Editor::Prose(_) => (0, 0),
        }
    }

    /// Applies a key; returns true when the text changed.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let changed = match &mut self.editor {
            Editor::Line(input) => match line_request(key, self.fresh) {
                Some((req, clear)) => {
                    if clear {
                        input.reset();
                    }
                    input.handle(req).is_some_and(|c| c.value)
                }
                None => return false,
            },
            Editor::Prose(prose) => match prose.handle(key, self.fresh) {
                Some(changed) => changed,
                None => return false,
            },
        };
        self.fresh = false;
        self.edited(changed)
    }

    /// A suggestion edited is the user's own text from then on.
    fn edited(&mut self, changed: bool) -> bool {
        if changed && self.replace == Replace::Suggestion {
            self.replace = Replace::Text;
        }
        changed
    }

    /// Enter in a prose field: a new line. False in a one-line field,
    /// where Enter is the form's.
    pub fn newline(&mut self) -> bool {
        let Editor::Prose(prose) = &mut self.editor else {
            return false;
        };
        if self.fresh {
            prose.go_to_end();
        }
        self.fresh = false;
        prose.newline();
        true
    }

    /// Up inside a prose field; false when the cursor is on its first row
    /// (or the field has one line), so that Up moves to the field above.
    pub fn up(&mut self) -> bool {
        match &mut self.editor {
            Editor::Prose(prose) => prose.up(),
            Editor::Line(_) => false,
        }
    }

    /// Down inside a prose field; false on its last row.
    pub fn down(&mut self) -> bool {
        match &mut self.editor {
            Editor::Prose(prose) => prose.down(),
            Editor::Line(_) => false,
        }
    }

    /// Pasted text: in a one-line field control characters become spaces
    /// and lines join; a prose field keeps the line breaks.
    pub fn paste(&mut self, text: &str) -> bool {
        if self.fresh {
            self.set("");
            self.fresh = false;
        }
        match &mut self.editor {
            Editor::Line(input) => {
                for c in printable(text).chars() {
                    input.handle(InputRequest::InsertChar(c));
                }
            }
            Editor::Prose(prose) => prose.paste(text),
        }
        self.edited(!text.is_empty())
    }
}

/// The request a key makes of a one-line field, and whether the field is
/// cleared first (typing into a selected field).
fn line_request(key: &KeyEvent, fresh: bool) -> Option<(InputRequest, bool)> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let req = match key.code {
        KeyCode::Char(c) if !ctrl && !alt => return Some((InputRequest::InsertChar(c), fresh)),
        KeyCode::Char('u') if ctrl => InputRequest::DeleteLine,
        KeyCode::Char('w') if ctrl => InputRequest::DeletePrevWord,
        KeyCode::Char('a') if ctrl => InputRequest::GoToStart,
        KeyCode::Char('e') if ctrl => InputRequest::GoToEnd,
        KeyCode::Backspace if fresh => InputRequest::DeleteLine,
        KeyCode::Backspace => InputRequest::DeletePrevChar,
        KeyCode::Delete => InputRequest::DeleteNextChar,
        KeyCode::Left if ctrl => InputRequest::GoToPrevWord,
        KeyCode::Right if ctrl => InputRequest::GoToNextWord,
        KeyCode::Left => InputRequest::GoToPrevChar,
        KeyCode::Right => InputRequest::GoToNextChar,
        KeyCode::Home => InputRequest::GoToStart,
        KeyCode::End => InputRequest::GoToEnd,
        _ => return None,
    };
    Some((req, false))
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
    fn a_suggestion_is_replaced_by_typing_until_it_is_edited() {
        let mut f = TextField::suggested("Socialstyrelsen");
        f.focus();
        assert!(f.is_fresh());
        typed(&mut f, "SKR");
        assert_eq!(f.value(), "SKR");
        f.focus();
        assert!(!f.is_fresh(), "the user's own text is not replaced");
        typed(&mut f, " och MFoF");
        assert_eq!(f.value(), "SKR och MFoF");
    }

    #[test]
    fn a_selected_text_field_is_replaced_by_the_next_character() {
        let mut f = TextField::text("12,5,0");
        f.focus();
        f.select();
        typed(&mut f, "12500");
        assert_eq!(f.value(), "12500");
    }

    #[test]
    fn a_prose_field_takes_new_lines_and_a_one_line_field_does_not() {
        let mut p = TextField::prose("Kurs");
        p.focus();
        assert!(p.newline());
        typed(&mut p, "Handledning");
        assert_eq!(p.value(), "Kurs\nHandledning");
        assert_eq!(p.one_line(), "Kurs ¶ Handledning");
        let mut f = TextField::text("Kurs");
        assert!(!f.newline());
        f.paste("a\nb");
        assert_eq!(f.value(), "Kursa b");
    }

    #[test]
    fn control_characters_never_enter() {
        let mut f = TextField::new("a\u{1b}[31mb\nc");
        assert_eq!(f.value(), "a�[31mb c");
        f.paste("\u{7}x\ty");
        assert!(!f.value().chars().any(char::is_control));
    }
}
