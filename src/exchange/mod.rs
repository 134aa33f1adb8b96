//! The data as documents, apart from the database: the document types,
//! JSON and CSV written and read, the plan of changes an import makes and
//! the problems that refuse one.
//!
//! Pure: bytes and documents in, bytes, plans or problems out. The store
//! reads the dataset as a `Document` and applies a `Plan` it is handed;
//! nothing here opens the database. Words are in `i18n`: `exchange` for
//! the counts and changes, `import_problems` for the problems.
//!
//! Workbooks: `xlsx_template` writes the fill-in template, `xlsx_read`
//! reads one back (`xlsx_kind` names what an Excel user sent instead of
//! an `.xlsx`) and `xlsx_plan` plans it (`xlsx_stale` finds the values
//! it would change that medel changed after it was written); several
//! files' plans become one in `plan_batch`.
//!
//! To add a file format: a reader that gives a `Document` (or a sheet
//! with its own plan, as the spending CSV has) and a writer from one.

mod csv_encoding;
mod csv_plan;
mod csv_read;
mod csv_style;
mod csv_write;
mod document;
mod json;
mod json_plan;
mod known_ids;
mod notes;
mod plan;
mod plan_batch;
mod problems;
mod templates;
mod xlsx_export;
mod xlsx_kind;
mod xlsx_layout;
mod xlsx_plan;
mod xlsx_read;
mod xlsx_stale;
mod xlsx_template;

pub use csv_encoding::{CsvEncoding, guard, unguard};
pub use csv_plan::plan_csv;
pub use csv_read::{Row, Sheet, read_csv};
pub use csv_style::{
    BOM, CsvStyle, SPENDING_COLUMNS, SPENDING_COLUMNS_SV, SUMMARY_COLUMNS, SUMMARY_COLUMNS_SV,
};
pub use csv_write::{spending_csv, spending_csv_in, summary_csv, summary_csv_in};
pub use document::{
    Document, FORMAT, FocusAreaDoc, GrantDoc, ParticipantDoc, ReallocationDoc, ReceiptDoc,
    RecipientDoc, RepaymentDoc, SpendingDoc, VERSION,
};
pub use json::{read_json, to_json};
pub use json_plan::plan_document;
pub use known_ids::{KnownGrant, KnownIds};
pub use notes::{Note, NoteKind};
pub use plan::{Cell, Field, GrantFields, GrantKey, ImportLogged, Op, Plan, Record, Summary};
pub use plan_batch::merge_plans;
pub use problems::{Location, MAX_PROBLEMS, Problem, ProblemKind, Problems, Stale};
pub use templates::{TemplatesRefused, grant_templates};
pub use xlsx_export::{ExportWords, FlagRow, export_xlsx};
pub use xlsx_layout::{
    DEFINED_NAME, ID_SHEET, Identity, TEMPLATE_VERSION, Written, file_name, folder_name,
};
pub use xlsx_plan::plan_workbook;
pub use xlsx_read::{Filled, FilledArea, FilledReport, read_xlsx};
pub use xlsx_stale::{LogSince, LoggedChange, keep_newer};
pub use xlsx_template::{TemplateFor, TemplateWords, template_xlsx};

/// An import file, read and checked on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Document(Document),
    Spending(Sheet),
}

/// Any file `medel import` takes: a JSON or CSV file, or a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    Data(Input),
    Workbook(Box<Filled>),
}

/// Tells a workbook by its first bytes (a zip, or the container of an
/// encrypted one) from the files `read` takes.
pub fn read_any(bytes: &[u8]) -> Result<Incoming, Problems> {
    if is_workbook(bytes) {
        read_xlsx(bytes).map(|f| Incoming::Workbook(Box::new(f)))
    } else {
        read(bytes).map(Incoming::Data)
    }
}

/// A zip, as every `.xlsx` is, or the container of an encrypted one.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(xlsx_read::ZIP_MAGIC) || bytes.starts_with(xlsx_read::OLE_MAGIC)
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
