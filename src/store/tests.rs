use chrono::NaiveDate;

use super::*;
use crate::domain::model::{GrantState, RecipientKind, RecipientReport};
use crate::domain::money::Money;
use crate::domain::status::RecipientStatus;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn demo_store() -> (Store, i64) {
    let mut s = Store::open_in_memory().unwrap();
    s.set_who("tester");
    let g = crate::demo::write(&mut s).unwrap();
    (s, g)
}

#[test]
fn demo_gives_the_source_figures() {
    let (s, g) = demo_store();
    let (_, st) = s.grant_status(g, d("2018-03-01")).unwrap();
    assert_eq!(st.received, Money::from_kronor(2_945_873));
    assert_eq!(st.allocated, Money::from_kronor(2_922_920));
    assert_eq!(st.used, Money::from_kronor(2_368_405));
    assert_eq!(st.to_return, Money::from_kronor(577_468));
    let names = |k| {
        st.recipients_with(k)
            .map(|r| r.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(RecipientStatus::Unused), ["Bromma", "Kungsholmen"]);
    assert_eq!(
        names(RecipientStatus::Partial),
        ["Rinkeby-Kista", "Älvsjö", "Östermalm"]
    );
    assert_eq!(names(RecipientStatus::Full).len(), 10);
    assert_eq!(st.recipients.len(), 15);
}

#[test]
fn amounts_survive_exactly() {
    let (mut s, g) = demo_store();
    let r = s
        .add_recipient("Öre-testaren", "", RecipientKind::Other)
        .unwrap();
    for ore in [1, 99, 12_345_678_901, 100_000_000_000_000] {
        let m = Money::from_ore(ore);
        s.set_allocation(g, r, m, None).unwrap();
        assert_eq!(s.allocation(g, r).unwrap(), Some(m));
        let loaded = s.entry(g, r).unwrap();
        let mut e = loaded.clone();
        e.spending[2].amount = m;
        let stored = s.save_entry(g, r, &loaded, &e, false).unwrap();
        assert_eq!(stored.spending[2].amount, m);
        assert_eq!(stored.used(), m);
    }
}

#[test]
fn every_change_is_audited() {
    let mut s = Store::open_in_memory().unwrap();
    s.set_who("anna");
    let g = s
        .create_grant(&GrantDraft::for_year("Test", "Giver", 2025).unwrap())
        .unwrap();
    let r = s
        .add_recipient("Farsta", "Farsta sdn", RecipientKind::District)
        .unwrap();
    s.set_allocation(g, r, Money::from_kronor(100), None)
        .unwrap();
    s.set_allocation(g, r, Money::from_kronor(120), None)
        .unwrap();
    let loaded = s.entry(g, r).unwrap();
    let mut e = loaded.clone();
    e.spending[0].amount = Money::from_kronor(50);
    e.spending[0].note = "kurs".into();
    e.report = Some(RecipientReport {
        reported_on: d("2026-01-10"),
        reason_unused: String::new(),
        evaluation: "bra".into(),
    });
    s.save_entry(g, r, &loaded, &e, false).unwrap();
    s.rename_recipient(r, "Farsta SDN", "Farsta sdn").unwrap();
    s.set_recipient_retired(r, true).unwrap();
    s.add_receipt(
        g,
        &NewReceipt {
            date: d("2025-02-01"),
            amount: Money::from_kronor(500),
            kind: crate::domain::model::ReceiptKind::Requisition,
            note: String::new(),
        },
    )
    .unwrap();
    s.set_grant_state(g, GrantState::Reported).unwrap();

    let log = s.audit_log(None, None, 100).unwrap();
    let whats: Vec<&str> = log.iter().rev().map(|e| e.what.as_str()).collect();
    assert_eq!(
        whats,
        [
            "grant",
            "recipient",
            "allocation",
            "allocation",
            "report.evaluation",
            "report.reported_on",
            "spending.1.amount",
            "spending.1.note",
            "recipient.name",
            "recipient.retired",
            "receipt",
            "grant.state",
        ]
    );
    assert!(log.iter().all(|e| e.who == "anna"));
    let realloc = &log[log.len() - 4];
    assert_eq!(
        (realloc.old.as_str(), realloc.new.as_str()),
        ("100.00", "120.00")
    );
    // A closed grant refuses changes, and the refusal writes nothing.
    let err = s
        .set_allocation(g, r, Money::from_kronor(1), None)
        .unwrap_err();
    assert!(err.to_string().contains("reported and closed"), "{err}");
    assert_eq!(s.audit_log(None, None, 100).unwrap().len(), log.len());
}

#[test]
fn concurrent_edit_of_the_same_field_is_refused() {
    let (mut s, g) = demo_store();
    let bromma = s.recipient_by_name("Bromma").unwrap().unwrap().id;
    let mine_loaded = s.entry(g, bromma).unwrap();
    // Another session sets area 1, and area 2.
    s.set_who("bertil");
    let mut theirs = mine_loaded.clone();
    theirs.spending[0].amount = Money::from_kronor(10);
    theirs.spending[1].amount = Money::from_kronor(20);
    s.save_entry(g, bromma, &mine_loaded, &theirs, false)
        .unwrap();
    // This session edits area 1 (conflict) — refused, nothing written.
    s.set_who("anna");
    let mut mine = mine_loaded.clone();
    mine.spending[0].amount = Money::from_kronor(99);
    let err = s
        .save_entry(g, bromma, &mine_loaded, &mine, false)
        .unwrap_err();
    let StoreError::Conflict(c) = err else {
        panic!("expected a conflict")
    };
    assert_eq!(c.what, "spending.1.amount");
    assert_eq!(c.theirs, "10.00");
    assert_eq!(c.who.as_deref(), Some("bertil"));
    assert_eq!(
        s.entry(g, bromma).unwrap().spending[0].amount,
        Money::from_kronor(10)
    );
    // Editing a different field merges with theirs.
    let mut other = mine_loaded.clone();
    other.spending[2].amount = Money::from_kronor(30);
    let stored = s
        .save_entry(g, bromma, &mine_loaded, &other, false)
        .unwrap();
    let amounts: Vec<i64> = stored
        .spending
        .iter()
        .map(|l| l.amount.ore() / 100)
        .collect();
    assert_eq!(amounts, [10, 20, 30, 0, 0, 0]);
    // Overwriting deliberately wins.
    let stored = s.save_entry(g, bromma, &mine_loaded, &mine, true).unwrap();
    assert_eq!(stored.spending[0].amount, Money::from_kronor(99));
}

#[test]
fn allocation_conflict_names_the_other_value() {
    let (mut s, g) = demo_store();
    let r = s.recipient_by_name("Farsta").unwrap().unwrap().id;
    let seen = s.allocation(g, r).unwrap().unwrap();
    s.set_allocation(g, r, Money::from_kronor(1), Some(seen))
        .unwrap();
    let err = s
        .set_allocation(g, r, Money::from_kronor(2), Some(seen))
        .unwrap_err();
    assert!(err.to_string().contains("'1.00'"), "{err}");
}

#[test]
fn invalid_values_are_refused_without_writes() {
    let (mut s, g) = demo_store();
    let before = s.audit_log(None, None, 1000).unwrap().len();
    let r = s.recipient_by_name("Farsta").unwrap().unwrap().id;
    let invalid = |e: StoreError| match e {
        StoreError::Invalid(why) => why,
        other => panic!("refused for the wrong reason: {other:?}"),
    };
    let err = s
        .set_allocation(g, r, Money::from_ore(-1), None)
        .unwrap_err();
    assert_eq!(invalid(err), "an allocation cannot be negative");
    let err = s.add_recipient("  ", "", RecipientKind::Unit).unwrap_err();
    assert_eq!(invalid(err), "a recipient needs a name");
    let err = s
        .add_recipient("Farsta", "", RecipientKind::Unit)
        .unwrap_err();
    assert_eq!(invalid(err), "a recipient called 'Farsta' already exists");
    let mut bad = GrantDraft::for_year("X", "Y", 2020).unwrap();
    bad.use_until = d("2019-01-01");
    let err = s.create_grant(&bad).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Grant(crate::domain::grant_draft::GrantDraftError::UseEndsBeforeStart)
        ),
        "{err:?}"
    );
    let err = s
        .create_grant(&GrantDraft::for_year(crate::demo::TITLE, "Y", 2017).unwrap())
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::DuplicateGrant { title, year: 2017 } if title == crate::demo::TITLE),
        "{err:?}"
    );
    assert_eq!(s.audit_log(None, None, 1000).unwrap().len(), before);
}

