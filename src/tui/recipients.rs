//! The recipients view: every district and unit, retired ones included,
//! with what each has in the grant on screen. New, rename, retire or
//! restore, and allocate, which is how a new recipient enters a grant.

use std::cell::Cell;

use super::action::Action;
use super::app::{App, GrantData, Pending, Screen};
use super::recipient_form::RecipientForm;
use crate::domain::model::{Recipient, RecipientId};
use crate::domain::money::Money;
use crate::i18n::screen::{retire_question, retired_done};
use crate::store::{Store, StoreError};

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
    pub selected: usize,
    /// First visible row, kept by drawing so scrolling is smooth.
    pub offset: Cell<usize>,
    /// Rows that fit at the last draw, for PgUp/PgDn.
    pub page: Cell<usize>,
}

impl RecipientsState {
    pub fn load(store: &Store, data: Option<&GrantData>) -> Result<RecipientsState, StoreError> {
        let mut s = RecipientsState::default();
        s.refresh(store, data)?;
        Ok(s)
    }

    /// Reads the list again, keeping the same recipient selected.
    pub fn refresh(&mut self, store: &Store, data: Option<&GrantData>) -> Result<(), StoreError> {
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
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        if let Some(id) = keep {
            self.select(id);
        }
        Ok(())
    }

    pub fn selected_row(&self) -> Option<&RecipientRow> {
        self.rows.get(self.selected)
    }

    pub fn select(&mut self, id: RecipientId) {
        if let Some(i) = self.rows.iter().position(|r| r.recipient.id == id) {
            self.selected = i;
        }
    }

    /// Moves the selection; returns false when it could not move.
    pub fn move_by(&mut self, delta: isize) -> bool {
        let before = self.selected;
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.selected != before
    }

    /// Lower-case names of all recipients but `except`, for the form's
    /// duplicate check while typing.
    pub fn names_except(&self, except: Option<RecipientId>) -> Vec<String> {
        self.rows
            .iter()
            .filter(|r| Some(r.recipient.id) != except)
            .map(|r| r.recipient.name.trim().to_lowercase())
            .collect()
    }
}

fn view(app: &mut App) -> Option<&mut RecipientsState> {
    match app.screens.last_mut() {
        Some(Screen::Recipients(v)) => Some(v),
        _ => None,
    }
}

/// `m` in the main view.
pub fn open(app: &mut App) {
    match RecipientsState::load(&app.store, app.data.as_ref()) {
        Ok(v) => app.screens.push(Screen::Recipients(v)),
        Err(e) => app.store_failed(&e),
    }
}

pub fn update(app: &mut App, action: Action) {
    let Some(v) = view(app) else { return };
    let page = v.page.get().max(1) as isize;
    match action {
        Action::Up => {
            v.move_by(-1);
        }
        Action::Down => {
            v.move_by(1);
        }
        Action::PageUp => {
            v.move_by(-page);
        }
        Action::PageDown => {
            v.move_by(page);
        }
        Action::Top => v.selected = 0,
        Action::Bottom => v.selected = v.rows.len().saturating_sub(1),
        Action::New => open_new(app),
        Action::Edit => open_rename(app),
        Action::Retire => ask_retire(app),
        Action::Allocate => {
            if let Some(r) = v.selected_row() {
                let (id, name) = (r.recipient.id, r.recipient.name.clone());
                super::allocation::open(app, id, name);
            }
        }
        Action::Back => {
            app.screens.pop();
        }
        Action::Quit => app.request_quit(),
        _ => {}
    }
}

/// Recipients are shared by all grants, so only a read-only file stops
/// changes here; a closed grant does not.
fn writable(app: &mut App) -> bool {
    if app.store.is_read_only() {
        app.error(app.t().read_only);
        return false;
    }
    true
}

pub fn open_new(app: &mut App) {
    if !writable(app) {
        return;
    }
    let Some(v) = view(app) else { return };
    let form = RecipientForm::new_recipient(v.names_except(None));
    app.screens.push(Screen::RecipientForm(Box::new(form)));
}

pub fn open_rename(app: &mut App) {
    if !writable(app) {
        return;
    }
    let Some(v) = view(app) else { return };
    let Some(row) = v.selected_row() else { return };
    let others = v.names_except(Some(row.recipient.id));
    let form = RecipientForm::rename(&row.recipient, others);
    app.screens.push(Screen::RecipientForm(Box::new(form)));
}

fn ask_retire(app: &mut App) {
    if !writable(app) {
        return;
    }
    let lang = app.lang;
    let Some(r) = view(app).and_then(|v| v.selected_row()) else {
        return;
    };
    let (id, retire) = (r.recipient.id, !r.recipient.retired);
    let text = retire_question(&r.recipient.name, retire, lang);
    app.ask(&text, Pending::Retire(id, retire));
}

/// The yes answer to the retire question.
pub fn retire(app: &mut App, id: RecipientId, retired: bool) {
    let result = app
        .store
        .set_recipient_retired(id, retired)
        .and_then(|()| app.store.recipient(id));
    match result {
        Ok(r) => {
            app.reload();
            app.info(retired_done(&r.name, retired, app.lang));
        }
        Err(e) => app.store_failed(&e),
    }
}
