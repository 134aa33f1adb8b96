//! Export and import through the library against real database files:
//! round trips give identical bytes, bad files change nothing.

mod support;

use std::path::Path;
use std::time::Instant;

use medel::domain::{Lang, Money};
use medel::exchange::{
    CsvStyle, Document, Input, Plan, plan_csv, plan_document, read, spending_csv, to_json,
};
use medel::store::{GrantDraft, ImportError, Store};
use support::db::{fingerprint, json};

fn open(path: &Path) -> Store {
    let mut s = Store::open(path).expect("open");
    s.set_who("tester");
    s
}

fn demo_db(dir: &Path) -> Store {
    let mut s = open(&dir.join("demo.sqlite"));
    medel::demo::write(&mut s).expect("demo");
    s
}

/// Reads a file and imports it the way the command does.
fn import(store: &mut Store, bytes: &[u8], replace: bool, dry_run: bool) -> Result<Plan, String> {
    let input = read(bytes).map_err(|p| p.to_string())?;
    let result = store.import(
        "test",
        dry_run,
        |cur, _| match &input {
            Input::Document(doc) => plan_document(doc, cur, replace),
            Input::Spending(sheet) => plan_csv(sheet, cur),
        },
        &mut |_, _| {},
    );
    result.map_err(|e| match e {
        ImportError::Invalid(p) => p.to_string(),
        ImportError::Store(e) => format!("store: {e}"),
    })
}

#[test]
fn json_round_trip_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_db(dir.path());
    let first = json(&demo);
    let mut fresh = open(&dir.path().join("new/fresh.sqlite"));
    let plan = import(&mut fresh, first.as_bytes(), false, false).unwrap();
    assert_eq!(plan.summary().grants_added, 1);
    assert_eq!(json(&fresh), first);
    // Importing it again finds nothing to do and writes nothing.
    let before = fingerprint(&fresh);
    let again = import(&mut fresh, first.as_bytes(), false, false).unwrap();
    assert!(again.is_empty());
    assert_eq!(fingerprint(&fresh), before);
    // The figures survive: the source report's.
    let g = fresh.current_grant().unwrap().unwrap().id;
    let (_, st) = fresh
        .grant_status(g, "2018-03-01".parse().unwrap())
        .unwrap();
    assert_eq!(st.to_return, Money::from_kronor(577_468));
}

#[test]
fn one_grant_round_trips_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut demo = demo_db(dir.path());
    let g = demo.current_grant().unwrap().unwrap().id;
    demo.add_recipient("Utan del", "", medel::domain::model::RecipientKind::Other)
        .unwrap();
    let one = to_json(&demo.dataset(Some(g)).unwrap()).unwrap();
    assert!(!one.contains("Utan del"), "only recipients taking part");
    let mut fresh = open(&dir.path().join("one.sqlite"));
    import(&mut fresh, one.as_bytes(), false, false).unwrap();
    assert_eq!(to_json(&fresh.dataset(None).unwrap()).unwrap(), one);
}

/// A database with the demo grant and recipients but no money handed on.
fn bare(dir: &Path, name: &str, demo: &Store) -> Store {
    let mut doc: Document = demo.dataset(None).unwrap();
    for g in &mut doc.grants {
        g.recipients.clear();
    }
    let mut s = open(&dir.join(name));
    import(&mut s, to_json(&doc).unwrap().as_bytes(), false, false).unwrap();
    s
}

#[test]
fn csv_round_trip_gives_identical_bytes_in_both_styles() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_db(dir.path());
    for (style, name) in [
        (CsvStyle::ExcelSv, "excel.sqlite"),
        (CsvStyle::Plain, "plain.sqlite"),
    ] {
        let first = spending_csv(&demo.dataset(None).unwrap(), style).unwrap();
        let mut target = bare(dir.path(), name, &demo);
        let plan = import(&mut target, &first, false, false).unwrap();
        assert_eq!(plan.summary().allocations, 15, "{style:?}");
        let again = spending_csv(&target.dataset(None).unwrap(), style).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&again),
            String::from_utf8_lossy(&first)
        );
        assert_eq!(again, first, "{style:?}");
    }
}

#[test]
fn a_hand_made_excel_file_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_db(dir.path());
    let g = store.current_grant().unwrap().unwrap().id;
    let bromma = store.recipient_by_name("Bromma").unwrap().unwrap().id;
    let body = "\u{feff}grant;year;recipient;focus_area;allocated;amount;note\r\n\
        Utvecklingsmedel VINR 2017;2017;Bromma;1;200 000,00;12 345,67;Kurs i FREDA\r\n\
        Utvecklingsmedel VINR 2017;2017;Bromma;Barn som utsätts för våld;;0,5;\"Tema; barn\"\r\n\
        ;;;;;;\r\n";
    let plan = import(&mut store, body.as_bytes(), false, false).unwrap();
    assert_eq!(plan.summary().spending, 2);
    assert_eq!(
        store.allocation(g, bromma).unwrap(),
        Some(Money::from_kronor(200_000))
    );
    let entry = store.entry(g, bromma).unwrap();
    assert_eq!(entry.spending[0].amount, Money::from_ore(1_234_567));
    assert_eq!(entry.spending[0].note, "Kurs i FREDA");
    assert_eq!(entry.spending[2].amount, Money::from_ore(50));
    assert_eq!(entry.spending[2].note, "Tema; barn");
    // Audited with the spending form's field names, and the import itself.
    let log = store.audit_log(Some(g), Some(bromma), 10).unwrap();
    let whats: Vec<&str> = log.iter().map(|e| e.what.as_str()).collect();
    for what in [
        "allocation",
        "spending.1.amount",
        "spending.1.note",
        "spending.3.amount",
    ] {
        assert!(whats.contains(&what), "{whats:?}");
    }
    let last = &store.audit_log(None, None, 1).unwrap()[0];
    assert_eq!(last.what, "import");
    assert_eq!(last.who, "tester");
    // The row keeps the counts; the log words them in the reader's language.
    let read = |lang| medel::i18n::changes::value(&last.what, &last.new, lang);
    assert!(
        read(Lang::En).contains("allocations: 1"),
        "{}",
        read(Lang::En)
    );
    assert!(read(Lang::Sv).starts_with("test: "), "{}", read(Lang::Sv));
    assert!(
        !read(Lang::Sv).contains("allocations"),
        "{}",
        read(Lang::Sv)
    );
}

