//! A list drawn as a table: only the rows in view are built, so a frame
//! costs the same for 15 rows or 1 500, and the cursor's row is marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Table, TableState};

use super::cursor::Cursor;

/// Draws `table`, built from the rows from `offset` on, with the row the
/// cursor is on highlighted.
pub fn draw(frame: &mut Frame, area: Rect, table: Table, cursor: &Cursor, offset: usize) {
    let mut state =
        TableState::default().with_selected(Some(cursor.selected.saturating_sub(offset)));
    frame.render_stateful_widget(table, area, &mut state);
}
