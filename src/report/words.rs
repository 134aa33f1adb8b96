//! Small pieces of wording shared by the sections: amounts in running
//! text, long dates, status labels, how money came in.

use chrono::{Datelike, NaiveDate};

use crate::domain::Lang;
use crate::domain::model::ReceiptKind;
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

/// A no-break space: it keeps a number with its unit when text is wrapped.
/// The renderers turn it into a plain space on output.
pub const NBSP: char = '\u{a0}';

/// An amount as a sentence says it: "2 945 873 kronor", "SEK 2,945,873".
/// Reports spell out "kronor" where the screen shows "kr".
pub fn amount(m: Money, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{}{NBSP}kronor", m.format(lang)),
        Lang::En => format!("SEK{NBSP}{}", m.format(lang)),
    }
}

/// Several amounts in one phrase, each paired with a name said just before:
/// "180 000 respektive 160 000 kronor", "SEK 180,000 and SEK 160,000
/// respectively". Swedish names the unit once, as people write it.
pub fn amounts_respectively(ms: &[Money], lang: Lang) -> String {
    match (ms, lang) {
        ([one], _) => amount(*one, lang),
        (_, Lang::Sv) => {
            let nums: Vec<String> = ms.iter().map(|m| m.format(lang)).collect();
            format!(
                "{}{NBSP}kronor",
                super::listing::join_with(&nums, "respektive")
            )
        }
        (_, Lang::En) => {
            let all: Vec<String> = ms.iter().map(|m| amount(*m, lang)).collect();
            format!("{} respectively", super::listing::join_with(&all, "and"))
        }
    }
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

/// "15 mars 2017", "15 March 2017": the form a committee paper uses.
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    let months = lang.pick(&MONTHS_SV, &MONTHS_EN);
    let month = months[d.month0() as usize % 12];
    format!("{}{NBSP}{month} {}", d.day(), d.year())
}

/// The word in the status column of the recipient table.
pub fn status_label(s: RecipientStatus, lang: Lang) -> &'static str {
    match s {
        RecipientStatus::NotReported => lang.pick("ej redovisat", "not reported"),
        RecipientStatus::Unused => lang.pick("oanvänt", "unused"),
        RecipientStatus::Partial => lang.pick("delvis", "partial"),
        RecipientStatus::Full => lang.pick("fullt", "full"),
        RecipientStatus::Overspent => lang.pick("överskridet", "overspent"),
    }
}

/// How a receipt came in, to follow its amount: "genom rekvisition".
pub fn receipt_how(kind: ReceiptKind, lang: Lang) -> &'static str {
    match kind {
        ReceiptKind::Requisition => lang.pick("genom rekvisition", "by requisition"),
        ReceiptKind::Redistribution => lang.pick("genom omfördelning", "through redistribution"),
        ReceiptKind::Other => lang.pick("som övrig inbetalning", "as another payment"),
    }
}

/// A count in words, as running text says small numbers: "två", "three".
/// From thirteen on, digits. Swedish "en" is the common gender, which
/// fits "mottagare" and "utbetalning", the nouns counted here.
pub fn count_word(n: usize, lang: Lang) -> String {
    const SV: [&str; 13] = [
        "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    const EN: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    lang.pick(&SV, &EN)
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

/// Text typed by people, made fit for one line of a sentence: runs of
/// white space (newlines included) become one space, ends are trimmed.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans typed text and ends it as a sentence, unless it already ends
/// with a stop of its own ("Klart!" stays, "Klart" becomes "Klart.").
pub fn sentence(s: &str) -> String {
    let mut out = capitalise(&clean(s));
    if !out.is_empty() && !out.ends_with(['.', '!', '?', '…']) {
        out.push('.');
    }
    out
}

/// Starts a sentence with a capital letter, whatever the data began with.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
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
        assert_eq!(amount(m, Lang::Sv), "2 945 873\u{a0}kronor");
        assert_eq!(amount(m, Lang::En), "SEK\u{a0}2,945,873");
        let two = [Money::from_kronor(180_000), Money::from_kronor(160_000)];
        assert_eq!(
            amounts_respectively(&two, Lang::Sv),
            "180 000 respektive 160 000\u{a0}kronor"
        );
        assert_eq!(
            amounts_respectively(&two, Lang::En),
            "SEK\u{a0}180,000 and SEK\u{a0}160,000 respectively"
        );
    }

    #[test]
    fn long_dates() {
        assert_eq!(long_date(d("2017-03-15"), Lang::Sv), "15\u{a0}mars 2017");
        assert_eq!(long_date(d("2017-07-10"), Lang::En), "10\u{a0}July 2017");
    }

    #[test]
    fn cleans_typed_text() {
        assert_eq!(clean("  Utbildning\n i MI.  "), "Utbildning i MI.");
        assert_eq!(sentence("utbildning i MI"), "Utbildning i MI.");
        assert_eq!(sentence("Klart!"), "Klart!");
        assert_eq!(sentence("  "), "");
        assert_eq!(capitalise("älvsjö"), "Älvsjö");
        assert_eq!(capitalise(""), "");
        assert_eq!(count_word(2, Lang::Sv), "två");
        assert_eq!(count_word(12, Lang::En), "twelve");
        assert_eq!(count_word(15, Lang::Sv), "15");
    }
}
