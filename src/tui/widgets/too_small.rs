//! Shown instead of everything else while the terminal is below 80×24.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::screen_phrases::too_small_sizes;
use crate::tui::screen::Ctx;

/// The smallest terminal medel draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// True when a terminal of this size shows the app, not the notice.
pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let text = vec![
        Line::from(ctx.t().too_small).style(ctx.theme.emphasis()),
        Line::from(too_small_sizes(
            (MIN_WIDTH, MIN_HEIGHT),
            (area.width, area.height),
            ctx.lang,
        )),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
