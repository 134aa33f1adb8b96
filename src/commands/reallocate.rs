//! `medel reallocate`: money moved between two recipients of a grant in
//! one step, on a decision. Refused (exit 2, nothing changed) beyond the
//! from-recipient's unused part.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::grant_arg::resolve;
use super::repay::amount;
use super::{Session, print};
use crate::cli::ReallocateArgs;
use crate::domain::model::Recipient;
use crate::i18n::money_back::moved;
use crate::store::{NewReallocation, Store};

pub fn run(ctx: &Session, args: &ReallocateArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let mut store = ctx.open_existing(&path)?;
    let grant = resolve(ctx, &store, &path, args.grant.as_deref())?;
    let named = |store: &Store, name: &str| -> Result<Recipient> {
        match store
            .recipient_by_name(name.trim())
            .map_err(|e| ctx.store_error(&path, e))?
        {
            Some(r) => Ok(r),
            None => bail!(ctx.words.no_such_recipient(name, None, &path)),
        }
    };
    let (from, to) = (named(&store, &args.from)?, named(&store, &args.to)?);
    let m = NewReallocation {
        date: args
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        from: from.id,
        to: to.id,
        amount: amount(ctx, &args.amount)?,
        decision: args.decision.clone(),
        note: args.note.clone(),
    };
    store
        .reallocate(grant, &m)
        .map_err(|e| ctx.change_error(&path, e))?;
    print(&format!(
        "{}\n",
        moved(m.amount, &from.name, &to.name, ctx.lang)
    ))?;
    Ok(ExitCode::SUCCESS)
}
