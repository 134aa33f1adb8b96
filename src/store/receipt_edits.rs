//! Edits of a receipt or a repayment, through the one merged save: a
//! field another session changed since the form opened is refused. Their
//! audit keys name the row (`receipt.12.amount`), so a refusal names who
//! changed this receipt, not another of the grant.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::grants::get_date;
use super::merge::{Saved, Scope};
use super::{NewReceipt, NewRepayment, Result, Store, StoreError};
use crate::domain::merge::{Fielded, Fields};
use crate::domain::model::{GrantId, ReceiptKind};
use crate::domain::money::Money;
use crate::domain::money_back::RepaymentKind;

/// A receipt's values with its id, as the merge sees them.
struct ReceiptRow(i64, NewReceipt);

/// A repayment's values with its id.
struct RepaymentRow(i64, NewRepayment);

/// Reads a field's value back, keeping `old` when it does not parse.
fn parsed<T>(fields: &Fields, key: String, old: T, parse: impl Fn(&str) -> Option<T>) -> T {
    fields.get(&key).and_then(|v| parse(v)).unwrap_or(old)
}

fn money(v: &str) -> Option<Money> {
    v.parse::<rust_decimal::Decimal>()
        .ok()
        .and_then(|d| Money::from_decimal(d).ok())
}

fn date(v: &str) -> Option<NaiveDate> {
    v.parse().ok()
}

fn text(v: &str) -> Option<String> {
    Some(v.to_string())
}

impl Fielded for ReceiptRow {
    fn fields(&self) -> Fields {
        let (id, r) = (self.0, &self.1);
        Fields::from([
            (format!("receipt.{id}.date"), r.date.to_string()),
            (format!("receipt.{id}.amount"), r.amount.to_string()),
            (format!("receipt.{id}.kind"), r.kind.code().to_string()),
            (format!("receipt.{id}.note"), r.note.clone()),
        ])
    }

    fn with_fields(&self, f: &Fields) -> ReceiptRow {
        let (id, r) = (self.0, self.1.clone());
        let key = |name: &str| format!("receipt.{id}.{name}");
        ReceiptRow(
            id,
            NewReceipt {
                date: parsed(f, key("date"), r.date, date),
                amount: parsed(f, key("amount"), r.amount, money),
                kind: parsed(f, key("kind"), r.kind, ReceiptKind::from_code),
                note: parsed(f, key("note"), r.note, text),
            },
        )
    }
}

impl Fielded for RepaymentRow {
    fn fields(&self) -> Fields {
        let (id, r) = (self.0, &self.1);
        Fields::from([
            (format!("repayment.{id}.date"), r.date.to_string()),
            (format!("repayment.{id}.amount"), r.amount.to_string()),
            (format!("repayment.{id}.kind"), r.kind.code().to_string()),
            (format!("repayment.{id}.reference"), r.reference.clone()),
            (format!("repayment.{id}.note"), r.note.clone()),
        ])
    }

    fn with_fields(&self, f: &Fields) -> RepaymentRow {
        let (id, r) = (self.0, self.1.clone());
        let key = |name: &str| format!("repayment.{id}.{name}");
        RepaymentRow(
            id,
            NewRepayment {
                date: parsed(f, key("date"), r.date, date),
                amount: parsed(f, key("amount"), r.amount, money),
                kind: parsed(f, key("kind"), r.kind, RepaymentKind::from_code),
                reference: parsed(f, key("reference"), r.reference, text),
                note: parsed(f, key("note"), r.note, text),
            },
        )
    }
}

/// A receipt's values under their audit names, as its edits log them.
pub fn receipt_fields(receipt_id: i64, r: &NewReceipt) -> Fields {
    ReceiptRow(receipt_id, r.clone()).fields()
}

/// A repayment's values under their audit names.
pub fn repayment_fields(repayment_id: i64, r: &NewRepayment) -> Fields {
    RepaymentRow(repayment_id, r.clone()).fields()
}

/// Text is stored without surrounding spaces, as when it was added.
fn trimmed_receipt(r: &NewReceipt) -> NewReceipt {
    NewReceipt {
        note: r.note.trim().to_string(),
        ..r.clone()
    }
}

fn trimmed_repayment(r: &NewRepayment) -> NewRepayment {
    NewRepayment {
        reference: r.reference.trim().to_string(),
        note: r.note.trim().to_string(),
        ..r.clone()
    }
}

