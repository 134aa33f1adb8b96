//! Whole screens drawn by the real drawing code on the demo data, at
//! 80×24 and 120×40, in Swedish and English.

mod support;

use medel::domain::Lang;
use medel::domain::model::RecipientKind;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use support::db::Db;
use support::kr;
use support::ui::Ui;
use support::{today, ui::text};

#[test]
fn main_view_sv_80x24() {
    let ui = Ui::demo(Lang::Sv);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn main_view_en_120x40() {
    let ui = Ui::demo(Lang::En);
    insta::assert_snapshot!(ui.screen_at(120, 40));
}

#[test]
fn form_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn main_view_en_80x24() {
    let ui = Ui::demo(Lang::En);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn main_view_sv_120x40() {
    let ui = Ui::demo(Lang::Sv);
    insta::assert_snapshot!(ui.screen_at(120, 40));
}

#[test]
fn form_en_120x40_with_an_error_under_the_field() {
    let mut ui = Ui::demo(Lang::En);
    for _ in 0..9 {
        ui.press(KeyCode::Down); // to Skarpnäck
    }
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter); // area 2
    ui.keys("1.2.3");
    insta::assert_snapshot!(ui.screen_at(120, 40));
}

#[test]
fn allocation_popup_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.press(KeyCode::Char('a'));
    ui.keys("300000");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn help_overlay_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.press(KeyCode::Char('?'));
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn flags_overlay_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Char('f'));
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn too_small_says_what_it_needs() {
    let ui = Ui::demo(Lang::En);
    insta::assert_snapshot!(ui.screen_at(60, 10));
    let ui = Ui::demo(Lang::Sv);
    let text = ui.screen_at(79, 24);
    assert!(text.contains("behöver 80×24, har 79×24"), "{text}");
}

#[test]
fn colours_follow_the_status_and_never_carry_meaning_alone() {
    let ui = Ui::demo(Lang::Sv);
    let buf = ui.buffer();
    let find = |needle: &str| {
        (0..24u16)
            .find_map(|y| {
                let row: String = (0..80u16)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect();
                row.find(needle)
                    .map(|bytes| (row[..bytes].chars().count() as u16, y))
            })
            .unwrap_or_else(|| panic!("{needle} not on screen"))
    };
    let (x, y) = find("OANVÄNT");
    assert_eq!(buf[(x, y)].fg, Color::Red);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find("delvis");
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    let (x, y) = find("!  Redovisningen");
    assert_eq!(
        buf[(x, y)].fg,
        Color::Yellow,
        "due soon is a warning: yellow"
    );
    // Without colour the same words are there, in the default colour.
    let mut plain = Ui::demo(Lang::Sv);
    plain.no_colour();
    let buf = plain.buffer();
    let text = text(&buf);
    assert!(text.contains("OANVÄNT") && text.contains("delvis"));
    for y in 0..24u16 {
        for x in 0..80u16 {
            assert_eq!(
                buf[(x, y)].fg,
                Color::Reset,
                "colour at {x},{y} with NO_COLOR"
            );
        }
    }
}

#[test]
fn history_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    for _ in 0..9 {
        ui.press(KeyCode::Down); // Skarpnäck
    }
    ui.press(KeyCode::Char('H'));
    let text = ui.screen();
    // The time column is local time; mask it so the snapshot holds anywhere.
    let masked: String = text
        .lines()
        .map(|l| {
            let mut out = String::new();
            let chars: Vec<char> = l.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                let rest: String = chars[i..].iter().take(16).collect();
                if rest.len() == 16
                    && rest.as_bytes()[4] == b'-'
                    && rest.as_bytes()[13] == b':'
                    && rest.starts_with("20")
                {
                    out.push_str("YYYY-MM-DD hh:mm");
                    i += 16;
                } else {
                    out.push(chars[i]);
                    i += 1;
                }
            }
            out + "\n"
        })
        .collect();
    insta::assert_snapshot!(masked);
}

#[test]
fn hostile_names_and_notes_render_as_plain_text() {
    let db = Db::demo();
    let mut store = db.open();
    let g = support::db::current_grant(&store);
    let evil = "Evil\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}gnirts\nnext";
    let r = store.add_recipient(evil, "", RecipientKind::Other).unwrap();
    store.set_allocation(g, r, kr(1), None).unwrap();
    let long = "x".repeat(5000);
    let loaded = store.entry(g, r).unwrap();
    let mut e = loaded.clone();
    e.spending[0].note = format!("\u{1b}[31mred{long}");
    store.save_entry(g, r, &loaded, &e, false).unwrap();
    drop(store);
    let mut ui = Ui::on(db, Lang::En, today(), None);
    let buf = ui.buffer();
    for y in 0..24u16 {
        for x in 0..80u16 {
            let sym = buf[(x, y)].symbol();
            assert!(
                !sym.chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "control at {x},{y}: {sym:?}"
            );
        }
    }
    insta::assert_snapshot!("hostile_main", ui.screen());
    ui.keys("/evil");
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Enter); // its form, with the long note
    insta::assert_snapshot!("hostile_form", ui.screen());
}

#[test]
fn report_preview_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("r");
    insta::assert_snapshot!(ui.screen_at(80, 24));
}

