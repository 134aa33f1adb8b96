//! The audit log as the stale-workbook check needs it: where in the log a
//! template is written, and what changed after the points that returned
//! templates name.

use rusqlite::{Connection, OptionalExtension, params};

use super::audit::now;
use super::{Result, Store};
use crate::domain::model::{REDO_MARK, UNDO_MARK};
use crate::exchange::{LogSince, LoggedChange, Written};

impl Store {
    /// Where in the log the data read next is: read this before the
    /// dataset, so that a change saved in between counts as after.
    pub fn written_point(&self) -> Result<Written> {
        let last: Option<(i64, String)> = self
            .conn
            .prepare_cached("SELECT id, at FROM audit_log ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (log_id, log_at) = last.unwrap_or_default();
        Ok(Written {
            log_id,
            log_at,
            on: now(),
        })
    }
}

/// Every change per grant, recipient and field after the oldest of
/// `points` (audit ids), and the time of each point's own row. Nothing
/// is read for no points.
pub(super) fn read_log_since(conn: &Connection, points: &[i64]) -> Result<LogSince> {
    let mut log = LogSince::default();
    let Some(oldest) = points.iter().min() else {
        return Ok(log);
    };
    let mut stmt = conn.prepare_cached("SELECT at FROM audit_log WHERE id = ?1")?;
    for &point in points {
        if let Some(at) = stmt.query_row([point], |r| r.get(0)).optional()? {
            log.points.insert(point, at);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, grant_id, recipient_id, what, who, at, old, new FROM audit_log
         WHERE id > ?1 AND grant_id IS NOT NULL AND recipient_id IS NOT NULL ORDER BY id",
    )?;
    let rows = stmt.query_map(params![oldest], |r| {
        Ok((
            (
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
            ),
            LoggedChange {
                id: r.get(0)?,
                who: r.get(4)?,
                at: r.get(5)?,
                old: r.get(6)?,
                new: r.get(7)?,
            },
        ))
    })?;
    for row in rows {
        let ((grant, recipient, what), change) = row?;
        // An undo or a redo changes the value as much as the edit did.
        let what = what
            .strip_prefix(UNDO_MARK)
            .or_else(|| what.strip_prefix(REDO_MARK))
            .map(str::to_string)
            .unwrap_or(what);
        log.changes
            .entry((grant, recipient, what))
            .or_default()
            .push(change);
    }
    Ok(log)
}
