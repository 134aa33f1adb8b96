//! Every grant's figures in one pass equal each grant's own status: on the
//! demo, on the demo grown with the odd cases, and on generated grants.

mod support;

use chrono::NaiveDate;
use medel::domain::grant_list::GrantLine;
use medel::domain::model::{GrantState, ReceiptKind, RecipientKind, RecipientReport};
use medel::domain::money::Money;
use medel::domain::money_back::{References, RepaymentKind};
use medel::exchange::{
    Document, GrantDoc, ParticipantDoc, ReceiptDoc, RecipientDoc, RepaymentDoc, SpendingDoc,
    plan_document,
};
use medel::store::{GrantDraft, NewRepayment, Store, Which};
use proptest::prelude::*;
use support::{bulk, d, db, kr};

/// Both ways of reading every grant agree on `today`, grant by grant.
fn assert_one_pass_equals_status(store: &Store, today: NaiveDate) {
    for which in [Which::All, Which::Open] {
        let all = store.grant_statuses(which, today).unwrap();
        let expected: Vec<_> = store
            .grants()
            .unwrap()
            .into_iter()
            .filter(|g| which == Which::All || g.state == GrantState::Open)
            .map(|g| store.grant_status(g.id, today).unwrap())
            .collect();
        assert_eq!(all, expected, "{which:?} on {today}");
        let lines = store.grant_summaries(which, today).unwrap();
        assert_eq!(lines.len(), expected.len());
        for (summary, (grant, status)) in lines.iter().zip(expected) {
            let id = grant.id;
            assert_eq!(summary.line, GrantLine::new(grant, status, today));
            assert_eq!(summary.references, store.references(id).unwrap());
        }
    }
}

#[test]
fn the_demo_on_every_kind_of_day() {
    let store = db::demo_in_memory();
    for day in [
        "2017-01-15",
        "2017-06-30",
        "2017-12-10",
        "2018-03-01",
        "2018-06-01",
    ] {
        assert_one_pass_equals_status(&store, d(day));
    }
}

#[test]
fn the_demo_with_a_second_grant_repayments_references_and_a_closed_grant() {
    let mut store = db::demo_in_memory();
    let draft = GrantDraft::for_year("Psykisk hälsa 2018", "Socialstyrelsen", 2018).unwrap();
    let newer = store.create_grant(&draft).unwrap();
    let refs = References {
        giver_reference: "S2018/01234".into(),
        own_reference: "SOCN 2018/12".into(),
    };
    store.set_references(newer, &refs).unwrap();
    let older = db::current_grant(&store);
    let repayment = NewRepayment {
        date: d("2018-04-10"),
        amount: kr(1_000),
        kind: RepaymentKind::Repayment,
        reference: "OCR 1".into(),
        note: String::new(),
    };
    store.add_repayment(1, &repayment).unwrap();
    assert_one_pass_equals_status(&store, d("2018-05-01"));
    store.set_grant_state(1, GrantState::Reported).unwrap();
    assert_ne!(older, 0);
    assert_one_pass_equals_status(&store, d("2018-05-01"));
    let open = store.grant_summaries(Which::Open, d("2018-05-01")).unwrap();
    assert_eq!(open.len(), 1, "the reported grant is left out");
    assert_eq!(open[0].references, refs);
}

/// The per-recipient totals the schema keeps equal the cells they sum.
fn assert_totals_equal_cells(conn: &rusqlite::Connection) {
    let rows = |sql: &str| -> Vec<(i64, i64, i64, i64)> {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)));
        rows.unwrap().collect::<Result<_, _>>().unwrap()
    };
    let cells = rows(
        "SELECT grant_id, recipient_id, SUM(amount_ore), COUNT(*) FROM spending
         GROUP BY grant_id, recipient_id ORDER BY 1, 2",
    );
    let totals =
        rows("SELECT grant_id, recipient_id, used_ore, cells FROM spending_totals ORDER BY 1, 2");
    assert!(!cells.is_empty());
    assert_eq!(totals, cells);
}

#[test]
fn the_totals_follow_every_write_to_spending_whoever_makes_it() {
    let db = db::Db::demo();
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    assert_totals_equal_cells(&conn);
    // What another program could do to the file: change amounts and
    // notes, delete cells, move a cell to another recipient, add a cell
    // for a recipient without an allocation, empty a recipient.
    conn.execute_batch(
        "UPDATE spending SET amount_ore = amount_ore + 100 WHERE focus_area_id % 2 = 0;
         UPDATE spending SET note = 'changed' WHERE focus_area_id % 3 = 0;
         DELETE FROM spending WHERE recipient_id = (SELECT MIN(recipient_id) FROM spending)
             AND focus_area_id = (SELECT MIN(focus_area_id) FROM spending);
         DELETE FROM spending WHERE recipient_id = (SELECT MAX(recipient_id) FROM spending);
         INSERT INTO recipients (name, kind) VALUES ('Ny stadsdel', 'district');
         INSERT INTO spending (grant_id, recipient_id, focus_area_id, amount_ore)
             SELECT 1, (SELECT id FROM recipients WHERE name = 'Ny stadsdel'), MIN(id), 5000
             FROM focus_areas WHERE grant_id = 1;
         INSERT INTO spending (grant_id, recipient_id, focus_area_id, amount_ore)
             SELECT 1, recipient_id, focus_area_id, 7 FROM spending WHERE grant_id = 1 LIMIT 1
             ON CONFLICT (grant_id, recipient_id, focus_area_id)
             DO UPDATE SET amount_ore = excluded.amount_ore;",
    )
    .unwrap();
    // A cell moved to another recipient by its key.
    let moved = conn.execute(
        "UPDATE spending SET recipient_id = (SELECT id FROM recipients WHERE name = 'Ny stadsdel')
         WHERE (recipient_id, focus_area_id) =
             (SELECT recipient_id, MAX(focus_area_id) FROM spending
              WHERE recipient_id <> (SELECT id FROM recipients WHERE name = 'Ny stadsdel')
              GROUP BY recipient_id ORDER BY recipient_id LIMIT 1)",
        [],
    );
    assert_eq!(moved.unwrap(), 1);
    assert_totals_equal_cells(&conn);
    drop(conn);
    let store = db.open();
    assert_one_pass_equals_status(&store, d("2018-03-01"));
}

