//! `medel template`: a fill-in workbook per recipient of a grant, for the
//! districts to report in and send back to `medel import`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow};

use super::{Session, print};
use crate::cli::TemplateArgs;
use crate::exchange::grant_templates;
use crate::files::write_output;
use crate::i18n::exchange::words;
use crate::i18n::os_errors;
use crate::i18n::workbook::template_words;

pub fn run(ctx: &Session, args: &TemplateArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let grant = super::grant_arg::resolve(ctx, &store, &path, args.grant.as_deref())?;
    // The point in the log first: a change saved while the data is read
    // counts as after the template.
    let (written, doc, ids) = store
        .written_point()
        .and_then(|written| Ok((written, store.dataset(Some(grant))?, store.known_ids()?)))
        .map_err(|e| ctx.store_error(&path, e))?;
    let w = words(ctx.lang);
    let words = template_words(ctx.lang);
    let (who, reply_by) = (&args.recipient, args.reply_by);
    let books = grant_templates(&doc, &ids, grant, who, words, reply_by, &written)
        .map_err(|r| anyhow!(w.templates_refused(&r)))?;
    let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).with_context(|| w.cannot_write_in(&dir))?;
    let mut written = Vec::with_capacity(books.len());
    for (name, bytes) in &books {
        let file = dir.join(name);
        write_output(&file, bytes).map_err(|e| anyhow!(os_errors::file(&e, ctx.lang)))?;
        written.push(file);
    }
    print(&w.wrote_templates(&dir, &written))?;
    Ok(ExitCode::SUCCESS)
}
