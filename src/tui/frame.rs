//! Drawing the app: the header, the screens from the topmost full one up,
//! the message line and the footer. Every function here only reads.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

use super::app::App;
use super::screen::View;
use super::widgets::chrome;
use super::widgets::too_small::{self, fits};

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
}
