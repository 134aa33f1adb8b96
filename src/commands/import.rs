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

use anyhow::{Context as _, Result, anyhow, bail};

use super::progress::Progress;
use super::{Session, print};
use crate::cli::ImportArgs;
use crate::domain::Lang;
use crate::paths::{self, Found};
use crate::report::export::Document;
use crate::report::import::{self, Input, plan_document};
use crate::report::import_csv;
use crate::report::plan::{Plan, Problems, Summary};
use crate::store::{ImportError, Store};

/// How many changes a dry run lists before "and N more".
const LISTED: usize = 50;

pub fn run(ctx: &Session, args: &ImportArgs) -> Result<ExitCode> {
    let lang = ctx.lang;
    let file = args.file.as_path();
    let bytes = fs::read(file).with_context(|| {
        lang.pick(
            format!("kan inte läsa {}", file.display()),
            format!("cannot read {}", file.display()),
        )
    })?;
    let input = import::read(&bytes).map_err(|p| refused(lang, file, &p))?;
    let make_plan = |current: &Document| match &input {
        Input::Document(doc) => plan_document(doc, current, args.replace),
        Input::Spending(sheet) => import_csv::plan(sheet, current),
    };

    let db = ctx.database()?;
    let t = ctx.words;
    let exists = match paths::look(&db) {
        Ok(Found::File) => true,
        Ok(Found::Missing) => false,
        Ok(Found::Folder) => bail!(t.is_a_folder(&db)),
        Ok(Found::UnderAFile) => bail!(t.under_a_file(&db)),
        Err(e) => return Err(anyhow!(e).context(t.cannot_open(&db))),
    };
    if !exists {
        // Planned against nothing, before the file is made: a refused
        // import or a dry run leaves no empty database behind.
        let plan = make_plan(&Document::empty()).map_err(|p| refused(lang, file, &p))?;
        if args.dry_run {
            print(&dry_run(lang, &plan, file, &db))?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let mut store = if !exists {
        Store::open(&db).map_err(|e| ctx.store_error(&db, e))?
    } else if args.dry_run {
        Store::open_read_only(&db).map_err(|e| ctx.store_error(&db, e))?
    } else {
        ctx.open_existing(&db)?
    };

    let mut progress = Progress::new(lang.pick("Importerar", "Importing"));
    let label = file.display().to_string();
    let result = store.import(&label, args.dry_run, make_plan, &mut |done, total| {
        progress.update(done, total)
    });
    progress.finish();
    let plan = match result {
        Ok(plan) => plan,
        Err(ImportError::Invalid(p)) => return Err(refused(lang, file, &p)),
        Err(ImportError::Store(e)) => return Err(ctx.store_error(&db, e)),
    };
    let text = if args.dry_run {
        dry_run(lang, &plan, file, &db)
    } else if plan.is_empty() {
        lang.pick(
            format!(
                "Inget att importera: {} har redan det som står i {}.\n",
                db.display(),
                file.display()
            ),
            format!(
                "Nothing to import: {} already holds what {} says.\n",
                db.display(),
                file.display()
            ),
        )
    } else {
        lang.pick(
            format!(
                "Importerade {} till {}: {}.\n",
                file.display(),
                db.display(),
                summary(lang, &plan.summary())
            ),
            format!(
                "Imported {} into {}: {}.\n",
                file.display(),
                db.display(),
                summary(lang, &plan.summary())
            ),
        )
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn refused(lang: Lang, file: &Path, problems: &Problems) -> anyhow::Error {
    let list: String = problems
        .to_string()
        .lines()
        .map(|l| format!("\n  {l}"))
        .collect();
    anyhow!(lang.pick(
        format!(
            "{} kan inte importeras; inget har ändrats:{list}",
            file.display()
        ),
        format!(
            "{} cannot be imported; nothing was changed:{list}",
            file.display()
        ),
    ))
}

fn dry_run(lang: Lang, plan: &Plan, file: &Path, db: &Path) -> String {
    let mut out = lang.pick(
        format!(
            "Provkörning, inget har skrivits. Att importera {} till {} skulle ge: {}.\n",
            file.display(),
            db.display(),
            summary(lang, &plan.summary())
        ),
        format!(
            "Dry run, nothing was written. Importing {} into {} would make: {}.\n",
            file.display(),
            db.display(),
            summary(lang, &plan.summary())
        ),
    );
    for op in plan.ops.iter().take(LISTED) {
        out.push_str(&format!("  {}\n", plan.describe(op)));
    }
    if plan.ops.len() > LISTED {
        let more = plan.ops.len() - LISTED;
        out.push_str(&lang.pick(
            format!("  … och {more} ändringar till\n"),
            format!("  … and {more} more changes\n"),
        ));
    }
    out
}

/// The counts in words, only the kinds that occur: `recipients added:
/// 15, spending values changed: 30`. The number last reads right for one
/// and for many alike.
fn summary(lang: Lang, s: &Summary) -> String {
    let kinds = [
        (s.recipients_added, "nya mottagare", "recipients added"),
        (
            s.recipients_changed,
            "ändrade mottagaruppgifter",
            "recipient fields changed",
        ),
        (s.grants_added, "nya bidrag", "grants added"),
        (
            s.grants_changed,
            "ändrade bidragsuppgifter",
            "grant fields changed",
        ),
        (s.focus_areas, "fokusområden", "focus areas"),
        (s.receipts, "inbetalningar", "receipts"),
        (s.allocations, "tilldelningar", "allocations"),
        (s.spending, "belopp per fokusområde", "spending values"),
        (s.reports, "mottagarredovisningar", "recipient reports"),
        (s.unchanged, "redan som i filen", "already as in the file"),
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, sv, en)| format!("{}: {n}", lang.pick(*sv, *en)))
        .collect();
    if parts.is_empty() {
        lang.pick("inga ändringar", "no changes").to_string()
    } else {
        parts.join(", ")
    }
}
