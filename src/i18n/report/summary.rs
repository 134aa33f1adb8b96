//! The report's title, the facts of the grant, the summary's sentences and
//! the background's.

use chrono::NaiveDate;

use crate::domain::Lang;
use crate::domain::money::Money;
use crate::report::capitalise;
use crate::report::wording::{PayBack, SummaryWording, Wording};

use super::{ReportWords, genitive};

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

    fn summary_received(&self, received: Money, giver: &str, grant_title: &str) -> String {
        let m = self.amount(received);
        match (self.lang, received.is_zero()) {
            (Lang::Sv, false) => {
                format!("Nämnden har tagit emot {m} från {giver} inom bidraget {grant_title}.")
            }
            (Lang::Sv, true) => format!(
                "Nämnden har ännu inte tagit emot några medel från {giver} inom bidraget {grant_title}."
            ),
            (Lang::En, false) => {
                format!("The committee received {m} from {giver} under the grant {grant_title}.")
            }
            (Lang::En, true) => format!(
                "The committee has not yet received any money from {giver} under the grant {grant_title}."
            ),
        }
    }

    /// "Två mottagare har inte använt något av sina medel och tre har
    /// använt en del": the second count leans on the first's noun.
    fn summary_short_of(&self, used_none: usize, used_part: usize) -> String {
        let (a, b) = (self.count(used_none), self.count(used_part));
        let none = match (self.lang, used_none) {
            (_, 0) => None,
            (Lang::Sv, _) => Some(format!("{a} mottagare har inte använt något av sina medel")),
            (Lang::En, 1) => Some(format!("{a} recipient used none of its money")),
            (Lang::En, _) => Some(format!("{a} recipients used none of their money")),
        };
        let part = match (self.lang, used_part, none.is_some()) {
            (_, 0, _) => None,
            (Lang::Sv, _, true) => Some(format!("{b} har använt en del")),
            (Lang::Sv, _, false) => Some(format!("{b} mottagare har använt en del av sina medel")),
            (Lang::En, 1, true) => Some(format!("{b} used only part of its")),
            (Lang::En, _, true) => Some(format!("{b} used only part of theirs")),
            (Lang::En, 1, false) => Some(format!("{b} recipient used only part of its money")),
            (Lang::En, _, false) => Some(format!("{b} recipients used only part of their money")),
        };
        let clauses: Vec<String> = none.into_iter().chain(part).collect();
        format!(
            "{}.",
            capitalise(&clauses.join(self.lang.pick(" och ", " and ")))
        )
    }

    fn summary_waiting(&self, waiting: usize) -> String {
        let n = capitalise(&self.count(waiting));
        match (self.lang, waiting) {
            (Lang::Sv, _) => {
                format!("{n} mottagare har ännu inte redovisat, så beloppen kan ändras.")
            }
            (Lang::En, 1) => {
                format!("{n} recipient has not reported yet, so the amounts may change.")
            }
            (Lang::En, _) => {
                format!("{n} recipients have not reported yet, so the amounts may change.")
            }
        }
    }

    fn pay_back(&self, p: PayBack, giver: &str) -> String {
        let m = |x: Money| self.amount(x);
        let sentence = match (self.lang, p) {
            (Lang::Sv, PayBack::Nothing) => format!("Inget ska betalas tillbaka till {giver}."),
            (Lang::En, PayBack::Nothing) => format!("Nothing is to be paid back to {giver}."),
            // Swedish prose starts no sentence with digits.
            (Lang::Sv, PayBack::Owed(owed)) => {
                format!("Till {giver} ska {} betalas tillbaka.", m(owed))
            }
            (Lang::En, PayBack::Owed(owed)) => {
                format!("{} is to be paid back to {giver}.", m(owed))
            }
            (
                Lang::Sv,
                PayBack::Part {
                    owed,
                    repaid,
                    outstanding,
                },
            ) => format!(
                "Av de {} som ska betalas tillbaka till {giver} har {} betalats; {} återstår.",
                m(owed),
                m(repaid),
                m(outstanding)
            ),
            (
                Lang::En,
                PayBack::Part {
                    owed,
                    repaid,
                    outstanding,
                },
            ) => format!(
                "Of the {} to be paid back to {giver}, {} has been paid and {} is still outstanding.",
                m(owed),
                m(repaid),
                m(outstanding)
            ),
            (Lang::Sv, PayBack::Paid(owed)) => format!(
                "De {} som skulle betalas tillbaka till {giver} har betalats i sin helhet.",
                m(owed)
            ),
            (Lang::En, PayBack::Paid(owed)) => format!(
                "The {} to be paid back to {giver} has been paid in full.",
                m(owed)
            ),
            (Lang::Sv, PayBack::Over { owed, repaid, .. }) if owed.is_zero() => format!(
                "Inget skulle betalas tillbaka, men {} har ändå betalats till {giver}.",
                m(repaid)
            ),
            (Lang::En, PayBack::Over { owed, repaid, .. }) if owed.is_zero() => format!(
                "Nothing was to be paid back, yet {} has been paid to {giver}.",
                m(repaid)
            ),
            (Lang::Sv, PayBack::Over { owed, repaid, over }) => format!(
                "Till {giver} har {} betalats tillbaka, {} mer än de {} som skulle betalas tillbaka.",
                m(repaid),
                m(over),
                m(owed)
            ),
            (Lang::En, PayBack::Over { owed, repaid, over }) => format!(
                "{} has been paid back to {giver}, {} more than the {} that was to be paid back.",
                m(repaid),
                m(over),
                m(owed)
            ),
        };
        capitalise(&sentence)
    }

    fn background_grant(
        &self,
        grant_title: &str,
        giver: &str,
        year: i32,
        decision: Option<&str>,
    ) -> String {
        let grant = match self.lang {
            Lang::Sv => format!("{grant_title} är ett bidrag från {giver} för år {year}."),
            Lang::En => format!("{grant_title} is a grant from {giver} for {year}."),
        };
        match (self.lang, decision) {
            (_, None) => grant,
            (Lang::Sv, Some(d)) => format!(
                "{grant} Bidraget ges enligt {} beslut med diarienummer {d}.",
                genitive(giver)
            ),
            (Lang::En, Some(d)) => {
                format!("{grant} It is given under {giver}'s decision with reference {d}.")
            }
        }
    }

    fn background_areas(&self, count: usize) -> String {
        let n = self.count(count);
        match (self.lang, count) {
            (Lang::Sv, 1) => "Medlen är avsedda för ett fokusområde:".into(),
            (Lang::Sv, _) => format!("Medlen är avsedda för {n} fokusområden:"),
            (Lang::En, 1) => "The money is meant for one focus area:".into(),
            (Lang::En, _) => format!("The money is meant for {n} focus areas:"),
        }
    }

    fn background_rules(
        &self,
        from: NaiveDate,
        until: NaiveDate,
        due: NaiveDate,
        giver: &str,
    ) -> String {
        let (from, until, due) = (
            self.long_date(from),
            self.long_date(until),
            self.long_date(due),
        );
        match self.lang {
            Lang::Sv => format!(
                "Medlen får användas från och med {from} till och med {until}. Det som inte har använts när perioden är slut ska betalas tillbaka, och redovisningen ska ha kommit in till {giver} senast {due}."
            ),
            Lang::En => format!(
                "The money may be used from {from} to {until} inclusive. What has not been used by the end of that period is to be paid back, and the report must reach {giver} by {due}."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{EN, SV};
    use super::*;

    #[test]
    fn who_fell_short_in_every_combination() {
        assert_eq!(
            SV.summary_short_of(2, 3),
            "Två mottagare har inte använt något av sina medel och tre har använt en del."
        );
        assert_eq!(
            SV.summary_short_of(0, 1),
            "En mottagare har använt en del av sina medel."
        );
        assert_eq!(
            SV.summary_short_of(1, 0),
            "En mottagare har inte använt något av sina medel."
        );
        assert_eq!(
            EN.summary_short_of(1, 1),
            "One recipient used none of its money and one used only part of its."
        );
        assert_eq!(
            EN.summary_short_of(0, 3),
            "Three recipients used only part of their money."
        );
        assert_eq!(
            EN.summary_waiting(1),
            "One recipient has not reported yet, so the amounts may change."
        );
    }

    #[test]
    fn nothing_owed_but_paid_is_said_so() {
        let p = PayBack::Over {
            owed: Money::ZERO,
            repaid: Money::from_kronor(100),
            over: Money::from_kronor(100),
        };
        assert_eq!(
            SV.pay_back(p, "Socialstyrelsen"),
            "Inget skulle betalas tillbaka, men 100\u{a0}kronor har ändå betalats till Socialstyrelsen."
        );
        assert_eq!(
            EN.pay_back(PayBack::Owed(Money::from_kronor(5)), "X"),
            "SEK\u{a0}5 is to be paid back to X."
        );
    }
}
