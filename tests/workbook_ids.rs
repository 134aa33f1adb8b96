//! A template names its grant and recipient by database id, with the
//! names it was written with as a check; and it carries the district's
//! contact person there and back. `medel template` and `medel import` as
//! a coordinator runs them.

mod support;

use medel::exchange::{Identity, TEMPLATE_VERSION, read_xlsx};
use medel::store::{Store, draft_of};
use support::cli::{Sandbox, s};
use support::db::{current_grant, recipient_id};
use support::xlsx::{Typed, fill, fill_sheet};

/// The demo and Bromma's template, written in English into `t/`.
fn demo_and_template(sb: &Sandbox) -> (std::path::PathBuf, Vec<u8>) {
    let db = sb.demo("d.sqlite");
    sb.ok(&["template", "-o", s(&sb.path("t")), "--db", s(&db)]);
    let t = std::fs::read(sb.path("t/Bromma.xlsx")).expect("template");
    (db, t)
}

fn identity(bytes: &[u8]) -> Identity {
    read_xlsx(bytes).expect("a template reads").identity
}

fn import(sb: &Sandbox, db: &std::path::Path, name: &str, bytes: &[u8]) -> support::cli::Out {
    std::fs::write(sb.path(name), bytes).expect("write");
    sb.run(&["import", s(&sb.path(name)), "--db", s(db)])
}

fn bromma_contact(db: &std::path::Path) -> String {
    let store = Store::open(db).expect("open");
    let g = current_grant(&store);
    store
        .entry(g, recipient_id(&store, "Bromma"))
        .expect("entry")
        .contact
}

#[test]
fn the_contact_person_goes_out_in_the_template_and_comes_back() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    let id = identity(&t);
    assert_eq!(TEMPLATE_VERSION, 3);
    let cell = id.contact.clone().expect("a contact cell");
    let filled = fill(&t, &[(cell.as_str(), Typed::Text("  Anna Lind "))]);
    let out = import(&sb, &db, "Bromma.xlsx", &filled);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(bromma_contact(&db), "Anna Lind");

    // The next template shows it; the JSON export carries it, and a
    // fresh database importing that export has it too.
    sb.ok(&["template", "-o", s(&sb.path("t2")), "--db", s(&db)]);
    let again = std::fs::read(sb.path("t2/Bromma.xlsx")).expect("template");
    assert_eq!(
        read_xlsx(&again).expect("reads").contact.as_deref(),
        Some("Anna Lind")
    );
    let json = sb.path("e.json");
    sb.ok(&["export", "--format", "json", "-o", s(&json), "--db", s(&db)]);
    let text = std::fs::read_to_string(&json).expect("json");
    assert!(text.contains("\"contact\": \"Anna Lind\""), "{text}");
    let fresh = sb.path("fresh.sqlite");
    sb.ok(&["import", s(&json), "--db", s(&fresh)]);
    assert_eq!(bromma_contact(&fresh), "Anna Lind");

    // The exported workbook's summary names who to ask.
    let xlsx = sb.path("all.xlsx");
    sb.ok(&["export", "--format", "xlsx", "-o", s(&xlsx), "--db", s(&db)]);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("a workbook");
    let summary = calamine::Reader::worksheet_range(&mut book, "Summary").expect("summary");
    let at = |r: u32, c: u32| summary.get_value((r, c)).map(|d| d.to_string());
    assert_eq!(at(0, 9).as_deref(), Some("Contact person"));
    let bromma = (1..summary.height() as u32)
        .find(|&r| at(r, 2).as_deref() == Some("Bromma"))
        .expect("Bromma's row");
    assert_eq!(at(bromma, 9).as_deref(), Some("Anna Lind"));

    // Emptied in the workbook: gone, and the dry run said so first.
    let emptied = fill(&again, &[(cell.as_str(), Typed::Text(""))]);
    std::fs::write(sb.path("Bromma2.xlsx"), &emptied).expect("write");
    let out = sb.ok(&[
        "import",
        "--dry-run",
        s(&sb.path("Bromma2.xlsx")),
        "--db",
        s(&db),
    ]);
    assert!(
        out.stdout
            .contains("'Bromma' contact person 'Anna Lind' → ''"),
        "{}",
        out.stdout
    );
    sb.ok(&["import", s(&sb.path("Bromma2.xlsx")), "--db", s(&db)]);
    assert_eq!(bromma_contact(&db), "");
}

#[test]
fn a_grant_and_a_recipient_renamed_after_the_template_was_written_still_import() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    {
        let mut store = Store::open(&db).expect("open");
        let g = current_grant(&store);
        let mut draft = draft_of(&store.grant(g).expect("grant"));
        draft.title = "Utvecklingsmedel VINR (omdöpt)".into();
        store.update_grant(g, &draft).expect("renamed");
        let bromma = recipient_id(&store, "Bromma");
        store
            .rename_recipient(bromma, "Bromma stadsdel", "")
            .expect("renamed");
    }
    assert_eq!(
        first_amount_imported(&sb, &db, &t, "1234.5", "Bromma stadsdel"),
        "1234.50"
    );
}

/// Types `amount` into the first focus area of `template`, imports it
/// and returns what `recipient` has there now.
fn first_amount_imported(
    sb: &Sandbox,
    db: &std::path::Path,
    template: &[u8],
    amount: &str,
    recipient: &str,
) -> String {
    let cell = identity(template).areas[0].1.clone();
    let filled = fill(template, &[(cell.as_str(), Typed::Number(amount))]);
    let out = import(sb, db, "Bromma.xlsx", &filled);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let store = Store::open(db).expect("open");
    let g = current_grant(&store);
    let entry = store
        .entry(g, recipient_id(&store, recipient))
        .expect("entry");
    entry.spending[0].amount.to_string()
}

#[test]
fn the_same_id_in_another_database_is_another_grant_and_is_refused() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    // The same data with another title, made afresh: the same ids, but
    // this grant never had the template's title.
    let json = sb.path("e.json");
    sb.ok(&["export", "--format", "json", "-o", s(&json), "--db", s(&db)]);
    let text = std::fs::read_to_string(&json)
        .expect("json")
        .replace("Utvecklingsmedel VINR 2017", "Ett annat bidrag");
    std::fs::write(&json, text).expect("write");
    let other = sb.path("other.sqlite");
    sb.ok(&["import", s(&json), "--db", s(&other)]);
    let out = import(&sb, &other, "Bromma.xlsx", &t);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("Bromma.xlsx, Report!C3: no grant 'Utvecklingsmedel VINR 2017' 2017"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_version_1_template_already_sent_out_still_imports_by_its_names() {
    let sb = Sandbox::new();
    let (db, t) = demo_and_template(&sb);
    // The identification as version 1 wrote it: no ids, no contact cell
    // (rows 8 and 9 become rows this medel does not know and skips).
    let v1 = fill_sheet(
        &t,
        "xl/worksheets/sheet2.xml",
        &[
            ("B1", Typed::Text("1")),
            ("A8", Typed::Text("unknown")),
            ("A9", Typed::Text("unknown")),
        ],
    );
    let read = read_xlsx(&v1).expect("a version 1 template reads");
    assert_eq!((read.identity.ids, read.contact), (None, None));
    assert_eq!(
        first_amount_imported(&sb, &db, &v1, "99", "Bromma"),
        "99.00"
    );
}
