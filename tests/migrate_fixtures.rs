//! Files written by released versions of medel (tests/fixtures, see its
//! README) open, migrate and keep every figure and every audit row. Unlike
//! `store_files::every_earlier_version_migrates_with_its_data`, nothing
//! here is rebuilt from today's schema.

mod support;

use std::path::{Path, PathBuf};

use medel::store::{Store, schema};
use support::db::{Db, audit_len, current_grant, json, recipient_id, status, used};
use support::kr;

/// A copy of the fixture in a folder of its own: the committed file is never opened.
fn copy_of(name: &str) -> (tempfile::TempDir, PathBuf) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join(name);
    std::fs::copy(&from, &to).unwrap();
    (dir, to)
}

fn schema_version_in_file(path: &Path) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn migrates_with_everything(name: &str, version: i64) {
    let (_dir, path) = copy_of(name);
    assert_eq!(schema_version_in_file(&path), version, "{name} as written");
    let mut store = Store::open(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(!store.is_read_only());
    assert_eq!(store.schema_version().unwrap(), schema::LATEST, "{name}");

    // The same data as today's demo, every field of it, and its whole log.
    let today = Db::demo();
    assert_eq!(json(&store), json(&today.open()), "{name}: data");
    assert_eq!(audit_len(&store), 118, "{name}: audit rows");
    assert_eq!(audit_len(&store), audit_len(&today.open()));
    let st = status(&store);
    assert_eq!(
        (st.received, st.allocated, st.used, st.to_return),
        (kr(2_945_873), kr(2_922_920), kr(2_368_405), kr(577_468)),
        "{name}: the source figures"
    );
    assert!(
        store
            .audit_log(None, None, 1000)
            .unwrap()
            .iter()
            .all(|a| a.who == "fixture"),
        "{name}: who wrote it is kept"
    );

    // What the new schema added works, and a save is logged.
    assert!(store.drafts().unwrap().is_empty(), "{name}");
    store.set_who("anna");
    let g = current_grant(&store);
    let bromma = recipient_id(&store, "Bromma");
    let loaded = store.entry(g, bromma).unwrap();
    let mut edited = loaded.clone();
    edited.spending[0].amount = kr(1_000);
    store
        .save_entry(g, bromma, &loaded, &edited, false)
        .unwrap();
    assert_eq!(used(&store, "Bromma"), kr(1_000));
    assert_eq!(audit_len(&store), 119);
    drop(store);

    // Opening again finds nothing to migrate and keeps the save.
    assert_eq!(schema_version_in_file(&path), schema::LATEST);
    let store = Store::open(&path).unwrap();
    assert_eq!(used(&store, "Bromma"), kr(1_000));
}

#[test]
fn a_file_written_with_schema_1_migrates() {
    migrates_with_everything("schema-1.sqlite", 1);
}

#[test]
fn a_file_written_with_schema_2_opens() {
    migrates_with_everything("schema-2.sqlite", 2);
}

#[test]
fn a_file_written_with_schema_3_opens() {
    migrates_with_everything("schema-3.sqlite", 3);
}

#[test]
fn a_file_written_with_schema_4_opens() {
    migrates_with_everything("schema-4.sqlite", 4);
}

#[test]
fn a_file_written_with_schema_5_opens() {
    migrates_with_everything("schema-5.sqlite", 5);
}

#[test]
fn a_file_written_with_schema_6_opens() {
    migrates_with_everything("schema-6.sqlite", 6);
}

/// Schema 5's spending totals are filled from the cells of an older file
/// and follow a save, so the list of grants agrees with each status.
#[test]
fn schema_5_fills_the_spending_totals_of_an_older_file() {
    use medel::store::Which;
    let (_dir, path) = copy_of("schema-4.sqlite");
    let mut store = Store::open(&path).unwrap();
    let today = "2018-03-01".parse().unwrap();
    let agree = |store: &Store| {
        let all = store.grant_statuses(Which::All, today).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0], store.grant_status(all[0].0.id, today).unwrap());
        all[0].1.used
    };
    assert_eq!(agree(&store), kr(2_368_405));
    let g = current_grant(&store);
    let bromma = recipient_id(&store, "Bromma");
    let loaded = store.entry(g, bromma).unwrap();
    let mut edited = loaded.clone();
    edited.spending[0].amount += kr(1_000);
    store
        .save_entry(g, bromma, &loaded, &edited, false)
        .unwrap();
    assert_eq!(agree(&store), kr(2_369_405));
}

/// What schema 6 added starts empty in a migrated file: every user opens
/// on the newest open grant until they pick one.
#[test]
fn schema_6_adds_the_grant_last_worked_on_to_an_older_file() {
    let (_dir, path) = copy_of("schema-5.sqlite");
    let mut store = Store::open(&path).unwrap();
    let g = current_grant(&store);
    assert_eq!(store.opening_grant().unwrap().map(|g| g.id), Some(g));
    store.remember_grant(g).unwrap();
    assert_eq!(store.opening_grant().unwrap().map(|g| g.id), Some(g));
}

/// What schema 4 added starts empty in a migrated file and takes a
/// repayment and a move.
#[test]
fn schema_4_adds_repayments_and_moves_to_an_older_file() {
    use medel::domain::money_back::RepaymentKind;
    use medel::store::{NewReallocation, NewRepayment};
    let (_dir, path) = copy_of("schema-3.sqlite");
    let mut store = Store::open(&path).unwrap();
    let g = current_grant(&store);
    assert!(store.repayments(g).unwrap().is_empty());
    assert!(store.reallocations(g).unwrap().is_empty());
    assert_eq!(store.references(g).unwrap(), Default::default());
    let day = "2018-04-20".parse().unwrap();
    store
        .add_repayment(
            g,
            &NewRepayment {
                date: day,
                amount: kr(577_468),
                kind: RepaymentKind::Repayment,
                reference: String::new(),
                note: String::new(),
            },
        )
        .unwrap();
    let (bromma, farsta) = (
        recipient_id(&store, "Bromma"),
        recipient_id(&store, "Farsta"),
    );
    let m = NewReallocation {
        date: day,
        from: bromma,
        to: farsta,
        amount: kr(1_000),
        decision: String::new(),
        note: String::new(),
    };
    store.reallocate(g, &m).unwrap();
    assert_eq!(status(&store).outstanding, kr(0));
    assert_eq!(
        store.audit_log(None, Some(farsta), 1).unwrap()[0].what,
        "reallocation"
    );
}

#[test]
fn there_is_a_fixture_for_every_released_schema() {
    for version in 1..=schema::LATEST {
        let name = format!("schema-{version}.sqlite");
        let (_dir, path) = copy_of(&name);
        assert_eq!(schema_version_in_file(&path), version, "{name}");
    }
}
