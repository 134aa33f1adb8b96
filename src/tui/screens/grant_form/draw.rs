//! The grant form, as a popup over the grants view.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::{GrantField, GrantFormState};
use crate::i18n::focus_areas as words;
use crate::tui::screen::Ctx;
use crate::tui::widgets::form;
use crate::tui::widgets::text::{fit, wrap};

/// Room for the longest title people give grants, and for the messages.
const WIDTH: u16 = 74;
const YEAR_COLS: usize = 6;
const DATE_COLS: usize = 12;
/// Diarienummer such as "3.6-12345/2016" or "SOF 2017/0042", with room.
const REFERENCE_COLS: usize = 24;

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, form: &GrantFormState) -> Option<Position> {
    let t = ctx.t();
    let lang = ctx.lang;
    let outer_w = WIDTH.min(body.width);
    let cols = outer_w.saturating_sub(2) as usize;
    let label = |f: GrantField| match f {
        GrantField::Title => t.title,
        GrantField::Giver => t.giver,
        GrantField::GiverReference => words::giver_reference(lang),
        GrantField::OwnReference => words::own_reference(lang),
        GrantField::Year => t.year,
        GrantField::UseFrom => t.use_from,
        GrantField::UseUntil => t.use_until,
        GrantField::ReportDue => t.report_due,
        GrantField::Start => words::start_from(lang),
    };
    let all = GrantField::TEXT.into_iter().chain([GrantField::Start]);
    let mut out = form::lines(ctx, all.map(label), cols);
    for (i, field) in GrantField::TEXT.into_iter().enumerate() {
        let field_cols = match field {
            GrantField::Title | GrantField::Giver => out.rest(),
            GrantField::GiverReference | GrantField::OwnReference => REFERENCE_COLS,
            GrantField::Year => YEAR_COLS,
            _ => DATE_COLS,
        };
        out.field(
            label(field),
            &form.inputs[i],
            field_cols,
            form.focus == i,
            form.errors[i].as_deref(),
        );
    }
    if let Some(choice) = form.chosen() {
        let focused = form.focused_field() == GrantField::Start;
        let hint = form::choice_keys(lang);
        // Room for the arrows; the sentence under it says the rest.
        let value = fit(&choice.label(lang), out.rest().saturating_sub(4));
        out.choice(label(GrantField::Start), &value, focused, &hint);
        for line in wrap(&choice.says(lang), out.rest()) {
            let indent = " ".repeat(cols - out.rest());
            out.lines
                .push(Line::styled(format!("{indent}{line}"), ctx.theme.dim()));
        }
    }
    form::unsaved_note(&mut out, ctx, form.is_dirty());
    let title = match form.editing {
        None => format!(" {} ", t.new_grant),
        Some(_) => format!(" {} · {} ", t.edit_grant, form.value(GrantField::Title)),
    };
    form::popup(frame, body, ctx, outer_w, &title, out)
}
