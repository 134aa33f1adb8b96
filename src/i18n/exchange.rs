//! The words of import and export: what `medel import` says, the counts
//! of a plan, and each planned change in a line.
//!
//! Changes are listed in English in either language, as they always have
//! been; they name audit fields, which are English too. The `Display` of
//! a plan's `Summary` is the English one, for the audit row of an import.

use std::fmt;
use std::path::Path;

use crate::domain::Lang;
use crate::domain::money::Money;
use crate::exchange::{Op, Plan, Record, Summary};

/// The words of one language.
#[derive(Debug)]
pub struct ExchangeWords {
    pub lang: Lang,
    /// The progress bar's label while an import is written.
    pub importing: &'static str,
    /// A plan's counts, in the order `Summary` has them.
    kinds: [&'static str; 11],
    no_changes: &'static str,
}

pub const SV: ExchangeWords = ExchangeWords {
    lang: Lang::Sv,
    importing: "Importerar",
    kinds: [
        "nya mottagare",
        "ändrade mottagaruppgifter",
        "nya bidrag",
        "ändrade bidragsuppgifter",
        "fokusområden",
        "inbetalningar",
        "återbetalningar och omfördelningar",
        "tilldelningar",
        "belopp per fokusområde",
        "mottagarredovisningar",
        "redan som i filen",
    ],
    no_changes: "inga ändringar",
};

pub const EN: ExchangeWords = ExchangeWords {
    lang: Lang::En,
    importing: "Importing",
    kinds: [
        "recipients added",
        "recipient fields changed",
        "grants added",
        "grant fields changed",
        "focus areas",
        "receipts",
        "repayments and reallocations",
        "allocations",
        "spending values",
        "recipient reports",
        "already as in the file",
    ],
    no_changes: "no changes",
};

/// This part of the words of `lang` (see `i18n::Texts`).
pub fn words(lang: Lang) -> &'static ExchangeWords {
    &super::texts(lang).exchange
}

impl ExchangeWords {
    fn pick<T>(&self, sv: T, en: T) -> T {
        self.lang.pick(sv, en)
    }

    pub fn cannot_read(&self, file: &Path) -> String {
        let f = file.display();
        self.pick(format!("kan inte läsa {f}"), format!("cannot read {f}"))
    }

    /// `list` is the problems, each on its own line starting with "\n  ".
    pub fn refused(&self, file: &Path, list: &str) -> String {
        let f = file.display();
        self.pick(
            format!("{f} kan inte importeras; inget har ändrats:{list}"),
            format!("{f} cannot be imported; nothing was changed:{list}"),
        )
    }

    pub fn nothing_to_import(&self, file: &Path, db: &Path) -> String {
        let (f, d) = (file.display(), db.display());
        self.pick(
            format!("Inget att importera: {d} har redan det som står i {f}.\n"),
            format!("Nothing to import: {d} already holds what {f} says.\n"),
        )
    }

    pub fn imported(&self, file: &Path, db: &Path, s: &Summary) -> String {
        let (f, d, s) = (file.display(), db.display(), self.summary(s));
        self.pick(
            format!("Importerade {f} till {d}: {s}.\n"),
            format!("Imported {f} into {d}: {s}.\n"),
        )
    }

    pub fn dry_run(&self, file: &Path, db: &Path, s: &Summary) -> String {
        let (f, d, s) = (file.display(), db.display(), self.summary(s));
        self.pick(
            format!(
                "Provkörning, inget har skrivits. Att importera {f} till {d} skulle ge: {s}.\n"
            ),
            format!("Dry run, nothing was written. Importing {f} into {d} would make: {s}.\n"),
        )
    }

    pub fn more_changes(&self, more: usize) -> String {
        self.pick(
            format!("  … och {more} ändringar till\n"),
            format!("  … and {more} more changes\n"),
        )
    }

    /// The counts in words, only the kinds that occur: `recipients added:
    /// 15, spending values: 30`. The number last reads right for one and
    /// for many alike.
    pub fn summary(&self, s: &Summary) -> String {
        let counts = [
            s.recipients_added,
            s.recipients_changed,
            s.grants_added,
            s.grants_changed,
            s.focus_areas,
            s.receipts,
            s.records,
            s.allocations,
            s.spending,
            s.reports,
            s.unchanged,
        ];
        let parts: Vec<String> = counts
            .iter()
            .zip(self.kinds)
            .filter(|(n, _)| **n > 0)
            .map(|(n, what)| format!("{what}: {n}"))
            .collect();
        if parts.is_empty() {
            self.no_changes.to_string()
        } else {
            parts.join(", ")
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&EN.summary(self))
    }
}

/// One planned change in a line: what `--dry-run` lists.
pub fn change(plan: &Plan, op: &Op) -> String {
    let g = |i: &usize| {
        plan.grants
            .get(*i)
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let money = |m: &Option<Money>| m.map(|m| m.to_string()).unwrap_or_else(|| "none".into());
    match op {
        Op::AddRecipient { name, .. } => format!("add recipient '{name}'"),
        Op::SetRecipient {
            name,
            field,
            old,
            new,
        } => format!(
            "recipient '{name}': {} '{old}' → '{new}'",
            field.audit_name()
        ),
        Op::AddGrant { grant, .. } => format!("add grant {}", g(grant)),
        Op::SetGrant {
            grant,
            field,
            old,
            new,
        } => format!("{}: {} '{old}' → '{new}'", g(grant), field.audit_name()),
        Op::SetFocusArea {
            grant,
            position,
            old,
            new,
        } => match old {
            None => format!("{}: add focus area {position} '{}'", g(grant), new.0),
            Some(old) => format!(
                "{}: focus area {position} '{}' → '{}'",
                g(grant),
                old.0,
                new.0
            ),
        },
        Op::RemoveFocusArea {
            grant,
            position,
            old,
        } => format!("{}: remove focus area {position} '{}'", g(grant), old.0),
        Op::AddReceipt { grant, receipt } => format!(
            "{}: add receipt {} {} {}",
            g(grant),
            receipt.date,
            receipt.amount,
            receipt.kind.code()
        ),
        Op::RemoveReceipt { grant, receipt } => format!(
            "{}: remove receipt {} {} {}",
            g(grant),
            receipt.date,
            receipt.amount,
            receipt.kind.code()
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
            "{}: allocation of '{recipient}' {} → {}",
            g(grant),
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
                "{}: '{recipient}' focus area {position}: {} → {}",
                g(grant),
                old.amount,
                new.amount
            );
            if old.note != new.note {
                s.push_str(&format!(", note '{}' → '{}'", old.note, new.note));
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
                (None, Some(_)) => "add report",
                (Some(_), None) => "remove report",
                _ => "change report",
            };
            format!("{}: {what} of '{recipient}'", g(grant))
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_name_only_the_kinds_that_occur() {
        let s = Summary {
            recipients_added: 2,
            spending: 90,
            unchanged: 10,
            ..Summary::default()
        };
        assert_eq!(
            s.to_string(),
            "recipients added: 2, spending values: 90, already as in the file: 10"
        );
        assert_eq!(
            SV.summary(&s),
            "nya mottagare: 2, belopp per fokusområde: 90, redan som i filen: 10"
        );
        assert_eq!(Summary::default().to_string(), "no changes");
        assert_eq!(SV.summary(&Summary::default()), "inga ändringar");
    }
}
