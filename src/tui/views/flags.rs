//! Every flag of the grant with its full reason, for when the status pane
//! is too small to hold them all.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::status_pane::{flag_lines, totals};
use crate::tui::app::App;

pub fn draw(frame: &mut Frame, body: Rect, app: &App, scroll: usize) {
    let Some(data) = &app.data else { return };
    frame.render_widget(Clear, body);
    let t = app.t();
    let title = app.lang.pick(" Flaggor ", " Flags ");
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.title()))
        .title_bottom(Line::styled(
            format!(
                " {} ",
                app.lang.pick("Esc eller f stänger", "Esc or f closes")
            ),
            app.theme.dim(),
        ));
    let inner = block.inner(body);
    let cols = (inner.width as usize).min(76);
    let mut lines = totals(app, data, cols.min(40));
    lines.push(Line::from(""));
    if data.status.flags.is_empty() {
        lines.push(Line::styled(t.no_flags, app.theme.ok()));
    }
    lines.extend(flag_lines(app, data, cols));
    let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        body,
    );
}
