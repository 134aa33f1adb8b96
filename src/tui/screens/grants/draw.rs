//! The grants view: every grant in a table with the columns of `medel
//! grants` that fit, the one on screen marked, and below the selected
//! grant in full: the other figures, its dates and both references.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

use super::{GrantRow, GrantsState};
use crate::domain::sanitize::printable;
use crate::domain::status::Countdown;
use crate::i18n::grant_list::{details, flags_counted, headers, state};
use crate::i18n::screen_phrases::countdown;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table;
use crate::tui::widgets::text::{fit, left, right, width};

/// Marks the grant the main view shows; a symbol, so it reads without colour.
const CURRENT: &str = "●";
const DETAIL_ROWS: u16 = 8;
/// The title keeps at least this much room before a figure is left to
/// the details.
const TITLE_ROOM: usize = 30;

/// The columns of `medel grants`, in its order; the id is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Title,
    Year,
    State,
    Received,
    Allocated,
    Used,
    ToReturn,
    Repaid,
    Outstanding,
    Deadline,
    Warnings,
    Errors,
}

const ORDER: [Col; 12] = [
    Col::Title,
    Col::Year,
    Col::State,
    Col::Received,
    Col::Allocated,
    Col::Used,
    Col::ToReturn,
    Col::Repaid,
    Col::Outstanding,
    Col::Deadline,
    Col::Warnings,
    Col::Errors,
];

/// Shown while the terminal is wide enough, in this order; the details
/// always show the figures, and a reported grant says so in place of its
/// next deadline.
const OPTIONAL: [Col; 5] = [
    Col::State,
    Col::Used,
    Col::Allocated,
    Col::ToReturn,
    Col::Repaid,
];

fn head(col: Col, ctx: &Ctx) -> &'static str {
    let words = details(ctx.lang);
    match col {
        Col::Deadline => words.deadline_head,
        Col::Warnings => words.warnings_head,
        Col::Errors => words.errors_head,
        _ => headers(ctx.lang)[1 + ORDER.iter().position(|c| *c == col).unwrap_or(0)],
    }
}

fn cell(col: Col, row: &GrantRow, ctx: &Ctx) -> String {
    let l = &row.summary.line;
    let s = &l.status;
    let num = |m: crate::domain::money::Money| m.format(ctx.lang);
    match col {
        Col::Title => printable(&l.grant.title),
        Col::Year => l.grant.year.to_string(),
        Col::State => state(l.grant.state, ctx.lang).into(),
        Col::Received => num(s.received),
        Col::Allocated => num(s.allocated),
        Col::Used => num(s.used),
        Col::ToReturn => num(s.to_return),
        Col::Repaid => num(s.repaid),
        Col::Outstanding => num(s.outstanding),
        Col::Deadline => l
            .next_deadline
            .map_or_else(|| state(l.grant.state, ctx.lang).into(), |d| d.to_string()),
        Col::Warnings => l.warnings.to_string(),
        Col::Errors => l.errors.to_string(),
    }
}

/// The columns shown and their widths: every column as wide as its widest
/// value, the title the rest. Figures beyond the ones that fit at 80
/// columns join while the title keeps its room.
fn columns(inner: usize, cells: &[Vec<String>], ctx: &Ctx) -> Vec<(Col, usize)> {
    let widest = |i: usize| {
        cells
            .iter()
            .map(|row| width(&row[i]))
            .chain([width(head(ORDER[i], ctx))])
            .max()
            .unwrap_or(0)
    };
    let all: Vec<(Col, usize)> = ORDER
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, widest(i)))
        .collect();
    let title_wanted = all[0].1.min(TITLE_ROOM);
    let mut shown: Vec<Col> = ORDER
        .into_iter()
        .filter(|c| !OPTIONAL.contains(c))
        .collect();
    let title_left = |shown: &[Col]| {
        // The mark, and a space after it and after every column.
        let used: usize = all
            .iter()
            .filter(|(c, _)| *c != Col::Title && shown.contains(c))
            .map(|(_, w)| w + 1)
            .sum();
        inner.saturating_sub(used + 2)
    };
    for extra in OPTIONAL {
        let mut wider = shown.clone();
        wider.push(extra);
        if title_left(&wider) < title_wanted {
            break;
        }
        shown = wider;
    }
    let title = title_left(&shown).max(8);
    all.into_iter()
        .filter(|(c, _)| shown.contains(c))
        .map(|(c, w)| (c, if c == Col::Title { title } else { w }))
        .collect()
}

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, state: &GrantsState) {
    let [table_area, details_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(DETAIL_ROWS + 2)]).areas(body);
    draw_table(frame, table_area, ctx, state);
    draw_details(frame, details_area, ctx, state);
}

