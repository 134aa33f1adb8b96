//! Key-driven tests of the app: keys in, state and database checked.

use chrono::NaiveDate;
use medel::domain::Lang;
use medel::domain::money::Money;
use medel::domain::status::RecipientStatus;
use medel::store::Store;
use medel::tui::App;
use medel::tui::app::Screen;
use medel::tui::screens::main::SortKey;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn demo_app() -> App {
    let mut store = Store::open_in_memory().unwrap();
    store.set_who("test");
    medel::demo::write(&mut store).unwrap();
    App::new(
        store,
        Lang::En,
        NaiveDate::from_ymd_opt(2018, 3, 1).unwrap(),
        None,
    )
    .unwrap()
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn selected(app: &App) -> String {
    let d = app.ctx.grant.as_ref().unwrap();
    app.main.list.selected_line(&d.status).unwrap().name.clone()
}

fn line<'a>(app: &'a App, name: &str) -> &'a medel::domain::status::RecipientLine {
    let d = app.ctx.grant.as_ref().unwrap();
    d.status.recipients.iter().find(|r| r.name == name).unwrap()
}

fn used_in_db(app: &App, name: &str) -> Money {
    let g = app.ctx.grant.as_ref().unwrap().grant.id;
    let r = app.ctx.store.recipient_by_name(name).unwrap().unwrap().id;
    app.ctx.store.entry(g, r).unwrap().used()
}

fn audit_rows(app: &App) -> usize {
    app.ctx.store.audit_log(None, None, 100_000).unwrap().len()
}

#[test]
fn selection_moves_with_arrows_and_vim_keys() {
    let mut app = demo_app();
    assert_eq!(selected(&app), "Bromma");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(selected(&app), "Enskede-Årsta-Vantör");
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(selected(&app), "Enheten för hemlösa");
    key(&mut app, KeyCode::End);
    assert_eq!(selected(&app), "Östermalm");
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Down);
    assert_eq!(selected(&app), "Östermalm", "stays on the last row");
    key(&mut app, KeyCode::Home);
    assert_eq!(selected(&app), "Bromma");
    key(&mut app, KeyCode::Up);
    assert_eq!(selected(&app), "Bromma", "stays on the first row");
}

#[test]
fn sort_cycles_and_keeps_the_selection() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(selected(&app), "Enheten för hemlösa");
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.main.list.sort, SortKey::Allocated);
    assert_eq!(
        selected(&app),
        "Enheten för hemlösa",
        "same recipient stays selected"
    );
    key(&mut app, KeyCode::Home);
    assert_eq!(
        selected(&app),
        "Enskede-Årsta-Vantör",
        "largest allocation first"
    );
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.main.list.sort, SortKey::Unused);
    key(&mut app, KeyCode::Home);
    assert_eq!(selected(&app), "Bromma", "most unused first");
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.main.list.sort, SortKey::Status);
    key(&mut app, KeyCode::Home);
    let d = app.ctx.grant.as_ref().unwrap();
    assert_eq!(
        app.main.list.selected_line(&d.status).unwrap().status,
        RecipientStatus::Unused
    );
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.main.list.sort, SortKey::Name);
}

#[test]
fn filter_types_keeps_and_clears() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "holm");
    assert_eq!(
        app.main.list.rows.len(),
        3,
        "Hägersten-Liljeholmen, Kungsholmen, Skärholmen"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.main.list.filter, "holm");
    assert_eq!(selected(&app), "Hägersten-Liljeholmen");
    // With the filter kept, q is a command again (the filter field is closed).
    assert!(app.main.list.filter_input.is_none());
    key(&mut app, KeyCode::Esc);
    assert!(app.main.list.filter.is_empty());
    assert_eq!(app.main.list.rows.len(), 15);
}

#[test]
fn typing_in_the_filter_is_text_even_for_command_letters() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "q?sa");
    assert!(!app.quit);
    assert!(!matches!(
        app.screens.last(),
        Some(Screen::Help(_) | Screen::Flags(_))
    ));
    assert_eq!(app.main.list.filter_input.as_ref().unwrap().value(), "q?sa");
    key(&mut app, KeyCode::Esc);
    assert!(app.main.list.filter_input.is_none());
    assert_eq!(app.main.list.rows.len(), 15);
}

#[test]
fn form_edit_save_updates_database_and_status() {
    let mut app = demo_app();
    let before = audit_rows(&app);
    key(&mut app, KeyCode::Enter); // Bromma
    assert!(matches!(app.screens.last(), Some(Screen::Form(_))));
    typed(&mut app, "5 000");
    key(&mut app, KeyCode::Enter); // down to area 2's amount
    typed(&mut app, "1234,50");
    key(&mut app, KeyCode::Tab); // its note
    typed(&mut app, "quiet quarter"); // q is text here
    assert!(!app.quit);
    ctrl(&mut app, 's');
    assert!(app.screens.is_empty(), "the form closes on save");
    assert_eq!(used_in_db(&app, "Bromma"), Money::from_ore(623_450));
    let bromma = line(&app, "Bromma");
    assert_eq!(bromma.status, RecipientStatus::Partial);
    let status = &app.ctx.grant.as_ref().unwrap().status;
    assert_eq!(
        status.to_return,
        Money::from_kronor(577_468) - Money::from_ore(623_450)
    );
    assert_eq!(audit_rows(&app), before + 3, "two amounts and one note");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| !m.error && m.text.contains("Bromma"))
    );
}

