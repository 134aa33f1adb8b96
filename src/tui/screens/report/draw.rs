//! The report preview: the report's text, scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::ReportState;
use crate::i18n::screen_phrases::report_hint;
use crate::tui::action::Action;
use crate::tui::keys::{KeyContext, key_for};
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{width, wrap};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, r: &ReportState) {
    let lang = ctx.lang;
    let title = ctx.t().report_title;
    let hint = report_hint(
        &key_for(KeyContext::ReportView, &Action::WriteFile, lang),
        &key_for(KeyContext::Global, &Action::Back, lang),
        lang,
    );
    let block = Block::bordered()
        .title(Span::styled(title, ctx.theme.title()))
        .title_bottom(Line::styled(hint, ctx.theme.dim()));
    let inner = block.inner(area);
    r.scroll.page.set(inner.height as usize);
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
        .skip(r.scroll.selected)
        .take(inner.height as usize)
        .map(Line::from)
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
