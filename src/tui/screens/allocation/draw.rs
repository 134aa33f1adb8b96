//! The allocation popup: the new amount and the remainder it leaves.

use crate::i18n::screen_phrases::read_only_title;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::AllocationState;
use crate::i18n::screen_phrases::allocation_hint;
use crate::tui::action::Action;
use crate::tui::keys::{KeyContext, key_for};
use crate::tui::screen::Ctx;
use crate::tui::widgets::text::{centered, left, width};

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, a: &AllocationState) -> Option<Position> {
    let t = ctx.t();
    let lang = ctx.lang;
    let theme = &ctx.theme;
    let area = centered(body, 56, 9);
    frame.render_widget(Clear, area);
    let title = format!(" {} · {} ", t.allocation_title, a.name);
    let title = if a.read_only {
        read_only_title(title.trim_end(), ctx.lang)
    } else {
        title
    };
    let block = Block::bordered().title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    let field_cols = 16usize;
    let (cursor, scroll) = a.input.cursor_and_scroll(field_cols);
    let visible: String = a.input.value().chars().skip(scroll).collect();
    let style = if a.input.is_fresh() {
        theme.field_fresh()
    } else {
        theme.field_focus()
    };
    let label = format!("{}: ", t.allocated);
    let mut lines = vec![
        Line::from(format!(
            "{}: {}",
            t.received,
            a.received.format_with_unit(lang)
        )),
        Line::from(vec![
            Span::raw(label.clone()),
            Span::styled(left(&visible, field_cols), style),
        ]),
    ];
    match (a.parsed(), a.remainder()) {
        (Err(e), _) => lines.push(Line::styled(format!("↳ {e}"), theme.error())),
        (Ok(_), Some(rest)) => {
            lines.push(Line::from(format!(
                "{}: {}",
                t.allocation_after,
                rest.format_with_unit(lang)
            )));
            if rest.is_negative() {
                lines.push(Line::styled(t.allocation_over, theme.error()));
            }
        }
        (Ok(_), None) => {}
    }
    let hint = allocation_hint(
        &key_for(KeyContext::Form, &Action::Confirm, lang),
        &key_for(KeyContext::Form, &Action::Back, lang),
        lang,
    );
    let hint = if a.read_only {
        t.closed_grant.to_string()
    } else {
        hint
    };
    lines.push(Line::styled(hint, theme.dim()));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
    let x = inner.x + (width(&label) + cursor) as u16;
    Some(Position::new(x, inner.y + 1))
}
