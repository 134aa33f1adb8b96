//! A large import keeps the spending totals of schema 5 in one statement
//! per grant at its end rather than through the triggers row by row, which
//! cost it a third of its speed. Inside the import's transaction: the
//! triggers are dropped, the totals of the grants it touched written
//! again from their cells, and the triggers made again from the very text
//! the file holds, so no other writer ever sees them missing and a failed
//! import rolls all of it back.

use rusqlite::Connection;

use super::Result;
use crate::domain::model::GrantId;

/// The triggers that keep the totals, dropped (any other trigger on
/// `spending` stays and fires); returns their definitions.
pub(super) fn suspend(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master
         WHERE type = 'trigger' AND tbl_name = 'spending' AND name LIKE 'spending\\_totals\\_%' ESCAPE '\\'",
    )?;
    let triggers = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
}

/// The totals of `grants` written again from their cells, then the
/// triggers back.
pub(super) fn resume(conn: &Connection, grants: &[GrantId], triggers: &[String]) -> Result<()> {
    for &g in grants {
        conn.execute("DELETE FROM spending_totals WHERE grant_id = ?1", [g])?;
        conn.execute(
            "INSERT INTO spending_totals (grant_id, recipient_id, used_ore, cells)
             SELECT grant_id, recipient_id, SUM(amount_ore), COUNT(*) FROM spending
             WHERE grant_id = ?1 GROUP BY grant_id, recipient_id",
            [g],
        )?;
    }
    for sql in triggers {
        conn.execute_batch(sql)?;
    }
    Ok(())
}
