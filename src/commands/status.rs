//! `medel status`: the status pane as text or JSON, and `--check` for cron.
//! With `--all`, or `--check` without `--grant`, every open grant.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::grant_arg::resolve;
use super::{Session, print, status_json, status_text};
use crate::cli::StatusArgs;
use crate::domain::flags::Severity;
use crate::domain::model::Grant;
use crate::domain::status::GrantStatus;
use crate::store::{Store, Which};

pub fn run(ctx: &Session, args: &StatusArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let every_open = args.grant.is_none() && (args.all || args.check);
    let shown = if every_open {
        open_grants(ctx, &store, &path, today)?
    } else {
        vec![load(ctx, &store, &path, args.grant.as_deref(), today)?]
    };
    let text = if args.json && every_open {
        status_json::render_all(&shown, today, ctx.lang)?
    } else if args.json {
        let (grant, status) = &shown[0];
        status_json::render(grant, status, today, ctx.lang)?
    } else {
        let texts: Vec<String> = shown
            .iter()
            .map(|(g, s)| {
                if args.check {
                    status_text::render_check(g, s, today, ctx.words, needs_attention(s))
                } else {
                    status_text::render(g, s, today, ctx.words)
                }
            })
            .collect();
        texts.join("\n")
    };
    print(&text)?;
    let attention = shown.iter().any(|(_, s)| needs_attention(s));
    Ok(if args.check && attention {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Every open grant with its status, newest first; with none open, the
/// current grant, so that a file of reported grants still shows one.
fn open_grants(
    ctx: &Session,
    store: &Store,
    path: &Path,
    today: NaiveDate,
) -> Result<Vec<(Grant, GrantStatus)>> {
    let open = store
        .grant_statuses(Which::Open, today)
        .map_err(|e| ctx.store_error(path, e))?;
    if open.is_empty() {
        return Ok(vec![load(ctx, store, path, None, today)?]);
    }
    Ok(open)
}

/// The named grant (id, year or part of a title), or the current one
/// (the most recent open grant), with its status on `today`.
pub fn load(
    ctx: &Session,
    store: &Store,
    path: &Path,
    grant: Option<&str>,
    today: NaiveDate,
) -> Result<(Grant, GrantStatus)> {
    let id = resolve(ctx, store, path, grant)?;
    store
        .grant_status(id, today)
        .map_err(|e| ctx.store_error(path, e))
}

/// A warning or worse stands: what `--check` reports with exit code 1.
pub fn needs_attention(status: &GrantStatus) -> bool {
    status
        .flags
        .iter()
        .any(|f| f.severity() >= Severity::Warning)
}
