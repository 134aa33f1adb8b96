use chrono::NaiveDate;

use super::*;
use crate::domain::flags::{Flag, Severity};
use crate::domain::lang::Lang;
use crate::domain::model::{Grant, GrantState};

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn kr(n: i64) -> Money {
    Money::from_kronor(n)
}

pub fn grant() -> Grant {
    Grant {
        id: 1,
        title: "Utvecklingsmedel VINR 2017".into(),
        giver: "Socialstyrelsen".into(),
        year: 2017,
        use_from: d("2017-01-01"),
        use_until: d("2017-12-31"),
        report_due: d("2018-03-31"),
        state: GrantState::Open,
    }
}

pub fn fig(id: i64, name: &str, allocated: Money, used: Money, reported: bool) -> RecipientFigures {
    RecipientFigures {
        recipient_id: id,
        name: name.into(),
        allocated,
        used,
        reported,
    }
}

/// The 2017 case as `medel demo` writes it (allocations illustrative,
/// totals the source's), read as the store reads it: the rules are tested
/// on the figures users see, in the store's (Swedish) name order.
fn source_case() -> Vec<RecipientFigures> {
    let mut store = crate::store::Store::open_in_memory().unwrap();
    let g = crate::demo::write(&mut store).unwrap();
    store.recipient_figures(g).unwrap()
}

fn names(s: &GrantStatus, st: RecipientStatus) -> Vec<&str> {
    s.recipients_with(st).map(|r| r.name.as_str()).collect()
}

#[test]
fn source_case_to_the_ore() {
    let s = GrantStatus::compute(&grant(), kr(2_945_873), &source_case(), d("2018-03-01"));
    assert_eq!(s.received, kr(2_945_873));
    assert_eq!(s.allocated, kr(2_922_920));
    assert_eq!(s.unallocated, kr(22_953));
    assert_eq!(s.used, kr(2_368_405));
    assert_eq!(s.credited, kr(2_368_405));
    assert_eq!(s.to_return, kr(577_468));
    assert_eq!(
        names(&s, RecipientStatus::Unused),
        ["Bromma", "Kungsholmen"]
    );
    assert_eq!(
        names(&s, RecipientStatus::Partial),
        ["Rinkeby-Kista", "Älvsjö", "Östermalm"]
    );
    assert_eq!(s.recipients_with(RecipientStatus::Full).count(), 10);
    assert!(s.flags.contains(&Flag::Unallocated { amount: kr(22_953) }));
    assert!(s.flags.contains(&Flag::ReportDueSoon {
        due: d("2018-03-31"),
        days_left: 30
    }));
}

#[test]
fn overspending_is_not_credited_and_does_not_lower_the_return() {
    let figs = [
        fig(1, "A", kr(100), kr(150), true),
        fig(2, "B", kr(100), kr(40), true),
    ];
    let s = GrantStatus::compute(&grant(), kr(200), &figs, d("2018-01-10"));
    assert_eq!(s.used, kr(190));
    assert_eq!(s.credited, kr(140));
    assert_eq!(s.overspent, kr(50));
    assert_eq!(
        s.to_return,
        kr(60),
        "B's 60 unused goes back; A's excess changes nothing"
    );
    assert_eq!(s.recipients[0].status, RecipientStatus::Overspent);
    let over = s
        .flags
        .iter()
        .find(|f| f.code() == "recipient_overspent")
        .unwrap();
    // Its words are checked in `i18n::flags`.
    assert_eq!(
        *over,
        Flag::RecipientOverspent {
            name: "A".into(),
            used: kr(150),
            allocated: kr(100),
            over: kr(50)
        }
    );
}

#[test]
fn over_allocation_is_an_error_and_return_stays_non_negative() {
    let figs = [fig(1, "A", kr(300), kr(300), true)];
    let s = GrantStatus::compute(&grant(), kr(200), &figs, d("2018-01-10"));
    assert_eq!(s.unallocated, kr(-100));
    assert_eq!(s.to_return, Money::ZERO);
    let f = &s.flags[0];
    assert_eq!(f.code(), "over_allocated");
    assert_eq!(f.severity(), Severity::Error);
    assert_eq!(
        *f,
        Flag::OverAllocated {
            allocated: kr(300),
            received: kr(200)
        }
    );
}

#[test]
fn nothing_received() {
    let s = GrantStatus::compute(&grant(), Money::ZERO, &[], d("2017-02-01"));
    assert_eq!(s.to_return, Money::ZERO);
    assert_eq!(s.flags, vec![Flag::NothingReceived]);
}

