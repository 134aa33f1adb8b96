use chrono::NaiveDate;

use super::*;
use crate::domain::model::{GrantState, ReceiptKind, RecipientKind, RecipientReport};
use crate::domain::money::Money;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// One grant, two recipients; a note with the characters CSV must quote.
fn small() -> Document {
    let areas = crate::domain::model::DEFAULT_FOCUS_AREAS
        .iter()
        .enumerate()
        .take(2)
        .map(|(i, (sv, en))| FocusAreaDoc {
            position: i as i64 + 1,
            name_sv: sv.to_string(),
            name_en: en.to_string(),
        })
        .collect();
    Document {
        recipients: vec![
            RecipientDoc {
                name: "Bromma".into(),
                formal_name: "Bromma stadsdelsnämnd".into(),
                kind: RecipientKind::District,
                retired: false,
            },
            RecipientDoc {
                name: "Älvsjö".into(),
                formal_name: String::new(),
                kind: RecipientKind::District,
                retired: false,
            },
        ],
        grants: vec![GrantDoc {
            title: "Test".into(),
            giver: "Giver".into(),
            year: 2017,
            use_from: d("2017-01-01"),
            use_until: d("2017-12-31"),
            report_due: d("2018-03-31"),
            state: GrantState::Open,
            giver_reference: String::new(),
            own_reference: String::new(),
            repayments: Vec::new(),
            reallocations: Vec::new(),
            focus_areas: areas,
            receipts: vec![ReceiptDoc {
                date: d("2017-03-15"),
                amount: Money::from_ore(100_000_050),
                kind: ReceiptKind::Requisition,
                note: String::new(),
            }],
            recipients: vec![
                ParticipantDoc {
                    recipient: "Bromma".into(),
                    allocated: Some(Money::from_kronor(180_000)),
                    spending: vec![],
                    report: Some(RecipientReport {
                        reported_on: d("2018-02-15"),
                        reason_unused: "Inget utrymme".into(),
                        evaluation: String::new(),
                    }),
                    contact: "Anna Lind".into(),
                },
                ParticipantDoc {
                    recipient: "Älvsjö".into(),
                    allocated: None,
                    spending: vec![SpendingDoc {
                        focus_area: 2,
                        amount: Money::from_ore(123_450),
                        note: "Kurs; \"MI\"\nhalvdag".into(),
                    }],
                    report: None,
                    contact: String::new(),
                },
            ],
        }],
        ..Document::empty()
    }
}

#[test]
fn json_has_the_format_version_and_decimal_strings() {
    let json = to_json(&small()).unwrap();
    assert!(json.starts_with("{\n  \"format\": \"medel\",\n  \"version\": 3,"));
    assert!(json.contains("\"contact\": \"Anna Lind\""), "{json}");
    assert!(json.contains("\"amount\": \"1000000.50\""), "{json}");
    assert!(json.contains("\"allocated\": \"180000.00\""));
    assert!(json.ends_with("}\n"));
    // No allocation recorded is not written as zero.
    let alvsjo = &json[json.find("\"recipient\": \"Älvsjö\"").unwrap()..];
    assert!(!alvsjo.contains("\"allocated\""));
    assert!(!alvsjo.contains("\"contact\""), "no contact is not written");
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, small());
}

#[test]
fn excel_style_csv() {
    let bytes = spending_csv(&small(), CsvStyle::ExcelSv).unwrap();
    assert!(bytes.starts_with(BOM));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let expected = "grant;year;recipient;focus_area;allocated;amount;note\r\n\
        Test;2017;Bromma;1;180000,00;0,00;\r\n\
        Test;2017;Bromma;2;180000,00;0,00;\r\n\
        Test;2017;Älvsjö;1;;0,00;\r\n\
        Test;2017;Älvsjö;2;;1234,50;\"Kurs; \"\"MI\"\"\nhalvdag\"\r\n";
    assert_eq!(text, expected);
}

#[test]
fn plain_style_csv() {
    let bytes = spending_csv(&small(), CsvStyle::Plain).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with("grant,year,recipient,focus_area,allocated,amount,note\n"));
    assert!(text.contains("Test,2017,Bromma,1,180000.00,0.00,\n"));
    assert!(text.contains("Test,2017,Älvsjö,2,,1234.50,\"Kurs; \"\"MI\"\"\nhalvdag\"\n"));
    assert!(!text.contains('\r'));
}

#[test]
fn summary_csv_has_the_status_of_each_recipient() {
    let text = String::from_utf8(summary_csv(&small(), CsvStyle::Plain).unwrap()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "grant,year,recipient,allocated,used,unused,overspent,status,reported_on",
            "Test,2017,Bromma,180000.00,0.00,180000.00,0.00,unused,2018-02-15",
            "Test,2017,Älvsjö,0.00,1234.50,0.00,1234.50,overspent,",
        ]
    );
}

#[test]
fn styles_by_name() {
    assert_eq!("excel-sv".parse(), Ok(CsvStyle::ExcelSv));
    assert_eq!("PLAIN".parse(), Ok(CsvStyle::Plain));
    assert!(
        "tsv"
            .parse::<CsvStyle>()
            .unwrap_err()
            .contains("excel-sv or plain")
    );
}
