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
    pub old: String,
    pub new: String,
}

/// The audit log after the oldest of the points asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogSince {
    /// Every change per grant id, recipient id and field (its audit name
    /// without an undo's or redo's mark), oldest first.
    pub changes: HashMap<(i64, i64, String), Vec<LoggedChange>>,
    /// The time of each row a template names as its point.
    pub points: HashMap<i64, String>,
}

impl LogSince {
    /// The first and the last change of a field after `point`.
    fn after(
        &self,
        key: &(i64, i64, String),
        point: i64,
    ) -> Option<(&LoggedChange, &LoggedChange)> {
        let changes = self.changes.get(key)?;
        let from = changes.iter().position(|c| c.id > point)?;
        Some((&changes[from], changes.last()?))
    }
}

/// One value a workbook's plan would change: its audit name, its cell,
/// medel's value and the file's.
struct Change<'a> {
    what: String,
    cell: &'a str,
    held: String,
    file: String,
}

/// The workbook's plan with what medel changed after the workbook was
/// written sorted out, and the values in conflict. A value changed in
/// medel since that the file still holds as the template wrote it (the
/// first change's old value) was not touched by the district: medel's
/// newer value stays and the plan leaves it. One the file changes too is
/// a conflict, returned at its cell. A template before version 3 cannot
/// tell and is planned as it is.
pub fn keep_newer(filled: &Filled, mut plan: Plan, log: &LogSince) -> (Plan, Vec<Problem>) {
    let id = &filled.identity;
    let (Some(w), Some((grant, recipient))) = (&id.written, id.ids) else {
        return (plan, Vec::new());
    };
    if w.log_id > 0 && log.points.get(&w.log_id) != Some(&w.log_at) {
        let kind = P::OtherHistory {
            written: w.on.clone(),
        };
        return (plan, vec![Problem::new(Location::File, kind)]);
    }
    let mut problems = Vec::new();
    // Whether a value stays as the file has it; a conflict is noted.
    let mut take = |c: Change| {
        let Some((first, last)) = log.after(&(grant, recipient, c.what.clone()), w.log_id) else {
            return true;
        };
        if c.file == first.old {
            return false;
        }
        let stale = Stale {
            what: c.what,
            held: c.held,
            file: c.file,
            set_to: last.new.clone(),
            who: last.who.clone(),
            at: last.at.clone(),
            written: w.on.clone(),
        };
        problems.push(Problem::cell(
            &id.sheet,
            c.cell,
            P::ChangedInMedel(Box::new(stale)),
        ));
        true
    };
    for op in &mut plan.ops {
        match op {
            Op::SetSpending {
                position, old, new, ..
            } => {
                let Some((_, amount, note)) = id.areas.iter().find(|a| a.0 == *position) else {
                    continue;
                };
                if old.amount != new.amount
                    && !take(Change {
                        what: format!("spending.{position}.amount"),
                        cell: amount,
                        held: old.amount.to_string(),
                        file: new.amount.to_string(),
                    })
                {
                    new.amount = old.amount;
                }
                if old.note != new.note
                    && !take(Change {
                        what: format!("spending.{position}.note"),
                        cell: note,
                        held: old.note.clone(),
                        file: new.note.clone(),
                    })
                {
                    new.note = old.note.clone();
                }
            }
            Op::SetReport { old, new, .. } => {
                let (Some(old), Some(new)) = (old.as_ref(), new.as_mut()) else {
                    // A report the file adds or medel lacks: compared whole.
                    continue;
                };
                let on = (old.reported_on.to_string(), new.reported_on.to_string());
                if on.0 != on.1
                    && !take(Change {
                        what: "report.reported_on".into(),
                        cell: &id.reported_on,
                        held: on.0,
                        file: on.1,
                    })
                {
                    new.reported_on = old.reported_on;
                }
                if old.reason_unused != new.reason_unused
                    && !take(Change {
                        what: "report.reason_unused".into(),
                        cell: &id.reason_unused,
                        held: old.reason_unused.clone(),
                        file: new.reason_unused.clone(),
                    })
                {
                    new.reason_unused = old.reason_unused.clone();
                }
                if old.evaluation != new.evaluation
                    && !take(Change {
                        what: "report.evaluation".into(),
                        cell: &id.evaluation,
                        held: old.evaluation.clone(),
                        file: new.evaluation.clone(),
                    })
                {
                    new.evaluation = old.evaluation.clone();
                }
            }
            Op::SetContact { old, new, .. } => {
                if let Some(cell) = &id.contact
                    && old != new
                    && !take(Change {
                        what: "report.contact".into(),
                        cell,
                        held: old.clone(),
                        file: new.clone(),
                    })
                {
                    *new = old.clone();
                }
            }
            _ => {}
        }
    }
    plan.ops.retain(|op| match op {
        Op::SetSpending { old, new, .. } => old != new,
        Op::SetReport { old, new, .. } => old != new,
        Op::SetContact { old, new, .. } => old != new,
        _ => true,
    });
    (plan, problems)
}
