//! Drafts of forms that were open when a session ended without saving
//! (a dropped SSH connection, a SIGTERM). They belong to the real user
//! (`Store::owner`) and are offered back at its next start. They are not data: no audit rows.

use rusqlite::params;

use super::{Result, Store};
use crate::domain::model::{GrantId, RecipientId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: i64,
    /// Which form it is, as the app names it.
    pub kind: String,
    pub grant_id: Option<GrantId>,
    pub recipient_id: Option<RecipientId>,
    /// UTC, RFC 3339.
    pub saved_at: String,
    /// The form's content, as the form module wrote it.
    pub body: String,
}

impl Store {
    /// Keeps one draft per user, form, grant and recipient: the newest
    /// wins.
    pub fn save_draft(
        &mut self,
        kind: &str,
        grant_id: Option<GrantId>,
        recipient_id: Option<RecipientId>,
        body: &str,
    ) -> Result<()> {
        self.ensure_writable()?;
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM drafts
             WHERE who = ?1 AND kind = ?2 AND grant_id IS ?3 AND recipient_id IS ?4",
            params![self.owner, kind, grant_id, recipient_id],
        )?;
        tx.execute(
            "INSERT INTO drafts (who, kind, grant_id, recipient_id, saved_at, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![self.owner, kind, grant_id, recipient_id, at, body],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// This user's drafts, oldest first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, grant_id, recipient_id, saved_at, body
             FROM drafts WHERE who = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([&self.owner], |r| {
            Ok(Draft {
                id: r.get(0)?,
                kind: r.get(1)?,
                grant_id: r.get(2)?,
                recipient_id: r.get(3)?,
                saved_at: r.get(4)?,
                body: r.get(5)?,
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
