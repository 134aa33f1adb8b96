//! Where the database lives: `--db PATH`, else `MEDEL_DB`, else
//! `medel.sqlite` in the folder the platform keeps application data in
//! (`~/.local/share/medel` on Linux; see the `directories` crate).

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

pub const DB_FILE: &str = "medel.sqlite";
/// The example database's file name, beside the database.
pub const DEMO_FILE: &str = "demo.sqlite";

/// The folder the platform keeps medel's data in; `None` when the user
/// has no home folder.
pub fn data_dir() -> Option<PathBuf> {
    ProjectDirs::from("", "", "medel").map(|d| d.data_dir().to_path_buf())
}

/// `medel.sqlite` in the data folder.
pub fn default_db() -> Option<PathBuf> {
    data_dir().map(|d| d.join(DB_FILE))
}

/// The database to use: the given path, else the default.
pub fn database(given: Option<&Path>) -> Option<PathBuf> {
    given.map(Path::to_path_buf).or_else(default_db)
}

/// Where `medel demo` writes without an explicit `--db`: `demo.sqlite` in
/// the folder of the database medel would otherwise use, so the example
/// never takes the place of real data.
pub fn demo_beside(database: &Path) -> PathBuf {
    match database.parent() {
        Some(dir) => dir.join(DEMO_FILE),
        None => PathBuf::from(DEMO_FILE),
    }
}

/// The endings a SQLite database's name usually has; an empty file is
/// only made a database when its name has one of them.
pub const DATABASE_ENDINGS: [&str; 4] = ["sqlite", "sqlite3", "db", "db3"];

pub fn named_as_database(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DATABASE_ENDINGS.contains(&e.to_ascii_lowercase().as_str()))
}

/// What is at a path, as far as opening a database is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// A file with something in it.
    File,
    /// A file of zero bytes: SQLite would take it for an empty database.
    Empty,
    /// A symbolic link to nothing.
    DanglingLink,
    Folder,
    Missing,
    /// Some folder on the way is a file, so nothing can be there.
    UnderAFile,
}

/// Looks without creating anything. Other failures (permissions) are
/// returned as they are.
pub fn look(path: &Path) -> std::io::Result<Found> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Ok(Found::Folder),
        Ok(m) if m.is_file() && m.len() == 0 => Ok(Found::Empty),
        Ok(_) => Ok(Found::File),
        Err(e) if e.kind() == ErrorKind::NotFound => match std::fs::symlink_metadata(path) {
            Ok(_) => Ok(Found::DanglingLink),
            Err(_) => Ok(Found::Missing),
        },
        Err(e) if e.kind() == ErrorKind::NotADirectory => Ok(Found::UnderAFile),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_goes_beside_the_database() {
        assert_eq!(
            demo_beside(Path::new("/data/medel/medel.sqlite")),
            Path::new("/data/medel/demo.sqlite")
        );
        assert_eq!(demo_beside(Path::new("x.sqlite")), Path::new("demo.sqlite"));
    }

    #[test]
    fn the_given_path_wins() {
        let p = Path::new("/tmp/mine.sqlite");
        assert_eq!(database(Some(p)).as_deref(), Some(p));
    }

    #[test]
    fn looking_tells_files_folders_and_dead_ends() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(look(dir.path()).unwrap(), Found::Folder);
        assert_eq!(look(&file).unwrap(), Found::File);
        assert_eq!(look(&dir.path().join("none")).unwrap(), Found::Missing);
        assert_eq!(look(&file.join("x.sqlite")).unwrap(), Found::UnderAFile);
        let empty = dir.path().join("e");
        std::fs::write(&empty, "").unwrap();
        assert_eq!(look(&empty).unwrap(), Found::Empty);
        #[cfg(unix)]
        {
            let link = dir.path().join("l");
            std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
            assert_eq!(look(&link).unwrap(), Found::DanglingLink);
        }
    }

    #[test]
    fn only_database_names_may_be_made_databases() {
        assert!(named_as_database(Path::new("a/x.sqlite")));
        assert!(named_as_database(Path::new("x.DB")));
        assert!(!named_as_database(Path::new("empty.txt")));
        assert!(!named_as_database(Path::new("sqlite")));
    }
}
