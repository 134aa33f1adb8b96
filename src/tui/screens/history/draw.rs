//! The history view: when, who, what, old → new, for one recipient.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::{HistoryState, LIMIT};
use crate::i18n::changes::{describe, value, when};
use crate::i18n::screen_phrases::history_latest;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table;
use crate::tui::widgets::text::{fit, width};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, h: &HistoryState) {
    let t = ctx.t();
    let lang = ctx.lang;
    let theme = &ctx.theme;
    // At the limit the view says so: older changes are in `medel log`.
    let count = if h.entries.len() >= LIMIT {
        history_latest(h.entries.len(), lang)
    } else {
        h.entries.len().to_string()
    };
    let title = format!(" {} · {} ({count}) ", t.history_title, h.name);
    let block = Block::bordered().title(Span::styled(
        fit(&title, area.width as usize - 2),
        theme.title(),
    ));
    if h.entries.is_empty() {
        return frame.render_widget(Paragraph::new(t.no_changes).block(block), area);
    }
    let inner = block.inner(area);
    let cols = inner.width as usize;
    let who_cols = h
        .entries
        .iter()
        .map(|e| width(&e.who))
        .max()
        .unwrap_or(4)
        .clamp(4, 12);
    let what_cols = (cols / 3).clamp(16, 36);
    let change_cols = cols.saturating_sub(16 + who_cols + what_cols + 3);
    // Only the rows on screen are built; the grant is named when the
    // changes span more than one.
    let visible = inner.height.saturating_sub(1) as usize;
    let offset = h.cursor.window(visible, h.entries.len());
    let first = h.entries.first().and_then(|e| e.grant_id);
    let many_grants = h
        .entries
        .iter()
        .any(|e| e.grant_id.is_some() && e.grant_id != first);
    let rows: Vec<Row> = h
        .entries
        .iter()
        .skip(offset)
        .take(visible)
        .map(|e| {
            let change = format!(
                "{} → {}",
                value(&e.what, &e.old, lang),
                value(&e.what, &e.new, lang)
            );
            Row::new(vec![
                Cell::from(when(&e.at)),
                Cell::from(fit(&e.who, who_cols)),
                Cell::from(fit(
                    &match e
                        .grant_id
                        .and_then(|g| h.grants.get(&g))
                        .filter(|_| many_grants)
                    {
                        Some(grant) => format!("{grant} · {}", describe(&e.what, lang)),
                        None => describe(&e.what, lang),
                    },
                    what_cols,
                )),
                Cell::from(fit(&change, change_cols)),
            ])
        })
        .collect();
    let header = Row::new(t.history_columns).style(theme.column_header());
    let widths = [
        Constraint::Length(16),
        Constraint::Length(who_cols as u16),
        Constraint::Length(what_cols as u16),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    table::draw(frame, area, table, &h.cursor, offset);
}
