//! The report as a Word document in the shape of a tjänsteutlåtande:
//! the facts as a header table, the sections as Heading 1 and 2 (real
//! styles, so Word's navigation pane and a table of contents find them),
//! body text in a plain font, tables with amounts to the right and a total
//! row, page numbers in the footer, A4. Written from the same blocks as
//! the Markdown and text, so every format says the same thing.

mod conform;
mod styles;

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Footer, NumPages, PageMargin, PageNum, Paragraph, Run, Shading, Table,
    TableCell, TableRow, WidthType,
};

use super::doc::{Align, Block, Fact, Table as DocTable};
use super::prose::NBSP;
use super::wording::Terms;
use crate::domain::sanitize::xml_char;

/// A4 in twentieths of a point, and margins of 2,5 cm.
const A4: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_418;
/// The text width in fiftieths of a per cent: the whole width.
const FULL_WIDTH: usize = 5_000;
/// The text width in twentieths of a point: A4 less both margins.
const TEXT_WIDTH: usize = A4.0 as usize - 2 * MARGIN as usize;

/// The whole document as the bytes of a .docx file.
pub fn render(blocks: &[Block], terms: &Terms) -> std::io::Result<Vec<u8>> {
    let mut doc = styles::with_styles(Docx::new())
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(709)
                .footer(709),
        )
        .footer(footer(terms));
    for block in blocks {
        doc = match block {
            Block::Title(s) => doc.add_paragraph(styled(styles::TITLE, s)),
            Block::Heading(s) => doc.add_paragraph(styled(styles::HEADING1, s)),
            Block::Subheading(s) => doc.add_paragraph(styled(styles::HEADING2, s)),
            Block::Paragraph(s) => paragraphs(doc, s),
            Block::List(items) => items.iter().fold(doc, |doc, item| list_item(doc, item)),
            Block::Facts(facts) => doc
                .add_table(facts_table(facts))
                .add_paragraph(Paragraph::new()),
            Block::Table(t) => doc.add_table(table(t)).add_paragraph(Paragraph::new()),
        };
    }
    let mut out = Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(std::io::Error::other)?;
    conform::conform(&out.into_inner())
}

/// A dash and the item's first paragraph; its later paragraphs follow
/// as paragraphs of their own at the item's indent.
fn list_item(doc: Docx, item: &str) -> Docx {
    item.split('\n').enumerate().fold(doc, |doc, (j, para)| {
        let mark = if j == 0 { "–" } else { "" };
        doc.add_paragraph(
            Paragraph::new()
                .style(styles::LIST)
                .add_run(Run::new().add_text(mark).add_tab())
                .add_run(text(para)),
        )
    })
}

/// Word keeps no-break spaces; a line break typed in a note is a new
/// paragraph, so the recipient's paragraphs stay paragraphs.
fn paragraphs(doc: Docx, s: &str) -> Docx {
    s.split('\n')
        .filter(|p| !p.trim().is_empty())
        .fold(doc, |doc, p| doc.add_paragraph(styled(styles::BODY, p)))
}

fn styled(style: &str, s: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(text(s))
}

/// A run of text whose amounts never break: "2 945 873 kronor" keeps its
/// no-break space before the unit, and the spaces between digit groups
/// become no-break spaces too, as Word would otherwise wrap inside them.
fn text(s: &str) -> Run {
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: Option<&char>| i.is_some_and(char::is_ascii_digit);
    let whole: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            ' ' if digit(i.checked_sub(1).and_then(|j| chars.get(j)))
                && digit(chars.get(i + 1)) =>
            {
                NBSP
            }
            // A line break inside a paragraph (Word's own is a vertical tab)
            // is a space; the paragraphs were split before.
            '\n' | '\r' | '\u{b}' => ' ',
            c => xml_char(c),
        })
        .collect();
    Run::new().add_text(whole)
}

/// "Sida 2 av 5", centred.
fn footer(t: &Terms) -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .style(styles::FOOTER)
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(format!("{} ", t.page)))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(format!(" {} ", t.page_of)))
            .add_num_pages(NumPages::new()),
    )
}

/// The facts as a two-column table: labels in bold, an empty value a blank
/// cell to fill in.
fn facts_table(facts: &[Fact]) -> Table {
    let rows = facts
        .iter()
        .map(|f| {
            TableRow::new(vec![
                cell(
                    Paragraph::new()
                        .style(styles::CELL)
                        .add_run(text(&f.label).bold()),
                )
                .width(2_000, WidthType::Pct),
                cell(Paragraph::new().style(styles::CELL).add_run(text(&f.value)))
                    .width(3_000, WidthType::Pct),
            ])
        })
        .collect();
    Table::new(rows)
        .width(FULL_WIDTH, WidthType::Pct)
        .set_grid(vec![3_628, 5_442])
}

/// Tables up to this many rows are kept on one page.
const KEEP_TOGETHER: usize = 25;

#[derive(Clone, Copy, PartialEq)]
enum RowKind {
    Header,
    Body,
    Total,
}

/// A table with a shaded header row and a bold total row, amounts right.
/// A short table stays on one page; a long one keeps its header with its
/// first row and its total with the row above, never a total alone.
fn table(t: &DocTable) -> Table {
    let align = |i: usize| match t.align.get(i) {
        Some(Align::Right) => AlignmentType::Right,
        _ => AlignmentType::Left,
    };
    let grid = columns(t);
    let mut all: Vec<(RowKind, &[String])> = vec![(RowKind::Header, &t.header)];
    all.extend(t.rows.iter().map(|r| (RowKind::Body, r.as_slice())));
    all.extend(t.footer.iter().map(|r| (RowKind::Total, r.as_slice())));
    let n = all.len();
    let rows = all
        .iter()
        .enumerate()
        .map(|(at, (kind, cells))| {
            let keep = n <= KEEP_TOGETHER || at == 0 || at + 2 >= n;
            let keep = keep && at + 1 < n;
            TableRow::new(
                cells
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let run = if *kind == RowKind::Body {
                            text(s)
                        } else {
                            text(s).bold()
                        };
                        let c = cell(
                            Paragraph::new()
                                .style(styles::CELL)
                                .align(align(i))
                                .keep_next(keep)
                                .add_run(run),
                        )
                        .width(grid.get(i).copied().unwrap_or(0), WidthType::Dxa);
                        match kind {
                            RowKind::Header => c.shading(Shading::new().fill("D9D9D9")),
                            RowKind::Total => c.shading(Shading::new().fill("F2F2F2")),
                            RowKind::Body => c,
                        }
                    })
                    .collect(),
            )
            .cant_split()
        })
        .collect();
    Table::new(rows)
        .width(FULL_WIDTH, WidthType::Pct)
        .set_grid(grid)
}

/// Each column as wide as its longest cell asks, in a share of the text
/// width, so "Hägersten-Liljeholmen" keeps one line while the amounts
/// beside it have room to spare. A word wider than any column still
/// wraps; no column is narrower than an amount.
fn columns(t: &DocTable) -> Vec<usize> {
    let count = t.header.len();
    let longest = |i: usize| {
        std::iter::once(&t.header)
            .chain(&t.rows)
            .chain(t.footer.iter())
            .filter_map(|r| r.get(i))
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
            .clamp(8, 32)
    };
    let wants: Vec<usize> = (0..count).map(longest).collect();
    let total: usize = wants.iter().sum::<usize>().max(1);
    wants.iter().map(|w| TEXT_WIDTH * w / total).collect()
}

fn cell(p: Paragraph) -> TableCell {
    TableCell::new().add_paragraph(p)
}
