//! The allocation popup: the new amount and the remainder it leaves.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::util::{centered, left};
use crate::tui::allocation::AllocationState;
use crate::tui::app::App;

pub fn draw(frame: &mut Frame, body: Rect, app: &App, a: &AllocationState) {
    let t = app.t();
    let lang = app.lang;
    let theme = &app.theme;
    let area = centered(body, 56, 9);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(Span::styled(
        format!(" {} · {} ", t.allocation_title, a.name),
        theme.title(),
    ));
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
    lines.push(Line::styled(
        app.lang
            .pick("Enter sparar · Esc avbryter", "Enter saves · Esc cancels"),
        theme.dim(),
    ));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
    if app.overlay.is_none()
        && matches!(
            app.screens.last(),
            Some(crate::tui::app::Screen::Allocation(_))
        )
    {
        let x = inner.x + (super::util::width(&label) + cursor) as u16;
        frame.set_cursor_position((x, inner.y + 1));
    }
}
