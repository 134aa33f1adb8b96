use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};

use super::*;

fn buffer(width: u16, text: &str, style: Style) -> Buffer {
    let mut b = Buffer::empty(Rect::new(0, 0, width, 1));
    b.set_string(0, 0, text, style);
    b
}

fn texts_of(svg: &str) -> Vec<&str> {
    svg.lines().filter(|l| l.starts_with("<text")).collect()
}

#[test]
fn words_are_placed_at_their_cells_and_blanks_are_not_drawn() {
    let svg = render(&buffer(10, "ab  cd", Style::new()), None);
    let t = texts_of(&svg);
    assert_eq!(t.len(), 2, "{svg}");
    assert!(
        t[0].starts_with(r#"<text x="0" y="14" textLength="18""#),
        "{}",
        t[0]
    );
    assert!(t[0].ends_with(">ab</text>"));
    assert!(
        t[1].starts_with(r#"<text x="36" y="14" textLength="18""#),
        "{}",
        t[1]
    );
    // 10 columns of 9 px and a 10 px margin each side.
    assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="110" height="38""#));
}

#[test]
fn swedish_letters_take_one_cell_and_wide_characters_two() {
    let svg = render(&buffer(10, "Älvsjö 界x", Style::new()), None);
    let t = texts_of(&svg);
    assert!(t[0].contains(r#"textLength="54""#) && t[0].ends_with(">Älvsjö</text>"));
    assert!(
        t[1].starts_with(r#"<text x="63" y="14" textLength="18""#),
        "{}",
        t[1]
    );
    assert!(t[1].ends_with(">界</text>"));
    assert!(t[2].starts_with(r#"<text x="81" "#), "{}", t[2]);
}

#[test]
fn markup_characters_are_escaped() {
    let svg = render(&buffer(12, r#"<a&b>"'"#, Style::new()), None);
    assert!(svg.contains(">&lt;a&amp;b&gt;&quot;&apos;</text>"), "{svg}");
}

#[test]
fn colours_come_from_the_palette_and_the_xterm_table() {
    let style = Style::new().fg(Color::Red).bg(Color::Blue);
    let svg = render(&buffer(4, "x", style), None);
    assert!(
        svg.contains(r##"width="9" height="18" fill="#2472c8""##),
        "{svg}"
    );
    assert!(svg.contains(r##"fill="#cd3131">x</text>"##), "{svg}");

    assert_eq!(color(Color::Indexed(196), DEFAULT_FG), "#ff0000");
    assert_eq!(color(Color::Indexed(244), DEFAULT_FG), "#808080");
    assert_eq!(color(Color::Indexed(4), DEFAULT_FG), PALETTE[4]);
    assert_eq!(color(Color::Rgb(1, 171, 255), DEFAULT_FG), "#01abff");
    assert_eq!(color(Color::Reset, DEFAULT_BG), DEFAULT_BG);
}

#[test]
fn reversed_swaps_the_terminal_colours_too() {
    let style = Style::new().add_modifier(Modifier::REVERSED);
    let svg = render(&buffer(4, "ok", style), None);
    let bg = format!(r#"width="18" height="18" fill="{DEFAULT_FG}""#);
    assert!(svg.contains(&bg), "{svg}");
    assert!(
        svg.contains(&format!(r#"fill="{DEFAULT_BG}">ok</text>"#)),
        "{svg}"
    );
}

#[test]
fn bold_and_underline_are_kept_and_underline_covers_spaces() {
    let style = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let svg = render(&buffer(10, "Name  Used", style), None);
    let t = texts_of(&svg);
    assert!(
        t.iter().all(|l| l.contains(r#"font-weight="bold""#)),
        "{svg}"
    );
    let underline = format!(r#"<rect x="0" y="16" width="90" height="1" fill="{DEFAULT_FG}""#);
    assert!(svg.contains(&underline), "{svg}");
}

#[test]
fn a_run_breaks_where_the_style_changes() {
    let mut b = buffer(6, "abcd", Style::new());
    b.set_style(Rect::new(2, 0, 2, 1), Style::new().fg(Color::Green));
    let t = texts_of(&render(&b, None)).len();
    assert_eq!(t, 2);
}

#[test]
fn the_cursor_is_a_block_on_its_cell() {
    let svg = render(&buffer(5, "", Style::new()), Some(Position::new(3, 0)));
    assert!(
        svg.contains(r#"<rect x="27" y="0" width="9" height="18""#),
        "{svg}"
    );
}

#[test]
fn the_same_screen_gives_the_same_bytes() {
    let b = buffer(20, "Bromma 180 000 OANVÄNT", Style::new().fg(Color::Cyan));
    assert_eq!(render(&b, None), render(&b, None));
}
