//! `medel repay`: money paid back to the grant giver, recorded.

use std::process::ExitCode;

use anyhow::{Result, anyhow};

use super::grant_arg::resolve;
use super::{Session, print};
use crate::cli::{RepayArgs, RepaymentKindArg};
use crate::domain::money::Money;
use crate::domain::money_back::RepaymentKind;
use crate::i18n::money_back::repaid;
use crate::store::NewRepayment;

pub fn run(ctx: &Session, args: &RepayArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let mut store = ctx.open_existing(&path)?;
    let grant = resolve(ctx, &store, &path, args.grant.as_deref())?;
    let amount = amount(ctx, &args.amount)?;
    let repayment = NewRepayment {
        date: args.date,
        amount,
        kind: match args.kind {
            RepaymentKindArg::Repayment => RepaymentKind::Repayment,
            RepaymentKindArg::Clawback => RepaymentKind::Clawback,
        },
        reference: args.reference.clone(),
        note: args.note.clone(),
    };
    let err = |e| ctx.store_error(&path, e);
    store
        .add_repayment(grant, &repayment)
        .map_err(|e| ctx.change_error(&path, e))?;
    let (g, status) = store.grant_status(grant, args.date).map_err(err)?;
    print(&format!(
        "{}\n",
        repaid(amount, &g.title, status.outstanding, ctx.lang)
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// An amount as people type it, or why not in their language.
pub fn amount(ctx: &Session, text: &str) -> Result<Money> {
    Money::parse_for(text, ctx.lang)
        .map_err(|e| anyhow!(crate::i18n::money_errors::explain(&e, ctx.lang)))
}
