//! The grant each user last worked on, so that the app opens there rather
//! than on the newest grant. A preference, not data: no audit row, and
//! the grant's deletion takes it away (the newest grant is shown then).

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::domain::model::{Grant, GrantId};

impl Store {
    /// Remembers `grant` as the one this user works on. Not a change an
    /// undo should know of: `changes_made` does not count it.
    pub fn remember_grant(&mut self, grant: GrantId) -> Result<()> {
        let written = self
            .conn
            .prepare_cached(
                "INSERT INTO last_grants (who, grant_id) VALUES (?1, ?2)
                 ON CONFLICT (who) DO UPDATE SET grant_id = excluded.grant_id
                 WHERE grant_id <> excluded.grant_id",
            )?
            .execute(params![self.owner, grant])?;
        self.preference_changes += written as u64;
        Ok(())
    }

    /// The grant to open: the one this user last worked on while it
    /// exists, otherwise `current_grant`.
    pub fn opening_grant(&self) -> Result<Option<Grant>> {
        let last: Option<GrantId> = self
            .conn
            .prepare_cached(
                "SELECT l.grant_id FROM last_grants l JOIN grants g ON g.id = l.grant_id
                 WHERE l.who = ?1",
            )?
            .query_row([&self.owner], |r| r.get(0))
            .optional()?;
        match last {
            Some(id) => Ok(Some(self.grant(id)?)),
            None => self.current_grant(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::grant_draft::GrantDraft;
    use crate::store::Store;

    #[test]
    fn each_user_opens_on_the_grant_last_worked_on_until_it_is_gone() {
        let mut s = Store::open_in_memory().unwrap();
        assert!(s.opening_grant().unwrap().is_none());
        let old = s
            .create_grant(&GrantDraft::for_year("A", "G", 2024).unwrap())
            .unwrap();
        let new = s
            .create_grant(&GrantDraft::for_year("B", "G", 2025).unwrap())
            .unwrap();
        s.set_who("anna");
        assert_eq!(s.opening_grant().unwrap().unwrap().id, new, "the newest");
        s.remember_grant(old).unwrap();
        assert_eq!(s.opening_grant().unwrap().unwrap().id, old);
        s.set_who("bertil");
        assert_eq!(s.opening_grant().unwrap().unwrap().id, new, "not anna's");
        s.remember_grant(new).unwrap();
        s.set_who("anna");
        assert_eq!(s.opening_grant().unwrap().unwrap().id, old, "still hers");
        s.conn
            .execute("DELETE FROM grants WHERE id = ?1", [old])
            .unwrap();
        assert_eq!(s.opening_grant().unwrap().unwrap().id, new, "gone");
    }
}
