//! `medel demo`: writes the example database.
//!
//! The file is written in a private temporary folder beside the target
//! and then renamed into place, so a failure half-way never leaves half an
//! example, `--force` replaces the old file in one step, and nobody else
//! can reach the file before it is whole.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use super::{Session, print};
use crate::cli::DemoArgs;
use crate::files;
use crate::i18n::os_errors::dangling_link;
use crate::paths::{self, Found};
use crate::store::Store;

pub fn run(ctx: &Session, args: &DemoArgs) -> Result<ExitCode> {
    let t = ctx.words;
    let target = target(ctx)?;
    match paths::look(&target) {
        Ok(Found::Missing) => {}
        Ok(Found::File | Found::Empty) if args.force => {}
        Ok(Found::File | Found::Empty) => bail!(t.demo_exists(&target)),
        Ok(Found::DanglingLink) => bail!(dangling_link(&target, ctx.lang)),
        Ok(Found::Folder) => bail!(t.is_a_folder(&target)),
        Ok(Found::UnderAFile) => bail!(t.under_a_file(&target)),
        Err(e) => return Err(ctx.os_error(&target, e)),
    }
    // Whatever fails inside is about a scratch file; say which file it was for.
    write(ctx, &target).with_context(|| t.cannot_write(&target))?;
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
    let dir = match target.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => dir,
        None => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| ctx.os_error(dir, e))?;
    // A private folder (0700, random name) beside the target: SQLite's
    // side files are made in it too, where nobody else can plant a link,
    // and the rename into place stays on one file system.
    let scratch = tempfile::Builder::new()
        .prefix(".medel-demo.")
        .tempdir_in(dir)
        .map_err(|e| ctx.os_error(dir, e))?;
    let tmp = scratch.path().join(paths::DEMO_FILE);
    write_into(ctx, &tmp)?;
    let file = fs::File::open(&tmp).map_err(|e| ctx.os_error(&tmp, e))?;
    files::set_mode_for_folder(&file, dir).map_err(|e| ctx.os_error(&tmp, e))?;
    // Leftover journal files of the old database would be read as part of
    // the new one; they go first.
    for sidecar in sidecars(target) {
        remove_if_there(&sidecar).map_err(|e| ctx.os_error(&sidecar, e))?;
    }
    // `rename` replaces a link at the target rather than writing where it
    // points; the scratch folder goes when `scratch` is dropped.
    fs::rename(&tmp, target).map_err(|e| ctx.os_error(target, e))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecars_keep_the_full_name() {
        let s = sidecars(Path::new("a/b.sqlite"));
        assert_eq!(s[0], Path::new("a/b.sqlite-wal"));
        assert_eq!(s[2], Path::new("a/b.sqlite-journal"));
    }
}
