//! What an import will change, worked out before anything is written.
//!
//! A plan is a list of changes, each with the value it replaces, so that
//! `--dry-run` can show it and the store can audit every change with its
//! old and new value.

use std::fmt;

use chrono::NaiveDate;

use super::document::{ReallocationDoc, ReceiptDoc, RepaymentDoc};
use crate::domain::model::{GrantState, RecipientKind, RecipientReport};
use crate::domain::money::Money;

/// A grant as the file names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GrantKey {
    pub title: String,
    pub year: i32,
}

impl fmt::Display for GrantKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' {}", self.title, self.year)
    }
}

/// A grant's own fields, for creating one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantFields {
    pub giver: String,
    pub use_from: NaiveDate,
    pub use_until: NaiveDate,
    pub report_due: NaiveDate,
    pub state: GrantState,
}

/// A field of a grant or recipient that an import can change, with the
/// audit log's name for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Giver,
    UseFrom,
    UseUntil,
    ReportDue,
    State,
    GiverReference,
    OwnReference,
    FormalName,
    Kind,
    Retired,
}

impl Field {
    pub fn audit_name(self) -> &'static str {
        match self {
            Field::Giver => "grant.giver",
            Field::UseFrom => "grant.use_from",
            Field::UseUntil => "grant.use_until",
            Field::ReportDue => "grant.report_due",
            Field::State => "grant.state",
            Field::GiverReference => "grant.giver_reference",
            Field::OwnReference => "grant.own_reference",
            Field::FormalName => "recipient.formal_name",
            Field::Kind => "recipient.kind",
            Field::Retired => "recipient.retired",
        }
    }
}

/// A focus area's amount and note, as stored: absent means zero and "".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub amount: Money,
    pub note: String,
}

impl Cell {
    pub fn is_none(&self) -> bool {
        self.amount.is_zero() && self.note.is_empty()
    }
}

/// One change. `grant` indexes `Plan::grants`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    AddRecipient {
        name: String,
        formal_name: String,
        kind: RecipientKind,
        retired: bool,
    },
    SetRecipient {
        name: String,
        field: Field,
        old: String,
        new: String,
    },
    AddGrant {
        grant: usize,
        fields: GrantFields,
    },
    SetGrant {
        grant: usize,
        field: Field,
        old: String,
        new: String,
    },
    /// Adds or renames a focus area (`old` is `None` when adding).
    SetFocusArea {
        grant: usize,
        position: i64,
        old: Option<(String, String)>,
        new: (String, String),
    },
    /// Removes a focus area; its spending is removed by earlier ops.
    RemoveFocusArea {
        grant: usize,
        position: i64,
        old: (String, String),
    },
    AddReceipt {
        grant: usize,
        receipt: ReceiptDoc,
    },
    RemoveReceipt {
        grant: usize,
        receipt: ReceiptDoc,
    },
    /// Adds or removes a repayment or a reallocation: records with no key,
    /// compared whole like receipts. A reallocation's allocations are in
    /// the recipients' own ops.
    AddRecord {
        grant: usize,
        record: Record,
    },
    RemoveRecord {
        grant: usize,
        record: Record,
    },
    SetAllocation {
        grant: usize,
        recipient: String,
        old: Option<Money>,
        new: Option<Money>,
    },
    SetSpending {
        grant: usize,
        recipient: String,
        position: i64,
        old: Cell,
        new: Cell,
    },
    SetReport {
        grant: usize,
        recipient: String,
        old: Option<RecipientReport>,
        new: Option<RecipientReport>,
    },
    /// The contact person; empty is none. Counted with the reports.
    SetContact {
        grant: usize,
        recipient: String,
        old: String,
        new: String,
    },
}

/// A grant's record of money paid back or moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Repayment(RepaymentDoc),
    Reallocation(ReallocationDoc),
}

/// The changes of one import, in the order they are applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub grants: Vec<GrantKey>,
    pub ops: Vec<Op>,
    /// Rows or values in the file that match the database already.
    pub unchanged: usize,
    /// What the import takes but says a word about.
    pub notes: Vec<super::notes::Note>,
    /// Values `--replace` takes from a workbook although medel changed
    /// them after it was written, at their cells: said after the import.
    pub replaced: Vec<super::problems::Problem>,
}

/// Counts of a plan's changes, for the one-line report after an import
/// and, as JSON, for its row in the audit log (worded when read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub recipients_added: usize,
    pub recipients_changed: usize,
    pub grants_added: usize,
    pub grants_changed: usize,
    pub focus_areas: usize,
    pub receipts: usize,
    /// Repayments and reallocations added or removed.
    pub records: usize,
    pub allocations: usize,
    pub spending: usize,
    pub reports: usize,
    pub unchanged: usize,
}

/// The import's own audit row: which file, and its counts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportLogged {
    pub file: String,
    pub counts: Summary,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            unchanged: self.unchanged,
            ..Summary::default()
        };
        for op in &self.ops {
            match op {
                Op::AddRecipient { .. } => s.recipients_added += 1,
                Op::SetRecipient { .. } => s.recipients_changed += 1,
                Op::AddGrant { .. } => s.grants_added += 1,
                Op::SetGrant { .. } => s.grants_changed += 1,
                Op::SetFocusArea { .. } | Op::RemoveFocusArea { .. } => s.focus_areas += 1,
                Op::AddReceipt { .. } | Op::RemoveReceipt { .. } => s.receipts += 1,
                Op::AddRecord { .. } | Op::RemoveRecord { .. } => s.records += 1,
                Op::SetAllocation { .. } => s.allocations += 1,
                Op::SetSpending { .. } => s.spending += 1,
                Op::SetReport { .. } | Op::SetContact { .. } => s.reports += 1,
            }
        }
        s
    }
}