/// An import keeps the totals in one statement per grant at its end
/// (`store/bulk_totals.rs`): afterwards they equal the cells, and the
/// triggers are back for the next writer.
#[test]
fn an_import_leaves_the_totals_right_and_the_triggers_in_place() {
    let db = db::Db::empty();
    bulk::prepare(&mut db.open(), 600);
    let csv = db.dir().join("spending.csv");
    std::fs::write(&csv, bulk::csv(600, medel::exchange::CsvStyle::Plain)).unwrap();
    let out = support::cli::Sandbox::new().run(&[
        "import",
        csv.to_str().unwrap(),
        "--db",
        db.path().to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    assert_totals_equal_cells(&conn);
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'spending'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 3);
    conn.execute_batch("UPDATE spending SET amount_ore = amount_ore + 1")
        .unwrap();
    assert_totals_equal_cells(&conn);
}

const NAMES: [&str; 7] = [
    "Östermalm",
    "Bromma",
    "Älvsjö",
    "bromma syd",
    "Åby",
    "Enskede",
    "Aspudden",
];

fn participant() -> impl Strategy<Value = ParticipantDoc> {
    (
        prop::option::of(0i64..2_000),
        prop::collection::vec((1i64..=3, 0i64..1_500), 0..4),
        any::<bool>(),
    )
        .prop_map(|(allocated, spending, reported)| {
            let mut spending: Vec<SpendingDoc> = spending
                .into_iter()
                .map(|(focus_area, amount)| SpendingDoc {
                    focus_area,
                    amount: Money::from_kronor(amount),
                    note: String::new(),
                })
                .collect();
            spending.sort_by_key(|s| s.focus_area);
            spending.dedup_by_key(|s| s.focus_area);
            ParticipantDoc {
                recipient: String::new(),
                allocated: allocated.map(Money::from_kronor),
                spending,
                report: reported.then(|| RecipientReport {
                    reported_on: d("2026-02-01"),
                    reason_unused: String::new(),
                    evaluation: String::new(),
                }),
                ..Default::default()
            }
        })
}

fn grant() -> impl Strategy<Value = GrantDoc> {
    (
        prop::collection::vec(prop::option::of(participant()), NAMES.len()),
        prop::collection::vec(0i64..6_000, 0..3),
        prop::collection::vec(1i64..3_000, 0..3),
        any::<bool>(),
    )
        .prop_map(|(participants, receipts, repayments, reported)| {
            let mut doc = bulk::grant_doc("Generated", "Giver", 3);
            doc.state = if reported {
                GrantState::Reported
            } else {
                GrantState::Open
            };
            doc.recipients = participants
                .into_iter()
                .zip(NAMES)
                .filter_map(|(p, name)| p.map(|p| (p, name)))
                .map(|(p, name)| ParticipantDoc {
                    recipient: name.into(),
                    ..p
                })
                .collect();
            doc.receipts = receipts
                .into_iter()
                .map(|a| ReceiptDoc {
                    date: d("2025-03-01"),
                    amount: Money::from_kronor(a),
                    kind: ReceiptKind::Requisition,
                    note: String::new(),
                })
                .collect();
            doc.repayments = repayments
                .into_iter()
                .map(|a| RepaymentDoc {
                    date: d("2026-04-01"),
                    amount: Money::from_kronor(a),
                    kind: RepaymentKind::Repayment,
                    reference: String::new(),
                    note: String::new(),
                })
                .collect();
            doc
        })
}

fn store_of(mut grants: Vec<GrantDoc>) -> Store {
    for (i, g) in grants.iter_mut().enumerate() {
        g.title = format!("Generated {i}");
    }
    let doc = Document {
        recipients: NAMES
            .iter()
            .map(|n| RecipientDoc {
                name: (*n).into(),
                formal_name: String::new(),
                kind: RecipientKind::District,
                retired: false,
            })
            .collect(),
        grants,
        ..Document::empty()
    };
    let mut store = Store::open_in_memory().unwrap();
    store
        .import(
            "gen",
            false,
            |cur, _| plan_document(&doc, cur, false),
            &mut |_, _| {},
        )
        .unwrap();
    store
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_grants_agree_grant_by_grant(
        grants in prop::collection::vec(grant(), 1..5),
        day in prop::sample::select(vec!["2025-06-01", "2025-12-15", "2026-03-20", "2026-05-01"]),
    ) {
        let store = store_of(grants);
        assert_one_pass_equals_status(&store, d(day));
    }
}
