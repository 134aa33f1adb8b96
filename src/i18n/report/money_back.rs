//! The report's words for the moves between recipients and the money
//! paid back (its lead sentence is `pay_back`, shared with the summary).

use crate::domain::Lang;
use crate::domain::money::Money;
use crate::domain::money_back::RepaymentKind;
use crate::report::wording::{MoneyBackWording, Wording};

use super::ReportWords;

impl MoneyBackWording for ReportWords {
    fn reallocations_heading(&self) -> &'static str {
        self.lang.pick(
            "Omfördelningar mellan mottagare",
            "Reallocations between recipients",
        )
    }

    fn reallocations_lead(&self, count: usize, total: Money) -> String {
        let total = self.amount(total);
        let n = self.count(count);
        match (self.lang, count) {
            (Lang::Sv, 1) => format!("Från en mottagare till en annan har {total} flyttats:"),
            (Lang::Sv, _) => {
                format!("Vid {n} tillfällen har sammanlagt {total} flyttats mellan mottagare:")
            }
            (Lang::En, 1) => format!("{total} was moved from one recipient to another:"),
            (Lang::En, _) => format!("{total} in all was moved between recipients in {n} moves:"),
        }
    }

    fn reallocations_after(&self, count: usize) -> &'static str {
        match (self.lang, count) {
            (Lang::Sv, 1) => {
                "Tilldelningarna i redovisningen är de som gäller efter omfördelningen."
            }
            (Lang::Sv, _) => {
                "Tilldelningarna i redovisningen är de som gäller efter omfördelningarna."
            }
            (Lang::En, 1) => "The allocations in this report are those after the move.",
            (Lang::En, _) => "The allocations in this report are those after the moves.",
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
