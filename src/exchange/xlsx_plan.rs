//! Planning a filled-in template's import: its spending and its report
//! become the same `SetSpending` and `SetReport` changes a spending CSV
//! or a JSON document makes.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::document::Document;
use super::known_ids::KnownIds;
use super::notes::{Note, NoteKind};
use super::plan::{Cell, GrantKey, Op, Plan};
use super::problems::{Problem, ProblemKind as P, Problems};
use super::xlsx_read::Filled;
use crate::domain::model::{GrantState, RecipientReport};

/// The changes that make the recipient's spending, report and contact
/// person in the grant what the workbook says.
/// `today` is the day the import runs on: no report is made after it.
pub fn plan_workbook(
    filled: &Filled,
    current: &Document,
    ids: &KnownIds,
    today: NaiveDate,
) -> Result<Plan, Problems> {
    let id = &filled.identity;
    let at = |cell: &str, kind| Problems::one(Problem::cell(&id.sheet, cell, kind));
    let title_cell = id.anchors.first().map_or("C3", |(c, _)| c.as_str());
    let recipient_cell = id.anchors.get(1).map_or("C8", |(c, _)| c.as_str());
    // By id, with the names written as a check (a rename since is fine);
    // a version 1 template by its names alone.
    let (key, recipient) = match id.ids {
        Some((grant, recipient)) => (
            ids.grants
                .get(&grant)
                .filter(|g| g.was(&id.grant))
                .map(|g| g.now.clone()),
            ids.recipient_named(recipient, &id.recipient)
                .map(str::to_string),
        ),
        None => (Some(id.grant.clone()), Some(id.recipient.clone())),
    };
    let Some(g) = key.as_ref().and_then(|key: &GrantKey| {
        current
            .grants
            .iter()
            .find(|g| g.title == key.title && g.year == key.year)
    }) else {
        let known: Vec<GrantKey> = current
            .grants
            .iter()
            .map(|g| super::plan::GrantKey {
                title: g.title.clone(),
                year: g.year,
            })
            .collect();
        let grant = id.grant.clone();
        // Found by its title and year but not by its id: the ids are
        // another database's.
        if id.ids.is_some() && known.contains(&grant) {
            return Err(at(title_cell, P::OtherDatabase(grant.to_string())));
        }
        return Err(at(title_cell, P::NoSuchGrant { grant, known }));
    };
    if g.state == GrantState::Reported {
        return Err(at(title_cell, P::ClosedGrant(id.grant.clone())));
    }
    let Some(recipient) =
        recipient.filter(|name| current.recipients.iter().any(|r| r.name == *name))
    else {
        let name = id.recipient.clone();
        let kind = if id.ids.is_some() && current.recipients.iter().any(|r| r.name == name) {
            P::OtherDatabase(format!("'{name}'"))
        } else {
            P::UnknownRecipient { name, meant: None }
        };
        return Err(at(recipient_cell, kind));
    };
    let Some(part) = g.recipients.iter().find(|p| p.recipient == recipient) else {
        let kind = P::NotInGrant {
            recipient: id.recipient.clone(),
            grant: id.grant.clone(),
        };
        return Err(at(recipient_cell, kind));
    };
    let positions: HashSet<i64> = filled.areas.iter().map(|a| a.position).collect();
    let names_match = filled.areas.iter().all(|a| {
        g.focus_areas
            .iter()
            .find(|f| f.position == a.position)
            .is_some_and(|f| a.name.trim() == f.name_sv || a.name.trim() == f.name_en)
    });
    if positions.len() != g.focus_areas.len() || !names_match {
        return Err(at(title_cell, P::FocusAreasChanged));
    }

    if let Some(day) = filled
        .report
        .as_ref()
        .and_then(|r| r.reported_on)
        .filter(|day| *day > today)
    {
        return Err(at(&id.reported_on, P::FutureDate(day)));
    }
    // A cleared date with the reason or evaluation the template pre-filled
    // keeps medel's date; without a report in medel there is none to keep.
    let undated = filled
        .report
        .as_ref()
        .is_some_and(|r| r.reported_on.is_none());
    if undated && part.report.is_none() {
        return Err(at(&id.reported_on, P::ReportWithoutDate));
    }

    let mut plan = Plan {
        grants: vec![GrantKey {
            title: g.title.clone(),
            year: g.year,
        }],
        ..Plan::default()
    };
    for area in &filled.areas {
        let old = part
            .spending
            .iter()
            .find(|s| s.focus_area == area.position)
            .map(|s| Cell {
                amount: s.amount,
                note: s.note.clone(),
            })
            .unwrap_or_default();
        let new = Cell {
            amount: area.amount,
            note: area.note.clone(),
        };
        if old == new {
            plan.unchanged += 1;
        } else {
            plan.ops.push(Op::SetSpending {
                grant: 0,
                recipient: recipient.clone(),
                position: area.position,
                old,
                new,
            });
        }
    }
    // A workbook never takes a report back; without a date it makes none.
    let note = |kind| Note::cell(&id.sheet, &id.reported_on, kind);
    let dated = filled.report.as_ref().and_then(|r| r.reported_on);
    match (dated, &part.report) {
        (None, Some(kept)) => plan
            .notes
            .push(note(NoteKind::ReportKept(kept.reported_on))),
        (None, None) if filled.areas.iter().any(|a| !a.amount.is_zero()) => {
            plan.notes.push(note(NoteKind::NotReported))
        }
        _ => {}
    }
    let kept_day = part.report.as_ref().map(|r| r.reported_on);
    if let Some((r, reported_on)) = filled
        .report
        .as_ref()
        .and_then(|r| r.reported_on.or(kept_day).map(|day| (r, day)))
    {
        let new = Some(RecipientReport {
            reported_on,
            reason_unused: r.reason_unused.clone(),
            evaluation: r.evaluation.clone(),
        });
        if part.report == new {
            plan.unchanged += 1;
        } else {
            plan.ops.push(Op::SetReport {
                grant: 0,
                recipient: recipient.clone(),
                old: part.report.clone(),
                new,
            });
        }
    }
    if let Some(contact) = &filled.contact {
        if *contact == part.contact {
            plan.unchanged += 1;
        } else {
            plan.ops.push(Op::SetContact {
                grant: 0,
                recipient,
                old: part.contact.clone(),
                new: contact.clone(),
            });
        }
    }
    Ok(plan)
}
