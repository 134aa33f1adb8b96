//! The data as documents, apart from the database: the document types,
//! JSON and CSV written and read, the plan of changes an import makes and
//! the problems that refuse one.
//!
//! Pure: bytes and documents in, bytes, plans or problems out. The store
//! reads the dataset as a `Document` and applies a `Plan` it is handed;
//! nothing here opens the database. Words are in `i18n`: `exchange` for
//! the counts and changes, `import_problems` for the problems.
//!
//! To add a file format: a reader that gives a `Document` (or a sheet
//! with its own plan, as the spending CSV has) and a writer from one.

mod csv_plan;
mod csv_read;
mod csv_style;
mod csv_write;
mod document;
mod json;
mod json_plan;
mod plan;
mod problems;

pub use csv_plan::plan_csv;
pub use csv_read::{Row, Sheet, read_csv};
pub use csv_style::{BOM, CsvStyle, SPENDING_COLUMNS, SUMMARY_COLUMNS};
pub use csv_write::{spending_csv, summary_csv};
pub use document::{
    Document, FORMAT, FocusAreaDoc, GrantDoc, ParticipantDoc, ReallocationDoc, ReceiptDoc,
    RecipientDoc, RepaymentDoc, SpendingDoc, VERSION,
};
pub use json::{read_json, to_json};
pub use json_plan::plan_document;
pub use plan::{Cell, Field, GrantFields, GrantKey, Op, Plan, Record, Summary};
pub use problems::{Location, MAX_PROBLEMS, Problem, ProblemKind, Problems};

/// An import file, read and checked on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Document(Document),
    Spending(Sheet),
}

/// Tells JSON from CSV by the first character (after a byte order mark
/// and blanks): a JSON document starts with `{`, a CSV header cannot.
pub fn read(bytes: &[u8]) -> Result<Input, Problems> {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        None => Err(Problems::one(Problem::line(1, ProblemKind::EmptyFile))),
        Some(b'{') => read_json(body).map(Input::Document),
        Some(_) => read_csv(bytes).map(Input::Spending),
    }
}

#[cfg(test)]
mod write_tests;
