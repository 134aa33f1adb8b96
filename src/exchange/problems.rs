//! What is wrong with a file that cannot be imported, and where: typed,
//! with the values that matter; `i18n::import_problems` words them (their
//! `Display` too).

use chrono::NaiveDate;

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
    /// A cell of a workbook: the sheet's name and the cell as `C8`.
    Cell { sheet: String, cell: String },
    /// A place in one file of several imported at once.
    InFile { file: String, at: Box<Location> },
}

/// One thing wrong with the file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Location,
    pub kind: ProblemKind,
    /// The same problem in the same column on these later lines: listed
    /// once, with them, rather than once per line.
    pub also: Vec<u64>,
}

impl Problem {
    pub fn new(at: Location, kind: ProblemKind) -> Problem {
        Problem {
            at,
            kind,
            also: Vec::new(),
        }
    }

    pub fn line(line: u64, kind: ProblemKind) -> Problem {
        Problem::new(Location::Line { line, column: None }, kind)
    }

    pub fn cell(sheet: &str, cell: &str, kind: ProblemKind) -> Problem {
        let (sheet, cell) = (sheet.to_string(), cell.to_string());
        Problem::new(Location::Cell { sheet, cell }, kind)
    }

    /// The same problem, placed in the file named `file`.
    pub fn in_file(self, file: &str) -> Problem {
        let at = Box::new(self.at);
        let file = file.to_string();
        Problem::new(Location::InFile { file, at }, self.kind)
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

    // A workbook.
    /// A zip that is not a workbook, or a workbook the reader cannot read.
    Damaged(String),
    /// An encrypted (password-protected) workbook.
    Encrypted,
    /// An Excel 97-2003 workbook (`.xls`).
    OldXls,
    /// An Excel binary workbook (`.xlsb`).
    BinaryWorkbook,
    /// An OLE compound file that is neither of the above (a `.doc`, or
    /// one too damaged to tell).
    OtherOfficeFile,
    /// A workbook without medel's identification.
    NotATemplate,
    UnknownTemplateVersion(String),
    /// The cell should hold `expected`: rows or columns were moved.
    LayoutAltered {
        expected: String,
        found: String,
    },
    /// Many locked cells off at once: rows or columns were inserted or
    /// deleted; the problem sits on the first moved cell.
    RowsMoved {
        expected: String,
        found: String,
    },
    /// The sheet the district fills in is not there (renamed?).
    SheetMissing(String),
    /// The hidden identification's cell references do not fit the sheet:
    /// it was edited, not the grant.
    IdentificationAltered,
    /// The template's ids are not those of the grant or recipient of that
    /// name here: it was written from another database or for another grant.
    /// It holds the grant or recipient as messages name it, quoted.
    OtherDatabase(String),
    /// A formula where an amount is typed; its cached value is not used.
    FormulaInAmount(String),
    /// A formula in a text cell (a note, the reason, the evaluation, the
    /// contact): what a district typed as `- text` or `=x` became one.
    FormulaInText(String),
    /// A formula in the reported-date cell (`=TODAY()`): its cached value
    /// is whatever day the program last computed, or nothing.
    FormulaInDate(String),
    NotADate(String),
    /// A day before 1900-03-01, which Excel and LibreOffice count one
    /// apart (Excel's 1900 leap day): which was meant cannot be told.
    EarlyDate(String),
    /// A reported date after the day the import runs on.
    FutureDate(NaiveDate),
    /// Reasons or an evaluation without the date of the report, for a
    /// recipient medel holds no report of.
    ReportWithoutDate,
    /// The recipient takes no part in the grant.
    NotInGrant {
        recipient: String,
        grant: GrantKey,
    },
    /// The grant's focus areas are not those the template was made for.
    FocusAreasChanged,
    /// Another file of the same import changes the same values.
    SameAsOtherFile(String),
    /// Another file of the same import is for the same recipient in the
    /// same grant (two copies of one template).
    SameRecipientAsOtherFile {
        other: String,
        recipient: String,
    },
    /// A value the workbook would change that medel changed after the
    /// workbook was written (a version 3 template).
    ChangedInMedel(Box<Stale>),
    /// The workbook's point in history is not in this database's log
    /// (another database, or one restored from an older backup).
    OtherHistory {
        written: String,
    },
}

/// A value changed in medel after the workbook was written; the values
/// as the audit log writes them (`60000.00`, `2026-11-20`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The audit log's name for the value, e.g. `spending.5.amount`.
    pub what: String,
    /// What medel holds, and what the file says.
    pub held: String,
    pub file: String,
    /// The newest change after the workbook: its value, who and when.
    pub set_to: String,
    pub who: String,
    pub at: String,
    /// When the workbook was written (RFC 3339).
    pub written: String,
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

    /// Adds a problem; one already listed (the same words in the same
    /// column, on another line) gains the line instead of a second entry.
    pub fn push(&mut self, p: Problem) {
        if let Location::Line { line, column } = p.at
            && let Some(first) = self.list.iter_mut().find(|q| {
                q.kind == p.kind && matches!(q.at, Location::Line { column: c, .. } if c == column)
            })
        {
            first.also.push(line);
            return;
        }
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(p);
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
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
