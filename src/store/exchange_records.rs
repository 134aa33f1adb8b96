//! A grant's references, repayments and reallocations in the document:
//! read for an export, written by an import.

use rusqlite::{Connection, params};

use super::exchange_apply::Applier;
use super::grants::get_date;
use super::{Result, StoreError};
use crate::domain::model::GrantId;
use crate::domain::money::Money;
use crate::domain::money_back::RepaymentKind;
use crate::exchange::{GrantDoc, ReallocationDoc, Record, RepaymentDoc};

/// Fills in what schema 4 keeps about a grant.
pub(super) fn read_records(conn: &Connection, id: GrantId, g: &mut GrantDoc) -> Result<()> {
    (g.giver_reference, g.own_reference) = conn
        .prepare_cached("SELECT giver_reference, own_reference FROM grants WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let mut stmt = conn.prepare_cached(
        "SELECT paid_on, amount_ore, kind, reference, note FROM repayments
         WHERE grant_id = ?1 ORDER BY paid_on, id",
    )?;
    g.repayments = stmt
        .query_map([id], |r| {
            let kind: String = r.get(2)?;
            Ok(RepaymentDoc {
                date: get_date(r, 0)?,
                amount: Money::from_ore(r.get(1)?),
                kind: RepaymentKind::from_code(&kind).unwrap_or(RepaymentKind::Repayment),
                reference: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT m.moved_on, f.name, t.name, m.amount_ore, m.decision, m.note
         FROM reallocations m
         JOIN recipients f ON f.id = m.from_recipient_id
         JOIN recipients t ON t.id = m.to_recipient_id
         WHERE m.grant_id = ?1 ORDER BY m.moved_on, m.id",
    )?;
    g.reallocations = stmt
        .query_map([id], |r| {
            Ok(ReallocationDoc {
                date: get_date(r, 0)?,
                from: r.get(1)?,
                to: r.get(2)?,
                amount: Money::from_ore(r.get(3)?),
                decision: r.get(4)?,
                note: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

fn text(record: &Record) -> String {
    match record {
        Record::Repayment(r) => {
            format!("{} {} {} {}", r.date, r.amount, r.kind.code(), r.reference)
                .trim_end()
                .to_string()
        }
        Record::Reallocation(r) => format!("{} {}", r.amount, r.from),
    }
}

impl Applier<'_> {
    pub(super) fn add_record(&mut self, grant: usize, record: &Record) -> Result<()> {
        let id = self.grant(grant)?;
        match record {
            Record::Repayment(r) => {
                self.conn
                    .prepare_cached(
                        "INSERT INTO repayments (grant_id, paid_on, amount_ore, kind, reference, note)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![
                        id,
                        r.date.to_string(),
                        r.amount.ore(),
                        r.kind.code(),
                        r.reference,
                        r.note
                    ])?;
                self.audit(Some(id), None, "repayment", String::new(), text(record))
            }
            Record::Reallocation(r) => {
                let (from, to) = (self.recipient(&r.from)?, self.recipient(&r.to)?);
                self.conn
                    .prepare_cached(
                        "INSERT INTO reallocations (grant_id, moved_on, from_recipient_id,
                             to_recipient_id, amount_ore, decision, note)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    )?
                    .execute(params![
                        id,
                        r.date.to_string(),
                        from,
                        to,
                        r.amount.ore(),
                        r.decision,
                        r.note
                    ])?;
                // The record only: the allocations it led to are the
                // file's own values, imported with the recipients.
                self.audit(
                    Some(id),
                    Some(from),
                    "reallocation",
                    text(record),
                    r.to.clone(),
                )
            }
        }
    }

    /// Removes one row with exactly these values (records have no key).
    pub(super) fn remove_record(&mut self, grant: usize, record: &Record) -> Result<()> {
        let id = self.grant(grant)?;
        let removed = match record {
            Record::Repayment(r) => self
                .conn
                .prepare_cached(
                    "DELETE FROM repayments WHERE id = (SELECT id FROM repayments
                     WHERE grant_id = ?1 AND paid_on = ?2 AND amount_ore = ?3 AND kind = ?4
                       AND reference = ?5 AND note = ?6 ORDER BY id LIMIT 1)",
                )?
                .execute(params![
                    id,
                    r.date.to_string(),
                    r.amount.ore(),
                    r.kind.code(),
                    r.reference,
                    r.note
                ])?,
            Record::Reallocation(r) => {
                let (from, to) = (self.recipient(&r.from)?, self.recipient(&r.to)?);
                self.conn
                    .prepare_cached(
                        "DELETE FROM reallocations WHERE id = (SELECT id FROM reallocations
                         WHERE grant_id = ?1 AND moved_on = ?2 AND from_recipient_id = ?3
                           AND to_recipient_id = ?4 AND amount_ore = ?5 AND decision = ?6
                           AND note = ?7 ORDER BY id LIMIT 1)",
                    )?
                    .execute(params![
                        id,
                        r.date.to_string(),
                        from,
                        to,
                        r.amount.ore(),
                        r.decision,
                        r.note
                    ])?
            }
        };
        if removed != 1 {
            return Err(StoreError::Invalid(format!(
                "import: {} is not in the database",
                text(record)
            )));
        }
        let what = match record {
            Record::Repayment(_) => "repayment",
            Record::Reallocation(_) => "reallocation",
        };
        self.audit(Some(id), None, what, text(record), String::new())
    }
}
