//! The grant's references at the top of the report, and after the
//! figures the moves between recipients with their decisions and the
//! money paid back. Each says nothing when there is nothing to say.

use super::Ctx;
use super::doc::{Align, Doc, Table};

pub(super) fn references(c: &Ctx, d: &mut Doc) {
    let refs = &c.data.money_back.references;
    let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let (giver, own) = (some(&refs.giver_reference), some(&refs.own_reference));
    if giver.is_none() && own.is_none() {
        return;
    }
    let line =
        c.w.references_line(&c.data.grant.giver, giver.as_deref(), own.as_deref());
    d.para(line);
}

pub(super) fn reallocations(c: &Ctx, d: &mut Doc) {
    let moves = &c.data.money_back.moves;
    if moves.is_empty() {
        return;
    }
    d.heading(c.w.reallocations_heading());
    let total = moves.iter().map(|m| m.amount).sum();
    d.para(c.w.reallocations_lead(moves.len(), total));
    let rows = moves
        .iter()
        .map(|m| {
            vec![
                m.date.to_string(),
                m.from.clone(),
                m.to.clone(),
                c.w.amount(m.amount),
                m.decision.clone(),
            ]
        })
        .collect();
    d.table(Table {
        header: c.w.reallocation_columns().map(String::from).to_vec(),
        align: vec![
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Left,
        ],
        rows,
        footer: None,
    });
}

pub(super) fn repayments(c: &Ctx, d: &mut Doc) {
    let list = &c.data.money_back.repayments;
    if list.is_empty() {
        return;
    }
    d.heading(c.w.repayments_heading());
    let s = &c.status;
    d.para(c.w.repayments_lead(s.repaid, s.outstanding, &c.data.grant.giver));
    let rows = list
        .iter()
        .map(|r| {
            vec![
                r.date.to_string(),
                c.w.repayment_kind(r.kind).to_string(),
                c.w.amount(r.amount),
                r.reference.clone(),
            ]
        })
        .collect();
    d.table(Table {
        header: c.w.repayment_columns().map(String::from).to_vec(),
        align: vec![Align::Left, Align::Left, Align::Right, Align::Left],
        rows,
        footer: None,
    });
}
