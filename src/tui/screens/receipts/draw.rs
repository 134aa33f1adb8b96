//! The receipts of one grant: date, kind, amount and note, the total
//! under the amounts, and the selected receipt's note in full below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

use super::{Entry, ReceiptsState};
use crate::domain::model::ReceiptKind;
use crate::tui::screen::Ctx;
use crate::tui::widgets::table;
use crate::tui::widgets::text::{fit, right, width, wrap};

const DATE_COLS: usize = 10;
const NOTE_ROWS: u16 = 3;

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, state: &ReceiptsState) {
    let [table_area, note_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(NOTE_ROWS + 2)]).areas(body);
    draw_table(frame, table_area, ctx, state);
    draw_note(frame, note_area, ctx, state);
}

fn draw_table(frame: &mut Frame, area: Rect, ctx: &Ctx, state: &ReceiptsState) {
    let t = ctx.t();
    let lang = ctx.lang;
    let theme = &ctx.theme;
    let title = format!(
        " {} ({}) · {} · {} ",
        t.receipts,
        state.len(),
        state.grant.title,
        t.state_word(state.grant.state)
    );
    let block = Block::bordered().title(Span::styled(
        fit(&title, area.width.saturating_sub(2) as usize),
        theme.title(),
    ));
    if state.len() == 0 {
        let p = Paragraph::new(t.no_receipts)
            .block(block)
            .wrap(Wrap { trim: true });
        return frame.render_widget(p, area);
    }
    let inner = block.inner(area);
    let total = state.total().format(lang);
    let entries = state.entries();
    let kind_of = |e: &Entry<'_>| match e {
        Entry::In(r) => crate::i18n::kinds::receipt(r.kind, lang),
        Entry::Back(r) => crate::i18n::money_back::repayment_kind(r.kind, lang),
    };
    let kind_cols = ReceiptKind::ALL
        .iter()
        .map(|k| width(crate::i18n::kinds::receipt(*k, lang)))
        .chain(entries.iter().map(|e| width(kind_of(e))))
        .chain([width(t.kind), width(t.total)])
        .max()
        .unwrap_or(12);
    // Amounts are never cut: the column is as wide as the widest one.
    let amount_cols = entries
        .iter()
        .map(|e| width(&e.signed().format(lang)))
        .chain([width(t.amount), width(&total)])
        .max()
        .unwrap_or(10);
    let note_cols = (inner.width as usize).saturating_sub(DATE_COLS + kind_cols + amount_cols + 3);
    let visible = inner.height.saturating_sub(2) as usize;
    let offset = state.cursor.window(visible, entries.len());
    let rows: Vec<Row> = entries
        .iter()
        .skip(offset)
        .take(visible)
        .map(|e| {
            Row::new(vec![
                Cell::from(e.date().to_string()),
                Cell::from(kind_of(e)),
                Cell::from(right(&e.signed().format(lang), amount_cols)),
                Cell::from(fit(e.note(), note_cols)),
            ])
        })
        .collect();
    let header = Row::new(vec![
        Cell::from(t.date),
        Cell::from(t.kind),
        Cell::from(right(t.amount, amount_cols)),
        Cell::from(t.receipt_note),
    ])
    .style(theme.column_header());
    let footer = Row::new(vec![
        Cell::from(""),
        Cell::from(t.total),
        Cell::from(right(&total, amount_cols)),
        Cell::from(""),
    ])
    .style(theme.emphasis());
    let widths = [
        Constraint::Length(DATE_COLS as u16),
        Constraint::Length(kind_cols as u16),
        Constraint::Length(amount_cols as u16),
        Constraint::Length(note_cols as u16),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .footer(footer)
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    table::draw(frame, area, table, &state.cursor, offset);
}

/// The selected receipt's note, wrapped, since the table cuts it.
fn draw_note(frame: &mut Frame, area: Rect, ctx: &Ctx, state: &ReceiptsState) {
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", ctx.t().receipt_note),
        ctx.theme.title(),
    ));
    let cols = block.inner(area).width as usize;
    let lines: Vec<Line> = state
        .selected_entry()
        .map(|e| wrap(e.note(), cols).into_iter().map(Line::from).collect())
        .unwrap_or_default();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
