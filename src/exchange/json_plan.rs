//! Planning a JSON import: the file compared with what the database holds.
//!
//! The rule for what exists in both: recipients are matched by exact
//! name, grants by title and year. What is only in the file is added.
//! What is in both and the same is left alone, so importing the same file
//! twice changes nothing. What is in both and differs is a conflict: the
//! import is refused and the differences are listed, unless `replace` is
//! set; then the file's values win, for a grant all of it (fields, focus
//! areas, receipts, allocations, spending, reports), and every change is
//! audited. What is only in the database is never touched, except the
//! parts of a replaced grant.

use std::collections::{BTreeSet, HashMap};

use super::document::{Document, GrantDoc, ParticipantDoc, ReceiptDoc};
use super::plan::Record;
use super::plan::{Cell, Field, GrantFields, GrantKey, Op, Plan};
use super::problems::{Location, Problem, ProblemKind, Problems};
use crate::domain::model::GrantState;

/// How many differences a conflict message lists before "and N more".
const SHOWN: usize = 3;

/// The changes that make the database hold what `file` says. `file` is
/// a validated document (`read_json`); `current` is the database's.
pub fn plan_document(file: &Document, current: &Document, replace: bool) -> Result<Plan, Problems> {
    let mut plan = Plan::default();
    let mut conflicts = Problems::default();

    let existing: HashMap<&str, _> = current
        .recipients
        .iter()
        .map(|r| (r.name.as_str(), r))
        .collect();
    for (i, r) in file.recipients.iter().enumerate() {
        let Some(c) = existing.get(r.name.as_str()) else {
            plan.ops.push(Op::AddRecipient {
                name: r.name.clone(),
                formal_name: r.formal_name.clone(),
                kind: r.kind,
                retired: r.retired,
            });
            continue;
        };
        let mut ops = Vec::new();
        let mut set = |field, old: String, new: String| {
            if old != new {
                ops.push(Op::SetRecipient {
                    name: r.name.clone(),
                    field,
                    old,
                    new,
                });
            }
        };
        set(
            Field::FormalName,
            c.formal_name.clone(),
            r.formal_name.clone(),
        );
        set(Field::Kind, c.kind.code().into(), r.kind.code().into());
        set(Field::Retired, c.retired.to_string(), r.retired.to_string());
        settle(
            &mut plan,
            ops,
            replace,
            &mut conflicts,
            format!("recipients[{i}] ('{}')", r.name),
        );
    }

    let grants: HashMap<(&str, i32), &GrantDoc> = current
        .grants
        .iter()
        .map(|g| ((g.title.as_str(), g.year), g))
        .collect();
    for (gi, g) in file.grants.iter().enumerate() {
        let index = plan.grants.len();
        plan.grants.push(GrantKey {
            title: g.title.clone(),
            year: g.year,
        });
        match grants.get(&(g.title.as_str(), g.year)) {
            None => add_grant(index, g, &mut plan.ops),
            Some(c) => {
                let ops = diff_grant(index, g, c);
                // A reported grant is closed in every command, import too.
                if c.state == GrantState::Reported && !ops.is_empty() {
                    conflicts.push(Problem::new(
                        Location::Path(format!("grants[{gi}] ('{}' {})", g.title, g.year)),
                        ProblemKind::ClosedInDatabase,
                    ));
                    continue;
                }
                settle(
                    &mut plan,
                    ops,
                    replace,
                    &mut conflicts,
                    format!("grants[{gi}] ('{}' {})", g.title, g.year),
                );
            }
        }
    }
    conflicts.or_ok(plan)
}

