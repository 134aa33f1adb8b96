//! Money left unused: who used nothing, who used part, who used more or
//! has not reported, and the reasons they gave.

use crate::domain::Lang;
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

use super::doc::Doc;
use super::listing::join_names;
use super::words::{amounts_respectively, sentence};
use super::{Ctx, Row};

/// Who used nothing, who used part, who used more, who has not reported.
pub(super) fn not_used(c: &Ctx, d: &mut Doc) {
    let l = c.lang;
    d.heading(l.pick("Medel som inte har använts", "Money not used"));
    let with =
        |st: RecipientStatus| -> Vec<Row> { c.rows().filter(|r| r.line.status == st).collect() };
    let unused = with(RecipientStatus::Unused);
    let partial = with(RecipientStatus::Partial);
    let over = with(RecipientStatus::Overspent);
    let waiting = with(RecipientStatus::NotReported);
    let names = |rows: &[Row]| -> String {
        let v: Vec<&str> = rows.iter().map(|r| r.name()).collect();
        join_names(&v, l)
    };

    if unused.is_empty() && partial.is_empty() && over.is_empty() && waiting.is_empty() {
        d.para(l.pick(
            "Alla mottagare har använt hela sin tilldelning.",
            "Every recipient used its whole allocation.",
        ));
    }
    match unused.as_slice() {
        [] => {}
        [one] => d.para(match l {
            Lang::Sv => format!(
                "{} har inte använt något av sina {}.",
                one.name(),
                c.kr(one.line.allocated)
            ),
            Lang::En => format!(
                "{} used none of its {}.",
                one.name(),
                c.kr(one.line.allocated)
            ),
        }),
        many => {
            let amounts: Vec<Money> = many.iter().map(|r| r.line.allocated).collect();
            let amounts = amounts_respectively(&amounts, l);
            d.para(match l {
                Lang::Sv => format!(
                    "{} har inte använt något av sina medel ({amounts}).",
                    names(many)
                ),
                Lang::En => format!("{} used none of their money ({amounts}).", names(many)),
            })
        }
    }
    if !partial.is_empty() {
        d.para(match l {
            Lang::Sv => format!("{} har använt en del av sina medel:", names(&partial)),
            Lang::En => format!(
                "{} used part of {} money:",
                names(&partial),
                its_their(partial.len())
            ),
        });
        d.list(
            partial
                .iter()
                .map(|r| match l {
                    Lang::Sv => format!(
                        "{} använde {} av {}, och {} blev kvar.",
                        r.name(),
                        r.line.used.format(l),
                        c.kr(r.line.allocated),
                        c.kr(r.line.unused)
                    ),
                    Lang::En => format!(
                        "{} used {} of {}, leaving {}.",
                        r.name(),
                        c.kr(r.line.used),
                        c.kr(r.line.allocated),
                        c.kr(r.line.unused)
                    ),
                })
                .collect(),
        );
    }
    if !over.is_empty() {
        d.para(match l {
            Lang::Sv => format!(
                "{} har använt mer än tilldelat och står {} för det som går utöver:",
                names(&over),
                if over.len() == 1 { "själv" } else { "själva" }
            ),
            Lang::En => format!(
                "{} used more than allocated and {} the excess {}:",
                names(&over),
                if over.len() == 1 { "bears" } else { "bear" },
                if over.len() == 1 {
                    "itself"
                } else {
                    "themselves"
                }
            ),
        });
        d.list(
            over.iter()
                .map(|r| match l {
                    Lang::Sv => format!(
                        "{} använde {} av {}, alltså {} mer än tilldelat.",
                        r.name(),
                        r.line.used.format(l),
                        c.kr(r.line.allocated),
                        c.kr(r.line.overspent)
                    ),
                    Lang::En => format!(
                        "{} used {} of {}, {} more than allocated.",
                        r.name(),
                        c.kr(r.line.used),
                        c.kr(r.line.allocated),
                        c.kr(r.line.overspent)
                    ),
                })
                .collect(),
        );
    }
    if !waiting.is_empty() {
        d.para(match l {
            Lang::Sv => format!(
                "{} har ännu inte redovisat hur medlen har använts.",
                names(&waiting)
            ),
            Lang::En => format!(
                "{} {} not yet reported how the money was used.",
                names(&waiting),
                if waiting.len() == 1 { "has" } else { "have" }
            ),
        });
    }
    if c.status.unallocated > Money::ZERO {
        d.para(match l {
            Lang::Sv => format!(
                "De {} som inte fördelades har inte heller använts.",
                c.kr(c.status.unallocated)
            ),
            Lang::En => format!(
                "The {} that was not allocated has not been used either.",
                c.kr(c.status.unallocated)
            ),
        });
    }
}

fn its_their(n: usize) -> &'static str {
    if n == 1 { "its" } else { "their" }
}

/// The recipients' own reasons, word for word, and who gave none.
pub(super) fn reasons(c: &Ctx, d: &mut Doc) {
    let l = c.lang;
    let reason = |r: &Row| {
        r.data
            .report
            .as_ref()
            .map(|rep| sentence(&rep.reason_unused))
            .unwrap_or_default()
    };
    let given: Vec<String> = c
        .rows()
        .filter_map(|r| {
            let why = reason(&r);
            (!why.is_empty()).then(|| format!("{}: {why}", r.name()))
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
    d.heading(l.pick(
        "Skäl till att medel inte har använts",
        "Reasons given for not using the money",
    ));
    if !given.is_empty() {
        d.para(l.pick(
            "Mottagarna har angett följande skäl:",
            "The recipients gave these reasons:",
        ));
        d.list(given);
    }
    if !silent.is_empty() {
        let names = join_names(&silent, l);
        d.para(match l {
            Lang::Sv => format!("{names} har inte angett något skäl."),
            Lang::En => format!("{names} gave no reason."),
        });
    }
}
