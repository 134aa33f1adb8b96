//! Money left unused: who used nothing, who used part, who used more or
//! has not reported, and the reasons they gave.

use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

use super::doc::Doc;
use super::prose::paragraphs;
use super::{Ctx, Row};

/// Who used nothing, who used part, who used more, who has not reported.
pub(super) fn not_used(c: &Ctx, d: &mut Doc) {
    let w = c.w;
    d.heading(w.terms().money_not_used);
    if c.data.recipients.is_empty() {
        d.para(if c.status.received.is_zero() {
            w.terms().no_allocations.to_string()
        } else {
            w.nothing_allocated_unused(c.status.received)
        });
        return;
    }
    let with =
        |st: RecipientStatus| -> Vec<Row> { c.rows().filter(|r| r.line.status == st).collect() };
    let unused = with(RecipientStatus::Unused);
    let partial = with(RecipientStatus::Partial);
    let over = with(RecipientStatus::Overspent);
    let waiting = with(RecipientStatus::NotReported);

    if unused.is_empty() && partial.is_empty() && over.is_empty() && waiting.is_empty() {
        d.para(w.terms().all_used);
    }
    match unused.as_slice() {
        [] => {}
        [one] => d.para(w.used_none_one(one.name(), one.line.allocated)),
        many => {
            let amounts: Vec<Money> = many.iter().map(|r| r.line.allocated).collect();
            d.para(w.used_none_many(&names(many), &amounts))
        }
    }
    if !partial.is_empty() {
        d.para(w.used_part_lead(&names(&partial)));
        d.list(
            partial
                .iter()
                .map(|r| {
                    let l = r.line;
                    w.used_part(r.name(), l.used, l.allocated, l.unused)
                })
                .collect(),
        );
    }
    if !over.is_empty() {
        d.para(w.overspent_lead(&names(&over)));
        d.list(
            over.iter()
                .map(|r| {
                    let l = r.line;
                    w.overspent(r.name(), l.used, l.allocated, l.overspent)
                })
                .collect(),
        );
    }
    if !waiting.is_empty() {
        d.para(w.not_reported_how(&names(&waiting)));
    }
    if c.status.unallocated > Money::ZERO {
        d.para(w.unallocated_unused(c.status.unallocated));
    }
}

fn names<'a>(rows: &[Row<'a>]) -> Vec<&'a str> {
    rows.iter().map(|r| r.name()).collect()
}

/// The recipients' own reasons, word for word, and who gave none. A
/// reason from a recipient that left nothing unused explains nothing
/// under this heading, so it is not listed.
pub(super) fn reasons(c: &Ctx, d: &mut Doc) {
    let w = c.w;
    let reason = |r: &Row| {
        r.data
            .report
            .as_ref()
            .map(|rep| paragraphs(&rep.reason_unused))
            .unwrap_or_default()
    };
    let given: Vec<String> = c
        .rows()
        .filter(|r| r.line.unused > Money::ZERO)
        .filter_map(|r| {
            let why = reason(&r);
            (!why.is_empty()).then(|| r.own_words(w, &why))
        })
        .collect();
    let silent: Vec<&str> = c
        .rows()
        .filter(|r| {
            matches!(
                r.line.status,
                RecipientStatus::Unused | RecipientStatus::Partial
            ) && reason(r).is_empty()
        })
        .map(|r| r.name())
        .collect();
    if given.is_empty() && silent.is_empty() {
        return;
    }
    d.heading(w.terms().reasons);
    if !given.is_empty() {
        d.para(w.terms().reasons_lead);
        d.list(given);
    }
    if !silent.is_empty() {
        d.para(w.gave_no_reason(&silent));
    }
}
