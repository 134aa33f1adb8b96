//! A grant's whole life in the store: references, moves, repayments,
//! focus areas and next year's grant.

use chrono::NaiveDate;

use super::*;
use crate::domain::money::Money;
use crate::domain::money_back::{MoveRefused, References, RepaymentKind};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn kr(n: i64) -> Money {
    Money::from_kronor(n)
}

fn demo_store() -> (Store, i64) {
    let mut s = Store::open_in_memory().unwrap();
    s.set_who("tester");
    let g = crate::demo::write(&mut s).unwrap();
    (s, g)
}

fn rid(s: &Store, name: &str) -> i64 {
    s.recipients(true)
        .unwrap()
        .into_iter()
        .find(|r| r.name == name)
        .unwrap()
        .id
}

fn move_of(from: i64, to: i64, amount: Money) -> NewReallocation {
    NewReallocation {
        date: d("2017-09-01"),
        from,
        to,
        amount,
        decision: "SDN 2017/114".into(),
        note: "Utbildningen ställdes in".into(),
    }
}

#[test]
fn a_move_changes_both_allocations_in_one_record_and_one_audit_row() {
    let (mut s, g) = demo_store();
    let (bromma, farsta) = (rid(&s, "Bromma"), rid(&s, "Farsta"));
    let before_b = s.allocation(g, bromma).unwrap().unwrap();
    let before_f = s.allocation(g, farsta).unwrap().unwrap();
    let log_before = s.audit_log(None, None, 10_000).unwrap().len();
    let (_, status_before) = s.grant_status(g, d("2018-03-01")).unwrap();

    s.reallocate(g, &move_of(bromma, farsta, kr(30_000)))
        .unwrap();

    assert_eq!(
        s.allocation(g, bromma).unwrap(),
        Some(before_b - kr(30_000))
    );
    assert_eq!(
        s.allocation(g, farsta).unwrap(),
        Some(before_f + kr(30_000))
    );
    let (_, status) = s.grant_status(g, d("2018-03-01")).unwrap();
    assert_eq!(
        status.allocated, status_before.allocated,
        "money moved, not made"
    );
    let moves = s.reallocations(g).unwrap();
    assert_eq!(moves.len(), 1);
    assert_eq!(
        (
            moves[0].from,
            moves[0].to,
            moves[0].amount,
            moves[0].decision.as_str()
        ),
        (bromma, farsta, kr(30_000), "SDN 2017/114")
    );
    let log = s.audit_log(None, None, 10_000).unwrap();
    assert_eq!(log.len(), log_before + 1, "one change");
    assert_eq!(log[0].what, "reallocation");
    for r in [bromma, farsta] {
        let history = s.audit_log(None, Some(r), 10).unwrap();
        assert_eq!(history[0].id, log[0].id, "in the history of {r}");
    }
}

#[test]
fn a_move_beyond_the_unused_part_is_refused_and_changes_nothing() {
    let (mut s, g) = demo_store();
    let (alvsjo, farsta) = (rid(&s, "Älvsjö"), rid(&s, "Farsta"));
    let line = s
        .recipient_figures(g)
        .unwrap()
        .into_iter()
        .find(|f| f.recipient_id == alvsjo)
        .unwrap();
    let unused = line.allocated - line.used;
    let log_before = s.audit_log(None, None, 10_000).unwrap().len();
    let err = s
        .reallocate(g, &move_of(alvsjo, farsta, unused + Money::from_ore(1)))
        .unwrap_err();
    assert!(
        matches!(
            &err,
            StoreError::Move(MoveRefused::BeyondUnused { unused: u, allocated, used, .. })
                if *u == unused && *allocated == line.allocated && *used == line.used
        ),
        "{err:?}"
    );
    assert_eq!(s.allocation(g, alvsjo).unwrap(), Some(line.allocated));
    assert!(s.reallocations(g).unwrap().is_empty());
    assert_eq!(s.audit_log(None, None, 10_000).unwrap().len(), log_before);
    // Exactly the unused part may go.
    s.reallocate(g, &move_of(alvsjo, farsta, unused)).unwrap();
    assert_eq!(s.allocation(g, alvsjo).unwrap(), Some(line.used));
}

#[test]
fn repayments_bring_the_grant_to_zero() {
    let (mut s, g) = demo_store();
    let pay = |amount, kind| NewRepayment {
        date: d("2018-04-20"),
        amount,
        kind,
        reference: "OCR 4471 2018".into(),
        note: String::new(),
    };
    s.add_repayment(g, &pay(kr(500_000), RepaymentKind::Repayment))
        .unwrap();
    let (_, st) = s.grant_status(g, d("2018-05-01")).unwrap();
    assert_eq!((st.repaid, st.outstanding), (kr(500_000), kr(77_468)));
    assert!(st.flags.iter().any(|f| f.code() == "repayment_outstanding"));
    s.add_repayment(g, &pay(kr(77_468), RepaymentKind::Clawback))
        .unwrap();
    let (_, st) = s.grant_status(g, d("2018-05-01")).unwrap();
    assert_eq!((st.repaid, st.outstanding), (kr(577_468), Money::ZERO));
    assert!(st.flags.iter().all(|f| f.code() != "repayment_outstanding"));
    let list = s.repayments(g).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[1].kind, RepaymentKind::Clawback);
    assert!(matches!(
        s.add_repayment(g, &pay(Money::ZERO, RepaymentKind::Repayment)),
        Err(StoreError::ZeroRepayment)
    ));
}

