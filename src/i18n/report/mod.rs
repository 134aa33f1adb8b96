//! The report's words, in Swedish and English: the fixed words as fields,
//! each sentence as a method (one file per part of the report, as in
//! `src/report/`). The report says what it needs through
//! `report::wording`; this fills it in.

mod case;
mod listing;
mod money_back;
mod sections;
mod summary;
mod unused;

use chrono::{Datelike, NaiveDate};

use crate::domain::Lang;
use crate::domain::flags::Flag;
use crate::domain::model::ReceiptKind;
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;
use crate::report::NBSP;
use crate::report::wording::{FactLabels, Terms, Wording};

pub use listing::{genitive, join_names, join_with};

/// The report's words in one language.
#[derive(Debug)]
pub struct ReportWords {
    pub lang: Lang,
    pub terms: Terms,
}

pub const SV: ReportWords = ReportWords {
    lang: Lang::Sv,
    terms: Terms {
        summary: "Sammanfattning",
        background: "Bakgrund",
        the_case: "Ärendet",
        money_not_used: "Medel som inte har använts",
        reasons: "Skäl till att medel inte har använts",
        focus_areas: "Användning per fokusområde",
        evaluation: "Utvärdering",
        figures: "Mottagare i siffror",
        open_flags: "Att uppmärksamma",
        proposal: "Förslag till beslut",
        nothing_allocated_yet: "Inget har ännu fördelats till någon mottagare.",
        nothing_to_return: "Allt som har tagits emot har använts, så inget ska betalas tillbaka.",
        nothing_received_to_return: "Eftersom inga medel har tagits emot finns inget att betala tillbaka.",
        nothing_reported_yet: "Ingen mottagare har ännu redovisat hur medlen har använts.",
        may_change_all: "Beloppet kan ändras när redovisningarna har kommit in.",
        all_used: "Alla mottagare har använt hela sin tilldelning.",
        reasons_lead: "Följande skäl har angetts:",
        no_focus_areas: "Bidraget har inga fokusområden.",
        focus_areas_lead: "Här följer vad medlen har gått till, område för område, med anteckningarna så som de har lämnats.",
        in_this_area: "inom området",
        outside_focus_areas: "utanför fokusområdena",
        no_spending_in_area: "Ingen mottagare har redovisat användning inom området.",
        no_evaluation: "Ingen mottagare har redovisat någon utvärdering.",
        evaluation_lead: "Så här beskrivs hur arbetet har utvärderats:",
        no_allocations: "Inga medel har fördelats till någon mottagare.",
        amounts_in_kronor: "Belopp i kronor.",
        table_header: [
            "Mottagare",
            "Fördelat",
            "Använt",
            "Oanvänt",
            "Överskridet",
            "Status",
        ],
        total: "Summa",
        amount: "Belopp",
        flags_lead: "Följande punkter är fortfarande öppna för bidraget, de viktigaste först:",
        facts: FactLabels {
            our_reference: "Diarienummer",
            giver_reference: "Bidragsgivarens diarienummer",
            committee: "Nämnd",
            officer: "Handläggare",
            giver: "Bidragsgivare",
            year: "Bidragsår",
            period: "Användningsperiod",
            due: "Redovisas senast",
            compiled: "Sammanställd",
        },
        page: "Sida",
        page_of: "av",
    },
};

pub const EN: ReportWords = ReportWords {
    lang: Lang::En,
    terms: Terms {
        summary: "Summary",
        background: "Background",
        the_case: "The case",
        money_not_used: "Money not used",
        reasons: "Reasons given for not using the money",
        focus_areas: "Spending by focus area",
        evaluation: "Evaluation",
        figures: "Recipients in figures",
        open_flags: "Open flags",
        proposal: "Proposed decision",
        nothing_allocated_yet: "Nothing has been allocated to any recipient yet.",
        nothing_to_return: "Everything received has been used, so nothing is to be paid back.",
        nothing_received_to_return: "As no money has been received, there is nothing to pay back.",
        nothing_reported_yet: "No recipient has reported how the money was used yet.",
        may_change_all: "The amount may change once the reports are in.",
        all_used: "Every recipient used its whole allocation.",
        reasons_lead: "These reasons were given:",
        no_focus_areas: "The grant has no focus areas.",
        focus_areas_lead: "What the money went to, area by area, with the notes as they were given.",
        in_this_area: "in this area",
        outside_focus_areas: "outside the focus areas",
        no_spending_in_area: "No recipient reported spending in this area.",
        no_evaluation: "No recipient reported an evaluation.",
        evaluation_lead: "How the work was evaluated, as described:",
        no_allocations: "No money has been allocated to any recipient.",
        amounts_in_kronor: "Amounts in SEK.",
        table_header: [
            "Recipient",
            "Allocated",
            "Used",
            "Unused",
            "Overspent",
            "Status",
        ],
        total: "Total",
        amount: "Amount",
        flags_lead: "These points are still open for the grant, the most serious first:",
        facts: FactLabels {
            our_reference: "Reference",
            giver_reference: "Grant giver's reference",
            committee: "Committee",
            officer: "Handling officer",
            giver: "Grant giver",
            year: "Grant year",
            period: "Use period",
            due: "Report due",
            compiled: "Compiled",
        },
        page: "Page",
        page_of: "of",
    },
};