fn draw_table(frame: &mut Frame, area: Rect, ctx: &Ctx, state: &GrantsState) {
    let t = ctx.t();
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
    let cells: Vec<Vec<String>> = state
        .rows
        .iter()
        .map(|r| ORDER.iter().map(|c| cell(*c, r, ctx)).collect())
        .collect();
    let cols = columns(inner.width as usize, &cells, ctx);
    let place = |col: Col, text: &str, w: usize| match col {
        Col::Title | Col::State => fit(text, w),
        _ => right(text, w),
    };
    let header: Vec<Cell> = std::iter::once(Cell::from(""))
        .chain(
            cols.iter()
                .map(|(c, w)| Cell::from(place(*c, head(*c, ctx), *w))),
        )
        .collect();
    let widths: Vec<Constraint> = std::iter::once(Constraint::Length(1))
        .chain(cols.iter().map(|(_, w)| Constraint::Length(*w as u16)))
        .collect();
    let visible = inner.height.saturating_sub(1) as usize;
    let offset = state.cursor.window(visible, state.rows.len());
    let table_rows: Vec<Row> = state
        .rows
        .iter()
        .zip(&cells)
        .skip(offset)
        .take(visible)
        .map(|(r, row_cells)| {
            let mark = if Some(r.grant().id) == current {
                CURRENT
            } else {
                ""
            };
            let shown = cols.iter().map(|(c, w)| {
                let i = ORDER.iter().position(|o| o == c).unwrap_or(0);
                Cell::from(place(*c, &row_cells[i], *w))
            });
            Row::new(
                std::iter::once(Cell::from(mark))
                    .chain(shown)
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let table = Table::new(table_rows, widths)
        .header(Row::new(header).style(theme.column_header()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    table::draw(frame, area, table, &state.cursor, offset);
}

/// The selected grant in full: giver, references, dates, every figure and
/// its flags counted.
fn draw_details(frame: &mut Frame, area: Rect, ctx: &Ctx, state: &GrantsState) {
    let t = ctx.t();
    let words = details(ctx.lang);
    let Some(r) = state.selected() else {
        return frame.render_widget(Block::bordered(), area);
    };
    let (l, refs) = (&r.summary.line, &r.summary.references);
    let (g, s) = (&l.grant, &l.status);
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", fit(&g.title, area.width.saturating_sub(4) as usize)),
        ctx.theme.title(),
    ));
    let kr = |m: crate::domain::money::Money| m.format_with_unit(ctx.lang);
    let or_none = |text: &str| {
        if text.trim().is_empty() {
            words.none.to_string()
        } else {
            text.to_string()
        }
    };
    let count = if r.receipts == 1 {
        t.receipt_one
    } else {
        t.receipts_count
    };
    let rows = [
        (t.giver, g.giver.clone()),
        (
            words.references,
            format!(
                "{} {} · {} {}",
                words.giver_reference,
                or_none(&refs.giver_reference),
                words.own_reference,
                or_none(&refs.own_reference)
            ),
        ),
        (t.use_period, format!("{} – {}", g.use_from, g.use_until)),
        (t.report_due, g.report_due.to_string()),
        (
            t.received,
            format!("{} · {} {count}", kr(s.received), r.receipts),
        ),
        (
            words.allocated,
            format!("{} · {} {}", kr(s.allocated), words.used, kr(s.used)),
        ),
        (
            words.to_return,
            format!(
                "{} · {} {} · {} {}",
                kr(s.to_return),
                words.repaid,
                kr(s.repaid),
                words.outstanding,
                kr(s.outstanding)
            ),
        ),
        (
            words.standing,
            format!(
                "{} · {}",
                countdown(Countdown::of(g, ctx.today), ctx.lang),
                flags_counted(l.warnings, l.errors, ctx.lang)
            ),
        ),
    ];
    let label_cols = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(10) + 1;
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(label, value)| {
            Line::from(vec![
                Span::styled(left(label, label_cols), ctx.theme.dim()),
                Span::raw(printable(&value)),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
