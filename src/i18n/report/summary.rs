//! The report's title, the facts of the grant and the summary's sentences.

use chrono::NaiveDate;

use crate::domain::Lang;
use crate::domain::model::ReceiptKind;
use crate::domain::money::Money;
use crate::report::wording::{SummaryWording, Wording};

use super::{ReportWords, join_with};
use crate::report::capitalise;

impl SummaryWording for ReportWords {
    fn title(&self, grant_title: &str) -> String {
        match self.lang {
            Lang::Sv => format!("Redovisning: {grant_title}"),
            Lang::En => format!("Report: {grant_title}"),
        }
    }

    fn long_date(&self, d: NaiveDate) -> String {
        ReportWords::long_date(self, d)
    }

    fn period(&self, from: NaiveDate, until: NaiveDate) -> String {
        format!("{} – {}", self.long_date(from), self.long_date(until))
    }

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

    fn unallocated_kept(&self, unallocated: Money) -> String {
        let m = self.amount(unallocated);
        match self.lang {
            Lang::Sv => format!("Resterande {m} har inte fördelats utan har stannat centralt."),
            Lang::En => format!("The remaining {m} was not allocated but kept centrally."),
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

    fn to_return(&self, to_return: Money, giver: &str) -> String {
        let m = self.amount(to_return);
        match self.lang {
            Lang::Sv => {
                format!("Det som inte har använts, {m}, ska betalas tillbaka till {giver}.")
            }
            Lang::En => format!("What was not used, {m}, is to be paid back to {giver}."),
        }
    }

    fn to_return_after_credit(
        &self,
        received: Money,
        credited: Money,
        to_return: Money,
        giver: &str,
    ) -> String {
        let (r, c, m) = (
            self.amount(received),
            self.amount(credited),
            self.amount(to_return),
        );
        match self.lang {
            Lang::Sv => format!(
                "Av de {r} som har tagits emot räknas {c} som använt inom tilldelningarna; resterande {m} ska betalas tillbaka till {giver}."
            ),
            Lang::En => format!(
                "Of the {r} received, {c} counts as used within the allocations; the remaining {m} is to be paid back to {giver}."
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