#[test]
fn typing_into_a_focused_field_replaces_it() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j')); // Enskede-Årsta-Vantör: area 1 = 60 000
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "61000");
    ctrl(&mut app, 's');
    assert_eq!(
        used_in_db(&app, "Enskede-Årsta-Vantör"),
        Money::from_kronor(261_000)
    );
    assert_eq!(
        line(&app, "Enskede-Årsta-Vantör").status,
        RecipientStatus::Overspent
    );
}

#[test]
fn invalid_amount_blocks_saving_and_changes_nothing() {
    let mut app = demo_app();
    let before = audit_rows(&app);
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "12,3456");
    let Some(Screen::Form(f)) = app.screens.last() else {
        panic!("form")
    };
    let err = f.fields[0].error.clone().unwrap();
    assert!(err.contains("more than two decimals"), "{err}");
    ctrl(&mut app, 's');
    assert!(
        matches!(app.screens.last(), Some(Screen::Form(_))),
        "still open"
    );
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    assert_eq!(audit_rows(&app), before);
    assert_eq!(used_in_db(&app, "Bromma"), Money::ZERO);
    // Correcting the field lets it save.
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    ctrl(&mut app, 's');
    assert!(app.screens.is_empty());
    assert_eq!(used_in_db(&app, "Bromma"), Money::from_kronor(12));
}

#[test]
fn escape_asks_before_discarding_and_no_keeps_the_form() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert!(app.screens.is_empty(), "an untouched form closes at once");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "700");
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screens.last(), Some(Screen::Question(_))));
    key(&mut app, KeyCode::Char('n'));
    assert!(
        matches!(app.screens.last(), Some(Screen::Form(_))),
        "no keeps the form"
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    assert!(app.screens.is_empty());
    assert_eq!(used_in_db(&app, "Bromma"), Money::ZERO, "nothing saved");
}

#[test]
fn save_and_next_walks_down_the_list() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Enter); // Bromma
    typed(&mut app, "100");
    ctrl(&mut app, 'n');
    let Some(Screen::Form(f)) = app.screens.last() else {
        panic!("next form")
    };
    assert_eq!(f.recipient_name, "Enheten för hemlösa");
    assert_eq!(used_in_db(&app, "Bromma"), Money::from_kronor(100));
    key(&mut app, KeyCode::Esc);
    assert_eq!(selected(&app), "Enheten för hemlösa");
    // At the end of the list the form closes and says so.
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'n');
    assert!(app.screens.is_empty());
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("last recipient")
    );
}

#[test]
fn allocation_change_updates_remainder_and_flags_over_allocation() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('a')); // Bromma, 180 000
    let Some(Screen::Allocation(a)) = app.screens.last() else {
        panic!("popup")
    };
    assert_eq!(a.remainder(), Some(Money::from_kronor(22_953)));
    typed(&mut app, "202953");
    let Some(Screen::Allocation(a)) = app.screens.last() else {
        panic!("popup")
    };
    assert_eq!(a.remainder(), Some(Money::ZERO));
    typed(&mut app, "0"); // 2 029 530: far over
    key(&mut app, KeyCode::Enter);
    assert!(app.screens.is_empty());
    let s = &app.ctx.grant.as_ref().unwrap().status;
    assert_eq!(
        s.allocated,
        Money::from_kronor(2_922_920 - 180_000 + 2_029_530)
    );
    assert_eq!(s.flags[0].code(), "over_allocated");
    let log = app.ctx.store.audit_log(None, None, 1).unwrap();
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
    let mut app = demo_app();
    let before = audit_rows(&app);
    key(&mut app, KeyCode::Char('a'));
    typed(&mut app, "-5");
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screens.last(), Some(Screen::Allocation(_))),
        "stays open"
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.error && m.text.contains("negative"))
    );
    assert_eq!(audit_rows(&app), before);
}

#[test]
fn quit_asks_only_with_a_dirty_form() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "1");
    key(&mut app, KeyCode::Esc); // asks to discard
    key(&mut app, KeyCode::Char('n'));
    // q is text inside the form; leave it with Esc, then ask to quit from the main view.
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    let Some(Screen::Form(f)) = app.screens.last() else {
        panic!("form")
    };
    assert_eq!(f.fields[0].input.value(), "1q");
    ctrl(&mut app, 's'); // invalid amount: refused, still dirty
    assert!(matches!(app.screens.last(), Some(Screen::Form(_))));
    app.request_quit();
    assert!(matches!(app.screens.last(), Some(Screen::Question(_))));
    key(&mut app, KeyCode::Char('n'));
    assert!(!app.quit);
    app.request_quit();
    key(&mut app, KeyCode::Char('y'));
    assert!(app.quit);
}

