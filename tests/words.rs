//! Every flag's words in both languages, with one and many and the day
//! on which each dated flag starts and stops; every refusal of the money
//! parser in Swedish; the currency suffixes coordinators type.

mod support;

use chrono::NaiveDate;
use medel::domain::flags::{Flag, PACE_SLACK_POINTS, Severity, WARN_DAYS};
use medel::domain::model::{Grant, GrantState};
use medel::domain::status::{GrantStatus, RecipientFigures};
use medel::domain::{Lang, Money, MoneyError};
use medel::i18n::flags::{message, severity};
use medel::i18n::money_errors::explain;
use support::{d, kr};

fn names(n: &[&str]) -> Vec<String> {
    n.iter().map(|s| s.to_string()).collect()
}

/// Each flag, in each language: every arm of the wording, once with one
/// and once with many where the words change.
#[test]
fn every_flag_in_swedish_and_english() {
    let due = d("2018-03-31");
    let cases: Vec<(Flag, &str, &str)> = vec![
        (
            Flag::OverAllocated {
                allocated: kr(2_945_873),
                received: Money::from_ore(200_050),
            },
            "Mer fördelat än mottaget: 2 945 873 kr fördelat men bara 2 000,50 kr mottaget (2 943 872,50 kr för mycket)",
            "More allocated than received: SEK 2,945,873 allocated but only SEK 2,000.50 received (SEK 2,943,872.50 too much)",
        ),
        (
            Flag::Unallocated { amount: kr(22_953) },
            "22 953 kr är inte fördelat; det hålls centralt och betalas tillbaka om det inte fördelas",
            "SEK 22,953 is not allocated; it is held centrally and paid back unless allocated",
        ),
        (
            Flag::NothingReceived,
            "Inga medel har tagits emot ännu",
            "No money has been received yet",
        ),
        (
            Flag::PaceBehind {
                time_pct: 74,
                used_pct: 10,
                unused: kr(900),
            },
            "Användningen släpar: 74 % av perioden har gått men bara 10 % av det fördelade är använt (900 kr oanvänt)",
            "Spending lags: 74% of the period has passed but only 10% of the allocation is used (SEK 900 unused)",
        ),
        (
            Flag::UsePeriodEnding {
                days_left: 1,
                unused: kr(300),
            },
            "Användningsperioden slutar om 1 dag och 300 kr är ännu inte använt",
            "The use period ends in 1 day and SEK 300 is still unused",
        ),
        (
            Flag::UsePeriodEnding {
                days_left: 14,
                unused: kr(300),
            },
            "Användningsperioden slutar om 14 dagar och 300 kr är ännu inte använt",
            "The use period ends in 14 days and SEK 300 is still unused",
        ),
        (
            Flag::UsePeriodEnding {
                days_left: 0,
                unused: kr(300),
            },
            "Användningsperioden slutar om 0 dagar och 300 kr är ännu inte använt",
            "The use period ends in 0 days and SEK 300 is still unused",
        ),
        (
            Flag::ReportDueSoon { due, days_left: 1 },
            "Redovisningen ska vara inne 2018-03-31, om 1 dag",
            "The report is due on 2018-03-31, in 1 day",
        ),
        (
            Flag::ReportDueSoon { due, days_left: 30 },
            "Redovisningen ska vara inne 2018-03-31, om 30 dagar",
            "The report is due on 2018-03-31, in 30 days",
        ),
        (
            Flag::ReportOverdue { due, days_over: 1 },
            "Redovisningen skulle ha varit inne 2018-03-31, för 1 dag sedan",
            "The report was due on 2018-03-31, 1 day ago",
        ),
        (
            Flag::ReportOverdue { due, days_over: 2 },
            "Redovisningen skulle ha varit inne 2018-03-31, för 2 dagar sedan",
            "The report was due on 2018-03-31, 2 days ago",
        ),
        (
            Flag::NotReported {
                names: names(&["Bromma"]),
                after_period: true,
            },
            "1 mottagare har inte redovisat: Bromma",
            "1 recipient not reported yet: Bromma",
        ),
        (
            Flag::NotReported {
                names: names(&["Bromma", "Farsta", "Älvsjö"]),
                after_period: false,
            },
            "3 mottagare har inte redovisat: Bromma, Farsta, Älvsjö",
            "3 recipients not reported yet: Bromma, Farsta, Älvsjö",
        ),
        (
            Flag::RecipientUnused {
                name: "Bromma".into(),
                allocated: kr(180_000),
            },
            "Bromma: 0 av 180 000 kr använt, allt betalas tillbaka",
            "Bromma: 0 of SEK 180,000 used, all of it goes back",
        ),
        (
            Flag::RecipientPartial {
                name: "Älvsjö".into(),
                used: kr(93_000),
                allocated: kr(140_000),
                unused: kr(47_000),
            },
            "Älvsjö: 93 000 av 140 000 kr använt, 47 000 kr oanvänt",
            "Älvsjö: 93,000 of SEK 140,000 used, SEK 47,000 unused",
        ),
        (
            Flag::RecipientOverspent {
                name: "Farsta".into(),
                used: Money::from_ore(15_000_025),
                allocated: kr(100_000),
                over: Money::from_ore(5_000_025),
            },
            "Farsta: 150 000,25 använt av 100 000 kr; 50 000,25 kr över bärs av mottagaren själv",
            "Farsta: 150,000.25 used of SEK 100,000; the SEK 50,000.25 over is its own cost",
        ),
    ];
    let mut codes: Vec<&str> = cases.iter().map(|(f, _, _)| f.code()).collect();
    codes.dedup();
    assert_eq!(codes.len(), 11, "every kind of flag: {codes:?}");
    for (flag, sv, en) in &cases {
        assert_eq!(message(flag, Lang::Sv), *sv, "{flag:?}");
        assert_eq!(message(flag, Lang::En), *en, "{flag:?}");
    }
}

