//! Reading a spending CSV (either style); `csv_plan` plans its import
//! into one grant.
//!
//! The style is detected, not asked for: a `;` in the header line means
//! Excel's Swedish style, otherwise plain (`,`). Amounts
//! are read by `Money::parse`, which takes a decimal comma or point.
//! Every problem names its line (the header is line 1) and column.

use super::csv_encoding::{CsvEncoding, decode, unguard};
use super::csv_style::{
    BOM, CsvStyle, SPENDING_COLUMNS, SPENDING_COLUMNS_SV, SUMMARY_COLUMNS, SUMMARY_COLUMNS_SV,
};
use super::plan::GrantKey;
use super::problems::{Location, Problem, ProblemKind as P, Problems};
use crate::domain::money::Money;

/// A spending file, read and checked on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub style: CsvStyle,
    /// Windows-1252 when Excel saved it so; `import` says it was read so.
    pub encoding: CsvEncoding,
    /// The grants the file is for, in the order they first appear (an
    /// export of several grants has them all).
    pub grants: Vec<GrantKey>,
    pub rows: Vec<Row>,
}

/// One data line. `focus_area` is as written: a position or a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    /// Index into `Sheet::grants`.
    pub grant: usize,
    pub recipient: String,
    pub focus_area: String,
    /// Empty in the file: leave the allocation as it is.
    pub allocated: Option<Money>,
    pub amount: Money,
    pub note: String,
}

pub(super) const GRANT: usize = 0;
pub(super) const YEAR: usize = 1;
pub(super) const RECIPIENT: usize = 2;
pub(super) const FOCUS_AREA: usize = 3;
pub(super) const ALLOCATED: usize = 4;
pub(super) const AMOUNT: usize = 5;
pub(super) const NOTE: usize = 6;

pub(super) fn cell(line: u64, col: usize) -> Location {
    Location::Line {
        line,
        column: Some((col + 1, SPENDING_COLUMNS[col])),
    }
}

/// The separator is the header line's: `;` if it has one, else `,`. A
/// byte order mark only says UTF-8 (English Excel writes one before
/// commas), and the decimal mark needs no guess: `Money::parse` takes both.
fn detect(bytes: &[u8]) -> (CsvStyle, &[u8]) {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let header = body.split(|&b| b == b'\n').next().unwrap_or(body);
    let style = if header.contains(&b';') {
        CsvStyle::ExcelSv
    } else {
        CsvStyle::Plain
    };
    (style, body)
}

/// The fields of one record as text; bad UTF-8 is a problem of its column.
fn fields<'r>(
    rec: &'r csv::ByteRecord,
    line: u64,
    problems: &mut Problems,
) -> Option<Vec<&'r str>> {
    let mut out = Vec::with_capacity(rec.len());
    let mut ok = true;
    for (i, raw) in rec.iter().enumerate() {
        match std::str::from_utf8(raw) {
            Ok(s) => out.push(s.trim()),
            Err(e) => {
                ok = false;
                let at = if i < SPENDING_COLUMNS.len() {
                    cell(line, i)
                } else {
                    Location::Line { line, column: None }
                };
                let valid_up_to = e.valid_up_to();
                problems.push(Problem::new(at, P::NotUtf8 { valid_up_to }));
            }
        }
    }
    ok.then_some(out)
}

fn check_header(head: &[&str], problems: &mut Problems) {
    let lower: Vec<String> = head.iter().map(|h| h.to_lowercase()).collect();
    let summary = |names: [&str; 9]| lower.len() >= names.len() && lower[..names.len()] == names;
    if summary(SUMMARY_COLUMNS) || summary(SUMMARY_COLUMNS_SV) {
        problems.push(Problem::line(1, P::SummaryFile));
        return;
    }
    for (i, want) in SPENDING_COLUMNS.iter().enumerate() {
        match lower.get(i) {
            Some(found) if found == want || found == SPENDING_COLUMNS_SV[i] => {}
            Some(found) => {
                let found = found.clone();
                problems.push(Problem::new(cell(1, i), P::WrongColumn { want, found }));
                return;
            }
            None => {
                problems.push(Problem::line(1, P::TooFewColumns(lower.len())));
                return;
            }
        }
    }
    if let Some(extra) = lower
        .iter()
        .skip(SPENDING_COLUMNS.len())
        .find(|h| !h.is_empty())
    {
        problems.push(Problem::line(1, P::ExtraColumn(extra.clone())));
    }
}

fn amount(text: &str, line: u64, col: usize, problems: &mut Problems) -> Option<Money> {
    match Money::parse(text) {
        Ok(m) => Some(m),
        Err(e) => {
            let text = text.to_string();
            problems.push(Problem::new(
                cell(line, col),
                P::BadAmount { text, error: e },
            ));
            None
        }
    }
}

