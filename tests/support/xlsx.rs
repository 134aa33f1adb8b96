//! Workbooks as a district's spreadsheet program leaves them: cells
//! typed into a template by editing its sheet's XML, the zip unpacked and
//! packed again another way.

use std::io::{Cursor, Read, Write};

/// The zip's entries, in order.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut body = Vec::new();
            f.read_to_end(&mut body).expect("read entry");
            (f.name().expect("name").to_string(), body)
        })
        .collect()
}

pub fn rezip(entries: &[(String, Vec<u8>)], method: zip::CompressionMethod) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, body) in entries {
        out.start_file(name.as_str(), options).expect("start");
        out.write_all(body).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// What a district types into one cell.
pub enum Typed<'a> {
    Number(&'a str),
    Text(&'a str),
    Formula(&'a str, &'a str),
    /// Text with some runs bold (`true`), as when one word is formatted.
    Rich(&'a [(&'a str, bool)]),
}

impl Typed<'_> {
    /// The cell as XML; `style` is the `s="…"` attribute the cell had, or
    /// empty: typing into a cell keeps its format.
    pub fn xml(&self, cell: &str, style: &str) -> String {
        match self {
            Typed::Number(n) => format!(r#"<c r="{cell}"{style}><v>{n}</v></c>"#),
            Typed::Text(t) => format!(
                r#"<c r="{cell}"{style} t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                escape(t)
            ),
            Typed::Formula(f, v) => format!(r#"<c r="{cell}"{style}><f>{f}</f><v>{v}</v></c>"#),
            Typed::Rich(runs) => {
                let runs: String = runs
                    .iter()
                    .map(|(t, bold)| {
                        let rpr = if *bold { "<rPr><b/></rPr>" } else { "" };
                        format!(r#"<r>{rpr}<t xml:space="preserve">{}</t></r>"#, escape(t))
                    })
                    .collect();
                format!(r#"<c r="{cell}"{style} t="inlineStr"><is>{runs}</is></c>"#)
            }
        }
    }
}

/// ` s="7"` when the opening tag `<c …>` has a style, else empty.
fn style_of(open_tag: &str) -> String {
    open_tag
        .split_once(" s=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(s, _)| format!(r#" s="{s}""#))
        .unwrap_or_default()
}

/// The workbook with these cells of the visible sheet replaced.
pub fn fill(bytes: &[u8], cells: &[(&str, Typed)]) -> Vec<u8> {
    fill_sheet(bytes, "xl/worksheets/sheet1.xml", cells)
}

/// The workbook with these cells of the sheet stored as `entry` replaced.
pub fn fill_sheet(bytes: &[u8], entry: &str, cells: &[(&str, Typed)]) -> Vec<u8> {
    let mut entries = unzip(bytes);
    let sheet = entries.iter_mut().find(|(n, _)| n == entry).expect("sheet");
    let mut xml = String::from_utf8(sheet.1.clone()).expect("xml");
    for (cell, typed) in cells {
        let start = xml
            .find(&format!(r#"<c r="{cell}""#))
            .unwrap_or_else(|| panic!("no cell {cell}"));
        let open_end = start + xml[start..].find('>').expect("tag end");
        let style = style_of(&xml[start..open_end]);
        let end = if xml.as_bytes()[open_end - 1] == b'/' {
            open_end + 1
        } else {
            start + xml[start..].find("</c>").expect("cell end") + 4
        };
        xml.replace_range(start..end, &typed.xml(cell, &style));
    }
    sheet.1 = xml.into_bytes();
    rezip(&entries, zip::CompressionMethod::Deflated)
}

/// An OLE compound file whose top storage holds these (empty) streams:
/// what tells an encrypted workbook (`EncryptionInfo`,
/// `EncryptedPackage`) from an old `.xls` (`Workbook`).
pub fn ole_with(names: &[&str]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("create");
    for name in names {
        file.create_stream(format!("/{name}")).expect("a stream");
    }
    file.flush().expect("flush");
    file.into_inner().into_inner()
}
