//! `medel` without a command: the full-screen app on the database, which
//! is created when missing.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::Session;
use crate::tui::{self, App};

pub fn run(ctx: &Session, today: Option<NaiveDate>) -> Result<ExitCode> {
    let path = ctx.database()?;
    open(ctx, &path, today)
}

/// Opens the app on `path`; `demo` calls this after writing the example.
pub fn open(ctx: &Session, path: &Path, today: Option<NaiveDate>) -> Result<ExitCode> {
    if !has_terminal() {
        bail!(ctx.words.needs_terminal);
    }
    let store = ctx.open_for_writing(path)?;
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut app = App::new(store, ctx.lang, today, None).map_err(|e| ctx.store_error(path, e))?;
    tui::run(&mut app)?;
    if let Some(words) = app.parting_words() {
        eprintln!("{words}");
    }
    Ok(ExitCode::SUCCESS)
}

/// True when the app can take over the terminal.
pub fn has_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}
