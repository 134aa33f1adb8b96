//! `medel import`: JSON exports, spending CSVs and filled templates into
//! the database, several at once, all of them or none.
//!
//! The whole file is read and checked first; then the changes are planned
//! against the database and applied in one transaction. Any problem, and
//! nothing is written: the message names the line, the column and what is
//! wrong. A database that does not exist yet is only created once the
//! file is known to be good.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use super::progress::Progress;
use super::{Session, print};
use crate::cli::ImportArgs;
use crate::exchange::{
    CsvEncoding, Document, Incoming, Input, KnownIds, Location, LogSince, Plan, Problem,
    ProblemKind, Problems, file_name, is_workbook, keep_newer, merge_plans, plan_csv,
    plan_document, plan_workbook, read_any,
};
use crate::i18n::exchange::{ExchangeWords, change, words};
use crate::i18n::import_notes::describe_notes;
use crate::i18n::import_problems::{describe, place};
use crate::i18n::os_errors::dangling_link;
use crate::i18n::stale;
use crate::paths::{self, Found};
use crate::store::{ImportError, Store};

/// How many changes a dry run lists before "and N more".
const LISTED: usize = 50;

pub fn run(ctx: &Session, args: &ImportArgs) -> Result<ExitCode> {
    let w = words(ctx.lang);
    let inputs = read_all(ctx, w, &args.files)?;
    // One file reads as it always has; several, or a workbook, name the
    // file in front of each problem.
    let batch = inputs.len() > 1
        || inputs
            .iter()
            .any(|(_, i)| matches!(i, Incoming::Workbook(_)));
    let total = args.files.len();
    let shown = if total == 1 {
        args.files[0].clone()
    } else {
        PathBuf::from(w.files(total))
    };
    let file = shown.as_path();
    let named = w.import_label(&args.files, &misnamed(&inputs));
    let named = named.as_str();
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    // The points in the audit log the version 3 workbooks were written at.
    let points: Vec<i64> = inputs
        .iter()
        .filter_map(|(_, i)| match i {
            Incoming::Workbook(f) => f.identity.written.as_ref().map(|w| w.log_id),
            Incoming::Data(_) => None,
        })
        .collect();
    let make_plan = |current: &Document, ids: &KnownIds, log: &LogSince| {
        plan_all(&inputs, current, ids, log, (args.replace, batch), today)
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
        let nothing = (Document::empty(), KnownIds::default());
        let plan = make_plan(&nothing.0, &nothing.1, &LogSince::default())
            .map_err(|p| refused(w, file, total, &p))?;
        if args.dry_run {
            print(&dry_run(w, &plan, named, &db))?;
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
    let label: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    let label = label.join(", ");
    let result = store.import_since(&label, args.dry_run, &points, make_plan, &mut |d, t| {
        progress.update(d, t)
    });
    progress.finish();
    let plan = match result {
        Ok(plan) => plan,
        Err(ImportError::Invalid(p)) => return Err(refused(w, file, total, &p)),
        Err(ImportError::Store(e)) => return Err(ctx.store_error(&db, e)),
    };
    let replaced: Vec<String> = plan
        .replaced
        .iter()
        .filter_map(|p| replaced_line(p, ctx.lang, !args.dry_run))
        .collect();
    let mut text = if args.dry_run {
        dry_run(w, &plan, named, &db)
    } else if plan.is_empty() {
        w.nothing_to_import(named, total > 1, &db)
    } else {
        w.imported(named, &db, &plan.summary())
    };
    if !replaced.is_empty() {
        text.push_str(&stale::replaced_note(&replaced, ctx.lang, args.dry_run));
    }
    text.push_str(&describe_notes(&plan.notes, ctx.lang));
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Every file read and checked on its own; all their problems at once.
fn read_all(
    ctx: &Session,
    w: &ExchangeWords,
    files: &[PathBuf],
) -> Result<Vec<(String, Incoming)>> {
    let batch = files.len() > 1;
    let mut inputs = Vec::with_capacity(files.len());
    let mut problems = Problems::default();
    for file in files {
        let bytes = fs::read(file).map_err(|e| ctx.os_error(file, e))?;
        let name = file.display().to_string();
        match read_any(&bytes) {
            Ok(input) => {
                if let Incoming::Data(Input::Spending(sheet)) = &input
                    && sheet.encoding == CsvEncoding::Windows1252
                {
                    eprintln!("{}", w.read_as_windows_1252(file));
                }
                inputs.push((name, input))
            }
            Err(p) if !batch && !is_workbook(&bytes) => return Err(refused(w, file, 1, &p)),
            Err(p) => p
                .list
                .into_iter()
                .for_each(|p| problems.push(p.in_file(&name))),
        }
    }
    if !problems.is_empty() {
        let shown = match files {
            [one] => one.clone(),
            _ => PathBuf::from(w.files(files.len())),
        };
        return Err(refused(w, &shown, files.len(), &problems));
    }
    Ok(inputs)
}

/// Each file planned against the same database, then made one plan. A
/// workbook's values changed in medel since it was written refuse it,
/// unless `replace`: then the plan lists them as replaced.
fn plan_all(
    inputs: &[(String, Incoming)],
    current: &Document,
    ids: &KnownIds,
    log: &LogSince,
    (replace, batch): (bool, bool),
    today: NaiveDate,
) -> Result<Plan, Problems> {
    let mut plans = Vec::with_capacity(inputs.len());
    let mut problems = Problems::default();
    for (name, input) in inputs {
        let plan = match input {
            Incoming::Data(Input::Document(doc)) => plan_document(doc, current, replace),
            Incoming::Data(Input::Spending(sheet)) => plan_csv(sheet, current),
            Incoming::Workbook(filled) => {
                plan_workbook(filled, current, ids, today).and_then(|plan| {
                    let (mut plan, stale) = keep_newer(filled, plan, log);
                    if replace {
                        plan.replaced = stale;
                        return Ok(plan);
                    }
                    let mut problems = Problems::default();
                    stale.into_iter().for_each(|p| problems.push(p));
                    problems.or_ok(plan)
                })
            }
        };
        match plan {
            Ok(plan) => plans.push((name.clone(), plan)),
            Err(p) if !batch => return Err(p),
            Err(p) => p
                .list
                .into_iter()
                .for_each(|p| problems.push(p.in_file(name))),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    merge_plans(plans)
}

/// `total` files were given; when only some have problems, the message
/// says that none was imported because of those.
fn refused(w: &ExchangeWords, file: &Path, total: usize, problems: &Problems) -> anyhow::Error {
    let mut list: String = describe(problems, w.lang)
        .lines()
        .map(|l| format!("\n  {l}"))
        .collect();
    // The hint is for values changed since; a workbook from another
    // history says what to do in its own line.
    if problems
        .list
        .iter()
        .any(|p| matches!(p.kind, ProblemKind::ChangedInMedel(_)))
    {
        list.push_str(&format!("\n{}", stale::refused_hint(w.lang)));
    }
    let bad: HashSet<&str> = problems
        .list
        .iter()
        .filter_map(|p| match &p.at {
            Location::InFile { file, .. } => Some(file.as_str()),
            _ => None,
        })
        .collect();
    if total > 1 && !bad.is_empty() && bad.len() < total && problems.more == 0 {
        return anyhow!(w.refused_some(total, bad.len(), &list));
    }
    anyhow!(w.refused(file, &list))
}

/// A value `--replace` took although medel changed it since, with its
/// place; `None` for other problems.
fn replaced_line(p: &Problem, lang: crate::domain::Lang, done: bool) -> Option<String> {
    let line = match &p.kind {
        ProblemKind::ChangedInMedel(s) => stale::changed_in_medel(s, lang, done),
        ProblemKind::OtherHistory { written } => stale::other_history(written, lang),
        _ => return None,
    };
    Some(format!("{}: {line}", place(&p.at, lang)))
}

/// The workbooks whose file name is not their recipient's, with it.
fn misnamed(inputs: &[(String, Incoming)]) -> Vec<(String, String)> {
    inputs
        .iter()
        .filter_map(|(name, input)| match input {
            Incoming::Workbook(filled) => {
                let recipient = &filled.identity.recipient;
                let base = Path::new(name).file_name()?.to_string_lossy().to_string();
                (base != file_name(recipient)).then(|| (name.clone(), recipient.clone()))
            }
            Incoming::Data(_) => None,
        })
        .collect()
}

fn dry_run(w: &ExchangeWords, plan: &Plan, file: &str, db: &Path) -> String {
    let mut out = w.dry_run(file, db, &plan.summary());
    for op in plan.ops.iter().take(LISTED) {
        out.push_str(&format!("  {}\n", change(plan, op, w.lang)));
    }
    if plan.ops.len() > LISTED {
        out.push_str(&w.more_changes(plan.ops.len() - LISTED));
    }
    out
}
