//! Text on screen: display widths, cutting, padding, wrapping, and the
//! centred rectangle popups take.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::sanitize::printable;

/// Display width in terminal columns (å, ä, ö are one; CJK are two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts text to `max` columns, ending in `…` when something was cut.
/// Control characters never reach the screen.
pub fn fit(s: &str, max: usize) -> String {
    let s = printable(s);
    if width(&s) <= max {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Right-aligns to `cols` columns.
pub fn right(s: &str, cols: usize) -> String {
    let w = width(s);
    if w >= cols {
        s.to_string()
    } else {
        format!("{}{s}", " ".repeat(cols - w))
    }
}

/// Left-aligns to `cols` columns, cutting when too long.
pub fn left(s: &str, cols: usize) -> String {
    let s = fit(s, cols);
    let w = width(&s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

/// Splits at spaces but keeps amounts whole: `180 000 kr` and
/// `SEK 180,000` are one word each.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in text.split(' ').filter(|w| !w.is_empty()) {
        let starts_digit = token.starts_with(|c: char| c.is_ascii_digit());
        let glue = out.last().is_some_and(|prev| {
            let prev_digit = prev.ends_with(|c: char| c.is_ascii_digit());
            let unit = matches!(
                token.trim_end_matches([',', '.', ';', ')']),
                "kr" | "kronor"
            );
            (prev_digit && (starts_digit || unit)) || (prev == "SEK" && starts_digit)
        });
        match out.last_mut() {
            Some(prev) if glue => {
                prev.push(' ');
                prev.push_str(token);
            }
            _ => out.push(token.to_string()),
        }
    }
    out
}

/// Breaks text into lines of at most `cols` columns at spaces; a word
/// longer than a line is cut.
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in words(&printable(text)) {
        let word = word.as_str();
        let sep = usize::from(!line.is_empty());
        if width(&line) + sep + width(word) <= cols {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if width(word) <= cols {
            line.push_str(word);
        } else {
            lines.push(fit(word, cols));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A centred rectangle of at most the given size.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_columns() {
        assert_eq!(width("Älvsjö"), 6);
        assert_eq!(fit("Hägersten-Liljeholmen", 10), "Hägersten…");
        assert_eq!(right("5", 3), "  5");
        assert_eq!(left("ab", 4), "ab  ");
        assert_eq!(width(&fit("漢字漢字", 5)), 5);
        assert_eq!(fit("a\u{1b}b", 5), "a\u{fffd}b");
        assert_eq!(
            wrap("Bromma: 0 av 180 000 kr, använt", 12),
            ["Bromma: 0 av", "180 000 kr,", "använt"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abc…"]);
    }
}
