//! The Word report read back: its parts unzipped, the paragraphs of
//! word/document.xml with their styles, the tables and their totals, every
//! figure of the source case, in both languages; and LibreOffice's PDF of
//! it, when LibreOffice is installed.

mod support;

use std::io::Read;

use medel::domain::Lang;
use medel::i18n::report::words;
use medel::report::render_docx;
use support::case::case_2017;

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip file");
    let mut file = zip.by_name(name).expect("the part is there");
    let mut s = String::new();
    file.read_to_string(&mut s).expect("UTF-8 XML");
    s
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every `<w:t>` text inside `xml`, joined; no-break spaces as spaces.
fn texts(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<w:t") {
        rest = &rest[at + 4..];
        // `<w:t>` or `<w:t xml:space=…>`, not `<w:tbl`, `<w:tc`…
        if !(rest.starts_with('>') || rest.starts_with(' ')) {
            continue;
        }
        let Some(open) = rest.find('>') else { break };
        if rest[..open].ends_with('/') {
            continue;
        }
        let Some(close) = rest.find("</w:t>") else {
            break;
        };
        out.push_str(&unescape(&rest[open + 1..close]));
        rest = &rest[close..];
    }
    out.replace('\u{a0}', " ")
}

/// Each element `tag` (`w:p`, `w:tbl`, `w:tr`) as its XML.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let Some(end) = rest[at..].find(&close) else {
            break;
        };
        out.push(&rest[at..at + end + close.len()]);
        rest = &rest[at + end + close.len()..];
    }
    out
}

/// The text of every paragraph with the style `style`, in order.
fn styled(xml: &str, style: &str) -> Vec<String> {
    let mark = format!("<w:pStyle w:val=\"{style}\" />");
    elements(xml, "w:p")
        .into_iter()
        .filter(|p| p.contains(&mark))
        .map(texts)
        .collect()
}

fn document(lang: Lang) -> (Vec<u8>, String) {
    let docx = render_docx(&case_2017(), words(lang)).expect("written");
    let xml = part(&docx, "word/document.xml");
    (docx, xml)
}

#[test]
fn headings_are_word_headings_in_reading_order() {
    let (docx, xml) = document(Lang::Sv);
    assert_eq!(
        styled(&xml, "Title"),
        ["Redovisning: Utvecklingsmedel VINR 2017"]
    );
    assert_eq!(
        styled(&xml, "Heading1"),
        [
            "Sammanfattning",
            "Bakgrund",
            "Ärendet",
            "Mottagare i siffror",
            "Användning per fokusområde",
            "Medel som inte har använts",
            "Skäl till att medel inte har använts",
            "Utvärdering",
            "Att uppmärksamma",
            "Förslag till beslut",
        ]
    );
    let areas = styled(&xml, "Heading2");
    assert_eq!(areas.len(), 6, "{areas:?}");
    assert_eq!(areas[0], "1. Samordnat stöd till våldsutsatta");
    // Real styles with outline levels, so the navigation pane finds them.
    let styles = part(&docx, "word/styles.xml");
    for (id, level) in [("Heading1", 0), ("Heading2", 1)] {
        let style = styles
            .split("<w:style ")
            .find(|s| s.contains(&format!("w:styleId=\"{id}\"")))
            .unwrap_or_else(|| panic!("{id} defined in:\n{styles}"));
        assert!(
            style.contains(&format!("<w:outlineLvl w:val=\"{level}\" />")),
            "{style}"
        );
    }
    assert_eq!(
        styled(&xml, "Heading1"),
        styled(&document(Lang::Sv).1, "Heading1"),
        "the same data gives the same document"
    );
    assert_eq!(docx, document(Lang::Sv).0, "byte for byte");
}

#[track_caller]
fn says_all(text: &str, phrases: &[&str]) {
    for phrase in phrases {
        assert!(text.contains(phrase), "{phrase:?} missing in:\n{text}");
    }
}

