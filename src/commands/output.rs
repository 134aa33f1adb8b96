//! Where `report` and `export` write: standard output, or a file written
//! under a temporary name and renamed into place, so a failure half-way
//! never leaves half a file where a whole one was.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::Context;

pub fn write_out(ctx: &Context, output: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match output {
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                // A closed pipe (`medel export … | head`) is not an error.
                Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(()),
            }
        }
        Some(path) => write_file(path, bytes).with_context(|| ctx.texts.cannot_write(path)),
    }
}

pub(super) fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temporary(path);
    let written = fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match written.and_then(|()| fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            // The temporary file is worthless now; the error that matters
            // is the one being returned.
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn temporary(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}
