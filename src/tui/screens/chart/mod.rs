//! A picture of where the money stands: per recipient a horizontal bar
//! of used against allocated, the unused part visible, sorted by unused
//! (most first). Bars share one scale, the largest allocation or use, so
//! they compare; the marks read without colour.

mod draw;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::domain::collate::sort_key;
use crate::domain::money::Money;
use crate::domain::status::RecipientLine;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, View};
use crate::tui::widgets::cursor::Cursor;

#[derive(Debug, Default)]
pub struct ChartState {
    pub cursor: Cursor,
}

/// How many cells of a bar `cols` wide are used, unused and over the
/// allocation, on a scale where `scale` fills the bar. Rounded to the
/// nearest cell; a non-zero part gets at least one, so it never hides.
pub fn cells(line: &RecipientLine, scale: Money, cols: usize) -> (usize, usize, usize) {
    let of = |m: Money| -> usize {
        if m.is_zero() || scale.is_zero() {
            return 0;
        }
        let n =
            (m.ore() as i128 * cols as i128 * 2 + scale.ore() as i128) / (scale.ore() as i128 * 2);
        (n as usize).clamp(1, cols)
    };
    let used = of(line.credited);
    let unused = of(line.unused).min(cols - used.min(cols));
    let over = of(line.overspent).min(cols - used - unused);
    (used, unused, over)
}

/// The recipients, most unused first, then by name.
pub fn ordered(lines: &[RecipientLine]) -> Vec<&RecipientLine> {
    let mut list: Vec<&RecipientLine> = lines.iter().collect();
    list.sort_by_cached_key(|r| (std::cmp::Reverse(r.unused), sort_key(&r.name)));
    list
}

/// The largest allocation or use: the full length of a bar.
pub fn scale(lines: &[RecipientLine]) -> Money {
    lines
        .iter()
        .map(|r| r.allocated.max(r.used))
        .max()
        .unwrap_or(Money::ZERO)
}

pub fn open(ctx: &Ctx) -> Result<ChartState, Effect> {
    if ctx.grant.is_none() {
        return Err(Effect::Error(ctx.t().no_grant.into()));
    }
    Ok(ChartState::default())
}

impl View for ChartState {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::List, KeyContext::Global]
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        let len = ctx.grant.as_ref().map_or(0, |d| d.status.recipients.len());
        if self.cursor.apply(&action, len) {
            return Effect::None;
        }
        match action {
            Action::Back => Effect::Close,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::{RecipientFigures, RecipientLine};

    fn line(allocated: i64, used: i64) -> RecipientLine {
        RecipientLine::from_figures(&RecipientFigures {
            recipient_id: 1,
            name: "A".into(),
            allocated: Money::from_kronor(allocated),
            used: Money::from_kronor(used),
            reported: true,
        })
    }

    #[test]
    fn bars_share_one_scale_and_no_part_hides() {
        let scale = Money::from_kronor(200);
        assert_eq!(cells(&line(200, 200), scale, 20), (20, 0, 0));
        assert_eq!(cells(&line(200, 50), scale, 20), (5, 15, 0));
        assert_eq!(cells(&line(100, 0), scale, 20), (0, 10, 0));
        assert_eq!(cells(&line(200, 1), scale, 20), (1, 19, 0), "a krona shows");
        assert_eq!(
            cells(&line(100, 150), scale, 20),
            (10, 0, 5),
            "over the allocation"
        );
        assert_eq!(cells(&line(0, 0), scale, 20), (0, 0, 0));
    }
}
