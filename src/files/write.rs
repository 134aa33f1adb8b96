//! Writing a whole file the way coreutils' `sort -o` and `cp` would wish
//! to: what is at the name decides how.
//!
//! - nothing, or a regular file: the bytes go to a new file with a random
//!   name (`O_EXCL`, never a link) in the same folder, are synced, and the
//!   file is renamed into place; a failure half-way leaves the old file
//!   whole. Onto nothing the rename refuses to replace whatever appeared
//!   there meanwhile.
//! - a pipe or a character device (`/dev/null`, a terminal): the bytes are
//!   streamed into it; renaming over it would replace the node itself.
//! - a symbolic link, a folder, anything else: refused. GNU `cp` refuses a
//!   dangling link for the same reason ("not writing through dangling
//!   symlink"); medel refuses every link, because in a group folder
//!   another user may have planted it.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use super::FileError;
use super::mode::{folder_of, set_mode_for_folder};

pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let io = |e| FileError::io(path, e);
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => match fs::metadata(path) {
            Err(e) if e.kind() == ErrorKind::NotFound => {
                Err(FileError::DanglingLink(path.to_path_buf()))
            }
            _ => Err(FileError::Symlink(path.to_path_buf())),
        },
        Ok(m) if m.is_dir() => Err(FileError::Folder(path.to_path_buf())),
        Ok(m) if m.is_file() => replace(path, bytes, true).map_err(io),
        Ok(m) if is_stream(&m) => stream(path, bytes).map_err(io),
        Ok(_) => Err(FileError::NotRegular(path.to_path_buf())),
        Err(e) if e.kind() == ErrorKind::NotFound => replace(path, bytes, false).map_err(io),
        Err(e) => Err(io(e)),
    }
}

#[cfg(unix)]
fn is_stream(m: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    m.file_type().is_fifo() || m.file_type().is_char_device()
}

#[cfg(not(unix))]
fn is_stream(_: &fs::Metadata) -> bool {
    false
}

fn replace(path: &Path, bytes: &[u8], existing: bool) -> std::io::Result<()> {
    let dir = folder_of(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    set_mode_for_folder(tmp.as_file(), dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // `rename` replaces a link at the name, never what it points to;
    // `link` (no clobber) refuses anything that appeared there.
    let placed = if existing {
        tmp.persist(path).map(drop)
    } else {
        tmp.persist_noclobber(path).map(drop)
    };
    placed.map_err(|e| e.error)
}

fn stream(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut opts = OpenOptions::new();
    opts.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW);
    }
    let mut out = opts.open(path)?;
    out.write_all(bytes)?;
    out.flush()
}
