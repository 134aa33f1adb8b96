//! What is wrong with an import file, in words a coordinator can act on.
//!
//! In the user's language (`describe`); the Swedish sentences are in
//! `import_problems_sv`. JSON paths and the parsers' own messages are
//! quoted as they are. The `Display` of `exchange::Problems` is English.

use std::fmt;

use super::exchange::change;
use super::store_errors::grant_draft;
use crate::domain::Lang;
use crate::exchange::{
    FORMAT, Location, Problem, ProblemKind, Problems, SPENDING_COLUMNS, VERSION,
};

/// Every problem, one a line, in `lang`; "and N more" when some were
/// only counted.
pub fn describe(problems: &Problems, lang: Lang) -> String {
    let mut lines: Vec<String> = problems.list.iter().map(|p| problem(p, lang)).collect();
    if problems.more > 0 {
        let more = problems.more;
        lines.push(match lang {
            Lang::Sv => format!("… och {more} problem till"),
            Lang::En => format!("… and {more} more problems"),
        });
    }
    lines.join("\n")
}

/// One problem with its place, in `lang`.
pub fn problem(p: &Problem, lang: Lang) -> String {
    let mut text = format!("{}: {}", place(&p.at, lang), message(&p.kind, lang));
    if !p.also.is_empty() {
        let lines: Vec<String> = p.also.iter().map(u64::to_string).collect();
        let also = lang.pick("även på rad", "also on line");
        text.push_str(&format!(" ({also} {})", lines.join(", ")));
    }
    text
}

/// Where in the file, in `lang`: `line 3, column 6 (amount)`, `Redovisning!C8`.
pub fn place(at: &Location, lang: Lang) -> String {
    let (line, column, file) = match lang {
        Lang::Sv => ("rad", "kolumn", "filen"),
        Lang::En => ("line", "column", "the file"),
    };
    match at {
        Location::File => file.to_string(),
        Location::Line {
            line: n,
            column: None,
        } => format!("{line} {n}"),
        Location::Line {
            line: n,
            column: Some((c, name)),
        } => {
            let name = match lang {
                Lang::Sv => super::import_problems_sv::swedish_column(name),
                Lang::En => name,
            };
            format!("{line} {n}, {column} {c} ({name})")
        }
        Location::Json { line: n, column: c } => format!("{line} {n}, {column} {c}"),
        Location::Path(p) => p.clone(),
        Location::Cell { sheet, cell } => format!("{sheet}!{cell}"),
        Location::InFile { file, at } => match at.as_ref() {
            Location::File => file.clone(),
            at => format!("{file}, {}", place(at, lang)),
        },
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&place(self, Lang::En))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&problem(self, Lang::En))
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe(self, Lang::En))
    }
}

/// One problem's sentence in `lang`, without its place.
pub fn message(kind: &ProblemKind, lang: Lang) -> String {
    match lang {
        Lang::Sv => super::import_problems_sv::message(kind),
        Lang::En => message_en(kind),
    }
}

