//! The opening of the report: the facts of the grant, the summary a
//! committee reads first, and the background of the grant.

use crate::domain::model::FocusArea;
use crate::domain::status::RecipientStatus;

use super::Ctx;
use super::doc::{Doc, Fact};
use super::wording::PayBack;

/// The title and the document's facts. The committee and the handling
/// officer are not kept yet: their labels stand with blank values, for
/// the coordinator to fill in in Word, as does a reference not yet set.
pub(super) fn header(c: &Ctx, d: &mut Doc) {
    let g = &c.data.grant;
    let refs = &c.data.money_back.references;
    let w = c.w;
    let l = &w.terms().facts;
    d.title(w.title(&g.title));
    let fact = |label: &str, value: String| Fact {
        label: label.to_string(),
        value,
    };
    d.facts(vec![
        fact(l.our_reference, refs.own_reference.trim().to_string()),
        fact(l.giver_reference, refs.giver_reference.trim().to_string()),
        fact(l.committee, String::new()),
        fact(l.officer, String::new()),
        fact(l.giver, g.giver.clone()),
        fact(l.year, g.year.to_string()),
        fact(l.period, w.period(g.use_from, g.use_until)),
        fact(l.due, w.long_date(g.report_due)),
        fact(l.compiled, w.long_date(c.data.today)),
    ]);
}

/// The whole report in a few sentences, ending in the proposal, as a
/// tjänsteutlåtande opens: what came in, what was used, who fell short,
/// what goes back.
pub(super) fn summary(c: &Ctx, d: &mut Doc) {
    let (s, w, g) = (&c.status, c.w, &c.data.grant);
    let t = w.terms();
    d.heading(t.summary);
    let count = |st: RecipientStatus| c.rows().filter(|r| r.line.status == st).count();
    let (none, part) = (
        count(RecipientStatus::Unused),
        count(RecipientStatus::Partial),
    );
    let waiting = count(RecipientStatus::NotReported);
    let mut out = vec![w.summary_received(s.received, &g.giver, &g.title)];
    if c.data.recipients.is_empty() {
        out.push(t.nothing_allocated_yet.to_string());
    } else if waiting == c.data.recipients.len() {
        out.push(t.nothing_reported_yet.to_string());
    } else {
        out.push(w.recipients_used(s.used, c.data.recipients.len()));
        if none + part > 0 {
            // With nothing used at all, "the recipients used nothing" said it.
            if !s.used.is_zero() {
                out.push(w.summary_short_of(none, part));
            }
        } else if waiting == 0 {
            out.push(t.all_used.to_string());
        }
    }
    out.push(pay_back(c));
    if waiting == c.data.recipients.len() && waiting > 0 {
        out.push(t.may_change_all.to_string());
    } else if waiting > 0 {
        out.push(w.summary_waiting(waiting));
    }
    d.para(out.join(" "));
    d.para(super::sections::proposal_text(c));
}

/// What goes back and what has gone; with nothing received and nothing
/// paid, the plainer words that nothing came in to go back.
fn pay_back(c: &Ctx) -> String {
    let p = PayBack::of(&c.status);
    if p == PayBack::Nothing && c.status.received.is_zero() {
        return c.w.terms().nothing_received_to_return.to_string();
    }
    if p == PayBack::Nothing {
        return c.w.terms().nothing_to_return.to_string();
    }
    c.w.pay_back(p, &c.data.grant.giver)
}

/// The grant as given: by whom, for which year, on which decision, for
/// which focus areas, and the rules of its use.
pub(super) fn background(c: &Ctx, d: &mut Doc) {
    let (w, g) = (c.w, &c.data.grant);
    d.heading(w.terms().background);
    let decision = c.data.money_back.references.giver_reference.trim();
    let decision = (!decision.is_empty()).then_some(decision);
    d.para(w.background_grant(&g.title, &g.giver, g.year, decision));
    let mut areas: Vec<&FocusArea> = c.data.focus_areas.iter().collect();
    areas.sort_by_key(|a| (a.position, a.id));
    let names: Vec<String> = areas
        .iter()
        .map(|a| a.name(w.lang()).trim().to_string())
        .filter(|name| !name.is_empty())
        .collect();
    if !names.is_empty() {
        d.para(w.background_areas(names.len()));
        d.list(names);
    }
    d.para(w.background_rules(g.use_from, g.use_until, g.report_due, &g.giver));
}
