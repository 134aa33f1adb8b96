//! Reading a filled-in template: its identification first, then the
//! locked cells that must not have moved, then the values the district
//! typed. A formula's cached value is never used: a formula in an amount
//! cell is refused, and the sums are medel's own.

use std::io::Cursor;

use calamine::{Data, ExcelDateTime, ExcelDateTimeType, Range, Reader, Xlsx};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::problems::{Location, Problem, ProblemKind as P, Problems};
use super::xlsx_kind;
use super::xlsx_layout::{DEFINED_NAME, ID_SHEET, Identity, parse_cell};
use crate::domain::money::{Money, MoneyError};

/// A template as the district returned it, checked on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    pub identity: Identity,
    pub areas: Vec<FilledArea>,
    /// `None` when the date, the reason and the evaluation are all empty.
    pub report: Option<FilledReport>,
    /// The contact person as filled in; `None` from a version 1 template,
    /// which has no such cell.
    pub contact: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilledArea {
    pub position: i64,
    /// The focus area's name as the sheet shows it.
    pub name: String,
    pub amount: Money,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilledReport {
    /// `None` when the date is empty but a reason or an evaluation is
    /// not (a template pre-fills them): the plan keeps medel's date, or
    /// refuses when medel holds no report.
    pub reported_on: Option<NaiveDate>,
    pub reason_unused: String,
    pub evaluation: String,
}

/// The start of a zip file, as every `.xlsx` is.
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The start of an OLE compound file: an encrypted `.xlsx` or an `.xls`.
pub const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

fn file(kind: P) -> Problems {
    Problems::one(Problem::new(Location::File, kind))
}

/// Reads and checks a workbook; every problem names its sheet and cell.
pub fn read_xlsx(bytes: &[u8]) -> Result<Filled, Problems> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(file(xlsx_kind::ole_kind(bytes)));
    }
    if xlsx_kind::is_xlsb(bytes) {
        return Err(file(P::BinaryWorkbook));
    }
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| file(P::Damaged(e.to_string())))?;
    let id_sheet = identification_sheet(&book).ok_or_else(|| file(P::NotATemplate))?;
    let id_range = book
        .worksheet_range(&id_sheet)
        .map_err(|_| file(P::NotATemplate))?;
    let identity = Identity::from_rows(&rows_of(&id_range)).map_err(|e| match e {
        None => file(P::NotATemplate),
        Some(version) => file(P::UnknownTemplateVersion(version)),
    })?;
    if !references_hold(&identity) {
        return Err(file(P::IdentificationAltered));
    }
    let sheet = identity.sheet.clone();
    let values = book
        .worksheet_range(&sheet)
        .map_err(|_| file(P::SheetMissing(sheet.clone())))?;
    let formulas = book
        .worksheet_formula(&sheet)
        .map_err(|e| file(P::Damaged(e.to_string())))?;

    let moved: Vec<(&String, &String, String)> = identity
        .anchors
        .iter()
        .map(|(cell, expected)| (cell, expected, text(value(&values, cell))))
        .filter(|(_, expected, found)| found.trim() != expected.trim())
        .collect();
    let mut problems = Problems::default();
    match moved.as_slice() {
        [] => {}
        // Many at once is one cause: say it once, at the first.
        [(cell, expected, found), _, _, ..] => {
            let kind = P::RowsMoved {
                expected: expected.to_string(),
                found: found.clone(),
            };
            return Err(Problems::one(Problem::cell(&sheet, cell, kind)));
        }
        few => {
            for (cell, expected, found) in few {
                let kind = P::LayoutAltered {
                    expected: expected.to_string(),
                    found: found.clone(),
                };
                problems.push(Problem::cell(&sheet, cell, kind));
            }
            return Err(problems);
        }
    }

    // A formula in a text cell is refused like one in an amount cell: its
    // cached value is whatever the program last computed, or nothing.
    let mut typed = |cell: &str| match formula(&formulas, cell) {
        Some(f) => {
            problems.push(Problem::cell(&sheet, cell, P::FormulaInText(f)));
            String::new()
        }
        None => text(value(&values, cell)).trim().to_string(),
    };
    let mut read_areas = Vec::with_capacity(identity.areas.len());
    for (position, amount_cell, note_cell) in &identity.areas {
        let name = parse_cell(amount_cell)
            .map(|(row, _)| text(values.get_value((row, 1))))
            .unwrap_or_default();
        let amount = match formula(&formulas, amount_cell) {
            Some(f) => Err(P::FormulaInAmount(f)),
            None => amount(value(&values, amount_cell)),
        };
        let note = typed(note_cell);
        read_areas.push((*position, name, amount, note, amount_cell));
    }
    let reason_unused = typed(&identity.reason_unused);
    let evaluation = typed(&identity.evaluation);
    let contact = identity.contact.as_ref().map(|cell| typed(cell));
    let mut areas = Vec::with_capacity(read_areas.len());
    for (position, name, amount, note, amount_cell) in read_areas {
        match amount {
            Ok(amount) => areas.push(FilledArea {
                position,
                name,
                amount,
                note,
            }),
            Err(kind) => problems.push(Problem::cell(&sheet, amount_cell, kind)),
        }
    }

    let date_cell = &identity.reported_on;
    let reported_on = match formula(&formulas, date_cell) {
        Some(f) => Err(P::FormulaInDate(f)),
        None => date(value(&values, date_cell), book.has_1904_epoch()),
    };
    let report = match reported_on {
        Ok(None) if reason_unused.is_empty() && evaluation.is_empty() => None,
        Ok(reported_on) => Some(FilledReport {
            reported_on,
            reason_unused,
            evaluation,
        }),
        Err(kind) => {
            problems.push(Problem::cell(&sheet, date_cell, kind));
            None
        }
    };
    problems.or_ok(Filled {
        identity,
        areas,
        report,
        contact,
    })
}

