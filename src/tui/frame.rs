//! Drawing the app: the header, the screens from the topmost full one up,
//! the message line and the footer. Every function here only reads.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout};

use super::app::App;
use super::screen::View;
use super::widgets::chrome;
use super::widgets::too_small::{self, fits};
use crate::domain::sanitize::is_unsafe;

pub fn draw(frame: &mut Frame, app: &App) {
    let ctx = &app.ctx;
    let area = frame.area();
    if !fits(area.width, area.height) {
        return too_small::draw(frame, area, ctx);
    }
    let [header, body, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(frame, header, ctx);
    // The topmost full screen decides the body; popups above it draw over
    // it, and whatever lies below it is hidden. Only the screen on top,
    // drawn last, places the cursor.
    let top = app.screens.iter().rposition(|s| s.view().is_full());
    let mut cursor = match top {
        Some(i) => app.screens[i].view().draw(frame, body, ctx),
        None => app.main.draw(frame, body, ctx),
    };
    for screen in &app.screens[top.map_or(0, |i| i + 1)..] {
        cursor = screen.view().draw(frame, body, ctx);
    }
    match app.main.typing().filter(|_| app.screens.is_empty()) {
        Some(field) => {
            cursor = Some(chrome::input_line(
                frame,
                message,
                ctx,
                ctx.t().filter,
                field,
            ));
        }
        None => chrome::message_line(frame, message, ctx, app.message.as_ref()),
    }
    chrome::footer(frame, footer, ctx, &app.footer());
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
    guard(frame.buffer_mut());
}

/// The last check before the terminal, behind each screen's own use of
/// `printable`: a cell holding a character that must not reach a terminal
/// (an escape, a bidi control, a separator) shows the replacement
/// character instead, whichever screen drew it. One column either way, so
/// the screen's layout stays.
fn guard(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(is_unsafe) {
            cell.set_symbol("\u{fffd}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn no_unsafe_character_leaves_the_buffer() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        // Written past the widgets, straight into cells.
        for (i, s) in ["a", "\u{202e}", "\u{2028}", "\u{9b}", "\u{200b}", "b"]
            .iter()
            .enumerate()
        {
            buf.content[i].set_symbol(s);
        }
        guard(&mut buf);
        let shown: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(shown, "a\u{fffd}\u{fffd}\u{fffd}\u{fffd}b");
    }
}