fn read_receipt(conn: &Connection, grant_id: GrantId, id: i64) -> Result<ReceiptRow> {
    conn.prepare_cached(
        "SELECT received_on, amount_ore, kind, note FROM receipts WHERE id = ?1 AND grant_id = ?2",
    )?
    .query_row(params![id, grant_id], |r| {
        let kind: String = r.get(2)?;
        Ok(NewReceipt {
            date: get_date(r, 0)?,
            amount: Money::from_ore(r.get(1)?),
            kind: ReceiptKind::from_code(&kind).unwrap_or(ReceiptKind::Other),
            note: r.get(3)?,
        })
    })
    .optional()?
    .map(|r| ReceiptRow(id, r))
    .ok_or_else(|| StoreError::NotFound(format!("receipt {id}")))
}

fn write_receipt(conn: &Connection, row: &ReceiptRow) -> Result<()> {
    let r = &row.1;
    if r.amount.is_zero() {
        return Err(StoreError::ZeroReceipt);
    }
    conn.prepare_cached(
        "UPDATE receipts SET received_on = ?2, amount_ore = ?3, kind = ?4, note = ?5 WHERE id = ?1",
    )?
    .execute(params![
        row.0,
        r.date.to_string(),
        r.amount.ore(),
        r.kind.code(),
        r.note.trim()
    ])?;
    Ok(())
}

fn read_repayment(conn: &Connection, grant_id: GrantId, id: i64) -> Result<RepaymentRow> {
    conn.prepare_cached(
        "SELECT paid_on, amount_ore, kind, reference, note FROM repayments
         WHERE id = ?1 AND grant_id = ?2",
    )?
    .query_row(params![id, grant_id], |r| {
        let kind: String = r.get(2)?;
        Ok(NewRepayment {
            date: get_date(r, 0)?,
            amount: Money::from_ore(r.get(1)?),
            kind: RepaymentKind::from_code(&kind).unwrap_or(RepaymentKind::Repayment),
            reference: r.get(3)?,
            note: r.get(4)?,
        })
    })
    .optional()?
    .map(|r| RepaymentRow(id, r))
    .ok_or_else(|| StoreError::NotFound(format!("repayment {id}")))
}

fn write_repayment(conn: &Connection, row: &RepaymentRow) -> Result<()> {
    let r = &row.1;
    if r.amount <= Money::ZERO {
        return Err(StoreError::ZeroRepayment);
    }
    conn.prepare_cached(
        "UPDATE repayments SET paid_on = ?2, amount_ore = ?3, kind = ?4, reference = ?5, note = ?6
         WHERE id = ?1",
    )?
    .execute(params![
        row.0,
        r.date.to_string(),
        r.amount.ore(),
        r.kind.code(),
        r.reference.trim(),
        r.note.trim()
    ])?;
    Ok(())
}

fn scope(grant_id: GrantId) -> Scope {
    Scope {
        grant_id: Some(grant_id),
        recipient_id: None,
    }
}

impl Store {
    /// Saves an edited receipt of an open grant over what is stored now,
    /// against `loaded`, what the form opened on; `force` overwrites
    /// another session's change to the same field. Returns what it
    /// replaced and what is stored.
    pub fn save_receipt(
        &mut self,
        grant_id: GrantId,
        receipt_id: i64,
        loaded: &NewReceipt,
        edited: &NewReceipt,
        force: bool,
    ) -> Result<Saved<NewReceipt>> {
        let (loaded, edited) = (trimmed_receipt(loaded), trimmed_receipt(edited));
        let (before, after) = self.save_merged(
            scope(grant_id),
            &ReceiptRow(receipt_id, loaded),
            &ReceiptRow(receipt_id, edited),
            force,
            |c| read_receipt(c, grant_id, receipt_id),
            write_receipt,
        )?;
        Ok((before.1, after.1))
    }

    /// Saves an edited repayment, as `save_receipt` does; a reported
    /// grant takes the edit too, as it takes repayments.
    pub fn save_repayment(
        &mut self,
        grant_id: GrantId,
        repayment_id: i64,
        loaded: &NewRepayment,
        edited: &NewRepayment,
        force: bool,
    ) -> Result<Saved<NewRepayment>> {
        let (loaded, edited) = (trimmed_repayment(loaded), trimmed_repayment(edited));
        let (before, after) = self.merge_and_write(
            scope(grant_id),
            false,
            (
                &RepaymentRow(repayment_id, loaded),
                &RepaymentRow(repayment_id, edited),
            ),
            force,
            |c| read_repayment(c, grant_id, repayment_id),
            write_repayment,
        )?;
        Ok((before.1, after.1))
    }
}
