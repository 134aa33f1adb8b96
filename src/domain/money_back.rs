//! Money paid back to the giver and money moved between recipients: the
//! records, and the rules that decide what stays outstanding and what
//! may be moved.
//!
//! - repaid = Σ repayments; outstanding = max(0, to return − repaid);
//!   overpaid = max(0, repaid − to return);
//! - a reallocation moves at most the from-recipient's unused part.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{GrantId, RecipientId};
use super::money::Money;

/// Why money went back: paid back of the grant's own accord, or demanded
/// back by the giver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepaymentKind {
    Repayment,
    Clawback,
}

impl RepaymentKind {
    pub const ALL: [RepaymentKind; 2] = [RepaymentKind::Repayment, RepaymentKind::Clawback];

    pub fn code(self) -> &'static str {
        match self {
            RepaymentKind::Repayment => "repayment",
            RepaymentKind::Clawback => "clawback",
        }
    }

    pub fn from_code(code: &str) -> Option<RepaymentKind> {
        RepaymentKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Money paid back to the giver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repayment {
    pub id: i64,
    pub grant_id: GrantId,
    pub date: NaiveDate,
    pub amount: Money,
    pub kind: RepaymentKind,
    /// The invoice or OCR reference the money was paid against.
    pub reference: String,
    pub note: String,
}

/// A move of money between two recipients of one grant, on a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reallocation {
    pub id: i64,
    pub grant_id: GrantId,
    pub date: NaiveDate,
    pub from: RecipientId,
    pub to: RecipientId,
    pub amount: Money,
    /// The committee's decision reference.
    pub decision: String,
    pub note: String,
}

/// The giver's decision reference (diarienummer) and the municipality's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct References {
    pub giver_reference: String,
    pub own_reference: String,
}

/// What the report says about a grant's references, the money moved
/// between its recipients (by name) and the money paid back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportMoneyBack {
    pub references: References,
    pub repayments: Vec<Repayment>,
    pub moves: Vec<NamedMove>,
}

/// A reallocation with its recipients' names, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedMove {
    pub date: NaiveDate,
    pub from: String,
    pub to: String,
    pub amount: Money,
    pub decision: String,
}

/// Where a grant stands with the giver once what it owes is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Balance {
    pub repaid: Money,
    pub outstanding: Money,
    pub overpaid: Money,
}

impl Balance {
    pub fn of(to_return: Money, repaid: Money) -> Balance {
        Balance {
            repaid,
            outstanding: (to_return - repaid).max(Money::ZERO),
            overpaid: (repaid - to_return).max(Money::ZERO),
        }
    }
}

/// Why a move of money was refused, with the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveRefused {
    /// Nothing, or less than nothing, to move.
    NotPositive,
    /// From and to are the same recipient.
    SameRecipient,
    /// More than the from-recipient has left unused.
    BeyondUnused {
        amount: Money,
        allocated: Money,
        used: Money,
        unused: Money,
    },
}

/// The two allocations after a move of `amount` from a recipient that was
/// allocated `allocated` and used `used`, to one allocated `to_allocated`.
pub fn reallocate(
    amount: Money,
    allocated: Money,
    used: Money,
    to_allocated: Money,
    same: bool,
) -> Result<(Money, Money), MoveRefused> {
    if same {
        return Err(MoveRefused::SameRecipient);
    }
    if amount <= Money::ZERO {
        return Err(MoveRefused::NotPositive);
    }
    let unused = (allocated - used).max(Money::ZERO);
    if amount > unused {
        return Err(MoveRefused::BeyondUnused {
            amount,
            allocated,
            used,
            unused,
        });
    }
    Ok((allocated - amount, to_allocated + amount))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(n: i64) -> Money {
        Money::from_kronor(n)
    }

    #[test]
    fn outstanding_and_overpaid() {
        let b = Balance::of(kr(577_468), Money::ZERO);
        assert_eq!(
            (b.repaid, b.outstanding, b.overpaid),
            (kr(0), kr(577_468), kr(0))
        );
        let b = Balance::of(kr(577_468), kr(500_000));
        assert_eq!((b.outstanding, b.overpaid), (kr(77_468), kr(0)));
        let b = Balance::of(kr(577_468), kr(577_468));
        assert_eq!((b.outstanding, b.overpaid), (kr(0), kr(0)));
        let b = Balance::of(kr(577_468), kr(578_000));
        assert_eq!((b.outstanding, b.overpaid), (kr(0), kr(532)));
        let b = Balance::of(Money::ZERO, Money::from_ore(1));
        assert_eq!((b.outstanding, b.overpaid), (kr(0), Money::from_ore(1)));
    }

    #[test]
    fn a_move_within_the_unused_part_changes_both_allocations() {
        assert_eq!(
            reallocate(kr(30_000), kr(180_000), kr(150_000), kr(100_000), false),
            Ok((kr(150_000), kr(130_000)))
        );
    }

    #[test]
    fn a_move_beyond_the_unused_part_is_refused_with_the_figures() {
        assert_eq!(
            reallocate(kr(30_001), kr(180_000), kr(150_000), kr(0), false),
            Err(MoveRefused::BeyondUnused {
                amount: kr(30_001),
                allocated: kr(180_000),
                used: kr(150_000),
                unused: kr(30_000),
            })
        );
        // An overspent recipient has nothing to give.
        assert!(matches!(
            reallocate(Money::from_ore(1), kr(10), kr(20), kr(0), false),
            Err(MoveRefused::BeyondUnused { unused, .. }) if unused.is_zero()
        ));
        assert_eq!(
            reallocate(kr(0), kr(10), kr(0), kr(0), false),
            Err(MoveRefused::NotPositive)
        );
        assert_eq!(
            reallocate(kr(1), kr(10), kr(0), kr(0), true),
            Err(MoveRefused::SameRecipient)
        );
    }

    #[test]
    fn kinds_by_code() {
        for k in RepaymentKind::ALL {
            assert_eq!(RepaymentKind::from_code(k.code()), Some(k));
        }
        assert_eq!(RepaymentKind::from_code("refund"), None);
    }
}
