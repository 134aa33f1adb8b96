//! Screens checked for exactly what they must show: tests that replace
//! weaker ones in the `tui_*` files (named at each test), kept apart while
//! the full-screen app is being restructured.

mod support;

use medel::domain::Lang;
use ratatui::crossterm::event::KeyCode;
use support::db::WHO;
use support::ui::Ui;

/// The main view with nothing over it.
fn on_main(ui: &Ui) -> bool {
    let screen = ui.screen();
    screen.contains("┌ Recipients (15) · sorted by name ")
        && !screen.contains("┌ Question")
        && !screen.contains("┌ Help: keys ")
        && !screen.contains("┌ Flags ")
}

/// The help page, told from the flags page by its title and its lines.
fn on_help(ui: &Ui) -> bool {
    let screen = ui.screen();
    if !screen.contains("┌ Help: keys ") || screen.contains("┌ Flags ") {
        return false;
    }
    let help = ui.boxed("Help: keys");
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    help.contains("enter spending a allocate / search f all flags s sort g grants")
        && screen.contains("└ Esc or ? closes ")
}

/// Replaces `tui_keys::help_opens_and_closes`, which could not tell help
/// from the flags page.
#[test]
fn help_opens_and_closes_and_is_not_the_flags_page() {
    let mut ui = Ui::demo(Lang::En);
    assert!(on_main(&ui), "{}", ui.screen());
    ui.keys("?");
    assert!(on_help(&ui), "{}", ui.screen());
    ui.keys("j");
    assert!(on_help(&ui), "j scrolls, help stays:\n{}", ui.screen());
    ui.press(KeyCode::Esc);
    assert!(on_main(&ui), "{}", ui.screen());
    ui.press(KeyCode::F(1));
    assert!(on_help(&ui), "{}", ui.screen());
    ui.keys("?");
    assert!(on_main(&ui), "{}", ui.screen());
    // The flags page is something else, and the check says so.
    ui.keys("f");
    assert!(!on_help(&ui), "{}", ui.screen());
    let flags = ui.boxed("Flags");
    assert!(
        flags.contains("!  The report is due on 2018-03-31, in 30 days"),
        "{flags}"
    );
    ui.press(KeyCode::Esc);
    assert!(on_main(&ui), "{}", ui.screen());
}

/// Replaces `tui_drafts::drafts_belong_to_their_user`, which ignored
/// whether a draft was kept at all.
#[test]
fn drafts_belong_to_their_user() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("9");
    assert_eq!(ui.save_drafts(), 1, "the typed form is kept");
    let ui = ui.restart_as("bertil");
    assert!(on_main(&ui), "bertil is not offered it:\n{}", ui.screen());
    assert_eq!(ui.db().drafts().unwrap().len(), 1, "and it is still there");
    let ui = ui.restart_as(WHO);
    let q = ui.boxed("Question");
    assert!(q.contains("Bromma"), "its owner is offered it: {q}");
}