#[test]
fn references_are_kept_and_logged() {
    let (mut s, g) = demo_store();
    assert_eq!(s.references(g).unwrap(), References::default());
    let refs = References {
        giver_reference: " 3.6-12345/2016 ".into(),
        own_reference: "SOF 2017/0042".into(),
    };
    s.set_references(g, &refs).unwrap();
    let stored = s.references(g).unwrap();
    assert_eq!(stored.giver_reference, "3.6-12345/2016");
    assert_eq!(stored.own_reference, "SOF 2017/0042");
    let log = s.audit_log(Some(g), None, 2).unwrap();
    assert_eq!(log[0].what, "grant.own_reference");
    assert_eq!(log[1].what, "grant.giver_reference");
}

#[test]
fn focus_areas_are_edited_and_a_used_one_is_not_removed() {
    let (mut s, g) = demo_store();
    let areas = s.focus_areas(g).unwrap();
    assert_eq!(areas.len(), 6);
    let added = s
        .add_focus_area(g, "Hedersrelaterat våld", "Honour-related violence")
        .unwrap();
    s.rename_focus_area(added, "Hedersvåld", "Honour violence")
        .unwrap();
    assert!(s.move_focus_area(added, true).unwrap());
    let names: Vec<String> = s
        .focus_areas(g)
        .unwrap()
        .into_iter()
        .map(|a| a.name_sv)
        .collect();
    assert_eq!(names[5], "Hedersvåld");
    assert_eq!(names[6], areas[5].name_sv);
    // The demo's districts spent on the first area: it stays.
    let err = s.remove_focus_area(areas[0].id).unwrap_err();
    assert!(
        matches!(&err, StoreError::FocusAreaInUse(n) if *n == areas[0].name_sv),
        "{err:?}"
    );
    assert_eq!(s.focus_areas(g).unwrap().len(), 7);
    s.remove_focus_area(added).unwrap();
    let after = s.focus_areas(g).unwrap();
    assert_eq!(after, areas, "positions close up again");
}

#[test]
fn like_last_year_copies_what_it_says_and_nothing_else() {
    let (mut s, g) = demo_store();
    s.set_references(
        g,
        &References {
            giver_reference: "3.6-1/2016".into(),
            own_reference: "SOF 1".into(),
        },
    )
    .unwrap();
    s.add_repayment(
        g,
        &NewRepayment {
            date: d("2018-04-20"),
            amount: kr(1),
            kind: RepaymentKind::Repayment,
            reference: String::new(),
            note: String::new(),
        },
    )
    .unwrap();
    let old = s.grant(g).unwrap();
    let copied = s.new_grant_like(g).unwrap();
    let new = s.grant(copied.grant_id).unwrap();
    assert_eq!(new.title, old.title.replace("2017", "2018"));
    assert_eq!((new.giver.as_str(), new.year), (old.giver.as_str(), 2018));
    assert_eq!(
        (new.use_from, new.use_until, new.report_due),
        (d("2018-01-01"), d("2018-12-31"), d("2019-03-31"))
    );
    assert_eq!(new.state, crate::domain::model::GrantState::Open);
    let names = |id| -> Vec<(String, String)> {
        s.focus_areas(id)
            .unwrap()
            .into_iter()
            .map(|a| (a.name_sv, a.name_en))
            .collect()
    };
    assert_eq!(names(copied.grant_id), names(g));
    let figures = s.recipient_figures(copied.grant_id).unwrap();
    let old_figures = s.recipient_figures(g).unwrap();
    let allocs = |f: &[crate::domain::status::RecipientFigures]| -> Vec<(i64, Money)> {
        f.iter()
            .filter(|f| !f.allocated.is_zero())
            .map(|f| (f.recipient_id, f.allocated))
            .collect()
    };
    assert_eq!(allocs(&figures), allocs(&old_figures));
    assert!(
        figures.iter().all(|f| f.used.is_zero() && !f.reported),
        "no spending, no reports"
    );
    assert_eq!(
        s.received(copied.grant_id).unwrap(),
        Money::ZERO,
        "no receipts"
    );
    assert!(s.repayments(copied.grant_id).unwrap().is_empty());
    assert!(s.reallocations(copied.grant_id).unwrap().is_empty());
    assert_eq!(
        s.references(copied.grant_id).unwrap(),
        References::default()
    );
    assert_eq!(
        (copied.focus_areas, copied.recipients, copied.allocated),
        (6, allocs(&figures).len(), kr(2_922_920))
    );
    // A second copy would be the same grant again: refused.
    assert!(matches!(
        s.new_grant_like(g),
        Err(StoreError::DuplicateGrant { year: 2018, .. })
    ));
}
