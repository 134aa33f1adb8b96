//! The chart: one line per recipient — name, bar, unused amount — a head
//! and a legend that says what each mark means.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{ChartState, cells, ordered, scale};
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{fit, left, right, width};

/// Marks that read without colour: used, unused, used over the allocation.
pub const USED: char = '█';
pub const UNUSED: char = '░';
pub const OVER: char = '▓';

const NAME_COLS: usize = 20;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, state: &ChartState) {
    let t = ctx.t();
    let lang = ctx.lang;
    let theme = &ctx.theme;
    let Some(data) = ctx.grant.as_ref() else {
        return;
    };
    let title = format!(" {} · {} ", t.chart_title, data.grant.title);
    let cols = area.width.saturating_sub(2) as usize;
    let block = Block::bordered().title(Span::styled(fit(&title, cols), theme.title()));
    let inner = block.inner(area);
    let lines_all = ordered(&data.status.recipients);
    let full = scale(&data.status.recipients);
    let amount_cols = lines_all
        .iter()
        .map(|r| width(&r.unused.format(lang)))
        .chain([width(t.unused)])
        .max()
        .unwrap_or(8);
    let bar_cols = cols.saturating_sub(NAME_COLS + amount_cols + 2).max(1);
    let mut lines = vec![Line::styled(
        format!(
            "{} {} {}",
            left(t.name, NAME_COLS),
            left(t.chart_bar_head, bar_cols),
            right(t.unused, amount_cols)
        ),
        theme.column_header(),
    )];
    // Head and legend take two lines; the rest scrolls.
    let visible = (inner.height as usize).saturating_sub(3);
    let offset = state.cursor.window(visible, lines_all.len());
    for (i, r) in lines_all.iter().enumerate().skip(offset).take(visible) {
        let (used, unused, over) = cells(r, full, bar_cols);
        let rest = bar_cols - used - unused - over;
        let row_style = if i == state.cursor.selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(
            Line::from(vec![
                Span::raw(format!("{} ", left(&fit(&r.name, NAME_COLS), NAME_COLS))),
                Span::styled(USED.to_string().repeat(used), theme.ok()),
                Span::styled(UNUSED.to_string().repeat(unused), theme.error()),
                Span::styled(OVER.to_string().repeat(over), theme.key()),
                Span::raw(" ".repeat(rest)),
                Span::raw(format!(" {}", right(&r.unused.format(lang), amount_cols))),
            ])
            .style(row_style),
        );
    }
    while lines.len() < visible + 1 {
        lines.push(Line::from(""));
    }
    let legend = format!(
        "{USED} {}  {UNUSED} {}  {OVER} {}",
        t.chart_used, t.chart_unused, t.chart_over
    );
    lines.push(Line::styled(fit(&legend, cols), theme.dim()));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
