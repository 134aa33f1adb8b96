//! An old workbook must not silently undo newer data: of the values a
//! version 3 template's import would change, those medel's audit log
//! shows changed after the template was written. Pure: the store reads
//! the log (`LogSince`), the command decides what to do with the result.

use std::collections::HashMap;

use super::plan::{Op, Plan};
use super::problems::{Location, Problem, ProblemKind as P, Stale};
use super::xlsx_read::Filled;
use crate::domain::model::RecipientReport;

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
    let since = |c: &Change| log.after(&(grant, recipient, c.what.clone()), w.log_id);
    // Changed in medel since, but still in the file as the template wrote it.
    let untouched = |c: &Change| since(c).is_some_and(|(first, _)| c.file == first.old);
    // Whether a value stays as the file has it; a conflict is noted. An
    // untouched value can go back to medel's when `revertible`.
    let mut take = |c: Change, revertible: bool| {
        let Some((_, last)) = since(&c) else {
            return true;
        };
        if revertible && untouched(&c) {
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
                let what = |field: &str| format!("spending.{position}.{field}");
                settle(
                    &mut take,
                    what("amount"),
                    amount,
                    &old.amount,
                    &mut new.amount,
                );
                settle(&mut take, what("note"), note, &old.note, &mut new.note);
            }
            Op::SetReport { old, new, .. } => match (old.as_ref(), new.as_mut()) {
                (Some(o), Some(n)) => {
                    let (on, why, eval) = (&id.reported_on, &id.reason_unused, &id.evaluation);
                    let name = |field: &str| format!("report.{field}");
                    settle(
                        &mut take,
                        name("reported_on"),
                        on,
                        &o.reported_on,
                        &mut n.reported_on,
                    );
                    settle(
                        &mut take,
                        name("reason_unused"),
                        why,
                        &o.reason_unused,
                        &mut n.reason_unused,
                    );
                    settle(
                        &mut take,
                        name("evaluation"),
                        eval,
                        &o.evaluation,
                        &mut n.evaluation,
                    );
                }
                // A report one side lacks (medel's withdrawn since, say):
                // its fields are empty there. When the district touched
                // none, the file's report goes back out of the plan; else
                // every field medel changed since is a conflict, as one
                // field of a report cannot be taken without the others.
                _ => {
                    let fields = |r: &Option<RecipientReport>| match r {
                        Some(r) => [
                            r.reported_on.to_string(),
                            r.reason_unused.clone(),
                            r.evaluation.clone(),
                        ],
                        None => Default::default(),
                    };
                    let names = ["reported_on", "reason_unused", "evaluation"];
                    let cells = [&id.reported_on, &id.reason_unused, &id.evaluation];
                    let changes: Vec<Change> = names
                        .iter()
                        .zip(cells)
                        .zip(fields(old).into_iter().zip(fields(new)))
                        .filter(|(_, (held, file))| held != file)
                        .map(|((name, cell), (held, file))| Change {
                            what: format!("report.{name}"),
                            cell,
                            held,
                            file,
                        })
                        .collect();
                    if !changes.is_empty() && changes.iter().all(untouched) {
                        *new = old.clone();
                    } else {
                        for c in changes {
                            take(c, false);
                        }
                    }
                }
            },
            Op::SetContact { old, new, .. } => {
                if let Some(cell) = &id.contact {
                    settle(&mut take, "report.contact".into(), cell, old, new);
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

/// One field of the plan: when the file changes it but the district did
/// not touch it (`take` says no), medel's value goes back into the plan.
fn settle<T: Clone + PartialEq + ToString>(
    take: &mut impl FnMut(Change, bool) -> bool,
    what: String,
    cell: &str,
    old: &T,
    new: &mut T,
) {
    if old == new {
        return;
    }
    let change = Change {
        what,
        cell,
        held: old.to_string(),
        file: new.to_string(),
    };
    if !take(change, true) {
        *new = old.clone();
    }
}
