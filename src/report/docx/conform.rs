//! docx-rs writes the children of several elements in an order of its own
//! (a paragraph's style after its run properties, a footer reference after
//! the page size), an attribute the schema does not declare, and empty run
//! properties where the schema allows none. Word checks a file against
//! ECMA-376 and offers to "repair" one that breaks it, which a coordinator
//! must never see; LibreOffice does not mind, so only a validator shows it.
//! This pass puts each part of the package into the schema's order, so the
//! document stays docx-rs's and only the order changes.

use std::io::{Cursor, Read, Write};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The children of each element docx-rs writes out of order, in the order
/// of its complex type in wml.xsd (CT_PPr, CT_ParaRPr, CT_Style, CT_SectPr,
/// CT_Settings, CT_TblPr, CT_TcPr, CT_TrPr, CT_Lvl). docx-rs always writes
/// the `w` prefix, so names are compared as written.
const ORDERS: &[(&str, &str)] = &[
    ("w:pPr", PARAGRAPH),
    ("w:rPr", RUN),
    ("w:style", STYLE),
    ("w:sectPr", SECTION),
    ("w:settings", SETTINGS),
    ("w:tblPr", TABLE),
    ("w:tcPr", CELL),
    ("w:trPr", ROW),
    ("w:lvl", LEVEL),
];

const PARAGRAPH: &str = "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr \
    w:widowControl w:numPr w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens \
    w:kinsoku w:wordWrap w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi \
    w:adjustRightInd w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents \
    w:suppressOverlap w:jc w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl \
    w:divId w:cnfStyle w:rPr w:sectPr w:pPrChange";

const RUN: &str = "w:ins w:del w:moveFrom w:moveTo w:rStyle w:rFonts w:b w:bCs w:i w:iCs \
    w:caps w:smallCaps w:strike w:dstrike w:outline w:shadow w:emboss w:imprint w:noProof \
    w:snapToGrid w:vanish w:webHidden w:color w:spacing w:w w:kern w:position w:sz w:szCs \
    w:highlight w:u w:effect w:bdr w:shd w:fitText w:vertAlign w:rtl w:cs w:em w:lang \
    w:eastAsianLayout w:specVanish w:oMath w:rPrChange";

const STYLE: &str = "w:name w:aliases w:basedOn w:next w:link w:autoRedefine w:hidden \
    w:uiPriority w:semiHidden w:unhideWhenUsed w:qFormat w:locked w:personal \
    w:personalCompose w:personalReply w:rsid w:pPr w:rPr w:tblPr w:trPr w:tcPr w:tblStylePr";

const SECTION: &str = "w:headerReference w:footerReference w:footnotePr w:endnotePr w:type \
    w:pgSz w:pgMar w:paperSrc w:pgBorders w:lnNumType w:pgNumType w:cols w:formProt w:vAlign \
    w:noEndnote w:titlePg w:textDirection w:bidi w:rtlGutter w:docGrid w:printerSettings \
    w:sectPrChange";

/// The settings docx-rs can write, in the schema's order; the schema has
/// many more between them, none of which docx-rs writes.
const SETTINGS: &str = "w:writeProtection w:view w:zoom w:removePersonalInformation \
    w:documentProtection w:defaultTabStop w:autoHyphenation w:evenAndOddHeaders \
    w:characterSpacingControl w:updateFields w:footnotePr w:endnotePr w:compat w:docVars \
    w:rsids w:themeFontLang w:clrSchemeMapping w:shapeDefaults w:decimalSymbol \
    w:listSeparator w14:docId w15:chartTrackingRefBased w15:docId";

const TABLE: &str = "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblW w:jc \
    w:tblCellSpacing w:tblInd w:tblBorders w:shd w:tblLayout w:tblCellMar w:tblLook \
    w:tblCaption w:tblDescription w:tblPrChange";

const CELL: &str = "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd \
    w:noWrap w:tcMar w:textDirection w:tcFitText w:vAlign w:hideMark w:cellIns w:cellDel \
    w:cellMerge w:tcPrChange";

