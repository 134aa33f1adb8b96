//! A grant's references, the money paid back to the giver, and moves of
//! money between its recipients.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::audit::{Change, record, record_move};
use super::grants::{ensure_open, get_date};
use super::{Result, Store, StoreError};
use crate::domain::model::{GrantId, RecipientId};
use crate::domain::money::Money;
use crate::domain::money_back::{Reallocation, References, Repayment, RepaymentKind, reallocate};

/// A repayment about to be recorded, or its values as edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRepayment {
    pub date: NaiveDate,
    pub amount: Money,
    pub kind: RepaymentKind,
    pub reference: String,
    pub note: String,
}

/// A move about to be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReallocation {
    pub date: NaiveDate,
    pub from: RecipientId,
    pub to: RecipientId,
    pub amount: Money,
    pub decision: String,
    pub note: String,
}

impl Store {
    pub fn references(&self, grant_id: GrantId) -> Result<References> {
        self.conn
            .prepare_cached("SELECT giver_reference, own_reference FROM grants WHERE id = ?1")?
            .query_row([grant_id], |r| {
                Ok(References {
                    giver_reference: r.get(0)?,
                    own_reference: r.get(1)?,
                })
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("grant {grant_id}")))
    }

    /// Sets both references; each one changed gets its audit row.
    pub fn set_references(&mut self, grant_id: GrantId, refs: &References) -> Result<()> {
        self.ensure_writable()?;
        let old = self.references(grant_id)?;
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_open(&tx, grant_id)?;
        let new = References {
            giver_reference: refs.giver_reference.trim().to_string(),
            own_reference: refs.own_reference.trim().to_string(),
        };
        tx.execute(
            "UPDATE grants SET giver_reference = ?2, own_reference = ?3 WHERE id = ?1",
            params![grant_id, new.giver_reference, new.own_reference],
        )?;
        let fields = [
            (
                "grant.giver_reference",
                old.giver_reference,
                new.giver_reference,
            ),
            ("grant.own_reference", old.own_reference, new.own_reference),
        ];
        for (what, old, new) in fields {
            if old != new {
                let change = Change {
                    grant_id: Some(grant_id),
                    recipient_id: None,
                    what,
                    old,
                    new,
                };
                record(&tx, &who, change)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Repayments of a grant, in date order.
    pub fn repayments(&self, grant_id: GrantId) -> Result<Vec<Repayment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, grant_id, paid_on, amount_ore, kind, reference, note FROM repayments
             WHERE grant_id = ?1 ORDER BY paid_on, id",
        )?;
        let rows = stmt.query_map([grant_id], |r| {
            let kind: String = r.get(4)?;
            Ok(Repayment {
                id: r.get(0)?,
                grant_id: r.get(1)?,
                date: get_date(r, 2)?,
                amount: Money::from_ore(r.get(3)?),
                kind: RepaymentKind::from_code(&kind).unwrap_or(RepaymentKind::Repayment),
                reference: r.get(5)?,
                note: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Repaid = the sum of the grant's repayments, summed exactly in SQL.
    pub fn repaid(&self, grant_id: GrantId) -> Result<Money> {
        let ore: i64 = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(SUM(amount_ore), 0) FROM repayments WHERE grant_id = ?1",
            )?
            .query_row([grant_id], |r| r.get(0))?;
        Ok(Money::from_ore(ore))
    }

    /// Records money paid back. A reported grant takes repayments too: the
    /// money usually goes back after the report.
    pub fn add_repayment(&mut self, grant_id: GrantId, repayment: &NewRepayment) -> Result<i64> {
        self.ensure_writable()?;
        if repayment.amount <= Money::ZERO {
            return Err(StoreError::ZeroRepayment);
        }
        self.grant(grant_id)?;
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO repayments (grant_id, paid_on, amount_ore, kind, reference, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                grant_id,
                repayment.date.to_string(),
                repayment.amount.ore(),
                repayment.kind.code(),
                repayment.reference.trim(),
                repayment.note.trim()
            ],
        )?;
        let id = tx.last_insert_rowid();
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: None,
            what: "repayment",
            old: String::new(),
            new: format!(
                "{} {} {} {}",
                repayment.date,
                repayment.amount,
                repayment.kind.code(),
                repayment.reference.trim()
            )
            .trim_end()
            .to_string(),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(id)
    }

    /// Moves of money between the grant's recipients, in date order.
    pub fn reallocations(&self, grant_id: GrantId) -> Result<Vec<Reallocation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, grant_id, moved_on, from_recipient_id, to_recipient_id, amount_ore,
                    decision, note
             FROM reallocations WHERE grant_id = ?1 ORDER BY moved_on, id",
        )?;
        let rows = stmt.query_map([grant_id], |r| {
            Ok(Reallocation {
                id: r.get(0)?,
                grant_id: r.get(1)?,
                date: get_date(r, 2)?,
                from: r.get(3)?,
                to: r.get(4)?,
                amount: Money::from_ore(r.get(5)?),
                decision: r.get(6)?,
                note: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves money from one recipient to another in one transaction: both
    /// allocations change, the move is kept as a record, and one audit row
    /// shows it in the history of both. More than the from-recipient's
    /// unused part is refused with the figures, and nothing changes.
    pub fn reallocate(&mut self, grant_id: GrantId, m: &NewReallocation) -> Result<i64> {
        self.ensure_writable()?;
        let to_recipient = self.recipient(m.to)?;
        let from_recipient = self.recipient(m.from)?;
        if to_recipient.retired {
            return Err(StoreError::Invalid(
                "this recipient is retired and gets no new money; restore it first".into(),
            ));
        }
        let who = self.who.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_open(&tx, grant_id)?;
        let ore_of = |sql: &str, rid: RecipientId| -> rusqlite::Result<Money> {
            tx.query_row(sql, params![grant_id, rid], |r| r.get::<_, i64>(0))
                .map(Money::from_ore)
        };
        const ALLOCATED: &str = "SELECT COALESCE((SELECT amount_ore FROM allocations
                                  WHERE grant_id = ?1 AND recipient_id = ?2), 0)";
        const USED: &str = "SELECT COALESCE(SUM(amount_ore), 0) FROM spending
                            WHERE grant_id = ?1 AND recipient_id = ?2";
        let allocated = ore_of(ALLOCATED, m.from)?;
        let used = ore_of(USED, m.from)?;
        let to_allocated = ore_of(ALLOCATED, m.to)?;
        let (from_after, to_after) =
            reallocate(m.amount, allocated, used, to_allocated, m.from == m.to)
                .map_err(StoreError::Move)?;
        for (rid, amount) in [(m.from, from_after), (m.to, to_after)] {
            tx.execute(
                "INSERT INTO allocations (grant_id, recipient_id, amount_ore) VALUES (?1, ?2, ?3)
                 ON CONFLICT (grant_id, recipient_id) DO UPDATE SET amount_ore = excluded.amount_ore",
                params![grant_id, rid, amount.ore()],
            )?;
        }
        tx.execute(
            "INSERT INTO reallocations
                 (grant_id, moved_on, from_recipient_id, to_recipient_id, amount_ore, decision, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                grant_id,
                m.date.to_string(),
                m.from,
                m.to,
                m.amount.ore(),
                m.decision.trim(),
                m.note.trim()
            ],
        )?;
        let id = tx.last_insert_rowid();
        // "30000.00 Bromma" → "Kungsholmen": the log reads as the move it is.
        let decision = m.decision.trim();
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: Some(m.from),
            what: "reallocation",
            old: format!("{} {}", m.amount, from_recipient.name),
            new: if decision.is_empty() {
                to_recipient.name.clone()
            } else {
                format!("{} ({decision})", to_recipient.name)
            },
        };
        record_move(&tx, &who, change, m.to)?;
        tx.commit()?;
        Ok(id)
    }
}
