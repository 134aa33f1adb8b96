//! Undo of the changes made in this session, newest first. An undo is a
//! change like any other: saved through the store, with its audit rows,
//! and refused if someone else changed the same value since.

use super::app::App;
use crate::domain::model::{GrantId, RecipientId};
use crate::domain::money::Money;
use crate::store::Entry;

#[derive(Debug, Clone)]
pub enum UndoStep {
    /// A spending form saved: what it replaced and what it stored.
    Entry {
        grant_id: GrantId,
        recipient_id: RecipientId,
        name: String,
        before: Entry,
        after: Entry,
    },
    /// An allocation changed from `before` to `after`.
    Allocation {
        grant_id: GrantId,
        recipient_id: RecipientId,
        name: String,
        before: Money,
        after: Money,
    },
}

impl App {
    /// Records a change just saved. Undo is only offered while it is the
    /// newest change this session made: `undo_mark` is the store's change
    /// count right after it.
    pub fn remember(&mut self, step: UndoStep) {
        self.undo.push(step);
        self.undo_mark = self.store.changes_made();
    }

    /// Takes back the newest change of this session.
    pub fn undo_last(&mut self) {
        if !self.can_edit() {
            return;
        }
        if self.store.changes_made() != self.undo_mark {
            // Something else was changed since (a receipt, a grant, a
            // name): undoing an older change would skip over it.
            self.undo.clear();
        }
        let Some(step) = self.undo.pop() else {
            return self.info(self.lang.pick(
                "Inget att ångra: bara den senaste redovisningen eller tilldelningen kan ångras",
                "Nothing to undo: only the latest spending report or allocation can be undone",
            ));
        };
        let (grant_id, recipient_id, name) = match &step {
            UndoStep::Entry {
                grant_id,
                recipient_id,
                name,
                ..
            }
            | UndoStep::Allocation {
                grant_id,
                recipient_id,
                name,
                ..
            } => (*grant_id, *recipient_id, name.clone()),
        };
        // Show the grant the undo happens in.
        if self.data.as_ref().is_none_or(|d| d.grant.id != grant_id)
            && let Err(e) = self.load_grant(grant_id)
        {
            return self.store_failed(&e);
        }
        let result = match &step {
            UndoStep::Entry { before, after, .. } => self
                .store
                .save_entry(grant_id, recipient_id, after, before, false)
                .map(drop),
            UndoStep::Allocation { before, after, .. } => {
                self.store
                    .set_allocation(grant_id, recipient_id, *before, Some(*after))
            }
        };
        match result {
            Ok(()) => {
                self.undo_mark = self.store.changes_made();
                self.reload();
                let grant = self
                    .data
                    .as_ref()
                    .map(|d| d.grant.title.clone())
                    .unwrap_or_default();
                self.info(format!(
                    "{}: {name} ({grant})",
                    self.lang.pick("Ångrat", "Undone")
                ));
            }
            Err(e) => {
                self.undo.clear();
                let why = match &e {
                    crate::store::StoreError::Conflict(c) => {
                        super::form_update::conflict_text(c, self.lang)
                    }
                    other => other.to_string(),
                };
                self.error(format!(
                    "{}: {why}",
                    self.lang.pick("Kan inte ångra", "Cannot undo")
                ));
            }
        }
    }
}