/// Whether the identification's cells are where a template puts them:
/// an area's amount and note on the row anchored with its number, each
/// report cell on a row anchored with its label, no cell twice and none
/// an anchor. Else it was edited, and no reference can be trusted.
fn references_hold(id: &Identity) -> bool {
    let anchor_at = |row: u32, col: u32| {
        id.anchors
            .iter()
            .find(|(c, _)| parse_cell(c) == Some((row, col)))
            .map(|(_, text)| text.trim())
    };
    let row_of = |cell: &str| parse_cell(cell).map(|(row, _)| row);
    let areas_hold = id.areas.iter().all(|(position, amount, note)| {
        let row = row_of(amount);
        row.is_some()
            && row == row_of(note)
            && row.and_then(|r| anchor_at(r, 0)) == Some(position.to_string().as_str())
    });
    let report = [&id.reported_on, &id.reason_unused, &id.evaluation];
    let report = report.into_iter().chain(&id.contact);
    let report_holds = report
        .clone()
        .all(|cell| row_of(cell).is_some_and(|r| anchor_at(r, 1).is_some()));
    let cells: Vec<&String> = id
        .areas
        .iter()
        .flat_map(|(_, a, n)| [a, n])
        .chain(report)
        .collect();
    let distinct: std::collections::HashSet<&String> = cells.iter().copied().collect();
    let no_anchor = cells
        .iter()
        .all(|c| id.anchors.iter().all(|(a, _)| a != *c));
    areas_hold && report_holds && distinct.len() == cells.len() && no_anchor
}

/// The sheet the defined name points at, else the sheet of that name.
fn identification_sheet(book: &Xlsx<Cursor<&[u8]>>) -> Option<String> {
    let sheets: Vec<&str> = book
        .sheets_metadata()
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    let named = book
        .defined_names()
        .iter()
        .find(|(name, _)| name == DEFINED_NAME)
        .and_then(|(_, formula)| {
            let formula = formula.trim_start_matches('=');
            let (sheet, _) = formula.rsplit_once('!')?;
            Some(sheet.trim_matches('\'').replace("''", "'"))
        });
    named
        .filter(|n| sheets.contains(&n.as_str()))
        .or_else(|| sheets.contains(&ID_SHEET).then(|| ID_SHEET.to_string()))
}

/// The identification's rows as text, from A1 whatever the range's start.
fn rows_of(range: &Range<Data>) -> Vec<Vec<String>> {
    let Some((end_row, end_col)) = range.end() else {
        return Vec::new();
    };
    (0..=end_row.min(10_000))
        .map(|r| {
            (0..=end_col.min(16))
                .map(|c| text(range.get_value((r, c))))
                .collect()
        })
        .collect()
}

fn value<'a>(range: &'a Range<Data>, cell: &str) -> Option<&'a Data> {
    parse_cell(cell).and_then(|pos| range.get_value(pos))
}

fn formula(range: &Range<String>, cell: &str) -> Option<String> {
    let f = parse_cell(cell).and_then(|pos| range.get_value(pos))?;
    (!f.trim().is_empty()).then(|| f.trim_start_matches('=').to_string())
}

/// A cell as the text it shows, near enough: numbers without a needless
/// `.0`, errors as Excel writes them.
fn text(d: Option<&Data>) -> String {
    match d {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) | Some(Data::DurationIso(s)) => s.clone(),
        // A strict workbook's date (`t="d"`): a whole day without its time.
        Some(Data::DateTimeIso(s)) => s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Bool(b)) => b.to_string().to_uppercase(),
        // Excel makes a date of text typed like one, in any cell: show it
        // as it was typed, not as its serial number.
        Some(Data::DateTime(dt)) if dt.is_datetime() => match day_of(dt) {
            Some(day) => {
                let (.., hour, min, sec, _) = dt.to_ymd_hms_milli();
                if (hour, min, sec) == (0, 0, 0) {
                    day.to_string()
                } else {
                    format!("{day} {hour:02}:{min:02}:{sec:02}")
                }
            }
            None => dt.as_f64().to_string(),
        },
        Some(Data::DateTime(dt)) => dt.as_f64().to_string(),
        Some(Data::Error(e)) => e.to_string(),
    }
}

