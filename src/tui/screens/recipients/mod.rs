//! The recipients view: every district and unit, retired ones included,
//! with what each has in the grant on screen. New, rename, retire or
//! restore, and allocate, which is how a new recipient enters a grant.

mod draw;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::domain::model::{Recipient, RecipientId};
use crate::domain::money::Money;
use crate::i18n::screen_phrases::{
    not_in_grant, retire_question, retired_done, take_out_question, taken_out,
};
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, GrantData, Open, Question, View};
use crate::tui::undo::{self, UndoStep};
use crate::tui::widgets::cursor::Cursor;

#[derive(Debug, Clone)]
pub struct RecipientRow {
    pub recipient: Recipient,
    /// The allocation in the grant on screen; None when it has none.
    pub allocated: Option<Money>,
}

#[derive(Debug, Default)]
pub struct RecipientsState {
    /// Swedish name order, as the store returns them.
    pub rows: Vec<RecipientRow>,
    pub cursor: Cursor,
}

impl RecipientsState {
    pub fn load(store: &Store, data: Option<&GrantData>) -> Result<RecipientsState, StoreError> {
        let mut s = RecipientsState::default();
        s.reload(store, data)?;
        Ok(s)
    }

    /// Reads the list again, keeping the same recipient selected.
    pub fn reload(&mut self, store: &Store, data: Option<&GrantData>) -> Result<(), StoreError> {
        let keep = self.selected_row().map(|r| r.recipient.id);
        let allocated = |id: RecipientId| {
            data.and_then(|d| d.status.recipients.iter().find(|r| r.recipient_id == id))
                .map(|r| r.allocated)
        };
        self.rows = store
            .recipients(true)?
            .into_iter()
            .map(|recipient| RecipientRow {
                allocated: allocated(recipient.id),
                recipient,
            })
            .collect();
        self.cursor.clamp(self.rows.len());
        if let Some(id) = keep {
            self.select(id);
        }
        Ok(())
    }

    pub fn selected_row(&self) -> Option<&RecipientRow> {
        self.rows.get(self.cursor.selected)
    }

    pub fn select(&mut self, id: RecipientId) {
        if let Some(i) = self.rows.iter().position(|r| r.recipient.id == id) {
            self.cursor.selected = i;
        }
    }
}

pub fn open(ctx: &Ctx) -> Result<RecipientsState, Effect> {
    ctx.stored(RecipientsState::load(&ctx.store, ctx.grant.as_ref()))
}

impl RecipientsState {
    fn selected_target(&self, open: fn(RecipientId, String) -> Open) -> Effect {
        match self.selected_row() {
            Some(r) => Effect::Open(open(r.recipient.id, r.recipient.name.clone())),
            None => Effect::None,
        }
    }

    fn ask_retire(&self, ctx: &Ctx) -> Result<Effect, Effect> {
        ctx.writable()?;
        let Some(r) = self.selected_row() else {
            return Ok(Effect::None);
        };
        let (id, retire) = (r.recipient.id, !r.recipient.retired);
        let text = retire_question(&r.recipient.name, retire, ctx.lang);
        let yes = Effect::Send(Action::SetRetired(id, retire));
        Ok(Effect::ask(Question::new(text, yes)))
    }

    /// Asks before taking the selected recipient out of the grant on
    /// screen; refuses at once, saying why, when it cannot leave it.
    fn ask_take_out(&self, ctx: &Ctx) -> Result<Effect, Effect> {
        ctx.can_edit()?;
        let (Some(r), Some(data)) = (self.selected_row(), ctx.grant.as_ref()) else {
            return Ok(Effect::None);
        };
        let (name, grant) = (&r.recipient.name, &data.grant);
        let Some(allocated) = r.allocated else {
            return Err(Effect::Info(not_in_grant(name, &grant.title, ctx.lang)));
        };
        ctx.stored(ctx.store.can_take_out(grant.id, r.recipient.id))?;
        let amount = allocated.format_with_unit(ctx.lang);
        let text = take_out_question(name, &grant.title, &amount, ctx.lang);
        let yes = Effect::Send(Action::TakeOutOfGrant(r.recipient.id));
        Ok(Effect::ask(Question::new(text, yes)))
    }

    /// The yes to taking a recipient out: against the allocation this
    /// view showed, so another session's change to it is refused.
    fn take_out(&self, ctx: &mut Ctx, id: RecipientId) -> Result<Effect, Effect> {
        let row = self.rows.iter().find(|r| r.recipient.id == id);
        let (Some(row), Some(data)) = (row, ctx.grant.as_ref()) else {
            return Ok(Effect::None);
        };
        let (grant_id, title) = (data.grant.id, data.grant.title.clone());
        let name = row.recipient.name.clone();
        let before = ctx
            .store
            .take_out_of_grant(grant_id, id, row.allocated)
            .map_err(|e| ctx.failed(&e))?;
        let step = UndoStep::Allocation {
            grant_id,
            recipient_id: id,
            name: name.clone(),
            before,
            after: None,
        };
        ctx.undo.remember(step, &ctx.store);
        Ok(Effect::Many(vec![
            Effect::Reload,
            Effect::Info(taken_out(&name, &title, ctx.lang)),
        ]))
    }

    /// Batch entry from the form above: the next recipient to rename.
    fn next(&mut self, ctx: &Ctx) -> Effect {
        if self.cursor.step(self.rows.len()) {
            self.rename(ctx).into()
        } else {
            Effect::InfoMore(ctx.t().last_recipient.into())
        }
    }

    fn rename(&self, ctx: &Ctx) -> Result<Effect, Effect> {
        ctx.writable()?;
        Ok(self.selected_target(|id, _| Open::RenameRecipient(id)))
    }
}

/// The yes answer to the retire question.
fn set_retired(ctx: &mut Ctx, id: RecipientId, retired: bool) -> Effect {
    let result = ctx
        .store
        .set_recipient_retired(id, retired)
        .and_then(|()| ctx.store.recipient(id));
    match result {
        Ok(r) => Effect::Many(vec![
            Effect::Reload,
            Effect::Info(retired_done(&r.name, retired, ctx.lang)),
        ]),
        Err(e) => ctx.failed(&e),
    }
}

impl View for RecipientsState {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![
            KeyContext::RecipientsView,
            KeyContext::List,
            KeyContext::Global,
        ]
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        if self.cursor.apply(&action, self.rows.len()) {
            return Effect::None;
        }
        if let Some(effect) = undo::handle(ctx, &action) {
            return effect;
        }
        // Recipients are shared by all grants, so only a read-only file
        // stops changes here; a closed grant does not (but it keeps its
        // recipients).
        match action {
            Action::New => match ctx.writable() {
                Ok(()) => Effect::Open(Open::NewRecipient),
                Err(refused) => refused,
            },
            Action::Edit => self.rename(ctx).into(),
            Action::Retire => self.ask_retire(ctx).into(),
            Action::SetRetired(id, retired) => set_retired(ctx, id, retired),
            Action::Allocate => self.selected_target(Open::Allocation),
            Action::Delete => self.ask_take_out(ctx).into(),
            Action::TakeOutOfGrant(id) => self.take_out(ctx, id).into(),
            Action::Next => self.next(ctx),
            Action::Select(id) => {
                self.select(id);
                Effect::None
            }
            Action::Back => Effect::Close,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self);
        None
    }

    fn refresh(&mut self, ctx: &Ctx) -> Result<(), StoreError> {
        self.reload(&ctx.store, ctx.grant.as_ref())
    }
}
