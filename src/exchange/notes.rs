//! What an import takes as it is but the coordinator should know: worded
//! by `i18n::import_notes` and printed after the import's summary, never
//! a refusal.

use chrono::NaiveDate;

use super::problems::Location;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: Location,
    pub kind: NoteKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// Amounts came in but no reported date: the recipient is not counted
    /// as reported.
    NotReported,
    /// The reported date was cleared: a workbook never takes a report
    /// back, so medel keeps the one it has, of this date.
    ReportKept(NaiveDate),
}

impl Note {
    pub fn cell(sheet: &str, cell: &str, kind: NoteKind) -> Note {
        let (sheet, cell) = (sheet.to_string(), cell.to_string());
        Note {
            at: Location::Cell { sheet, cell },
            kind,
        }
    }

    /// The same note, placed in the file named `file`.
    pub fn in_file(self, file: &str) -> Note {
        let at = Box::new(self.at);
        let file = file.to_string();
        Note {
            at: Location::InFile { file, at },
            kind: self.kind,
        }
    }
}
