//! The mode of a new file, decided by its folder, as git does for a
//! repository shared with a group (`core.sharedRepository = group`): in a
//! folder that is group-writable and setgid (`chmod 2770`), new files are
//! readable and writable by the group, whatever the umask; elsewhere they
//! are the owner's alone (0600). The setgid bit makes the kernel give new
//! files the folder's group, so the mode is all medel has to set.

use std::fs::{File, OpenOptions};
use std::path::Path;

const PRIVATE: u32 = 0o600;
const GROUP: u32 = 0o660;

/// The mode a new file in `dir` gets.
pub fn mode_for_new_file(dir: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let shared = std::fs::metadata(dir)
            .map(|m| m.permissions().mode() & 0o2020 == 0o2020)
            .unwrap_or(false);
        if shared {
            return GROUP;
        }
    }
    let _ = dir;
    PRIVATE
}

/// The folder a path is in; `.` for a bare file name.
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Creates a file that must not exist yet (`O_CREAT|O_EXCL|O_NOFOLLOW`:
/// not even a dangling link may stand there), with the mode its folder
/// calls for.
pub fn create_new(path: &Path) -> std::io::Result<File> {
    let mode = mode_for_new_file(folder_of(path));
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(mode).custom_flags(libc::O_NOFOLLOW);
    }
    let file = opts.open(path)?;
    set_mode(&file, mode)?;
    Ok(file)
}

/// Gives an open file the mode its final folder calls for: a file made
/// elsewhere (a private temporary folder) and renamed into place.
pub fn set_mode_for_folder(file: &File, dir: &Path) -> std::io::Result<()> {
    set_mode(file, mode_for_new_file(dir))
}

/// Gives `side` (SQLite's `-wal` and `-shm`) the permissions of `main`
/// when this user owns it: SQLite creates them with the database's mode,
/// but ones made before a `chmod 660` of the database keep the old mode
/// and would lock the group out.
pub fn match_mode(main: &Path, side: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let want = std::fs::metadata(main)?.permissions().mode() & 0o777;
        let Ok(have) = std::fs::symlink_metadata(side) else {
            return Ok(());
        };
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        if have.file_type().is_file() && have.uid() == me && have.mode() & 0o777 != want {
            std::fs::set_permissions(side, std::fs::Permissions::from_mode(want))?;
        }
    }
    let _ = (main, side);
    Ok(())
}

/// `fchmod`: the umask narrows the mode `open` asks for, so a group mode
/// is set on the open file afterwards.
fn set_mode(file: &File, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    let _ = (file, mode);
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode_of(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn a_private_folder_gives_0600_and_a_group_folder_0660() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(mode_for_new_file(dir.path()), 0o600);
        create_new(&dir.path().join("a")).unwrap();
        assert_eq!(mode_of(&dir.path().join("a")), 0o600);
        // Group-writable without setgid is not a shared folder.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o770)).unwrap();
        assert_eq!(mode_for_new_file(dir.path()), 0o600);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o2770)).unwrap();
        assert_eq!(mode_for_new_file(dir.path()), 0o660);
        create_new(&dir.path().join("b")).unwrap();
        assert_eq!(mode_of(&dir.path().join("b")), 0o660, "whatever the umask");
    }

    #[test]
    fn a_new_file_is_never_made_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(create_new(&link).is_err());
        assert!(!victim.exists());
    }

    #[test]
    fn side_files_follow_the_database_mode() {
        let dir = tempfile::tempdir().unwrap();
        let (db, wal) = (dir.path().join("x"), dir.path().join("x-wal"));
        std::fs::write(&db, "").unwrap();
        std::fs::write(&wal, "").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o660)).unwrap();
        std::fs::set_permissions(&wal, std::fs::Permissions::from_mode(0o600)).unwrap();
        match_mode(&db, &wal).unwrap();
        assert_eq!(mode_of(&wal), 0o660);
        match_mode(&db, &dir.path().join("none")).unwrap();
    }
}
