//! Flags in words: each flag's reason with its amounts, and the severity
//! words, in Swedish and English. The rules that raise flags are in
//! `domain::flags`; they say what stands out, this says it.

use crate::domain::Lang;
use crate::domain::flags::{Flag, Severity};
use crate::domain::money::Money;

use super::days;

/// The flag words of one language.
#[derive(Debug)]
pub struct FlagWords {
    pub lang: Lang,
    pub info: &'static str,
    pub warning: &'static str,
    pub error: &'static str,
}

pub const SV: FlagWords = FlagWords {
    lang: Lang::Sv,
    info: "info",
    warning: "varning",
    error: "fel",
};

pub const EN: FlagWords = FlagWords {
    lang: Lang::En,
    info: "info",
    warning: "warning",
    error: "error",
};

/// This part of the words of `lang` (see `i18n::Texts`).
pub fn words(lang: Lang) -> &'static FlagWords {
    &super::texts(lang).flags
}

/// A flag's reason in `lang`: the short way for callers that hold a language.
pub fn message(flag: &Flag, lang: Lang) -> String {
    words(lang).message(flag)
}

/// A severity's word in `lang`.
pub fn severity(s: Severity, lang: Lang) -> &'static str {
    words(lang).severity(s)
}

/// "1 mottagare", "3 recipients".
fn recipients(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Sv, n) => format!("{n} mottagare"),
        (Lang::En, 1) => "1 recipient".into(),
        (Lang::En, n) => format!("{n} recipients"),
    }
}

