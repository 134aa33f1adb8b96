//! The grant form, as a popup over the grants view.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::{GrantField, GrantFormState};
use crate::tui::screen::Ctx;
use crate::tui::widgets::form;

/// Room for the longest title people give grants, and for the messages.
const WIDTH: u16 = 74;
const YEAR_COLS: usize = 6;
const DATE_COLS: usize = 12;

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, form: &GrantFormState) -> Option<Position> {
    let t = ctx.t();
    let outer_w = WIDTH.min(body.width);
    let cols = outer_w.saturating_sub(2) as usize;
    let labels = [
        t.title,
        t.giver,
        t.year,
        t.use_from,
        t.use_until,
        t.report_due,
    ];
    let mut out = form::lines(ctx, labels, cols);
    for (i, (field, label)) in GrantField::ALL.iter().zip(labels).enumerate() {
        let field_cols = match field {
            GrantField::Title | GrantField::Giver => out.rest(),
            GrantField::Year => YEAR_COLS,
            _ => DATE_COLS,
        };
        out.field(
            label,
            &form.inputs[i],
            field_cols,
            form.focus == i,
            form.errors[i].as_deref(),
        );
    }
    form::unsaved_note(&mut out, ctx, form.is_dirty());
    let title = match form.editing {
        None => format!(" {} ", t.new_grant),
        Some(_) => format!(" {} · {} ", t.edit_grant, form.value(GrantField::Title)),
    };
    form::popup(frame, body, ctx, outer_w, &title, out)
}
