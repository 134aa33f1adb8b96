//! The help overlay, written from the key table that dispatches keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::util::{centered, left};
use crate::tui::app::App;
use crate::tui::keys::{BINDINGS, Context, key_label};

const ORDER: [Context; 13] = [
    Context::Main,
    Context::List,
    Context::Global,
    Context::Form,
    Context::BatchForm,
    Context::Choice,
    Context::GrantsView,
    Context::ReceiptsView,
    Context::RecipientsView,
    Context::MatrixView,
    Context::Question,
    Context::Search,
    Context::ReportView,
];

fn context_name(app: &App, c: Context) -> &'static str {
    let names = app.t().contexts;
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
        Context::MatrixView => app.t().context_matrix,
    }
}

/// Every binding, grouped by where it applies.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for ctx in ORDER {
        let bindings: Vec<_> = BINDINGS.iter().filter(|b| b.context == ctx).collect();
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::from(""));
        }
        out.push(Line::styled(
            context_name(app, ctx).to_string(),
            app.theme.column_header(),
        ));
        for b in bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| key_label(k, app.lang)).collect();
            out.push(Line::from(vec![
                Span::styled(left(&keys.join(" "), 16), app.theme.key()),
                Span::raw(b.help(app.lang).to_string()),
            ]));
        }
    }
    out
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App, scroll: usize) {
    let area = centered(body, 60, body.height);
    frame.render_widget(Clear, area);
    let t = app.t();
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", t.help_title),
            app.theme.title(),
        ))
        .title_bottom(Line::styled(format!(" {} ", t.help_close), app.theme.dim()));
    let all = lines(app);
    let height = block.inner(area).height as usize;
    let scroll = scroll.min(all.len().saturating_sub(height));
    frame.render_widget(
        Paragraph::new(all).block(block).scroll((scroll as u16, 0)),
        area,
    );
}
