//! The report's words for the grant's references, the moves between
//! recipients and the money paid back.

use crate::domain::Lang;
use crate::domain::money::Money;
use crate::domain::money_back::RepaymentKind;
use crate::report::wording::{MoneyBackWording, Wording};

use super::ReportWords;

impl MoneyBackWording for ReportWords {
    fn references_line(&self, giver: &str, giver_ref: Option<&str>, own: Option<&str>) -> String {
        let mut parts = Vec::new();
        if let Some(r) = giver_ref {
            parts.push(match self.lang {
                Lang::Sv => format!("{giver}s diarienummer: {r}"),
                Lang::En => format!("{giver}'s reference: {r}"),
            });
        }
        if let Some(r) = own {
            parts.push(match self.lang {
                Lang::Sv => format!("Vårt diarienummer: {r}"),
                Lang::En => format!("Our reference: {r}"),
            });
        }
        // The giver's name starts the line and is a name: kept as written.
        format!("{}.", parts.join(". "))
    }

    fn reallocations_heading(&self) -> &'static str {
        self.lang.pick(
            "Omfördelningar mellan mottagare",
            "Reallocations between recipients",
        )
    }

    fn reallocations_lead(&self, count: usize, total: Money) -> String {
        let total = self.amount(total);
        match (self.lang, count) {
            (Lang::Sv, 1) => {
                format!("Under året flyttades {total} mellan mottagare, efter beslut:")
            }
            (Lang::Sv, n) => {
                format!(
                    "Under året flyttades {total} mellan mottagare vid {n} tillfällen, efter beslut:"
                )
            }
            (Lang::En, 1) => {
                format!("During the year {total} was moved between recipients, on a decision:")
            }
            (Lang::En, n) => format!(
                "During the year {total} was moved between recipients in {n} moves, each on a decision:"
            ),
        }
    }

    fn reallocation_columns(&self) -> [&'static str; 5] {
        match self.lang {
            Lang::Sv => ["Datum", "Från", "Till", "Belopp", "Beslut"],
            Lang::En => ["Date", "From", "To", "Amount", "Decision"],
        }
    }

    fn repayments_heading(&self) -> &'static str {
        self.lang.pick("Återbetalning", "Repayment")
    }

    fn repayments_lead(&self, repaid: Money, outstanding: Money, giver: &str) -> String {
        let (repaid_kr, left) = (self.amount(repaid), self.amount(outstanding));
        match (self.lang, outstanding.is_zero()) {
            (Lang::Sv, true) => format!(
                "{repaid_kr} har betalats tillbaka till {giver}; inget återstår att betala."
            ),
            (Lang::Sv, false) => format!(
                "{repaid_kr} har betalats tillbaka till {giver}; {left} återstår att betala."
            ),
            (Lang::En, true) => {
                format!("{repaid_kr} has been paid back to {giver}; nothing is outstanding.")
            }
            (Lang::En, false) => {
                format!("{repaid_kr} has been paid back to {giver}; {left} is still outstanding.")
            }
        }
    }

    fn repayment_columns(&self) -> [&'static str; 4] {
        match self.lang {
            Lang::Sv => ["Datum", "Slag", "Belopp", "Faktura/OCR"],
            Lang::En => ["Date", "Kind", "Amount", "Invoice/OCR"],
        }
    }

    fn repayment_kind(&self, kind: RepaymentKind) -> &'static str {
        crate::i18n::money_back::repayment_kind(kind, self.lang)
    }
}
