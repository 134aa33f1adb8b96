//! The spending form: one row per focus area (amount and note), the report
//! fields, live totals against the allocation, and errors under the field.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::state::{FieldKind, FormState};
use crate::domain::Lang;
use crate::i18n::screen::ScreenWords;
use crate::i18n::screen_phrases::{contact_label, read_only_title};
use crate::tui::screen::Ctx;
use crate::tui::widgets::field_lines::{ProseSpot, error_lines, field_spans};
use crate::tui::widgets::text::{fit, left, right, width};

const AMOUNT_COLS: usize = 13;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, form: &FormState) -> Option<Position> {
    let t = ctx.t();
    let lang = ctx.lang;
    let theme = &ctx.theme;
    let title = format!(
        " {} · {} · {} {} ",
        t.form_title,
        form.recipient_name,
        t.allocated.to_lowercase(),
        form.allocated.format_with_unit(lang)
    );
    let title = if form.read_only {
        read_only_title(title.trim_end(), lang)
    } else {
        title
    };
    let block = Block::bordered().title(Span::styled(
        fit(&title, area.width as usize - 2),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = inner.width as usize;
    let longest = form
        .focus_areas
        .iter()
        .map(|a| width(a.name(lang)) + 2)
        .max()
        .unwrap_or(16);
    let label_cols = longest
        .min(cols.saturating_sub(AMOUNT_COLS + 2 + 28))
        .max(16);
    let note_cols = cols.saturating_sub(label_cols + AMOUNT_COLS + 2);

    let mut lines: Vec<Line> = Vec::new();
    let mut cursor: Option<(usize, usize)> = None;
    let mut prose: Option<(ProseSpot, usize)> = None;
    lines.push(Line::from(vec![
        Span::styled(left(t.focus_area, label_cols), theme.column_header()),
        Span::raw(" "),
        Span::styled(right(t.amount, AMOUNT_COLS), theme.column_header()),
        Span::raw(" "),
        Span::styled(left(t.note, note_cols), theme.column_header()),
    ]));
    for (i, area_def) in form.focus_areas.iter().enumerate() {
        let amount = &form.fields[2 * i];
        let note = &form.fields[2 * i + 1];
        let label = format!("{} {}", area_def.position, area_def.name(lang));
        let (a, ac) = field_spans(
            &ctx.theme,
            &amount.input,
            AMOUNT_COLS,
            form.focus == 2 * i,
            true,
        );
        let note_focused = form.focus == 2 * i + 1;
        let note_x = label_cols + AMOUNT_COLS + 2;
        let spot = ProseSpot::of(&note.input, note_focused, note_x, lines.len(), note_cols);
        let (n, nc) = field_spans(&ctx.theme, &note.input, note_cols, note_focused, false);
        if let Some(c) = ac {
            cursor = Some((label_cols + 1 + c, lines.len()));
        }
        if let Some(c) = nc {
            cursor = Some((note_x + c, lines.len()));
        }
        lines.push(Line::from(vec![
            Span::raw(left(&label, label_cols)),
            Span::raw(" "),
            a,
            Span::raw(" "),
            n,
        ]));
        if let Some(spot) = spot {
            grow(&mut lines, spot);
            prose = Some((spot, 2 * i + 1));
        }
        if let Some(e) = &amount.error {
            lines.extend(error_lines(theme, e, label_cols + 1, cols));
        }
    }
    lines.push(Line::from(""));
    let report_label = FieldKind::REPORT
        .iter()
        .map(|k| width(label(*k, t, lang)))
        .max()
        .unwrap_or(10)
        + 1;
    for kind in FieldKind::REPORT {
        let Some(idx) = form.fields.iter().position(|f| f.kind == kind) else {
            continue;
        };
        let f = &form.fields[idx];
        let name = label(kind, t, lang);
        let field_cols = if kind == FieldKind::ReportedOn {
            12
        } else {
            cols.saturating_sub(report_label + 1)
        };
        let focused = form.focus == idx;
        let spot = ProseSpot::of(&f.input, focused, report_label + 1, lines.len(), field_cols);
        let (span, c) = field_spans(&ctx.theme, &f.input, field_cols, focused, false);
        if let Some(c) = c {
            cursor = Some((report_label + 1 + c, lines.len()));
        }
        lines.push(Line::from(vec![
            Span::raw(left(name, report_label)),
            Span::raw(" "),
            span,
        ]));
        if let Some(spot) = spot {
            grow(&mut lines, spot);
            prose = Some((spot, idx));
        }
        if let Some(e) = &f.error {
            lines.extend(error_lines(theme, e, report_label + 1, cols));
        }
    }
    lines.push(Line::from(""));
    lines.push(totals_line(ctx, form));
    if form.is_dirty() {
        lines.push(Line::styled(t.unsaved, theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((spot, idx)) = prose {
        return spot.draw(frame, theme, &form.fields[idx].input, inner);
    }
    let (x, y) = cursor?;
    ((y as u16) < inner.height).then(|| Position::new(inner.x + x as u16, inner.y + y as u16))
}

/// The label of a report field.
fn label(kind: FieldKind, t: &ScreenWords, lang: Lang) -> &'static str {
    match kind {
        FieldKind::ReportedOn => t.reported_on,
        FieldKind::Reason => t.reason_unused,
        FieldKind::Contact => contact_label(lang),
        _ => t.evaluation,
    }
}

/// The blank lines under a focused field of several lines, its room to
/// grow into.
fn grow(lines: &mut Vec<Line<'static>>, spot: ProseSpot) {
    for _ in 1..spot.rows {
        lines.push(Line::from(""));
    }
}

/// Used against allocated, with what is left or overspent, as typed.
fn totals_line(ctx: &Ctx, form: &FormState) -> Line<'static> {
    let t = ctx.t();
    let lang = ctx.lang;
    let used = form.live_used();
    let mut spans = vec![
        Span::styled(
            format!("{} {}", t.used, used.format(lang)),
            ctx.theme.emphasis(),
        ),
        Span::raw(format!(
            " {} {}",
            t.of,
            form.allocated.format_with_unit(lang)
        )),
    ];
    let (label, amount, style): (&str, _, Style) = if used > form.allocated {
        (
            t.overspent,
            used - form.allocated,
            ctx.theme
                .status(crate::domain::status::RecipientStatus::Overspent),
        )
    } else {
        (t.unused, form.allocated - used, Style::new())
    };
    spans.push(Span::styled(
        format!(" · {label} {}", amount.format_with_unit(lang)),
        style,
    ));
    Line::from(spans)
}
