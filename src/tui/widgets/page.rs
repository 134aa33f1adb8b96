//! A read-only page scrolled by the list keys: the help and the flags.

use std::cell::Cell;

use crate::tui::action::Action;
use crate::tui::screen::Effect;
use crate::tui::widgets::cursor::Cursor;

/// Lines a page key moves on a read-only page.
pub const PAGE: usize = 10;

/// The scroll of a read-only page; drawing tells it how far it goes.
#[derive(Debug)]
pub struct Page {
    /// The first line shown.
    pub scroll: Cursor,
    /// The last first line that still fills the page, at the last draw.
    pub last: Cell<usize>,
}

impl Default for Page {
    fn default() -> Page {
        Page {
            scroll: Cursor::with_page(PAGE),
            last: Cell::new(usize::MAX - 1),
        }
    }
}

impl Page {
    /// Scrolls by a list key; false when `action` is not one.
    pub fn scroll(&mut self, action: &Action) -> bool {
        self.scroll.apply(action, self.last.get() + 1)
    }

    /// The first line to draw of `total` in `height` rows.
    pub fn first(&self, total: usize, height: usize) -> usize {
        let last = total.saturating_sub(height);
        self.last.set(last);
        self.scroll.selected.min(last)
    }

    /// What a key on a page does besides scrolling.
    pub fn update(&mut self, action: Action) -> Effect {
        if self.scroll(&action) {
            return Effect::None;
        }
        match action {
            Action::Back | Action::Help => Effect::Close,
            Action::Quit => Effect::Many(vec![Effect::Close, Effect::Quit]),
            _ => Effect::None,
        }
    }
}
