//! `medel export`: the dataset (or one grant) as JSON, or as CSV in the
//! Swedish Excel style or the plain one.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Context;
use super::output::write_out;
use crate::cli::{CsvStyleArg, ExportArgs, ExportFormat};
use crate::exchange::{CsvStyle, spending_csv_in, summary_csv_in, to_json};
use crate::store::StoreError;

pub fn run(ctx: &Context, args: &ExportArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let doc = match store.dataset(args.grant) {
        Ok(doc) => doc,
        Err(StoreError::NotFound(_)) => {
            let known: Vec<String> = store
                .grants()
                .map_err(|e| ctx.store_error(&path, e))?
                .iter()
                .map(|g| format!("{} {} ({})", g.id, g.title, g.year))
                .collect();
            match (args.grant, known.is_empty()) {
                (Some(id), false) => bail!(ctx.texts.no_such_grant(id, &path, &known)),
                _ => bail!(ctx.texts.no_grants(&path)),
            }
        }
        Err(e) => return Err(ctx.store_error(&path, e)),
    };
    let style = match args.csv_style {
        CsvStyleArg::ExcelSv => CsvStyle::ExcelSv,
        CsvStyleArg::Plain => CsvStyle::Plain,
    };
    let bytes = match args.format {
        ExportFormat::Json => to_json(&doc)?.into_bytes(),
        ExportFormat::Csv if args.summary => summary_csv_in(&doc, style, ctx.lang)?,
        ExportFormat::Csv => spending_csv_in(&doc, style, ctx.lang)?,
    };
    write_out(ctx, args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
