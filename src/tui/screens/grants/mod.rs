//! The grants view: every grant with the figures `medel grants` gives,
//! open grants first by their next deadline, then the reported ones
//! newest first; and the keys that switch to, create, edit, close and
//! reopen grants.

mod draw;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::domain::grant_list::deadline_order;
use crate::domain::model::{Grant, GrantId, GrantState};
use crate::domain::money::Money;
use crate::store::{GrantSummary, Store, StoreError, Which};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, Open, Question, View};
use crate::tui::widgets::cursor::Cursor;

/// One grant as the list shows it.
#[derive(Debug)]
pub struct GrantRow {
    pub summary: GrantSummary,
    pub receipts: usize,
}

impl GrantRow {
    pub fn grant(&self) -> &Grant {
        &self.summary.line.grant
    }
}

#[derive(Debug)]
pub struct GrantsState {
    pub rows: Vec<GrantRow>,
    pub cursor: Cursor,
}

impl GrantsState {
    /// Reads every grant as on `today`, selecting `select` when it is
    /// among them.
    pub fn load(
        store: &Store,
        select: Option<GrantId>,
        today: NaiveDate,
    ) -> Result<GrantsState, StoreError> {
        let mut state = GrantsState {
            rows: Vec::new(),
            cursor: Cursor::default(),
        };
        state.rows = read_rows(store, today)?;
        if let Some(id) = select {
            state.select(id);
        }
        Ok(state)
    }

    /// Reads the list again, keeping the same grant selected.
    pub fn reload(&mut self, store: &Store, today: NaiveDate) -> Result<(), StoreError> {
        let keep = self.selected().map(|r| r.grant().id);
        self.rows = read_rows(store, today)?;
        self.cursor.clamp(self.rows.len());
        if let Some(id) = keep {
            self.select(id);
        }
        Ok(())
    }

    pub fn select(&mut self, id: GrantId) {
        if let Some(i) = self.rows.iter().position(|r| r.grant().id == id) {
            self.cursor.selected = i;
        }
    }

    pub fn selected(&self) -> Option<&GrantRow> {
        self.rows.get(self.cursor.selected)
    }
}

/// The grants view, with the grant on screen selected.
pub fn open(ctx: &Ctx) -> Result<GrantsState, Effect> {
    let current = ctx.grant.as_ref().map(|d| d.grant.id);
    ctx.stored(GrantsState::load(&ctx.store, current, ctx.today))
}

fn read_rows(store: &Store, today: NaiveDate) -> Result<Vec<GrantRow>, StoreError> {
    let mut summaries = store.grant_summaries(Which::All, today)?;
    summaries.sort_by(|a, b| deadline_order(&a.line, &b.line));
    summaries
        .into_iter()
        .map(|summary| {
            Ok(GrantRow {
                receipts: store.receipts(summary.line.grant.id)?.len(),
                summary,
            })
        })
        .collect()
}

impl GrantsState {
    fn switch_to(&self, ctx: &Ctx, grant: &Grant) -> Effect {
        Effect::Many(vec![
            Effect::ShowGrant(grant.id),
            Effect::Close,
            Effect::Info(format!("{}: {}", ctx.t().switched_to, grant.title)),
        ])
    }

    fn edit(&self, ctx: &Ctx, grant: &Grant) -> Result<Effect, Effect> {
        ctx.writable()?;
        // The store would refuse the save; saying so now spares the typing.
        if grant.state == GrantState::Reported {
            return Err(Effect::Error(ctx.t().reopen_first.into()));
        }
        Ok(Effect::Open(Open::EditGrant(grant.clone())))
    }

    fn ask_toggle(&self, ctx: &Ctx, grant: &Grant) -> Result<Effect, Effect> {
        ctx.writable()?;
        let t = ctx.t();
        let (question, next) = match grant.state {
            GrantState::Open => (t.close_question, GrantState::Reported),
            GrantState::Reported => (t.reopen_question, GrantState::Open),
        };
        let yes = Effect::Send(Action::SetGrantState(grant.id, next));
        Ok(Effect::ask(Question::new(question, yes)))
    }
}

/// The yes to closing or reopening a grant; the store logs the change.
fn set_state(ctx: &mut Ctx, id: GrantId, state: GrantState) -> Effect {
    match ctx.store.set_grant_state(id, state) {
        Ok(()) => {
            let t = ctx.t();
            let said = match state {
                GrantState::Reported => t.grant_closed,
                GrantState::Open => t.grant_reopened,
            };
            let mut effects = vec![Effect::Reload, Effect::Info(said.into())];
            // A grant reported with money still owed asks for the repayment.
            let owed = ctx
                .store
                .grant_status(id, ctx.today)
                .map_or(Money::ZERO, |(_, s)| s.outstanding);
            if state == GrantState::Reported && owed > Money::ZERO {
                let question = crate::i18n::money_back::ask_repayment(owed, ctx.lang);
                let yes = Effect::Open(Open::NewRepayment(id));
                effects.push(Effect::ask(Question::new(question, yes)));
            }
            Effect::Many(effects)
        }
        Err(e) => ctx.failed(&e),
    }
}

/// Next year's grant like `g`, in one step; says what it copied.
fn like(ctx: &mut Ctx, g: &Grant) -> Effect {
    if let Err(refused) = ctx.writable() {
        return refused;
    }
    match ctx.store.new_grant_like(g.id) {
        Ok(copied) => Effect::Many(vec![
            Effect::Reload,
            Effect::Send(Action::Select(copied.grant_id)),
            Effect::Info(crate::i18n::grant_list::copied(&copied, ctx.lang)),
        ]),
        Err(e) => ctx.failed(&e),
    }
}

impl View for GrantsState {
    fn contexts(&self) -> Vec<KeyContext> {
        vec![KeyContext::GrantsView, KeyContext::List, KeyContext::Global]
    }

    fn is_full(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        if self.cursor.apply(&action, self.rows.len()) {
            return Effect::None;
        }
        let selected = self.selected().map(|r| r.grant().clone());
        match (action, selected) {
            (Action::Back, _) => Effect::Close,
            (Action::Quit, _) => Effect::Quit,
            (Action::New, _) => match ctx.writable() {
                Ok(()) => Effect::Open(Open::NewGrant),
                Err(refused) => refused,
            },
            (Action::Confirm, Some(g)) => self.switch_to(ctx, &g),
            (Action::LikeLastYear, Some(g)) => like(ctx, &g),
            (Action::Edit, Some(g)) => self.edit(ctx, &g).into(),
            (Action::Receipts, Some(g)) => Effect::Open(Open::Receipts(g.id)),
            (Action::ToggleState, Some(g)) => self.ask_toggle(ctx, &g).into(),
            (Action::SetGrantState(id, state), _) => set_state(ctx, id, state),
            (Action::Select(id), _) => {
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
        self.reload(&ctx.store, ctx.today)
    }
}
