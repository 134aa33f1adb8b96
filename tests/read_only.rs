//! A file the user may not write opens read-only with a banner, and every
//! edit says why it cannot be saved. The file is never changed.

mod support;

use std::path::Path;
use std::process::Command;

use medel::domain::Lang;
use medel::store::Store;
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, current_grant, demo_at, recipient_id};
use support::ui::Ui;

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
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
        let error = ui.error();
        assert!(
            error.to_lowercase().contains("read-only"),
            "{}",
            ui.message()
        );
    }
    let db = ui.close();
    assert_eq!(bytes(db.path()), before, "the file is untouched");
}

/// Runs medel as the user `nobody` when this test runs as root (as in CI),
/// so that the file's permissions really forbid writing.
#[test]
fn a_file_the_user_may_not_write_is_read_but_never_written() {
    let Some((setpriv, dir, path)) = demo_for_another_user() else {
        return;
    };
    set_mode(&path, 0o444);
    let before = bytes(&path);
    let out = Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
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
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no -wal or -shm left beside it: {leftovers:?}"
    );
}

/// Others are saving (the write-ahead log has content) and this user can
/// write neither the file nor its folder: medel refuses rather than show
/// figures that may be out of date.
#[test]
fn a_read_only_view_that_could_be_out_of_date_is_refused() {
    let Some((setpriv, dir, path)) = demo_for_another_user() else {
        return;
    };
    // A session still open, with a save only in its log.
    let mut writer = Store::open(&path).unwrap();
    let g = current_grant(&writer);
    let r = recipient_id(&writer, "Bromma");
    writer.set_allocation(g, r, support::kr(1), None).unwrap();
    set_mode(&path, 0o444);
    let before = bytes(&path);
    let out = Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
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

/// The demo in a folder anyone may read, when this test can act as another
/// user (root with setpriv, as in CI); otherwise says it was skipped.
fn demo_for_another_user() -> Option<(&'static Path, tempfile::TempDir, std::path::PathBuf)> {
    let is_root = std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false);
    let setpriv = Path::new("/usr/bin/setpriv");
    if !is_root || !setpriv.exists() {
        eprintln!("skipped: needs root and setpriv to act as another user");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o755);
    let path = dir.path().join("ro.sqlite");
    drop(demo_at(&path));
    Some((setpriv, dir, path))
}

fn set_mode(path: &Path, mode: u32) {
    let mut perms = std::fs::metadata(path).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, mode);
    std::fs::set_permissions(path, perms).unwrap();
}
