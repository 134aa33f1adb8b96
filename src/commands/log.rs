//! `medel log`: the audit log, newest first: when, who, what, old → new.

use std::collections::HashMap;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::grant_arg::resolve_named;
use super::{Session, print};
use crate::cli::LogArgs;
use crate::domain::collate::closest;
use crate::domain::sanitize::printable;
use crate::i18n::changes::{describe, value, when};
use crate::store::Store;

pub fn run(ctx: &Session, args: &LogArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let recipient = match &args.recipient {
        Some(typed) => Some(find_recipient(&store, typed, ctx, &path)?),
        None => None,
    };
    let grant = match args.grant.as_deref() {
        Some(asked) => Some(resolve_named(ctx, &store, &path, asked)?),
        None => None,
    };
    let entries = store
        .audit_log(grant, recipient.as_ref().map(|r| r.id), args.limit)
        .map_err(|e| ctx.store_error(&path, e))?;
    print(&render(&store, &entries, ctx))?;
    Ok(ExitCode::SUCCESS)
}

/// The recipient `typed` names, whatever its case; an unknown name is
/// refused with the closest one.
fn find_recipient(
    store: &Store,
    typed: &str,
    ctx: &Session,
    path: &std::path::Path,
) -> Result<crate::domain::model::Recipient> {
    let all = store
        .recipients(true)
        .map_err(|e| ctx.store_error(path, e))?;
    let lower = typed.trim().to_lowercase();
    if let Some(r) = all.iter().find(|r| r.name.to_lowercase() == lower) {
        return Ok(r.clone());
    }
    let meant = closest(typed, all.iter().map(|r| r.name.as_str()));
    bail!(ctx.words.no_such_recipient(typed, meant, path))
}

fn render(store: &Store, entries: &[crate::domain::model::AuditEntry], ctx: &Session) -> String {
    let lang = ctx.lang;
    let mut recipients = HashMap::new();
    let mut grants = HashMap::new();
    let mut out = String::new();
    for e in entries {
        // Each line names the grant and the recipient it is about.
        let grant = e.grant_id.map(|id| {
            grants
                .entry(id)
                .or_insert_with(|| {
                    store
                        .grant(id)
                        .map(|g| printable(&g.title))
                        .unwrap_or_else(|_| format!("#{id}"))
                })
                .clone()
        });
        let recipient = e.recipient_id.map(|id| {
            recipients
                .entry(id)
                .or_insert_with(|| {
                    store
                        .recipient(id)
                        .map(|r| printable(&r.name))
                        .unwrap_or_else(|_| format!("#{id}"))
                })
                .clone()
        });
        let subject: String = [grant, recipient]
            .into_iter()
            .flatten()
            .map(|name| format!("{name} · "))
            .collect();
        out.push_str(&format!(
            "{}  {}  {subject}{}: {} → {}\n",
            when(&e.at),
            printable(&e.who),
            describe(&e.what, lang),
            printable(&value(&e.what, &e.old, lang)),
            printable(&value(&e.what, &e.new, lang)),
        ));
    }
    if entries.is_empty() {
        out.push_str(ctx.words.no_changes);
        out.push('\n');
    }
    out
}
