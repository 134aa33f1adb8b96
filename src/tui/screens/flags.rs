//! Every flag of the grant with its full reason, for when the status pane
//! is too small to hold them all.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::i18n::screen_phrases::flags_close;
use crate::tui::action::Action;
use crate::tui::keys::{KeyContext, key_for};
use crate::tui::screen::{Ctx, Effect, View};
use crate::tui::widgets::figures::{flag_lines, totals};
use crate::tui::widgets::page::Page;

#[derive(Debug, Default)]
pub struct FlagsState {
    pub page: Page,
}

impl View for FlagsState {
    fn contexts(&self) -> Vec<KeyContext> {
        // Main after List: `f` closes the page, `g` stays "first".
        vec![KeyContext::List, KeyContext::Main, KeyContext::Global]
    }

    /// Only the keys that work everywhere; the page says how it closes.
    fn footer(&self) -> Vec<KeyContext> {
        vec![KeyContext::Global]
    }

    fn update(&mut self, _ctx: &mut Ctx, action: Action) -> Effect {
        match action {
            Action::Flags => Effect::Close,
            other => self.page.update(other),
        }
    }

    fn draw(&self, frame: &mut Frame, body: Rect, ctx: &Ctx) -> Option<Position> {
        let data = ctx.grant.as_ref()?;
        frame.render_widget(Clear, body);
        let t = ctx.t();
        let lang = ctx.lang;
        let closes = flags_close(
            &key_for(KeyContext::Global, &Action::Back, lang),
            &key_for(KeyContext::Main, &Action::Flags, lang),
            lang,
        );
        let block = Block::bordered()
            .title(Span::styled(t.flags_title, ctx.theme.title()))
            .title_bottom(Line::styled(format!(" {closes} "), ctx.theme.dim()));
        let inner = block.inner(body);
        let cols = (inner.width as usize).min(76);
        let mut lines = totals(ctx, data, cols.min(40));
        lines.push(Line::from(""));
        if data.status.flags.is_empty() {
            lines.push(Line::styled(t.no_flags, ctx.theme.ok()));
        }
        lines.extend(flag_lines(ctx, data, cols));
        let scroll = self.page.first(lines.len(), inner.height as usize);
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .scroll((scroll as u16, 0)),
            body,
        );
        None
    }
}
