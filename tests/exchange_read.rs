//! Reading import files and planning them against the demo database.

use medel::domain::money::Money;
use medel::exchange::{
    CsvStyle, Document, Input, Op, Problems, Sheet, plan_csv, plan_document, read, read_csv,
    to_json,
};
use medel::store::Store;

/// The demo database as a document: what `current` is in a real import.
fn demo() -> Document {
    let mut s = Store::open_in_memory().unwrap();
    medel::demo::write(&mut s).unwrap();
    s.dataset(None).unwrap()
}

fn messages(p: &Problems) -> String {
    p.to_string()
}

fn csv(body: &str) -> Result<Sheet, Problems> {
    read_csv(body.as_bytes())
}

const HEAD: &str = "grant;year;recipient;focus_area;allocated;amount;note\r\n";
const G: &str = "Utvecklingsmedel VINR 2017;2017";

#[test]
fn empty_files_are_refused_at_line_1() {
    for bytes in [&b""[..], b"\xEF\xBB\xBF", b"  \r\n\n"] {
        let err = read(bytes).unwrap_err();
        assert!(
            messages(&err).starts_with("line 1: the file is empty"),
            "{err}"
        );
    }
}

#[test]
fn excel_csv_is_detected_and_read() {
    let body = format!(
        "\u{feff}{HEAD}{G};Bromma;1;180 000,00;1 234,50;Kurs\r\n{G};Bromma;Barn som utsätts för våld;;0;\r\n"
    );
    let Input::Spending(sheet) = read(body.as_bytes()).unwrap() else {
        panic!("expected CSV")
    };
    assert_eq!(sheet.style, CsvStyle::ExcelSv);
    assert_eq!(sheet.grants[0].title, "Utvecklingsmedel VINR 2017");
    assert_eq!(sheet.rows.len(), 2);
    assert_eq!(sheet.rows[0].line, 2);
    assert_eq!(sheet.rows[0].allocated, Some(Money::from_kronor(180_000)));
    assert_eq!(sheet.rows[0].amount, Money::from_ore(123_450));
    assert_eq!(sheet.rows[1].allocated, None);
    let plan = plan_csv(&sheet, &demo()).unwrap();
    // Bromma's area 1 changes (amount and note); area 3 is already zero.
    assert_eq!(plan.summary().spending, 1);
    assert_eq!(plan.summary().allocations, 0);
    assert_eq!(plan.unchanged, 1);
}

#[test]
fn a_byte_order_mark_before_commas_is_read_as_commas() {
    // What English Excel writes as "CSV UTF-8".
    let body = "\u{feff}grant,year,recipient,focus_area,allocated,amount,note\r\n\
                Utvecklingsmedel VINR 2017,2017,Bromma,2,,12.50,x\r\n";
    let sheet = csv(body).unwrap();
    assert_eq!(sheet.style, CsvStyle::Plain);
    assert_eq!(sheet.rows[0].amount, Money::from_ore(1_250));
}

#[test]
fn plain_csv_is_detected() {
    let body = "grant,year,recipient,focus_area,allocated,amount,note\n\
                Utvecklingsmedel VINR 2017,2017,Bromma,2,,\"1,234.50\",x\n";
    let sheet = csv(body).unwrap();
    assert_eq!(sheet.style, CsvStyle::Plain);
    assert_eq!(sheet.rows[0].amount, Money::from_ore(123_450));
}

/// Each bad file gives one message naming the line (and column).
#[test]
fn bad_csv_files_name_line_and_column() {
    let cases = [
        (
            format!("grant;year;recipent;focus_area;allocated;amount;note\r\n{G};Bromma;1;;0;\r\n"),
            "line 1, column 3 (recipient): expected the column 'recipient', found 'recipent'",
        ),
        (
            format!("{HEAD}{G};Bromma;1;;12a;\r\n"),
            "line 2, column 6 (amount): '12a': not an amount: 'a' is not allowed",
        ),
        (
            format!("{HEAD}{G};Bromma;1;;0;\r\n{G};Bromma;2;;-500;\r\n"),
            "line 3, column 6 (amount): '-500': cannot be negative",
        ),
        (
            format!("{HEAD}{G};Bromma;1;;;\r\n"),
            "line 2, column 6 (amount): empty: write 0 for no spending",
        ),
        (
            format!("{HEAD}{G};Bromma;1;0\r\n"),
            "line 2: expected 7 columns, found 5",
        ),
        (
            format!("{HEAD}{G};Bromma;1;;1000,005;\r\n"),
            "line 2, column 6 (amount): '1000,005': more than two decimals",
        ),
        // Issue 14: the same rule as on screen, in either CSV style.
        (
            format!("{HEAD}{G};Bromma;1;;12,500;\r\n"),
            "line 2, column 6 (amount): '12,500': ambiguous: '12,500' could be thousands or decimals; write 12 500 for thousands",
        ),
        (
            "grant,year,recipient,focus_area,allocated,amount,note\nUtvecklingsmedel VINR 2017,2017,Bromma,1,,\"12,500\",\n".into(),
            "line 2, column 6 (amount): '12,500': ambiguous",
        ),
        (HEAD.to_string(), "line 2: no rows after the header"),
        (
            "grant;year;recipient;allocated;used;unused;overspent;status;reported_on\r\n".into(),
            "line 1: this is a recipients summary",
        ),
    ];
    for (body, want) in cases {
        let err = csv(&body).unwrap_err();
        assert!(
            messages(&err).starts_with(want),
            "want {want:?}, got:\n{err}"
        );
    }
}

