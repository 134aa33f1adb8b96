//! The SQLite store. All SQL lives below this module; callers get model
//! types and never see a statement.

mod allocations;
mod audit;
mod bulk_totals;
mod draft_file;
mod drafts;
mod entries;
mod error;
mod exchange;
mod exchange_apply;
mod exchange_records;
mod exchange_values;
mod figures;
mod focus_areas;
mod grants;
mod known_ids;
mod last_grant;
mod like_last_year;
mod log_since;
mod merge;
mod money_back;
mod open;
mod receipt_edits;
mod recipients;
mod report_data;
pub mod schema;
mod summaries;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::account::Account;

pub use draft_file::{DraftToKeep, draft_file};
pub use drafts::Draft;
pub use entries::{Conflict, Entry, SpendingLine};
pub use error::StoreError;
pub use exchange::{ImportError, PROGRESS_EVERY};
pub use figures::MatrixCell;
pub use grants::{GrantDraft, NewReceipt, draft_of};
pub use like_last_year::Copied;
pub use money_back::{NewReallocation, NewRepayment};
pub use open::BUSY_TIMEOUT;
#[doc(hidden)]
pub use open::create_at_version;
pub use receipt_edits::{receipt_fields, repayment_fields};
pub use recipients::RecipientNames;
pub use summaries::{GrantSummary, Which};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open medel database, with the name that changes are logged as.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The audit log's "who": the real user's name, "coord2 as coord1"
    /// when the environment asks for another.
    who: String,
    /// Whose drafts this session saves and is offered: the real user's,
    /// with the name asked for beside it, so that asking for another
    /// name never reaches that person's drafts.
    owner: String,
    read_only: bool,
    /// Before every audit key while an undo or redo is saved (`Store::as_undo`),
    /// so the log calls it what it is; empty otherwise.
    audit_mark: &'static str,
    /// Rows written that are no change to the data (the grant a user last
    /// worked on): `changes_made` leaves them out.
    preference_changes: u64,
}

impl Store {
    /// The whole database as one consistent file, copied with SQLite's
    /// online backup API: other sessions may write meanwhile.
    pub fn backup_bytes(&self) -> Result<Vec<u8>> {
        let mut copy = rusqlite::Connection::open_in_memory()?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy)?;
            backup.run_to_completion(1024, std::time::Duration::from_millis(5), None)?;
        }
        Ok(copy.serialize(rusqlite::MAIN_DB)?.to_vec())
    }

    /// Opens the file, creating it (mode 0600) and its folder when missing,
    /// and brings its schema up to date. A file that is not medel's, or is
    /// from a newer medel, is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        open::open(path)
    }

    /// Opens an existing file for reading only: nothing can be changed
    /// through it, and the screen says so.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        open::open_read_only_store(path)
    }

    /// An in-memory database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        open::open_in_memory()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn who(&self) -> &str {
        &self.who
    }

    /// Changes the name that the audit log records, for tools and tests
    /// that write on someone's behalf; their drafts are kept apart too.
    pub fn set_who(&mut self, who: impl Into<String>) {
        self.who = who.into();
        let real = Account::of_process().name;
        self.owner = Account::new(real, Some(self.who.clone())).label();
    }

    /// How long a write waits for another session's lock before it gives
    /// up with [`StoreError::Busy`].
    pub fn set_busy_timeout(&mut self, wait: std::time::Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    /// True when the file could only be opened for reading.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Changes whenever another connection commits to the file; cheap to
    /// poll (`PRAGMA data_version`).
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Rows this connection has changed since it opened: any write moves
    /// it, so the app can tell whether a remembered change is the latest.
    pub fn changes_made(&self) -> u64 {
        self.conn.total_changes() - self.preference_changes
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn ensure_writable(&self) -> Result<()> {
        if self.read_only {
            Err(StoreError::ReadOnly(self.path.clone()))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod life_tests;
#[cfg(test)]
mod tests;
