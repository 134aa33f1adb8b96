//! One save for every edit of a stored thing: in one write transaction,
//! read what is stored now, merge the form's changes over it field by
//! field (`domain::merge`), refuse a field someone else changed since the
//! form was opened (naming their value, who and when), write, and record
//! an audit row per changed field. A new kind of stored thing adopts it by
//! implementing `Fielded` (field names are its audit names) and giving its
//! read and its write.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::audit::{Change, record};
use super::entries::Conflict;
use super::grants::ensure_open;
use super::{Result, Store, StoreError};
use crate::domain::merge::{Clash, Fielded, merge};
use crate::domain::model::{GrantId, REDO_MARK, RecipientId, UNDO_MARK};

/// What a stored thing belongs to: its audit rows carry these, and a
/// thing of a grant can only change while the grant is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scope {
    pub grant_id: Option<GrantId>,
    pub recipient_id: Option<RecipientId>,
}

/// What a save replaced (read in its transaction, so an undo restores
/// exactly that) and what it stored.
pub(super) type Saved<T> = (T, T);

impl Store {
    /// Saves `edited` over what is stored now, against `loaded`, what the
    /// form was opened on. `read` reads the thing, `write` stores the
    /// merged thing (and may refuse it); both run in the transaction.
    /// `force` overwrites the fields someone else changed too.
    pub(super) fn save_merged<T: Fielded>(
        &mut self,
        scope: Scope,
        loaded: &T,
        edited: &T,
        force: bool,
        read: impl Fn(&Connection) -> Result<T>,
        write: impl Fn(&Connection, &T) -> Result<()>,
    ) -> Result<Saved<T>> {
        self.merge_and_write(scope, true, (loaded, edited), force, read, write)
    }

    /// As `save_merged`; with `open_only` false a thing of a reported
    /// grant changes too (money paid back usually goes after the report).
    pub(super) fn merge_and_write<T: Fielded>(
        &mut self,
        scope: Scope,
        open_only: bool,
        (loaded, edited): (&T, &T),
        force: bool,
        read: impl Fn(&Connection) -> Result<T>,
        write: impl Fn(&Connection, &T) -> Result<()>,
    ) -> Result<Saved<T>> {
        self.ensure_writable()?;
        let who = self.who.clone();
        // An undo's rows say so (`Store::as_undo`).
        let mark = self.audit_mark();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(g) = scope.grant_id.filter(|_| open_only) {
            ensure_open(&tx, g)?;
        }
        let current = read(&tx)?;
        let merged = match merge(loaded, edited, &current, force) {
            Ok(m) => m,
            Err(clash) => return Err(conflict(&tx, scope, clash)?),
        };
        let (before, after) = (current.fields(), merged.fields());
        if before != after {
            write(&tx, &merged)?;
            for (key, new) in after {
                let old = before.get(&key).cloned().unwrap_or_default();
                if old != new {
                    let what = format!("{mark}{key}");
                    let change = Change {
                        grant_id: scope.grant_id,
                        recipient_id: scope.recipient_id,
                        what: &what,
                        old,
                        new,
                    };
                    record(&tx, &who, change)?;
                }
            }
        }
        let stored = read(&tx)?;
        tx.commit()?;
        Ok((current, stored))
    }
}

/// The refusal of a clash, with who last changed the field and when.
fn conflict(conn: &Connection, scope: Scope, clash: Clash) -> Result<StoreError> {
    let last: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT who, at FROM audit_log WHERE grant_id IS ?1 AND recipient_id IS ?2
             AND what IN (?3, ?4 || ?3, ?5 || ?3) ORDER BY id DESC LIMIT 1",
        )?
        .query_row(
            params![
                scope.grant_id,
                scope.recipient_id,
                clash.field,
                UNDO_MARK,
                REDO_MARK
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(StoreError::Conflict(Box::new(Conflict {
        what: clash.field,
        mine: clash.mine,
        theirs: clash.theirs,
        who: last.as_ref().map(|l| l.0.clone()),
        at: last.map(|l| l.1),
    })))
}
