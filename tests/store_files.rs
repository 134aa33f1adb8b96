//! The store against real files: migrations from every earlier schema,
//! files that are not medel's (refused and left byte-for-byte alone),
//! permissions, and exact amounts through a close and reopen.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use medel::domain::model::{RecipientKind, RecipientReport};
use medel::domain::money::{MAX_KRONOR, Money};
use medel::domain::status::RecipientStatus;
use medel::store::{GrantDraft, NewReceipt, Store, StoreError, create_at_version, schema};
use rusqlite::Connection;
use support::d;
use support::db::current_grant;

/// The names in a folder, sorted: shows stray -wal, -shm or temp files.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_fresh_file_gets_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("medel.sqlite");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::LATEST);
    let g = store
        .create_grant(&GrantDraft::for_year("Ny", "Socialstyrelsen", 2025).unwrap())
        .unwrap();
    assert_eq!(store.focus_areas(g).unwrap().len(), 6);
}

/// Puts rows into every table the schema at `version` has, with plain SQL
/// as an older medel would have written them.
fn fill(conn: &Connection, version: i64) {
    if version >= 1 {
        conn.execute_batch(
            "INSERT INTO grants (id, title, giver, year, use_from, use_until, report_due)
                 VALUES (1, 'Gammalt bidrag', 'Socialstyrelsen', 2016,
                         '2016-01-01', '2016-12-31', '2017-03-31');
             INSERT INTO focus_areas (id, grant_id, position, name_sv, name_en)
                 VALUES (1, 1, 1, 'Samordnat stöd', 'Coordinated support');
             INSERT INTO receipts (grant_id, received_on, amount_ore, kind, note)
                 VALUES (1, '2016-03-01', 100000050, 'requisition', 'rekvisition');
             INSERT INTO recipients (id, name, formal_name, kind)
                 VALUES (1, 'Älvsjö', 'Älvsjö stadsdelsnämnd', 'district');
             INSERT INTO allocations (grant_id, recipient_id, amount_ore) VALUES (1, 1, 60000000);
             INSERT INTO spending (grant_id, recipient_id, focus_area_id, amount_ore, note)
                 VALUES (1, 1, 1, 25000025, 'kurs');
             INSERT INTO recipient_reports (grant_id, recipient_id, reported_on, evaluation)
                 VALUES (1, 1, '2017-02-01', 'bra');
             INSERT INTO audit_log (at, who, grant_id, recipient_id, what, old, new)
                 VALUES ('2016-03-01T08:00:00Z', 'anna', 1, 1, 'allocation', '', '600000.00');",
        )
        .unwrap();
    }
    if version == 2 {
        conn.execute(
            "INSERT INTO drafts (who, grant_id, recipient_id, saved_at, body)
             VALUES ('anna', 1, 1, '2016-05-01T08:00:00Z', '{}')",
            [],
        )
        .unwrap();
    }
    // Schema 3 names the kind of form a draft is of.
    if version >= 3 {
        conn.execute(
            "INSERT INTO drafts (who, kind, grant_id, recipient_id, saved_at, body)
             VALUES ('anna', 'spending', 1, 1, '2016-05-01T08:00:00Z', '{}')",
            [],
        )
        .unwrap();
    }
}

#[test]
fn every_earlier_version_migrates_with_its_data() {
    for version in 0..schema::LATEST {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        create_at_version(&path, version).unwrap();
        fill(&Connection::open(&path).unwrap(), version);

        let store = Store::open(&path).unwrap_or_else(|e| panic!("from v{version}: {e}"));
        assert_eq!(
            store.schema_version().unwrap(),
            schema::LATEST,
            "from v{version}"
        );
        if version >= 1 {
            let (grant, st) = store.grant_status(1, d("2017-01-15")).unwrap();
            assert_eq!(grant.title, "Gammalt bidrag");
            assert_eq!(st.received, Money::from_ore(100_000_050));
            assert_eq!(st.allocated, Money::from_kronor(600_000));
            assert_eq!(st.used, Money::from_ore(25_000_025));
            assert_eq!(st.recipients[0].name, "Älvsjö");
            assert_eq!(st.recipients[0].status, RecipientStatus::Partial);
            let entry = store.entry(1, 1).unwrap();
            assert_eq!(entry.spending[0].note, "kurs");
            assert_eq!(entry.report.unwrap().evaluation, "bra");
            assert_eq!(store.audit_log(Some(1), None, 10).unwrap().len(), 1);
        } else {
            assert!(store.grants().unwrap().is_empty());
        }
        drop(store);
        let conn = Connection::open(&path).unwrap();
        let drafts: i64 = conn
            .query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(drafts, i64::from(version >= 2), "drafts from v{version}");
        // Opening again finds nothing to do.
        drop(conn);
        assert_eq!(
            Store::open(&path).unwrap().schema_version().unwrap(),
            schema::LATEST
        );
    }
}

