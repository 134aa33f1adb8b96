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
    pub fn remember(&mut self, step: UndoStep) {
        self.undo.push(step);
    }

    /// Takes back the newest change of this session.
    pub fn undo_last(&mut self) {
        if !self.can_edit() {
            return;
        }
        let Some(step) = self.undo.pop() else {
            return self.info(self.lang.pick(
                "Inget att ångra i den här sessionen",
                "Nothing to undo in this session",
            ));
        };
        let (result, name) = match &step {
            UndoStep::Entry {
                grant_id,
                recipient_id,
                name,
                before,
                after,
            } => (
                self.store
                    .save_entry(*grant_id, *recipient_id, after, before, false)
                    .map(drop),
                name.clone(),
            ),
            UndoStep::Allocation {
                grant_id,
                recipient_id,
                name,
                before,
                after,
            } => (
                self.store
                    .set_allocation(*grant_id, *recipient_id, *before, Some(*after)),
                name.clone(),
            ),
        };
        match result {
            Ok(()) => {
                self.reload();
                self.info(format!("{}: {name}", self.lang.pick("Ångrat", "Undone")));
            }
            Err(e) => self.error(format!(
                "{}: {e}",
                self.lang.pick("Kan inte ångra", "Cannot undo")
            )),
        }
    }
}
