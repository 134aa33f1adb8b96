//! `medel report`: the report on a grant, in Markdown or plain text, in
//! the language chosen, to standard output or a file.

use std::process::ExitCode;

use anyhow::Result;

use super::output::write_out;
use super::{Session, load_status};
use crate::cli::{ReportArgs, ReportFormatArg};
use crate::report::{ReportFormat, render};

pub fn run(ctx: &Session, args: &ReportArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    // The same choice of grant, and the same messages, as `medel status`.
    let (grant, _) = load_status(ctx, &store, &path, args.grant.as_deref(), today)?;
    let data = store
        .report_data(grant.id, today)
        .map_err(|e| ctx.store_error(&path, e))?;
    let format = match args.format {
        ReportFormatArg::Md => ReportFormat::Markdown,
        ReportFormatArg::Txt => ReportFormat::Text,
    };
    let text = render(&data, crate::i18n::report::words(ctx.lang), format);
    write_out(ctx, args.output.as_deref(), text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
