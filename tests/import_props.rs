//! Property tests of both import parsers: no input makes them panic, and
//! every value they accept is the value that was written.

mod support;

use medel::domain::model::{RecipientKind, RecipientReport};
use medel::domain::money::Money;
use medel::exchange::{
    CsvStyle, Document, GrantDoc, Input, ParticipantDoc, RecipientDoc, SpendingDoc, read,
    spending_csv, to_json,
};
use proptest::prelude::*;
use support::bulk::grant_doc;
use support::d as date;

/// Text as people type it, with the characters that trouble CSV and JSON.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zåäöA-ZÅÄÖ0-9 ;,.\"'\\-:/]{0,24}").unwrap()
}

/// A recipient: name, allocation in öre, spending as (focus area, note).
type GenRow = (String, i64, Vec<(i64, String)>);

fn document(rows: Vec<GenRow>) -> Document {
    let mut names: Vec<String> = Vec::new();
    let mut participants = Vec::new();
    for (i, (name, allocated, spending)) in rows.into_iter().enumerate() {
        // Names must be unique and non-blank: number them.
        let name = format!("{} {i}", name.trim()).trim().to_string();
        names.push(name.clone());
        let mut areas: Vec<i64> = Vec::new();
        let spending = spending
            .into_iter()
            .filter(|(area, _)| {
                let new = !areas.contains(area);
                areas.push(*area);
                new
            })
            .map(|(area, note)| SpendingDoc {
                focus_area: area,
                amount: Money::from_ore(allocated / 7 + area),
                note: note.trim().to_string(),
            })
            .collect::<Vec<_>>();
        let mut spending = spending;
        spending.sort_by_key(|s| s.focus_area);
        participants.push(ParticipantDoc {
            contact: format!("Kontakt för {name}"),
            recipient: name,
            allocated: Some(Money::from_ore(allocated)),
            spending,
            report: Some(RecipientReport {
                reported_on: date("2026-02-01"),
                reason_unused: String::new(),
                evaluation: String::new(),
            }),
        });
    }
    Document {
        recipients: names
            .into_iter()
            .map(|name| RecipientDoc {
                name,
                formal_name: String::new(),
                kind: RecipientKind::District,
                retired: false,
            })
            .collect(),
        grants: vec![GrantDoc {
            recipients: participants,
            ..grant_doc("Prop", "G", 6)
        }],
        ..Document::empty()
    }
}

fn rows() -> impl Strategy<Value = Vec<GenRow>> {
    proptest::collection::vec(
        (
            text(),
            0i64..=100_000_000_000,
            proptest::collection::vec((1i64..=6, text()), 0..6),
        ),
        1..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = read(&bytes);
    }

    #[test]
    fn any_text_never_panics(s in "\\PC{0,300}") {
        let _ = read(s.as_bytes());
        let _ = read(format!("grant;year;recipient;focus_area;allocated;amount;note\r\n{s}").as_bytes());
        let _ = read(format!("{{\"format\":\"medel\",\"version\":1,{s}").as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn json_round_trips(rows in rows()) {
        let doc = document(rows);
        let json = to_json(&doc).unwrap();
        let Ok(Input::Document(back)) = read(json.as_bytes()) else {
            return Err(TestCaseError::fail(format!("refused its own export:\n{json}")));
        };
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn csv_round_trips_in_both_styles(rows in rows()) {
        let doc = document(rows);
        for style in [CsvStyle::ExcelSv, CsvStyle::Plain] {
            let bytes = spending_csv(&doc, style).unwrap();
            let Ok(Input::Spending(sheet)) = read(&bytes) else {
                return Err(TestCaseError::fail(format!("refused its own CSV ({style:?})")));
            };
            prop_assert_eq!(sheet.style, style);
            let grant = &doc.grants[0];
            let mut expected = Vec::new();
            for p in &grant.recipients {
                for area in 1..=6 {
                    let spent = p.spending.iter().find(|s| s.focus_area == area);
                    expected.push((
                        p.recipient.clone(),
                        area.to_string(),
                        p.allocated,
                        spent.map_or(Money::ZERO, |s| s.amount),
                        spent.map_or(String::new(), |s| s.note.clone()),
                    ));
                }
            }
            let got: Vec<_> = sheet
                .rows
                .iter()
                .map(|r| (r.recipient.clone(), r.focus_area.clone(), r.allocated, r.amount, r.note.clone()))
                .collect();
            prop_assert_eq!(got, expected);
        }
    }
}