#[test]
fn all_unused_returns_everything() {
    let figs = [
        fig(1, "A", kr(100), kr(0), true),
        fig(2, "B", kr(50), kr(0), true),
    ];
    let s = GrantStatus::compute(&grant(), kr(150), &figs, d("2018-01-10"));
    assert_eq!(s.to_return, kr(150));
    assert_eq!(s.unused, kr(150));
    assert_eq!(names(&s, RecipientStatus::Unused), ["A", "B"]);
    let unused: Vec<&Flag> = s
        .flags
        .iter()
        .filter(|f| f.code() == "recipient_unused")
        .collect();
    assert_eq!(
        *unused[0],
        Flag::RecipientUnused {
            name: "A".into(),
            allocated: kr(100)
        }
    );
}

#[test]
fn allocation_zero() {
    let reported = RecipientStatus::of(Money::ZERO, Money::ZERO, true);
    assert_eq!(
        reported,
        RecipientStatus::Full,
        "nothing given, nothing to use"
    );
    assert_eq!(
        RecipientStatus::of(Money::ZERO, Money::ZERO, false),
        RecipientStatus::NotReported
    );
    assert_eq!(
        RecipientStatus::of(Money::ZERO, kr(5), false),
        RecipientStatus::Overspent
    );
    let figs = [fig(1, "A", Money::ZERO, Money::ZERO, true)];
    let s = GrantStatus::compute(&grant(), kr(10), &figs, d("2018-01-10"));
    assert_eq!(s.to_return, kr(10));
    assert!(s.flags.iter().all(|f| f.code() != "recipient_unused"));
}

#[test]
fn ore_amounts_stay_exact() {
    let figs = [
        fig(
            1,
            "A",
            Money::from_ore(33_333),
            Money::from_ore(33_333),
            true,
        ),
        fig(
            2,
            "B",
            Money::from_ore(33_333),
            Money::from_ore(10_001),
            true,
        ),
        fig(3, "C", Money::from_ore(33_334), Money::from_ore(1), true),
    ];
    let s = GrantStatus::compute(&grant(), Money::from_ore(100_001), &figs, d("2018-01-10"));
    assert_eq!(s.credited, Money::from_ore(43_335));
    assert_eq!(s.to_return, Money::from_ore(56_666));
    assert_eq!(s.to_return.format(Lang::Sv), "566,66");
}

#[test]
fn statuses_by_amount() {
    assert_eq!(
        RecipientStatus::of(kr(10), kr(0), false),
        RecipientStatus::NotReported
    );
    assert_eq!(
        RecipientStatus::of(kr(10), kr(0), true),
        RecipientStatus::Unused
    );
    assert_eq!(
        RecipientStatus::of(kr(10), kr(4), false),
        RecipientStatus::Partial
    );
    assert_eq!(
        RecipientStatus::of(kr(10), kr(10), false),
        RecipientStatus::Full
    );
    assert_eq!(
        RecipientStatus::of(kr(10), kr(11), true),
        RecipientStatus::Overspent
    );
}

#[test]
fn nothing_allocated_and_reported_is_full_and_raises_no_flag() {
    assert_eq!(
        RecipientStatus::of(Money::ZERO, Money::ZERO, true),
        RecipientStatus::Full
    );
    let figs = [
        fig(1, "A", kr(1000), kr(1000), true),
        fig(2, "Noll", kr(0), kr(0), true),
    ];
    let s = GrantStatus::compute(&grant(), kr(1000), &figs, d("2018-01-15"));
    let noll = s.recipients.iter().find(|r| r.name == "Noll").unwrap();
    assert_eq!(noll.status, RecipientStatus::Full);
    assert!(
        s.flags.iter().all(|f| !format!("{f:?}").contains("Noll")),
        "{:?}",
        s.flags
    );
}

