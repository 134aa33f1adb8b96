//! What can go wrong with the database, in words a user can act on.

use std::path::PathBuf;

use super::entries::Conflict;
use crate::domain::grant_draft::GrantDraftError;
use crate::domain::money_back::MoveRefused;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} is not a SQLite database; medel left it untouched")]
    NotSqlite(PathBuf),
    #[error("{0} is a SQLite database of another program, not medel's; it was left untouched")]
    NotMedel(PathBuf),
    #[error(
        "{path} was written by a newer medel (schema {found}, this one knows up to {supported}); \
         update medel to open it. The file was left untouched"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `--db` names a link to nothing: medel does not create a database
    /// through a link (GNU `cp` refuses a dangling link the same way).
    #[error("{0} is a symbolic link to a file that does not exist")]
    DanglingLink(PathBuf),
    /// One of SQLite's side files (`-wal`, `-shm`, `-journal`) is a link:
    /// someone planted it to have medel write elsewhere.
    #[error(
        "{0} is a symbolic link where SQLite keeps its journal; medel does not write through it. Remove the link and try again"
    )]
    LinkedSideFile(PathBuf),
    #[error("{0} is open read-only: changes cannot be saved")]
    ReadOnly(PathBuf),
    #[error("the database is busy: another program holds a lock on it; try again in a moment")]
    Busy,
    #[error("{0} is damaged: {1}. medel will not write to it; restore it from a backup")]
    Corrupt(PathBuf, String),
    #[error("{0} not found")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    /// A grant's fields break a rule; `i18n` words it (its `Display` too).
    #[error("{0}")]
    Grant(GrantDraftError),
    #[error("a grant called '{title}' for {year} already exists")]
    DuplicateGrant { title: String, year: i32 },
    #[error("this grant is reported and closed: reopen it before changing anything")]
    GrantClosed,
    #[error("a receipt of zero kronor records nothing")]
    ZeroReceipt,
    #[error("{0}")]
    Conflict(Box<Conflict>),
    /// A move of money between recipients breaks a rule; `i18n` words it.
    #[error("{0}")]
    Move(MoveRefused),
    /// A focus area that spending uses cannot be removed.
    #[error("the focus area '{0}' has spending recorded against it and cannot be removed")]
    FocusAreaInUse(String),
    #[error("a repayment of zero kronor records nothing")]
    ZeroRepayment,
    /// A recipient with spending (or a report) in a grant stays in it.
    #[error(
        "{name} has {} in this grant and cannot be taken out of it; only a recipient with no spending and no report can",
        if *report { "a report" } else { "spending recorded" }
    )]
    RecipientInUse { name: String, report: bool },
    #[error(
        "the disk that holds the database is full: nothing was saved; free some space and try again"
    )]
    DiskFull,
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    /// Errors that mean the file cannot be used at all (exit code 2).
    pub fn is_fatal_for_file(&self) -> bool {
        matches!(
            self,
            StoreError::NotSqlite(_)
                | StoreError::NotMedel(_)
                | StoreError::NewerSchema { .. }
                | StoreError::Io { .. }
                | StoreError::DanglingLink(_)
                | StoreError::LinkedSideFile(_)
                | StoreError::Corrupt(..)
        )
    }
}
