//! What a recipient got and reported for a grant: the allocation, spending
//! per focus area and the recipient report.
//!
//! Saving is a three-way merge per field: a field this form changed is
//! written, unless another session changed the same field since the form
//! was opened; then the save is refused with the other value and who set it.

use std::fmt;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::grants::get_date;
use super::merge::Scope;
use super::{Result, Store, StoreError};
use crate::domain::merge::{Fielded, Fields};
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
    /// The district's contact person for the grant (empty: none given).
    /// Beside the report rather than in it: it may be known before the
    /// final report is in.
    #[serde(default)]
    pub contact: String,
}

impl Entry {
    pub fn used(&self) -> Money {
        self.spending.iter().map(|s| s.amount).sum()
    }
}

impl Fielded for Entry {
    /// The entry `fields` describes, on the lines of `self`. A value that
    /// does not read back keeps `self`'s.
    fn with_fields(&self, fields: &Fields) -> Entry {
        let template = self;
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
        let contact = get("report.contact".into());
        Entry {
            spending,
            report,
            contact,
        }
    }

    /// Field name → value as text; the unit of merging and of the audit log.
    fn fields(&self) -> Fields {
        let mut f = Fields::new();
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
        f.insert("report.contact".into(), self.contact.trim().to_string());
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
    let contact = read_contact(conn, grant_id, recipient_id)?;
    Ok(Entry {
        spending,
        report,
        contact,
    })
}

pub(super) fn read_contact(
    conn: &Connection,
    grant_id: GrantId,
    recipient_id: RecipientId,
) -> Result<String> {
    Ok(conn
        .prepare_cached(
            "SELECT contact FROM recipient_contacts WHERE grant_id = ?1 AND recipient_id = ?2",
        )?
        .query_row(params![grant_id, recipient_id], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

/// Sets the contact person; an empty one removes the row.
pub(super) fn write_contact(
    conn: &Connection,
    grant_id: GrantId,
    recipient_id: RecipientId,
    contact: &str,
) -> Result<()> {
    let contact = contact.trim();
    if contact.is_empty() {
        conn.prepare_cached(
            "DELETE FROM recipient_contacts WHERE grant_id = ?1 AND recipient_id = ?2",
        )?
        .execute(params![grant_id, recipient_id])?;
    } else {
        conn.prepare_cached(
            "INSERT INTO recipient_contacts (grant_id, recipient_id, contact) VALUES (?1, ?2, ?3)
             ON CONFLICT (grant_id, recipient_id) DO UPDATE SET contact = excluded.contact",
        )?
        .execute(params![grant_id, recipient_id, contact])?;
    }
    Ok(())
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
    write_contact(conn, grant_id, recipient_id, &e.contact)
}

impl Store {
    pub fn entry(&self, grant_id: GrantId, recipient_id: RecipientId) -> Result<Entry> {
        read_entry(&self.conn, grant_id, recipient_id)
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
        let scope = Scope {
            grant_id: Some(grant_id),
            recipient_id: Some(recipient_id),
        };
        self.save_merged(
            scope,
            loaded,
            edited,
            force,
            |c| read_entry(c, grant_id, recipient_id),
            |c, e| write_entry(c, grant_id, recipient_id, e),
        )
    }
}
