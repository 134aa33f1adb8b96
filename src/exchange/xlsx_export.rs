//! The export as a workbook a coordinator would make by hand: a summary
//! per recipient with a bar chart of used against allocated, the
//! recipient × focus-area matrix, the spending rows, the receipts and the
//! flags. Amounts are numbers with a money format; text is always a
//! string cell, never a formula.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Chart, ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

use super::document::{Document, GrantDoc};
use super::xlsx_layout::cell_name;
use crate::domain::Lang;
use crate::domain::model::{ReceiptKind, title_and_year};
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

/// The words of the export workbook; `i18n` builds them.
#[derive(Debug, Clone)]
pub struct ExportWords {
    pub lang: Lang,
    pub summary: &'static str,
    pub matrix: &'static str,
    pub spending: &'static str,
    pub receipts: &'static str,
    pub flags: &'static str,
    /// grant, year, recipient, allocated, used, unused, overspent,
    /// status, reported on, contact person.
    pub summary_columns: [&'static str; 10],
    /// grant, year, recipient, focus area, allocated, amount, note.
    pub spending_columns: [&'static str; 7],
    /// grant, year, date, amount, kind, note.
    pub receipt_columns: [&'static str; 6],
    /// grant, year, severity, flag.
    pub flag_columns: [&'static str; 4],
    pub total: &'static str,
    /// In the order of `RecipientStatus::ALL`.
    pub statuses: [&'static str; 5],
    /// The chart's title, before the grant's.
    pub chart: &'static str,
    /// In the order of `ReceiptKind::ALL`.
    pub receipt_kinds: [&'static str; 3],
    pub money_format: &'static str,
}

/// A flag as the coordinator reads it, worded by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagRow {
    pub grant: String,
    pub year: i32,
    pub severity: String,
    pub text: String,
}

struct Formats {
    header: Format,
    money: Format,
    total: Format,
    total_money: Format,
    date: Format,
    /// Notes and reasons: wrapped in a column of a readable width.
    prose: Format,
}

/// The width of a column of notes, in characters: autofit would make it
/// as wide as the longest note.
const PROSE_WIDTH: f64 = 60.0;

/// The whole export as the bytes of an `.xlsx` file.
pub fn export_xlsx(
    doc: &Document,
    flags: &[FlagRow],
    w: &ExportWords,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats {
        header: Format::new().set_bold().set_background_color("#DDE7F0"),
        money: Format::new().set_num_format(w.money_format),
        total: Format::new().set_bold(),
        total_money: Format::new().set_bold().set_num_format(w.money_format),
        date: Format::new().set_num_format("yyyy-mm-dd"),
        prose: Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top),
    };
    let mut book = Workbook::new();
    summary_sheet(book.add_worksheet(), doc, w, &f)?;
    matrix_sheet(book.add_worksheet(), doc, w, &f)?;
    spending_sheet(book.add_worksheet(), doc, w, &f)?;
    receipts_sheet(book.add_worksheet(), doc, w, &f)?;
    flags_sheet(book.add_worksheet(), flags, w, &f)?;
    book.save_to_buffer()
}

fn header(s: &mut Worksheet, row: u32, names: &[&str], f: &Formats) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        s.write_string_with_format(row, c as u16, *name, &f.header)?;
    }
    Ok(())
}

/// A table's finish: header frozen, a filter on it, widths that fit
/// (amounts with their format are wider than autofit measures), printed
/// landscape one page wide.
fn finish(
    s: &mut Worksheet,
    last_row: u32,
    last_col: u16,
    money_cols: &[u16],
    prose_col: Option<u16>,
) -> Result<(), XlsxError> {
    s.set_freeze_panes(1, 0)?;
    if last_row > 0 {
        s.autofilter(0, 0, last_row, last_col)?;
    }
    s.autofit();
    money_widths(s, money_cols)?;
    if let Some(c) = prose_col {
        s.set_column_width(c, PROSE_WIDTH)?;
    }
    s.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    Ok(())
}

fn money_widths(s: &mut Worksheet, cols: &[u16]) -> Result<(), XlsxError> {
    for &c in cols {
        s.set_column_width(c, 17)?;
    }
    Ok(())
}

fn money(s: &mut Worksheet, row: u32, col: u16, m: Money, f: &Format) -> Result<(), XlsxError> {
    s.write_with_format(row, col, m.to_decimal(), f)?;
    Ok(())
}

fn date(s: &mut Worksheet, row: u32, col: u16, d: NaiveDate, f: &Format) -> Result<(), XlsxError> {
    let (y, m, day) = (d.year() as u16, d.month() as u8, d.day() as u8);
    s.write_with_format(row, col, &ExcelDateTime::from_ymd(y, m, day)?, f)?;
    Ok(())
}

fn sum(
    s: &mut Worksheet,
    row: u32,
    col: u16,
    from: u32,
    value: Money,
    f: &Format,
) -> Result<(), XlsxError> {
    let range = format!("{}:{}", cell_name(from, col), cell_name(row - 1, col));
    let formula = Formula::new(format!("=SUM({range})")).set_result(value.to_string());
    s.write_formula_with_format(row, col, formula, f)?;
    Ok(())
}

fn status_word(w: &ExportWords, status: RecipientStatus) -> &'static str {
    let i = RecipientStatus::ALL.iter().position(|s| *s == status);
    i.and_then(|i| w.statuses.get(i)).copied().unwrap_or("")
}

fn summary_sheet(
    s: &mut Worksheet,
    doc: &Document,
    w: &ExportWords,
    f: &Formats,
) -> Result<(), XlsxError> {
    s.set_name(w.summary)?;
    header(s, 0, &w.summary_columns, f)?;
    let mut row = 1;
    let mut charts = Vec::new();
    for g in &doc.grants {
        let first = row;
        for p in &g.recipients {
            let allocated = p.allocated.unwrap_or(Money::ZERO);
            let used = p.used();
            let status = RecipientStatus::of(allocated, used, p.report.is_some());
            s.write_string(row, 0, &g.title)?;
            s.write_number(row, 1, g.year)?;
            s.write_string(row, 2, &p.recipient)?;
            money(s, row, 3, allocated, &f.money)?;
            money(s, row, 4, used, &f.money)?;
            money(s, row, 5, (allocated - used).max(Money::ZERO), &f.money)?;
            money(s, row, 6, (used - allocated).max(Money::ZERO), &f.money)?;
            s.write_string(row, 7, status_word(w, status))?;
            if let Some(r) = &p.report {
                date(s, row, 8, r.reported_on, &f.date)?;
            }
            if !p.contact.is_empty() {
                s.write_string(row, 9, &p.contact)?;
            }
            row += 1;
        }
        if row > first {
            charts.push((g, first, row - 1));
        }
    }
    let last = row.saturating_sub(1);
    finish(s, last, 9, &[3, 4, 5, 6], None)?;
    for (i, (g, first, last)) in charts.into_iter().enumerate() {
        let mut chart = Chart::new_bar();
        chart
            .title()
            .set_name(&format!("{} {}", w.chart, title_and_year(&g.title, g.year)));
        for (col, name) in [(3u16, w.summary_columns[3]), (4, w.summary_columns[4])] {
            chart
                .add_series()
                .set_name(name)
                .set_categories((w.summary, first, 2, last, 2))
                .set_values((w.summary, first, col, last, col));
        }
        chart.x_axis().set_num_format(w.money_format);
        chart
            .set_width(720)
            .set_height(24 * (last - first + 1) + 140);
        s.insert_chart(1 + i as u32 * 30, 10, &chart)?;
    }
    Ok(())
}

fn matrix_block(
    s: &mut Worksheet,
    g: &GrantDoc,
    top: u32,
    w: &ExportWords,
    f: &Formats,
) -> Result<u32, XlsxError> {
    s.write_string_with_format(top, 0, title_and_year(&g.title, g.year), &f.total)?;
    let head = top + 1;
    let wrapped = f.header.clone().set_text_wrap();
    s.set_row_height(head, 45)?;
    s.write_string_with_format(head, 0, w.summary_columns[2], &f.header)?;
    for (i, a) in g.focus_areas.iter().enumerate() {
        let name = format!("{}. {}", a.position, w.lang.pick(&a.name_sv, &a.name_en));
        s.write_string_with_format(head, 1 + i as u16, name, &wrapped)?;
    }
    let total_col = 1 + g.focus_areas.len() as u16;
    s.write_string_with_format(head, total_col, w.total, &f.header)?;
    let mut row = head + 1;
    let mut column_sums = vec![Money::ZERO; g.focus_areas.len()];
    for p in &g.recipients {
        s.write_string(row, 0, &p.recipient)?;
        for (i, a) in g.focus_areas.iter().enumerate() {
            let amount = p
                .spending
                .iter()
                .find(|sp| sp.focus_area == a.position)
                .map_or(Money::ZERO, |sp| sp.amount);
            column_sums[i] += amount;
            money(s, row, 1 + i as u16, amount, &f.money)?;
        }
        let first = cell_name(row, 1);
        let last = cell_name(row, total_col - 1);
        let formula =
            Formula::new(format!("=SUM({first}:{last})")).set_result(p.used().to_string());
        s.write_formula_with_format(row, total_col, formula, &f.money)?;
        row += 1;
    }
    s.write_string_with_format(row, 0, w.total, &f.total)?;
    for (i, value) in column_sums.iter().enumerate() {
        sum(s, row, 1 + i as u16, head + 1, *value, &f.total_money)?;
    }
    let all: Money = column_sums.iter().copied().sum();
    sum(s, row, total_col, head + 1, all, &f.total_money)?;
    Ok(row + 2)
}

fn matrix_sheet(
    s: &mut Worksheet,
    doc: &Document,
    w: &ExportWords,
    f: &Formats,
) -> Result<(), XlsxError> {
    s.set_name(w.matrix)?;
    let mut top = 0;
    let mut widest = 0;
    for g in &doc.grants {
        top = matrix_block(s, g, top, w, f)?;
        widest = widest.max(g.focus_areas.len() as u16 + 1);
    }
    // One grant's matrix is one table: its title and header stay in view
    // and it gets a filter (one per sheet, so not when there are several).
    match doc.grants.as_slice() {
        [g] => {
            s.set_freeze_panes(2, 1)?;
            if !g.recipients.is_empty() {
                let last_col = g.focus_areas.len() as u16 + 1;
                s.autofilter(1, 0, 1 + g.recipients.len() as u32, last_col)?;
            }
        }
        _ => {
            s.set_freeze_panes(0, 1)?;
        }
    }
    s.autofit();
    money_widths(s, &(1..=widest).collect::<Vec<_>>())?;
    s.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    Ok(())
}

fn spending_sheet(
    s: &mut Worksheet,
    doc: &Document,
    w: &ExportWords,
    f: &Formats,
) -> Result<(), XlsxError> {
    s.set_name(w.spending)?;
    header(s, 0, &w.spending_columns, f)?;
    let mut row = 1;
    for g in &doc.grants {
        for p in &g.recipients {
            for a in &g.focus_areas {
                let spent = p.spending.iter().find(|sp| sp.focus_area == a.position);
                s.write_string(row, 0, &g.title)?;
                s.write_number(row, 1, g.year)?;
                s.write_string(row, 2, &p.recipient)?;
                s.write_number(row, 3, a.position as f64)?;
                if let Some(m) = p.allocated {
                    money(s, row, 4, m, &f.money)?;
                }
                money(
                    s,
                    row,
                    5,
                    spent.map_or(Money::ZERO, |sp| sp.amount),
                    &f.money,
                )?;
                let note = spent.map_or("", |sp| sp.note.as_str());
                s.write_string_with_format(row, 6, note, &f.prose)?;
                row += 1;
            }
        }
    }
    finish(s, row.saturating_sub(1), 6, &[4, 5], Some(6))
}

fn receipts_sheet(
    s: &mut Worksheet,
    doc: &Document,
    w: &ExportWords,
    f: &Formats,
) -> Result<(), XlsxError> {
    s.set_name(w.receipts)?;
    header(s, 0, &w.receipt_columns, f)?;
    let mut row = 1;
    for g in &doc.grants {
        for r in &g.receipts {
            s.write_string(row, 0, &g.title)?;
            s.write_number(row, 1, g.year)?;
            date(s, row, 2, r.date, &f.date)?;
            money(s, row, 3, r.amount, &f.money)?;
            let kind = ReceiptKind::ALL.iter().position(|k| *k == r.kind);
            let kind = kind.and_then(|i| w.receipt_kinds.get(i)).copied();
            s.write_string(row, 4, kind.unwrap_or(r.kind.code()))?;
            s.write_string_with_format(row, 5, &r.note, &f.prose)?;
            row += 1;
        }
    }
    finish(s, row.saturating_sub(1), 5, &[3], Some(5))
}

fn flags_sheet(
    s: &mut Worksheet,
    flags: &[FlagRow],
    w: &ExportWords,
    f: &Formats,
) -> Result<(), XlsxError> {
    s.set_name(w.flags)?;
    header(s, 0, &w.flag_columns, f)?;
    for (i, flag) in flags.iter().enumerate() {
        let row = 1 + i as u32;
        s.write_string(row, 0, &flag.grant)?;
        s.write_number(row, 1, flag.year)?;
        s.write_string(row, 2, &flag.severity)?;
        s.write_string_with_format(row, 3, &flag.text, &f.prose)?;
    }
    finish(s, flags.len() as u32, 3, &[], Some(3))
}
