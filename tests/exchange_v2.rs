//! The JSON document of version 2: a grant's references, repayments and
//! reallocations go out and come back byte for byte; version 1 files
//! still import.

mod support;

use std::path::Path;

use medel::domain::money_back::{References, RepaymentKind};
use medel::exchange::{Input, plan_document, read};
use medel::store::{NewReallocation, NewRepayment, Store};
use serde_json::Value;
use support::db::{fingerprint, json, recipient_id};
use support::{d, kr};

fn open(path: &Path) -> Store {
    let mut s = Store::open(path).expect("open");
    s.set_who("tester");
    s
}

fn import(store: &mut Store, bytes: &[u8]) -> medel::exchange::Plan {
    let Ok(Input::Document(doc)) = read(bytes) else {
        panic!("a JSON document")
    };
    store
        .import(
            "test",
            false,
            |cur, _| plan_document(&doc, cur, false),
            &mut |_, _| {},
        )
        .unwrap_or_else(|e| panic!("{e:?}"))
}

/// The demo with both references, a move and two repayments.
fn whole_life(path: &Path) -> Store {
    let mut s = open(path);
    let g = medel::demo::write(&mut s).unwrap();
    let refs = References {
        giver_reference: "3.6-12345/2016".into(),
        own_reference: "SOF 2017/0042".into(),
    };
    s.set_references(g, &refs).unwrap();
    let (bromma, farsta) = (recipient_id(&s, "Bromma"), recipient_id(&s, "Farsta"));
    let m = NewReallocation {
        date: d("2017-09-01"),
        from: bromma,
        to: farsta,
        amount: kr(30_000),
        decision: "SDN 2017/114".into(),
        note: "Utbildningen ställdes in".into(),
    };
    s.reallocate(g, &m).unwrap();
    for (amount, kind) in [
        (500_000, RepaymentKind::Repayment),
        (77_468, RepaymentKind::Clawback),
    ] {
        let r = NewRepayment {
            date: d("2018-04-20"),
            amount: kr(amount),
            kind,
            reference: "OCR 4471 2018".into(),
            note: String::new(),
        };
        s.add_repayment(g, &r).unwrap();
    }
    s
}

#[test]
fn version_2_round_trips_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let first = json(&whole_life(&dir.path().join("a.sqlite")));
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["version"], medel::exchange::VERSION);
    let g = &v["grants"][0];
    assert_eq!(g["giver_reference"], "3.6-12345/2016");
    assert_eq!(g["own_reference"], "SOF 2017/0042");
    assert_eq!(g["repayments"][1]["kind"], "clawback");
    assert_eq!(g["repayments"][1]["amount"], "77468.00");
    assert_eq!(g["reallocations"][0]["from"], "Bromma");
    assert_eq!(g["reallocations"][0]["to"], "Farsta");
    assert_eq!(g["reallocations"][0]["decision"], "SDN 2017/114");

    let mut fresh = open(&dir.path().join("b.sqlite"));
    let plan = import(&mut fresh, first.as_bytes());
    assert_eq!(plan.summary().records, 3);
    assert_eq!(json(&fresh), first, "byte for byte");
    let g = fresh.current_grant().unwrap().unwrap().id;
    let (_, st) = fresh.grant_status(g, d("2018-05-01")).unwrap();
    assert_eq!(
        (st.to_return, st.repaid, st.outstanding),
        (kr(577_468), kr(577_468), kr(0))
    );
    // The move came back as a record, not as a second move.
    assert_eq!(
        fresh.allocation(g, recipient_id(&fresh, "Bromma")).unwrap(),
        Some(kr(150_000))
    );
    let before = fingerprint(&fresh);
    assert!(
        import(&mut fresh, first.as_bytes()).is_empty(),
        "nothing to do again"
    );
    assert_eq!(fingerprint(&fresh), before);
}

#[test]
fn a_version_1_file_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut demo = open(&dir.path().join("demo.sqlite"));
    medel::demo::write(&mut demo).unwrap();
    let now = json(&demo);
    // A file as medel wrote it before version 2: no such keys at all.
    let mut v: Value = serde_json::from_str(&now).unwrap();
    v["version"] = 1.into();
    for g in v["grants"].as_array_mut().unwrap() {
        let g = g.as_object_mut().unwrap();
        for key in [
            "giver_reference",
            "own_reference",
            "repayments",
            "reallocations",
        ] {
            assert!(g.remove(key).is_some(), "{key} is written");
        }
    }
    let old = serde_json::to_string_pretty(&v).unwrap();
    assert!(!old.contains("repayments"));
    let mut fresh = open(&dir.path().join("fresh.sqlite"));
    import(&mut fresh, old.as_bytes());
    assert_eq!(json(&fresh), now, "the same data, written as version 2");
}

#[test]
fn a_reallocation_naming_an_unlisted_recipient_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = json(&whole_life(&dir.path().join("a.sqlite")));
    let bad = text.replace("\"to\": \"Farsta\"", "\"to\": \"Farstaa\"");
    let problems = read(bad.as_bytes()).expect_err("refused").to_string();
    assert!(
        problems.contains("reallocations[0] ('Farstaa')"),
        "{problems}"
    );
    let zero = text.replace("\"amount\": \"77468.00\"", "\"amount\": \"0.00\"");
    let problems = read(zero.as_bytes()).expect_err("refused").to_string();
    assert!(problems.contains("repayments[1]"), "{problems}");
}
