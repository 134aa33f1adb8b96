//! A yes/no question over the current screen. The question carries what
//! each answer does; this screen only closes and hands it to the app.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::action::Action;
use crate::tui::keys::{KeyContext, hints};
use crate::tui::screen::{Ctx, Effect, Question, View};
use crate::tui::widgets::text::{centered, wrap};

const WIDTH: u16 = 52;

impl View for Question {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::Question]
    }

    fn update(&mut self, _ctx: &mut Ctx, action: Action) -> Effect {
        let answer = match action {
            Action::Yes => &mut self.on_yes,
            Action::No | Action::Back => &mut self.on_no,
            _ => return Effect::None,
        };
        Effect::Many(vec![Effect::Close, std::mem::take(answer)])
    }

    fn draw(&self, frame: &mut Frame, body: Rect, ctx: &Ctx) -> Option<Position> {
        let cols = WIDTH.min(body.width).saturating_sub(2) as usize;
        // Wrapped here rather than by the widget, so an amount in the
        // question stays on one line.
        let mut lines: Vec<Line> = wrap(&self.text, cols)
            .into_iter()
            .map(|l| Line::styled(l, ctx.theme.emphasis()))
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::styled(
            hints(KeyContext::Question, ctx.lang),
            ctx.theme.key(),
        ));
        let area = centered(body, WIDTH, lines.len() as u16 + 2);
        frame.render_widget(Clear, area);
        let block =
            Block::bordered().title(Span::styled(ctx.t().question_title, ctx.theme.title()));
        frame.render_widget(Paragraph::new(lines).block(block), area);
        None
    }
}
