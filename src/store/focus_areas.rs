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

/// One audit row about a focus area of the grant.
fn log(
    tx: &Transaction<'_>,
    who: &str,
    grant_id: GrantId,
    what: &str,
    old: String,
    new: String,
) -> Result<()> {
    let change = Change {
        grant_id: Some(grant_id),
        recipient_id: None,
        what,
        old,
        new,
    };
    record(tx, who, change)
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
    /// The (Swedish, English) names of a grant's focus areas, in order:
    /// what a new grant takes from it as a template.
    pub fn focus_area_names(&self, grant_id: GrantId) -> Result<Vec<(String, String)>> {
        let areas = self.focus_areas(grant_id)?;
        Ok(areas.into_iter().map(|a| (a.name_sv, a.name_en)).collect())
    }

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
        self.insert_area(grant_id, Some(position), sv, en)
    }

    /// Adds a focus area at the end of the grant's list.
    pub fn add_focus_area(&mut self, grant_id: GrantId, sv: &str, en: &str) -> Result<FocusAreaId> {
        self.insert_area(grant_id, None, sv, en)
    }

    /// Inserts an area at `at`, moving the ones from there on down, or
    /// at the end.
    fn insert_area(
        &mut self,
        grant_id: GrantId,
        at: Option<i64>,
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
        if let Some(at) = at {
            shift_from(&tx, grant_id, at, 1)?;
        }
        let end: i64 = tx.query_row(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM focus_areas WHERE grant_id = ?1",
            [grant_id],
            |r| r.get(0),
        )?;
        let position = at.map_or(end, |at| at.clamp(1, end));
        tx.execute(
            "INSERT INTO focus_areas (grant_id, position, name_sv, name_en) VALUES (?1, ?2, ?3, ?4)",
            params![grant_id, position, sv.trim(), en.trim()],
        )?;
        let id = tx.last_insert_rowid();
        let what = format!("{mark}focus_area.{position}");
        log(
            &tx,
            &who,
            grant_id,
            &what,
            String::new(),
            both(sv.trim(), en.trim()),
        )?;
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
        log(&tx, &who, grant_id, &what, old, new)?;
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
        log(
            &tx,
            &who,
            grant_id,
            &what,
            format!("{position}"),
            format!("{other_position} {}", both(&sv, &en)),
        )?;
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
        shift_from(&tx, grant_id, position + 1, -1)?;
        let what = format!("{mark}focus_area.{position}");
        log(&tx, &who, grant_id, &what, both(&sv, &en), String::new())?;
        tx.commit()?;
        Ok(())
    }
}

/// Moves every area of `grant_id` from `position` on by `by` places, one
/// at a time from the end it moves towards, so each lands on a free
/// position under the unique (grant, position) key.
fn shift_from(tx: &rusqlite::Transaction, grant_id: GrantId, position: i64, by: i64) -> Result<()> {
    let order = if by > 0 { "DESC" } else { "ASC" };
    let later: Vec<FocusAreaId> = {
        let mut stmt = tx.prepare(&format!(
            "SELECT id FROM focus_areas WHERE grant_id = ?1 AND position >= ?2
             ORDER BY position {order}"
        ))?;
        stmt.query_map(params![grant_id, position], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    for id in later {
        tx.execute(
            "UPDATE focus_areas SET position = position + ?2 WHERE id = ?1",
            params![id, by],
        )?;
    }
    Ok(())
}
