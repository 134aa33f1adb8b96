//! Text from other people (imports, other sessions) made safe to show:
//! no escape sequence may reach the terminal, no bidi control may reorder
//! the screen, no separator may start a line that is not there.
//!
//! One rule for every character, used by the app for each value and by
//! the commands for everything they print to a terminal.

const REPLACEMENT: char = '\u{fffd}';

/// Characters that must never reach a terminal as they are: C0 and C1
/// controls (U+009B is a whole escape introducer on its own), DEL, the
/// Unicode bidirectional controls (UAX #9: ALM, LRM, RLM, the embeddings
/// and overrides, the isolates), the line and paragraph separators and
/// the zero-width characters that hide text.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// A character as an XML 1.0 file can hold it (§2.2 allows no C0 control
/// but tab, newline and return, and not U+FFFE or U+FFFF): Word and
/// LibreOffice refuse a whole document for one such character, which a
/// note pasted or imported from elsewhere can carry.
pub fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => REPLACEMENT,
        c => c,
    }
}

/// One value on one line: tabs and newlines become spaces, everything
/// unsafe the replacement character.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if is_unsafe(c) => REPLACEMENT,
            c => c,
        })
        .collect()
}

/// A whole text for a terminal: its own line breaks and tabs stay (a
/// `\r` only before `\n`, as in CSV), everything else unsafe is replaced.
pub fn terminal_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\n' | '\t' => c,
            '\r' if chars.peek() == Some(&'\n') => c,
            c if is_unsafe(c) => REPLACEMENT,
            c => c,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_keeps_what_it_can_hold_and_replaces_the_rest() {
        let kept: String = "a\tb\nc\rå–€\u{a0}\u{1b}\u{7}\u{0}\u{ffff}"
            .chars()
            .map(xml_char)
            .collect();
        assert_eq!(kept, "a\tb\nc\rå–€\u{a0}\u{fffd}\u{fffd}\u{fffd}\u{fffd}");
    }

    #[test]
    fn escapes_and_bidi_are_neutralised() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\u{fffd}[2Jb");
        assert_eq!(printable("x\u{202e}y"), "x\u{fffd}y");
        assert_eq!(printable("rad1\nrad2\ttab"), "rad1 rad2 tab");
        assert_eq!(printable("Älvsjö"), "Älvsjö");
    }

    #[test]
    fn the_whole_bidi_list_separators_and_zero_widths_are_replaced() {
        let hostile = [
            '\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
            '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}',
            '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{9b}', '\u{7f}',
            '\u{85}', '\u{7}',
        ];
        for c in hostile {
            assert_eq!(
                printable(&format!("a{c}b")),
                "a\u{fffd}b",
                "U+{:04X}",
                c as u32
            );
            assert_eq!(
                terminal_text(&format!("a{c}b")),
                "a\u{fffd}b",
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn a_terminal_text_keeps_its_lines() {
        assert_eq!(terminal_text("a\tb\nc\r\nd\re"), "a\tb\nc\r\nd\u{fffd}e");
        assert_eq!(
            terminal_text("\u{1b}]0;title\u{7}\u{1b}[2J"),
            "\u{fffd}]0;title\u{fffd}\u{fffd}[2J"
        );
    }
}
