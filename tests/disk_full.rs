//! A full disk gives a clear message, saves nothing half-way, and leaves
//! what was saved before intact. Needs root (it mounts a small tmpfs);
//! elsewhere it says it was skipped.

mod support;

use std::path::Path;
use std::process::Command;

use medel::domain::money::Money;
use medel::store::{Store, StoreError};
use support::db::recipient_id;

struct Tmpfs(tempfile::TempDir);

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Tmpfs(dir))
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
    let Some(fs) = Tmpfs::mount("2m") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
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
    assert!(matches!(err, StoreError::DiskFull), "{err}");
    assert!(err.to_string().contains("full"), "{err}");
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
    let Some(fs) = Tmpfs::mount("256k") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    fs.fill();
    let out = Command::new(env!("CARGO_BIN_EXE_medel"))
        .args(["demo", "--db"])
        .arg(fs.path().join("d.sqlite"))
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("medel:") && (stderr.contains("full") || stderr.contains("space")),
        "{stderr}"
    );
}
