//! The main view: the recipients table beside the status pane.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

use super::list::MainList;
use super::status_pane;
use crate::domain::share::share_percent;
use crate::domain::status::{RecipientLine, RecipientStatus};
use crate::i18n::screen_phrases::{percent, status_word};
use crate::tui::screen::{Ctx, GrantData};
use crate::tui::widgets::table;
use crate::tui::widgets::text::{fit, right, width};

/// The status pane takes about a third of the width, within bounds.
fn pane_width(total: u16) -> u16 {
    (total * 3 / 10).clamp(24, 48)
}

pub fn draw_main(frame: &mut Frame, area: Rect, ctx: &Ctx, list: &MainList) {
    let Some(data) = &ctx.grant else {
        let p = Paragraph::new(ctx.t().no_grant)
            .block(Block::bordered())
            .wrap(Wrap { trim: true });
        return frame.render_widget(p, area);
    };
    let [table_area, pane_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(pane_width(area.width)),
    ])
    .areas(area);
    draw_table(frame, table_area, ctx, list, data);
    status_pane::draw(frame, pane_area, ctx, data);
}

struct Columns {
    name: usize,
    allocated: usize,
    used: usize,
    unused: usize,
    status: usize,
    show_unused: bool,
    overspent: usize,
    share: usize,
    /// Overspent and share used, when the terminal is wide.
    show_wide: bool,
}

/// Used as a share of the allocation, in whole percent.
fn share(r: &RecipientLine, lang: crate::domain::Lang) -> String {
    share_percent(r.used.ore(), r.allocated.ore())
        .map(|pct| percent(pct, lang))
        .unwrap_or_default()
}

/// The widest content (header included) of every column, names' too.
fn measure(ctx: &Ctx, data: &GrantData) -> [usize; 7] {
    let t = ctx.t();
    let lang = ctx.lang;
    let lines = &data.status.recipients;
    let widest = |header: &str, f: &dyn Fn(&RecipientLine) -> usize| {
        lines
            .iter()
            .map(f)
            .chain([width(header)])
            .max()
            .unwrap_or(0)
    };
    let status = RecipientStatus::ALL
        .iter()
        .map(|s| width(status_word(*s, lang)))
        .chain([width(t.status)])
        .max()
        .unwrap_or(7);
    [
        widest(t.allocated, &|r| width(&r.allocated.format(lang))),
        widest(t.used, &|r| width(&r.used.format(lang))),
        widest(t.unused, &|r| width(&r.unused.format(lang))),
        status,
        widest(t.name, &|r| width(&r.name)),
        widest(t.overspent, &|r| width(&r.overspent.format(lang))),
        widest(t.share, &|r| width(&share(r, lang))),
    ]
}

/// Each column as wide as its widest content; the name gets the rest and
/// the unused column is dropped first when the table is too narrow.
fn columns(inner: usize, ctx: &Ctx, data: &GrantData) -> Columns {
    let [
        allocated,
        used,
        unused,
        status,
        longest,
        overspent,
        share_cols,
    ] = *data.widths.get_or_init(|| measure(ctx, data));
    let with_unused = allocated + used + unused + status + 4;
    let with_wide = with_unused + overspent + share_cols + 2;
    let show_wide = inner >= with_wide + longest.min(24);
    let show_unused = inner >= with_unused + 14;
    let fixed = if show_wide {
        with_wide
    } else if show_unused {
        with_unused
    } else {
        allocated + used + status + 3
    };
    let name = inner.saturating_sub(fixed).min(longest + 2).max(8);
    Columns {
        name,
        allocated,
        used,
        unused,
        overspent,
        share: share_cols,
        show_wide,
        status,
        show_unused,
    }
}

fn draw_table(frame: &mut Frame, area: Rect, ctx: &Ctx, list: &MainList, data: &GrantData) {
    let t = ctx.t();
    let lang = ctx.lang;
    let theme = &ctx.theme;
    let mut title = format!(
        " {} ({}) · {} {} ",
        t.recipients,
        list.rows.len(),
        t.sorted_by,
        t.sort_keys[list.sort.index()]
    );
    if !list.active_filter().is_empty() {
        title.push_str(&format!(
            "· {}: {} ",
            t.filter,
            fit(list.active_filter(), 16)
        ));
    }
    let block = Block::bordered().title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    let cols = columns(inner.width as usize, ctx, data);

    let header_cells = {
        let mut v = vec![
            Cell::from(t.name),
            Cell::from(right(t.allocated, cols.allocated)),
            Cell::from(right(t.used, cols.used)),
        ];
        if cols.show_unused {
            v.push(Cell::from(right(t.unused, cols.unused)));
        }
        if cols.show_wide {
            v.push(Cell::from(right(t.overspent, cols.overspent)));
            v.push(Cell::from(right(t.share, cols.share)));
        }
        v.push(Cell::from(t.status));
        v
    };
    let row = |r: &RecipientLine| {
        let mut cells = vec![
            Cell::from(fit(&r.name, cols.name)),
            Cell::from(right(&r.allocated.format(lang), cols.allocated)),
            Cell::from(right(&r.used.format(lang), cols.used)),
        ];
        if cols.show_unused {
            let unused = if r.unused.is_zero() {
                String::new()
            } else {
                r.unused.format(lang)
            };
            cells.push(Cell::from(right(&unused, cols.unused)));
        }
        if cols.show_wide {
            let over = if r.overspent.is_zero() {
                String::new()
            } else {
                r.overspent.format(lang)
            };
            cells.push(Cell::from(right(&over, cols.overspent)));
            cells.push(Cell::from(right(&share(r, lang), cols.share)));
        }
        cells.push(Cell::from(Span::styled(
            status_word(r.status, lang),
            theme.status(r.status),
        )));
        Row::new(cells)
    };
    // Only the rows on screen are built, so a frame costs the same for 15
    // recipients or 1 500.
    let visible = inner.height.saturating_sub(1) as usize;
    let offset = list.cursor.window(visible, list.rows.len());
    let rows: Vec<Row> = list
        .rows
        .iter()
        .skip(offset)
        .take(visible)
        .filter_map(|&i| data.status.recipients.get(i))
        .map(row)
        .collect();
    let mut widths = vec![
        Constraint::Length(cols.name as u16),
        Constraint::Length(cols.allocated as u16),
        Constraint::Length(cols.used as u16),
    ];
    if cols.show_unused {
        widths.push(Constraint::Length(cols.unused as u16));
    }
    if cols.show_wide {
        widths.push(Constraint::Length(cols.overspent as u16));
        widths.push(Constraint::Length(cols.share as u16));
    }
    widths.push(Constraint::Length(cols.status as u16));

    if rows.is_empty() {
        let text = if data.status.recipients.is_empty() {
            t.no_recipients
        } else {
            t.no_match
        };
        frame.render_widget(
            Paragraph::new(Line::from(text))
                .block(block)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header_cells).style(theme.column_header()))
        .column_spacing(1)
        .row_highlight_style(theme.selected())
        .block(block);
    table::draw(frame, area, table, &list.cursor, offset);
}
