//! The receipts of one grant: the money that came in and the money paid
//! back, in one list by date, with the net total. `n` adds a receipt in
//! a small form, `p` a repayment, `e` edits the selected one, `d` deletes
//! the selected receipt after asking.

mod draw;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::domain::model::{Grant, GrantId, GrantState, Receipt, ReceiptKind};
use crate::domain::money::Money;
use crate::domain::money_back::Repayment;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, Open, Question, View};
use crate::tui::undo;
use crate::tui::widgets::cursor::Cursor;

#[derive(Debug)]
pub struct ReceiptsState {
    pub grant: Grant,
    pub receipts: Vec<Receipt>,
    pub repayments: Vec<Repayment>,
    pub cursor: Cursor,
}

/// One line of the list: money in or money back.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    In(&'a Receipt),
    Back(&'a Repayment),
}

impl Entry<'_> {
    pub fn date(&self) -> chrono::NaiveDate {
        match self {
            Entry::In(r) => r.date,
            Entry::Back(r) => r.date,
        }
    }

    /// Money back counts against the money in.
    pub fn signed(&self) -> Money {
        match self {
            Entry::In(r) => r.amount,
            Entry::Back(r) => -r.amount,
        }
    }

    pub fn note(&self) -> &str {
        match self {
            Entry::In(r) => &r.note,
            Entry::Back(r) => &r.note,
        }
    }
}

impl ReceiptsState {
    pub fn load(store: &Store, grant_id: GrantId) -> Result<ReceiptsState, StoreError> {
        Ok(ReceiptsState {
            grant: store.grant(grant_id)?,
            receipts: store.receipts(grant_id)?,
            repayments: store.repayments(grant_id)?,
            cursor: Cursor::default(),
        })
    }

    /// Reads the receipts again, keeping the same one selected.
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        let keep = self.selected().map(|r| r.id);
        self.grant = store.grant(self.grant.id)?;
        self.receipts = store.receipts(self.grant.id)?;
        self.repayments = store.repayments(self.grant.id)?;
        let last = self.len().saturating_sub(1);
        self.cursor.selected = keep
            .and_then(|id| self.position_of(id))
            .unwrap_or(self.cursor.selected)
            .min(last);
        Ok(())
    }

    /// Receipts and repayments by date; on one day money in comes first.
    pub fn entries(&self) -> Vec<Entry<'_>> {
        let mut list: Vec<Entry<'_>> = self.receipts.iter().map(Entry::In).collect();
        list.extend(self.repayments.iter().map(Entry::Back));
        list.sort_by_key(|e| (e.date(), matches!(e, Entry::Back(_))));
        list
    }

    pub fn len(&self) -> usize {
        self.receipts.len() + self.repayments.len()
    }

    fn position_of(&self, receipt_id: i64) -> Option<usize> {
        self.entries()
            .iter()
            .position(|e| matches!(e, Entry::In(r) if r.id == receipt_id))
    }

    pub fn selected_entry(&self) -> Option<Entry<'_>> {
        self.entries().get(self.cursor.selected).copied()
    }

    /// The selected line when it is a receipt.
    pub fn selected(&self) -> Option<&Receipt> {
        match self.selected_entry() {
            Some(Entry::In(r)) => Some(r),
            _ => None,
        }
    }

    /// Received less repaid: the sum of the amounts in the list.
    pub fn total(&self) -> Money {
        self.entries().iter().map(Entry::signed).sum()
    }

    /// Selects the newest receipt with this id, after adding it.
    pub fn select(&mut self, id: i64) {
        if let Some(i) = self.position_of(id) {
            self.cursor.selected = i;
        }
    }
}

pub fn open(ctx: &Ctx, grant_id: GrantId) -> Result<ReceiptsState, Effect> {
    ctx.stored(ReceiptsState::load(&ctx.store, grant_id))
}

/// Refuses changes to a closed grant in the user's words, before typing.
fn can_change(ctx: &Ctx, grant: &Grant) -> Result<(), Effect> {
    ctx.writable()?;
    if grant.state == GrantState::Reported {
        return Err(Effect::Error(ctx.t().reopen_first.into()));
    }
    Ok(())
}

impl ReceiptsState {
    fn ask_delete(&self, ctx: &Ctx) -> Result<Effect, Effect> {
        if let Some(Entry::Back(_)) = self.selected_entry() {
            return Err(Effect::Error(ctx.t().repayment_not_deleted.into()));
        }
        let Some(r) = self.selected() else {
            return Ok(Effect::None);
        };
        can_change(ctx, &self.grant)?;
        let lang = ctx.lang;
        let question = format!(
            "{} {} · {} · {}?",
            ctx.t().delete_receipt_question,
            r.date,
            crate::i18n::kinds::receipt(r.kind, lang),
            r.amount.format_with_unit(lang)
        );
        let yes = Effect::Send(Action::DeleteReceipt(r.id));
        Ok(Effect::ask(Question::new(question, yes)))
    }
}

impl ReceiptsState {
    /// Opens the selected receipt or repayment in its form. A receipt of
    /// a closed grant is refused; a repayment is not, as when added.
    fn edit(&self, ctx: &Ctx) -> Result<Effect, Effect> {
        let g = self.grant.id;
        match self.selected_entry() {
            Some(Entry::In(r)) => {
                can_change(ctx, &self.grant)?;
                Ok(Effect::Open(Open::EditReceipt(g, r.id)))
            }
            Some(Entry::Back(r)) => {
                ctx.writable()?;
                Ok(Effect::Open(Open::EditRepayment(g, r.id)))
            }
            None => Ok(Effect::None),
        }
    }
}

/// The yes to deleting a receipt; the store logs it.
fn delete(ctx: &mut Ctx, receipt_id: i64) -> Effect {
    match ctx.store.delete_receipt(receipt_id) {
        Ok(()) => Effect::Many(vec![
            Effect::Reload,
            Effect::Info(ctx.t().receipt_deleted.into()),
        ]),
        Err(e) => ctx.failed(&e),
    }
}

impl View for ReceiptsState {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![
            KeyContext::ReceiptsView,
            KeyContext::List,
            KeyContext::Global,
        ]
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        if self.cursor.apply(&action, self.len()) {
            return Effect::None;
        }
        if let Some(effect) = undo::handle(ctx, &action) {
            return effect;
        }
        match action {
            Action::Back => Effect::Close,
            Action::Quit => Effect::Quit,
            Action::New => match can_change(ctx, &self.grant) {
                Ok(()) => Effect::Open(Open::NewReceipt {
                    grant: self.grant.id,
                    date: ctx.today,
                    kind: ReceiptKind::Requisition,
                }),
                Err(refused) => refused,
            },
            Action::Repay => match ctx.writable() {
                Ok(()) => Effect::Open(Open::NewRepayment(self.grant.id)),
                Err(refused) => refused,
            },
            Action::Edit => self.edit(ctx).into(),
            Action::Delete => self.ask_delete(ctx).into(),
            Action::DeleteReceipt(id) => delete(ctx, id),
            Action::Select(id) => {
                self.select(id);
                Effect::None
            }
            _ => Effect::None,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self);
        None
    }

    fn refresh(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.reload(&ctx.store)
    }
}
