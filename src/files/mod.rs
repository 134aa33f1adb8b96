//! Every file medel creates goes through here: the database, its side
//! files' modes, exports, reports and the example. Two rules, each in one
//! place: a new file's mode comes from its folder (`mode`), and a file is
//! written without ever following a link another user may have planted
//! (`write`).

mod mode;
mod write;

use std::path::PathBuf;

pub use mode::{create_new, match_mode, mode_for_new_file, set_mode_for_folder};
pub use write::write_output;

/// Why a file could not be written. `i18n::os_errors` words it for a
/// coordinator, with the path.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// A symbolic link stands where the file should be: writing through
    /// it would write wherever its owner chose.
    #[error("{0} is a symbolic link; medel does not write through links")]
    Symlink(PathBuf),
    /// A link whose target does not exist.
    #[error("{0} is a symbolic link to a file that does not exist")]
    DanglingLink(PathBuf),
    #[error("{0} is a folder")]
    Folder(PathBuf),
    /// A block device, socket or other node that is neither a file, a
    /// terminal-like device nor a pipe.
    #[error("{0} is not a regular file")]
    NotRegular(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl FileError {
    pub fn io(path: &std::path::Path, source: std::io::Error) -> FileError {
        FileError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