#[test]
fn bad_files_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_db(dir.path());
    let head = "\u{feff}grant;year;recipient;focus_area;allocated;amount;note\r\n";
    let ok = "Utvecklingsmedel VINR 2017;2017;Farsta;1;;99;\r\n";
    let row = |r: &str| format!("Utvecklingsmedel VINR 2017;2017;{r}\r\n");
    let mut bad_utf8 = format!("{head}{ok}").into_bytes();
    bad_utf8.extend_from_slice(b"Utvecklingsmedel VINR 2017;2017;Bromma;2;;0;\xFF\r\n");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "wrong column",
            format!("\u{feff}grant;year;recipient;area;allocated;amount;note\r\n{ok}").into(),
            "line 1, column 4 (focus_area)",
        ),
        (
            "unknown recipient",
            format!("{head}{ok}{}", row("Bromma;1;;5;"))
                .replace("Bromma", "Brommma")
                .into(),
            "line 3, column 3 (recipient): unknown recipient 'Brommma'",
        ),
        (
            "unparseable amount",
            format!("{head}{ok}{}", row("Bromma;1;;5 kr 50;")).into(),
            "line 3, column 6 (amount)",
        ),
        (
            "negative amount",
            format!("{head}{ok}{}", row("Bromma;1;;-5;")).into(),
            "line 3, column 6 (amount): '-5': cannot be negative",
        ),
        (
            "duplicate row",
            format!("{head}{ok}{}", row("Farsta;1;;5;")).into(),
            "line 3: duplicate row: 'Farsta', focus area 1 is also on line 2",
        ),
        ("bad UTF-8", bad_utf8, "line 3, column 7 (note): not UTF-8"),
        ("empty file", Vec::new(), "line 1: the file is empty"),
    ];
    let before = fingerprint(&store);
    for (what, bytes, want) in cases {
        let err = import(&mut store, &bytes, false, false).unwrap_err();
        assert!(err.starts_with(want), "{what}: want {want:?}, got:\n{err}");
        assert_eq!(fingerprint(&store), before, "{what} changed the database");
    }
}

#[test]
fn conflicts_are_refused_unless_replace_and_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_db(dir.path());
    let changed = json(&store).replacen("\"180000.00\"", "\"150000.00\"", 1);
    let before = fingerprint(&store);
    let err = import(&mut store, changed.as_bytes(), false, false).unwrap_err();
    assert!(
        err.contains("'Bromma' allocation SEK 180,000 → SEK 150,000"),
        "{err}"
    );
    assert!(err.contains("--replace"), "{err}");
    assert_eq!(fingerprint(&store), before);

    let dry = import(&mut store, changed.as_bytes(), true, true).unwrap();
    assert_eq!(dry.summary().allocations, 1);
    assert_eq!(fingerprint(&store), before, "a dry run writes nothing");

    import(&mut store, changed.as_bytes(), true, false).unwrap();
    assert_eq!(json(&store), changed);
    let log = store.audit_log(None, None, 2).unwrap();
    assert_eq!(
        (
            log[1].what.as_str(),
            log[1].old.as_str(),
            log[1].new.as_str()
        ),
        ("allocation", "180000.00", "150000.00")
    );
    assert_eq!(log[0].what, "import");
}

#[test]
fn a_grant_can_be_created_by_import_next_to_others() {
    let dir = tempfile::tempdir().unwrap();
    let mut other = open(&dir.path().join("other.sqlite"));
    other
        .create_grant(&GrantDraft::for_year("Annat", "Länsstyrelsen", 2024).unwrap())
        .unwrap();
    let demo = demo_db(dir.path());
    import(&mut other, json(&demo).as_bytes(), false, false).unwrap();
    let titles: Vec<String> = other
        .grants()
        .unwrap()
        .into_iter()
        .map(|g| g.title)
        .collect();
    assert_eq!(titles, ["Annat", "Utvecklingsmedel VINR 2017"]);
}

#[test]
fn a_hundred_thousand_rows_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("bulk.sqlite"));
    let rows = 100_000;
    support::bulk::prepare(&mut store, rows);
    let bytes = support::bulk::csv(rows, CsvStyle::ExcelSv);
    let audited = store.audit_log(None, None, 10_000_000).unwrap().len();
    let start = Instant::now();
    let plan = import(&mut store, &bytes, false, false).unwrap();
    let took = start.elapsed();
    eprintln!("100 000 rows in {took:?} (debug build; the benchmark measures release)");
    assert_eq!(plan.summary().spending, rows);
    let doc = store.dataset(None).unwrap();
    let cells: usize = doc.grants[0]
        .recipients
        .iter()
        .map(|p| p.spending.len())
        .sum();
    assert_eq!(
        cells, rows,
        "every row is stored (the first has amount 0 and a note)"
    );
    // One audit row per changed value: 99 999 amounts (the first row's is
    // 0), 100 000 notes, 16 667 allocations, and one for the import.
    let added = store.audit_log(None, None, 10_000_000).unwrap().len() - audited;
    assert_eq!(added, 99_999 + 100_000 + 16_667 + 1);
}
