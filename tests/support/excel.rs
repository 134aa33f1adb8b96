//! A filled template as Microsoft Excel writes it when the district saves.
//!
//! Excel cannot run here, so this rewrites a workbook the way Excel's own
//! writer does; each habit is a step below, with where it was seen in
//! files Excel wrote:
//!
//! - a number is written with 17 significant digits (`1234.1` typed is
//!   `1234.0999999999999`, `19.99` is `19.989999999999998`), small ones
//!   as `7.9600000000000004E-2` or `2E-3` (Microsoft Q&A "Excel XML
//!   worksheet export has unprecise numbers"; stackoverflow 5859496;
//!   SheetJS/sheetjs#2403; troldal/OpenXLSX#46);
//! - what was typed becomes a value as on entry: digits a number even in
//!   a text cell, `2018-02-28` a date serial with a date format (the
//!   cell's own, or the built-in short date, numFmtId 14);
//! - every string goes to `sharedStrings.xml` as `<c t="s">`, none inline;
//!   a cell with one word bolded is rich text, runs with Excel's full
//!   `<rPr>` (stephen-hardy/xlsx.js#9, an Excel file's `<si><r>…`); a
//!   carriage return is `_x000D_` and a literal `_x…_` gets `_x005F_`
//!   (jmcnamara/libxlsxwriter#156 and exceljs/exceljs#584, both from files
//!   Excel saved);
//! - the worksheet root with `mc:Ignorable="x14ac xr xr2 xr3"` and
//!   `xr:uid`, rows with `x14ac:dyDescent` (ClosedXML/ClosedXML#2614, an
//!   Excel-saved sheet1.xml), `xr:uid` on data validations;
//! - formulas kept, their cached values recalculated; a `calcChain.xml`;
//! - the workbook part rewritten (`fileVersion appName="xl"`,
//!   `xr:revisionPtr`, `calcPr` without `fullCalcOnLoad`), relationship
//!   ids renumbered and the sheet parts not where they were, so only the
//!   relationships tell which is which; `docProps` rewritten; the zip in
//!   Excel's order of parts;
//! - optionally Strict Open XML (see `Saving::strict`);
//! - optionally the 1904 date system, `<workbookPr date1904="1"/>`, with
//!   every date's serial counted from 1904-01-01 (xlsx-populate#200,
//!   abap2xlsx#394).

use std::collections::{BTreeMap, BTreeSet};

use super::xlsx::{escape, rezip, unzip};

/// How the district's Excel is set up.
#[derive(Clone, Copy, Default)]
pub struct Saving {
    /// The 1904 date system, as in a workbook from Excel for Mac.
    pub date1904: bool,
    /// The date cell given Excel's built-in short date (numFmtId 14), as
    /// after picking "Short Date" from the number format menu.
    pub short_date: bool,
    /// Saved as "Strict Open XML Spreadsheet": the ISO/IEC 29500 strict
    /// namespaces (`http://purl.oclc.org/ooxml/…`), `conformance="strict"`,
    /// and dates as ISO 8601 text in `t="d"` cells rather than serials
    /// (exceljs/exceljs#2695, from a file Excel saved so).
    pub strict: bool,
}

