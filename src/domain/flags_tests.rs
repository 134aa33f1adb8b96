//! Each flag rule at its edges, asserting the whole list of flags so that a
//! flag raised too early, too late or twice is seen. Written against the
//! mutants `cargo mutants -f src/domain/flags.rs` left alive.

use super::*;
use crate::domain::status::RecipientFigures;
use crate::domain::status::tests::{d, fig, grant, kr};

/// `grant()` (used in 2017, reported by 31 March 2018) on other dates.
fn dated(use_from: &str, use_until: &str, report_due: &str) -> Grant {
    Grant {
        use_from: d(use_from),
        use_until: d(use_until),
        report_due: d(report_due),
        ..grant()
    }
}

fn reported(g: Grant) -> Grant {
    Grant {
        state: GrantState::Reported,
        ..g
    }
}

/// One recipient, Bromma, with its allocation and spending.
fn bromma(allocated: i64, used: i64, has_report: bool) -> RecipientFigures {
    fig(1, "Bromma", kr(allocated), kr(used), has_report)
}

fn flags_on(g: &Grant, received: i64, who: RecipientFigures, day: &str) -> Vec<Flag> {
    GrantStatus::compute(g, kr(received), &[who], d(day)).flags
}

/// Bromma has not reported; after the use period that is a warning.
fn not_reported(after_period: bool) -> Flag {
    Flag::NotReported {
        names: vec!["Bromma".into()],
        after_period,
    }
}

fn ending(days_left: i64, unused: i64) -> Flag {
    Flag::UsePeriodEnding {
        days_left,
        unused: kr(unused),
    }
}

fn partial(used: i64, allocated: i64) -> Flag {
    Flag::RecipientPartial {
        name: "Bromma".into(),
        used: kr(used),
        allocated: kr(allocated),
        unused: kr(allocated - used),
    }
}

#[test]
fn nothing_received_needs_nothing_allocated_either() {
    // Handed on without anything in: over-allocated, not "nothing received".
    assert_eq!(
        flags_on(&grant(), 0, bromma(100, 0, true), "2018-01-10"),
        [
            Flag::OverAllocated {
                allocated: kr(100),
                received: kr(0)
            },
            Flag::RecipientUnused {
                name: "Bromma".into(),
                allocated: kr(100)
            }
        ]
    );
}

#[test]
fn no_period_flags_after_the_use_period() {
    // 10 January: the period is over and 900 kr unused, but neither pace
    // nor "period ending" speaks of a period that has ended.
    assert_eq!(
        flags_on(&grant(), 1000, bromma(1000, 100, true), "2018-01-10"),
        [partial(100, 1000)]
    );
}

#[test]
fn no_period_flags_for_a_reported_grant() {
    let g = reported(grant());
    assert_eq!(
        flags_on(&g, 1000, bromma(1000, 100, true), "2017-12-20"),
        [partial(100, 1000)]
    );
}

/// A four-day period, so that one day is 25 points of the calendar.
fn four_days() -> Grant {
    dated("2017-01-01", "2017-01-04", "2017-03-31")
}

#[test]
fn the_calendar_share_counts_both_first_and_last_day() {
    // 2 January: 2 of 4 days gone, 50 %; nothing used.
    assert_eq!(
        flags_on(&four_days(), 1000, bromma(1000, 0, false), "2017-01-02"),
        [
            Flag::PaceBehind {
                time_pct: 50,
                used_pct: 0,
                unused: kr(1000)
            },
            ending(2, 1000),
            not_reported(false)
        ]
    );
}

#[test]
fn trailing_by_exactly_the_slack_is_no_pace_flag() {
    // 1 January: 25 % of the calendar gone, 0 % used: 25 points, not more.
    assert_eq!(
        flags_on(&four_days(), 1000, bromma(1000, 0, false), "2017-01-01"),
        [ending(3, 1000), not_reported(false)]
    );
}

#[test]
fn nothing_left_to_use_is_no_period_ending_flag() {
    assert_eq!(
        flags_on(&grant(), 1000, bromma(1000, 1000, true), "2017-12-20"),
        Vec::<Flag>::new()
    );
}

#[test]
fn the_report_date_is_not_counted_down_during_the_period() {
    // The last day of use, with the report due two weeks later: the period
    // is still on, the report countdown starts tomorrow.
    let g = dated("2017-01-01", "2017-12-31", "2018-01-15");
    assert_eq!(
        flags_on(&g, 1000, bromma(1000, 1000, true), "2017-12-31"),
        Vec::<Flag>::new()
    );
    assert_eq!(
        flags_on(&g, 1000, bromma(1000, 1000, true), "2018-01-01"),
        [Flag::ReportDueSoon {
            due: d("2018-01-15"),
            days_left: 14
        }]
    );
}

#[test]
fn not_reported_is_after_the_period_from_the_day_after_it() {
    let on = |day| flags_on(&grant(), 1000, bromma(1000, 0, false), day);
    // The last day of use: the period is on, so the flag only informs.
    assert_eq!(
        on("2017-12-31"),
        [
            Flag::PaceBehind {
                time_pct: 100,
                used_pct: 0,
                unused: kr(1000)
            },
            ending(0, 1000),
            not_reported(false)
        ]
    );
    assert_eq!(on("2018-01-01"), [not_reported(true)]);
    assert_eq!(not_reported(true).severity(), Severity::Warning);
}
