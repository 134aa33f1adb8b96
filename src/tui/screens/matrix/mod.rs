//! The recipient × focus area matrix of the grant on screen, with row and
//! column totals: the per-area overview the report is written from.
//! The figures are summed here once, when the view opens or the data
//! changes; drawing only lays them out.

mod draw;

use std::cell::Cell;
use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::domain::Lang;
use crate::domain::model::{FocusArea, RecipientId};
use crate::domain::money::Money;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, GrantData, Open, View};
use crate::tui::widgets::cursor::Cursor;
use crate::tui::widgets::text::width;

/// The smallest name column before amount columns start to scroll away.
const NAME_MIN: usize = 12;
/// The inner width of the body at 80 columns, used until the first draw.
const DEFAULT_COLS: usize = 78;
/// The most an amount column widens on a wide screen.
const MAX_PAD: usize = 4;

#[derive(Debug, Clone)]
pub struct MatrixRow {
    pub recipient_id: RecipientId,
    pub name: String,
    /// Spending per focus area, in the grant's order.
    pub cells: Vec<Money>,
    pub total: Money,
}

#[derive(Debug, Default)]
pub struct MatrixState {
    pub areas: Vec<FocusArea>,
    /// The recipients of the grant in Swedish name order, as the main table.
    pub rows: Vec<MatrixRow>,
    pub column_totals: Vec<Money>,
    pub total: Money,
    pub cursor: Cursor,
    /// Index of the first amount column shown (areas, then the row total).
    pub col_offset: usize,
    /// Inner width at the last draw, so the horizontal scroll stops where
    /// the last column is in view.
    pub view_cols: Cell<usize>,
}

/// How the columns fit in a given width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixLayout {
    pub name: usize,
    /// Width of every amount column: the areas, then the row total.
    pub widths: Vec<usize>,
    /// The amount columns shown: `first..first + shown`.
    pub first: usize,
    pub shown: usize,
    /// The largest useful `col_offset`.
    pub max_first: usize,
}

/// An amount as a cell shows it: blank for zero.
pub fn cell_text(m: Money, lang: Lang) -> String {
    if m.is_zero() {
        String::new()
    } else {
        m.format(lang)
    }
}

impl MatrixState {
    pub fn build(store: &Store, data: &GrantData) -> Result<MatrixState, StoreError> {
        let mut m = MatrixState {
            view_cols: Cell::new(DEFAULT_COLS),
            ..MatrixState::default()
        };
        m.fill(store, data)?;
        Ok(m)
    }

