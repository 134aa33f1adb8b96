//! Markdown: ATX headings, one line per paragraph and list item, pipe
//! tables padded so the file also reads well unrendered.
//!
//! Paragraphs are not wrapped: a wrapped line that happened to start with
//! "-" or "1." would turn into a list, and renderers reflow text anyway.

use unicode_width::UnicodeWidthStr;

use super::doc::{Align, Block, Table, known_facts};
use super::prose::NBSP;

pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Title(s) => line(&mut out, &format!("# {}", escape(s))),
            Block::Heading(s) => line(&mut out, &format!("## {}", escape(s))),
            Block::Subheading(s) => line(&mut out, &format!("### {}", escape(s))),
            Block::Paragraph(s) => line(&mut out, &escape(s)),
            Block::List(items) => list(&mut out, items),
            Block::Facts(facts) => list(&mut out, &known_facts(facts)),
            Block::Table(t) => table(&mut out, t),
        }
    }
    out
}

/// A list item's later paragraphs follow a blank line, indented to the
/// item, so they stay paragraphs of the same item.
fn list(out: &mut String, items: &[String]) {
    for item in items {
        for (j, para) in item.split('\n').enumerate() {
            if j == 0 {
                line(out, &format!("- {}", escape(para)));
            } else {
                line(out, "");
                line(out, &format!("  {}", escape(para)));
            }
        }
    }
}

fn line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

/// Text from the data (names, notes) may hold characters Markdown reads as
/// markup; a backslash makes them literal. The report's own wording uses
/// none of them, so escaping whole blocks changes only what came from data.
/// No-break spaces become plain spaces, as in the text format.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            NBSP | '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A pipe table; the totals row comes last, in bold, since Markdown has
/// no footer of its own.
fn table(out: &mut String, t: &Table) {
    let header: Vec<String> = t.header.iter().map(|c| escape(c)).collect();
    let mut rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| escape(c)).collect())
        .collect();
    if let Some(f) = &t.footer {
        rows.push(
            f.iter()
                .map(|c| {
                    let c = escape(c);
                    if c.is_empty() { c } else { format!("**{c}**") }
                })
                .collect(),
        );
    }
    let cols = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let align = |i: usize| t.align.get(i).copied().unwrap_or(Align::Left);
    // At least three wide, so the delimiter row is always valid.
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            std::iter::once(&header)
                .chain(rows.iter())
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
                .max(3)
        })
        .collect();

    let row_line = |row: &[String]| -> String {
        let cells: Vec<String> = (0..cols)
            .map(|i| {
                let cell = row.get(i).map(String::as_str).unwrap_or("");
                let fill = " ".repeat(widths[i].saturating_sub(cell.width()));
                match align(i) {
                    Align::Left => format!("{cell}{fill}"),
                    Align::Right => format!("{fill}{cell}"),
                }
            })
            .collect();
        format!("| {} |", cells.join(" | "))
    };

    line(out, &row_line(&header));
    let delims: Vec<String> = (0..cols)
        .map(|i| match align(i) {
            Align::Left => "-".repeat(widths[i]),
            Align::Right => format!("{}:", "-".repeat(widths[i] - 1)),
        })
        .collect();
    line(out, &format!("| {} |", delims.join(" | ")));
    for row in &rows {
        line(out, &row_line(row));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_from_data() {
        assert_eq!(escape("a*b_c|d"), "a\\*b\\_c\\|d");
        assert_eq!(escape("# rubrik"), "\\# rubrik");
        assert_eq!(escape("2 945 873\u{a0}kronor"), "2 945 873 kronor");
    }

    #[test]
    fn pipe_table_with_totals() {
        let t = Table {
            header: vec!["Namn".into(), "Belopp".into()],
            align: vec![Align::Left, Align::Right],
            rows: vec![vec!["Älvsjö".into(), "93 000".into()]],
            footer: Some(vec!["Summa".into(), "93 000".into()]),
        };
        let out = render(&[Block::Table(t)]);
        assert_eq!(
            out,
            "| Namn      |     Belopp |\n\
             | --------- | ---------: |\n\
             | Älvsjö    |     93 000 |\n\
             | **Summa** | **93 000** |\n"
        );
    }
}
