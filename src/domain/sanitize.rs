//! Text from other people (imports, other sessions) made safe to show:
//! no escape sequence may reach the terminal, no bidi control may reorder
//! the screen.

/// Replaces control characters and bidirectional overrides; tabs and
/// newlines become spaces so one value stays on one line.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => '\u{fffd}',
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                '\u{fffd}'
            }
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_are_neutralised() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\u{fffd}[2Jb");
        assert_eq!(printable("x\u{202e}y"), "x\u{fffd}y");
        assert_eq!(printable("rad1\nrad2\ttab"), "rad1 rad2 tab");
        assert_eq!(printable("Älvsjö"), "Älvsjö");
    }
}
