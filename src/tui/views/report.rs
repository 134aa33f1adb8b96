//! The report preview: the report's text, scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::util::{width, wrap};
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
    // The report is written 80 columns wide; a line that does not fit the
    // frame is wrapped, never cut.
    let display: Vec<String> = r
        .lines
        .iter()
        .flat_map(|l| {
            if width(l) <= cols {
                vec![l.clone()]
            } else {
                wrap(l, cols)
            }
        })
        .collect();
    r.display_len.set(display.len());
    let lines: Vec<Line> = display
        .into_iter()
        .skip(r.scroll)
        .take(inner.height as usize)
        .map(Line::from)
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
