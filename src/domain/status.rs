//! The status of a grant: what was received, handed on, used, and what must
//! go back to the giver. The rules are DESIGN.md's, nothing more:
//!
//! - credited = min(used, allocated): overspending is the recipient's own cost;
//! - unused = max(0, allocated − used); overspent = max(0, used − allocated);
//! - unallocated = received − Σ allocated (held centrally, returned);
//! - to return = received − Σ credited, never below zero;
//! - repaid, outstanding and overpaid as `money_back::Balance` says.

use chrono::NaiveDate;
use serde::Serialize;

use super::flags::{Flag, grant_flags};
use super::model::{Grant, RecipientId};
use super::money::Money;
use super::money_back::Balance;

/// What the store knows about one recipient in one grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientFigures {
    pub recipient_id: RecipientId,
    pub name: String,
    pub allocated: Money,
    pub used: Money,
    /// A recipient report exists for this grant.
    pub reported: bool,
}

/// Where a recipient stands with its allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientStatus {
    /// No report and no spending yet.
    NotReported,
    /// Reported, but used nothing of a non-zero allocation.
    Unused,
    /// Used some, not all.
    Partial,
    /// Used exactly the allocation.
    Full,
    /// Used more than allocated; the excess is its own cost.
    Overspent,
}

impl RecipientStatus {
    pub const ALL: [RecipientStatus; 5] = [
        RecipientStatus::NotReported,
        RecipientStatus::Unused,
        RecipientStatus::Partial,
        RecipientStatus::Full,
        RecipientStatus::Overspent,
    ];

    pub fn of(allocated: Money, used: Money, reported: bool) -> RecipientStatus {
        if used > allocated {
            RecipientStatus::Overspent
        } else if used == allocated && (reported || !used.is_zero()) {
            RecipientStatus::Full
        } else if !used.is_zero() {
            RecipientStatus::Partial
        } else if reported {
            RecipientStatus::Unused
        } else {
            RecipientStatus::NotReported
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            RecipientStatus::NotReported => "not_reported",
            RecipientStatus::Unused => "unused",
            RecipientStatus::Partial => "partial",
            RecipientStatus::Full => "full",
            RecipientStatus::Overspent => "overspent",
        }
    }
}

/// One recipient's line in the status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientLine {
    pub recipient_id: RecipientId,
    pub name: String,
    pub allocated: Money,
    pub used: Money,
    pub credited: Money,
    pub unused: Money,
    pub overspent: Money,
    pub reported: bool,
    pub status: RecipientStatus,
}

impl RecipientLine {
    pub fn from_figures(f: &RecipientFigures) -> RecipientLine {
        RecipientLine {
            recipient_id: f.recipient_id,
            name: f.name.clone(),
            allocated: f.allocated,
            used: f.used,
            credited: f.used.min(f.allocated).max(Money::ZERO),
            unused: (f.allocated - f.used).max(Money::ZERO),
            overspent: (f.used - f.allocated).max(Money::ZERO),
            reported: f.reported,
            status: RecipientStatus::of(f.allocated, f.used, f.reported),
        }
    }
}

/// Totals of a grant, its recipients and every flag that stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantStatus {
    pub received: Money,
    pub allocated: Money,
    /// received − allocated; negative when more was handed on than came in.
    pub unallocated: Money,
    pub used: Money,
    pub credited: Money,
    pub unused: Money,
    pub overspent: Money,
    pub to_return: Money,
    /// Σ repayments to the giver.
    pub repaid: Money,
    /// max(0, to return − repaid).
    pub outstanding: Money,
    /// max(0, repaid − to return).
    pub overpaid: Money,
    pub recipients: Vec<RecipientLine>,
    pub flags: Vec<Flag>,
}

impl GrantStatus {
    /// Applies the rules to a grant of which nothing has been repaid yet.
    pub fn compute(
        grant: &Grant,
        received: Money,
        figures: &[RecipientFigures],
        today: NaiveDate,
    ) -> GrantStatus {
        GrantStatus::compute_repaid(grant, received, Money::ZERO, figures, today)
    }

    /// Applies the rules. `today` is a parameter so that every date rule
    /// can be tested on a pinned day.
    pub fn compute_repaid(
        grant: &Grant,
        received: Money,
        repaid: Money,
        figures: &[RecipientFigures],
        today: NaiveDate,
    ) -> GrantStatus {
        let recipients: Vec<RecipientLine> =
            figures.iter().map(RecipientLine::from_figures).collect();
        let allocated: Money = recipients.iter().map(|r| r.allocated).sum();
        let credited: Money = recipients.iter().map(|r| r.credited).sum();
        let to_return = (received - credited).max(Money::ZERO);
        let balance = Balance::of(to_return, repaid);
        let mut status = GrantStatus {
            received,
            allocated,
            unallocated: received - allocated,
            used: recipients.iter().map(|r| r.used).sum(),
            credited,
            unused: recipients.iter().map(|r| r.unused).sum(),
            overspent: recipients.iter().map(|r| r.overspent).sum(),
            to_return,
            repaid,
            outstanding: balance.outstanding,
            overpaid: balance.overpaid,
            recipients,
            flags: Vec::new(),
        };
        status.flags = grant_flags(grant, &status, today);
        status
    }

    pub fn recipients_with(&self, status: RecipientStatus) -> impl Iterator<Item = &RecipientLine> {
        self.recipients.iter().filter(move |r| r.status == status)
    }
}

/// The one date that matters most today, for the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    /// Days left of the use period (0 = last day).
    UseEnds(i64),
    /// The period is over; days until the report is due (0 = today).
    ReportDue(i64),
    /// Days since the report was due.
    ReportOverdue(i64),
    /// The use period has not started; days until it does.
    NotStarted(i64),
    /// The grant is reported: nothing is pending.
    Closed,
}

impl Countdown {
    /// The use period is over (or the grant reported): what was not used
    /// is to be paid back, no longer only what would go back.
    pub fn return_is_due(self) -> bool {
        matches!(
            self,
            Countdown::ReportDue(_) | Countdown::ReportOverdue(_) | Countdown::Closed
        )
    }

    pub fn of(grant: &Grant, today: NaiveDate) -> Countdown {
        use super::model::GrantState;
        if grant.state == GrantState::Reported {
            Countdown::Closed
        } else if today < grant.use_from {
            Countdown::NotStarted((grant.use_from - today).num_days())
        } else if today <= grant.use_until {
            Countdown::UseEnds((grant.use_until - today).num_days())
        } else if today <= grant.report_due {
            Countdown::ReportDue((grant.report_due - today).num_days())
        } else {
            Countdown::ReportOverdue((today - grant.report_due).num_days())
        }
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
pub(crate) mod tests;
