//! The sentences of the report's body and close: the lead of each focus
//! area's spending and the proposed decision.

use crate::domain::Lang;
use crate::domain::money::Money;
use crate::report::capitalise;
use crate::report::wording::{SectionWording, Wording};

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

    fn proposal_approve(&self, grant_title: &str) -> String {
        match self.lang {
            Lang::Sv => format!(
                "Förvaltningens förslag är att nämnden godkänner den här sammanställningen av hur {grant_title} har använts."
            ),
            Lang::En => format!(
                "The administration recommends that the committee approve this account of how {grant_title} was used."
            ),
        }
    }

    fn proposal_approve_and_return(&self, grant_title: &str, back: Money, giver: &str) -> String {
        let back = self.amount(back);
        match self.lang {
            Lang::Sv => format!(
                "Förvaltningens förslag är att nämnden godkänner den här sammanställningen av hur {grant_title} har använts och noterar att {back} ska betalas tillbaka till {giver}."
            ),
            Lang::En => format!(
                "The administration recommends that the committee approve this account of how {grant_title} was used and note that {back} is to be paid back to {giver}."
            ),
        }
    }
}
