//! Key-driven tests of the app: keys in, the screen and the database checked.

mod support;

use medel::domain::Lang;
use medel::domain::money::Money;
use medel::store::GrantDraft;
use ratatui::crossterm::event::KeyCode;
use support::db::{Db, audit_len, current_grant, recipient_id, used};
use support::ui::Ui;
use support::{d, kr};

#[test]
fn selection_moves_with_arrows_and_vim_keys() {
    let mut ui = Ui::demo(Lang::En);
    assert_eq!(ui.selected(), "Bromma");
    ui.press(KeyCode::Down);
    ui.keys("j");
    assert_eq!(ui.selected(), "Enskede-Årsta-Vantör");
    ui.keys("k");
    assert_eq!(ui.selected(), "Enheten för hemlösa");
    ui.press(KeyCode::End);
    assert_eq!(ui.selected(), "Östermalm");
    ui.keys("G");
    ui.press(KeyCode::Down);
    assert_eq!(ui.selected(), "Östermalm", "stays on the last row");
    ui.press(KeyCode::Home);
    assert_eq!(ui.selected(), "Bromma");
    ui.press(KeyCode::Up);
    assert_eq!(ui.selected(), "Bromma", "stays on the first row");
}

#[test]
fn sort_cycles_and_keeps_the_selection() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("j");
    assert_eq!(ui.selected(), "Enheten för hemlösa");
    ui.keys("s");
    assert!(
        ui.screen().contains("sorted by allocated ─"),
        "{}",
        ui.screen()
    );
    assert_eq!(
        ui.selected(),
        "Enheten för hemlösa",
        "same recipient stays selected"
    );
    ui.press(KeyCode::Home);
    assert_eq!(
        ui.selected(),
        "Enskede-Årsta-Vantör",
        "largest allocation first"
    );
    ui.keys("ss");
    assert!(
        ui.screen().contains("sorted by unused ─"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Home);
    assert_eq!(ui.selected(), "Bromma", "most unused first");
    ui.keys("s");
    assert!(
        ui.screen().contains("sorted by status ─"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Home);
    assert!(
        ui.selected_row().ends_with("UNUSED"),
        "{}",
        ui.selected_row()
    );
    ui.keys("s");
    assert!(ui.screen().contains("sorted by name ─"), "{}", ui.screen());
}

#[test]
fn filter_types_keeps_and_clears() {
    let mut ui = Ui::demo(Lang::En);
    ui.resize(120, 40);
    ui.keys("/holm");
    assert!(
        ui.screen().contains("┌ Recipients (3) "),
        "Hägersten-Liljeholmen, Kungsholmen, Skärholmen:\n{}",
        ui.screen()
    );
    ui.press(KeyCode::Enter);
    assert!(ui.screen().contains("· Search: holm ─"), "{}", ui.screen());
    assert_eq!(ui.selected(), "Hägersten-Liljeholmen");
    // With the filter kept, q is a command again (the filter field is closed).
    assert_eq!(ui.cursor_line(), "", "no text field open");
    assert!(!ui.message().contains("Search"), "{}", ui.message());
    ui.press(KeyCode::Esc);
    assert!(!ui.screen().contains("Search"), "{}", ui.screen());
    assert!(
        ui.screen().contains("┌ Recipients (15) "),
        "{}",
        ui.screen()
    );
}

#[test]
fn typing_in_the_filter_is_text_even_for_command_letters() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("/q?sa");
    assert!(!ui.quitting());
    let screen = ui.screen();
    assert!(
        !screen.contains("┌ Help: keys") && !screen.contains("┌ Flags"),
        "no page opened:\n{screen}"
    );
    assert_eq!(ui.message(), "Search: q?sa");
    ui.press(KeyCode::Esc);
    assert_eq!(ui.cursor_line(), "", "the filter field is closed");
    assert_eq!(ui.message(), "");
    assert!(
        ui.screen().contains("┌ Recipients (15) "),
        "{}",
        ui.screen()
    );
}

