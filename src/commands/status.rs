//! `medel status`: the status pane as text or JSON, and `--check` for cron.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::{Session, print, status_json, status_text};
use crate::cli::StatusArgs;
use crate::domain::flags::Severity;
use crate::domain::model::{Grant, GrantId};
use crate::domain::status::GrantStatus;
use crate::store::{Store, StoreError};

pub fn run(ctx: &Session, args: &StatusArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let (grant, status) = load(ctx, &store, &path, args.grant, today)?;
    let text = if args.json {
        status_json::render(&grant, &status, today, ctx.lang)?
    } else {
        status_text::render(&grant, &status, today, ctx.words)
    };
    print(&text)?;
    Ok(exit_code(&status, args.check))
}

/// The named grant, or the current one (the most recent open grant), with
/// its status on `today`.
pub fn load(
    ctx: &Session,
    store: &Store,
    path: &Path,
    grant: Option<GrantId>,
    today: NaiveDate,
) -> Result<(Grant, GrantStatus)> {
    let t = ctx.words;
    let id = match grant {
        Some(id) => id,
        None => match store.current_grant() {
            Ok(Some(g)) => g.id,
            Ok(None) => bail!(t.no_grants(path)),
            Err(e) => return Err(ctx.store_error(path, e)),
        },
    };
    match store.grant_status(id, today) {
        Ok(found) => Ok(found),
        Err(StoreError::NotFound(_)) => {
            let known = store
                .grants()
                .map_err(|e| ctx.store_error(path, e))?
                .iter()
                .map(|g| format!("{} {} ({})", g.id, g.title, g.year))
                .collect::<Vec<_>>();
            if known.is_empty() {
                bail!(t.no_grants(path))
            }
            bail!(t.no_such_grant(id, path, &known))
        }
        Err(e) => Err(ctx.store_error(path, e)),
    }
}

/// A warning or worse stands: what `--check` reports with exit code 1.
pub fn needs_attention(status: &GrantStatus) -> bool {
    status
        .flags
        .iter()
        .any(|f| f.severity() >= Severity::Warning)
}

fn exit_code(status: &GrantStatus, check: bool) -> ExitCode {
    if check && needs_attention(status) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