    fn fill(&mut self, store: &Store, data: &GrantData) -> Result<(), StoreError> {
        let keep = self.selected_row().map(|r| r.recipient_id);
        let areas = data.focus_areas.clone();
        let column: HashMap<_, _> = areas.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
        let mut rows: Vec<MatrixRow> = data
            .status
            .recipients
            .iter()
            .map(|r| MatrixRow {
                recipient_id: r.recipient_id,
                name: r.name.clone(),
                cells: vec![Money::ZERO; areas.len()],
                total: Money::ZERO,
            })
            .collect();
        let row_of: HashMap<_, _> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.recipient_id, i))
            .collect();
        for cell in store.matrix(data.grant.id)? {
            if let (Some(&r), Some(&c)) = (
                row_of.get(&cell.recipient_id),
                column.get(&cell.focus_area_id),
            ) {
                rows[r].cells[c] += cell.amount;
            }
        }
        let mut column_totals = vec![Money::ZERO; areas.len()];
        for row in &mut rows {
            row.total = row.cells.iter().copied().sum();
            for (t, c) in column_totals.iter_mut().zip(&row.cells) {
                *t += *c;
            }
        }
        self.total = column_totals.iter().copied().sum();
        self.areas = areas;
        self.rows = rows;
        self.column_totals = column_totals;
        self.cursor.selected = keep
            .and_then(|id| self.rows.iter().position(|r| r.recipient_id == id))
            .unwrap_or(self.cursor.selected)
            .min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    pub fn selected_row(&self) -> Option<&MatrixRow> {
        self.rows.get(self.cursor.selected)
    }

    /// Column headers: the area's position number, then `total_label`.
    pub fn headers(&self, total_label: &str) -> Vec<String> {
        self.areas
            .iter()
            .map(|a| a.position.to_string())
            .chain([total_label.to_string()])
            .collect()
    }

    /// A row's amount columns as text: blank where nothing was spent; the
    /// row total always shows, so "used nothing" reads as 0.
    pub fn row_texts(&self, row: &MatrixRow, lang: Lang) -> Vec<String> {
        row.cells
            .iter()
            .map(|m| cell_text(*m, lang))
            .chain([row.total.format(lang)])
            .collect()
    }

    /// The totals row: every column total, then the grand total.
    pub fn total_texts(&self, lang: Lang) -> Vec<String> {
        self.column_totals
            .iter()
            .chain([&self.total])
            .map(|m| m.format(lang))
            .collect()
    }

    /// Every amount column as wide as its widest content, so no amount is
    /// ever cut; the name column gets what is left, and when even the
    /// shortest name column leaves too little, columns scroll sideways.
    pub fn layout(&self, lang: Lang, total_label: &str, cols: usize) -> MatrixLayout {
        let mut widths: Vec<usize> = self.headers(total_label).iter().map(|h| width(h)).collect();
        let texts = self
            .rows
            .iter()
            .map(|r| self.row_texts(r, lang))
            .chain([self.total_texts(lang)]);
        for line in texts {
            for (w, text) in widths.iter_mut().zip(&line) {
                *w = (*w).max(width(text));
            }
        }
        let need: usize = widths.iter().map(|w| w + 1).sum();
        let longest = self
            .rows
            .iter()
            .map(|r| width(&r.name))
            .chain([width(total_label)])
            .max()
            .unwrap_or(NAME_MIN);
        let name = if cols >= need + NAME_MIN {
            (cols - need).min(longest)
        } else {
            NAME_MIN.min(cols)
        };
        // On a wide screen the columns spread out a little, which reads
        // better than a narrow block with empty space beside it.
        if cols >= need + name && !widths.is_empty() {
            let pad = ((cols - need - name) / widths.len()).min(MAX_PAD);
            widths.iter_mut().for_each(|w| *w += pad);
        }
        let room = cols.saturating_sub(name);
        // The largest first column from which the rest still fits.
        let mut max_first = widths.len().saturating_sub(1);
        let mut used = 0;
        for i in (0..widths.len()).rev() {
            used += widths[i] + 1;
            if used > room {
                break;
            }
            max_first = i;
        }
        let first = self.col_offset.min(max_first);
        let mut shown = 0;
        let mut used = 0;
        for w in &widths[first..] {
            if shown > 0 && used + w + 1 > room {
                break;
            }
            used += w + 1;
            shown += 1;
        }
        // Room the shown columns leave goes to names cut short.
        let name = (name + room.saturating_sub(used)).min(longest.max(name));
        MatrixLayout {
            name,
            widths,
            first,
            shown,
            max_first,
        }
    }
}

/// The matrix of the grant on screen.
pub fn open(ctx: &Ctx) -> Result<MatrixState, Effect> {
    let Some(d) = ctx.grant.as_ref() else {
        return Err(Effect::Error(ctx.t().no_grant.into()));
    };
    ctx.stored(MatrixState::build(&ctx.store, d))
}

impl MatrixState {
    fn open_selected(&self) -> Effect {
        match self.selected_row() {
            Some(r) => Effect::Open(Open::Spending(r.recipient_id, r.name.clone())),
            None => Effect::None,
        }
    }
}

impl View for MatrixState {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::MatrixView, KeyContext::List, KeyContext::Global]
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        if self.cursor.apply(&action, self.rows.len()) {
            return Effect::None;
        }
        match action {
            Action::Left => self.col_offset = self.col_offset.saturating_sub(1),
            Action::Right => {
                let max = self
                    .layout(ctx.lang, ctx.t().total, self.view_cols.get())
                    .max_first;
                self.col_offset = (self.col_offset + 1).min(max);
            }
            Action::Confirm => return self.open_selected(),
            // Ctrl-N in a spending form opened from here: the next row.
            Action::Next if self.cursor.step(self.rows.len()) => return self.open_selected(),
            Action::Next => return Effect::InfoMore(ctx.t().last_recipient.into()),
            Action::Back => return Effect::Close,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self);
        None
    }

    fn refresh(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        match &ctx.grant {
            Some(d) => self.fill(&ctx.store, d),
            None => Ok(()),
        }
    }
}
