//! Grants, their focus areas and the money received for them.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::audit::{Change, record};
use super::merge::Scope;
use super::{Result, Store, StoreError};
pub use crate::domain::grant_draft::GrantDraft;
use crate::domain::model::{
    DEFAULT_FOCUS_AREAS, FocusArea, Grant, GrantId, GrantState, Receipt, ReceiptKind,
};
use crate::domain::money::Money;

/// A receipt about to be recorded, or its values as edited.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewReceipt {
    pub date: NaiveDate,
    pub amount: Money,
    pub kind: ReceiptKind,
    pub note: String,
}

pub(super) fn get_date(r: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = r.get(idx)?;
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn grant_from_row(r: &Row<'_>) -> rusqlite::Result<Grant> {
    let state: String = r.get(7)?;
    Ok(Grant {
        id: r.get(0)?,
        title: r.get(1)?,
        giver: r.get(2)?,
        year: r.get(3)?,
        use_from: get_date(r, 4)?,
        use_until: get_date(r, 5)?,
        report_due: get_date(r, 6)?,
        state: GrantState::from_code(&state).unwrap_or(GrantState::Open),
    })
}

/// Grant columns followed by a constant clause, so SQL stays a literal.
macro_rules! select_grant {
    ($rest:literal) => {
        concat!(
            "SELECT id, title, giver, year, use_from, use_until, report_due, state FROM grants ",
            $rest
        )
    };
}

/// The editable fields of a stored grant, its references left empty (a
/// `Grant` does not carry them): a save against it keeps the stored ones.
/// `Store::grant_draft` reads them too.
pub fn draft_of(g: &Grant) -> GrantDraft {
    GrantDraft {
        title: g.title.clone(),
        giver: g.giver.clone(),
        year: g.year,
        use_from: g.use_from,
        use_until: g.use_until,
        report_due: g.report_due,
        giver_reference: String::new(),
        own_reference: String::new(),
    }
}

/// Every editable field of grant `id` as stored, references included.
fn read_draft(conn: &Connection, id: GrantId) -> Result<GrantDraft> {
    let grant = conn
        .prepare_cached(select_grant!("WHERE id = ?1"))?
        .query_row([id], grant_from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("grant {id}")))?;
    let (giver_reference, own_reference) = conn
        .prepare_cached("SELECT giver_reference, own_reference FROM grants WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(GrantDraft {
        giver_reference,
        own_reference,
        ..draft_of(&grant)
    })
}

/// Writes a grant's fields, refusing a grant that breaks the rules or
/// takes the title and year of another.
fn write_grant(conn: &Connection, id: GrantId, d: &GrantDraft) -> Result<()> {
    d.check().map_err(StoreError::Grant)?;
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM grants WHERE title = ?1 AND year = ?2 AND id <> ?3)",
        params![d.title.trim(), d.year, id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(StoreError::DuplicateGrant {
            title: d.title.trim().to_string(),
            year: d.year,
        });
    }
    conn.execute(
        "UPDATE grants SET title = ?2, giver = ?3, year = ?4, use_from = ?5, use_until = ?6,
         report_due = ?7, giver_reference = ?8, own_reference = ?9 WHERE id = ?1",
        params![
            id,
            d.title.trim(),
            d.giver.trim(),
            d.year,
            d.use_from.to_string(),
            d.use_until.to_string(),
            d.report_due.to_string(),
            d.giver_reference.trim(),
            d.own_reference.trim()
        ],
    )?;
    Ok(())
}

/// Refuses changes to a grant that has been reported (closed).
pub(super) fn ensure_open(conn: &Connection, grant_id: GrantId) -> Result<()> {
    let state: Option<String> = conn
        .query_row("SELECT state FROM grants WHERE id = ?1", [grant_id], |r| {
            r.get(0)
        })
        .optional()?;
    match state.as_deref() {
        None => Err(StoreError::NotFound(format!("grant {grant_id}"))),
        Some("open") => Ok(()),
        Some(_) => Err(StoreError::GrantClosed),
    }
}