/// Takes the changes to something that exists, or records the conflict.
fn settle(plan: &mut Plan, ops: Vec<Op>, replace: bool, conflicts: &mut Problems, path: String) {
    if ops.is_empty() {
        plan.unchanged += 1;
    } else if replace {
        plan.ops.extend(ops);
    } else {
        let differences = Plan {
            grants: plan.grants.clone(),
            ops: ops.iter().take(SHOWN).cloned().collect(),
            ..Plan::default()
        };
        let more = ops.len().saturating_sub(SHOWN);
        conflicts.push(Problem::new(
            Location::Path(path),
            ProblemKind::Differs { differences, more },
        ));
    }
}

fn add_grant(grant: usize, g: &GrantDoc, ops: &mut Vec<Op>) {
    ops.push(Op::AddGrant {
        grant,
        fields: GrantFields {
            giver: g.giver.clone(),
            use_from: g.use_from,
            use_until: g.use_until,
            report_due: g.report_due,
            state: g.state,
        },
    });
    for f in &g.focus_areas {
        ops.push(Op::SetFocusArea {
            grant,
            position: f.position,
            old: None,
            new: (f.name_sv.clone(), f.name_en.clone()),
        });
    }
    for r in &g.receipts {
        ops.push(Op::AddReceipt {
            grant,
            receipt: r.clone(),
        });
    }
    for (field, value) in references(g) {
        if !value.is_empty() {
            ops.push(Op::SetGrant {
                grant,
                field,
                old: String::new(),
                new: value,
            });
        }
    }
    let none = empty_participant();
    for p in &g.recipients {
        diff_participant(grant, &p.recipient, &none, p, ops);
    }
    diff_records(grant, &records(g), &[], ops);
}

fn references(g: &GrantDoc) -> [(Field, String); 2] {
    [
        (Field::GiverReference, g.giver_reference.clone()),
        (Field::OwnReference, g.own_reference.clone()),
    ]
}

/// A grant's repayments and reallocations as one list of records.
fn records(g: &GrantDoc) -> Vec<Record> {
    let paid = g.repayments.iter().cloned().map(Record::Repayment);
    let moved = g.reallocations.iter().cloned().map(Record::Reallocation);
    paid.chain(moved).collect()
}

/// Records have no key, as receipts: those in both stay, the database's
/// others go, the file's others come. After the recipients, so that a
/// reallocation's recipients exist.
fn diff_records(grant: usize, new: &[Record], cur: &[Record], ops: &mut Vec<Op>) {
    let mut left: Vec<Option<&Record>> = new.iter().map(Some).collect();
    for c in cur {
        match left.iter_mut().find(|r| *r == &Some(c)) {
            Some(slot) => *slot = None,
            None => ops.push(Op::RemoveRecord {
                grant,
                record: c.clone(),
            }),
        }
    }
    for r in left.into_iter().flatten() {
        ops.push(Op::AddRecord {
            grant,
            record: r.clone(),
        });
    }
}

fn empty_participant() -> ParticipantDoc {
    ParticipantDoc::default()
}

