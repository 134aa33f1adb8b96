//! The data as a document: the whole dataset (or one grant) as it is
//! exported, backed up and imported, whatever the file format.
//!
//! The document names things instead of numbering them: recipients by
//! name, grants by title and year, focus areas by position. Database ids
//! are local to one file and mean nothing in another.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::model::{GrantState, ReceiptKind, RecipientKind, RecipientReport};
use crate::domain::money::Money;
use crate::domain::money_back::RepaymentKind;

/// The value of `format` in every medel JSON document.
pub const FORMAT: &str = "medel";
/// The document version this medel writes and the newest it reads.
/// Version 2 adds a grant's references, repayments and reallocations;
/// version 3 a recipient's contact person. An older file reads as one
/// without them.
pub const VERSION: u32 = 3;

/// A whole dataset, or one grant with the recipients taking part in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub format: String,
    pub version: u32,
    /// In Swedish name order.
    pub recipients: Vec<RecipientDoc>,
    /// By year, then title.
    pub grants: Vec<GrantDoc>,
}

impl Document {
    /// A document with nothing in it: what an empty database exports.
    pub fn empty() -> Document {
        Document {
            format: FORMAT.to_string(),
            version: VERSION,
            recipients: Vec::new(),
            grants: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipientDoc {
    pub name: String,
    #[serde(default)]
    pub formal_name: String,
    pub kind: RecipientKind,
    #[serde(default)]
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrantDoc {
    pub title: String,
    pub giver: String,
    pub year: i32,
    pub use_from: NaiveDate,
    pub use_until: NaiveDate,
    pub report_due: NaiveDate,
    pub state: GrantState,
    /// The giver's decision reference (diarienummer).
    #[serde(default)]
    pub giver_reference: String,
    /// The municipality's own reference.
    #[serde(default)]
    pub own_reference: String,
    pub focus_areas: Vec<FocusAreaDoc>,
    #[serde(default)]
    pub receipts: Vec<ReceiptDoc>,
    /// Every recipient with an allocation, spending or a report, in
    /// Swedish name order.
    #[serde(default)]
    pub recipients: Vec<ParticipantDoc>,
    /// Money paid back to the giver, in date order.
    #[serde(default)]
    pub repayments: Vec<RepaymentDoc>,
    /// Moves between recipients, in date order. The allocations above
    /// are after the moves: a move is a record, not a change to apply.
    #[serde(default)]
    pub reallocations: Vec<ReallocationDoc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepaymentDoc {
    pub date: NaiveDate,
    pub amount: Money,
    pub kind: RepaymentKind,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReallocationDoc {
    pub date: NaiveDate,
    /// Recipients by name, as in the document's `recipients`.
    pub from: String,
    pub to: String,
    pub amount: Money,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusAreaDoc {
    pub position: i64,
    pub name_sv: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiptDoc {
    pub date: NaiveDate,
    pub amount: Money,
    pub kind: ReceiptKind,
    #[serde(default)]
    pub note: String,
}

/// One recipient's part in one grant.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantDoc {
    /// The recipient's name, as in the document's `recipients`.
    pub recipient: String,
    /// Absent when no allocation is recorded (not the same as zero).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocated: Option<Money>,
    /// Only focus areas with an amount or a note, by position.
    #[serde(default)]
    pub spending: Vec<SpendingDoc>,
    /// Absent when the recipient has not reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<RecipientReport>,
    /// The district's contact person; absent when none is given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
}

impl ParticipantDoc {
    pub fn used(&self) -> Money {
        self.spending.iter().map(|s| s.amount).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpendingDoc {
    /// The focus area's position in the grant (1-based).
    pub focus_area: i64,
    pub amount: Money,
    #[serde(default)]
    pub note: String,
}
