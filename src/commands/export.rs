//! `medel export`: the dataset (or one grant) as JSON, or as CSV in the
//! Swedish Excel style or the plain one.

use std::process::ExitCode;

use anyhow::{Result, bail};

use super::Session;
use super::output::write_out;
use crate::cli::{CsvStyleArg, ExportArgs, ExportFormat};
use crate::exchange::{CsvStyle, spending_csv, summary_csv, to_json};
use crate::store::StoreError;

pub fn run(ctx: &Session, args: &ExportArgs) -> Result<ExitCode> {
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
                (Some(id), false) => bail!(ctx.words.no_such_grant(id, &path, &known)),
                _ => bail!(ctx.words.no_grants(&path)),
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
        ExportFormat::Csv if args.summary => summary_csv(&doc, style)?,
        ExportFormat::Csv => spending_csv(&doc, style)?,
    };
    write_out(ctx, args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
