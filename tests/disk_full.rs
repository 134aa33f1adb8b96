//! A full disk gives a clear message, saves nothing half-way, and leaves
//! what was saved before intact, on a real file system that is full: a
//! small tmpfs. Mounting needs root, so each test runs in a user and mount
//! namespace of its own (`unshare --user --map-root-user --mount`), where
//! any user is root of its own mounts. The same promise for the store's
//! own connection, without a file system, is
//! `store::tests::a_full_disk_saves_nothing_and_says_so` (a page limit).

mod support;

use std::path::Path;
use std::process::Command;

use medel::domain::money::Money;
use medel::store::{Store, StoreError};
use support::db::recipient_id;

/// Set in the copy of a test that runs inside its namespace.
const INSIDE: &str = "MEDEL_TEST_IN_NAMESPACE";

/// A command run as root of a new user and mount namespace.
fn in_namespace() -> Command {
    let mut cmd = Command::new("unshare");
    cmd.args(["--user", "--map-root-user", "--mount"]);
    cmd
}

/// Runs the test `name` again in a namespace of its own; true when this is
/// that copy, which does the work.
fn inside_a_namespace(name: &str) -> bool {
    if std::env::var_os(INSIDE).is_some() {
        return true;
    }
    let out = in_namespace()
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", name, "--nocapture", "--test-threads=1"])
        .env(INSIDE, "1")
        .output()
        .expect("run unshare");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "{name} in a namespace of its own (needs unprivileged user namespaces):\n{text}"
    );
    assert!(text.contains("1 passed"), "the copy ran:\n{text}");
    false
}

struct Tmpfs(tempfile::TempDir);

impl Tmpfs {
    /// Only inside a namespace: there the mount is this process's own.
    fn mount(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(status.success(), "mount a tmpfs");
        Tmpfs(dir)
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    /// Fills what is left with one file.
    fn fill(&self) {
        use std::io::Write;
        let mut f = std::fs::File::create(self.path().join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.path()).status();
    }
}

#[test]
fn a_full_disk_saves_nothing_and_says_so() {
    if !inside_a_namespace("a_full_disk_saves_nothing_and_says_so") {
        return;
    }
    let fs = Tmpfs::mount("2m");
    let path = fs.path().join("full.sqlite");
    let mut store = Store::open(&path).unwrap();
    let g = medel::demo::write(&mut store).unwrap();
    let bromma = recipient_id(&store, "Bromma");
    fs.fill();
    // A save that needs new pages: a long note on every focus area.
    let loaded = store.entry(g, bromma).unwrap();
    let mut edited = loaded.clone();
    for line in &mut edited.spending {
        line.amount = Money::from_kronor(1);
        line.note = "x".repeat(200_000);
    }
    let err = store
        .save_entry(g, bromma, &loaded, &edited, false)
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the disk that holds the database is full: nothing was saved; free some space and try again"
    );
    std::fs::remove_file(fs.path().join("filler")).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.entry(g, bromma).unwrap(),
        loaded,
        "nothing of the failed save"
    );
    let (_, status) = store.grant_status(g, support::today()).unwrap();
    assert_eq!(
        status.to_return,
        Money::from_kronor(577_468),
        "everything saved before is there"
    );
}

#[test]
fn the_binary_exits_2_when_the_disk_is_full() {
    if !inside_a_namespace("the_binary_exits_2_when_the_disk_is_full") {
        return;
    }
    let fs = Tmpfs::mount("256k");
    fs.fill();
    let db = fs.path().join("d.sqlite");
    let out = Command::new(env!("CARGO_BIN_EXE_medel"))
        .args(["demo", "--db"])
        .arg(&db)
        .env_clear()
        .env("LANG", "en_GB.UTF-8")
        .env("MEDEL_USER", "tester")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    // The demo is written beside the file first, then moved into place:
    // the message names the file and the temporary one it could not make.
    let start = format!("medel: cannot write {}: cannot open ", db.display());
    let end = ": the disk that holds the database is full: nothing was saved; \
               free some space and try again\n";
    assert!(
        stderr.starts_with(&start) && stderr.ends_with(end) && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert!(!db.exists(), "no file half-written");
}
