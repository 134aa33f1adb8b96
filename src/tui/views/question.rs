//! A yes/no question over the current view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::util::centered;
use crate::tui::app::{App, Question};

pub fn draw(frame: &mut Frame, body: Rect, app: &App, q: &Question) {
    let area = centered(body, 52, 6);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(Span::styled(
        app.lang.pick(" Fråga ", " Question "),
        app.theme.title(),
    ));
    let keys = app
        .lang
        .pick("j/y = ja · n/Esc = nej", "y = yes · n/Esc = no");
    let lines = vec![
        Line::styled(q.text.clone(), app.theme.emphasis()),
        Line::from(""),
        Line::styled(keys, app.theme.key()),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
