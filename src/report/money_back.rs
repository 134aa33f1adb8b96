//! The moves between recipients with their decisions, and the money paid
//! back. Each says nothing when there is nothing to say.

use super::Ctx;
use super::doc::{Align, Doc, Table};
use super::wording::PayBack;

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
    d.para(c.w.reallocations_after(moves.len()));
}

pub(super) fn repayments(c: &Ctx, d: &mut Doc) {
    let list = &c.data.money_back.repayments;
    if list.is_empty() {
        return;
    }
    d.heading(c.w.repayments_heading());
    let p = PayBack::of(&c.status);
    d.para(c.w.pay_back(p, &c.data.grant.giver));
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