/// One problem's sentence in English, without its place.
fn message_en(kind: &ProblemKind) -> String {
    use ProblemKind as P;
    let columns = SPENDING_COLUMNS.len();
    match kind {
        P::EmptyFile => format!(
            "the file is empty: expected a medel JSON export or a spending CSV \
             with the header {}",
            SPENDING_COLUMNS.join(";")
        ),
        P::Json(message) => message.clone(),
        P::NotMedel => format!("not a medel export: \"format\" must be \"{FORMAT}\""),
        P::NewerVersion(v) => format!(
            "written by a newer medel (format version {v}; this one reads up to \
             {VERSION}); update medel to import it"
        ),
        P::NoVersion => "the format version is missing".into(),
        P::EmptyName => "the name is empty".into(),
        P::RecipientTwice { first } => format!("listed twice (also recipients[{first}])"),
        P::GrantTwice { first } => format!("listed twice (also grants[{first}])"),
        P::Grant(e) => grant_draft(*e, Lang::En),
        P::PositionTwice(position) => format!("position {position} is listed twice"),
        P::PositionOutside { position, count } => format!(
            "position {position} is outside 1..{count}: positions number the focus areas \
             from 1 without gaps"
        ),
        P::UnnamedFocusArea => "the focus area has no name".into(),
        P::ZeroReceipt => "a receipt of zero kronor records nothing".into(),
        P::UnlistedRecipient => "this recipient is not in the document's list of recipients".into(),
        P::ParticipantTwice { first } => {
            format!("listed twice in this grant (also recipients[{first}])")
        }
        P::NegativeAllocation => "an allocation cannot be negative".into(),
        P::NoSuchFocusArea(position) => format!("the grant has no focus area {position}"),
        P::FocusAreaTwice(position) => format!("focus area {position} is listed twice"),
        P::NegativeSpending => "a spending amount cannot be negative".into(),
        P::NotPositiveRecord => "a repayment or reallocation must be more than zero".into(),
        P::MoveToItself => "a reallocation must go to another recipient".into(),
        P::ClosedInDatabase => "this grant is reported and closed in the database; \
                                reopen it before importing changes to it"
            .into(),
        P::Differs { differences, more } => {
            let mut shown: Vec<String> = differences
                .ops
                .iter()
                .map(|op| change(differences, op, Lang::En))
                .collect();
            if *more > 0 {
                shown.push(format!("and {more} more"));
            }
            format!(
                "already in the database with other values ({}). Nothing was imported; \
                 import with --replace to take the file's values",
                shown.join("; ")
            )
        }
        P::Csv(message) => format!("cannot read the CSV: {message}"),
        P::NotUtf8 { valid_up_to } => format!(
            "not UTF-8 text (bad byte {valid_up_to} characters in); save the file as UTF-8, \
             in Excel as \"CSV UTF-8\""
        ),
        P::SummaryFile => "this is a recipients summary (export --summary); \
                           only spending files can be imported"
            .into(),
        P::WrongColumn { want, found } => {
            format!("expected the column '{want}', found '{found}'")
        }
        P::TooFewColumns(found) => format!(
            "expected {columns} columns ({}), found {found}",
            SPENDING_COLUMNS.join(";")
        ),
        P::WrongFieldCount(found) => format!("expected {columns} columns, found {found}"),
        P::ExtraColumn(name) => format!("unexpected column '{name}' after 'note'"),
        P::EmptyCsv => "the file is empty".into(),
        P::NoRows => "no rows after the header: nothing to import".into(),
        P::EmptyCell => "empty".into(),
        P::EmptyAmount => "empty: write 0 for no spending".into(),
        P::NotAYear(text) => format!("'{text}' is not a year"),
        P::BadAmount { text, error } => format!("'{text}': {error}"),
        P::NoSuchGrant { grant, known } => {
            let hint = if known.is_empty() {
                "the database has no grants".to_string()
            } else {
                let known: Vec<String> = known.iter().map(ToString::to_string).collect();
                format!("grants in the database: {}", known.join(", "))
            };
            format!("no grant {grant} in the database; {hint}")
        }
        P::ClosedGrant(grant) => {
            format!("the grant {grant} is reported and closed: reopen it before importing spending")
        }
        P::UnknownRecipient { name, meant } => match meant {
            Some(meant) => format!("unknown recipient '{name}' (did you mean '{meant}'?)"),
            None => format!(
                "unknown recipient '{name}': add it in medel first, names must match exactly"
            ),
        },
        P::UnknownFocusArea { text, count } => {
            format!("unknown focus area '{text}': write its number, 1 to {count}, or its name")
        }
        P::DuplicateRow {
            recipient,
            position,
            line,
        } => format!("duplicate row: '{recipient}', focus area {position} is also on line {line}"),
        P::AllocationDiffers { new, old, line } => {
            format!("{new} differs from {old} on line {line} for the same recipient")
        }
        P::Damaged(message) => format!("a damaged workbook that cannot be read: {message}"),
        P::Encrypted => "a password-protected workbook: remove the password in Excel \
                         (File, Info, Protect Workbook) and save it again as .xlsx"
            .into(),
        P::OldXls => "an old Excel 97-2003 workbook (.xls): open it in Excel and save it \
                      as Excel Workbook (.xlsx)"
            .into(),
        P::BinaryWorkbook => "an Excel Binary Workbook (.xlsb): open it in Excel and save it \
                              as Excel Workbook (.xlsx)"
            .into(),
        P::OtherOfficeFile => "an Office file that is not an .xlsx workbook (or one too \
                               damaged to tell): save the workbook as Excel Workbook (.xlsx), \
                               without a password"
            .into(),
        P::NotATemplate => "not a medel template: only workbooks written by \
                            'medel template' can be imported (or JSON and CSV)"
            .into(),
        P::UnknownTemplateVersion(v) => format!(
            "a template of version '{v}', which this medel does not know; \
             update medel or write a new template"
        ),
        P::LayoutAltered { expected, found } => format!(
            "expected '{expected}' here, found '{found}': rows or columns were moved; \
             copy the figures into a fresh template"
        ),
        P::FormulaInAmount(formula) => {
            format!("a formula (={formula}) where an amount is typed: write the amount itself")
        }
        P::FormulaInText(formula) => format!(
            "a formula (={formula}) where text is typed: write the text itself (Excel makes \
             a formula of text starting with =, + or -; type an apostrophe first to keep it text)"
        ),
        P::FormulaInDate(formula) => format!(
            "a formula (={formula}) where the reported date is typed: write the date itself, \
             as YYYY-MM-DD"
        ),
        P::NotADate(text) => format!("'{text}' is not a date: write it as YYYY-MM-DD"),
        P::EarlyDate(text) => format!(
            "{text} is before 1900-03-01, which Excel and LibreOffice count a day apart: \
             write the day the report was made"
        ),
        P::FutureDate(day) => format!("{day} is after today: write the day the report was made"),
        P::RowsMoved { expected, found } => format!(
            "rows or columns were inserted or deleted: this is the first moved cell \
             (expected '{expected}', found '{found}'); copy the figures into a fresh template"
        ),
        P::SheetMissing(sheet) => format!(
            "the sheet {sheet} is missing (renamed?): give it back its name {sheet}, \
             or copy the figures into a fresh template"
        ),
        P::IdentificationAltered => "the template's hidden identification was altered or \
                                     damaged: its cell references no longer fit the sheet; \
                                     copy the figures into a fresh template"
            .into(),
        P::OtherDatabase(name) => format!(
            "{name} is in the database, but not as the one this template was written for: \
             it was written from another database or for another grant; write a new \
             template with 'medel template'"
        ),
        P::ReportWithoutDate => {
            "the reported date is missing: reasons and an evaluation need the date".into()
        }
        P::NotInGrant { recipient, grant } => {
            format!("'{recipient}' takes no part in the grant {grant} in the database")
        }
        P::FocusAreasChanged => "the grant's focus areas changed since this template was \
                                 written: write a new template"
            .into(),
        P::SameAsOtherFile(other) => {
            format!("changes the same values as {other}: import one file per recipient")
        }
        P::SameRecipientAsOtherFile { other, recipient } => format!(
            "is for the same recipient as {other} ('{recipient}'): import one file per \
             recipient at a time"
        ),
        P::ChangedInMedel(stale) => super::stale::changed_in_medel(stale, Lang::En, false),
        P::OtherHistory { written } => super::stale::other_history(written, Lang::En),
    }
}
