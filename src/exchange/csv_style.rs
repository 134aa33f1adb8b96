//! How a CSV file is written, and how an imported one was: the two styles,
//! the byte order mark and the columns of each file.

use crate::domain::money::Money;

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

    pub(super) fn writer(self, out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
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

/// The spending columns as Swedish Excel users name them; import takes
/// either, `--lang sv` exports write these.
pub const SPENDING_COLUMNS_SV: [&str; 7] = [
    "bidrag",
    "år",
    "mottagare",
    "fokusområde",
    "tilldelat",
    "belopp",
    "anteckning",
];

pub const SUMMARY_COLUMNS_SV: [&str; 9] = [
    "bidrag",
    "år",
    "mottagare",
    "tilldelat",
    "använt",
    "outnyttjat",
    "överskridet",
    "status",
    "redovisat",
];
