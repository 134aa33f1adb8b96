//! Generated data for the large-import test and benchmark: one grant,
//! six focus areas, and as many recipients as the rows need.

use medel::domain::model::{GrantState, RecipientKind};
use medel::exchange::{CsvStyle, Document, FocusAreaDoc, GrantDoc, RecipientDoc, plan_document};
use medel::store::Store;

pub const TITLE: &str = "Bulk";
pub const YEAR: i32 = 2025;

pub fn recipient(i: usize) -> String {
    format!("Mottagare {i:06}")
}

/// An open grant of 2025 with `areas` plain focus areas and nothing else:
/// the tests set the receipts and recipients they need on it.
pub fn grant_doc(title: &str, giver: &str, areas: i64) -> GrantDoc {
    let date = |s: &str| -> chrono::NaiveDate { s.parse().expect("date") };
    GrantDoc {
        title: title.into(),
        giver: giver.into(),
        year: YEAR,
        use_from: date("2025-01-01"),
        use_until: date("2025-12-31"),
        report_due: date("2026-03-31"),
        state: GrantState::Open,
        giver_reference: String::new(),
        own_reference: String::new(),
        repayments: Vec::new(),
        reallocations: Vec::new(),
        focus_areas: (1..=areas)
            .map(|p| FocusAreaDoc {
                position: p,
                name_sv: format!("Område {p}"),
                name_en: format!("Area {p}"),
            })
            .collect(),
        receipts: vec![],
        recipients: vec![],
    }
}

/// Writes the grant and the recipients for `rows` CSV rows, in one import.
pub fn prepare(store: &mut Store, rows: usize) {
    let doc = Document {
        recipients: (0..rows.div_ceil(6))
            .map(|i| RecipientDoc {
                name: recipient(i),
                formal_name: String::new(),
                kind: RecipientKind::Unit,
                retired: false,
            })
            .collect(),
        grants: vec![grant_doc(TITLE, "Giver", 6)],
        ..Document::empty()
    };
    store
        .import(
            "setup",
            false,
            |cur, _| plan_document(&doc, cur, false),
            &mut |_, _| {},
        )
        .expect("setup import");
}

/// `rows` spending rows in the given style: every recipient gets all six
/// focus areas, an allocation and a note.
pub fn csv(rows: usize, style: CsvStyle) -> Vec<u8> {
    let sep = style.delimiter() as char;
    let end = if style == CsvStyle::ExcelSv {
        "\r\n"
    } else {
        "\n"
    };
    let mut out = String::with_capacity(rows * 64);
    if style == CsvStyle::ExcelSv {
        out.push('\u{feff}');
    }
    out.push_str(
        &[
            "grant",
            "year",
            "recipient",
            "focus_area",
            "allocated",
            "amount",
            "note",
        ]
        .join(&sep.to_string()),
    );
    out.push_str(end);
    for i in 0..rows {
        let amount = medel::domain::Money::from_ore((i as i64 * 7_919) % 10_000_000);
        let fields = [
            TITLE.to_string(),
            YEAR.to_string(),
            recipient(i / 6),
            (i % 6 + 1).to_string(),
            style.amount(medel::domain::Money::from_kronor(600_000)),
            style.amount(amount),
            format!("rad {i}"),
        ];
        out.push_str(&fields.join(&sep.to_string()));
        out.push_str(end);
    }
    out.into_bytes()
}
