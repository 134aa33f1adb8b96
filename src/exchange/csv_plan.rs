//! Planning a spending CSV's import into its grant: rows matched to
//! recipients and focus areas, each change with the value it replaces.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::csv_read::{ALLOCATED, FOCUS_AREA, GRANT, RECIPIENT, Row, Sheet, cell};
use super::document::Document;
use super::plan::{Cell, GrantKey, Op, Plan};
use super::problems::{Problem, ProblemKind as P, Problems};
use crate::domain::model::GrantState;
use crate::domain::money::Money;

/// The changes that make the grant's spending (and allocations, where
/// given) what the file says. Recipients must exist already: a name that
/// does not is more likely a typo than a new district.
pub fn plan_csv(sheet: &Sheet, current: &Document) -> Result<Plan, Problems> {
    let mut problems = Problems::default();
    let mut plan = Plan {
        grants: sheet.grants.clone(),
        ..Plan::default()
    };
    for (index, key) in sheet.grants.iter().enumerate() {
        let rows: Vec<&Row> = sheet.rows.iter().filter(|r| r.grant == index).collect();
        plan_grant(index, key, &rows, current, &mut plan, &mut problems);
    }
    problems.or_ok(plan)
}

/// The changes of one grant's rows, added to `plan` as grant `index`.
fn plan_grant(
    index: usize,
    key: &GrantKey,
    rows: &[&Row],
    current: &Document,
    plan: &mut Plan,
    problems: &mut Problems,
) {
    let first = rows.first().map_or(2, |r| r.line);
    let at_grant = cell(first, GRANT);
    let Some(g) = current
        .grants
        .iter()
        .find(|g| g.title == key.title && g.year == key.year)
    else {
        let known = current
            .grants
            .iter()
            .map(|g| GrantKey {
                title: g.title.clone(),
                year: g.year,
            })
            .collect();
        let grant = key.clone();
        problems.push(Problem::new(at_grant, P::NoSuchGrant { grant, known }));
        return;
    };
    if g.state == GrantState::Reported {
        problems.push(Problem::new(at_grant, P::ClosedGrant(key.clone())));
        return;
    }

    let mut area_names: HashMap<String, i64> = HashMap::new();
    for a in &g.focus_areas {
        area_names.insert(a.position.to_string(), a.position);
        area_names.insert(a.name_sv.to_lowercase(), a.position);
        area_names.insert(a.name_en.to_lowercase(), a.position);
    }
    let known: HashSet<&str> = current.recipients.iter().map(|r| r.name.as_str()).collect();
    let mut cells: HashMap<(&str, i64), Cell> = HashMap::new();
    let mut allocations: HashMap<&str, Option<Money>> = HashMap::new();
    for p in &g.recipients {
        allocations.insert(&p.recipient, p.allocated);
        for s in &p.spending {
            let c = Cell {
                amount: s.amount,
                note: s.note.clone(),
            };
            cells.insert((&p.recipient, s.focus_area), c);
        }
    }

    let mut seen: HashMap<(&str, i64), u64> = HashMap::with_capacity(rows.len());
    let mut allocated_at: HashMap<&str, (Money, u64)> = HashMap::new();
    for row in rows {
        let name = row.recipient.as_str();
        // Most files give the number; only a name needs lower-casing.
        let position = area_names
            .get(row.focus_area.as_str())
            .or_else(|| area_names.get(&row.focus_area.to_lowercase()))
            .copied();
        if !known.contains(name) {
            problems.push(Problem::new(
                cell(row.line, RECIPIENT),
                unknown_recipient(name, current),
            ));
        }
        let Some(position) = position else {
            problems.push(Problem::new(
                cell(row.line, FOCUS_AREA),
                P::UnknownFocusArea {
                    text: row.focus_area.clone(),
                    count: g.focus_areas.len(),
                },
            ));
            continue;
        };
        if let Some(line) = seen.insert((name, position), row.line) {
            let duplicate = P::DuplicateRow {
                recipient: name.to_string(),
                position,
                line,
            };
            problems.push(Problem::line(row.line, duplicate));
        }
        if let Some(new) = row.allocated {
            match allocated_at.entry(name) {
                Entry::Vacant(v) => {
                    v.insert((new, row.line));
                    let old = allocations.get(name).copied().flatten();
                    if old != Some(new) {
                        plan.ops.push(Op::SetAllocation {
                            grant: index,
                            recipient: name.to_string(),
                            old,
                            new: Some(new),
                        });
                    }
                }
                Entry::Occupied(o) if o.get().0 != new => problems.push(Problem::new(
                    cell(row.line, ALLOCATED),
                    P::AllocationDiffers {
                        new,
                        old: o.get().0,
                        line: o.get().1,
                    },
                )),
                Entry::Occupied(_) => {}
            }
        }
        let new = Cell {
            amount: row.amount,
            note: row.note.clone(),
        };
        let old = cells.remove(&(name, position)).unwrap_or_default();
        if old == new {
            plan.unchanged += 1;
        } else {
            plan.ops.push(Op::SetSpending {
                grant: index,
                recipient: name.to_string(),
                position,
                old,
                new,
            });
        }
    }
}

/// Names the recipient, and the one meant when only the case differs.
fn unknown_recipient(name: &str, current: &Document) -> P {
    let lower = name.to_lowercase();
    let meant = current
        .recipients
        .iter()
        .find(|r| r.name.to_lowercase() == lower)
        .map(|r| r.name.clone());
    P::UnknownRecipient {
        name: name.to_string(),
        meant,
    }
}
