//! The frame around every screen: the header bar, the message line and
//! the footer of keys.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{fit, width};
use super::text_field::TextField;
use crate::domain::status::Countdown;
use crate::i18n::screen_phrases::countdown;
use crate::tui::keys::{self, KeyContext};
use crate::tui::screen::{Ctx, Message};

pub fn header(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let t = ctx.t();
    let (title, right) = match &ctx.grant {
        Some(d) => (
            format!(" {} · {} · {}", t.app, d.grant.title, d.grant.giver),
            countdown(Countdown::of(&d.grant, ctx.today), ctx.lang),
        ),
        None => (format!(" {}", t.app), String::new()),
    };
    let right = if ctx.store.is_read_only() {
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
    frame.render_widget(Paragraph::new(line).style(ctx.theme.header_bar()), area);
}

/// A text being typed on the message line, such as a search; returns
/// where the cursor goes.
pub fn input_line(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    label: &str,
    field: &TextField,
) -> Position {
    let cols = area.width as usize;
    let label = format!(" {label}: ");
    let (cursor, scroll) = field.cursor_and_scroll(cols.saturating_sub(width(&label)));
    let visible: String = field.value().chars().skip(scroll).collect();
    let line = Line::from(vec![
        Span::styled(label.clone(), ctx.theme.key()),
        Span::raw(fit(&visible, cols - width(&label))),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    Position::new(area.x + (width(&label) + cursor) as u16, area.y)
}

pub fn message_line(frame: &mut Frame, area: Rect, ctx: &Ctx, message: Option<&Message>) {
    let cols = area.width as usize;
    if let Some(m) = message {
        let style = if m.error {
            ctx.theme.error()
        } else {
            ctx.theme.ok()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(fit(&format!(" {}", m.text), cols), style)),
            area,
        );
    }
}

/// The keys of the view that fit, in the key table's order (most used
/// first), and always `?` for the rest.
pub fn footer(frame: &mut Frame, area: Rect, ctx: &Ctx, contexts: &[KeyContext]) {
    let item_width = |(key, what): &(String, &str)| width(key) + width(what) + 3;
    let (help, others): (Vec<_>, Vec<_>) = keys::footer(contexts, ctx.lang)
        .into_iter()
        .partition(|(key, _)| key == "?");
    let room = (area.width as usize).saturating_sub(help.iter().map(item_width).sum());
    let mut used = 0;
    let mut shown = Vec::new();
    for item in others {
        let w = item_width(&item);
        if used + w > room {
            break;
        }
        used += w;
        shown.push(item);
    }
    let mut spans = Vec::new();
    for (key, what) in shown.into_iter().chain(help) {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, ctx.theme.key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