/// Issue 14: a file of several grants is read as such, each row with its
/// grant, in the order the grants first appear.
#[test]
fn a_csv_of_several_grants_is_read_with_each_rows_grant() {
    let body = format!("{HEAD}{G};Bromma;1;;0;\r\nAnnat;2018;Bromma;1;;0;\r\n{G};Farsta;1;;0;\r\n");
    let sheet = csv(&body).unwrap();
    let titles: Vec<&str> = sheet.grants.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles, ["Utvecklingsmedel VINR 2017", "Annat"]);
    let grants: Vec<usize> = sheet.rows.iter().map(|r| r.grant).collect();
    assert_eq!(grants, [0, 1, 0]);
}

#[test]
fn bad_utf8_names_its_line_and_column() {
    // With a byte order mark the file says it is UTF-8, so a bad byte is
    // a problem of its line; without one it is read as Windows-1252.
    let mut body = format!("\u{feff}{HEAD}{G};Bromma;1;;0;ok\r\n").into_bytes();
    body.extend_from_slice(b"Utvecklingsmedel VINR 2017;2017;Bromma;2;;0;caf\xE9\r\n");
    let err = read_csv(&body).unwrap_err();
    assert!(
        messages(&err).starts_with("line 3, column 7 (note): not UTF-8 text"),
        "{err}"
    );
}

#[test]
fn lines_count_past_quoted_line_breaks_and_blank_lines() {
    let body =
        format!("{HEAD}{G};Bromma;1;;0;\"two\r\nlines\"\r\n\r\n;;;;;;\r\n{G};Bromma;2;;z;\r\n");
    let err = csv(&body).unwrap_err();
    assert!(
        messages(&err).starts_with("line 6, column 6 (amount)"),
        "{err}"
    );
    let body = body.replace("\r\n", "\n").replace(";", ",");
    let err = csv(&body).unwrap_err();
    assert!(
        messages(&err).starts_with("line 6, column 6 (amount)"),
        "{err}"
    );
}

#[test]
fn all_bad_rows_are_listed() {
    let body = format!("{HEAD}{G};Bromma;1;;x;\r\n{G};Bromma;2;;0;\r\n{G};Bromma;3;;y;\r\n");
    let err = csv(&body).unwrap_err();
    assert_eq!(err.list.len(), 2);
    assert!(messages(&err).contains("line 4, column 6"), "{err}");
}

#[test]
fn planning_against_the_database_names_the_line() {
    let current = demo();
    let cases = [
        (
            format!("{HEAD}{G};Bromma;1;;0;\r\n{G};Brома;1;;0;\r\n"),
            "line 3, column 3 (recipient): unknown recipient 'Brома'",
        ),
        (
            format!("{HEAD}{G};bromma;1;;0;\r\n"),
            "line 2, column 3 (recipient): unknown recipient 'bromma' (did you mean 'Bromma'?)",
        ),
        (
            format!(
                "{HEAD}{G};Bromma;1;;0;\r\n{G};Bromma;samordnat stöd till våldsutsatta;;5;\r\n"
            ),
            "line 3: duplicate row: 'Bromma', focus area 1 is also on line 2",
        ),
        (
            format!("{HEAD}{G};Bromma;7;;0;\r\n"),
            "line 2, column 4 (focus_area): unknown focus area '7'",
        ),
        (
            format!("{HEAD}{G};Bromma;1;100;0;\r\n{G};Bromma;2;200;0;\r\n"),
            "line 3, column 5 (allocated): 200.00 differs from 100.00 on line 2",
        ),
        (
            format!("{HEAD}Okänt;2017;Bromma;1;;0;\r\n"),
            "line 2, column 1 (grant): no grant 'Okänt' 2017 in the database",
        ),
    ];
    for (body, want) in cases {
        let sheet = csv(&body).unwrap();
        let err = plan_csv(&sheet, &current).unwrap_err();
        assert!(
            messages(&err).starts_with(want),
            "want {want:?}, got:\n{err}"
        );
    }
}

