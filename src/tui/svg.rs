//! A drawn screen as an SVG image, for the screenshots in the README.
//!
//! Pure: a ratatui `Buffer` in, a string out, the same string every time.
//! Every piece of text is placed at its own cell and stretched to exactly
//! its cells' width, so columns line up whatever monospace font the viewer
//! has, and å, ä, ö and wide characters sit where the terminal puts them.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// One cell is 9 × 18 pixels: 0.6 em wide at 15 px is what monospace
/// fonts advance by, so the stretching is nearly nothing.
const CELL_W: u32 = 9;
const CELL_H: u32 = 18;
const FONT_SIZE: u32 = 15;
/// From the top of a cell to the baseline of its text.
const BASELINE: u32 = 14;
/// Empty space around the screen, like a terminal window's margin.
const PAD: u32 = 10;
const FONTS: &str = "'DejaVu Sans Mono','Menlo','Consolas','Liberation Mono',monospace";

/// The terminal's own colours, used where a cell says `Reset`.
const DEFAULT_FG: &str = "#cccccc";
const DEFAULT_BG: &str = "#1e1e1e";

/// The sixteen named colours, in ANSI order (black, red, green, yellow,
/// blue, magenta, cyan, gray, then the bright ones), from a common dark
/// terminal theme.
const PALETTE: [&str; 16] = [
    "#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
    "#767676", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
];

/// A cell's symbol with what it looks like once colours are resolved.
struct Glyph<'a> {
    col: u32,
    /// Columns covered: 2 for wide characters.
    width: u32,
    symbol: &'a str,
    fg: String,
    bg: String,
    bold: bool,
    italic: bool,
    dim: bool,
    hidden: bool,
    underline: bool,
    strike: bool,
}

impl Glyph<'_> {
    fn blank(&self) -> bool {
        self.hidden || self.symbol.trim().is_empty()
    }

    /// Drawn as one piece with its neighbours when they share a style:
    /// single code points one column wide, so that stretching a run to
    /// its width cannot shift anything inside it.
    fn joins(&self) -> bool {
        self.width == 1 && self.symbol.chars().count() == 1
    }

    fn same_text_style(&self, other: &Glyph) -> bool {
        (&self.fg, self.bold, self.italic, self.dim)
            == (&other.fg, other.bold, other.italic, other.dim)
    }
}

/// The SVG image of `buffer`, with a block cursor at `cursor` if given.
pub fn render(buffer: &Buffer, cursor: Option<Position>) -> String {
    let area = buffer.area;
    let (w, h) = (
        u32::from(area.width) * CELL_W + 2 * PAD,
        u32::from(area.height) * CELL_H + 2 * PAD,
    );
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="{w}" height="{h}" rx="6" fill="{DEFAULT_BG}"/>"#
    );
    let _ = writeln!(
        out,
        r#"<g transform="translate({PAD} {PAD})" font-family="{FONTS}" font-size="{FONT_SIZE}">"#
    );
    for y in 0..area.height {
        let glyphs = row(buffer, y);
        let top = u32::from(y) * CELL_H;
        backgrounds(&mut out, &glyphs, top);
        if let Some(c) = cursor.filter(|c| c.y == area.y + y) {
            let x = u32::from(c.x.saturating_sub(area.x)) * CELL_W;
            let _ = writeln!(
                out,
                r#"<rect x="{x}" y="{top}" width="{CELL_W}" height="{CELL_H}" fill="{DEFAULT_FG}" fill-opacity="0.6"/>"#
            );
        }
        lines(&mut out, &glyphs, top);
        texts(&mut out, &glyphs, top);
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The glyphs of one row. A wide character's second cell is covered by
/// it, as on a terminal, and is not read.
fn row(buffer: &Buffer, y: u16) -> Vec<Glyph<'_>> {
    let area = buffer.area;
    let mut glyphs = Vec::new();
    let mut x = 0;
    while x < area.width {
        let Some(cell) = buffer.cell((area.x + x, area.y + y)) else {
            break;
        };
        let symbol = cell.symbol();
        let cols = UnicodeWidthStr::width(symbol).clamp(1, usize::from(area.width - x));
        let cols = u16::try_from(cols).unwrap_or(1);
        let m = cell.modifier;
        let (mut fg, mut bg) = (color(cell.fg, DEFAULT_FG), color(cell.bg, DEFAULT_BG));
        if m.contains(Modifier::REVERSED) {
            std::mem::swap(&mut fg, &mut bg);
        }
        glyphs.push(Glyph {
            col: u32::from(x),
            width: u32::from(cols),
            symbol,
            fg,
            bg,
            bold: m.contains(Modifier::BOLD),
            italic: m.contains(Modifier::ITALIC),
            dim: m.contains(Modifier::DIM),
            hidden: m.contains(Modifier::HIDDEN),
            underline: m.contains(Modifier::UNDERLINED),
            strike: m.contains(Modifier::CROSSED_OUT),
        });
        x += cols;
    }
    glyphs
}