/// The changes from `cur` (the database) to `new` (the file), in an
/// order the store can apply: fields, focus areas added or renamed,
/// receipts, each recipient's part, and last the focus areas removed.
fn diff_grant(grant: usize, new: &GrantDoc, cur: &GrantDoc) -> Vec<Op> {
    let mut ops = Vec::new();
    let fields = [
        (Field::Giver, cur.giver.clone(), new.giver.clone()),
        (
            Field::UseFrom,
            cur.use_from.to_string(),
            new.use_from.to_string(),
        ),
        (
            Field::UseUntil,
            cur.use_until.to_string(),
            new.use_until.to_string(),
        ),
        (
            Field::ReportDue,
            cur.report_due.to_string(),
            new.report_due.to_string(),
        ),
        (
            Field::State,
            cur.state.code().into(),
            new.state.code().into(),
        ),
    ];
    let refs = references(cur).into_iter().zip(references(new));
    let refs = refs.map(|((field, old), (_, new))| (field, old, new));
    for (field, old, new) in fields.into_iter().chain(refs) {
        if old != new {
            ops.push(Op::SetGrant {
                grant,
                field,
                old,
                new,
            });
        }
    }
    for f in &new.focus_areas {
        let names = (f.name_sv.clone(), f.name_en.clone());
        let old = cur
            .focus_areas
            .iter()
            .find(|c| c.position == f.position)
            .map(|c| (c.name_sv.clone(), c.name_en.clone()));
        if old.as_ref() != Some(&names) {
            ops.push(Op::SetFocusArea {
                grant,
                position: f.position,
                old,
                new: names,
            });
        }
    }
    diff_receipts(grant, &new.receipts, &cur.receipts, &mut ops);

    let none = empty_participant();
    let (was, will) = (by_name(&cur.recipients), by_name(&new.recipients));
    // The file's order, then the database's recipients the file lacks
    // (a replaced grant loses their part).
    let gone = cur
        .recipients
        .iter()
        .filter(|p| !will.contains_key(p.recipient.as_str()));
    for p in new.recipients.iter().chain(gone) {
        let name = p.recipient.as_str();
        let old = was.get(name).copied().unwrap_or(&none);
        let to = will.get(name).copied().unwrap_or(&none);
        diff_participant(grant, name, old, to, &mut ops);
    }
    diff_records(grant, &records(new), &records(cur), &mut ops);

    for c in &cur.focus_areas {
        if !new.focus_areas.iter().any(|f| f.position == c.position) {
            ops.push(Op::RemoveFocusArea {
                grant,
                position: c.position,
                old: (c.name_sv.clone(), c.name_en.clone()),
            });
        }
    }
    ops
}

fn by_name(list: &[ParticipantDoc]) -> HashMap<&str, &ParticipantDoc> {
    list.iter().map(|p| (p.recipient.as_str(), p)).collect()
}

/// Receipts have no key: those in both lists (same date, amount, kind
/// and note) stay, the database's others go, the file's others come.
fn diff_receipts(grant: usize, new: &[ReceiptDoc], cur: &[ReceiptDoc], ops: &mut Vec<Op>) {
    let mut left: Vec<Option<&ReceiptDoc>> = new.iter().map(Some).collect();
    for c in cur {
        match left.iter_mut().find(|r| *r == &Some(c)) {
            Some(slot) => *slot = None,
            None => ops.push(Op::RemoveReceipt {
                grant,
                receipt: c.clone(),
            }),
        }
    }
    for r in left.into_iter().flatten() {
        ops.push(Op::AddReceipt {
            grant,
            receipt: r.clone(),
        });
    }
}

fn diff_participant(
    grant: usize,
    name: &str,
    old: &ParticipantDoc,
    new: &ParticipantDoc,
    ops: &mut Vec<Op>,
) {
    if old.allocated != new.allocated {
        ops.push(Op::SetAllocation {
            grant,
            recipient: name.to_string(),
            old: old.allocated,
            new: new.allocated,
        });
    }
    let cell = |p: &ParticipantDoc, pos: i64| {
        p.spending
            .iter()
            .find(|s| s.focus_area == pos)
            .map(|s| Cell {
                amount: s.amount,
                note: s.note.clone(),
            })
            .unwrap_or_default()
    };
    let positions: BTreeSet<i64> = old
        .spending
        .iter()
        .chain(&new.spending)
        .map(|s| s.focus_area)
        .collect();
    for position in positions {
        let (was, will) = (cell(old, position), cell(new, position));
        if was != will {
            ops.push(Op::SetSpending {
                grant,
                recipient: name.to_string(),
                position,
                old: was,
                new: will,
            });
        }
    }
    if old.report != new.report {
        ops.push(Op::SetReport {
            grant,
            recipient: name.to_string(),
            old: old.report.clone(),
            new: new.report.clone(),
        });
    }
    if old.contact != new.contact {
        ops.push(Op::SetContact {
            grant,
            recipient: name.to_string(),
            old: old.contact.clone(),
            new: new.contact.clone(),
        });
    }
}
