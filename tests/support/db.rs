//! Database files for tests: the demo data in a temporary folder, more
//! connections to it, and what a test reads back to check a save.

use std::path::{Path, PathBuf};

use medel::domain::money::Money;
use medel::domain::status::GrantStatus;
use medel::exchange::to_json;
use medel::store::Store;
use tempfile::TempDir;

use super::today;

/// Who the demo data and the app's changes are recorded as.
pub const WHO: &str = "test";

/// A database file in a folder of its own, removed with it.
pub struct Db {
    /// Shared by the sessions of one file (`Db::share`), removed with the last.
    dir: std::rc::Rc<TempDir>,
    path: PathBuf,
}

impl Db {
    /// A new file with no grants.
    pub fn empty() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("medel.sqlite");
        drop(Store::open(&path).expect("create the database"));
        Db {
            dir: std::rc::Rc::new(dir),
            path,
        }
    }

    /// The same file for another session, as a second coordinator's.
    pub fn share(&self) -> Db {
        Db {
            dir: self.dir.clone(),
            path: self.path.clone(),
        }
    }

    /// The demo grant and its recipients, written by [`WHO`].
    pub fn demo() -> Db {
        let db = Db::empty();
        medel::demo::write(&mut db.open()).expect("demo data");
        db
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder the file is in, for other files a test writes.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A connection of its own that records changes as [`WHO`].
    pub fn open(&self) -> Store {
        self.open_as(WHO)
    }

    /// A connection of its own that records changes as `who`: another session.
    pub fn open_as(&self, who: &str) -> Store {
        let mut store = Store::open(&self.path).expect("open the database");
        store.set_who(who);
        store
    }
}

/// Writes the demo data into a new file at `path`, as [`WHO`].
pub fn demo_at(path: &Path) -> Store {
    let mut store = Store::open(path).expect("open the database");
    store.set_who(WHO);
    medel::demo::write(&mut store).expect("demo data");
    store
}

/// The demo data in memory, for tests that need no file.
pub fn demo_in_memory() -> Store {
    let mut store = Store::open_in_memory().expect("in-memory database");
    store.set_who(WHO);
    medel::demo::write(&mut store).expect("demo data");
    store
}

/// The id of a recipient, by name.
pub fn recipient_id(store: &Store, name: &str) -> i64 {
    store
        .recipient_by_name(name)
        .expect("read recipients")
        .unwrap_or_else(|| panic!("{name} is a recipient"))
        .id
}

/// The id of the grant medel opens on.
pub fn current_grant(store: &Store) -> i64 {
    store
        .current_grant()
        .expect("read grants")
        .expect("a grant")
        .id
}

/// The status of the grant medel opens on, on [`TODAY`](super::TODAY), as stored.
pub fn status(store: &Store) -> GrantStatus {
    store
        .grant_status(current_grant(store), today())
        .expect("read the status")
        .1
}

/// What `name` has reported as used in the grant medel opens on, as stored.
pub fn used(store: &Store, name: &str) -> Money {
    let id = recipient_id(store, name);
    store
        .entry(current_grant(store), id)
        .expect("read the entry")
        .used()
}

/// How many changes the audit log holds.
pub fn audit_len(store: &Store) -> usize {
    store
        .audit_log(None, None, 10_000_000)
        .expect("read the audit log")
        .len()
}

/// Every grant as the JSON export writes it.
pub fn json(store: &Store) -> String {
    to_json(&store.dataset(None).expect("dataset")).expect("json")
}

/// The data and the length of the audit log: equal before and after
/// means nothing was written.
pub fn fingerprint(store: &Store) -> (String, usize) {
    (json(store), audit_len(store))
}

/// [`fingerprint`] of the file at `path`, read through a connection of its own.
pub fn file_fingerprint(path: &Path) -> (String, usize) {
    fingerprint(&Store::open(path).expect("open the database"))
}
