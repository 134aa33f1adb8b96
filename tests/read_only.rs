//! A file the user may not write opens read-only with a banner, and every
//! edit says why it cannot be saved. The file is never changed.
//!
//! The permissions are real: `chmod 0444` (and 0555 on the folder) and
//! opening with `Store::open`, as medel does. Root may write whatever the
//! permissions say, so as root each such test runs again as the user
//! `nobody` (through `setpriv`), which they bind.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use medel::domain::Lang;
use medel::i18n::screen::words;
use medel::store::{Store, StoreError};
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, current_grant, demo_at, recipient_id};
use support::kr;
use support::ui::Ui;

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false)
}

const SETPRIV: &str = "/usr/bin/setpriv";
const AS_NOBODY: [&str; 3] = ["--reuid=65534", "--regid=65534", "--clear-groups"];

/// True when this process is bound by file permissions and runs the test
/// `name` itself; as root, runs it again as `nobody` and returns false.
fn as_a_normal_user(name: &str) -> bool {
    if !is_root() {
        return true;
    }
    let out = Command::new(SETPRIV)
        .args(AS_NOBODY)
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", name, "--nocapture", "--test-threads=1"])
        .env("HOME", "/tmp")
        .output()
        .expect("as root, setpriv runs the test as nobody");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{name} as nobody:\n{text}");
    assert!(text.contains("1 passed"), "the copy ran:\n{text}");
    false
}

fn set_mode(path: &Path, mode: u32) {
    let mut perms = std::fs::metadata(path).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, mode);
    std::fs::set_permissions(path, perms).unwrap();
}

/// The names in a folder: shows stray -wal or -shm files.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The folder may be written again when it goes, so it can be removed.
struct LockedFolder(PathBuf);

impl LockedFolder {
    fn lock(dir: &Path) -> LockedFolder {
        set_mode(dir, 0o555);
        LockedFolder(dir.to_path_buf())
    }
}

impl Drop for LockedFolder {
    fn drop(&mut self) {
        set_mode(&self.0, 0o755);
    }
}

fn medel_status(path: &Path, dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_medel"))
        .args(["status", "--json", "--today", "2018-03-01", "--db"])
        .arg(path)
        .env_clear()
        .env("HOME", dir)
        .env("LANG", "en_GB.UTF-8")
        .env("MEDEL_USER", "tester")
        .output()
        .unwrap()
}

#[test]
fn read_only_app_shows_a_banner_and_refuses_edits() {
    let db = Db::demo();
    let before = bytes(db.path());
    let mut ui = Ui::read_only(db, Lang::En);
    let header = ui.screen_at(100, 24).lines().next().unwrap().to_string();
    assert!(header.contains("READ-ONLY"), "{header}");
    for code in [KeyCode::Enter, KeyCode::Char('a')] {
        ui.press(code);
        let screen = ui.screen();
        assert!(
            !screen.contains("┌ Spending report") && !screen.contains("┌ Allocate"),
            "no form opens:\n{screen}"
        );
        assert_eq!(ui.error(), words(Lang::En).read_only, "{}", ui.message());
    }
    let db = ui.close();
    assert_eq!(bytes(db.path()), before, "the file is untouched");
}

#[test]
fn a_file_without_write_permission_opens_read_only_and_refuses_every_save() {
    if !as_a_normal_user("a_file_without_write_permission_opens_read_only_and_refuses_every_save") {
        return;
    }
    let db = Db::demo();
    set_mode(db.path(), 0o444);
    let before = bytes(db.path());
    let mut store = Store::open(db.path()).unwrap();
    assert!(store.is_read_only());
    let g = current_grant(&store);
    let bromma = recipient_id(&store, "Bromma");
    let refused = format!(
        "{} is open read-only: changes cannot be saved",
        db.path().display()
    );
    let err = store.set_allocation(g, bromma, kr(1), None).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly(_)), "{err:?}");
    assert_eq!(err.to_string(), refused);
    let loaded = store.entry(g, bromma).unwrap();
    let mut edited = loaded.clone();
    edited.spending[0].amount = kr(5);
    let err = store
        .save_entry(g, bromma, &loaded, &edited, false)
        .unwrap_err();
    assert_eq!(err.to_string(), refused);
    drop(store);
    // The app on the same file, opened the usual way.
    let mut ui = Ui::on(db, Lang::En, support::today(), None);
    let header = ui.screen_at(100, 24).lines().next().unwrap().to_string();
    assert!(header.contains("READ-ONLY"), "{header}");
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    assert!(!screen.contains("┌ Spending report"), "{screen}");
    assert_eq!(ui.error(), words(Lang::En).read_only, "{}", ui.message());
    let db = ui.close();
    assert_eq!(bytes(db.path()), before, "the file is untouched");
}