/// Inserts a checked grant with its focus areas and audit row in the
/// caller's transaction.
pub(super) fn insert_grant(
    tx: &Connection,
    who: &str,
    draft: &GrantDraft,
    areas: &[(String, String)],
) -> Result<GrantId> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM grants WHERE title = ?1 AND year = ?2)",
        params![draft.title.trim(), draft.year],
        |r| r.get(0),
    )?;
    if exists {
        return Err(StoreError::DuplicateGrant {
            title: draft.title.trim().to_string(),
            year: draft.year,
        });
    }
    tx.execute(
        "INSERT INTO grants (title, giver, year, use_from, use_until, report_due,
                             giver_reference, own_reference)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            draft.title.trim(),
            draft.giver.trim(),
            draft.year,
            draft.use_from.to_string(),
            draft.use_until.to_string(),
            draft.report_due.to_string(),
            draft.giver_reference.trim(),
            draft.own_reference.trim()
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (i, (sv, en)) in areas.iter().enumerate() {
        tx.execute(
        "INSERT INTO focus_areas (grant_id, position, name_sv, name_en) VALUES (?1, ?2, ?3, ?4)",
        params![id, i as i64 + 1, sv, en],
        )?;
    }
    let change = Change {
        grant_id: Some(id),
        recipient_id: None,
        what: "grant",
        old: String::new(),
        new: format!("{} {}", draft.title.trim(), draft.year),
    };
    record(tx, who, change)?;
    Ok(id)
}