#[test]
fn current_grant_prefers_the_newest_open_one() {
    let mut s = Store::open_in_memory().unwrap();
    assert!(s.current_grant().unwrap().is_none());
    let a = s
        .create_grant(&GrantDraft::for_year("A", "G", 2024).unwrap())
        .unwrap();
    let b = s
        .create_grant(&GrantDraft::for_year("B", "G", 2025).unwrap())
        .unwrap();
    assert_eq!(s.current_grant().unwrap().unwrap().id, b);
    s.set_grant_state(b, GrantState::Reported).unwrap();
    assert_eq!(s.current_grant().unwrap().unwrap().id, a);
    let focus = s.focus_areas(a).unwrap();
    assert_eq!(focus.len(), 6);
    assert_eq!(focus[2].name_en, "Children exposed to violence");
}

#[test]
fn retired_recipients_keep_their_history() {
    let (mut s, g) = demo_store();
    let r = s.recipient_by_name("Bromma").unwrap().unwrap().id;
    s.set_recipient_retired(r, true).unwrap();
    let err = s
        .set_allocation(g, r, Money::from_kronor(200_000), None)
        .unwrap_err();
    assert!(err.to_string().contains("retired"), "{err}");
    s.set_allocation(g, r, Money::from_kronor(100_000), None)
        .unwrap();
    s.set_allocation(g, r, Money::from_kronor(180_000), None)
        .unwrap_err();
    s.set_allocation(g, r, Money::from_kronor(100_000), None)
        .unwrap();
    assert!(s.recipients(false).unwrap().iter().all(|x| x.id != r));
    assert!(s.recipients(true).unwrap().iter().any(|x| x.id == r));
    let (_, st) = s.grant_status(g, d("2018-03-01")).unwrap();
    assert_eq!(
        st.to_return,
        Money::from_kronor(577_468),
        "Bromma's 100 000 was unused anyway"
    );
}

