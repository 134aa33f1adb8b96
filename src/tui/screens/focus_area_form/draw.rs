//! The focus-area form, as a popup over the list.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::FocusAreaForm;
use crate::i18n::focus_areas as words;
use crate::tui::screen::Ctx;
use crate::tui::widgets::form;

const WIDTH: u16 = 66;

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, f: &FocusAreaForm) -> Option<Position> {
    let lang = ctx.lang;
    let outer_w = WIDTH.min(body.width);
    let cols = outer_w.saturating_sub(2) as usize;
    let labels = [words::swedish_name(lang), words::english_name(lang)];
    let mut out = form::lines(ctx, labels, cols);
    for (i, label) in labels.into_iter().enumerate() {
        let rest = out.rest();
        out.field(
            label,
            &f.inputs[i],
            rest,
            f.focus == i,
            f.errors[i].as_deref(),
        );
    }
    form::unsaved_note(&mut out, ctx, f.is_dirty());
    let title = match &f.editing {
        None => format!(" {} ", words::new_area(lang)),
        Some(a) => format!(" {} · {} ", words::rename_area(lang), a.name_sv),
    };
    form::popup(frame, body, ctx, outer_w, &title, out)
}
