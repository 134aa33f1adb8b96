//! "Ärendet", the case: what came in and when (the summer's
//! redistribution among it), what was handed on, used and goes back.

use crate::domain::model::{Receipt, ReceiptKind};
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

use super::Ctx;
use super::doc::Doc;
use super::prose::clean;
use super::wording::PayBack;

pub(super) fn the_case(c: &Ctx, d: &mut Doc) {
    d.heading(c.w.terms().the_case);
    d.para(received(c));
    d.para(handed_on_and_used(c));
}

/// What came in, receipt by receipt, oldest first.
fn received(c: &Ctx) -> String {
    let w = c.w;
    let giver = &c.data.grant.giver;
    // A single receipt names the giver right after the amount.
    let part = |r: &Receipt, giver: Option<&str>| {
        w.receipt(r.amount, giver, r.kind, r.date, &clean(&r.note))
    };
    match receipts(c).as_slice() {
        [] => w.received_none(giver),
        [one] => w.received_one(&part(one, Some(giver))),
        many => {
            let parts: Vec<String> = many.iter().map(|r| part(r, None)).collect();
            w.received_many(c.status.received, giver, &parts)
        }
    }
}

fn receipts<'a>(c: &Ctx<'a>) -> Vec<&'a Receipt> {
    let mut receipts: Vec<&Receipt> = c.data.receipts.iter().collect();
    receipts.sort_by_key(|r| (r.date, r.id));
    receipts
}

/// Handed on, used and to return, with what the return is made of.
fn handed_on_and_used(c: &Ctx) -> String {
    let s = &c.status;
    let w = c.w;
    let t = w.terms();
    let n = c.data.recipients.len();
    if n == 0 {
        return [t.nothing_allocated_yet.to_string(), to_return(c)].join(" ");
    }
    let within = s.allocated <= s.received && !s.received.is_zero();
    let mut out = vec![w.allocated_to(s.allocated, n, within)];
    if s.unallocated > Money::ZERO {
        out.push(w.unallocated_kept(s.unallocated, redistribution_kept(c)));
    } else if s.unallocated < Money::ZERO && !s.received.is_zero() {
        out.push(w.allocated_beyond_received(-s.unallocated));
    }
    let waiting: Vec<&str> = c
        .rows()
        .filter(|r| r.line.status == RecipientStatus::NotReported)
        .map(|r| r.name())
        .collect();
    if waiting.len() == n {
        out.push(t.nothing_reported_yet.to_string());
    } else {
        out.push(w.recipients_used(s.used, n));
    }
    if s.overspent > Money::ZERO {
        out.push(w.overspent_borne(s.overspent));
    }
    out.push(to_return(c));
    // Naming every recipient would only repeat "none has reported".
    if waiting.len() == n {
        out.push(t.may_change_all.to_string());
    } else if !waiting.is_empty() {
        out.push(w.may_change(&waiting));
    }
    out.join(" ")
}

/// The date of the one redistribution that the money kept centrally
/// matches to the öre, when other money came in beside it: then the
/// report can say which payment was never handed on.
fn redistribution_kept(c: &Ctx) -> Option<chrono::NaiveDate> {
    let all = receipts(c);
    let redistributed: Vec<&&Receipt> = all
        .iter()
        .filter(|r| r.kind == ReceiptKind::Redistribution)
        .collect();
    match redistributed.as_slice() {
        [one] if all.len() > 1 && one.amount == c.status.unallocated => Some(one.date),
        _ => None,
    }
}

fn to_return(c: &Ctx) -> String {
    let s = &c.status;
    let w = c.w;
    let t = w.terms();
    let giver = &c.data.grant.giver;
    let p = PayBack::of(s);
    let mut out = if s.received.is_zero() {
        t.nothing_received_to_return.to_string()
    } else if s.to_return.is_zero() {
        t.nothing_to_return.to_string()
    } else if s.overspent > Money::ZERO || s.unallocated < Money::ZERO {
        // "What was not used" is the amount only when every krona used
        // counts against the grant and nothing was handed on that did
        // not come in.
        w.to_return_after_credit(s.received, s.credited, s.to_return, giver, p.settled())
    } else {
        let mut out = w.to_return(s.to_return, giver, p.settled());
        // Only when the two parts really add up to the total, and no
        // recipient still to report could turn "unused" into "used".
        let both = s.unallocated > Money::ZERO && s.unused > Money::ZERO;
        let all_in = c
            .rows()
            .all(|r| r.line.status != RecipientStatus::NotReported);
        if both && all_in && s.unallocated + s.unused == s.to_return {
            out.push(' ');
            out.push_str(&w.return_made_of(s.unallocated, s.unused, c.data.recipients.len()));
        }
        out
    };
    if !matches!(p, PayBack::Nothing | PayBack::Owed(_)) {
        out.push(' ');
        out.push_str(&w.paid_so_far(p, giver));
    }
    out
}