#[test]
fn a_file_and_folder_without_write_permission_are_read_but_never_written() {
    if !as_a_normal_user("a_file_and_folder_without_write_permission_are_read_but_never_written") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.sqlite");
    drop(demo_at(&path));
    set_mode(&path, 0o444);
    let before = bytes(&path);
    let home = tempfile::tempdir().unwrap();
    let _locked = LockedFolder::lock(dir.path());
    let out = medel_status(&path, home.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("\"to_return\": \"577468.00\""), "{stdout}");
    assert_eq!(bytes(&path), before);
    assert_eq!(
        listing(dir.path()),
        ["ro.sqlite"],
        "no -wal or -shm beside it"
    );
}

/// Others are saving (the write-ahead log has content) and this user can
/// write neither the file nor its folder: medel refuses rather than show
/// figures that may be out of date.
#[test]
fn a_read_only_view_that_could_be_out_of_date_is_refused() {
    if !as_a_normal_user("a_read_only_view_that_could_be_out_of_date_is_refused") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.sqlite");
    drop(demo_at(&path));
    // A session still open, with a save only in its log.
    let mut writer = Store::open(&path).unwrap();
    let g = current_grant(&writer);
    let r = recipient_id(&writer, "Bromma");
    writer.set_allocation(g, r, kr(1), None).unwrap();
    // As if another user's (0600): the log and its index may not even be
    // read here, the file itself only read.
    set_mode(&path, 0o444);
    for file in ["ro.sqlite-wal", "ro.sqlite-shm"] {
        set_mode(&dir.path().join(file), 0o000);
    }
    let before = bytes(&path);
    let home = tempfile::tempdir().unwrap();
    let locked = LockedFolder::lock(dir.path());
    let out = medel_status(&path, home.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "medel: cannot open {0}: {0} can only be read here, and saves by others are not yet in the file itself; \
             medel will not show figures that may be out of date. Ask for write access to \
             its folder, or open it again when nobody is working in it\n",
            path.display()
        )
    );
    assert_eq!(bytes(&path), before);
    drop(locked);
    drop(writer);
}

// Root-only extras: a file root owns, read by another user.

/// The demo in a folder anyone may read, written by root.
fn demo_owned_by_root() -> (tempfile::TempDir, PathBuf) {
    assert!(is_root(), "run these with --ignored as root");
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o755);
    let path = dir.path().join("ro.sqlite");
    drop(demo_at(&path));
    (dir, path)
}

#[test]
#[ignore = "needs root and setpriv (runs medel as nobody on root's file): cargo test --test read_only -- --ignored"]
fn as_root_a_file_another_user_may_not_write_is_read_but_never_written() {
    let (dir, path) = demo_owned_by_root();
    set_mode(&path, 0o444);
    let before = bytes(&path);
    let out = Command::new(SETPRIV)
        .args(AS_NOBODY)
        .arg(env!("CARGO_BIN_EXE_medel"))
        .args(["status", "--json", "--today", "2018-03-01", "--db"])
        .arg(&path)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("\"to_return\": \"577468.00\""), "{stdout}");
    assert_eq!(bytes(&path), before);
    assert_eq!(
        listing(dir.path()),
        ["ro.sqlite"],
        "no -wal or -shm beside it"
    );
}

#[test]
#[ignore = "needs root and setpriv (runs medel as nobody on root's file): cargo test --test read_only -- --ignored"]
fn as_root_a_read_only_view_that_could_be_out_of_date_is_refused() {
    let (dir, path) = demo_owned_by_root();
    let mut writer = Store::open(&path).unwrap();
    let g = current_grant(&writer);
    let r = recipient_id(&writer, "Bromma");
    writer.set_allocation(g, r, kr(1), None).unwrap();
    set_mode(&path, 0o444);
    let before = bytes(&path);
    let out = Command::new(SETPRIV)
        .args(AS_NOBODY)
        .arg(env!("CARGO_BIN_EXE_medel"))
        .args(["status", "--db"])
        .arg(&path)
        .env("HOME", dir.path())
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("out of date"), "{stderr}");
    assert_eq!(bytes(&path), before);
    drop(writer);
}
