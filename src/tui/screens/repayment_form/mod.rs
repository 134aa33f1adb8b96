//! The small form that records money paid back to the giver: date,
//! amount (starting at what is outstanding), kind, reference, note; or
//! edits a repayment recorded before, saved against what it opened on. A
//! reported grant takes repayments too: the money goes back after the
//! report.

mod draw;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};

use crate::domain::Lang;
use crate::domain::model::GrantId;
use crate::domain::money::Money;
use crate::domain::money_back::{Repayment, RepaymentKind};
use crate::i18n::money_back::repaid;
use crate::i18n::money_errors::explain;
use crate::store::NewRepayment;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Effect, View};
use crate::tui::undo::UndoStep;
use crate::tui::widgets::form::{self, Ends, Step};
use crate::tui::widgets::text_field::{TextField, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepayField {
    Date,
    Amount,
    Kind,
    Reference,
    Note,
}

impl RepayField {
    pub const ALL: [RepayField; 5] = [
        RepayField::Date,
        RepayField::Amount,
        RepayField::Kind,
        RepayField::Reference,
        RepayField::Note,
    ];
}

const N: usize = RepayField::ALL.len();

#[derive(Debug)]
pub struct RepaymentFormState {
    pub grant_id: GrantId,
    pub grant_title: String,
    pub outstanding: Money,
    pub date: TextField,
    pub amount: TextField,
    pub kind: RepaymentKind,
    pub reference: TextField,
    pub note: TextField,
    pub focus: usize,
    pub error: Option<String>,
    /// The repayment this form edits, and its values as the form opened
    /// on them; `None` records a new one.
    pub editing: Option<(i64, NewRepayment)>,
    lang: Lang,
}

/// A new repayment of `grant_id`, its amount what is outstanding.
pub fn open(ctx: &Ctx, grant_id: GrantId) -> Result<RepaymentFormState, Effect> {
    ctx.writable()?;
    let (grant, status) = ctx.stored(ctx.store.grant_status(grant_id, ctx.today))?;
    let lang = ctx.lang;
    let mut form = RepaymentFormState {
        grant_id,
        grant_title: grant.title,
        outstanding: status.outstanding,
        date: TextField::new(&ctx.today.to_string()),
        amount: TextField::new(&status.outstanding.format_editable(lang)),
        kind: RepaymentKind::Repayment,
        reference: TextField::text(""),
        note: TextField::text(""),
        focus: 0,
        error: None,
        editing: None,
        lang,
    };
    form.set_focus(0);
    Ok(form)
}

/// A form on repayment `repayment_id` of grant `grant_id`, showing its values.
pub fn open_edit(
    ctx: &Ctx,
    grant_id: GrantId,
    repayment_id: i64,
) -> Result<RepaymentFormState, Effect> {
    let mut form = open(ctx, grant_id)?;
    let repayments = ctx.stored(ctx.store.repayments(grant_id))?;
    let r = repayments
        .iter()
        .find(|r| r.id == repayment_id)
        .ok_or_else(|| {
            let what = format!("repayment {repayment_id}");
            ctx.failed(&crate::store::StoreError::NotFound(what))
        })?;
    let loaded = values_of(r);
    form.date.set(&loaded.date.to_string());
    form.amount.set(&loaded.amount.format_editable(form.lang));
    form.kind = loaded.kind;
    form.reference.set(&loaded.reference);
    form.note.set(&loaded.note);
    form.editing = Some((repayment_id, loaded));
    form.set_focus(0);
    Ok(form)
}

fn values_of(r: &Repayment) -> NewRepayment {
    NewRepayment {
        date: r.date,
        amount: r.amount,
        kind: r.kind,
        reference: r.reference.clone(),
        note: r.note.clone(),
    }
}

impl RepaymentFormState {
    pub fn focused_field(&self) -> RepayField {
        RepayField::ALL[self.focus]
    }

    pub fn input_of(&self, f: RepayField) -> Option<&TextField> {
        match f {
            RepayField::Date => Some(&self.date),
            RepayField::Amount => Some(&self.amount),
            RepayField::Kind => None,
            RepayField::Reference => Some(&self.reference),
            RepayField::Note => Some(&self.note),
        }
    }

    fn focused_input(&mut self) -> Option<&mut TextField> {
        match self.focused_field() {
            RepayField::Date => Some(&mut self.date),
            RepayField::Amount => Some(&mut self.amount),
            RepayField::Kind => None,
            RepayField::Reference => Some(&mut self.reference),
            RepayField::Note => Some(&mut self.note),
        }
    }

    fn set_focus(&mut self, i: usize) {
        self.focus = i.min(N - 1);
        if let Some(f) = self.focused_input() {
            f.focus();
        }
    }

    fn cycle_kind(&mut self) {
        self.kind = match self.kind {
            RepaymentKind::Repayment => RepaymentKind::Clawback,
            RepaymentKind::Clawback => RepaymentKind::Repayment,
        };
    }

    fn input(&mut self, key: &KeyEvent) {
        if let Some(f) = self.focused_input() {
            f.handle(key);
        }
        self.error = None;
    }

    fn repayment(&self, ctx: &Ctx) -> Result<NewRepayment, String> {
        let t = ctx.t();
        let date = parse_date(self.date.value()).ok_or_else(|| t.bad_date.to_string())?;
        let amount =
            Money::parse_for(self.amount.value(), self.lang).map_err(|e| explain(&e, self.lang))?;
        Ok(NewRepayment {
            date,
            amount,
            kind: self.kind,
            reference: self.reference.value().trim().to_string(),
            note: self.note.value().trim().to_string(),
        })
    }

    /// Saves the edited repayment against what the form opened on; a
    /// clash with another session asks whether to overwrite.
    fn save_edit(&mut self, ctx: &mut Ctx, force: bool) -> Effect {
        let Some((id, loaded)) = self.editing.clone() else {
            return Effect::None;
        };
        let edited = match self.repayment(ctx) {
            Ok(r) => r,
            Err(e) => {
                self.error = Some(e.clone());
                return Effect::Error(e);
            }
        };
        let g = self.grant_id;
        let (before, after) = match ctx.store.save_repayment(g, id, &loaded, &edited, force) {
            Ok(saved) => saved,
            Err(e) => return ctx.refused_save(&e),
        };
        let lang = ctx.lang;
        let said = format!(
            "{}: {}",
            crate::i18n::edits::words(lang).repayment_changed,
            after.amount.format_with_unit(lang)
        );
        if before != after {
            let what = crate::i18n::changes::describe("repayment", lang);
            let step = UndoStep::Repayment {
                grant_id: g,
                repayment_id: id,
                name: format!("{what} {}", after.date),
                before,
                after,
            };
            ctx.undo.remember(step, &ctx.store);
        }
        Effect::Many(vec![Effect::Close, Effect::Reload, Effect::Info(said)])
    }

    fn save(&mut self, ctx: &mut Ctx) -> Effect {
        if self.editing.is_some() {
            return self.save_edit(ctx, false);
        }
        let outcome = self.repayment(ctx).and_then(|r| {
            ctx.store
                .add_repayment(self.grant_id, &r)
                .map_err(|e| crate::i18n::store_errors::explain(&e, ctx.lang))?;
            Ok(r)
        });
        let r = match outcome {
            Ok(r) => r,
            Err(e) => {
                self.error = Some(e.clone());
                return Effect::Error(e);
            }
        };
        let left = ctx
            .store
            .grant_status(self.grant_id, ctx.today)
            .map_or(Money::ZERO, |(_, s)| s.outstanding);
        let said = repaid(r.amount, &self.grant_title, left, ctx.lang);
        Effect::Many(vec![Effect::Close, Effect::Reload, Effect::Info(said)])
    }

    fn is_dirty(&self) -> bool {
        if let Some((_, loaded)) = &self.editing {
            let lang = self.lang;
            return self.date.value().trim() != loaded.date.to_string()
                || self.amount.value().trim() != loaded.amount.format_editable(lang)
                || self.kind != loaded.kind
                || self.reference.value().trim() != loaded.reference
                || self.note.value().trim() != loaded.note;
        }
        self.amount.value().trim() != self.outstanding.format_editable(self.lang)
            || !self.reference.value().trim().is_empty()
            || !self.note.value().trim().is_empty()
    }
}

impl View for RepaymentFormState {
    fn contexts(&self) -> Vec<KeyContext> {
        form::contexts(self.focused_field() == RepayField::Kind, &[])
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        match action {
            Action::Input(key) => self.input(&key),
            Action::Left | Action::Right => self.cycle_kind(),
            Action::Save => return self.save(ctx),
            Action::Overwrite => return self.save_edit(ctx, true),
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
        RepaymentFormState::is_dirty(self)
    }
}
