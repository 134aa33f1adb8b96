//! The status pane: the totals that decide the return, then every flag
//! with its reason. When the flags do not fit, the last line says how
//! many more the flags page shows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::i18n::screen_phrases::more_flags;
use crate::tui::action::Action;
use crate::tui::keys::{KeyContext, key_for};
use crate::tui::screen::{Ctx, GrantData};
use crate::tui::widgets::figures::{flag_block, totals};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, data: &GrantData) {
    let t = ctx.t();
    let block = Block::bordered().title(Span::styled(format!(" {} ", t.status), ctx.theme.title()));
    let inner = block.inner(area);
    let cols = inner.width as usize;
    let mut lines = totals(ctx, data, cols);
    lines.push(Line::from(""));
    if data.status.flags.is_empty() {
        lines.push(Line::styled(t.no_flags, ctx.theme.ok()));
    }
    let room = (inner.height as usize).saturating_sub(lines.len());
    // Whole flags while they fit; only those shown are worded, so a grant
    // with hundreds of flags draws as fast as one with three.
    let flags = &data.status.flags;
    let mut used = 0;
    let mut shown = 0;
    for (i, flag) in flags.iter().enumerate() {
        let block = flag_block(ctx, flag, cols);
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
        let key = key_for(KeyContext::Main, &Action::Flags, ctx.lang);
        let more = more_flags(flags.len() - shown, &key, ctx.lang);
        lines.push(Line::styled(more, ctx.theme.key()));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
