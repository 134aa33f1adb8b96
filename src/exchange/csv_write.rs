//! The CSV exports, written from a document: spending per recipient and
//! focus area, and a summary per recipient. Pure: the same document gives
//! the same bytes.

use super::csv_formula::guard;
use super::csv_style::{CsvStyle, SPENDING_COLUMNS, SUMMARY_COLUMNS};
use super::document::Document;
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

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
                        &*guard(&g.title),
                        &year,
                        &guard(&p.recipient),
                        &area.position.to_string(),
                        &allocated,
                        &style.amount(amount),
                        &guard(note),
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
                    &*guard(&g.title),
                    &year,
                    &guard(&p.recipient),
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
