//! The report preview: the report's text, scrolled.

use crate::domain::sanitize::printable;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::ReportState;
use crate::i18n::screen_phrases::report_hint;
use crate::report::LineKind;
use crate::tui::action::Action;
use crate::tui::keys::{KeyContext, key_for};
use crate::tui::screen::Ctx;

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
    let cols = (inner.width as usize).max(1);
    let mut laid_out = r.laid_out.borrow_mut();
    if laid_out.0 != cols {
        // Text from data shows its control and bidi marks as visible
        // stand-ins, as on every other screen.
        let lines = r.doc.lines(cols).into_iter();
        *laid_out = (cols, lines.map(|(k, t)| (k, printable(&t))).collect());
    }
    r.display_len.set(laid_out.1.len());
    let lines: Vec<Line> = laid_out
        .1
        .iter()
        .skip(r.scroll.selected)
        .take(inner.height as usize)
        .map(|(kind, text)| styled(kind, text, ctx))
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Headings bold in the title colour, table rows as they are: the preview
/// reads like the document, without the text format's underlines.
fn styled<'a>(kind: &LineKind, text: &'a str, ctx: &Ctx) -> Line<'a> {
    match kind {
        LineKind::Title | LineKind::Heading => {
            Line::styled(text, ctx.theme.title().add_modifier(Modifier::BOLD))
        }
        LineKind::Subheading => Line::styled(text, Style::new().add_modifier(Modifier::BOLD)),
        LineKind::Body | LineKind::Table | LineKind::Blank => Line::from(text),
    }
}