#[test]
fn pace_flag_in_the_period() {
    let figs = [fig(1, "A", kr(1000), kr(100), false)];
    // 30 September: 273 of 365 days gone (74,8 %, shown as 75 % as
    // everywhere), 10 % used.
    let s = GrantStatus::compute(&grant(), kr(1000), &figs, d("2017-09-30"));
    let pace = s.flags.iter().find(|f| f.code() == "pace_behind").unwrap();
    assert_eq!(
        *pace,
        Flag::PaceBehind {
            time_pct: 75,
            used_pct: 10,
            unused: kr(900)
        }
    );
    assert_eq!(pace.severity(), Severity::Warning);
    // Early in the year nothing is expected yet.
    let s = GrantStatus::compute(&grant(), kr(1000), &figs, d("2017-03-01"));
    assert!(s.flags.iter().all(|f| f.code() != "pace_behind"));
    // Not reported is only information during the period.
    let nr = s.flags.iter().find(|f| f.code() == "not_reported");
    assert!(nr.is_none(), "A has spending, so it counts as reporting");
    // A recipient with nothing reported yet, during the period: information only.
    let figs = [fig(1, "A", kr(1000), kr(0), false)];
    let s = GrantStatus::compute(&grant(), kr(1000), &figs, d("2017-03-01"));
    let nr = s.flags.iter().find(|f| f.code() == "not_reported").unwrap();
    assert_eq!(
        *nr,
        Flag::NotReported {
            names: vec!["A".into()],
            after_period: false
        }
    );
    assert_eq!(nr.severity(), Severity::Info);
    // After the period, the same is a warning.
    let s = GrantStatus::compute(&grant(), kr(1000), &figs, d("2018-01-02"));
    let nr = s.flags.iter().find(|f| f.code() == "not_reported").unwrap();
    assert_eq!(nr.severity(), Severity::Warning);
}

#[test]
fn use_period_ending_with_money_unused() {
    let figs = [fig(1, "A", kr(1000), kr(900), false)];
    let s = GrantStatus::compute(&grant(), kr(1200), &figs, d("2017-12-17"));
    let f = s
        .flags
        .iter()
        .find(|f| f.code() == "use_period_ending")
        .unwrap();
    assert_eq!(
        *f,
        Flag::UsePeriodEnding {
            days_left: 14,
            unused: kr(300)
        }
    );
    let s = GrantStatus::compute(&grant(), kr(1200), &figs, d("2017-11-30"));
    assert!(
        s.flags.iter().all(|f| f.code() != "use_period_ending"),
        "31 days left is not soon"
    );
}

#[test]
fn report_due_and_overdue() {
    let figs = [
        fig(1, "A", kr(10), kr(10), true),
        fig(2, "B", kr(10), kr(0), false),
    ];
    let s = GrantStatus::compute(&grant(), kr(20), &figs, d("2018-02-28"));
    assert!(
        s.flags.iter().all(|f| !f.code().starts_with("report_")),
        "31 days left"
    );
    let s = GrantStatus::compute(&grant(), kr(20), &figs, d("2018-03-31"));
    assert!(s.flags.contains(&Flag::ReportDueSoon {
        due: d("2018-03-31"),
        days_left: 0
    }));
    let s = GrantStatus::compute(&grant(), kr(20), &figs, d("2018-04-02"));
    let f = &s.flags[0];
    assert_eq!(
        *f,
        Flag::ReportOverdue {
            due: d("2018-03-31"),
            days_over: 2
        }
    );
    let nr = s.flags.iter().find(|f| f.code() == "not_reported").unwrap();
    assert_eq!(nr.severity(), Severity::Warning);
    assert_eq!(
        *nr,
        Flag::NotReported {
            names: vec!["B".into()],
            after_period: true
        }
    );
    // A reported grant raises no deadline flags.
    let mut closed = grant();
    closed.state = GrantState::Reported;
    let s = GrantStatus::compute(&closed, kr(20), &figs, d("2018-04-02"));
    assert!(
        s.flags
            .iter()
            .all(|f| f.code() != "report_overdue" && f.code() != "not_reported")
    );
}

#[test]
fn countdown_for_the_header() {
    let g = grant();
    for (day, countdown, due) in [
        ("2016-12-30", Countdown::NotStarted(2), false),
        ("2017-01-01", Countdown::UseEnds(364), false),
        ("2017-11-26", Countdown::UseEnds(35), false),
        ("2017-12-31", Countdown::UseEnds(0), false),
        ("2018-01-01", Countdown::ReportDue(89), true),
        ("2018-03-31", Countdown::ReportDue(0), true),
        ("2018-04-01", Countdown::ReportOverdue(1), true),
    ] {
        assert_eq!(Countdown::of(&g, d(day)), countdown, "{day}");
        assert_eq!(countdown.return_is_due(), due, "{day}");
    }
}

