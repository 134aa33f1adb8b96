//! `medel export`: the dataset (or one grant) as JSON, or as CSV in the
//! Swedish Excel style or the plain one, or as a workbook.

use std::process::ExitCode;

use std::path::Path;

use anyhow::{Result, bail};

use super::Session;
use super::grant_arg::resolve_named;
use super::output::write_out;
use crate::cli::{CsvStyleArg, ExportArgs, ExportFormat};
use crate::domain::flags::grant_flags;
use crate::exchange::{
    CsvStyle, Document, FlagRow, export_xlsx, spending_csv_in, summary_csv_in, to_json,
};
use crate::i18n::exchange::words;
use crate::i18n::flags;
use crate::i18n::workbook::export_words;
use crate::store::{Store, StoreError};

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
        ExportFormat::Csv if args.summary => summary_csv_in(&doc, style, ctx.lang)?,
        ExportFormat::Csv => spending_csv_in(&doc, style, ctx.lang)?,
        ExportFormat::Xlsx => {
            if args.output.is_none() {
                bail!(words(ctx.lang).workbook_needs_a_file());
            }
            let flags = flag_rows(ctx, &store, &path, &doc)?;
            export_xlsx(&doc, &flags, &export_words(ctx.lang))?
        }
    };
    write_out(ctx, args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// The flags of each grant in the document as of today, worded.
fn flag_rows(ctx: &Session, store: &Store, path: &Path, doc: &Document) -> Result<Vec<FlagRow>> {
    let today = chrono::Local::now().date_naive();
    let grants = store.grants().map_err(|e| ctx.store_error(path, e))?;
    let mut rows = Vec::new();
    for g in &doc.grants {
        let Some(id) = grants
            .iter()
            .find(|k| k.title == g.title && k.year == g.year)
            .map(|k| k.id)
        else {
            continue;
        };
        let (grant, status) = store
            .grant_status(id, today)
            .map_err(|e| ctx.store_error(path, e))?;
        for flag in grant_flags(&grant, &status, today) {
            rows.push(FlagRow {
                grant: g.title.clone(),
                year: g.year,
                severity: flags::severity(flag.severity(), ctx.lang).to_string(),
                text: flags::message(&flag, ctx.lang),
            });
        }
    }
    Ok(rows)
}