#[test]
fn form_edit_save_updates_database_and_status() {
    let mut ui = Ui::demo(Lang::En);
    let before = audit_len(&ui.db());
    ui.press(KeyCode::Enter); // Bromma
    assert!(
        ui.screen().contains("┌ Spending report · Bromma "),
        "{}",
        ui.screen()
    );
    ui.keys("5 000");
    ui.press(KeyCode::Enter); // down to area 2's amount
    ui.keys("1234,50");
    ui.press(KeyCode::Tab); // its note
    ui.keys("quiet quarter"); // q is text here
    assert!(!ui.quitting());
    ui.ctrl('s');
    let screen = ui.screen();
    assert!(
        !screen.contains("Spending report"),
        "the form closes on save:\n{screen}"
    );
    assert_eq!(used(&ui.db(), "Bromma"), Money::from_ore(623_450));
    assert_eq!(ui.row("Bromma"), "180,000 6,234.50 173,765.50 partial");
    // 577 468 − 6 234.50
    assert!(screen.contains("│To return   571,233.50│"), "{screen}");
    assert_eq!(audit_len(&ui.db()), before + 3, "two amounts and one note");
    assert!(ui.message().contains("Bromma"), "{}", ui.message());
    assert_eq!(ui.error(), "");
}

#[test]
fn typing_into_a_focused_field_replaces_it() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("jj"); // Enskede-Årsta-Vantör: area 1 = 60 000
    ui.press(KeyCode::Enter);
    ui.keys("61000");
    ui.ctrl('s');
    assert_eq!(used(&ui.db(), "Enskede-Årsta-Vantör"), kr(261_000));
    assert!(
        ui.row("Enskede-Årsta-Vantör").ends_with(" OVER"),
        "{}",
        ui.screen()
    );
}

#[test]
fn invalid_amount_blocks_saving_and_changes_nothing() {
    let mut ui = Ui::demo(Lang::En);
    let before = audit_len(&ui.db());
    ui.press(KeyCode::Enter);
    ui.keys("12,3456");
    let error = ui.under("1 Coordinated support for victims");
    assert!(error.contains("more than two decimals"), "{}", ui.screen());
    ui.ctrl('s');
    assert!(
        ui.screen().contains("┌ Spending report · Bromma "),
        "still open"
    );
    assert_ne!(ui.error(), "");
    assert_eq!(audit_len(&ui.db()), before);
    assert_eq!(used(&ui.db(), "Bromma"), Money::ZERO);
    // The refused text is selected: what is typed next replaces it
    // rather than being added to it, and then it saves.
    ui.keys("12");
    assert!(!ui.screen().contains("3456"), "{}", ui.screen());
    ui.ctrl('s');
    assert!(!ui.screen().contains("Spending report"), "{}", ui.screen());
    assert_eq!(used(&ui.db(), "Bromma"), kr(12));
}

#[test]
fn escape_asks_before_discarding_and_no_keeps_the_form() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Esc);
    assert!(
        !ui.screen().contains("Spending report"),
        "an untouched form closes at once"
    );
    ui.press(KeyCode::Enter);
    ui.keys("700");
    ui.press(KeyCode::Esc);
    assert!(
        ui.screen().contains("Discard unsaved changes?"),
        "{}",
        ui.screen()
    );
    ui.keys("n");
    let screen = ui.screen();
    assert!(!screen.contains("Question"), "{screen}");
    assert!(
        screen.contains("┌ Spending report · Bromma "),
        "no keeps the form"
    );
    ui.press(KeyCode::Esc);
    ui.keys("y");
    assert!(!ui.screen().contains("Spending report"), "{}", ui.screen());
    assert_eq!(used(&ui.db(), "Bromma"), Money::ZERO, "nothing saved");
}

