//! `medel demo`: writes the example database.
//!
//! The file is written under a temporary name in the same folder and then
//! renamed into place, so a failure half-way never leaves half an example,
//! and `--force` replaces the old file in one step.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use super::{Session, print};
use crate::cli::DemoArgs;
use crate::paths::{self, Found};
use crate::store::Store;

pub fn run(ctx: &Session, args: &DemoArgs) -> Result<ExitCode> {
    let t = ctx.words;
    let target = target(ctx)?;
    match paths::look(&target) {
        Ok(Found::Missing) => {}
        Ok(Found::File) if args.force => {}
        Ok(Found::File) => bail!(t.demo_exists(&target)),
        Ok(Found::Folder) => bail!(t.is_a_folder(&target)),
        Ok(Found::UnderAFile) => bail!(t.under_a_file(&target)),
        Err(e) => return Err(anyhow::Error::new(e).context(t.cannot_write(&target))),
    }
    write(ctx, &target)?;
    if super::app::has_terminal() {
        return super::app::open(ctx, &target, args.today);
    }
    // Scripts and pipes get where the file went and what to do next.
    print(&format!(
        "{}\n{}\n{}\n",
        t.demo_written(&target),
        t.demo_figures_note,
        t.demo_next(&target)
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// `--db` when given on the command line; otherwise `demo.sqlite` beside
/// the database (`MEDEL_DB` or the default), so that the example never
/// takes the place of the database people work in.
fn target(ctx: &Session) -> Result<PathBuf> {
    match &ctx.db {
        Some(path) if !ctx.db_from_env => Ok(path.clone()),
        _ => Ok(paths::demo_beside(&ctx.database()?)),
    }
}

fn write(ctx: &Session, target: &Path) -> Result<()> {
    let t = ctx.words;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).with_context(|| t.cannot_write(target))?;
    }
    let tmp = temporary_name(target);
    remove_if_there(&tmp).with_context(|| t.cannot_write(&tmp))?;
    let written = write_into(ctx, &tmp).with_context(|| t.cannot_write(target));
    if let Err(e) = written {
        // The temporary file is ours and worthless now; the error that
        // matters is the one above, so a failed cleanup is not reported.
        let _ = remove_with_sidecars(&tmp);
        return Err(e);
    }
    // Leftover journal files of the old database would be read as part of
    // the new one; they go first.
    for sidecar in sidecars(target) {
        remove_if_there(&sidecar).with_context(|| t.cannot_write(&sidecar))?;
    }
    fs::rename(&tmp, target).with_context(|| t.cannot_write(target))?;
    Ok(())
}

fn write_into(ctx: &Session, path: &Path) -> Result<()> {
    let mut store = Store::open(path).map_err(|e| ctx.store_error(path, e))?;
    crate::demo::write(&mut store).map_err(|e| ctx.store_error(path, e))?;
    // Closing checkpoints the write-ahead log into the file, so the one
    // file holds everything before it is renamed.
    drop(store);
    Ok(())
}

/// `.demo.sqlite.<pid>.tmp` beside the target: the same file system, so
/// the rename is atomic.
fn temporary_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| paths::DEMO_FILE.to_string());
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// SQLite's companions of a database file.
fn sidecars(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .collect()
}

fn remove_if_there(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn remove_with_sidecars(db: &Path) -> std::io::Result<()> {
    for sidecar in sidecars(db) {
        remove_if_there(&sidecar)?;
    }
    remove_if_there(db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_file_is_a_hidden_sibling() {
        let tmp = temporary_name(Path::new("/data/demo.sqlite"));
        assert_eq!(tmp.parent(), Some(Path::new("/data")));
        let name = tmp.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with(".demo.sqlite.") && name.ends_with(".tmp"),
            "{name}"
        );
    }

    #[test]
    fn sidecars_keep_the_full_name() {
        let s = sidecars(Path::new("a/b.sqlite"));
        assert_eq!(s[0], Path::new("a/b.sqlite-wal"));
        assert_eq!(s[2], Path::new("a/b.sqlite-journal"));
    }
}
