//! The small form that adds or renames a recipient: name, formal name and,
//! for a new one, the kind. A name that is empty or already taken is shown
//! under the field and nothing is written.

use super::action::Action;
use super::app::{App, Pending, Screen};
use super::field::TextField;
use crate::domain::model::{Recipient, RecipientId, RecipientKind};
use crate::i18n::screen::{Texts, texts};
use crate::store::StoreError;

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

    fn on_last(&self) -> bool {
        self.focus + 1 == self.field_count()
    }

    /// The text field with the focus, if the focus is on one.
    pub fn input(&self) -> Option<&TextField> {
        match self.focus {
            0 => Some(&self.name),
            1 => Some(&self.formal),
            _ => None,
        }
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

    pub fn validate(&mut self, t: &Texts) {
        let name = self.name.value().trim().to_lowercase();
        self.name_error = if name.is_empty() {
            self.tried.then(|| t.name_empty.to_string())
        } else if self.others.contains(&name) {
            Some(t.name_taken.to_string())
        } else {
            None
        };
    }

    pub fn paste(&mut self, text: &str, t: &Texts) {
        if let Some(f) = self.input_mut() {
            f.paste(text);
            self.validate(t);
        }
    }

    fn move_focus(&mut self, forward: bool) {
        let n = self.field_count();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
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

fn form(app: &mut App) -> Option<&mut RecipientForm> {
    match app.screens.last_mut() {
        Some(Screen::RecipientForm(f)) => Some(f),
        _ => None,
    }
}

pub fn update(app: &mut App, action: Action) {
    let t = texts(app.lang);
    let Some(f) = form(app) else { return };
    match action {
        Action::Input(key) => {
            if let Some(field) = f.input_mut()
                && field.handle(&key)
            {
                f.validate(t);
            }
        }
        Action::Confirm if f.on_last() => save(app, false),
        Action::Confirm | Action::Down | Action::NextField => f.move_focus(true),
        Action::Up | Action::PrevField => f.move_focus(false),
        Action::Left if f.on_choice() => f.cycle_kind(false),
        Action::Right if f.on_choice() => f.cycle_kind(true),
        Action::Save => save(app, false),
        Action::SaveAndNext => save(app, true),
        Action::Back if f.is_dirty() => app.ask(t.discard_question, Pending::DiscardForm),
        Action::Back => {
            app.screens.pop();
        }
        _ => {}
    }
}

/// Writes the recipient. Refused input leaves the form open with the
/// reason under the name; `then_next` opens the next form (batch entry).
fn save(app: &mut App, then_next: bool) {
    let t = texts(app.lang);
    let Some(f) = form(app) else { return };
    f.tried = true;
    f.validate(t);
    if f.name_error.is_some() {
        f.focus = 0;
        return app.error(t.fix_errors);
    }
    let (mode, old) = (f.mode, f.initial.0.clone());
    if !f.is_dirty() {
        app.screens.pop();
        return app.info(t.nothing_to_save);
    }
    let (name, formal, kind) = f.values();
    let result = match mode {
        Mode::New => app.store.add_recipient(&name, &formal, kind),
        Mode::Rename(id) => app.store.rename_recipient(id, &name, &formal).map(|()| id),
    };
    let id = match result {
        Ok(id) => id,
        Err(e) => return refused(app, e),
    };
    let message = match mode {
        Mode::New => format!("{}: {name}", t.recipient_added),
        Mode::Rename(_) => format!("{}: {old} → {name}", t.recipient_renamed),
    };
    app.screens.pop();
    app.reload();
    if let Some(Screen::Recipients(v)) = app.screens.last_mut() {
        v.select(id);
    }
    app.info(message);
    if then_next {
        open_next(app, mode);
    }
}

/// The store's refusal, shown under the name when it is about the name
/// (another session may have taken it since the form opened).
fn refused(app: &mut App, e: StoreError) {
    let t = texts(app.lang);
    let taken = match form(app).map(|f| f.values().0) {
        Some(name) => app.store.recipient_by_name(&name).ok().flatten(),
        None => None,
    };
    let Some(f) = form(app) else { return };
    match (e, taken) {
        (StoreError::Invalid(_), Some(other)) => {
            f.others.push(other.name.trim().to_lowercase());
            f.validate(t);
            f.focus = 0;
            app.error(t.fix_errors);
        }
        (StoreError::Invalid(m), None) => {
            f.name_error = Some(m.clone());
            app.error(m);
        }
        (e, _) => app.store_failed(&e),
    }
}

/// Batch entry: another new recipient, or the next one to rename.
fn open_next(app: &mut App, mode: Mode) {
    match mode {
        Mode::New => super::recipients::open_new(app),
        Mode::Rename(_) => {
            let moved = match app.screens.last_mut() {
                Some(Screen::Recipients(v)) => v.move_by(1),
                _ => false,
            };
            if moved {
                super::recipients::open_rename(app);
            } else {
                let saved = app.message.take().map(|m| m.text).unwrap_or_default();
                app.info(format!("{saved}. {}", texts(app.lang).last_recipient));
            }
        }
    }
}
