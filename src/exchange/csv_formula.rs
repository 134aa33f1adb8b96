//! Spreadsheet formulas kept out of CSV exports (CWE-1236, as OWASP
//! advises): a text cell that a spreadsheet would read as a formula
//! (`=`, `+`, `-`, `@`, or a tab or carriage return before one) is written
//! with a leading `'`, which spreadsheets show as text and hide. Import
//! takes the `'` off again, so a file round-trips to the same text. A `'`
//! that was the text's own first character before such a start is
//! doubled, so that it is kept too.

use std::borrow::Cow;

/// Characters that start a formula in Excel, LibreOffice or Sheets.
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// True when `s` starts as the guard does: `'` before a formula start or
/// before another `'` that is guarded.
fn looks_guarded(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next() == Some('\'') && needs_guard(chars.as_str())
}

fn needs_guard(s: &str) -> bool {
    s.chars().next().is_some_and(starts_formula) || looks_guarded(s)
}

/// The cell as written: guarded when a spreadsheet would run it.
pub fn guard(text: &str) -> Cow<'_, str> {
    if needs_guard(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The cell as read: the guard taken off.
pub fn unguard(cell: &str) -> &str {
    if looks_guarded(cell) {
        &cell[1..]
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_come_back_as_written() {
        for text in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd|' /C calc'!A0",
            "@SUM(A1:A2)",
            "-2+3",
            "\t=1+1",
            "\r=1",
            "'=1",
            "''=1",
        ] {
            let cell = guard(text);
            assert!(cell.starts_with('\''), "{text:?} guarded as {cell:?}");
            assert_eq!(unguard(&cell), text);
        }
    }

    #[test]
    fn plain_text_is_written_as_it_is() {
        for text in ["Kurs i MI", "'citat'", "", "1 234,50", "a=b"] {
            assert_eq!(guard(text), text);
            assert_eq!(unguard(text), text);
        }
    }
}
