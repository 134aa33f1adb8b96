//! The small form that records money received: date, amount, kind, note;
//! or edits a receipt recorded before, saved against what it opened on.
//! The kind is a choice changed with ← → (or by typing its first letter),
//! so it can never hold a word the store does not know.

mod draw;
mod edit;

pub use edit::{Editing, open_edit};

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};

use serde::{Deserialize, Serialize};

use crate::domain::Lang;
use crate::domain::model::{Grant, GrantId, Receipt, ReceiptKind};
use crate::domain::money::Money;
use crate::i18n::money_errors::explain;
use crate::i18n::screen::words;
use crate::store::{self, NewReceipt};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Draft, Effect, Open, View};
use crate::tui::widgets::form::{self, Ends, Step};
use crate::tui::widgets::text_field::{TextField, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptField {
    Date,
    Amount,
    Kind,
    Note,
}

impl ReceiptField {
    pub const ALL: [ReceiptField; 4] = [
        ReceiptField::Date,
        ReceiptField::Amount,
        ReceiptField::Kind,
        ReceiptField::Note,
    ];
}

const N: usize = ReceiptField::ALL.len();

#[derive(Debug)]
pub struct ReceiptFormState {
    pub grant_id: GrantId,
    pub grant_title: String,
    pub date: TextField,
    pub amount: TextField,
    pub kind: ReceiptKind,
    pub note: TextField,
    pub errors: [Option<String>; N],
    pub focus: usize,
    /// The receipt this form edits; `None` records a new one.
    pub editing: Option<Editing>,
    /// The values it opened with, to tell whether anything was typed.
    initial: Values,
    lang: Lang,
}

/// The form's values as typed, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Values {
    date: String,
    amount: String,
    kind: ReceiptKind,
    note: String,
}

impl ReceiptFormState {
    /// A new receipt of `grant` on `date`, of `kind` until changed.
    pub fn new(grant: &Grant, date: NaiveDate, kind: ReceiptKind, lang: Lang) -> ReceiptFormState {
        let values = Values {
            date: date.to_string(),
            amount: String::new(),
            kind,
            note: String::new(),
        };
        ReceiptFormState::with(grant, values, None, lang)
    }

    /// A form on a receipt recorded before, showing its values.
    pub fn edit(grant: &Grant, receipt: &Receipt, lang: Lang) -> ReceiptFormState {
        let values = Values {
            date: receipt.date.to_string(),
            amount: receipt.amount.format_editable(lang),
            kind: receipt.kind,
            note: receipt.note.clone(),
        };
        ReceiptFormState::with(grant, values, Some(Editing::of(receipt)), lang)
    }

    fn with(
        grant: &Grant,
        values: Values,
        editing: Option<Editing>,
        lang: Lang,
    ) -> ReceiptFormState {
        let mut form = ReceiptFormState {
            grant_id: grant.id,
            grant_title: grant.title.clone(),
            date: TextField::new(&values.date),
            amount: TextField::new(&values.amount),
            kind: values.kind,
            note: TextField::text(&values.note),
            errors: Default::default(),
            focus: 0,
            editing,
            initial: values,
            lang,
        };
        form.set_focus(0);
        form
    }

    fn values(&self) -> Values {
        Values {
            date: self.date.value().trim().to_string(),
            amount: self.amount.value().trim().to_string(),
            kind: self.kind,
            note: self.note.value().trim().to_string(),
        }
    }

    pub fn focused_field(&self) -> ReceiptField {
        ReceiptField::ALL[self.focus]
    }

    /// True while the kind is focused: ← → then change it.
    pub fn on_choice(&self) -> bool {
        self.focused_field() == ReceiptField::Kind
    }

    pub fn input_of(&self, f: ReceiptField) -> Option<&TextField> {
        match f {
            ReceiptField::Date => Some(&self.date),
            ReceiptField::Amount => Some(&self.amount),
            ReceiptField::Note => Some(&self.note),
            ReceiptField::Kind => None,
        }
    }

