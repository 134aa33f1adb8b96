//! The grants view: every grant in a table, the one on screen marked,
//! and the details of the selected one below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

use super::{GrantRow, GrantsState};
use crate::domain::status::Countdown;
use crate::i18n::screen_phrases::countdown;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table;
use crate::tui::widgets::text::{fit, left, right, width};

/// Marks the grant the main view shows; a symbol, so it reads without colour.
const CURRENT: &str = "●";
const DETAIL_ROWS: u16 = 4;

struct Columns {
    title: usize,
    year: usize,
    giver: Option<usize>,
    state: usize,
    received: usize,
    deadline: usize,
}

/// Numbers, states and dates as wide as their widest value; the title gets
/// the rest, and the giver a column only when the title keeps enough room
/// (it is always in the details below).
fn columns(inner: usize, ctx: &Ctx, rows: &[(&GrantRow, String)]) -> Columns {
    let t = ctx.t();
    let widest = |header: &str, f: &dyn Fn(&(&GrantRow, String)) -> usize| {
        rows.iter().map(f).chain([width(header)]).max().unwrap_or(0)
    };
    let year = widest(t.year, &|(r, _)| width(&r.grant.year.to_string()));
    let state = t
        .state_words
        .iter()
        .map(|w| width(w))
        .chain([width(t.status)])
        .max()
        .unwrap_or(9);
    let received = widest(t.received, &|(r, _)| width(&r.received.format(ctx.lang)));
    let title_wanted = widest(t.title, &|(r, _)| width(&r.grant.title));
    let giver_wanted = widest(t.giver, &|(r, _)| width(&r.grant.giver)).min(28);
    // Titles tell grants apart, so they come before the deadline's words
    // (which the details box below repeats in full).
    let others = 1 + year + state + received + 5;
    let deadline = widest(t.deadline, &|(_, c)| width(c))
        .min(inner.saturating_sub(others + title_wanted.min(32)))
        .max(12);
    // Mark and the spaces between six columns.
    let fixed = others + deadline;
    let rest = inner.saturating_sub(fixed);
    let giver = (rest > title_wanted.min(30) + giver_wanted).then_some(giver_wanted);
    let title = rest.saturating_sub(giver.map_or(0, |g| g + 1)).max(8);
    Columns {
        title,
        year,
        giver,
        state,
        received,
        deadline,
    }
}

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, state: &GrantsState) {
    let [table_area, details_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(DETAIL_ROWS + 2)]).areas(body);
    draw_table(frame, table_area, ctx, state);
    draw_details(frame, details_area, ctx, state);
}

fn draw_table(frame: &mut Frame, area: Rect, ctx: &Ctx, state: &GrantsState) {
    let t = ctx.t();
    let lang = ctx.lang;
    let theme = &ctx.theme;
    let title = format!(" {} ({}) · {} ", t.grants, state.rows.len(), t.shown_now);
    let block = Block::bordered().title(Span::styled(title, theme.title()));
    if state.rows.is_empty() {
        let p = Paragraph::new(t.no_grants)
            .block(block)
            .wrap(Wrap { trim: true });
        return frame.render_widget(p, area);
    }
    let inner = block.inner(area);
    let current = ctx.grant.as_ref().map(|d| d.grant.id);
    let rows: Vec<(&GrantRow, String)> = state
        .rows
        .iter()
        .map(|r| (r, countdown(Countdown::of(&r.grant, ctx.today), lang)))
        .collect();
    let cols = columns(inner.width as usize, ctx, &rows);

    let mut header = vec![
        Cell::from(""),
        Cell::from(t.title),
        Cell::from(right(t.year, cols.year)),
    ];
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Length(cols.title as u16),
        Constraint::Length(cols.year as u16),
    ];
    if let Some(g) = cols.giver {
        header.push(Cell::from(t.giver));
        widths.push(Constraint::Length(g as u16));
    }
    header.extend([
        Cell::from(t.status),
        Cell::from(right(t.received, cols.received)),
        Cell::from(t.deadline),
    ]);
    widths.extend([
        Constraint::Length(cols.state as u16),
        Constraint::Length(cols.received as u16),
        Constraint::Length(cols.deadline as u16),
    ]);
    let visible = inner.height.saturating_sub(1) as usize;
    let offset = state.cursor.window(visible, rows.len());
    let table_rows: Vec<Row> = rows
        .iter()
        .skip(offset)
        .take(visible)
        .map(|(r, deadline)| {
            let g = &r.grant;
            let mark = if Some(g.id) == current { CURRENT } else { "" };
            let mut cells = vec![
                Cell::from(mark),
                Cell::from(fit(&g.title, cols.title)),
                Cell::from(right(&g.year.to_string(), cols.year)),
            ];
            if let Some(w) = cols.giver {
                cells.push(Cell::from(fit(&g.giver, w)));
            }
            cells.extend([
                Cell::from(t.state_word(g.state)),
                Cell::from(right(&r.received.format(lang), cols.received)),
                Cell::from(fit(deadline, cols.deadline)),
            ]);
            Row::new(cells)
        })
        .collect();
    let table = Table::new(table_rows, widths)
        .header(Row::new(header).style(theme.column_header()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    table::draw(frame, area, table, &state.cursor, offset);
}

/// Giver, dates and receipts of the selected grant, in full.
fn draw_details(frame: &mut Frame, area: Rect, ctx: &Ctx, state: &GrantsState) {
    let t = ctx.t();
    let Some(r) = state.selected() else {
        return frame.render_widget(Block::bordered(), area);
    };
    let g = &r.grant;
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", fit(&g.title, area.width.saturating_sub(4) as usize)),
        ctx.theme.title(),
    ));
    let labels = [t.giver, t.use_period, t.report_due, t.received];
    let label_cols = labels.iter().map(|l| width(l)).max().unwrap_or(10) + 1;
    let count = if r.receipts == 1 {
        t.receipt_one
    } else {
        t.receipts_count
    };
    let received = format!(
        "{} · {} {count}",
        r.received.format_with_unit(ctx.lang),
        r.receipts
    );
    let values = [
        g.giver.clone(),
        format!("{} – {}", g.use_from, g.use_until),
        g.report_due.to_string(),
        received,
    ];
    let lines: Vec<Line> = labels
        .iter()
        .zip(values)
        .map(|(l, v)| {
            Line::from(vec![
                Span::styled(left(l, label_cols), ctx.theme.dim()),
                Span::raw(crate::domain::sanitize::printable(&v)),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
