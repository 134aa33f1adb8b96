//! `medel report`: the report on a grant, in Markdown, plain text or Word,
//! in the language chosen, to standard output or a file.

use std::process::ExitCode;

use std::io::IsTerminal;

use anyhow::{Result, bail};

use super::output::write_out;
use super::{Session, load_status};
use crate::cli::{ReportArgs, ReportFormatArg};
use crate::report::{ReportFormat, render, render_docx};

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
    let words = crate::i18n::report::words(ctx.lang);
    let bytes = match args.format {
        ReportFormatArg::Md => render(&data, words, ReportFormat::Markdown).into_bytes(),
        ReportFormatArg::Txt => render(&data, words, ReportFormat::Text).into_bytes(),
        ReportFormatArg::Docx => {
            // A zip file on a terminal is noise; a pipe may take it.
            if args.output.is_none() && std::io::stdout().is_terminal() {
                bail!(ctx.words.docx_needs_file());
            }
            render_docx(&data, words)?
        }
    };
    write_out(ctx, args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
