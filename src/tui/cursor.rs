//! The selection in a list: moved by the list keys, scrolled by drawing.

use std::cell::Cell;

use super::action::Action;

/// The selection in a list drawn as a table. Drawing writes back the
/// scroll offset and the rows that fit, so PgUp/PgDn move by a screen.
#[derive(Debug, Default)]
pub struct Cursor {
    pub selected: usize,
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
}

impl Cursor {
    /// Moves by a list key over `len` rows; false when `action` is not one.
    pub fn apply(&mut self, action: &Action, len: usize) -> bool {
        let last = len.saturating_sub(1);
        let page = self.page.get().max(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(page),
            Action::PageDown => (self.selected + page).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        };
        true
    }
}