#[test]
fn save_and_next_walks_down_the_list() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("100");
    ui.ctrl('n');
    assert!(
        ui.screen()
            .contains("┌ Spending report · Enheten för hemlösa "),
        "next form:\n{}",
        ui.screen()
    );
    assert_eq!(used(&ui.db(), "Bromma"), kr(100));
    ui.press(KeyCode::Esc);
    assert_eq!(ui.selected(), "Enheten för hemlösa");
    // At the end of the list the form closes and says so.
    ui.press(KeyCode::End);
    ui.press(KeyCode::Enter);
    ui.ctrl('n');
    assert!(!ui.screen().contains("Spending report"), "{}", ui.screen());
    assert!(ui.message().contains("last recipient"), "{}", ui.message());
}

#[test]
fn allocation_change_updates_remainder_and_flags_over_allocation() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("a"); // Bromma, 180 000
    assert!(
        ui.screen()
            .contains("│Unallocated after the change: SEK 22,953 "),
        "{}",
        ui.screen()
    );
    ui.keys("202953");
    assert!(
        ui.screen()
            .contains("│Unallocated after the change: SEK 0 "),
        "{}",
        ui.screen()
    );
    ui.keys("0"); // 2 029 530: far over
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    assert!(!screen.contains("┌ Allocate"), "{screen}");
    // 2 922 920 − 180 000 + 2 029 530
    assert!(screen.contains("│Allocated    4,772,450│"), "{screen}");
    let first_flag = screen
        .lines()
        .filter_map(|l| l.split("││").nth(1))
        .find(|pane| pane.starts_with('!'));
    assert_eq!(
        first_flag,
        Some("!! More allocated than│"),
        "over-allocation is the first flag:\n{screen}"
    );
    let log = ui.db().audit_log(None, None, 1).unwrap();
    assert_eq!(
        (
            log[0].what.as_str(),
            log[0].old.as_str(),
            log[0].new.as_str()
        ),
        ("allocation", "180000.00", "2029530.00")
    );
}

#[test]
fn bad_allocation_is_refused_with_a_message() {
    let mut ui = Ui::demo(Lang::En);
    let before = audit_len(&ui.db());
    ui.keys("a-5");
    ui.press(KeyCode::Enter);
    assert!(ui.screen().contains("┌ Allocate · Bromma "), "stays open");
    assert!(ui.error().contains("negative"), "{}", ui.message());
    assert_eq!(audit_len(&ui.db()), before);
}

#[test]
fn quit_asks_only_with_a_dirty_form() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter);
    ui.keys("1");
    ui.press(KeyCode::Esc); // asks to discard
    ui.keys("n");
    // q is text inside the form; quitting from it asks, through help.
    ui.keys("q");
    assert!(!ui.quitting());
    assert!(ui.cursor_line().contains(" 1q "), "{}", ui.cursor_line());
    ui.ctrl('s'); // invalid amount: refused, still dirty
    assert!(
        ui.screen().contains("┌ Spending report · Bromma "),
        "{}",
        ui.screen()
    );
    let quit = |ui: &mut Ui| {
        ui.press(KeyCode::F(1));
        ui.keys("q");
    };
    quit(&mut ui);
    assert!(ui.screen().contains("Quit anyway?"), "{}", ui.screen());
    ui.keys("n");
    assert!(!ui.quitting());
    quit(&mut ui);
    ui.keys("y");
    assert!(ui.quitting());
}

#[test]
fn quit_without_changes_is_immediate_and_ctrl_c_always_leaves() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("q");
    assert!(ui.quitting());
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter);
    ui.keys("55");
    ui.ctrl('c');
    assert!(ui.quitting());
    assert_eq!(used(&ui.db(), "Bromma"), Money::ZERO);
}

#[test]
fn another_session_shows_up_on_tick_without_touching_the_form() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma's form, being edited
    ui.keys("9");
    let mut other = ui.db_as("bertil");
    let g = current_grant(&other);
    let farsta = recipient_id(&other, "Farsta");
    other.set_allocation(g, farsta, kr(1), None).unwrap();
    assert!(ui.tick(), "the change is noticed");
    assert!(
        ui.screen().contains("┌ Spending report · Bromma "),
        "form kept"
    );
    assert!(ui.cursor_line().contains(" 9 "), "{}", ui.cursor_line());
    assert!(!ui.tick(), "nothing new");
    ui.press(KeyCode::Esc);
    ui.keys("y");
    assert!(ui.row("Farsta").starts_with("1 "), "{}", ui.screen());
}

