//! Districts and units, shared by all grants. Retiring keeps history.

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::audit::{Change, record};
use super::merge::Scope;
use super::{Result, Store, StoreError};
use crate::domain::merge::{Fielded, Fields};
use crate::domain::model::{Recipient, RecipientId, RecipientKind};

fn recipient_from_row(r: &Row<'_>) -> rusqlite::Result<Recipient> {
    let kind: String = r.get(3)?;
    Ok(Recipient {
        id: r.get(0)?,
        name: r.get(1)?,
        formal_name: r.get(2)?,
        kind: RecipientKind::from_code(&kind).unwrap_or(RecipientKind::Other),
        retired: r.get(4)?,
    })
}

macro_rules! select_recipient {
    ($rest:literal) => {
        concat!(
            "SELECT id, name, formal_name, kind, retired FROM recipients ",
            $rest
        )
    };
}

/// Names are compared without surrounding spaces; an empty one is refused.
fn clean_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid("a recipient needs a name".into()));
    }
    Ok(name.to_string())
}

/// The names a rename changes, as the merge sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientNames {
    pub name: String,
    pub formal_name: String,
}

impl RecipientNames {
    pub fn new(name: &str, formal_name: &str) -> RecipientNames {
        RecipientNames {
            name: name.trim().to_string(),
            formal_name: formal_name.trim().to_string(),
        }
    }

    pub fn of(r: &Recipient) -> RecipientNames {
        RecipientNames::new(&r.name, &r.formal_name)
    }
}

impl Fielded for RecipientNames {
    fn fields(&self) -> Fields {
        Fields::from([
            ("recipient.name".to_string(), self.name.clone()),
            (
                "recipient.formal_name".to_string(),
                self.formal_name.clone(),
            ),
        ])
    }

    fn with_fields(&self, f: &Fields) -> RecipientNames {
        let get = |k: &str, old: &str| f.get(k).cloned().unwrap_or_else(|| old.to_string());
        RecipientNames {
            name: get("recipient.name", &self.name),
            formal_name: get("recipient.formal_name", &self.formal_name),
        }
    }
}

/// Writes a recipient's names, refusing a name another recipient has.
fn write_names(conn: &Connection, id: RecipientId, n: &RecipientNames) -> Result<()> {
    let name = clean_name(&n.name)?;
    let other: Option<String> = conn
        .query_row(
            "SELECT name FROM recipients WHERE name = ?1 AND id <> ?2",
            params![name, id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(other) = other {
        return Err(StoreError::Invalid(format!(
            "'{other}' is already the name of another recipient"
        )));
    }
    conn.execute(
        "UPDATE recipients SET name = ?2, formal_name = ?3 WHERE id = ?1",
        params![id, name, n.formal_name.trim()],
    )?;
    Ok(())
}

impl Store {
    /// All recipients in Swedish alphabetical order.
    pub fn recipients(&self, include_retired: bool) -> Result<Vec<Recipient>> {
        let mut stmt = self
            .conn
            .prepare_cached(select_recipient!("WHERE retired = 0 OR ?1"))?;
        let rows = stmt.query_map([include_retired], recipient_from_row)?;
        let mut list: Vec<Recipient> = rows.collect::<rusqlite::Result<_>>()?;
        list.sort_by_cached_key(|r| crate::domain::collate::sort_key(&r.name));
        Ok(list)
    }

    pub fn recipient(&self, id: RecipientId) -> Result<Recipient> {
        self.conn
            .prepare_cached(select_recipient!("WHERE id = ?1"))?
            .query_row([id], recipient_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("recipient {id}")))
    }

    pub fn recipient_by_name(&self, name: &str) -> Result<Option<Recipient>> {
        Ok(self
            .conn
            .prepare_cached(select_recipient!("WHERE name = ?1"))?
            .query_row([name.trim()], recipient_from_row)
            .optional()?)
    }

    pub fn add_recipient(
        &mut self,
        name: &str,
        formal_name: &str,
        kind: RecipientKind,
    ) -> Result<RecipientId> {
        self.ensure_writable()?;
        let name = clean_name(name)?;
        if self.recipient_by_name(&name)?.is_some() {
            return Err(StoreError::Invalid(format!(
                "a recipient called '{name}' already exists"
            )));
        }
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO recipients (name, formal_name, kind) VALUES (?1, ?2, ?3)",
            params![name, formal_name.trim(), kind.code()],
        )?;
        let id = tx.last_insert_rowid();
        let change = Change {
            grant_id: None,
            recipient_id: Some(id),
            what: "recipient",
            old: String::new(),
            new: name,
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(id)
    }

    /// Renames a recipient whatever another session did meanwhile. A
    /// form saves with `save_recipient_names`, against what it was opened on.
    pub fn rename_recipient(
        &mut self,
        id: RecipientId,
        name: &str,
        formal_name: &str,
    ) -> Result<()> {
        let old = self.recipient(id)?;
        let edited = RecipientNames::new(name, formal_name);
        self.save_recipient_names(id, &RecipientNames::of(&old), &edited, true)
    }

    /// Saves the names the form changed from `loaded` over the recipient
    /// as stored now; a name someone else changed meanwhile is refused
    /// unless `force`.
    pub fn save_recipient_names(
        &mut self,
        id: RecipientId,
        loaded: &RecipientNames,
        edited: &RecipientNames,
        force: bool,
    ) -> Result<()> {
        clean_name(&edited.name)?;
        let scope = Scope {
            grant_id: None,
            recipient_id: Some(id),
        };
        let read = |c: &Connection| {
            c.prepare_cached(select_recipient!("WHERE id = ?1"))?
                .query_row([id], recipient_from_row)
                .optional()?
                .map(|r| RecipientNames::of(&r))
                .ok_or_else(|| StoreError::NotFound(format!("recipient {id}")))
        };
        let write = |c: &Connection, n: &RecipientNames| write_names(c, id, n);
        self.save_merged(scope, loaded, edited, force, read, write)
            .map(drop)
    }

    /// Retires or brings back a recipient. Nothing is deleted.
    pub fn set_recipient_retired(&mut self, id: RecipientId, retired: bool) -> Result<()> {
        self.ensure_writable()?;
        let old = self.recipient(id)?;
        if old.retired == retired {
            return Ok(());
        }
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE recipients SET retired = ?2 WHERE id = ?1",
            params![id, retired],
        )?;
        let change = Change {
            grant_id: None,
            recipient_id: Some(id),
            what: "recipient.retired",
            old: old.retired.to_string(),
            new: retired.to_string(),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(())
    }
}
