//! The help page, written from the key table that dispatches keys, over
//! whatever screen it was asked for on.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::i18n::screen_phrases::help_close;
use crate::tui::action::Action;
use crate::tui::keys::{BINDINGS, KeyContext as Context, key_for, key_label};
use crate::tui::screen::{Ctx, Effect, View};
use crate::tui::widgets::page::Page;
use crate::tui::widgets::text::{centered, left};

#[derive(Debug, Default)]
pub struct HelpState {
    pub page: Page,
}

const ORDER: [Context; 17] = [
    Context::Main,
    Context::List,
    Context::Global,
    Context::Form,
    Context::Prose,
    Context::BatchForm,
    Context::SpendingForm,
    Context::Choice,
    Context::GrantsView,
    Context::GrantForm,
    Context::FocusAreasView,
    Context::ReceiptsView,
    Context::RecipientsView,
    Context::MatrixView,
    Context::Question,
    Context::Search,
    Context::ReportView,
];

fn context_name(ctx: &Ctx, c: Context) -> &'static str {
    let names = ctx.t().contexts;
    match c {
        Context::Global => names[0],
        Context::List => names[1],
        Context::Main => names[2],
        Context::GrantsView => names[3],
        Context::RecipientsView => names[4],
        Context::Form => names[5],
        Context::Question => names[6],
        Context::Search => names[10],
        Context::ReportView => names[11],
        Context::ReceiptsView => names[7],
        Context::BatchForm => names[8],
        Context::Choice => names[9],
        Context::MatrixView => ctx.t().context_matrix,
        Context::Prose => names[12],
        Context::SpendingForm => names[13],
        Context::ReadOnlyForm => names[5],
        Context::NoGrant => names[2],
        Context::GrantForm => crate::i18n::focus_areas::context_grant_form(ctx.lang),
        Context::FocusAreasView => crate::i18n::focus_areas::context_list(ctx.lang),
    }
}

/// Every binding, grouped by where it applies.
pub fn lines(ctx: &Ctx) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for c in ORDER {
        let bindings: Vec<_> = BINDINGS.iter().filter(|b| b.context == c).collect();
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::from(""));
        }
        out.push(Line::styled(
            context_name(ctx, c).to_string(),
            ctx.theme.column_header(),
        ));
        for b in bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| key_label(k, ctx.lang)).collect();
            out.push(Line::from(vec![
                Span::styled(left(&keys.join(" "), 16), ctx.theme.key()),
                Span::raw(b.help(ctx.lang).to_string()),
            ]));
        }
    }
    out
}

impl View for HelpState {
    fn contexts(&self) -> Vec<Context> {
        // Main after List: `g` stays "first".
        vec![Context::List, Context::Main, Context::Global]
    }

    /// Only the keys that work everywhere; the page says how it closes.
    fn footer(&self) -> Vec<Context> {
        vec![Context::Global]
    }

    fn update(&mut self, _ctx: &mut Ctx, action: Action) -> Effect {
        self.page.update(action)
    }

    fn draw(&self, frame: &mut Frame, body: Rect, ctx: &Ctx) -> Option<Position> {
        let area = centered(body, 60, body.height);
        frame.render_widget(Clear, area);
        let t = ctx.t();
        let closes = help_close(
            &key_for(Context::Global, &Action::Back, ctx.lang),
            &key_for(Context::Global, &Action::Help, ctx.lang),
            ctx.lang,
        );
        let block = Block::bordered()
            .title(Span::styled(
                format!(" {} ", t.help_title),
                ctx.theme.title(),
            ))
            .title_bottom(Line::styled(format!(" {closes} "), ctx.theme.dim()));
        let all = lines(ctx);
        let height = block.inner(area).height as usize;
        let scroll = self.page.first(all.len(), height);
        frame.render_widget(
            Paragraph::new(all).block(block).scroll((scroll as u16, 0)),
            area,
        );
        None
    }
}
