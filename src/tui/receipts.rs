//! The receipts of one grant: the money that came in, with the total.
//! `n` adds one in a small form, `d` deletes the selected one after asking.

use super::action::Action;
use super::app::{App, Pending, Screen};
use super::cursor::Cursor;
use super::grants::{refresh, writable};
use crate::domain::model::{Grant, GrantId, GrantState, Receipt};
use crate::domain::money::Money;
use crate::store::{Store, StoreError};

pub use super::receipt_form::{ReceiptFormState, update as update_form};

#[derive(Debug)]
pub struct ReceiptsState {
    pub grant: Grant,
    pub receipts: Vec<Receipt>,
    pub cursor: Cursor,
}

impl ReceiptsState {
    pub fn load(store: &Store, grant_id: GrantId) -> Result<ReceiptsState, StoreError> {
        Ok(ReceiptsState {
            grant: store.grant(grant_id)?,
            receipts: store.receipts(grant_id)?,
            cursor: Cursor::default(),
        })
    }

    /// Reads the receipts again, keeping the same one selected.
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        let keep = self.selected().map(|r| r.id);
        self.grant = store.grant(self.grant.id)?;
        self.receipts = store.receipts(self.grant.id)?;
        let last = self.receipts.len().saturating_sub(1);
        self.cursor.selected = keep
            .and_then(|id| self.receipts.iter().position(|r| r.id == id))
            .unwrap_or(self.cursor.selected)
            .min(last);
        Ok(())
    }

    pub fn selected(&self) -> Option<&Receipt> {
        self.receipts.get(self.cursor.selected)
    }

    pub fn total(&self) -> Money {
        self.receipts.iter().map(|r| r.amount).sum()
    }

    /// Selects the newest receipt with this id, after adding it.
    pub fn select(&mut self, id: i64) {
        if let Some(i) = self.receipts.iter().position(|r| r.id == id) {
            self.cursor.selected = i;
        }
    }
}

/// Refuses changes to a closed grant in the user's words, before typing.
fn can_change(app: &mut App, grant: &Grant) -> bool {
    if !writable(app) {
        return false;
    }
    if grant.state == GrantState::Reported {
        app.error(app.t().reopen_first);
        return false;
    }
    true
}

pub fn update(app: &mut App, action: Action) {
    let Some(Screen::Receipts(state)) = app.screens.last_mut() else {
        return;
    };
    if state.cursor.apply(&action, state.receipts.len()) {
        return;
    }
    let grant = state.grant.clone();
    let selected = state.selected().cloned();
    match action {
        Action::Back => {
            app.screens.pop();
        }
        Action::Quit => app.request_quit(),
        Action::New if can_change(app, &grant) => {
            let form = ReceiptFormState::new(&grant, app.today, app.lang);
            app.screens.push(Screen::ReceiptForm(Box::new(form)));
        }
        Action::Delete => {
            let Some(r) = selected else { return };
            if !can_change(app, &grant) {
                return;
            }
            let lang = app.lang;
            let question = format!(
                "{} {} · {} · {}?",
                app.t().delete_receipt_question,
                r.date,
                crate::i18n::kinds::receipt(r.kind, lang),
                r.amount.format_with_unit(lang)
            );
            app.ask(&question, Pending::DeleteReceipt(r.id));
        }
        _ => {}
    }
}

/// The yes to deleting a receipt; the store logs it.
pub fn delete(app: &mut App, receipt_id: i64) {
    match app.store.delete_receipt(receipt_id) {
        Ok(()) => {
            refresh(app);
            app.info(app.t().receipt_deleted);
        }
        Err(e) => app.store_failed(&e),
    }
}
