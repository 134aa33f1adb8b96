//! The receipt form, as a popup over the receipts view.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::{ReceiptField, ReceiptFormState};
use crate::i18n::kinds;
use crate::tui::screen::Ctx;
use crate::tui::widgets::form;

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
    let hint = form::choice_keys(ctx.lang);
    let mut out = form::lines(ctx, ReceiptField::ALL.map(label), cols);
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
    form::unsaved_note(&mut out, ctx, form.is_dirty());
    let what = match form.editing {
        Some(_) => crate::i18n::edits::words(ctx.lang).edit_receipt,
        None => t.new_receipt,
    };
    let title = format!(" {what} · {} ", form.grant_title);
    form::popup(frame, body, ctx, outer_w, &title, out)
}
