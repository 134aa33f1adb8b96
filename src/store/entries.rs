//! What a recipient got and reported for a grant: the allocation, spending
//! per focus area and the recipient report.
//!
//! Saving is a three-way merge per field: a field this form changed is
//! written, unless another session changed the same field since the form
//! was opened; then the save is refused with the other value and who set it.

use std::collections::BTreeMap;
use std::fmt;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use super::audit::{Change, record};
use super::grants::{ensure_open, get_date};
use super::{Result, Store, StoreError};
use crate::domain::model::{FocusAreaId, GrantId, RecipientId, RecipientReport};
use crate::domain::money::Money;

/// Spending on one focus area; amount zero and no note means "none".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SpendingLine {
    pub focus_area_id: FocusAreaId,
    pub position: i64,
    pub amount: Money,
    pub note: String,
}

/// Everything the spending form edits for one recipient in one grant.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Entry {
    /// One line per focus area of the grant, in the grant's order.
    pub spending: Vec<SpendingLine>,
    pub report: Option<RecipientReport>,
}

impl Entry {
    pub fn used(&self) -> Money {
        self.spending.iter().map(|s| s.amount).sum()
    }

    /// The entry `fields` describes, on the lines of `template`. A value
    /// that does not read back keeps the template's.
    fn from_fields(template: &Entry, fields: &BTreeMap<String, String>) -> Entry {
        let get = |key: String| fields.get(&key).cloned().unwrap_or_default();
        let spending = template
            .spending
            .iter()
            .map(|line| {
                let amount = get(format!("spending.{}.amount", line.position))
                    .parse::<rust_decimal::Decimal>()
                    .ok()
                    .and_then(|d| Money::from_decimal(d).ok())
                    .unwrap_or(line.amount);
                SpendingLine {
                    amount,
                    note: get(format!("spending.{}.note", line.position)),
                    ..line.clone()
                }
            })
            .collect();
        let report = get("report.reported_on".into())
            .parse()
            .ok()
            .map(|reported_on| RecipientReport {
                reported_on,
                reason_unused: get("report.reason_unused".into()),
                evaluation: get("report.evaluation".into()),
            });
        Entry { spending, report }
    }

    /// Field name → value as text; the unit of merging and of the audit log.
    fn fields(&self) -> BTreeMap<String, String> {
        let mut f = BTreeMap::new();
        for s in &self.spending {
            f.insert(
                format!("spending.{}.amount", s.position),
                s.amount.to_string(),
            );
            f.insert(format!("spending.{}.note", s.position), s.note.clone());
        }
        let (on, reason, eval) = match &self.report {
            Some(r) => (
                r.reported_on.to_string(),
                r.reason_unused.clone(),
                r.evaluation.clone(),
            ),
            None => Default::default(),
        };
        f.insert("report.reported_on".into(), on);
        f.insert("report.reason_unused".into(), reason);
        f.insert("report.evaluation".into(), eval);
        f
    }
}

/// A save refused because another session changed the same field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub what: String,
    pub mine: String,
    pub theirs: String,
    pub who: Option<String>,
    pub at: Option<String>,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} was changed by someone else to '{}'",
            self.what, self.theirs
        )?;
        if let (Some(who), Some(at)) = (&self.who, &self.at) {
            write!(f, " ({who}, {at})")?;
        }
        write!(
            f,
            "; yours is '{}'. Reload to take theirs, or overwrite deliberately",
            self.mine
        )
    }
}