impl FlagWords {
    pub fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Info => self.info,
            Severity::Warning => self.warning,
            Severity::Error => self.error,
        }
    }

    /// The reason in a coordinator's words, with the amounts.
    pub fn message(&self, flag: &Flag) -> String {
        let lang = self.lang;
        let kr = |m: &Money| m.format_with_unit(lang);
        let num = |m: &Money| m.format(lang);
        match (flag, lang) {
            (
                Flag::OverAllocated {
                    allocated,
                    received,
                },
                Lang::Sv,
            ) => format!(
                "Mer fördelat än mottaget: {} fördelat men bara {} mottaget ({} för mycket)",
                kr(allocated),
                kr(received),
                kr(&(*allocated - *received))
            ),
            (
                Flag::OverAllocated {
                    allocated,
                    received,
                },
                Lang::En,
            ) => format!(
                "More allocated than received: {} allocated but only {} received ({} too much)",
                kr(allocated),
                kr(received),
                kr(&(*allocated - *received))
            ),
            (Flag::Unallocated { amount }, Lang::Sv) => format!(
                "{} är inte fördelat; det hålls centralt och betalas tillbaka om det inte fördelas",
                kr(amount)
            ),
            (Flag::Unallocated { amount }, Lang::En) => format!(
                "{} is not allocated; it is held centrally and paid back unless allocated",
                kr(amount)
            ),
            (Flag::NothingReceived, Lang::Sv) => "Inga medel har tagits emot ännu".to_string(),
            (Flag::NothingReceived, Lang::En) => "No money has been received yet".to_string(),
            (
                Flag::PaceBehind {
                    time_pct,
                    used_pct,
                    unused,
                },
                Lang::Sv,
            ) => format!(
                "Användningen släpar: {time_pct} % av perioden har gått men bara {used_pct} % av det fördelade är använt ({} oanvänt)",
                kr(unused)
            ),
            (
                Flag::PaceBehind {
                    time_pct,
                    used_pct,
                    unused,
                },
                Lang::En,
            ) => format!(
                "Spending lags: {time_pct}% of the period has passed but only {used_pct}% of the allocation is used ({} unused)",
                kr(unused)
            ),
            (Flag::UsePeriodEnding { days_left, unused }, Lang::Sv) => format!(
                "Användningsperioden slutar om {} och {} är ännu inte använt",
                days(Lang::Sv, *days_left),
                kr(unused)
            ),
            (Flag::UsePeriodEnding { days_left, unused }, Lang::En) => format!(
                "The use period ends in {} and {} is still unused",
                days(Lang::En, *days_left),
                kr(unused)
            ),
            (Flag::ReportDueSoon { due, days_left }, Lang::Sv) => format!(
                "Redovisningen ska vara inne {due}, om {}",
                days(Lang::Sv, *days_left)
            ),
            (Flag::ReportDueSoon { due, days_left }, Lang::En) => {
                format!(
                    "The report is due on {due}, in {}",
                    days(Lang::En, *days_left)
                )
            }
            (Flag::ReportOverdue { due, days_over }, Lang::Sv) => format!(
                "Redovisningen skulle ha varit inne {due}, för {} sedan",
                days(Lang::Sv, *days_over)
            ),
            (Flag::ReportOverdue { due, days_over }, Lang::En) => {
                format!(
                    "The report was due on {due}, {} ago",
                    days(Lang::En, *days_over)
                )
            }
            (Flag::NotReported { names, .. }, Lang::Sv) => format!(
                "{} har inte redovisat: {}",
                recipients(Lang::Sv, names.len()),
                names.join(", ")
            ),
            (Flag::NotReported { names, .. }, Lang::En) => format!(
                "{} not reported yet: {}",
                recipients(Lang::En, names.len()),
                names.join(", ")
            ),
            (Flag::RecipientUnused { name, allocated }, Lang::Sv) => format!(
                "{name}: 0 av {} använt, allt betalas tillbaka",
                kr(allocated)
            ),
            (Flag::RecipientUnused { name, allocated }, Lang::En) => {
                format!("{name}: 0 of {} used, all of it goes back", kr(allocated))
            }
            (
                Flag::RecipientPartial {
                    name,
                    used,
                    allocated,
                    unused,
                },
                Lang::Sv,
            ) => format!(
                "{name}: {} av {} använt, {} oanvänt",
                num(used),
                kr(allocated),
                kr(unused)
            ),
            (
                Flag::RecipientPartial {
                    name,
                    used,
                    allocated,
                    unused,
                },
                Lang::En,
            ) => format!(
                "{name}: {} of {} used, {} unused",
                num(used),
                kr(allocated),
                kr(unused)
            ),
            (
                Flag::RecipientOverspent {
                    name,
                    used,
                    allocated,
                    over,
                },
                Lang::Sv,
            ) => format!(
                "{name}: {} använt av {}; {} över bärs av mottagaren själv",
                num(used),
                kr(allocated),
                kr(over)
            ),
            (
                Flag::RecipientOverspent {
                    name,
                    used,
                    allocated,
                    over,
                },
                Lang::En,
            ) => format!(
                "{name}: {} used of {}; the {} over is its own cost",
                num(used),
                kr(allocated),
                kr(over)
            ),
            (Flag::RepaymentOutstanding { outstanding, due }, Lang::Sv) => format!(
                "{} ska betalas tillbaka till bidragsgivaren och är inte betalt; redovisningsdagen {due} har passerat",
                kr(outstanding)
            ),
            (Flag::RepaymentOutstanding { outstanding, due }, Lang::En) => format!(
                "{} is owed back to the grant giver and not yet paid; the report date {due} has passed",
                kr(outstanding)
            ),
            (
                Flag::Overpaid {
                    repaid,
                    to_return,
                    over,
                },
                Lang::Sv,
            ) => format!(
                "Mer återbetalt än som ska tillbaka: {} betalt men bara {} att återbetala ({} för mycket)",
                kr(repaid),
                kr(to_return),
                kr(over)
            ),
            (
                Flag::Overpaid {
                    repaid,
                    to_return,
                    over,
                },
                Lang::En,
            ) => format!(
                "More paid back than is owed: {} paid but only {} to return ({} too much)",
                kr(repaid),
                kr(to_return),
                kr(over)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(n: i64) -> Money {
        Money::from_kronor(n)
    }

    fn d(s: &str) -> chrono::NaiveDate {
        s.parse().expect("test date")
    }

    /// The flags the status rules raise in `domain::status::tests`, in words.
    #[test]
    fn reasons_in_words() {
        let cases = [
            (
                Flag::RecipientOverspent {
                    name: "A".into(),
                    used: kr(150),
                    allocated: kr(100),
                    over: kr(50),
                },
                Lang::En,
                "A: 150 used of SEK 100; the SEK 50 over is its own cost",
            ),
            (
                Flag::OverAllocated {
                    allocated: kr(300),
                    received: kr(200),
                },
                Lang::Sv,
                "Mer fördelat än mottaget: 300 kr fördelat men bara 200 kr mottaget (100 kr för mycket)",
            ),
            (
                Flag::RecipientUnused {
                    name: "A".into(),
                    allocated: kr(100),
                },
                Lang::Sv,
                "A: 0 av 100 kr använt, allt betalas tillbaka",
            ),
            (
                Flag::PaceBehind {
                    time_pct: 74,
                    used_pct: 10,
                    unused: kr(900),
                },
                Lang::En,
                "Spending lags: 74% of the period has passed but only 10% of the allocation is used (SEK 900 unused)",
            ),
            (
                Flag::UsePeriodEnding {
                    days_left: 14,
                    unused: kr(300),
                },
                Lang::Sv,
                "Användningsperioden slutar om 14 dagar och 300 kr är ännu inte använt",
            ),
            (
                Flag::ReportOverdue {
                    due: d("2018-03-31"),
                    days_over: 2,
                },
                Lang::En,
                "The report was due on 2018-03-31, 2 days ago",
            ),
            (
                Flag::NotReported {
                    names: vec!["B".into()],
                    after_period: true,
                },
                Lang::Sv,
                "1 mottagare har inte redovisat: B",
            ),
            (
                Flag::RepaymentOutstanding {
                    outstanding: kr(77_468),
                    due: d("2018-03-31"),
                },
                Lang::Sv,
                "77 468 kr ska betalas tillbaka till bidragsgivaren och är inte betalt; redovisningsdagen 2018-03-31 har passerat",
            ),
            (
                Flag::RepaymentOutstanding {
                    outstanding: kr(77_468),
                    due: d("2018-03-31"),
                },
                Lang::En,
                "SEK 77,468 is owed back to the grant giver and not yet paid; the report date 2018-03-31 has passed",
            ),
            (
                Flag::Overpaid {
                    repaid: kr(600),
                    to_return: kr(500),
                    over: kr(100),
                },
                Lang::Sv,
                "Mer återbetalt än som ska tillbaka: 600 kr betalt men bara 500 kr att återbetala (100 kr för mycket)",
            ),
            (
                Flag::Overpaid {
                    repaid: kr(600),
                    to_return: kr(500),
                    over: kr(100),
                },
                Lang::En,
                "More paid back than is owed: SEK 600 paid but only SEK 500 to return (SEK 100 too much)",
            ),
        ];
        for (flag, lang, words) in cases {
            assert_eq!(message(&flag, lang), words);
        }
    }

    #[test]
    fn severity_words() {
        assert_eq!(severity(Severity::Warning, Lang::Sv), "varning");
        assert_eq!(severity(Severity::Error, Lang::En), "error");
    }
}