fn amount(d: Option<&Data>) -> Result<Money, P> {
    let bad = |text: String, error: MoneyError| P::BadAmount { text, error };
    match d {
        None | Some(Data::Empty) => Ok(Money::ZERO),
        Some(Data::String(s)) if s.trim().is_empty() => Ok(Money::ZERO),
        Some(Data::String(s)) => Money::parse(s).map_err(|e| bad(s.clone(), e)),
        Some(Data::Float(f)) => number(*f),
        Some(Data::Int(i)) => number(*i as f64),
        Some(other) => Err(bad(text(Some(other)), MoneyError::NoDigits)),
    }
}

/// A number cell as money: exact when it has at most two decimals, as a
/// typed amount has. Read to 15 significant digits, as Excel keeps them:
/// 0.3*3 written as 0.9000000000000001 is 0.9, as Excel's own check
/// ROUND(C12,2)=C12 lets it through.
fn number(f: f64) -> Result<Money, P> {
    let text = f.to_string();
    let bad = |error| P::BadAmount {
        text: text.clone(),
        error,
    };
    if f < 0.0 {
        return Err(bad(MoneyError::Negative));
    }
    let d = Decimal::from_scientific(&format!("{f:.14e}"))
        .map_err(|_| bad(MoneyError::TooLarge))?
        .normalize();
    Money::from_decimal(d).map_err(bad)
}

/// The day of a date cell, in the workbook's own date system: a serial
/// counts from 1900 (Excel for Windows) or from 1904 (a workbook from
/// Excel for Mac, `date1904`), and the cell knows which.
fn day_of(dt: &ExcelDateTime) -> Option<NaiveDate> {
    let (year, month, day, ..) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
}

/// The day after Excel's last (9999-12-31), as a serial of each date system.
const END_1900: f64 = 2_958_466.0;
const END_1904: f64 = 2_957_004.0;

fn date(d: Option<&Data>, is_1904: bool) -> Result<Option<NaiveDate>, P> {
    // A serial outside Excel's dates is refused rather than clamped to its
    // first or last day.
    let from_serial = |f: f64| {
        let last = if is_1904 { END_1904 } else { END_1900 };
        let days = f.floor();
        let dt = ExcelDateTime::new(days, ExcelDateTimeType::DateTime, is_1904);
        (0.0..last)
            .contains(&days)
            .then(|| day_of(&dt))
            .flatten()
            .ok_or_else(|| P::NotADate(f.to_string()))
            .and_then(|day| {
                // Excel's serials before its fictive 1900-02-29 are a day
                // off from LibreOffice's.
                if !is_1904 && days < 61.0 {
                    Err(P::EarlyDate(day.to_string()))
                } else {
                    Ok(day)
                }
            })
    };
    match d {
        None | Some(Data::Empty) => Ok(None),
        Some(Data::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Data::String(s)) | Some(Data::DateTimeIso(s)) => {
            let day = s.trim().get(..10).unwrap_or(s.trim());
            NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| P::NotADate(s.clone()))
        }
        Some(Data::DateTime(dt)) => from_serial(dt.as_f64()).map(Some),
        Some(Data::Float(f)) => from_serial(*f).map(Some),
        Some(Data::Int(i)) => from_serial(*i as f64).map(Some),
        Some(other) => Err(P::NotADate(text(Some(other)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        s.parse().ok()
    }

    #[test]
    fn a_date_serial_counts_from_the_workbooks_own_epoch() {
        let serial = |f: f64| Some(Data::Float(f));
        assert_eq!(date(serial(43159.0).as_ref(), false), Ok(day("2018-02-28")));
        assert_eq!(date(serial(41697.0).as_ref(), true), Ok(day("2018-02-28")));
        assert_eq!(
            date(serial(43159.75).as_ref(), false),
            Ok(day("2018-02-28"))
        );
        let cell = |f: f64, is_1904| {
            Some(Data::DateTime(ExcelDateTime::new(
                f,
                ExcelDateTimeType::DateTime,
                is_1904,
            )))
        };
        // The cell's date system is the workbook's: a Mac workbook's
        // serial is 1462 days less for the same day.
        assert_eq!(
            date(cell(41697.0, true).as_ref(), true),
            Ok(day("2018-02-28"))
        );
        assert_eq!(
            date(cell(43159.0, false).as_ref(), false),
            Ok(day("2018-02-28"))
        );
        assert_eq!(text(cell(41697.0, true).as_ref()), "2018-02-28");
        assert_eq!(text(cell(43159.5, false).as_ref()), "2018-02-28 12:00:00");
        for (f, is_1904) in [(-1.0, false), (2_958_466.0, false), (2_957_004.0, true)] {
            assert_eq!(
                date(serial(f).as_ref(), is_1904),
                Err(P::NotADate(f.to_string()))
            );
        }
        assert_eq!(
            date(serial(2_958_465.0).as_ref(), false),
            Ok(day("9999-12-31"))
        );
        assert_eq!(
            date(serial(2_957_003.0).as_ref(), true),
            Ok(day("9999-12-31"))
        );
    }
}