fn read_entry(conn: &Connection, grant_id: GrantId, recipient_id: RecipientId) -> Result<Entry> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.position, COALESCE(s.amount_ore, 0), COALESCE(s.note, '')
         FROM focus_areas f
         LEFT JOIN spending s
           ON s.grant_id = f.grant_id AND s.recipient_id = ?2 AND s.focus_area_id = f.id
         WHERE f.grant_id = ?1 ORDER BY f.position",
    )?;
    let spending = stmt
        .query_map(params![grant_id, recipient_id], |r| {
            Ok(SpendingLine {
                focus_area_id: r.get(0)?,
                position: r.get(1)?,
                amount: Money::from_ore(r.get(2)?),
                note: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let report = conn
        .prepare_cached(
            "SELECT reported_on, reason_unused, evaluation FROM recipient_reports
             WHERE grant_id = ?1 AND recipient_id = ?2",
        )?
        .query_row(params![grant_id, recipient_id], |r| {
            Ok(RecipientReport {
                reported_on: get_date(r, 0)?,
                reason_unused: r.get(1)?,
                evaluation: r.get(2)?,
            })
        })
        .optional()?;
    Ok(Entry { spending, report })
}

fn write_entry(
    conn: &Connection,
    grant_id: GrantId,
    recipient_id: RecipientId,
    e: &Entry,
) -> Result<()> {
    for s in &e.spending {
        if s.amount.is_negative() {
            return Err(StoreError::Invalid(
                "a spending amount cannot be negative".into(),
            ));
        }
        if s.amount.is_zero() && s.note.trim().is_empty() {
            conn.prepare_cached(
                "DELETE FROM spending WHERE grant_id = ?1 AND recipient_id = ?2 AND focus_area_id = ?3",
            )?
            .execute(params![grant_id, recipient_id, s.focus_area_id])?;
        } else {
            conn.prepare_cached(
                "INSERT INTO spending (grant_id, recipient_id, focus_area_id, amount_ore, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (grant_id, recipient_id, focus_area_id)
                 DO UPDATE SET amount_ore = excluded.amount_ore, note = excluded.note",
            )?
            .execute(params![
                grant_id,
                recipient_id,
                s.focus_area_id,
                s.amount.ore(),
                s.note.trim()
            ])?;
        }
    }
    match &e.report {
        Some(r) => conn
            .prepare_cached(
                "INSERT INTO recipient_reports (grant_id, recipient_id, reported_on, reason_unused, evaluation)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (grant_id, recipient_id) DO UPDATE SET reported_on = excluded.reported_on,
                   reason_unused = excluded.reason_unused, evaluation = excluded.evaluation",
            )?
            .execute(params![
                grant_id,
                recipient_id,
                r.reported_on.to_string(),
                r.reason_unused.trim(),
                r.evaluation.trim()
            ])?,
        None => conn
            .prepare_cached("DELETE FROM recipient_reports WHERE grant_id = ?1 AND recipient_id = ?2")?
            .execute(params![grant_id, recipient_id])?,
    };
    Ok(())
}

/// Applies `edited` over `current` wherever the form changed a field,
/// field by field (the report's fields too, whether or not a report
/// existed), so nothing another session wrote to other fields is lost.
fn merge(loaded: &Entry, edited: &Entry, current: &Entry) -> Entry {
    let (before, mine) = (loaded.fields(), edited.fields());
    let mut merged = current.fields();
    for (key, value) in mine {
        if before.get(&key) != Some(&value) {
            merged.insert(key, value);
        }
    }
    Entry::from_fields(current, &merged)
}

impl Store {
    pub fn entry(&self, grant_id: GrantId, recipient_id: RecipientId) -> Result<Entry> {
        read_entry(&self.conn, grant_id, recipient_id)
    }

    pub fn allocation(
        &self,
        grant_id: GrantId,
        recipient_id: RecipientId,
    ) -> Result<Option<Money>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT amount_ore FROM allocations WHERE grant_id = ?1 AND recipient_id = ?2",
            )?
            .query_row(params![grant_id, recipient_id], |r| r.get::<_, i64>(0))
            .optional()?
            .map(Money::from_ore))
    }

    /// Hands `amount` of a grant to a recipient (a reallocation when one
    /// existed). `expected` is the amount the user saw; if another session
    /// changed it meanwhile the change is refused.
    pub fn set_allocation(
        &mut self,
        grant_id: GrantId,
        recipient_id: RecipientId,
        amount: Money,
        expected: Option<Money>,
    ) -> Result<()> {
        self.ensure_writable()?;
        if amount.is_negative() {
            return Err(StoreError::Invalid(
                "an allocation cannot be negative".into(),
            ));
        }
        let current = self.allocation(grant_id, recipient_id)?;
        // A retired recipient keeps what it has but gets no new money.
        if amount > current.unwrap_or(Money::ZERO) && self.recipient(recipient_id)?.retired {
            return Err(StoreError::Invalid(
                "this recipient is retired and gets no new money; restore it first".into(),
            ));
        }
        if let Some(expected) = expected
            && current.unwrap_or(Money::ZERO) != expected
        {
            let last = self.last_change(grant_id, recipient_id, "allocation")?;
            return Err(StoreError::Conflict(Box::new(Conflict {
                what: "allocation".into(),
                mine: amount.to_string(),
                theirs: current.unwrap_or(Money::ZERO).to_string(),
                who: last.as_ref().map(|l| l.who.clone()),
                at: last.map(|l| l.at),
            })));
        }
        if current == Some(amount) {
            return Ok(());
        }
        let who = self.who.clone();
        let mark = self.audit_mark();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_open(&tx, grant_id)?;
        tx.execute(
            "INSERT INTO allocations (grant_id, recipient_id, amount_ore) VALUES (?1, ?2, ?3)
             ON CONFLICT (grant_id, recipient_id) DO UPDATE SET amount_ore = excluded.amount_ore",
            params![grant_id, recipient_id, amount.ore()],
        )?;
        let what = format!("{mark}allocation");
        let change = Change {
            grant_id: Some(grant_id),
            recipient_id: Some(recipient_id),
            what: &what,
            old: current.map(|m| m.to_string()).unwrap_or_default(),
            new: amount.to_string(),
        };
        record(&tx, &who, change)?;
        tx.commit()?;
        Ok(())
    }

    /// Saves the form in one transaction with its audit rows. `loaded` is
    /// what the form showed when opened; `force` overwrites other sessions'
    /// changes to the same fields. Returns what is now stored.
    pub fn save_entry(
        &mut self,
        grant_id: GrantId,
        recipient_id: RecipientId,
        loaded: &Entry,
        edited: &Entry,
        force: bool,
    ) -> Result<Entry> {
        self.save_entry_replacing(grant_id, recipient_id, loaded, edited, force)
            .map(|(_, stored)| stored)
    }

    /// As `save_entry`, and also returns what the save replaced, read in
    /// the same transaction, so that an undo restores exactly that.
    pub fn save_entry_replacing(
        &mut self,
        grant_id: GrantId,
        recipient_id: RecipientId,
        loaded: &Entry,
        edited: &Entry,
        force: bool,
    ) -> Result<(Entry, Entry)> {
        self.ensure_writable()?;
        let who = self.who.clone();
        let mark = self.audit_mark();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_open(&tx, grant_id)?;
        let current = read_entry(&tx, grant_id, recipient_id)?;
        let (lf, ef, cf) = (loaded.fields(), edited.fields(), current.fields());
        if !force {
            for (key, mine) in &ef {
                let (old, theirs) = (lf.get(key), cf.get(key));
                if Some(mine) != old && theirs != old && theirs != Some(mine) {
                    let last: Option<(String, String)> = tx
                        .query_row(
                            "SELECT who, at FROM audit_log WHERE grant_id = ?1 AND recipient_id = ?2
                             AND what IN (?3, 'undo:' || ?3) ORDER BY id DESC LIMIT 1",
                            params![grant_id, recipient_id, key],
                            |r| Ok((r.get(0)?, r.get(1)?)),
                        )
                        .optional()?;
                    return Err(StoreError::Conflict(Box::new(Conflict {
                        what: key.clone(),
                        mine: mine.clone(),
                        theirs: theirs.cloned().unwrap_or_default(),
                        who: last.as_ref().map(|l| l.0.clone()),
                        at: last.map(|l| l.1),
                    })));
                }
            }
        }
        // Overwriting deliberately skips the refusal above, not the merge:
        // fields only the other session changed keep their values.
        let merged = merge(loaded, edited, &current);
        write_entry(&tx, grant_id, recipient_id, &merged)?;
        for (key, new) in merged.fields() {
            let old = cf.get(&key).cloned().unwrap_or_default();
            if old != new {
                let what = format!("{mark}{key}");
                let change = Change {
                    grant_id: Some(grant_id),
                    recipient_id: Some(recipient_id),
                    what: &what,
                    old,
                    new,
                };
                record(&tx, &who, change)?;
            }
        }
        let stored = read_entry(&tx, grant_id, recipient_id)?;
        tx.commit()?;
        Ok((current, stored))
    }
}
