//! The report preview: the report's text, scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::util::fit;
use crate::tui::app::App;
use crate::tui::report_view::ReportState;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, r: &ReportState) {
    let lang = app.lang;
    let title = lang.pick(" Rapport (förhandsvisning) ", " Report (preview) ");
    let hint = lang.pick(
        " w skriver till fil · Esc stänger ",
        " w writes to a file · Esc closes ",
    );
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.title()))
        .title_bottom(Line::styled(hint, app.theme.dim()));
    let inner = block.inner(area);
    r.page.set(inner.height as usize);
    let cols = inner.width as usize;
    let lines: Vec<Line> = r
        .lines
        .iter()
        .skip(r.scroll)
        .take(inner.height as usize)
        .map(|l| Line::from(fit(l, cols)))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
