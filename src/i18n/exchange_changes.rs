//! Each planned change of an import in a line, in the user's language,
//! money as money: what `--dry-run` lists and a refusal quotes.

use crate::domain::Lang;
use crate::domain::model::RecipientReport;
use crate::domain::money::Money;
use crate::exchange::{Op, Plan, Record};

/// One planned change in a line, in `lang`, money as money: what
/// `--dry-run` lists (`Bromma: fördelning – → 150 000 kr`).
pub fn change(plan: &Plan, op: &Op, lang: Lang) -> String {
    use super::changes::{describe, value};
    let g = |i: &usize| {
        plan.grants
            .get(*i)
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let money = |m: &Option<Money>| m.map_or_else(|| "–".into(), |m| m.format_with_unit(lang));
    let pick = |sv: &str, en: &str| lang.pick(sv, en).to_string();
    let receipt = |r: &crate::exchange::ReceiptDoc| {
        format!(
            "{} {} {}",
            r.date,
            r.amount.format_with_unit(lang),
            super::kinds::receipt(r.kind, lang)
        )
    };
    match op {
        Op::AddRecipient { name, .. } => {
            format!("{} '{name}'", pick("ny mottagare", "add recipient"))
        }
        Op::SetRecipient {
            name,
            field,
            old,
            new,
        } => {
            let what = field.audit_name();
            format!(
                "{} '{name}': {} {} → {}",
                pick("mottagare", "recipient"),
                describe(what, lang),
                value(what, old, lang),
                value(what, new, lang)
            )
        }
        Op::AddGrant { grant, .. } => format!("{} {}", pick("nytt bidrag", "add grant"), g(grant)),
        Op::SetGrant {
            grant,
            field,
            old,
            new,
        } => {
            let what = field.audit_name();
            format!(
                "{}: {} {} → {}",
                g(grant),
                describe(what, lang),
                value(what, old, lang),
                value(what, new, lang)
            )
        }
        Op::SetFocusArea {
            grant,
            position,
            old,
            new,
        } => match old {
            None => format!(
                "{}: {} {position} '{}'",
                g(grant),
                pick("nytt fokusområde", "add focus area"),
                new.0
            ),
            Some(old) => format!(
                "{}: {} {position} '{}' → '{}'",
                g(grant),
                pick("fokusområde", "focus area"),
                old.0,
                new.0
            ),
        },
        Op::RemoveFocusArea {
            grant,
            position,
            old,
        } => format!(
            "{}: {} {position} '{}'",
            g(grant),
            pick("ta bort fokusområde", "remove focus area"),
            old.0
        ),
        Op::AddReceipt { grant, receipt: r } => format!(
            "{}: {} {}",
            g(grant),
            pick("ny inbetalning", "add receipt"),
            receipt(r)
        ),
        Op::RemoveReceipt { grant, receipt: r } => format!(
            "{}: {} {}",
            g(grant),
            pick("ta bort inbetalning", "remove receipt"),
            receipt(r)
        ),
        Op::AddRecord { grant, record } => format!("{}: add {}", g(grant), record_text(record)),
        Op::RemoveRecord { grant, record } => {
            format!("{}: remove {}", g(grant), record_text(record))
        }
        Op::SetAllocation {
            grant,
            recipient,
            old,
            new,
        } => format!(
            "{}: '{recipient}' {} {} → {}",
            g(grant),
            pick("fördelning", "allocation"),
            money(old),
            money(new)
        ),
        Op::SetSpending {
            grant,
            recipient,
            position,
            old,
            new,
        } => {
            let mut s = format!(
                "{}: '{recipient}' {} {position}: {} → {}",
                g(grant),
                pick("fokusområde", "focus area"),
                old.amount.format_with_unit(lang),
                new.amount.format_with_unit(lang)
            );
            if old.note != new.note {
                s.push_str(&format!(
                    ", {} '{}' → '{}'",
                    pick("notering", "note"),
                    old.note,
                    new.note
                ));
            }
            s
        }
        Op::SetReport {
            grant,
            recipient,
            old,
            new,
        } => {
            let what = match (old, new) {
                (None, Some(_)) => pick("ny redovisning", "add report"),
                (Some(_), None) => pick("ta bort redovisningen", "remove report"),
                _ => pick("ändrad redovisning", "change report"),
            };
            let mut s = format!("{}: {what} {} '{recipient}'", g(grant), pick("för", "of"));
            // Value by value, as for spending: the date, the reason, the
            // evaluation, each only when it changes.
            let empty = RecipientReport {
                reported_on: chrono::NaiveDate::MIN,
                reason_unused: String::new(),
                evaluation: String::new(),
            };
            let (before, after) = (
                old.as_ref().unwrap_or(&empty),
                new.as_ref().unwrap_or(&empty),
            );
            let date = |r: &RecipientReport| {
                if r.reported_on == chrono::NaiveDate::MIN {
                    pick("ingen", "none").to_string()
                } else {
                    r.reported_on.to_string()
                }
            };
            let mut parts = Vec::new();
            if before.reported_on != after.reported_on {
                parts.push(format!(
                    "{} {} → {}",
                    pick("redovisat", "reported on"),
                    date(before),
                    date(after)
                ));
            }
            for (name, a, b) in [
                (
                    pick("skäl till att inte använda", "reason unused"),
                    &before.reason_unused,
                    &after.reason_unused,
                ),
                (
                    pick("utvärdering", "evaluation"),
                    &before.evaluation,
                    &after.evaluation,
                ),
            ] {
                if a != b {
                    parts.push(format!("{name} '{a}' → '{b}'"));
                }
            }
            if !parts.is_empty() {
                s.push_str(": ");
                s.push_str(&parts.join(", "));
            }
            s
        }
        Op::SetContact {
            grant,
            recipient,
            old,
            new,
        } => format!(
            "{}: '{recipient}' {} '{old}' → '{new}'",
            g(grant),
            pick("kontaktperson", "contact person")
        ),
    }
}

/// A repayment or reallocation as a dry run lists it (English, like the
/// other plan lines).
fn record_text(record: &Record) -> String {
    match record {
        Record::Repayment(r) => {
            format!("{} {} {} {}", r.kind.code(), r.date, r.amount, r.reference)
                .trim_end()
                .to_string()
        }
        Record::Reallocation(r) => format!(
            "reallocation {} {} '{}' → '{}' {}",
            r.date, r.amount, r.from, r.to, r.decision
        )
        .trim_end()
        .to_string(),
    }
}
