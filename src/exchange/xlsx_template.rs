//! The workbook a district fills in: the grant and its allocation shown
//! and locked, an amount and a "what was done" cell per focus area, the
//! report's fields, live sums with their values written too, and the
//! hidden identification that `xlsx_read` trusts.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DataValidation, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

use super::document::{FocusAreaDoc, GrantDoc, ParticipantDoc, RecipientDoc};
use super::plan::GrantKey;
use super::xlsx_layout::{DEFINED_NAME, ID_SHEET, Identity, Written, cell_name};
use crate::domain::Lang;
use crate::domain::money::{MAX_KRONOR, Money};

/// The words of a template, in the language it is written in; `i18n`
/// builds them.
#[derive(Debug, Clone)]
pub struct TemplateWords {
    pub lang: Lang,
    pub sheet: &'static str,
    pub title: &'static str,
    pub grant: &'static str,
    pub giver: &'static str,
    pub year: &'static str,
    pub use_period: &'static str,
    pub reply_by: &'static str,
    pub recipient: &'static str,
    pub allocated: &'static str,
    pub number: &'static str,
    pub focus_area: &'static str,
    pub amount: &'static str,
    pub what_done: &'static str,
    pub sum: &'static str,
    pub unused: &'static str,
    pub overspent: &'static str,
    /// Shown beside the unused sum while it is above zero.
    pub give_reason: &'static str,
    pub reported_on: &'static str,
    pub reason_unused: &'static str,
    pub evaluation: &'static str,
    /// Who at the district answers for the report.
    pub contact: &'static str,
    pub amount_input_title: &'static str,
    pub amount_input: &'static str,
    pub amount_error_title: &'static str,
    pub amount_error: &'static str,
    /// The number format of amounts, in Excel's own (US) notation.
    pub money_format: &'static str,
}

/// One recipient's template: what it shows and what it pre-fills.
#[derive(Debug, Clone, Copy)]
pub struct TemplateFor<'a> {
    pub grant: &'a GrantDoc,
    pub recipient: &'a RecipientDoc,
    pub part: Option<&'a ParticipantDoc>,
    pub reply_by: NaiveDate,
    /// The database ids of the grant and the recipient, for the
    /// identification.
    pub ids: (i64, i64),
    /// Where in medel's history the data shown was read.
    pub written: &'a Written,
}

/// The table of focus areas starts on this row (from 0).
const FIRST_AREA_ROW: u32 = 11;
const HEADER_ROW: u32 = FIRST_AREA_ROW - 1;
const AMOUNT_COL: u16 = 2;
const NOTE_COL: u16 = 3;

struct Formats {
    title: Format,
    label: Format,
    shown: Format,
    shown_money: Format,
    header: Format,
    area: Format,
    input_money: Format,
    input_text: Format,
    input_date: Format,
    sum_money: Format,
    hint: Format,
}

impl Formats {
    fn new(money: &str) -> Formats {
        let border = |f: Format| f.set_border(FormatBorder::Thin);
        let input = Format::new()
            .set_unlocked()
            .set_background_color("#FFF9DB")
            .set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new().set_bold().set_align(FormatAlign::Top),
            shown: Format::new().set_align(FormatAlign::Left),
            shown_money: Format::new()
                .set_num_format(money)
                .set_align(FormatAlign::Left),
            header: border(Format::new().set_bold().set_background_color("#DDE7F0")),
            area: border(
                Format::new()
                    .set_background_color("#EEF3F8")
                    .set_align(FormatAlign::Top)
                    .set_text_wrap(),
            ),
            input_money: border(input.clone().set_num_format(money)),
            // Text, so that `- bra samverkan` or `=x` stays what was typed
            // rather than becoming a formula.
            input_text: border(input.clone().set_text_wrap().set_num_format("@")),
            input_date: border(input.set_num_format("yyyy-mm-dd")),
            sum_money: Format::new().set_bold().set_num_format(money),
            hint: Format::new().set_italic().set_font_color("#B00020"),
        }
    }
}

fn area_name(area: &FocusAreaDoc, lang: Lang) -> &str {
    lang.pick(&area.name_sv, &area.name_en)
}

/// A plain decimal for a formula's written result, as Excel stores it.
fn result(m: Money) -> String {
    m.to_string()
}

