//! Flags: what a coordinator should look at, each with the figures that
//! explain it. `i18n::flags` words them.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{Grant, GrantState};
use super::money::Money;
use super::status::{GrantStatus, RecipientStatus};

/// Days before a deadline at which medel starts to warn.
pub const WARN_DAYS: i64 = 30;
/// How far (in percentage points) spending may trail the calendar before
/// the pace flag is raised.
pub const PACE_SLACK_POINTS: i64 = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// A mark that reads without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Severity::Info => "•",
            Severity::Warning => "!",
            Severity::Error => "!!",
        }
    }
}

/// One thing that stands out, with the figures that explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    OverAllocated {
        allocated: Money,
        received: Money,
    },
    Unallocated {
        amount: Money,
    },
    NothingReceived,
    PaceBehind {
        time_pct: i64,
        used_pct: i64,
        unused: Money,
    },
    UsePeriodEnding {
        days_left: i64,
        unused: Money,
    },
    ReportDueSoon {
        due: NaiveDate,
        days_left: i64,
    },
    ReportOverdue {
        due: NaiveDate,
        days_over: i64,
    },
    NotReported {
        names: Vec<String>,
        after_period: bool,
    },
    RecipientUnused {
        name: String,
        allocated: Money,
    },
    RecipientPartial {
        name: String,
        used: Money,
        allocated: Money,
        unused: Money,
    },
    RecipientOverspent {
        name: String,
        used: Money,
        allocated: Money,
        over: Money,
    },
    /// The report date has passed and money is still owed to the giver.
    RepaymentOutstanding {
        outstanding: Money,
        due: NaiveDate,
    },
    /// More was paid back than is owed.
    Overpaid {
        repaid: Money,
        to_return: Money,
        over: Money,
    },
}

impl Flag {
    pub fn code(&self) -> &'static str {
        match self {
            Flag::OverAllocated { .. } => "over_allocated",
            Flag::Unallocated { .. } => "unallocated",
            Flag::NothingReceived => "nothing_received",
            Flag::PaceBehind { .. } => "pace_behind",
            Flag::UsePeriodEnding { .. } => "use_period_ending",
            Flag::ReportDueSoon { .. } => "report_due_soon",
            Flag::ReportOverdue { .. } => "report_overdue",
            Flag::NotReported { .. } => "not_reported",
            Flag::RecipientUnused { .. } => "recipient_unused",
            Flag::RecipientPartial { .. } => "recipient_partial",
            Flag::RecipientOverspent { .. } => "recipient_overspent",
            Flag::RepaymentOutstanding { .. } => "repayment_outstanding",
            Flag::Overpaid { .. } => "overpaid",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Flag::OverAllocated { .. }
            | Flag::ReportOverdue { .. }
            | Flag::RepaymentOutstanding { .. } => Severity::Error,
            Flag::PaceBehind { .. }
            | Flag::Overpaid { .. }
            | Flag::UsePeriodEnding { .. }
            | Flag::ReportDueSoon { .. }
            | Flag::RecipientUnused { .. } => Severity::Warning,
            Flag::NotReported { after_period, .. } => {
                if *after_period {
                    Severity::Warning
                } else {
                    Severity::Info
                }
            }
            Flag::Unallocated { .. }
            | Flag::NothingReceived
            | Flag::RecipientPartial { .. }
            | Flag::RecipientOverspent { .. } => Severity::Info,
        }
    }
}

/// Share of `part` in `whole` as whole percent, as everywhere else; 0 when
/// whole is 0.
fn percent(part: i64, whole: i64) -> i64 {
    super::share::share_percent(part, whole).unwrap_or(0)
}

/// Every flag that stands for a grant on `today`, most severe first.
pub fn grant_flags(grant: &Grant, s: &GrantStatus, today: NaiveDate) -> Vec<Flag> {
    let mut flags = Vec::new();
    let open = grant.state == GrantState::Open;

    if s.received.is_zero() && s.allocated.is_zero() {
        flags.push(Flag::NothingReceived);
    }
    if s.allocated > s.received {
        flags.push(Flag::OverAllocated {
            allocated: s.allocated,
            received: s.received,
        });
    } else if s.unallocated > Money::ZERO {
        flags.push(Flag::Unallocated {
            amount: s.unallocated,
        });
    }

    let in_period = today >= grant.use_from && today <= grant.use_until;
    if open && in_period {
        let period_days = (grant.use_until - grant.use_from).num_days() + 1;
        let gone_days = (today - grant.use_from).num_days() + 1;
        let time_pct = percent(gone_days, period_days);
        // Both flags speak of money received and not yet used: what was
        // promised beyond what came in is nobody's to use.
        let not_yet_used = (s.received - s.credited).max(Money::ZERO);
        let used_pct = percent(s.credited.ore(), s.received.ore());
        let days_left = (grant.use_until - today).num_days();
        let unused = not_yet_used;
        if !s.received.is_zero() && time_pct - used_pct > PACE_SLACK_POINTS {
            flags.push(Flag::PaceBehind {
                time_pct,
                used_pct,
                unused,
            });
        }
        if days_left <= WARN_DAYS && unused > Money::ZERO {
            flags.push(Flag::UsePeriodEnding { days_left, unused });
        }
    }
    if open && today > grant.use_until {
        if today > grant.report_due {
            let days_over = (today - grant.report_due).num_days();
            flags.push(Flag::ReportOverdue {
                due: grant.report_due,
                days_over,
            });
        } else if (grant.report_due - today).num_days() <= WARN_DAYS {
            let days_left = (grant.report_due - today).num_days();
            flags.push(Flag::ReportDueSoon {
                due: grant.report_due,
                days_left,
            });
        }
    }

    // Money is owed after the report date whether or not the grant is
    // marked reported: a reported grant is only done once it is paid back.
    if today > grant.report_due && s.outstanding > Money::ZERO {
        flags.push(Flag::RepaymentOutstanding {
            outstanding: s.outstanding,
            due: grant.report_due,
        });
    }
    if s.overpaid > Money::ZERO {
        flags.push(Flag::Overpaid {
            repaid: s.repaid,
            to_return: s.to_return,
            over: s.overpaid,
        });
    }

    let not_reported: Vec<String> = s
        .recipients_with(RecipientStatus::NotReported)
        .map(|r| r.name.clone())
        .collect();
    if open && !not_reported.is_empty() {
        flags.push(Flag::NotReported {
            names: not_reported,
            after_period: today > grant.use_until,
        });
    }

    for r in &s.recipients {
        match r.status {
            // Unused means reported with nothing used of a non-zero
            // allocation: zero of zero is full.
            RecipientStatus::Unused => flags.push(Flag::RecipientUnused {
                name: r.name.clone(),
                allocated: r.allocated,
            }),
            RecipientStatus::Partial => flags.push(Flag::RecipientPartial {
                name: r.name.clone(),
                used: r.used,
                allocated: r.allocated,
                unused: r.unused,
            }),
            RecipientStatus::Overspent => flags.push(Flag::RecipientOverspent {
                name: r.name.clone(),
                used: r.used,
                allocated: r.allocated,
                over: r.overspent,
            }),
            _ => {}
        }
    }
    // Stable: most severe first, otherwise in the order the rules were applied.
    flags.sort_by_key(|f| std::cmp::Reverse(f.severity()));
    flags
}

#[cfg(test)]
#[path = "flags_tests.rs"]
mod tests;
