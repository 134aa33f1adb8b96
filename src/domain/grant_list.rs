//! One line per grant for the list of grants: its figures, its next
//! deadline and how many warnings and errors stand.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::flags::Severity;
use super::model::{Grant, GrantState};
use super::status::GrantStatus;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantLine {
    pub grant: Grant,
    /// The totals; the recipients and flags are left empty (counted below).
    pub status: GrantStatus,
    pub next_deadline: Option<NaiveDate>,
    pub warnings: usize,
    pub errors: usize,
}

/// The next date that matters: the end of the use period while it runs,
/// then the report date; none once the grant is reported.
pub fn next_deadline(grant: &Grant, today: NaiveDate) -> Option<NaiveDate> {
    match grant.state {
        GrantState::Reported => None,
        GrantState::Open if today <= grant.use_until => Some(grant.use_until),
        GrantState::Open => Some(grant.report_due),
    }
}

impl GrantLine {
    /// The line keeps the status's totals; its recipients and flags are
    /// dropped once counted, so a list of many large grants stays small.
    pub fn new(grant: Grant, mut status: GrantStatus, today: NaiveDate) -> GrantLine {
        let count = |s| status.flags.iter().filter(|f| f.severity() == s).count();
        let (warnings, errors) = (count(Severity::Warning), count(Severity::Error));
        status.recipients = Vec::new();
        status.flags = Vec::new();
        GrantLine {
            next_deadline: next_deadline(&grant, today),
            warnings,
            errors,
            grant,
            status,
        }
    }
}

/// Open grants first, the nearest deadline first, then newest: the order
/// of the app's grants view. Reported grants have no deadline, so they
/// come newest first.
pub fn deadline_order(a: &GrantLine, b: &GrantLine) -> Ordering {
    let reported = |l: &GrantLine| l.grant.state != GrantState::Open;
    reported(a)
        .cmp(&reported(b))
        .then(a.next_deadline.cmp(&b.next_deadline))
        .then(b.grant.year.cmp(&a.grant.year))
        .then(b.grant.id.cmp(&a.grant.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn line(id: i64, year: i32, state: GrantState, today: &str) -> GrantLine {
        let grant = Grant {
            id,
            title: format!("G {year}"),
            giver: String::new(),
            year,
            use_from: d(&format!("{year}-01-01")),
            use_until: d(&format!("{year}-12-31")),
            report_due: d(&format!("{}-03-31", year + 1)),
            state,
        };
        let status = GrantStatus::compute(&grant, Money::ZERO, &[], d(today));
        GrantLine::new(grant, status, d(today))
    }

    #[test]
    fn deadlines_and_order() {
        let today = "2018-02-01";
        let mut lines = [
            line(4, 2015, GrantState::Reported, today),
            line(1, 2016, GrantState::Reported, today),
            line(2, 2017, GrantState::Open, today),
            line(3, 2018, GrantState::Open, today),
        ];
        assert_eq!(lines[1].next_deadline, None);
        assert_eq!(lines[2].next_deadline, Some(d("2018-03-31")), "the report");
        assert_eq!(
            lines[3].next_deadline,
            Some(d("2018-12-31")),
            "the use period"
        );
        lines.sort_by(deadline_order);
        let ids: Vec<i64> = lines.iter().map(|l| l.grant.id).collect();
        assert_eq!(ids, [2, 3, 1, 4], "reported ones last, newest first");
    }
}
