//! The grant's figures as lines: the totals that decide the return, and
//! every flag with its reason, marked by a symbol so it reads without
//! colour. The status pane and the flags page both show them.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::text::{right, width, wrap};
use crate::domain::flags::Flag;
use crate::domain::money::Money;
use crate::domain::status::Countdown;
use crate::tui::screen::{Ctx, GrantData};

/// Label and amount lines of the totals, padded to `cols`.
pub fn totals(ctx: &Ctx, data: &GrantData, cols: usize) -> Vec<Line<'static>> {
    let t = ctx.t();
    let s = &data.status;
    let unallocated_label = if s.unallocated.is_negative() {
        t.over_allocated
    } else {
        t.unallocated
    };
    let return_label = if Countdown::of(&data.grant, ctx.today).return_is_due() {
        t.to_return
    } else {
        t.not_yet_used
    };
    let mut rows: Vec<(&str, Money, bool)> = vec![
        (t.received, s.received, false),
        (t.allocated, s.allocated, false),
        (unallocated_label, s.unallocated.max(-s.unallocated), false),
        (t.used, s.used, false),
        (t.credited, s.credited, false),
        (return_label, s.to_return, s.repaid.is_zero()),
    ];
    // Until money goes back, outstanding is the amount to return and two
    // more lines would only push flags off a small screen.
    if !s.repaid.is_zero() {
        rows.push((t.repaid, s.repaid, false));
        rows.push((t.outstanding, s.outstanding, true));
    }
    let mut lines = Vec::new();
    for (label, amount, strong) in rows {
        let value = amount.format(ctx.lang);
        let style = if strong {
            ctx.theme.emphasis()
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
pub fn flag_block(ctx: &Ctx, flag: &Flag, cols: usize) -> Vec<Line<'static>> {
    let sev = flag.severity();
    let style = ctx.theme.severity(sev);
    let mark = format!("{:<2} ", sev.symbol());
    let indent = width(&mark);
    wrap(
        &crate::i18n::flags::message(flag, ctx.lang),
        cols.saturating_sub(indent),
    )
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

/// Every flag, for the flags page.
pub fn flag_lines(ctx: &Ctx, data: &GrantData, cols: usize) -> Vec<Line<'static>> {
    data.status
        .flags
        .iter()
        .flat_map(|f| flag_block(ctx, f, cols))
        .collect()
}
