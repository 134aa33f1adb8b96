//! A form left unsaved when the session ends is kept as a draft and
//! offered back at the next start.

mod support;

use medel::domain::Lang;
use ratatui::crossterm::event::KeyCode;
use support::db::used;
use support::kr;
use support::ui::Ui;

/// The main view with nothing over it.
fn on_main(ui: &Ui) -> bool {
    let screen = ui.screen();
    screen.contains("┌ Recipients (15) ") && !screen.contains("┌ Question")
}

#[test]
fn a_dirty_form_becomes_a_draft_and_comes_back() {
    let mut ui = Ui::demo(Lang::En);
    assert!(on_main(&ui), "no draft to offer");
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("4711");
    assert_eq!(ui.save_drafts(), 1);
    // Next start, same user: the draft is offered.
    let mut ui = ui.restart();
    let q = ui.boxed("Question");
    assert!(q.contains("Bromma"), "draft offered: {q}");
    ui.keys("y");
    let screen = ui.screen();
    assert!(
        screen.contains("┌ Spending report · Bromma "),
        "form restored:\n{screen}"
    );
    assert_eq!(ui.row("1 Coordinated support for victims"), "4711");
    assert!(screen.contains("│● unsaved changes"), "{screen}");
    assert!(ui.db().drafts().unwrap().is_empty(), "taken, so gone");
    ui.ctrl('s');
    assert_eq!(used(&ui.db(), "Bromma"), kr(4711));
}

#[test]
fn a_discarded_draft_is_gone_and_a_clean_form_leaves_none() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter);
    assert_eq!(ui.save_drafts(), 0, "nothing typed, nothing kept");
    ui.keys("9");
    assert_eq!(ui.save_drafts(), 1);
    let mut ui = ui.restart();
    ui.keys("n");
    assert!(on_main(&ui), "{}", ui.screen());
    assert!(ui.db().drafts().unwrap().is_empty());
    let ui = ui.restart();
    assert!(on_main(&ui), "not offered twice");
}

/// Issue 14: Ctrl-C is a hang-up the user made: a dirty form is kept as a
/// draft, said on the way out; with nothing typed nothing is said.
#[test]
fn ctrl_c_keeps_a_dirty_form_as_a_draft_and_says_so() {
    for lang in [Lang::Sv, Lang::En] {
        let mut ui = Ui::demo(lang);
        ui.press(KeyCode::Enter); // Bromma
        ui.keys("4711");
        ui.ctrl('c');
        assert!(ui.quitting());
        let said = ui.parting_words().expect("said on the way out");
        assert!(said.contains(lang.pick("utkast", "draft")), "{said}");
        assert_eq!(ui.db().drafts().unwrap().len(), 1);
        let mut ui = ui.restart();
        assert!(ui.boxed(lang.pick("Fråga", "Question")).contains("Bromma"));
        ui.keys("n");
    }
    let mut ui = Ui::demo(Lang::En);
    ui.ctrl('c');
    assert!(ui.quitting());
    assert_eq!(ui.parting_words(), None);
}

/// Ctrl-U empties the field the cursor is in, and the help lists it.
#[test]
fn ctrl_u_clears_a_field_and_is_in_the_help() {
    let mut ui = Ui::demo(Lang::En);
    ui.press(KeyCode::Enter); // Bromma
    ui.keys("123");
    assert_eq!(ui.row("1 Coordinated support for victims"), "123");
    ui.ctrl('u');
    assert_eq!(ui.row("1 Coordinated support for victims"), "");
    ui.press(KeyCode::F(1));
    let help = ui.screen_at(100, 90);
    assert!(help.contains("Ctrl-U") || help.contains("Ctrl-u"), "{help}");
    assert!(help.contains("clear the field"), "{help}");
}
