//! Plain text: wrapped at 80 columns, headings underlined, tables lined up
//! by display width so that "Älvsjö" takes six columns, not eight bytes.

use unicode_width::UnicodeWidthStr;

use super::doc::{Align, Block, Table, known_facts};
use super::prose::NBSP;

/// The width of a terminal and of a printed page in a fixed font.
pub const WIDTH: usize = 80;
const GAP: &str = "  ";

/// What a line of the text is, so a screen can show headings as headings
/// and tables as tables rather than as underlines and dashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Heading,
    Subheading,
    Body,
    Table,
    /// Between blocks.
    Blank,
}

pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (kind, line) in lines(blocks, WIDTH) {
        out.push_str(&line);
        out.push('\n');
        // Headings are underlined as wide as their widest line.
        let mark = match kind {
            LineKind::Title => '=',
            LineKind::Heading => '-',
            _ => continue,
        };
        out.extend(std::iter::repeat_n(mark, line.width()));
        out.push('\n');
    }
    out
}

/// The text wrapped to `width`, line by line with what each line is; a
/// heading is one line, however long. Tables keep their own width.
pub fn lines(blocks: &[Block], width: usize) -> Vec<(LineKind, String)> {
    let mut out = Vec::new();
    let mut push = |kind: LineKind, lines: Vec<String>| {
        out.extend(lines.into_iter().map(|l| (kind, l)));
    };
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            push(LineKind::Blank, vec![String::new()]);
        }
        match block {
            Block::Title(s) => push(LineKind::Title, vec![one_line(s)]),
            Block::Heading(s) => push(LineKind::Heading, vec![one_line(s)]),
            Block::Subheading(s) => push(LineKind::Subheading, wrap(s, width)),
            Block::Paragraph(s) => push(LineKind::Body, wrap(s, width)),
            Block::List(items) => push(LineKind::Body, list(items, width)),
            Block::Facts(facts) => push(LineKind::Body, list(&known_facts(facts), width)),
            Block::Table(t) => push(LineKind::Table, table(t)),
        }
    }
    out
}

/// A heading on one line, no-break spaces as plain ones.
fn one_line(s: &str) -> String {
    wrap(s, usize::MAX).join(" ")
}

/// Items start with "- "; their wrapped lines and later paragraphs are
/// indented to the item.
fn list(items: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        let mut first = true;
        for para in item.split('\n') {
            for line in wrap(para, width.saturating_sub(2).max(1)) {
                out.push(format!("{}{line}", if first { "- " } else { "  " }));
                first = false;
            }
        }
    }
    out
}

/// Greedy wrapping at spaces. A space between two digits is a group
/// separator ("2 945 873") and does not break, nor does a no-break space
/// ("2 945 873 kronor"); a word longer than the line keeps its own line.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let protected: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let digit_at = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|c| c.is_ascii_digit())
            };
            if c == ' ' && digit_at(i.checked_sub(1)) && digit_at(Some(i + 1)) {
                NBSP
            } else {
                c
            }
        })
        .collect();

    let mut lines = Vec::new();
    let mut line = String::new();
    for word in protected.split([' ', '\n']).filter(|w| !w.is_empty()) {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(|l| l.replace(NBSP, " ")).collect()
}

/// Columns as wide as their widest cell, two spaces apart, a rule under
/// the header and above the totals. Tables do not wrap: a cell cut in two
/// would be misread as two rows.
fn table(t: &Table) -> Vec<String> {
    let clean =
        |row: &[String]| -> Vec<String> { row.iter().map(|c| c.replace(NBSP, " ")).collect() };
    let header = clean(&t.header);
    let rows: Vec<Vec<String>> = t.rows.iter().map(|r| clean(r)).collect();
    let footer = t.footer.as_ref().map(|f| clean(f));

    let mut widths: Vec<usize> = header.iter().map(|c| c.width()).collect();
    for row in rows.iter().chain(footer.iter()) {
        for (i, cell) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(cell.width());
            } else {
                widths.push(cell.width());
            }
        }
    }
    let rule: String = widths
        .iter()
        .map(|w| "-".repeat(*w))
        .collect::<Vec<_>>()
        .join(GAP);

    let line = |row: &[String]| -> String {
        let cells: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let cell = row.get(i).map(String::as_str).unwrap_or("");
                let align = t.align.get(i).copied().unwrap_or(Align::Left);
                pad(cell, *w, align)
            })
            .collect();
        cells.join(GAP).trim_end().to_string()
    };

    let mut out = vec![line(&header), rule.clone()];
    out.extend(rows.iter().map(|r| line(r)));
    if let Some(f) = footer {
        out.push(rule);
        out.push(line(&f));
    }
    out
}

fn pad(cell: &str, width: usize, align: Align) -> String {
    let fill = " ".repeat(width.saturating_sub(cell.width()));
    match align {
        Align::Left => format!("{cell}{fill}"),
        Align::Right => format!("{fill}{cell}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_width_and_keeps_numbers_whole() {
        let s = "Totalt har mottagarna använt 2 368 405 kronor av 2 945 873 kronor.";
        let lines = wrap(s, 40);
        assert_eq!(
            lines,
            [
                "Totalt har mottagarna använt 2 368 405",
                "kronor av 2 945 873 kronor."
            ]
        );
        let glued = wrap("aaaa 1\u{a0}kronor", 8);
        assert_eq!(glued, ["aaaa", "1 kronor"]);
        assert_eq!(wrap("", 10), Vec::<String>::new());
        assert_eq!(wrap("ordlångtlångtlångt x", 5), ["ordlångtlångtlångt", "x"]);
    }

    #[test]
    fn tables_line_up_by_display_width() {
        let t = Table {
            header: vec!["Namn".into(), "Belopp".into()],
            align: vec![Align::Left, Align::Right],
            rows: vec![
                vec!["Älvsjö".into(), "93 000".into()],
                vec!["Enskede-Årsta-Vantör".into(), "260 000".into()],
            ],
            footer: Some(vec!["Summa".into(), "353 000".into()]),
        };
        let lines = table(&t);
        assert_eq!(
            lines,
            [
                "Namn                   Belopp",
                "--------------------  -------",
                "Älvsjö                 93 000",
                "Enskede-Årsta-Vantör  260 000",
                "--------------------  -------",
                "Summa                 353 000",
            ]
        );
        let widths: Vec<usize> = lines.iter().map(|l| l.width()).collect();
        assert!(widths.iter().all(|w| *w == 29), "{widths:?}");
    }

    #[test]
    fn lists_indent_their_continuation_lines() {
        let long = "ett två tre fyra fem sex sju åtta nio tio ".repeat(3);
        let out = render(&[Block::List(vec![long])]);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("- ett"));
        assert!(lines[1].starts_with("  "));
        assert!(lines.iter().all(|l| l.width() <= WIDTH));
    }
}
