//! The status pane: the totals that decide the return, then every flag
//! with its reason, marked by a symbol so it reads without colour. When
//! the flags do not fit, the last line says how many more `f` shows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::util::{right, width, wrap};
use crate::domain::flags::Flag;
use crate::domain::money::Money;
use crate::i18n::flags;
use crate::tui::app::{App, GrantData};

/// Label and amount lines of the totals, padded to `cols`.
pub fn totals(app: &App, data: &GrantData, cols: usize) -> Vec<Line<'static>> {
    let t = app.t();
    let s = &data.status;
    let unallocated_label = if s.unallocated.is_negative() {
        t.over_allocated
    } else {
        t.unallocated
    };
    let rows: [(&str, Money, bool); 6] = [
        (t.received, s.received, false),
        (t.allocated, s.allocated, false),
        (unallocated_label, s.unallocated.max(-s.unallocated), false),
        (t.used, s.used, false),
        (t.credited, s.credited, false),
        (t.to_return, s.to_return, true),
    ];
    let mut lines = Vec::new();
    for (label, amount, strong) in rows {
        let value = amount.format(app.lang);
        let style = if strong {
            app.theme.emphasis()
        } else {
            Style::new()
        };
        // An amount is never cut: when label and amount do not fit on one
        // line, the amount goes on its own line.
        if width(label) + 1 + width(&value) <= cols {
            let room = cols - width(label) - 1;
            lines.push(Line::styled(
                format!("{label} {}", right(&value, room)),
                style,
            ));
        } else {
            lines.push(Line::styled(label.to_string(), style));
            lines.push(Line::styled(right(&value, cols), style));
        }
    }
    lines
}

/// One flag as wrapped lines with a hanging indent after its symbol.
fn flag_block(app: &App, flag: &Flag, cols: usize) -> Vec<Line<'static>> {
    let sev = flag.severity();
    let style = app.theme.severity(sev);
    let mark = format!("{:<2} ", sev.symbol());
    let indent = width(&mark);
    wrap(&flags::message(flag, app.lang), cols.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let lead = if i == 0 {
                mark.clone()
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![Span::styled(lead, style), Span::styled(text, style)])
        })
        .collect()
}

/// Every flag, for the flags overlay.
pub fn flag_lines(app: &App, data: &GrantData, cols: usize) -> Vec<Line<'static>> {
    data.status
        .flags
        .iter()
        .flat_map(|f| flag_block(app, f, cols))
        .collect()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, data: &GrantData) {
    let t = app.t();
    let block = Block::bordered().title(Span::styled(format!(" {} ", t.status), app.theme.title()));
    let inner = block.inner(area);
    let cols = inner.width as usize;
    let mut lines = totals(app, data, cols);
    lines.push(Line::from(""));
    if data.status.flags.is_empty() {
        lines.push(Line::styled(t.no_flags, app.theme.ok()));
    }
    let room = (inner.height as usize).saturating_sub(lines.len());
    // Whole flags while they fit; only those shown are worded, so a grant
    // with hundreds of flags draws as fast as one with three.
    let flags = &data.status.flags;
    let mut used = 0;
    let mut shown = 0;
    for (i, flag) in flags.iter().enumerate() {
        let block = flag_block(app, flag, cols);
        let last = i + 1 == flags.len();
        let needed = block.len() + usize::from(!last);
        if used + needed > room {
            break;
        }
        used += block.len();
        shown += 1;
        lines.extend(block);
    }
    if shown < flags.len() {
        let more = app.lang.pick(
            format!("… {} till: tryck f", flags.len() - shown),
            format!("… {} more: press f", flags.len() - shown),
        );
        lines.push(Line::styled(more, app.theme.key()));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
