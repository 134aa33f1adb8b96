//! What is wrong with a file that cannot be imported, and where: typed,
//! with the values that matter; `i18n::import_problems` words them (their
//! `Display` too).

use super::plan::{GrantKey, Plan};
use crate::domain::grant_draft::GrantDraftError;
use crate::domain::money::{Money, MoneyError};

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (empty, not UTF-8 at all, unknown kind).
    File,
    /// A CSV line (1-based, the header is line 1), and the column by
    /// number (1-based) and header name when one column is at fault.
    Line {
        line: u64,
        column: Option<(usize, &'static str)>,
    },
    /// A place in a JSON file, from the parser.
    Json { line: usize, column: usize },
    /// A value in a JSON document, by its path, e.g.
    /// `grants[0].recipients[3].spending[1]`, with a readable hint.
    Path(String),
}

/// One thing wrong with the file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Location,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(at: Location, kind: ProblemKind) -> Problem {
        Problem { at, kind }
    }

    pub fn line(line: u64, kind: ProblemKind) -> Problem {
        Problem::new(Location::Line { line, column: None }, kind)
    }
}

/// What is wrong, with the values a coordinator needs to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    // Any file.
    /// Nothing but blanks: neither JSON nor CSV.
    EmptyFile,

    // A JSON document.
    /// The JSON parser's own message.
    Json(String),
    NotMedel,
    NewerVersion(u32),
    NoVersion,
    EmptyName,
    /// The same recipient again; `first` is the index of the first one.
    RecipientTwice {
        first: usize,
    },
    GrantTwice {
        first: usize,
    },
    Grant(GrantDraftError),
    PositionTwice(i64),
    /// A focus area's position outside 1..=`count`.
    PositionOutside {
        position: i64,
        count: usize,
    },
    UnnamedFocusArea,
    ZeroReceipt,
    UnlistedRecipient,
    /// A recipient twice in one grant's list.
    ParticipantTwice {
        first: usize,
    },
    NegativeAllocation,
    NoSuchFocusArea(i64),
    FocusAreaTwice(i64),
    NegativeSpending,
    /// A repayment or reallocation of zero or less.
    NotPositiveRecord,
    /// A reallocation from a recipient to itself.
    MoveToItself,
    /// A closed grant in the database that the file would change.
    ClosedInDatabase,
    /// In the database with other values: the first of the changes the
    /// file would make (indexing `differences.grants`), and how many more.
    Differs {
        differences: Plan,
        more: usize,
    },

    // A spending CSV.
    /// The CSV reader's own message.
    Csv(String),
    /// Bad UTF-8, this many characters into the field.
    NotUtf8 {
        valid_up_to: usize,
    },
    /// A recipients summary, which cannot be imported.
    SummaryFile,
    WrongColumn {
        want: &'static str,
        found: String,
    },
    /// The header has this many columns, fewer than the file needs.
    TooFewColumns(usize),
    /// A data line with this many fields.
    WrongFieldCount(usize),
    ExtraColumn(String),
    EmptyCsv,
    NoRows,
    EmptyCell,
    EmptyAmount,
    NotAYear(String),
    BadAmount {
        text: String,
        error: MoneyError,
    },
    /// A second grant in a file for one grant.
    OtherGrant {
        grant: GrantKey,
        first_line: u64,
        first: GrantKey,
    },
    /// `known` lists the grants the database has.
    NoSuchGrant {
        grant: GrantKey,
        known: Vec<GrantKey>,
    },
    ClosedGrant(GrantKey),
    /// `meant` is a recipient whose name differs only in case.
    UnknownRecipient {
        name: String,
        meant: Option<String>,
    },
    /// `count` is how many focus areas the grant has.
    UnknownFocusArea {
        text: String,
        count: usize,
    },
    DuplicateRow {
        recipient: String,
        position: i64,
        line: u64,
    },
    AllocationDiffers {
        new: Money,
        old: Money,
        line: u64,
    },
}

/// Everything wrong with a file; reading goes on after a bad row so that
/// one run shows all of them (up to `MAX_PROBLEMS`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems {
    pub list: Vec<Problem>,
    /// Problems found beyond `MAX_PROBLEMS`, counted but not kept.
    pub more: usize,
}

/// Enough to fix a file in one go without flooding the terminal.
pub const MAX_PROBLEMS: usize = 20;

impl Problems {
    pub fn one(p: Problem) -> Problems {
        Problems {
            list: vec![p],
            more: 0,
        }
    }

    pub fn push(&mut self, p: Problem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(p);
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS
    }

    /// `Ok(value)` when nothing was found wrong.
    pub fn or_ok<T>(self, value: T) -> Result<T, Problems> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// Its `Display` is in `i18n::import_problems`.
impl std::error::Error for Problems {}