const ROW: &str = "w:cnfStyle w:divId w:gridBefore w:gridAfter w:wBefore w:wAfter \
    w:trHeight w:hidden w:cantSplit w:tblHeader w:tblCellSpacing w:jc w:ins w:del \
    w:trPrChange";

const LEVEL: &str = "w:start w:numFmt w:lvlRestart w:pStyle w:isLgl w:suff w:lvlText \
    w:lvlPicBulletId w:legacy w:lvlJc w:pPr w:rPr";

/// Attributes the schema does not declare on an element: a grid column
/// has a width in twentieths of a point and no unit.
const UNDECLARED: &[(&str, &str)] = &[("w:gridCol", "w:type")];

/// The package with every XML part of the document in the schema's order;
/// everything else is copied as it is.
pub fn conform(docx: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut input = ZipArchive::new(Cursor::new(docx)).map_err(std::io::Error::other)?;
    let mut output = ZipWriter::new(Cursor::new(Vec::with_capacity(docx.len())));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..input.len() {
        let mut entry = input.by_index(i).map_err(std::io::Error::other)?;
        let name = entry.name().map_err(std::io::Error::other)?.into_owned();
        let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry.read_to_end(&mut bytes)?;
        if name.starts_with("word/") && name.ends_with(".xml") {
            bytes = conform_part(&bytes)
                .map_err(|e| std::io::Error::other(format!("{name} as docx-rs wrote it: {e}")))?;
        }
        output
            .start_file(name, options)
            .map_err(std::io::Error::other)?;
        output.write_all(&bytes)?;
    }
    Ok(output.finish().map_err(std::io::Error::other)?.into_inner())
}

/// One element with its children, or anything else the part holds (text,
/// the declaration, entity references), kept byte for byte.
enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
    },
    Other(Event<'static>),
}

impl Node {
    fn name(&self) -> &str {
        match self {
            Node::Element { start, .. } => start.name().into_inner(),
            Node::Other(_) => "",
        }
    }
}

fn conform_part(xml: &[u8]) -> Result<Vec<u8>, quick_xml::Error> {
    let mut nodes = parse(xml)?;
    conform_children(None, &mut nodes);
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    write(&mut writer, &nodes)?;
    Ok(writer.into_inner())
}

fn parse(xml: &[u8]) -> Result<Vec<Node>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    // Nested frames: the open element and the children read so far.
    let mut stack: Vec<(BytesStart<'static>, Vec<Node>)> = Vec::new();
    let mut top = Vec::new();
    loop {
        let node = match reader.read_event()? {
            Event::Eof => break,
            Event::Start(start) => {
                stack.push((start.into_owned(), Vec::new()));
                continue;
            }
            Event::End(_) => match stack.pop() {
                Some((start, children)) => Node::Element { start, children },
                None => continue,
            },
            Event::Empty(start) => Node::Element {
                start: start.into_owned(),
                children: Vec::new(),
            },
            other => Node::Other(other.into_owned()),
        };
        match stack.last_mut() {
            Some((_, children)) => children.push(node),
            None => top.push(node),
        }
    }
    Ok(top)
}

/// Puts the children of `parent` in order, then theirs, depth first.
fn conform_children(parent: Option<&str>, nodes: &mut [Node]) {
    for node in nodes.iter_mut() {
        if let Node::Element { start, children } = node {
            let name = start.name().into_inner().to_string();
            drop_undeclared(start);
            conform_children(Some(&name), children);
            if let Some((_, order)) = ORDERS.iter().find(|(n, _)| *n == name) {
                // Unknown children keep their place among themselves, last.
                let rank = |n: &Node| {
                    order
                        .split_ascii_whitespace()
                        .position(|o| o == n.name())
                        .unwrap_or(usize::MAX)
                };
                children.sort_by_cached_key(rank);
            }
            if name == "w:pPr" && parent != Some("w:p") {
                // Only a paragraph's own properties may hold run properties;
                // a style's, a level's and the defaults' may not.
                children.retain(|c| !is_empty_element(c, "w:rPr"));
            }
        }
    }
}

