//! The reallocation popup: where the money comes from, the fields, and
//! the refusal with its figures when there is one.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

use super::{MoveField, ReallocationState};
use crate::tui::screen::Ctx;
use crate::tui::widgets::form;

const WIDTH: u16 = 70;
const DATE_COLS: usize = 12;
const AMOUNT_COLS: usize = 22;

pub fn draw(frame: &mut Frame, body: Rect, ctx: &Ctx, s: &ReallocationState) -> Option<Position> {
    let t = ctx.t();
    let lang = ctx.lang;
    let outer_w = WIDTH.min(body.width);
    let cols = outer_w.saturating_sub(2) as usize;
    let label = |f: MoveField| match f {
        MoveField::To => t.move_to,
        MoveField::Amount => t.amount,
        MoveField::Date => t.date,
        MoveField::Decision => t.decision,
        MoveField::Note => t.receipt_note,
    };
    let hint = form::choice_keys(lang);
    let mut out = form::lines(ctx, MoveField::ALL.map(label), cols);
    out.lines.push(Line::from(format!(
        "{} {} · {} {} · {} {}",
        t.allocated,
        s.allocated.format(lang),
        t.used,
        s.used.format(lang),
        t.unused,
        s.unused.format_with_unit(lang)
    )));
    out.blank();
    for (i, f) in MoveField::ALL.into_iter().enumerate() {
        let focused = s.focus == i;
        match (f, s.input_of(f)) {
            (MoveField::To, _) | (_, None) => {
                let name = s.targets.get(s.to).map_or("", |(_, n)| n.as_str());
                out.choice(label(f), name, focused, &hint)
            }
            (MoveField::Date, Some(input)) => out.field(label(f), input, DATE_COLS, focused, None),
            (MoveField::Amount, Some(input)) => {
                out.field(label(f), input, AMOUNT_COLS, focused, None)
            }
            (_, Some(input)) => {
                let rest = out.rest();
                out.field(label(f), input, rest, focused, None)
            }
        }
    }
    form::form_error(&mut out, ctx, s.error.as_deref(), cols);
    let title = format!(" {} · {} ", t.move_title, s.from.1);
    form::popup(frame, body, ctx, outer_w, &title, out)
}
