//! What Excel does to text in a CSV file, undone and guarded against:
//! Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252, not UTF-8,
//! and a field starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return is run as a formula when opened.

use std::borrow::Cow;

use super::csv_style::BOM;

/// How the bytes of a CSV file were text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvEncoding {
    #[default]
    Utf8,
    /// Not UTF-8 and without a byte order mark: what Swedish Excel saves.
    Windows1252,
}

/// The file as UTF-8: as it is when it is UTF-8 or says so with a byte
/// order mark (then bad bytes are the reader's problems, by line), else
/// decoded from Windows-1252, where every byte is a character.
pub fn decode(bytes: &[u8]) -> (CsvEncoding, Cow<'_, [u8]>) {
    if bytes.starts_with(BOM) || std::str::from_utf8(bytes).is_ok() {
        return (CsvEncoding::Utf8, Cow::Borrowed(bytes));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    let text = text.into_owned().into_bytes();
    (CsvEncoding::Windows1252, Cow::Owned(text))
}

fn starts_a_formula(s: &str) -> bool {
    s.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text field as written to CSV: with the apostrophe that makes Excel
/// and LibreOffice show it as text when it would start a formula (or is
/// already such a field with its apostrophes, so that `unguard` is exact).
pub fn guard(s: &str) -> Cow<'_, str> {
    if starts_a_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A text field as read from CSV: `guard` undone, and nothing else.
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if starts_a_formula(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_and_unguard_are_exact() {
        for s in [
            "=HYPERLINK(\"http://x\";\"y\")",
            "+46 8 123",
            "-5",
            "@home",
            "\tindented",
            "'=already",
            "''=twice",
            "'quoted",
            "plain",
            "",
        ] {
            assert_eq!(unguard(&guard(s)), s, "{s:?}");
        }
        assert_eq!(guard("=1+2"), "'=1+2");
        assert_eq!(guard("'quoted"), "'quoted");
        assert_eq!(unguard("'quoted"), "'quoted");
    }

    #[test]
    fn windows_1252_is_decoded_but_a_byte_order_mark_means_utf8() {
        let (enc, text) = decode(b"S\xF6dermalm \x96 \xE5r\xE4");
        assert_eq!(enc, CsvEncoding::Windows1252);
        assert_eq!(std::str::from_utf8(&text), Ok("Södermalm – årä"));
        let (enc, _) = decode(b"\xEF\xBB\xBFcaf\xE9");
        assert_eq!(enc, CsvEncoding::Utf8);
        let (enc, _) = decode("Söder".as_bytes());
        assert_eq!(enc, CsvEncoding::Utf8);
    }
}