impl Store {
    pub fn grants(&self) -> Result<Vec<Grant>> {
        let mut stmt = self
            .conn
            .prepare_cached(select_grant!("ORDER BY year DESC, id DESC"))?;
        let rows = stmt.query_map([], grant_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn grant(&self, id: GrantId) -> Result<Grant> {
        self.conn
            .prepare_cached(select_grant!("WHERE id = ?1"))?
            .query_row([id], grant_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("grant {id}")))
    }

    /// The grant to show when none is named: the most recent open one,
    /// otherwise the most recent of all.
    pub fn current_grant(&self) -> Result<Option<Grant>> {
        Ok(self
            .conn
            .prepare_cached(select_grant!(
                "ORDER BY state = 'open' DESC, year DESC, id DESC LIMIT 1"
            ))?
            .query_row([], grant_from_row)
            .optional()?)
    }

    /// Creates a grant with the default six focus areas.
    pub fn create_grant(&mut self, draft: &GrantDraft) -> Result<GrantId> {
        let areas: Vec<(String, String)> = DEFAULT_FOCUS_AREAS
            .iter()
            .map(|(sv, en)| (sv.to_string(), en.to_string()))
            .collect();
        self.create_grant_with_areas(draft, &areas)
    }

    /// Creates a grant with the focus areas given (Swedish, English), in
    /// their order: a template's, or another grant's.
    pub fn create_grant_with_areas(
        &mut self,
        draft: &GrantDraft,
        areas: &[(String, String)],
    ) -> Result<GrantId> {
        self.ensure_writable()?;
        draft.check().map_err(StoreError::Grant)?;
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert_grant(&tx, &who, draft, areas)?;
        tx.commit()?;
        Ok(id)
    }

    /// Changes a grant's fields whatever another session did meanwhile;
    /// each changed field gets its audit row. A form saves with
    /// `save_grant`, against what it was opened on. Empty references in
    /// `draft` (as `draft_of` gives) leave the stored ones as they are.
    pub fn update_grant(&mut self, id: GrantId, draft: &GrantDraft) -> Result<()> {
        let loaded = draft_of(&self.grant(id)?);
        self.save_grant(id, &loaded, draft, true)
    }

    /// Saves the fields the form changed from `loaded`, what it was opened
    /// on, over the grant as stored now; a field someone else changed
    /// meanwhile is refused unless `force`. The merged grant must keep the
    /// rules of a grant.
    pub fn save_grant(
        &mut self,
        id: GrantId,
        loaded: &GrantDraft,
        edited: &GrantDraft,
        force: bool,
    ) -> Result<()> {
        edited.check().map_err(StoreError::Grant)?;
        let scope = Scope {
            grant_id: Some(id),
            recipient_id: None,
        };
        let read = |c: &Connection| read_draft(c, id);
        let write = |c: &Connection, d: &GrantDraft| write_grant(c, id, d);
        self.save_merged(scope, loaded, edited, force, read, write)
            .map(drop)
    }

    /// Every editable field of a grant as stored, references included:
    /// what a form opens on and saves against.
    pub fn grant_draft(&self, id: GrantId) -> Result<GrantDraft> {
        read_draft(&self.conn, id)
    }

    /// Closes (reported) or reopens a grant; both are logged.
    pub fn set_grant_state(&mut self, id: GrantId, state: GrantState) -> Result<()> {
        self.ensure_writable()?;
        let old = self.grant(id)?;
        if old.state == state {
            return Ok(());
        }
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "UPDATE grants SET state = ?2 WHERE id = ?1",
            params![id, state.code()],
        )?;
        let change = Change {
            grant_id: Some(id),
            recipient_id: None,
            what: "grant.state",
            old: old.state.code().into(),
            new: state.code().into(),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(())
    }

    pub fn focus_areas(&self, grant_id: GrantId) -> Result<Vec<FocusArea>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, grant_id, position, name_sv, name_en FROM focus_areas
             WHERE grant_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([grant_id], |r| {
            Ok(FocusArea {
                id: r.get(0)?,
                grant_id: r.get(1)?,
                position: r.get(2)?,
                name_sv: r.get(3)?,
                name_en: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn receipts(&self, grant_id: GrantId) -> Result<Vec<Receipt>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, grant_id, received_on, amount_ore, kind, note FROM receipts
             WHERE grant_id = ?1 ORDER BY received_on, id",
        )?;
        let rows = stmt.query_map([grant_id], |r| {
            let kind: String = r.get(4)?;
            Ok(Receipt {
                id: r.get(0)?,
                grant_id: r.get(1)?,
                date: get_date(r, 2)?,
                amount: Money::from_ore(r.get(3)?),
                kind: ReceiptKind::from_code(&kind).unwrap_or(ReceiptKind::Other),
                note: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Received = the sum of the grant's receipts, summed exactly in SQL.
    pub fn received(&self, grant_id: GrantId) -> Result<Money> {
        let ore: i64 = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(SUM(amount_ore), 0) FROM receipts WHERE grant_id = ?1",
            )?
            .query_row([grant_id], |r| r.get(0))?;
        Ok(Money::from_ore(ore))
    }

    pub fn add_receipt(&mut self, grant_id: GrantId, receipt: &NewReceipt) -> Result<i64> {
        self.ensure_writable()?;
        if receipt.amount.is_zero() {
            return Err(StoreError::ZeroReceipt);
        }
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_open(&tx, grant_id)?;
        tx.execute(
            "INSERT INTO receipts (grant_id, received_on, amount_ore, kind, note)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                grant_id,
                receipt.date.to_string(),
                receipt.amount.ore(),
                receipt.kind.code(),
                receipt.note.trim()
            ],
        )?;
        let id = tx.last_insert_rowid();
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: None,
            what: "receipt",
            old: String::new(),
            new: format!(
                "{} {} {}",
                receipt.date,
                receipt.amount,
                receipt.kind.code()
            ),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn delete_receipt(&mut self, receipt_id: i64) -> Result<()> {
        self.ensure_writable()?;
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row: Option<(GrantId, String, i64, String)> = tx
            .query_row(
                "SELECT grant_id, received_on, amount_ore, kind FROM receipts WHERE id = ?1",
                [receipt_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let (grant_id, date, ore, kind) =
            row.ok_or_else(|| StoreError::NotFound(format!("receipt {receipt_id}")))?;
        ensure_open(&tx, grant_id)?;
        tx.execute("DELETE FROM receipts WHERE id = ?1", [receipt_id])?;
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: None,
            what: "receipt",
            old: format!("{date} {} {kind}", Money::from_ore(ore)),
            new: String::new(),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(())
    }
}