/// Issue 14: the use-period flag once counted promised money. 3 200 000
/// handed on of 3 141 250,50 received, 2 193 500 used: what is received and
/// not yet used is what would go back, 947 750,50, not 1 006 500.
#[test]
fn the_period_flags_count_money_received_not_promised() {
    let figs = [fig(1, "A", kr(3_200_000), kr(2_193_500), false)];
    let received = Money::from_ore(314_125_050);
    let s = GrantStatus::compute(&grant(), received, &figs, d("2017-12-10"));
    let ending = s
        .flags
        .iter()
        .find(|f| f.code() == "use_period_ending")
        .unwrap();
    assert_eq!(
        *ending,
        Flag::UsePeriodEnding {
            days_left: 21,
            unused: Money::from_ore(94_775_050)
        }
    );
    assert_eq!(s.to_return, Money::from_ore(94_775_050));
}

/// The demo with Bromma raised to 250 000, 21 days before the end: the
/// flags name the 577 468 that is left, not 624 515.
#[test]
fn the_demo_over_allocated_names_the_money_left() {
    let mut figs = source_case();
    let bromma = figs.iter_mut().find(|f| f.name == "Bromma").unwrap();
    bromma.allocated = kr(250_000);
    let s = GrantStatus::compute(&grant(), kr(2_945_873), &figs, d("2017-12-10"));
    let ending = s.flags.iter().find_map(|f| match f {
        Flag::UsePeriodEnding { unused, .. } => Some(*unused),
        _ => None,
    });
    assert_eq!(ending, Some(kr(577_468)));
}

/// The source case after its report date: 577 468 kr to return.
fn source_on(repaid: Money, day: &str) -> GrantStatus {
    GrantStatus::compute_repaid(&grant(), kr(2_945_873), repaid, &source_case(), d(day))
}

fn codes(s: &GrantStatus) -> Vec<&'static str> {
    s.flags.iter().map(|f| f.code()).collect()
}

#[test]
fn repaid_outstanding_and_overpaid() {
    let s = source_on(kr(500_000), "2018-03-01");
    assert_eq!(
        (s.to_return, s.repaid, s.outstanding, s.overpaid),
        (kr(577_468), kr(500_000), kr(77_468), Money::ZERO)
    );
    let s = source_on(kr(577_468), "2018-03-01");
    assert_eq!((s.outstanding, s.overpaid), (Money::ZERO, Money::ZERO));
    let s = source_on(kr(577_500), "2018-03-01");
    assert_eq!((s.outstanding, s.overpaid), (Money::ZERO, kr(32)));
    // Without repayments the old figures stand.
    let s = GrantStatus::compute(&grant(), kr(2_945_873), &source_case(), d("2018-03-01"));
    assert_eq!((s.repaid, s.outstanding), (Money::ZERO, kr(577_468)));
}

#[test]
fn repayment_outstanding_only_after_the_report_date() {
    assert!(!codes(&source_on(Money::ZERO, "2018-03-31")).contains(&"repayment_outstanding"));
    let s = source_on(kr(500_000), "2018-04-01");
    let f = s
        .flags
        .iter()
        .find(|f| f.code() == "repayment_outstanding")
        .expect("raised the day after");
    assert_eq!(
        *f,
        Flag::RepaymentOutstanding {
            outstanding: kr(77_468),
            due: d("2018-03-31")
        }
    );
    assert_eq!(f.severity(), Severity::Error);
    // A grant marked reported still owes the money.
    let mut closed = grant();
    closed.state = GrantState::Reported;
    let s = GrantStatus::compute_repaid(
        &closed,
        kr(2_945_873),
        kr(0),
        &source_case(),
        d("2019-01-01"),
    );
    assert!(codes(&s).contains(&"repayment_outstanding"));
    // Paid in full: nothing outstanding, nothing flagged.
    let s = GrantStatus::compute_repaid(
        &closed,
        kr(2_945_873),
        kr(577_468),
        &source_case(),
        d("2019-01-01"),
    );
    assert!(!codes(&s).contains(&"repayment_outstanding"));
    assert!(!codes(&s).contains(&"overpaid"));
}

#[test]
fn overpaid_is_a_warning_with_the_figures() {
    let s = source_on(kr(578_000), "2018-02-01");
    let f = s
        .flags
        .iter()
        .find(|f| f.code() == "overpaid")
        .expect("overpaid");
    assert_eq!(
        *f,
        Flag::Overpaid {
            repaid: kr(578_000),
            to_return: kr(577_468),
            over: kr(532)
        }
    );
    assert_eq!(f.severity(), Severity::Warning);
}