#[test]
fn allocate_in_an_empty_grant_opens_the_recipient_list() {
    let db = Db::demo();
    let draft = GrantDraft::for_year("Tomt", "G", 2026).unwrap();
    let id = db.open().create_grant(&draft).unwrap();
    let mut ui = Ui::on(db, Lang::En, d("2026-02-01"), Some(id));
    ui.keys("a");
    assert!(
        ui.screen().contains("┌ All recipients (15) "),
        "{}",
        ui.screen()
    );
    assert!(
        ui.message().contains("press a to allocate"),
        "{}",
        ui.message()
    );
    ui.keys("a1000"); // Bromma, first in the list
    ui.press(KeyCode::Enter);
    ui.press(KeyCode::Esc);
    let screen = ui.screen();
    assert!(screen.starts_with(" medel · Tomt · G "), "{screen}");
    assert!(screen.contains("│Allocated        1,000│"), "{screen}");
}

#[test]
fn escape_then_a_letter_in_one_packet_is_two_keys() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("t");
    assert!(
        ui.screen().contains("┌ Used per focus area (15) "),
        "{}",
        ui.screen()
    );
    ui.alt('g');
    let screen = ui.screen();
    assert!(
        screen.contains("┌ Grants (1) ") && !screen.contains("Used per focus area"),
        "matrix closed, grants opened:\n{screen}"
    );
}

#[test]
fn escape_then_enter_in_one_packet_is_two_keys() {
    let mut ui = Ui::demo(Lang::En);
    ui.keys("c");
    assert!(ui.screen().contains("Used of allocated"), "{}", ui.screen());
    ui.alt_key(KeyCode::Enter);
    let screen = ui.screen();
    assert!(
        screen.contains("┌ Spending report · Bromma") && !screen.contains("Used of allocated"),
        "chart closed, the spending form opened:\n{screen}"
    );
}

#[test]
fn save_and_next_follows_the_order_even_when_the_save_moves_the_row() {
    let mut ui = Ui::demo(Lang::En);
    ui.resize(120, 40);
    ui.keys("ss"); // sorted by used, most first
    assert!(ui.screen().contains("sorted by used ─"), "{}", ui.screen());
    ui.press(KeyCode::Home);
    for _ in 0..15 {
        if ui.selected() == "Hässelby-Vällingby" {
            break;
        }
        ui.press(KeyCode::Down);
    }
    assert_eq!(ui.selected(), "Hässelby-Vällingby");
    ui.press(KeyCode::Down);
    let expected_next = ui.selected();
    ui.press(KeyCode::Up);
    ui.press(KeyCode::Enter);
    ui.keys("0"); // 120 000 → 0: Hässelby drops down the list
    ui.ctrl('n');
    let title = format!("┌ Spending report · {expected_next} ");
    assert!(ui.screen().contains(&title), "{title}:\n{}", ui.screen());
}

#[test]
fn f1_opens_help_from_a_form_and_f_closes_the_flags_page() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter);
    ui.keys("?");
    assert!(!ui.screen().contains("Help: keys"), "? is text in a field");
    ui.press(KeyCode::F(1));
    assert!(ui.screen().contains("┌ Help: keys "));
    ui.press(KeyCode::Esc);
    let screen = ui.screen();
    assert!(
        !screen.contains("Help: keys") && screen.contains("┌ Spending report · Bromma "),
        "help closed, form kept:\n{screen}"
    );
    ui.press(KeyCode::Esc);
    ui.keys("y");
    ui.keys("f");
    assert!(ui.screen().contains("┌ Flags "), "{}", ui.screen());
    ui.keys("f");
    assert!(!ui.screen().contains("┌ Flags "), "{}", ui.screen());
}