/// Line numbers from byte offsets. The csv crate's own line count lags by
/// one after a CRLF (it counts the `\n` when reading the next record), and
/// Excel files end lines with CRLF.
struct Lines<'a> {
    body: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(body: &'a [u8]) -> Lines<'a> {
        Lines {
            body,
            pos: 0,
            line: 1,
        }
    }

    /// The line where a record read from `byte` on starts: past the rest
    /// of the previous line end and any blank lines.
    fn of(&mut self, byte: u64) -> u64 {
        let from = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.body.len());
        let skip = self.body[from..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let start = (from + skip).max(self.pos);
        let newlines = self.body[self.pos..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += newlines as u64;
        self.pos = start;
        self.line
    }
}

fn csv_problem(e: &csv::Error) -> Problem {
    let line = e.position().map(|p| p.line()).unwrap_or(1);
    Problem::line(line, P::Csv(e.to_string()))
}

/// Reads and checks every line; returns all problems found (listing up to
/// `MAX_PROBLEMS` and counting the rest), or the sheet when there are none.
pub fn read_csv(bytes: &[u8]) -> Result<Sheet, Problems> {
    let (encoding, text) = decode(bytes);
    let (style, body) = detect(&text);
    let mut problems = Problems::default();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(style.delimiter())
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut rec = csv::ByteRecord::new();
    let mut lines = Lines::new(body);
    let mut line_of = |rec: &csv::ByteRecord| rec.position().map_or(0, |p| lines.of(p.byte()));
    match rdr.read_byte_record(&mut rec) {
        Err(e) => return Err(Problems::one(csv_problem(&e))),
        Ok(false) => return Err(Problems::one(Problem::line(1, P::EmptyCsv))),
        Ok(true) => match fields(&rec, line_of(&rec), &mut problems) {
            Some(head) => check_header(&head, &mut problems),
            None => return Err(problems),
        },
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut grants: Vec<GrantKey> = Vec::new();
    let mut rows = Vec::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                problems.push(csv_problem(&e));
                break;
            }
        }
        let line = line_of(&rec);
        let Some(f) = fields(&rec, line, &mut problems) else {
            continue;
        };
        // Spreadsheets leave rows of empty cells behind; they say nothing.
        if f.iter().all(|s| s.is_empty()) {
            continue;
        }
        if f.len() < SPENDING_COLUMNS.len()
            || f[SPENDING_COLUMNS.len()..].iter().any(|s| !s.is_empty())
        {
            problems.push(Problem::line(line, P::WrongFieldCount(f.len())));
            continue;
        }
        if let Some(row) = parse_row(&f, line, &mut grants, &mut problems) {
            rows.push(row);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if rows.is_empty() {
        return Err(Problems::one(Problem::line(2, P::NoRows)));
    }
    Ok(Sheet {
        style,
        encoding,
        grants,
        rows,
    })
}

fn parse_row(
    f: &[&str],
    line: u64,
    grants: &mut Vec<GrantKey>,
    problems: &mut Problems,
) -> Option<Row> {
    let before = problems.list.len() + problems.more;
    let required = |col: usize, problems: &mut Problems| {
        if f[col].is_empty() {
            problems.push(Problem::new(cell(line, col), P::EmptyCell));
        }
    };
    required(GRANT, problems);
    required(RECIPIENT, problems);
    required(FOCUS_AREA, problems);
    let year = match f[YEAR].parse::<i32>() {
        Ok(y) => Some(y),
        Err(_) => {
            let text = f[YEAR].to_string();
            problems.push(Problem::new(cell(line, YEAR), P::NotAYear(text)));
            None
        }
    };
    let grant = match (year, f[GRANT].is_empty()) {
        (Some(year), false) => {
            let key = GrantKey {
                title: unguard(f[GRANT]).to_string(),
                year,
            };
            Some(match grants.iter().position(|g| *g == key) {
                Some(i) => i,
                None => {
                    grants.push(key);
                    grants.len() - 1
                }
            })
        }
        _ => None,
    };
    let allocated = match f[ALLOCATED] {
        "" => None,
        text => amount(text, line, ALLOCATED, problems),
    };
    let spent = if f[AMOUNT].is_empty() {
        problems.push(Problem::new(cell(line, AMOUNT), P::EmptyAmount));
        None
    } else {
        amount(f[AMOUNT], line, AMOUNT, problems)
    };
    if problems.list.len() + problems.more != before {
        return None;
    }
    Some(Row {
        line,
        grant: grant?,
        recipient: unguard(f[RECIPIENT]).to_string(),
        focus_area: f[FOCUS_AREA].to_string(),
        allocated,
        amount: spent?,
        note: unguard(f[NOTE]).to_string(),
    })
}
