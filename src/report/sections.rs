//! The body and the close of the report: spending per focus area,
//! evaluation, the figures per recipient, open flags and the proposal.

use crate::domain::Lang;
use crate::domain::model::{FocusArea, FocusAreaId, Spending};
use crate::domain::money::Money;

use super::doc::{Align, Doc, Table};
use super::words::{capitalise, count_word, sentence, status_label};
use super::{Ctx, Row};

/// One recipient's spending in one area, in the order it was entered.
struct Entry<'a> {
    name: &'a str,
    spending: &'a Spending,
}

pub(super) fn focus_areas(c: &Ctx, d: &mut Doc) {
    let l = c.lang;
    d.heading(l.pick("Användning per fokusområde", "Spending by focus area"));
    let mut areas: Vec<&FocusArea> = c.data.focus_areas.iter().collect();
    areas.sort_by_key(|a| (a.position, a.id));
    if areas.is_empty() {
        d.para(l.pick(
            "Bidraget har inga fokusområden.",
            "The grant has no focus areas.",
        ));
    } else {
        d.para(l.pick(
            "Här följer vad medlen har gått till, område för område, med mottagarnas egna anteckningar.",
            "What the money went to, area by area, with the recipients' own notes.",
        ));
    }
    for area in &areas {
        d.subheading(format!("{}. {}", area.position, area.name(l)));
        let within = l.pick("inom området", "in this area");
        area_body(c, d, &entries(c, |id| id == area.id), within);
    }
    // Spending booked on an area the grant no longer lists still counts
    // as used, so it is shown rather than silently left out.
    let known = |id: FocusAreaId| areas.iter().any(|a| a.id == id);
    let other = entries(c, |id| !known(id));
    if !other.is_empty() {
        let outside = l.pick("utanför fokusområdena", "outside the focus areas");
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
    let l = c.lang;
    if entries.is_empty() {
        d.para(l.pick(
            "Ingen mottagare har redovisat användning inom området.",
            "No recipient reported spending in this area.",
        ));
        return;
    }
    let mut names: Vec<&str> = Vec::new();
    for e in entries {
        if !names.contains(&e.name) {
            names.push(e.name);
        }
    }
    let total = c.kr(entries.iter().map(|e| e.spending.amount).sum::<Money>());
    // The list below names every recipient; the lead sentence counts them
    // rather than naming nine districts twice.
    let n = names.len();
    let many = capitalise(&count_word(n, l));
    d.para(match (l, names.as_slice()) {
        (Lang::Sv, [one]) => format!("{one} har använt {total} {place}:"),
        (Lang::Sv, _) => format!("{many} mottagare har tillsammans använt {total} {place}:"),
        (Lang::En, [one]) => format!("{one} spent {total} {place}:"),
        (Lang::En, _) => format!("{many} recipients together spent {total} {place}:"),
    });
    d.list(
        entries
            .iter()
            .map(|e| {
                let note = sentence(&e.spending.note);
                let head = format!("{}, {}", e.name, c.kr(e.spending.amount));
                if note.is_empty() {
                    format!("{head}.")
                } else {
                    format!("{head}: {note}")
                }
            })
            .collect(),
    );
}

pub(super) fn evaluation(c: &Ctx, d: &mut Doc) {
    let l = c.lang;
    d.heading(l.pick("Utvärdering", "Evaluation"));
    let items: Vec<String> = c
        .rows()
        .filter_map(|r| {
            let text = sentence(&r.data.report.as_ref()?.evaluation);
            (!text.is_empty()).then(|| format!("{}: {text}", r.name()))
        })
        .collect();
    if items.is_empty() {
        d.para(l.pick(
            "Ingen mottagare har redovisat någon utvärdering.",
            "No recipient reported an evaluation.",
        ));
    } else {
        d.para(l.pick(
            "Mottagarna har beskrivit hur arbetet har utvärderats:",
            "The recipients described how the work was evaluated:",
        ));
        d.list(items);
    }
}

/// The table per recipient, with totals: the same figures as the screen.
pub(super) fn figures(c: &Ctx, d: &mut Doc) {
    let l = c.lang;
    d.heading(l.pick("Mottagare i siffror", "Recipients in figures"));
    if c.data.recipients.is_empty() {
        d.para(l.pick(
            "Inga medel har fördelats till någon mottagare.",
            "No money has been allocated to any recipient.",
        ));
        return;
    }
    d.para(l.pick("Belopp i kronor.", "Amounts in SEK."));
    let num = |m: Money| m.format(l);
    let rows = c
        .rows()
        .map(|r: Row| {
            vec![
                r.name().to_string(),
                num(r.line.allocated),
                num(r.line.used),
                num(r.line.unused),
                num(r.line.overspent),
                status_label(r.line.status, l).to_string(),
            ]
        })
        .collect();
    let s = &c.status;
    let header = match l {
        Lang::Sv => [
            "Mottagare",
            "Tilldelat",
            "Använt",
            "Oanvänt",
            "Överskridet",
            "Status",
        ],
        Lang::En => [
            "Recipient",
            "Allocated",
            "Used",
            "Unused",
            "Overspent",
            "Status",
        ],
    };
    d.table(Table {
        header: header.iter().map(|h| h.to_string()).collect(),
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
            l.pick("Summa", "Total").to_string(),
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
    let l = c.lang;
    d.heading(l.pick("Att uppmärksamma", "Open flags"));
    d.para(l.pick(
        "Följande punkter är fortfarande öppna för bidraget, de viktigaste först:",
        "These points are still open for the grant, the most serious first:",
    ));
    d.list(
        c.status
            .flags
            .iter()
            .map(|f| sentence(&crate::i18n::flags::message(f, l)))
            .collect(),
    );
}

/// The decision the committee is asked to take; it names the amount to
/// pay back so the decision and the figures cannot drift apart.
pub(super) fn proposal(c: &Ctx, d: &mut Doc) {
    let l = c.lang;
    let g = &c.data.grant;
    d.heading(l.pick("Förslag till beslut", "Proposed decision"));
    let back = c.status.to_return;
    d.para(match (l, back.is_zero()) {
        (Lang::Sv, true) => format!(
            "Förvaltningens förslag är att nämnden godkänner den här sammanställningen av hur {} har använts.",
            g.title
        ),
        (Lang::Sv, false) => format!(
            "Förvaltningens förslag är att nämnden godkänner den här sammanställningen av hur {} har använts och noterar att {} ska betalas tillbaka till {}.",
            g.title,
            c.kr(back),
            g.giver
        ),
        (Lang::En, true) => format!(
            "The administration recommends that the committee approve this account of how {} was used.",
            g.title
        ),
        (Lang::En, false) => format!(
            "The administration recommends that the committee approve this account of how {} was used and note that {} is to be paid back to {}.",
            g.title,
            c.kr(back),
            g.giver
        ),
    });
}
