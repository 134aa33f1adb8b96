//! The opening of the report: the facts of the grant and the money in
//! running text.

use crate::domain::Lang;
use crate::domain::model::Receipt;
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

use super::Ctx;
use super::doc::Doc;
use super::listing::{join_names, join_with};
use super::words::{count_word, long_date, receipt_how};

pub(super) fn header(c: &Ctx, d: &mut Doc) {
    let g = &c.data.grant;
    let l = c.lang;
    d.title(format!("{}: {}", l.pick("Redovisning", "Report"), g.title));
    d.list(vec![
        format!("{}: {}", l.pick("Bidragsgivare", "Grant giver"), g.giver),
        format!("{}: {}", l.pick("Bidragsår", "Grant year"), g.year),
        format!(
            "{}: {} – {}",
            l.pick("Användningsperiod", "Use period"),
            long_date(g.use_from, l),
            long_date(g.use_until, l)
        ),
        format!(
            "{}: {}",
            l.pick("Redovisas senast", "Report due"),
            long_date(g.report_due, l)
        ),
        format!(
            "{}: {}",
            l.pick("Sammanställd", "Compiled"),
            long_date(c.data.today, l)
        ),
    ]);
}

pub(super) fn summary(c: &Ctx, d: &mut Doc) {
    d.heading(c.lang.pick("Sammanfattning", "Summary"));
    d.para(received(c));
    d.para(handed_on_and_used(c));
}

/// What came in, receipt by receipt, oldest first.
fn received(c: &Ctx) -> String {
    let l = c.lang;
    let giver = &c.data.grant.giver;
    let mut receipts: Vec<&Receipt> = c.data.receipts.iter().collect();
    receipts.sort_by_key(|r| (r.date, r.id));
    // "2 922 920 kronor[ från X] genom rekvisition den 15 mars 2017 (note)":
    // a single receipt names the giver right after the amount.
    let part = |r: &Receipt, from: &str| {
        let note = super::words::clean(&r.note);
        let note = if note.is_empty() {
            String::new()
        } else {
            format!(" ({note})")
        };
        let on = l.pick("den", "on");
        let how = receipt_how(r.kind, l);
        format!(
            "{}{from} {how} {on} {}{note}",
            c.kr(r.amount),
            long_date(r.date, l)
        )
    };
    match receipts.as_slice() {
        [] => match l {
            Lang::Sv => format!("Inga medel har ännu tagits emot från {giver} för bidraget."),
            Lang::En => format!("No money has been received from {giver} for this grant yet."),
        },
        [one] => match l {
            Lang::Sv => format!(
                "Nämnden har tagit emot {}.",
                part(one, &format!(" från {giver}"))
            ),
            Lang::En => format!(
                "The committee received {}.",
                part(one, &format!(" from {giver}"))
            ),
        },
        many => {
            let parts: Vec<String> = many.iter().map(|r| part(r, "")).collect();
            let n = count_word(many.len(), l);
            let total = c.kr(c.status.received);
            match l {
                Lang::Sv => format!(
                    "Nämnden har tagit emot sammanlagt {total} från {giver} vid {n} tillfällen: {}.",
                    join_with(&parts, "och")
                ),
                Lang::En => format!(
                    "The committee received {total} in all from {giver} in {n} payments: {}.",
                    join_with(&parts, "and")
                ),
            }
        }
    }
}

/// Handed on, used and to return, with what the return is made of.
fn handed_on_and_used(c: &Ctx) -> String {
    let s = &c.status;
    let l = c.lang;
    let giver = &c.data.grant.giver;
    let n = c.data.recipients.len();
    if n == 0 {
        return l
            .pick(
                "Inget har ännu fördelats till någon mottagare.",
                "Nothing has been allocated to any recipient yet.",
            )
            .to_string();
    }
    let mut out = Vec::new();
    let whom = match (l, n) {
        (Lang::Sv, 1) => "en mottagare".to_string(),
        (Lang::Sv, _) => format!("{n} mottagare"),
        (Lang::En, 1) => "one recipient".to_string(),
        (Lang::En, _) => format!("{n} recipients"),
    };
    out.push(match l {
        Lang::Sv => format!("Av detta har {} fördelats till {whom}.", c.kr(s.allocated)),
        Lang::En => format!("Of this, {} was allocated to {whom}.", c.kr(s.allocated)),
    });
    if s.unallocated > Money::ZERO {
        out.push(match l {
            Lang::Sv => format!(
                "Resterande {} har inte fördelats utan har stannat centralt.",
                c.kr(s.unallocated)
            ),
            Lang::En => format!(
                "The remaining {} was not allocated but kept centrally.",
                c.kr(s.unallocated)
            ),
        });
    } else if s.unallocated < Money::ZERO {
        out.push(match l {
            Lang::Sv => format!(
                "Det är {} mer än vad som har tagits emot.",
                c.kr(-s.unallocated)
            ),
            Lang::En => format!("That is {} more than was received.", c.kr(-s.unallocated)),
        });
    }
    out.push(match l {
        Lang::Sv => format!("Mottagarna har använt {}.", c.kr(s.used)),
        Lang::En => format!("The recipients used {}.", c.kr(s.used)),
    });
    if s.overspent > Money::ZERO {
        out.push(match l {
            Lang::Sv => format!(
                "Av det ligger {} utöver tilldelningarna; den delen står mottagarna själva för och den räknas inte mot bidraget.",
                c.kr(s.overspent)
            ),
            Lang::En => format!(
                "Of that, {} went beyond the allocations; the recipients bear that part themselves and it does not count against the grant.",
                c.kr(s.overspent)
            ),
        });
    }
    out.push(to_return(c, giver));
    let waiting: Vec<&str> = c
        .rows()
        .filter(|r| r.line.status == RecipientStatus::NotReported)
        .map(|r| r.name())
        .collect();
    if !waiting.is_empty() {
        let names = join_names(&waiting, l);
        out.push(match l {
            Lang::Sv => format!("Beloppet kan ändras, eftersom {names} ännu inte har redovisat."),
            Lang::En => format!(
                "The amount may change, since {names} {} not reported yet.",
                if waiting.len() == 1 { "has" } else { "have" }
            ),
        });
    }
    out.join(" ")
}

fn to_return(c: &Ctx, giver: &str) -> String {
    let s = &c.status;
    let l = c.lang;
    if s.to_return.is_zero() {
        return l
            .pick(
                "Allt som har tagits emot har använts, så inget ska betalas tillbaka.",
                "Everything received has been used, so nothing is to be paid back.",
            )
            .to_string();
    }
    let mut out = match l {
        Lang::Sv => format!(
            "Det som inte har använts, {}, ska betalas tillbaka till {giver}.",
            c.kr(s.to_return)
        ),
        Lang::En => format!(
            "What was not used, {}, is to be paid back to {giver}.",
            c.kr(s.to_return)
        ),
    };
    // Only when the two parts really add up to the total: with
    // over-allocation or overspending the sum is not so simple.
    let both = s.unallocated > Money::ZERO && s.unused > Money::ZERO;
    if both && s.unallocated + s.unused == s.to_return {
        out.push(' ');
        out.push_str(&match l {
            Lang::Sv => format!(
                "Beloppet består av de {} som aldrig fördelades och de {} som mottagarna inte använde.",
                c.kr(s.unallocated),
                c.kr(s.unused)
            ),
            Lang::En => format!(
                "It is made up of the {} that was never allocated and the {} that the recipients left unused.",
                c.kr(s.unallocated),
                c.kr(s.unused)
            ),
        });
    }
    out
}
