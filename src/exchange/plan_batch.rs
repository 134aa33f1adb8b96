//! Several files imported at once: their plans, each made against the
//! same database, become one plan applied in one transaction. Two files
//! that would change the same values are refused rather than letting the
//! later one win unseen.

use std::collections::HashMap;

use super::plan::{GrantKey, Op, Plan};
use super::problems::{Location, Problem, ProblemKind as P, Problems};

/// What an op changes, so that two files changing it can be told.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Subject {
    Recipient(String),
    Grant(GrantKey),
    Participant(GrantKey, String),
}

fn subject(plan: &Plan, op: &Op) -> Subject {
    let grant = |i: &usize| {
        plan.grants.get(*i).cloned().unwrap_or(GrantKey {
            title: String::new(),
            year: 0,
        })
    };
    match op {
        Op::AddRecipient { name, .. } | Op::SetRecipient { name, .. } => {
            Subject::Recipient(name.clone())
        }
        Op::AddGrant { grant: g, .. }
        | Op::SetGrant { grant: g, .. }
        | Op::SetFocusArea { grant: g, .. }
        | Op::RemoveFocusArea { grant: g, .. }
        | Op::AddReceipt { grant: g, .. }
        | Op::RemoveReceipt { grant: g, .. }
        | Op::AddRecord { grant: g, .. }
        | Op::RemoveRecord { grant: g, .. } => Subject::Grant(grant(g)),
        Op::SetAllocation {
            grant: g,
            recipient,
            ..
        }
        | Op::SetSpending {
            grant: g,
            recipient,
            ..
        }
        | Op::SetReport {
            grant: g,
            recipient,
            ..
        }
        | Op::SetContact {
            grant: g,
            recipient,
            ..
        } => Subject::Participant(grant(g), recipient.clone()),
    }
}

fn grant_index(op: &mut Op) -> Option<&mut usize> {
    match op {
        Op::AddRecipient { .. } | Op::SetRecipient { .. } => None,
        Op::AddGrant { grant, .. }
        | Op::SetGrant { grant, .. }
        | Op::SetFocusArea { grant, .. }
        | Op::RemoveFocusArea { grant, .. }
        | Op::AddReceipt { grant, .. }
        | Op::RemoveReceipt { grant, .. }
        | Op::AddRecord { grant, .. }
        | Op::RemoveRecord { grant, .. }
        | Op::SetAllocation { grant, .. }
        | Op::SetSpending { grant, .. }
        | Op::SetReport { grant, .. }
        | Op::SetContact { grant, .. } => Some(grant),
    }
}

/// One plan of the files' plans, in order, or a problem for each file
/// that changes what an earlier file changes.
pub fn merge_plans(plans: Vec<(String, Plan)>) -> Result<Plan, Problems> {
    let mut merged = Plan::default();
    let mut owner: HashMap<Subject, String> = HashMap::new();
    let mut problems = Problems::default();
    for (file, plan) in plans {
        let mut clash = None;
        for op in &plan.ops {
            let s = subject(&plan, op);
            match owner.get(&s) {
                Some(other) if *other != file => clash = Some((other.clone(), s)),
                _ => {}
            }
        }
        if let Some((other, s)) = clash {
            // Two workbooks for one recipient clash whatever cells each
            // changed: say so rather than "the same values".
            let kind = match s {
                Subject::Participant(_, recipient) => {
                    P::SameRecipientAsOtherFile { other, recipient }
                }
                _ => P::SameAsOtherFile(other),
            };
            problems.push(Problem::new(Location::File, kind).in_file(&file));
            continue;
        }
        for op in &plan.ops {
            owner.insert(subject(&plan, op), file.clone());
        }
        merged.unchanged += plan.unchanged;
        let notes = plan.notes.iter().cloned();
        merged.notes.extend(notes.map(|n| n.in_file(&file)));
        let replaced = plan.replaced.iter().cloned();
        merged.replaced.extend(replaced.map(|p| p.in_file(&file)));
        for mut op in plan.ops.iter().cloned() {
            if let Some(g) = grant_index(&mut op) {
                let key = &plan.grants[*g];
                *g = match merged.grants.iter().position(|k| k == key) {
                    Some(i) => i,
                    None => {
                        merged.grants.push(key.clone());
                        merged.grants.len() - 1
                    }
                };
            }
            merged.ops.push(op);
        }
    }
    problems.or_ok(merged)
}
