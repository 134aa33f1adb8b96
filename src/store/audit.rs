//! The audit log: every change, written in the transaction that makes it.

use rusqlite::{Connection, params};

use super::{Result, Store};
use crate::domain::model::{AuditEntry, GrantId, RecipientId};

/// One change about to be recorded.
pub(super) struct Change<'a> {
    pub grant_id: Option<GrantId>,
    pub recipient_id: Option<RecipientId>,
    pub what: &'a str,
    pub old: String,
    pub new: String,
}

/// Records a change. Takes the connection of the open transaction so the
/// row commits or rolls back with the change itself.
pub(super) fn record(conn: &Connection, who: &str, change: Change<'_>) -> Result<()> {
    record_at(conn, &now(), who, change)
}

/// The time an audit row records: UTC, RFC 3339, milliseconds.
pub(super) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Records a change at a given time: all rows of one import carry the
/// time of its transaction, and the clock is read once, not per row.
pub(super) fn record_at(conn: &Connection, at: &str, who: &str, change: Change<'_>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, who, grant_id, recipient_id, what, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        at,
        who,
        change.grant_id,
        change.recipient_id,
        change.what,
        change.old,
        change.new
    ])?;
    Ok(())
}

/// The audit columns, followed by a constant clause: SQL stays a literal.
macro_rules! select_audit {
    ($rest:literal) => {
        concat!(
            "SELECT id, at, who, grant_id, recipient_id, what, old, new FROM audit_log ",
            $rest
        )
    };
}

fn entry_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        who: r.get(2)?,
        grant_id: r.get(3)?,
        recipient_id: r.get(4)?,
        what: r.get(5)?,
        old: r.get(6)?,
        new: r.get(7)?,
    })
}

impl Store {
    /// The log, newest first, narrowed to a grant and/or a recipient.
    pub fn audit_log(
        &self,
        grant_id: Option<GrantId>,
        recipient_id: Option<RecipientId>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(select_audit!(
            "WHERE (?1 IS NULL OR grant_id = ?1) AND (?2 IS NULL OR recipient_id = ?2)
             ORDER BY id DESC LIMIT ?3"
        ))?;
        let rows = stmt.query_map(
            params![grant_id, recipient_id, limit as i64],
            entry_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest change to one field, to say who changed it when.
    pub fn last_change(
        &self,
        grant_id: GrantId,
        recipient_id: RecipientId,
        what: &str,
    ) -> Result<Option<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(select_audit!(
            "WHERE recipient_id = ?2 AND grant_id = ?1 AND what = ?3
             ORDER BY id DESC LIMIT 1"
        ))?;
        let mut rows = stmt.query_map(params![grant_id, recipient_id, what], entry_from_row)?;
        Ok(rows.next().transpose()?)
    }
}
