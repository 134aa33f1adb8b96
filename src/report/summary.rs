//! The opening of the report: the facts of the grant and the money in
//! running text.

use crate::domain::model::Receipt;
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

use super::Ctx;
use super::doc::{Doc, Fact};
use super::prose::clean;

/// The title and the document's facts. The references, the committee and
/// the handling officer are not kept yet: their labels stand with blank
/// values, for the coordinator to fill in in Word.
pub(super) fn header(c: &Ctx, d: &mut Doc) {
    let g = &c.data.grant;
    let w = c.w;
    let l = &w.terms().facts;
    d.title(w.title(&g.title));
    let fact = |label: &str, value: String| Fact {
        label: label.to_string(),
        value,
    };
    d.facts(vec![
        fact(l.our_reference, String::new()),
        fact(l.giver_reference, String::new()),
        fact(l.committee, String::new()),
        fact(l.officer, String::new()),
        fact(l.giver, g.giver.clone()),
        fact(l.year, g.year.to_string()),
        fact(l.period, w.period(g.use_from, g.use_until)),
        fact(l.due, w.long_date(g.report_due)),
        fact(l.compiled, w.long_date(c.data.today)),
    ]);
}

pub(super) fn summary(c: &Ctx, d: &mut Doc) {
    d.heading(c.w.terms().summary);
    d.para(received(c));
    d.para(handed_on_and_used(c));
}

/// What came in, receipt by receipt, oldest first.
fn received(c: &Ctx) -> String {
    let w = c.w;
    let giver = &c.data.grant.giver;
    let mut receipts: Vec<&Receipt> = c.data.receipts.iter().collect();
    receipts.sort_by_key(|r| (r.date, r.id));
    // A single receipt names the giver right after the amount.
    let part = |r: &Receipt, giver: Option<&str>| {
        w.receipt(r.amount, giver, r.kind, r.date, &clean(&r.note))
    };
    match receipts.as_slice() {
        [] => w.received_none(giver),
        [one] => w.received_one(&part(one, Some(giver))),
        many => {
            let parts: Vec<String> = many.iter().map(|r| part(r, None)).collect();
            w.received_many(c.status.received, giver, &parts)
        }
    }
}

/// Handed on, used and to return, with what the return is made of.
fn handed_on_and_used(c: &Ctx) -> String {
    let s = &c.status;
    let w = c.w;
    let n = c.data.recipients.len();
    if n == 0 {
        return [w.terms().nothing_allocated_yet.to_string(), to_return(c)].join(" ");
    }
    let within = s.allocated <= s.received && !s.received.is_zero();
    let mut out = vec![w.allocated_to(s.allocated, n, within)];
    if s.unallocated > Money::ZERO {
        out.push(w.unallocated_kept(s.unallocated));
    } else if s.unallocated < Money::ZERO && !s.received.is_zero() {
        out.push(w.allocated_beyond_received(-s.unallocated));
    }
    let reported = c
        .rows()
        .any(|r| r.line.status != RecipientStatus::NotReported);
    if reported {
        out.push(w.recipients_used(s.used, n));
    } else {
        out.push(w.terms().nothing_reported_yet.to_string());
    }
    if s.overspent > Money::ZERO {
        out.push(w.overspent_borne(s.overspent));
    }
    out.push(to_return(c));
    let waiting: Vec<&str> = c
        .rows()
        .filter(|r| r.line.status == RecipientStatus::NotReported)
        .map(|r| r.name())
        .collect();
    if !waiting.is_empty() {
        out.push(w.may_change(&waiting));
    }
    out.join(" ")
}

fn to_return(c: &Ctx) -> String {
    let s = &c.status;
    let w = c.w;
    let giver = &c.data.grant.giver;
    if s.received.is_zero() {
        return w.terms().nothing_received_to_return.to_string();
    }
    if s.to_return.is_zero() {
        return w.terms().nothing_to_return.to_string();
    }
    // "What was not used" is the amount only when every krona used counts
    // against the grant and nothing was handed on that did not come in.
    if s.overspent > Money::ZERO || s.unallocated < Money::ZERO {
        return w.to_return_after_credit(s.received, s.credited, s.to_return, giver);
    }
    let mut out = w.to_return(s.to_return, giver);
    // Only when the two parts really add up to the total: with
    // over-allocation or overspending the sum is not so simple.
    let both = s.unallocated > Money::ZERO && s.unused > Money::ZERO;
    if both && s.unallocated + s.unused == s.to_return {
        out.push(' ');
        out.push_str(&w.return_made_of(s.unallocated, s.unused, c.data.recipients.len()));
    }
    out
}