#[test]
fn quit_without_changes_is_immediate_and_ctrl_c_always_leaves() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
    let mut app = demo_app();
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "55");
    ctrl(&mut app, 'c');
    assert!(app.quit);
    assert_eq!(used_in_db(&app, "Bromma"), Money::ZERO);
}

#[test]
fn help_opens_and_closes() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('?'));
    assert!(matches!(
        app.screens.last(),
        Some(Screen::Help(_) | Screen::Flags(_))
    ));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Esc);
    assert!(!matches!(
        app.screens.last(),
        Some(Screen::Help(_) | Screen::Flags(_))
    ));
    key(&mut app, KeyCode::F(1));
    assert!(matches!(
        app.screens.last(),
        Some(Screen::Help(_) | Screen::Flags(_))
    ));
    key(&mut app, KeyCode::Char('?'));
    assert!(!matches!(
        app.screens.last(),
        Some(Screen::Help(_) | Screen::Flags(_))
    ));
}

#[test]
fn another_session_shows_up_on_tick_without_touching_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.sqlite");
    let mut store = Store::open(&path).unwrap();
    medel::demo::write(&mut store).unwrap();
    let today = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
    let mut app = App::new(store, Lang::En, today, None).unwrap();
    key(&mut app, KeyCode::Enter); // Bromma's form, being edited
    typed(&mut app, "9");
    let mut other = Store::open(&path).unwrap();
    other.set_who("bertil");
    let g = other.current_grant().unwrap().unwrap().id;
    let farsta = other.recipient_by_name("Farsta").unwrap().unwrap().id;
    other
        .set_allocation(g, farsta, Money::from_kronor(1), None)
        .unwrap();
    assert!(app.tick(), "the change is noticed");
    assert_eq!(line(&app, "Farsta").allocated, Money::from_kronor(1));
    let Some(Screen::Form(f)) = app.screens.last() else {
        panic!("form kept")
    };
    assert_eq!(f.fields[0].input.value(), "9");
    assert!(!app.tick(), "nothing new");
}

#[test]
fn allocate_in_an_empty_grant_opens_the_recipient_list() {
    let mut store = Store::open_in_memory().unwrap();
    medel::demo::write(&mut store).unwrap();
    let draft = medel::store::GrantDraft::for_year("Tomt", "G", 2026).unwrap();
    let id = store.create_grant(&draft).unwrap();
    let mut app = App::new(
        store,
        Lang::En,
        NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
        Some(id),
    )
    .unwrap();
    key(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.screens.last(), Some(Screen::Recipients(_))));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("press a to allocate")
    );
    key(&mut app, KeyCode::Char('a')); // Bromma, first in the list
    typed(&mut app, "1000");
    key(&mut app, KeyCode::Enter);
    let d = app.ctx.grant.as_ref().unwrap();
    assert_eq!(d.grant.id, id);
    assert_eq!(d.status.allocated, Money::from_kronor(1000));
}

#[test]
fn escape_then_a_letter_in_one_packet_is_two_keys() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('t'));
    assert!(matches!(app.screens.last(), Some(Screen::Matrix(_))));
    // What a terminal reads when Esc and g arrive together.
    app.handle_key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::ALT));
    assert!(
        matches!(app.screens.last(), Some(Screen::Grants(_))),
        "matrix closed, grants opened"
    );
}

#[test]
fn save_and_next_follows_the_order_even_when_the_save_moves_the_row() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('s')); // sorted by used, most first
    assert_eq!(app.main.list.sort, SortKey::Used);
    key(&mut app, KeyCode::Home);
    for _ in 0..15 {
        if selected(&app) == "Hässelby-Vällingby" {
            break;
        }
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(selected(&app), "Hässelby-Vällingby");
    key(&mut app, KeyCode::Down);
    let expected_next = selected(&app);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "0"); // 120 000 → 0: Hässelby drops down the list
    ctrl(&mut app, 'n');
    let Some(Screen::Form(f)) = app.screens.last() else {
        panic!("next form")
    };
    assert_eq!(f.recipient_name, expected_next);
}

#[test]
fn f1_opens_help_from_a_form_and_f_closes_the_flags_page() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('?'));
    assert!(
        !matches!(app.screens.last(), Some(Screen::Help(_) | Screen::Flags(_))),
        "? is text in a field"
    );
    key(&mut app, KeyCode::F(1));
    assert!(matches!(
        app.screens.last(),
        Some(Screen::Help(_) | Screen::Flags(_))
    ));
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.screens.last(), Some(Screen::Form(_))),
        "help closed, form kept"
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    key(&mut app, KeyCode::Char('f'));
    assert!(matches!(
        app.screens.last(),
        Some(Screen::Help(_) | Screen::Flags(_))
    ));
    key(&mut app, KeyCode::Char('f'));
    assert!(!matches!(
        app.screens.last(),
        Some(Screen::Help(_) | Screen::Flags(_))
    ));
}