    fn focused_input(&mut self) -> Option<&mut TextField> {
        match self.focused_field() {
            ReceiptField::Date => Some(&mut self.date),
            ReceiptField::Amount => Some(&mut self.amount),
            ReceiptField::Note => Some(&mut self.note),
            ReceiptField::Kind => None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.values() != self.initial
    }

    pub fn has_errors(&self) -> bool {
        self.errors.iter().any(Option::is_some)
    }

    /// Checks the fields. An empty amount is only an error when saving,
    /// so the form does not open with a complaint.
    pub fn validate(&mut self, saving: bool) {
        let t = words(self.lang);
        let mut errors: [Option<String>; N] = Default::default();
        errors[ReceiptField::Date as usize] = t.date_problem(self.date.value()).map(String::from);
        let amount = self.amount.value();
        if saving || !amount.trim().is_empty() {
            errors[ReceiptField::Amount as usize] = match Money::parse_for(amount, self.lang) {
                Err(e) => Some(explain(&e, self.lang)),
                Ok(m) if m.is_zero() => Some(t.receipt_zero.to_string()),
                Ok(_) => None,
            };
        }
        self.errors = errors;
    }

    /// The receipt the fields describe, when they are all valid.
    pub fn receipt(&self) -> Option<NewReceipt> {
        Some(NewReceipt {
            date: parse_date(self.date.value())?,
            amount: Money::parse_for(self.amount.value(), self.lang)
                .ok()
                .filter(|m| !m.is_zero())?,
            kind: self.kind,
            note: self.note.value().trim().to_string(),
        })
    }

    /// Steps the kind through its choices, wrapping around.
    pub fn cycle_kind(&mut self, forward: bool) {
        let all = ReceiptKind::ALL;
        let i = all.iter().position(|k| *k == self.kind).unwrap_or(0);
        let next = if forward {
            (i + 1) % all.len()
        } else {
            (i + all.len() - 1) % all.len()
        };
        self.kind = all[next];
    }

    /// A letter picks the next kind whose word starts with it, as in a
    /// list box: `r`, `o`, `ö` in Swedish; `r` twice reaches both r-words
    /// in English.
    fn pick_kind(&mut self, c: char) {
        let all = ReceiptKind::ALL;
        let lang = self.lang;
        let start = all.iter().position(|k| *k == self.kind).unwrap_or(0);
        let starts = |k: &ReceiptKind| {
            crate::i18n::kinds::receipt(*k, lang)
                .chars()
                .next()
                .is_some_and(|f| f.to_lowercase().eq(c.to_lowercase()))
        };
        if let Some(k) = (1..=all.len())
            .map(|d| all[(start + d) % all.len()])
            .find(starts)
        {
            self.kind = k;
        }
    }

    pub fn input(&mut self, key: &KeyEvent) {
        if self.on_choice() {
            if let KeyCode::Char(c) = key.code
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            {
                self.pick_kind(c);
            }
            return;
        }
        if self.focused_input().is_some_and(|f| f.handle(key)) {
            self.validate(false);
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.focused_input().is_some_and(|f| f.paste(text)) {
            self.validate(false);
        }
    }

    pub fn set_focus(&mut self, i: usize) {
        self.tidy();
        self.focus = i.min(N - 1);
        if let Some(f) = self.focused_input() {
            f.focus();
        }
    }

    /// Writes a valid amount or date in the usual form when leaving its field.
    fn tidy(&mut self) {
        if self.focused_field() == ReceiptField::Date {
            self.date.tidy_date();
        }
        if self.focused_field() != ReceiptField::Amount {
            return;
        }
        if let Ok(m) = Money::parse_for(self.amount.value(), self.lang) {
            self.amount.set(&m.format_editable(self.lang));
        }
    }
}

/// A new receipt of grant `grant_id`.
pub fn open(
    ctx: &Ctx,
    grant_id: GrantId,
    date: NaiveDate,
    kind: ReceiptKind,
) -> Result<ReceiptFormState, Effect> {
    let grant = ctx.stored(ctx.store.grant(grant_id))?;
    Ok(ReceiptFormState::new(&grant, date, kind, ctx.lang))
}

/// The kind of draft this form keeps.
pub const DRAFT: &str = "receipt";

/// What a draft keeps: the fields as typed, and the receipt being
/// edited with what the form opened on, so the save still merges.
#[derive(Serialize, Deserialize)]
struct DraftBody {
    #[serde(flatten)]
    values: Values,
    #[serde(default)]
    editing: Option<Editing>,
}

/// A draft of this form opened again.
pub fn restore(ctx: &Ctx, d: &store::Draft) -> Option<ReceiptFormState> {
    let body: DraftBody = serde_json::from_str(&d.body).ok()?;
    let grant = ctx.store.grant(d.grant_id?).ok()?;
    let mut form = ReceiptFormState::new(&grant, ctx.today, ReceiptKind::Requisition, ctx.lang);
    if let Some(editing) = body.editing {
        form.initial = editing.values(ctx.lang);
        form.editing = Some(editing);
    }
    let typed = body.values;
    form.date.set(&typed.date);
    form.amount.set(&typed.amount);
    form.kind = typed.kind;
    form.note.set(&typed.note);
    form.set_focus(0);
    form.validate(false);
    Some(form)
}

/// What the question offering a draft back says it is.
pub fn draft_subject(ctx: &Ctx, d: &store::Draft) -> (&'static str, String) {
    let grant = d.grant_id.and_then(|id| ctx.store.grant(id).ok());
    (
        ctx.t().restore_receipt_draft,
        grant.map(|g| g.title).unwrap_or_default(),
    )
}

impl ReceiptFormState {
    /// Records the receipt; with `then_next` a fresh form follows with the
    /// same date and kind, for entering several payments in a row.
    fn save(&mut self, ctx: &mut Ctx, then_next: bool, force: bool) -> Result<Effect, Effect> {
        let t = ctx.t();
        self.validate(true);
        let receipt = match self.receipt() {
            Some(r) if !self.has_errors() => r,
            _ => {
                if let Some(i) = self.errors.iter().position(Option::is_some) {
                    self.set_focus(i);
                    if let Some(f) = self.focused_input() {
                        f.select();
                    }
                }
                return Err(Effect::Error(t.fix_errors.into()));
            }
        };
        if let Some(editing) = self.editing.clone() {
            return edit::save(ctx, self.grant_id, editing, &receipt, force);
        }
        let id = ctx
            .store
            .add_receipt(self.grant_id, &receipt)
            .map_err(|e| ctx.failed(&e))?;
        let said = format!(
            "{}: {}",
            t.receipt_added,
            receipt.amount.format_with_unit(ctx.lang)
        );
        let mut effects = vec![
            Effect::Close,
            Effect::Reload,
            Effect::Send(Action::Select(id)),
            Effect::Info(said),
        ];
        if then_next {
            effects.push(Effect::Open(Open::NewReceipt {
                grant: self.grant_id,
                date: receipt.date,
                kind: receipt.kind,
            }));
        }
        Ok(Effect::Many(effects))
    }
}

impl View for ReceiptFormState {
    fn contexts(&self) -> Vec<KeyContext> {
        // An edit saves one receipt: no "save, next".
        let batch: &[KeyContext] = match self.editing {
            Some(_) => &[],
            None => &[KeyContext::BatchForm],
        };
        form::contexts(self.on_choice(), batch)
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        match action {
            Action::Input(key) => self.input(&key),
            Action::Left => self.cycle_kind(false),
            Action::Right => self.cycle_kind(true),
            Action::Save => return self.save(ctx, false, false).into(),
            Action::SaveAndNext => return self.save(ctx, true, false).into(),
            Action::Overwrite => return self.save(ctx, false, true).into(),
            Action::Back => return form::back(ctx, self.is_dirty()),
            other => {
                if let Step::To(i) = form::step(self.focus, N, Ends::Stop, &other) {
                    self.set_focus(i);
                }
            }
        }
        Effect::None
    }

    fn paste(&mut self, _ctx: &mut Ctx, text: &str) -> Effect {
        ReceiptFormState::paste(self, text);
        Effect::None
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self)
    }

    fn is_dirty(&self) -> bool {
        ReceiptFormState::is_dirty(self)
    }

    fn draft(&self) -> Option<Draft> {
        let body = DraftBody {
            values: Values {
                date: self.date.value().to_string(),
                amount: self.amount.value().to_string(),
                kind: self.kind,
                note: self.note.value().to_string(),
            },
            editing: self.editing.clone(),
        };
        self.is_dirty().then(|| Draft {
            kind: DRAFT,
            grant_id: Some(self.grant_id),
            recipient_id: None,
            body: serde_json::to_string(&body).unwrap_or_default(),
        })
    }
}
