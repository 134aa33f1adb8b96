//! `medel template`: a fill-in workbook per recipient of a grant, for the
//! districts to report in and send back to `medel import`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow, bail};
use chrono::NaiveDate;

use super::{Session, print};
use crate::cli::TemplateArgs;
use crate::domain::Lang;
use crate::domain::model::GrantId;
use crate::exchange::{Document, TemplateFor, file_name, template_xlsx};
use crate::files::write_output;
use crate::i18n::exchange::words;
use crate::i18n::os_errors;
use crate::i18n::workbook::template_words;
use crate::store::Store;

pub fn run(ctx: &Session, args: &TemplateArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let grant = super::grant_arg::resolve(ctx, &store, &path, args.grant.as_deref())?;
    let doc = store
        .dataset(Some(grant))
        .map_err(|e| ctx.store_error(&path, e))?;
    let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    let written = write_documents(&doc, &args.recipient, &dir, ctx.lang, args.reply_by)?;
    print(&words(ctx.lang).wrote_templates(&dir, &written))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the templates of `grant` into `dir`, one per recipient taking
/// part in it, or only those named in `recipients`; returns the files
/// written. What the app calls to do the same as the command.
pub fn write_templates(
    store: &Store,
    grant: GrantId,
    recipients: &[String],
    dir: &Path,
    lang: Lang,
) -> Result<Vec<PathBuf>> {
    let doc = store.dataset(Some(grant))?;
    write_documents(&doc, recipients, dir, lang, None)
}

fn write_documents(
    doc: &Document,
    recipients: &[String],
    dir: &Path,
    lang: Lang,
    reply_by: Option<NaiveDate>,
) -> Result<Vec<PathBuf>> {
    let w = words(lang);
    let g = doc
        .grants
        .first()
        .ok_or_else(|| anyhow!(w.no_participants("")))?;
    let known: Vec<&str> = g.recipients.iter().map(|p| p.recipient.as_str()).collect();
    if let Some(missing) = recipients.iter().find(|r| !known.contains(&r.as_str())) {
        bail!(w.not_taking_part(missing, &g.title, &known));
    }
    if known.is_empty() {
        bail!(w.no_participants(&g.title));
    }
    std::fs::create_dir_all(dir).with_context(|| w.cannot_write_in(dir))?;
    let words = template_words(lang);
    let mut taken = HashSet::new();
    let mut written = Vec::new();
    for part in &g.recipients {
        if !recipients.is_empty() && !recipients.contains(&part.recipient) {
            continue;
        }
        let Some(recipient) = doc.recipients.iter().find(|r| r.name == part.recipient) else {
            continue;
        };
        let t = TemplateFor {
            grant: g,
            recipient,
            part: Some(part),
            reply_by: reply_by.unwrap_or(g.report_due),
        };
        let bytes = template_xlsx(&t, words)?;
        let file = dir.join(unique(file_name(&recipient.name), &mut taken));
        write_output(&file, &bytes).map_err(|e| anyhow!(os_errors::file(&e, lang)))?;
        written.push(file);
    }
    Ok(written)
}

/// Names differing only in case are one file on Windows and macOS.
fn unique(name: String, taken: &mut HashSet<String>) -> String {
    let stem = name.trim_end_matches(".xlsx").to_string();
    let mut candidate = name;
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{stem} ({n}).xlsx");
        n += 1;
    }
    candidate
}
