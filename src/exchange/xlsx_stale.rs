//! An old workbook must not silently undo newer data: of the values a
//! version 3 template's import would change, those medel's audit log
//! shows changed after the template was written. Pure: the store reads
//! the log (`LogSince`), the command decides what to do with the result.

use std::collections::HashMap;

use super::plan::{Op, Plan};
use super::problems::{Location, Problem, ProblemKind as P, Stale};
use super::xlsx_read::Filled;

/// One row of the audit log, as the check needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedChange {
    pub id: i64,
    pub who: String,
    pub at: String,
    pub new: String,
}

/// The audit log after the oldest of the points asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogSince {
    /// The newest change per grant id, recipient id and field (its audit
    /// name without an undo's or redo's mark).
    pub newest: HashMap<(i64, i64, String), LoggedChange>,
    /// The time of each row a template names as its point.
    pub points: HashMap<i64, String>,
}

/// The values of the workbook's plan that medel changed after the
/// workbook was written, each at its cell; empty for a template before
/// version 3, which cannot tell.
pub fn stale_values(filled: &Filled, plan: &Plan, log: &LogSince) -> Vec<Problem> {
    let id = &filled.identity;
    let (Some(w), Some((grant, recipient))) = (&id.written, id.ids) else {
        return Vec::new();
    };
    if w.log_id > 0 && log.points.get(&w.log_id) != Some(&w.log_at) {
        let kind = P::OtherHistory {
            written: w.on.clone(),
        };
        return vec![Problem::new(Location::File, kind)];
    }
    // (audit name, cell, medel's value, the file's), for each value changed.
    let mut changed: Vec<(String, &str, String, String)> = Vec::new();
    for op in &plan.ops {
        match op {
            Op::SetSpending {
                position, old, new, ..
            } => {
                let Some((_, amount, note)) = id.areas.iter().find(|a| a.0 == *position) else {
                    continue;
                };
                if old.amount != new.amount {
                    let what = format!("spending.{position}.amount");
                    let values = (old.amount.to_string(), new.amount.to_string());
                    changed.push((what, amount, values.0, values.1));
                }
                if old.note != new.note {
                    let what = format!("spending.{position}.note");
                    changed.push((what, note, old.note.clone(), new.note.clone()));
                }
            }
            Op::SetReport { old, new, .. } => {
                let fields = |r: &Option<crate::domain::model::RecipientReport>| match r {
                    Some(r) => [
                        r.reported_on.to_string(),
                        r.reason_unused.clone(),
                        r.evaluation.clone(),
                    ],
                    None => Default::default(),
                };
                let names = ["reported_on", "reason_unused", "evaluation"];
                let cells = [&id.reported_on, &id.reason_unused, &id.evaluation];
                let both = fields(old).into_iter().zip(fields(new));
                for ((name, cell), (old, new)) in names.iter().zip(cells).zip(both) {
                    if old != new {
                        changed.push((format!("report.{name}"), cell, old, new));
                    }
                }
            }
            Op::SetContact { old, new, .. } => {
                if let Some(cell) = &id.contact {
                    changed.push(("report.contact".into(), cell, old.clone(), new.clone()));
                }
            }
            _ => {}
        }
    }
    changed
        .into_iter()
        .filter_map(|(what, cell, held, file)| {
            let last = log.newest.get(&(grant, recipient, what.clone()))?;
            (last.id > w.log_id).then(|| {
                let stale = Stale {
                    what,
                    held,
                    file,
                    set_to: last.new.clone(),
                    who: last.who.clone(),
                    at: last.at.clone(),
                    written: w.on.clone(),
                };
                Problem::cell(&id.sheet, cell, P::ChangedInMedel(Box::new(stale)))
            })
        })
        .collect()
}

/// Whether a problem is one `--replace` can overrule.
pub fn is_stale(kind: &P) -> bool {
    matches!(kind, P::ChangedInMedel(_) | P::OtherHistory { .. })
}
