//! The export formats, written from a dataset the store has read.
//!
//! JSON is the whole dataset (or one grant) and doubles as the backup
//! format; CSV is the spending per recipient and focus area, for
//! spreadsheets. Both are pure functions of the data: the same data gives
//! the same bytes, so an export can be compared with another one.
//!
//! The document names things instead of numbering them: recipients by
//! name, grants by title and year, focus areas by position. Database ids
//! are local to one file and mean nothing in another.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::model::{GrantState, ReceiptKind, RecipientKind, RecipientReport};
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

/// The value of `format` in every medel JSON document.
pub const FORMAT: &str = "medel";
/// The document version this medel writes and the newest it reads.
pub const VERSION: u32 = 1;

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
    pub focus_areas: Vec<FocusAreaDoc>,
    #[serde(default)]
    pub receipts: Vec<ReceiptDoc>,
    /// Every recipient with an allocation, spending or a report, in
    /// Swedish name order.
    #[serde(default)]
    pub recipients: Vec<ParticipantDoc>,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// The document as pretty JSON ending in a newline.
pub fn to_json(doc: &Document) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string_pretty(doc)?;
    s.push('\n');
    Ok(s)
}

/// How a CSV file is written, and how an imported one was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    /// What Swedish Excel opens cleanly: `;`, decimal comma, UTF-8 with
    /// a byte order mark, CRLF line ends.
    #[default]
    ExcelSv,
    /// For scripts: `,`, decimal point, no byte order mark, LF.
    Plain,
}

impl CsvStyle {
    pub fn delimiter(self) -> u8 {
        match self {
            CsvStyle::ExcelSv => b';',
            CsvStyle::Plain => b',',
        }
    }

    /// An amount as this style writes it: `577468,00` or `577468.00`.
    pub fn amount(self, m: Money) -> String {
        let s = m.to_string();
        match self {
            CsvStyle::ExcelSv => s.replace('.', ","),
            CsvStyle::Plain => s,
        }
    }

    fn writer(self, out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
        if self == CsvStyle::ExcelSv {
            out.extend_from_slice(BOM);
        }
        csv::WriterBuilder::new()
            .delimiter(self.delimiter())
            .terminator(match self {
                CsvStyle::ExcelSv => csv::Terminator::CRLF,
                CsvStyle::Plain => csv::Terminator::Any(b'\n'),
            })
            .from_writer(out)
    }
}

impl std::str::FromStr for CsvStyle {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "excel-sv" | "excel" => Ok(CsvStyle::ExcelSv),
            "plain" => Ok(CsvStyle::Plain),
            other => Err(format!(
                "unknown CSV style '{other}': use excel-sv or plain"
            )),
        }
    }
}

/// The UTF-8 byte order mark; Excel needs it to read UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The spending file's columns, in order. Import requires this header.
pub const SPENDING_COLUMNS: [&str; 7] = [
    "grant",
    "year",
    "recipient",
    "focus_area",
    "allocated",
    "amount",
    "note",
];

/// The recipients summary's columns, in order.
pub const SUMMARY_COLUMNS: [&str; 9] = [
    "grant",
    "year",
    "recipient",
    "allocated",
    "used",
    "unused",
    "overspent",
    "status",
    "reported_on",
];

/// One row per recipient and focus area of each grant, zero amounts
/// included, so that the file is a complete matrix a spreadsheet can sum.
/// `allocated` is repeated on each of the recipient's rows and empty when
/// no allocation is recorded.
pub fn spending_csv(doc: &Document, style: CsvStyle) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    {
        let mut w = style.writer(&mut out);
        w.write_record(SPENDING_COLUMNS)?;
        for g in &doc.grants {
            let year = g.year.to_string();
            for p in &g.recipients {
                let allocated = p.allocated.map(|m| style.amount(m)).unwrap_or_default();
                for area in &g.focus_areas {
                    let spent = p.spending.iter().find(|s| s.focus_area == area.position);
                    let amount = spent.map(|s| s.amount).unwrap_or(Money::ZERO);
                    let note = spent.map(|s| s.note.as_str()).unwrap_or("");
                    w.write_record([
                        g.title.as_str(),
                        &year,
                        &p.recipient,
                        &area.position.to_string(),
                        &allocated,
                        &style.amount(amount),
                        note,
                    ])?;
                }
            }
        }
        w.flush()?;
    }
    Ok(out)
}

/// One row per recipient of each grant: allocated, used, unused,
/// overspent and the status code of the rules (`unused`, `partial`, …).
pub fn summary_csv(doc: &Document, style: CsvStyle) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    {
        let mut w = style.writer(&mut out);
        w.write_record(SUMMARY_COLUMNS)?;
        for g in &doc.grants {
            let year = g.year.to_string();
            for p in &g.recipients {
                let allocated = p.allocated.unwrap_or(Money::ZERO);
                let used = p.used();
                let status = RecipientStatus::of(allocated, used, p.report.is_some());
                let reported_on = p
                    .report
                    .as_ref()
                    .map(|r| r.reported_on.to_string())
                    .unwrap_or_default();
                w.write_record([
                    g.title.as_str(),
                    &year,
                    &p.recipient,
                    &style.amount(allocated),
                    &style.amount(used),
                    &style.amount((allocated - used).max(Money::ZERO)),
                    &style.amount((used - allocated).max(Money::ZERO)),
                    status.code(),
                    &reported_on,
                ])?;
            }
        }
        w.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