/// A full disk for any user, root or not: a page limit that the file has
/// reached makes SQLite answer SQLITE_FULL, as it does when the disk is
/// full (`tests/disk_full.rs` fills a real file system too).
#[test]
fn a_full_disk_saves_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.sqlite");
    let mut s = Store::open(&path).unwrap();
    s.set_who("tester");
    let g = crate::demo::write(&mut s).unwrap();
    let bromma = s.recipient_by_name("Bromma").unwrap().unwrap().id;
    let log = s.audit_log(None, None, 10_000).unwrap().len();
    let pages: i64 = s
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    s.conn.pragma_update(None, "max_page_count", pages).unwrap();
    // A save that needs new pages: a long note on every focus area.
    let loaded = s.entry(g, bromma).unwrap();
    let mut edited = loaded.clone();
    for line in &mut edited.spending {
        line.amount = Money::from_kronor(1);
        line.note = "x".repeat(200_000);
    }
    let err = s
        .save_entry(g, bromma, &loaded, &edited, false)
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the disk that holds the database is full: nothing was saved; free some space and try again"
    );
    assert_eq!(s.entry(g, bromma).unwrap(), loaded, "nothing of it");
    assert_eq!(s.audit_log(None, None, 10_000).unwrap().len(), log);
    drop(s);
    let s = Store::open(&path).unwrap();
    let check: String = s
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(
        s.entry(g, bromma).unwrap(),
        loaded,
        "nothing of it, reopened"
    );
    let (_, st) = s.grant_status(g, d("2018-03-01")).unwrap();
    assert_eq!(
        st.to_return,
        Money::from_kronor(577_468),
        "all saved before is there"
    );
}

#[test]
fn a_contact_person_is_saved_without_a_report_logged_and_merged() {
    let mut s = Store::open_in_memory().unwrap();
    let g = s
        .create_grant(&GrantDraft::for_year("Test", "Giver", 2025).unwrap())
        .unwrap();
    let r = s
        .add_recipient("Farsta", "", RecipientKind::District)
        .unwrap();
    let loaded = s.entry(g, r).unwrap();
    let mut e = loaded.clone();
    e.contact = " Anna Lind ".into();
    s.save_entry(g, r, &loaded, &e, false).unwrap();
    let stored = s.entry(g, r).unwrap();
    assert_eq!(
        (stored.contact.as_str(), stored.report),
        ("Anna Lind", None)
    );
    let log = s.audit_log(None, None, 1).unwrap();
    assert_eq!(
        (log[0].what.as_str(), log[0].new.as_str()),
        ("report.contact", "Anna Lind")
    );

    // A form opened before, changing only an amount, keeps the contact.
    let mut other = loaded.clone();
    other.spending[0].amount = Money::from_kronor(10);
    s.save_entry(g, r, &loaded, &other, false).unwrap();
    assert_eq!(s.entry(g, r).unwrap().contact, "Anna Lind");
}