#[test]
fn report_preview_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("r");
    insta::assert_snapshot!(ui.screen_at(80, 24));
}

/// The preview wraps the report to its own width: at any width every
/// line but a paragraph's last is filled as far as the next word allows,
/// so no word is left alone on a line by wrapping twice.
#[test]
fn report_preview_wraps_to_the_window_without_orphan_words() {
    for width in [80u16, 100, 120] {
        let mut ui = Ui::demo(Lang::Sv);
        ui.keys("r");
        let screen = ui.screen_at(width, 400);
        let inner = width as usize - 2;
        let rows: Vec<String> = screen
            .lines()
            .map(|l| {
                l.trim_start_matches('│')
                    .trim_end_matches('│')
                    .trim_end()
                    .to_string()
            })
            .collect();
        for pair in rows.windows(2) {
            let (line, next) = (&pair[0], &pair[1]);
            let Some(word) = next.split_whitespace().next() else {
                continue;
            };
            // A list item's continuation is indented by two.
            let cont = next.starts_with("  ") && !next.trim_start().starts_with('-');
            if line.is_empty() || (!cont && next.starts_with("- ")) || line.contains("──") {
                continue;
            }
            if line.contains("  ") && !line.starts_with("- ") && !line.starts_with("  ") {
                continue; // a table row
            }
            let room = inner.saturating_sub(text_width(line) + 1);
            assert!(
                text_width(word) > room || word.chars().all(|c| c.is_ascii_digit()),
                "{word:?} would have fitted after {line:?} at width {width}"
            );
        }
        // Headings are headings, not underlined text.
        let under = rows
            .iter()
            .position(|r| r == "Sammanfattning")
            .map(|i| rows[i + 1].clone());
        assert_eq!(under.as_deref(), Some(""), "{screen}");
    }
}

fn text_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[test]
fn report_preview_shows_headings_in_bold() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("r");
    let buffer = ui.buffer_at(80, 24);
    let row = (0..24)
        .find(|y| {
            (0..80)
                .map(|x| buffer[(x, *y)].symbol())
                .collect::<String>()
                .contains("Sammanfattning")
        })
        .expect("the summary heading on the first page");
    let x = (0..80)
        .find(|x| buffer[(*x, row)].symbol() == "S")
        .expect("its first letter");
    assert!(buffer[(x, row)].modifier.contains(Modifier::BOLD));
}

#[test]
fn report_write_dialog_sv_80x24() {
    let mut ui = Ui::demo(Lang::Sv);
    ui.keys("rw");
    insta::assert_snapshot!(ui.screen_at(80, 24));
}

#[test]
fn report_write_dialog_en_80x24() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("rw");
    insta::assert_snapshot!(ui.screen_at(80, 24));
}

/// Issue 14: before the use period ends nothing is owed yet: the pane says
/// what is not yet used and that it goes back; after the period it says
/// "to return". Credited money is "Avräknat", allocated "Fördelat".
#[test]
fn the_return_is_named_for_what_it_is_on_the_day() {
    for (lang, during, after) in [
        (Lang::Sv, "Ej använt än (går åter)", "Att återbetala"),
        (Lang::En, "Not yet used (goes back)", "To return"),
    ] {
        let db = support::db::Db::demo();
        let ui = Ui::on(db, lang, support::d("2017-12-10"), None);
        let screen = ui.screen_at(120, 40);
        assert!(screen.contains(during), "{screen}");
        assert!(!screen.contains(after), "{screen}");
        let days = lang.pick("21 dagar kvar att använda", "21 days left to use");
        assert!(screen.contains(days), "{screen}");
        let db = support::db::Db::demo();
        let ui = Ui::on(db, lang, support::d("2018-03-01"), None);
        let screen = ui.screen_at(120, 40);
        assert!(screen.contains(after), "{screen}");
        assert!(!screen.contains(during), "{screen}");
    }
    let ui = Ui::demo(Lang::Sv);
    let screen = ui.screen_at(120, 40);
    for word in ["Avräknat", "Fördelat"] {
        assert!(screen.contains(word), "{screen}");
    }
    for word in ["Godkänt", "Tilldelat"] {
        assert!(!screen.contains(word), "{screen}");
    }
}

/// Issue 14: an error hint is wrapped under its field at 80 columns,
/// never cut, in either language.
#[test]
fn error_hints_wrap_under_the_field_at_80_columns() {
    for lang in [Lang::Sv, Lang::En] {
        let mut ui = Ui::demo(lang);
        ui.press(KeyCode::Enter); // Bromma
        ui.keys("12,500");
        let screen = ui.screen();
        let said = medel::i18n::money_errors::explain(
            &medel::domain::Money::parse_for("12,500", lang).unwrap_err(),
            lang,
        );
        let last_word = said.split(' ').next_back().unwrap();
        assert!(screen.contains(last_word), "{last_word:?} in\n{screen}");
        let under: Vec<&str> = screen
            .lines()
            .skip_while(|l| !l.contains('↳'))
            .take_while(|l| !l.starts_with("│2 "))
            .collect();
        assert!(under.len() >= 2, "wrapped on more than one line:\n{screen}");
        let joined: String = under
            .iter()
            .map(|l| l.trim_matches('│').trim().trim_start_matches("↳ "))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, said, "{screen}");
    }
}