/// The paragraphs between the Heading 1 `heading` and the next one.
fn section_text(xml: &str, heading: &str) -> String {
    let heading1 = "<w:pStyle w:val=\"Heading1\" />";
    let paragraphs = elements(xml, "w:p");
    let start = paragraphs
        .iter()
        .position(|p| p.contains(heading1) && texts(p) == heading)
        .unwrap_or_else(|| panic!("{heading} is a heading"));
    paragraphs[start + 1..]
        .iter()
        .take_while(|p| !p.contains(heading1))
        .map(|p| texts(p))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The source's "Bakgrund" and "Ärendet": the grant, its giver, its areas
/// and rules; what came in (the summer's redistribution named), what was
/// handed on, used and goes back.
#[test]
fn background_and_the_case_as_the_source_has_them() {
    let (_, sv) = document(Lang::Sv);
    let background = section_text(&sv, "Bakgrund");
    says_all(
        &background,
        &[
            "Utvecklingsmedel VINR 2017 är ett bidrag från Socialstyrelsen för år 2017.",
            "Medlen är avsedda för sex fokusområden:",
            "Samordnat stöd till våldsutsatta",
            "Prostitution och människohandel",
            "från och med 1 januari 2017 till och med 31 december 2017",
            "senast 31 mars 2018",
        ],
    );
    let case = section_text(&sv, "Ärendet");
    says_all(
        &case,
        &[
            "sammanlagt 2 945 873 kronor från Socialstyrelsen vid två tillfällen",
            "2 922 920 kronor genom rekvisition den 15 mars 2017",
            "22 953 kronor genom omfördelning den 10 juli 2017",
            "Av detta har 2 922 920 kronor fördelats till 15 mottagare.",
            "motsvarande omfördelningen den 10 juli 2017, har inte fördelats",
            "Mottagarna har använt 2 368 405 kronor.",
            "577 468 kronor, ska betalas tillbaka till Socialstyrelsen.",
            "de 554 515 kronor som mottagarna inte använde",
        ],
    );
    let (_, en) = document(Lang::En);
    assert_eq!(&styled(&en, "Heading1")[1..3], ["Background", "The case"]);
    let case = section_text(&en, "The case");
    says_all(
        &case,
        &[
            "SEK 22,953 through redistribution on 10 July 2017",
            "matching the redistribution of 10 July 2017, was not allocated",
            "What was not used, SEK 577,468, is to be paid back to Socialstyrelsen.",
        ],
    );
    assert!(section_text(&en, "Background").contains("The money is meant for six focus areas:"));
}

#[test]
fn the_recipients_table_has_right_aligned_amounts_and_its_totals() {
    let (_, xml) = document(Lang::Sv);
    let tables = elements(&xml, "w:tbl");
    // The facts, one per focus area, the recipients.
    assert_eq!(tables.len(), 1 + 6 + 1);
    let recipients = tables
        .iter()
        .find(|t| texts(t).contains("Överskridet"))
        .expect("the recipients table");
    let rows = elements(recipients, "w:tr");
    assert_eq!(rows.len(), 1 + 15 + 1, "header, recipients, total");
    let cells =
        |row: &str| -> Vec<String> { elements(row, "w:tc").into_iter().map(texts).collect() };
    assert_eq!(
        cells(rows[0]),
        [
            "Mottagare",
            "Fördelat",
            "Använt",
            "Oanvänt",
            "Överskridet",
            "Status"
        ]
    );
    assert_eq!(
        cells(rows[1]),
        ["Bromma", "180 000", "0", "180 000", "0", "oanvänt"]
    );
    assert_eq!(
        cells(rows[16]),
        ["Summa", "2 922 920", "2 368 405", "554 515", "0", ""]
    );
    // Amounts to the right, names to the left.
    let bromma = elements(rows[1], "w:tc");
    assert!(
        bromma[1].contains("<w:jc w:val=\"right\" />"),
        "{}",
        bromma[1]
    );
    assert!(!bromma[0].contains("<w:jc w:val=\"right\" />"));
    // A focus area's table ends in its total.
    let first_area = tables
        .iter()
        .find(|t| texts(t).contains("Belopp"))
        .expect("an area's table");
    let last = elements(first_area, "w:tr").pop().expect("rows");
    assert_eq!(cells(last), ["Summa", "795 920"]);
}

#[test]
fn every_figure_of_the_source_case_in_both_languages() {
    let (_, sv) = document(Lang::Sv);
    let sv = texts(&sv);
    says_all(
        &sv,
        &[
            "2 945 873 kronor",
            "2 922 920 kronor",
            "22 953 kronor",
            "2 368 405 kronor",
            "577 468 kronor",
            "554 515 kronor",
        ],
    );
    let (docx, en) = document(Lang::En);
    let en_text = texts(&en);
    says_all(
        &en_text,
        &[
            "SEK 2,945,873",
            "SEK 2,922,920",
            "SEK 22,953",
            "SEK 2,368,405",
            "SEK 577,468",
        ],
    );
    assert_eq!(styled(&en, "Heading1")[0], "Summary");
    // The footer numbers the pages; the page is A4.
    let footer = part(&docx, "word/footer1.xml");
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "{footer}"
    );
    assert!(texts(&footer).starts_with("Page "), "{footer}");
    assert!(en.contains("w:w=\"11906\"") && en.contains("w:h=\"16838\""));
}

