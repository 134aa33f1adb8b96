//! The sentences of "Ärendet": what came in, was handed on, used and
//! goes back, and how much of that has been paid.

use chrono::NaiveDate;

use crate::domain::Lang;
use crate::domain::model::ReceiptKind;
use crate::domain::money::Money;
use crate::report::capitalise;
use crate::report::wording::{CaseWording, PayBack, Wording};

use super::{ReportWords, join_with};

impl CaseWording for ReportWords {
    /// "2 922 920 kronor[ från X] genom rekvisition den 15 mars 2017 (note)".
    fn receipt(
        &self,
        amount: Money,
        giver: Option<&str>,
        kind: ReceiptKind,
        date: NaiveDate,
        note: &str,
    ) -> String {
        let amount = self.amount(amount);
        let how = self.receipt_how(kind);
        let date = self.long_date(date);
        let note = if note.is_empty() {
            String::new()
        } else {
            format!(" ({note})")
        };
        match (self.lang, giver) {
            (Lang::Sv, Some(giver)) => format!("{amount} från {giver} {how} den {date}{note}"),
            (Lang::Sv, None) => format!("{amount} {how} den {date}{note}"),
            (Lang::En, Some(giver)) => format!("{amount} from {giver} {how} on {date}{note}"),
            (Lang::En, None) => format!("{amount} {how} on {date}{note}"),
        }
    }

    fn received_none(&self, giver: &str) -> String {
        match self.lang {
            Lang::Sv => format!("Inga medel har ännu tagits emot från {giver} för bidraget."),
            Lang::En => format!("No money has been received from {giver} for this grant yet."),
        }
    }

    fn received_one(&self, receipt: &str) -> String {
        match self.lang {
            Lang::Sv => format!("Nämnden har tagit emot {receipt}."),
            Lang::En => format!("The committee received {receipt}."),
        }
    }

    fn received_many(&self, total: Money, giver: &str, receipts: &[String]) -> String {
        let total = self.amount(total);
        let n = self.count(receipts.len());
        match self.lang {
            Lang::Sv => format!(
                "Nämnden har tagit emot sammanlagt {total} från {giver} vid {n} tillfällen: {}.",
                join_with(receipts, "och")
            ),
            Lang::En => format!(
                "The committee received {total} in all from {giver} in {n} payments: {}.",
                join_with(receipts, "and")
            ),
        }
    }

    fn allocated_to(&self, allocated: Money, recipients: usize, within: bool) -> String {
        let allocated = self.amount(allocated);
        let n = self.count(recipients);
        let whom = match (self.lang, recipients) {
            (Lang::Sv, _) => format!("{n} mottagare"),
            (Lang::En, 1) => format!("{n} recipient"),
            (Lang::En, _) => format!("{n} recipients"),
        };
        match (self.lang, within) {
            (Lang::Sv, true) => format!("Av detta har {allocated} fördelats till {whom}."),
            (Lang::Sv, false) => format!("Till {whom} har {allocated} fördelats."),
            (Lang::En, true) => format!("Of this, {allocated} was allocated to {whom}."),
            (Lang::En, false) => format!("{} was allocated to {whom}.", capitalise(&allocated)),
        }
    }

    fn unallocated_kept(&self, unallocated: Money, redistribution: Option<NaiveDate>) -> String {
        let m = self.amount(unallocated);
        let date = redistribution.map(|d| self.long_date(d));
        match (self.lang, date) {
            (Lang::Sv, None) => {
                format!("Resterande {m} har inte fördelats utan har stannat centralt.")
            }
            (Lang::Sv, Some(d)) => format!(
                "Resterande {m}, motsvarande omfördelningen den {d}, har inte fördelats utan har stannat centralt."
            ),
            (Lang::En, None) => format!("The remaining {m} was not allocated but kept centrally."),
            (Lang::En, Some(d)) => format!(
                "The remaining {m}, matching the redistribution of {d}, was not allocated but kept centrally."
            ),
        }
    }

    fn allocated_beyond_received(&self, excess: Money) -> String {
        let m = self.amount(excess);
        match self.lang {
            Lang::Sv => format!("Det är {m} mer än vad som har tagits emot."),
            Lang::En => format!("That is {m} more than was received."),
        }
    }

    fn recipients_used(&self, used: Money, recipients: usize) -> String {
        let m = self.amount(used);
        match (self.lang, recipients) {
            (Lang::Sv, 1) if used.is_zero() => "Mottagaren har inte använt något.".into(),
            (Lang::Sv, _) if used.is_zero() => "Mottagarna har inte använt något.".into(),
            (Lang::En, 1) if used.is_zero() => "The recipient has used nothing.".into(),
            (Lang::En, _) if used.is_zero() => "The recipients have used nothing.".into(),
            (Lang::Sv, 1) => format!("Mottagaren har använt {m}."),
            (Lang::Sv, _) => format!("Mottagarna har använt {m}."),
            (Lang::En, 1) => format!("The recipient used {m}."),
            (Lang::En, _) => format!("The recipients used {m}."),
        }
    }

