//! A yes/no question over the current view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::util::{centered, wrap};
use crate::tui::app::{App, Question};

const WIDTH: u16 = 52;

pub fn draw(frame: &mut Frame, body: Rect, app: &App, q: &Question) {
    let cols = WIDTH.min(body.width).saturating_sub(2) as usize;
    // Wrapped here rather than by the widget, so an amount in the
    // question stays on one line.
    let mut lines: Vec<Line> = wrap(&q.text, cols)
        .into_iter()
        .map(|l| Line::styled(l, app.theme.emphasis()))
        .collect();
    let keys = app
        .lang
        .pick("j/y = ja · n/Esc = nej", "y = yes · n/Esc = no");
    lines.push(Line::from(""));
    lines.push(Line::styled(keys, app.theme.key()));
    let area = centered(body, WIDTH, lines.len() as u16 + 2);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(Span::styled(
        app.lang.pick(" Fråga ", " Question "),
        app.theme.title(),
    ));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
