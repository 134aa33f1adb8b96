//! The document's styles, defined as real Word styles: Heading 1 and 2
//! carry outline levels, so the navigation pane and a table of contents
//! work; body text is a plain font at 11 points.

use docx_rs::{Docx, LineSpacing, RunFonts, Style, StyleType};

pub const BODY: &str = "Normal";
pub const TITLE: &str = "Title";
pub const HEADING1: &str = "Heading1";
pub const HEADING2: &str = "Heading2";
pub const LIST: &str = "ListParagraph";
pub const CELL: &str = "TableText";
pub const FOOTER: &str = "Footer";

const FONT: &str = "Arial";

/// Sizes are in half points; spacing in twentieths of a point.
pub fn with_styles(doc: Docx) -> Docx {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let space = |before: u32, after: u32| LineSpacing::new().before(before).after(after);
    // docx-rs always writes a Normal style of its own; the body's spacing
    // goes into the document's defaults, which Normal takes, so there is
    // one Normal.
    doc.default_fonts(fonts)
        .default_size(22)
        .default_line_spacing(space(0, 120))
        .add_style(heading(TITLE, "Title", 36, None).line_spacing(space(240, 240)))
        .add_style(heading(HEADING1, "heading 1", 28, Some(0)).line_spacing(space(360, 120)))
        .add_style(heading(HEADING2, "heading 2", 24, Some(1)).line_spacing(space(240, 80)))
        .add_style(
            Style::new(LIST, StyleType::Paragraph)
                .name("List Paragraph")
                .based_on(BODY)
                .q_format(true)
                .indent(
                    Some(360),
                    Some(docx_rs::SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
        )
        .add_style(
            Style::new(CELL, StyleType::Paragraph)
                .name("Table Text")
                .based_on(BODY)
                .size(20)
                .line_spacing(space(40, 40)),
        )
        .add_style(
            Style::new(FOOTER, StyleType::Paragraph)
                .name("footer")
                .based_on(BODY)
                .size(18),
        )
}

fn heading(id: &str, name: &str, size: usize, level: Option<usize>) -> Style {
    let s = Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on(BODY)
        .next(BODY)
        .q_format(true)
        .bold()
        .size(size);
    match level {
        Some(l) => s.outline_lvl(l),
        None => s,
    }
}