/// This part of the words of `lang` (see `i18n::Texts`).
pub fn words(lang: Lang) -> &'static ReportWords {
    &super::texts(lang).report
}

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Wording for ReportWords {
    fn lang(&self) -> Lang {
        self.lang
    }

    fn terms(&self) -> &Terms {
        &self.terms
    }

    /// Reports spell out "kronor" where the screen shows "kr".
    fn amount(&self, m: Money) -> String {
        match self.lang {
            Lang::Sv => format!("{}{NBSP}kronor", m.format(self.lang)),
            Lang::En => format!("SEK{NBSP}{}", m.format(self.lang)),
        }
    }

    fn status(&self, s: RecipientStatus) -> &'static str {
        match (s, self.lang) {
            (RecipientStatus::NotReported, Lang::Sv) => "ej redovisat",
            (RecipientStatus::NotReported, Lang::En) => "not reported",
            (RecipientStatus::Unused, Lang::Sv) => "oanvänt",
            (RecipientStatus::Unused, Lang::En) => "unused",
            (RecipientStatus::Partial, Lang::Sv) => "delvis",
            (RecipientStatus::Partial, Lang::En) => "partial",
            (RecipientStatus::Full, Lang::Sv) => "fullt",
            (RecipientStatus::Full, Lang::En) => "full",
            (RecipientStatus::Overspent, Lang::Sv) => "överskridet",
            (RecipientStatus::Overspent, Lang::En) => "overspent",
        }
    }

    fn flag(&self, f: &Flag) -> String {
        super::flags::message(f, self.lang)
    }
}

impl ReportWords {
    /// "15 mars 2017", "15 March 2017": the form a committee paper uses.
    fn long_date(&self, d: NaiveDate) -> String {
        let months = match self.lang {
            Lang::Sv => &MONTHS_SV,
            Lang::En => &MONTHS_EN,
        };
        let month = months[d.month0() as usize % 12];
        format!("{}{NBSP}{month} {}", d.day(), d.year())
    }

    /// Several amounts in one phrase, each paired with a name said just
    /// before: "180 000 respektive 160 000 kronor", "SEK 180,000 and SEK
    /// 160,000 respectively". Swedish names the unit once, as people write it.
    fn amounts_respectively(&self, ms: &[Money]) -> String {
        match (ms, self.lang) {
            ([one], _) => self.amount(*one),
            (_, Lang::Sv) => {
                let nums: Vec<String> = ms.iter().map(|m| m.format(self.lang)).collect();
                format!("{}{NBSP}kronor", join_with(&nums, "respektive"))
            }
            (_, Lang::En) => {
                let all: Vec<String> = ms.iter().map(|m| self.amount(*m)).collect();
                format!("{} respectively", join_with(&all, "and"))
            }
        }
    }

    /// How a receipt came in, to follow its amount: "genom rekvisition".
    fn receipt_how(&self, kind: ReceiptKind) -> &'static str {
        match (kind, self.lang) {
            (ReceiptKind::Requisition, Lang::Sv) => "genom rekvisition",
            (ReceiptKind::Requisition, Lang::En) => "by requisition",
            (ReceiptKind::Redistribution, Lang::Sv) => "genom omfördelning",
            (ReceiptKind::Redistribution, Lang::En) => "through redistribution",
            (ReceiptKind::Other, Lang::Sv) => "som övrig inbetalning",
            (ReceiptKind::Other, Lang::En) => "as another payment",
        }
    }

    /// A count in words, as running text says small numbers: "två",
    /// "three". From thirteen on, digits. Swedish "en" is the common
    /// gender, which fits "mottagare" and "utbetalning", the nouns counted.
    fn count(&self, n: usize) -> String {
        const SV: [&str; 13] = [
            "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
            "tolv",
        ];
        const EN: [&str; 13] = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve",
        ];
        let words = match self.lang {
            Lang::Sv => &SV,
            Lang::En => &EN,
        };
        words
            .get(n)
            .map_or_else(|| n.to_string(), |w| w.to_string())
    }

    /// Names joined into a phrase: "A, B och C".
    fn names(&self, names: &[&str]) -> String {
        join_names(names, self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    #[test]
    fn amounts_in_sentences() {
        let m = Money::from_kronor(2_945_873);
        assert_eq!(SV.amount(m), "2 945 873\u{a0}kronor");
        assert_eq!(EN.amount(m), "SEK\u{a0}2,945,873");
        let two = [Money::from_kronor(180_000), Money::from_kronor(160_000)];
        assert_eq!(
            SV.amounts_respectively(&two),
            "180 000 respektive 160 000\u{a0}kronor"
        );
        assert_eq!(
            EN.amounts_respectively(&two),
            "SEK\u{a0}180,000 and SEK\u{a0}160,000 respectively"
        );
    }

    #[test]
    fn long_dates() {
        assert_eq!(SV.long_date(d("2017-03-15")), "15\u{a0}mars 2017");
        assert_eq!(EN.long_date(d("2017-07-10")), "10\u{a0}July 2017");
    }

    #[test]
    fn counts_in_words() {
        assert_eq!(SV.count(2), "två");
        assert_eq!(EN.count(12), "twelve");
        assert_eq!(SV.count(15), "15");
    }
}
