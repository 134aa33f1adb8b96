//! `medel grants`: every open grant (or, with `--all`, every grant),
//! newest first, with its figures, next deadline and flags counted.

use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::status_text::{pad_left, pad_right};
use super::{Session, print};
use crate::cli::GrantsArgs;
use crate::domain::model::{GrantId, GrantState};
use crate::domain::money::Money;
use crate::domain::sanitize::printable;
use crate::i18n::grant_list::{headers, none_open, state};
use crate::store::{GrantSummary, Which};

pub fn run(ctx: &Session, args: &GrantsArgs) -> Result<ExitCode> {
    let path = ctx.database()?;
    let store = ctx.open_existing(&path)?;
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let err = |e| ctx.store_error(&path, e);
    let which = if args.all { Which::All } else { Which::Open };
    let lines = store.grant_summaries(which, today).map_err(err)?;
    let text = if args.json {
        json(&lines)?
    } else {
        table(&lines, ctx)
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct JsonLine<'a> {
    id: GrantId,
    title: &'a str,
    year: i32,
    state: GrantState,
    received: Money,
    allocated: Money,
    used: Money,
    to_return: Money,
    repaid: Money,
    outstanding: Money,
    next_deadline: Option<NaiveDate>,
    warnings: usize,
    errors: usize,
    giver_reference: &'a str,
    own_reference: &'a str,
}

fn json(summaries: &[GrantSummary]) -> Result<String> {
    let rows: Vec<JsonLine<'_>> = summaries
        .iter()
        .map(
            |GrantSummary {
                 line: l,
                 references,
             }| JsonLine {
                id: l.grant.id,
                title: &l.grant.title,
                year: l.grant.year,
                state: l.grant.state,
                received: l.status.received,
                allocated: l.status.allocated,
                used: l.status.used,
                to_return: l.status.to_return,
                repaid: l.status.repaid,
                outstanding: l.status.outstanding,
                next_deadline: l.next_deadline,
                warnings: l.warnings,
                errors: l.errors,
                giver_reference: &references.giver_reference,
                own_reference: &references.own_reference,
            },
        )
        .collect();
    let mut text = serde_json::to_string_pretty(&rows)?;
    text.push('\n');
    Ok(text)
}

/// The title (1) and the state (3) read as text; the rest are figures
/// and dates, right-aligned.
fn left_aligned(column: usize) -> bool {
    matches!(column, 1 | 3)
}

fn table(summaries: &[GrantSummary], ctx: &Session) -> String {
    if summaries.is_empty() {
        return format!("{}\n", none_open(ctx.lang));
    }
    let lang = ctx.lang;
    let num = |m: Money| m.format(lang);
    let mut rows: Vec<Vec<String>> = vec![headers(lang).iter().map(|h| h.to_string()).collect()];
    for GrantSummary { line: l, .. } in summaries {
        let s = &l.status;
        rows.push(vec![
            l.grant.id.to_string(),
            printable(&l.grant.title),
            l.grant.year.to_string(),
            state(l.grant.state, lang).to_string(),
            num(s.received),
            num(s.allocated),
            num(s.used),
            num(s.to_return),
            num(s.repaid),
            num(s.outstanding),
            l.next_deadline
                .map_or_else(|| "–".into(), |d| d.to_string()),
            l.warnings.to_string(),
            l.errors.to_string(),
        ]);
    }
    let mut widths = vec![0usize; rows[0].len()];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(unicode_width::UnicodeWidthStr::width(cell.as_str()));
        }
    }
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, w))| {
                if left_aligned(i) {
                    pad_right(cell, *w)
                } else {
                    pad_left(cell, *w)
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}
