//! The repayment form, as a popup over the receipts view.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::{RepayField, RepaymentFormState};
use crate::i18n::money_back::repayment_kind;
use crate::tui::screen::Ctx;
use crate::tui::widgets::form;

const WIDTH: u16 = 66;
const DATE_COLS: usize = 12;
const AMOUNT_COLS: usize = 22;

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, f: &RepaymentFormState) -> Option<Position> {
    let t = ctx.t();
    let lang = ctx.lang;
    let outer_w = WIDTH.min(body.width);
    let cols = outer_w.saturating_sub(2) as usize;
    let label = |field: RepayField| match field {
        RepayField::Date => t.date,
        RepayField::Amount => t.amount,
        RepayField::Kind => t.kind,
        RepayField::Reference => t.payment_reference,
        RepayField::Note => t.receipt_note,
    };
    let hint = form::choice_keys(lang);
    let mut out = form::lines(ctx, RepayField::ALL.map(label), cols);
    out.lines.push(Line::from(format!(
        "{}: {}",
        t.outstanding,
        f.outstanding.format_with_unit(lang)
    )));
    out.blank();
    for (i, field) in RepayField::ALL.into_iter().enumerate() {
        let focused = f.focus == i;
        match (field, f.input_of(field)) {
            (RepayField::Kind, _) | (_, None) => {
                out.choice(label(field), repayment_kind(f.kind, lang), focused, &hint)
            }
            (RepayField::Date, Some(input)) => {
                out.field(label(field), input, DATE_COLS, focused, None)
            }
            (RepayField::Amount, Some(input)) => {
                out.field(label(field), input, AMOUNT_COLS, focused, None)
            }
            (_, Some(input)) => {
                let rest = out.rest();
                out.field(label(field), input, rest, focused, None)
            }
        }
    }
    form::form_error(&mut out, ctx, f.error.as_deref(), cols);
    let what = match f.editing {
        Some(_) => crate::i18n::edits::words(lang).edit_repayment,
        None => t.new_repayment,
    };
    let title = format!(" {what} · {} ", f.grant_title);
    form::popup(frame, body, ctx, outer_w, &title, out)
}