/// Splits `glyphs` into runs of neighbours for which `same` holds.
fn runs<'g, 'a>(
    glyphs: &'g [Glyph<'a>],
    same: impl Fn(&Glyph, &Glyph) -> bool,
) -> Vec<&'g [Glyph<'a>]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=glyphs.len() {
        if i == glyphs.len() || !same(&glyphs[i - 1], &glyphs[i]) {
            out.push(&glyphs[start..i]);
            start = i;
        }
    }
    out
}

fn span(run: &[Glyph]) -> (u32, u32) {
    let first = run.first().map_or(0, |g| g.col);
    let width: u32 = run.iter().map(|g| g.width).sum();
    (first * CELL_W, width * CELL_W)
}

/// Cell backgrounds other than the terminal's own, one rectangle per run.
fn backgrounds(out: &mut String, glyphs: &[Glyph], top: u32) {
    for run in runs(glyphs, |a, b| a.bg == b.bg) {
        let bg = &run[0].bg;
        if bg != DEFAULT_BG {
            let (x, width) = span(run);
            let _ = writeln!(
                out,
                r#"<rect x="{x}" y="{top}" width="{width}" height="{CELL_H}" fill="{bg}" shape-rendering="crispEdges"/>"#
            );
        }
    }
}

/// Underlines and strike-throughs, drawn as thin bars so that they cover
/// spaces too, as a terminal does.
fn lines(out: &mut String, glyphs: &[Glyph], top: u32) {
    let marks = |g: &Glyph| (g.underline, g.strike, g.fg.clone());
    for run in runs(glyphs, |a, b| marks(a) == marks(b)) {
        let g = &run[0];
        let (x, width) = span(run);
        for (on, dy) in [(g.underline, BASELINE + 2), (g.strike, BASELINE - 5)] {
            if on {
                let y = top + dy;
                let _ = writeln!(
                    out,
                    r#"<rect x="{x}" y="{y}" width="{width}" height="1" fill="{}" shape-rendering="crispEdges"/>"#,
                    g.fg
                );
            }
        }
    }
}

/// The text, one element per run of same-styled characters between
/// blanks; each is stretched to exactly the width of its cells.
fn texts(out: &mut String, glyphs: &[Glyph], top: u32) {
    let pieces = runs(glyphs, |a, b| {
        !a.blank() && !b.blank() && a.joins() && b.joins() && a.same_text_style(b)
    });
    for run in pieces {
        let g = &run[0];
        if g.blank() {
            continue;
        }
        let (x, width) = span(run);
        let y = top + BASELINE;
        let _ = write!(
            out,
            r#"<text x="{x}" y="{y}" textLength="{width}" lengthAdjust="spacingAndGlyphs" fill="{}""#,
            g.fg
        );
        if g.bold {
            out.push_str(r#" font-weight="bold""#);
        }
        if g.italic {
            out.push_str(r#" font-style="italic""#);
        }
        if g.dim {
            out.push_str(r#" fill-opacity="0.6""#);
        }
        out.push('>');
        for glyph in run {
            escape_into(out, glyph.symbol);
        }
        out.push_str("</text>\n");
    }
}

/// XML text: the five special characters escaped, and characters XML
/// cannot hold at all (control characters) shown as a replacement mark.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// A cell colour as `#rrggbb`; `Reset` is the terminal's own colour.
fn color(c: Color, default: &str) -> String {
    let named = |i: usize| PALETTE[i].to_string();
    match c {
        Color::Reset => default.to_string(),
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Rgb(r, g, b) => hex(r, g, b),
        Color::Indexed(i) => indexed(i),
    }
}

fn hex(r: u8, g: u8, b: u8) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The xterm 256-colour table: the sixteen named colours, a 6×6×6 cube,
/// then 24 greys.
fn indexed(i: u8) -> String {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match i {
        0..=15 => PALETTE[usize::from(i)].to_string(),
        16..=231 => {
            let n = i - 16;
            let level = |k: u8| LEVELS[usize::from(k)];
            hex(level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            hex(v, v, v)
        }
    }
}

#[cfg(test)]
#[path = "svg_tests.rs"]
mod tests;
