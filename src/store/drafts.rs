//! Drafts of forms that were open when a session ended without saving
//! (a dropped SSH connection, a SIGTERM). They belong to the real user
//! (`Store::owner`) and are offered back at its next start. They are not data: no audit rows.

use rusqlite::params;

use super::{Result, Store};
use crate::domain::model::{GrantId, RecipientId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: i64,
    pub grant_id: GrantId,
    pub recipient_id: RecipientId,
    /// UTC, RFC 3339.
    pub saved_at: String,
    /// The form's content, as the form module wrote it.
    pub body: String,
}

impl Store {
    /// Keeps one draft per user, grant and recipient: the newest wins.
    pub fn save_draft(
        &mut self,
        grant_id: GrantId,
        recipient_id: RecipientId,
        body: &str,
    ) -> Result<()> {
        self.ensure_writable()?;
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM drafts WHERE who = ?1 AND grant_id = ?2 AND recipient_id = ?3",
            params![self.owner, grant_id, recipient_id],
        )?;
        tx.execute(
            "INSERT INTO drafts (who, grant_id, recipient_id, saved_at, body) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![self.owner, grant_id, recipient_id, at, body],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// This user's drafts, oldest first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, grant_id, recipient_id, saved_at, body FROM drafts WHERE who = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([&self.owner], |r| {
            Ok(Draft {
                id: r.get(0)?,
                grant_id: r.get(1)?,
                recipient_id: r.get(2)?,
                saved_at: r.get(3)?,
                body: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn delete_draft(&mut self, id: i64) -> Result<()> {
        self.ensure_writable()?;
        self.conn
            .execute("DELETE FROM drafts WHERE id = ?1", [id])?;
        Ok(())
    }
}
