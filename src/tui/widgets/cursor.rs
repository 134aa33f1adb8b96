//! The selection in a list, and the scroll window that keeps it in view:
//! one for every list, table and scrolled page of the app.

use std::cell::Cell;

use crate::tui::action::Action;

/// The selection in a list drawn as a table. Drawing writes back the
/// scroll offset and the rows that fit, so PgUp/PgDn move by a screen.
/// A page that only scrolls uses `selected` as its first line.
#[derive(Debug)]
pub struct Cursor {
    pub selected: usize,
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
}

impl Default for Cursor {
    fn default() -> Cursor {
        Cursor::with_page(0)
    }
}

impl Cursor {
    /// A cursor that moves `page` rows on PgUp/PgDn until the first draw.
    pub fn with_page(page: usize) -> Cursor {
        Cursor {
            selected: 0,
            offset: Cell::new(0),
            page: Cell::new(page),
        }
    }

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

    /// One row down; false at the last of `len` rows.
    pub fn step(&mut self, len: usize) -> bool {
        let before = self.selected;
        self.apply(&Action::Down, len);
        self.selected != before
    }

    /// Keeps the selection among `len` rows after the list changed.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// The first row to draw with `visible` rows of `total`, kept for the
    /// next draw together with the page size.
    pub fn window(&self, visible: usize, total: usize) -> usize {
        let offset = scroll_window(self.offset.get(), self.selected, visible, total);
        self.offset.set(offset);
        self.page.set(visible);
        offset
    }
}

/// The first row to show: the previous one, moved just enough to keep the
/// selection in view.
pub fn scroll_window(previous: usize, selected: usize, visible: usize, total: usize) -> usize {
    let visible = visible.max(1);
    let offset = if selected < previous {
        selected
    } else if selected >= previous + visible {
        selected + 1 - visible
    } else {
        previous
    };
    offset.min(total.saturating_sub(visible))
}
