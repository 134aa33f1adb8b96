//! `medel import`: a JSON export or a spending CSV into the database.
//!
//! The whole file is read and checked first; then the changes are planned
//! against the database and applied in one transaction. Any problem, and
//! nothing is written: the message names the line, the column and what is
//! wrong. A database that does not exist yet is only created once the
//! file is known to be good.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use super::progress::Progress;
use super::{Session, print};
use crate::cli::ImportArgs;
use crate::exchange::{self, Document, Input, Plan, Problems, plan_csv, plan_document};
use crate::i18n::exchange::{ExchangeWords, change, words};
use crate::i18n::os_errors::dangling_link;
use crate::paths::{self, Found};
use crate::store::{ImportError, Store};

/// How many changes a dry run lists before "and N more".
const LISTED: usize = 50;

pub fn run(ctx: &Session, args: &ImportArgs) -> Result<ExitCode> {
    let w = words(ctx.lang);
    let file = args.file.as_path();
    let bytes = fs::read(file).map_err(|e| ctx.os_error(file, e))?;
    let input = exchange::read(&bytes).map_err(|p| refused(w, file, &p))?;
    let make_plan = |current: &Document| match &input {
        Input::Document(doc) => plan_document(doc, current, args.replace),
        Input::Spending(sheet) => plan_csv(sheet, current),
    };

    let db = ctx.database()?;
    let t = ctx.words;
    let exists = match paths::look(&db) {
        Ok(Found::File) => true,
        // An empty file is planned against nothing, like a missing one.
        Ok(Found::Missing | Found::Empty) => false,
        Ok(Found::DanglingLink) => bail!(dangling_link(&db, ctx.lang)),
        Ok(Found::Folder) => bail!(t.is_a_folder(&db)),
        Ok(Found::UnderAFile) => bail!(t.under_a_file(&db)),
        Err(e) => return Err(ctx.os_error(&db, e)),
    };
    if !exists {
        // Planned against nothing, before the file is made: a refused
        // import or a dry run leaves no empty database behind.
        let plan = make_plan(&Document::empty()).map_err(|p| refused(w, file, &p))?;
        if args.dry_run {
            print(&dry_run(w, &plan, file, &db))?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let mut store = if !exists {
        ctx.open_for_writing(&db)?
    } else if args.dry_run {
        Store::open_read_only(&db).map_err(|e| ctx.store_error(&db, e))?
    } else {
        ctx.open_existing(&db)?
    };

    let mut progress = Progress::new(w.importing);
    let label = file.display().to_string();
    let result = store.import(&label, args.dry_run, make_plan, &mut |done, total| {
        progress.update(done, total)
    });
    progress.finish();
    let plan = match result {
        Ok(plan) => plan,
        Err(ImportError::Invalid(p)) => return Err(refused(w, file, &p)),
        Err(ImportError::Store(e)) => return Err(ctx.store_error(&db, e)),
    };
    let text = if args.dry_run {
        dry_run(w, &plan, file, &db)
    } else if plan.is_empty() {
        w.nothing_to_import(file, &db)
    } else {
        w.imported(file, &db, &plan.summary())
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn refused(w: &ExchangeWords, file: &Path, problems: &Problems) -> anyhow::Error {
    let list: String = problems
        .to_string()
        .lines()
        .map(|l| format!("\n  {l}"))
        .collect();
    anyhow!(w.refused(file, &list))
}

fn dry_run(w: &ExchangeWords, plan: &Plan, file: &Path, db: &Path) -> String {
    let mut out = w.dry_run(file, db, &plan.summary());
    for op in plan.ops.iter().take(LISTED) {
        out.push_str(&format!("  {}\n", change(plan, op, w.lang)));
    }
    if plan.ops.len() > LISTED {
        out.push_str(&w.more_changes(plan.ops.len() - LISTED));
    }
    out
}
