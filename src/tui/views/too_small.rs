//! Shown instead of everything else while the terminal is below 80×24.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.t();
    let text = vec![
        Line::from(t.too_small).style(app.theme.emphasis()),
        Line::from(format!(
            "{} {MIN_WIDTH}×{MIN_HEIGHT}, {} {}×{}",
            app.lang.pick("behöver", "need"),
            app.lang.pick("har", "have"),
            area.width,
            area.height
        )),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
