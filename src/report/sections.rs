//! The body and the close of the report: spending per focus area,
//! evaluation, the figures per recipient, open flags and the proposal.

use crate::domain::model::{FocusArea, FocusAreaId, Spending};
use crate::domain::money::Money;

use super::doc::{Align, Doc, Table};
use super::prose::{capitalise, paragraphs, sentence};
use super::wording::PayBack;
use super::{Ctx, Row};

/// One recipient's spending in one area, in the order it was entered.
struct Entry<'a> {
    name: &'a str,
    spending: &'a Spending,
}

pub(super) fn focus_areas(c: &Ctx, d: &mut Doc) {
    let t = c.w.terms();
    d.heading(t.focus_areas);
    let mut areas: Vec<&FocusArea> = c.data.focus_areas.iter().collect();
    areas.sort_by_key(|a| (a.position, a.id));
    if areas.is_empty() {
        d.para(t.no_focus_areas);
    } else {
        d.para(t.focus_areas_lead);
    }
    for area in &areas {
        d.subheading(format!("{}. {}", area.position, area.name(c.w.lang())));
        let within = t.in_this_area;
        area_body(c, d, &entries(c, |id| id == area.id), within);
    }
    // Spending booked on an area the grant no longer lists still counts
    // as used, so it is shown rather than silently left out.
    let known = |id: FocusAreaId| areas.iter().any(|a| a.id == id);
    let other = entries(c, |id| !known(id));
    if !other.is_empty() {
        let outside = t.outside_focus_areas;
        d.subheading(capitalise(outside));
        area_body(c, d, &other, outside);
    }
}

/// Entries whose focus area passes `keep`; empty ones (no amount, no
/// note) say nothing and are left out.
fn entries<'a>(c: &'a Ctx, keep: impl Fn(FocusAreaId) -> bool) -> Vec<Entry<'a>> {
    c.data
        .recipients
        .iter()
        .flat_map(|r| {
            r.spending.iter().map(move |s| Entry {
                name: &r.recipient.name,
                spending: s,
            })
        })
        .filter(|e| keep(e.spending.focus_area_id))
        .filter(|e| !e.spending.amount.is_zero() || !e.spending.note.trim().is_empty())
        .collect()
}

/// `place` ends the lead sentence: "inom området", "outside the focus areas".
fn area_body(c: &Ctx, d: &mut Doc, entries: &[Entry], place: &str) {
    if entries.is_empty() {
        d.para(c.w.terms().no_spending_in_area);
        return;
    }
    let mut names: Vec<&str> = Vec::new();
    for e in entries {
        if !names.contains(&e.name) {
            names.push(e.name);
        }
    }
    let total: Money = entries.iter().map(|e| e.spending.amount).sum();
    d.para(c.w.area_lead(&names, total, place));
    d.list(
        entries
            .iter()
            .map(|e| {
                let note = paragraphs(&e.spending.note);
                let head = format!("{}, {}", e.name, c.kr(e.spending.amount));
                if note.is_empty() {
                    format!("{head}.")
                } else {
                    format!("{head}: {note}")
                }
            })
            .collect(),
    );
    let per_recipient = names.iter().map(|name| {
        let sum: Money = entries
            .iter()
            .filter(|e| e.name == *name)
            .map(|e| e.spending.amount)
            .sum();
        (*name, sum)
    });
    area_table(c, d, per_recipient.collect(), total);
}

/// The area's amounts per recipient with their total, below its notes.
fn area_table(c: &Ctx, d: &mut Doc, rows: Vec<(&str, Money)>, total: Money) {
    let t = c.w.terms();
    let lang = c.w.lang();
    d.table(Table {
        header: vec![t.table_header[0].to_string(), t.amount.to_string()],
        align: vec![Align::Left, Align::Right],
        rows: rows
            .into_iter()
            .map(|(name, m)| vec![name.to_string(), m.format(lang)])
            .collect(),
        footer: Some(vec![t.total.to_string(), total.format(lang)]),
    });
}

pub(super) fn evaluation(c: &Ctx, d: &mut Doc) {
    let t = c.w.terms();
    d.heading(t.evaluation);
    let items: Vec<String> = c
        .rows()
        .filter_map(|r| {
            let text = paragraphs(&r.data.report.as_ref()?.evaluation);
            (!text.is_empty()).then(|| r.own_words(c.w, &text))
        })
        .collect();
    if items.is_empty() {
        d.para(t.no_evaluation);
    } else {
        d.para(t.evaluation_lead);
        d.list(items);
    }
}

/// The table per recipient, with totals: the same figures as the screen.
pub(super) fn figures(c: &Ctx, d: &mut Doc) {
    let t = c.w.terms();
    d.heading(t.figures);
    if c.data.recipients.is_empty() {
        d.para(t.no_allocations);
        return;
    }
    d.para(t.amounts_in_kronor);
    let lang = c.w.lang();
    let num = |m: Money| m.format(lang);
    let rows = c
        .rows()
        .map(|r: Row| {
            vec![
                r.name().to_string(),
                num(r.line.allocated),
                num(r.line.used),
                num(r.line.unused),
                num(r.line.overspent),
                c.w.status(r.line.status).to_string(),
            ]
        })
        .collect();
    let s = &c.status;
    d.table(Table {
        header: t.table_header.iter().map(|h| h.to_string()).collect(),
        align: vec![
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
        ],
        rows,
        footer: Some(vec![
            t.total.to_string(),
            num(s.allocated),
            num(s.used),
            num(s.unused),
            num(s.overspent),
            String::new(),
        ]),
    });
}

/// What still needs looking at, in the words of the status pane.
pub(super) fn flags(c: &Ctx, d: &mut Doc) {
    if c.status.flags.is_empty() {
        return;
    }
    let t = c.w.terms();
    d.heading(t.open_flags);
    d.para(t.flags_lead);
    d.list(
        c.status
            .flags
            .iter()
            .map(|f| sentence(&c.w.flag(f)))
            .collect(),
    );
}

/// The decision the committee is asked to take.
pub(super) fn proposal(c: &Ctx, d: &mut Doc) {
    d.heading(c.w.terms().proposal);
    d.para(proposal_text(c));
}

/// The decision names what goes back and what has gone, so the decision
/// and the figures cannot drift apart; the summary ends in it too.
pub(super) fn proposal_text(c: &Ctx) -> String {
    let g = &c.data.grant;
    c.w.proposal(&g.title, PayBack::of(&c.status), &g.giver)
}
