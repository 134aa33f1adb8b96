//! The small form that adds or renames a recipient: name, formal name and,
//! for a new one, the kind. A name that is empty or already taken is shown
//! under the field and nothing is written.

mod draw;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use serde::{Deserialize, Serialize};

use crate::domain::model::{Recipient, RecipientId, RecipientKind};
use crate::i18n::screen::ScreenWords;
use crate::store::{self, StoreError};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::screen::{Ctx, Draft, Effect, View};
use crate::tui::widgets::form::{self, Ends, Step};
use crate::tui::widgets::text_field::TextField;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    New,
    /// The kind is not changed by a rename; the store keeps it.
    Rename(RecipientId),
}

#[derive(Debug)]
pub struct RecipientForm {
    pub mode: Mode,
    pub name: TextField,
    pub formal: TextField,
    pub kind: RecipientKind,
    /// 0 name, 1 formal name, 2 kind (new recipients only).
    pub focus: usize,
    pub name_error: Option<String>,
    /// An empty name is flagged only once a save was tried, so a new form
    /// does not open with an error.
    tried: bool,
    initial: (String, String, RecipientKind),
    /// Other recipients' names in lower case: "bromma" and "Bromma" would
    /// be the same district twice.
    others: Vec<String>,
}

impl RecipientForm {
    pub fn new_recipient(others: Vec<String>) -> RecipientForm {
        RecipientForm::build(Mode::New, "", "", RecipientKind::District, others)
    }

    pub fn rename(r: &Recipient, others: Vec<String>) -> RecipientForm {
        RecipientForm::build(Mode::Rename(r.id), &r.name, &r.formal_name, r.kind, others)
    }

    fn build(
        mode: Mode,
        name: &str,
        formal: &str,
        kind: RecipientKind,
        others: Vec<String>,
    ) -> RecipientForm {
        let mut form = RecipientForm {
            mode,
            name: TextField::text(name),
            formal: TextField::text(formal),
            kind,
            focus: 0,
            name_error: None,
            tried: false,
            initial: (name.to_string(), formal.to_string(), kind),
            others,
        };
        form.name.focus();
        form
    }

    /// The name as it was when the form opened.
    pub fn name_initial(&self) -> &str {
        &self.initial.0
    }

    pub fn field_count(&self) -> usize {
        match self.mode {
            Mode::New => 3,
            Mode::Rename(_) => 2,
        }
    }

    pub fn on_choice(&self) -> bool {
        self.focus == 2
    }

    fn input_mut(&mut self) -> Option<&mut TextField> {
        match self.focus {
            0 => Some(&mut self.name),
            1 => Some(&mut self.formal),
            _ => None,
        }
    }

    fn values(&self) -> (String, String, RecipientKind) {
        (
            self.name.value().trim().to_string(),
            self.formal.value().trim().to_string(),
            self.kind,
        )
    }

    pub fn is_dirty(&self) -> bool {
        let (name, formal, kind) = self.values();
        (name.as_str(), formal.as_str(), kind)
            != (self.initial.0.trim(), self.initial.1.trim(), self.initial.2)
    }

    pub fn validate(&mut self, t: &ScreenWords) {
        let name = self.name.value().trim().to_lowercase();
        self.name_error = if name.is_empty() {
            self.tried.then(|| t.name_empty.to_string())
        } else if self.others.contains(&name) {
            Some(t.name_taken.to_string())
        } else {
            None
        };
    }

    pub fn paste(&mut self, text: &str, t: &ScreenWords) {
        if let Some(f) = self.input_mut() {
            f.paste(text);
            self.validate(t);
        }
    }

    fn set_focus(&mut self, i: usize) {
        self.focus = i;
        if let Some(f) = self.input_mut() {
            f.focus();
        }
    }

