//! The frame around every view: the header bar, the message line and the
//! footer of keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::util::{fit, width};
use crate::domain::status::Countdown;
use crate::i18n::screen::countdown;
use crate::tui::app::App;
use crate::tui::keys;

pub fn header(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.t();
    let (title, right) = match &app.data {
        Some(d) => (
            format!(" {} · {} · {}", t.app, d.grant.title, d.grant.giver),
            countdown(Countdown::of(&d.grant, app.today), app.lang),
        ),
        None => (format!(" {}", t.app), String::new()),
    };
    let right = if app.store.is_read_only() {
        format!("{} · {right}", t.read_only)
    } else {
        right
    };
    let cols = area.width as usize;
    let right = format!("{right} ");
    let title = fit(&title, cols.saturating_sub(width(&right) + 1));
    let gap = cols.saturating_sub(width(&title) + width(&right));
    let line = Line::from(vec![
        Span::raw(title),
        Span::raw(" ".repeat(gap)),
        Span::raw(right),
    ]);
    frame.render_widget(Paragraph::new(line).style(app.theme.header_bar()), area);
}

pub fn message_line(frame: &mut Frame, area: Rect, app: &App) {
    let cols = area.width as usize;
    if app.screens.is_empty()
        && app.overlay.is_none()
        && let Some(f) = &app.list.filter_input
    {
        let label = format!(" {}: ", app.t().filter);
        let (cursor, scroll) = f.cursor_and_scroll(cols.saturating_sub(width(&label)));
        let visible: String = f.value().chars().skip(scroll).collect();
        let line = Line::from(vec![
            Span::styled(label.clone(), app.theme.key()),
            Span::raw(fit(&visible, cols - width(&label))),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        frame.set_cursor_position((area.x + (width(&label) + cursor) as u16, area.y));
        return;
    }
    if let Some(m) = &app.message {
        let style = if m.error {
            app.theme.error()
        } else {
            app.theme.ok()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(fit(&format!(" {}", m.text), cols), style)),
            area,
        );
    }
}

pub fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in keys::footer(&footer_contexts(app), app.lang) {
        let w = width(&key) + width(what) + 3;
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, app.theme.key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Over an overlay only the keys that work everywhere are offered; the
/// page itself says how it closes.
fn footer_contexts(app: &App) -> Vec<keys::Context> {
    if app.overlay.is_some() {
        vec![keys::Context::Global]
    } else {
        app.contexts()
    }
}
