//! The receipt form, as a popup over the receipts view.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{ReceiptField, ReceiptFormState};
use crate::i18n::kinds;
use crate::i18n::screen_phrases::choice_hint;
use crate::tui::action::Action;
use crate::tui::keys::{KeyContext, key_for};
use crate::tui::screen::Ctx;
use crate::tui::widgets::field_lines::{FieldLines, cursor_in, popup_area};
use crate::tui::widgets::text::{fit, width};

const WIDTH: u16 = 66;
const DATE_COLS: usize = 12;
/// Wide enough for any amount the parser accepts, with its separators.
const AMOUNT_COLS: usize = 22;

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, form: &ReceiptFormState) -> Option<Position> {
    let t = ctx.t();
    let outer_w = WIDTH.min(body.width);
    let cols = outer_w.saturating_sub(2) as usize;
    let label = |f: ReceiptField| match f {
        ReceiptField::Date => t.date,
        ReceiptField::Amount => t.amount,
        ReceiptField::Kind => t.kind,
        ReceiptField::Note => t.receipt_note,
    };
    let label_cols = ReceiptField::ALL
        .iter()
        .map(|f| width(label(*f)))
        .max()
        .unwrap_or(10)
        + 1;
    let hint = choice_hint(
        &key_for(KeyContext::Choice, &Action::Left, ctx.lang),
        &key_for(KeyContext::Choice, &Action::Right, ctx.lang),
        ctx.lang,
    );
    let mut out = FieldLines::new(&ctx.theme, label_cols, cols);
    for (i, f) in ReceiptField::ALL.into_iter().enumerate() {
        let focused = form.focus == i;
        let error = form.errors[i].as_deref();
        match (f, form.input_of(f)) {
            (ReceiptField::Kind, _) | (_, None) => out.choice(
                label(f),
                kinds::receipt(form.kind, ctx.lang),
                focused,
                &hint,
            ),
            (ReceiptField::Date, Some(input)) => {
                out.field(label(f), input, DATE_COLS, focused, error)
            }
            (ReceiptField::Amount, Some(input)) => {
                out.field(label(f), input, AMOUNT_COLS, focused, error)
            }
            (ReceiptField::Note, Some(input)) => {
                let rest = out.rest();
                out.field(label(f), input, rest, focused, error)
            }
        }
    }
    out.blank();
    if form.is_dirty() {
        out.lines.push(Line::styled(t.unsaved, ctx.theme.dim()));
    }
    let height = (out.lines.len() as u16 + 2).min(body.height);
    let area = popup_area(body, outer_w, height);
    frame.render_widget(Clear, area);
    let title = format!(" {} · {} ", t.new_receipt, form.grant_title);
    let block = Block::bordered().title(Span::styled(fit(&title, cols), ctx.theme.title()));
    let inner = block.inner(area);
    frame.render_widget(Paragraph::new(out.lines).block(block), area);
    cursor_in(inner, out.cursor)
}
