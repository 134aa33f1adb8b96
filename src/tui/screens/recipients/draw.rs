//! The recipients view: every recipient with its formal name, kind, its
//! allocation in the grant on screen, and whether it is retired, in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

use super::{RecipientRow, RecipientsState};
use crate::domain::model::RecipientKind;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table;
use crate::tui::widgets::text::{fit, right, width};

struct Columns {
    name: usize,
    formal: usize,
    kind: usize,
    allocated: usize,
    state: usize,
}

/// Fixed columns as wide as their content; the formal name gets the rest
/// and is the one cut when the screen is narrow.
fn columns(inner: usize, ctx: &Ctx, rows: &[RecipientRow]) -> Columns {
    let t = ctx.t();
    let lang = ctx.lang;
    let widest = |header: &str, f: &dyn Fn(&RecipientRow) -> usize| {
        rows.iter().map(f).chain([width(header)]).max().unwrap_or(0)
    };
    let kind = RecipientKind::ALL
        .iter()
        .map(|k| width(crate::i18n::kinds::recipient(*k, lang)))
        .chain([width(t.kind)])
        .max()
        .unwrap_or(8);
    let allocated = widest(t.allocated, &|r| {
        r.allocated.map_or(0, |m| width(&m.format(lang)))
    });
    let state = width(t.state).max(width(t.retired));
    let name = widest(t.name, &|r| width(&r.recipient.name)).min(24);
    let longest_formal = widest(t.formal_name, &|r| width(&r.recipient.formal_name));
    let formal = inner
        .saturating_sub(name + kind + allocated + state + 4)
        .min(longest_formal)
        .max(8);
    Columns {
        name,
        formal,
        kind,
        allocated,
        state,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, v: &RecipientsState) {
    let t = ctx.t();
    let lang = ctx.lang;
    let theme = &ctx.theme;
    let retired = v.rows.iter().filter(|r| r.recipient.retired).count();
    let mut title = format!(" {} ({}) ", t.recipients_title, v.rows.len());
    if retired > 0 {
        title.push_str(&format!("· {retired} {} ", t.retired));
    }
    let block = Block::bordered().title(Span::styled(title, theme.title()));
    if v.rows.is_empty() {
        let p = Paragraph::new(Line::from(t.no_recipient_rows))
            .block(block)
            .wrap(Wrap { trim: true });
        return frame.render_widget(p, area);
    }
    let inner = block.inner(area);
    let c = columns(inner.width as usize, ctx, &v.rows);
    let header = Row::new(vec![
        Cell::from(t.name),
        Cell::from(t.formal_name),
        Cell::from(t.kind),
        Cell::from(right(t.allocated, c.allocated)),
        Cell::from(t.state),
    ])
    .style(theme.column_header());
    let visible = inner.height.saturating_sub(1) as usize;
    let offset = v.cursor.window(visible, v.rows.len());
    let rows: Vec<Row> = v
        .rows
        .iter()
        .skip(offset)
        .take(visible)
        .map(|row| {
            let r = &row.recipient;
            let allocated = row.allocated.map(|m| m.format(lang)).unwrap_or_default();
            let state = if r.retired { t.retired } else { "" };
            let cells = vec![
                Cell::from(fit(&r.name, c.name)),
                Cell::from(fit(&r.formal_name, c.formal)),
                Cell::from(crate::i18n::kinds::recipient(r.kind, lang)),
                Cell::from(right(&allocated, c.allocated)),
                Cell::from(state),
            ];
            // Colour only adds: the state column says it in words.
            let style = if r.retired {
                theme.dim()
            } else {
                Default::default()
            };
            Row::new(cells).style(style)
        })
        .collect();
    let widths =
        [c.name, c.formal, c.kind, c.allocated, c.state].map(|w| Constraint::Length(w as u16));
    let table = Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    table::draw(frame, area, table, &v.cursor, offset);
}
