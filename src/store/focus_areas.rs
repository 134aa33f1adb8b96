//! Editing a grant's own list of focus areas: add, rename, reorder, and
//! remove while no spending uses it.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::audit::{Change, record};
use super::grants::ensure_open;
use super::{Result, Store, StoreError};
use crate::domain::model::{FocusAreaId, GrantId};

/// "Samordnat stöd / Coordinated support": how the log shows a name pair.
fn both(sv: &str, en: &str) -> String {
    format!("{sv} / {en}")
}

fn names_ok(sv: &str, en: &str) -> Result<()> {
    if sv.trim().is_empty() || en.trim().is_empty() {
        return Err(StoreError::Invalid(
            "a focus area needs a name in Swedish and in English".into(),
        ));
    }
    Ok(())
}

/// grant, position, Swedish name, English name of one focus area.
fn area(tx: &Transaction<'_>, id: FocusAreaId) -> Result<(GrantId, i64, String, String)> {
    tx.query_row(
        "SELECT grant_id, position, name_sv, name_en FROM focus_areas WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("focus area {id}")))
}

impl Store {
    /// The focus areas of a grant that spending uses (an amount or a
    /// note): the ones that cannot be removed.
    pub fn focus_areas_in_use(&self, grant_id: GrantId) -> Result<Vec<FocusAreaId>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT f.id FROM focus_areas f JOIN spending s ON s.focus_area_id = f.id
             WHERE f.grant_id = ?1 AND (s.amount_ore <> 0 OR s.note <> '') ORDER BY f.id",
        )?;
        let rows = stmt.query_map([grant_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Puts a removed focus area back at `position` (the ones from there
    /// on move down one place): the undo of a removal.
    pub fn restore_focus_area(
        &mut self,
        grant_id: GrantId,
        position: i64,
        sv: &str,
        en: &str,
    ) -> Result<FocusAreaId> {
        self.ensure_writable()?;
        names_ok(sv, en)?;
        let who = self.who.clone();
        // An undo's rows say so (`Store::as_undo`).
        let mark = self.audit_mark();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_open(&tx, grant_id)?;
        // From the bottom, so each lands on a free position.
        let later: Vec<FocusAreaId> = {
            let mut stmt = tx.prepare(
                "SELECT id FROM focus_areas WHERE grant_id = ?1 AND position >= ?2
                 ORDER BY position DESC",
            )?;
            stmt.query_map(params![grant_id, position], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        for later_id in later {
            tx.execute(
                "UPDATE focus_areas SET position = position + 1 WHERE id = ?1",
                [later_id],
            )?;
        }
        let end: i64 = tx.query_row(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM focus_areas WHERE grant_id = ?1",
            [grant_id],
            |r| r.get(0),
        )?;
        let position = position.clamp(1, end);
        tx.execute(
            "INSERT INTO focus_areas (grant_id, position, name_sv, name_en) VALUES (?1, ?2, ?3, ?4)",
            params![grant_id, position, sv.trim(), en.trim()],
        )?;
        let id = tx.last_insert_rowid();
        let what = format!("{mark}focus_area.{position}");
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: None,
            what: &what,
            old: String::new(),
            new: both(sv.trim(), en.trim()),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(id)
    }

    /// Adds a focus area at the end of the grant's list.
    pub fn add_focus_area(&mut self, grant_id: GrantId, sv: &str, en: &str) -> Result<FocusAreaId> {
        self.ensure_writable()?;
        names_ok(sv, en)?;
        let who = self.who.clone();
        // An undo's rows say so (`Store::as_undo`).
        let mark = self.audit_mark();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_open(&tx, grant_id)?;
        let position: i64 = tx.query_row(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM focus_areas WHERE grant_id = ?1",
            [grant_id],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO focus_areas (grant_id, position, name_sv, name_en) VALUES (?1, ?2, ?3, ?4)",
            params![grant_id, position, sv.trim(), en.trim()],
        )?;
        let id = tx.last_insert_rowid();
        let what = format!("{mark}focus_area.{position}");
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: None,
            what: &what,
            old: String::new(),
            new: both(sv.trim(), en.trim()),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn rename_focus_area(&mut self, id: FocusAreaId, sv: &str, en: &str) -> Result<()> {
        self.ensure_writable()?;
        names_ok(sv, en)?;
        let who = self.who.clone();
        // An undo's rows say so (`Store::as_undo`).
        let mark = self.audit_mark();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (grant_id, position, old_sv, old_en) = area(&tx, id)?;
        ensure_open(&tx, grant_id)?;
        let (old, new) = (both(&old_sv, &old_en), both(sv.trim(), en.trim()));
        if old == new {
            return Ok(());
        }
        tx.execute(
            "UPDATE focus_areas SET name_sv = ?2, name_en = ?3 WHERE id = ?1",
            params![id, sv.trim(), en.trim()],
        )?;
        let what = format!("{mark}focus_area.{position}");
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: None,
            what: &what,
            old,
            new,
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(())
    }

    /// Swaps the focus area with its neighbour above (`up`) or below; at
    /// either end nothing moves. Returns whether it moved.
    pub fn move_focus_area(&mut self, id: FocusAreaId, up: bool) -> Result<bool> {
        self.ensure_writable()?;
        let who = self.who.clone();
        // An undo's rows say so (`Store::as_undo`).
        let mark = self.audit_mark();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (grant_id, position, sv, en) = area(&tx, id)?;
        ensure_open(&tx, grant_id)?;
        let neighbour: Option<(FocusAreaId, i64)> = tx
            .query_row(
                if up {
                    "SELECT id, position FROM focus_areas WHERE grant_id = ?1 AND position < ?2
                     ORDER BY position DESC LIMIT 1"
                } else {
                    "SELECT id, position FROM focus_areas WHERE grant_id = ?1 AND position > ?2
                     ORDER BY position LIMIT 1"
                },
                params![grant_id, position],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((other, other_position)) = neighbour else {
            return Ok(false);
        };
        // Through a free position, as (grant, position) is unique.
        let set = "UPDATE focus_areas SET position = ?2 WHERE id = ?1";
        tx.execute(set, params![id, -1])?;
        tx.execute(set, params![other, position])?;
        tx.execute(set, params![id, other_position])?;
        let what = format!("{mark}focus_area.{other_position}");
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: None,
            what: &what,
            old: format!("{position}"),
            new: format!("{other_position} {}", both(&sv, &en)),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(true)
    }

    /// Removes a focus area that no spending uses (no amount, no note);
    /// the areas after it move up one place.
    pub fn remove_focus_area(&mut self, id: FocusAreaId) -> Result<()> {
        self.ensure_writable()?;
        let who = self.who.clone();
        // An undo's rows say so (`Store::as_undo`).
        let mark = self.audit_mark();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (grant_id, position, sv, en) = area(&tx, id)?;
        ensure_open(&tx, grant_id)?;
        let used: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM spending WHERE focus_area_id = ?1
                            AND (amount_ore <> 0 OR note <> ''))",
            [id],
            |r| r.get(0),
        )?;
        if used {
            return Err(StoreError::FocusAreaInUse(sv));
        }
        tx.execute("DELETE FROM spending WHERE focus_area_id = ?1", [id])?;
        tx.execute("DELETE FROM focus_areas WHERE id = ?1", [id])?;
        // One at a time from the top, so each lands on a freed position.
        let later: Vec<FocusAreaId> = {
            let mut stmt = tx.prepare(
                "SELECT id FROM focus_areas WHERE grant_id = ?1 AND position > ?2 ORDER BY position",
            )?;
            stmt.query_map(params![grant_id, position], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        for later_id in later {
            tx.execute(
                "UPDATE focus_areas SET position = position - 1 WHERE id = ?1",
                [later_id],
            )?;
        }
        let what = format!("{mark}focus_area.{position}");
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: None,
            what: &what,
            old: both(&sv, &en),
            new: String::new(),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(())
    }
}