    fn cycle_kind(&mut self, forward: bool) {
        let all = RecipientKind::ALL;
        let i = all.iter().position(|k| *k == self.kind).unwrap_or(0);
        let n = all.len();
        self.kind = all[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }
}

/// Lower-case names of all recipients but `except`, for the duplicate
/// check while typing.
pub fn names_except(ctx: &Ctx, except: Option<RecipientId>) -> Result<Vec<String>, StoreError> {
    Ok(ctx
        .store
        .recipients(true)?
        .into_iter()
        .filter(|r| Some(r.id) != except)
        .map(|r| r.name.trim().to_lowercase())
        .collect())
}

/// A new recipient.
pub fn open_new(ctx: &Ctx) -> Result<RecipientForm, Effect> {
    let others = ctx.stored(names_except(ctx, None))?;
    Ok(RecipientForm::new_recipient(others))
}

/// A new name for recipient `id`.
pub fn open_rename(ctx: &Ctx, id: RecipientId) -> Result<RecipientForm, Effect> {
    let r = ctx.stored(ctx.store.recipient(id))?;
    let others = ctx.stored(names_except(ctx, Some(id)))?;
    Ok(RecipientForm::rename(&r, others))
}

/// The kind of draft this form keeps.
pub const DRAFT: &str = "recipient";

/// What a draft keeps: the fields as typed.
#[derive(Serialize, Deserialize)]
struct DraftBody {
    name: String,
    formal: String,
    kind: RecipientKind,
    /// The names the form was opened on (older drafts: as stored).
    #[serde(default)]
    base: Option<(String, String)>,
}

/// A draft of this form opened again: a new recipient, or a rename of
/// the recipient as stored now.
pub fn restore(ctx: &Ctx, d: &store::Draft) -> Option<RecipientForm> {
    let body: DraftBody = serde_json::from_str(&d.body).ok()?;
    let others = names_except(ctx, d.recipient_id).ok()?;
    let mut form = match d.recipient_id {
        Some(id) => {
            let mut r = ctx.store.recipient(id).ok()?;
            if let Some((name, formal)) = body.base.clone() {
                (r.name, r.formal_name) = (name, formal);
            }
            RecipientForm::rename(&r, others)
        }
        None => RecipientForm::new_recipient(others),
    };
    form.name.set(&body.name);
    form.formal.set(&body.formal);
    if form.mode == Mode::New {
        form.kind = body.kind;
    }
    form.name.focus();
    form.validate(ctx.t());
    Some(form)
}

/// What the question offering a draft back says it is.
pub fn draft_subject(ctx: &Ctx, d: &store::Draft) -> (&'static str, String) {
    let name = serde_json::from_str::<DraftBody>(&d.body)
        .map(|b| b.name)
        .unwrap_or_default();
    (ctx.t().restore_recipient_draft, name)
}

impl RecipientForm {
    /// Writes the recipient. Refused input leaves the form open with the
    /// reason under the name; `then_next` opens the next form (batch
    /// entry) from the view below.
    fn save(&mut self, ctx: &mut Ctx, then_next: bool, force: bool) -> Result<Effect, Effect> {
        let t = ctx.t();
        self.tried = true;
        self.validate(t);
        if self.name_error.is_some() {
            self.focus = 0;
            self.name.select();
            return Err(Effect::Error(t.fix_errors.into()));
        }
        let (mode, old) = (self.mode, self.initial.0.clone());
        if !self.is_dirty() {
            return Ok(Effect::Many(vec![
                Effect::Close,
                Effect::Info(t.nothing_to_save.into()),
            ]));
        }
        let (name, formal, kind) = self.values();
        let result = match mode {
            Mode::New => ctx.store.add_recipient(&name, &formal, kind),
            Mode::Rename(id) => {
                let loaded = store::RecipientNames::new(&self.initial.0, &self.initial.1);
                let edited = store::RecipientNames::new(&name, &formal);
                let saved = ctx.store.save_recipient_names(id, &loaded, &edited, force);
                saved.map(|()| id)
            }
        };
        let id = result.map_err(|e| self.refused(ctx, e))?;
        let said = match mode {
            Mode::New => format!("{}: {name}", t.recipient_added),
            Mode::Rename(_) => format!("{}: {old} → {name}", t.recipient_renamed),
        };
        let mut effects = vec![
            Effect::Close,
            Effect::Reload,
            Effect::Send(Action::Select(id)),
            Effect::Info(said),
        ];
        if then_next {
            // Another new recipient, or the next one to rename.
            effects.push(Effect::Send(match mode {
                Mode::New => Action::New,
                Mode::Rename(_) => Action::Next,
            }));
        }
        Ok(Effect::Many(effects))
    }

    /// The store's refusal, shown under the name when it is about the
    /// name (another session may have taken it since the form opened).
    fn refused(&mut self, ctx: &Ctx, e: StoreError) -> Effect {
        let t = ctx.t();
        let taken = ctx.store.recipient_by_name(&self.values().0).ok().flatten();
        match (e, taken) {
            (StoreError::Invalid(_), Some(other)) => {
                self.others.push(other.name.trim().to_lowercase());
                self.validate(t);
                self.focus = 0;
                self.name.select();
                Effect::Error(t.fix_errors.into())
            }
            (StoreError::Invalid(m), None) => {
                self.name_error = Some(m.clone());
                Effect::Error(m)
            }
            (e, _) => ctx.refused_save(&e),
        }
    }
}

impl View for RecipientForm {
    fn contexts(&self) -> Vec<KeyContext> {
        form::contexts(self.on_choice(), &[KeyContext::BatchForm])
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Effect {
        match action {
            Action::Input(key) => {
                if let Some(field) = self.input_mut()
                    && field.handle(&key)
                {
                    self.validate(ctx.t());
                }
            }
            Action::Left if self.on_choice() => self.cycle_kind(false),
            Action::Right if self.on_choice() => self.cycle_kind(true),
            Action::Save => return self.save(ctx, false, false).into(),
            Action::SaveAndNext => return self.save(ctx, true, false).into(),
            Action::Overwrite => return self.save(ctx, false, true).into(),
            Action::Back => return form::back(ctx, self.is_dirty()),
            other => match form::step(self.focus, self.field_count(), Ends::Round, &other) {
                Step::To(i) => self.set_focus(i),
                Step::Save => return self.save(ctx, false, false).into(),
                Step::Other => {}
            },
        }
        Effect::None
    }

    fn paste(&mut self, ctx: &mut Ctx, text: &str) -> Effect {
        RecipientForm::paste(self, text, ctx.t());
        Effect::None
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) -> Option<Position> {
        draw::draw(frame, area, ctx, self)
    }

    fn is_dirty(&self) -> bool {
        RecipientForm::is_dirty(self)
    }

    fn draft(&self) -> Option<Draft> {
        let (name, formal, kind) = self.values();
        let base = Some((self.initial.0.clone(), self.initial.1.clone()));
        let body = DraftBody {
            name,
            formal,
            kind,
            base: base.filter(|_| self.mode != Mode::New),
        };
        let recipient_id = match self.mode {
            Mode::New => None,
            Mode::Rename(id) => Some(id),
        };
        self.is_dirty().then(|| Draft {
            kind: DRAFT,
            grant_id: None,
            recipient_id,
            body: serde_json::to_string(&body).unwrap_or_default(),
        })
    }
}