/// The workbook as Excel for Windows saves it.
pub fn as_excel_saves(bytes: &[u8]) -> Vec<u8> {
    as_excel_saves_with(bytes, Saving::default())
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET_ROOT: &str = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3""#;
/// The run properties Excel writes for a bold word in Calibri 11.
const BOLD_RUN: &str = r#"<rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr>"#;

struct Sheet {
    name: String,
    sheet_id: String,
    state: String,
    path: String,
}

pub fn as_excel_saves_with(bytes: &[u8], how: Saving) -> Vec<u8> {
    let parts: BTreeMap<String, Vec<u8>> = unzip(bytes).into_iter().collect();
    let text = |name: &str| {
        String::from_utf8(parts.get(name).unwrap_or_else(|| panic!("{name}")).clone())
            .expect("utf-8")
    };
    let workbook = text("xl/workbook.xml");
    let sheets = sheets(&workbook, &text("xl/_rels/workbook.xml.rels"));
    let old_strings = items(&text("xl/sharedStrings.xml"), "si");
    let mut styles = text("xl/styles.xml");
    let mut dates = date_styles(&styles);
    if how.short_date {
        styles = short_dates(&styles);
    }
    let plain_date = add_short_date_xf(&mut styles);
    dates.insert(plain_date);
    let mut book = Book {
        strings: Vec::new(),
        dates,
        plain_date,
        how,
    };

    let mut written = Vec::new();
    let mut chain = String::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let (xml, formulas) = book.sheet(&text(&sheet.path), &old_strings);
        for (k, cell) in formulas.iter().enumerate() {
            let first = if k == 0 {
                format!(r#" i="{}""#, i + 1)
            } else {
                String::new()
            };
            chain.push_str(&format!(r#"<c r="{cell}"{first}/>"#));
        }
        written.push(xml);
    }

    let n = sheets.len();
    // Sheet k is the k-th relationship but another part than before.
    let part = |k: usize| format!("worksheets/sheet{}.xml", n - k);
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut put = |name: String, body: String| out.push((name, body.into_bytes()));
    put("[Content_Types].xml".into(), content_types(n));
    put("_rels/.rels".into(), text("_rels/.rels"));
    put(
        "xl/workbook.xml".into(),
        workbook_xml(&workbook, &sheets, how.date1904),
    );
    put("xl/_rels/workbook.xml.rels".into(), workbook_rels(n, &part));
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&k| n - k);
    for k in order {
        put(format!("xl/{}", part(k)), written[k].clone());
    }
    put("xl/theme/theme1.xml".into(), text("xl/theme/theme1.xml"));
    put("xl/styles.xml".into(), excel_styles(&styles));
    put("xl/sharedStrings.xml".into(), book.shared_strings());
    put(
        "xl/calcChain.xml".into(),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<calcChain xmlns="{MAIN}">{chain}</calcChain>"#
        ),
    );
    put("docProps/core.xml".into(), core(&text("docProps/core.xml")));
    put("docProps/app.xml".into(), app(&sheets));
    if how.strict {
        out = strict(out);
    }
    rezip(&out, zip::CompressionMethod::Deflated)
}

/// The value of attribute `name` in the tag `tag`.
fn attr(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

/// Every `<tag …>…</tag>` or `<tag …/>` element in `xml`, whole.
fn elements(xml: &str, tag: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = xml;
    let open = format!("<{tag}");
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        if !after.starts_with([' ', '>', '/']) {
            rest = after;
            continue;
        }
        let head = start + rest[start..].find('>').expect("tag end");
        let end = if rest.as_bytes()[head - 1] == b'/' {
            head + 1
        } else {
            let close = format!("</{tag}>");
            start + rest[start..].find(&close).expect("close") + close.len()
        };
        found.push(rest[start..end].to_string());
        rest = &rest[end..];
    }
    found
}

/// The inner XML of every `<tag>` element.
fn items(xml: &str, tag: &str) -> Vec<String> {
    elements(xml, tag)
        .into_iter()
        .map(|e| inner(&e).to_string())
        .collect()
}

fn inner(element: &str) -> &str {
    if element.ends_with("/>") {
        return "";
    }
    let start = element.find('>').expect("tag end") + 1;
    let end = element.rfind("</").expect("close");
    &element[start..end]
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn sheets(workbook: &str, rels: &str) -> Vec<Sheet> {
    let targets: BTreeMap<String, String> = elements(rels, "Relationship")
        .iter()
        .map(|r| {
            (
                attr(r, "Id").expect("Id"),
                attr(r, "Target").expect("Target"),
            )
        })
        .collect();
    elements(workbook, "sheet")
        .iter()
        .map(|s| Sheet {
            name: attr(s, "name").expect("name"),
            sheet_id: attr(s, "sheetId").expect("sheetId"),
            state: attr(s, "state").map_or(String::new(), |v| format!(r#" state="{v}""#)),
            path: format!("xl/{}", targets[&attr(s, "r:id").expect("r:id")]),
        })
        .collect()
}

/// The number formats that show dates, and so the `cellXfs` that do.
fn date_styles(styles: &str) -> BTreeSet<usize> {
    let custom: BTreeSet<String> = elements(styles, "numFmt")
        .iter()
        .filter(|f| {
            let code = unescape(&attr(f, "formatCode").unwrap_or_default());
            let unquoted: String = code.split('"').step_by(2).collect();
            unquoted.to_lowercase().contains(['y', 'd'])
        })
        .filter_map(|f| attr(f, "numFmtId"))
        .collect();
    cell_xfs(styles)
        .iter()
        .enumerate()
        .filter(|(_, xf)| {
            let id = attr(xf, "numFmtId").unwrap_or_default();
            let builtin = id.parse::<u32>().is_ok_and(|n| (14..=22).contains(&n));
            builtin || custom.contains(&id)
        })
        .map(|(i, _)| i)
        .collect()
}

fn cell_xfs(styles: &str) -> Vec<String> {
    let start = styles.find("<cellXfs").expect("cellXfs");
    let end = styles.find("</cellXfs>").expect("cellXfs end");
    elements(&styles[start..end], "xf")
}

/// Every custom date format replaced by the built-in short date.
fn short_dates(styles: &str) -> String {
    let mut out = styles.to_string();
    for f in elements(styles, "numFmt") {
        let code = unescape(&attr(&f, "formatCode").unwrap_or_default());
        if code.contains('y') {
            let id = attr(&f, "numFmtId").expect("id");
            out = out.replace(&format!(r#"<xf numFmtId="{id}""#), r#"<xf numFmtId="14""#);
        }
    }
    out
}

/// The style Excel gives a cell without one when a date is typed in it.
fn add_short_date_xf(styles: &mut String) -> usize {
    let n = cell_xfs(styles).len();
    let xf =
        r#"<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#;
    *styles = styles
        .replace(
            &format!(r#"<cellXfs count="{n}">"#),
            &format!(r#"<cellXfs count="{}">"#, n + 1),
        )
        .replace("</cellXfs>", &format!("{xf}</cellXfs>"));
    n
}

fn excel_styles(styles: &str) -> String {
    styles
        .replacen(
            &format!(r#"<styleSheet xmlns="{MAIN}">"#),
            &format!(
                r#"<styleSheet xmlns="{MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">"#
            ),
            1,
        )
        .replacen("<fonts count=", r#"<fonts x14ac:knownFonts="1" count="#, 1)
}

/// A number as Excel writes it: integers as they are, others with 17
/// significant digits, and below 0.1 in E notation.
pub fn excel_number(f: f64) -> String {
    if f == f.trunc() && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    let sci = format!("{:.16e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("exponent");
    let sign = if f < 0.0 { "-" } else { "" };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    if exp < -1 {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        return format!("{sign}{first}{dot}{rest}E{exp}");
    }
    if exp < 0 {
        return format!("{sign}0.{digits}");
    }
    let whole = exp as usize + 1;
    let padded = format!("{digits:0<whole$}");
    let (int, frac) = padded.split_at(whole);
    let dot = if frac.is_empty() { "" } else { "." };
    format!("{sign}{int}{dot}{frac}")
}

/// Days since Excel's day 0 of the chosen system.
fn serial(date: &str, date1904: bool) -> Option<f64> {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let epoch = if date1904 {
        (1904, 1, 1)
    } else {
        (1899, 12, 30)
    };
    let epoch = chrono::NaiveDate::from_ymd_opt(epoch.0, epoch.1, epoch.2)?;
    Some((day - epoch).num_days() as f64)
}

/// What typing a text makes of it in Excel, in a cell of any format.
fn is_number(s: &str) -> bool {
    let s = s.trim().strip_prefix('-').unwrap_or(s.trim());
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
}

fn is_date(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// A string as Excel puts it in a `<t>`: XML escapes, `_xHHHH_` for a
/// carriage return and other controls, `_x005F_` before a literal one.
fn excel_text(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let escape_like = tail.len() >= 5
            && tail.as_bytes()[4] == b'_'
            && tail[..4].bytes().all(|b| b.is_ascii_hexdigit());
        out.push_str(if escape_like { "_x005F_x" } else { "_x" });
        rest = tail;
    }
    out.push_str(rest);
    let out: String = out
        .chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            c if c.is_control() => format!("_x{:04X}_", c as u32),
            c => c.to_string(),
        })
        .collect();
    escape(&out)
}

fn t_element(s: &str) -> String {
    let preserve = s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace);
    let space = if preserve {
        r#" xml:space="preserve""#
    } else {
        ""
    };
    format!("<t{space}>{}</t>", excel_text(s))
}

enum Value {
    Number(f64),
    Text(String),
}

struct Book {
    /// The shared strings as they are written, each `<si>`'s inner XML.
    strings: Vec<String>,
    dates: BTreeSet<usize>,
    plain_date: usize,
    how: Saving,
}

impl Book {
    fn share(&mut self, si: String) -> usize {
        match self.strings.iter().position(|s| *s == si) {
            Some(i) => i,
            None => {
                self.strings.push(si);
                self.strings.len() - 1
            }
        }
    }

    fn shared_strings(&self) -> String {
        let items: String = self
            .strings
            .iter()
            .map(|s| format!("<si>{s}</si>"))
            .collect();
        let n = self.strings.len();
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{MAIN}" count="{n}" uniqueCount="{n}">{items}</sst>"#
        )
    }

    /// The sheet as Excel writes it, and its formula cells in order.
    fn sheet(&mut self, xml: &str, old_strings: &[String]) -> (String, Vec<String>) {
        let mut values: BTreeMap<String, Value> = BTreeMap::new();
        let mut formulas = Vec::new();
        let mut out = String::new();
        let mut rest = xml;
        while let Some(start) = rest.find("<c r=\"") {
            out.push_str(&rest[..start]);
            let cell = &elements(&rest[start..], "c")[0];
            out.push_str(&self.cell(cell, old_strings, &mut values, &mut formulas));
            rest = &rest[start + cell.len()..];
        }
        out.push_str(rest);
        let root = out.find("<worksheet").expect("root");
        let root_end = root + out[root..].find('>').expect("root end");
        out.replace_range(
            root..root_end,
            &format!(r#"{SHEET_ROOT} xr:uid="{{D8190CE9-82ED-4879-AE58-89B2A8446850}}""#),
        );
        let out = out
            .replace(
                "<sheetFormatPr ",
                r#"<sheetFormatPr x14ac:dyDescent="0.25" "#,
            )
            .replace(
                "<dataValidation ",
                r#"<dataValidation xr:uid="{5E6C3B7A-0C1D-4F2B-9A34-6E1C2D7F8A90}" "#,
            );
        (rows_with_descent(&out), formulas)
    }

    fn cell(
        &mut self,
        cell: &str,
        old_strings: &[String],
        values: &mut BTreeMap<String, Value>,
        formulas: &mut Vec<String>,
    ) -> String {
        let head = &cell[..cell.find('>').expect("tag end")];
        let r = attr(head, "r").expect("r");
        let style: Option<usize> = attr(head, "s").and_then(|s| s.parse().ok());
        let kind = attr(head, "t").unwrap_or_default();
        let body = inner(cell);
        let s_attr = |s: Option<usize>| s.map_or(String::new(), |s| format!(r#" s="{s}""#));
        let part = |tag: &str| elements(body, tag).first().map(|e| inner(e).to_string());

        if let Some(f) = part("f") {
            formulas.push(r.clone());
            let computed = eval(&unescape(&f), values);
            let (t, v) = match &computed {
                Some(Value::Number(n)) => (String::new(), excel_number(*n)),
                Some(Value::Text(s)) => (r#" t="str""#.to_string(), excel_text(s)),
                None => (String::new(), part("v").unwrap_or_default()),
            };
            if let Some(value) = computed {
                values.insert(r.clone(), value);
            }
            return format!(r#"<c r="{r}"{}{t}><f>{f}</f><v>{v}</v></c>"#, s_attr(style));
        }
        let shared = |book: &mut Book, si: String, values: &mut BTreeMap<String, Value>| {
            values.insert(r.clone(), Value::Text(si.clone()));
            let i = book.share(si);
            format!(r#"<c r="{r}"{} t="s"><v>{i}</v></c>"#, s_attr(style))
        };
        match kind.as_str() {
            "s" => {
                let i: usize = part("v").and_then(|v| v.parse().ok()).expect("index");
                shared(self, old_strings[i].clone(), values)
            }
            "inlineStr" => {
                let is = part("is").unwrap_or_default();
                if is.contains("<r>") {
                    return shared(self, rich(&is), values);
                }
                let typed = unescape(&part("t").unwrap_or_default());
                if typed.trim().is_empty() {
                    return style.map_or(String::new(), |s| format!(r#"<c r="{r}" s="{s}"/>"#));
                }
                if is_date(&typed) {
                    let n = serial(typed.trim(), self.how.date1904).expect("a date");
                    let s = style.filter(|s| self.dates.contains(s));
                    let s = s.unwrap_or(self.plain_date);
                    values.insert(r.clone(), Value::Number(n));
                    return self.date_cell(&r, s, n);
                }
                if is_number(&typed) {
                    let n: f64 = typed.trim().parse().expect("number");
                    values.insert(r.clone(), Value::Number(n));
                    return format!(
                        r#"<c r="{r}"{}><v>{}</v></c>"#,
                        s_attr(style),
                        excel_number(n)
                    );
                }
                shared(self, t_element(&typed), values)
            }
            "" => match part("v") {
                Some(v) => {
                    let mut n: f64 = v.parse().expect("number");
                    if self.how.date1904 && style.is_some_and(|s| self.dates.contains(&s)) {
                        n -= 1462.0;
                    }
                    values.insert(r.clone(), Value::Number(n));
                    format!(
                        r#"<c r="{r}"{}><v>{}</v></c>"#,
                        s_attr(style),
                        excel_number(n)
                    )
                }
                None => cell.to_string(),
            },
            _ => cell.to_string(),
        }
    }
}

impl Book {
    /// A date: its serial, or in a strict workbook its ISO 8601 text.
    fn date_cell(&self, r: &str, style: usize, serial: f64) -> String {
        if !self.how.strict {
            return format!(
                r#"<c r="{r}" s="{style}"><v>{}</v></c>"#,
                excel_number(serial)
            );
        }
        let (y, m, d) = if self.how.date1904 {
            (1904, 1, 1)
        } else {
            (1899, 12, 30)
        };
        let epoch = chrono::NaiveDate::from_ymd_opt(y, m, d).expect("epoch");
        let day = epoch + chrono::Days::new(serial as u64);
        format!(r#"<c r="{r}" s="{style}" t="d"><v>{day}T00:00:00</v></c>"#)
    }
}

/// The strict namespaces in place of the transitional ones, in every part.
fn strict(parts: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    let swaps = [
        (
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "http://purl.oclc.org/ooxml/spreadsheetml/main",
        ),
        (
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "http://purl.oclc.org/ooxml/officeDocument/relationships",
        ),
        (
            "http://schemas.openxmlformats.org/drawingml/2006/main",
            "http://purl.oclc.org/ooxml/drawingml/main",
        ),
        (
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
        ),
    ];
    parts
        .into_iter()
        .map(|(name, body)| {
            let mut text = String::from_utf8(body).expect("utf-8");
            for (from, to) in swaps {
                text = text.replace(from, to);
            }
            let text = text.replacen("<workbook ", r#"<workbook conformance="strict" "#, 1);
            (name, text.into_bytes())
        })
        .collect()
}

/// Rich text runs as Excel writes them: a formatted run with all its
/// properties spelt out, a plain run bare.
fn rich(is: &str) -> String {
    elements(is, "r")
        .iter()
        .map(|run| {
            let text = unescape(&items(run, "t").concat());
            let rpr = if run.contains("<b/>") { BOLD_RUN } else { "" };
            format!("<r>{rpr}{}</r>", t_element(&text))
        })
        .collect()
}

fn rows_with_descent(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<row ") {
        let end = start + rest[start..].find('>').expect("row end");
        let (head, close) = if rest.as_bytes()[end - 1] == b'/' {
            (&rest[..end - 1], "/>")
        } else {
            (&rest[..end], ">")
        };
        out.push_str(head);
        out.push_str(r#" x14ac:dyDescent="0.25""#);
        out.push_str(close);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The formulas a template holds, calculated as Excel does on save.
fn eval(f: &str, values: &BTreeMap<String, Value>) -> Option<Value> {
    let num = |cell: &str| match values.get(cell.trim()) {
        Some(Value::Number(n)) => *n,
        _ => 0.0,
    };
    if let Ok(n) = f.trim().parse::<f64>() {
        return Some(Value::Number(n));
    }
    if let Some(range) = f.strip_prefix("SUM(").and_then(|r| r.strip_suffix(')')) {
        let (from, to) = range.split_once(':')?;
        let col = &from[..1];
        let (a, b): (u32, u32) = (from[1..].parse().ok()?, to[1..].parse().ok()?);
        return Some(Value::Number(
            (a..=b).map(|row| num(&format!("{col}{row}"))).sum(),
        ));
    }
    if let Some(diff) = f.strip_prefix("MAX(0,").and_then(|r| r.strip_suffix(')')) {
        let (a, b) = diff.split_once('-')?;
        return Some(Value::Number((num(a) - num(b)).max(0.0)));
    }
    let cond = f.strip_prefix("IF(")?.strip_suffix(')')?;
    let (test, branches) = cond.split_once(',')?;
    let (a, b) = test.split_once('<')?;
    let (yes, no) = branches.rsplit_once(',')?;
    let pick = if num(a) < num(b) { yes } else { no };
    Some(Value::Text(pick.trim_matches('"').replace("\"\"", "\"")))
}

fn workbook_xml(old: &str, sheets: &[Sheet], date1904: bool) -> String {
    let sheet_list: String = sheets
        .iter()
        .enumerate()
        .map(|(k, s)| {
            format!(
                r#"<sheet name="{}" sheetId="{}"{} r:id="rId{}"/>"#,
                s.name,
                s.sheet_id,
                s.state,
                k + 1
            )
        })
        .collect();
    let names: String = elements(old, "definedName").concat();
    let pr = if date1904 { r#" date1904="1""# } else { "" };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr{pr} defaultThemeVersion="166925"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\Users\distrikt\Documents\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{{3F0C8E2A-6B1D-4C5E-9F7A-2D4B6E8A1C3F}}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{{00000000-0000-0000-0000-000000000000}}"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{{9A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}}"/></bookViews><sheets>{sheet_list}</sheets><definedNames>{names}</definedNames><calcPr calcId="191029"/><extLst><ext uri="{{140A7094-0E35-4892-8432-C4D2E57EDEB5}}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>"#
    )
}

fn workbook_rels(n: usize, part: &dyn Fn(usize) -> String) -> String {
    let kind = |k: &str| format!("{REL}/{k}");
    let mut rels: Vec<(String, String)> = (0..n).map(|k| (kind("worksheet"), part(k))).collect();
    rels.push((kind("theme"), "theme/theme1.xml".into()));
    rels.push((kind("styles"), "styles.xml".into()));
    rels.push((kind("sharedStrings"), "sharedStrings.xml".into()));
    rels.push((kind("calcChain"), "calcChain.xml".into()));
    let body: String = rels
        .iter()
        .enumerate()
        .rev()
        .map(|(i, (t, target))| {
            format!(
                r#"<Relationship Id="rId{}" Type="{t}" Target="{target}"/>"#,
                i + 1
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>"#
    )
}

fn content_types(n: usize) -> String {
    let ct = "application/vnd.openxmlformats-officedocument";
    let sheets: String = (1..=n)
        .map(|i| {
            format!(
                r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ct}.spreadsheetml.worksheet+xml"/>"#
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{ct}.spreadsheetml.sheet.main+xml"/>{sheets}<Override PartName="/xl/theme/theme1.xml" ContentType="{ct}.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="{ct}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/calcChain.xml" ContentType="{ct}.spreadsheetml.calcChain+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="{ct}.extended-properties+xml"/></Types>"#
    )
}

fn core(old: &str) -> String {
    let modified =
        "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2018-03-01T09:12:44Z</dcterms:modified>";
    let start = old.find("<dcterms:modified").expect("modified");
    let end = old.find("</dcterms:modified>").expect("modified end") + 19;
    let mut out = old.to_string();
    out.replace_range(start..end, modified);
    out.replace(
        "<cp:lastModifiedBy></cp:lastModifiedBy>",
        "<cp:lastModifiedBy>Distriktet</cp:lastModifiedBy>",
    )
}

fn app(sheets: &[Sheet]) -> String {
    let n = sheets.len();
    let titles: String = sheets
        .iter()
        .map(|s| format!("<vt:lpstr>{}</vt:lpstr>", escape(&s.name)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>{n}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="{n}" baseType="lpstr">{titles}</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"#
    )
}