#[test]
fn unknown_facts_are_labelled_blanks() {
    let (_, xml) = document(Lang::Sv);
    let facts = elements(&xml, "w:tbl")[0];
    let rows: Vec<Vec<String>> = elements(facts, "w:tr")
        .into_iter()
        .map(|r| elements(r, "w:tc").into_iter().map(texts).collect())
        .collect();
    for label in [
        "Diarienummer",
        "Bidragsgivarens diarienummer",
        "Nämnd",
        "Handläggare",
    ] {
        assert!(
            rows.contains(&vec![label.to_string(), String::new()]),
            "{label} blank in {rows:?}"
        );
    }
    assert!(rows.contains(&vec![
        "Bidragsgivare".to_string(),
        "Socialstyrelsen".to_string()
    ]));
    assert!(rows.contains(&vec!["Sammanställd".to_string(), "1 mars 2018".to_string()]));
}

#[test]
fn medel_report_writes_the_word_file() {
    let sb = support::cli::Sandbox::new();
    let db = sb.demo("demo.sqlite");
    let file = sb.path("Redovisning.docx");
    sb.ok(&[
        "report",
        "--db",
        support::cli::s(&db),
        "--today",
        support::TODAY,
        "--lang",
        "sv",
        "--format",
        "docx",
        "-o",
        support::cli::s(&file),
    ]);
    let bytes = std::fs::read(&file).expect("written");
    assert_eq!(
        bytes,
        render_docx(&case_2017(), words(Lang::Sv)).expect("written")
    );
}

/// LibreOffice opens the file and every figure survives into the PDF.
#[test]
fn libreoffice_converts_it_to_pdf_with_the_figures() {
    let pdftotext = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success());
    let Some(soffice) = support::office::soffice().filter(|_| pdftotext) else {
        println!("skipped: soffice or pdftotext is not installed");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let docx = dir.path().join("r.docx");
    std::fs::write(
        &docx,
        render_docx(&case_2017(), words(Lang::Sv)).expect("written"),
    )
    .expect("written");
    let pdf = support::office::convert(soffice, &docx, "pdf", dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout).replace('\u{a0}', " ");
    for figure in [
        "2 945 873",
        "2 922 920",
        "22 953",
        "2 368 405",
        "577 468",
        "554 515",
    ] {
        assert!(
            text.contains(figure),
            "{figure} missing in the PDF:\n{text}"
        );
    }
    assert!(text.contains("Sida 1 av"), "page numbers in the footer");
}

/// A note typed on two lines is two paragraphs in Word too.
#[test]
fn a_note_keeps_its_paragraphs() {
    let mut data = case_2017();
    let farsta = support::case::index_of(&data, "Farsta");
    data.recipients[farsta].spending[0].note = "Första stycket\nandra stycket".into();
    let docx = render_docx(&data, words(Lang::Sv)).expect("written");
    let items = styled(&part(&docx, "word/document.xml"), "ListParagraph");
    let at = items
        .iter()
        .position(|p| p.ends_with("Första stycket."))
        .unwrap_or_else(|| panic!("the first paragraph in {items:?}"));
    assert!(items[at].starts_with("–Farsta, "), "{}", items[at]);
    assert_eq!(items[at + 1], "Andra stycket.");
}

/// A contact person is named in Word with the words its recipient gave.
#[test]
fn a_contact_person_is_named_in_word() {
    let docx = render_docx(&support::case::with_contacts(), words(Lang::Sv)).expect("written");
    let items = styled(&part(&docx, "word/document.xml"), "ListParagraph");
    let named: Vec<&String> = items
        .iter()
        .filter(|p| p.contains("Kontaktperson"))
        .collect();
    assert_eq!(named.len(), 2, "{items:?}");
    assert!(
        named[0].starts_with("–Bromma: Inget utrymme"),
        "{}",
        named[0]
    );
    assert!(
        named[0].ends_with("(Kontaktperson: Anna Berg)"),
        "{}",
        named[0]
    );
    assert!(
        named[1].ends_with("(Kontaktperson: Per Ek)"),
        "{}",
        named[1]
    );
}

