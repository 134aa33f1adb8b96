//! Districts and units, shared by all grants. Retiring keeps history.

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use super::audit::{Change, record};
use super::{Result, Store, StoreError};
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

    pub fn rename_recipient(
        &mut self,
        id: RecipientId,
        name: &str,
        formal_name: &str,
    ) -> Result<()> {
        self.ensure_writable()?;
        let name = clean_name(name)?;
        let old = self.recipient(id)?;
        if let Some(other) = self.recipient_by_name(&name)?.filter(|o| o.id != id) {
            return Err(StoreError::Invalid(format!(
                "'{}' is already the name of another recipient",
                other.name
            )));
        }
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE recipients SET name = ?2, formal_name = ?3 WHERE id = ?1",
            params![id, name, formal_name.trim()],
        )?;
        for (what, old, new) in [
            ("recipient.name", old.name, name),
            (
                "recipient.formal_name",
                old.formal_name,
                formal_name.trim().to_string(),
            ),
        ] {
            if old != new {
                record(
                    &tx,
                    &who,
                    Change {
                        grant_id: None,
                        recipient_id: Some(id),
                        what,
                        old,
                        new,
                    },
                )?;
            }
        }
        tx.commit()?;
        Ok(())
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
