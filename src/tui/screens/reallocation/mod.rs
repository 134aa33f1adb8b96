//! `o` in the main view: move money from the selected recipient to
//! another in one step, on a decision. The amount starts at the
//! recipient's unused part; more than that is refused by the store with
//! the figures, and nothing changes.

mod draw;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};

use crate::domain::Lang;
use crate::domain::model::{GrantId, RecipientId};
use crate::domain::money::Money;
use crate::i18n::money_back::moved;
use crate::i18n::money_errors::explain;
use crate::store::NewReallocation;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, View};
use crate::tui::widgets::form::{self, Ends, Step};
use crate::tui::widgets::text_field::{TextField, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveField {
    To,
    Amount,
    Date,
    Decision,
    Note,
}

impl MoveField {
    pub const ALL: [MoveField; 5] = [
        MoveField::To,
        MoveField::Amount,
        MoveField::Date,
        MoveField::Decision,
        MoveField::Note,
    ];
}

const N: usize = MoveField::ALL.len();

#[derive(Debug)]
pub struct ReallocationState {
    pub grant_id: GrantId,
    pub from: (RecipientId, String),
    pub allocated: Money,
    pub used: Money,
    pub unused: Money,
    /// The recipients money can go to, in the status pane's order.
    pub targets: Vec<(RecipientId, String)>,
    pub to: usize,
    pub amount: TextField,
    pub date: TextField,
    pub decision: TextField,
    pub note: TextField,
    pub focus: usize,
    pub error: Option<String>,
    lang: Lang,
}

/// Opens the popup for `from` in the grant on screen.
pub fn open(ctx: &Ctx, from: RecipientId, name: String) -> Result<ReallocationState, Effect> {
    ctx.can_edit()?;
    let t = ctx.t();
    let Some(d) = ctx.grant.as_ref() else {
        return Err(Effect::Error(t.no_grant.into()));
    };
    let line = d.status.recipients.iter().find(|r| r.recipient_id == from);
    let (allocated, used, unused) = line.map_or((Money::ZERO, Money::ZERO, Money::ZERO), |r| {
        (r.allocated, r.used, r.unused)
    });
    let retired = ctx.stored(ctx.store.recipients(true))?;
    let is_retired = |id| retired.iter().any(|r| r.id == id && r.retired);
    let targets: Vec<(RecipientId, String)> = d
        .status
        .recipients
        .iter()
        .filter(|r| r.recipient_id != from && !is_retired(r.recipient_id))
        .map(|r| (r.recipient_id, r.name.clone()))
        .collect();
    if targets.is_empty() {
        return Err(Effect::Error(t.move_nowhere.into()));
    }
    let lang = ctx.lang;
    let mut state = ReallocationState {
        grant_id: d.grant.id,
        from: (from, name),
        allocated,
        used,
        unused,
        targets,
        to: 0,
        amount: TextField::new(&unused.format_editable(lang)),
        date: TextField::new(&ctx.today.to_string()),
        decision: TextField::text(""),
        note: TextField::text(""),
        focus: 0,
        error: None,
        lang,
    };
    state.set_focus(0);
    Ok(state)
}

impl ReallocationState {
    pub fn focused_field(&self) -> MoveField {
        MoveField::ALL[self.focus]
    }

    pub fn input_of(&self, f: MoveField) -> Option<&TextField> {
        match f {
            MoveField::To => None,
            MoveField::Amount => Some(&self.amount),
            MoveField::Date => Some(&self.date),
            MoveField::Decision => Some(&self.decision),
            MoveField::Note => Some(&self.note),
        }
    }

    fn focused_input(&mut self) -> Option<&mut TextField> {
        match self.focused_field() {
            MoveField::To => None,
            MoveField::Amount => Some(&mut self.amount),
            MoveField::Date => Some(&mut self.date),
            MoveField::Decision => Some(&mut self.decision),
            MoveField::Note => Some(&mut self.note),
        }
    }

    fn set_focus(&mut self, i: usize) {
        self.focus = i.min(N - 1);
        if let Some(f) = self.focused_input() {
            f.focus();
        }
    }

    fn cycle(&mut self, forward: bool) {
        let n = self.targets.len();
        self.to = if forward {
            (self.to + 1) % n
        } else {
            (self.to + n - 1) % n
        };
    }

    fn input(&mut self, key: &KeyEvent) {
        if let Some(f) = self.focused_input() {
            f.handle(key);
        }
        self.error = None;
    }

    /// The move the fields describe, or what is wrong with them.
    fn reallocation(&self, ctx: &Ctx) -> Result<NewReallocation, String> {
        let t = ctx.t();
        let amount =
            Money::parse_for(self.amount.value(), self.lang).map_err(|e| explain(&e, self.lang))?;
        let date = parse_date(self.date.value()).ok_or_else(|| t.bad_date.to_string())?;
        let to = self.targets.get(self.to).map(|(id, _)| *id);
        Ok(NewReallocation {
            date,
            from: self.from.0,
            to: to.unwrap_or(self.from.0),
            amount,
            decision: self.decision.value().trim().to_string(),
            note: self.note.value().trim().to_string(),
        })
    }

    fn save(&mut self, ctx: &mut Ctx) -> Effect {
        let m = match self.reallocation(ctx) {
            Ok(m) => m,
            Err(e) => {
                self.error = Some(e.clone());
                return Effect::Error(e);
            }
        };
        if let Err(e) = ctx.store.reallocate(self.grant_id, &m) {
            let said = crate::i18n::store_errors::explain(&e, ctx.lang);
            self.error = Some(said.clone());
            return Effect::Error(said);
        }
        let to = self.targets.get(self.to).map_or("", |(_, n)| n.as_str());
        let said = moved(m.amount, &self.from.1, to, ctx.lang);
        Effect::Many(vec![Effect::Close, Effect::Reload, Effect::Info(said)])
    }

    fn is_dirty(&self) -> bool {
        self.amount.value().trim() != self.unused.format_editable(self.lang)
            || !self.decision.value().trim().is_empty()
            || !self.note.value().trim().is_empty()
    }
}

impl View for ReallocationState {
    fn contexts(&self) -> Vec<KeyContext> {
        form::contexts(self.focused_field() == MoveField::To, &[])
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        match action {
            Action::Input(key) => self.input(&key),
            Action::Left => self.cycle(false),
            Action::Right => self.cycle(true),
            Action::Save => return self.save(ctx),
            Action::Back => return form::back(ctx, self.is_dirty()),
            other => match form::step(self.focus, N, Ends::Round, &other) {
                Step::To(i) => self.set_focus(i),
                Step::Save => return self.save(ctx),
                Step::Other => {}
            },
        }
        Effect::None
    }

    fn paste(&mut self, _ctx: &mut Ctx, text: &str) -> Effect {
        if let Some(f) = self.focused_input() {
            f.paste(text);
        }
        Effect::None
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self)
    }

    fn is_dirty(&self) -> bool {
        ReallocationState::is_dirty(self)
    }
}