/// A move between recipients and a part paid back reach Word as their own
/// headed sections with their tables, and the case says what is left; a
/// reference set fills its fact.
#[test]
fn moves_and_repayments_in_the_word_file() {
    let mut data = support::case::moved_and_repaid();
    data.money_back.references.own_reference = "SOF 2017/0042".into();
    let docx = render_docx(&data, words(Lang::Sv)).expect("written");
    let xml = part(&docx, "word/document.xml");
    // A reference that is set fills its blank in the facts.
    let facts: Vec<Vec<String>> = elements(elements(&xml, "w:tbl")[0], "w:tr")
        .into_iter()
        .map(|r| elements(r, "w:tc").into_iter().map(texts).collect())
        .collect();
    assert_eq!(facts[0], ["Diarienummer", "SOF 2017/0042"]);
    assert_eq!(facts[1], ["Bidragsgivarens diarienummer", ""]);
    let headings = styled(&xml, "Heading1");
    for heading in ["Omfördelningar mellan mottagare", "Återbetalning"] {
        assert!(headings.iter().any(|h| h == heading), "{headings:?}");
    }
    says_all(
        &section_text(&xml, "Omfördelningar mellan mottagare"),
        &[
            "Från en mottagare till en annan har 30 000 kronor flyttats:",
            "SDN 2017/114",
            "efter omfördelningen",
        ],
    );
    says_all(
        &section_text(&xml, "Återbetalning"),
        &[
            "har 500 000 kronor betalats; 77 468 kronor återstår.",
            "OCR 4471",
        ],
    );
    says_all(
        &section_text(&xml, "Ärendet"),
        &["Av det har 500 000 kronor betalats, och 77 468 kronor återstår."],
    );
    says_all(
        &section_text(&xml, "Förslag till beslut"),
        &["varav 500 000 kronor redan har betalats."],
    );
}

/// A character XML cannot hold (a bell, an escape, a vertical tab pasted
/// from Word) in a recipient's words must not make the whole document
/// unreadable: it is written as the replacement character, or a space.
#[test]
fn a_control_character_in_a_note_leaves_the_document_readable() {
    let mut data = case_2017();
    let farsta = support::case::index_of(&data, "Farsta");
    data.recipients[farsta].spending[0].note = "Ett\u{b}två\u{7}tre\u{1b}[31m".into();
    let docx = render_docx(&data, words(Lang::Sv)).expect("written");
    for name in ["word/document.xml", "word/styles.xml", "word/footer1.xml"] {
        let xml = part(&docx, name);
        let bad: Vec<char> = xml
            .chars()
            .filter(|&c| c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        assert!(bad.is_empty(), "{name}: {bad:?}");
    }
    let items = styled(&part(&docx, "word/document.xml"), "ListParagraph");
    assert!(
        items
            .iter()
            .any(|p| p.contains("Ett två\u{fffd}tre\u{fffd}[31m")),
        "{items:?}"
    );
}

/// The names' column is as wide as the longest name asks, so no
/// district's name breaks while the amounts have room; the grid fills the
/// text width; and a table stays on one page: every row keeps with the
/// next but the last, so a total never stands alone on a page.
#[test]
fn columns_fit_their_contents_and_a_table_keeps_together() {
    let (_, xml) = document(Lang::Sv);
    let recipients = elements(&xml, "w:tbl")
        .into_iter()
        .find(|t| texts(t).contains("Överskridet"))
        .expect("the recipients table");
    let grid: Vec<usize> = recipients
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|s| s[..s.find('"').expect("quote")].parse().expect("twips"))
        .collect();
    assert_eq!(grid.len(), 6, "{grid:?}");
    assert!(grid[1..].iter().all(|&w| grid[0] > w), "{grid:?}");
    // A4 less 2 × 2,5 cm, give or take the rounding of each share.
    let total: usize = grid.iter().sum();
    assert!((9_064..=9_070).contains(&total), "{total}");
    // "Hägersten-Liljeholmen" at 10 pt needs about 3,8 cm = 2 150 twips.
    assert!(grid[0] >= 2_150, "{grid:?}");
    let rows = elements(recipients, "w:tr");
    let (last, others) = rows.split_last().expect("rows");
    for row in others {
        assert!(row.contains("<w:keepNext />"), "{row}");
    }
    assert!(!last.contains("<w:keepNext"), "{last}");
}