/// Opens `path`, expects a refusal, and checks nothing changed on disk.
fn assert_refused_untouched(path: &Path) -> StoreError {
    let dir = path.parent().unwrap();
    let (bytes, names) = (fs::read(path).unwrap(), listing(dir));
    let err = match Store::open(path) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(e) => e,
    };
    assert!(err.is_fatal_for_file(), "{err}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert!(
        fs::read(path).unwrap() == bytes,
        "{} changed",
        path.display()
    );
    assert_eq!(listing(dir), names, "files appeared beside it");
    err
}

/// Bytes that look like nothing in particular (xorshift, fixed seed).
fn noise(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn files_that_are_not_sqlite_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut header_then_noise = b"SQLite format 3\0".to_vec();
    header_then_noise.extend(noise(8192));
    let cases: [(&str, Vec<u8>); 4] = [
        ("noise.bin", noise(10_000)),
        (
            "budget.csv",
            "Mottagare;Belopp\r\nBromma;180 000\r\n".into(),
        ),
        ("short.txt", b"SQLite".to_vec()),
        ("fake.sqlite", header_then_noise),
    ];
    for (name, content) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &content).unwrap();
        assert_refused_untouched(&path);
    }
}

#[test]
fn a_file_from_a_newer_medel_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite");
    let mut store = Store::open(&path).unwrap();
    store
        .create_grant(&GrantDraft::for_year("Framtid", "Socialstyrelsen", 2030).unwrap())
        .unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);

    let err = assert_refused_untouched(&path);
    assert!(
        matches!(
            err,
            StoreError::NewerSchema {
                found: 99,
                supported: schema::LATEST,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn another_programs_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hej');")
        .unwrap();
    drop(conn);
    let err = assert_refused_untouched(&path);
    assert!(matches!(err, StoreError::NotMedel(_)), "{err}");
}

#[test]
fn a_new_file_is_private_and_its_folder_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("a/b/medel.sqlite");
    let store = Store::open(&path).unwrap();
    drop(store);
    assert!(path.is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
}

#[test]
fn amounts_survive_a_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("amounts.sqlite");
    let amounts = [
        Money::from_ore(1),
        Money::from_ore(99),
        Money::parse("2 945 873,50").unwrap(),
        Money::from_ore(12_345_678_901),
        Money::from_kronor(MAX_KRONOR),
    ];
    let mut ids = Vec::new();
    {
        let mut store = Store::open(&path).unwrap();
        let g = store
            .create_grant(&GrantDraft::for_year("Öre", "Socialstyrelsen", 2025).unwrap())
            .unwrap();
        for (i, &m) in amounts.iter().enumerate() {
            store
                .add_receipt(
                    g,
                    &NewReceipt {
                        date: d("2025-02-01"),
                        amount: m,
                        kind: medel::domain::model::ReceiptKind::Other,
                        note: format!("belopp {i}"),
                    },
                )
                .unwrap();
            let r = store
                .add_recipient(&format!("Mottagare {i}"), "", RecipientKind::Unit)
                .unwrap();
            store.set_allocation(g, r, m, None).unwrap();
            let loaded = store.entry(g, r).unwrap();
            let mut edited = loaded.clone();
            edited.spending[i % 6].amount = m;
            edited.report = Some(RecipientReport {
                reported_on: d("2026-01-15"),
                reason_unused: String::new(),
                evaluation: String::new(),
            });
            store.save_entry(g, r, &loaded, &edited, false).unwrap();
            ids.push(r);
        }
    }
    let store = Store::open(&path).unwrap();
    let g = current_grant(&store);
    let receipts: Vec<Money> = store
        .receipts(g)
        .unwrap()
        .iter()
        .map(|r| r.amount)
        .collect();
    assert_eq!(receipts, amounts);
    for (&r, &m) in ids.iter().zip(&amounts) {
        assert_eq!(store.allocation(g, r).unwrap(), Some(m));
        assert_eq!(store.entry(g, r).unwrap().used(), m);
    }
    let (_, st) = store.grant_status(g, d("2026-01-20")).unwrap();
    let total: Money = amounts.iter().sum();
    assert_eq!(st.received, total);
    assert_eq!(st.used, total);
    assert_eq!(st.to_return, Money::ZERO);
    assert_eq!(st.received.to_string(), total.to_string());
}
