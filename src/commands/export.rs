//! `medel export`: the dataset (or one grant) as JSON, or as CSV in the
//! Swedish Excel style or the plain one.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Session;
use super::grant_arg::resolve_named;
use super::output::write_out;
use crate::cli::{CsvStyleArg, ExportArgs, ExportFormat};
use crate::exchange::{CsvStyle, spending_csv, summary_csv, to_json};
use crate::store::StoreError;

pub fn run(ctx: &Session, args: &ExportArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let grant = match args.grant.as_deref() {
        Some(asked) => Some(resolve_named(ctx, &store, &path, asked)?),
        None => None,
    };
    let doc = match store.dataset(grant) {
        Ok(doc) => doc,
        Err(StoreError::NotFound(_)) => bail!(ctx.words.no_grants(&path)),
        Err(e) => return Err(ctx.store_error(&path, e)),
    };
    let style = match args.csv_style {
        CsvStyleArg::ExcelSv => CsvStyle::ExcelSv,
        CsvStyleArg::Plain => CsvStyle::Plain,
    };
    let bytes = match args.format {
        ExportFormat::Json => to_json(&doc)?.into_bytes(),
        ExportFormat::Csv if args.summary => summary_csv(&doc, style)?,
        ExportFormat::Csv => spending_csv(&doc, style)?,
    };
    write_out(ctx, args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
