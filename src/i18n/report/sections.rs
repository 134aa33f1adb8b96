//! The sentences of the report's body and close: the lead of each focus
//! area's spending and the proposed decision with what goes back.

use crate::domain::Lang;
use crate::domain::money::Money;
use crate::report::capitalise;
use crate::report::wording::{PayBack, SectionWording, Wording};

use super::ReportWords;

impl SectionWording for ReportWords {
    /// The list below names every recipient; the lead sentence counts them
    /// rather than naming nine districts twice.
    fn area_lead(&self, names: &[&str], total: Money, place: &str) -> String {
        let total = self.amount(total);
        let many = capitalise(&self.count(names.len()));
        match (self.lang, names) {
            (Lang::Sv, [one]) => format!("{one} har använt {total} {place}:"),
            (Lang::Sv, _) => format!("{many} mottagare har tillsammans använt {total} {place}:"),
            (Lang::En, [one]) => format!("{one} spent {total} {place}:"),
            (Lang::En, _) => format!("{many} recipients together spent {total} {place}:"),
        }
    }

    fn own_words(&self, name: &str, words: &str, contact: &str) -> String {
        match (self.lang, contact) {
            (_, "") => format!("{name}: {words}"),
            (Lang::Sv, _) => format!("{name}: {words} (Kontaktperson: {contact})"),
            (Lang::En, _) => format!("{name}: {words} (Contact person: {contact})"),
        }
    }

    fn proposal(&self, grant_title: &str, p: PayBack, giver: &str) -> String {
        let m = |x: Money| self.amount(x);
        let approve = match self.lang {
            Lang::Sv => format!(
                "Förvaltningens förslag är att nämnden godkänner den här sammanställningen av hur {grant_title} har använts"
            ),
            Lang::En => format!(
                "The administration recommends that the committee approve this account of how {grant_title} was used"
            ),
        };
        let note = match (self.lang, p) {
            (_, PayBack::Nothing) => String::new(),
            (Lang::Sv, PayBack::Owed(owed)) => {
                format!(
                    " och noterar att {} ska betalas tillbaka till {giver}",
                    m(owed)
                )
            }
            (Lang::En, PayBack::Owed(owed)) => {
                format!(" and note that {} is to be paid back to {giver}", m(owed))
            }
            (Lang::Sv, PayBack::Part { owed, repaid, .. }) => format!(
                " och noterar att {} ska betalas tillbaka till {giver}, varav {} redan har betalats",
                m(owed),
                m(repaid)
            ),
            (Lang::En, PayBack::Part { owed, repaid, .. }) => format!(
                " and note that {} is to be paid back to {giver}, of which {} has already been paid",
                m(owed),
                m(repaid)
            ),
            (Lang::Sv, PayBack::Paid(owed)) => format!(
                " och noterar att de {} som skulle betalas tillbaka till {giver} har betalats",
                m(owed)
            ),
            (Lang::En, PayBack::Paid(owed)) => format!(
                " and note that the {} to be paid back to {giver} has been paid",
                m(owed)
            ),
            (Lang::Sv, PayBack::Over { owed, repaid, .. }) if owed.is_zero() => format!(
                " och noterar att {} har betalats till {giver} fast inget skulle betalas tillbaka",
                m(repaid)
            ),
            (Lang::En, PayBack::Over { owed, repaid, .. }) if owed.is_zero() => format!(
                " and note that {} has been paid to {giver} although nothing was to be paid back",
                m(repaid)
            ),
            (Lang::Sv, PayBack::Over { owed, repaid, over }) => format!(
                " och noterar att {} har betalats tillbaka till {giver}, {} mer än de {} som skulle betalas tillbaka",
                m(repaid),
                m(over),
                m(owed)
            ),
            (Lang::En, PayBack::Over { owed, repaid, over }) => format!(
                " and note that {} has been paid back to {giver}, {} more than the {} that was to be paid back",
                m(repaid),
                m(over),
                m(owed)
            ),
        };
        format!("{approve}{note}.")
    }
}