    fn overspent_borne(&self, overspent: Money) -> String {
        let m = self.amount(overspent);
        match self.lang {
            Lang::Sv => format!(
                "Av det ligger {m} utöver tilldelningarna; den delen står mottagarna själva för och den räknas inte mot bidraget."
            ),
            Lang::En => format!(
                "Of that, {m} went beyond the allocations; the recipients bear that part themselves and it does not count against the grant."
            ),
        }
    }

    fn to_return(&self, to_return: Money, giver: &str, settled: bool) -> String {
        let m = self.amount(to_return);
        match (self.lang, settled) {
            (Lang::Sv, false) => {
                format!("Det som inte har använts, {m}, ska betalas tillbaka till {giver}.")
            }
            (Lang::Sv, true) => {
                format!("Det som inte användes, {m}, skulle betalas tillbaka till {giver}.")
            }
            (Lang::En, false) => format!("What was not used, {m}, is to be paid back to {giver}."),
            (Lang::En, true) => format!("What was not used, {m}, was to be paid back to {giver}."),
        }
    }

    fn to_return_after_credit(
        &self,
        received: Money,
        credited: Money,
        to_return: Money,
        giver: &str,
        settled: bool,
    ) -> String {
        let (r, c, m) = (
            self.amount(received),
            self.amount(credited),
            self.amount(to_return),
        );
        let (ska, is) = if settled {
            ("skulle", "was")
        } else {
            ("ska", "is")
        };
        match self.lang {
            Lang::Sv => format!(
                "Av de {r} som har tagits emot räknas {c} som använt inom tilldelningarna; resterande {m} {ska} betalas tillbaka till {giver}."
            ),
            Lang::En => format!(
                "Of the {r} received, {c} counts as used within the allocations; the remaining {m} {is} to be paid back to {giver}."
            ),
        }
    }

    fn return_made_of(&self, unallocated: Money, unused: Money, recipients: usize) -> String {
        let (a, u) = (self.amount(unallocated), self.amount(unused));
        let who = match (self.lang, recipients) {
            (Lang::Sv, 1) => "mottagaren",
            (Lang::Sv, _) => "mottagarna",
            (Lang::En, 1) => "the recipient",
            (Lang::En, _) => "the recipients",
        };
        match self.lang {
            Lang::Sv => format!(
                "Beloppet består av de {a} som aldrig fördelades och de {u} som {who} inte använde."
            ),
            Lang::En => format!(
                "It is made up of the {a} that was never allocated and the {u} that {who} left unused."
            ),
        }
    }

    fn paid_so_far(&self, p: PayBack, giver: &str) -> String {
        let m = |x: Money| self.amount(x);
        match (self.lang, p) {
            (_, PayBack::Nothing | PayBack::Owed(_)) => String::new(),
            (
                Lang::Sv,
                PayBack::Part {
                    repaid,
                    outstanding,
                    ..
                },
            ) => format!(
                "Av det har {} betalats, och {} återstår.",
                m(repaid),
                m(outstanding)
            ),
            (
                Lang::En,
                PayBack::Part {
                    repaid,
                    outstanding,
                    ..
                },
            ) => format!(
                "Of that, {} has been paid and {} is still outstanding.",
                m(repaid),
                m(outstanding)
            ),
            (Lang::Sv, PayBack::Paid(_)) => "Hela beloppet har betalats.".into(),
            (Lang::En, PayBack::Paid(_)) => "It has been paid in full.".into(),
            (Lang::Sv, PayBack::Over { owed, repaid, .. }) if owed.is_zero() => {
                format!("Trots det har {} betalats till {giver}.", m(repaid))
            }
            (Lang::En, PayBack::Over { owed, repaid, .. }) if owed.is_zero() => {
                format!("Even so, {} has been paid to {giver}.", m(repaid))
            }
            (Lang::Sv, PayBack::Over { repaid, over, .. }) => {
                format!(
                    "Det har betalats {}, alltså {} mer än beloppet.",
                    m(repaid),
                    m(over)
                )
            }
            (Lang::En, PayBack::Over { repaid, over, .. }) => format!(
                "{} has been paid, {} more than that.",
                capitalise(&m(repaid)),
                m(over)
            ),
        }
    }

    fn may_change(&self, waiting: &[&str]) -> String {
        let names = self.names(waiting);
        match (self.lang, waiting.len()) {
            (Lang::Sv, _) => {
                format!("Beloppet kan ändras, eftersom {names} ännu inte har redovisat.")
            }
            (Lang::En, 1) => format!("The amount may change, since {names} has not reported yet."),
            (Lang::En, _) => {
                format!("The amount may change, since {names} have not reported yet.")
            }
        }
    }
}
