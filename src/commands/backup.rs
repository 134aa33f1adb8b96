//! `medel backup FILE`: a consistent copy of the database, taken with
//! SQLite's online backup API, so it is whole even while the app is open
//! (a plain copy of the file can miss what is still in the WAL). The copy
//! is written like every other file medel makes (`files::write_output`).

use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use super::Session;
use crate::cli::BackupArgs;
use crate::files::write_output;
use crate::i18n::os_errors;

pub fn run(ctx: &Session, args: &BackupArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    if !args.force && std::fs::symlink_metadata(&args.file).is_ok() {
        bail!(ctx.words.backup_exists(&args.file));
    }
    let bytes = store
        .backup_bytes()
        .map_err(|e| ctx.store_error(&path, e))?;
    write_output(&args.file, &bytes).map_err(|e| anyhow!(os_errors::file(&e, ctx.lang)))?;
    eprintln!("{}", ctx.words.backup_written(&path, &args.file));
    Ok(ExitCode::SUCCESS)
}