#[test]
fn every_severity_in_swedish_and_english() {
    let words = [
        (Severity::Info, "info", "info"),
        (Severity::Warning, "varning", "warning"),
        (Severity::Error, "fel", "error"),
    ];
    for (s, sv, en) in words {
        assert_eq!(severity(s, Lang::Sv), sv);
        assert_eq!(severity(s, Lang::En), en);
    }
}

// The day boundaries, through the rules that raise the flags.

fn grant() -> Grant {
    Grant {
        id: 1,
        title: "T".into(),
        giver: "G".into(),
        year: 2017,
        use_from: d("2017-01-01"),
        use_until: d("2017-12-31"),
        report_due: d("2018-03-31"),
        state: GrantState::Open,
    }
}

fn figures(allocated: i64, used: i64, reported: bool) -> Vec<RecipientFigures> {
    vec![RecipientFigures {
        recipient_id: 1,
        name: "A".into(),
        allocated: kr(allocated),
        used: kr(used),
        reported,
    }]
}

/// The flag with `code` on `day`, in English, when it is raised.
fn words_on(code: &str, day: NaiveDate, figs: &[RecipientFigures]) -> Option<String> {
    GrantStatus::compute(&grant(), kr(1000), figs, day)
        .flags
        .iter()
        .find(|f| f.code() == code)
        .map(|f| message(f, Lang::En))
}

#[test]
fn the_use_period_warning_starts_thirty_days_before_its_end_and_stops_after_it() {
    assert_eq!(WARN_DAYS, 30);
    let figs = figures(1000, 900, false);
    let on = |day| words_on("use_period_ending", d(day), &figs);
    assert_eq!(on("2017-11-30"), None, "31 days left");
    assert_eq!(
        on("2017-12-01").as_deref(),
        Some("The use period ends in 30 days and SEK 100 is still unused")
    );
    assert_eq!(
        on("2017-12-30").as_deref(),
        Some("The use period ends in 1 day and SEK 100 is still unused")
    );
    assert_eq!(
        on("2017-12-31").as_deref(),
        Some("The use period ends in 0 days and SEK 100 is still unused")
    );
    assert_eq!(on("2018-01-01"), None, "the period is over");
}

