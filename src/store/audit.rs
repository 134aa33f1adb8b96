//! The audit log: every change, written in the transaction that makes it.

use rusqlite::{Connection, ToSql, params};

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

/// Records a move between two recipients as one row that the history of
/// both shows: `recipient_id` is where the money came from,
/// `other_recipient_id` where it went.
pub(super) fn record_move(
    conn: &Connection,
    who: &str,
    change: Change<'_>,
    other: RecipientId,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit_log (at, who, grant_id, recipient_id, what, old, new, other_recipient_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        now(),
        who,
        change.grant_id,
        change.recipient_id,
        change.what,
        change.old,
        change.new,
        other
    ])?;
    Ok(())
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

/// Audit rows written a batch to a statement, all with one time and
/// login: an import of a hundred thousand rows writes twice as many audit
/// rows, and one INSERT each would take most of the import's time.
pub(super) struct Batch {
    at: String,
    who: String,
    rows: Vec<Queued>,
}

/// grant, recipient, what, old, new: a `Change` that owns its name.
type Queued = (Option<GrantId>, Option<RecipientId>, String, String, String);

/// Rows per INSERT: 5 parameters each, far below SQLite's limit.
const BATCH: usize = 50;

impl Batch {
    pub(super) fn new(at: String, who: &str) -> Batch {
        Batch {
            at,
            who: who.to_string(),
            rows: Vec::with_capacity(BATCH),
        }
    }

    /// Queues a change; writes the queue when it is full. The rows go in
    /// the caller's transaction, so they commit or roll back with it.
    pub(super) fn push(&mut self, conn: &Connection, change: Change<'_>) -> Result<()> {
        self.rows.push((
            change.grant_id,
            change.recipient_id,
            change.what.to_string(),
            change.old,
            change.new,
        ));
        if self.rows.len() >= BATCH {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Writes what is queued. Call before the transaction commits.
    pub(super) fn flush(&mut self, conn: &Connection) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut stmt = conn.prepare_cached(&batch_sql(self.rows.len()))?;
        let mut values: Vec<&dyn ToSql> = Vec::with_capacity(2 + 5 * self.rows.len());
        values.push(&self.at);
        values.push(&self.who);
        for (grant, recipient, what, old, new) in &self.rows {
            values.extend([grant as &dyn ToSql, recipient, what, old, new]);
        }
        stmt.execute(&*values)?;
        drop(stmt);
        self.rows.clear();
        Ok(())
    }
}

/// `INSERT … VALUES (?1, ?2, ?3, …), (?1, ?2, ?8, …)` for `n` rows: the
/// time (?1) and login (?2) are shared. Only placeholders are generated;
/// values are always bound.
fn batch_sql(n: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO audit_log (at, who, grant_id, recipient_id, what, old, new) VALUES ",
    );
    for i in 0..n {
        let b = 3 + 5 * i;
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!(
            "(?1, ?2, ?{}, ?{}, ?{}, ?{}, ?{})",
            b,
            b + 1,
            b + 2,
            b + 3,
            b + 4
        ));
    }
    sql
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

use crate::domain::model::{REDO_MARK, UNDO_MARK};

impl Store {
    /// Runs `f` as an undo: every audit row it writes is marked as one.
    pub fn as_undo<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.marked(UNDO_MARK, f)
    }

    /// Runs `f` as a redo of an undone change: its audit rows say so.
    pub fn as_redo<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.marked(REDO_MARK, f)
    }

    fn marked<T>(
        &mut self,
        mark: &'static str,
        f: impl FnOnce(&mut Store) -> Result<T>,
    ) -> Result<T> {
        self.audit_mark = mark;
        let result = f(self);
        self.audit_mark = "";
        result
    }

    /// What goes before an audit key in the change being saved now.
    pub(super) fn audit_mark(&self) -> &'static str {
        self.audit_mark
    }

    /// The log, newest first, narrowed to a grant and/or a recipient.
    pub fn audit_log(
        &self,
        grant_id: Option<GrantId>,
        recipient_id: Option<RecipientId>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(select_audit!(
            "WHERE (?1 IS NULL OR grant_id = ?1)
               AND (?2 IS NULL OR recipient_id = ?2 OR other_recipient_id = ?2)
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
            "WHERE recipient_id = ?2 AND grant_id = ?1 AND what IN (?3, ?4 || ?3, ?5 || ?3)
             ORDER BY id DESC LIMIT 1"
        ))?;
        let mut rows = stmt.query_map(
            params![grant_id, recipient_id, what, UNDO_MARK, REDO_MARK],
            entry_from_row,
        )?;
        Ok(rows.next().transpose()?)
    }
}
