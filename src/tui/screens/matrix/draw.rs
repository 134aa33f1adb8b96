//! The matrix: recipients down, focus areas across by number, a row total
//! column, a totals row, and a legend that names the numbered areas.
//! Amount columns are as wide as their content; when they do not all fit,
//! the view scrolls sideways instead of cutting an amount.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{MatrixLayout, MatrixState};
use crate::i18n::screen_phrases::shown_range;
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{fit, left, right, width};

/// Columns between legend entries.
const LEGEND_GAP: usize = 2;

/// One line of the table: the name, then the amount columns in view,
/// padded to the full width so a highlight spans the row.
fn table_line(name: &str, texts: &[String], l: &MatrixLayout, cols: usize) -> String {
    let mut out = left(name, l.name);
    let range = l.first..l.first + l.shown;
    for (text, w) in texts[range.clone()].iter().zip(&l.widths[range]) {
        out.push(' ');
        out.push_str(&right(text, *w));
    }
    let pad = cols.saturating_sub(width(&out));
    out.push_str(&" ".repeat(pad));
    out
}

/// "1 Samordnat stöd …" for every area, in as many columns as fit,
/// numbered down each column.
fn legend(ctx: &Ctx, m: &MatrixState, cols: usize) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let entries: Vec<(String, String)> = m
        .areas
        .iter()
        .map(|a| (a.position.to_string(), a.name(lang).to_string()))
        .collect();
    let widest = entries
        .iter()
        .map(|(n, s)| width(n) + 1 + width(s))
        .max()
        .unwrap_or(0)
        .min(cols);
    if widest == 0 {
        return Vec::new();
    }
    let per_line = ((cols + LEGEND_GAP) / (widest + LEGEND_GAP)).max(1);
    let lines = entries.len().div_ceil(per_line);
    (0..lines)
        .map(|row| {
            let mut spans = Vec::new();
            for col in 0..per_line {
                let Some((number, name)) = entries.get(col * lines + row) else {
                    break;
                };
                if col > 0 {
                    spans.push(Span::raw(" ".repeat(LEGEND_GAP)));
                }
                let text = left(name, widest.saturating_sub(width(number) + 1));
                spans.push(Span::styled(number.clone(), ctx.theme.key()));
                spans.push(Span::raw(format!(" {text}")));
            }
            Line::from(spans)
        })
        .collect()
}

/// What the bottom border says about rows and columns out of view.
fn scroll_hint(ctx: &Ctx, m: &MatrixState, l: &MatrixLayout, offset: usize, room: usize) -> String {
    let t = ctx.t();
    let mut parts = Vec::new();
    let n = m.rows.len();
    if n > room {
        parts.push(shown_range(
            t.rows_word,
            offset + 1,
            (offset + room).min(n),
            n,
            ctx.lang,
        ));
    }
    let all = l.widths.len();
    if l.shown < all {
        let before = if l.first > 0 { "← " } else { "" };
        let after = if l.first + l.shown < all { " →" } else { "" };
        let range = shown_range(
            t.columns_word,
            l.first + 1,
            l.first + l.shown,
            all,
            ctx.lang,
        );
        parts.push(format!("{before}{range}{after}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {} ", parts.join(" · "))
    }
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, m: &MatrixState) {
    let t = ctx.t();
    let lang = ctx.lang;
    let theme = &ctx.theme;
    let title = format!(" {} ({}) ", t.matrix_title, m.rows.len());
    let block = Block::bordered().title(Span::styled(title, theme.title()));
    if m.rows.is_empty() {
        let p = Paragraph::new(Line::from(t.no_recipients))
            .block(block)
            .wrap(Wrap { trim: true });
        return frame.render_widget(p, area);
    }
    let inner = block.inner(area);
    let cols = inner.width as usize;
    m.view_cols.set(cols);
    let l = m.layout(lang, t.total, cols);
    let legend = legend(ctx, m, cols);
    // The header, the totals row and the legend always show; rows scroll.
    let room = (inner.height as usize)
        .saturating_sub(2 + legend.len())
        .max(1);
    let offset = m.cursor.window(room, m.rows.len());

    let headers = m.headers(t.total);
    let mut lines = vec![Line::styled(
        table_line(t.name, &headers, &l, cols),
        theme.column_header(),
    )];
    for (i, row) in m.rows.iter().enumerate().skip(offset).take(room) {
        let style = if i == m.cursor.selected {
            theme.selected()
        } else {
            Style::new()
        };
        let texts = m.row_texts(row, lang);
        lines.push(Line::styled(table_line(&row.name, &texts, &l, cols), style));
    }
    lines.push(Line::styled(
        table_line(t.total, &m.total_texts(lang), &l, cols),
        theme.emphasis(),
    ));
    lines.extend(legend);
    let hint = scroll_hint(ctx, m, &l, offset, room);
    let block = block.title_bottom(Line::styled(fit(&hint, cols), theme.dim()).right_aligned());
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