#[test]
fn the_report_is_due_soon_from_thirty_days_before_and_overdue_the_day_after() {
    let figs = figures(1000, 1000, true);
    let soon = |day| words_on("report_due_soon", d(day), &figs);
    let overdue = |day| words_on("report_overdue", d(day), &figs);
    assert_eq!(soon("2018-02-28"), None, "31 days left");
    assert_eq!(
        soon("2018-03-01").as_deref(),
        Some("The report is due on 2018-03-31, in 30 days")
    );
    assert_eq!(
        soon("2018-03-30").as_deref(),
        Some("The report is due on 2018-03-31, in 1 day")
    );
    assert_eq!(
        soon("2018-03-31").as_deref(),
        Some("The report is due on 2018-03-31, in 0 days")
    );
    assert_eq!(overdue("2018-03-31"), None, "due today is not late");
    assert_eq!(soon("2018-04-01"), None);
    assert_eq!(
        overdue("2018-04-01").as_deref(),
        Some("The report was due on 2018-03-31, 1 day ago")
    );
    assert_eq!(
        overdue("2018-04-02").as_deref(),
        Some("The report was due on 2018-03-31, 2 days ago")
    );
}

#[test]
fn spending_lags_only_when_it_trails_the_calendar_by_more_than_the_slack() {
    assert_eq!(PACE_SLACK_POINTS, 25);
    // 30 June: 181 of 365 days gone, 49,6 %: 50 % rounded half up, as
    // every share is.
    let lags = |used| words_on("pace_behind", d("2017-06-30"), &figures(1000, used, false));
    assert_eq!(lags(250), None, "25 % used: 25 points behind");
    assert_eq!(
        lags(240).as_deref(),
        Some(
            "Spending lags: 50% of the period has passed but only 24% of the allocation is used (SEK 760 unused)"
        )
    );
}

// Money: every refusal in Swedish, and the suffixes.

#[test]
fn every_refusal_of_an_amount_in_swedish() {
    let cases: [(&str, MoneyError, &str); 9] = [
        ("", MoneyError::Empty, "tomt: skriv ett belopp"),
        (
            "12a",
            MoneyError::BadChar('a'),
            "inget belopp: 'a' är inte tillåtet",
        ),
        (
            "1,5555",
            MoneyError::TooManyDecimals,
            "fler än två decimaler",
        ),
        (
            "1 000.000,5",
            MoneyError::MixedSeparators,
            "blandade avgränsare: skriv tusental med mellanslag och decimaler med ett komma",
        ),
        (
            "1.500",
            MoneyError::Ambiguous("1.500".into()),
            "tvetydigt: '1.500' kan vara tusental eller decimaler; skriv 1 500 för tusental, decimaler har högst två siffror",
        ),
        (
            "1 50",
            MoneyError::BadGrouping,
            "siffergrupper ska ha tre siffror, som i 2 945 873",
        ),
        ("kr", MoneyError::NoDigits, "inga siffror"),
        ("-5", MoneyError::Negative, "kan inte vara negativt"),
        (
            "1000000000001",
            MoneyError::TooLarge,
            "för stort: högst 1 000 000 000 000 kr",
        ),
    ];
    for (input, error, sv) in cases {
        let err = Money::parse_for(input, Lang::Sv).unwrap_err();
        assert_eq!(err, error, "{input:?}");
        assert_eq!(explain(&err, Lang::Sv), sv, "{input:?}");
        // English keeps the error's own words.
        assert_eq!(explain(&err, Lang::En), err.to_string());
    }
}

#[test]
fn currency_suffixes_are_read() {
    for input in [
        "1 500 kr.",
        "1 500 kr",
        "1500kr.",
        "1 500 sek",
        "1 500 SEK",
        "1500.-",
        "1 500:-",
        "1 500,-",
        "1 500 kronor",
        "SEK 1 500",
        "kr 1500",
    ] {
        assert_eq!(Money::parse_for(input, Lang::Sv), Ok(kr(1500)), "{input:?}");
    }
    assert_eq!(
        Money::parse_for("99,50 kr.", Lang::Sv),
        Ok(Money::from_ore(9_950))
    );
    assert_eq!(
        Money::parse_for("99.50 sek", Lang::En),
        Ok(Money::from_ore(9_950))
    );
    assert_eq!(Money::parse_for("99.-", Lang::En), Ok(kr(99)));
}
