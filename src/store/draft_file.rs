//! Drafts kept where no lock can stop them. A hang-up can come while
//! another program holds the database's write lock; the drafts then go
//! first to a file beside the database (as SQLite keeps its journal beside
//! it), written whole or not at all (`files::write_output`: a new file,
//! synced, renamed into place), and into the database after. The file is
//! removed once the database has them, and its drafts are moved into the
//! database at the next start. It is named by the real uid and read only
//! when that uid owns it, so nobody else's file is taken for one's drafts.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Result, Store};
use crate::account::real_uid;
use crate::domain::model::{GrantId, RecipientId};
use crate::files;

/// A draft about to be kept: which form, about what, and its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftToKeep {
    pub kind: String,
    pub grant_id: Option<GrantId>,
    pub recipient_id: Option<RecipientId>,
    pub body: String,
}

/// `medel.sqlite-drafts-1000` beside `medel.sqlite`, for uid 1000.
pub fn draft_file(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(format!("-drafts-{}", real_uid()));
    db.with_file_name(name)
}

/// True when nothing is at `path`, or a regular file of this user: what
/// else stands there (a link, a pipe, another user's file) is left alone.
fn ours_or_free(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(m) => is_ours(&m),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

fn is_ours(m: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        m.file_type().is_file() && m.uid() == real_uid()
    }
    #[cfg(not(unix))]
    m.file_type().is_file()
}

/// The drafts in this user's file, if there is one it owns.
fn read_file(path: &Path) -> Option<Vec<DraftToKeep>> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut file = opts.open(path).ok()?;
    if !is_ours(&file.metadata().ok()?) {
        return None;
    }
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    serde_json::from_str(&text).ok()
}

impl Store {
    /// Keeps drafts for this user's next start: first in the file beside
    /// the database, then in the database; the file goes once the database
    /// has them all. Returns how many are kept in one place or the other.
    pub fn keep_drafts(&mut self, drafts: &[DraftToKeep]) -> usize {
        if drafts.is_empty() || self.read_only {
            return 0;
        }
        let file = (self.path != Path::new(":memory:")).then(|| draft_file(&self.path));
        let in_file = file.as_ref().is_some_and(|f| {
            let json = serde_json::to_vec(drafts).unwrap_or_default();
            ours_or_free(f) && files::write_output(f, &json).is_ok()
        });
        let mut in_db = 0;
        for d in drafts {
            if self
                .save_draft(&d.kind, d.grant_id, d.recipient_id, &d.body)
                .is_err()
            {
                // Locked or failing: the rest would wait as long again.
                break;
            }
            in_db += 1;
        }
        match file {
            Some(f) if in_file && in_db == drafts.len() => {
                let _ = std::fs::remove_file(f);
                in_db
            }
            _ if in_file => drafts.len(),
            _ => in_db,
        }
    }

    /// Moves the drafts a locked database could not take at the last
    /// hang-up into the database; the file stays until that succeeds.
    pub fn adopt_draft_file(&mut self) -> Result<usize> {
        if self.read_only || self.path == Path::new(":memory:") {
            return Ok(0);
        }
        let path = draft_file(&self.path);
        let Some(drafts) = read_file(&path) else {
            return Ok(0);
        };
        for d in &drafts {
            self.save_draft(&d.kind, d.grant_id, d.recipient_id, &d.body)?;
        }
        let _ = std::fs::remove_file(&path);
        Ok(drafts.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(body: &str) -> DraftToKeep {
        DraftToKeep {
            kind: "grant".into(),
            grant_id: None,
            recipient_id: None,
            body: body.into(),
        }
    }

    #[test]
    fn drafts_the_database_takes_leave_no_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("m.sqlite");
        let mut store = Store::open(&db).unwrap();
        assert_eq!(store.keep_drafts(&[draft("a"), draft("b")]), 2);
        assert!(!draft_file(&db).exists());
        assert_eq!(store.drafts().unwrap().len(), 1, "one per form and thing");
    }

    #[test]
    fn a_file_left_by_a_locked_database_is_moved_in_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("m.sqlite");
        let mut store = Store::open(&db).unwrap();
        let json = serde_json::to_vec(&[draft("kept")]).unwrap();
        files::write_output(&draft_file(&db), &json).unwrap();
        assert_eq!(store.adopt_draft_file().unwrap(), 1);
        assert_eq!(store.drafts().unwrap()[0].body, "kept");
        assert!(!draft_file(&db).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_draft_file_is_neither_read_nor_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("m.sqlite");
        let planted = dir.path().join("planted");
        std::fs::write(&planted, serde_json::to_vec(&[draft("theirs")]).unwrap()).unwrap();
        std::os::unix::fs::symlink(&planted, draft_file(&db)).unwrap();
        let mut store = Store::open(&db).unwrap();
        assert_eq!(store.adopt_draft_file().unwrap(), 0, "not taken for ours");
        assert_eq!(store.keep_drafts(&[draft("mine")]), 1, "in the database");
        let theirs = std::fs::read_to_string(&planted).unwrap();
        assert!(theirs.contains("theirs"), "the link's target is untouched");
        assert_eq!(store.drafts().unwrap()[0].body, "mine");
    }
}