#[test]
fn a_closed_grant_takes_no_spending() {
    let mut current = demo();
    current.grants[0].state = medel::domain::model::GrantState::Reported;
    let sheet = csv(&format!("{HEAD}{G};Bromma;1;;0;\r\n")).unwrap();
    let err = plan_csv(&sheet, &current).unwrap_err();
    assert!(messages(&err).contains("reported and closed"), "{err}");
}

fn json(doc: &Document) -> Vec<u8> {
    to_json(doc).unwrap().into_bytes()
}

#[test]
fn json_problems_name_the_place() {
    let good = String::from_utf8(json(&demo())).unwrap();
    let newer = good.replacen("\"version\": 3", "\"version\": 4", 1);
    let err = read(newer.as_bytes()).unwrap_err();
    assert!(
        messages(&err).contains("newer medel (format version 4"),
        "{err}"
    );

    let other = good.replacen("\"format\": \"medel\"", "\"format\": \"x\"", 1);
    assert!(messages(&read(other.as_bytes()).unwrap_err()).contains("not a medel export"));

    let bad_amount = good.replacen("\"240000.00\"", "\"240000.005\"", 1);
    let err = read(bad_amount.as_bytes()).unwrap_err();
    let line = good[..good.find("\"240000.00\"").unwrap()].lines().count();
    assert!(
        messages(&err).starts_with(&format!("line {line}, column")),
        "{err}"
    );
    assert!(messages(&err).contains("more than two decimals"), "{err}");

    let negative = good.replacen("\"240000.00\"", "\"-240000.00\"", 1);
    let err = read(negative.as_bytes()).unwrap_err();
    assert!(
        messages(&err).contains("('Rinkeby-Kista').allocated: an allocation cannot be negative"),
        "{err}"
    );

    let unknown = good.replacen("\"giver\"", "\"donor\": 1, \"giver\"", 1);
    let err = read(unknown.as_bytes()).unwrap_err();
    assert!(messages(&err).contains("unknown field `donor`"), "{err}");

    let mut doc = demo();
    let farsta = doc.grants[0]
        .recipients
        .iter_mut()
        .find(|p| p.recipient == "Farsta")
        .unwrap();
    farsta.spending[0].focus_area = 9;
    doc.recipients.pop();
    let err = read(&json(&doc)).unwrap_err();
    let text = messages(&err);
    assert!(
        text.contains("spending[0]: the grant has no focus area 9"),
        "{text}"
    );
    assert!(
        text.contains("not in the document's list of recipients"),
        "{text}"
    );
}

#[test]
fn json_into_a_database_with_the_same_data_changes_nothing() {
    let current = demo();
    let Input::Document(file) = read(&json(&current)).unwrap() else {
        panic!("expected JSON")
    };
    let plan = plan_document(&file, &current, false).unwrap();
    assert!(plan.is_empty());
    assert_eq!(plan.unchanged, current.recipients.len() + 1);
    let into_empty = plan_document(&file, &Document::empty(), false).unwrap();
    let s = into_empty.summary();
    assert_eq!((s.recipients_added, s.grants_added), (15, 1));
    assert_eq!(
        (s.focus_areas, s.receipts, s.allocations, s.reports),
        (6, 2, 15, 15)
    );
}

#[test]
fn differences_are_refused_unless_replace() {
    let current = demo();
    let mut file = current.clone();
    let bromma = file.grants[0]
        .recipients
        .iter_mut()
        .find(|p| p.recipient == "Bromma")
        .unwrap();
    bromma.allocated = Some(Money::from_kronor(150_000));
    file.recipients[0].formal_name = "Ny".into();
    file.grants[0]
        .recipients
        .retain(|p| p.recipient != "Farsta");

    let err = plan_document(&file, &current, false).unwrap_err();
    let text = messages(&err);
    assert!(
        text.contains("already in the database with other values"),
        "{text}"
    );
    assert!(
        text.contains("'Bromma' allocation SEK 180,000 → SEK 150,000"),
        "{text}"
    );
    assert!(text.contains("--replace"), "{text}");
    assert_eq!(err.list.len(), 2, "one recipient, one grant: {text}");

    let plan = plan_document(&file, &current, true).unwrap();
    let s = plan.summary();
    assert_eq!(s.recipients_changed, 1);
    // Bromma's allocation; Farsta's allocation and report removed, its two
    // spending values with them.
    assert_eq!((s.allocations, s.reports, s.spending), (2, 1, 2));
    assert!(plan.ops.iter().any(|op| matches!(
        op,
        Op::SetAllocation { recipient, new: None, .. } if recipient == "Farsta"
    )));
}