/// The template as the bytes of an `.xlsx` file.
pub fn template_xlsx(t: &TemplateFor, w: &TemplateWords) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let f = Formats::new(w.money_format);
    let identity = {
        let sheet = book.add_worksheet();
        sheet.set_name(w.sheet)?;
        fill_sheet(sheet, t, w, &f)?
    };
    let id_sheet = book.add_worksheet();
    id_sheet.set_name(ID_SHEET)?;
    for (r, row) in identity.rows().iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            id_sheet.write_string(r as u32, c as u16, text)?;
        }
    }
    id_sheet.protect().set_very_hidden(true);
    book.define_name(DEFINED_NAME, &format!("={ID_SHEET}!$A$1"))?;
    book.save_to_buffer()
}

fn fill_sheet(
    s: &mut Worksheet,
    t: &TemplateFor,
    w: &TemplateWords,
    f: &Formats,
) -> Result<Identity, XlsxError> {
    let g = t.grant;
    let allocated = t.part.and_then(|p| p.allocated).unwrap_or(Money::ZERO);
    let mut anchors = Vec::new();
    s.set_column_width(0, 5)?;
    s.set_column_width(1, 42)?;
    s.set_column_width(AMOUNT_COL, 18)?;
    s.set_column_width(NOTE_COL, 60)?;
    s.write_string_with_format(0, 1, w.title, &f.title)?;

    let period = format!("{} – {}", g.use_from, g.use_until);
    let shown: [(&str, String); 6] = [
        (w.grant, g.title.clone()),
        (w.giver, g.giver.clone()),
        (w.year, g.year.to_string()),
        (w.use_period, period),
        (w.reply_by, t.reply_by.to_string()),
        (w.recipient, t.recipient.name.clone()),
    ];
    for (i, (label, value)) in shown.iter().enumerate() {
        let row = 2 + i as u32;
        s.write_string_with_format(row, 1, *label, &f.label)?;
        s.merge_range(row, AMOUNT_COL, row, NOTE_COL, value, &f.shown)?;
    }
    anchors.push((cell_name(2, AMOUNT_COL), g.title.clone()));
    anchors.push((cell_name(7, AMOUNT_COL), t.recipient.name.clone()));
    let allocated_row = 8;
    s.write_string_with_format(allocated_row, 1, w.allocated, &f.label)?;
    s.write_with_format(
        allocated_row,
        AMOUNT_COL,
        allocated.to_decimal(),
        &f.shown_money,
    )?;
    let allocated_cell = cell_name(allocated_row, AMOUNT_COL);

    let headers = [w.number, w.focus_area, w.amount, w.what_done];
    for (c, h) in headers.iter().enumerate() {
        s.write_string_with_format(HEADER_ROW, c as u16, *h, &f.header)?;
    }
    let mut areas = Vec::new();
    let mut used = Money::ZERO;
    for (i, area) in g.focus_areas.iter().enumerate() {
        let row = FIRST_AREA_ROW + i as u32;
        let spent = t
            .part
            .and_then(|p| p.spending.iter().find(|s| s.focus_area == area.position));
        let name = area_name(area, w.lang);
        let number = area.position.to_string();
        s.write_string_with_format(row, 0, &number, &f.area)?;
        s.write_string_with_format(row, 1, name, &f.area)?;
        match spent {
            Some(sp) if !sp.amount.is_zero() => {
                used += sp.amount;
                let d = sp.amount.to_decimal();
                s.write_with_format(row, AMOUNT_COL, d, &f.input_money)?
            }
            _ => s.write_blank(row, AMOUNT_COL, &f.input_money)?,
        };
        let note = spent.map(|sp| sp.note.as_str()).unwrap_or("");
        s.write_string_with_format(row, NOTE_COL, note, &f.input_text)?;
        s.set_row_height(row, 60)?;
        anchors.push((cell_name(row, 0), number));
        anchors.push((cell_name(row, 1), name.to_string()));
        areas.push((
            area.position,
            cell_name(row, AMOUNT_COL),
            cell_name(row, NOTE_COL),
        ));
    }
    let count = g.focus_areas.len() as u32;
    if count > 0 {
        let last = FIRST_AREA_ROW + count - 1;
        // Relative to the range's first cell, so each cell checks itself:
        // a number from 0, below medel's largest, with at most two decimals.
        let c = cell_name(FIRST_AREA_ROW, AMOUNT_COL);
        let rule = format!("=AND(ISNUMBER({c}),{c}>=0,{c}<={MAX_KRONOR},ROUND({c},2)={c})");
        let validation = DataValidation::new()
            .allow_custom(Formula::new(rule))
            .set_input_title(w.amount_input_title)?
            .set_input_message(w.amount_input)?
            .set_error_title(w.amount_error_title)?
            .set_error_message(w.amount_error)?;
        s.add_data_validation(FIRST_AREA_ROW, AMOUNT_COL, last, AMOUNT_COL, &validation)?;
    }

    let sum_row = FIRST_AREA_ROW + count;
    let sum_cell = cell_name(sum_row, AMOUNT_COL);
    let sum = if count == 0 {
        Formula::new("=0").set_result("0")
    } else {
        let first = cell_name(FIRST_AREA_ROW, AMOUNT_COL);
        let last = cell_name(sum_row - 1, AMOUNT_COL);
        Formula::new(format!("=SUM({first}:{last})")).set_result(result(used))
    };
    let unused = (allocated - used).max(Money::ZERO);
    let overspent = (used - allocated).max(Money::ZERO);
    let formulas = [
        (w.sum, sum),
        (
            w.unused,
            Formula::new(format!("=MAX(0,{allocated_cell}-{sum_cell})")).set_result(result(unused)),
        ),
        (
            w.overspent,
            Formula::new(format!("=MAX(0,{sum_cell}-{allocated_cell})"))
                .set_result(result(overspent)),
        ),
    ];
    for (i, (label, formula)) in formulas.into_iter().enumerate() {
        let row = sum_row + i as u32;
        s.write_string_with_format(row, 1, label, &f.label)?;
        s.write_formula_with_format(row, AMOUNT_COL, formula, &f.sum_money)?;
    }
    let hint = if unused.is_zero() { "" } else { w.give_reason };
    let hint = Formula::new(format!(
        "=IF({sum_cell}<{allocated_cell},\"{}\",\"\")",
        w.give_reason.replace('"', "\"\"")
    ))
    .set_result(hint);
    s.write_formula_with_format(sum_row + 1, NOTE_COL, hint, &f.hint)?;

    let report = t.part.and_then(|p| p.report.as_ref());
    let date_row = sum_row + 4;
    s.write_string_with_format(date_row, 1, w.reported_on, &f.label)?;
    match report {
        Some(r) => {
            let d = &r.reported_on;
            let (y, m, day) = (d.year() as u16, d.month() as u8, d.day() as u8);
            let date = ExcelDateTime::from_ymd(y, m, day)?;
            s.write_with_format(date_row, AMOUNT_COL, &date, &f.input_date)?
        }
        None => s.write_blank(date_row, AMOUNT_COL, &f.input_date)?,
    };
    let contact = t.part.map_or("", |p| p.contact.as_str());
    let texts = [
        (
            w.reason_unused,
            report.map_or("", |r| r.reason_unused.as_str()),
            90,
        ),
        (
            w.evaluation,
            report.map_or("", |r| r.evaluation.as_str()),
            90,
        ),
        (w.contact, contact, 20),
    ];
    for (i, (label, text, height)) in texts.iter().enumerate() {
        let row = date_row + 1 + i as u32;
        s.write_string_with_format(row, 1, *label, &f.label)?;
        s.merge_range(row, AMOUNT_COL, row, NOTE_COL, text, &f.input_text)?;
        s.set_row_height(row, *height)?;
        anchors.push((cell_name(row, 1), label.to_string()));
    }
    anchors.push((cell_name(date_row, 1), w.reported_on.to_string()));

    s.set_paper_size(9);
    s.set_print_fit_to_pages(1, 0);
    s.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    s.protect();
    Ok(Identity {
        grant: GrantKey {
            title: g.title.clone(),
            year: g.year,
        },
        recipient: t.recipient.name.clone(),
        ids: Some(t.ids),
        sheet: w.sheet.to_string(),
        areas,
        reported_on: cell_name(date_row, AMOUNT_COL),
        reason_unused: cell_name(date_row + 1, AMOUNT_COL),
        evaluation: cell_name(date_row + 2, AMOUNT_COL),
        contact: Some(cell_name(date_row + 3, AMOUNT_COL)),
        written: Some(t.written.clone()),
        anchors,
    })
}
