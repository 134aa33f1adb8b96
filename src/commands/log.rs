//! `medel log`: the audit log, newest first: when, who, what, old → new.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::grant_arg::resolve_named;
use super::{Session, print};
use crate::cli::LogArgs;
use crate::domain::sanitize::printable;
use crate::i18n::changes::{describe, value, when};
use crate::store::Store;

pub fn run(ctx: &Session, args: &LogArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let recipient = match &args.recipient {
        Some(name) => match store
            .recipient_by_name(name)
            .map_err(|e| ctx.store_error(&path, e))?
        {
            Some(r) => Some(r),
            None => bail!(ctx.words.no_such_recipient(name, &path)),
        },
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

fn render(store: &Store, entries: &[crate::domain::model::AuditEntry], ctx: &Session) -> String {
    let lang = ctx.lang;
    let mut names = std::collections::HashMap::new();
    let mut out = String::new();
    for e in entries {
        let who_for = match e.recipient_id {
            Some(id) => names
                .entry(id)
                .or_insert_with(|| {
                    store
                        .recipient(id)
                        .map(|r| printable(&r.name))
                        .unwrap_or_else(|_| format!("#{id}"))
                })
                .clone(),
            None => String::new(),
        };
        let subject = if who_for.is_empty() {
            String::new()
        } else {
            format!("{who_for} · ")
        };
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