fn is_empty_element(node: &Node, name: &str) -> bool {
    matches!(node, Node::Element { start, children } if start.name().into_inner() == name && children.is_empty())
}

/// Rebuilt from the raw text of the attributes it keeps, so no value is
/// escaped twice.
fn drop_undeclared(start: &mut BytesStart<'static>) {
    let element = start.name().into_inner().to_string();
    let undeclared = |key: &str| UNDECLARED.iter().any(|&(e, a)| e == element && a == key);
    if !start
        .attributes()
        .filter_map(Result::ok)
        .any(|a| undeclared(a.key.into_inner()))
    {
        return;
    }
    let mut content = element.clone();
    for a in start.attributes().filter_map(Result::ok) {
        let key = a.key.into_inner();
        if !undeclared(key) {
            let quote = if a.value.contains('"') { '\'' } else { '"' };
            content.push_str(&format!(" {key}={quote}{}{quote}", a.value));
        }
    }
    *start = BytesStart::from_content(content, element.len());
}

fn write(writer: &mut Writer<Vec<u8>>, nodes: &[Node]) -> Result<(), quick_xml::Error> {
    for node in nodes {
        match node {
            Node::Element { start, children } if children.is_empty() => {
                writer.write_event(Event::Empty(start.borrow()))?;
            }
            Node::Element { start, children } => {
                writer.write_event(Event::Start(start.borrow()))?;
                write(writer, children)?;
                writer.write_event(Event::End(start.to_end()))?;
            }
            Node::Other(event) => writer.write_event(event.borrow())?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(xml: &str) -> String {
        String::from_utf8(conform_part(xml.as_bytes()).expect("conform")).expect("utf-8")
    }

    #[test]
    fn a_paragraphs_style_comes_first_and_its_run_properties_last() {
        assert_eq!(
            part(
                r#"<w:p><w:pPr><w:rPr /><w:pStyle w:val="Title" /><w:jc w:val="center" /></w:pPr></w:p>"#
            ),
            r#"<w:p><w:pPr><w:pStyle w:val="Title" /><w:jc w:val="center" /><w:rPr /></w:pPr></w:p>"#
        );
    }

    #[test]
    fn a_styles_paragraph_properties_lose_their_empty_run_properties() {
        assert_eq!(
            part(
                r#"<w:style><w:name w:val="x" /><w:rPr><w:sz w:val="20" /><w:b /></w:rPr><w:pPr><w:rPr /><w:spacing w:after="1" /></w:pPr><w:qFormat /><w:basedOn w:val="Normal" /></w:style>"#
            ),
            r#"<w:style><w:name w:val="x" /><w:basedOn w:val="Normal" /><w:qFormat /><w:pPr><w:spacing w:after="1" /></w:pPr><w:rPr><w:b /><w:sz w:val="20" /></w:rPr></w:style>"#
        );
    }

    #[test]
    fn text_entities_and_unknown_children_are_kept_as_they_were() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:r><w:rPr><w:x /><w:b /></w:rPr><w:t xml:space="preserve">A &amp; B &lt; 2 000 kr "q"</w:t></w:r>"#;
        assert_eq!(
            part(xml),
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:r><w:rPr><w:b /><w:x /></w:rPr><w:t xml:space="preserve">A &amp; B &lt; 2 000 kr "q"</w:t></w:r>"#
        );
    }

    #[test]
    fn a_grid_column_keeps_its_width_and_loses_its_unit() {
        assert_eq!(
            part(r#"<w:tblGrid><w:gridCol w:w="3628" w:type="dxa" /></w:tblGrid>"#),
            r#"<w:tblGrid><w:gridCol w:w="3628"/></w:tblGrid>"#
        );
    }

    #[test]
    fn the_footer_reference_comes_before_the_page_size() {
        assert_eq!(
            part(r#"<w:sectPr><w:pgSz w:w="1" /><w:footerReference r:id="rId6" /></w:sectPr>"#),
            r#"<w:sectPr><w:footerReference r:id="rId6" /><w:pgSz w:w="1" /></w:sectPr>"#
        );
    }
}
