//! `x` and `X` in the main view: the grant's templates, or the selected
//! recipient's, written to a folder named after the grant in the folder
//! medel started in. Files already there are written over only after a
//! yes.

use std::path::{Path, PathBuf};

use crate::exchange::{folder_name, grant_templates};
use crate::files::write_output;
use crate::i18n::exchange::words;
use crate::i18n::os_errors;
use crate::i18n::workbook::template_words;
use crate::tui::action::Action;
use crate::tui::screen::{Ctx, Effect, Question};

/// Writes the templates of the grant on screen (of `only` when given),
/// asking first when any file is there already, unless `overwrite`.
pub fn write(ctx: &Ctx, only: Option<String>, overwrite: bool) -> Effect {
    let Some(data) = ctx.grant.as_ref() else {
        return Effect::None;
    };
    let w = words(ctx.lang);
    let grant = &data.grant;
    let store = &ctx.store;
    // The point in the log first: a change saved while the data is read
    // counts as after the template.
    let read = store
        .written_point()
        .and_then(|at| Ok((at, store.dataset(Some(grant.id))?, store.known_ids()?)));
    let (written, doc, ids) = match read {
        Ok(read) => read,
        Err(e) => return Effect::Error(e.to_string()),
    };
    let recipients: Vec<String> = only.iter().cloned().collect();
    let books = match grant_templates(
        &doc,
        &ids,
        grant.id,
        &recipients,
        template_words(ctx.lang),
        None,
        &written,
    ) {
        Ok(books) => books,
        Err(r) => return Effect::Error(w.templates_refused(&r)),
    };
    let dir = shown(&ctx.report_dir.join(folder_name(&grant.title)));
    let there = books
        .iter()
        .filter(|(name, _)| dir.join(name).symlink_metadata().is_ok())
        .count();
    if there > 0 && !overwrite {
        let text = w.templates_there(there, books.len(), &dir);
        let yes = Effect::Send(Action::WriteTemplates(only));
        return Effect::ask(Question::new(text, yes));
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return Effect::Error(os_errors::io(&dir, &e, ctx.lang));
    }
    for (name, bytes) in &books {
        if let Err(e) = write_output(&dir.join(name), bytes) {
            return Effect::Error(os_errors::file(&e, ctx.lang));
        }
    }
    Effect::Info(w.wrote_templates_in(books.len(), &dir))
}

/// The folder as the message shows it: whole, so the user can find it.
fn shown(dir: &Path) -> PathBuf {
    std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf())
}
