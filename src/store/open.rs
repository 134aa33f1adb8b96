//! Opening a file safely: look before writing, refuse what is not ours,
//! then set the connection up and migrate.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::schema::{APPLICATION_ID, LATEST, MIGRATIONS};
use super::{Result, Store, StoreError};
use crate::account::Account;
use crate::files;

/// How long a write waits for another session's lock before giving up
/// with a message (never a hang).
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

pub(super) fn open(path: &Path) -> Result<Store> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        return Err(io(std::io::Error::new(
            ErrorKind::IsADirectory,
            "is a folder; give the path of a database file",
        )));
    }
    if path.exists() {
        check_header(path)?;
    } else if fs::symlink_metadata(path).is_ok() {
        return Err(StoreError::DanglingLink(path.to_path_buf()));
    } else {
        create_empty(path).map_err(io)?;
    }
    open_with(path, !writable(path))
}

/// Opens an existing file for reading only, whatever its permissions.
pub(super) fn open_read_only_store(path: &Path) -> Result<Store> {
    if !path.is_file() {
        return Err(StoreError::NotFound(path.display().to_string()));
    }
    check_header(path)?;
    open_with(path, true)
}

fn open_with(path: &Path, read_only: bool) -> Result<Store> {
    refuse_linked_side_files(path)?;
    let mut conn = if read_only {
        open_read_only(path)?
    } else {
        align_side_files(path);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    check_ownership(&conn, path)?;
    if read_only {
        if user_version(&conn).map_err(|e| classify(path, e))? < LATEST {
            return Err(StoreError::Invalid(format!(
                "{} needs a schema upgrade but is read-only; open it once with write access",
                path.display()
            )));
        }
    } else {
        conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            .map_err(|e| classify(path, e))?;
        conn.execute_batch("PRAGMA synchronous = FULL;")?;
        migrate(&mut conn, LATEST).map_err(|e| match e {
            StoreError::Sqlite(e) => classify(path, e),
            other => other,
        })?;
    }
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    Ok(Store {
        conn,
        path: path.to_path_buf(),
        who: Account::of_process().label(),
        audit_mark: "",
        preference_changes: 0,
        owner: Account::of_process().label(),
        read_only,
    })
}

pub(super) fn open_in_memory() -> Result<Store> {
    let mut conn = Connection::open_in_memory()?;
    migrate(&mut conn, LATEST)?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    Ok(Store {
        conn,
        path: PathBuf::from(":memory:"),
        who: Account::of_process().label(),
        audit_mark: "",
        preference_changes: 0,
        owner: Account::of_process().label(),
        read_only: false,
    })
}

/// Writes a database at an older schema version; tests use it to check
/// that every earlier version migrates forward.
#[doc(hidden)]
pub fn create_at_version(path: &Path, version: i64) -> Result<()> {
    let mut conn = Connection::open(path)?;
    migrate(&mut conn, version)
}

/// Opens a file this user may not write. A database in WAL mode needs its
/// shared-memory file, which cannot be made in a folder the user may not
/// write either; then the file is opened as an unchanging snapshot.
fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
            ) =>
        {
            // Unchanging means the write-ahead log is not read: with saves
            // still in it, the figures shown would be out of date.
            let mut wal = path.as_os_str().to_owned();
            wal.push("-wal");
            if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
                return Err(StoreError::Invalid(format!(
                    "{} can only be read here, and saves by others are not yet in the file itself; \
                     medel will not show figures that may be out of date. Ask for write access to \
                     its folder, or open it again when nobody is working in it",
                    path.display()
                )));
            }
            let uri = format!("file:{}?immutable=1", uri_path(path));
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(|e| classify(path, e))
        }
        Err(e) => Err(classify(path, e)),
    }
}

/// A path as the file part of an SQLite URI: `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

/// A file of zero bytes is a valid, empty database; anything else must
/// start with SQLite's magic header.
fn check_header(path: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = fs::File::open(path).map_err(io)?;
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]).map_err(io)? {
            0 => break,
            n => read += n,
        }
    }
    match read {
        0 => Ok(()),
        16 if &head == SQLITE_MAGIC => Ok(()),
        _ => Err(StoreError::NotSqlite(path.to_path_buf())),
    }
}

/// Refuses another program's database and one from a newer medel, before
/// anything is written to it.
fn check_ownership(conn: &Connection, path: &Path) -> Result<()> {
    let version = user_version(conn).map_err(|e| classify(path, e))?;
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if app != APPLICATION_ID && (app != 0 || version != 0 || tables != 0) {
        return Err(StoreError::NotMedel(path.to_path_buf()));
    }
    if version > LATEST {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST,
        });
    }
    Ok(())
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Applies the missing migrations in one transaction, so that a crash
/// leaves either the old schema or the new one.
fn migrate(conn: &mut Connection, target: i64) -> Result<()> {
    if user_version(conn)? >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the lock: another process may have migrated meanwhile.
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for sql in MIGRATIONS
        .iter()
        .take(target as usize)
        .skip(current as usize)
    {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

fn create_empty(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    files::create_new(path).map(drop)
}

/// SQLite's side files, by the database's name.
fn side_files(path: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    ["-wal", "-shm", "-journal"].into_iter().map(|suffix| {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        PathBuf::from(side)
    })
}

/// SQLite opens its side files without following links and fails with
/// "unable to open database file"; a link there was planted by someone,
/// and the message should say so.
fn refuse_linked_side_files(path: &Path) -> Result<()> {
    match side_files(path)
        .find(|s| fs::symlink_metadata(s).is_ok_and(|m| m.file_type().is_symlink()))
    {
        Some(side) => Err(StoreError::LinkedSideFile(side)),
        None => Ok(()),
    }
}

/// SQLite gives new `-wal` and `-shm` files the database's mode; ones
/// left from before a `chmod` of the database are brought in line.
fn align_side_files(path: &Path) {
    for side in side_files(path) {
        // Another user's side file is theirs to fix; opening still works
        // when its mode allows.
        let _ = files::match_mode(path, &side);
    }
}

fn writable(path: &Path) -> bool {
    OpenOptions::new().read(true).write(true).open(path).is_ok()
}

/// Turns SQLite's codes for a damaged or foreign file into messages.
fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite(path.to_path_buf()),
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt(path.to_path_buf(), e.to_string()),
        Some(ErrorCode::CannotOpen) => StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        },
        _ => StoreError::from(e),
    }
}
